//! `filmgraph ingest FILE...`: stores articles and their facts.

use crate::args::IngestArgs;
use crate::article_file::{self, ArticleInput};
use crate::db;
use anyhow::{Context, Result};
use filmgraph_store::{ArticleRecord, EntityKind, IngestStats, Store};
use std::collections::BTreeSet;
use std::process::ExitCode;

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    let mut store = db::open_or_create(&db_path)?;
    // A PostgreSQL database has no index beside it: each `serve` keeps its own.
    let index =
        (!db::is_postgres(&db_path)).then(|| crate::index::IngestHook::open(&db_path, &*store));
    let mut titles = Vec::new();
    let mut summary = Summary::default();
    for input in article_file::read_all(&args.files) {
        match input
            .and_then(|input| ingest_article(&mut *store, &input).map(|s| (s, input.article.title)))
        {
            Ok((stats, title)) => {
                summary.add(&stats);
                titles.push(title);
            }
            Err(err) => {
                summary.failed += 1;
                eprintln!("error: {err:#}");
            }
        }
    }
    if let Some(index) = index {
        index.finish(&*store, &titles);
    }
    println!("{}", summary.line());
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn ingest_article(store: &mut dyn Store, input: &ArticleInput) -> Result<IngestStats> {
    let facts = input.facts()?;
    let record = ArticleRecord::new(&input.article, &input.path, &input.text);
    let stats = store
        .replace_article(&record, &facts)
        .with_context(|| format!("{}: cannot store \"{}\"", input.origin, input.article.title))?;
    tracing::info!(
        origin = %input.origin,
        title = %input.article.title,
        added = stats.facts_added,
        removed = stats.facts_removed,
        "stored"
    );
    Ok(stats)
}

/// What a batch did, for its closing line.
#[derive(Debug, Default)]
pub struct Summary {
    articles: usize,
    films: usize,
    people: BTreeSet<String>,
    facts: usize,
    pub failed: usize,
}

impl Summary {
    pub fn add(&mut self, stats: &IngestStats) {
        self.articles += 1;
        self.films += usize::from(stats.kind == EntityKind::Film);
        self.people.extend(stats.people.iter().cloned());
        self.facts += stats.facts_added;
    }

    pub fn line(&self) -> String {
        format!(
            "ingested {} articles: {} films, {} people, {} facts; {} failed",
            self.articles,
            self.films,
            self.people.len(),
            self.facts,
            self.failed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_named_by_several_articles_count_once() {
        let mut summary = Summary::default();
        let stats = |people: &[&str]| IngestStats {
            kind: EntityKind::Film,
            facts_added: 3,
            facts_removed: 0,
            people: people.iter().map(|p| p.to_string()).collect(),
        };
        summary.add(&stats(&["person:a", "person:b"]));
        summary.add(&stats(&["person:b"]));
        summary.failed = 1;
        assert_eq!(
            summary.line(),
            "ingested 2 articles: 2 films, 2 people, 6 facts; 1 failed"
        );
    }
}
