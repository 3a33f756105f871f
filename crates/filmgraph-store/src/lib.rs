//! The only crate with SQL. It keeps ingested articles and their facts, links the
//! films, works and people they name, and answers the questions the CLI and the
//! server ask: a film with its facts, a person's credits, a title search.
//!
//! [`Store`] is the backend-neutral interface; [`SqliteStore`] implements it on
//! an embedded SQLite file, [`PgStore`] on a PostgreSQL database that several
//! processes share. [`Location`] tells them apart by how the database is named
//! (a path or a `postgres://` URL) and [`open`] opens either. The schema lives in
//! `migrations/*.sql` (PostgreSQL's dialect in `migrations/postgres/`), embedded
//! and applied when a store is opened.
//!
//! This crate never prints and never reads article files: callers hand it the
//! article text and the facts already extracted from it.

#[cfg(test)]
mod contract;
mod error;
mod franchise;
mod key;
mod location;
mod plan;
mod postgres;
mod record;
mod revision;
mod sqlite;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod transfer;

pub use self::postgres::PgStore;
pub use error::{Error, Result};
pub use key::{entity_id, fold};
pub use location::{open, Location};
pub use plan::object_kind;
pub use record::{
    ArticleRecord, ArticleSummary, ArticleText, Change, Counts, Entity, EntityKind, FactPage,
    FactQuery, FilmFacts, FilmView, FranchiseView, FranchiseWork, IngestStats, PersonCredit,
    PersonCredits, PersonView, SearchHit, StoredFact,
};
pub use revision::{ArticleWrite, Revision, StoredRevision};
pub use sqlite::SqliteStore;
pub use transfer::{
    copy, copy_redirects, stored_articles, stored_redirects, StoredArticle, StoredRedirect,
    REDIRECTS_A_PAGE,
};

use filmgraph_model::Fact;
use std::ops::ControlFlow;

/// What filmgraph needs from a database. SQLite and PostgreSQL implement the
/// same contract, checked by one test suite run on both:
///
/// - [`Store::replace_article`] is atomic: afterwards the article has exactly the
///   given facts, or, on error, exactly the facts it had before.
/// - Lookups compare names case- and accent-insensitively ([`fold`]).
/// - Facts come back in the order the extractor gave them, article by article.
pub trait Store {
    /// Stores an article and replaces every fact previously stored for it (an
    /// article is identified by its title) with `facts`, in one transaction.
    fn replace_article(
        &mut self,
        article: &ArticleRecord<'_>,
        facts: &[Fact],
    ) -> Result<IngestStats>;

    /// The film (or other work) with this title, with or without its
    /// disambiguation: `Lost Bullet` finds `Lost Bullet (2020 film)`.
    /// [`Error::Ambiguous`] when several films share the title and none is named
    /// exactly.
    fn film(&self, title: &str) -> Result<Option<FilmView>>;

    /// The person with this name and every fact that credits them.
    fn person(&self, name: &str) -> Result<Option<PersonView>>;

    /// The film or other work with this id, as [`Store::film_by_id`] gives
    /// it but without [`FilmView::related`] (left empty): what a search index
    /// reads for each film.
    ///
    /// The default drops what [`Store::film_by_id`] read.
    fn film_facts_by_id(&self, id: &str) -> Result<Option<FilmView>> {
        Ok(self.film_by_id(id)?.map(|mut view| {
            view.related.clear();
            view
        }))
    }

    /// The person with this id, as [`Store::person_by_id`] gives them,
    /// reduced to their credits and debuts (no sentences, no citations): what
    /// a search index reads for each person.
    ///
    /// The default reduces [`Store::person_by_id`].
    fn person_credits(&self, id: &str) -> Result<Option<PersonCredits>> {
        Ok(self.person_by_id(id)?.as_ref().map(PersonCredits::from))
    }

