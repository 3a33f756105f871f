//! Writing articles and their facts: one `SERIALIZABLE` transaction per
//! article or per batch (a savepoint per article), a fixed handful of
//! statements per article whatever its number of facts. Rows go in as arrays
//! (`unnest`), so an article costs the same few round trips to the server
//! whether it has three facts or three hundred.
//!
//! Every write ends by numbering its articles in the `changes` log while it
//! holds [`CHANGES_LOCK`], an advisory lock kept until commit: a change numbered
//! `n` is visible before `n + 1` is handed out, so followers reading
//! `seq > last` never skip a transaction that commits late.

use crate::plan::FactRow;
use crate::plan::Plan;
use crate::{ArticleRecord, Error, IngestStats, Result, Revision};
use postgres::error::SqlState;
use postgres::{Client, IsolationLevel, Statement, Transaction};
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

/// How often a transaction aborted by a concurrent one is tried again.
pub(super) const MAX_RETRIES: u32 = 30;

/// The advisory lock that orders the change log: `filmgraph` + 1.
const CHANGES_LOCK: i64 = 0x6669_6c6d_6772_6171;

/// One article to write, already checked and planned.
pub(super) struct Planned<'a> {
    pub record: ArticleRecord<'a>,
    pub plan: Plan<'a>,
    pub revision: Option<&'a Revision>,
}

/// The write connection and its prepared statements.
pub(super) struct Writer {
    client: Client,
    statements: Statements,
}

pub(super) struct Statements {
    own: Statement,
    named: Statement,
    article: Statement,
    delete_facts: Statement,
    insert_facts: Statement,
    gc: Statement,
    renamed: Statement,
    remove: Statement,
    hold: Statement,
    log: Statement,
}

