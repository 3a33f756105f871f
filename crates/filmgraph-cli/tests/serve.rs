//! `filmgraph serve` and `filmgraph index` end to end: the binary on a real
//! port over a database ingested from the samples.

mod common;

use common::{filmgraph, sample_articles, text};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

fn ingest(db: &std::path::Path) {
    let out = filmgraph()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .args(sample_articles())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Stops the server when the test ends, however it ends.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    (
        head.split(' ').nth(1).unwrap().parse().unwrap(),
        body.to_string(),
    )
}

#[test]
fn ingest_builds_the_index_and_serve_answers_on_its_url() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("films.db");
    ingest(&db);
    assert!(
        dir.path().join("films.db-index").is_dir(),
        "ingest writes the index beside the db"
    );

    let status = filmgraph()
        .args(["index", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        text(&status.stdout).contains("current"),
        "{}",
        text(&status.stdout)
    );

    let bin = assert_cmd::cargo::cargo_bin("filmgraph");
    let mut child = Command::new(bin)
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&db)
        .env_remove("FILMGRAPH_DB")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    let addr = url.trim_start_matches("http://").trim_end_matches('/');

    let (code, body) = get(addr, "/healthz");
    assert_eq!(code, 200, "{body}");
    let (code, body) = get(addr, "/api/search?q=lino");
    assert_eq!(code, 200);
    assert!(body.contains("work:lost-bullet-2020-film"), "{body}");
    let (code, body) = get(addr, "/");
    assert_eq!(code, 200);
    assert!(body.contains("<form"));
    drop(server);
}

#[test]
fn index_rebuild_reports_what_it_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("films.db");
    ingest(&db);
    std::fs::remove_dir_all(dir.path().join("films.db-index")).unwrap();
    let stale = filmgraph()
        .args(["index", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        text(&stale.stdout).contains("out of date"),
        "{}",
        text(&stale.stdout)
    );
    let out = filmgraph()
        .args(["index", "--rebuild", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("indexed "),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn serve_needs_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = filmgraph()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("missing.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("no database"),
        "{}",
        text(&out.stderr)
    );
}
