//! The web UI: server-rendered pages (askama templates, escaped by default)
//! for search, films, people, franchises, citations and the API docs. Script
//! and style are static files (see [`crate::assets`]), so a strict
//! Content-Security-Policy holds.

use crate::api::{citation_params, run_search, Params, ResultOut, SearchOut};
use crate::citation::SectionOut;
use crate::error::PageError;
use crate::model::{encode, full_id, href, FactOut, FilmOut, FranchiseOut, PersonOut};
use crate::openapi::{endpoints, Endpoint};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use filmgraph_index::FacetCount;
use filmgraph_store::{entity_id, EntityKind};

type Page = Result<Html<String>, PageError>;

/// A text cut into runs, each marked or not: how snippets and cited
/// sentences are shown without writing HTML by hand.
#[derive(Debug, Clone)]
pub struct Marked {
    pub runs: Vec<(String, bool)>,
}

impl Marked {
    pub fn new(text: &str, marks: &[[usize; 2]]) -> Marked {
        let mut runs = Vec::new();
        let mut at = 0;
        for &[s, e] in marks {
            if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                continue;
            }
            if s > at {
                runs.push((text[at..s].to_string(), false));
            }
            runs.push((text[s..e].to_string(), true));
            at = e;
        }
        if at < text.len() {
            runs.push((text[at..].to_string(), false));
        }
        Marked { runs }
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    q: String,
    year_from: String,
    year_to: String,
    results: Vec<(ResultOut, Marked)>,
    total: u64,
    facets: Vec<(&'static str, &'static str, Vec<FacetLink>)>,
    active: Vec<FacetLink>,
    prev: Option<String>,
    next: Option<String>,
    error: Option<String>,
    first: usize,
    last: usize,
}

/// A facet value, or an active filter, as a link that toggles it.
struct FacetLink {
    label: String,
    count: u64,
    href: String,
}

/// The filters a search page keeps in its links.
const KEPT: [&str; 8] = [
    "q",
    "kind",
    "year_from",
    "year_to",
    "genre",
    "country",
    "language",
    "person",
];

fn search_href(params: &Params, set: &[(&str, Option<&str>)], offset: usize) -> String {
    let mut pairs = Vec::new();
    for key in KEPT {
        let value = match set.iter().find(|(k, _)| *k == key) {
            Some((_, v)) => *v,
            None => params.str(key),
        };
        if let Some(v) = value {
            pairs.push(format!("{key}={}", encode(v)));
        }
    }
    if offset > 0 {
        pairs.push(format!("offset={offset}"));
    }
    format!("/?{}", pairs.join("&"))
}

/// `GET /`: the search page.
pub async fn search(State(state): State<AppState>, params: Params) -> Page {
    let searched = if params.str("q").is_some() || KEPT[1..].iter().any(|k| params.str(k).is_some())
    {
        Some(run_search(&state, &params))
    } else {
        None
    };
    let (found, error) = match searched {
        None => (None, None),
        Some(Ok(found)) => (Some(found), None),
        Some(Err(e)) if e.status() == StatusCode::BAD_REQUEST => (None, Some(e.to_string())),
        Some(Err(e)) => return Err(e.into()),
    };
    let SearchOut {
        results,
        total,
        facets,
        limit,
        offset,
    } = found.unwrap_or(SearchOut {
        results: Vec::new(),
        total: 0,
        facets: Default::default(),
        limit: 20,
        offset: 0,
    });
    let facet_links = |key: &'static str, values: &[FacetCount]| {
        values
            .iter()
            .map(|v| FacetLink {
                label: v.value.clone(),
                count: v.count,
                href: search_href(&params, &[(key, Some(&v.value))], 0),
            })
            .collect::<Vec<_>>()
    };
    let mut facet_groups = vec![
        ("genre", "Genre", facet_links("genre", &facets.genre)),
        (
            "country",
            "Country",
            facet_links("country", &facets.country),
        ),
        (
            "language",
            "Language",
            facet_links("language", &facets.language),
        ),
    ];
    let decades: Vec<FacetLink> = facets
        .decade
        .iter()
        .filter_map(|d| {
            let from: i64 = d.value.trim_end_matches('s').parse().ok()?;
            let (from_s, to_s) = (from.to_string(), (from + 9).to_string());
            Some(FacetLink {
                label: d.value.clone(),
                count: d.count,
                href: search_href(
                    &params,
                    &[("year_from", Some(&from_s)), ("year_to", Some(&to_s))],
                    0,
                ),
            })
        })
        .collect();
    facet_groups.push(("decade", "Decade", decades));
    facet_groups.retain(|(_, _, links)| !links.is_empty());
    let active = KEPT[1..]
        .iter()
        .filter_map(|key| {
            params.str(key).map(|v| FacetLink {
                label: format!("{}: {v}", key.replace('_', " ")),
                count: 0,
                href: search_href(&params, &[(key, None)], 0),
            })
        })
        .collect();
    let shown = results.len();
    let page = SearchPage {
        q: params.str("q").unwrap_or_default().to_string(),
        year_from: params.str("year_from").unwrap_or_default().to_string(),
        year_to: params.str("year_to").unwrap_or_default().to_string(),
        results: results
            .into_iter()
            .map(|r| {
                let marked = Marked::new(&r.snippet, &r.highlights);
                (r, marked)
            })
            .collect(),
        total,
        facets: facet_groups,
        active,
        prev: (offset > 0).then(|| search_href(&params, &[], offset.saturating_sub(limit))),
        next: ((offset + shown) < total as usize && limit > 0)
            .then(|| search_href(&params, &[], offset + limit)),
        error,
        first: offset + 1,
        last: offset + shown,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "film.html")]
