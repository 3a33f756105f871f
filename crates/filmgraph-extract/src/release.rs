//! Releases and audiences: "released on Netflix globally on June 19, 2020",
//! "premiered at the Cannes Film Festival on 20 May 2019", "watched more than
//! 37 million times in the first month of its release".

use crate::context::{quals, Context, Sentence};
use crate::lexicon;
use crate::quantities::{find_amounts, find_dates};
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

static RELEASED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:released|premiered|opened|debuted|was screened|was shown|(?:had|has|will have) its (?:[\w-]+ ){0,2}premiere)(?-u:\b)",
    )
    .expect("release verbs")
});

static PLATFORM: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:on|via|through) (?:Region \d+ )?(?P<p>(?:[A-Z][\w+'-]*)(?: (?:[A-Z][\w+'-]*|\+))*)",
    )
    .expect("platform")
});

static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)at the (?P<v>(?:\d{4} )?(?:[A-Z][\w'.-]*)(?: (?:of|de|du|the|by Southwest|[A-Z][\w'.-]*|\d+\w*))*)",
    )
    .expect("venue")
});

static REGION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)in (?:the )?(?P<r>[A-Z][\w.]*(?: [A-Z][\w.]*)*)")
        .expect("region")
});

/// Sections where "it was released" speaks of the film itself (not of its
/// soundtrack, merchandise or a later home-media edition).
pub fn is_release_section(s: &Sentence<'_>) -> bool {
    s.section == filmgraph_model::LEAD
        || s.in_section(&[
            "release",
            "premiere",
            "distribution",
            "box office",
            "theatrical",
            "reception",
            "production",
            "history",
            "background",
            "broadcast",
            "screening",
            "streaming",
        ]) && !s.in_section(&[
            "home media",
            "soundtrack",
            "merchandise",
            "music",
            "video game",
        ])
}

