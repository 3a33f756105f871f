//! Recognising names in running text: a run of capitalised words (with
//! particles like `de` or `van`, initials and `Jr.`), and enumerations like
//! `A, B, and C`.

use crate::lexicon::MONTHS;

/// Lower-case words that may sit inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "da", "das", "del", "dela", "delas", "della", "der", "di", "dos", "du", "la", "las",
    "los", "le", "van", "von", "bin", "ibn", "al", "y", "ter", "ten", "den", "e", "zu",
    // "Cedric the Entertainer", "Silkk the Shocker"
    "the",
];

/// Capitalised words that never start or make up a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "It",
    "Its",
    "He",
    "She",
    "His",
    "Her",
    "They",
    "Their",
    "This",
    "That",
    "These",
    "With",
    "And",
    "For",
    "On",
    "At",
    "By",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "During",
    "Although",
    "However",
    "But",
    "Also",
    "Both",
    "Other",
    "Several",
    "Many",
    "Some",
    "Later",
    "Director",
    "Producer",
    "Actor",
    "Actors",
    "Actress",
    "Actresses",
    "Writer",
    "Film",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Captain",
    "Detective",
    "Agent",
    "Officer",
    "Doctor",
    "Professor",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Academy",
    "Award",
    "Awards",
    "Oscar",
    "Golden",
    "Globe",
    "Best",
    "Sequel",
    "Remake",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "First",
    "Second",
    "Third",
    "Not",
    "Others",
    "Uncredited",
    "Introducing",
    "Featuring",
    "Starring",
    "Instead",
    "However",
    "Meanwhile",
    "Later",
    "Initially",
    "Originally",
    "Additionally",
    "Eventually",
    "Ultimately",
    "Besides",
    "Only",
    "Even",
    "Each",
    "Every",
    "All",
    "Her",
    "Him",
    "We",
    "You",
    "I",
];

/// Honorifics that stay outside a name but do not end it.
const HONORIFICS: &[&str] = &["Sir", "Dame", "Lord", "Lady"];

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

