//! Reading: lookups, facts in article order, search, counts.

use crate::{
    entity_id, fold, ArticleSummary, ArticleText, Change, Counts, Entity, EntityKind, Error,
    FactPage, FactQuery, FilmView, PersonCredit, PersonCredits, PersonView, Result, SearchHit,
    StoredFact,
};
use filmgraph_model::{Fact, Predicate, Provenance, Qualifiers};
use rusqlite::{params, Connection, OptionalExtension, Params};

pub(super) fn film(conn: &Connection, title: &str) -> Result<Option<FilmView>> {
    let q = fold(title);
    if q.is_empty() {
        return Ok(None);
    }
    let exact_id = entity_id(EntityKind::Work, title);
    let mut stmt = conn.prepare_cached(
        "SELECT id, kind, name, (folded = ?1 OR id = ?2) AS exact FROM entities
         WHERE kind IN ('film', 'work') AND (folded = ?1 OR folded_base = ?1 OR id = ?2)
         ORDER BY name",
    )?;
    let mut matches = Vec::new();
    let mut rows = stmt.query(params![q, exact_id])?;
    while let Some(row) = rows.next()? {
        let exact: bool = row.get(3)?;
        matches.push((entity_from_row(row)?, exact));
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
            [entity] => return film_view(conn, (*entity).clone(), true).map(Some),
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

fn film_view(conn: &Connection, entity: Entity, with_related: bool) -> Result<FilmView> {
    let article = conn
        .query_row(
            "SELECT title, display_title, source_path, content_hash, ingested_at
             FROM articles WHERE entity_id = ?1 ORDER BY id LIMIT 1",
            [&entity.id],
            |row| Ok(article_summary(row, 0)),
        )
        .optional()?
        .transpose()?;
    let facts = stored_facts(conn, "f.subject_id = ?1", [&entity.id])?;
    let related = if with_related {
        stored_facts(
            conn,
            "a.entity_id = ?1 AND f.subject_id <> ?1",
            [&entity.id],
        )?
    } else {
        Vec::new()
    };
    Ok(FilmView {
        entity,
        article,
        facts,
        related,
    })
}

/// The article in the row's columns `at..at + 5`: title, display title,
/// source path, content hash and when it was ingested.
pub(super) fn article_summary(row: &rusqlite::Row<'_>, at: usize) -> Result<ArticleSummary> {
    Ok(ArticleSummary {
        title: row.get(at)?,
        display_title: row.get(at + 1)?,
        source_path: row.get(at + 2)?,
        content_hash: row.get(at + 3)?,
        ingested_at: row.get(at + 4)?,
    })
}

pub(super) fn person(conn: &Connection, name: &str) -> Result<Option<PersonView>> {
    let q = fold(name);
    if q.is_empty() {
        return Ok(None);
    }
    let entity = conn
        .query_row(
            "SELECT id, kind, name FROM entities
             WHERE kind = 'person' AND (folded = ?1 OR id = ?2) LIMIT 1",
            params![q, entity_id(EntityKind::Person, name)],
            |row| Ok(entity_from_row(row)),
        )
        .optional()?
        .transpose()?;
    let Some(entity) = entity else {
        return Ok(None);
    };
    let credits = stored_facts(conn, "f.object_id = ?1", [&entity.id])?;
    let facts = stored_facts(conn, "f.subject_id = ?1", [&entity.id])?;
    Ok(Some(PersonView {
        entity,
        credits,
        facts,
    }))
}

pub(super) fn facts_about(conn: &Connection, subject: &str) -> Result<Vec<StoredFact>> {
    // Every subject is an entity, so the ids narrow the scan to an index.
    stored_facts(
        conn,
        "f.subject_id IN (?1, ?2) AND f.subject = ?3",
        params![
            entity_id(EntityKind::Work, subject),
            entity_id(EntityKind::Person, subject),
            subject
        ],
    )
}

pub(super) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let q = fold(query);
    if q.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.kind, e.name,
                (SELECT count(*) FROM facts WHERE subject_id = e.id)
                  + (SELECT count(*) FROM facts WHERE object_id = e.id) AS n
         FROM entities e
         WHERE e.folded LIKE ?1 ESCAPE '\\'
         ORDER BY (e.folded = ?2 OR e.folded_base = ?2) DESC,
                  (e.folded LIKE ?3 ESCAPE '\\') DESC,
                  n DESC, e.name
         LIMIT ?4",
    )?;
    let mut rows = stmt.query(params![
        format!("%{escaped}%"),
        q,
        format!("{escaped}%"),
        i64::try_from(limit).unwrap_or(i64::MAX),
    ])?;
    let mut hits = Vec::new();
    while let Some(row) = rows.next()? {
        hits.push(SearchHit {
            entity: entity_from_row(row)?,
            facts: row.get::<_, i64>(3)? as u64,
        });
    }
    Ok(hits)
}

