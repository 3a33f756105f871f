//! Production facts: where the film was shot ("entirely filmed in the
//! Mediterranean port city of Sète, Languedoc, France"), what influenced it
//! ("influenced by Paul Greengrass' The Bourne Supremacy"), and whose first
//! feature it was ("It was Pierret's first feature film").

use crate::context::{quals, Context, Sentence};
use crate::lexicon;
use crate::names::strip_possessive;
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

static FILMED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:filmed|shot|filming took place|filming was done|principal photography (?:took place|began|started|commenced|occurred)|photography took place|shooting took place)(?: (?:entirely|mostly|primarily|largely|mainly|partly|partially|exclusively|principally|on location))*(?: on location)? (?:in|at) (?P<np>[^.;]+)").expect("filmed")
});

static INFLUENCE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:influenced by|inspired by|an homage to|a homage to|pays homage to|paid homage to|drew on|drew upon|drew from|drew inspiration from|took inspiration from|draws on|draws inspiration from)\s+(?P<np>[^.;]+)").expect("influence")
});

static DEBUT: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?P<who>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*?)(?:'s|’s|'|’) (?:first feature(?:-length)?(?: film)?|feature(?:-length)? (?:film )?debut|directorial debut|feature directorial debut|debut feature(?: film)?)").expect("debut")
});

static DEBUT_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:marks?|marked|was|is) the (?:feature(?:-length)? )?(?:film |directorial |feature directorial )?debut of (?P<who>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*)").expect("debut of")
});

/// Cuts a noun phrase at the start of the next clause: a comma followed by a
/// word in lower case other than `and`/`the`/`a`.
pub(crate) fn noun_phrase(np: &str) -> &str {
    let mut from = 0;
    while let Some(rel) = np[from..].find(", ") {
        let at = from + rel;
        let next = np[at + 2..].split(' ').next().unwrap_or("");
        if next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(next, "and" | "the" | "a" | "an")
        {
            return &np[..at];
        }
        from = at + 2;
    }
    np
}

pub fn extract_locations(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    for c in FILMED.captures_iter(s.text) {
        let np = noun_phrase(c.name("np").expect("np").as_str());
        // "the Mediterranean port city of Sète, ..." -> "Sète, ..."
        let np = if np.starts_with(|c: char| c.is_lowercase()) {
            match np.find(" of ") {
                Some(p) if np[p + 4..].starts_with(|c: char| c.is_uppercase()) => &np[p + 4..],
                _ => continue,
            }
        } else {
            np
        };
        for place in np.split(" and ") {
            let parts: Vec<&str> = place
                .split(", ")
                .map(|p| p.trim().trim_end_matches(','))
                // "(... re-shot in California)": the parenthesis closes.
                .map(|p| match p.contains('(') {
                    true => p,
                    false => p.trim_end_matches(')'),
                })
                .take_while(|p| is_place_name(p))
                .collect();
            let Some((first, rest)) = parts.split_first() else {
                continue;
            };
            let (country, regions) = match rest.split_last() {
                Some((last, middle)) if lexicon::is_country(last) => {
                    (Some(lexicon::canonical_region(last)), middle)
                }
                _ => (None, rest),
            };
            let region = regions.first().copied();
            let q = quals([("region", region), ("country", country)]);
            ctx.sentence_fact(s, &film, Predicate::FilmingLocation, first, q);
        }
    }
}

/// "Sète", "Los Angeles", "New York City": capitalised words only.
fn is_place_name(p: &str) -> bool {
    !p.is_empty()
        && p.split(' ').count() <= 5
        && p.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || matches!(w, "de" | "of" | "the")
        })
}

static COPRODUCTION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)co-?production (?:between|of|from) (?P<list>[^.;:()]+)")
        .expect("co-production")
});