impl Writer {
    pub(super) fn new(mut client: Client) -> Result<Self> {
        // As SQLite's `synchronous = NORMAL` does, a commit returns before its
        // WAL record is flushed to disk: durable if filmgraph crashes, while a
        // crash of the database server or its machine may lose the last
        // fraction of a second of ingest, never consistency. An ingest is
        // replayed by running it again.
        client.batch_execute("SET synchronous_commit = off")?;
        let statements = Statements {
            own: client.prepare(
                "INSERT INTO entities (id, kind, name, folded, folded_base)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (id) DO UPDATE SET
                     kind = excluded.kind, name = excluded.name,
                     folded = excluded.folded, folded_base = excluded.folded_base",
            )?,
            // Sorted, so that concurrent ingests lock shared entities in one order.
            named: client.prepare(
                "INSERT INTO entities (id, kind, name, folded, folded_base)
                 SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
                 ORDER BY 1
                 ON CONFLICT (id) DO NOTHING",
            )?,
            article: client.prepare(
                "INSERT INTO articles (title, display_title, entity_id, source_path, content_hash,
                                       ingested_at, text,
                                       site, page_id, revision_id, revision_timestamp)
                 VALUES ($1, $2, $3, $4, $5,
                         to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $6,
                         $7, $8, $9, $10)
                 ON CONFLICT (title) DO UPDATE SET
                     display_title = excluded.display_title,
                     entity_id = excluded.entity_id,
                     source_path = excluded.source_path,
                     content_hash = excluded.content_hash,
                     ingested_at = excluded.ingested_at,
                     text = excluded.text,
                     site = excluded.site,
                     page_id = excluded.page_id,
                     revision_id = excluded.revision_id,
                     revision_timestamp = excluded.revision_timestamp
                 RETURNING id",
            )?,
            // Both for one article and for a batch: article ids as an array.
            delete_facts: client.prepare(
                "DELETE FROM facts WHERE article_id = ANY ($1)
                 RETURNING article_id, subject_id, object_id",
            )?,
            insert_facts: client.prepare(
                "INSERT INTO facts (article_id, ordinal, subject, subject_id, predicate, object,
                                    object_id, qualifiers, section, start_byte, end_byte,
                                    sentence, refs)
                 SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[],
                                      $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                                      $10::bigint[], $11::bigint[], $12::text[], $13::text[])",
            )?,
            gc: client.prepare(
                "DELETE FROM entities e WHERE e.id = ANY ($1)
                   AND NOT EXISTS (SELECT 1 FROM facts WHERE subject_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM facts WHERE object_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM articles WHERE entity_id = e.id)",
            )?,
            renamed: client.prepare(
                "SELECT title FROM articles WHERE site = $1 AND page_id = $2 AND title <> $3",
            )?,
            // Facts go with their article, in the same statement (no foreign
            // key does it: see migrations/postgres/0005).
            remove: client.prepare(
                "WITH gone AS (DELETE FROM articles WHERE title = ANY ($1) RETURNING id, entity_id),
                      gone_facts AS (DELETE FROM facts f USING gone WHERE f.article_id = gone.id
                                     RETURNING f.subject_id, f.object_id)
                 SELECT entity_id FROM gone
                 UNION SELECT subject_id FROM gone_facts
                 UNION SELECT object_id FROM gone_facts WHERE object_id IS NOT NULL",
            )?,
            hold: client.prepare(
                "SELECT count(*) FROM (SELECT 1 FROM entities WHERE id = ANY ($1)
                                       ORDER BY id FOR KEY SHARE) AS held",
            )?,
            log: client.prepare("INSERT INTO changes (title) SELECT unnest($1::text[])")?,
        };
        Ok(Writer { client, statements })
    }

    pub(super) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// One try at writing one article in a transaction of its own.
    pub(super) fn replace_article(&mut self, write: &Planned<'_>) -> Result<IngestStats> {
        let Writer { client, statements } = self;
        let mut tx = begin(client)?;
        let stats = replace_in(&mut tx, statements, write)?;
        log_changes(&mut tx, statements, &[write.record.title])?;
        tx.commit()?;
        Ok(stats)
    }

    /// One try at writing a batch in one transaction, each article in a
    /// savepoint: an article the database refuses is rolled back alone. An
    /// `Err` for the whole batch (a serialization failure, a lost connection)
    /// means none of it was stored.
    pub(super) fn replace_articles(
        &mut self,
        batch: &[std::result::Result<Planned<'_>, Error>],
    ) -> Result<Vec<Result<IngestStats>>> {
        let Writer { client, statements } = self;
        let mut tx = begin(client)?;
        if let Some(results) = write_set_wise(&mut tx, statements, batch)? {
            let titles: Vec<&str> = batch.iter().flatten().map(|w| w.record.title).collect();
            log_changes(&mut tx, statements, &titles)?;
            tx.commit()?;
            return Ok(results);
        }
        let mut results = Vec::with_capacity(batch.len());
        let mut titles = Vec::new();
        for write in batch {
            let write = match write {
                Ok(write) => write,
                Err(err) => {
                    results.push(Err(replan_error(err)));
                    continue;
                }
            };
            let mut savepoint = tx.savepoint("article")?;
            match replace_in(&mut savepoint, statements, write) {
                Ok(stats) => {
                    savepoint.commit()?;
                    titles.push(write.record.title);
                    results.push(Ok(stats));
                }
                // The whole transaction is lost: try the batch again.
                Err(err) if is_transient(&err) => return Err(err),
                // Dropping the savepoint rolls this article back.
                Err(err) => results.push(Err(err)),
            }
        }
        log_changes(&mut tx, statements, &titles)?;
        tx.commit()?;
        Ok(results)
    }

    /// One try at storing redirects (the last of a title wins), logging the
    /// stored articles they lead to as changed.
    pub(super) fn put_redirects(&mut self, redirects: &[(String, String)]) -> Result<()> {
        let Writer { client, statements } = self;
        let last: std::collections::BTreeMap<&str, &str> = redirects
            .iter()
            .map(|(title, target)| (title.as_str(), target.as_str()))
            .collect();
        let titles: Vec<&str> = last.keys().copied().collect();
        let targets: Vec<&str> = last.values().copied().collect();
        let folded: Vec<String> = titles.iter().map(|t| crate::fold(t)).collect();
        let mut tx = begin(client)?;
        tx.execute(
            "INSERT INTO redirects (title, target, folded)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
             ON CONFLICT (title) DO UPDATE SET target = EXCLUDED.target, folded = EXCLUDED.folded",
            &[&titles, &targets, &folded],
        )?;
        let changed: Vec<String> = tx
            .query(
                "SELECT title FROM articles WHERE title = ANY ($1) ORDER BY title",
                &[&targets],
            )?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        let changed: Vec<&str> = changed.iter().map(String::as_str).collect();
        log_changes(&mut tx, statements, &changed)?;
        tx.commit()?;
        Ok(())
    }

    /// One try at removing articles, their facts and the entities only they
    /// named.
    pub(super) fn remove_articles(&mut self, titles: &[String]) -> Result<usize> {
        let Writer { client, statements } = self;
        let mut tx = begin(client)?;
        let removed = remove_in(&mut tx, statements, titles)?;
        let logged: Vec<&str> = removed.iter().map(String::as_str).collect();
        log_changes(&mut tx, statements, &logged)?;
        tx.commit()?;
        Ok(removed.len())
    }
}