/// A word that can be part of a name: `Alban`, `O'Toole`, `Zeta-Jones`,
/// `S.`, `J.J.`, `Jr.`, `III`, `McDonald`.
fn is_name_word(word: &str) -> bool {
    // "d'Abo", "de'Medici": a lower-case elided particle before a capital.
    let word = ["d'", "d’", "l'", "l’"]
        .iter()
        .find_map(|p| word.strip_prefix(p))
        .filter(|rest| is_capitalised(rest))
        .unwrap_or(word);
    if !is_capitalised(word) {
        return false;
    }
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// The name at the start of `s` and the byte length it covers:
/// `"David Morse in supporting roles"` -> `Some("David Morse")`.
/// A possessive ends the name (`"Doug Stanton's book"` -> `"Doug Stanton"`).
pub fn leading_name(s: &str) -> Option<&str> {
    let mut end = 0;
    let mut words = 0;
    let mut pos = 0;
    // The end of a nickname of several words, skipped whole.
    let mut skip_until = 0;
    for word in s.split(' ') {
        let word_start = pos;
        pos += word.len() + 1;
        if word_start < skip_until {
            continue;
        }
        if word.is_empty() {
            break;
        }
        // Guinn "Big Boy" Williams, Guinn 'Big Boy' Williams: a nickname
        // of capitalised words. A single quote closes it only before a
        // space (not the apostrophe of "O'Brien").
        let quotes: Option<(&[char], bool)> = if word.starts_with(['"', '“']) {
            Some((&['"', '”'], false))
        } else if word.starts_with(['\'', '‘']) {
            Some((&['\'', '’'], true))
        } else {
            None
        };
        if let Some((close_with, single)) = quotes.filter(|(q, _)| words > 0 && !word.ends_with(*q))
        {
            let inner = &s[word_start + word.chars().next().map_or(1, char::len_utf8)..];
            let close = inner
                .match_indices(close_with)
                .map(|(c, _)| c)
                .find(|&c| !single || inner[c..].chars().nth(1) == Some(' '))
                .filter(|&c| c <= 30);
            if let Some(close) = close.filter(|&c| {
                inner[..c]
                    .split(' ')
                    .all(|w| w.starts_with(char::is_uppercase))
            }) {
                let quote_len = inner[close..].chars().next().map_or(1, char::len_utf8);
                skip_until = s.len() - inner.len() + close + quote_len;
                continue;
            }
        }
        // A nickname in quotes inside a name: Sean "Diddy" Combs.
        // Chris 'Ludacris' Bridges.
        if words > 0
            && word.len() > 2
            && (word.starts_with(['"', '“']) && word.ends_with(['"', '”'])
                || word.starts_with(['\'', '‘']) && word.ends_with(['\'', '’']))
        {
            continue;
        }
        let (core, possessive) = strip_possessive(word);
        let core_trim = core.trim_end_matches([',', ';', ':', ')']);
        // "Q. Allan Brocka.To": a sentence run on without its space ends
        // the name at the period.
        let (core_trim, run_on) = match run_on_period(core_trim) {
            Some(k) => (&core_trim[..k], true),
            None => (core_trim, false),
        };
        let punct_after = core_trim.len() != core.len() || run_on;
        // "Bosnian-born, Austrian director …", "New Jersey-based television
        // producer …": a word of origin makes the run a description.
        if ORIGINS.iter().any(|origin| core_trim.ends_with(origin)) {
            return None;
        }
        // "November 17": a date, not a person named November.
        if words == 0 && MONTHS.contains(&core_trim) {
            let next = s[pos.min(s.len())..].chars().next();
            if next.is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
        }
        if words == 0 && HONORIFICS.contains(&core_trim) {
            return leading_name(&s[pos.min(s.len())..]);
        }
        // "directed by Ari Folman The film …": a sentence run on without its
        // full stop ("Alfred the Great" has it in lower case).
        // "directed by Michele Placido It is based on …", "Sathya It also
        // stars": a pronoun that a verb follows starts the next sentence
        // ("Jeana He," is a name).
        let verb_next = || {
            let next = s[pos.min(s.len())..].split(' ').next().unwrap_or("");
            next.starts_with(char::is_lowercase)
                && !matches!(next, "and" | "or" | "as" | "in" | "with" | "of")
                // The list was cut before the verb: "Sathya It" + "also
                // stars" ("He" is a surname too: "Jeana He").
                || next.is_empty() && core_trim != "He"
        };
        if words > 0
            && (core_trim == "The"
                || !punct_after
                    && matches!(core_trim, "It" | "He" | "She" | "They" | "This")
                    && verb_next())
        {
            break;
        }
        // "directed by Nitin KakkarThe film …", "Q.The": run on without a
        // space either.
        if let Some(head) = core_trim.strip_suffix("The") {
            if head.ends_with(|c: char| c.is_lowercase() || c == '.') && is_name_word(head) {
                end = word_start + head.len();
                break;
            }
        }
        // "Master P. The film …": a sentence run on after an initial.
        if words > 0 && NOT_NAMES.contains(&core_trim) && s[..word_start].trim_end().ends_with('.')
        {
            break;
        }
        let ok = if is_name_word(core_trim) {
            !(words == 0
                && NOT_NAMES.contains(&core_trim)
                && !given_name_before_name(core_trim, &s[pos.min(s.len())..]))
        } else {
            words > 0 && PARTICLES.contains(&core_trim)
        };
        if !ok {
            break;
        }
        words += 1;
        if !PARTICLES.contains(&core_trim) {
            end = word_start + core_trim.len();
        }
        // "directed by Paul Nihipali Jr. Producers are …": a suffix with its
        // period ends the name, whatever follows.
        let suffix = words > 1 && matches!(core_trim, "Jr." | "Sr.");
        if possessive || punct_after || suffix || words >= 6 {
            // "Robert Downey, Jr."
            if !possessive && !run_on && core.ends_with(',') && core_trim.len() + 1 == core.len() {
                if let Some(len) = suffix_after(&s[word_start + core.len()..]) {
                    end = word_start + core.len() + len;
                }
            }
            break;
        }
    }
    let name = s[..end].trim_end_matches(['.', ',']);
    // "Jr." and a trailing initial ("Q.", "J.R.") keep their period; "III."
    // and "MGM." end a sentence.
    let last = name.rsplit(' ').next().unwrap_or(name);
    let initial = last.chars().count() == 1 || last.contains('.');
    let keeps_period = s[..end].ends_with("Jr.")
        || s[..end].ends_with("Sr.")
        || initial && name.ends_with(|c: char| c.is_uppercase()) && s[..end].ends_with('.');
    let name = if keeps_period { &s[..end] } else { name };
    (!name.is_empty()).then_some(name)
}

/// "Oscar Isaac", "Golden Brooks": a word that is usually no name's (an
/// award) opens one when a name word that is no such word follows it.
fn given_name_before_name(word: &str, rest: &str) -> bool {
    matches!(word, "Oscar" | "Golden")
        && rest.split(' ').next().is_some_and(|next| {
            let next = next.trim_end_matches([',', '.', ';']);
            is_name_word(next) && !NOT_NAMES.contains(&next) && !next.ends_with("s'")
        })
}

/// The length of " Jr." / " Sr." (with its space) when `rest` starts with
/// one, as a name's suffix after a comma.
fn suffix_after(rest: &str) -> Option<usize> {
    ["Jr.", "Sr.", "Jr", "Sr"].iter().find_map(|suffix| {
        let after = rest.strip_prefix(' ')?.strip_prefix(suffix)?;
        after
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(1 + suffix.len())
    })
}

/// Where a word holds a sentence end without its space: `Brocka.To` -> 6.
/// Initials (`V.M.`) are not: the letter before their period is a capital.
fn run_on_period(word: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    chars.windows(4).find_map(|w| {
        let [(_, before), (at, dot), (_, capital), (_, small)] = [w[0], w[1], w[2], w[3]];
        (dot == '.' && before.is_lowercase() && capital.is_uppercase() && small.is_lowercase())
            .then_some(at)
    })
}

/// "Wild Hogs's Walt Becker" -> "Walt Becker": a credit names a person after
/// the owner of a possessive (their earlier work, their studio).
pub fn skip_owner(segment: &str) -> &str {
    let Some(owner) = leading_name(segment) else {
        return segment;
    };
    let rest = &segment[owner.len()..];
    let after = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("’s "))
        .or_else(|| rest.strip_prefix("' "));
    match after {
        Some(after) if leading_name(after).is_some() => after,
        _ => segment,
    }
}

