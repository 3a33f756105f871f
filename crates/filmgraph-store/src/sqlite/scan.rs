//! Passes over the whole store, for rebuilding a search index: each reads
//! what the one-entity reads of `read.rs` give, for every entity at once.

use super::read::{
    article_summary, entity_from_row, person_credit, predicate, stored_fact, text, STORED_FACT,
};
use crate::{EntityKind, FilmFacts, FilmView, PersonCredits, Result, StoredFact};
use filmgraph_model::Predicate;
use rusqlite::{Connection, Row, Rows};
use std::cmp::Ordering;
use std::ops::ControlFlow;

/// Every person's credits, as `read::person_credits` gives them, in id order.
///
/// Three queries are read side by side, each sorted by person: the people,
/// the facts naming them and the facts about them. Most facts of a film
/// credit a person, so the credits come from one pass over the facts table
/// (`NOT INDEXED`) sorted once, rather than one random read per credit
/// through the object index.
pub(super) fn each_person_credits(
    conn: &Connection,
    visit: &mut dyn FnMut(PersonCredits) -> ControlFlow<()>,
) -> Result<()> {
    let (low, high) = id_range(EntityKind::Person);
    let mut people =
        conn.prepare("SELECT id, kind, name FROM entities WHERE kind = ?1 ORDER BY id")?;
    let mut people = people.query([EntityKind::Person.as_str()])?;
    let mut credits = conn.prepare(
        "SELECT f.object_id, f.predicate, f.subject, f.qualifiers
         FROM facts f NOT INDEXED JOIN articles a ON a.id = f.article_id
         WHERE f.object_id >= ?1 AND f.object_id < ?2
         ORDER BY f.object_id, a.title, f.ordinal",
    )?;
    let mut credits = Sorted::new(credits.query([&low, &high])?, |row| person_credit(row, 1))?;
    let mut about = conn.prepare(
        "SELECT f.subject_id, f.predicate, f.object
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE f.subject_id >= ?1 AND f.subject_id < ?2
         ORDER BY f.subject_id, a.title, f.ordinal",
    )?;
    // Each fact about a person: whether it names a debut feature, and which.
    let mut about = Sorted::new(about.query([&low, &high])?, |row| {
        Ok((predicate(text(row, 1)?)? == Predicate::DebutFeature)
            .then(|| row.get(2))
            .transpose()?)
    })?;
    while let Some(row) = people.next()? {
        let entity = entity_from_row(row)?;
        let about = about.all_of(&entity.id)?;
        let view = PersonCredits {
            credits: credits.all_of(&entity.id)?,
            facts: about.len(),
            debuts: about.into_iter().flatten().collect(),
            entity,
        };
        if visit(view).is_break() {
            break;
        }
    }
    Ok(())
}

