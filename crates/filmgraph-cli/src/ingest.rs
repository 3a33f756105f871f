//! `filmgraph ingest FILE...`: stores articles and their facts.
//!
//! Articles are written in batches (many articles per transaction). Pages of
//! a dump remember their revision: a page already stored at the same
//! revision is skipped before it is parsed, a newer revision replaces the
//! stored one, a page that is no longer a film article (now a redirect, say)
//! is removed. Stored pages of a wiki that the dumps read no longer hold are
//! kept and counted, or removed with `--prune`.

use crate::args::IngestArgs;
use crate::article_file::FilmRead;
use crate::db;
use crate::pipeline::{self, Item, PageRef};
use crate::progress::Progress;
use anyhow::{Context, Result};
use filmgraph_model::Fact;
use filmgraph_store::{ArticleWrite, EntityKind, IngestStats, Revision, Store, REDIRECTS_A_PAGE};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::process::ExitCode;
use std::sync::mpsc::{channel, sync_channel, Receiver, Sender, SyncSender};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A batch is written once it holds this many articles...
const BATCH_ARTICLES: usize = 500;
/// ...or once its first article has waited this long.
const BATCH_WAIT: Duration = Duration::from_secs(2);

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    let mut store = db::open_or_create(&db_path)?;
    // A PostgreSQL database has no index beside it: each `serve` keeps its own.
    let index =
        (!db::is_postgres(&db_path)).then(|| crate::index::IngestHook::open(&db_path, &*store));
    let stored_revisions = store
        .stored_revisions()
        .context("cannot read the revisions stored in the database")?;
    let stored: HashMap<String, Revision> = stored_revisions
        .into_iter()
        .map(|s| (s.title, s.revision))
        .collect();
    let config = pipeline::Config {
        jobs: args.run.jobs(),
        max_page_bytes: args.run.max_page_bytes,
        page_timeout: args.run.page_timeout(),
        stored: Arc::new(if args.force {
            HashMap::new()
        } else {
            stored.clone()
        }),
    };
    // Into an empty database, the store may load faster without its lookup
    // indexes; they are put back below, before anything reads them.
    let bulk = store
        .begin_bulk_load()
        .context("cannot prepare the database for loading")?;
    let progress = Progress::new(&args.files, args.run.quiet);
    // The store is written on a thread of its own, a batch at a time, while
    // the pipeline goes on reading and parsing the next batch.
    let outcome = std::thread::scope(|scope| -> Result<_> {
        let (ops, ops_rx) = sync_channel::<Op>(1);
        let (done_tx, done) = channel::<Done>();
        let store: &mut (dyn Store + Send) = &mut *store;
        let writing = std::thread::Builder::new()
            .name("store".into())
            .spawn_scoped(scope, move || write_ops(store, &ops_rx, &done_tx))?;
        let mut writer = Writer {
            ops: Some(ops),
            done,
            progress: &progress,
            stored,
            batch: Vec::new(),
            batch_started: Instant::now(),
            seen: HashSet::new(),
            sites: HashMap::new(),
            titles: Vec::new(),
            redirects: Vec::new(),
            summary: Summary::default(),
            dumps: DumpSummary::default(),
        };
        let read = pipeline::run(&args.files, &config, &progress, |item| writer.add(item));
        let mut written = writer.flush().and_then(|()| writer.flush_redirects());
        if read.is_ok() && written.is_ok() {
            written = writer.prune(args.prune);
        }
        // Closing the channel ends the writing thread once it has written all.
        writer.ops = None;
        let _ = writing.join();
        let finished = writer.collect(true);
        progress.finish();
        read?;
        written?;
        finished?;
        Ok((writer.summary, writer.dumps, writer.titles))
    });
    let ended = if bulk { store.end_bulk_load() } else { Ok(()) };
    let (summary, dumps, titles) = outcome?;
    ended.context("cannot rebuild the database's lookup indexes")?;
    if let Some(index) = index {
        index.finish(&*store, &titles);
    }
    println!("{}", summary.line());
    if let Some(line) = dumps.line(args.prune) {
        println!("{line}");
    }
    Ok(if summary.failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// An article waiting for its batch to be written.
struct Pending {
    film: Box<FilmRead>,
    facts: Vec<Fact>,
    revision: Option<Revision>,
}

/// What the writing thread is asked to do.
enum Op {
    Write(Vec<Pending>),
    Remove(Vec<String>),
    /// Redirect pages: `(title, target)`.
    Redirects(Vec<(String, String)>),
}

/// What the writing thread did.
enum Done {
    /// Each article of a batch: origin, title, and how storing it went.
    Written(Vec<(String, String, filmgraph_store::Result<IngestStats>)>),
    Removed(Vec<String>, usize),
    Redirected(usize),
    /// The store failed: nothing more is written.
    Failed(anyhow::Error),
}

/// The writing thread: one transaction per batch.
fn write_ops(store: &mut (dyn Store + Send), ops: &Receiver<Op>, done: &Sender<Done>) {
    for op in ops {
        let result = match op {
            Op::Write(batch) => write_batch(store, &batch).map(Done::Written),
            Op::Remove(titles) => store
                .remove_articles(&titles)
                .map(|n| Done::Removed(titles, n))
                .context("cannot remove articles"),
            Op::Redirects(redirects) => store
                .put_redirects(&redirects)
                .map(|()| Done::Redirected(redirects.len()))
                .context("cannot store redirects"),
        };
        let failed = result.is_err();
        let _ = done.send(result.unwrap_or_else(Done::Failed));
        if failed {
            return;
        }
    }
}

type BatchResults = Vec<(String, String, filmgraph_store::Result<IngestStats>)>;

fn write_batch(store: &mut (dyn Store + Send), batch: &[Pending]) -> Result<BatchResults> {
    let writes: Vec<ArticleWrite<'_>> = batch
        .iter()
        .map(|p| ArticleWrite {
            record: p.film.record(),
            facts: &p.facts,
            revision: p.revision.as_ref(),
        })
        .collect();
    let results = store
        .replace_articles(&writes)
        .with_context(|| format!("cannot store a batch of {} articles", writes.len()))?;
    Ok(batch
        .iter()
        .zip(results)
        .map(|(p, r)| (p.film.origin.clone(), p.film.title.clone(), r))
        .collect())
}

/// Takes the pipeline's items, batches them for the writing thread and
/// keeps the books.
struct Writer<'a> {
    /// To the writing thread; `None` once closed.
    ops: Option<SyncSender<Op>>,
    done: Receiver<Done>,
    progress: &'a Progress,
    /// What the store held when the run began, by title.
    stored: HashMap<String, Revision>,
    batch: Vec<Pending>,
    batch_started: Instant,
    /// Stored titles met in a dump of their own site.
    seen: HashSet<String>,
    /// The sites whose dumps were read, and whether all of them to the end.
    sites: HashMap<String, bool>,
    /// Titles stored or removed, for the search index.
    titles: Vec<String>,
    /// Redirect pages read, not yet handed to the writing thread.
    redirects: Vec<(String, String)>,
    summary: Summary,
    dumps: DumpSummary,
}

