//! Shared by the server's tests: a temporary SQLite store filled by ingesting
//! the sample articles, an index built from it, and request helpers.

#![allow(dead_code)] // each test binary uses its own part of this module

use axum::body::Body;
use axum::http::{Request, StatusCode};
use filmgraph_index::Index;
use filmgraph_parse::Format;
use filmgraph_server::{app, AppState, SharedStore};
use filmgraph_store::{ArticleRecord, SqliteStore, Store};
use http_body_util::BodyExt;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use tower::ServiceExt;

/// A store and index over the samples (and any extra articles).
pub struct Fixture {
    pub dir: TempDir,
    pub db: PathBuf,
    pub state: AppState,
}

/// The repository's sample articles (the reference article among them).
pub fn sample_articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// Parses, extracts and stores one plain-text article.
pub fn ingest(store: &mut SqliteStore, path: &str, text: &str) {
    let article = filmgraph_parse::parse(text, Format::PlainText);
    let facts = filmgraph_extract::extract(&article);
    let record = ArticleRecord::new(&article, path, text);
    store.replace_article(&record, &facts).unwrap();
}

/// The samples plus `extra` articles `(file name, text)`.
pub fn fixture(extra: &[(&str, &str)]) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("test.db");
    let mut store = SqliteStore::open(&db).unwrap();
    for path in sample_articles() {
        let text = std::fs::read_to_string(&path).unwrap();
        ingest(&mut store, &path.display().to_string(), &text);
    }
    for (name, text) in extra {
        ingest(&mut store, name, text);
    }
    let index = Index::open_or_create(dir.path().join("index")).unwrap();
    index.rebuild(&store).unwrap();
    let stores: Vec<SharedStore> = vec![Box::new(store), Box::new(SqliteStore::open(&db).unwrap())];
    Fixture {
        state: AppState::new(stores, index),
        db,
        dir,
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// `GET uri` in process.
pub async fn get(state: &AppState, uri: &str) -> Reply {
    let response = app(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// `GET uri`, which must answer 200 with JSON.
pub async fn get_json(state: &AppState, uri: &str) -> serde_json::Value {
    let reply = get(state, uri).await;
    assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
    reply.json()
}

pub const LOST_BULLET: &str = "work:lost-bullet-2020-film";
