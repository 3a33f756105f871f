//! `filmgraph facts FILE...`: facts as JSON lines on stdout.

use crate::args::FactsArgs;
use crate::article_file;
use anyhow::Result;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

pub fn run(args: &FactsArgs) -> Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    let (mut read, mut failed) = (0, 0);
    for input in article_file::read_all(&args.files) {
        read += 1;
        match input.and_then(|input| input.facts()) {
            Ok(facts) => {
                for fact in &facts {
                    // Serialised apart from the write, so that a closed stdout
                    // stays a plain io::Error (see `is_broken_pipe`).
                    let line = serde_json::to_string(fact)?;
                    writeln!(out, "{line}")?;
                }
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: {err:#}");
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("{failed} of {read} articles failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