impl Writer<'_> {
    fn add(&mut self, item: Item) -> Result<()> {
        match item {
            Item::Film {
                film,
                facts,
                revision,
            } => {
                if let Some(revision) = &revision {
                    self.see(&film.title, revision);
                }
                if self.batch.is_empty() {
                    self.batch_started = Instant::now();
                }
                self.batch.push(Pending {
                    film,
                    facts,
                    revision,
                });
                if self.batch.len() >= BATCH_ARTICLES || self.batch_started.elapsed() >= BATCH_WAIT
                {
                    self.flush()?;
                }
            }
            Item::Skipped { page: None, .. } | Item::NotFilmFile { .. } => {}
            Item::Skipped {
                page: Some(page),
                redirect_to,
            } => {
                if self.see(&page.title, &page.revision) {
                    // Stored as a film, now a redirect or about something else.
                    self.flush()?;
                    self.send(Op::Remove(vec![page.title.clone()]))?;
                }
                if let Some(target) = redirect_to {
                    if self.stored.contains_key(&target) {
                        // A film stored before: its search document changes.
                        self.titles.push(target.clone());
                    }
                    self.redirects.push((page.title, target));
                    if self.redirects.len() >= REDIRECTS_A_PAGE {
                        self.flush_redirects()?;
                    }
                }
            }
            Item::Unchanged {
                page,
                stored_is_newer,
            } => {
                self.see(&page.title, &page.revision);
                self.dumps.unchanged += 1;
                self.dumps.older += usize::from(stored_is_newer);
            }
            Item::Failed { error, page } => {
                if let Some(PageRef { title, revision }) = &page {
                    self.see(title, revision);
                }
                self.summary.failed += 1;
                self.progress.println(&format!("error: {error:#}"));
            }
            Item::DumpEnd { site, complete, .. } => {
                *self.sites.entry(site).or_insert(true) &= complete;
            }
        }
        self.collect(false)
    }

    /// Notes that a dump holds this page; whether it is stored from that site.
    fn see(&mut self, title: &str, revision: &Revision) -> bool {
        let stored_here = self
            .stored
            .get(title)
            .is_some_and(|stored| stored.site == revision.site);
        if stored_here {
            self.seen.insert(title.to_string());
        }
        stored_here
    }

    /// Hands the batch to the writing thread (waiting while it writes the
    /// one before).
    fn flush(&mut self) -> Result<()> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.batch);
        self.send(Op::Write(batch))
    }

    fn flush_redirects(&mut self) -> Result<()> {
        if self.redirects.is_empty() {
            return Ok(());
        }
        let redirects = std::mem::take(&mut self.redirects);
        self.send(Op::Redirects(redirects))
    }

    fn send(&mut self, op: Op) -> Result<()> {
        let sent = self.ops.as_ref().is_some_and(|ops| ops.send(op).is_ok());
        if !sent {
            // The writing thread stopped: its error says why.
            self.collect(true)?;
            anyhow::bail!("internal error: the writing thread stopped");
        }
        Ok(())
    }

    /// Takes in what the writing thread has done (all of it, once it ended,
    /// with `to_the_end`); its first error, if it failed.
    fn collect(&mut self, to_the_end: bool) -> Result<()> {
        loop {
            let done = if to_the_end {
                match self.done.recv() {
                    Ok(done) => done,
                    Err(_) => return Ok(()),
                }
            } else {
                match self.done.try_recv() {
                    Ok(done) => done,
                    Err(_) => return Ok(()),
                }
            };
            match done {
                Done::Written(results) => {
                    for (origin, title, result) in results {
                        match result {
                            Ok(stats) => {
                                tracing::info!(
                                    origin = %origin,
                                    title = %title,
                                    added = stats.facts_added,
                                    removed = stats.facts_removed,
                                    "stored"
                                );
                                self.summary.add(&stats);
                                self.titles.push(title);
                            }
                            Err(err) => {
                                self.summary.failed += 1;
                                self.progress.println(&format!(
                                    "error: {origin}: cannot store \"{title}\": {:#}",
                                    anyhow::Error::from(err)
                                ));
                            }
                        }
                    }
                }
                Done::Removed(titles, n) => {
                    self.dumps.removed += n;
                    self.titles.extend(titles);
                }
                Done::Redirected(n) => self.dumps.redirects += n,
                Done::Failed(err) => return Err(err),
            }
        }
    }

    /// Stored pages of a wiki whose dumps were read to the end but do not
    /// hold them: removed with `--prune`, else counted.
    fn prune(&mut self, prune: bool) -> Result<()> {
        let mut gone: Vec<String> = self
            .stored
            .iter()
            .filter(|(title, revision)| {
                self.sites.get(&revision.site) == Some(&true) && !self.seen.contains(*title)
            })
            .map(|(title, _)| title.clone())
            .collect();
        gone.sort();
        if !prune {
            self.dumps.kept_missing = gone.len();
            return Ok(());
        }
        if gone.is_empty() {
            return Ok(());
        }
        self.send(Op::Remove(gone))
    }
}

