//! Facts from the infobox: each key mapped to a predicate, each value split
//! into its items (list lines, commas, `and`) and normalised (dates, minutes,
//! money). Works for plain-text keys (`Director`, `Production Companies`) and
//! wikitext parameter names (`director`, `production_companies`, `studio`).

use crate::context::{quals, Context};
use crate::currency::find_money;
use crate::lexicon;
use crate::names;
use crate::quantities::{find_dates, minutes};
use filmgraph_model::{InfoboxField, Predicate};

/// What kind of value a key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    People(Predicate),
    Companies(Predicate),
    Plain(Predicate),
    Release,
    Runtime,
    Money(Predicate),
    BasedOn,
}

/// `Production Companies`, `production_companies`, `productioncompany ` -> `productioncompanies`.
fn normalise_key(key: &str) -> String {
    key.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn kind_of(key: &str) -> Option<Kind> {
    use Predicate::*;
    let k = normalise_key(key);
    Some(match k.as_str() {
        "director" | "directors" | "directedby" => Kind::People(Director),
        "writer" | "writers" | "writtenby" | "screenplay" | "screenplayby" | "screenwriter"
        | "screenwriters" => Kind::People(Screenwriter),
        "starring" | "cast" | "stars" => Kind::People(CastMember),
        "producer" | "producers" | "producedby" => Kind::People(Producer),
        "music" | "musicby" | "composer" | "composers" => Kind::People(Composer),
        "cinematography" | "cinematographer" | "directorofphotography" => {
            Kind::People(Cinematographer)
        }
        "editing" | "editor" | "editors" | "editedby" => Kind::People(Editor),
        "narrator" | "narrators" | "narratedby" => Kind::People(Narrator),
        "productioncompany" | "productioncompanies" | "studio" | "studios" => {
            Kind::Companies(ProductionCompany)
        }
        "distributor" | "distributors" | "distributedby" => Kind::Companies(Distributor),
        "country" | "countries" => Kind::Plain(CountryOfOrigin),
        "language" | "languages" => Kind::Plain(OriginalLanguage),
        "released" | "releasedate" | "releasedates" | "release" => Kind::Release,
        "runtime" | "runningtime" => Kind::Runtime,
        "budget" => Kind::Money(Budget),
        "boxoffice" | "gross" => Kind::Money(BoxOffice),
        "basedon" => Kind::BasedOn,
        _ => return None,
    })
}

/// The items of a value: one a line, then split at commas and `and`.
fn items(value: &str, split_and: bool) -> Vec<&str> {
    let mut out = Vec::new();
    for line in value.lines() {
        let line = line.trim().trim_start_matches(['*', '•', '-']).trim();
        if line.is_empty() {
            continue;
        }
        if split_and {
            for (s, e) in bands_whole(line, names::split_list(line)) {
                out.extend(line[s..e].split(" / ").map(str::trim));
            }
        } else {
            out.extend(
                split_outside_brackets(line)
                    .map(str::trim)
                    .filter(|s| !s.is_empty()),
            );
        }
    }
    out
}

/// The note in brackets `text` starts with (spaces before it aside), and
/// what follows it: `(inner, rest)`.
fn leading_note(text: &str) -> Option<(&str, &str)> {
    text.trim_start().strip_prefix('(')?.split_once(')')
}

/// Whether a note in brackets is only a date: "1990-03-16".
fn is_only_date(note: &str) -> bool {
    let dates = find_dates(note);
    dates.len() == 1 && note.trim() == &note[dates[0].start..dates[0].end]
}

/// The region a note in brackets just after a gross names: "(domestic)",
/// "(worldwide)", "(US)", "(North America)", "(France)".
fn gross_note_region(after: &str) -> Option<&str> {
    let note = lexicon::canonical_region(leading_note(after)?.0.trim());
    if lexicon::is_country(note) || note == "international" {
        return Some(note);
    }
    crate::money::gross_region(&note.to_lowercase())
}

/// The items of a list with bands made whole again: "Tom Petty and the
/// Heartbreakers", "Hank Shocklee and The Bomb Squad" are one credit, not a
/// person and a "the" (the spans are items of `line`).
fn bands_whole(line: &str, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        let item = &line[start..end];
        let band = ["the ", "The "].iter().any(|the| {
            item.strip_prefix(the)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        });
        match out.last_mut() {
            Some(last)
                if band && matches!(line.get(last.1..start).map(str::trim), Some("and" | "&")) =>
            {
                last.1 = end;
            }
            _ => out.push((start, end)),
        }
    }
    out
}

