//! The store's errors, worded for the person running filmgraph.

use std::error::Error as StdError;

/// Anything that can go wrong reading or writing the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The database itself failed: cannot open, locked, disk full, corrupt.
    #[error("database error")]
    Database(#[source] Box<dyn StdError + Send + Sync>),

    /// The database was written by a newer filmgraph.
    #[error("the database has schema version {found}; this filmgraph knows up to {supported}: upgrade filmgraph")]
    SchemaTooNew { found: i64, supported: i64 },

    /// An article handed to [`crate::Store::replace_article`] without a title,
    /// which is its identity.
    #[error("the article read from {source_path} has no title")]
    UntitledArticle { source_path: String },

    /// A fact handed to [`crate::Store::replace_article`] cannot be stored; the
    /// article is left as it was.
    #[error("fact {index} ({predicate}) of \"{article}\" {reason}")]
    InvalidFact {
        article: String,
        index: usize,
        predicate: String,
        reason: String,
    },

    /// A lookup names several films and none exactly.
    #[error("\"{query}\" matches several films: {}", candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },

    /// An operation this backend does not offer yet.
    #[error("this database cannot {what} yet")]
    Unsupported { what: &'static str },

    /// A stored row that this version cannot read back.
    #[error("unreadable stored data: {0}")]
    Corrupt(String),
}

/// `Result` with the store's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        Error::Database(Box::new(e))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Corrupt(e.to_string())
    }
}

impl From<postgres::Error> for Error {
    fn from(e: postgres::Error) -> Self {
        Error::Database(Box::new(e))
    }
}

impl From<r2d2::Error> for Error {
    fn from(e: r2d2::Error) -> Self {
        Error::Database(Box::new(e))
    }
}
