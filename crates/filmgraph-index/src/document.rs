//! Documents derived from the store: one per film, work, franchise, person,
//! company, and one per character of a film. Derivation is pure given what
//! the store returns, so a rebuilt index equals an updated one.

use filmgraph_model::{strip_disambiguation, Predicate};
use filmgraph_store::{
    entity_id, EntityKind, FactQuery, FilmFacts, PersonCredits, Result as StoreResult, Store,
    StoredFact,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashSet};

/// What a search result is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Film,
    /// A work that is no film: a source novel, a play.
    Work,
    Person,
    /// A character of a film; the result leads to the film.
    Character,
    /// A production company or distributor; it has no page of its own.
    Company,
    /// A series of films.
    Franchise,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Film,
        Kind::Work,
        Kind::Person,
        Kind::Character,
        Kind::Company,
        Kind::Franchise,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Film => "film",
            Kind::Work => "work",
            Kind::Person => "person",
            Kind::Character => "character",
            Kind::Company => "company",
            Kind::Franchise => "franchise",
        }
    }

    /// A percentage that scales a result's score: of two equal matches, a
    /// film comes before a person, a franchise, a work, a company, a character.
    pub fn prior(self) -> u64 {
        match self {
            Kind::Film => 100,
            Kind::Person => 92,
            Kind::Franchise => 85,
            Kind::Work => 80,
            Kind::Company => 70,
            Kind::Character => 65,
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// One document before it becomes tantivy's.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Doc {
    pub kind: Option<Kind>,
    pub id: String,
    pub target: String,
    pub title: String,
    /// Whole titles an exact query matches: the title with and without its
    /// disambiguation, the display title, alternative titles.
    pub exact_titles: Vec<String>,
    pub alt_titles: Vec<String>,
    pub people: Vec<String>,
    pub characters: Vec<String>,
    pub body: String,
    pub year: Option<i64>,
    pub facets: Vec<(&'static str, String)>,
    pub refs: Vec<String>,
    pub weight: u64,
}

/// The slug part of an id made from `name` (`Lino` -> `lino`).
pub(crate) fn slug(name: &str) -> String {
    let id = entity_id(EntityKind::Person, name);
    id.trim_start_matches("person:").to_string()
}

pub(crate) fn company_id(name: &str) -> String {
    format!("company:{}", slug(name))
}

fn character_id(film_id: &str, character: &str) -> String {
    let film = film_id.split_once(':').map_or(film_id, |(_, s)| s);
    format!("character:{film}/{}", slug(character))
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let value = value.trim();
    if !value.is_empty() && !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// [`push_unique`] for lists that run long (a prolific actor's credits, a
/// studio's films): each value once, in first-seen order, found by hash.
#[derive(Default)]
struct Distinct {
    values: Vec<String>,
    seen: HashSet<String>,
}

impl Distinct {
    fn push(&mut self, value: &str) {
        let value = value.trim();
        if !value.is_empty() && !self.seen.contains(value) {
            self.seen.insert(value.to_string());
            self.values.push(value.to_string());
        }
    }

    fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    fn join(&self, separator: &str) -> String {
        self.values.join(separator)
    }
}

fn leading_year(s: &str) -> Option<i64> {
    s.get(..4).and_then(|y| y.parse().ok())
}

/// The film (or work, or franchise) and its characters.
pub(crate) fn film_docs(store: &dyn Store, film: &FilmFacts) -> StoreResult<Vec<Doc>> {
    let FilmFacts { view, naming } = film;
    let id = view.entity.id.as_str();
    let name = view.entity.name.as_str();
    let named_as = |p: Predicate| naming.iter().any(|f| f.fact.predicate == p);
    let own_has = |p: Predicate| view.facts.iter().any(|f| f.fact.predicate == p);
    let kind = if named_as(Predicate::PartOfSeries) && view.entity.kind != EntityKind::Film {
        Kind::Franchise
    } else if view.entity.kind == EntityKind::Film
        || named_as(Predicate::Follows)
        || named_as(Predicate::FollowedBy)
        || own_has(Predicate::Follows)
        || own_has(Predicate::FollowedBy)
    {
        Kind::Film
    } else {
        Kind::Work
    };

    let mut doc = Doc {
        kind: Some(kind),
        id: id.to_string(),
        target: id.to_string(),
        title: name.to_string(),
        weight: (view.facts.len() + naming.len()) as u64,
        ..Default::default()
    };
    push_unique(&mut doc.exact_titles, name);
    push_unique(&mut doc.exact_titles, strip_disambiguation(name));
    // Titles that redirect to the film's article are titles of it too.
    for redirect in store.redirects_to(name)? {
        push_unique(&mut doc.alt_titles, &redirect);
        push_unique(&mut doc.exact_titles, &redirect);
    }
    let mut extra: Vec<String> = Vec::new();
    let mut characters = Vec::new();
    let mut refs = BTreeSet::new();
    for StoredFact { fact, .. } in &view.facts {
        let object = fact.object.as_str();
        match fact.predicate {
            Predicate::Title => push_unique(&mut doc.exact_titles, object),
            Predicate::AlternativeTitle => {
                push_unique(&mut doc.alt_titles, object);
                push_unique(&mut doc.exact_titles, object);
            }
            Predicate::Year => doc.year = doc.year.or_else(|| leading_year(object)),
            Predicate::Genre => {
                doc.facets.push(("genre", object.to_string()));
                extra.push(object.to_string());
            }
            Predicate::CountryOfOrigin => {
                doc.facets.push(("country", object.to_string()));
                extra.push(object.to_string());
            }
            Predicate::OriginalLanguage => {
                doc.facets.push(("language", object.to_string()));
                extra.push(object.to_string());
            }
            p if credits_company(p) => {
                extra.push(object.to_string());
                refs.insert(company_id(object));
            }
            Predicate::FilmingLocation | Predicate::BasedOn | Predicate::InfluencedBy => {
                extra.push(object.to_string());
            }
            Predicate::PartOfSeries | Predicate::Follows | Predicate::FollowedBy => {
                refs.insert(entity_id(EntityKind::Work, fact.object_identity()));
            }
            p if p.is_person_role() => {
                push_unique(&mut doc.people, object);
                doc.facets.push(("person", object.to_string()));
                let person = entity_id(EntityKind::Person, fact.object_identity());
                refs.insert(person.clone());
                if let Some(character) = fact.qualifier("character") {
                    push_unique(&mut doc.characters, character);
                    characters.push((character.to_string(), object.to_string(), person));
                }
            }
            _ => {}
        }
    }
    if doc.year.is_none() {
        doc.year = view
            .facts
            .iter()
            .filter(|f| f.fact.predicate == Predicate::ReleaseDate)
            .find_map(|f| leading_year(&f.fact.object))
            .or_else(|| {
                naming
                    .iter()
                    .find_map(|f| f.fact.qualifier("year").and_then(leading_year))
            });
    }
    if let Some(decade) = doc.year.map(|y| y - y.rem_euclid(10)) {
        doc.facets.push(("decade", format!("{decade}s")));
    }

    // The first sentence the film's own article states about it, for snippets.
    let summary = view
        .facts
        .iter()
        .find(|f| f.fact.source.section == "lead" && f.fact.source.article == name)
        .or_else(|| {
            view.facts
                .iter()
                .find(|f| f.fact.source.section != "infobox")
        })
        .map(|f| f.sentence.trim().to_string())
        .unwrap_or_default();
    let mut body = summary;
    if kind == Kind::Franchise {
        if let Some(franchise) = store.franchise(id)? {
            let works: Vec<String> = franchise
                .works
                .iter()
                .map(|w| match w.year {
                    Some(y) => format!("{} ({y})", w.entity.name),
                    None => w.entity.name.clone(),
                })
                .collect();
            for w in &franchise.works {
                refs.insert(w.entity.id.clone());
            }
            doc.year = franchise.works.iter().find_map(|w| w.year.map(i64::from));
            body = format!("Series of {} works: {}.", works.len(), works.join(", "));
        }
    }
    if !extra.is_empty() {
        extra.dedup();
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&extra.join(", "));
    }
    doc.body = body;
    refs.remove(id);
    doc.refs = refs.into_iter().collect();

    let mut docs = vec![doc.clone()];
    for (character, actor, actor_id) in characters {
        docs.push(Doc {
            kind: Some(Kind::Character),
            id: character_id(id, &character),
            target: id.to_string(),
            title: character.clone(),
            exact_titles: vec![character.clone()],
            people: vec![actor.clone()],
            body: format!("{character}, played by {actor} in {name}."),
            year: doc.year,
            refs: vec![id.to_string(), actor_id],
            weight: 1,
            ..Default::default()
        });
    }
    Ok(docs)
}

/// A person and what they did.
pub(crate) fn person_doc(view: &PersonCredits) -> Doc {
    let mut lines = Distinct::default();
    let mut refs = BTreeSet::new();
    for credit in &view.credits {
        let work = &credit.work;
        refs.insert(entity_id(EntityKind::Work, work));
        let line = match (credit.predicate, &credit.character) {
            (Predicate::CastMember, Some(c)) => format!("Played {c} in {work}"),
            (Predicate::CastMember, None) => format!("Cast in {work}"),
            (p, _) => format!("{} of {work}", role_name(p)),
        };
        lines.push(&line);
    }
    for debut in &view.debuts {
        lines.push(&format!("Debut feature: {debut}"));
        refs.insert(entity_id(EntityKind::Work, debut));
    }
    let name = view.entity.name.clone();
    Doc {
        kind: Some(Kind::Person),
        id: view.entity.id.clone(),
        target: view.entity.id.clone(),
        exact_titles: vec![name.clone()],
        title: name,
        body: lines.join(". "),
        refs: refs.into_iter().collect(),
        weight: (view.credits.len() + view.facts) as u64,
        ..Default::default()
    }
}

/// A company's credit: a production or distribution fact's predicate and
/// the film it names (all a company's document needs of the fact).
pub(crate) type Credit = (Predicate, String);

/// The credit a company fact gives.
pub(crate) fn credit(f: &StoredFact) -> Credit {
    (f.fact.predicate, f.fact.subject.clone())
}

/// A company and the films it produced or distributed.
pub(crate) fn company_doc(name: &str, credits: &[Credit]) -> Option<Doc> {
    if credits.is_empty() {
        return None;
    }
    let mut produced = Distinct::default();
    let mut distributed = Distinct::default();
    let mut refs = BTreeSet::new();
    for (predicate, film) in credits {
        refs.insert(entity_id(EntityKind::Work, film));
        match predicate {
            Predicate::Distributor => distributed.push(film),
            _ => produced.push(film),
        }
    }
    let mut body = Vec::new();
    if !produced.is_empty() {
        body.push(format!("Produced {}", produced.join(", ")));
    }
    if !distributed.is_empty() {
        body.push(format!("Distributed {}", distributed.join(", ")));
    }
    let id = company_id(name);
    Some(Doc {
        kind: Some(Kind::Company),
        target: id.clone(),
        id,
        title: name.to_string(),
        exact_titles: vec![name.to_string()],
        body: body.join(". "),
        refs: refs.into_iter().collect(),
        weight: credits.len() as u64,
        ..Default::default()
    })
}

/// The predicates whose object is a company: production and distribution.
const COMPANY_CREDITS: [Predicate; 2] = [Predicate::ProductionCompany, Predicate::Distributor];

/// Whether a fact of `predicate` credits a company (its object).
pub(crate) fn credits_company(predicate: Predicate) -> bool {
    COMPANY_CREDITS.contains(&predicate)
}

/// The facts that make `name` a company: production and distribution credits.
pub(crate) fn company_facts(store: &dyn Store, name: &str) -> StoreResult<Vec<StoredFact>> {
    let mut out = Vec::new();
    for predicate in COMPANY_CREDITS {
        out.extend(
            store
                .facts(&FactQuery {
                    predicate: Some(predicate),
                    object: Some(name.to_string()),
                    ..Default::default()
                })?
                .facts,
        );
    }
    Ok(out)
}

/// How a role reads in a person's summary.
pub fn role_name(p: Predicate) -> &'static str {
    match p {
        Predicate::Director => "Director",
        Predicate::Screenwriter => "Screenwriter",
        Predicate::Producer => "Producer",
        Predicate::Composer => "Composer",
        Predicate::Cinematographer => "Cinematographer",
        Predicate::Editor => "Editor",
        Predicate::CastMember => "Cast",
        Predicate::Narrator => "Narrator",
        _ => "Credited",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_keeps_the_first_of_each_value_in_order() {
        let mut list = Distinct::default();
        for v in ["b", " a ", "", "b", "c", "a"] {
            list.push(v);
        }
        assert_eq!(list.join(","), "b,a,c");
        assert!(!list.is_empty());
        assert!(Distinct::default().is_empty());
    }

    #[test]
    fn ids_are_stable_slugs() {
        assert_eq!(company_id("Inoxy Films"), "company:inoxy-films");
        assert_eq!(
            character_id("work:lost-bullet-2020-film", "Lino"),
            "character:lost-bullet-2020-film/lino"
        );
        assert_eq!(Kind::parse("franchise"), Some(Kind::Franchise));
    }
}
