//! Who plays whom: "Lino (Alban Lenoir)" in a plot, "Alban Lenoir as Lino"
//! in a cast list, "Lino, played by Alban Lenoir".

use crate::context::{quals, Context, Sentence};
use crate::names::{is_person_name, leading_name, strip_possessive};
use filmgraph_model::Predicate;

/// Capitalised words that start sentences and clauses, never characters.
const NOT_CHARACTERS: &[&str] = &[
    "When",
    "After",
    "Before",
    "While",
    "As",
    "Then",
    "Meanwhile",
    "However",
    "Eventually",
    "Later",
    "Soon",
    "In",
    "On",
    "At",
    "The",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "He",
    "She",
    "They",
    "It",
    "But",
    "And",
    "With",
    "Although",
    "Though",
    "During",
    "Once",
    "Now",
    "Back",
    "Years",
    "Elsewhere",
    "Unbeknownst",
    "Detective",
    "Officer",
    "Police",
];

/// Sections that tell the story, where "Character (Actor)" names a role.
pub fn is_story_section(s: &Sentence<'_>) -> bool {
    s.section == filmgraph_model::LEAD
        || s.in_section(&[
            "plot",
            "synopsis",
            "story",
            "premise",
            "summary",
            "cast",
            "characters",
        ])
}

/// "Character (Actor Name)" anywhere in a sentence of a story section
/// ([`is_story_section`], which the caller checks).
pub fn extract_parenthesised(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    if !text.contains('(') {
        return;
    }
    let film = ctx.film.clone();
    let mut from = 0;
    while let Some(rel) = text[from..].find('(') {
        let open = from + rel;
        let Some(close_rel) = text[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        from = close;
        let actor = text[open + 1..close].trim();
        let actor = actor
            .strip_prefix("played by ")
            .or_else(|| actor.strip_prefix("voiced by "))
            .unwrap_or(actor);
        if !is_person_name(actor) || ctx.find_title(actor).is_some() {
            continue;
        }
        // "(Cable Guy)", "(Wilson)": a known name shortened; a lone word
        // that names no one known is not read.
        let actor = match ctx.resolve_person(actor) {
            Some(full) => full,
            None if actor.split_whitespace().count() >= 2 => actor.to_string(),
            None => continue,
        };
        let Some(character) = character_before(&text[..open]) else {
            continue;
        };
        ctx.sentence_fact(
            s,
            &film,
            Predicate::CastMember,
            &actor,
            quals([("character", Some(character))]),
        );
    }
}

/// The capitalised words just before a position: "foster brother Quentin" -> "Quentin".
fn character_before(text: &str) -> Option<&str> {
    let trimmed = text.trim_end();
    if trimmed.len() != text.len().saturating_sub(1) && !text.ends_with(' ') {
        return None; // "(" must follow a space: "Quentin (Rod Paradot)"
    }
    // A dash joins clauses: "squad--Areski".
    let cut = ["--", "—", "–"]
        .iter()
        .filter_map(|d| trimmed.rfind(d).map(|p| p + d.len()))
        .max()
        .unwrap_or(0);
    let trimmed = &trimmed[cut..];
    let mut start = trimmed.len();
    for (count, word) in trimmed.rsplit(' ').enumerate() {
        let (core, possessive) = strip_possessive(word);
        let is_cap = core.chars().next().is_some_and(char::is_uppercase)
            && core
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
        if !is_cap || possessive || NOT_CHARACTERS.contains(&core) || count >= 4 {
            break;
        }
        start -= word.len();
        start = start.saturating_sub(1); // the space
    }
    let name = trimmed[start..].trim();
    (!name.is_empty()).then_some(name)
}

/// A cast-list line: "Alban Lenoir as Lino, a mechanic" or
/// "Lino, played by Alban Lenoir".
pub fn extract_cast_line(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    static PLAYED_BY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(", played by "));
    for line in s.text.lines() {
        let cell_bar = memchr::memmem::find(line.as_bytes(), b" | ").is_some();
        if cell_bar || line.trim_start().starts_with("| ") {
            table_row(ctx, s, &film, line);
            continue;
        }
        let line = line.trim().trim_start_matches(['*', '•', '-']).trim();
        let played_by = PLAYED_BY
            .find(line.as_bytes())
            .map(|at| (&line[..at], &line[at + PLAYED_BY.needle().len()..]));
        if let Some((character, actor)) = played_by {
            if let (Some(actor), true) = (leading_name(actor), is_person_name(character.trim())) {
                let q = quals([("character", Some(character.trim()))]);
                ctx.sentence_fact(s, &film, Predicate::CastMember, actor, q);
            }
            continue;
        }
        if !cast_line(ctx, s, &film, line) {
            cast_verb_line(ctx, s, &film, line);
        }
    }
}

