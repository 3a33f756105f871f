//! The progress bar of `facts` and `ingest` on a terminal: pages a second,
//! megabytes of XML a second, films found, errors, and the time left, judged
//! from how much of the (compressed) input has been read. Nothing is drawn
//! when stderr is not a terminal or with `--quiet`; messages still are.

use crate::pipeline::Item;
use filmgraph_parse::dump::InputPosition;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::cell::Cell;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The progress of one run, drawn from the caller's thread.
pub struct Progress {
    bar: Option<ProgressBar>,
    reading: Reading,
    started: Instant,
    last_draw: Cell<Option<Instant>>,
    pages: Cell<u64>,
    films: Cell<u64>,
    errors: Cell<u64>,
}

/// What the reading thread tells the bar: how far it has read.
#[derive(Clone, Default)]
pub struct Reading(Arc<Shared>);

#[derive(Default)]
struct Shared {
    /// Bytes of the files read to their end.
    files_done: AtomicU64,
    /// The dump being read, if any.
    current: Mutex<Option<InputPosition>>,
    /// Bytes of XML read from the current dump, and from those before it.
    xml: AtomicU64,
    xml_done: AtomicU64,
}

impl Reading {
    pub fn start_file(&self, position: Option<InputPosition>) {
        *self.current() = position;
    }

    pub fn xml_position(&self, bytes: u64) {
        self.0.xml.store(bytes, Ordering::Relaxed);
    }

    pub fn file_done(&self, size: u64) {
        *self.current() = None;
        self.0.files_done.fetch_add(size, Ordering::Relaxed);
        let xml = self.0.xml.swap(0, Ordering::Relaxed);
        self.0.xml_done.fetch_add(xml, Ordering::Relaxed);
    }

    fn input_bytes(&self) -> u64 {
        let current = self.current().as_ref().map_or(0, InputPosition::get);
        self.0.files_done.load(Ordering::Relaxed) + current
    }

    fn xml_bytes(&self) -> u64 {
        self.0.xml_done.load(Ordering::Relaxed) + self.0.xml.load(Ordering::Relaxed)
    }

    fn current(&self) -> std::sync::MutexGuard<'_, Option<InputPosition>> {
        self.0.current.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Progress {
    /// A bar over the inputs at `paths`, drawn only on a terminal and unless
    /// `quiet`.
    pub fn new(paths: &[PathBuf], quiet: bool) -> Progress {
        let total: u64 = paths
            .iter()
            .filter_map(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
            .sum();
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{elapsed:>4} [{bar:30}] {percent:>3}% {msg} (ETA {eta})",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            reading: Reading::default(),
            started: Instant::now(),
            last_draw: Cell::new(None),
            pages: Cell::new(0),
            films: Cell::new(0),
            errors: Cell::new(0),
        }
    }

    /// The handle the reading thread updates.
    pub fn reading(&self) -> Reading {
        self.reading.clone()
    }

    /// Counts an item as it leaves the pipeline.
    pub fn item(&self, item: &Item) {
        let add = |c: &Cell<u64>| c.set(c.get() + 1);
        match item {
            Item::Film { .. } => {
                add(&self.pages);
                add(&self.films);
            }
            Item::Skipped { .. } | Item::NotFilmFile { .. } | Item::Unchanged { .. } => {
                add(&self.pages)
            }
            Item::Failed { .. } => {
                add(&self.pages);
                add(&self.errors);
            }
            Item::DumpEnd { .. } => {}
        }
    }

    /// Redraws the bar, at most ten times a second.
    pub fn tick(&self) {
        let Some(bar) = &self.bar else { return };
        let now = Instant::now();
        if self
            .last_draw
            .get()
            .is_some_and(|t| now - t < Duration::from_millis(100))
        {
            return;
        }
        self.last_draw.set(Some(now));
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_position(self.reading.input_bytes());
        bar.set_message(format!(
            "{} pages ({:.0}/s), {:.1} MB/s of XML, {} films, {} errors",
            self.pages.get(),
            self.pages.get() as f64 / secs,
            self.reading.xml_bytes() as f64 / 1e6 / secs,
            self.films.get(),
            self.errors.get(),
        ));
    }

    /// Prints a line on stderr without garbling the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Takes the bar off the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
