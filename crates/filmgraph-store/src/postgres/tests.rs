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

/// Facts whose article, subject or object entity is missing.
const DANGLING: &str = "SELECT count(*) FROM facts f
    WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.article_id)
       OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = f.subject_id)
       OR (f.object_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = f.object_id))";

/// Two writers keep naming and dropping the same person (each cleanup deletes
/// her when its own article stops naming her), one article by article and
/// one in batches, while a checker reads: no committed state ever has a fact
/// without its entity or article. No foreign key guards this (migration 5):
/// the writers' locks and serializable isolation do.
#[test]
fn concurrent_cleanups_never_leave_a_fact_without_its_entity() {
    let (db, _store) = pg_store();
    let text_of = |title: &str| format!("{title} is a film starring Shared Person.\n");
    let facts_of = |title: &str, text: &str, names: bool| -> Vec<filmgraph_model::Fact> {
        let source = filmgraph_model::Provenance {
            article: title.to_string(),
            section: "lead".into(),
            start: 0,
            end: text.len() - 1,
            refs: vec![],
        };
        let fact = |predicate, object: &str| filmgraph_model::Fact {
            subject: title.to_string(),
            predicate,
            object: object.to_string(),
            qualifiers: Default::default(),
            source: source.clone(),
        };
        let mut facts = vec![fact(filmgraph_model::Predicate::InstanceOf, "film")];
        if names {
            facts.push(fact(
                filmgraph_model::Predicate::CastMember,
                "Shared Person",
            ));
        }
        facts
    };
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let checker = scope.spawn(|| {
            let mut client = postgres::Client::connect(db.url(), postgres::NoTls).unwrap();
            let mut checks = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                let dangling: i64 = client.query_one(DANGLING, &[]).unwrap().get(0);
                assert_eq!(dangling, 0, "a fact without its entity or article");
                checks += 1;
            }
            checks
        });
        let one_by_one = scope.spawn(|| {
            let mut store = PgStore::connect(db.url()).unwrap();
            let title = "Film One";
            let text = text_of(title);
            for round in 0..150 {
                let facts = facts_of(title, &text, round % 2 == 0);
                store
                    .replace_article(&record(title, &text), &facts)
                    .unwrap();
            }
        });
        let batched = scope.spawn(|| {
            let mut store = PgStore::connect(db.url()).unwrap();
            let titles = ["Film Two", "Film Three"];
            let texts: Vec<String> = titles.iter().map(|t| text_of(t)).collect();
            for round in 0..150 {
                let facts: Vec<_> = titles
                    .iter()
                    .zip(&texts)
                    .map(|(t, text)| facts_of(t, text, round % 3 != 1))
                    .collect();
                let batch: Vec<crate::ArticleWrite<'_>> = titles
                    .iter()
                    .zip(&texts)
                    .zip(&facts)
                    .map(|((t, text), facts)| crate::ArticleWrite {
                        record: record(t, text),
                        facts,
                        revision: None,
                    })
                    .collect();
                for result in store.replace_articles(&batch).unwrap() {
                    result.unwrap();
                }
            }
        });
        one_by_one.join().unwrap();
        batched.join().unwrap();
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(checker.join().unwrap() > 0);
    });
    let mut client = postgres::Client::connect(db.url(), postgres::NoTls).unwrap();
    let dangling: i64 = client.query_one(DANGLING, &[]).unwrap().get(0);
    assert_eq!(dangling, 0);
    // The last round: Film One does not name her, Films Two and Three do.
    let store = PgStore::connect(db.url()).unwrap();
    assert!(store.person("Shared Person").unwrap().is_some());
}