static CAST_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"^(?P<who>[^,;:()]+?),? (?:also )?(?:(?P<appears>appears|appeared|cameos|cameoed|(?:has|had|makes|made) (?:a |an )?(?:brief |uncredited |small |bit )?(?:cameo|appearance|bit part)|(?:reprises|reprised) (?:his|her|their) (?:\w+ )?roles?)|(?P<voice>(?:provides|provided|supplies|supplied) the (?:\w+ )?(?:voice|voices|dialogue))|(?P<plays>voices|voiced|plays|played|portrays|portrayed))(?-u:\b)",
    )
    .expect("cast verb")
});

/// A cast-list line that is a sentence: "Director Hal Needham appears
/// uncredited as the ambulance EMT", "Peter Fonda has a cameo role",
/// "William Preston Robertson provides the voice of the Evil Dead", "Denis
/// Lawson reprises his role as Wedge Antilles". The part is read where the
/// sentence names one (see [`part_after_verb`]).
fn cast_verb_line(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, line: &str) {
    // "Rakhi Sawant, special appearance in the item song": a name, then
    // what the part is.
    if let Some(name) = leading_name(line) {
        let described = line[name.len()..]
            .strip_prefix(", ")
            .is_some_and(|rest| rest.starts_with(char::is_lowercase));
        if described && name.contains(' ') {
            let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
            ctx.sentence_fact(s, film, Predicate::CastMember, &name, quals([]));
            return;
        }
    }
    let Some(c) = CAST_VERB.captures(line) else {
        return;
    };
    // "X voiced the character in the French dubbing": a part in another
    // language's version, not in the film as made.
    let rest = &line[c.get(0).map_or(0, |m| m.end())..];
    if rest.contains(" dubbing") || rest.contains(" dub ") || rest.contains(" dubbed version") {
        return;
    }
    let who = c["who"].trim();
    // "Director Hal Needham", "Veteran voice actor June Foray": the
    // description before the name goes.
    let mut lowered = who.to_string();
    if let Some(first) = who.chars().next() {
        lowered.replace_range(..first.len_utf8(), &first.to_lowercase().to_string());
    }
    let stripped = crate::names::strip_descriptors(&lowered);
    let who = if stripped != lowered { &stripped } else { who };
    // "Veteran Daytona 500 commentator Ken Squier": the name follows the
    // last word that is not capitalised.
    let words: Vec<&str> = who.split(' ').collect();
    let start = words
        .iter()
        .rposition(|w| !w.starts_with(char::is_uppercase))
        .map_or(0, |i| i + 1);
    let name = words[start..].join(" ");
    if !is_person_name(&name) {
        return;
    }
    let name = ctx.resolve_person(&name).unwrap_or(name);
    let character = part_after_verb(&c, rest);
    ctx.sentence_fact(
        s,
        film,
        Predicate::CastMember,
        &name,
        quals([("character", character)]),
    );
}

/// The part a cast sentence names after its verb, `rest` being what follows
/// the verb: "appears [uncredited] as Obi-Wan Kenobi", "plays Lobot, Lando's
/// aide", "provides the voice of the Emperor", "voiced Boba Fett in the
/// original release". Only a name is a part: "plays himself", "appears as a
/// waitress" name none.
fn part_after_verb<'t>(verb: &regex::Captures<'_>, rest: &'t str) -> Option<&'t str> {
    let phrase = if verb.name("appears").is_some() {
        let mut rest = rest;
        for note in [" briefly", " uncredited", " again", " only", " also"] {
            rest = rest.strip_prefix(note).unwrap_or(rest);
        }
        rest.strip_prefix(" as ")?
    } else if verb.name("voice").is_some() {
        rest.strip_prefix(" of ")
            .or_else(|| rest.strip_prefix(" for "))?
    } else {
        rest.strip_prefix(' ')?
    };
    // The part ends where the clause does: "Lobot, Lando's aide", "Boba Fett
    // in the original release", "Wedge Antilles from the first film".
    let end = [
        ",", ";", ":", ". ", " (", " in ", " from ", " who ", " and ", " – ", " — ",
    ]
    .iter()
    .filter_map(|d| phrase.find(d))
    .min()
    .unwrap_or(phrase.len());
    let part = phrase[..end].trim().trim_end_matches('.');
    // "Lando's personal aide": a description by way of someone else.
    if part.contains("'s ") || part.contains("’s ") {
        return None;
    }
    character_of(named_after_description(part)).filter(|name| name.len() < 80)
}

