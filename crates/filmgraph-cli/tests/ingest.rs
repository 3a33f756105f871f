//! `filmgraph ingest`: where the database goes, and what a second ingest does.

mod common;

use common::{filmgraph, fixture, sample_articles, text, TestDb};
use filmgraph_store::{EntityKind, FactQuery, SqliteStore, Store};

on_both_backends!(
    ingesting_twice_stores_every_fact_once,
    the_summary_counts_what_the_batch_stored,
    an_article_edited_between_ingests_keeps_one_row,
    a_dump_is_ingested_page_by_page,
);

fn ingesting_twice_stores_every_fact_once(db: TestDb) {
    let ingest = || {
        let out = filmgraph()
            .args(["ingest", "--db"])
            .arg(db.arg())
            .args(sample_articles())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let first = ingest();
    let counts = db.open().counts().unwrap();
    let second = ingest();
    assert_eq!(first, second, "the same batch reports the same summary");
    assert_eq!(db.open().counts().unwrap(), counts);
    assert_eq!(counts.articles, sample_articles().len() as u64);
}

fn the_summary_counts_what_the_batch_stored(db: TestDb) {
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .arg(fixture("night_train.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let counts = db.open().counts().unwrap();
    assert_eq!(
        text(&out.stdout),
        format!(
            "ingested 1 articles: 1 films, {} people, {} facts; 0 failed\n",
            counts.people, counts.facts
        )
    );
}

#[test]
fn the_database_comes_from_filmgraph_db_when_no_flag_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.db");
    filmgraph()
        .env("FILMGRAPH_DB", &db)
        .arg("ingest")
        .arg(fixture("night_train.txt"))
        .assert()
        .success();
    assert_eq!(
        SqliteStore::open(&db).unwrap().counts().unwrap().articles,
        1
    );
    // --db wins over the environment.
    let flag = dir.path().join("from-flag.db");
    filmgraph()
        .env("FILMGRAPH_DB", &db)
        .args(["ingest", "--db"])
        .arg(&flag)
        .arg(fixture("night_train.txt"))
        .assert()
        .success();
    assert!(flag.is_file());
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_database_is_in_the_data_directory() {
    let dir = tempfile::tempdir().unwrap();
    filmgraph()
        .env("XDG_DATA_HOME", dir.path())
        .arg("ingest")
        .arg(fixture("night_train.txt"))
        .assert()
        .success();
    let db = dir.path().join("filmgraph/filmgraph.db");
    assert_eq!(
        SqliteStore::open(&db).unwrap().counts().unwrap().articles,
        1
    );
}

fn an_article_edited_between_ingests_keeps_one_row(db: TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    let original = std::fs::read_to_string(fixture("night_train.txt")).unwrap();
    for text in [original.clone(), original.replace("thriller", "drama")] {
        std::fs::write(&article, text).unwrap();
        filmgraph()
            .args(["ingest", "--db"])
            .arg(db.arg())
            .arg(&article)
            .assert()
            .success();
    }
    assert_eq!(db.open().counts().unwrap().articles, 1);
}

fn a_dump_is_ingested_page_by_page(db: TestDb) {
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .arg(fixture("two_pages.xml"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("ingested 1 articles: 1 films, "),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("two_pages.xml: skipped 1 page not about a film"),
        "{}",
        text(&out.stderr)
    );
    // Facts cite the page's wikitext, not the XML around it.
    let store = db.open();
    let view = store.film("night train").unwrap().unwrap();
    assert_eq!(view.entity.name, "Night Train (1999 film)");
    for stored in &view.facts {
        assert!(!stored.sentence.contains("<text"), "{stored:?}");
        assert!(!stored.sentence.contains("&amp;"), "{stored:?}");
    }
}

#[test]
fn filmgraph_db_may_name_a_postgresql_database() {
    let db = TestDb::postgres();
    filmgraph()
        .env("FILMGRAPH_DB", db.arg())
        .arg("ingest")
        .arg(fixture("night_train.txt"))
        .assert()
        .success();
    assert_eq!(db.open().counts().unwrap().articles, 1);
}

#[test]
fn a_postgresql_database_that_does_not_exist_is_named_in_the_error() {
    let db = TestDb::postgres();
    let TestDb::Postgres(test_db) = &db else {
        unreachable!()
    };
    let url = test_db
        .cluster()
        .url("missing")
        .replace("postgres@", "postgres:hunter2@");
    let out = filmgraph()
        .args(["ingest", "--db", &url])
        .arg(fixture("night_train.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("cannot open the database postgres://postgres:***@"),
        "{stderr}"
    );
    assert!(stderr.contains("\"missing\" does not exist"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

/// Two `filmgraph ingest` processes writing the same articles into one
/// PostgreSQL database at once, in opposite orders, end with the graph one
/// process makes: no deadlock, no duplicate film or person.
#[test]
fn two_ingests_at_once_on_postgresql_end_with_the_graph_of_one() {
    // Every article once: which version of an article stored twice wins
    // depends on the order, even for one process.
    let mut files = sample_articles();
    files.push(fixture("two_pages.xml"));
    let once = TestDb::postgres();
    filmgraph()
        .args(["ingest", "--db"])
        .arg(once.arg())
        .args(&files)
        .assert()
        .success();

    let db = TestDb::postgres();
    // Each process stores every article three times over, to overlap longer.
    let forward: Vec<_> = files.iter().cycle().take(files.len() * 3).collect();
    let backward: Vec<_> = forward.iter().rev().collect();
    let spawn = |files: &[&&std::path::PathBuf]| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("filmgraph"))
            .env_remove("FILMGRAPH_DB")
            .env_remove("FILMGRAPH_LOG")
            .args(["ingest", "--db"])
            .arg(db.arg())
            .args(files.iter().map(|f| f.as_os_str()))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let forward_refs: Vec<&&std::path::PathBuf> = forward.iter().collect();
    let a = spawn(&forward_refs);
    let b = spawn(&backward);
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    let (expected, got) = (once.open(), db.open());
    assert_eq!(got.counts().unwrap(), expected.counts().unwrap());
    for kind in [EntityKind::Film, EntityKind::Work, EntityKind::Person] {
        assert_eq!(
            got.entities(kind).unwrap(),
            expected.entities(kind).unwrap()
        );
    }
    let all = FactQuery::default();
    assert_eq!(got.facts(&all).unwrap(), expected.facts(&all).unwrap());
}
