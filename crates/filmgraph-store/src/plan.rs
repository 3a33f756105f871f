//! What [`crate::Store::replace_article`] writes, worked out before any SQL runs:
//! the article's own entity, the entities its facts name, and one row per fact
//! with the ids it links. A backend that writes in bulk (PostgreSQL) takes the
//! plan whole; validation happens here, so both backends refuse the same input
//! with the same error.

use crate::{entity_id, fold, ArticleRecord, EntityKind, Error, Result};
use filmgraph_model::{strip_disambiguation, Fact, Predicate};
use std::collections::{BTreeSet, HashSet};

/// The rows one article turns into.
#[derive(Debug)]
pub(crate) struct Plan<'a> {
    /// The kind of the article's own entity.
    pub kind: EntityKind,
    /// The article's own entity: inserted, or updated to the article's name and kind.
    pub own: EntityRow,
    /// Every other entity the facts name, each once, first spelling first:
    /// inserted if new, never changed.
    pub named: Vec<EntityRow>,
    pub facts: Vec<FactRow<'a>>,
    /// Ids of the people the facts name, sorted, each once.
    pub people: Vec<String>,
}

/// One row of `entities`.
#[derive(Debug, Clone)]
pub(crate) struct EntityRow {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub folded: String,
    pub folded_base: String,
}

impl EntityRow {
    fn new(kind: EntityKind, name: &str) -> Self {
        Self::named(kind, name, name)
    }

    /// The entity `identity` (a page title, or the name itself), written `name`.
    fn named(kind: EntityKind, identity: &str, name: &str) -> Self {
        EntityRow {
            id: entity_id(kind, identity),
            kind,
            name: name.to_string(),
            folded: fold(name),
            folded_base: fold(strip_disambiguation(name)),
        }
    }
}

/// One row of `facts`, less the article id.
#[derive(Debug)]
pub(crate) struct FactRow<'a> {
    pub ordinal: i64,
    pub subject: &'a str,
    pub subject_id: String,
    pub predicate: &'static str,
    pub object: &'a str,
    pub object_id: Option<String>,
    /// JSON object of strings.
    pub qualifiers: String,
    pub section: &'a str,
    pub start: i64,
    pub end: i64,
    pub sentence: &'a str,
    /// JSON array of citations.
    pub refs: String,
}

/// Checks the article and its facts and works out the rows they make.
pub(crate) fn plan<'a>(article: &ArticleRecord<'a>, facts: &'a [Fact]) -> Result<Plan<'a>> {
    if article.title.trim().is_empty() {
        return Err(Error::UntitledArticle {
            source_path: article.source_path.to_string(),
        });
    }
    let kind = article_kind(article.title, facts);
    let person_names: BTreeSet<&str> = people(facts).map(|(name, _)| name).collect();
    let own = EntityRow::new(kind, article.title);
    let mut seen = HashSet::from([own.id.clone()]);
    let mut named = Vec::new();
    let mut name = |kind: EntityKind, identity: &str, name: &str| {
        let row = EntityRow::named(kind, identity, name);
        let id = row.id.clone();
        if seen.insert(id.clone()) {
            named.push(row);
        }
        id
    };

    let mut rows = Vec::with_capacity(facts.len());
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
            own.id.clone()
        } else {
            let kind = if person_names.contains(fact.subject.as_str())
                || fact.predicate == Predicate::DebutFeature
            {
                EntityKind::Person
            } else {
                EntityKind::Work
            };
            name(kind, &fact.subject, &fact.subject)
        };
        let object_id = match object_kind(fact.predicate) {
            Some(_) if fact.object.trim().is_empty() => {
                return Err(invalid("has an empty object".into()))
            }
            Some(kind) => Some(name(kind, fact.object_identity(), &fact.object)),
            None => None,
        };
        rows.push(FactRow {
            ordinal: index as i64,
            subject: &fact.subject,
            subject_id,
            predicate: fact.predicate.as_str(),
            object: &fact.object,
            object_id,
            qualifiers: serde_json::to_string(&fact.qualifiers)?,
            section: &fact.source.section,
            start: fact.source.start as i64,
            end: fact.source.end as i64,
            sentence,
            refs: serde_json::to_string(&fact.source.refs)?,
        });
    }
    Ok(Plan {
        kind,
        own,
        named,
        facts: rows,
        people: people(facts)
            .map(|(_, identity)| entity_id(EntityKind::Person, identity))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
    })
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

/// Everyone the facts credit, and every subject of a `debut_feature`: each
/// as `(name, identity)` (see [`Fact::object_identity`]).
fn people(facts: &[Fact]) -> impl Iterator<Item = (&str, &str)> {
    facts
        .iter()
        .filter_map(|f| {
            if f.predicate.is_person_role() {
                Some((f.object.as_str(), f.object_identity()))
            } else if f.predicate == Predicate::DebutFeature {
                Some((f.subject.as_str(), f.subject.as_str()))
            } else {
                None
            }
        })
        .filter(|(name, identity)| !name.trim().is_empty() && !identity.trim().is_empty())
}

/// The kind of entity a predicate's object names, where it names one: the
/// one list of them, for the store's rows and for whatever links a fact's
/// object to its entity (the server, the search index).
pub fn object_kind(predicate: Predicate) -> Option<EntityKind> {
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