pub(super) fn counts(conn: &Connection) -> Result<Counts> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM articles),
                (SELECT count(*) FROM entities WHERE kind = 'film'),
                (SELECT count(*) FROM entities WHERE kind = 'work'),
                (SELECT count(*) FROM entities WHERE kind = 'person'),
                (SELECT count(*) FROM facts)",
        [],
        |row| {
            let n = |i| row.get::<_, i64>(i).map(|n| n as u64);
            Ok(Counts {
                articles: n(0)?,
                films: n(1)?,
                works: n(2)?,
                people: n(3)?,
                facts: n(4)?,
            })
        },
    )?)
}

/// `id, kind, name` in the row's first three columns.
pub(super) fn entity_from_row(row: &rusqlite::Row<'_>) -> Result<Entity> {
    let kind: String = row.get(1)?;
    Ok(Entity {
        id: row.get(0)?,
        kind: EntityKind::parse(&kind)
            .ok_or_else(|| Error::Corrupt(format!("unknown entity kind \"{kind}\"")))?,
        name: row.get(2)?,
    })
}

/// The facts matching `filter` (over `facts f JOIN articles a`), in article order.
fn stored_facts(conn: &Connection, filter: &str, params: impl Params) -> Result<Vec<StoredFact>> {
    stored_facts_sql(
        conn,
        &format!("{filter} ORDER BY a.title, f.ordinal"),
        params,
    )
}

/// The facts matching `tail`: a `WHERE` condition with its `ORDER BY` and `LIMIT`.
fn stored_facts_sql(conn: &Connection, tail: &str, params: impl Params) -> Result<Vec<StoredFact>> {
    let sql = format!(
        "SELECT {STORED_FACT} FROM facts f JOIN articles a ON a.id = f.article_id WHERE {tail}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(stored_fact(row, 0)?);
    }
    Ok(out)
}

/// The columns [`stored_fact`] reads, over `facts f JOIN articles a`.
pub(super) const STORED_FACT: &str = "f.subject, f.predicate, f.object, f.qualifiers, a.title, \
     f.section, f.start_byte, f.end_byte, f.refs, f.sentence";

/// The fact in the row's columns `at..`, selected as [`STORED_FACT`].
pub(super) fn stored_fact(row: &rusqlite::Row<'_>, at: usize) -> Result<StoredFact> {
    let qualifiers = text(row, at + 3)?;
    let refs = text(row, at + 8)?;
    Ok(StoredFact {
        fact: Fact {
            subject: row.get(at)?,
            predicate: predicate(text(row, at + 1)?)?,
            object: row.get(at + 2)?,
            qualifiers: serde_json::from_str(qualifiers)?,
            source: Provenance {
                article: row.get(at + 4)?,
                section: row.get(at + 5)?,
                start: row.get::<_, i64>(at + 6)? as usize,
                end: row.get::<_, i64>(at + 7)? as usize,
                refs: serde_json::from_str(refs)?,
            },
        },
        sentence: row.get(at + 9)?,
    })
}

pub(super) fn entity(conn: &Connection, id: &str) -> Result<Option<Entity>> {
    conn.query_row(
        "SELECT id, kind, name FROM entities WHERE id = ?1",
        [id],
        |row| Ok(entity_from_row(row)),
    )
    .optional()?
    .transpose()
}

pub(super) fn entities(conn: &Connection, kind: EntityKind) -> Result<Vec<Entity>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, kind, name FROM entities WHERE kind = ?1 ORDER BY id")?;
    let mut rows = stmt.query([kind.as_str()])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(entity_from_row(row)?);
    }
    Ok(out)
}

/// The film or work with this id; its `related` facts too if `with_related`.
pub(super) fn film_by_id(
    conn: &Connection,
    id: &str,
    with_related: bool,
) -> Result<Option<FilmView>> {
    match entity(conn, id)? {
        Some(e) if e.kind != EntityKind::Person => film_view(conn, e, with_related).map(Some),
        _ => Ok(None),
    }
}

pub(super) fn person_by_id(conn: &Connection, id: &str) -> Result<Option<PersonView>> {
    let Some(entity) = entity(conn, id)?.filter(|e| e.kind == EntityKind::Person) else {
        return Ok(None);
    };
    let credits = stored_facts(conn, "f.object_id = ?1", [&entity.id])?;
    let facts = stored_facts(conn, "f.subject_id = ?1", [&entity.id])?;
    Ok(Some(PersonView {
        entity,
        credits,
        facts,
    }))
}

/// [`person_by_id`] reduced to what a search document needs, read without
/// the sentences and citations.
pub(super) fn person_credits(conn: &Connection, id: &str) -> Result<Option<PersonCredits>> {
    let Some(entity) = entity(conn, id)?.filter(|e| e.kind == EntityKind::Person) else {
        return Ok(None);
    };
    let mut credits = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT f.predicate, f.subject, f.qualifiers
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE f.object_id = ?1 ORDER BY a.title, f.ordinal",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(row) = rows.next()? {
        credits.push(person_credit(row, 0)?);
    }
    let mut debuts = Vec::new();
    let mut facts = 0;
    let mut stmt = conn.prepare_cached(
        "SELECT f.predicate, f.object FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE f.subject_id = ?1 ORDER BY a.title, f.ordinal",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(row) = rows.next()? {
        facts += 1;
        if predicate(text(row, 0)?)? == Predicate::DebutFeature {
            debuts.push(row.get(1)?);
        }
    }
    Ok(Some(PersonCredits {
        entity,
        credits,
        debuts,
        facts,
    }))
}

