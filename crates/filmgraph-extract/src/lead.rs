//! The lead's defining sentence: "X (Alt) is a 2020 French action thriller
//! film ..." gives the title's alternatives, the kind of work, its year,
//! countries and genre. Credits in the same sentence are read by
//! [`crate::credits`].

use crate::context::{quals, Context, Sentence};
use crate::lexicon;
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^(?P<pre>.*?)(?-u:\b)(?:is|was|are)\s+(?:an?|the)\s+(?P<np>[^.;:]{0,160}?)(?-u:\b)(?P<head>film|movie|documentary|motion picture|picture|feature|short|cartoon|anime)s?(?-u:\b)(?P<after> \w+)?",
    )
    .expect("definition pattern")
});

/// The same, for a phrase headed by a genre word: "a 2007 romantic musical comedy".
static GENRE_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(
        r"^(?P<pre>.*?)(?-u:\b)(?:is|was|are)\s+(?:an?|the)\s+(?P<np>[^.;:]{0,160}?)(?-u:\b)(?P<head>mockumentary|rockumentary|comedy-drama|comedy|drama|thriller|western|musical|romance|melodrama|satire)s?(?-u:\b)(?P<after> \w+)?",
    )
    .expect("genre definition pattern")
});

/// Kinds of work that are not films, though their phrase may hold a genre word.
const NOT_FILMS: &[&str] = &[
    "novel",
    "play",
    "book",
    "album",
    "series",
    "miniseries",
    "song",
    "game",
    "comic",
    "opera",
    "episode",
    "special",
    "single",
    "podcast",
    "show",
    "sitcom",
];

/// Genre words that head the defining phrase themselves ("a 2007 romantic
/// musical comedy"): they belong to the genre.
const GENRE_HEADS: &[&str] = &[
    "mockumentary",
    "rockumentary",
    "comedy-drama",
    "comedy",
    "drama",
    "thriller",
    "western",
    "romance",
    "melodrama",
    "satire",
];

/// Abbreviations whose period does not end the defining phrase.
const ABBREVIATIONS: &[&str] = &[
    "Bros.", "U.S.", "U.K.", "Inc.", "Co.", "Corp.", "Ltd.", "St.",
];