    /// The film or other work with this id as a search index reads it:
    /// [`Store::film_facts_by_id`] and the facts naming it.
    fn film_facts(&self, id: &str) -> Result<Option<FilmFacts>> {
        let Some(view) = self.film_facts_by_id(id)? else {
            return Ok(None);
        };
        let naming = self
            .facts(&FactQuery {
                object_id: Some(id.to_string()),
                ..Default::default()
            })?
            .facts;
        Ok(Some(FilmFacts { view, naming }))
    }

    /// [`Store::film_facts`] of every film and work, in id order, handed to
    /// `visit` one at a time until it breaks: what a search index reads to
    /// rebuild.
    ///
    /// The default asks for each film in turn.
    fn each_film_facts(&self, visit: &mut dyn FnMut(FilmFacts) -> ControlFlow<()>) -> Result<()> {
        let mut works = self.entities(EntityKind::Film)?;
        works.extend(self.entities(EntityKind::Work)?);
        works.sort_by(|a, b| a.id.cmp(&b.id));
        for entity in works {
            if let Some(film) = self.film_facts(&entity.id)? {
                if visit(film).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// [`Store::person_credits`] of every person, in id order, handed to
    /// `visit` one person at a time until it breaks: what a search index reads
    /// to rebuild.
    ///
    /// The default asks for each person in turn.
    fn each_person_credits(
        &self,
        visit: &mut dyn FnMut(PersonCredits) -> ControlFlow<()>,
    ) -> Result<()> {
        for entity in self.entities(EntityKind::Person)? {
            if let Some(credits) = self.person_credits(&entity.id)? {
                if visit(credits).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Every stored fact whose subject is exactly `subject`.
    fn facts_about(&self, subject: &str) -> Result<Vec<StoredFact>>;

    /// Films, works and people whose name contains `query`, best matches first.
    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>>;

    /// How much the store holds.
    fn counts(&self) -> Result<Counts>;

    /// The entity with this id (`work:lost-bullet-2020-film`, `person:alban-lenoir`).
    fn entity(&self, id: &str) -> Result<Option<Entity>>;

    /// Every entity of a kind, by id.
    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>>;

    /// The film or other work with this id, as [`Store::film`] gives it.
    fn film_by_id(&self, id: &str) -> Result<Option<FilmView>>;

    /// The person with this id, as [`Store::person`] gives them.
    fn person_by_id(&self, id: &str) -> Result<Option<PersonView>>;

    /// One page of the facts matching `query`, in article order.
    fn facts(&self, query: &FactQuery) -> Result<FactPage>;

    /// The whole input of the article with this title.
    fn article_text(&self, title: &str) -> Result<Option<ArticleText>>;

    /// Every stored article, by title.
    fn articles(&self) -> Result<Vec<ArticleSummary>>;

    /// The facts stored for the article with this title, in the order the
    /// extractor gave them: what [`Store::replace_article`] was handed. With
    /// [`Store::article_text`] and [`Store::articles`], all that is needed to
    /// copy a store into another.
    fn article_facts(&self, title: &str) -> Result<Vec<StoredFact>>;

    /// The articles stored or removed after change number `after` (0: from
    /// the first), oldest first, at most `limit`. Numbers follow the order in
    /// which writes committed, so a reader that applied every change up to
    /// `n` and asks for those after `n` misses none, even with several
    /// writers. What a process that keeps something derived from the store
    /// (a search index) follows to stay current.
    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>>;

    /// The number of the newest change, 0 if there is none: where a reader
    /// that has just read the whole store starts following.
    fn latest_change(&self) -> Result<u64>;

    /// The franchise with this id: a series (the object of `part_of_series`)
    /// with its works, or, for a work in a chain of sequels that names no
    /// series, that chain. Works come in order of release, then of the chain.
    /// `None` for an unknown id, a person, or a work in no franchise.
    fn franchise(&self, id: &str) -> Result<Option<FranchiseView>> {
        franchise::franchise(self, id)
    }

    /// Stores a batch of articles as [`Store::replace_article`] does, each
    /// atomic on its own, together with the dump revision each was read from.
    /// One result per article, in order: an article refused (invalid facts) is
    /// left as it was and the others are stored. An `Err` for the whole call
    /// means none of the batch was stored. A backend writes the batch in as
    /// few transactions as it can (SQLite: one).
    ///
    /// The default stores the articles one by one and keeps no revision.
    fn replace_articles(&mut self, batch: &[ArticleWrite<'_>]) -> Result<Vec<Result<IngestStats>>> {
        Ok(batch
            .iter()
            .map(|w| self.replace_article(&w.record, w.facts))
            .collect())
    }

    /// The dump revision stored for the article with this title: `None` if
    /// the article is not stored or was read from an article file.
    ///
    /// The default knows no revision (as the default
    /// [`Store::replace_articles`] keeps none).
    fn stored_revision(&self, title: &str) -> Result<Option<Revision>> {
        let _ = title;
        Ok(None)
    }

    /// Every stored article read from a dump, with its revision, by title.
    /// What `ingest` compares each page of a dump with, so that pages already
    /// stored at the same revision are skipped before they are parsed.
    fn stored_revisions(&self) -> Result<Vec<StoredRevision>> {
        Ok(Vec::new())
    }

    /// Removes the articles with these titles, their facts, and the entities
    /// that no article or fact names any more, in one transaction. Titles not
    /// stored are ignored; returns how many articles were removed.
    fn remove_articles(&mut self, titles: &[String]) -> Result<usize> {
        let _ = titles;
        Err(Error::Unsupported {
            what: "remove articles",
        })
    }

    /// Stores the redirects `(title, target)` of a dump, each title an
    /// alternative title of its target, replacing those stored under the
    /// same titles, in one transaction. A stored article that one leads to is
    /// logged as changed (its search document lists the titles).
    fn put_redirects(&mut self, redirects: &[(String, String)]) -> Result<()> {
        let _ = redirects;
        Err(Error::Unsupported {
            what: "store redirects",
        })
    }

    /// The titles that redirect to the article titled `target`, sorted
    /// (titles that are articles now are left out).
    fn redirects_to(&self, target: &str) -> Result<Vec<String>> {
        let _ = target;
        Ok(Vec::new())
    }

    /// Where the redirect titled `title` leads (titles compared as lookups
    /// compare names, an exact title first).
    fn redirect_target(&self, title: &str) -> Result<Option<String>> {
        let _ = title;
        Ok(None)
    }

    /// Up to `limit` stored redirects `(title, target)` whose titles sort
    /// after `after` (`""`: from the first), by title: what a copy of the
    /// store pages through.
    fn redirects_after(&self, after: &str, limit: usize) -> Result<Vec<(String, String)>> {
        let _ = (after, limit);
        Ok(Vec::new())
    }

    /// The film (or other work) a redirect titled `title` leads to, as
    /// [`Store::film`] finds its target: for a title that names no film.
    fn redirected_film(&self, title: &str) -> Result<Option<FilmView>> {
        match self.redirect_target(title)? {
            Some(target) => self.film(&target),
            None => Ok(None),
        }
    }

    /// Readies the store for many writes to come (an ingest): a backend may
    /// set aside what makes writing slow and reading fast while the store is
    /// empty (SQLite drops its lookup indexes, see `sqlite/bulk.rs`). Every
    /// write and read keeps its meaning during the load; reads may be slower
    /// until [`Store::end_bulk_load`]. Says whether anything was set aside.
    ///
    /// The default sets nothing aside.
    fn begin_bulk_load(&mut self) -> Result<bool> {
        Ok(false)
    }

    /// Puts back what [`Store::begin_bulk_load`] set aside. Safe to call
    /// without a load begun, and needed after an interrupted one (the next
    /// `begin_bulk_load` does it too).
    fn end_bulk_load(&mut self) -> Result<()> {
        Ok(())
    }
}
