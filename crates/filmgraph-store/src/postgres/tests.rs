//! The [`Store`] contract, checked on a real PostgreSQL server, and what only a
//! shared database has: several connections writing at once.

use super::{migrate, PgStore};
use crate::contract::{lost_bullet_facts, record, store_contract, LOST_BULLET, TITLE};
use crate::testing::TestDatabase;
use crate::{Error, Store};

fn pg_store() -> (TestDatabase, PgStore) {
    let db = TestDatabase::new();
    let store = PgStore::connect(db.url()).unwrap();
    (db, store)
}

store_contract!(pg_store);

#[test]
fn a_reconnected_store_keeps_its_data_and_schema() {
    let (db, mut store) = pg_store();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    drop(store);
    let store = PgStore::connect(db.url()).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::LATEST);
    assert_eq!(store.counts().unwrap().facts, 5);
}

#[test]
fn a_newer_schema_is_refused() {
    let (db, store) = pg_store();
    let mut client = postgres::Client::connect(db.url(), postgres::NoTls).unwrap();
    client
        .execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(migrate::LATEST + 1)],
        )
        .unwrap();
    drop(store);
    let err = PgStore::connect(db.url()).unwrap_err();
    assert!(matches!(err, Error::SchemaTooNew { .. }), "{err}");
}

#[test]
fn connecting_to_a_missing_database_says_why() {
    let (db, _store) = pg_store();
    let url = db.cluster().url("no_such_database");
    let err = PgStore::connect(&url).unwrap_err();
    let chain = format!("{:?}", anyhow_like_chain(&err));
    assert!(chain.contains("no_such_database"), "{chain}");
}

fn anyhow_like_chain(err: &dyn std::error::Error) -> Vec<String> {
    let mut out = vec![err.to_string()];
    let mut source = err.source();
    while let Some(e) = source {
        out.push(e.to_string());
        source = e.source();
    }
    out
}

/// Writers on separate connections, all re-ingesting the same articles in
/// different orders: the same graph as one writer, no deadlock, no duplicates.
#[test]
fn concurrent_writers_end_with_the_graph_of_one() {
    let (db, mut store) = pg_store();
    let articles = crate::contract::sample_articles();
    for (title, text, facts) in &articles {
        store.replace_article(&record(title, text), facts).unwrap();
    }
    let expected = store.counts().unwrap();
    let expected_people = store.entities(crate::EntityKind::Person).unwrap();

    let done = std::sync::atomic::AtomicBool::new(false);
    let start = store.latest_change().unwrap();
    std::thread::scope(|scope| {
        // A follower, as `serve` is one: whatever it reads while the writers
        // commit, it must end with every change, none skipped.
        let follower = scope.spawn(|| {
            let store = PgStore::connect(db.url()).unwrap();
            let (mut last, mut seen) = (start, Vec::new());
            loop {
                let finished = done.load(std::sync::atomic::Ordering::SeqCst);
                for change in store.changes_since(last, 1000).unwrap() {
                    last = change.seq;
                    seen.push(change.seq);
                }
                if finished {
                    return seen;
                }
            }
        });
        let mut writers = Vec::new();
        for writer in 0..4 {
            let url = db.url().to_string();
            let articles = &articles;
            writers.push(scope.spawn(move || {
                let mut store = PgStore::connect(&url).unwrap();
                for round in 0..5 {
                    let mut order: Vec<_> = articles.iter().collect();
                    if (writer + round) % 2 == 1 {
                        order.reverse();
                    }
                    for (title, text, facts) in order {
                        store.replace_article(&record(title, text), facts).unwrap();
                    }
                }
            }));
        }
        for writer in writers {
            writer.join().unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        let seen = follower.join().unwrap();
        let logged: Vec<u64> = store
            .changes_since(start, 1000)
            .unwrap()
            .into_iter()
            .map(|c| c.seq)
            .collect();
        assert_eq!(logged.len(), 4 * 5 * articles.len());
        assert_eq!(seen, logged, "the follower saw every change, in order");
    });
    assert_eq!(store.counts().unwrap(), expected);
    assert_eq!(
        store.entities(crate::EntityKind::Person).unwrap(),
        expected_people
    );
}
