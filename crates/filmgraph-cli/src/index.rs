//! `filmgraph index [--rebuild]`: the search index beside the database, and
//! how `ingest` keeps it current.

use crate::args::IndexArgs;
use crate::db;
use anyhow::{bail, Context, Result};
use filmgraph_index::Index;
use filmgraph_store::Store;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Past this many articles in one ingest, rebuilding beats updating.
const REBUILD_AFTER: usize = 2_000;

/// The index directory of a database: `filmgraph.db` -> `filmgraph.db-index`.
pub fn dir_for(db_path: &Path) -> PathBuf {
    let mut name = db_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "filmgraph.db".into());
    name.push("-index");
    db_path.with_file_name(name)
}

pub fn run(args: &IndexArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    if db::is_postgres(&db_path) {
        bail!(
            "a PostgreSQL database has no index beside it: each `filmgraph serve` builds its own \
             at start and follows the database's changes"
        );
    }
    let store = db::open_existing(&db_path)?;
    let dir = dir_for(&db_path);
    let index = open(&dir)?;
    if args.rebuild {
        let stats = index
            .rebuild(&*store)
            .context("cannot rebuild the search index")?;
        println!("indexed {} documents in {}", stats.documents, dir.display());
    } else {
        let state = if index.is_current(&*store)? {
            "current"
        } else {
            "out of date: run `filmgraph index --rebuild`"
        };
        println!("{}: {} documents, {state}", dir.display(), index.num_docs());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn open(dir: &Path) -> Result<Index> {
    Index::open_or_create(dir)
        .with_context(|| format!("cannot open the search index in {}", dir.display()))
}

/// Keeps the index beside the database current across an ingest: opened
/// before it (to know whether it was current), brought up to date after.
pub struct IngestHook {
    index: Option<Index>,
    was_current: bool,
}

impl IngestHook {
    /// A hook that warns, rather than fails, when the index cannot be opened:
    /// the database is the truth and the index can be rebuilt later.
    pub fn open(db_path: &Path, store: &dyn Store) -> IngestHook {
        match open(&dir_for(db_path)) {
            Ok(index) => {
                let was_current = index.is_current(store).unwrap_or(false);
                IngestHook {
                    index: Some(index),
                    was_current,
                }
            }
            Err(err) => {
                eprintln!("warning: {err:#}; the search index is not updated");
                IngestHook {
                    index: None,
                    was_current: false,
                }
            }
        }
    }

    /// Updates the index for the articles stored (or rebuilds it when it was
    /// not current or the batch is large). A title may come more than once
    /// (a film and the redirects to it): each is updated once.
    pub fn finish(self, store: &dyn Store, titles: &[String]) {
        let Some(index) = self.index else { return };
        if titles.is_empty() && self.was_current {
            return;
        }
        let titles: BTreeSet<&str> = titles.iter().map(String::as_str).collect();
        let result = if !self.was_current || titles.len() > REBUILD_AFTER {
            index.rebuild(store).map(|_| ())
        } else {
            let titles: Vec<&str> = titles.into_iter().collect();
            index.update_articles(store, &titles)
        };
        if let Err(err) = result {
            eprintln!(
                "warning: the search index was not updated ({err}); run `filmgraph index --rebuild`"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_lives_beside_the_database() {
        assert_eq!(
            dir_for(Path::new("data/filmgraph.db")),
            PathBuf::from("data/filmgraph.db-index")
        );
    }
}