/// The batch written with one statement per table, in a savepoint; `None`,
/// with nothing written, where it must be written article by article: a batch
/// [`super::batch::write_together`] declines, or one the database refuses
/// (one of its articles, say), which is then written article by article to
/// tell which.
fn write_set_wise(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    batch: &[std::result::Result<Planned<'_>, Error>],
) -> Result<Option<Vec<Result<IngestStats>>>> {
    let valid: Vec<&Planned<'_>> = batch.iter().flatten().collect();
    let mut savepoint = tx.savepoint("batch")?;
    let stats = match super::batch::write_together(&mut savepoint, statements, &valid) {
        Ok(Some(stats)) => stats,
        Ok(None) => return Ok(None),
        Err(err) if is_transient(&err) => return Err(err),
        // Dropping the savepoint rolls the batch back.
        Err(_) => return Ok(None),
    };
    savepoint.commit()?;
    let mut stats = stats.into_iter();
    Ok(Some(
        batch
            .iter()
            .map(|write| match write {
                Ok(_) => Ok(stats.next().expect("one result per valid article")),
                Err(err) => Err(replan_error(err)),
            })
            .collect(),
    ))
}

fn begin(client: &mut Client) -> Result<Transaction<'_>> {
    Ok(client
        .build_transaction()
        .isolation_level(IsolationLevel::Serializable)
        .start()?)
}

/// A planning error again, for the results of a batch that is retried: the
/// plan is made once, its error reported on each try.
fn replan_error(err: &Error) -> Error {
    match err {
        Error::UntitledArticle { source_path } => Error::UntitledArticle {
            source_path: source_path.clone(),
        },
        Error::InvalidFact {
            article,
            index,
            predicate,
            reason,
        } => Error::InvalidFact {
            article: article.clone(),
            index: *index,
            predicate: predicate.clone(),
            reason: reason.clone(),
        },
        other => Error::Corrupt(other.to_string()),
    }
}

/// Numbers the articles written in `tx` in the change log. The lock is taken
/// last and held until commit, so writers wait on each other only for that.
fn log_changes(tx: &mut Transaction<'_>, statements: &Statements, titles: &[&str]) -> Result<()> {
    if titles.is_empty() {
        return Ok(());
    }
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&CHANGES_LOCK])?;
    tx.execute(&statements.log, &[&titles])?;
    Ok(())
}

/// Removes the articles inside the caller's transaction; the titles removed.
fn remove_in(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    titles: &[String],
) -> Result<Vec<String>> {
    if titles.is_empty() {
        return Ok(Vec::new());
    }
    let present: Vec<String> = tx
        .query(
            "SELECT title FROM articles WHERE title = ANY ($1) ORDER BY title",
            &[&titles],
        )?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<std::result::Result<_, _>>()?;
    if present.is_empty() {
        return Ok(present);
    }
    let named: Vec<String> = tx
        .query(&statements.remove, &[&present])?
        .iter()
        .map(|row| row.try_get(0))
        .collect::<std::result::Result<_, _>>()?;
    if !named.is_empty() {
        tx.execute(&statements.gc, &[&named])?;
    }
    Ok(present)
}

