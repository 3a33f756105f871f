//! The [`Store`] contract, checked on real SQLite files, and what only SQLite
//! has: a file that outlives the store.

use super::SqliteStore;
use crate::contract::{lost_bullet_facts, record, store_contract, LOST_BULLET, TITLE};
use crate::Store;
use tempfile::TempDir;

fn temp_store() -> (TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(dir.path().join("test.db")).unwrap();
    (dir, store)
}

store_contract!(temp_store);

#[test]
fn a_reopened_store_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.db");
    {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
            .unwrap();
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), super::migrate::LATEST);
    assert_eq!(store.counts().unwrap().facts, 5);
}

#[test]
fn an_in_memory_store_keeps_the_contract() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    crate::contract::replacing_an_article_twice_stores_its_facts_once(&mut store);
}
