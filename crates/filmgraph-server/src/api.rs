//! The JSON API under `/api`: search, suggestions, films, people, franchises,
//! facts and citations. Every error is `{"error": message}` with 400 for a bad
//! parameter and 404 for an unknown id.

use crate::citation::SectionOut;
use crate::error::{ApiError, ApiResult};
use crate::model::{encode, full_id, FactOut, FilmOut, FranchiseOut, PersonOut};
use crate::state::AppState;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::Json;
use filmgraph_index::{Facets, Kind};
use filmgraph_model::Predicate;
use filmgraph_store::{entity_id, EntityKind, FactQuery};
use serde::Serialize;
use std::collections::HashMap;
use std::str::FromStr;

/// The most results a search page holds.
pub const MAX_SEARCH_LIMIT: usize = 100;
/// The most facts a page of `/api/facts` holds.
pub const MAX_FACTS_LIMIT: usize = 500;

/// The query string, read leniently: unknown parameters are ignored, empty
/// ones are absent, malformed numbers are a 400.
#[derive(Debug, Default)]
pub struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map(|Query(map)| Params(map))
            .map_err(|e| ApiError::BadRequest(e.body_text()))
    }
}

impl Params {
    pub fn str(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    pub fn num<T: FromStr>(&self, name: &str) -> ApiResult<Option<T>> {
        self.str(name)
            .map(|v| {
                v.parse().map_err(|_| {
                    ApiError::BadRequest(format!("{name} must be a whole number, not \"{v}\""))
                })
            })
            .transpose()
    }

    /// `limit` (default `default`, at most `max`) and `offset`.
    pub fn page(&self, default: usize, max: usize) -> ApiResult<(usize, usize)> {
        let limit = self.num::<usize>("limit")?.unwrap_or(default);
        if limit > max {
            return Err(ApiError::BadRequest(format!(
                "limit must be at most {max}, not {limit}"
            )));
        }
        Ok((limit, self.num::<usize>("offset")?.unwrap_or(0)))
    }

    /// The search these parameters ask for.
    pub fn search_query(&self) -> ApiResult<filmgraph_index::Query> {
        let (limit, offset) = self.page(20, MAX_SEARCH_LIMIT)?;
        let kind = self
            .str("kind")
            .map(|k| {
                Kind::parse(k).ok_or_else(|| {
                    let kinds: Vec<_> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                    ApiError::BadRequest(format!(
                        "kind must be one of {}, not \"{k}\"",
                        kinds.join(", ")
                    ))
                })
            })
            .transpose()?;
        let owned = |name| self.str(name).map(str::to_string);
        Ok(filmgraph_index::Query {
            text: self.str("q").unwrap_or_default().to_string(),
            kind,
            year_from: self.num("year_from")?,
            year_to: self.num("year_to")?,
            genre: owned("genre"),
            country: owned("country"),
            language: owned("language"),
            person: owned("person"),
            limit,
            offset,
        })
    }
}

/// `GET /healthz`.
pub async fn healthz(State(state): State<AppState>) -> ApiResult<Json<serde_json::Value>> {
    let counts = state.with_store(|s| Ok(s.counts()?))?;
    Ok(Json(serde_json::json!({
        "status": "ok",
        "articles": counts.articles,
        "documents": state.index().num_docs(),
    })))
}

/// One search result.
#[derive(Debug, Serialize)]
pub struct ResultOut {
    pub id: String,
    pub kind: Kind,
    pub title: String,
    pub year: Option<i64>,
    /// A passage of the result where the query's words occur.
    pub snippet: String,
    /// Byte ranges of `snippet` that match the query.
    pub highlights: Vec<[usize; 2]>,
    /// The field the snippet comes from.
    pub snippet_field: String,
    /// The entity the result leads to (a character's film).
    pub target: String,
    /// The UI page of the result.
    pub url: String,
}

/// `GET /api/search` answers.
#[derive(Debug, Serialize)]
pub struct SearchOut {
    pub results: Vec<ResultOut>,
    pub total: u64,
    pub facets: Facets,
    pub limit: usize,
    pub offset: usize,
}

/// The UI page a result leads to.
pub fn result_url(kind: Kind, id: &str, target: &str, title: &str) -> String {
    match kind {
        Kind::Person => format!("/people/{id}"),
        Kind::Franchise => format!("/franchises/{id}"),
        Kind::Company => format!("/?q={}", encode(title)),
        Kind::Film | Kind::Work | Kind::Character => format!("/films/{target}"),
    }
}

pub fn run_search(state: &AppState, params: &Params) -> ApiResult<SearchOut> {
    let query = params.search_query()?;
    let found = state.index().search(&query)?;
    Ok(SearchOut {
        results: found
            .results
            .into_iter()
            .map(|h| ResultOut {
                url: result_url(h.kind, &h.id, &h.target, &h.title),
                id: h.id,
                kind: h.kind,
                title: h.title,
                year: h.year,
                snippet: h.snippet.text,
                highlights: h.snippet.highlights,
                snippet_field: h.snippet.field,
                target: h.target,
            })
            .collect(),
        total: found.total,
        facets: found.facets,
        limit: query.limit,
        offset: query.offset,
    })
}

/// `GET /api/search?q=&kind=&year_from=&year_to=&genre=&country=&language=&person=&limit=&offset=`.
pub async fn search(State(state): State<AppState>, params: Params) -> ApiResult<Json<SearchOut>> {
    run_search(&state, &params).map(Json)
}

/// `GET /api/suggest?q=&limit=`.
pub async fn suggest(
    State(state): State<AppState>,
    params: Params,
) -> ApiResult<Json<serde_json::Value>> {
    let (limit, _) = params.page(8, 20)?;
    let q = params.str("q").unwrap_or_default();
    let suggestions: Vec<_> = state
        .index()
        .suggest(q, limit)?
        .into_iter()
        .map(|s| {
            serde_json::json!({
                "id": s.id,
                "kind": s.kind,
                "title": s.title,
                "year": s.year,
                "target": s.target,
                "url": result_url(s.kind, &s.id, &s.target, &s.title),
            })
        })
        .collect();
    Ok(Json(serde_json::json!({ "suggestions": suggestions })))
}

/// `GET /api/films/{id}`.
pub async fn film(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<FilmOut>> {
    let id = full_id(&id, "work");
    state.with_store(|s| FilmOut::load(s, &id)).map(Json)
}

/// `GET /api/people/{id}`.
pub async fn person(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<PersonOut>> {
    let id = full_id(&id, "person");
    state.with_store(|s| PersonOut::load(s, &id)).map(Json)
}

/// `GET /api/franchises/{id}`.
pub async fn franchise(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<FranchiseOut>> {
    let id = full_id(&id, "work");
    state.with_store(|s| FranchiseOut::load(s, &id)).map(Json)
}

/// `GET /api/facts` answers.
#[derive(Debug, Serialize)]
pub struct FactsOut {
    pub facts: Vec<FactOut>,
    pub total: u64,
    pub limit: usize,
    pub offset: usize,
}

/// `GET /api/facts?subject=&predicate=&limit=&offset=`: `subject` is an id or
/// a name.
pub async fn facts(State(state): State<AppState>, params: Params) -> ApiResult<Json<FactsOut>> {
    let (limit, offset) = params.page(50, MAX_FACTS_LIMIT)?;
    let predicate = params
        .str("predicate")
        .map(|p| {
            Predicate::parse(p).ok_or_else(|| {
                ApiError::BadRequest(format!("unknown predicate \"{p}\" (see FACTS.md)"))
            })
        })
        .transpose()?;
    state.with_store(|store| {
        let subject_id = match params.str("subject") {
            None => None,
            Some(subject) => {
                let candidates = if subject.contains(':') {
                    vec![subject.to_string()]
                } else {
                    vec![
                        entity_id(EntityKind::Work, subject),
                        entity_id(EntityKind::Person, subject),
                    ]
                };
                let mut found = None;
                for id in candidates {
                    if store.entity(&id)?.is_some() {
                        found = Some(id);
                        break;
                    }
                }
                Some(found.ok_or_else(|| {
                    ApiError::NotFound(format!("no film, work or person \"{subject}\""))
                })?)
            }
        };
        let page = store.facts(&FactQuery {
            subject_id: subject_id.clone(),
            predicate,
            limit: Some(limit),
            offset,
            ..Default::default()
        })?;
        Ok(Json(FactsOut {
            facts: page
                .facts
                .iter()
                .map(|f| {
                    let sid = subject_id
                        .clone()
                        .unwrap_or_else(|| entity_id(EntityKind::Work, &f.fact.subject));
                    FactOut::new(f, &sid)
                })
                .collect(),
            total: page.total,
            limit,
            offset,
        }))
    })
}

/// The `article`, `start` and `end` of a citation request.
pub fn citation_params(params: &Params) -> ApiResult<(String, usize, usize)> {
    let article = params
        .str("article")
        .ok_or_else(|| ApiError::BadRequest("article is required".into()))?;
    let start = params
        .num::<usize>("start")?
        .ok_or_else(|| ApiError::BadRequest("start is required".into()))?;
    let end = params
        .num::<usize>("end")?
        .ok_or_else(|| ApiError::BadRequest("end is required".into()))?;
    Ok((article.to_string(), start, end))
}

/// `GET /api/citation?article=&start=&end=`: the section holding a cited span.
pub async fn citation(
    State(state): State<AppState>,
    params: Params,
) -> ApiResult<Json<SectionOut>> {
    let (article, start, end) = citation_params(&params)?;
    state
        .with_store(|s| SectionOut::load(s, &article, start, end))
        .map(Json)
}
