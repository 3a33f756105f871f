//! Reading, parsing and extracting on every core, results in input order.
//!
//! One thread reads the input files (decompressing dumps) and hands pages to
//! worker threads that parse them and extract their facts; the caller's
//! thread receives every [`Item`] in input order, to print or to store. At
//! most [`IN_FLIGHT`] items are between the reader and the caller at any
//! time, so memory stays flat however big a dump is.
//!
//! Each page has a budget: a page whose text is longer than
//! [`Config::max_page_bytes`] is not parsed, and a page whose parsing and
//! extraction run past [`Config::page_timeout`] is given up (its worker is
//! left to finish alone and replaced). Both become an error naming the page
//! and its byte offset, and the run goes on.

use crate::article_file::{self, ArticleInput, FilmRead, PageArticle};
use crate::progress::Progress;
use anyhow::{anyhow, Error, Result};
use crossbeam_channel::{bounded, unbounded, Receiver, RecvTimeoutError, Sender};
use filmgraph_model::Fact;
use filmgraph_parse::dump::{DumpOptions, Page};
use filmgraph_parse::Format;
use filmgraph_store::Revision;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// The most items between the reader and the caller.
pub const IN_FLIGHT: usize = 64;

/// How a run reads its inputs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Worker threads parsing and extracting (the reader has its own).
    pub jobs: usize,
    /// Pages with more wikitext than this are not parsed.
    pub max_page_bytes: usize,
    /// Pages whose parsing and extraction take longer are given up.
    pub page_timeout: Duration,
    /// Revisions already stored, by title: a dump page at one of these
    /// revisions (or an older one) is not parsed.
    pub stored: Arc<HashMap<String, Revision>>,
}

/// A page of a dump, as `ingest` keeps track of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRef {
    pub title: String,
    pub revision: Revision,
}

/// What one input article or dump page came to.
pub enum Item {
    /// A film article with its facts.
    Film {
        film: Box<FilmRead>,
        facts: Vec<Fact>,
        /// Set for a page of a dump.
        revision: Option<Revision>,
    },
    /// A dump page passed over: another namespace (`page: None`), a
    /// redirect (with the title it leads to), or an article about something
    /// other than a film.
    Skipped {
        page: Option<PageRef>,
        redirect_to: Option<String>,
    },
    /// A wikitext file about something other than a film.
    NotFilmFile { path: String },
    /// A dump page whose revision (or a newer one) is already stored.
    Unchanged {
        page: PageRef,
        stored_is_newer: bool,
    },
    /// An article or page that could not be read; the run goes on.
    Failed { error: Error, page: Option<PageRef> },
    /// The end of a dump: `complete` unless an error stopped the reading.
    DumpEnd {
        path: String,
        site: String,
        complete: bool,
    },
}