/// Home-media and soundtrack releases name no distributor of the film.
fn is_secondary_release(clause: &str) -> bool {
    let lower = clause.to_lowercase();
    [
        "dvd",
        "blu-ray",
        "vhs",
        "home media",
        "home video",
        "soundtrack",
        "album",
        "records",
        "4k",
        "laserdisc",
        "video on demand",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Words that are not platforms though they follow "on".
fn is_platform(name: &str) -> bool {
    lexicon::month_number(name.split(' ').next().unwrap_or("")).is_none()
        && !matches!(
            name,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "Christmas"
                | "Christmas Day"
                | "Halloween"
                | "Thanksgiving"
        )
        && !name.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Whether the words before a date make it a plan given up, not the
/// release: "its original 2012 release date", "was originally scheduled
/// for", "initially planned". Only the words since the last "but" count:
/// "initially planned for theatres but was instead released on DVD on ..."
/// dates the release. A date a film "is scheduled to be released on" is its
/// release as far as the article knows, and "originally released" is one.
fn is_planned(clause: &str, date_start: usize) -> bool {
    // ASCII folding keeps every byte where it was, so `date_start`, an
    // offset into `clause`, is one into `lower` too ("İ" lower-cased in full
    // takes a byte more).
    let lower = clause.to_ascii_lowercase();
    let end = date_start.min(lower.len());
    // The words near the date: at most the 100 bytes before it.
    let mut near = end.saturating_sub(100);
    while !lower.is_char_boundary(near) {
        near += 1;
    }
    let from = [" but ", ", finally", " until "]
        .iter()
        .filter_map(|w| lower[..end].rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0)
        .max(near);
    let before = &lower[from..end];
    let plan_words = [
        "scheduled",
        "planned",
        "slated",
        "set for",
        "to be released",
        "release date",
        "meant",
        "intended",
    ];
    let given_up = before
        .match_indices("original")
        .chain(before.match_indices("initially"))
        .any(|(at, _)| {
            // The words from "originally" on, into the date ("original 2012
            // release date").
            let next: String = lower[from + at..].chars().take(40).collect();
            plan_words.iter().any(|w| next.contains(w))
        });
    given_up
        || [
            "had been scheduled",
            "had been planned",
            "moved from",
            "pushed back from",
            "postponed from",
            "delayed from",
        ]
        .iter()
        .any(|w| before.contains(w))
}

/// The qualifiers of a release read from the words around its date.
fn release_qualifiers(clause: &str) -> filmgraph_model::Qualifiers {
    let lower = clause.to_lowercase();
    let platform = PLATFORM
        .captures_iter(clause)
        .filter_map(|c| c.name("p"))
        .map(|m| m.as_str())
        .find(|p| is_platform(p));
    let venue = VENUE
        .captures(clause)
        .and_then(|c| c.name("v"))
        .map(|m| m.as_str().trim_end_matches('.'));
    let region = if [
        "globally",
        "worldwide",
        "internationally",
        "around the world",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        Some("worldwide")
    } else {
        REGION
            .captures_iter(clause)
            .filter_map(|c| c.name("r"))
            .map(|m| m.as_str())
            .find(|r| lexicon::is_country(r))
            .map(lexicon::canonical_region)
    };
    quals([("region", region), ("platform", platform), ("venue", venue)])
}

/// Release dates of the article's film.
pub fn extract_release(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    for clause in s.text.split("; ") {
        // "had its world premiere at ... on July 7, 2021, and was released
        // ... on July 23, 2021, by Amazon Studios": each verb dates its own.
        let verbs: Vec<_> = RELEASED.find_iter(clause).collect();
        for (k, verb) in verbs.iter().enumerate() {
            let since = k.checked_sub(1).map_or(0, |prev| verbs[prev].end());
            let until = verbs.get(k + 1).map_or(clause.len(), |next| next.start());
            release_clause(ctx, s, &film, clause, since, verb.start(), until);
        }
    }
}

/// The release a verb of `clause` states: what it is about lies before the
/// verb (from `since`, the previous verb's end), the dates, places and
/// distributor after it (up to `until`, the next verb's start).
fn release_clause(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    clause: &str,
    since: usize,
    verb_start: usize,
    until: usize,
) {
    let before = &clause[..verb_start];
    // A clause introducing another work ("A sequel, X, was released") is
    // read by the sequels rules.
    let lower = clause[since..verb_start].to_lowercase();
    if lower.contains("sequel") || lower.contains("prequel") || lower.contains("remake") {
        return;
    }
    // "A trailer for the film was released": something else about it.
    if [
        "trailer",
        "teaser",
        "poster",
        "first look",
        "soundtrack",
        "album",
        "song",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return;
    }
    if !ctx.names_film(before) {
        return;
    }
    let after = &clause[verb_start..until];
    // Stop at the next clause about something else.
    let after = after.split(", and ").next().unwrap_or(after);
    // A year in an event's name ("the 2008 Cannes Film Festival") dates
    // the premiere, unless the full date follows ("... on May 18, 2008").
    let venues: Vec<_> = VENUE
        .captures_iter(after)
        .filter_map(|c| c.name("v"))
        .map(|m| m.range())
        .collect();
    let found = find_dates(after);
    let dates: Vec<_> = found
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            let Some(venue) = venues.iter().find(|v| v.start <= d.start && d.end <= v.end) else {
                return true;
            };
            !found.get(i + 1).is_some_and(|next| {
                next.year() == d.year() && next.start.saturating_sub(venue.end) < 12
            })
        })
        .map(|(_, d)| d.clone())
        .collect();
    let q = release_qualifiers(after);
    if let Some(p) = q.get("platform") {
        ctx.release_platform.get_or_insert_with(|| p.clone());
    }
    // Each date is qualified by the words since the date before it:
    // "first released in March 1985, then on DVD in 2002". The last
    // takes the words after it too ("on June 19, 2020, on Netflix").
    let mut from = 0;
    for (i, d) in dates.iter().enumerate() {
        let to = if i + 1 == dates.len() {
            after.len()
        } else {
            d.end
        };
        let words = &after[from..to];
        from = d.end;
        if is_planned(clause, verb_start + d.start) {
            continue;
        }
        let q = if dates.len() == 1 {
            q.clone()
        } else {
            release_qualifiers(words)
        };
        ctx.sentence_fact(s, film, Predicate::ReleaseDate, &d.iso, q);
    }
    // "... on August 11, 2017, by Open Road Films": the distributor (not
    // the "by" of "South by Southwest").
    let by = after
        .match_indices(" by ")
        .map(|(at, m)| at + m.len())
        .find(|at| !venues.iter().any(|v| v.start < *at && *at < v.end))
        .filter(|_| !is_secondary_release(after));
    // "in color by Technicolor", "photographed by ...", "at South by
    // Southwest": no release's "by".
    let by = by.filter(|at| {
        let word = after[..at - 4].rsplit(' ').next().unwrap_or("");
        !matches!(
            word,
            "color" | "colour" | "sound" | "photographed" | "processed" | "South"
        )
    });
    if let Some(companies) = by.and_then(|at| crate::credits::company_name(&after[at..])) {
        // "by Amazon Studios and Annapurna Pictures": two.
        for company in companies.split(" and ") {
            let rest = &after[crate::context::offset_in(after, company) + company.len()..];
            if is_distributor_name(company, rest) {
                ctx.sentence_fact(s, film, Predicate::Distributor, company, quals([]));
            }
        }
    }
}

static AUDIENCE_VERB: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?-u:\b)(?P<verb>watched|viewed|streamed|seen by|views|viewers|viewings|tickets|admissions|households|spectators)(?-u:\b)").expect("audience verbs")
});

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:in|within|during|over) (?:the |its )?(?P<p>(?:first|opening) (?:\w+ )?(?:month|week|weekend|day|year|days|weeks|months)|\d+ (?:days|weeks|months))(?-u:\b)").expect("period")
});