/// `line` cut at its commas and semicolons, except those in brackets:
/// "20th Century Fox (United States, Canada, and Japan)" is one item. A
/// line whose brackets do not pair is cut at every comma.
fn split_outside_brackets(line: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0i32;
    let paired = line.chars().try_fold(0i32, |depth, c| match c {
        '(' | '[' => Some(depth + 1),
        ')' | ']' => (depth > 0).then(|| depth - 1),
        _ => Some(depth),
    }) == Some(0);
    line.split(move |c: char| {
        if !paired {
            return matches!(c, ',' | ';');
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            _ => {}
        }
        matches!(c, ',' | ';') && depth <= 0
    })
}

/// An item that is only links side by side, "[[Edward Furlong]]
/// [[Thomas Kretschmann]]" (a list item holding several names, one a line
/// in the source): each link's label, where the item is two links or more
/// with nothing but spaces between them.
fn adjacent_links<'v>(field: &'v InfoboxField, item: &'v str) -> Option<Vec<&'v str>> {
    let value = field.value.as_str();
    let start = crate::context::offset_in(value, item);
    let end = start + item.len();
    let mut labels = Vec::new();
    let mut at = start;
    for link in field.links.iter().filter(|l| l.at >= start && l.at < end) {
        let label = value.get(link.at..link.at + link.label.len())?;
        if label != link.label || !value.get(at..link.at)?.trim().is_empty() {
            return None;
        }
        labels.push(label);
        at = link.at + link.label.len();
    }
    let rest_is_blank = value.get(at..end)?.trim().is_empty();
    (labels.len() >= 2 && rest_is_blank).then_some(labels)
}

/// Company names whose legal form was split off at its comma ("Madison
/// Productions, Inc.") made whole again: the item is extended over the
/// comma to the form (the items are slices of `value`).
fn with_corporate_suffixes<'v>(value: &'v str, items: Vec<&'v str>) -> Vec<&'v str> {
    const FORMS: &[&str] = &[
        "Inc.",
        "Inc",
        "Ltd.",
        "Ltd",
        "LLC",
        "L.L.C.",
        "Co.",
        "Corp.",
        "GmbH",
        "S.A.",
        "Pvt. Ltd.",
        "Limited",
        "LLP",
        "PLC",
        "plc",
    ];
    let offset = |s: &str| crate::context::offset_in(value, s);
    let mut out: Vec<&'v str> = Vec::with_capacity(items.len());
    for item in items {
        // "Inc. (United States)": the form, then a note on where.
        let bare = item.split_once(" (").map_or(item, |(form, _)| form);
        let bare = bare.trim_end_matches([',', ';']).trim();
        let form = FORMS.iter().any(|f| f.eq_ignore_ascii_case(bare));
        match out.last_mut() {
            Some(last) if form => {
                let start = offset(last);
                *last = &value[start..offset(item) + item.len()];
            }
            _ => out.push(item),
        }
    }
    out
}

/// Whether a place a film was first shown at is a building or an event
/// rather than a region: "Kennedy Center", "El Capitan Theatre".
fn is_venue(place: &str) -> bool {
    const WORDS: &[&str] = &[
        "Theatre",
        "Theater",
        "Center",
        "Centre",
        "Festival",
        "Hall",
        "Cinema",
        "Cinemas",
        "Palace",
        "Arena",
        "Auditorium",
        "Apollo",
        "Museum",
        "Opera",
        "Odeon",
        "Playhouse",
        "Chinese",
        "Bowl",
        "Stadium",
        "Club",
        "Fest",
    ];
    // Festivals named by their short names in release lists: "(Sundance)",
    // "(TIFF)", "(Cannes)".
    const FESTIVALS: &[&str] = &[
        "Sundance",
        "TIFF",
        "Cannes",
        "Venice",
        "SXSW",
        "Berlinale",
        "Tribeca",
        "Telluride",
        "Toronto",
        "Locarno",
        "Busan",
        "Rotterdam",
        "Karlovy Vary",
        "San Sebastián",
        "Sitges",
        "Slamdance",
        "NYFF",
        "AFI",
        "BFI",
        "IFFR",
        "IFFI",
        "MIFF",
        "Annecy",
        "Hot Docs",
        "Fantasia",
        "Raindance",
        "Deauville",
        "MIFED",
    ];
    FESTIVALS.contains(&place)
        || place
            .split_whitespace()
            .any(|w| WORDS.contains(&w.trim_end_matches(['.', ','])))
}

