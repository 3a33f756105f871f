//! Writing an article and its facts: one `SERIALIZABLE` transaction of seven
//! statements, whatever the number of facts. Rows go in as arrays (`unnest`),
//! so an article costs the same few round trips to the server whether it has
//! three facts or three hundred.

use crate::plan::Plan;
use crate::{ArticleRecord, Error, IngestStats, Result};
use postgres::error::SqlState;
use postgres::{Client, IsolationLevel, Statement};
use std::collections::BTreeSet;
use std::time::Duration;

/// How often a transaction aborted by a concurrent one is tried again.
pub(super) const MAX_RETRIES: u32 = 30;

/// The write connection and its prepared statements.
pub(super) struct Writer {
    client: Client,
    statements: Statements,
}

struct Statements {
    own: Statement,
    named: Statement,
    article: Statement,
    delete_facts: Statement,
    insert_facts: Statement,
    gc: Statement,
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
                                       ingested_at, text)
                 VALUES ($1, $2, $3, $4, $5,
                         to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $6)
                 ON CONFLICT (title) DO UPDATE SET
                     display_title = excluded.display_title,
                     entity_id = excluded.entity_id,
                     source_path = excluded.source_path,
                     content_hash = excluded.content_hash,
                     ingested_at = excluded.ingested_at,
                     text = excluded.text
                 RETURNING id",
            )?,
            delete_facts: client.prepare(
                "DELETE FROM facts WHERE article_id = $1 RETURNING subject_id, object_id",
            )?,
            insert_facts: client.prepare(
                "INSERT INTO facts (article_id, ordinal, subject, subject_id, predicate, object,
                                    object_id, qualifiers, section, start_byte, end_byte,
                                    sentence, refs)
                 SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[],
                                          $6::text[], $7::text[], $8::text[], $9::text[],
                                          $10::bigint[], $11::bigint[], $12::text[], $13::text[])",
            )?,
            gc: client.prepare(
                "DELETE FROM entities e WHERE e.id = ANY ($1)
                   AND NOT EXISTS (SELECT 1 FROM facts WHERE subject_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM facts WHERE object_id = e.id)
                   AND NOT EXISTS (SELECT 1 FROM articles WHERE entity_id = e.id)",
            )?,
        };
        Ok(Writer { client, statements })
    }

    pub(super) fn is_closed(&self) -> bool {
        self.client.is_closed()
    }

    /// One try at writing the plan; dropping the transaction on an error rolls
    /// it back.
    pub(super) fn replace_article(
        &mut self,
        article: &ArticleRecord<'_>,
        plan: &Plan<'_>,
    ) -> Result<IngestStats> {
        let Writer { client, statements } = self;
        let mut tx = client
            .build_transaction()
            .isolation_level(IsolationLevel::Serializable)
            .start()?;
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
                ],
            )?
            .try_get(0)?;

        // The entities the old facts named may be left unnamed by the new ones.
        let old = tx.query(&statements.delete_facts, &[&article_id])?;
        let mut orphans = BTreeSet::new();
        for row in &old {
            orphans.insert(row.try_get::<_, String>(0)?);
            if let Some(object) = row.try_get::<_, Option<String>>(1)? {
                orphans.insert(object);
            }
        }

        if !plan.facts.is_empty() {
            let f = &plan.facts;
            tx.execute(
                &statements.insert_facts,
                &[
                    &article_id,
                    &f.iter().map(|r| r.ordinal).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.subject).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.subject_id.as_str()).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.predicate).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.object).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.object_id.as_deref()).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.qualifiers.as_str()).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.section).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.start).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.end).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.sentence).collect::<Vec<_>>(),
                    &f.iter().map(|r| r.refs.as_str()).collect::<Vec<_>>(),
                ],
            )?;
        }
        if !orphans.is_empty() {
            let orphans: Vec<String> = orphans.into_iter().collect();
            tx.execute(&statements.gc, &[&orphans])?;
        }
        tx.commit()?;

        Ok(IngestStats {
            kind: plan.kind,
            facts_added: plan.facts.len(),
            facts_removed: old.len(),
            people: plan.people.clone(),
        })
    }
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
