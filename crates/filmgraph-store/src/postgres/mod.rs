//! [`PgStore`]: the [`Store`] on a PostgreSQL database that several processes and
//! machines share.
//!
//! Reads take a pooled connection and run in one `REPEATABLE READ, READ ONLY`
//! transaction each, so a reader sees an article either before or after its
//! re-ingest, never half of it. Writes go through one connection of their own,
//! with statements prepared once, as `SERIALIZABLE` transactions: two ingests
//! running at once end as if one had run after the other. A transaction that
//! PostgreSQL aborts for a serialization failure or a deadlock is retried.
//!
//! The schema is `migrations/postgres/*.sql`, the PostgreSQL dialect of the
//! SQLite migrations, applied at connect under an advisory lock.

mod batch;
mod migrate;
mod read;
mod write;

use crate::{
    ArticleRecord, ArticleSummary, ArticleText, ArticleWrite, Change, Counts, Entity, EntityKind,
    Error, FactPage, FactQuery, FilmView, IngestStats, PersonView, Result, Revision, SearchHit,
    Store, StoredFact, StoredRevision,
};
use filmgraph_model::Fact;
use postgres::{Client, Config, IsolationLevel, NoTls, Transaction};
use r2d2_postgres::PostgresConnectionManager;
use std::str::FromStr;
use std::time::Duration;

type Pool = r2d2::Pool<PostgresConnectionManager<NoTls>>;

/// How long to wait for the server when connecting.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections kept for readers; a `filmgraph serve` answers this many requests
/// at once.
const POOL_SIZE: u32 = 8;

/// A store in a PostgreSQL database, named by a URL such as
/// `postgres://filmgraph@db.example.org/filmgraph`.
pub struct PgStore {
    config: Config,
    pool: Pool,
    /// The connection writes go through, opened at the first write.
    writer: Option<write::Writer>,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore")
            .field("hosts", &self.config.get_hosts())
            .field("dbname", &self.config.get_dbname())
            .finish_non_exhaustive()
    }
}

impl PgStore {
    /// Connects to the database at `url` (`postgres://user:password@host:port/dbname`,
    /// or any form libpq accepts) and brings its schema up to date. The database
    /// must exist; the tables are created if they do not.
    pub fn connect(url: &str) -> Result<Self> {
        let mut config = Config::from_str(url).map_err(|e| Error::Database(Box::new(e)))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        if config.get_application_name().is_none() {
            config.application_name("filmgraph");
        }
        // A direct connection first: its error names what is wrong (no such
        // database, authentication failed) where a pool would only time out.
        let mut client = config.connect(NoTls)?;
        migrate::run(&mut client)?;
        drop(client);
        let pool = r2d2::Pool::builder()
            .max_size(POOL_SIZE)
            .min_idle(Some(0))
            .connection_timeout(CONNECT_TIMEOUT)
            .build_unchecked(PostgresConnectionManager::new(config.clone(), NoTls));
        Ok(PgStore {
            config,
            pool,
            writer: None,
        })
    }

    /// The schema version the database is at.
    pub fn schema_version(&self) -> Result<i64> {
        migrate::version(&mut *self.pool.get()?)
    }

