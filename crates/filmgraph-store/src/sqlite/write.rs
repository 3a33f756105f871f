//! Writing an article and its facts: one transaction per article, or one
//! transaction per batch. Each article is checked and planned whole
//! ([`crate::plan`]) before its first row is written.

use crate::plan::{plan, EntityRow, Plan};
use crate::{ArticleRecord, ArticleWrite, IngestStats, Result, Revision};
use filmgraph_model::Fact;
use rusqlite::{params, Connection};
use std::collections::{BTreeSet, HashSet};

pub(super) fn replace_article(
    conn: &mut Connection,
    article: &ArticleRecord<'_>,
    facts: &[Fact],
) -> Result<IngestStats> {
    let plan = plan(article, facts)?;
    // Dropping `tx` on any error rolls everything back.
    let tx = conn.transaction()?;
    let stats = write_planned(&tx, article, &plan, None, &mut HashSet::new())?;
    tx.commit()?;
    Ok(stats)
}

/// Every article of the batch in one transaction. An article refused by its
/// plan is never begun, so the batch is first written straight through; only
/// where the database refuses an article half-way is it rolled back and
/// written again with a savepoint per article, so that the refused one alone
/// is left out. (Savepoints cost: SQLite copies each page an article touches
/// into a sub-journal first.)
pub(super) fn replace_articles(
    conn: &mut Connection,
    batch: &[ArticleWrite<'_>],
) -> Result<Vec<Result<IngestStats>>> {
    let plans: Vec<Result<Plan<'_>>> = batch
        .iter()
        .map(|write| plan(&write.record, write.facts))
        .collect();
    if let Some(stats) = write_straight(conn, batch, &plans)? {
        let mut stats = stats.into_iter();
        return Ok(plans
            .into_iter()
            .map(|plan| plan.map(|_| stats.next().expect("one result per planned article")))
            .collect());
    }
    let mut tx = conn.transaction()?;
    let mut results = Vec::with_capacity(batch.len());
    for (write, plan) in batch.iter().zip(plans) {
        let plan = match plan {
            Ok(plan) => plan,
            Err(err) => {
                results.push(Err(err));
                continue;
            }
        };
        let savepoint = tx.savepoint()?;
        let result = write_planned(
            &savepoint,
            &write.record,
            &plan,
            write.revision,
            &mut HashSet::new(),
        );
        if result.is_ok() {
            savepoint.commit()?;
        }
        // Otherwise dropping the savepoint rolls this article back.
        results.push(result);
    }
    tx.commit()?;
    Ok(results)
}

/// The planned articles of a batch in one transaction without savepoints:
/// their stats, or `None`, with nothing written, where the database refused
/// one of them.
fn write_straight(
    conn: &mut Connection,
    batch: &[ArticleWrite<'_>],
    plans: &[Result<Plan<'_>>],
) -> Result<Option<Vec<IngestStats>>> {
    let tx = conn.transaction()?;
    // Entities inserted by this transaction: a person named in many
    // articles of the batch is inserted once.
    let mut inserted = HashSet::new();
    let mut stats = Vec::with_capacity(batch.len());
    for (write, plan) in batch.iter().zip(plans) {
        let Ok(plan) = plan else { continue };
        match write_planned(&tx, &write.record, plan, write.revision, &mut inserted) {
            Ok(s) => stats.push(s),
            // Dropping `tx` rolls the batch back.
            Err(_) => return Ok(None),
        }
    }
    tx.commit()?;
    Ok(Some(stats))
}

/// Writes one planned article inside the caller's transaction: on error, the
/// caller rolls back. `inserted` holds the ids of entities this transaction
/// has inserted already, and gains those it inserts.
fn write_planned(
    tx: &Connection,
    article: &ArticleRecord<'_>,
    plan: &Plan<'_>,
    revision: Option<&Revision>,
    inserted: &mut HashSet<String>,
) -> Result<IngestStats> {
    upsert_own(tx, &plan.own)?;
    inserted.insert(plan.own.id.clone());
    let own_id = &plan.own.id;
    if let Some(revision) = revision {
        // The page may have been stored under another title before a rename.
        let renamed: Vec<String> = tx
            .prepare_cached(
                "SELECT title FROM articles WHERE site = ?1 AND page_id = ?2 AND title <> ?3",
            )?
            .query_map(
                params![revision.site, revision.page_id as i64, article.title],
                |row| row.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        super::revisions::remove_in(tx, &renamed)?;
    }
    let article_id: i64 = tx.prepare_cached(
        "INSERT INTO articles (title, display_title, entity_id, source_path, content_hash, ingested_at, text,
                               site, page_id, revision_id, revision_timestamp)
         VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8, ?9, ?10)
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
    )?.query_row(
        params![
            article.title,
            article.display_title,
            own_id,
            article.source_path,
            article.content_hash(),
            article.text,
            revision.map(|r| r.site.as_str()),
            revision.map(|r| r.page_id as i64),
            revision.map(|r| r.revision_id as i64),
            revision.map(|r| r.timestamp.as_str()),
        ],
        |row| row.get(0),
    )?;

    // The entities the old facts named may be left unnamed by the new ones.
    let mut orphans = BTreeSet::new();
    {
        let mut stmt =
            tx.prepare_cached("SELECT subject_id, object_id FROM facts WHERE article_id = ?1")?;
        let mut rows = stmt.query([article_id])?;
        while let Some(row) = rows.next()? {
            orphans.insert(row.get::<_, String>(0)?);
            if let Some(object) = row.get::<_, Option<String>>(1)? {
                orphans.insert(object);
            }
        }
    }
    let facts_removed = if orphans.is_empty() {
        0
    } else {
        tx.execute("DELETE FROM facts WHERE article_id = ?1", [article_id])?
    };

    {
        let mut insert_entity = tx.prepare_cached(
            "INSERT INTO entities (id, kind, name, folded, folded_base)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
        )?;
        for entity in &plan.named {
            // An entity another article names: created if new, never changed
            // (a film with its own article stays a film when a sequel's
            // article names it).
            if !inserted.contains(&entity.id) {
                insert_entity.execute(entity_params(entity))?;
                inserted.insert(entity.id.clone());
            }
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO facts (article_id, ordinal, subject, subject_id, predicate, object, object_id,
                            qualifiers, section, start_byte, end_byte, sentence, refs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for row in &plan.facts {
        insert.execute(params![
            article_id,
            row.ordinal,
            row.subject,
            row.subject_id,
            row.predicate,
            row.object,
            row.object_id,
            row.qualifiers,
            row.section,
            row.start,
            row.end,
            row.sentence,
            row.refs,
        ])?;
    }
    drop(insert);

    // What the new facts name is no orphan.
    for entity in &plan.named {
        orphans.remove(&entity.id);
    }
    orphans.remove(own_id);
    for gone in collect_orphans(tx, &orphans)? {
        // Named by a later article of the batch, it must be inserted again.
        inserted.remove(gone);
    }
    super::read::log_change(tx, article.title)?;

    Ok(IngestStats {
        kind: plan.kind,
        facts_added: plan.facts.len(),
        facts_removed,
        people: plan.people.clone(),
    })
}

/// The article's own entity: inserted, or updated to the article's kind and
/// name.
fn upsert_own(tx: &Connection, own: &EntityRow) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO entities (id, kind, name, folded, folded_base) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET
             kind = excluded.kind, name = excluded.name,
             folded = excluded.folded, folded_base = excluded.folded_base",
    )?
    .execute(entity_params(own))?;
    Ok(())
}

fn entity_params(entity: &EntityRow) -> impl rusqlite::Params + '_ {
    (
        &entity.id,
        entity.kind.as_str(),
        &entity.name,
        &entity.folded,
        &entity.folded_base,
    )
}

/// Deletes those of `ids` that no fact and no article names any more, and
/// says which they were. Needs the lookup indexes (without them each id is a
/// scan of every fact): builds them if a bulk load set them aside.
pub(super) fn collect_orphans<'a>(
    tx: &Connection,
    ids: impl IntoIterator<Item = &'a String>,
) -> Result<Vec<&'a String>> {
    let mut ids = ids.into_iter().peekable();
    if ids.peek().is_some() {
        super::bulk::ensure_indexes(tx)?;
    }
    let mut gc = tx.prepare_cached(
        "DELETE FROM entities WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM facts WHERE subject_id = ?1 OR object_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM articles WHERE entity_id = ?1)",
    )?;
    let mut deleted = Vec::new();
    for id in ids {
        if gc.execute([id])? > 0 {
            deleted.push(id);
        }
    }
    Ok(deleted)
}
