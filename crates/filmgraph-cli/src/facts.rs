//! `filmgraph facts FILE...`: facts as JSON lines on stdout.

use crate::args::FactsArgs;
use crate::pipeline::{self, Item};
use crate::progress::Progress;
use anyhow::Result;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(args: &FactsArgs) -> Result<ExitCode> {
    let config = pipeline::Config {
        jobs: args.run.jobs(),
        max_page_bytes: args.run.max_page_bytes,
        page_timeout: args.run.page_timeout(),
        stored: Arc::new(HashMap::new()),
    };
    let progress = Progress::new(&args.files, args.run.quiet);
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let (mut read, mut failed) = (0, 0);
    let result = pipeline::run(&args.files, &config, &progress, |item| {
        match item {
            Item::Film { facts, .. } => {
                read += 1;
                for fact in &facts {
                    // Serialised apart from the write, so that a closed stdout
                    // stays a plain io::Error (see `is_broken_pipe`).
                    let line = serde_json::to_string(fact)?;
                    writeln!(out, "{line}")?;
                }
            }
            Item::Failed { error, .. } => {
                read += 1;
                failed += 1;
                progress.println(&format!("error: {error:#}"));
            }
            Item::Skipped { .. }
            | Item::NotFilmFile { .. }
            | Item::Unchanged { .. }
            | Item::DumpEnd { .. } => {}
        }
        Ok(())
    });
    progress.finish();
    result?;
    out.flush()?;
    if failed > 0 {
        eprintln!("{failed} of {read} articles failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
