//! `filmgraph export` and `filmgraph import`: moving a graph between SQLite,
//! JSON lines and PostgreSQL, and coming back with the same answers.

mod common;

use common::{filmgraph, sample_articles, text, TestDb};
use filmgraph_store::FactQuery;

fn ingest_samples(db: &TestDb) {
    filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .args(sample_articles())
        .assert()
        .success();
}

fn show(db: &TestDb, title: &str) -> String {
    let out = filmgraph()
        .args(["show", "--db"])
        .arg(db.arg())
        .arg(title)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    // An import stores each article anew: its ingest time is the import's.
    text(&out.stdout)
        .lines()
        .filter(|l| !l.contains(", ingested "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Both stores hold the same graph, and `show` says the same of it.
fn assert_same_graph(a: &TestDb, b: &TestDb) {
    let (sa, sb) = (a.open(), b.open());
    assert_eq!(sa.counts().unwrap(), sb.counts().unwrap());
    let all = FactQuery::default();
    assert_eq!(sa.facts(&all).unwrap(), sb.facts(&all).unwrap());
    for title in ["Lost Bullet", "Leonardo DiCaprio", "Speed"] {
        assert_eq!(show(a, title), show(b, title), "{title}");
    }
}

fn import(into: &TestDb, source: impl AsRef<std::ffi::OsStr>) -> String {
    let out = filmgraph()
        .args(["import", "--db"])
        .arg(into.arg())
        .arg(source)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn a_sqlite_file_moves_to_postgresql_in_one_command() {
    let sqlite = TestDb::sqlite();
    ingest_samples(&sqlite);
    let redirect = ("Inception (film)".to_string(), "Inception".to_string());
    sqlite.open().put_redirects(&[redirect]).unwrap();
    let pg = TestDb::postgres();
    let summary = import(&pg, sqlite.arg());
    let n = sample_articles().len();
    assert!(
        summary.starts_with(&format!("imported {n} articles: ")),
        "{summary}"
    );
    assert!(summary.ends_with("; 0 failed; 1 redirects\n"), "{summary}");
    assert_same_graph(&sqlite, &pg);
    assert_eq!(
        pg.open().redirects_to("Inception").unwrap(),
        ["Inception (film)"]
    );

    // Importing again replaces, as ingesting again does.
    import(&pg, sqlite.arg());
    assert_same_graph(&sqlite, &pg);
}

#[test]
fn postgresql_exports_to_a_sqlite_file_and_back() {
    let pg = TestDb::postgres();
    ingest_samples(&pg);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("export.db");
    let out = filmgraph()
        .args(["export", "--format", "sqlite", "--db"])
        .arg(pg.arg())
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).starts_with("exported "),
        "{}",
        text(&out.stderr)
    );
    let sqlite = TestDb::Sqlite(dir, file.clone());
    assert_same_graph(&pg, &sqlite);

    // An existing file is not overwritten.
    let again = filmgraph()
        .args(["export", "--db"])
        .arg(pg.arg())
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn json_lines_carry_a_graph_both_ways() {
    let sqlite = TestDb::sqlite();
    ingest_samples(&sqlite);
    // Redirects, as an ingest of a dump stores them.
    let redirects = [
        ("Monkeys 12".to_string(), "12 Monkeys".to_string()),
        ("Speed (film)".to_string(), "Speed (1994 film)".to_string()),
    ];
    sqlite.open().put_redirects(&redirects).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("graph.jsonl");
    filmgraph()
        .args(["export", "--db"])
        .arg(sqlite.arg())
        .arg("--out")
        .arg(&jsonl)
        .assert()
        .success();
    let lines = std::fs::read_to_string(&jsonl).unwrap();
    assert_eq!(
        lines.lines().count(),
        sample_articles().len() + redirects.len()
    );
    assert_eq!(
        lines.lines().last().unwrap(),
        r#"{"redirect":"Speed (film)","target":"Speed (1994 film)"}"#
    );
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    for key in ["title", "source_path", "text", "facts"] {
        assert!(first.get(key).is_some(), "{key} in {first}");
    }
    let fact = &first["facts"][0];
    assert!(fact["source"]["article"].is_string(), "{fact}");

    // SQLite -> jsonl -> PostgreSQL -> jsonl: the same lines.
    let pg = TestDb::postgres();
    let summary = import(&pg, &jsonl);
    assert!(summary.ends_with("; 0 failed; 2 redirects\n"), "{summary}");
    assert_same_graph(&sqlite, &pg);
    assert_eq!(show(&pg, "Monkeys 12"), show(&sqlite, "12 Monkeys"));
    let out = filmgraph()
        .args(["export", "--db"])
        .arg(pg.arg())
        .args(["--out", "-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), lines);
}

#[test]
fn a_line_that_is_no_article_is_reported_and_the_rest_imported() {
    let sqlite = TestDb::sqlite();
    ingest_samples(&sqlite);
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("graph.jsonl");
    filmgraph()
        .args(["export", "--db"])
        .arg(sqlite.arg())
        .arg("--out")
        .arg(&jsonl)
        .assert()
        .success();
    let mut lines = std::fs::read_to_string(&jsonl).unwrap();
    lines.insert_str(0, "{\"not\": \"an article\"}\n");
    std::fs::write(&jsonl, lines).unwrap();
    let target = TestDb::sqlite();
    let out = filmgraph()
        .args(["import", "--db"])
        .arg(target.arg())
        .arg(&jsonl)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("graph.jsonl:1: not an article"), "{stderr}");
    assert!(text(&out.stdout).ends_with("; 1 failed\n"));
    assert_eq!(
        target.open().counts().unwrap().articles,
        sample_articles().len() as u64
    );
}

#[test]
fn a_database_is_not_imported_into_itself() {
    let sqlite = TestDb::sqlite();
    ingest_samples(&sqlite);
    let out = filmgraph()
        .args(["import", "--db"])
        .arg(sqlite.arg())
        .arg(sqlite.arg())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is the database to import into"),
        "{}",
        text(&out.stderr)
    );
}