/// "An international co-production of Italy and the United States": the
/// countries the film is from.
pub fn extract_coproduction(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    if !s.text.contains("production") {
        return;
    }
    let Some(c) = COPRODUCTION.captures(s.text) else {
        return;
    };
    if !ctx.names_film(s.text) {
        return;
    }
    let film = ctx.film.clone();
    let list = noun_phrase(c.name("list").expect("list").as_str());
    for (a, b) in crate::names::split_list(list) {
        let item = list[a..b].trim().trim_start_matches("the ");
        if lexicon::is_country(item) {
            let country = lexicon::canonical_region(item);
            ctx.sentence_fact(s, &film, Predicate::CountryOfOrigin, country, quals([]));
        }
    }
}

pub fn extract_influences(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    let mut read: Vec<String> = Vec::new();
    for c in INFLUENCE.captures_iter(s.text) {
        let np = without_relative_clause(noun_phrase(c.name("np").expect("np").as_str()));
        // Cut at a participle clause ("..., admiring"); what is said in
        // parentheses is passed over ("Flash Gordon (1939–1940) and ...").
        let conjuncts = outside_parentheses(np)
            .into_iter()
            .flat_map(|p| p.split(", "))
            .flat_map(|p| p.split(" and "));
        for conjunct in conjuncts {
            let conjunct = conjunct.trim();
            if [
                "his ", "her ", "their ", "its ", "a true", "the true", "real",
            ]
            .iter()
            .any(|p| conjunct.starts_with(p))
            {
                continue;
            }
            let Some(run) = last_title_run(conjunct) else {
                continue;
            };
            // A title cut by "and" or "with" inside it is the link it lies
            // in: "The Hero with a Thousand Faces".
            let title = match linked_title(s, run) {
                Some(label) => label,
                None if modifies_a_noun(conjunct, run)
                    || run.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    continue
                }
                None => run,
            };
            if title != ctx.shown
                && !lexicon::is_country(title)
                && !lexicon::is_nationality(title)
                && !read.iter().any(|r| r == title)
            {
                read.push(title.to_string());
                ctx.sentence_fact(s, &film, Predicate::InfluencedBy, title, quals([]));
            }
        }
    }
}

/// The pieces of a text outside its parentheses.
fn outside_parentheses(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut depth, mut from) = (0usize, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    pieces.push(&text[from..i]);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    from = i + 1;
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        pieces.push(&text[from..]);
    }
    pieces
}

/// A noun phrase without the clause that describes it: "John Huston's
/// Reflections in a Golden Eye in a scene in which ...".
fn without_relative_clause(np: &str) -> &str {
    [
        " who ",
        " which ",
        " where ",
        " when ",
        " in a scene",
        " but ",
    ]
    .iter()
    .filter_map(|cut| np.find(cut))
    .min()
    .map_or(np, |at| &np[..at])
}

/// Whether the capitalised words are an adjective before a noun in lower
/// case ("the 1960s comic books", "Western spy fiction", "the Port of
/// Oakland container cranes"), not a title; "the Mad Max films" names one.
fn modifies_a_noun(conjunct: &str, run: &str) -> bool {
    const WORKS: &[&str] = &[
        "film",
        "films",
        "movie",
        "movies",
        "series",
        "franchise",
        "trilogy",
        "saga",
        "novel",
        "novels",
        "book",
        "books",
        "comic",
        "comics",
        "play",
        "plays",
        "story",
        "stories",
        "novella",
        "manga",
        "anime",
        "show",
        "shows",
        "song",
        "songs",
        "album",
        "poem",
        "video",
        "game",
        "games",
        "painting",
        "paintings",
        "musical",
        "opera",
        "legend",
        "myth",
        "case",
        "trial",
        "murders",
        "murder",
    ];
    let after = conjunct
        .get(crate::context::offset_in(conjunct, run) + run.len()..)
        .unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches([',', '.']);
    next.starts_with(char::is_lowercase) && !WORKS.contains(&next)
}