/// "Rebel pilot Hobbie Klivian" -> "Hobbie Klivian": a capitalised word and a
/// description before the name. "Captain of the Guard", "Man in Black" and
/// "Sheik Abdul ben Falafel" are names whole.
fn named_after_description(part: &str) -> &str {
    let words: Vec<&str> = part.split(' ').collect();
    let lower = |w: &&str| w.starts_with(char::is_lowercase) && !NAME_PARTICLES.contains(w);
    let capitalised = part.starts_with(char::is_uppercase);
    if !capitalised || words.len() < 3 || !words[1..].first().is_some_and(lower) {
        return part;
    }
    match words.iter().rposition(lower) {
        Some(i) if i + 1 < words.len() => {
            let start: usize = words[..=i].iter().map(|w| w.len() + 1).sum();
            &part[start..]
        }
        _ => part,
    }
}

/// A cast line that is only a list of names, each perhaps with its part in
/// parentheses: "Charles Middleton (banker), Chester Gan (singer in tea
/// house), Bessie Loo". Every item must be such a name, or nothing is read.
fn name_list_line(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, line: &str) -> bool {
    let mut cast = Vec::new();
    for (a, b) in crate::names::split_list(line) {
        let item = line[a..b].trim_start_matches("and ").trim();
        let Some(name) = crate::names::leading_name(item) else {
            return false;
        };
        let rest = item[name.len()..].trim();
        let part = match rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            Some(part) if !part.contains(['(', ')']) => Some(part.trim()),
            None if rest.is_empty() => None,
            _ => return false,
        };
        // "(voice)", "(uncredited)" are notes, not parts.
        let part = part
            .filter(|p| !matches!(*p, "voice" | "uncredited" | "cameo" | "credited"))
            .and_then(part_text);
        cast.push((name, part));
    }
    // One name alone is a cast line when it is plainly a full name: "Memo
    // Rojas (Latin American release)".
    let lone_full_name = cast.len() == 1 && cast[0].0.contains(' ');
    if cast.len() < 2 && !lone_full_name {
        return false;
    }
    for (name, part) in cast {
        let q = quals([("character", part)]);
        ctx.sentence_fact(s, film, Predicate::CastMember, name, q);
    }
    true
}

/// "Alban Lenoir as Lino", "Cliff Robertson – Charly Gordon", "Michael
/// Hordern (voice) as Narrator", "Burt Reynolds and Dom DeLuise as racer J.J.
/// McClure and his buddy Victor Prinzi"; "Jason Isaacs as:" before a
/// list of his parts. False when the line is none of these.
fn cast_line(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, line: &str) -> bool {
    // "Jason Isaacs as:" (the parts follow one a line) reads as "as ".
    let line: &str = &match line.strip_suffix(" as:") {
        Some(actor) => std::borrow::Cow::Owned(format!("{actor} as ")),
        None => std::borrow::Cow::Borrowed(line),
    };
    // The leftmost separator (no two start alike).
    static SEPARATORS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build([" as ", " – ", " — ", " - ", " ... ", " … "])
                .expect("plain separators")
        });
    let Some((actors_part, role_part)) = SEPARATORS
        .find(line)
        .map(|m| (&line[..m.start()], &line[m.end()..]))
    else {
        return name_list_line(ctx, s, film, line);
    };
    // "(voice)", "(uncredited)": notes between the name and its role.
    let actors_part = without_notes(actors_part);
    let actors = crate::names::name_list(actors_part);
    let covered = actors
        .last()
        .is_some_and(|last| actors_part.trim_end().ends_with(last));
    if actors.is_empty() || !covered {
        return false;
    }
    let role = role_part.split([';', '(', ':']).next().unwrap_or("").trim();
    let roles: Vec<&str> = if actors.len() > 1 {
        role.split(" and ").collect()
    } else {
        vec![role.split(", ").next().unwrap_or(role)]
    };
    for (i, actor) in actors.iter().enumerate() {
        let character = (roles.len() == actors.len())
            .then(|| roles[i])
            .and_then(part_of);
        ctx.sentence_fact(
            s,
            film,
            Predicate::CastMember,
            actor,
            quals([("character", character)]),
        );
    }
    true
}

