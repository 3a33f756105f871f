//! Throughput of the wikitext parser, and of parsing plus fact extraction,
//! on the real film pages of the piki corpus (`../shared/corpus`, beside the
//! repository): bytes and articles a second.
//!
//! ```text
//! cargo bench -p filmgraph-parse --bench parse_extract
//! ```

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use filmgraph_parse::dump::DumpReader;
use filmgraph_parse::{is_film, parse_wikitext};
use std::hint::black_box;
use std::path::Path;

const PIKI: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/piki-wikipedia-film-database/fixtures"
);

/// `(title, wikitext)` of every page of the piki fixtures.
fn pages() -> Vec<(String, String)> {
    let Ok(dir) = std::fs::read_dir(Path::new(PIKI)) else {
        eprintln!("no corpus at {PIKI}: nothing to measure");
        return Vec::new();
    };
    let mut files: Vec<_> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|path| DumpReader::open(path).into_iter().flatten().flatten())
        .filter(|page| page.ns == 0 && page.redirect.is_none())
        .map(|page| (page.title, page.text))
        .collect()
}

fn bench(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        return;
    }
    let bytes: usize = pages.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("piki");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse_wikitext", |b| {
        b.iter(|| {
            for (title, text) in &pages {
                black_box(parse_wikitext(black_box(text), title));
            }
        })
    });
    group.bench_function("parse_and_extract", |b| {
        b.iter(|| {
            for (title, text) in &pages {
                let article = parse_wikitext(black_box(text), title);
                if is_film(&article) {
                    black_box(filmgraph_extract::extract(&article));
                }
            }
        })
    });
    group.finish();
    let mut group = c.benchmark_group("piki_articles");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(20);
    group.bench_function("parse_and_extract", |b| {
        b.iter(|| {
            for (title, text) in &pages {
                let article = parse_wikitext(black_box(text), title);
                black_box(filmgraph_extract::extract(&article));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
