//! Scale out: two `filmgraph serve` processes over one PostgreSQL database, a
//! third process ingesting, and both servers' search finding the new film.

mod common;

use common::{filmgraph, fixture, sample_articles, text, TestDb};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a film may take to reach every server's search: the servers
/// poll the change log every 0.5 s; the rest is slack for a loaded machine.
const DELAY: Duration = Duration::from_secs(10);

/// A server on a free port, stopped when the test ends however it ends.
struct Server {
    child: std::process::Child,
    addr: String,
}

impl Server {
    fn start(db: &TestDb) -> Server {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("filmgraph"))
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db.arg())
            .env_remove("FILMGRAPH_DB")
            .env_remove("FILMGRAPH_LOG")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let addr = url.trim_start_matches("http://").trim_end_matches('/');
        Server {
            addr: addr.to_string(),
            child,
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
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

    fn finds(&self, query: &str, id: &str) -> bool {
        let (code, body) = self.get(&format!("/api/search?q={query}"));
        assert_eq!(code, 200, "{body}");
        body.contains(id)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn two_servers_over_one_postgresql_database_both_find_a_film_ingested_by_a_third_process() {
    let db = TestDb::postgres();
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .args(sample_articles())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));

    let servers = [Server::start(&db), Server::start(&db)];
    assert_ne!(servers[0].addr, servers[1].addr);
    const NIGHT_TRAIN: &str = "work:night-train-1999-film";
    for server in &servers {
        assert!(server.finds("lino", "work:lost-bullet-2020-film"));
        assert!(!server.finds("night+train", NIGHT_TRAIN));
    }

    // A third process ingests a film neither server has seen.
    let out = filmgraph()
        .args(["ingest", "--db"])
        .arg(db.arg())
        .arg(fixture("night_train.txt"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ingested = Instant::now();
    for (n, server) in servers.iter().enumerate() {
        while !server.finds("night+train", NIGHT_TRAIN) {
            assert!(
                ingested.elapsed() < DELAY,
                "server {n} ({}) did not find the new film within {DELAY:?}",
                server.addr
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    eprintln!(
        "both servers found the new film {:?} after the ingest ended",
        ingested.elapsed()
    );
    // Both servers find the same results. (Results of equal score may come
    // in another order: each server's index has its own segment layout.)
    let answers: Vec<Vec<String>> = servers
        .iter()
        .map(|s| {
            let body: serde_json::Value =
                serde_json::from_str(&s.get("/api/search?q=night+train").1).unwrap();
            let mut ids: Vec<String> = body["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["id"].as_str().unwrap().to_string())
                .collect();
            ids.sort();
            ids
        })
        .collect();
    assert_eq!(answers[0], answers[1]);
    assert!(answers[0].contains(&NIGHT_TRAIN.to_string()));
}