/// Reads `paths` in order and hands each item to `sink`, in input order. An
/// error from `sink` stops the run (the threads are left to wind down).
pub fn run(
    paths: &[PathBuf],
    config: &Config,
    progress: &Progress,
    mut sink: impl FnMut(Item) -> Result<()>,
) -> Result<()> {
    let (permit_tx, permit_rx) = bounded::<()>(IN_FLIGHT);
    for _ in 0..IN_FLIGHT {
        permit_tx.send(()).expect("room for every permit");
    }
    let (job_tx, job_rx) = bounded::<(u64, Job)>(config.jobs.max(1) * 2);
    let (out_tx, out_rx) = unbounded::<Message>();
    let watch = Arc::new(Watch::default());

    let reading = {
        let (paths, config, out_tx) = (paths.to_vec(), config.clone(), out_tx.clone());
        let read = progress.reading();
        thread::Builder::new().name("read".into()).spawn(move || {
            let mut reader = Reader {
                config: &config,
                permits: permit_rx,
                jobs: job_tx,
                out: out_tx,
                seq: 0,
            };
            for path in &paths {
                if reader.file(path, &read).is_err() {
                    return; // the caller stopped
                }
            }
            let _ = reader.out.send(Message::End(reader.seq));
        })?
    };
    let spawn_worker = |id: usize| -> Result<()> {
        let (jobs, out, watch) = (job_rx.clone(), out_tx.clone(), watch.clone());
        thread::Builder::new()
            .name(format!("parse-{id}"))
            // Generous: the parser does not recurse deeply, but extraction
            // of a pathological page should fail by budget, not by stack.
            .stack_size(16 << 20)
            .spawn(move || work(id, &jobs, &out, &watch))?;
        Ok(())
    };
    let mut next_worker = 0;
    for _ in 0..config.jobs.max(1) {
        spawn_worker(next_worker)?;
        next_worker += 1;
    }

    let mut pending: BTreeMap<u64, Item> = BTreeMap::new();
    let (mut next, mut end) = (0u64, None);
    let mut skipped = 0usize;
    while end != Some(next) {
        match out_rx.recv_timeout(Duration::from_millis(100)) {
            Ok(Message::Item(seq, item)) => {
                if seq >= next {
                    pending.entry(seq).or_insert(item);
                }
            }
            Ok(Message::End(total)) => end = Some(total),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                if end.is_none() && reading.is_finished() && out_rx.is_empty() {
                    return Err(anyhow!("internal error: the reading thread stopped"));
                }
            }
        }
        for (seq, item) in watch.overdue(config.page_timeout) {
            if seq >= next {
                pending.insert(seq, item);
            }
            spawn_worker(next_worker)?;
            next_worker += 1;
        }
        while let Some(item) = pending.remove(&next) {
            next += 1;
            let _ = permit_tx.send(());
            progress.item(&item);
            match &item {
                Item::Film { film, .. } => {
                    for warning in &film.warnings {
                        progress.println(&format!("warning: {warning}"));
                    }
                }
                Item::Skipped { .. } => skipped += 1,
                Item::NotFilmFile { path } => progress.println(&format!(
                    "note: {path}: not about a film (its infobox, categories and lead say so); skipped"
                )),
                Item::DumpEnd { path, .. } if skipped > 0 => {
                    progress.println(&format!(
                        "note: {path}: skipped {skipped} {} not about a film \
                         (redirects, other namespaces, other subjects)",
                        if skipped == 1 { "page" } else { "pages" }
                    ));
                    skipped = 0;
                }
                _ => {}
            }
            sink(item)?;
        }
        progress.tick();
    }
    Ok(())
}

/// What the reader hands a worker.
enum Job {
    File(PathBuf),
    Page {
        path: Arc<str>,
        page: Page,
        revision: Revision,
    },
}

impl Job {
    /// What an error about this job names.
    fn origin(&self) -> String {
        match self {
            Job::File(path) => path.display().to_string(),
            Job::Page { path, page, .. } => {
                format!("{path} [{}] at byte {}", page.title, page.byte_offset)
            }
        }
    }
}

enum Message {
    Item(u64, Item),
    /// The reader is done: this many items in all.
    End(u64),
}

/// The reading thread's state.
struct Reader<'a> {
    config: &'a Config,
    permits: Receiver<()>,
    jobs: Sender<(u64, Job)>,
    out: Sender<Message>,
    seq: u64,
}

/// The caller is gone.
struct Stopped;

