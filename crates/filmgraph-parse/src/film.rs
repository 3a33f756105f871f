//! Is an article about a film? People, television series, franchises,
//! soundtracks, lists and redirects are not.

use filmgraph_model::{Article, LEAD};

/// Infobox keys only a film's infobox has (wikitext `{{Infobox film}}`
/// parameters and the plain-text format's labels).
const FILM_KEYS: &[&str] = &[
    "director",
    "directed by",
    "starring",
    "released",
    "release date",
    "release dates",
    "runtime",
    "running time",
    "cinematography",
    "distributor",
    "distributed by",
];

/// Title disambiguations that name something other than a film.
const NOT_FILM_TITLES: &[&str] = &[
    "(tv series)",
    "(miniseries)",
    "(tv program)",
    "(tv programme)",
    "(franchise)",
    "(media franchise)",
    "(soundtrack)",
    "(album)",
    "(song)",
    "(novel)",
    "(book)",
    "(video game)",
    "(band)",
    "(actor)",
    "(actress)",
    "(director)",
    "(filmmaker)",
];

/// Nouns that, met before "film" in "X is a ...", make X something else.
const OTHER_THINGS: &[&str] = &[
    "series",
    "franchise",
    "serial",
    "miniseries",
    "show",
    "programme",
    "program",
    "album",
    "song",
    "single",
    "soundtrack",
    "novel",
    "book",
    "game",
    "episode",
    "band",
    "character",
    "actor",
    "actress",
    "director",
    "producer",
    "filmmaker",
    "company",
    "studio",
    "festival",
    "award",
    "magazine",
    "newspaper",
    "play",
    "opera",
    "list",
    "cinema",
    "theatre",
    "theater",
    "screenwriter",
    "writer",
    "critic",
];

/// Whether wikitext could be a film's article at all: every sign
/// [`is_film`] reads (the `{{Infobox film}}`, a `... films` category, "is a
/// 2019 ... film" in the lead) has the word in it. A dump's pages without it
/// are passed over unparsed.
pub fn may_be_film(wikitext: &str) -> bool {
    ["film", "Film", "FILM"]
        .iter()
        .any(|word| memchr::memmem::find(wikitext.as_bytes(), word.as_bytes()).is_some())
}

/// Whether a page (wikitext) is ruled out as a film by its lead alone, before
/// the rest is parsed: the lead (with the title, redirect, and the lead's
/// infobox and categories) is no film's by [`is_film`], and nothing in the
/// rest could make it one: no infobox, and no category link whose name could
/// be a film category. Where this says `true`, [`is_film`] of the whole
/// page says `false`; most pages that are not films are judged so at a
/// fraction of a whole parse.
pub fn lead_rules_out_film(wikitext: &str, title: &str) -> bool {
    // A page that names the film infobox is all but surely a film: not
    // worth judging twice.
    if memchr::memmem::find(wikitext.as_bytes(), b"nfobox film").is_some() {
        return false;
    }
    let Some((lead, rest)) = crate::wikitext::parse_lead(wikitext, title) else {
        return false;
    };
    !is_film(&lead) && !rest_may_make_film(rest)
}

/// Whether text after the lead holds anything [`is_film`] could read as a
/// film's: an infobox, or a category link naming a film category, read
/// loosely (anything markup-like in a category's name counts).
fn rest_may_make_film(rest: &str) -> bool {
    let lower = rest.to_ascii_lowercase();
    if memchr::memmem::find(lower.as_bytes(), b"infobox").is_some() {
        return true;
    }
    memchr::memmem::find_iter(lower.as_bytes(), b"category").any(|at| {
        let after = lower[at + "category".len()..].trim_start();
        let Some(after) = after.strip_prefix(':') else {
            return false;
        };
        let after = &rest[rest.len() - after.len()..];
        let after = &after.as_bytes()[..after.len().min(512)];
        let Some(end) = after.iter().position(|&b| b == b'|' || b == b']') else {
            return true;
        };
        let name = crate::wikitext::category_name(&String::from_utf8_lossy(&after[..end]));
        name.contains(['{', '<', '&']) || is_film_category(&name)
    })
}

/// Whether the article is about a film: it has a film infobox, a category
/// such as `2019 films`, or its lead says "X is a 2019 ... film".
pub fn is_film(article: &Article) -> bool {
    if article.redirect.is_some() {
        return false;
    }
    let title = article.title.trim().to_lowercase();
    if title.starts_with("list of") || title.starts_with("lists of") {
        return false;
    }
    if NOT_FILM_TITLES.iter().any(|t| title.ends_with(t)) {
        return false;
    }
    let film_infobox = article.infobox.iter().any(|f| {
        FILM_KEYS
            .iter()
            .any(|k| f.key.trim().eq_ignore_ascii_case(k))
    });
    if film_infobox {
        return true;
    }
    let other_kind = article.categories.iter().any(|c| {
        let c = c.to_lowercase();
        c.contains("franchises") || c.contains("television series") || c.ends_with("film series")
    });
    !other_kind
        && (article.categories.iter().any(|c| is_film_category(c)) || lead_says_film(article))
}