/// `"Stanton's"` -> (`"Stanton"`, true).
pub fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "s'", "s’"] {
        if let Some(core) = word.strip_suffix(suffix) {
            if suffix.starts_with('s') {
                return (&word[..core.len() + 1], true);
            }
            return (core, true);
        }
    }
    if let Some(core) = word.strip_suffix('\'').or_else(|| word.strip_suffix('’')) {
        if core.ends_with(['s', 'z', 'x']) {
            return (core, true);
        }
    }
    (word, false)
}

/// Splits an enumeration at commas, semicolons and `and`:
/// `"A, B, and C"` -> `["A", "B", "C"]`, as byte ranges of `s`.
pub fn split_list(s: &str) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new(); // (start, end) of separators
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut depth = 0i32;
    while i < bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            // "Robert Downey, Jr." is one name.
            b',' if depth <= 0 && suffix_after(&s[i + 1..]).is_some() => {}
            b',' | b';' if depth <= 0 => {
                let mut end = i + 1;
                for joiner in [" and ", " & ", " or "] {
                    if s[end..].starts_with(joiner) {
                        end += joiner.len() - 1;
                        break;
                    }
                }
                cuts.push((i, end));
                i = end;
                continue;
            }
            b' ' if depth <= 0 && (s[i..].starts_with(" and ") || s[i..].starts_with(" & ")) => {
                let len = if s[i..].starts_with(" and ") { 5 } else { 3 };
                cuts.push((i, i + len - 1));
                i += len - 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (cs, ce) in cuts.into_iter().chain(std::iter::once((s.len(), s.len()))) {
        let item = &s[start..cs];
        let lead = item.len() - item.trim_start().len();
        let trimmed = item.trim();
        if !trimmed.is_empty() {
            out.push((start + lead, start + lead + trimmed.len()));
        }
        start = ce;
    }
    out
}

/// The names of an enumeration, in order, stopping at the first item that
/// does not start with a name. Each item's name is its leading name:
/// `"A B, C D, and E F in supporting roles"` -> `["A B", "C D", "E F"]`.
pub fn name_list(s: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (start, end) in split_list(s) {
        let item = &s[start..end];
        let item = item.strip_prefix("and ").unwrap_or(item);
        match leading_name(item) {
            Some(name) => {
                out.push(name);
                // An item that goes on past its name ends the list.
                let name_end = item.find(name).map_or(item.len(), |p| p + name.len());
                let rest = item[name_end..].trim_start_matches(['.', ' ']);
                let goes_on = rest.starts_with('(')
                    || !rest
                        .split_whitespace()
                        .any(|w| w.starts_with(|c: char| c.is_lowercase()));
                if !goes_on {
                    break;
                }
            }
            None => break,
        }
    }
    out
}

/// Whether `names` (read from `text` by [`name_list`]) are all that `text`
/// holds, but for the commas and "and"s between them: "Jason Blum and
/// Michael Bay", not "The film's success made X and Y".
pub fn names_cover(text: &str, names: &[&str]) -> bool {
    let covered: usize = names.iter().map(|n| n.len()).sum();
    !names.is_empty() && covered + 6 * names.len() >= text.len()
}

/// Words for what a person or company is, written before their name:
/// "Japanese American filmmaker Rea Tajiri", "American studio United Artists".
const ROLE_NOUNS: &str = "filmmakers?|film-makers?|writer/directors?|writer-directors?|directors?|writers?|screenwriters?|authors?|novelists?|playwrights?|producers?|musicians?|puppeteers?|actors?|actress(?:es)?|comedians?|rappers?|singers?|songwriters?|lyricists?|artists?|journalists?|photographers?|cinematographers?|editors?|composers?|members|studios?|company|companies|distributors?|newcomers?|debutants?|debutantes?|débutants?|débutantes?|superstars?|idols?|designers?|brothers|duo|team|partners?|collaborators?|wrestlers?|creators?|cartoonists?|animators?|poets?|dramatists?|critics?|documentarians?|documentarists?|siblings|brothers?|sisters?|sons?|daughters?|wife|husband|father|mother|cousins?|players?|stars?|legends?|icons?|personalit(?:y|ies)|hosts?|personalities|nominees?|winners?|laureates?|bands?|groups?|boxers?|athletes?|commentators?|broadcasters?|announcers?|anchors?|dancers?|presenters?|footballers?|models?|racers?|drivers?";