impl Reader<'_> {
    /// The next sequence number, once there is room for another item.
    fn take_seq(&mut self) -> Result<u64, Stopped> {
        self.permits.recv().map_err(|_| Stopped)?;
        self.seq += 1;
        Ok(self.seq - 1)
    }

    fn item(&mut self, item: Item) -> Result<(), Stopped> {
        let seq = self.take_seq()?;
        self.out.send(Message::Item(seq, item)).map_err(|_| Stopped)
    }

    fn job(&mut self, job: Job) -> Result<(), Stopped> {
        let seq = self.take_seq()?;
        self.jobs.send((seq, job)).map_err(|_| Stopped)
    }

    fn file(&mut self, path: &Path, read: &crate::progress::Reading) -> Result<(), Stopped> {
        let shown = path.display().to_string();
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if Format::from_path(&shown) != Format::XmlDump {
            self.job(Job::File(path.to_path_buf()))?;
            read.file_done(size);
            return Ok(());
        }
        let options = DumpOptions {
            max_text_bytes: self.config.max_page_bytes,
            decoder_threads: self.config.jobs,
        };
        let mut pages = match article_file::open_dump(path, options) {
            Ok(pages) => pages,
            Err(error) => {
                read.file_done(size);
                return self.item(Item::Failed { error, page: None });
            }
        };
        read.start_file(pages.input_position());
        let name: Arc<str> = shown.as_str().into();
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        let mut complete = true;
        while let Some(page) = pages.next() {
            read.xml_position(pages.xml_position());
            let site = pages.site().unwrap_or(&file_name).to_string();
            let page = match page {
                Ok(page) => page,
                Err(e) => {
                    let recoverable = e.is_recoverable();
                    self.item(Item::Failed {
                        error: anyhow!("{shown}: {e}"),
                        page: None,
                    })?;
                    if recoverable {
                        continue;
                    }
                    complete = false;
                    break;
                }
            };
            if page.ns != 0 {
                self.item(Item::Skipped {
                    page: None,
                    redirect_to: None,
                })?;
                continue;
            }
            let revision = Revision {
                site,
                page_id: page.id,
                revision_id: page.revision_id,
                timestamp: page.timestamp.clone(),
            };
            let page_ref = || PageRef {
                title: page.title.clone(),
                revision: revision.clone(),
            };
            if let Some(target) = &page.redirect {
                self.item(Item::Skipped {
                    page: Some(page_ref()),
                    redirect_to: Some(target.clone()),
                })?;
                continue;
            }
            if let Some(stored) = self.config.stored.get(&page.title) {
                let order = revision.compare_to_stored(stored);
                if order.is_le() {
                    let page = page_ref();
                    self.item(Item::Unchanged {
                        page,
                        stored_is_newer: order.is_lt(),
                    })?;
                    continue;
                }
            }
            if page.text_cut() {
                let error = anyhow!(
                    "{shown} [{}] at byte {}: the page has {} of wikitext, more than the \
                     {} a page may have (--max-page-bytes); skipped",
                    page.title,
                    page.byte_offset,
                    human_size(page.text_bytes),
                    human_size(self.config.max_page_bytes as u64),
                );
                let page = Some(page_ref());
                self.item(Item::Failed { error, page })?;
                continue;
            }
            self.job(Job::Page {
                path: name.clone(),
                page,
                revision,
            })?;
        }
        read.file_done(size);
        let site = pages.site().unwrap_or(&file_name).to_string();
        self.item(Item::DumpEnd {
            path: shown,
            site,
            complete,
        })
    }
}

/// `12.3 MiB`, `9.8 KiB`, `512 bytes`.
fn human_size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} bytes"),
        1024..1_048_576 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

/// Which worker is on which job since when, for the time budget.
#[derive(Default)]
struct Watch {
    running: Mutex<HashMap<usize, Running>>,
}

struct Running {
    seq: u64,
    origin: String,
    page: Option<PageRef>,
    since: Instant,
    /// Set when the job ran past its budget: the worker quits after it.
    given_up: Arc<AtomicBool>,
}

impl Watch {
    fn start(&self, worker: usize, seq: u64, job: &Job) -> Arc<AtomicBool> {
        let given_up = Arc::new(AtomicBool::new(false));
        let page = match job {
            Job::Page { page, revision, .. } => Some(PageRef {
                title: page.title.clone(),
                revision: revision.clone(),
            }),
            Job::File(_) => None,
        };
        let running = Running {
            seq,
            origin: job.origin(),
            page,
            since: Instant::now(),
            given_up: given_up.clone(),
        };
        self.lock().insert(worker, running);
        given_up
    }

    fn done(&self, worker: usize) {
        self.lock().remove(&worker);
    }

