//! How `show` lays out a film or a person: one fact a line, each with its
//! citation (section and the cited sentence, shortened).

use filmgraph_model::{Fact, Predicate};
use filmgraph_store::{FilmView, PersonView, StoredFact};
use std::fmt::Write;

/// The longest citation shown, in characters.
const CITATION_CHARS: usize = 90;

/// The groups a film's facts are shown in, in order. Facts of predicates in no
/// group are shown last, under "Other".
const GROUPS: &[(&str, &[Predicate])] = &[
    (
        "",
        &[
            Predicate::Title,
            Predicate::InstanceOf,
            Predicate::AlternativeTitle,
            Predicate::Year,
            Predicate::Genre,
            Predicate::CountryOfOrigin,
            Predicate::OriginalLanguage,
            Predicate::DurationMinutes,
            Predicate::BasedOn,
        ],
    ),
    (
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
            Predicate::ProductionCompany,
            Predicate::Distributor,
        ],
    ),
    (
        "Production",
        &[
            Predicate::FilmingLocation,
            Predicate::InfluencedBy,
            Predicate::Budget,
        ],
    ),
    (
        "Release",
        &[
            Predicate::ReleaseDate,
            Predicate::Audience,
            Predicate::BoxOffice,
        ],
    ),
    (
        "Reception",
        &[Predicate::Review, Predicate::ReviewScore, Predicate::Award],
    ),
    (
        "Sequels and series",
        &[
            Predicate::Follows,
            Predicate::FollowedBy,
            Predicate::PartOfSeries,
        ],
    ),
];

/// A film with its facts; `redirects` are the titles that redirect to it.
pub fn film(view: &FilmView, redirects: &[String]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", view.entity.name);
    match &view.article {
        Some(article) => {
            let _ = writeln!(
                out,
                "  from {}, ingested {}",
                article.source_path, article.ingested_at
            );
        }
        None => {
            let _ = writeln!(out, "  known only from other articles");
        }
    }
    if !redirects.is_empty() {
        let _ = writeln!(out, "  also titled (redirects): {}", redirects.join("; "));
    }
    if view.facts.is_empty() {
        let _ = writeln!(out, "  no facts stored about it");
    }
    let mut shown = vec![false; view.facts.len()];
    for (heading, predicates) in GROUPS {
        let mut lines = Vec::new();
        for predicate in *predicates {
            for (i, f) in view.facts.iter().enumerate() {
                if f.fact.predicate == *predicate {
                    shown[i] = true;
                    lines.push(fact_line(f, true));
                }
            }
        }
        section(&mut out, heading, &lines);
    }
    let rest: Vec<String> = view
        .facts
        .iter()
        .zip(&shown)
        .filter(|(_, shown)| !**shown)
        .map(|(f, _)| fact_line(f, true))
        .collect();
    section(&mut out, "Other", &rest);

    // What its article says about other works and people, by subject.
    for subject in subjects(&view.related) {
        let lines: Vec<String> = view
            .related
            .iter()
            .filter(|f| f.fact.subject == subject)
            .map(|f| fact_line(f, true))
            .collect();
        section(&mut out, &format!("About {subject}"), &lines);
    }
    out
}

pub fn person(view: &PersonView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", view.entity.name);
    let works = subjects(&view.credits);
    let _ = writeln!(
        out,
        "  credited in {} {}",
        works.len(),
        if works.len() == 1 { "work" } else { "works" }
    );
    for work in works {
        let lines: Vec<String> = view
            .credits
            .iter()
            .filter(|f| f.fact.subject == work)
            .map(|f| fact_line(f, false))
            .collect();
        section(&mut out, &work, &lines);
    }
    let lines: Vec<String> = view.facts.iter().map(|f| fact_line(f, true)).collect();
    section(&mut out, "Facts", &lines);
    out
}

/// A blank line, the heading (if any) and the lines, indented under it.
fn section(out: &mut String, heading: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    out.push('\n');
    let indent = if heading.is_empty() {
        ""
    } else {
        let _ = writeln!(out, "{heading}");
        "  "
    };
    for line in lines {
        let _ = writeln!(out, "{indent}{line}");
    }
}

