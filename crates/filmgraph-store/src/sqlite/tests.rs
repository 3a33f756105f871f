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

#[test]
fn an_article_the_database_refuses_leaves_the_rest_of_its_batch_stored() {
    use crate::ArticleWrite;
    let (_dir, mut store) = temp_store();
    // The batch is planned whole and written straight through; a refusal
    // half-way (here a trigger's) sends it back to a savepoint per article.
    store
        .conn
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN NEW.title = 'Refused'
             BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END;",
        )
        .unwrap();
    let facts = lost_bullet_facts();
    let titles = ["Before", "Refused", TITLE];
    let facts_of: Vec<Vec<_>> = titles
        .iter()
        .map(|title| {
            let mut f = facts.clone();
            for fact in &mut f {
                fact.subject = fact.subject.replace(TITLE, title);
                fact.source.article = title.to_string();
            }
            f
        })
        .collect();
    let writes: Vec<ArticleWrite<'_>> = titles
        .iter()
        .zip(&facts_of)
        .map(|(title, facts)| ArticleWrite {
            record: record(title, LOST_BULLET),
            facts,
            revision: None,
        })
        .collect();
    let results = store.replace_articles(&writes).unwrap();
    assert_eq!(results[0].as_ref().unwrap().facts_added, facts.len());
    let refused = format!("{:?}", results[1].as_ref().unwrap_err());
    assert!(refused.contains("refused by a trigger"), "{refused}");
    assert_eq!(results[2].as_ref().unwrap().facts_added, facts.len());
    let stored: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(stored, ["Before", TITLE]);
    assert_eq!(store.counts().unwrap().facts as usize, 2 * facts.len());
}

#[test]
fn a_bulk_load_sets_the_lookup_indexes_aside_only_while_the_store_is_empty() {
    let (_dir, mut store) = temp_store();
    assert!(store.begin_bulk_load().unwrap());
    assert_eq!(super::bulk::missing(&store.conn).unwrap().len(), 5);
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    // Not ended (an interrupted ingest): the next load, into a store that
    // holds facts, puts them back and sets nothing aside.
    assert!(!store.begin_bulk_load().unwrap());
    assert!(super::bulk::missing(&store.conn).unwrap().is_empty());
    let person = store.person("Alban Lenoir").unwrap().unwrap();
    assert_eq!(person.credits.len(), 1);
}

#[test]
fn replacing_an_article_during_a_bulk_load_puts_the_lookup_indexes_back() {
    let (_dir, mut store) = temp_store();
    assert!(store.begin_bulk_load().unwrap());
    let facts = lost_bullet_facts();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    assert_eq!(super::bulk::missing(&store.conn).unwrap().len(), 5);
    // The second time, the entities the old facts named must be looked up.
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts[..1])
        .unwrap();
    assert!(super::bulk::missing(&store.conn).unwrap().is_empty());
    store.end_bulk_load().unwrap();
    assert_eq!(store.counts().unwrap().facts, 1);
}

fn journal_mode(store: &SqliteStore) -> String {
    store
        .conn
        .query_row("PRAGMA journal_mode", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_load_into_an_empty_database_writes_a_rollback_journal_then_goes_back_to_the_wal() {
    let (dir, mut store) = temp_store();
    assert_eq!(journal_mode(&store), "wal");
    assert!(store.begin_bulk_load().unwrap());
    assert_eq!(journal_mode(&store), "truncate");
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    store.end_bulk_load().unwrap();
    assert_eq!(journal_mode(&store), "wal");
    // A load that never ended (the process was killed): the next opening
    // puts the WAL back, and what the load committed is there.
    assert!(!store.begin_bulk_load().unwrap());
    store
        .conn
        .pragma_update(None, "journal_mode", "TRUNCATE")
        .unwrap();
    drop(store);
    let store = SqliteStore::open(dir.path().join("test.db")).unwrap();
    assert_eq!(journal_mode(&store), "wal");
    assert_eq!(store.counts().unwrap().facts, 5);
}

#[test]
fn a_load_while_another_connection_reads_stays_in_the_wal() {
    let (dir, mut store) = temp_store();
    let reader = SqliteStore::open(dir.path().join("test.db")).unwrap();
    assert!(store.begin_bulk_load().unwrap());
    assert_eq!(journal_mode(&store), "wal");
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    assert_eq!(reader.counts().unwrap().facts, 5);
    store.end_bulk_load().unwrap();
    assert_eq!(journal_mode(&store), "wal");
}