/// What the dumps of a batch came to besides the articles stored.
#[derive(Debug, Default)]
struct DumpSummary {
    /// Pages already stored at the same revision (or a newer one).
    unchanged: usize,
    /// Of those, pages stored at a newer revision than the dump's.
    older: usize,
    /// Articles removed: no longer films, or gone from the dumps (`--prune`).
    removed: usize,
    /// Stored pages that the dumps of their wiki no longer hold, kept.
    kept_missing: usize,
    /// Redirect pages stored: alternative titles of their targets.
    redirects: usize,
}

impl DumpSummary {
    fn line(&self, prune: bool) -> Option<String> {
        if self.unchanged + self.removed + self.kept_missing + self.redirects == 0 {
            return None;
        }
        let mut line = format!("{} pages unchanged since the last ingest", self.unchanged);
        if self.older > 0 {
            line += &format!(" ({} stored at a newer revision)", self.older);
        }
        line += &format!("; {} articles removed", self.removed);
        if self.redirects > 0 {
            line += &format!("; {} redirects stored", self.redirects);
        }
        if self.kept_missing > 0 && !prune {
            line += &format!(
                "; {} stored articles are no longer in the dumps and were kept \
                 (--prune removes them)",
                self.kept_missing
            );
        }
        Some(line)
    }
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