/// Trades that describe a person before a name ("violinist Fiona Pears"),
/// but never before a comma: "as the lead astronaut, Susan Shaw as …" is a
/// part, then the next actor.
const TRADE_NOUNS: &str = "frontman|frontwoman|auteurs?|makers?|professors?|veterans?|students?|violinists?|pianists?|guitarists?|bassists?|drummers?|cellists?|saxophonists?|trumpeters?|vocalists?|magicians?|illusionists?|chefs?|painters?|sculptors?|choreographers?|ballerinas?|skaters?|surfers?|golfers?|swimmers?|gymnasts?|entertainers?|ventriloquists?|impressionists?|bloggers?|politicians?|activists?|astronauts?|developers?";

static ROLE_NOUN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(&format!("(?:(?:{ROLE_NOUNS}),?|{TRADE_NOUNS}) [A-Z]"))
        .expect("role noun pattern")
});

/// `segment` with each compound of trades before a name cut to its last
/// trade: "cinematographer-turned-director K.V.Guhan" -> "director
/// K.V.Guhan", "director-actors Jorge" -> "actors Jorge". A plain scan at
/// each hyphen: most segments have hyphens, few have such compounds.
fn without_compound_trades(segment: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (at, _) in segment.match_indices('-') {
        let word_start = segment[..at]
            .char_indices()
            .rfind(|&(_, c)| !c.is_ascii_lowercase())
            .map_or(0, |(p, c)| p + c.len_utf8());
        // A whole lower-case word: not the tail of "Co-stars".
        let whole_word = !segment[..word_start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        if word_start == at || at < copied || !whole_word {
            continue;
        }
        let after = &segment[at + 1..];
        let trade_at = after.strip_prefix("turned-").map_or(at + 1, |_| at + 8);
        let trade = segment[trade_at..].split(' ').next().unwrap_or("");
        let before_name = segment[trade_at + trade.len()..]
            .strip_prefix(' ')
            .is_some_and(|rest| rest.starts_with(char::is_uppercase));
        if before_name && is_role_noun(trade) {
            let buf = out.get_or_insert_with(|| String::with_capacity(segment.len()));
            buf.push_str(&segment[copied..word_start]);
            copied = trade_at;
        }
    }
    match out {
        Some(mut buf) => {
            buf.push_str(&segment[copied..]);
            std::borrow::Cow::Owned(buf)
        }
        None => std::borrow::Cow::Borrowed(segment),
    }
}

/// Whether `word` is one of [`ROLE_NOUNS`] ("director", "actors").
fn is_role_noun(word: &str) -> bool {
    static WORD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::compile(&format!("^(?:{ROLE_NOUNS})$")).expect("role noun word")
    });
    WORD.is_match(word)
}

/// A description by its owner: "Michelle Pfeiffer's production company, "
/// before the company's name, "Ingram's wife, " before hers.
static OWNER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:[A-Z][\w.'’-]* )*[A-Z][\w.'’-]*['’]s (?:[a-z][\w-]* )?(?:{ROLE_NOUNS}),? (?P<next>[A-Z])"
    ))
    .expect("owner pattern")
});

/// The endings of words that say where a person is from: "Bosnian-born",
/// "New Jersey-based".
const ORIGINS: &[&str] = &[
    "-based",
    "-born",
    "-raised",
    "-bred",
    "-trained",
    "-educated",
];

/// Where a person is from, before their description: "Bosnian-born, ",
/// "New Jersey-based ", "Oxford-educated ".
static ORIGIN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let endings: Vec<&str> = ORIGINS.iter().map(|o| &o[1..]).collect();
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:[A-Z][\w'.]* )*[A-Z][\w'.]*-(?:{}),? ",
        endings.join("|")
    ))
    .expect("origin pattern")
});

/// Words of praise or seniority before a name: "veteran Dasari Narayana Rao".
static ADJECTIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:(?:the|a|an) )?(?:veteran|legendary|famed|renowned|acclaimed) (?P<next>[A-Z])",
    )
    .expect("adjective pattern")
});

/// A nationality alone before a name at the start of a list's item:
/// "directed by Bangladeshi F.I. Manik", "Israeli Guy Davidi and …". Not
/// one that is also a given name ("French Stewart"), and only before two
/// capitalised words, so that "Canadian Mountie" stays whole.
static NATIONALITY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let words: Vec<String> = crate::lexicon::nationalities()
        .filter(|n| !matches!(*n, "French" | "English" | "German" | "Welsh"))
        .map(regex::escape)
        .collect();
    crate::pattern::compile(&format!(
        r"(?P<lead>^|, |(?-u:\b)and |& )(?:{}) (?P<next>[A-Z][\w.'-]* [A-Z])",
        words.join("|")
    ))
    .expect("nationality pattern")
});