/// The credit in the row's columns `at..at + 3`: predicate, subject (the
/// work) and qualifiers (where the character played is).
pub(super) fn person_credit(row: &rusqlite::Row<'_>, at: usize) -> Result<PersonCredit> {
    let qualifiers = text(row, at + 2)?;
    let character = if qualifiers == "{}" {
        None
    } else {
        serde_json::from_str::<Qualifiers>(qualifiers)?.remove("character")
    };
    Ok(PersonCredit {
        predicate: predicate(text(row, at)?)?,
        work: row.get(at + 1)?,
        character,
    })
}

pub(super) fn facts(conn: &Connection, query: &FactQuery) -> Result<FactPage> {
    let mut filter = vec!["1 = 1"];
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::new();
    let predicate = query.predicate.map(|p| p.as_str());
    // Numbered parameters keep each condition's placeholder fixed.
    if let Some(v) = &query.subject_id {
        filter.push("f.subject_id = ?1");
        values.push(v);
    } else {
        filter.push("?1 IS NULL");
        values.push(&rusqlite::types::Null);
    }
    if let Some(v) = &query.object_id {
        filter.push("f.object_id = ?2");
        values.push(v);
    } else {
        filter.push("?2 IS NULL");
        values.push(&rusqlite::types::Null);
    }
    if let Some(v) = &predicate {
        // With a subject or object to look up, their indexes are far more
        // selective than the predicate's: `+` keeps SQLite off the latter.
        if query.subject_id.is_some() || query.object_id.is_some() {
            filter.push("+f.predicate = ?3");
        } else {
            filter.push("f.predicate = ?3");
        }
        values.push(v);
    } else {
        filter.push("?3 IS NULL");
        values.push(&rusqlite::types::Null);
    }
    if let Some(v) = &query.object {
        filter.push("f.object = ?4");
        values.push(v);
    } else {
        filter.push("?4 IS NULL");
        values.push(&rusqlite::types::Null);
    }
    let filter = filter.join(" AND ");
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM facts f JOIN articles a ON a.id = f.article_id WHERE {filter}"
        ))?
        .query_row(values.as_slice(), |row| row.get(0))?;
    let limit = query
        .limit
        .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
    let offset = i64::try_from(query.offset).unwrap_or(i64::MAX);
    let paged = format!("{filter} ORDER BY a.title, f.ordinal LIMIT {limit} OFFSET {offset}");
    let facts = stored_facts_sql(conn, &paged, values.as_slice())?;
    Ok(FactPage {
        facts,
        total: total as u64,
    })
}

pub(super) fn article_text(conn: &Connection, title: &str) -> Result<Option<ArticleText>> {
    Ok(conn
        .query_row(
            "SELECT title, source_path, text FROM articles WHERE title = ?1",
            [title],
            |row| {
                Ok(ArticleText {
                    title: row.get(0)?,
                    source_path: row.get(1)?,
                    text: row.get(2)?,
                })
            },
        )
        .optional()?)
}

pub(super) fn articles(conn: &Connection) -> Result<Vec<ArticleSummary>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, display_title, source_path, content_hash, ingested_at
         FROM articles ORDER BY title",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(ArticleSummary {
            title: row.get(0)?,
            display_title: row.get(1)?,
            source_path: row.get(2)?,
            content_hash: row.get(3)?,
            ingested_at: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn article_facts(conn: &Connection, title: &str) -> Result<Vec<StoredFact>> {
    stored_facts(conn, "a.title = ?1", [title])
}

pub(super) fn changes_since(conn: &Connection, after: u64, limit: usize) -> Result<Vec<Change>> {
    let mut stmt =
        conn.prepare_cached("SELECT seq, title FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
    let rows = stmt.query_map(
        params![
            i64::try_from(after).unwrap_or(i64::MAX),
            i64::try_from(limit).unwrap_or(i64::MAX)
        ],
        |row| {
            Ok(Change {
                seq: row.get::<_, i64>(0)? as u64,
                title: row.get(1)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(super) fn latest_change(conn: &Connection) -> Result<u64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |row| {
            row.get::<_, i64>(0)
        })? as u64,
    )
}

/// Records, inside the writing transaction, that the article was stored or
/// removed. SQLite has one writer at a time, so numbers follow commit order.
pub(super) fn log_change(tx: &Connection, title: &str) -> Result<()> {
    tx.prepare_cached("INSERT INTO changes (title) VALUES (?1)")?
        .execute([title])?;
    Ok(())
}

/// A stored predicate's name read back.
pub(super) fn predicate(name: &str) -> Result<Predicate> {
    Predicate::parse(name).ok_or_else(|| Error::Corrupt(format!("unknown predicate \"{name}\"")))
}

/// Column `i` of `row` as text, read in place.
pub(super) fn text<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(|err| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(err))
    })
}
