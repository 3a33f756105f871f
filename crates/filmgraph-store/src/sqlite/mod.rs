//! [`SqliteStore`]: the [`Store`] on an embedded SQLite file.

mod bulk;
mod migrate;
mod read;
mod redirects;
mod revisions;
mod scan;
mod write;

use crate::{
    ArticleRecord, ArticleSummary, ArticleText, ArticleWrite, Change, Counts, Entity, EntityKind,
    FactPage, FactQuery, FilmFacts, FilmView, IngestStats, PersonCredits, PersonView, Result,
    Revision, SearchHit, Store, StoredFact, StoredRevision,
};
use filmgraph_model::Fact;
use rusqlite::Connection;
use std::ops::ControlFlow;
use std::path::Path;

/// The journal mode a store works in (see `bulk.rs` for the one exception).
const JOURNAL: &str = "WAL";

/// A store in one SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens the database at `path`, creating it if needed, and brings its schema
    /// up to date. The parent directory must exist.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::init(Connection::open(path)?)
    }

    /// A private database that lives as long as the store (for tests and
    /// one-off runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL lets readers work while a batch ingests (a first load into an
        // empty database may have set it aside: then the database stays in
        // that load's mode until it ends); NORMAL sync is durable across
        // application crashes, which is what an ingest needs.
        bulk::set_journal(&conn, JOURNAL)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate::run(&mut conn)?;
        Ok(SqliteStore { conn })
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        migrate::version(&self.conn)
    }
}

impl Store for SqliteStore {
    fn replace_article(
        &mut self,
        article: &ArticleRecord<'_>,
        facts: &[Fact],
    ) -> Result<IngestStats> {
        write::replace_article(&mut self.conn, article, facts)
    }

    fn film(&self, title: &str) -> Result<Option<FilmView>> {
        read::film(&self.conn, title)
    }

    fn person(&self, name: &str) -> Result<Option<PersonView>> {
        read::person(&self.conn, name)
    }

    fn facts_about(&self, subject: &str) -> Result<Vec<StoredFact>> {
        read::facts_about(&self.conn, subject)
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        read::search(&self.conn, query, limit)
    }

    fn counts(&self) -> Result<Counts> {
        read::counts(&self.conn)
    }

    fn entity(&self, id: &str) -> Result<Option<Entity>> {
        read::entity(&self.conn, id)
    }

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>> {
        read::entities(&self.conn, kind)
    }

    fn film_by_id(&self, id: &str) -> Result<Option<FilmView>> {
        read::film_by_id(&self.conn, id, true)
    }

    fn person_by_id(&self, id: &str) -> Result<Option<PersonView>> {
        read::person_by_id(&self.conn, id)
    }

    fn film_facts_by_id(&self, id: &str) -> Result<Option<FilmView>> {
        read::film_by_id(&self.conn, id, false)
    }

    fn person_credits(&self, id: &str) -> Result<Option<PersonCredits>> {
        read::person_credits(&self.conn, id)
    }

    fn each_film_facts(&self, visit: &mut dyn FnMut(FilmFacts) -> ControlFlow<()>) -> Result<()> {
        scan::each_film_facts(&self.conn, visit)
    }

    fn each_person_credits(
        &self,
        visit: &mut dyn FnMut(PersonCredits) -> ControlFlow<()>,
    ) -> Result<()> {
        scan::each_person_credits(&self.conn, visit)
    }

    fn facts(&self, query: &FactQuery) -> Result<FactPage> {
        read::facts(&self.conn, query)
    }

    fn article_text(&self, title: &str) -> Result<Option<ArticleText>> {
        read::article_text(&self.conn, title)
    }

    fn articles(&self) -> Result<Vec<ArticleSummary>> {
        read::articles(&self.conn)
    }

    fn article_facts(&self, title: &str) -> Result<Vec<StoredFact>> {
        read::article_facts(&self.conn, title)
    }

    fn replace_articles(&mut self, batch: &[ArticleWrite<'_>]) -> Result<Vec<Result<IngestStats>>> {
        write::replace_articles(&mut self.conn, batch)
    }

    fn stored_revision(&self, title: &str) -> Result<Option<Revision>> {
        revisions::stored_revision(&self.conn, title)
    }

    fn stored_revisions(&self) -> Result<Vec<StoredRevision>> {
        revisions::stored_revisions(&self.conn)
    }

    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>> {
        read::changes_since(&self.conn, after, limit)
    }

    fn latest_change(&self) -> Result<u64> {
        read::latest_change(&self.conn)
    }

    fn put_redirects(&mut self, redirects: &[(String, String)]) -> Result<()> {
        redirects::put(&mut self.conn, redirects)
    }

    fn redirects_to(&self, target: &str) -> Result<Vec<String>> {
        redirects::to(&self.conn, target)
    }

    fn redirect_target(&self, title: &str) -> Result<Option<String>> {
        redirects::target(&self.conn, title)
    }

    fn redirects_after(&self, after: &str, limit: usize) -> Result<Vec<(String, String)>> {
        redirects::after(&self.conn, after, limit)
    }

    fn remove_articles(&mut self, titles: &[String]) -> Result<usize> {
        revisions::remove_articles(&mut self.conn, titles)
    }

    fn begin_bulk_load(&mut self) -> Result<bool> {
        bulk::begin(&mut self.conn)
    }

    fn end_bulk_load(&mut self) -> Result<()> {
        bulk::end(&mut self.conn)
    }
}

#[cfg(test)]
mod tests;