/// `2019 films`, `1990s drama films`, `Catalan-language films`: categories
/// only films are in. (`Films adapted into comics` is not: franchises too.)
fn is_film_category(category: &str) -> bool {
    let c = category.trim();
    if !c.ends_with(" films") || c.starts_with("Lists of") {
        return false;
    }
    let first = c.split_whitespace().next().unwrap_or("");
    let year = first.trim_end_matches('s');
    (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit())) || c.ends_with("-language films")
}

/// "X is a 1997 Catalan-language drama film ...": the first sentence of the
/// lead calls X a film, with a year, before calling it anything else.
fn lead_says_film(article: &Article) -> bool {
    let Some(lead) = article.sections.iter().find(|s| s.heading == LEAD) else {
        return false;
    };
    let Some(first) = lead.paragraphs.first() else {
        return false;
    };
    let text = &first.text;
    let Some(after) = [" is a ", " is an ", " was a ", " was an "]
        .iter()
        .filter_map(|p| text.find(p).map(|i| i + p.len()))
        .min()
    else {
        return false;
    };
    let words: Vec<String> = text[after..]
        .split_whitespace()
        .take(16)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let mut saw_year = false;
    for (k, w) in words.iter().enumerate() {
        let w = w.as_str();
        if w.len() == 4 && (w.starts_with("18") || w.starts_with("19") || w.starts_with("20")) {
            saw_year |= w.bytes().all(|b| b.is_ascii_digit());
        }
        if OTHER_THINGS.contains(&w) {
            return false;
        }
        let next = words.get(k + 1).map_or("", String::as_str);
        if matches!(w, "film" | "movie") {
            match next {
                // "a film and television actor": not decided yet.
                "and" | "or" => continue,
                "industry" | "score" => return false,
                next if OTHER_THINGS.contains(&next) => return false,
                next => return saw_year || CREDIT_WORDS.contains(&next),
            }
        }
        // "a 2002 American comedy-drama written and directed by ...".
        if saw_year && k > 0 && matches!(w, "directed" | "written") {
            return true;
        }
    }
    false
}

/// Words that follow "film" when a lead goes on to its credits.
const CREDIT_WORDS: &[&str] = &[
    "directed", "written", "produced", "starring", "based", "adapted", "released", "made",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_rules_out_a_film_only_if_the_rest_names_no_film_category_or_infobox() {
        let person = "'''Ann Lee''' is an American actress known for her films.\n\
                      == Career ==\nShe starred in many films.\n\
                      [[Category:American film actresses]]\n[[Category:1950 births]]\n";
        assert!(lead_rules_out_film(person, "Ann Lee"));
        // The same page in a film category, however written, or with an
        // infobox after its lead: read whole.
        for tail in [
            "[[Category:2019 films]]",
            "[[ category : 2019_films |X]]",
            "[[Category:{{x}} films]]",
            "[[Category:2019 films",
            "{{Infobox film\n| director = B\n}}",
        ] {
            let page = format!("{person}{tail}\n");
            assert!(!lead_rules_out_film(&page, "Ann Lee"), "{tail}");
        }
        // A lead that says film, or a page without a plain heading.
        let film = "'''X''' is a 2019 French drama film.\n== Plot ==\nA.\n";
        assert!(!lead_rules_out_film(film, "X"));
        assert!(!lead_rules_out_film(
            "'''Ann Lee''' is an actress.",
            "Ann Lee"
        ));
        assert!(is_film(&crate::parse_wikitext(
            &format!("{person}[[ category : 2019_films |X]]"),
            "Ann Lee"
        )));
    }

    #[test]
    fn only_text_with_the_word_may_be_a_film() {
        assert!(may_be_film("{{Infobox Film\n| name = X\n}}"));
        assert!(may_be_film("'''X''' is a 2019 FILM."));
        assert!(may_be_film("[[Category:2019 films]]"));
        assert!(!may_be_film("'''Anarchism''' is a political philosophy."));
    }
    use crate::plain_text;

    fn lead(text: &str) -> Article {
        plain_text::parse(&format!("= X =\n\n{text}\n"))
    }

    #[test]
    fn leads_that_call_the_subject_a_film() {
        assert!(is_film(&lead(
            "X is a 1997 Catalan language Spanish drama film."
        )));
        assert!(is_film(&lead(
            "X is a 2008 American television film directed by Y."
        )));
        assert!(!is_film(&lead("X is an American film director.")));
        assert!(!is_film(&lead(
            "X is an American film and television actor."
        )));
        assert!(!is_film(&lead(
            "X is an American horror franchise of five films."
        )));
        assert!(!is_film(&lead("X is a 1986 American television series.")));
        assert!(!is_film(&lead("X is a film.")));
    }

    #[test]
    fn categories_only_films_are_in() {
        assert!(is_film_category("2019 films"));
        assert!(is_film_category("1990s drama films"));
        assert!(is_film_category("Catalan-language films"));
        assert!(!is_film_category("Films adapted into comics"));
        assert!(!is_film_category("American film series"));
        assert!(!is_film_category("BFI Top 100 British films"));
        assert!(!is_film_category("Lists of 2019 films"));
    }

    #[test]
    fn redirects_and_lists_are_not_films() {
        let mut a = lead("X is a 1997 drama film.");
        a.redirect = Some("Y".into());
        assert!(!is_film(&a));
        let mut a = lead("X is a 1997 drama film.");
        a.title = "List of 1997 films".into();
        assert!(!is_film(&a));
    }
}
