//! Writing a batch of articles set-wise: one statement per table for the whole
//! batch (entities, articles, old facts out, new facts in, orphans), so that
//! a batch of 500 articles costs about as many round trips to the server as
//! one article does. The end state is the one writing the articles one after
//! another gives.
//!
//! Some batches are not written this way, and [`write_together`] says so
//! (`None`): a title, an article's own entity or a wiki page twice in the
//! batch, or a page stored under another title (a rename). The caller then
//! writes them one by one.

use super::write::Planned;
use super::write::{collect_garbage, delete_facts, insert_facts, Statements};
use crate::plan::EntityRow;
use crate::{IngestStats, Result};
use postgres::Transaction;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Writes every article of `writes` in the caller's transaction; `None`, with
/// nothing written, when the batch must be written one article at a time.
pub(super) fn write_together(
    tx: &mut Transaction<'_>,
    statements: &Statements,
    writes: &[&Planned<'_>],
) -> Result<Option<Vec<IngestStats>>> {
    if writes.is_empty() {
        return Ok(Some(Vec::new()));
    }
    let unique = |keys: Vec<String>| keys.len() == keys.iter().collect::<HashSet<_>>().len();
    let pages: Vec<String> = writes
        .iter()
        .filter_map(|w| w.revision)
        .map(|r| format!("{}\u{0}{}", r.site, r.page_id))
        .collect();
    if !unique(writes.iter().map(|w| w.record.title.to_string()).collect())
        || !unique(writes.iter().map(|w| w.plan.own.id.clone()).collect())
        || !unique(pages)
        || renames_a_page(tx, writes)?
    {
        return Ok(None);
    }

    // Entities named by facts first (created if new, never changed), then the
    // articles' own (created or updated): the order writing one article after
    // another gives. Sorted, so that concurrent writers lock in one order.
    let own_ids: HashSet<&str> = writes.iter().map(|w| w.plan.own.id.as_str()).collect();
    let mut named: BTreeMap<&str, &EntityRow> = BTreeMap::new();
    for row in writes.iter().flat_map(|w| &w.plan.named) {
        if !own_ids.contains(row.id.as_str()) {
            named.entry(row.id.as_str()).or_insert(row);
        }
    }
    let own: BTreeMap<&str, &EntityRow> = writes
        .iter()
        .map(|w| (w.plan.own.id.as_str(), &w.plan.own))
        .collect();
    insert_entities(tx, named.values(), false)?;
    insert_entities(tx, own.values(), true)?;

    let mut by_title: Vec<&Planned<'_>> = writes.to_vec();
    by_title.sort_by_key(|w| w.record.title);
    let column = |f: &dyn Fn(&Planned<'_>) -> Option<String>| -> Vec<Option<String>> {
        by_title.iter().map(|w| f(w)).collect()
    };
    let hashes: Vec<String> = by_title.iter().map(|w| w.record.content_hash()).collect();
    let ids: HashMap<String, i64> = tx
        .query(
            "INSERT INTO articles (title, display_title, entity_id, source_path, content_hash,
                                   ingested_at, text,
                                   site, page_id, revision_id, revision_timestamp)
             SELECT title, display_title, entity_id, source_path, content_hash,
                    to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), text,
                    site, page_id, revision_id, revision_timestamp
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                         $7::text[], $8::bigint[], $9::bigint[], $10::text[])
                  AS b(title, display_title, entity_id, source_path, content_hash, text,
                       site, page_id, revision_id, revision_timestamp)
             ORDER BY title
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
             RETURNING title, id",
            &[
                &column(&|w| Some(w.record.title.to_string())),
                &column(&|w| w.record.display_title.map(str::to_string)),
                &column(&|w| Some(w.plan.own.id.clone())),
                &column(&|w| Some(w.record.source_path.to_string())),
                &hashes,
                &column(&|w| Some(w.record.text.to_string())),
                &column(&|w| w.revision.map(|r| r.site.clone())),
                &by_title
                    .iter()
                    .map(|w| w.revision.map(|r| r.page_id as i64))
                    .collect::<Vec<_>>(),
                &by_title
                    .iter()
                    .map(|w| w.revision.map(|r| r.revision_id as i64))
                    .collect::<Vec<_>>(),
                &column(&|w| w.revision.map(|r| r.timestamp.clone())),
            ],
        )?
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
        .collect::<Result<_>>()?;
    let article_ids: Vec<i64> = ids.values().copied().collect();

    // The entities the old facts named may be left unnamed by the new ones.
    let (removed, orphans) = delete_facts(tx, statements, &article_ids)?;
    let facts: Vec<(i64, &crate::plan::FactRow<'_>)> = writes
        .iter()
        .flat_map(|w| {
            let id = ids[w.record.title];
            w.plan.facts.iter().map(move |f| (id, f))
        })
        .collect();
    let entity_ids: Vec<&str> = own.keys().chain(named.keys()).copied().collect();
    insert_facts(tx, statements, entity_ids, &facts)?;
    collect_garbage(tx, statements, orphans)?;

    Ok(Some(
        writes
            .iter()
            .map(|w| IngestStats {
                kind: w.plan.kind,
                facts_added: w.plan.facts.len(),
                facts_removed: removed.get(&ids[w.record.title]).copied().unwrap_or(0),
                people: w.plan.people.clone(),
            })
            .collect(),
    ))
}

/// Whether a page of the batch is stored under another title.
fn renames_a_page(tx: &mut Transaction<'_>, writes: &[&Planned<'_>]) -> Result<bool> {
    let pages: Vec<_> = writes
        .iter()
        .filter_map(|w| w.revision.map(|r| (w.record.title, r)))
        .collect();
    if pages.is_empty() {
        return Ok(false);
    }
    let row = tx.query_opt(
        "SELECT 1 FROM articles a
         JOIN unnest($1::text[], $2::bigint[], $3::text[]) AS b(site, page_id, title)
           ON a.site = b.site AND a.page_id = b.page_id AND a.title <> b.title
         LIMIT 1",
        &[
            &pages
                .iter()
                .map(|(_, r)| r.site.as_str())
                .collect::<Vec<_>>(),
            &pages
                .iter()
                .map(|(_, r)| r.page_id as i64)
                .collect::<Vec<_>>(),
            &pages.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        ],
    )?;
    Ok(row.is_some())
}

/// Inserts entities, in the order given; `update` replaces the kind and name
/// of those that exist, else they are left as they are.
fn insert_entities<'a>(
    tx: &mut Transaction<'_>,
    rows: impl Iterator<Item = &'a &'a EntityRow> + Clone,
    update: bool,
) -> Result<()> {
    let column = |f: fn(&EntityRow) -> &str| -> Vec<&str> { rows.clone().map(|r| f(r)).collect() };
    let ids = column(|e| &e.id);
    if ids.is_empty() {
        return Ok(());
    }
    let on_conflict = if update {
        "DO UPDATE SET kind = excluded.kind, name = excluded.name,
                       folded = excluded.folded, folded_base = excluded.folded_base"
    } else {
        "DO NOTHING"
    };
    tx.execute(
        &format!(
            "INSERT INTO entities (id, kind, name, folded, folded_base)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
             ON CONFLICT (id) {on_conflict}"
        ),
        &[
            &ids,
            &column(|e| e.kind.as_str()),
            &column(|e| &e.name),
            &column(|e| &e.folded),
            &column(|e| &e.folded_base),
        ],
    )?;
    Ok(())
}
