//! What the API returns and the pages show, built from the store's views:
//! facts with their citations, grouped the way a reader looks for them.

use crate::error::{ApiError, ApiResult};
use filmgraph_model::{strip_disambiguation, Citation, Predicate};
use filmgraph_store::{
    entity_id, object_kind, EntityKind, FactQuery, FilmView, FranchiseView, PersonView, Store,
    StoredFact,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// A link to another page: an entity's id and name.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub id: String,
    pub title: String,
}

/// One fact with where it was read.
#[derive(Debug, Clone, Serialize)]
pub struct FactOut {
    pub subject: String,
    pub subject_id: String,
    pub predicate: &'static str,
    pub object: String,
    /// The film, work, franchise or person the object names, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object_id: Option<String>,
    pub qualifiers: BTreeMap<String, String>,
    pub citation: CitationOut,
}

/// Where a fact was read: the article, its section, the sentence and its
/// byte span in the article's input.
#[derive(Debug, Clone, Serialize)]
pub struct CitationOut {
    pub article: String,
    pub section: String,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Citation>,
}

impl CitationOut {
    /// The UI page that shows the sentence within its section.
    pub fn href(&self) -> String {
        format!(
            "/citation?article={}&start={}&end={}",
            encode(&self.article),
            self.start,
            self.end
        )
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl FactOut {
    pub fn new(f: &StoredFact, subject_id: &str) -> FactOut {
        let fact = &f.fact;
        FactOut {
            subject: fact.subject.clone(),
            subject_id: subject_id.to_string(),
            predicate: fact.predicate.as_str(),
            object: fact.object.clone(),
            object_id: object_kind(fact.predicate)
                .map(|kind| entity_id(kind, fact.object_identity())),
            qualifiers: fact.qualifiers.clone(),
            citation: CitationOut {
                article: fact.source.article.clone(),
                section: fact.source.section.clone(),
                sentence: f.sentence.clone(),
                start: fact.source.start,
                end: fact.source.end,
                refs: fact.source.refs.clone(),
            },
        }
    }

    pub fn qualifier(&self, key: &str) -> Option<&str> {
        self.qualifiers.get(key).map(String::as_str)
    }

    /// The UI page the object links to, if it names an entity.
    pub fn object_href(&self) -> Option<String> {
        let id = self.object_id.as_ref()?;
        Some(if self.predicate == Predicate::PartOfSeries.as_str() {
            format!("/franchises/{id}")
        } else {
            href(id)
        })
    }
}

/// The UI page of an entity id.
pub fn href(id: &str) -> String {
    if id.starts_with("person:") {
        format!("/people/{id}")
    } else {
        format!("/films/{id}")
    }
}

/// Facts of one kind, as a film page shows them.
#[derive(Debug, Clone, Serialize)]
pub struct FactGroup {
    pub key: &'static str,
    pub label: &'static str,
    pub facts: Vec<FactOut>,
}

/// The groups of a film page, in order, and the predicates each holds.
const GROUPS: &[(&str, &str, &[Predicate])] = &[
    (
        "about",
        "About",
        &[
            Predicate::Title,
            Predicate::InstanceOf,
            Predicate::AlternativeTitle,
            Predicate::Genre,
            Predicate::Year,
            Predicate::DurationMinutes,
            Predicate::CountryOfOrigin,
            Predicate::OriginalLanguage,
        ],
    ),
    (
        "credits",
        "Credits",
        &[
            Predicate::Director,
            Predicate::Screenwriter,
            Predicate::Producer,
            Predicate::Composer,
            Predicate::Cinematographer,
            Predicate::Editor,
            Predicate::Narrator,
            Predicate::CastMember,
        ],
    ),
    (
        "production",
        "Production",
        &[
            Predicate::ProductionCompany,
            Predicate::Distributor,
            Predicate::Budget,
            Predicate::BasedOn,
        ],
    ),
    ("release", "Release", &[Predicate::ReleaseDate]),
    (
        "reception",
        "Reception",
        &[
            Predicate::Review,
            Predicate::ReviewScore,
            Predicate::BoxOffice,
            Predicate::Award,
        ],
    ),
    ("audience", "Audience", &[Predicate::Audience]),
    ("locations", "Locations", &[Predicate::FilmingLocation]),
    ("influences", "Influences", &[Predicate::InfluencedBy]),
    (
        "sequels",
        "Sequels and series",
        &[
            Predicate::Follows,
            Predicate::FollowedBy,
            Predicate::PartOfSeries,
        ],
    ),
];

fn group_facts(facts: Vec<FactOut>) -> Vec<FactGroup> {
    let mut groups: Vec<FactGroup> = GROUPS
        .iter()
        .map(|(key, label, _)| FactGroup {
            key,
            label,
            facts: Vec::new(),
        })
        .collect();
    let mut other = Vec::new();
    for fact in facts {
        let slot = GROUPS
            .iter()
            .position(|(_, _, ps)| ps.iter().any(|p| p.as_str() == fact.predicate));
        match slot {
            Some(i) => groups[i].facts.push(fact),
            None => other.push(fact),
        }
    }
    groups.push(FactGroup {
        key: "other",
        label: "Other",
        facts: other,
    });
    groups.retain(|g| !g.facts.is_empty());
    groups
}

/// A film (or other work) with its facts grouped.
#[derive(Debug, Clone, Serialize)]
pub struct FilmOut {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    /// The title to show: the display title, else the title without its
    /// disambiguation.
    pub display_title: String,
    pub year: Option<i32>,
    pub article: Option<ArticleOut>,
    /// The franchise page it belongs to, if any.
    pub franchise: Option<Link>,
    pub groups: Vec<FactGroup>,
    /// Facts its article states about other works (a sequel's release).
    pub related: Vec<FactOut>,
    /// Titles that redirect to its article in the dumps ingested.
    pub redirects: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleOut {
    pub title: String,
    pub source_path: String,
    pub ingested_at: String,
}

impl FilmOut {
    pub fn facts(&self, key: &str) -> Vec<&FactOut> {
        self.groups
            .iter()
            .filter(|g| g.key == key)
            .flat_map(|g| &g.facts)
            .collect()
    }

    pub fn load(store: &dyn Store, id: &str) -> ApiResult<FilmOut> {
        let view = store
            .film_by_id(id)?
            .ok_or_else(|| ApiError::NotFound(format!("no film with id {id}")))?;
        Ok(FilmOut::from_view(store, view)?)
    }

    fn from_view(store: &dyn Store, view: FilmView) -> filmgraph_store::Result<FilmOut> {
        let id = view.entity.id.clone();
        let facts: Vec<FactOut> = view.facts.iter().map(|f| FactOut::new(f, &id)).collect();
        let display_title = facts
            .iter()
            .find(|f| f.predicate == Predicate::Title.as_str())
            .map(|f| f.object.clone())
            .or_else(|| view.article.as_ref().and_then(|a| a.display_title.clone()))
            .unwrap_or_else(|| strip_disambiguation(&view.entity.name).to_string());
        let year = year_of(&view.facts);
        let has = |p: Predicate| facts.iter().any(|f| f.predicate == p.as_str());
        let franchise = match facts
            .iter()
            .find(|f| f.predicate == Predicate::PartOfSeries.as_str())
        {
            Some(series) => Some(Link {
                id: series.object_id.clone().unwrap_or_default(),
                title: series.object.clone(),
            }),
            None if has(Predicate::Follows) || has(Predicate::FollowedBy) => Some(Link {
                id: id.clone(),
                title: format!("{display_title} and sequels"),
            }),
            None => {
                let naming = store.facts(&FactQuery {
                    object_id: Some(id.clone()),
                    predicate: Some(Predicate::FollowedBy),
                    limit: Some(1),
                    ..Default::default()
                })?;
                (naming.total > 0).then(|| Link {
                    id: id.clone(),
                    title: format!("{display_title} and its series"),
                })
            }
        };
        let redirects = match &view.article {
            Some(_) => store.redirects_to(&view.entity.name)?,
            None => Vec::new(),
        };
        let related = view
            .related
            .iter()
            .map(|f| FactOut::new(f, &entity_id(EntityKind::Work, &f.fact.subject)))
            .collect();
        Ok(FilmOut {
            kind: match view.entity.kind {
                EntityKind::Film => "film",
                _ => "work",
            },
            title: view.entity.name.clone(),
            display_title,
            year,
            article: view.article.map(|a| ArticleOut {
                title: a.title,
                source_path: a.source_path,
                ingested_at: a.ingested_at,
            }),
            franchise,
            groups: group_facts(facts),
            related,
            redirects,
            id,
        })
    }
}

/// A work's year: its `year` fact, else its first release date.
fn year_of(facts: &[StoredFact]) -> Option<i32> {
    let leading = |s: &str| s.get(..4).and_then(|y| y.parse().ok());
    facts
        .iter()
        .filter(|f| f.fact.predicate == Predicate::Year)
        .chain(
            facts
                .iter()
                .filter(|f| f.fact.predicate == Predicate::ReleaseDate),
        )
        .find_map(|f| leading(&f.fact.object))
}

/// A person's films, each with the roles they had.
#[derive(Debug, Clone, Serialize)]
pub struct PersonOut {
    pub id: String,
    pub name: String,
    pub filmography: Vec<CreditOut>,
    /// Their first feature film, where an article says so.
    pub debut: Vec<FactOut>,
    /// Other facts about them.
    pub facts: Vec<FactOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CreditOut {
    pub film: Link,
    pub year: Option<i32>,
    pub roles: Vec<RoleOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleOut {
    /// The predicate: `director`, `cast_member`...
    pub role: &'static str,
    /// How it reads: `Director`, `Cast`...
    pub label: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub character: Option<String>,
    pub citation: CitationOut,
}

impl PersonOut {
    pub fn load(store: &dyn Store, id: &str) -> ApiResult<PersonOut> {
        let view = store
            .person_by_id(id)?
            .ok_or_else(|| ApiError::NotFound(format!("no person with id {id}")))?;
        Ok(PersonOut::from_view(store, view)?)
    }

    fn from_view(store: &dyn Store, view: PersonView) -> filmgraph_store::Result<PersonOut> {
        let mut filmography: Vec<CreditOut> = Vec::new();
        for f in &view.credits {
            let film_id = entity_id(EntityKind::Work, &f.fact.subject);
            let out = FactOut::new(f, &film_id);
            let role = RoleOut {
                role: out.predicate,
                label: filmgraph_index::role_name(f.fact.predicate),
                character: out.qualifier("character").map(str::to_string),
                citation: out.citation,
            };
            match filmography.iter_mut().find(|c| c.film.id == film_id) {
                Some(credit) => credit.roles.push(role),
                None => {
                    let years = store.facts(&FactQuery {
                        subject_id: Some(film_id.clone()),
                        predicate: Some(Predicate::Year),
                        limit: Some(1),
                        ..Default::default()
                    })?;
                    filmography.push(CreditOut {
                        film: Link {
                            id: film_id,
                            title: f.fact.subject.clone(),
                        },
                        year: year_of(&years.facts),
                        roles: vec![role],
                    });
                }
            }
        }
        filmography.sort_by(|a, b| {
            (a.year.is_none(), a.year, &a.film.title).cmp(&(
                b.year.is_none(),
                b.year,
                &b.film.title,
            ))
        });
        let id = view.entity.id.clone();
        let (debut, facts) = view
            .facts
            .iter()
            .map(|f| FactOut::new(f, &id))
            .partition(|f| f.predicate == Predicate::DebutFeature.as_str());
        Ok(PersonOut {
            name: view.entity.name,
            id,
            filmography,
            debut,
            facts,
        })
    }
}

/// A franchise's works in order.
#[derive(Debug, Clone, Serialize)]
pub struct FranchiseOut {
    pub id: String,
    pub title: String,
    pub works: Vec<FranchiseWorkOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FranchiseWorkOut {
    pub id: String,
    pub title: String,
    pub year: Option<i32>,
    /// Whether an article about it was ingested (else it is known only from
    /// other articles).
    pub facts: Vec<FactOut>,
}

impl FranchiseOut {
    pub fn load(store: &dyn Store, id: &str) -> ApiResult<FranchiseOut> {
        let view: FranchiseView = store
            .franchise(id)?
            .ok_or_else(|| ApiError::NotFound(format!("no franchise with id {id}")))?;
        Ok(FranchiseOut {
            id: view.entity.id,
            title: view.entity.name,
            works: view
                .works
                .into_iter()
                .map(|w| FranchiseWorkOut {
                    facts: w
                        .facts
                        .iter()
                        .map(|f| FactOut::new(f, &w.entity.id))
                        .collect(),
                    id: w.entity.id,
                    title: w.entity.name,
                    year: w.year,
                })
                .collect(),
        })
    }
}

/// An id as given in a URL: `work:…` and `person:…` as they are; a bare slug
/// gets the namespace `default` (`lost-bullet-2020-film` is a work).
pub fn full_id(id: &str, namespace: &str) -> String {
    if id.contains(':') {
        id.to_string()
    } else {
        format!("{namespace}:{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_percent_encoded() {
        assert_eq!(
            encode("Lost Bullet (2020 film)"),
            "Lost%20Bullet%20%282020%20film%29"
        );
        assert_eq!(encode("Amélie&x"), "Am%C3%A9lie%26x");
    }

    #[test]
    fn bare_slugs_get_a_namespace() {
        assert_eq!(full_id("amelie", "work"), "work:amelie");
        assert_eq!(full_id("person:x", "work"), "person:x");
    }
}