/// The part a cast line names: its name ([`part_text`], [`character_of`]).
fn part_of(role: &str) -> Option<&str> {
    part_text(role).and_then(character_of)
}

/// The part a cast line or a cell of a cast table names, without what is
/// said of it: "Tom Dolan, manager of the St. Louis Cardinals" -> "Tom
/// Dolan", "Milky in a special appearance for an item number" -> "Milky";
/// "special appearance in song \"Honth Rasiley\"" names none.
fn part_text(role: &str) -> Option<&str> {
    let role = role.trim();
    let lower = role.to_lowercase();
    let notes = [
        "special appearance",
        "guest appearance",
        "cameo",
        "uncredited",
        "item number",
    ];
    if notes.iter().any(|n| lower.starts_with(n)) {
        return None;
    }
    let mut end = role.find(", ").unwrap_or(role.len());
    // " in a special appearance", " in the van": what follows " in " in
    // lower case after a name, or after an article anywhere, tells of the
    // part. "Man in Black" is a name whole, and so is a part that is no
    // name, "singer in tea house".
    let named = role.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let mut from = 0;
    while let Some(i) = role[from..end].find(" in ") {
        let at = from + i;
        let after = &role[at + 4..];
        let article = ["a ", "an ", "the ", "his ", "her ", "their "]
            .iter()
            .any(|a| after.starts_with(a));
        if article || (named && after.starts_with(char::is_lowercase)) {
            end = at;
            break;
        }
        from = at + 4;
    }
    let part = role[..end].trim().trim_end_matches(['.', ',']);
    (!part.is_empty() && part.len() < 80).then_some(part)
}

/// A role as written, or the name at the end of a description: "racer J.J.
/// McClure" -> "J.J. McClure"; "Lino" -> "Lino".
fn character_of(role: &str) -> Option<&str> {
    // "Lino", "2nd Bassoon".
    if role.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return Some(role);
    }
    // "a California Highway Patrolman": one of many, not a named part.
    if role.starts_with("a ") || role.starts_with("an ") {
        return None;
    }
    let words: Vec<&str> = role.split(' ').collect();
    let first_cap = words
        .iter()
        .rposition(|w| !w.starts_with(|c: char| c.is_uppercase()))
        .map_or(0, |i| i + 1);
    let start: usize = words[..first_cap].iter().map(|w| w.len() + 1).sum();
    // "the ambulance EMT": an abbreviation after a description is a job.
    let abbreviation = |r: &str| !r.contains(' ') && r.chars().all(|c| c.is_ascii_uppercase());
    role.get(start..)
        .filter(|r| !r.is_empty() && !abbreviation(r))
}

/// Lower-case words inside names of parts: "Captain of the Guard", "Man in
/// Black", "Don Diego de la Vega".
const NAME_PARTICLES: &[&str] = &[
    "of", "the", "in", "de", "la", "le", "du", "da", "del", "von", "van", "der", "and", "y",
];

/// Words of the other column names of cast tables.
const OTHER_HEADERS: &[&str] = &[
    "notes",
    "note",
    "ref",
    "refs",
    "references",
    "year",
    "film",
    "films",
    "episode",
    "episodes",
    "season",
    "dub",
    "version",
    "language",
    "status",
    "name",
    "original",
    "english",
    "japanese",
    "hindi",
    "french",
    "spanish",
    "german",
    "description",
    "outcome",
    "remarks",
    "remark",
    "award",
    "awards",
    "result",
    "comments",
    "comment",
    "nomination",
    "nominations",
    "credit",
    "credited",
    "billing",
    "order",
];

