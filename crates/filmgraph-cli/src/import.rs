//! `filmgraph import SOURCE`: every article of an export or of another
//! database, stored into this one as `ingest` would store it.

use crate::args::ImportArgs;
use crate::db;
use crate::ingest::Summary;
use anyhow::{bail, Context, Result};
use filmgraph_store::{
    stored_articles, stored_redirects, ArticleWrite, Location, Store, StoredArticle,
    StoredRedirect, REDIRECTS_A_PAGE,
};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::ExitCode;

/// Articles are written this many to a transaction.
const BATCH_ARTICLES: usize = 500;

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    if db::location(&db_path) == Location::parse(&args.source) {
        bail!("{} is the database to import into", db::describe(&db_path));
    }
    let mut target = db::open_or_create(&db_path)?;
    let mut importer = Importer {
        target: &mut *target,
        batch: Vec::new(),
        redirects: Vec::new(),
        summary: Summary::default(),
        redirects_stored: 0,
    };
    let source = &args.source;
    match Location::parse(source) {
        Location::Postgres(_) => import_store(&*db::open_existing(source)?, &mut importer)?,
        Location::Sqlite(path) if is_sqlite(&path)? => {
            import_store(&*db::open_existing(&path)?, &mut importer)?
        }
        Location::Sqlite(path) => import_jsonl(&path, &mut importer)?,
    }
    importer.flush();
    importer.flush_redirects();
    let summary = importer.summary;
    let mut line = summary.line().replacen("ingested", "imported", 1);
    if importer.redirects_stored > 0 {
        line += &format!("; {} redirects", importer.redirects_stored);
    }
    println!("{line}");
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn is_sqlite(path: &Path) -> Result<bool> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut head = [0u8; SQLITE_MAGIC.len()];
    let n = file.read(&mut head)?;
    Ok(head[..n] == *SQLITE_MAGIC)
}

fn import_store(source: &dyn Store, importer: &mut Importer<'_>) -> Result<()> {
    for article in stored_articles(source)? {
        importer.add(article.map_err(Into::into));
    }
    for page in stored_redirects(source) {
        for (title, target) in page? {
            importer.add_redirect(title, target);
        }
    }
    Ok(())
}

/// One [`StoredArticle`] (or [`StoredRedirect`]) a line, as `filmgraph
/// export --format jsonl` writes.
fn import_jsonl(path: &Path, importer: &mut Importer<'_>) -> Result<()> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line =
            line.with_context(|| format!("{}: cannot read line {}", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with("{\"redirect\":") {
            match serde_json::from_str::<StoredRedirect>(&line) {
                Ok(r) => importer.add_redirect(r.redirect, r.target),
                Err(err) => importer.failed(&anyhow::Error::new(err).context(format!(
                    "{}:{}: not a redirect as `filmgraph export` writes one",
                    path.display(),
                    n + 1
                ))),
            }
            continue;
        }
        importer.add(serde_json::from_str(&line).with_context(|| {
            format!(
                "{}:{}: not an article as `filmgraph export` writes one",
                path.display(),
                n + 1
            )
        }));
    }
    Ok(())
}

/// Stores articles and redirects in batches and counts what it stored.
struct Importer<'a> {
    target: &'a mut dyn Store,
    batch: Vec<StoredArticle>,
    redirects: Vec<(String, String)>,
    summary: Summary,
    redirects_stored: usize,
}

impl Importer<'_> {
    fn add_redirect(&mut self, title: String, target: String) {
        self.redirects.push((title, target));
        if self.redirects.len() >= REDIRECTS_A_PAGE {
            self.flush_redirects();
        }
    }

    fn flush_redirects(&mut self) {
        if self.redirects.is_empty() {
            return;
        }
        match self.target.put_redirects(&self.redirects) {
            Ok(()) => self.redirects_stored += self.redirects.len(),
            Err(err) => {
                let err = anyhow::Error::new(err).context(format!(
                    "cannot store a batch of {} redirects",
                    self.redirects.len()
                ));
                self.failed(&err);
            }
        }
        self.redirects.clear();
    }

    fn add(&mut self, article: Result<StoredArticle>) {
        match article {
            Ok(article) => {
                self.batch.push(article);
                if self.batch.len() >= BATCH_ARTICLES {
                    self.flush();
                }
            }
            Err(err) => self.failed(&err),
        }
    }

    fn flush(&mut self) {
        let writes: Vec<ArticleWrite<'_>> = self
            .batch
            .iter()
            .map(|article| ArticleWrite {
                record: article.record(),
                facts: &article.facts,
                revision: None,
            })
            .collect();
        match self.target.replace_articles(&writes) {
            Ok(results) => {
                for (article, result) in self.batch.iter().zip(results) {
                    match result {
                        Ok(stats) => self.summary.add(&stats),
                        Err(err) => {
                            let err = anyhow::Error::new(err)
                                .context(format!("cannot store \"{}\"", article.title));
                            self.summary.failed += 1;
                            eprintln!("error: {err:#}");
                        }
                    }
                }
            }
            Err(err) => {
                let err = anyhow::Error::new(err).context(format!(
                    "cannot store a batch of {} articles",
                    self.batch.len()
                ));
                self.summary.failed += self.batch.len();
                eprintln!("error: {err:#}");
            }
        }
        self.batch.clear();
    }

    fn failed(&mut self, err: &anyhow::Error) {
        self.summary.failed += 1;
        eprintln!("error: {err:#}");
    }
}
