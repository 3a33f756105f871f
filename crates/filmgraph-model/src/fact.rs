//! Facts: subject, predicate, object, qualifiers, and where they were read.
//! The JSON form is the one in `shared/FACTS.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Qualifier name -> value, sorted so output is stable.
pub type Qualifiers = BTreeMap<String, String>;

/// One fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: String,
    pub predicate: Predicate,
    pub object: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub qualifiers: Qualifiers,
    pub source: Provenance,
}

/// The qualifier naming the page an object links to, where that page's title
/// is not the object as written (`[[Kenny Baker (English actor)|Kenny
/// Baker]]`): the object's identity.
pub const PAGE: &str = "page";

impl Fact {
    pub fn qualifier(&self, key: &str) -> Option<&str> {
        self.qualifiers.get(key).map(String::as_str)
    }

    /// What the object is, as opposed to how it is written: the page it links
    /// to, else the object itself. Two people named alike but linked to
    /// different pages are two; one person written two ways but linked to
    /// one page is one.
    pub fn object_identity(&self) -> &str {
        self.qualifier(PAGE).unwrap_or(&self.object)
    }
}

/// Where a fact was read: article, section, and the byte range of the sentence
/// or infobox line in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub article: String,
    /// `infobox`, `lead`, or a heading as written.
    pub section: String,
    pub start: usize,
    pub end: usize,
    /// The article's own citations attached there (wikitext `<ref>`s).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Citation>,
}

/// A citation the article itself gives for a statement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Citation {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

macro_rules! predicates {
    ($($variant:ident => $name:literal),+ $(,)?) => {
        /// The kinds of fact filmgraph knows, as listed in `shared/FACTS.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[non_exhaustive]
        pub enum Predicate { $($variant),+ }

        impl Predicate {
            pub const ALL: &'static [Predicate] = &[$(Predicate::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(Predicate::$variant => $name),+ }
            }

            pub fn parse(name: &str) -> Option<Predicate> {
                match name { $($name => Some(Predicate::$variant),)+ _ => None }
            }
        }
    };
}

predicates! {
    Title => "title",
    InstanceOf => "instance_of",
    AlternativeTitle => "alternative_title",
    Year => "year",
    Genre => "genre",
    Director => "director",
    Screenwriter => "screenwriter",
    Producer => "producer",
    Composer => "composer",
    Cinematographer => "cinematographer",
    Editor => "editor",
    CastMember => "cast_member",
    Narrator => "narrator",
    ProductionCompany => "production_company",
    Distributor => "distributor",
    ReleaseDate => "release_date",
    DurationMinutes => "duration_minutes",
    CountryOfOrigin => "country_of_origin",
    OriginalLanguage => "original_language",
    Budget => "budget",
    BoxOffice => "box_office",
    BasedOn => "based_on",
    FilmingLocation => "filming_location",
    InfluencedBy => "influenced_by",
    Follows => "follows",
    FollowedBy => "followed_by",
    PartOfSeries => "part_of_series",
    Review => "review",
    ReviewScore => "review_score",
    Audience => "audience",
    Award => "award",
    DebutFeature => "debut_feature",
}

impl Predicate {
    /// Predicates whose object is a person.
    pub fn is_person_role(self) -> bool {
        matches!(
            self,
            Predicate::Director
                | Predicate::Screenwriter
                | Predicate::Producer
                | Predicate::Composer
                | Predicate::Cinematographer
                | Predicate::Editor
                | Predicate::CastMember
                | Predicate::Narrator
        )
    }

    /// Predicates whose object names something with an identity of its own
    /// (a person, an organisation, a work, a place), which a link pins to a
    /// page.
    pub fn object_is_named(self) -> bool {
        self.is_person_role()
            || matches!(
                self,
                Predicate::ProductionCompany
                    | Predicate::Distributor
                    | Predicate::BasedOn
                    | Predicate::FilmingLocation
                    | Predicate::InfluencedBy
                    | Predicate::Follows
                    | Predicate::FollowedBy
                    | Predicate::PartOfSeries
                    | Predicate::Review
            )
    }

    /// Predicates whose object is a date.
    pub fn is_date(self) -> bool {
        matches!(self, Predicate::ReleaseDate | Predicate::Year)
    }
}

impl fmt::Display for Predicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicate_names_round_trip() {
        for p in Predicate::ALL {
            assert_eq!(Predicate::parse(p.as_str()), Some(*p));
            let json = serde_json::to_string(p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
        }
    }

    #[test]
    fn fact_serialises_in_the_facts_md_form() {
        let fact = Fact {
            subject: "Lost Bullet (2020 film)".into(),
            predicate: Predicate::CastMember,
            object: "Alban Lenoir".into(),
            qualifiers: [("character".to_string(), "Lino".to_string())].into(),
            source: Provenance {
                article: "Lost Bullet (2020 film)".into(),
                section: "Plot".into(),
                start: 1,
                end: 2,
                refs: vec![],
            },
        };
        let json = serde_json::to_string(&fact).unwrap();
        assert_eq!(
            json,
            r#"{"subject":"Lost Bullet (2020 film)","predicate":"cast_member","object":"Alban Lenoir","qualifiers":{"character":"Lino"},"source":{"article":"Lost Bullet (2020 film)","section":"Plot","start":1,"end":2}}"#
        );
        let back: Fact = serde_json::from_str(&json).unwrap();
        assert_eq!(back, fact);
    }
}