/// Every film and work with what the index reads of it, as the default
/// `Store::each_film_facts` gives them, in id order: four queries read side
/// by side, each in the order of the work's id (the works, their articles,
/// the facts about them and the facts naming them).
pub(super) fn each_film_facts(
    conn: &Connection,
    visit: &mut dyn FnMut(FilmFacts) -> ControlFlow<()>,
) -> Result<()> {
    let (low, high) = id_range(EntityKind::Work);
    let mut works =
        conn.prepare("SELECT id, kind, name FROM entities WHERE kind IN (?1, ?2) ORDER BY id")?;
    let mut works = works.query([EntityKind::Film.as_str(), EntityKind::Work.as_str()])?;
    let mut articles = conn.prepare(
        "SELECT entity_id, title, display_title, source_path, content_hash, ingested_at
         FROM articles WHERE entity_id >= ?1 AND entity_id < ?2 ORDER BY entity_id, id",
    )?;
    let mut articles = Sorted::new(articles.query([&low, &high])?, |row| {
        article_summary(row, 1)
    })?;
    // Each work's facts come in the index's order (by id, then as stored),
    // and are put in article order below, a few at a time: sorting them all
    // in SQLite would copy every row, sentence and all, through its sorter.
    let mut about = conn.prepare(&format!(
        "SELECT f.subject_id, {STORED_FACT}, f.ordinal
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE f.subject_id >= ?1 AND f.subject_id < ?2 ORDER BY f.subject_id"
    ))?;
    let mut about = Sorted::new(about.query([&low, &high])?, ordered_fact)?;
    let mut naming = conn.prepare(&format!(
        "SELECT f.object_id, {STORED_FACT}, f.ordinal
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE f.object_id >= ?1 AND f.object_id < ?2 ORDER BY f.object_id"
    ))?;
    let mut naming = Sorted::new(naming.query([&low, &high])?, ordered_fact)?;
    while let Some(row) = works.next()? {
        let entity = entity_from_row(row)?;
        let id = entity.id.clone();
        // The work's first article, as `read::film_view` takes it.
        let article = articles.next_of(&id)?;
        let film = FilmFacts {
            view: FilmView {
                entity,
                article,
                facts: in_article_order(about.all_of(&id)?),
                related: Vec::new(),
            },
            naming: in_article_order(naming.all_of(&id)?),
        };
        if visit(film).is_break() {
            break;
        }
    }
    Ok(())
}

/// A fact read as [`STORED_FACT`] from column 1, with its ordinal after it.
fn ordered_fact(row: &Row<'_>) -> Result<(StoredFact, i64)> {
    Ok((stored_fact(row, 1)?, row.get(11)?))
}

/// Facts in article order (by article title, then as the article states
/// them), as `read.rs` reads them.
fn in_article_order(mut facts: Vec<(StoredFact, i64)>) -> Vec<StoredFact> {
    facts.sort_unstable_by(|(a, i), (b, j)| {
        (a.fact.source.article.as_str(), i).cmp(&(b.fact.source.article.as_str(), j))
    });
    facts.into_iter().map(|(fact, _)| fact).collect()
}

/// The bounds of the ids of one kind: `person:` up to `person;` (`;` follows
/// `:`), so that a range on an id column holds them all and nothing else.
fn id_range(kind: EntityKind) -> (String, String) {
    let namespace = kind.namespace();
    (format!("{namespace}:"), format!("{namespace};"))
}

/// Rows sorted by an id in their first column, read one id after another.
struct Sorted<'s, T> {
    rows: Rows<'s>,
    read: fn(&Row<'_>) -> Result<T>,
    /// The row read last and not yet handed out: its id and what it holds.
    current: Option<(String, T)>,
}

impl<'s, T> Sorted<'s, T> {
    fn new(rows: Rows<'s>, read: fn(&Row<'_>) -> Result<T>) -> Result<Self> {
        let mut sorted = Sorted {
            rows,
            read,
            current: None,
        };
        sorted.advance()?;
        Ok(sorted)
    }

    fn advance(&mut self) -> Result<()> {
        self.current = match self.rows.next()? {
            Some(row) => Some((row.get(0)?, (self.read)(row)?)),
            None => None,
        };
        Ok(())
    }

    /// Every row whose id is `id` (see [`Sorted::next_of`]).
    fn all_of(&mut self, id: &str) -> Result<Vec<T>> {
        let mut all = Vec::new();
        while let Some(item) = self.next_of(id)? {
            all.push(item);
        }
        Ok(all)
    }

    /// The next row whose id is `id`, passing over rows of smaller ids (of
    /// no entity asked for); `None` once the rows reach a greater id.
    fn next_of(&mut self, id: &str) -> Result<Option<T>> {
        loop {
            let Some((row_id, _)) = &self.current else {
                return Ok(None);
            };
            let order = row_id.as_str().cmp(id);
            if order == Ordering::Greater {
                return Ok(None);
            }
            let (_, item) = self.current.take().expect("a row stands ready");
            self.advance()?;
            if order == Ordering::Equal {
                return Ok(Some(item));
            }
        }
    }
}