    /// The jobs past their budget, each given up (once) as a failed item.
    fn overdue(&self, budget: Duration) -> Vec<(u64, Item)> {
        let mut running = self.lock();
        let late: Vec<usize> = running
            .iter()
            .filter(|(_, r)| r.since.elapsed() > budget)
            .map(|(&worker, _)| worker)
            .collect();
        late.into_iter()
            .filter_map(|worker| running.remove(&worker))
            .map(|r| {
                r.given_up.store(true, Ordering::Relaxed);
                let error = anyhow!(
                    "{}: parsing and extraction took more than the {} s a page may take \
                     (--page-timeout); skipped",
                    r.origin,
                    budget.as_secs_f64()
                );
                let page = r.page;
                (r.seq, Item::Failed { error, page })
            })
            .collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<usize, Running>> {
        // A worker never panics while holding the lock.
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A worker: parses and extracts jobs until there are none, or until one of
/// its jobs ran past its budget (another worker has taken its place).
fn work(id: usize, jobs: &Receiver<(u64, Job)>, out: &Sender<Message>, watch: &Watch) {
    while let Ok((seq, job)) = jobs.recv() {
        let given_up = watch.start(id, seq, &job);
        let item = process(job);
        watch.done(id);
        if given_up.load(Ordering::Relaxed) {
            return;
        }
        if out.send(Message::Item(seq, item)).is_err() {
            return;
        }
    }
}

fn process(job: Job) -> Item {
    match job {
        Job::File(path) => match article_file::read_file(&path).and_then(|input| {
            if article_file::is_film_file(&input) {
                with_facts(input).map(Some)
            } else {
                Ok(None)
            }
        }) {
            Ok(None) => Item::NotFilmFile {
                path: path.display().to_string(),
            },
            Ok(Some((film, facts))) => Item::Film {
                film,
                facts,
                revision: None,
            },
            Err(error) => Item::Failed { error, page: None },
        },
        Job::Page {
            path,
            page,
            revision,
        } => {
            let page_ref = PageRef {
                title: page.title.clone(),
                revision,
            };
            match article_file::page_article(&path, page) {
                Ok(PageArticle::NotFilm) => Item::Skipped {
                    page: Some(page_ref),
                    redirect_to: None,
                },
                Ok(PageArticle::Film(input)) => match with_facts(*input) {
                    Ok((film, facts)) => Item::Film {
                        film,
                        facts,
                        revision: Some(page_ref.revision),
                    },
                    Err(error) => Item::Failed {
                        error,
                        page: Some(page_ref),
                    },
                },
                Err(error) => Item::Failed {
                    error,
                    page: Some(page_ref),
                },
            }
        }
    }
}

/// The article's facts, and what is kept of it once they are out: the
/// parsed article is dropped here, on the worker that parsed it.
fn with_facts(input: ArticleInput) -> Result<(Box<FilmRead>, Vec<Fact>)> {
    let facts = input.facts()?;
    Ok((Box::new(FilmRead::from(input)), facts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(10_000), "9.8 KiB");
        assert_eq!(human_size(8 << 20), "8.0 MiB");
    }

    #[test]
    fn a_job_past_its_budget_becomes_an_error_naming_the_page() {
        let watch = Watch::default();
        let page = Page {
            title: "Slow".into(),
            byte_offset: 1234,
            ..Default::default()
        };
        let job = Job::Page {
            path: "dump.xml".into(),
            page,
            revision: Revision {
                site: "enwiki".into(),
                page_id: 1,
                revision_id: 2,
                timestamp: String::new(),
            },
        };
        let given_up = watch.start(0, 7, &job);
        assert!(watch.overdue(Duration::from_secs(60)).is_empty());
        let overdue = watch.overdue(Duration::ZERO);
        assert_eq!(overdue.len(), 1);
        let (seq, Item::Failed { error, page }) = &overdue[0] else {
            panic!("not a failure")
        };
        assert_eq!(*seq, 7);
        assert_eq!(page.as_ref().unwrap().title, "Slow");
        assert_eq!(
            error.to_string(),
            "dump.xml [Slow] at byte 1234: parsing and extraction took more than the 0 s \
             a page may take (--page-timeout); skipped"
        );
        assert!(given_up.load(Ordering::Relaxed));
        // Given up once only.
        assert!(watch.overdue(Duration::ZERO).is_empty());
    }
}
