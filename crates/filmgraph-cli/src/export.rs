//! `filmgraph export --format sqlite|jsonl --out PATH`: the whole database in
//! a file that `filmgraph import` reads back into any database.

use crate::args::{ExportArgs, ExportFormat};
use crate::db;
use anyhow::{bail, Context, Result};
use filmgraph_store::{
    copy_redirects, stored_articles, stored_redirects, SqliteStore, Store, StoredRedirect,
};
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    let store = db::open_existing(&db_path)?;
    let to_stdout = args.out.as_os_str() == "-";
    let format = args.format.unwrap_or(if to_stdout || is_jsonl(&args.out) {
        ExportFormat::Jsonl
    } else {
        ExportFormat::Sqlite
    });
    if to_stdout && format != ExportFormat::Jsonl {
        bail!("only jsonl can be written to stdout (--out -)");
    }
    if !to_stdout && args.out.exists() {
        bail!(
            "{} already exists: remove it or choose another --out",
            args.out.display()
        );
    }
    let exported = match format {
        ExportFormat::Jsonl if to_stdout => write_jsonl(&*store, std::io::stdout().lock())?,
        ExportFormat::Jsonl => {
            let file = std::fs::File::create(&args.out)
                .with_context(|| format!("cannot create {}", args.out.display()))?;
            write_jsonl(&*store, file)?
        }
        ExportFormat::Sqlite => write_sqlite(&*store, &args.out)?,
    };
    let counts = store.counts()?;
    eprintln!(
        "exported {exported} articles ({} facts) from {} to {}",
        counts.facts,
        db::describe(&db_path),
        if to_stdout {
            "stdout".to_string()
        } else {
            args.out.display().to_string()
        }
    );
    Ok(ExitCode::SUCCESS)
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("json"))
}

/// One [`filmgraph_store::StoredArticle`] a line, then one
/// [`StoredRedirect`] a line.
fn write_jsonl(store: &dyn Store, out: impl Write) -> Result<usize> {
    let mut out = BufWriter::new(out);
    let mut n = 0;
    for article in stored_articles(store)? {
        serde_json::to_writer(&mut out, &article?)?;
        out.write_all(b"\n")?;
        n += 1;
    }
    for page in stored_redirects(store) {
        for (redirect, target) in page? {
            serde_json::to_writer(&mut out, &StoredRedirect { redirect, target })?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(n)
}

fn write_sqlite(store: &dyn Store, path: &Path) -> Result<usize> {
    let mut target = SqliteStore::open(path)
        .with_context(|| format!("cannot create the database {}", path.display()))?;
    let mut n = 0;
    for article in stored_articles(store)? {
        let article = article?;
        article
            .write(&mut target)
            .with_context(|| format!("cannot write \"{}\"", article.title))?;
        n += 1;
    }
    copy_redirects(store, &mut target).context("cannot write the redirects")?;
    Ok(n)
}
