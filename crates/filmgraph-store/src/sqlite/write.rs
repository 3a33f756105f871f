//! Writing an article and its facts: one transaction per article, or one
//! transaction per batch with a savepoint per article.

use crate::{
    entity_id, fold, ArticleRecord, ArticleWrite, EntityKind, Error, IngestStats, Result, Revision,
};
use filmgraph_model::{strip_disambiguation, Fact, Predicate};
use rusqlite::{params, Connection};
use std::collections::{BTreeSet, HashSet};

pub(super) fn replace_article(
    conn: &mut Connection,
    article: &ArticleRecord<'_>,
    facts: &[Fact],
) -> Result<IngestStats> {
    // Dropping `tx` on any error rolls everything back.
    let tx = conn.transaction()?;
    let stats = replace_in(&tx, article, facts, None)?;
    tx.commit()?;
    Ok(stats)
}

/// Every article of the batch in one transaction, each in a savepoint of its
/// own, so that one refused article leaves the others stored.
pub(super) fn replace_articles(
    conn: &mut Connection,
    batch: &[ArticleWrite<'_>],
) -> Result<Vec<Result<IngestStats>>> {
    let mut tx = conn.transaction()?;
    let mut results = Vec::with_capacity(batch.len());
    for write in batch {
        let savepoint = tx.savepoint()?;
        let result = replace_in(&savepoint, &write.record, write.facts, write.revision);
        if result.is_ok() {
            savepoint.commit()?;
        }
        // Otherwise dropping the savepoint rolls this article back.
        results.push(result);
    }
    tx.commit()?;
    Ok(results)
}

/// Writes one article inside the caller's transaction: on error, the caller
/// rolls back.
fn replace_in(
    tx: &Connection,
    article: &ArticleRecord<'_>,
    facts: &[Fact],
    revision: Option<&Revision>,
) -> Result<IngestStats> {
    if article.title.trim().is_empty() {
        return Err(Error::UntitledArticle {
            source_path: article.source_path.to_string(),
        });
    }
    let kind = article_kind(article.title, facts);
    let people = people_named(facts);

    let mut entities = Entities::new(tx);
    let own_id = entities.own(kind, article.title)?;
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
    let facts_removed = tx.execute("DELETE FROM facts WHERE article_id = ?1", [article_id])?;

    let mut insert = tx.prepare_cached(
        "INSERT INTO facts (article_id, ordinal, subject, subject_id, predicate, object, object_id,
                            qualifiers, section, start_byte, end_byte, sentence, refs)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (index, fact) in facts.iter().enumerate() {
        let invalid = |reason: String| Error::InvalidFact {
            article: article.title.to_string(),
            index,
            predicate: fact.predicate.to_string(),
            reason,
        };
        let sentence = cited_text(article, fact).map_err(invalid)?;
        if fact.subject.trim().is_empty() {
            return Err(invalid("has an empty subject".into()));
        }
        let subject_id = if fact.subject == article.title {
            own_id.clone()
        } else {
            let kind = if people.contains(fact.subject.as_str())
                || fact.predicate == Predicate::DebutFeature
            {
                EntityKind::Person
            } else {
                EntityKind::Work
            };
            entities.named(kind, &fact.subject)?
        };
        let object_id = match object_kind(fact.predicate) {
            Some(_) if fact.object.trim().is_empty() => {
                return Err(invalid("has an empty object".into()))
            }
            Some(kind) => Some(entities.named(kind, &fact.object)?),
            None => None,
        };
        insert.execute(params![
            article_id,
            index as i64,
            fact.subject,
            subject_id,
            fact.predicate.as_str(),
            fact.object,
            object_id,
            serde_json::to_string(&fact.qualifiers)?,
            fact.source.section,
            fact.source.start as i64,
            fact.source.end as i64,
            sentence,
            serde_json::to_string(&fact.source.refs)?,
        ])?;
    }
    drop(insert);

    collect_orphans(tx, &orphans)?;
    super::read::log_change(tx, article.title)?;
    drop(entities);

    Ok(IngestStats {
        kind,
        facts_added: facts.len(),
        facts_removed,
        people: people
            .iter()
            .map(|name| entity_id(EntityKind::Person, name))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    })
}

/// Deletes those of `ids` that no fact and no article names any more.
pub(super) fn collect_orphans<'a>(
    tx: &Connection,
    ids: impl IntoIterator<Item = &'a String>,
) -> Result<()> {
    let mut gc = tx.prepare_cached(
        "DELETE FROM entities WHERE id = ?1
           AND NOT EXISTS (SELECT 1 FROM facts WHERE subject_id = ?1 OR object_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM articles WHERE entity_id = ?1)",
    )?;
    for id in ids {
        gc.execute([id])?;
    }
    Ok(())
}

