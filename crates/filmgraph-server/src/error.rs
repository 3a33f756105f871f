//! [`ApiError`]: the one error type of every handler. Clients see a clean
//! message as `{"error": message}` (or an HTML page for the UI); internal
//! causes are logged, never shown.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// What a request can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// No film, person, franchise or article with that id.
    #[error("{0}")]
    NotFound(String),
    /// A parameter that cannot be read or makes no sense.
    #[error("{0}")]
    BadRequest(String),
    /// The store failed.
    #[error("the database could not answer")]
    Store(#[from] filmgraph_store::Error),
    /// The index failed (a bad query is a [`ApiError::BadRequest`]).
    #[error("the search index could not answer")]
    Index(filmgraph_index::Error),
    /// Rendering a page failed.
    #[error("the page could not be rendered")]
    Render(#[from] askama::Error),
}

impl From<filmgraph_index::Error> for ApiError {
    fn from(e: filmgraph_index::Error) -> Self {
        match e {
            filmgraph_index::Error::InvalidQuery(message) => ApiError::BadRequest(message),
            other => ApiError::Index(other),
        }
    }
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs what the client will not see.
    fn log(&self) {
        if self.status().is_server_error() {
            let mut source = std::error::Error::source(self);
            let mut chain = String::new();
            while let Some(cause) = source {
                chain.push_str(": ");
                chain.push_str(&cause.to_string());
                source = cause.source();
            }
            tracing::error!("{self}{chain}");
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.log();
        let body = serde_json::json!({ "error": self.to_string() });
        (self.status(), Json(body)).into_response()
    }
}

/// An [`ApiError`] shown as an HTML page, for the UI's routes.
#[derive(Debug)]
pub struct PageError(pub ApiError);

impl<E: Into<ApiError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.0.log();
        let status = self.0.status();
        crate::ui::error_page(status, &self.0.to_string())
    }
}

/// `Result` of a JSON handler.
pub type ApiResult<T> = Result<T, ApiError>;
