//! Reading: the queries of `sqlite/read.rs` in PostgreSQL's dialect, each run in
//! the caller's read-only transaction.

use crate::{
    entity_id, fold, ArticleSummary, ArticleText, Change, Counts, Entity, EntityKind, Error,
    FactPage, FactQuery, FilmView, PersonView, Result, Revision, SearchHit, StoredFact,
    StoredRevision,
};
use filmgraph_model::{Fact, Predicate, Provenance};
use postgres::types::ToSql;
use postgres::{Row, Transaction};

type Tx<'a, 'b> = &'a mut Transaction<'b>;

pub(super) fn film(tx: Tx, title: &str) -> Result<Option<FilmView>> {
    let q = fold(title);
    if q.is_empty() {
        return Ok(None);
    }
    let exact_id = entity_id(EntityKind::Work, title);
    let rows = tx.query(
        "SELECT id, kind, name, (folded = $1 OR id = $2) AS exact FROM entities
         WHERE kind IN ('film', 'work') AND (folded = $1 OR folded_base = $1 OR id = $2)
         ORDER BY name",
        &[&q, &exact_id],
    )?;
    let mut matches = Vec::new();
    for row in &rows {
        matches.push((entity_from_row(row)?, row.try_get::<_, bool>(3)?));
    }
    // A film is preferred to a work known only from other articles, and a name
    // given exactly to one given without its disambiguation.
    let tiers = [
        (EntityKind::Film, true),
        (EntityKind::Film, false),
        (EntityKind::Work, true),
        (EntityKind::Work, false),
    ];
    for (kind, exact) in tiers {
        let tier: Vec<&Entity> = matches
            .iter()
            .filter(|(e, x)| e.kind == kind && *x == exact)
            .map(|(e, _)| e)
            .collect();
        match tier.as_slice() {
            [] => continue,
            [entity] => return film_view(tx, (*entity).clone()).map(Some),
            several => {
                return Err(Error::Ambiguous {
                    query: title.to_string(),
                    candidates: several.iter().map(|e| e.name.clone()).collect(),
                })
            }
        }
    }
    Ok(None)
}

fn film_view(tx: Tx, entity: Entity) -> Result<FilmView> {
    let article = tx
        .query_opt(
            "SELECT title, display_title, source_path, content_hash, ingested_at
             FROM articles WHERE entity_id = $1 ORDER BY id LIMIT 1",
            &[&entity.id],
        )?
        .map(|row| -> Result<ArticleSummary> {
            Ok(ArticleSummary {
                title: row.try_get(0)?,
                display_title: row.try_get(1)?,
                source_path: row.try_get(2)?,
                content_hash: row.try_get(3)?,
                ingested_at: row.try_get(4)?,
            })
        })
        .transpose()?;
    let facts = stored_facts(tx, "f.subject_id = $1", &[&entity.id])?;
    let related = stored_facts(tx, "a.entity_id = $1 AND f.subject_id <> $1", &[&entity.id])?;
    Ok(FilmView {
        entity,
        article,
        facts,
        related,
    })
}

pub(super) fn person(tx: Tx, name: &str) -> Result<Option<PersonView>> {
    let q = fold(name);
    if q.is_empty() {
        return Ok(None);
    }
    let row = tx.query_opt(
        "SELECT id, kind, name FROM entities
         WHERE kind = 'person' AND (folded = $1 OR id = $2) LIMIT 1",
        &[&q, &entity_id(EntityKind::Person, name)],
    )?;
    let Some(entity) = row.as_ref().map(entity_from_row).transpose()? else {
        return Ok(None);
    };
    person_view(tx, entity).map(Some)
}

fn person_view(tx: Tx, entity: Entity) -> Result<PersonView> {
    let credits = stored_facts(tx, "f.object_id = $1", &[&entity.id])?;
    let facts = stored_facts(tx, "f.subject_id = $1", &[&entity.id])?;
    Ok(PersonView {
        entity,
        credits,
        facts,
    })
}

pub(super) fn facts_about(tx: Tx, subject: &str) -> Result<Vec<StoredFact>> {
    // Every subject is an entity, so the ids narrow the scan to an index.
    stored_facts(
        tx,
        "f.subject_id IN ($1, $2) AND f.subject = $3",
        &[
            &entity_id(EntityKind::Work, subject),
            &entity_id(EntityKind::Person, subject),
            &subject,
        ],
    )
}

pub(super) fn search(tx: Tx, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let q = fold(query);
    if q.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let rows = tx.query(
        "SELECT e.id, e.kind, e.name,
                (SELECT count(*) FROM facts WHERE subject_id = e.id)
                  + (SELECT count(*) FROM facts WHERE object_id = e.id) AS n
         FROM entities e
         WHERE e.folded LIKE $1 ESCAPE '\\'
         ORDER BY (e.folded = $2 OR e.folded_base = $2) DESC,
                  (e.folded LIKE $3 ESCAPE '\\') DESC,
                  n DESC, e.name
         LIMIT $4",
        &[
            &format!("%{escaped}%"),
            &q,
            &format!("{escaped}%"),
            &i64::try_from(limit).unwrap_or(i64::MAX),
        ],
    )?;
    rows.iter()
        .map(|row| {
            Ok(SearchHit {
                entity: entity_from_row(row)?,
                facts: row.try_get::<_, i64>(3)? as u64,
            })
        })
        .collect()
}

