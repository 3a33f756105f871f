//! The only crate with tantivy: a search index of films, people, characters,
//! companies and franchises, derived from the store and rebuildable from it
//! at any time (the store is the truth; the index only finds things fast).
//!
//! [`Index::open_or_create`] opens an index directory; [`Index::rebuild`]
//! refills it from a [`Store`]; [`Index::update_articles`] re-derives what a
//! newly ingested article touches. [`Index::search`] answers a [`Query`] with
//! ranked, highlighted results and facet counts; [`Index::suggest`] completes
//! title prefixes.
//!
//! This crate never prints and holds no SQL: it reads the store through its
//! trait.

mod document;
mod error;
mod facet_count;
mod follow;
mod query;
mod schema;

pub use document::{role_name, Kind};
pub use error::{Error, Result};
pub use follow::ChangeFollower;
pub use query::{FacetCount, Facets, Hit, Query, SearchResults, Snippet, Suggestion};

use document::Doc;
use filmgraph_store::{entity_id, object_kind, EntityKind, Store};
use schema::Fields;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// The file beside tantivy's own that records what the index was built from.
const STAMP: &str = "filmgraph-index.json";
/// Memory the writer may buffer before it flushes a segment. One indexing
/// thread with room for a whole rebuild of a store of 20,000 pages (133,000
/// documents) writes one segment and leaves nothing to merge: several threads
/// each flush their own segments, which `commit_with` then merges, and the
/// reading thread that feeds them needs a core of its own anyway (on the
/// bench dump, `index --rebuild`: 4 segments merged -> 1, 1 CPU s less).
/// The arena grows only as documents come: a small update uses little.
const WRITER_MEMORY: usize = 128 * 1024 * 1024;
/// The writer's indexing threads.
const WRITER_THREADS: usize = 1;

/// A search index in a directory (or in memory).
pub struct Index {
    index: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
    dir: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

/// What a rebuild indexed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RebuildStats {
    pub documents: u64,
}

/// Written beside the index: its schema version and the store it mirrors.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Stamp {
    version: u32,
    /// [`fingerprint`] of the store when the index last matched it.
    fingerprint: String,
}