/// [`NATIONALITY`] dropped, where a person's name follows: a company's
/// name keeps it ("American International Pictures").
fn without_nationality(segment: &str) -> std::borrow::Cow<'_, str> {
    NATIONALITY.replace_all(segment, |c: &regex::Captures<'_>| {
        let next = c.name("next").map_or(segment.len(), |m| m.start());
        let whole = c.get(0).map_or("", |m| m.as_str());
        match leading_name(&segment[next..]) {
            Some(name) if !crate::credits::is_company(name) => {
                format!("{}{}", &c["lead"], &c["next"])
            }
            _ => whole.to_string(),
        }
    })
}

static DESCRIPTOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?:(?-u:\b)(?:the|a|an) )?(?:(?-u:\b)[A-Z][\w'’-]* )*(?:(?-u:\b)(?:his|her|their) )?(?:(?:(?-u:\b)[a-z][\w-]+ )?(?-u:\b)(?:{ROLE_NOUNS}), )*(?:(?-u:\b)[a-z][\w-]* (?:and|&) )?(?:(?P<modifier>(?-u:\b)[a-z][\w-]* )?(?-u:\b)(?:(?:{ROLE_NOUNS}),?|{TRADE_NOUNS})|(?P<two>(?-u:\b)[a-z][\w-]* [a-z][\w-]* )(?-u:\b)(?:{ROLE_NOUNS}|{TRADE_NOUNS})) (?P<next>[A-Z])"
    ))
    .expect("descriptor pattern")
});

/// Drops descriptions written before names: "Japanese American filmmaker
/// Rea Tajiri" -> "Rea Tajiri", "musician and puppeteer Liam Lynch" -> "Liam
/// Lynch". A list's connector is no modifier: "comedian Zach Galifianakis and
/// actress Judy Greer" keeps "Zach Galifianakis and".
pub fn strip_descriptors(segment: &str) -> std::borrow::Cow<'_, str> {
    // "Actors Paul Hogan and Linda Kozlowski reprise …": a trade at the
    // start of a sentence is capitalised too.
    let segment = leading_trade(segment).map_or(segment, |len| &segment[len..]);
    // "veteran Dasari Narayana Rao", "veteran Coronation Street actor Brian
    // Capron": a word of praise or seniority goes first.
    let segment = ADJECTIVE.replace_all(segment, "$next");
    // "actress Michelle Pfeiffer's production company, Via Rosa
    // Productions": the owner goes with the description, whole.
    let segment = then(segment, |seg| {
        if seg.contains("'s ") || seg.contains("’s ") {
            OWNER.replace_all(seg, "$next")
        } else {
            std::borrow::Cow::Borrowed(seg)
        }
    });
    // "Bosnian-born, Austrian director …": where a person is from is no
    // part of their name (nor a name: see `leading_name`).
    let segment = then(segment, |seg| {
        if ORIGINS.iter().any(|origin| seg.contains(origin)) {
            ORIGIN.replace_all(seg, "")
        } else {
            std::borrow::Cow::Borrowed(seg)
        }
    });
    // "cinematographer-turned-director K.V.Guhan", "Cuban director-actors
    // Jorge Perugorría": a compound of trades is its last trade.
    let segment = then(segment, without_compound_trades);
    let segment = then(segment, without_nationality);
    // The description needs a role noun: without one, nothing to strip (a
    // literal search, much cheaper than the whole pattern).
    if !ROLE_NOUN.is_match(&segment) {
        return segment;
    }
    then(segment, |seg| {
        DESCRIPTOR.replace_all(seg, without_description)
    })
}

/// The length of a capitalised trade that starts `segment` before a name,
/// with its space: "Actors Paul Hogan", "Director Joel Coen" (no words of
/// kinship or rank: "Mother Teresa", "Father Brown" are names; no plural
/// that starts a company's name: "Producers Releasing Corporation",
/// "Directors Guild of America").
fn leading_trade(segment: &str) -> Option<usize> {
    const TRADES: &[&str] = &[
        "Actor",
        "Actors",
        "Actress",
        "Actresses",
        "Director",
        "Producer",
        "Writer",
        "Screenwriter",
        "Filmmaker",
        "Comedian",
        "Comedians",
        "Singer",
        "Singers",
        "Rapper",
        "Musician",
        "Composer",
        "Cinematographer",
        "Novelist",
        "Playwright",
        "Animator",
        "Cartoonist",
        "Lyricist",
        "Choreographer",
        "Author",
        "Poet",
    ];
    let (first, rest) = segment.split_once(' ')?;
    (TRADES.contains(&first) && rest.starts_with(char::is_uppercase)).then_some(first.len() + 1)
}

/// `step` applied to `text`, borrowing from the original where neither
/// changed it.
fn then<'a>(
    text: std::borrow::Cow<'a, str>,
    step: impl for<'b> Fn(&'b str) -> std::borrow::Cow<'b, str>,
) -> std::borrow::Cow<'a, str> {
    match text {
        std::borrow::Cow::Borrowed(t) => step(t),
        std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(step(&t).into_owned()),
    }
}