/// A film unless the article's own `instance_of` facts name only something else.
fn article_kind(title: &str, facts: &[Fact]) -> EntityKind {
    let mut instances = facts
        .iter()
        .filter(|f| f.subject == title && f.predicate == Predicate::InstanceOf)
        .peekable();
    if instances.peek().is_none() || instances.any(|f| f.object.eq_ignore_ascii_case("film")) {
        EntityKind::Film
    } else {
        EntityKind::Work
    }
}

/// Everyone the facts credit, and every subject of a `debut_feature`.
fn people_named(facts: &[Fact]) -> BTreeSet<&str> {
    facts
        .iter()
        .filter_map(|f| {
            if f.predicate.is_person_role() {
                Some(f.object.as_str())
            } else if f.predicate == Predicate::DebutFeature {
                Some(f.subject.as_str())
            } else {
                None
            }
        })
        .filter(|name| !name.trim().is_empty())
        .collect()
}

/// The kind of entity a predicate's object names, where it names one.
fn object_kind(predicate: Predicate) -> Option<EntityKind> {
    if predicate.is_person_role() {
        return Some(EntityKind::Person);
    }
    match predicate {
        Predicate::Follows
        | Predicate::FollowedBy
        | Predicate::BasedOn
        | Predicate::PartOfSeries
        | Predicate::DebutFeature => Some(EntityKind::Work),
        _ => None,
    }
}

/// The input bytes a fact cites, or why they cannot be cited.
fn cited_text<'a>(article: &ArticleRecord<'a>, fact: &Fact) -> Result<&'a str, String> {
    let source = &fact.source;
    if source.article != article.title {
        return Err(format!("comes from article \"{}\"", source.article));
    }
    let (start, end, len) = (source.start, source.end, article.text.len());
    if start > end || end > len {
        return Err(format!(
            "cites bytes {start}..{end} but the article has {len} bytes"
        ));
    }
    article
        .text
        .get(start..end)
        .ok_or_else(|| format!("cites bytes {start}..{end}, which split a character"))
}

/// Upserts entities, once each per transaction.
struct Entities<'t> {
    tx: &'t Connection,
    done: HashSet<String>,
}

impl<'t> Entities<'t> {
    fn new(tx: &'t Connection) -> Self {
        Entities {
            tx,
            done: HashSet::new(),
        }
    }

    /// The article's own entity: its kind and name are the article's.
    fn own(&mut self, kind: EntityKind, title: &str) -> Result<String> {
        let id = entity_id(kind, title);
        self.tx
            .prepare_cached(
                "INSERT INTO entities (id, kind, name, folded, folded_base) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET
                     kind = excluded.kind, name = excluded.name,
                     folded = excluded.folded, folded_base = excluded.folded_base",
            )?
            .execute(params![
                id,
                kind.as_str(),
                title,
                fold(title),
                fold(strip_disambiguation(title))
            ])?;
        self.done.insert(id.clone());
        Ok(id)
    }

    /// An entity another article names: created if new, never changed (a film
    /// with its own article stays a film when a sequel's article names it).
    fn named(&mut self, kind: EntityKind, name: &str) -> Result<String> {
        let id = entity_id(kind, name);
        if self.done.insert(id.clone()) {
            self.tx
                .prepare_cached(
                    "INSERT INTO entities (id, kind, name, folded, folded_base)
                     VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING",
                )?
                .execute(params![
                    id,
                    kind.as_str(),
                    name,
                    fold(name),
                    fold(strip_disambiguation(name))
                ])?;
        }
        Ok(id)
    }
}
