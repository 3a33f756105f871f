//! Times searches in process, without HTTP: the latency the index itself adds.
//!
//!     cargo run --release -p filmgraph-index --example search_latency -- INDEX_DIR QUERIES
//!
//! `QUERIES` holds one request path a line, as `scripts/bench_paths.py` writes
//! them (`/api/search?q=…&year_from=…&year_to=…`). Each is run twice; the
//! second run is timed. Prints p50, p90, p99 and the slowest queries.

use filmgraph_index::{Index, Query};
use std::time::Instant;

fn decode(s: &str) -> String {
    let bytes = s.replace('+', " ").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&String::from_utf8_lossy(&bytes[i + 1..i + 3]), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn query(path: &str) -> Query {
    let mut q = Query::default();
    let params = path.split_once('?').map_or("", |(_, p)| p);
    for pair in params.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = decode(v);
        match k {
            "q" => q.text = v,
            "year_from" => q.year_from = v.parse().ok(),
            "year_to" => q.year_to = v.parse().ok(),
            _ => {}
        }
    }
    q
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, queries] = args.as_slice() else {
        return Err("usage: search_latency INDEX_DIR QUERIES".into());
    };
    let index = Index::open_or_create(dir)?;
    let queries: Vec<Query> = std::fs::read_to_string(queries)?
        .lines()
        .filter(|l| !l.is_empty())
        .map(query)
        .collect();
    let mut times = Vec::with_capacity(queries.len());
    for q in &queries {
        index.search(q)?;
        let start = Instant::now();
        index.search(q)?;
        times.push((start.elapsed().as_secs_f64() * 1000.0, q.text.clone()));
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)].0;
    println!(
        "{} queries over {} documents: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms",
        times.len(),
        index.num_docs(),
        at(0.5),
        at(0.9),
        at(0.99)
    );
    // The slowest again, best of 10: a busy machine inflates single timings.
    println!("slowest (first run, then best of 10):");
    for (ms, text) in times.iter().rev().take(8) {
        let q = Query::text(text.clone());
        let best = (0..10)
            .map(|_| {
                let start = Instant::now();
                index
                    .search(&q)
                    .map(|_| start.elapsed().as_secs_f64() * 1000.0)
            })
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .fold(f64::MAX, f64::min);
        println!("  {ms:8.2} ms {best:8.2} ms  {text}");
    }
    Ok(())
}
