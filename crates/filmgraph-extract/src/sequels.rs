//! Sequels and series: "A sequel, Lost Bullet 2 (French: Balle perdue 2),
//! was released on Netflix in November 2022", "a third film, Last Bullet, was
//! released in 2025", "X is a sequel to Y", "launching a franchise".
//!
//! Works are numbered by their place in the series (the article's film is 1).
//! For the article's film both directions are stated (`followed_by` and the
//! sequel's `follows`); between two other works only `followed_by`, as the
//! article states it.

use crate::context::{quals, Context, Sentence};
use crate::lead::alternative_title;
use crate::quantities::find_dates;
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

const TITLE: &str =
    r"(?:[A-Z0-9][\w'’:.!?&-]*)(?: (?:of|the|and|in|a|an|on|to|for|[A-Z0-9][\w'’:.!?&-]*))*";

static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)[Aa]n? (?P<kind>sequel|follow-up|second film|third film|fourth film|fifth film|sixth film|second installment|third installment|fourth installment|second instalment|third instalment)(?:,| titled| entitled| called) (?P<title>{TITLE})(?: \((?P<alt>[^)]*)\))?"
    ))
    .expect("sequel intro")
});

static SEQUEL_TO: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:is|was|serves as) (?:a|the) (?:direct )?sequel to (?:the (?:\d{{4}} )?(?:film|movie) )?(?:\d{{4}}(?:'s|’s) )?(?P<title>{TITLE})"
    ))
    .expect("sequel to")
});

static PRECEDED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:was|is) (?P<dir>preceded|followed) by (?P<list>[^;.]+)")
        .expect("preceded by")
});

static FRANCHISE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:launching|launched|spawning|spawned|starting|started|beginning|began) (?:a|the|its own) (?:media )?(?:franchise|film series|series)(?-u:\b)").expect("franchise")
});

static IN_SERIES: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|final|last|latest) (?:film|installment|instalment|entry|chapter|part|movie) (?:in|of) the (?P<series>{TITLE}) (?:film )?(?:series|franchise|trilogy|saga)(?-u:\b)"
    ))
    .expect("in series")
});

fn ordinal(kind: &str) -> u32 {
    let first = kind.split(' ').next().unwrap_or(kind);
    match first {
        "sequel" | "follow-up" | "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        _ => 0,
    }
}

/// A title ends before a verb or a trailing "was", and before the words
/// that join it to the rest of the sentence ("Cars and the").
fn trim_title(title: &str) -> &str {
    let mut t = title.trim_end_matches([',', '.', ' ']);
    loop {
        let before = t;
        for tail in [" was", " is", " will", " and", " in", " on", " the", " a"] {
            if let Some(stripped) = t.strip_suffix(tail) {
                t = stripped;
            }
        }
        if t == before {
            return t;
        }
    }
}

/// "the 1992 film Patriot Games" -> ("Patriot Games", None); "Lost Bullet 2
/// (2022)" -> ("Lost Bullet 2", Some("2022")).
fn work_title(item: &str) -> Option<(&str, Option<&str>)> {
    let mut t = item.trim();
    for prefix in ["a sequel, ", "the sequel ", "the ", "a "] {
        t = t.strip_prefix(prefix).unwrap_or(t);
    }
    let mut possessive_year = None;
    if t.len() > 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        let (year, rest) = t.split_at(4);
        if let Some(title) = rest.strip_prefix(' ').filter(|r| !r.is_empty()) {
            t = title;
        } else if let Some(title) = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("’s "))
        {
            // "1939's Daughters Courageous": the year the work came out.
            possessive_year = Some(year);
            t = title;
        }
    }
    for prefix in ["film ", "movie ", "sequel "] {
        t = t.strip_prefix(prefix).unwrap_or(t);
    }
    let (title, year) = match (t.rsplit_once(" ("), t.rsplit_once(" in ")) {
        (Some((title, rest)), _) if rest.len() == 5 && rest.ends_with(')') => {
            (title, Some(&rest[..4]))
        }
        // "followed by Second Night in 2004"
        (_, Some((title, y))) if crate::lexicon::is_year(y.trim_end_matches(['.', ','])) => {
            (title, Some(&y[..4]))
        }
        _ => (t, possessive_year),
    };
    // Stray wiki quotes around a title ("''Second Night''").
    let title = trim_title(title.trim_matches(['\'', '"']));
    title
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        .then_some((title, year))
}

/// Words one of which every pattern here needs: sentences without any are
/// passed over without running the patterns. One search for all of them
/// (the regex engine looks for a set of literals at once), not one each.
static TRIGGERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "sequel|follow-up|nd film|rd film|th film|install|instalment|preceded|followed|franchise|series|trilogy|saga",
    )
    .expect("trigger words")
});

pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    if !TRIGGERS.is_match(text) {
        return;
    }
    let film = ctx.film.clone();
    let intros: Vec<_> = INTRO.captures_iter(text).collect();
    for (n, c) in intros.iter().enumerate() {
        let whole = c.get(0).expect("match");
        let clause_end = intros
            .get(n + 1)
            .map_or(text.len(), |next| next.get(0).expect("match").start());
        let clause = &text[whole.end()..clause_end];
        let title = trim_title(c.name("title").expect("title").as_str());
        if title.is_empty() || title == ctx.shown {
            continue;
        }
        let place = ordinal(c.name("kind").expect("kind").as_str());
        if !ctx.works.iter().any(|(_, t)| t == title) {
            ctx.works.push((place, title.to_string()));
        }
        // Its release, if this clause says when.
        let released = clause.find("released").or_else(|| clause.find("premiered"));
        let date = released.and_then(|at| find_dates(&clause[at..]).into_iter().next());
        let year = date.as_ref().map(|d| d.year().to_string());
        if let Some(d) = &date {
            let platform = clause
                .split_once(" on ")
                .map(|(_, p)| p)
                .and_then(crate::names::leading_name)
                .filter(|p| crate::lexicon::month_number(p).is_none());
            let q = quals([("platform", platform)]);
            ctx.sentence_fact(s, title, Predicate::ReleaseDate, &d.iso, q);
        }
        if let Some(alt) = c.name("alt") {
            if let Some((alt_title, lang)) = alternative_title(alt.as_str(), None) {
                let q = quals([("language", lang.as_deref())]);
                ctx.sentence_fact(s, title, Predicate::AlternativeTitle, &alt_title, q);
            }
        }
        let previous = if place == 2 {
            Some(film.clone())
        } else {
            ctx.works
                .iter()
                .find(|(p, _)| *p + 1 == place && *p > 0)
                .map(|(_, t)| t.clone())
        };
        if let Some(prev) = previous {
            let q = quals([("year", year.as_deref())]);
            ctx.sentence_fact(s, &prev, Predicate::FollowedBy, title, q);
            if prev == film {
                ctx.sentence_fact(s, title, Predicate::Follows, &film, quals([]));
            }
        }
    }

    if let Some(c) = SEQUEL_TO.captures(text) {
        let before = &text[..c.get(0).expect("match").start()];
        let prequel = trim_title(c.name("title").expect("title").as_str());
        // "a sequel to Annabelle and 2017's Annabelle: Creation": the last
        // named is the one just before.
        let prequel = prequel
            .rsplit_once(" and ")
            .and_then(|(_, last)| work_title(last))
            .filter(|(_, year)| year.is_some())
            .map_or(prequel, |(title, _)| title);
        if ctx.names_film(before) && !prequel.is_empty() && prequel != ctx.shown {
            ctx.sentence_fact(s, &film, Predicate::Follows, prequel, quals([]));
            ctx.sentence_fact(s, prequel, Predicate::FollowedBy, &film, quals([]));
        }
    }

    // "It was preceded by the 1990 film A and the 1992 film B": the last named
    // comes just before; "It was followed by C (2022)": C comes just after.
    if let Some(c) = PRECEDED.captures(text) {
        let whole = c.get(0).expect("match");
        if ctx.names_film(&text[..whole.start()]) {
            let preceded = &c["dir"] == "preceded";
            let list = crate::production::noun_phrase(&c["list"]);
            let titles: Vec<(&str, Option<&str>)> = crate::names::split_list(list)
                .into_iter()
                .filter_map(|(a, b)| work_title(&list[a..b]))
                .collect();
            let next = if preceded {
                titles.last()
            } else {
                titles.first()
            };
            if let Some(&(title, year)) = next.filter(|(t, _)| *t != ctx.shown) {
                if preceded {
                    ctx.sentence_fact(s, &film, Predicate::Follows, title, quals([]));
                } else {
                    let q = quals([("year", year)]);
                    ctx.sentence_fact(s, &film, Predicate::FollowedBy, title, q);
                }
            }
        }
    }

    if FRANCHISE.is_match(text) && ctx.names_film(text) {
        let series = ctx.shown.clone();
        ctx.sentence_fact(s, &film, Predicate::PartOfSeries, &series, quals([]));
    }
    if let Some(c) = IN_SERIES.captures(text) {
        let series = trim_title(c.name("series").expect("series").as_str());
        if !series.is_empty() && ctx.names_film(&text[..c.get(0).expect("match").start()]) {
            ctx.sentence_fact(s, &film, Predicate::PartOfSeries, series, quals([]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_a_possessive_year() {
        assert_eq!(
            work_title("1939's Daughters Courageous"),
            Some(("Daughters Courageous", Some("1939")))
        );
        assert_eq!(trim_title("Cars and the"), "Cars");
    }

    #[test]
    fn titles_lose_trailing_verbs() {
        assert_eq!(trim_title("Lost Bullet 2,"), "Lost Bullet 2");
        assert_eq!(trim_title("Last Bullet was"), "Last Bullet");
    }

    #[test]
    fn intro_reads_title_and_alternative() {
        let t = "A sequel, Lost Bullet 2 (French: Balle perdue 2), was released on Netflix in November 2022.";
        let c = INTRO.captures(t).unwrap();
        assert_eq!(trim_title(&c["title"]), "Lost Bullet 2");
        assert_eq!(&c["alt"], "French: Balle perdue 2");
        assert_eq!(ordinal(&c["kind"]), 2);
    }
}
