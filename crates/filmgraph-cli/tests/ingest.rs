//! `filmgraph ingest`: where the database goes, and what a second ingest does.

mod common;

use common::{filmgraph, fixture, sample_articles, text};
use filmgraph_store::{SqliteStore, Store};

#[test]
fn ingesting_twice_stores_every_fact_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let ingest = || {
        let out = filmgraph()
            .args(["ingest", "--db"])
            .arg(&db)
            .args(sample_articles())
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let first = ingest();
    let counts = SqliteStore::open(&db).unwrap().counts().unwrap();
    let second = ingest();
    assert_eq!(first, second, "the same batch reports the same summary");
    assert_eq!(SqliteStore::open(&db).unwrap().counts().unwrap(), counts);
    assert_eq!(counts.articles, sample_articles().len() as u64);
}

#[test]
fn the_summary_counts_what_the_batch_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(fixture("night_train.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let counts = SqliteStore::open(&db).unwrap().counts().unwrap();
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

#[test]
fn an_article_edited_between_ingests_keeps_one_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let article = dir.path().join("a.txt");
    let original = std::fs::read_to_string(fixture("night_train.txt")).unwrap();
    for text in [original.clone(), original.replace("thriller", "drama")] {
        std::fs::write(&article, text).unwrap();
        filmgraph()
            .args(["ingest", "--db"])
            .arg(&db)
            .arg(&article)
            .assert()
            .success();
    }
    assert_eq!(
        SqliteStore::open(&db).unwrap().counts().unwrap().articles,
        1
    );
}

#[test]
fn a_dump_is_ingested_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(&db)
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
    let store = SqliteStore::open(&db).unwrap();
    let view = store.film("night train").unwrap().unwrap();
    assert_eq!(view.entity.name, "Night Train (1999 film)");
    for stored in &view.facts {
        assert!(!stored.sentence.contains("<text"), "{stored:?}");
        assert!(!stored.sentence.contains("&amp;"), "{stored:?}");
    }
}
