//! Files that are not articles: each gets one error naming it, the rest of the
//! batch goes on, nothing panics, and the exit code is non-zero.

mod common;

use common::{filmgraph, fixture, text};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Runs `filmgraph facts` and `filmgraph ingest` on `bad` followed by a good
/// article; checks the one error line for `bad`, which must contain `message`,
/// and that the good article still went through.
fn check_rejected(bad: &Path, message: &str) {
    let good = fixture("night_train.txt");
    let shown = bad.display().to_string();

    let out = filmgraph()
        .arg("facts")
        .arg(bad)
        .arg(&good)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "facts must fail: {stderr}");
    check_one_error(&stderr, &shown, message);
    assert!(stderr.contains("1 of 2 articles failed"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(bad)
        .arg(&good)
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "ingest must fail: {stderr}");
    check_one_error(&stderr, &shown, message);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("ingested 1 articles: 1 films, ") && stdout.ends_with("; 1 failed\n"),
        "{stdout}"
    );
    // The good article is in the store.
    filmgraph()
        .args(["show", "--db"])
        .arg(&db)
        .arg("Night Train")
        .assert()
        .success();
}

fn check_one_error(stderr: &str, file: &str, message: &str) {
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(errors[0].starts_with(&format!("error: {file}")), "{stderr}");
    assert!(errors[0].contains(message), "{stderr}");
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no_such_article.txt");
    check_rejected(&missing, ": cannot read: No such file or directory");
}

#[test]
fn a_directory() {
    let dir = tempfile::tempdir().unwrap();
    check_rejected(dir.path(), ": is a directory, not an article file");
}

#[test]
fn an_empty_file() {
    check_rejected(&fixture("empty.txt"), "empty.txt: is empty, not an article");
}

#[test]
fn a_file_of_blank_lines() {
    check_rejected(
        &fixture("blank_lines.txt"),
        "blank_lines.txt:1: not an article: no title line",
    );
}

#[test]
fn invalid_utf8_reports_its_line() {
    check_rejected(
        &fixture("invalid_utf8.txt"),
        "invalid_utf8.txt:4: invalid UTF-8 (byte 0xFF at byte offset 54)",
    );
}

#[test]
fn a_file_without_a_title_line() {
    check_rejected(
        &fixture("no_title.txt"),
        "no_title.txt:1: not an article: no title line: an article starts with `= Title =`",
    );
}

/// 100 MB of one line, written at test time.
fn hundred_megabyte_line(dir: &Path, prefix: &[u8]) -> PathBuf {
    let path = dir.join("huge.txt");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    file.write_all(prefix).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        file.write_all(&chunk).unwrap();
    }
    file.flush().unwrap();
    path
}

#[test]
fn a_hundred_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let huge = hundred_megabyte_line(dir.path(), b"");
    check_rejected(
        &huge,
        "huge.txt:1: line is 104857600 bytes long, more than the 1 MiB a line of an article may be",
    );
}

#[test]
fn a_hundred_megabyte_paragraph_under_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let huge = hundred_megabyte_line(dir.path(), b"= Huge =\n\n");
    check_rejected(&huge, "huge.txt:3: line is 104857600 bytes long");
}

#[test]
fn every_bad_input_in_one_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let bad = [
        dir.path().join("missing.txt"),
        dir.path().to_path_buf(),
        fixture("empty.txt"),
        fixture("invalid_utf8.txt"),
        fixture("no_title.txt"),
    ];
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(fixture("night_train.txt"))
        .args(&bad)
        .arg(common::sample_lost_bullet())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    for (file, line) in bad.iter().zip(stderr.lines()) {
        assert!(
            line.starts_with(&format!("error: {}", file.display())),
            "{line}"
        );
    }
    assert_eq!(stderr.lines().count(), bad.len(), "{stderr}");
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("ingested 2 articles: 2 films, "),
        "{stdout}"
    );
    assert!(stdout.ends_with("; 5 failed\n"), "{stdout}");
}

#[test]
fn a_database_that_cannot_be_opened_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the database file should be.
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(dir.path())
        .arg(fixture("night_train.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error: cannot open the database {}",
            dir.path().display()
        )),
        "{stderr}"
    );
}

#[test]
fn usage_errors_are_reported_by_clap() {
    filmgraph().arg("facts").assert().failure().code(2);
    filmgraph().arg("frobnicate").assert().failure().code(2);
    filmgraph().arg("--help").assert().success();
    for command in ["facts", "ingest", "show", "search"] {
        filmgraph().args([command, "--help"]).assert().success();
    }
}
