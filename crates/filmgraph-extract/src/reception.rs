//! Reviews: the outlet, the critic, the quote and its polarity, from
//! sentences like "Jordan Mintzer of The Hollywood Reporter described it as
//! "..."", "Writing in The New York Times, Elisabeth Vincentelli called the
//! film "..."", "Kenneth Lowe, writing in Paste, called it "..."".
//! Aggregate scores: "Rotten Tomatoes ... approval rating of 92% based on 25
//! reviews", "Metacritic ... score of 61 out of 100", "CinemaScore ... "A−"".

use crate::context::{quals, Context, Sentence};
use crate::lexicon::{NEGATIVE, POSITIVE};
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

const PERSON: &str = r"[A-Z][\w'’.-]+(?: (?:de |van |von |del |da )?[A-Z][\w'’.-]+){1,3}";
const OUTLET: &str = r"(?:The |the )?[A-Z][\w'’.&-]*(?: (?:of|and|&|[A-Z][\w'’.&-]*))*";

static PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // Writing in The New York Times, Elisabeth Vincentelli
        format!(r"[Ww]riting (?:in|for) (?P<outlet>{OUTLET}), (?P<critic>{PERSON})"),
        // Kenneth Lowe, writing in Paste,
        format!(r"(?P<critic>{PERSON}), writing (?:in|for) (?P<outlet>{OUTLET})"),
        // Jordan Mintzer of The Hollywood Reporter
        format!(r"(?P<critic>{PERSON}) (?:of|from|at) (?P<outlet>{OUTLET})"),
        // Elisabeth Vincentelli (The New York Times)
        format!(r"(?P<critic>{PERSON}) \((?P<outlet>{OUTLET})\)"),
        // The Hollywood Reporter's Jordan Mintzer / Variety critic Peter Debruge
        format!(
            r"(?P<outlet>{OUTLET})(?:'s|’s| critic| film critic| reviewer) (?P<critic>{PERSON})"
        ),
    ]
    .iter()
    .map(|p| crate::pattern::compile(p).expect("review pattern"))
    .collect()
});

/// The first quotation in `text` of 3 to 600 characters, in straight or
/// curly double quotes: the byte range of what is quoted.
fn first_quote(text: &str) -> Option<std::ops::Range<usize>> {
    for (open, c) in text.char_indices() {
        let close = match c {
            '"' => '"',
            '“' => '”',
            _ => continue,
        };
        let start = open + c.len_utf8();
        let Some(len) = text[start..].find(close) else {
            continue;
        };
        let chars = text[start..start + len].chars().count();
        if (3..=600).contains(&chars) {
            return Some(start..start + len);
        }
    }
    None
}

static OUTLET_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"^(?:In (?:a|his|her|its) [\w ]*review,? )?(?P<outlet>{OUTLET}) (?:called|described|praised|wrote|said|named|dismissed|panned)"
    ))
    .expect("outlet only")
});

/// Whether a sentence's section is about reception.
pub fn is_reception_section(s: &Sentence<'_>) -> bool {
    s.in_section(&["reception", "review", "response", "critic"])
}

pub fn extract_review(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let Some(quoted) = first_quote(text) else {
        return;
    };
    let before_quote = &text[..quoted.start];
    let mut found = None;
    for re in PATTERNS.iter() {
        if let Some(c) = re.captures(before_quote) {
            let outlet = clean_outlet(c.name("outlet").expect("outlet").as_str());
            let critic = c.name("critic").expect("critic").as_str();
            if outlet.is_empty()
                || ctx.find_title(outlet).is_some()
                || ctx.find_title(critic).is_some()
            {
                continue;
            }
            found = Some((outlet.to_string(), Some(critic.to_string())));
            break;
        }
    }
    if found.is_none() {
        if let Some(c) = OUTLET_ONLY.captures(before_quote) {
            let outlet = clean_outlet(c.name("outlet").expect("outlet").as_str());
            if !outlet.is_empty() && ctx.find_title(outlet).is_none() && outlet != "The film" {
                found = Some((outlet.to_string(), None));
            }
        }
    }
    let Some((outlet, critic)) = found else {
        return;
    };
    let polarity = polarity(text);
    let film = ctx.film.clone();
    let q = quals([
        ("critic", critic.as_deref()),
        ("polarity", Some(polarity)),
        ("quote", Some(&text[quoted])),
    ]);
    ctx.sentence_fact(s, &film, Predicate::Review, &outlet, q);
}