/// Languages that name the columns of dubs in voice cast tables.
const LANGUAGES: &[&str] = &[
    "original", "english", "japanese", "hindi", "french", "spanish", "german",
];

/// A cell without its notes in parentheses: "Wendee Lee (Wendee Day)" ->
/// "Wendee Lee", "Riva Spier (uncredited)" -> "Riva Spier".
fn without_notes(cell: &str) -> &str {
    match cell.find(" (") {
        Some(open) if cell.trim_end().ends_with(')') => cell[..open].trim_end(),
        _ => cell,
    }
}

/// First cells of header rows that name no other column we read.
const HEADERS: &[&str] = &[
    "actor",
    "actors",
    "cast",
    "role",
    "roles",
    "character",
    "characters",
    "name",
    "performer",
    "voice",
];

/// What the columns of a cast table hold, read from its header row
/// ("Character name | Japanese voice actor | English voice actor").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    /// The column naming the part, if any.
    character: Option<usize>,
    /// The columns naming actors (one per dub or version).
    actors: Vec<usize>,
}

impl Columns {
    /// The columns of a header row, or `None` when the row is no header.
    fn of_header(cells: &[&str]) -> Option<Columns> {
        let mut columns = Columns::default();
        // Columns of one language each: "Character | Japanese | English".
        let mut languages = Vec::new();
        for (k, cell) in cells.iter().enumerate() {
            // "English (Manga, 1995)": a note on the column.
            let lower = without_notes(cell).to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
            if has(&[
                "actor",
                "actors",
                "actress",
                "cast",
                "performer",
                "voice",
                "played",
                "portrayed",
            ]) {
                columns.actors.push(k);
            } else if has(&["character", "characters", "role", "roles", "part"]) {
                columns.character.get_or_insert(k);
            } else if !words.iter().all(|w| OTHER_HEADERS.contains(w)) {
                // A cell that is no column name: a row of data.
                return None;
            } else if has(LANGUAGES) {
                languages.push(k);
            }
        }
        // Beside the part, a column per language holds the voices of a dub.
        if columns.actors.is_empty() && columns.character.is_some() {
            columns.actors = languages;
        }
        (!columns.actors.is_empty() || columns.character.is_some()).then_some(columns)
    }
}