impl Index {
    /// Opens the index in `dir`, creating the directory and an empty index if
    /// needed. An index written by another version of this crate is cleared
    /// (it is derived data): [`Index::is_current`] then says it needs a rebuild.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        let io = |source| Error::Directory {
            path: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let stamp = read_stamp(dir);
        let (schema, fields) = Fields::schema();
        let has_index = dir.join("meta.json").is_file();
        if has_index && stamp.as_ref().map(|s| s.version) != Some(schema::VERSION) {
            for entry in std::fs::read_dir(dir).map_err(io)? {
                let path = entry.map_err(io)?.path();
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).map_err(io)?;
                } else {
                    std::fs::remove_file(&path).map_err(io)?;
                }
            }
        }
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        let index = tantivy::Index::open_or_create(directory, schema)?;
        Self::from_index(index, fields, Some(dir.to_path_buf()))
    }

    /// An index that lives in memory (tests, throwaway servers).
    pub fn in_memory() -> Result<Index> {
        let (schema, fields) = Fields::schema();
        Self::from_index(tantivy::Index::create_in_ram(schema), fields, None)
    }

    fn from_index(index: tantivy::Index, fields: Fields, dir: Option<PathBuf>) -> Result<Index> {
        schema::register(index.tokenizers());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Index {
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            dir,
        })
    }

    /// Whether the index was last brought up to date with a store that looked
    /// as `store` does now (same counts of articles, entities and facts).
    pub fn is_current(&self, store: &dyn Store) -> Result<bool> {
        let Some(dir) = &self.dir else {
            return Ok(false);
        };
        Ok(read_stamp(dir).is_some_and(|s| {
            s.version == schema::VERSION && fingerprint(store).is_ok_and(|f| f == s.fingerprint)
        }))
    }

    /// How many documents the index holds.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Empties the index and indexes everything the store holds.
    pub fn rebuild(&self, store: &dyn Store) -> Result<RebuildStats> {
        let mut guard = self.writer()?;
        let writer = guard.as_mut().expect("writer opened");
        writer.delete_all_documents()?;
        let mut documents = 0u64;
        // Each company's credits, gathered while the films go by: only the
        // film and the kind of credit, so memory stays small on big stores.
        let mut companies: BTreeMap<String, (String, Vec<document::Credit>)> = BTreeMap::new();
        // The store's passes hand over one entity at a time; the first
        // failure to index one stops the pass and is returned after it.
        let mut failed: Option<Error> = None;
        store.each_film_facts(&mut |film| {
            for f in &film.view.facts {
                if document::credits_company(f.fact.predicate) {
                    companies
                        .entry(document::company_id(&f.fact.object))
                        .or_insert_with(|| (f.fact.object.clone(), Vec::new()))
                        .1
                        .push(document::credit(f));
                }
            }
            stop_on(
                &mut failed,
                document::film_docs(store, &film)
                    .map_err(Error::from)
                    .and_then(|docs| {
                        docs.iter()
                            .try_for_each(|doc| self.add(writer, doc, &mut documents))
                    }),
            )
        })?;
        if failed.is_none() {
            store.each_person_credits(&mut |view| {
                stop_on(
                    &mut failed,
                    self.add(writer, &document::person_doc(&view), &mut documents),
                )
            })?;
        }
        if let Some(err) = failed {
            return Err(err);
        }
        for (name, facts) in companies.values() {
            if let Some(doc) = document::company_doc(name, facts) {
                self.add(writer, &doc, &mut documents)?;
            }
        }
        self.commit_with(writer, store)?;
        Ok(RebuildStats { documents })
    }

    /// Re-derives every document that the article titled `title` touches: its
    /// film, the people, companies, works and franchises it names, and those
    /// it named before. Commits.
    pub fn update_article(&self, store: &dyn Store, title: &str) -> Result<()> {
        self.update_articles(store, &[title])
    }

    /// [`Index::update_article`] for several articles, with one commit.
    pub fn update_articles(&self, store: &dyn Store, titles: &[&str]) -> Result<()> {
        let mut guard = self.writer()?;
        let writer = guard.as_mut().expect("writer opened");
        let searcher = self.reader.searcher();
        for title in titles {
            let own = entity_id(EntityKind::Film, title);
            let mut ids: BTreeSet<String> = BTreeSet::from([own.clone()]);
            let mut company_names: BTreeSet<String> = BTreeSet::new();
            // What the index derived from this film before.
            let old = TermQuery::new(
                Term::from_field_text(self.fields.refs, &own),
                IndexRecordOption::Basic,
            );
            for (_, addr) in searcher.search(&old, &TopDocs::with_limit(10_000).order_by_score())? {
                let doc: TantivyDocument = searcher.doc(addr)?;
                let get = |f| {
                    doc.get_first(f)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                match Kind::parse(&get(self.fields.kind)) {
                    Some(Kind::Character) => {}
                    Some(Kind::Company) => {
                        company_names.insert(get(self.fields.title));
                    }
                    _ => {
                        ids.insert(get(self.fields.id));
                    }
                }
            }
            writer.delete_term(Term::from_field_text(self.fields.refs, &own));
            // What the film names now.
            if let Some(view) = store.film_by_id(&own)? {
                for f in view.facts.iter().chain(&view.related) {
                    let fact = &f.fact;
                    if fact.subject != *title {
                        ids.insert(subject_id(store, &fact.subject)?);
                    }
                    if let Some(kind) = object_kind(fact.predicate) {
                        ids.insert(entity_id(kind, fact.object_identity()));
                    } else if document::credits_company(fact.predicate) {
                        company_names.insert(fact.object.clone());
                    }
                }
            }
            for id in &ids {
                writer.delete_term(Term::from_field_text(self.fields.id, id));
                for doc in derive(store, id)? {
                    writer.add_document(self.to_tantivy(&doc))?;
                }
            }
            for name in &company_names {
                writer.delete_term(Term::from_field_text(
                    self.fields.id,
                    &document::company_id(name),
                ));
                let credits: Vec<document::Credit> = document::company_facts(store, name)?
                    .iter()
                    .map(document::credit)
                    .collect();
                if let Some(doc) = document::company_doc(name, &credits) {
                    writer.add_document(self.to_tantivy(&doc))?;
                }
            }
        }
        self.commit_with(writer, store)
    }

    /// Adds one document to the writer and counts it.
    fn add(&self, writer: &mut IndexWriter, doc: &Doc, documents: &mut u64) -> Result<()> {
        writer.add_document(self.to_tantivy(doc))?;
        *documents += 1;
        Ok(())
    }

    fn writer(&self) -> Result<std::sync::MutexGuard<'_, Option<IndexWriter>>> {
        let mut guard = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            *guard = Some(
                self.index
                    .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY)?,
            );
        }
        Ok(guard)
    }

    fn commit_with(&self, writer: &mut IndexWriter, store: &dyn Store) -> Result<()> {
        writer.commit()?;
        // One segment answers fastest: every query runs once per segment. The
        // index is read far more than written, so merge after each commit.
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
            // Dropping the merged segments' files is housekeeping, not data.
            let _ = writer.garbage_collect_files().wait();
        }
        self.reader.reload()?;
        if let Some(dir) = &self.dir {
            let stamp = Stamp {
                version: schema::VERSION,
                fingerprint: fingerprint(store)?,
            };
            let json = serde_json::to_string(&stamp).expect("a stamp serialises");
            std::fs::write(dir.join(STAMP), json).map_err(|source| Error::Directory {
                path: dir.clone(),
                source,
            })?;
        }
        Ok(())
    }

    fn to_tantivy(&self, doc: &Doc) -> TantivyDocument {
        let f = &self.fields;
        let mut d = TantivyDocument::default();
        d.add_text(f.kind, doc.kind.unwrap_or(Kind::Work).as_str());
        d.add_text(f.id, &doc.id);
        d.add_text(f.target, &doc.target);
        d.add_text(f.title, &doc.title);
        for t in &doc.exact_titles {
            d.add_text(f.title_exact, t);
            d.add_text(f.title_prefix, t);
        }
        for t in &doc.alt_titles {
            d.add_text(f.alt_titles, t);
        }
        for p in &doc.people {
            d.add_text(f.people, p);
        }
        for c in &doc.characters {
            d.add_text(f.characters, c);
        }
        // A prolific studio's or actor's summary runs to many kilobytes: all
        // of it is searchable (`all`), its start is stored for snippets.
        d.add_text(f.body, truncate_at_char(&doc.body, MAX_STORED_BODY));
        let all = [doc.title.as_str(), doc.body.as_str()]
            .into_iter()
            .chain(doc.alt_titles.iter().map(String::as_str))
            .chain(doc.people.iter().map(String::as_str))
            .chain(doc.characters.iter().map(String::as_str));
        for text in all {
            d.add_text(f.all, text);
        }
        if let Some(year) = doc.year {
            d.add_i64(f.year, year);
        }
        let mut seen = BTreeSet::new();
        for (dimension, value) in &doc.facets {
            let facet = schema::facet(dimension, value);
            if seen.insert(facet.to_string()) {
                d.add_facet(f.facets, facet);
                // People are filters, not counted facets.
                if *dimension != "person" {
                    let folded = schema::folded_whole(value);
                    d.add_text(f.counted, facet_count::counted_value(dimension, &folded));
                }
            }
        }
        for r in &doc.refs {
            d.add_text(f.refs, r);
        }
        d.add_u64(f.weight, doc.weight);
        d.add_u64(f.prior, doc.kind.unwrap_or(Kind::Work).prior());
        d
    }
}