/// Words that are not a description's first word, before a second one:
/// "including returning actors …", "while voice actors Peter Cullen …",
/// "Aditya Chopra under his studio Yash Raj Films" keep them (as do verbs in
/// "-ing" and "-ed": "Arthur Lubin showcasing teenage singer Jane Powell").
const KEPT_BEFORE_TWO: &[&str] = &[
    "alongside",
    "opposite",
    "while",
    "whilst",
    "whereas",
    "but",
    "then",
    "also",
    "who",
    "which",
    "that",
    "in",
    "on",
    "at",
    "from",
    "to",
    "among",
    "of",
    "by",
    "for",
    "under",
    "through",
    "via",
    "after",
    "before",
    "during",
    "into",
    "against",
    "is",
    "was",
    "are",
    "were",
    "stars",
    "features",
    "includes",
    "plays",
    "voices",
];

/// What a description matched by [`DESCRIPTOR`] leaves: the first letter of
/// the name after it, and a list's connector kept in front of it.
fn without_description(c: &regex::Captures<'_>) -> String {
    let whole = c.get(0).map_or("", |m| m.as_str());
    let start = c.get(0).map_or(0, |m| m.start());
    let next = &c["next"];
    let two = c.name("two");
    // Where the kept words in front of the name end, if any.
    let kept_end = c.name("modifier").or(two).and_then(|m| {
        let mut words = m.as_str().split(' ');
        let first = words.next()?;
        let second = words.next().unwrap_or("");
        // "son of director David Dhawan": a second word that is no
        // description's ends it there ("son of David Dhawan"); an article
        // is the description's own ("Corrente and the brothers Peter and
        // Bobby Farrelly" -> "Corrente and Peter and Bobby Farrelly").
        let before_second = match second {
            "the" | "a" | "an" if two.is_some() => Some(first.len() + 1),
            // "the lead protagonist while newcomers Vidhisha Srivatsav":
            // a clause's first word ends the one before.
            "of" | "for" | "to" | "by" | "with" | "from" | "and" | "or" | "as" | "while"
            | "whereas" | "whilst" | "but" | "who" | "whom" | "whose" | "which" | "that"
            | "where" | "when"
                if two.is_some() =>
            {
                Some(first.len() + second.len() + 2)
            }
            _ => None,
        };
        // The first word may be the list's connector or its cue: "… and
        // former child star Billy Halop" keeps "and ", "including returning
        // actors Ice Cube" keeps "including ".
        let connector = matches!(first, "and" | "or" | "with" | "plus" | "as")
            || two.is_some()
                && (KEPT_BEFORE_TWO.contains(&first)
                    || first.ends_with("ing")
                    || first.ends_with("ed"));
        before_second
            .or(connector.then_some(first.len() + 1))
            .map(|kept| m.start() + kept)
    });
    match kept_end {
        Some(end) => format!("{}{next}", &whole[..end - start]),
        None => next.to_string(),
    }
}