/// `text` with the periods of [`ABBREVIATIONS`] written as `_` (one byte
/// for one, so offsets stay), where a lower-case word follows.
fn mask_abbreviations(text: &str) -> std::borrow::Cow<'_, str> {
    let mut masked: Option<Vec<u8>> = None;
    for abbr in ABBREVIATIONS {
        for (at, _) in text.match_indices(abbr) {
            let end = at + abbr.len();
            let starts_word = at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric();
            let lower_next = text[end..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_lowercase()));
            if starts_word && lower_next {
                let bytes = masked.get_or_insert_with(|| text.as_bytes().to_vec());
                for b in &mut bytes[at..end] {
                    if *b == b'.' {
                        *b = b'_';
                    }
                }
            }
        }
    }
    match masked {
        // Only ASCII periods were replaced by ASCII: still UTF-8.
        Some(bytes) => {
            String::from_utf8(bytes).map_or(std::borrow::Cow::Borrowed(text), Into::into)
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

/// Words of a company's name that name no company alone.
const GENERIC_COMPANY_WORDS: &[&str] = &[
    "TV",
    "Television",
    "Film",
    "Films",
    "International",
    "Independent",
    "Feature",
    "Features",
    "Animation",
    "Animated",
    "Studio",
    "Studios",
    "Cinema",
    "Network",
    "Media",
    "Northern",
    "Southern",
];

/// A colour process or a screen format ("Technicolor", "Trucolor",
/// "CinemaScope"): no studio.
fn colour_or_format(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.ends_with("color") || lower.ends_with("colour") || word.contains("Scope")
}

/// The studio a defining phrase names: a run of capitalised words that ends
/// on a company's word ("Metro-Goldwyn-Mayer", "Warner Bros.", "RKO Radio
/// Pictures", "20th Century Fox"); not a colour process ("a Warner Color
/// feature") or a channel's label ("a Disney Channel Original").
fn studio_in(np: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = np
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    // "20th Century Fox", not "a 15-part Columbia Pictures serial".
    let ordinal = |w: &str| {
        let digits = w.trim_start_matches(|c: char| c.is_ascii_digit());
        digits.len() < w.len() && matches!(digits, "st" | "nd" | "rd" | "th")
    };
    let capital = |w: &str| {
        (w.starts_with(char::is_uppercase) || ordinal(w))
            // "a Pre-Code Paramount Pictures film", "a Walt Disney-produced film"
            && w != "Pre-Code"
            && !w.contains("-produced")
            && !lexicon::is_nationality(w)
            && !lexicon::is_year(w)
            && !w.ends_with("-language")
            // "a 1952 Technicolor 20th Century Fox film": a colour process
            // or a screen format, no studio.
            && !colour_or_format(w)
    };
    let mut k = 0;
    while k < words.len() {
        if !capital(words[k].1) {
            k += 1;
            continue;
        }
        let first = k;
        while k < words.len() && capital(words[k].1) {
            k += 1;
        }
        let (start, _) = words[first];
        let (last_at, last) = words[k - 1];
        let run = &np[start..last_at + last.len()];
        let ends_on_company =
            crate::credits::is_company(last) || last == "Fox" && run.contains("Century");
        // "a TV film", "an Independent Film production": words any company
        // may bear, naming none; "a Marx Brothers film": a comedy team.
        let generic = run.split(' ').all(|w| GENERIC_COMPANY_WORDS.contains(&w));
        let team = last == "Brothers" && run != "Warner Brothers";
        // "a Dominican Republic film": a country; the studio is "Republic" alone.
        let country = last == "Republic" && run != "Republic" || lexicon::is_country(run);
        if ends_on_company && !run.ends_with(',') && !generic && !team && !country {
            return Some(run);
        }
    }
    None
}

/// Reads the defining sentence, if `s` is one. Returns whether it was.
pub fn extract_definition(ctx: &mut Context<'_>, s: &Sentence<'_>) -> bool {
    // "a 1933 American pre-Code Warner Bros. musical film": the phrase
    // stops at a sentence's period, not at an abbreviation's.
    let masked = mask_abbreviations(s.text);
    let Some(c) = DEFINITION
        .captures(&masked)
        .or_else(|| GENRE_DEFINITION.captures(&masked))
    else {
        return false;
    };
    // The masked text has the same bytes but for the periods: read the
    // original at the same places.
    let part = |name: &str| c.name(name).map_or("", |m| &s.text[m.range()]);
    let pre = part("pre");
    let np = part("np");
    // The subject must be the film: its title, or "It"/"The film".
    let words_in_np = np.split_whitespace().count();
    // The defining sentence opens the lead, or names the film by its title:
    // a later "It is a 2010 film" in an article about a person is about
    // something else.
    let opens_lead = s.index == 0 && s.section == "lead";
    if words_in_np > 10 || !(opens_lead || ctx.find_title(pre).is_some()) {
        return false;
    }
    if np.split_whitespace().any(|w| {
        matches!(
            w,
            "by" | "of" | "with" | "from" | "that" | "which" | "to" | "for" | "after"
        )
    }) {
        return false;
    }
    // "a 1995 thriller novel": a genre word heads the phrase of another kind of work.
    let head = part("head");
    let after = part("after").trim();
    let np_words: Vec<&str> = np.split_whitespace().collect();
    if NOT_FILMS.contains(&after) || NOT_FILMS.iter().any(|w| np_words.contains(w)) {
        return false;
    }
    let film = ctx.film.clone();
    ctx.sentence_fact(s, &film, Predicate::InstanceOf, "film", quals([]));

    let mut year = None;
    let mut nationalities = Vec::new();
    for word in np.split_whitespace() {
        let w = word.trim_matches(|c: char| matches!(c, ',' | '"' | '\''));
        if lexicon::is_year(w) {
            year.get_or_insert(w);
            continue;
        }
        // "a 2008 Hindi-language film"
        if let Some(language) = w.strip_suffix("-language") {
            if language.starts_with(char::is_uppercase) {
                ctx.sentence_fact(s, &film, Predicate::OriginalLanguage, language, quals([]));
                if ctx.language.is_none() {
                    ctx.language = lexicon::language_code(language).map(str::to_string);
                }
            }
            continue;
        }
        let parts: Vec<&str> = w.split(['-', '–', '/']).collect();
        if parts.iter().all(|p| lexicon::is_nationality(p)) {
            nationalities.extend(parts);
            continue;
        }
    }
    if let Some(y) = year {
        ctx.sentence_fact(s, &film, Predicate::Year, y, quals([]));
    }
    // "a 1947 Metro-Goldwyn-Mayer musical", "a 1939 Warner Bros. film": the
    // studio named in the definition made it.
    if let Some(studio) = studio_in(np) {
        ctx.sentence_fact(s, &film, Predicate::ProductionCompany, studio, quals([]));
    }
    // The genre is the run of lower-case words written just before the head
    // noun: "a lost 1922 silent film" -> "silent".
    let words: Vec<&str> = np.split_whitespace().collect();
    let tail = words
        .iter()
        .rposition(|w| !w.chars().next().is_some_and(char::is_lowercase))
        .map_or(0, |i| i + 1);
    // Of a run cut by commas ("an action, sci-fi film") only the part next
    // to the head is kept: the genre is written as one phrase, and what a
    // comma sets off is as often praise ("a critically acclaimed, award
    // winning documentary") as another genre.
    let tail = words[tail..]
        .iter()
        .rposition(|w| w.ends_with(','))
        .map_or(tail, |i| tail + i + 1);
    let mut genre_words: Vec<&str> = words[tail..]
        .iter()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '"' | '\'')))
        .collect();
    if GENRE_HEADS.contains(&head) {
        genre_words.push(head);
    }
    while genre_words.first().is_some_and(|w| {
        matches!(
            *w,
            "lost"
                | "unfinished"
                | "upcoming"
                | "forthcoming"
                | "unreleased"
                | "independent"
                | "feature"
                | "low-budget"
                | "award-winning"
                | "award"
                | "winning"
                | "critically"
                | "acclaimed"
                | "international"
                | "and"
                | "co-production"
                // "the second film by …", "the first featured film": its
                // place among a maker's films, no genre.
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "last"
                | "final"
                | "latest"
                | "featured"
                | "full-length"
                | "feature-length"
                | "debut"
        )
    }) {
        genre_words.remove(0);
    }
    // "a long-feature film": the head's own prefix is no genre.
    genre_words.retain(|w| !w.ends_with('-'));
    let genre = genre_words.join(" ");
    let genre_ok = !genre.is_empty()
        && genre_words.len() <= 4
        && genre_words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase));
    if genre_ok {
        ctx.sentence_fact(s, &film, Predicate::Genre, &genre, quals([]));
    }
    if ctx.language.is_none() {
        if let Some(first) = nationalities.first() {
            ctx.language = lexicon::language_of_nationality(first).map(str::to_string);
        }
    }
    // "a 1995 American film" says the United States; the fact is kept where
    // the citation can show the country's name (the invariant every fact
    // keeps: its cited bytes hold its object), i.e. when the paragraph names it.
    for n in &nationalities {
        if let Some(country) = lexicon::country_of_nationality(n) {
            if s.paragraph.text.contains(country) {
                ctx.sentence_fact(s, &film, Predicate::CountryOfOrigin, country, quals([]));
            }
        }
    }
    alternative_titles(ctx, s, pre);
    true
}