static COMPANY_RELEASED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"^(?P<c>(?:[A-Z][\w.&'-]*)(?: (?:[A-Z][\w.&'-]*|of|&))*) (?:released|distributed) (?:the film|it)(?-u:\b)").expect("company released")
});

static ACQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?-u:\b)(?:acquired by|a (?:\d{4} )?(?:[\w/-]+ ){0,5}film from) (?P<c>(?:[A-Z][\w.&'-]*)(?: (?:[A-Z][\w.&'-]*|of|&))*)").expect("acquired by")
});

/// Whether a name after "released by" or "acquired by" names a company:
/// one with a company's word ("Pictures", "Releasing"), or one word that is
/// no date or nationality and that the clause ends after ("by FilmRise,",
/// "by A24 for"; not "by Christmas", "by American studio United Artists",
/// "by Legend 44 Productions"). `rest` is the text after the name. A
/// festival is none.
fn is_distributor_name(name: &str, rest: &str) -> bool {
    let ends = rest.is_empty()
        || rest.starts_with([',', '.', ';', ')'])
        || [" for ", " in ", " on ", " and "]
            .iter()
            .any(|w| rest.starts_with(w));
    let one_word = !name.contains(' ')
        && ends
        && is_platform(name)
        && !lexicon::is_nationality(name)
        && !name.ends_with('!');
    !name.contains("Festival") && (crate::credits::is_company(name) || one_word)
}