/// The most bytes of a summary stored for snippets.
const MAX_STORED_BODY: usize = 2_000;

/// Goes on after `result` if it is a success, else keeps its error in
/// `failed` and stops.
fn stop_on(failed: &mut Option<Error>, result: Result<()>) -> ControlFlow<()> {
    match result {
        Ok(()) => ControlFlow::Continue(()),
        Err(err) => {
            *failed = Some(err);
            ControlFlow::Break(())
        }
    }
}

/// At most `max` bytes of `text`, cut on a character boundary.
fn truncate_at_char(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The documents derived from the entity `id`, if the store still has it.
fn derive(store: &dyn Store, id: &str) -> Result<Vec<Doc>> {
    if id.starts_with("person:") {
        return Ok(store
            .person_credits(id)?
            .map(|v| vec![document::person_doc(&v)])
            .unwrap_or_default());
    }
    Ok(match store.film_facts(id)? {
        Some(film) => document::film_docs(store, &film)?,
        None => Vec::new(),
    })
}

/// The id of a fact's subject: a person where the store knows one by that
/// name, else a work.
fn subject_id(store: &dyn Store, subject: &str) -> Result<String> {
    let person = entity_id(EntityKind::Person, subject);
    Ok(if store.entity(&person)?.is_some() {
        person
    } else {
        entity_id(EntityKind::Work, subject)
    })
}

fn read_stamp(dir: &Path) -> Option<Stamp> {
    let text = std::fs::read_to_string(dir.join(STAMP)).ok()?;
    serde_json::from_str(&text).ok()
}

/// What the store looks like, cheaply: its counts.
fn fingerprint(store: &dyn Store) -> Result<String> {
    let c = store.counts()?;
    Ok(format!(
        "{}/{}/{}/{}/{}",
        c.articles, c.films, c.works, c.people, c.facts
    ))
}

#[cfg(test)]
mod tests;
