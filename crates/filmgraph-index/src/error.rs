//! The index's errors, worded for the person running filmgraph.

use std::path::PathBuf;

/// Anything that can go wrong building or querying the index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The index directory cannot be created, read or cleared.
    #[error("cannot use the search index directory {}", path.display())]
    Directory {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// tantivy failed: a corrupt or locked index, a full disk.
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),

    /// Reading the store to (re)build documents failed.
    #[error("cannot read the store to index it")]
    Store(#[from] filmgraph_store::Error),

    /// A search whose parameters make no sense (`year_from` after `year_to`).
    #[error("invalid search: {0}")]
    InvalidQuery(String),
}

/// `Result` with the index's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<tantivy::directory::error::OpenDirectoryError> for Error {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> Self {
        Error::Tantivy(e.into())
    }
}