/// Two names joined by a dash, the credit of a pair: "B. Lenin—C. S.
/// Prem", "Govindhan – Kumar". A hyphen joins one name ("Sajid-Wajid").
fn dashed_pair(item: &str) -> Vec<&str> {
    let parts: Vec<&str> = item.split(['—', '–']).map(str::trim).collect();
    let all_names = parts.len() > 1
        && parts
            .iter()
            .all(|p| p.starts_with(char::is_uppercase) && !p.contains(" of "));
    if all_names {
        parts
    } else {
        vec![item]
    }
}

/// Letters of the societies that cinematographers and editors put after
/// their names: "Nic Knowland BSC", "Roger Deakins, ASC, BSC".
const POST_NOMINALS: &[&str] = &[
    "ASC", "BSC", "ACE", "ISC", "CSC", "AFC", "ACS", "NZCS", "AIC", "DFF", "FNF", "FSF", "SBC",
    "IMAGO", "GSC", "HKSC", "BVK", "AAC", "SASC", "AMC", "NSC",
];

/// A name without the society letters after it; an item of those letters
/// alone (split off at a comma) is no name and becomes empty.
fn without_post_nominals(name: &str) -> &str {
    let mut name = name.trim();
    while let Some((head, last)) = name.rsplit_once([' ', ',']) {
        if !POST_NOMINALS.contains(&last.trim()) {
            break;
        }
        name = head.trim_end_matches([',', ' ']);
    }
    if POST_NOMINALS.contains(&name) {
        ""
    } else {
        name
    }
}

/// A name without the label that heads it, in a list of people or companies:
/// "Songs: Mooroo" -> "Mooroo", "Background score:" -> "" (the names follow
/// on lines of their own).
fn without_label(line: &str) -> &str {
    let Some((label, rest)) = line.split_once(':') else {
        return line;
    };
    let is_label = !label.is_empty()
        && label.split_whitespace().count() <= 3
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        && (rest.is_empty() || rest.starts_with(' '));
    if is_label {
        rest.trim()
    } else {
        line
    }
}

/// Values that stand in for names: "See below", "TBA", "Various", and
/// pieces of a note split at its commas ("1921)").
fn is_placeholder(item: &str) -> bool {
    let lower = item.to_lowercase();
    lower.starts_with("see ")
        || matches!(
            lower.as_str(),
            "tba" | "tbd" | "tbc" | "various" | "n/a" | "none" | "unknown" | "uncredited" | "see"
        )
        || item.matches('(').count() != item.matches(')').count()
}

/// Drops a trailing parenthetical note (`Ann Bee (uncredited)`) and footnote marks.
fn clean_item(item: &str) -> &str {
    let mut s = item.trim();
    while let Some(open) = s.rfind(['(', '[']) {
        if open == 0 {
            break;
        }
        s = s[..open].trim_end();
    }
    let s = s.trim_end_matches([',', ';']).trim();
    // "Jr.", "Inc.", "Ltd.", "S.A.": the period is the abbreviation's.
    let last = s.rsplit(' ').next().unwrap_or(s);
    const ABBREVIATIONS: &[&str] = &[
        "Jr.", "Sr.", "Inc.", "Bros.", "Co.", "Ltd.", "Corp.", "Pty.", "Pvt.", "Cie.", "Assn.",
        "Ent.", "Comm.", "Prod.", "Prods.", "Int.", "Intl.", "Dist.",
    ];
    let abbreviation = ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last))
        || last.trim_end_matches('.').contains('.');
    if abbreviation {
        s
    } else {
        s.trim_end_matches('.')
    }
}

pub fn extract(ctx: &mut Context<'_>) {
    let article = ctx.article;
    for field in &article.infobox {
        let Some(kind) = kind_of(&field.key) else {
            continue;
        };
        read_field(ctx, field, kind);
    }
}

