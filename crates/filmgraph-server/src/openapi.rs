//! The API's OpenAPI 3 document, served at `/openapi.json` and rendered as the
//! `/docs` page. Written by hand: it is the API's contract, and a test checks
//! that every route it lists answers.

use serde_json::{json, Value};

fn param(name: &str, location: &str, kind: &str, description: &str) -> Value {
    json!({
        "name": name,
        "in": location,
        "required": location == "path",
        "description": description,
        "schema": { "type": kind },
    })
}

fn page_params() -> Vec<Value> {
    vec![
        param("limit", "query", "integer", "How many items a page holds."),
        param("offset", "query", "integer", "How many items to skip."),
    ]
}

fn ok(description: &str, schema: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } },
    })
}

fn error(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } },
    })
}

fn get(summary: &str, params: Vec<Value>, response: Value, not_found: bool) -> Value {
    let mut responses = json!({ "200": response, "400": error("A parameter is malformed.") });
    if not_found {
        responses["404"] = error("No such id.");
    }
    json!({ "get": { "summary": summary, "parameters": params, "responses": responses } })
}

/// The OpenAPI document.
pub fn document() -> Value {
    let mut search_params = vec![
        param("q", "query", "string", "Words to find in titles, alternative titles, characters, people and summaries; case, accents and small typos do not matter."),
        param("kind", "query", "string", "Only results of this kind: film, work, person, character, company, franchise."),
        param("year_from", "query", "integer", "Only works released in or after this year."),
        param("year_to", "query", "integer", "Only works released in or before this year."),
        param("genre", "query", "string", "Only works of this genre (a value of facets.genre)."),
        param("country", "query", "string", "Only works from this country."),
        param("language", "query", "string", "Only works in this original language."),
        param("person", "query", "string", "Only works crediting this person."),
    ];
    search_params.extend(page_params());
    let mut facts_params = vec![
        param(
            "subject",
            "query",
            "string",
            "An entity id (work:…, person:…) or a name.",
        ),
        param(
            "predicate",
            "query",
            "string",
            "A predicate of FACTS.md, e.g. cast_member.",
        ),
    ];
    facts_params.extend(page_params());
    let id = |what: &str| vec![param("id", "path", "string", what)];
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "filmgraph API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Films, people and franchises read from encyclopedia articles, every fact with its citation: article, section, sentence and byte span. Ids are stable across re-ingests: work:<slug of the article title>, person:<slug of the name>.",
        },
        "paths": {
            "/api/search": get("Search films, people, characters, companies and franchises.", search_params, ok("Ranked results with snippets, the total and facet counts.", "SearchResults"), false),
            "/api/suggest": get("Complete a title or name prefix.", vec![param("q", "query", "string", "The prefix typed so far."), param("limit", "query", "integer", "At most this many suggestions (20).")], ok("Suggestions, best first.", "Suggestions"), false),
            "/api/films/{id}": get("A film or other work with all its facts, grouped, each with its citation.", id("A work id: work:lost-bullet-2020-film (or the bare slug)."), ok("The film.", "Film"), true),
            "/api/people/{id}": get("A person's filmography and roles.", id("A person id: person:alban-lenoir (or the bare slug)."), ok("The person.", "Person"), true),
            "/api/franchises/{id}": get("A franchise's works in release order.", id("The id of a series (work:lost-bullet) or of a work with sequels."), ok("The franchise.", "Franchise"), true),
            "/api/facts": get("Facts, filtered and paged.", facts_params, ok("A page of facts.", "Facts"), true),
            "/api/citation": get("The section of an article that holds a cited span.", vec![param("article", "query", "string", "The article title."), param("start", "query", "integer", "First byte of the span."), param("end", "query", "integer", "Byte after the span.")], ok("The section text with the span marked.", "Section"), true),
            "/healthz": get("Whether the server is up.", vec![], ok("Status and sizes.", "Health"), false),
        },
        "components": { "schemas": schemas() },
    })
}

