//! `filmgraph search QUERY`: films and people by part of their name.

use crate::args::SearchArgs;
use crate::db;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: &SearchArgs) -> Result<ExitCode> {
    let store = db::open_existing(&db::path(&args.db)?)?;
    let query = args.query.join(" ");
    let hits = store.search(&query, args.limit)?;
    if hits.is_empty() {
        eprintln!("no film or person matches \"{query}\"");
        return Ok(ExitCode::FAILURE);
    }
    for hit in &hits {
        println!(
            "{}  ({}, {} {})",
            hit.entity.name,
            hit.entity.kind.as_str(),
            hit.facts,
            if hit.facts == 1 { "fact" } else { "facts" }
        );
    }
    Ok(ExitCode::SUCCESS)
}