/// Writes one article inside the caller's transaction: on error, the caller
/// rolls back.
fn replace_in(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    write: &Planned<'_>,
) -> Result<IngestStats> {
    let Planned {
        record: article,
        plan,
        revision,
    } = write;
    if let Some(revision) = revision {
        // The page may have been stored under another title before a rename.
        let renamed: Vec<String> = tx
            .query(
                &statements.renamed,
                &[&revision.site, &(revision.page_id as i64), &article.title],
            )?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        let removed = remove_in(tx, statements, &renamed)?;
        let removed: Vec<&str> = removed.iter().map(String::as_str).collect();
        log_changes(tx, statements, &removed)?;
    }
    let own = &plan.own;
    tx.execute(
        &statements.own,
        &[
            &own.id,
            &own.kind.as_str(),
            &own.name,
            &own.folded,
            &own.folded_base,
        ],
    )?;
    if !plan.named.is_empty() {
        let column = |f: fn(&crate::plan::EntityRow) -> &str| -> Vec<&str> {
            plan.named.iter().map(f).collect()
        };
        tx.execute(
            &statements.named,
            &[
                &column(|e| &e.id),
                &column(|e| e.kind.as_str()),
                &column(|e| &e.name),
                &column(|e| &e.folded),
                &column(|e| &e.folded_base),
            ],
        )?;
    }
    let article_id: i64 = tx
        .query_one(
            &statements.article,
            &[
                &article.title,
                &article.display_title,
                &own.id,
                &article.source_path,
                &article.content_hash(),
                &article.text,
                &revision.map(|r| r.site.as_str()),
                &revision.map(|r| r.page_id as i64),
                &revision.map(|r| r.revision_id as i64),
                &revision.map(|r| r.timestamp.as_str()),
            ],
        )?
        .try_get(0)?;

    // The entities the old facts named may be left unnamed by the new ones.
    let (removed, orphans) = delete_facts(tx, statements, &[article_id])?;
    let facts: Vec<(i64, &FactRow<'_>)> = plan.facts.iter().map(|f| (article_id, f)).collect();
    let ids: Vec<&str> = std::iter::once(own.id.as_str())
        .chain(plan.named.iter().map(|e| e.id.as_str()))
        .collect();
    insert_facts(tx, statements, ids, &facts)?;
    collect_garbage(tx, statements, orphans)?;

    Ok(IngestStats {
        kind: plan.kind,
        facts_added: plan.facts.len(),
        facts_removed: removed.values().sum(),
        people: plan.people.clone(),
    })
}

/// Deletes the facts of these articles: how many each lost, and the entities
/// they named (which may now be named by nothing).
pub(super) fn delete_facts(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    article_ids: &[i64],
) -> Result<(HashMap<i64, usize>, BTreeSet<String>)> {
    let mut removed: HashMap<i64, usize> = HashMap::new();
    let mut named = BTreeSet::new();
    for row in tx.query(&statements.delete_facts, &[&article_ids])? {
        *removed.entry(row.try_get(0)?).or_default() += 1;
        named.insert(row.try_get::<_, String>(1)?);
        if let Some(object) = row.try_get::<_, Option<String>>(2)? {
            named.insert(object);
        }
    }
    Ok((removed, named))
}

/// Inserts facts `(article id, row)`, one statement for them all, after
/// holding the entities `entity_ids` they name.
pub(super) fn insert_facts<'a>(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    entity_ids: Vec<&str>,
    facts: &[(i64, &'a FactRow<'a>)],
) -> Result<()> {
    if facts.is_empty() {
        return Ok(());
    }
    hold_entities(tx, &statements.hold, entity_ids)?;
    let column = |f: fn(&'a FactRow<'a>) -> &'a str| -> Vec<&'a str> {
        facts.iter().map(|(_, r)| f(r)).collect()
    };
    let number =
        |f: fn(&FactRow<'a>) -> i64| -> Vec<i64> { facts.iter().map(|(_, r)| f(r)).collect() };
    tx.execute(
        &statements.insert_facts,
        &[
            &facts.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
            &number(|r| r.ordinal),
            &column(|r| r.subject),
            &column(|r| r.subject_id.as_str()),
            &column(|r| r.predicate),
            &column(|r| r.object),
            &facts
                .iter()
                .map(|(_, r)| r.object_id.as_deref())
                .collect::<Vec<_>>(),
            &column(|r| r.qualifiers.as_str()),
            &column(|r| r.section),
            &number(|r| r.start),
            &number(|r| r.end),
            &column(|r| r.sentence),
            &column(|r| r.refs.as_str()),
        ],
    )?;
    Ok(())
}

/// Deletes the entities of `candidates` that no fact and no article names.
pub(super) fn collect_garbage(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    candidates: BTreeSet<String>,
) -> Result<()> {
    if !candidates.is_empty() {
        let candidates: Vec<String> = candidates.into_iter().collect();
        tx.execute(&statements.gc, &[&candidates])?;
    }
    Ok(())
}

/// Locks the entities that facts about to be written name, as a foreign key
/// check would (`FOR KEY SHARE`, in id order), and fails if one is missing.
/// The read also makes a concurrent cleanup that deletes one of them a
/// serialization conflict with this transaction (see
/// migrations/postgres/0005).
fn hold_entities(tx: &mut Transaction<'_>, hold: &Statement, mut ids: Vec<&str>) -> Result<()> {
    ids.sort_unstable();
    ids.dedup();
    let held: i64 = tx.query_one(hold, &[&ids])?.try_get(0)?;
    if held != ids.len() as i64 {
        return Err(Error::Corrupt(format!(
            "{} of the {} entities named by new facts are missing",
            ids.len() as i64 - held,
            ids.len()
        )));
    }
    Ok(())
}

/// Whether `err` is PostgreSQL aborting a transaction for the sake of a
/// concurrent one, so that trying again can succeed.
pub(super) fn is_transient(err: &Error) -> bool {
    let Error::Database(source) = err else {
        return false;
    };
    let Some(code) = source
        .downcast_ref::<postgres::Error>()
        .and_then(|e| e.code())
    else {
        return false;
    };
    *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED
}

/// Sleeps before try number `attempt + 1`: exponential, capped, with jitter so
/// that two processes that collided do not collide again in step.
pub(super) fn back_off(attempt: u32) {
    let cap_ms = 2u64.saturating_pow(attempt.min(8)).min(200);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let seed = u64::from(nanos) ^ u64::from(std::process::id()).wrapping_mul(0x9e37_79b9);
    std::thread::sleep(Duration::from_millis(1 + seed % cap_ms.max(1)));
}