fn schemas() -> Value {
    let string = json!({ "type": "string" });
    let int = json!({ "type": "integer" });
    let nullable_int = json!({ "type": "integer", "nullable": true });
    let link = json!({ "type": "object", "properties": { "id": string, "title": string } });
    let citation = json!({
        "type": "object",
        "properties": {
            "article": string, "section": string, "sentence": string,
            "start": int, "end": int,
            "refs": { "type": "array", "items": { "type": "object" } },
        },
    });
    let fact = json!({
        "type": "object",
        "properties": {
            "subject": string, "subject_id": string, "predicate": string, "object": string,
            "object_id": string,
            "qualifiers": { "type": "object", "additionalProperties": string },
            "citation": citation,
        },
    });
    let facts = json!({ "type": "array", "items": { "$ref": "#/components/schemas/Fact" } });
    let facet = json!({ "type": "array", "items": { "type": "object", "properties": { "value": string, "count": int } } });
    json!({
        "Error": { "type": "object", "properties": { "error": string }, "required": ["error"] },
        "Citation": citation,
        "Fact": fact,
        "SearchResults": {
            "type": "object",
            "properties": {
                "results": { "type": "array", "items": { "type": "object", "properties": {
                    "id": string, "kind": string, "title": string, "year": nullable_int,
                    "snippet": string,
                    "highlights": { "type": "array", "items": { "type": "array", "items": int } },
                    "snippet_field": string, "target": string, "url": string,
                } } },
                "total": int, "limit": int, "offset": int,
                "facets": { "type": "object", "properties": { "genre": facet, "country": facet, "language": facet, "decade": facet } },
            },
        },
        "Suggestions": { "type": "object", "properties": { "suggestions": { "type": "array", "items": { "type": "object", "properties": {
            "id": string, "kind": string, "title": string, "year": nullable_int, "target": string, "url": string,
        } } } } },
        "Film": {
            "type": "object",
            "properties": {
                "id": string, "kind": string, "title": string, "display_title": string, "year": nullable_int,
                "article": { "type": "object", "nullable": true, "properties": { "title": string, "source_path": string, "ingested_at": string } },
                "franchise": { "allOf": [link], "nullable": true },
                "groups": { "type": "array", "items": { "type": "object", "properties": { "key": string, "label": string, "facts": facts } } },
                "related": facts,
                "redirects": { "type": "array", "items": string, "description": "Titles that redirect to the film's article in the dumps ingested." },
            },
        },
        "Person": {
            "type": "object",
            "properties": {
                "id": string, "name": string,
                "filmography": { "type": "array", "items": { "type": "object", "properties": {
                    "film": link, "year": nullable_int,
                    "roles": { "type": "array", "items": { "type": "object", "properties": {
                        "role": string, "label": string, "character": string, "citation": citation,
                    } } },
                } } },
                "debut": facts, "facts": facts,
            },
        },
        "Franchise": {
            "type": "object",
            "properties": {
                "id": string, "title": string,
                "works": { "type": "array", "items": { "type": "object", "properties": {
                    "id": string, "title": string, "year": nullable_int, "facts": facts,
                } } },
            },
        },
        "Facts": { "type": "object", "properties": { "facts": facts, "total": int, "limit": int, "offset": int } },
        "Section": { "type": "object", "properties": {
            "article": string, "section": string, "section_start": int, "text": string,
            "highlight": { "type": "array", "items": int }, "start": int, "end": int,
        } },
        "Health": { "type": "object", "properties": { "status": string, "articles": int, "documents": int } },
    })
}

/// One endpoint as the docs page lists it.
#[derive(Debug)]
pub struct Endpoint {
    pub method: String,
    pub path: String,
    pub summary: String,
    pub params: Vec<(String, String, String, String)>,
    pub responses: Vec<(String, String)>,
}

/// The endpoints of [`document`], in its order.
pub fn endpoints() -> Vec<Endpoint> {
    let doc = document();
    let mut out = Vec::new();
    let Some(paths) = doc["paths"].as_object() else {
        return out;
    };
    for (path, methods) in paths {
        let Some(methods) = methods.as_object() else {
            continue;
        };
        for (method, op) in methods {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            out.push(Endpoint {
                method: method.to_uppercase(),
                path: path.clone(),
                summary: text(&op["summary"]),
                params: op["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        (
                            text(&p["name"]),
                            text(&p["in"]),
                            text(&p["schema"]["type"]),
                            text(&p["description"]),
                        )
                    })
                    .collect(),
                responses: op["responses"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(code, r)| (code.clone(), text(&r["description"])))
                    .collect(),
            });
        }
    }
    out
}