fn read_field(ctx: &mut Context<'_>, field: &InfoboxField, kind: Kind) {
    let value = field.value.as_str();
    match kind {
        Kind::People(p) => {
            let items = items(value, true);
            let names: Vec<&str> = items
                .iter()
                .flat_map(|item| adjacent_links(field, item).unwrap_or_else(|| vec![item]))
                .flat_map(|item| dashed_pair(clean_item(without_label(item))))
                .map(without_post_nominals)
                .collect();
            for (i, &name) in names.iter().enumerate() {
                // "(1920, 1921)", "see below": notes, not names.
                if !name.starts_with(char::is_uppercase) || is_placeholder(name) {
                    continue;
                }
                // "Joel and Ethan Coen", "Hal and Jim McElroy": a lone given
                // name shares the surname after it. Not in a cast, where a
                // lone name is as often a stage name ("Madonna and Sean Penn").
                let full = (p != Predicate::CastMember)
                    .then(|| crate::credits::shared_surname(value, name, &names[i + 1..]))
                    .flatten();
                ctx.infobox_fact(
                    field,
                    p,
                    full.as_deref().unwrap_or(name),
                    Default::default(),
                );
            }
        }
        Kind::Companies(p) => {
            for item in with_corporate_suffixes(value, items(value, false)) {
                let name = clean_item(without_label(item));
                // "de Passe Entertainment", "crackAjack Movie Company": a
                // name may start in lower case where a capital follows.
                let named = name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || name.starts_with(char::is_lowercase) && name.contains(char::is_uppercase);
                if named && !is_placeholder(name) {
                    ctx.infobox_fact(field, p, name, Default::default());
                }
            }
        }
        Kind::Plain(p) => {
            for item in items(value, true) {
                let name = clean_item(item);
                // "[", "/": pieces of markup, not values.
                if !name.chars().any(char::is_alphanumeric) {
                    continue;
                }
                let name = match p {
                    Predicate::CountryOfOrigin => lexicon::canonical_region(name),
                    _ => name,
                };
                if p == Predicate::OriginalLanguage && ctx.language.is_none() {
                    ctx.language = lexicon::language_code(name).map(str::to_string);
                }
                ctx.infobox_fact(field, p, name, Default::default());
            }
        }
        Kind::Release => {
            for line in value.lines() {
                // Where the notes read after the last date end: "March 16,
                // 1990 (1990-03-16) (US)", the ISO copy a rendered {{Film
                // date}} shows after a date, is no other date and no region.
                let mut read_to = 0;
                for date in find_dates(line) {
                    if date.start < read_to {
                        continue;
                    }
                    let mut after = &line[date.end..];
                    while let Some((_, rest)) =
                        leading_note(after).filter(|(note, _)| is_only_date(note))
                    {
                        after = rest;
                    }
                    read_to = line.len() - after.len();
                    let place = leading_note(after).map(|(note, _)| note.trim());
                    // "(Kennedy Center)", "(Sundance Film Festival)": where
                    // it was shown, not a region.
                    let (region, venue) = match place {
                        Some(p) if is_venue(p) => (None, Some(p)),
                        p => (p.map(lexicon::canonical_region), None),
                    };
                    let q = quals([("region", region), ("venue", venue)]);
                    ctx.infobox_fact(field, Predicate::ReleaseDate, &date.iso, q);
                }
            }
        }
        Kind::Runtime => {
            if let Some(m) = minutes(value) {
                ctx.infobox_fact(field, Predicate::DurationMinutes, &m.to_string(), quals([]));
            }
        }
        Kind::Money(p) => {
            for money in find_money(value) {
                // "$400 million (domestic)": a gross taken somewhere.
                let region = (p == Predicate::BoxOffice)
                    .then(|| gross_note_region(&value[money.end..]))
                    .flatten();
                let q = quals([
                    ("currency", money.currency),
                    ("bound", money.bound),
                    ("region", region),
                ]);
                ctx.infobox_fact(field, p, &money.value, q);
            }
        }
        Kind::BasedOn => {
            // "Waltz into Darkness by<br>Cornell Woolrich"; "the novel by
            // Pearl S. Buck<br>adapted for the stage by ...": the author is
            // the first line after "by".
            let by = [" by ", " by\n"]
                .iter()
                .filter_map(|b| value.find(b).map(|at| (at, b.len())))
                .min();
            let (work, author) = match by {
                Some((at, len)) => {
                    let author = value[at + len..]
                        .lines()
                        .map(str::trim)
                        .find(|l| !l.is_empty());
                    (value[..at].trim(), author)
                }
                None => (value.trim(), None),
            };
            // "Other People's Money (play)", "The Eye (Jian gui)": a note
            // on the kind or the original title, not part of the title.
            let mut work = work;
            while let Some(open) = work.strip_suffix(')').and_then(|w| w.rfind('(')) {
                if open == 0 {
                    break;
                }
                work = work[..open].trim_end();
            }
            // "the novel": the work of the film's own title.
            let generic = work.strip_prefix("the ").is_some_and(|kind| {
                matches!(
                    kind,
                    "novel" | "play" | "book" | "short story" | "stage play" | "musical"
                ) || kind.ends_with(" of the same name")
            });
            let shown = ctx.shown.clone();
            let work = if generic { shown.as_str() } else { work };
            if !work.is_empty() {
                let q = quals([("author", author)]);
                ctx.infobox_fact(field, Predicate::BasedOn, work, q);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_in_both_formats() {
        assert_eq!(
            kind_of("Production Companies"),
            Some(Kind::Companies(Predicate::ProductionCompany))
        );
        assert_eq!(
            kind_of("production_companies"),
            Some(Kind::Companies(Predicate::ProductionCompany))
        );
        assert_eq!(
            kind_of("Writer"),
            Some(Kind::People(Predicate::Screenwriter))
        );
        assert_eq!(kind_of("Released"), Some(Kind::Release));
        assert_eq!(kind_of("image"), None);
    }

    #[test]
    fn items_split_lists_and_lines() {
        assert_eq!(items("A B, C D and E F", true), ["A B", "C D", "E F"]);
        assert_eq!(items("A B\nC D", true), ["A B", "C D"]);
        assert_eq!(
            items("Ray Colcord, Tom Petty and the Heartbreakers", true),
            ["Ray Colcord", "Tom Petty and the Heartbreakers"]
        );
        assert_eq!(
            items("Hank Shocklee and The Bomb Squad", true),
            ["Hank Shocklee and The Bomb Squad"]
        );
        assert_eq!(
            items("Simon and Schuster, Inoxy Films", false),
            ["Simon and Schuster", "Inoxy Films"]
        );
        // Labels head the names: "Songs:" above them or before them.
        let names: Vec<&str> = items("Background score:\nAbbas Ali Khan\nSongs: Mooroo", true)
            .into_iter()
            .map(without_label)
            .filter(|n| !n.is_empty())
            .collect();
        assert_eq!(names, ["Abbas Ali Khan", "Mooroo"]);
        assert_eq!(without_label("Theme:"), "");
        let value = "Madison Productions, Inc., Gold Key";
        assert_eq!(
            with_corporate_suffixes(value, items(value, false)),
            ["Madison Productions, Inc.", "Gold Key"]
        );
        // Notes in brackets stay with their company, commas and all.
        let value = "Buena Vista Pictures Distribution, Inc. (United States), \
                     20th Century Fox (United States, Canada, and Japan)";
        let companies: Vec<&str> = with_corporate_suffixes(value, items(value, false))
            .into_iter()
            .map(clean_item)
            .collect();
        assert_eq!(
            companies,
            [
                "Buena Vista Pictures Distribution, Inc.",
                "20th Century Fox"
            ]
        );
        let value = "Bandai Visual Co, Ltd., Ozla Pictures, inc.";
        assert_eq!(
            with_corporate_suffixes(value, items(value, false)),
            ["Bandai Visual Co, Ltd.", "Ozla Pictures, inc."]
        );
        assert_eq!(without_post_nominals("Nic Knowland BSC"), "Nic Knowland");
        assert_eq!(
            without_post_nominals("Roger Deakins, ASC, BSC"),
            "Roger Deakins"
        );
        assert_eq!(without_post_nominals("ASC"), "");
        assert_eq!(without_post_nominals("Ann Bee"), "Ann Bee");
        assert_eq!(
            dashed_pair("B. Lenin—C. S. Prem"),
            ["B. Lenin", "C. S. Prem"]
        );
        assert_eq!(dashed_pair("Govindhan – Kumar"), ["Govindhan", "Kumar"]);
        assert_eq!(dashed_pair("Sajid-Wajid"), ["Sajid-Wajid"]);
        assert_eq!(without_label("Dialogues: Prashanth Neel"), "Prashanth Neel");
        assert_eq!(without_label("Ann Bee"), "Ann Bee");
        assert_eq!(without_label("Studio 4°C"), "Studio 4°C");
        assert_eq!(clean_item("Ann Bee (uncredited)"), "Ann Bee");
        assert_eq!(
            clean_item("Els Films de la Rambla S.A."),
            "Els Films de la Rambla S.A."
        );
        assert_eq!(clean_item("Lucasfilm Ltd."), "Lucasfilm Ltd.");
        assert_eq!(clean_item("Ozla Pictures, inc."), "Ozla Pictures, inc.");
        assert_eq!(clean_item("PolyGram Filmed Ent."), "PolyGram Filmed Ent.");
        assert_eq!(clean_item("Alan Smithee."), "Alan Smithee");
    }

    #[test]
    fn placeholders_are_not_names() {
        for item in ["See below", "see text", "TBA", "Various", "1921)"] {
            assert!(is_placeholder(clean_item(item)), "{item}");
        }
        for item in [
            "Seeta Patel",
            "Reliance Big Pictures (1920",
            "20th Century Fox",
        ] {
            assert!(!is_placeholder(clean_item(item)), "{item}");
        }
    }
}
