//! What goes into the store and what comes out of it.

use filmgraph_model::{Article, Fact, Predicate};

/// One article to store: its identity and the text its facts cite.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRecord<'a> {
    /// The article's title with its disambiguation; it identifies the article.
    pub title: &'a str,
    pub display_title: Option<&'a str>,
    /// Where the article was read from, as the user named it.
    pub source_path: &'a str,
    /// The whole input; each fact's `source.start..source.end` indexes into it.
    pub text: &'a str,
}

impl<'a> ArticleRecord<'a> {
    /// The record of a parsed article read from `source_path`.
    pub fn new(article: &'a Article, source_path: &'a str, text: &'a str) -> Self {
        ArticleRecord {
            title: &article.title,
            display_title: article.display_title.as_ref().map(|(t, _)| t.as_str()),
            source_path,
            text,
        }
    }

    /// A fingerprint of the text (64-bit FNV-1a, hex) that tells whether an
    /// article changed between two ingests. Not a security hash.
    pub fn content_hash(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in self.text.as_bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }
}

/// What one [`crate::Store::replace_article`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestStats {
    /// The kind of the article's own entity: a film unless its facts say otherwise.
    pub kind: EntityKind,
    pub facts_added: usize,
    /// Facts the article had before and no longer has (all of them: a replace
    /// rewrites the article's facts).
    pub facts_removed: usize,
    /// Ids of the people the article's facts name, each once.
    pub people: Vec<String>,
}

/// The kinds of entity facts link together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A film that has its own article.
    Film,
    /// A film, series or other work known only from other articles' facts (a
    /// sequel, a source novel), or an article about something other than a film.
    Work,
    Person,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Film => "film",
            EntityKind::Work => "work",
            EntityKind::Person => "person",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "film" => Some(EntityKind::Film),
            "work" => Some(EntityKind::Work),
            "person" => Some(EntityKind::Person),
            _ => None,
        }
    }

    /// The id namespace; films and works share one (see [`crate::entity_id`]).
    pub(crate) fn namespace(self) -> &'static str {
        match self {
            EntityKind::Film | EntityKind::Work => "work",
            EntityKind::Person => "person",
        }
    }
}

/// A film, work or person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// The name as first written (a film's article title).
    pub name: String,
}

/// A stored fact and the text it cites.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredFact {
    pub fact: Fact,
    /// The input bytes `fact.source.start..fact.source.end`: the sentence or
    /// infobox line the fact was read from.
    pub sentence: String,
}

/// The stored article an entity comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleSummary {
    pub title: String,
    pub display_title: Option<String>,
    pub source_path: String,
    pub content_hash: String,
    /// UTC, RFC 3339 (`2025-01-31T12:00:00Z`).
    pub ingested_at: String,
}

/// A film or other work and what the store knows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct FilmView {
    pub entity: Entity,
    /// Its own article, if one was ingested (a sequel may be known only from
    /// another article).
    pub article: Option<ArticleSummary>,
    /// Facts whose subject is this work, from every article.
    pub facts: Vec<StoredFact>,
    /// Facts its own article states about other subjects (a sequel's release).
    pub related: Vec<StoredFact>,
}

/// A film or other work as a search index reads it (see
/// [`crate::Store::film_facts`]): [`crate::Store::film_facts_by_id`]'s view,
/// and the facts of every article that name it as their object (a sequel's
/// `follows`, a franchise's `part_of_series`), in article order.
#[derive(Debug, Clone, PartialEq)]
pub struct FilmFacts {
    pub view: FilmView,
    pub naming: Vec<StoredFact>,
}

/// A person and the facts that name them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonView {
    pub entity: Entity,
    /// Facts whose object is this person: directing, acting, writing...
    pub credits: Vec<StoredFact>,
    /// Facts whose subject is this person (a debut feature).
    pub facts: Vec<StoredFact>,
}