pub(super) fn counts(tx: Tx) -> Result<Counts> {
    let row = tx.query_one(
        "SELECT (SELECT count(*) FROM articles),
                (SELECT count(*) FROM entities WHERE kind = 'film'),
                (SELECT count(*) FROM entities WHERE kind = 'work'),
                (SELECT count(*) FROM entities WHERE kind = 'person'),
                (SELECT count(*) FROM facts)",
        &[],
    )?;
    let n = |i| row.try_get::<_, i64>(i).map(|n| n as u64);
    Ok(Counts {
        articles: n(0)?,
        films: n(1)?,
        works: n(2)?,
        people: n(3)?,
        facts: n(4)?,
    })
}

/// `id, kind, name` in the row's first three columns.
fn entity_from_row(row: &Row) -> Result<Entity> {
    let kind: String = row.try_get(1)?;
    Ok(Entity {
        id: row.try_get(0)?,
        kind: EntityKind::parse(&kind)
            .ok_or_else(|| Error::Corrupt(format!("unknown entity kind \"{kind}\"")))?,
        name: row.try_get(2)?,
    })
}

/// The facts matching `filter` (over `facts f JOIN articles a`), in article order.
fn stored_facts(tx: Tx, filter: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<StoredFact>> {
    stored_facts_sql(tx, &format!("{filter} ORDER BY a.title, f.ordinal"), params)
}

/// The facts matching `tail`: a `WHERE` condition with its `ORDER BY` and `LIMIT`.
fn stored_facts_sql(tx: Tx, tail: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<StoredFact>> {
    let sql = format!(
        "SELECT f.subject, f.predicate, f.object, f.qualifiers, a.title, f.section,
                f.start_byte, f.end_byte, f.refs, f.sentence
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE {tail}"
    );
    let rows = tx.query(&sql, params)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        let predicate: &str = row.try_get(1)?;
        let qualifiers: &str = row.try_get(3)?;
        let refs: &str = row.try_get(8)?;
        out.push(StoredFact {
            fact: Fact {
                subject: row.try_get(0)?,
                predicate: Predicate::parse(predicate)
                    .ok_or_else(|| Error::Corrupt(format!("unknown predicate \"{predicate}\"")))?,
                object: row.try_get(2)?,
                qualifiers: serde_json::from_str(qualifiers)?,
                source: Provenance {
                    article: row.try_get(4)?,
                    section: row.try_get(5)?,
                    start: row.try_get::<_, i64>(6)? as usize,
                    end: row.try_get::<_, i64>(7)? as usize,
                    refs: serde_json::from_str(refs)?,
                },
            },
            sentence: row.try_get(9)?,
        });
    }
    Ok(out)
}

pub(super) fn entity(tx: Tx, id: &str) -> Result<Option<Entity>> {
    tx.query_opt("SELECT id, kind, name FROM entities WHERE id = $1", &[&id])?
        .as_ref()
        .map(entity_from_row)
        .transpose()
}

pub(super) fn entities(tx: Tx, kind: EntityKind) -> Result<Vec<Entity>> {
    tx.query(
        "SELECT id, kind, name FROM entities WHERE kind = $1 ORDER BY id",
        &[&kind.as_str()],
    )?
    .iter()
    .map(entity_from_row)
    .collect()
}

pub(super) fn film_by_id(tx: Tx, id: &str) -> Result<Option<FilmView>> {
    match entity(tx, id)? {
        Some(e) if e.kind != EntityKind::Person => film_view(tx, e).map(Some),
        _ => Ok(None),
    }
}

pub(super) fn person_by_id(tx: Tx, id: &str) -> Result<Option<PersonView>> {
    match entity(tx, id)? {
        Some(e) if e.kind == EntityKind::Person => person_view(tx, e).map(Some),
        _ => Ok(None),
    }
}

pub(super) fn facts(tx: Tx, query: &FactQuery) -> Result<FactPage> {
    let predicate = query.predicate.map(|p| p.as_str());
    let mut filter = vec!["TRUE".to_string()];
    let mut values: Vec<&(dyn ToSql + Sync)> = Vec::new();
    let conditions: [(&str, Option<&(dyn ToSql + Sync)>); 4] = [
        ("f.subject_id", query.subject_id.as_ref().map(|v| v as _)),
        ("f.object_id", query.object_id.as_ref().map(|v| v as _)),
        ("f.predicate", predicate.as_ref().map(|v| v as _)),
        ("f.object", query.object.as_ref().map(|v| v as _)),
    ];
    for (column, value) in conditions {
        if let Some(value) = value {
            values.push(value);
            filter.push(format!("{column} = ${}", values.len()));
        }
    }
    let filter = filter.join(" AND ");
    let total: i64 = tx
        .query_one(
            &format!(
                "SELECT count(*) FROM facts f JOIN articles a ON a.id = f.article_id WHERE {filter}"
            ),
            &values,
        )?
        .try_get(0)?;
    let limit = query.limit.map_or("ALL".to_string(), |n| n.to_string());
    let paged = format!(
        "{filter} ORDER BY a.title, f.ordinal LIMIT {limit} OFFSET {}",
        query.offset
    );
    let facts = stored_facts_sql(tx, &paged, &values)?;
    Ok(FactPage {
        facts,
        total: total as u64,
    })
}

pub(super) fn article_text(tx: Tx, title: &str) -> Result<Option<ArticleText>> {
    tx.query_opt(
        "SELECT title, source_path, text FROM articles WHERE title = $1",
        &[&title],
    )?
    .map(|row| {
        Ok(ArticleText {
            title: row.try_get(0)?,
            source_path: row.try_get(1)?,
            text: row.try_get(2)?,
        })
    })
    .transpose()
}

pub(super) fn articles(tx: Tx) -> Result<Vec<ArticleSummary>> {
    tx.query(
        "SELECT title, display_title, source_path, content_hash, ingested_at
         FROM articles ORDER BY title",
        &[],
    )?
    .iter()
    .map(|row| {
        Ok(ArticleSummary {
            title: row.try_get(0)?,
            display_title: row.try_get(1)?,
            source_path: row.try_get(2)?,
            content_hash: row.try_get(3)?,
            ingested_at: row.try_get(4)?,
        })
    })
    .collect()
}

pub(super) fn article_facts(tx: Tx, title: &str) -> Result<Vec<StoredFact>> {
    stored_facts(tx, "a.title = $1", &[&title])
}

const REVISION_COLUMNS: &str = "title, site, page_id, revision_id, revision_timestamp";

fn stored_revision_from_row(row: &Row) -> Result<StoredRevision> {
    Ok(StoredRevision {
        title: row.try_get(0)?,
        revision: Revision {
            site: row.try_get(1)?,
            page_id: row.try_get::<_, i64>(2)? as u64,
            revision_id: row.try_get::<_, i64>(3)? as u64,
            timestamp: row.try_get::<_, Option<String>>(4)?.unwrap_or_default(),
        },
    })
}

pub(super) fn stored_revision(tx: Tx, title: &str) -> Result<Option<Revision>> {
    let sql = format!(
        "SELECT {REVISION_COLUMNS} FROM articles
         WHERE title = $1 AND site IS NOT NULL AND page_id IS NOT NULL AND revision_id IS NOT NULL"
    );
    tx.query_opt(&sql, &[&title])?
        .as_ref()
        .map(|row| stored_revision_from_row(row).map(|s| s.revision))
        .transpose()
}

pub(super) fn stored_revisions(tx: Tx) -> Result<Vec<StoredRevision>> {
    let sql = format!(
        "SELECT {REVISION_COLUMNS} FROM articles
         WHERE site IS NOT NULL AND page_id IS NOT NULL AND revision_id IS NOT NULL
         ORDER BY title"
    );
    tx.query(&sql, &[])?
        .iter()
        .map(stored_revision_from_row)
        .collect()
}

pub(super) fn changes_since(tx: Tx, after: u64, limit: usize) -> Result<Vec<Change>> {
    tx.query(
        "SELECT seq, title FROM changes WHERE seq > $1 ORDER BY seq LIMIT $2",
        &[
            &i64::try_from(after).unwrap_or(i64::MAX),
            &i64::try_from(limit).unwrap_or(i64::MAX),
        ],
    )?
    .iter()
    .map(|row| {
        Ok(Change {
            seq: row.try_get::<_, i64>(0)? as u64,
            title: row.try_get(1)?,
        })
    })
    .collect()
}

pub(super) fn latest_change(tx: Tx) -> Result<u64> {
    let seq: i64 = tx
        .query_one("SELECT coalesce(max(seq), 0) FROM changes", &[])?
        .try_get(0)?;
    Ok(seq as u64)
}

pub(super) fn redirects_to(tx: Tx, target: &str) -> Result<Vec<String>> {
    tx.query(
        "SELECT title FROM redirects
         WHERE target = $1 AND title NOT IN (SELECT title FROM articles)
         ORDER BY title",
        &[&target],
    )?
    .iter()
    .map(|row| Ok(row.try_get(0)?))
    .collect()
}

pub(super) fn redirect_target(tx: Tx, title: &str) -> Result<Option<String>> {
    let row = tx.query_opt(
        "SELECT target FROM redirects WHERE folded = $1
         ORDER BY title = $2 DESC, title LIMIT 1",
        &[&fold(title), &title],
    )?;
    Ok(row.map(|row| row.try_get(0)).transpose()?)
}

pub(super) fn redirects_after(tx: Tx, after: &str, limit: usize) -> Result<Vec<(String, String)>> {
    tx.query(
        "SELECT title, target FROM redirects WHERE title > $1 ORDER BY title LIMIT $2",
        &[&after, &(limit as i64)],
    )?
    .iter()
    .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
    .collect()
}
