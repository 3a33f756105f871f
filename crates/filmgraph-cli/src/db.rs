//! Finding and opening the database: a SQLite file, or a PostgreSQL database
//! named by a `postgres://` URL.

use crate::args::DbArgs;
use anyhow::{bail, Context, Result};
use filmgraph_store::{Location, PgStore, SqliteStore, Store};
use std::path::{Path, PathBuf};

/// A store of either backend.
pub type AnyStore = Box<dyn Store + Send>;

/// `--db`, else `FILMGRAPH_DB`, else `filmgraph.db` in the user's data directory.
/// An empty value counts as none (SQLite would open a throwaway database). A
/// `postgres://` URL comes back as it was given (see [`location`]).
pub fn path(args: &DbArgs) -> Result<PathBuf> {
    if let Some(path) = args.db.as_ref().filter(|p| !p.as_os_str().is_empty()) {
        return Ok(path.clone());
    }
    let dirs = directories::ProjectDirs::from("", "", "filmgraph")
        .context("no home directory to keep the database in: pass --db PATH")?;
    Ok(dirs.data_dir().join("filmgraph.db"))
}

/// Which backend `path` names.
pub fn location(path: &Path) -> Location {
    Location::parse(path)
}

/// Whether `path` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres(path: &Path) -> bool {
    matches!(location(path), Location::Postgres(_))
}

/// The database as messages name it: the path, or the URL without its password.
pub fn describe(path: &Path) -> String {
    location(path).to_string()
}

/// Opens the database for writing: a SQLite file is created, with its
/// directory, if needed; a PostgreSQL database must exist (its tables are
/// created if they do not).
pub fn open_or_create(path: &Path) -> Result<AnyStore> {
    match location(path) {
        Location::Sqlite(path) => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create the directory {}", dir.display()))?;
            }
            let store = SqliteStore::open(&path)
                .with_context(|| format!("cannot open the database {}", path.display()))?;
            Ok(Box::new(store))
        }
        Location::Postgres(url) => connect(&url),
    }
}

/// Opens a database that must already exist (reading from a fresh, empty one
/// would only hide a wrong path).
pub fn open_existing(path: &Path) -> Result<AnyStore> {
    match location(path) {
        Location::Sqlite(path) => {
            if !path.is_file() {
                bail!(
                    "no database at {}: run `filmgraph ingest FILE...` first, or pass --db PATH",
                    path.display()
                );
            }
            let store = SqliteStore::open(&path)
                .with_context(|| format!("cannot open the database {}", path.display()))?;
            Ok(Box::new(store))
        }
        Location::Postgres(url) => connect(&url),
    }
}

fn connect(url: &str) -> Result<AnyStore> {
    let store = PgStore::connect(url)
        .with_context(|| format!("cannot open the database {}", Location::parse(url)))?;
    Ok(Box::new(store))
}