/// "The Hollywood Reporter described" -> "The Hollywood Reporter".
fn clean_outlet(outlet: &str) -> &str {
    let mut o = outlet.trim().trim_end_matches([',', '.']);
    for tail in [" and", " of", " &"] {
        o = o.strip_suffix(tail).unwrap_or(o);
    }
    if matches!(o, "It" | "He" | "She" | "They" | "In" | "The" | "A") {
        return "";
    }
    o
}

/// `positive`, `negative` or `mixed`, from the review's own words.
pub fn polarity(text: &str) -> &'static str {
    let lower = text.to_lowercase();
    if lower.contains("mixed review") || lower.contains("mixed-to") {
        return "mixed";
    }
    if lower.contains("negative review") || lower.contains("more negative") {
        return "negative";
    }
    if lower.contains("positive review") || lower.contains("more positive") {
        return "positive";
    }
    let words: Vec<String> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(str::to_string)
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    let (pos, neg) = (count(POSITIVE), count(NEGATIVE));
    let negated = ["not ", "n't ", "never ", "nothing "]
        .iter()
        .any(|n| lower.contains(n));
    match (pos, neg) {
        (p, n) if p > n && !(negated && n > 0) => "positive",
        (p, n) if n > p => "negative",
        (p, n) if p == n && p > 0 => "mixed",
        _ if negated => "negative",
        _ => "positive",
    }
}

static ROTTEN: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?P<score>\d{1,3}%)(?:[^.]*?based on (?P<count>\d[\d,]*) (?:critic )?reviews)?(?:[^.]*?average (?:rating|score) of (?P<avg>\d+(?:\.\d+)?/10))?").expect("rt")
});

static METACRITIC: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?:score|metascore) of (?P<score>\d{1,3})(?: out of 100)?(?:[^.]*?based on (?P<count>\d+) critics)?").expect("mc")
});

static CINEMASCORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r#"(?:grade|rating) of "(?P<grade>[A-F][+\-−–]?)""#)
        .expect("cinemascore")
});

pub fn extract_scores(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let film = ctx.film.clone();
    if text.contains("Rotten Tomatoes") {
        if let Some(c) = ROTTEN.captures(text) {
            let score = &c["score"];
            let count = c.name("count").map(|m| m.as_str().replace(',', ""));
            let q = quals([
                ("aggregator", Some("Rotten Tomatoes")),
                ("measure", Some("approval")),
                ("count", count.as_deref()),
            ]);
            ctx.sentence_fact(s, &film, Predicate::ReviewScore, score, q);
            if let Some(avg) = c.name("avg") {
                let q = quals([
                    ("aggregator", Some("Rotten Tomatoes")),
                    ("measure", Some("average")),
                    ("count", count.as_deref()),
                ]);
                ctx.sentence_fact(s, &film, Predicate::ReviewScore, avg.as_str(), q);
            }
        }
    }
    if text.contains("Metacritic") {
        if let Some(c) = METACRITIC.captures(text) {
            let count = c.name("count").map(|m| m.as_str());
            let q = quals([
                ("aggregator", Some("Metacritic")),
                ("measure", Some("metascore")),
                ("count", count),
            ]);
            ctx.sentence_fact(s, &film, Predicate::ReviewScore, &c["score"], q);
        }
    }
    if text.contains("CinemaScore") {
        if let Some(c) = CINEMASCORE.captures(text) {
            let grade = c["grade"].replace(['−', '–'], "-");
            let q = quals([
                ("aggregator", Some("CinemaScore")),
                ("measure", Some("grade")),
            ]);
            ctx.sentence_fact(s, &film, Predicate::ReviewScore, &grade, q);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polarity_from_words() {
        assert_eq!(
            polarity("called it \"probably one of the best action movies\""),
            "positive"
        );
        assert_eq!(
            polarity("In a more negative review, he called it \"a bland, thin vehicle\""),
            "negative"
        );
        assert_eq!(polarity("\"a forgettable, formulaic film\""), "negative");
    }

    #[test]
    fn first_quotes_of_three_to_six_hundred_characters() {
        let quoted = |t: &str| first_quote(t).map(|r| t[r].to_string());
        assert_eq!(
            quoted("He called it \"a romp\" and \"fun\"").as_deref(),
            Some("a romp")
        );
        assert_eq!(quoted("“Bold” she said").as_deref(), Some("Bold"));
        // Too short: the next opener is tried ("ab" is two characters).
        assert_eq!(
            quoted("\"ab\" then “a real quote”").as_deref(),
            Some("a real quote")
        );
        assert_eq!(quoted(&format!("\"{}\"", "x".repeat(601))), None);
        assert_eq!(quoted("no quotes"), None);
        assert_eq!(quoted("unclosed \"quote here"), None);
    }
}