    /// Runs `f` in one read-only transaction that sees a single snapshot.
    fn read<T>(&self, f: impl FnOnce(&mut Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = self.pool.get()?;
        let mut tx = conn
            .build_transaction()
            .isolation_level(IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()?;
        let out = f(&mut tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs one write, again while PostgreSQL aborts it for the sake of a
    /// concurrent one.
    fn retrying<T>(&mut self, mut write: impl FnMut(&mut write::Writer) -> Result<T>) -> Result<T> {
        let mut attempt = 0;
        loop {
            match self.writer().and_then(&mut write) {
                Err(err) if write::is_transient(&err) && attempt < write::MAX_RETRIES => {
                    attempt += 1;
                    write::back_off(attempt);
                }
                other => return other,
            }
        }
    }

    /// The write connection, (re)opened if it is not open.
    fn writer(&mut self) -> Result<&mut write::Writer> {
        if self.writer.as_ref().is_some_and(|w| w.is_closed()) {
            self.writer = None;
        }
        if self.writer.is_none() {
            let client: Client = self.config.connect(NoTls)?;
            self.writer = Some(write::Writer::new(client)?);
        }
        Ok(self.writer.as_mut().expect("opened above"))
    }
}

impl Store for PgStore {
    fn replace_article(
        &mut self,
        article: &ArticleRecord<'_>,
        facts: &[Fact],
    ) -> Result<IngestStats> {
        let write = write::Planned {
            record: *article,
            plan: crate::plan::plan(article, facts)?,
            revision: None,
        };
        self.retrying(|writer| writer.replace_article(&write))
    }

    fn replace_articles(&mut self, batch: &[ArticleWrite<'_>]) -> Result<Vec<Result<IngestStats>>> {
        let planned: Vec<Result<write::Planned<'_>>> = batch
            .iter()
            .map(|w| {
                Ok(write::Planned {
                    record: w.record,
                    plan: crate::plan::plan(&w.record, w.facts)?,
                    revision: w.revision,
                })
            })
            .collect();
        self.retrying(|writer| writer.replace_articles(&planned))
    }

    fn stored_revision(&self, title: &str) -> Result<Option<Revision>> {
        self.read(|tx| read::stored_revision(tx, title))
    }

    fn stored_revisions(&self) -> Result<Vec<StoredRevision>> {
        self.read(read::stored_revisions)
    }

    fn remove_articles(&mut self, titles: &[String]) -> Result<usize> {
        self.retrying(|writer| writer.remove_articles(titles))
    }

    fn changes_since(&self, after: u64, limit: usize) -> Result<Vec<Change>> {
        self.read(|tx| read::changes_since(tx, after, limit))
    }

    fn latest_change(&self) -> Result<u64> {
        self.read(read::latest_change)
    }

    fn put_redirects(&mut self, redirects: &[(String, String)]) -> Result<()> {
        if redirects.is_empty() {
            return Ok(());
        }
        self.retrying(|writer| writer.put_redirects(redirects))
    }

    fn redirects_to(&self, target: &str) -> Result<Vec<String>> {
        self.read(|tx| read::redirects_to(tx, target))
    }

    fn redirect_target(&self, title: &str) -> Result<Option<String>> {
        self.read(|tx| read::redirect_target(tx, title))
    }

    fn redirects_after(&self, after: &str, limit: usize) -> Result<Vec<(String, String)>> {
        self.read(|tx| read::redirects_after(tx, after, limit))
    }

    fn film(&self, title: &str) -> Result<Option<FilmView>> {
        self.read(|tx| read::film(tx, title))
    }

    fn person(&self, name: &str) -> Result<Option<PersonView>> {
        self.read(|tx| read::person(tx, name))
    }

    fn facts_about(&self, subject: &str) -> Result<Vec<StoredFact>> {
        self.read(|tx| read::facts_about(tx, subject))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.read(|tx| read::search(tx, query, limit))
    }

    fn counts(&self) -> Result<Counts> {
        self.read(read::counts)
    }

    fn entity(&self, id: &str) -> Result<Option<Entity>> {
        self.read(|tx| read::entity(tx, id))
    }

    fn entities(&self, kind: EntityKind) -> Result<Vec<Entity>> {
        self.read(|tx| read::entities(tx, kind))
    }

    fn film_by_id(&self, id: &str) -> Result<Option<FilmView>> {
        self.read(|tx| read::film_by_id(tx, id))
    }

    fn person_by_id(&self, id: &str) -> Result<Option<PersonView>> {
        self.read(|tx| read::person_by_id(tx, id))
    }

    fn facts(&self, query: &FactQuery) -> Result<FactPage> {
        self.read(|tx| read::facts(tx, query))
    }

    fn article_text(&self, title: &str) -> Result<Option<ArticleText>> {
        self.read(|tx| read::article_text(tx, title))
    }

    fn articles(&self) -> Result<Vec<ArticleSummary>> {
        self.read(read::articles)
    }

    fn article_facts(&self, title: &str) -> Result<Vec<StoredFact>> {
        self.read(|tx| read::article_facts(tx, title))
    }
}

#[cfg(test)]
mod tests;
