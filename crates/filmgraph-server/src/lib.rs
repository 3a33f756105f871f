//! The only crate with HTTP: the JSON API (with its OpenAPI document), and the
//! web UI, in one axum [`Router`] built by [`app`].
//!
//! The server only reads: it answers from a store and from the search index
//! derived from it. Handlers share [`AppState`]; every failure is one
//! [`ApiError`], shown to clients as `{"error": message}` (or an error page in
//! the UI) while internal causes go to the log. Every response carries a
//! strict Content-Security-Policy: pages hold no inline script or style, and
//! all article text is escaped by the templates.

mod api;
mod assets;
mod citation;
mod error;
mod model;
mod openapi;
mod state;
mod ui;

pub use assets::CONTENT_SECURITY_POLICY;
pub use error::ApiError;
pub use openapi::document as openapi_document;
pub use state::{AppState, SharedStore};

use axum::routing::get;
use axum::{Json, Router};

/// The whole application: API, docs, UI and static files.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(api::healthz))
        .route("/openapi.json", get(|| async { Json(openapi::document()) }))
        .route("/api/search", get(api::search))
        .route("/api/suggest", get(api::suggest))
        .route("/api/films/{id}", get(api::film))
        .route("/api/people/{id}", get(api::person))
        .route("/api/franchises/{id}", get(api::franchise))
        .route("/api/facts", get(api::facts))
        .route("/api/citation", get(api::citation))
        .route("/", get(ui::search))
        .route("/films/{id}", get(ui::film))
        .route("/people/{id}", get(ui::person))
        .route("/franchises/{id}", get(ui::franchise))
        .route("/citation", get(ui::citation))
        .route("/docs", get(ui::docs))
        .route("/static/app.css", get(assets::css))
        .route("/static/app.js", get(assets::js))
        .fallback(ui::not_found)
        .layer(axum::middleware::from_fn(assets::security_headers))
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state))
        .with_graceful_shutdown(shutdown)
        .await
}