struct FilmPage {
    film: FilmOut,
}

impl FilmPage {
    fn group(&self, key: &str) -> Vec<&FactOut> {
        self.film.facts(key)
    }

    fn values(&self, predicate: &str) -> Vec<&str> {
        self.film
            .groups
            .iter()
            .flat_map(|g| &g.facts)
            .filter(|f| f.predicate == predicate)
            .map(|f| f.object.as_str())
            .collect()
    }

    fn other_groups(&self) -> Vec<&crate::model::FactGroup> {
        self.film
            .groups
            .iter()
            .filter(|g| !matches!(g.key, "about" | "credits" | "release" | "reception"))
            .collect()
    }
}

/// How a predicate reads as a label.
pub fn predicate_label(p: &str) -> String {
    let mut s = p.replace('_', " ");
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

/// The qualifiers of a fact as `key: value` pairs, without `character`.
fn qualifier_text(f: &FactOut) -> String {
    f.qualifiers
        .iter()
        .filter(|(k, _)| k.as_str() != "character" && k.as_str() != "quote")
        .map(|(k, v)| format!("{}: {v}", k.replace('_', " ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `GET /films/{id}`.
pub async fn film(State(state): State<AppState>, Path(id): Path<String>) -> Page {
    let id = full_id(&id, "work");
    let film = state.with_store(|s| FilmOut::load(s, &id))?;
    Ok(Html(FilmPage { film }.render()?))
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    person: PersonOut,
}

/// `GET /people/{id}`.
pub async fn person(State(state): State<AppState>, Path(id): Path<String>) -> Page {
    let id = full_id(&id, "person");
    let person = state.with_store(|s| PersonOut::load(s, &id))?;
    Ok(Html(PersonPage { person }.render()?))
}

#[derive(Template)]
#[template(path = "franchise.html")]
struct FranchisePage {
    franchise: FranchiseOut,
}

/// `GET /franchises/{id}`.
pub async fn franchise(State(state): State<AppState>, Path(id): Path<String>) -> Page {
    let id = full_id(&id, "work");
    let franchise = state.with_store(|s| FranchiseOut::load(s, &id))?;
    Ok(Html(FranchisePage { franchise }.render()?))
}

#[derive(Template)]
#[template(path = "citation.html")]
struct CitationPage {
    section: SectionOut,
    film_href: String,
    before: String,
    cited: String,
    after: String,
}

/// `GET /citation?article=&start=&end=`: the sentence within its section.
pub async fn citation(State(state): State<AppState>, params: Params) -> Page {
    let (article, start, end) = citation_params(&params)?;
    let section = state.with_store(|s| SectionOut::load(s, &article, start, end))?;
    let (before, cited, after) = section.parts();
    let (before, cited, after) = (before.to_string(), cited.to_string(), after.to_string());
    let page = CitationPage {
        film_href: href(&entity_id(EntityKind::Film, &section.article)),
        section,
        before,
        cited,
        after,
    };
    Ok(Html(page.render()?))
}

#[derive(Template)]
#[template(path = "docs.html")]
struct DocsPage {
    endpoints: Vec<Endpoint>,
}

/// `GET /docs`: the API, from its OpenAPI document.
pub async fn docs() -> Page {
    Ok(Html(
        DocsPage {
            endpoints: endpoints(),
        }
        .render()?,
    ))
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    status: u16,
    reason: &'a str,
    message: &'a str,
}

/// An error as a page.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let page = ErrorPage {
        status: status.as_u16(),
        reason: status.canonical_reason().unwrap_or("Error"),
        message,
    };
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, message.to_string()).into_response(),
    }
}

/// Any other path: a 404 page, or JSON under `/api`.
pub async fn not_found(uri: axum::http::Uri) -> Response {
    let message = format!("nothing at {}", uri.path());
    if uri.path().starts_with("/api/") {
        crate::error::ApiError::NotFound(message).into_response()
    } else {
        error_page(StatusCode::NOT_FOUND, &message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_cut_text_into_runs() {
        let m = Marked::new("a Lino b", &[[2, 6]]);
        assert_eq!(
            m.runs,
            [
                ("a ".into(), false),
                ("Lino".into(), true),
                (" b".into(), false)
            ]
        );
        // Marks that overlap or fall outside are skipped.
        let m = Marked::new("abc", &[[1, 2], [0, 1], [2, 9]]);
        assert_eq!(m.runs.len(), 3);
    }

    #[test]
    fn predicates_read_as_labels() {
        assert_eq!(predicate_label("cast_member"), "Cast member");
    }
}