/// Alternative titles in the parentheses after the title:
/// `(Balle perdue)`, `(French: Balle perdue)`, `(also known as X)`.
fn alternative_titles(ctx: &mut Context<'_>, s: &Sentence<'_>, pre: &str) {
    let Some(open) = pre.find('(') else {
        return;
    };
    let Some(close) = pre.rfind(')') else {
        return;
    };
    if close <= open {
        return;
    }
    let film = ctx.film.clone();
    for part in pre[open + 1..close].split(';') {
        let part = part.trim();
        if let Some((title, lang)) = alternative_title(part, ctx.language.as_deref()) {
            let q = quals([("language", lang.as_deref())]);
            ctx.sentence_fact(s, &film, Predicate::AlternativeTitle, &title, q);
        }
    }
}

/// One parenthetical part -> (title, ISO language code).
pub fn alternative_title(
    part: &str,
    film_language: Option<&str>,
) -> Option<(String, Option<String>)> {
    let clean = |t: &str| {
        t.trim()
            .trim_matches(|c: char| matches!(c, '"' | '“' | '”' | '\'' | ','))
            .trim()
            .to_string()
    };
    if let Some((label, title)) = part.split_once(':') {
        let label = label.trim();
        let label = label.strip_suffix(" title").unwrap_or(label);
        let code = lexicon::language_code(label)?;
        let title = clean(title.split(',').next().unwrap_or(title));
        return (!title.is_empty()).then(|| (title, Some(code.to_string())));
    }
    for marker in [
        "also known as ",
        "also titled ",
        "a.k.a. ",
        "released as ",
        "originally titled ",
        "known as ",
    ] {
        if let Some(title) = part.strip_prefix(marker) {
            let title = clean(title);
            return (!title.is_empty()).then_some((title, None));
        }
    }
    // A bare title, for a film not in English.
    let lang = film_language.filter(|l| *l != "en")?;
    let bare = clean(part);
    let looks_like_title = bare.chars().next().is_some_and(char::is_uppercase)
        && !bare.chars().any(|c| c.is_ascii_digit())
        && bare.split_whitespace().count() <= 8;
    looks_like_title.then(|| (bare, Some(lang.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternative_title_forms() {
        assert_eq!(
            alternative_title("French: Balle perdue 2", None),
            Some(("Balle perdue 2".into(), Some("fr".into())))
        );
        assert_eq!(
            alternative_title("Balle perdue", Some("fr")),
            Some(("Balle perdue".into(), Some("fr".into())))
        );
        assert_eq!(alternative_title("Balle perdue", Some("en")), None);
        assert_eq!(alternative_title("2020", Some("fr")), None);
        assert_eq!(
            alternative_title("also known as The Long Night", None),
            Some(("The Long Night".into(), None))
        );
    }
}