/// A row of a cast table, cells joined by ` | `: "Antonio Banderas | Luis
/// Vargas", "Soo Yong | as Aunt", or cells of their own "Paul Muni as Wang".
/// After a header row, its columns say which cell is which: "Arsène Lupin
/// III | Yasuo Yamada | Robert Bergen as The Wolf".
fn table_row(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, row: &str) {
    let cells: Vec<&str> = row
        .split(" | ")
        .map(|c| c.trim().trim_matches('|').trim())
        .filter(|c| !c.is_empty())
        .collect();
    if let Some(columns) = Columns::of_header(&cells) {
        ctx.cast_columns = Some((s.section.to_string(), columns));
        return;
    }
    if cells
        .first()
        .is_some_and(|c| HEADERS.contains(&c.to_lowercase().as_str()))
    {
        return;
    }
    let columns = match &ctx.cast_columns {
        Some((section, columns)) if section == s.section => Some(columns.clone()),
        _ => None,
    };
    if let Some(columns) = columns.filter(|c| !c.actors.is_empty() && c.actors[0] > 0) {
        // The header puts the part before the actors: read by column.
        let part = columns.character.and_then(|k| cells.get(k)).copied();
        let names = columns
            .actors
            .iter()
            .filter_map(|&k| cells.get(k))
            .flat_map(|cell| cell.split(" / "));
        for cell in names {
            let cell = cell.trim();
            let (actor, own_part) = match cell.split_once(" as ") {
                Some((actor, part)) => (actor.trim(), Some(part.trim())),
                None => (without_notes(cell), None),
            };
            if !is_person_name(actor) {
                continue;
            }
            let character = own_part.or(part).and_then(part_text);
            let q = quals([("character", character)]);
            ctx.sentence_fact(s, film, Predicate::CastMember, actor, q);
        }
        return;
    }
    let own_lines: Vec<&&str> = cells.iter().filter(|c| c.contains(" as ")).collect();
    if !own_lines.is_empty() && cells.first().is_some_and(|c| c.contains(" as ")) {
        for cell in own_lines {
            if let Some((actor, role)) = cell.split_once(" as ") {
                if is_person_name(actor.trim()) {
                    let q = quals([("character", part_text(role))]);
                    ctx.sentence_fact(s, film, Predicate::CastMember, actor.trim(), q);
                }
            }
        }
        return;
    }
    let (Some(actor), role) = (cells.first(), cells.get(1)) else {
        return;
    };
    if !is_person_name(actor) {
        return;
    }
    let role = role.and_then(|r| part_text(r.strip_prefix("as ").unwrap_or(r)));
    let q = quals([("character", role)]);
    ctx.sentence_fact(s, film, Predicate::CastMember, actor, q);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_name_their_columns() {
        let columns = Columns::of_header(&[
            "Character name",
            "Japanese voice actor",
            "English voice actor",
        ]);
        assert_eq!(
            columns,
            Some(Columns {
                character: Some(0),
                actors: vec![1, 2]
            })
        );
        assert_eq!(
            Columns::of_header(&["Actor", "Role"]),
            Some(Columns {
                character: Some(1),
                actors: vec![0]
            })
        );
        assert_eq!(
            Columns::of_header(&["Antonio Banderas", "Luis Vargas"]),
            None
        );
        // A column per dub, named by its language (and a note on it).
        assert_eq!(
            Columns::of_header(&["Characters", "Japanese", "English (Manga, 1995)"]),
            Some(Columns {
                character: Some(0),
                actors: vec![1, 2]
            })
        );
        // Without a part's column, languages name no actors.
        assert_eq!(Columns::of_header(&["Japanese", "English"]), None);
        assert_eq!(Columns::of_header(&["Paul Muni as Wang", "a farmer"]), None);
        assert_eq!(
            Columns::of_header(&["Jim Carey", "Voice of the Grinch"]),
            None
        );
    }

    #[test]
    fn characters_before_parentheses() {
        assert_eq!(
            character_before("his foster brother Quentin "),
            Some("Quentin")
        );
        assert_eq!(character_before("Lino "), Some("Lino"));
        assert_eq!(character_before("When Charas and Lino "), Some("Lino"));
        assert_eq!(character_before("a convict "), None);
        assert_eq!(character_before("the squad--Areski "), Some("Areski"));
        assert_eq!(character_before("Charas' car "), None);
    }

    #[test]
    fn parts_are_names_not_descriptions() {
        assert_eq!(character_of("Lino"), Some("Lino"));
        assert_eq!(character_of("racer J.J. McClure"), Some("J.J. McClure"));
        assert_eq!(character_of("the Emperor"), Some("Emperor"));
        assert_eq!(character_of("a waitress"), None);
        assert_eq!(character_of("a California Highway Patrolman"), None);
        assert_eq!(character_of("the ambulance EMT"), None);
        assert_eq!(character_of("the droid R2-D2"), Some("R2-D2"));
        assert_eq!(character_of("2nd Bassoon"), Some("2nd Bassoon"));
        assert_eq!(character_of("the owner of news channel 24/News"), None);
        assert_eq!(
            part_text("Tom Dolan, manager of the St. Louis Cardinals"),
            Some("Tom Dolan")
        );
        assert_eq!(
            part_text("Milky in a special appearance for an item number"),
            Some("Milky")
        );
        assert_eq!(part_text("Man in Black"), Some("Man in Black"));
        assert_eq!(
            part_text("special appearance in song \"Honth Rasiley\""),
            None
        );
        assert_eq!(part_text("bank clerk"), Some("bank clerk"));
        assert_eq!(
            part_text("singer in tea house"),
            Some("singer in tea house")
        );
        assert_eq!(
            part_of("the Polish driver in the van who gets pulled over by Mr. Foyt."),
            None
        );
        assert_eq!(
            named_after_description("Rebel pilot Hobbie Klivian"),
            "Hobbie Klivian"
        );
        for whole in [
            "Captain of the Guard",
            "Man in Black",
            "Sheik Abdul ben Falafel",
            "Obi-Wan Kenobi",
            "the bounty hunter Boba Fett",
        ] {
            assert_eq!(named_after_description(whole), whole);
        }
    }
}