/// Whether `s` as a whole looks like a person's name.
pub fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    leading_name(s) == Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nickname_of_several_words_stays_inside_the_name() {
        assert_eq!(
            leading_name("Guinn \"Big Boy\" Williams, and Harry Carey"),
            Some("Guinn \"Big Boy\" Williams")
        );
        assert_eq!(
            leading_name("Ai Ai delas Alas and Marian"),
            Some("Ai Ai delas Alas")
        );
        assert_eq!(
            leading_name("Guinn 'Big Boy' Williams, Marion Aye"),
            Some("Guinn 'Big Boy' Williams")
        );
        assert_eq!(leading_name("Pat O'Brien and Joan"), Some("Pat O'Brien"));
        // A suffix ends the name; a stage name may begin with one.
        assert_eq!(
            leading_name("Paul Nihipali Jr. Producers are Joseph Bar"),
            Some("Paul Nihipali Jr.")
        );
        assert_eq!(leading_name("Jr. NTR, Trisha"), Some("Jr. NTR"));
        // A sentence run on without its full stop, or its space.
        assert_eq!(leading_name("Ari Folman The film is"), Some("Ari Folman"));
        assert_eq!(
            leading_name("Nitin KakkarThe film is"),
            Some("Nitin Kakkar")
        );
        // An opening quote with no close: the name ends before it.
        assert_eq!(leading_name("Tom \"the"), Some("Tom"));
    }

    #[test]
    fn compounds_of_trades_keep_their_last_trade() {
        for (segment, cut) in [
            (
                "cinematographer-turned-director K.V.Guhan, starring",
                "director K.V.Guhan, starring",
            ),
            (
                "Cuban director-actors Jorge Perugorría and",
                "Cuban actors Jorge Perugorría and",
            ),
            // Names, a capitalised word's tail, a trade before no name.
            (
                "René-Daniel Dubois and Marc-André",
                "René-Daniel Dubois and Marc-André",
            ),
            ("Co-stars Joanna Lumley", "Co-stars Joanna Lumley"),
            (
                "a well-known actor-director.",
                "a well-known actor-director.",
            ),
        ] {
            assert_eq!(without_compound_trades(segment), cut, "{segment}");
        }
    }

    #[test]
    fn leading_names() {
        assert_eq!(
            leading_name("David Morse in supporting roles"),
            Some("David Morse")
        );
        assert_eq!(
            leading_name("Jeremiah S. Chechik."),
            Some("Jeremiah S. Chechik")
        );
        assert_eq!(
            leading_name("Doug Stanton's non-fiction book"),
            Some("Doug Stanton")
        );
        assert_eq!(
            leading_name("Catherine Zeta-Jones"),
            Some("Catherine Zeta-Jones")
        );
        assert_eq!(leading_name("Ben O'Toole"), Some("Ben O'Toole"));
        assert_eq!(
            leading_name("Michele Placido It is based on"),
            Some("Michele Placido")
        );
        assert_eq!(leading_name("Jeana He, Jason Chan"), Some("Jeana He"));
        assert_eq!(leading_name("Jeana He and Jason Chan"), Some("Jeana He"));
        assert_eq!(leading_name("Sathya It"), Some("Sathya"));
        assert_eq!(
            leading_name("Robert Downey Jr. and"),
            Some("Robert Downey Jr.")
        );
        assert_eq!(
            leading_name("Guillermo del Toro"),
            Some("Guillermo del Toro")
        );
        assert_eq!(leading_name("Sir Ian McKellen"), Some("Ian McKellen"));
        assert_eq!(leading_name("Olivia d'Abo, Phil"), Some("Olivia d'Abo"));
        assert_eq!(
            leading_name("Sean \"Diddy\" Combs and"),
            Some("Sean \"Diddy\" Combs")
        );
        assert_eq!(leading_name("the film"), None);
        assert_eq!(leading_name("The film"), None);
        assert_eq!(
            leading_name("Sébastien Lalanne)"),
            Some("Sébastien Lalanne")
        );
        // A sentence's period after a name's last word is no initial's.
        assert_eq!(
            leading_name("Clarence Williams III."),
            Some("Clarence Williams III")
        );
        assert_eq!(leading_name("John Q."), Some("John Q."));
    }

    #[test]
    fn a_nationality_before_a_persons_name_goes_but_a_companys_stays() {
        assert_eq!(strip_descriptors("Bangladeshi F.I. Manik"), "F.I. Manik");
        assert_eq!(
            strip_descriptors("Israeli Guy Davidi and Italian Emad Burnat"),
            "Guy Davidi and Emad Burnat"
        );
        assert_eq!(
            strip_descriptors("American International Pictures"),
            "American International Pictures"
        );
        // One word after it is no name: a part ("as a Canadian Mountie").
        assert_eq!(strip_descriptors("Canadian Mountie"), "Canadian Mountie");
        // A nationality that is also a given name.
        assert_eq!(strip_descriptors("French Stewart"), "French Stewart");
    }

    #[test]
    fn descriptors_go_but_list_connectors_stay() {
        // Where a person is from, several roles, an owner's relation.
        for (written, name) in [
            (
                "Bosnian-born, Austrian director and producer Nina Kusturica",
                "Nina Kusturica",
            ),
            (
                "New Jersey-based television producer, reporter and news anchor Bob Bowdon",
                "Bob Bowdon",
            ),
            ("Melbourne auteur Alkinos Tsilimidos", "Alkinos Tsilimidos"),
            ("Ingram’s wife, actress Alice Terry", "Alice Terry"),
            (
                "actress Michelle Pfeiffer's production company, Via Rosa Productions",
                "Via Rosa Productions",
            ),
            ("Pat O'Malley's wife, Lillian Hall", "Lillian Hall"),
            (
                "writer, director and cinematographer Teal Greyhavens",
                "Teal Greyhavens",
            ),
        ] {
            assert_eq!(strip_descriptors(written), name);
        }
        assert_eq!(leading_name("Irish-born filmmaker"), None);
        assert_eq!(
            strip_descriptors("comedian Zach Galifianakis and actress Judy Greer"),
            "Zach Galifianakis and Judy Greer"
        );
        assert_eq!(
            strip_descriptors("newcomer actor Masaki Okada and actress Mao Inoue"),
            "Masaki Okada and Mao Inoue"
        );
        assert_eq!(
            strip_descriptors("his real-life son, O'Shea Jackson Jr."),
            "O'Shea Jackson Jr."
        );
        assert_eq!(
            strip_descriptors("musician and puppeteer Liam Lynch"),
            "Liam Lynch"
        );
        assert_eq!(
            strip_descriptors("Japanese American filmmaker Rea Tajiri"),
            "Rea Tajiri"
        );
        // A birthplace before a performer's trade is no name.
        assert_eq!(
            strip_descriptors("New Zealand born violinist Fiona Pears"),
            "Fiona Pears"
        );
        assert_eq!(
            strip_descriptors("magician Ricky Jay and Irish-born pianist Ann Byrne"),
            "Ricky Jay and Ann Byrne"
        );
        // Two words may describe the trade; a connector before them stays.
        assert_eq!(
            strip_descriptors("famous stage star Kitty Gordon"),
            "Kitty Gordon"
        );
        assert_eq!(
            strip_descriptors("Gloria Jean and former child star Billy Halop"),
            "Gloria Jean and Billy Halop"
        );
        assert_eq!(
            strip_descriptors("an ensemble cast, including returning actors Cube, Eve"),
            "an ensemble cast, including Cube, Eve"
        );
        assert_eq!(
            strip_descriptors("American slapstick comedy team The Three Stooges"),
            "The Three Stooges"
        );
        assert_eq!(
            strip_descriptors("Jon Voight also star, while voice actors Peter Cullen"),
            "Jon Voight also star, while Peter Cullen"
        );
        assert_eq!(
            strip_descriptors("Rohit Dhawan, son of director David Dhawan"),
            "Rohit Dhawan, son of David Dhawan"
        );
        assert_eq!(
            strip_descriptors("written by Corrente and the brothers Peter and Bobby Farrelly"),
            "written by Corrente and Peter and Bobby Farrelly"
        );
        // A verb or preposition before two words is no description.
        assert_eq!(
            strip_descriptors("directed by Arthur Lubin showcasing teenage singer Jane Powell"),
            "directed by Arthur Lubin showcasing Jane Powell"
        );
        assert_eq!(
            strip_descriptors("Kristel in the title role of exotic dancer Mata Hari"),
            "Kristel in the title role of Mata Hari"
        );
        assert_eq!(
            strip_descriptors("composed by Nick Urata of the band DeVotchKa"),
            "composed by Nick Urata of DeVotchKa"
        );
        // A trade before a comma is a part, and the next actor follows.
        assert_eq!(
            strip_descriptors("Anthony Dexter as the lead astronaut, Susan Shaw as a maiden"),
            "Anthony Dexter as the lead astronaut, Susan Shaw as a maiden"
        );
    }

    #[test]
    fn run_on_sentences_and_owners() {
        assert_eq!(
            leading_name("Q. Allan Brocka.To date"),
            Some("Q. Allan Brocka")
        );
        assert_eq!(leading_name("V.M. Vinu"), Some("V.M. Vinu"));
        assert_eq!(skip_owner("Wild Hogs's Walt Becker and"), "Walt Becker and");
        assert_eq!(skip_owner("Walt Becker"), "Walt Becker");
        assert_eq!(leading_name("Oscar Isaac as"), Some("Oscar Isaac"));
        assert_eq!(
            leading_name("Cedric the Entertainer, Louis"),
            Some("Cedric the Entertainer")
        );
        assert_eq!(leading_name("Tom Hanks the actor"), Some("Tom Hanks"));
        assert_eq!(leading_name("November 17 and"), None);
        assert_eq!(leading_name("Master P. The film"), Some("Master P."));
        assert_eq!(leading_name("June Squibb"), Some("June Squibb"));
        assert_eq!(leading_name("Oscar nominee Jane Doe"), None);
        assert_eq!(leading_name("Golden Globe Award"), None);
        assert_eq!(
            name_list("Sam Worthington, Robert Downey, Jr. and James Franco"),
            ["Sam Worthington", "Robert Downey, Jr.", "James Franco"]
        );
    }

    #[test]
    fn lists() {
        let s = "Bruce Willis, Madeleine Stowe, and Brad Pitt";
        assert_eq!(
            name_list(s),
            ["Bruce Willis", "Madeleine Stowe", "Brad Pitt"]
        );
        let s = "Guillaume Pierret, Alban Lenoir and Kamel Guemra";
        assert_eq!(
            name_list(s),
            ["Guillaume Pierret", "Alban Lenoir", "Kamel Guemra"]
        );
        let s = "Christopher Plummer and David Morse in supporting roles";
        assert_eq!(name_list(s), ["Christopher Plummer", "David Morse"]);
        assert_eq!(name_list("the novel by Stephen King"), Vec::<&str>::new());
    }

    #[test]
    fn descriptions_before_names_go() {
        assert_eq!(
            strip_descriptors("Melvin Van Peebles and his son, Mario Van Peebles"),
            "Melvin Van Peebles and Mario Van Peebles"
        );
        assert_eq!(
            strip_descriptors("Japanese American filmmaker Rea Tajiri"),
            "Rea Tajiri"
        );
        assert_eq!(
            strip_descriptors("musician and puppeteer Liam Lynch"),
            "Liam Lynch"
        );
    }

    #[test]
    fn a_list_ends_at_an_item_that_goes_on() {
        let s = "Ted Tally and Peter Craig based on a book";
        assert_eq!(name_list(s), ["Ted Tally", "Peter Craig"]);
    }
}
