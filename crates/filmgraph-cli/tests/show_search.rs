//! `filmgraph show` and `filmgraph search` on the ingested samples.

mod common;

use common::{filmgraph, sample_articles, text, TestDb};
use std::ffi::OsString;

on_both_backends!(
    show_finds_a_film_with_or_without_its_disambiguation,
    show_says_clearly_when_nothing_matches,
    search_finds_titles_by_part_whatever_the_case,
    show_prints_credits_with_citations,
    show_finds_a_person_and_their_credits,
);

/// The database, holding every sample article, and what `--db` names it by.
fn samples_db(db: TestDb) -> (TestDb, OsString) {
    filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .args(sample_articles())
        .assert()
        .success();
    let arg = db.arg();
    (db, arg)
}

fn run(db: &OsString, args: &[&str]) -> (bool, String, String) {
    let out = filmgraph()
        .arg(args[0])
        .arg("--db")
        .arg(db)
        .args(&args[1..])
        .output()
        .unwrap();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn show_finds_a_film_with_or_without_its_disambiguation(db: TestDb) {
    let (_db, db) = samples_db(db);
    for title in [
        "Lost Bullet",
        "lost bullet",
        "Lost Bullet (2020 film)",
        "LOST BULLET (2020 FILM)",
    ] {
        let (ok, stdout, stderr) = run(&db, &["show", title]);
        assert!(ok, "{title}: {stderr}");
        assert!(stdout.starts_with("Lost Bullet (2020 film)\n"), "{stdout}");
        assert!(stdout.contains("lost_bullet_2020.txt"), "{stdout}");
    }
    // Several words without quotes are one title.
    let (ok, stdout, _) = run(&db, &["show", "Lost", "Bullet"]);
    assert!(ok && stdout.starts_with("Lost Bullet (2020 film)\n"));
    let (ok, stdout, _) = run(&db, &["show", "speed"]);
    assert!(ok && stdout.starts_with("Speed (1994 film)\n"), "{stdout}");
}

fn show_says_clearly_when_nothing_matches(db: TestDb) {
    let (_db, db) = samples_db(db);
    let (ok, stdout, stderr) = run(&db, &["show", "Lost Bullet 7"]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(
        stderr.starts_with("error: no film or person named \"Lost Bullet 7\" in "),
        "{stderr}"
    );
}

#[test]
fn show_and_search_need_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never-made.db").into_os_string();
    for command in ["show", "search"] {
        let (ok, _, stderr) = run(&db, &[command, "anything"]);
        assert!(!ok);
        assert!(stderr.contains("no database at"), "{stderr}");
        assert!(stderr.contains("filmgraph ingest"), "{stderr}");
    }
    assert!(
        !std::path::Path::new(&db).exists(),
        "reading must not create the database"
    );
}

fn search_finds_titles_by_part_whatever_the_case(db: TestDb) {
    let (_db, db) = samples_db(db);
    let (ok, stdout, _) = run(&db, &["search", "BULLET"]);
    assert!(ok);
    assert!(
        stdout.starts_with("Lost Bullet (2020 film)  (film, "),
        "{stdout}"
    );
    let (ok, stdout, _) = run(&db, &["search", "the"]);
    assert!(ok);
    assert!(stdout.contains("The Departed  (film, "), "{stdout}");
    assert!(
        stdout.contains("The Shawshank Redemption  (film, "),
        "{stdout}"
    );
    let (ok, stdout, _) = run(&db, &["search", "the", "--limit", "1"]);
    assert!(ok);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let (ok, _, stderr) = run(&db, &["search", "zzzz"]);
    assert!(!ok);
    assert_eq!(stderr, "no film or person matches \"zzzz\"\n");
}

/// Needs the extractor: the film's credits, each with its citation.
fn show_prints_credits_with_citations(db: TestDb) {
    let (_db, db) = samples_db(db);
    let (ok, stdout, stderr) = run(&db, &["show", "Lost Bullet"]);
    assert!(ok, "{stderr}");
    let director = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("Director: Guillaume Pierret"))
        .unwrap_or_else(|| panic!("no director line in:\n{stdout}"));
    assert!(director.contains("  ["), "no citation: {director}");
    assert!(
        stdout.lines().any(|l| l
            .trim_start()
            .starts_with("Cast member: Alban Lenoir as Lino  [")),
        "{stdout}"
    );
}

/// Needs the extractor: a person's credits across articles.
fn show_finds_a_person_and_their_credits(db: TestDb) {
    let (_db, db) = samples_db(db);
    let (ok, stdout, stderr) = run(&db, &["show", "alban lenoir"]);
    assert!(ok, "{stderr}");
    assert!(stdout.starts_with("Alban Lenoir\n"), "{stdout}");
    assert!(stdout.contains("\nLost Bullet (2020 film)\n"), "{stdout}");
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("  Cast member as Lino  [Plot: ")),
        "{stdout}"
    );
    // Leonardo DiCaprio stars in two samples.
    let (ok, stdout, stderr) = run(&db, &["show", "leonardo dicaprio"]);
    assert!(ok, "{stderr}");
    assert!(
        stdout.starts_with("Leonardo DiCaprio\n  credited in 2 works\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\nInception\n") && stdout.contains("\nThe Departed\n"),
        "{stdout}"
    );
    let (ok, stdout, _) = run(&db, &["search", "dicap"]);
    assert!(
        ok && stdout.starts_with("Leonardo DiCaprio  (person, 2 facts)"),
        "{stdout}"
    );
}
