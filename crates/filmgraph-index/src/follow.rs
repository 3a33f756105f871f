//! [`ChangeFollower`]: keeps an index current with a store that other
//! processes write, by reading the store's change log
//! ([`Store::changes_since`]) and re-indexing the articles it names.
//!
//! Polling a table rather than listening for notifications: it needs nothing
//! but reads, so it works the same on SQLite and PostgreSQL, through
//! connection poolers, and on a read replica (PostgreSQL does not relay
//! `NOTIFY` to standbys); a follower that was disconnected or slow simply
//! reads more rows next time, and nothing is lost.

use crate::{Index, Result};
use filmgraph_store::Store;
use std::collections::BTreeSet;

/// How many changes one poll reads at most; more wait for the next poll.
const BATCH: usize = 10_000;

/// Where an index is in a store's change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeFollower {
    last: u64,
}

impl ChangeFollower {
    /// Starts at the store's newest change. Call it *before* building the
    /// index from the store: what commits during the build is then applied
    /// again by the first [`ChangeFollower::poll`], which is harmless, rather
    /// than missed.
    pub fn start(store: &dyn Store) -> Result<ChangeFollower> {
        Ok(ChangeFollower {
            last: store.latest_change()?,
        })
    }

    /// The number of the last change applied.
    pub fn last(&self) -> u64 {
        self.last
    }

    /// Re-indexes the articles stored or removed since the last poll; how
    /// many. On an error nothing is marked applied, so the next poll tries the
    /// same changes again.
    pub fn poll(&mut self, index: &Index, store: &dyn Store) -> Result<usize> {
        let changes = store.changes_since(self.last, BATCH)?;
        let Some(newest) = changes.last().map(|c| c.seq) else {
            return Ok(0);
        };
        let titles: BTreeSet<&str> = changes.iter().map(|c| c.title.as_str()).collect();
        let titles: Vec<&str> = titles.into_iter().collect();
        index.update_articles(store, &titles)?;
        self.last = newest;
        Ok(titles.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Query;
    use filmgraph_store::{ArticleRecord, SqliteStore};

    fn store_film(store: &mut dyn Store, title: &str) {
        let text = format!("= {title} =\n\n{title} is a film.\n");
        let record = ArticleRecord {
            title,
            display_title: None,
            source_path: "t.txt",
            text: &text,
        };
        store.replace_article(&record, &[]).unwrap();
    }

    fn found(index: &Index, text: &str) -> Vec<String> {
        let results = index.search(&Query::text(text)).unwrap().results;
        results.into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn writes_by_another_connection_reach_the_index() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let mut writer = SqliteStore::open(&path).unwrap();
        store_film(&mut writer, "Night Train");
        let reader = SqliteStore::open(&path).unwrap();

        let index = Index::in_memory().unwrap();
        let mut follower = ChangeFollower::start(&reader).unwrap();
        index.rebuild(&reader).unwrap();
        assert_eq!(follower.poll(&index, &reader).unwrap(), 0);

        store_film(&mut writer, "Lost Bullet");
        store_film(&mut writer, "Lost Bullet");
        assert!(found(&index, "lost bullet").is_empty());
        assert_eq!(follower.poll(&index, &reader).unwrap(), 1, "one title");
        assert_eq!(found(&index, "lost bullet"), ["work:lost-bullet"]);
        assert_eq!(follower.last(), reader.latest_change().unwrap());

        writer
            .remove_articles(&["Lost Bullet".to_string()])
            .unwrap();
        follower.poll(&index, &reader).unwrap();
        assert!(found(&index, "lost bullet").is_empty());
        assert_eq!(found(&index, "night train"), ["work:night-train"]);
    }
}
