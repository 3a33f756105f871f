//! Finding and opening the database.

use crate::args::DbArgs;
use anyhow::{bail, Context, Result};
use filmgraph_store::SqliteStore;
use std::path::{Path, PathBuf};

/// `--db`, else `FILMGRAPH_DB`, else `filmgraph.db` in the user's data directory.
/// An empty value counts as none (SQLite would open a throwaway database).
pub fn path(args: &DbArgs) -> Result<PathBuf> {
    if let Some(path) = args.db.as_ref().filter(|p| !p.as_os_str().is_empty()) {
        return Ok(path.clone());
    }
    let dirs = directories::ProjectDirs::from("", "", "filmgraph")
        .context("no home directory to keep the database in: pass --db PATH")?;
    Ok(dirs.data_dir().join("filmgraph.db"))
}

/// Opens the database for ingesting, creating it and its directory if needed.
pub fn open_or_create(path: &Path) -> Result<SqliteStore> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
    }
    SqliteStore::open(path).with_context(|| format!("cannot open the database {}", path.display()))
}

/// Opens a database that must already exist (reading from a fresh, empty one
/// would only hide a wrong path).
pub fn open_existing(path: &Path) -> Result<SqliteStore> {
    if !path.is_file() {
        bail!(
            "no database at {}: run `filmgraph ingest FILE...` first, or pass --db PATH",
            path.display()
        );
    }
    SqliteStore::open(path).with_context(|| format!("cannot open the database {}", path.display()))
}