/// The label of the link that `run` (a piece of the sentence) lies in,
/// where the label is longer than the run.
fn linked_title<'s>(s: &Sentence<'s>, run: &str) -> Option<&'s str> {
    let at = s.start + crate::context::offset_in(s.text, run);
    s.links()
        .iter()
        .find(|l| l.at <= at && at + run.len() <= l.at + l.label.len())
        .and_then(|l| s.paragraph.text.get(l.at..l.at + l.label.len()))
        .filter(|label| label.len() > run.len())
}

/// The last run of capitalised words, after any possessive owner:
/// "Paul Greengrass' The Bourne Supremacy" -> "The Bourne Supremacy",
/// "the vehicle combat of the Mad Max films" -> "Mad Max".
fn last_title_run(text: &str) -> Option<&str> {
    const JOINERS: &[&str] = &["of", "the", "and", "in", "a", "on", "to"];
    let words: Vec<&str> = text.split(' ').collect();
    let is_cap = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            // "It's a Wonderful Life": "It's" is "it is", no owner's.
            && (!strip_possessive(w).1 || matches!(w, "It's" | "It’s"))
    };
    let end = words.iter().rposition(|w| is_cap(w))?;
    let mut start = end;
    let mut i = end;
    while i > 0 {
        let w = words[i - 1];
        if is_cap(w) {
            start = i - 1;
            i -= 1;
            continue;
        }
        // Joiners inside a title: "The Lord of the Rings".
        let mut j = i - 1;
        while j > 0 && JOINERS.contains(&words[j]) {
            j -= 1;
        }
        if j < i - 1 && JOINERS.contains(&words[j + 1]) && is_cap(words[j]) {
            start = j;
            i = j;
            continue;
        }
        break;
    }
    let byte_start: usize = words[..start].iter().map(|w| w.len() + 1).sum();
    let byte_len: usize = words[start..=end]
        .iter()
        .map(|w| w.len() + 1)
        .sum::<usize>()
        - 1;
    let run = text[byte_start..byte_start + byte_len].trim_end_matches([',', '.', ')']);
    (!run.is_empty()).then_some(run)
}

pub fn extract_debut(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    // Both patterns need one of these words.
    if !text.contains("debut") && !text.contains("first feature") {
        return;
    }
    let film = ctx.film.clone();
    let who = DEBUT
        .captures(text)
        .filter(|c| ctx.names_film(&text[..c.get(0).expect("m").start()]))
        .or_else(|| DEBUT_OF.captures(text).filter(|_| ctx.names_film(text)))
        .and_then(|c| c.name("who").map(|m| m.as_str().to_string()));
    let Some(who) = who else {
        return;
    };
    let who = who
        .trim_start_matches("Director ")
        .trim_start_matches("director ");
    let Some(person) = ctx.resolve_person(who) else {
        return;
    };
    ctx.sentence_fact(s, &person, Predicate::DebutFeature, &film, quals([]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_runs() {
        assert_eq!(
            last_title_run("Paul Greengrass' The Bourne Supremacy"),
            Some("The Bourne Supremacy")
        );
        assert_eq!(
            last_title_run("the US television series The Shield"),
            Some("The Shield")
        );
        assert_eq!(
            last_title_run("the vehicle combat of the Mad Max films"),
            Some("Mad Max")
        );
        assert_eq!(
            last_title_run("Chris Marker's 1962 short film La Jetée"),
            Some("La Jetée")
        );
        assert_eq!(
            last_title_run("the works of The Lord of the Rings"),
            Some("The Lord of the Rings")
        );
        assert_eq!(last_title_run("nothing here"), None);
    }

    #[test]
    fn noun_phrases_end_at_a_new_clause() {
        assert_eq!(noun_phrase("A and B, admiring them"), "A and B");
        assert_eq!(
            noun_phrase("Sète, Languedoc, France"),
            "Sète, Languedoc, France"
        );
    }
}