/// Distinct subjects in order of first appearance.
fn subjects(facts: &[StoredFact]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for f in facts {
        if !seen.contains(&f.fact.subject) {
            seen.push(f.fact.subject.clone());
        }
    }
    seen
}

/// `Cast member: Alban Lenoir as Lino  [Plot: "Lino (Alban Lenoir), a mechanic…"]`;
/// without the object where the reader already knows it (a person's credits).
fn fact_line(stored: &StoredFact, with_object: bool) -> String {
    let fact = &stored.fact;
    let mut line = label(fact.predicate);
    if with_object {
        line.push_str(": ");
        line.push_str(&fact.object);
    }
    line.push_str(&qualifiers(fact));
    let _ = write!(
        line,
        "  [{}: \"{}\"]",
        fact.source.section,
        shorten(&stored.sentence, &fact.object, CITATION_CHARS)
    );
    line
}

/// `cast_member` -> `Cast member`.
fn label(predicate: Predicate) -> String {
    let words = predicate.as_str().replace('_', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// ` as Lino`, ` (region: France, platform: Netflix)`. A review's quote is left
/// to the citation, which shows the sentence it is in.
fn qualifiers(fact: &Fact) -> String {
    let mut out = String::new();
    if let Some(character) = fact.qualifier("character") {
        let _ = write!(out, " as {character}");
    }
    let rest: Vec<String> = fact
        .qualifiers
        .iter()
        .filter(|(k, _)| *k != "character" && *k != "quote")
        .map(|(k, v)| format!("{k}: {v}"))
        .collect();
    if !rest.is_empty() {
        let _ = write!(out, " ({})", rest.join(", "));
    }
    out
}

/// The sentence on one line, at most `max` characters, cut around `focus` where
/// it occurs, with `…` where text was left out.
fn shorten(sentence: &str, focus: &str, max: usize) -> String {
    let text = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= max {
        return text;
    }
    let focus_at = text
        .find(focus)
        .filter(|_| !focus.is_empty())
        .map_or(0, |byte| text[..byte].chars().count());
    let start = focus_at.saturating_sub(max / 3).min(chars.len() - max);
    let end = start + max;
    let mut window: &[char] = &chars[start..end];
    // Where the window cuts a word, leave the piece out.
    if start > 0 {
        if let Some(space) = window.iter().position(|c| *c == ' ') {
            window = &window[space + 1..];
        }
    }
    if end < chars.len() {
        if let Some(space) = window.iter().rposition(|c| *c == ' ') {
            window = &window[..space];
        }
    }
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        window.iter().collect::<String>(),
        if end < chars.len() { "…" } else { "" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use filmgraph_model::Provenance;
    use filmgraph_store::{ArticleSummary, Entity, EntityKind};

    fn stored(
        subject: &str,
        predicate: Predicate,
        object: &str,
        section: &str,
        sentence: &str,
    ) -> StoredFact {
        StoredFact {
            fact: Fact {
                subject: subject.into(),
                predicate,
                object: object.into(),
                qualifiers: Default::default(),
                source: Provenance {
                    article: "Lost Bullet (2020 film)".into(),
                    section: section.into(),
                    start: 0,
                    end: sentence.len(),
                    refs: vec![],
                },
            },
            sentence: sentence.into(),
        }
    }

    #[test]
    fn a_film_is_shown_in_groups_with_citations() {
        let title = "Lost Bullet (2020 film)";
        let mut cast = stored(
            title,
            Predicate::CastMember,
            "Alban Lenoir",
            "Plot",
            "Lino (Alban Lenoir), a mechanic, builds an armoured Renault Clio to smash into a jewelry store to rob it.",
        );
        cast.fact
            .qualifiers
            .insert("character".into(), "Lino".into());
        let view = FilmView {
            entity: Entity {
                id: "work:lost-bullet-2020-film".into(),
                kind: EntityKind::Film,
                name: title.into(),
            },
            article: Some(ArticleSummary {
                title: title.into(),
                display_title: Some("Lost Bullet".into()),
                source_path: "samples/articles/lost_bullet_2020.txt".into(),
                content_hash: "0".into(),
                ingested_at: "2026-01-01T00:00:00Z".into(),
            }),
            facts: vec![
                cast,
                stored(
                    title,
                    Predicate::Year,
                    "2020",
                    "lead",
                    "Lost Bullet is a 2020 film.",
                ),
                stored(
                    title,
                    Predicate::FollowedBy,
                    "Lost Bullet 2",
                    "Sequels",
                    "A sequel, Lost Bullet 2, was released.",
                ),
                stored(title, Predicate::DebutFeature, "x", "lead", "Odd."),
            ],
            related: vec![stored(
                "Lost Bullet 2",
                Predicate::ReleaseDate,
                "2022-11",
                "Sequels",
                "A sequel, Lost Bullet 2, was released on Netflix in November 2022.",
            )],
        };
        let expected = r#"Lost Bullet (2020 film)
  from samples/articles/lost_bullet_2020.txt, ingested 2026-01-01T00:00:00Z

Year: 2020  [lead: "Lost Bullet is a 2020 film."]

Credits
  Cast member: Alban Lenoir as Lino  [Plot: "Lino (Alban Lenoir), a mechanic, builds an armoured Renault Clio to smash into a jewelry…"]

Sequels and series
  Followed by: Lost Bullet 2  [Sequels: "A sequel, Lost Bullet 2, was released."]

Other
  Debut feature: x  [lead: "Odd."]

About Lost Bullet 2
  Release date: 2022-11  [Sequels: "A sequel, Lost Bullet 2, was released on Netflix in November 2022."]
"#;
        assert_eq!(film(&view, &[]), expected);
    }

    #[test]
    fn a_person_is_shown_by_work() {
        let view = PersonView {
            entity: Entity {
                id: "person:alban-lenoir".into(),
                kind: EntityKind::Person,
                name: "Alban Lenoir".into(),
            },
            credits: vec![
                stored(
                    "Lost Bullet (2020 film)",
                    Predicate::Screenwriter,
                    "Alban Lenoir",
                    "infobox",
                    "- Writer: Guillaume Pierret, Alban Lenoir",
                ),
                stored(
                    "Lost Bullet 2",
                    Predicate::CastMember,
                    "Alban Lenoir",
                    "lead",
                    "It stars Alban Lenoir.",
                ),
            ],
            facts: vec![],
        };
        let expected = r#"Alban Lenoir
  credited in 2 works

Lost Bullet (2020 film)
  Screenwriter  [infobox: "- Writer: Guillaume Pierret, Alban Lenoir"]

Lost Bullet 2
  Cast member  [lead: "It stars Alban Lenoir."]
"#;
        assert_eq!(person(&view), expected);
    }

    #[test]
    fn long_sentences_are_cut_around_the_object() {
        let sentence = "Writing in The New York Times, Elisabeth Vincentelli called the film an \"impressively lean French thriller wastes nothing in its quest to deliver the goods\", saying that a sequel \"can't come quickly enough\".";
        let short = shorten(sentence, "thriller", 50);
        assert_eq!(short, "…lean French thriller wastes nothing in its…");
        let end = shorten(sentence, "sequel", 60);
        assert_eq!(
            end,
            "…goods\", saying that a sequel \"can't come quickly enough\"."
        );
        assert_eq!(shorten("Short\n  one.", "x", 60), "Short one.");
        // Text without spaces is cut at characters, never inside one.
        let accents = "é".repeat(100);
        assert_eq!(shorten(&accents, "", 10), format!("{}…", "é".repeat(10)));
    }

    #[test]
    fn qualifiers_read_as_prose() {
        let mut f = stored("F", Predicate::ReleaseDate, "2020-06-19", "Release", "s");
        f.fact
            .qualifiers
            .insert("platform".into(), "Netflix".into());
        f.fact
            .qualifiers
            .insert("region".into(), "worldwide".into());
        assert_eq!(
            fact_line(&f, true),
            "Release date: 2020-06-19 (platform: Netflix, region: worldwide)  [Release: \"s\"]"
        );
    }
}