/// A person's credits without their sentences and citations: what a search
/// document needs of a [`PersonView`] (see [`crate::Store::person_credits`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCredits {
    pub entity: Entity,
    /// Each fact whose object is this person, in [`PersonView::credits`]'
    /// order.
    pub credits: Vec<PersonCredit>,
    /// The works named as their debut feature, in order.
    pub debuts: Vec<String>,
    /// How many facts have this person as subject (the debuts among them).
    pub facts: usize,
}

/// One credit of a person: the role, the work, and the character played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCredit {
    pub predicate: Predicate,
    /// The fact's subject: the film or other work.
    pub work: String,
    pub character: Option<String>,
}

impl From<&PersonView> for PersonCredits {
    fn from(view: &PersonView) -> PersonCredits {
        PersonCredits {
            entity: view.entity.clone(),
            credits: view
                .credits
                .iter()
                .map(|f| PersonCredit {
                    predicate: f.fact.predicate,
                    work: f.fact.subject.clone(),
                    character: f.fact.qualifier("character").map(str::to_string),
                })
                .collect(),
            debuts: view
                .facts
                .iter()
                .filter(|f| f.fact.predicate == Predicate::DebutFeature)
                .map(|f| f.fact.object.clone())
                .collect(),
            facts: view.facts.len(),
        }
    }
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub entity: Entity,
    /// How many stored facts name it, as subject or object.
    pub facts: u64,
}

/// Which facts [`crate::Store::facts`] lists: every given condition must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactQuery {
    /// The id of the fact's subject (`work:lost-bullet-2020-film`).
    pub subject_id: Option<String>,
    /// The id of the film, work or person the fact's object names.
    pub object_id: Option<String>,
    pub predicate: Option<Predicate>,
    /// The object exactly as written (`Netflix`), for objects that are no
    /// entity (companies, places).
    pub object: Option<String>,
    /// At most this many facts; `None` for all.
    pub limit: Option<usize>,
    pub offset: usize,
}

/// One page of facts and how many match in all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FactPage {
    pub facts: Vec<StoredFact>,
    pub total: u64,
}

/// An article's whole input, which its facts' byte ranges index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    pub title: String,
    /// Where it was read from; its extension tells the format.
    pub source_path: String,
    /// Empty for articles stored by a filmgraph older than schema version 2.
    pub text: String,
}

/// A series or chain of works, in order (see [`crate::Store::franchise`]).
#[derive(Debug, Clone, PartialEq)]
pub struct FranchiseView {
    /// The series (`Lost Bullet`), or the first work of a chain of sequels
    /// that names no series.
    pub entity: Entity,
    pub works: Vec<FranchiseWork>,
}

/// One work of a franchise.
#[derive(Debug, Clone, PartialEq)]
pub struct FranchiseWork {
    pub entity: Entity,
    /// The year of first release, where a fact gives one.
    pub year: Option<i32>,
    /// The facts that place it in the franchise (`part_of_series`, `follows`,
    /// `followed_by`) or date it.
    pub facts: Vec<StoredFact>,
}

/// One write to the store: an article stored or removed (see
/// [`crate::Store::changes_since`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Increasing in commit order; numbers may be skipped.
    pub seq: u64,
    /// The article's title: read it again to see what it is now (gone, for a
    /// removed article).
    pub title: String,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: u64,
    pub films: u64,
    pub works: u64,
    pub people: u64,
    pub facts: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_is_stable_and_sensitive() {
        let rec = |text| ArticleRecord {
            title: "T",
            display_title: None,
            source_path: "t.txt",
            text,
        };
        // FNV-1a 64 of the empty string is its offset basis.
        assert_eq!(rec("").content_hash(), "cbf29ce484222325");
        assert_eq!(rec("a").content_hash(), "af63dc4c8601ec8c");
        assert_ne!(rec("ab").content_hash(), rec("ba").content_hash());
    }

    #[test]
    fn kinds_round_trip() {
        for k in [EntityKind::Film, EntityKind::Work, EntityKind::Person] {
            assert_eq!(EntityKind::parse(k.as_str()), Some(k));
        }
    }
}