/// "Universal Pictures released the film on August 22, 1997"; "it was
/// acquired by A24 for U.S. distribution"; in the lead, "a 1994 American
/// superhero film from Universal Pictures".
pub fn extract_distributor(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    if is_secondary_release(s.text) {
        return;
    }
    let film = ctx.film.clone();
    if let Some(c) = COMPANY_RELEASED.captures(s.text) {
        let company = &c["c"];
        if crate::credits::is_company(company) {
            ctx.sentence_fact(s, &film, Predicate::Distributor, company, quals([]));
        }
    }
    for c in ACQUIRED.captures_iter(s.text) {
        let whole = c.get(0).expect("match");
        let from = whole.as_str().ends_with(&c["c"]) && whole.as_str().contains(" film from ");
        // "film from X" defines the film in its lead; "acquired by X" is
        // the film's when the words before name it or its rights.
        let before = &s.text[..whole.start()];
        let about_film = if from {
            s.section == filmgraph_model::LEAD
        } else {
            ctx.names_film(before) || before.contains("rights")
        };
        let company = c.name("c").expect("company");
        let rest = &s.text[company.end()..];
        let company = company.as_str().trim_end_matches('.');
        if about_film && is_distributor_name(company, rest) {
            ctx.sentence_fact(s, &film, Predicate::Distributor, company, quals([]));
        }
    }
}

/// Audience figures of the article's film.
pub fn extract_audience(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let Some(verb) = AUDIENCE_VERB.captures(text) else {
        return;
    };
    let verb_m = verb.name("verb").expect("verb group");
    if !ctx.names_film(&text[..verb_m.start()]) && !ctx.names_film(text) {
        return;
    }
    let dates = find_dates(text);
    let amount = find_amounts(text).into_iter().find(|a| {
        let overlaps_date = dates.iter().any(|d| a.start < d.end && d.start < a.end);
        let scaled = text[a.start..a.end].chars().any(char::is_alphabetic);
        !overlaps_date && (scaled || a.value.len() >= 4) && a.start.abs_diff(verb_m.start()) < 60
    });
    let Some(amount) = amount else {
        return;
    };
    // Money is box office, not audience.
    if crate::currency::currency_before(&text[..amount.start]).is_some() {
        return;
    }
    let measure = match verb_m.as_str().to_lowercase().as_str() {
        "watched" | "viewed" | "streamed" | "views" | "viewings" => "views",
        "seen by" | "viewers" | "spectators" => "viewers",
        "tickets" | "admissions" => "tickets",
        "households" => "households",
        _ => "views",
    };
    let before = text[..amount.start].trim_end().to_lowercase();
    let bound = if before.ends_with("more than") || before.ends_with("over") {
        Some("more than")
    } else if [
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
        "roughly",
        "some",
    ]
    .iter()
    .any(|w| before.ends_with(w))
    {
        Some("about")
    } else if before.ends_with("at least") {
        Some("at least")
    } else {
        None
    };
    let period = PERIOD
        .captures(text)
        .and_then(|c| c.name("p"))
        .map(|m| m.as_str());
    let platform = PLATFORM
        .captures_iter(text)
        .filter_map(|c| c.name("p"))
        .map(|m| m.as_str().to_string())
        .find(|p| is_platform(p))
        .or_else(|| ctx.release_platform.clone());
    let q = quals([
        ("measure", Some(measure)),
        ("bound", bound),
        ("period", period),
        ("platform", platform.as_deref()),
    ]);
    let film = ctx.film.clone();
    ctx.sentence_fact(s, &film, Predicate::Audience, &amount.value, q);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_is_read_whatever_letters_come_before_the_date() {
        let clause = "The film İ was originally scheduled for «May 9, 2008»";
        let at = clause.find("May").expect("date");
        assert!(is_planned(clause, at));
    }

    #[test]
    fn qualifiers_of_a_release() {
        let q = release_qualifiers("released on Netflix globally on June 19, 2020");
        assert_eq!(q.get("platform").map(String::as_str), Some("Netflix"));
        assert_eq!(q.get("region").map(String::as_str), Some("worldwide"));
        let q = release_qualifiers("premiered at the Cannes Film Festival on 20 May 2019");
        assert_eq!(
            q.get("venue").map(String::as_str),
            Some("Cannes Film Festival")
        );
        let q = release_qualifiers("released in France on 1 May 2020");
        assert_eq!(q.get("region").map(String::as_str), Some("France"));
        assert!(!q.contains_key("platform"));
    }
}
