//! Credits in prose: "directed by A, written by B and C, and starring D, E
//! and F", "The film stars ...", "produced by ... for Columbia Pictures",
//! "with music by ...". Each cue opens a segment that runs to the next cue or
//! to the end of the clause; the segment's names are the credited people.

use crate::context::{quals, Context, Sentence};
use crate::names::{leading_name, name_list, split_list};
use filmgraph_model::Predicate;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    People(&'static [Predicate]),
    /// People or companies: a name with a company word is a company.
    Producer,
    Cast,
    Company(Predicate),
    /// `with` continues a cast list; elsewhere it ends a segment.
    With,
    /// A phrase that ends the segment before it and starts nothing.
    Stop,
}

use Predicate::*;

const CUES: &[(&str, Role)] = &[
    (
        "written, directed and produced by",
        Role::People(&[Screenwriter, Director, Producer]),
    ),
    (
        "written, produced and directed by",
        Role::People(&[Screenwriter, Producer, Director]),
    ),
    (
        "produced, written and directed by",
        Role::People(&[Producer, Screenwriter, Director]),
    ),
    (
        "written and directed by",
        Role::People(&[Screenwriter, Director]),
    ),
    (
        "directed and written by",
        Role::People(&[Director, Screenwriter]),
    ),
    (
        "co-written and directed by",
        Role::People(&[Screenwriter, Director]),
    ),
    (
        "directed and co-written by",
        Role::People(&[Director, Screenwriter]),
    ),
    (
        "directed and produced by",
        Role::People(&[Director, Producer]),
    ),
    (
        "produced and directed by",
        Role::People(&[Producer, Director]),
    ),
    ("co-directed by", Role::People(&[Director])),
    ("directed by", Role::People(&[Director])),
    // "a 1997 American drama comedy film by rapper Master P"
    ("film by", Role::People(&[Director])),
    ("by director", Role::People(&[Director])),
    ("documentary by", Role::People(&[Director])),
    ("documentary film by", Role::People(&[Director])),
    // "the directorial debut of Selton Mello"
    ("directorial debut of", Role::People(&[Director])),
    ("directoral debut of", Role::People(&[Director])),
    ("directing debut of", Role::People(&[Director])),
    ("debut feature of director", Role::People(&[Director])),
    ("feature debut of director", Role::People(&[Director])),
    ("film from", Role::People(&[Director])),
    ("movie by", Role::People(&[Director])),
    ("from a screenplay by", Role::People(&[Screenwriter])),
    ("with a screenplay by", Role::People(&[Screenwriter])),
    ("screenplay by", Role::People(&[Screenwriter])),
    ("co-written by", Role::People(&[Screenwriter])),
    ("written by", Role::People(&[Screenwriter])),
    ("scripted by", Role::People(&[Screenwriter])),
    ("adapted by", Role::People(&[Screenwriter])),
    ("co-written with", Role::People(&[Screenwriter])),
    ("screenplay is credited to", Role::People(&[Screenwriter])),
    ("co-produced by", Role::Producer),
    ("coproduced by", Role::Producer),
    ("co-produced", Role::Producer),
    ("cast includes", Role::Cast),
    ("cast included", Role::Cast),
    ("cast also includes", Role::Cast),
    ("cast also included", Role::Cast),
    ("cast including", Role::Cast),
    ("cast consisting of", Role::Cast),
    ("cast featuring", Role::Cast),
    ("co-stars include", Role::Cast),
    ("co-stars included", Role::Cast),
    ("also features", Role::Cast),
    ("alongside", Role::With),
    // "stars X in the lead role, Y and Z": the list goes on after the role.
    ("in the lead role", Role::With),
    ("in the leading role", Role::With),
    ("in the lead roles", Role::With),
    ("in the leading roles", Role::With),
    ("in lead roles", Role::With),
    ("in lead role", Role::With),
    ("in leading roles", Role::With),
    ("in main roles", Role::With),
    ("in a cameo appearance", Role::With),
    ("in a cameo role", Role::With),
    ("in a cameo", Role::With),
    ("in the title role", Role::With),
    ("in the main role", Role::With),
    ("in the main roles", Role::With),
    ("in a supporting role", Role::With),
    ("in supporting roles", Role::With),
    ("in small roles", Role::With),
    ("in minor roles", Role::With),
    ("in smaller roles", Role::With),
    ("in cameo roles", Role::With),
    ("in cameos", Role::With),
    ("opposite", Role::With),
    ("supporting roles from", Role::Cast),
    ("supporting performances from", Role::Cast),
    // "X, Y and Z rounded out the cast": the names come first.
    ("made a cameo appearance", Role::Cast),
    ("make a cameo appearance", Role::Cast),
    ("make cameo appearances", Role::Cast),
    ("made a special appearance", Role::Cast),
    ("makes a special appearance", Role::Cast),
    ("make a special appearance", Role::Cast),
    ("make special appearances", Role::Cast),
    ("appearance by", Role::Cast),
    ("appearances by", Role::Cast),
    ("playing", Role::Cast),
    ("makes a cameo appearance", Role::Cast),
    ("made cameo appearances", Role::Cast),
    ("cast, led by", Role::Cast),
    ("cast led by", Role::Cast),
    ("rounded out the cast", Role::Cast),
    ("rounded out the rest of the cast", Role::Cast),
    ("round out the cast", Role::Cast),
    ("rounds out the cast", Role::Cast),
    ("complete the cast", Role::Cast),
    ("completes the cast", Role::Cast),
    ("completed the cast", Role::Cast),
    ("along with", Role::With),
    ("together with", Role::With),
    ("as well as", Role::With),
    ("appear", Role::Cast),
    ("appears", Role::Cast),
    ("portrays", Role::Cast),
    ("plays", Role::Cast),
    // "Sivaji and Meera Jasmine played the lead roles", "… play supporting
    // roles", "Theo James … appeared in new roles": the names come first.
    ("play", Role::Cast),
    ("played", Role::Cast),
    ("appeared", Role::Cast),
    ("acts", Role::Cast),
    ("supporting cast of", Role::Cast),
    ("cast include", Role::Cast),
    ("cast consists of", Role::Cast),
    ("cast headed by", Role::Cast),
    ("performances from", Role::Cast),
    ("performances by", Role::Cast),
    ("portrayed by", Role::Cast),
    ("voiced by", Role::Cast),
    // "leading stars are Shakib Khan, Apu Biswas and Razzak"
    ("stars are", Role::Cast),
    ("actors are", Role::Cast),
    ("played by", Role::Cast),
    ("actors in this film included", Role::Cast),
    ("produced by", Role::Producer),
    ("executive produced by", Role::Stop),
    ("narrated by", Role::People(&[Narrator])),
    ("with music by", Role::People(&[Composer])),
    ("music by", Role::People(&[Composer])),
    ("score by", Role::People(&[Composer])),
    ("music composed by", Role::People(&[Composer])),
    ("composed by", Role::People(&[Composer])),
    ("scored by", Role::People(&[Composer])),
    ("cinematography by", Role::People(&[Cinematographer])),
    ("photographed by", Role::People(&[Cinematographer])),
    ("edited by", Role::People(&[Editor])),
    ("co-edited by", Role::People(&[Editor])),
    ("edited", Role::People(&[Editor])),
    ("co-edited", Role::People(&[Editor])),
    ("distributed by", Role::Company(Distributor)),
    ("co-starring", Role::Cast),
    ("co-stars", Role::Cast),
    ("co-starred", Role::Cast),
    ("starred", Role::Cast),
    ("also starring", Role::Cast),
    ("supported by", Role::Cast),
    ("directed", Role::People(&[Director])),
    ("written", Role::People(&[Screenwriter])),
    ("co-written", Role::People(&[Screenwriter])),
    ("produced", Role::Producer),
    ("starring", Role::Cast),
    ("stars", Role::Cast),
    ("also stars", Role::Cast),
    ("star", Role::Cast),
    ("reprise", Role::Cast),
    ("reprises", Role::Cast),
    ("reprised", Role::Cast),
    ("reprising", Role::Cast),
    ("features", Role::Cast),
    ("feature", Role::Cast),
    ("featuring", Role::Cast),
    ("featured", Role::Cast),
    ("with", Role::With),
    ("inspired by", Role::Stop),
    ("influenced by", Role::Stop),
    ("based on", Role::Stop),
    ("adapted from", Role::Stop),
    ("released by", Role::Company(Distributor)),
    ("set in", Role::Stop),
    ("about", Role::Stop),
    ("who", Role::Stop),
    ("for", Role::Stop),
    ("from", Role::Stop),
    ("in", Role::Stop),
    ("is", Role::Stop),
    ("was", Role::Stop),
    ("and is", Role::Stop),
    ("and was", Role::Stop),
];

/// Phrases that name a character inside a cast item, never cues.
const IN_A_ROLE: &[&str] = &[
    "in the role of ",
    "in the title role of ",
    "in the roles of ",
];

/// Phrases after which a cue in the same clause is about another work.
const OTHER_WORK: &[&str] = &[
    "remake of",
    "sequel to",
    "prequel to",
    "follow-up to",
    "version of",
    "adaptation of",
    "spin-off of",
    "spinoff of",
    "based on",
    "reboot of",
    "previously adapted",
    "previously filmed",
    "adapted in",
    "earlier adaptation",
];

/// Words that make a name a company's.
const COMPANY_WORDS: &[&str] = &[
    "Pictures",
    "Films",
    "Film",
    "Studios",
    "Studio",
    "Entertainment",
    "Productions",
    "Foundation",
    "Production",
    "Company",
    "Corporation",
    "Corp.",
    "Media",
    "Multimedia",
    "Motion",
    "Filmworks",
    "Limited",
    "GmbH",
    "Animation",
    "Works",
    "Inc.",
    "Inc",
    "Ltd",
    "Ltd.",
    "LLC",
    "Group",
    "Television",
    "TV",
    "Network",
    "Features",
    "Releasing",
    "Distribution",
    "Bros.",
    "Brothers",
    "Cinema",
    "Partners",
    "Records",
    "Classics",
    "Associates",
    "Enterprises",
    "Communications",
    "International",
    "Channel",
    "Netflix",
    "Amazon",
    "Disney",
    "Lionsgate",
    "Miramax",
    "Universal",
    "Paramount",
    "Columbia",
    "Metro-Goldwyn-Mayer",
    "MGM",
    "DreamWorks",
    "Pixar",
    "HBO",
    "Showtime",
];

pub fn is_company(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let w = w.trim_end_matches(',');
        COMPANY_WORDS.contains(&w) || w.len() > 6 && (w.ends_with("film") || w.ends_with("films"))
    })
}

/// Finds cue phrases at word boundaries: (start, end, role), in order.
fn find_cues(text: &str) -> Vec<(usize, usize, Role)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Case folding changed byte lengths (rare letters): search the original.
        return find_cues_in(text, text);
    }
    find_cues_in(text, &lower)
}

/// The indexes into [`CUES`] of the cues that start with each byte, in
/// order: a position is checked only against the cues that can start there.
static CUES_BY_FIRST_BYTE: std::sync::LazyLock<Vec<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut table = vec![Vec::new(); 256];
    for (k, (phrase, _)) in CUES.iter().enumerate() {
        table[usize::from(phrase.as_bytes()[0])].push(k);
    }
    table
});

fn find_cues_in(text: &str, lower: &str) -> Vec<(usize, usize, Role)> {
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let at_boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'-';
        // "X in the role of Y": part of a cast item, no cue.
        if at_boundary && bytes[i] == b'i' {
            if let Some(phrase) = IN_A_ROLE.iter().find(|p| lower[i..].starts_with(*p)) {
                i += phrase.len();
                continue;
            }
        }
        if at_boundary {
            let hit = CUES_BY_FIRST_BYTE[usize::from(bytes[i])]
                .iter()
                .map(|&k| &CUES[k])
                .filter(|(phrase, _)| {
                    lower[i..].starts_with(phrase)
                        && lower[i + phrase.len()..]
                            .bytes()
                            .next()
                            .is_none_or(|b| !b.is_ascii_alphanumeric())
                })
                .max_by_key(|(phrase, _)| phrase.len());
            if let Some((phrase, role)) = hit {
                if no_cue_here(text, lower, i, phrase, *role) {
                    i += phrase.len();
                    continue;
                }
                // Lower-case cues only: "In" at a sentence start is not a cue
                // worth ending anything, but "In" never starts a segment either.
                let original = &text[i..i + phrase.len()];
                // A capitalised cue word starts a sentence ("Starring X, ...")
                // or is part of a name ("Star Wars"): only the first is a cue.
                let capital = original.chars().next().is_some_and(char::is_uppercase);
                // Inside a name, after a capitalised word ("Rising Star
                // Entertainment"), it is a word of the name.
                // "Danny Patrick, Starring ..." starts a list after a comma.
                let in_name = capital
                    && text[..i]
                        .strip_suffix(' ')
                        .and_then(|before| before.rsplit(' ').next())
                        .is_some_and(|w| {
                            w.starts_with(char::is_uppercase)
                                && w.ends_with(|c: char| c.is_alphanumeric())
                        });
                if in_name {
                    i += phrase.len();
                    continue;
                }
                // "directed by Nick Ryan, Starring ...": after a comma, as at
                // the start, a capitalised cue starts a list.
                // "a Bengali film Directed by Swapan Saha": after a
                // lower-case word, a capitalised phrase ("… by") is a slip;
                // a word alone may begin a name ("the Star Wars films").
                let starts = i == 0
                    || text[..i].ends_with(", ")
                    || phrase.ends_with("ed by")
                        && text[..i]
                            .strip_suffix(' ')
                            .and_then(|before| before.rsplit(' ').next())
                            .is_some_and(|w| w.starts_with(char::is_lowercase));
                // "starring Kid 'n Play, Bernie Mac": a word of a name that
                // is also a verb of acting stops nothing.
                if capital && !starts && matches!(*phrase, "play" | "played" | "appeared" | "acts")
                {
                    i += phrase.len();
                    continue;
                }
                let role = if capital
                    && (!starts
                        || !matches!(
                            role,
                            Role::People(_) | Role::Producer | Role::Cast | Role::Company(_)
                        )) {
                    Role::Stop
                } else {
                    *role
                };
                out.push((i, i + phrase.len(), role));
                i += phrase.len();
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Whether the cue `phrase`, found at `i`, is some other use of its words
/// there. `lower` is `text` in lower case (or `text` itself, see
/// [`find_cues`]).
fn no_cue_here(text: &str, lower: &str, i: usize, phrase: &str, role: Role) -> bool {
    let before = &text[..i];
    let after = &lower[i + phrase.len()..];
    let other_use = match phrase {
        // "The film is prominently featured in …": a passive. "Also
        // featured is the IV League, a support group …": what is featured
        // is no one named ("Also featured are Marjorie Main and …" is a
        // cast).
        "featured" => {
            before.trim_end().rsplit(' ').next().is_some_and(|w| {
                matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "being")
                    || w.ends_with("ly")
            }) || [" is the ", " are the ", " was the ", " were the "]
                .iter()
                .any(|v| after.starts_with(v))
        }
        // "directed by the NBA star Steve Nash": a noun after an article
        // and a capitalised word.
        "star" => {
            let mut words = before.split_whitespace().rev();
            let (prev, det) = (words.next(), words.next());
            prev.is_some_and(|w| w.starts_with(char::is_uppercase))
                && det.is_some_and(|w| matches!(w, "the" | "a" | "an" | "former" | "fellow"))
        }
        _ => false,
    };
    // "the play's story": a noun's possessive, no verb.
    let possessive = after.starts_with(['\'', '’']);
    // "Mark Wahlberg in the title role as Max Payne": the part is the
    // actor's, inside one cast item.
    let role_then_part =
        role == Role::With && phrase.ends_with(" role") && after.starts_with(" as ");
    other_use || possessive || role_then_part
}

/// Reads the credits of one sentence about the article's film.
pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let mut cues = find_cues(text);
    // "The cast includes A and B reprising their roles as C and D,
    // respectively": right after a list of names, "reprising" is no cue.
    // A "with" after a cast cue goes on with its list.
    let mut listing = false;
    // Where the cue before ends.
    let mut previous_end = 0;
    cues.retain(|&(start, end, role)| {
        let in_list = text[start..end].eq_ignore_ascii_case("reprising")
            && listing
            && leading_name(strip_cast_preamble(&text[previous_end..start])).is_some();
        if !in_list {
            listing = role == Role::Cast || role == Role::With && listing;
        }
        previous_end = end;
        !in_list
    });
    let cues = cues;
    let cast_cue_before = |at: usize| cues.iter().any(|c| c.0 < at && c.2 == Role::Cast);
    // A sentence with no cue but stops and "with" credits no one, unless
    // the "with" names a role ("The film has A and B in the lead roles").
    if !cues.iter().any(|&(start, end, r)| {
        !matches!(r, Role::Stop | Role::With)
            || r == Role::With && text[start..end].contains(" role")
    }) {
        return;
    }
    let film = ctx.film.clone();
    let mut previous: Option<Role> = None;
    // Roles of cues with no names of their own: "starring, directed, and
    // produced by Clint Eastwood" credits him with all three.
    let mut carried: Vec<Role> = Vec::new();
    for (n, &(cue_start, cue_end, cue_role)) in cues.iter().enumerate() {
        let seg_end = cues.get(n + 1).map_or(text.len(), |c| c.0);
        let segment = clause(text[cue_end..seg_end].trim_start_matches([' ', ',', ':']));
        // The cue as its phrase in `CUES` spells it.
        let cue = text[cue_start..cue_end].to_lowercase();
        let role = match cue_role {
            Role::With if previous == Some(Role::Cast) => Role::Cast,
            // "written by A along with B and C": they wrote it too.
            Role::With
                if matches!(previous, Some(Role::People(_)))
                    && matches!(cue.as_str(), "along with" | "together with") =>
            {
                previous.unwrap_or(cue_role)
            }
            Role::With => {
                // "The film has A, B and C in the lead roles"
                if cue.contains(" role") {
                    cast_had(ctx, s, &film, &text[..cue_start]);
                }
                previous = Some(Role::With);
                carried.clear();
                continue;
            }
            r => r,
        };
        // A stop ends a segment but not the list a later "with" continues.
        if role != Role::Stop {
            previous = Some(role);
        }
        if role == Role::Stop || about_other_work(text, cue_start) || negated(&text[..cue_start]) {
            carried.clear();
            continue;
        }
        let segment = segment.trim_start_matches([' ', ',', ':']);
        // "Mahesh Manjrekar directed Marathi film", "Fox had previously
        // directed Knoller in The Bubble": a bare past tense followed by a
        // name is active: its subject is the crew member, its object no
        // person credited here.
        let bare_verb = matches!(
            cue.as_str(),
            "directed"
                | "written"
                | "co-written"
                | "produced"
                | "co-produced"
                | "edited"
                | "co-edited"
        );
        if bare_verb && leading_name(segment).is_some() {
            carried.clear();
            continue;
        }
        // "a concert film by the English rock band Led Zeppelin": a band
        // is filmed, it directs nothing.
        if matches!(role, Role::People(preds) if preds.contains(&Director))
            && cue.ends_with(" by")
            && leading_name(segment).is_none()
            && segment
                .split(',')
                .next()
                .is_some_and(|item| item.contains(" band ") || item.contains(" group "))
        {
            carried.clear();
            continue;
        }
        let stripped = crate::names::strip_descriptors(segment);
        let segment = stripped.as_ref();
        if role == Role::Cast && names_come_first(&cue, segment) {
            if acts_no_part(&cue, text[cue_end..].trim_start()) {
                carried.clear();
                continue;
            }
            if cast_before(ctx, s, &film, &text[..cue_start], segment) {
                // "Corey Hawkins portrays Dr. Dre, Jason Mitchell is
                // Eazy-E, …", "X co-stars as Danny, a boy …, and Charles
                // Dance as Mr. Benedict"
                let names_parts = matches!(cue.as_str(), "portrays" | "plays");
                if names_parts || segment.starts_with("as ") {
                    later_parts(ctx, s, &film, clause(&text[cue_end..]), names_parts);
                }
            } else if let Some((_, after)) = segment.split_once("including ") {
                // "most of the cast also reprise their roles, including A, B"
                cast_list(ctx, s, &film, after);
            } else if cue == "playing"
                || matches!(cue.as_str(), "play" | "played")
                    && !["role", "character", "part", "lead"]
                        .iter()
                        .any(|w| segment.contains(w))
            {
                // "The film adapts the play to 1930s Britain, with Richard
                // depicted as …", "tensions inherent in playing a Latin
                // lead …, popular with American viewers": a word that is as
                // often a noun (or said of no one here) named no one, so no
                // list goes on.
                previous = None;
            }
            // "with Douglas reprising his role, but with Virginia Bruce as
            // Sally": an aside, after which "with" goes on with no list.
            if cue == "reprising" && !cast_cue_before(cue_start) {
                previous = None;
            }
            carried.clear();
            continue;
        }
        // Only a comma or "and" joins roles: "features music by" does not.
        // "Written and co-executive produced by X": a few lower-case words
        // between two cues still join them.
        let raw = &text[cue_end..seg_end];
        let joined = raw.contains(',') || raw.contains(" and ") || raw.starts_with("and ");
        let words_between = segment
            .trim_start_matches("and ")
            .split_whitespace()
            .count();
        let no_names = leading_name(segment.trim_start_matches("and ")).is_none();
        if segment.trim_start_matches("and ").trim().is_empty()
            || segment.trim() == "and"
            || joined && no_names && words_between <= 2
        {
            // "… Jenny Ghottra in lead roles and directed by X": a list
            // that went on past "in lead roles" ended there; it is no role
            // X shares.
            if joined && cue_role != Role::With {
                carried.push(role);
            } else {
                carried.clear();
            }
            continue;
        }
        for r in std::iter::once(role).chain(std::mem::take(&mut carried)) {
            credit(ctx, s, &film, r, segment);
        }
        // "stars Dylan Walsh as a man living in the town in which he grew
        // up, Danny DeVito as …": a part described past a stop word, then
        // the list goes on.
        if role == Role::Cast && segment.contains(" as ") {
            if let Some(&(_, _, Role::Stop)) = cues.get(n + 1) {
                let end = cues[n + 1..]
                    .iter()
                    .find(|c| c.2 != Role::Stop)
                    .map_or(text.len(), |c| c.0);
                later_parts(ctx, s, &film, clause(&text[seg_end..end]), false);
            }
        }
    }
}

/// The actors named with their parts after a first part and its
/// description: "as Danny, a boy …, and Charles Dance as Mr. Benedict, a
/// ruthless assassin" credits Charles Dance. The first item is the earlier
/// part (or the end of its description) and is passed over, as are the
/// descriptions between; the list ends at anything else. With `is_parts`,
/// "Jason Mitchell is Eazy-E" names a part too (after "X portrays Y, …").
fn later_parts(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, text: &str, is_parts: bool) {
    for (n, (a, b)) in split_list(text).into_iter().enumerate() {
        let item = text[a..b].trim();
        let item = item
            .strip_prefix("and ")
            .unwrap_or(item)
            .trim_end_matches('.');
        let credit = leading_name(item).and_then(|name| {
            // "Sir Ian McKellen as …": an honorific stays outside the name.
            let end = item.find(name).map_or(item.len(), |p| p + name.len());
            let rest = item[end..].trim_start();
            if let Some(part) = rest.strip_prefix("as ") {
                return Some((name, character_name(part)));
            }
            let part = rest.strip_prefix("is ").filter(|_| is_parts)?;
            (leading_name(part) == Some(part) || character_name(part) == Some(part))
                .then_some((name, Some(part)))
        });
        match credit {
            Some((name, character)) if n > 0 => {
                credit_cast(ctx, s, film, name, character);
            }
            _ if n == 0 || item.starts_with(char::is_lowercase) => {}
            _ => break,
        }
    }
}

static WHO_ALSO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?P<a>\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*)*), who (?:also )?(?:co-starred and |starred and )?(?:co-)?(?P<verb>wrote|produced|directed)(?: (?:it|the (?:screenplay|script|film|movie)|its screenplay)(?: (?:with|alongside) (?P<b>[^;.]+))?| (?:with|alongside) (?P<with>[^;.]+))",
    )
    .expect("who also")
});

/// "directed by Fede Álvarez, who co-wrote the screenplay with Rodo
/// Sayagues": both wrote it. "starring Gabrielle Union, who also produced
/// the film alongside Will Packer and James Lopez": all three produced it;
/// and so in "directed by Joel Edgerton, who also produced with Kerry
/// Kohansky Roberts and Steve Golin".
pub fn extract_who_also(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    // Each match is searched for from the end of the last one's first name:
    // "Robert Ben Garant, who also wrote the screenplay with Thomas Lennon,
    // who also co-starred and produced with ..." holds two.
    let mut from = 0;
    while let Some(c) = WHO_ALSO.captures_at(s.text, from) {
        from = c.name("a").map_or(s.text.len(), |a| a.end());
        let predicate = match &c["verb"] {
            "produced" => Producer,
            "directed" => Director,
            _ => Screenwriter,
        };
        let mut names: Vec<String> = Vec::new();
        if let Some(a) = leading_name(&c["a"]).filter(|a| *a == &c["a"]) {
            names.push(a.to_string());
        }
        if let Some(b) = c.name("b").or_else(|| c.name("with")) {
            let b = b.as_str();
            let b = b.find(", who ").map_or(b, |at| &b[..at]);
            names.extend(name_list(b).into_iter().map(str::to_string));
        }
        for name in names {
            let name = ctx.resolve_person(&name).unwrap_or(name);
            ctx.sentence_fact(s, &film, predicate, &name, quals([]));
        }
    }
}

static NAMES_SERVED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?:^|[;:] )(?P<names>[A-Z][^;:()]*?) (?:(?:is|are|was|were) (?:among |one of |also )?the (?:film's|movie's)|served as (?:the film's |the movie's )?(?:a |the )?|(?P<returns>(?:returns|returned|return) as (?:a |the )?)) ?(?:co-)?(?P<role>producers?|composers?|cinematographers?|editors?|screenwriters?|directors?)(?-u:\b)(?P<rest>[^;]*)",
    )
    .expect("names served")
});

/// "Jason Blum and Michael Bay are among the film's producers", "Trent
/// Reznor served as the film's composer", "John Davis returns as producer":
/// the names come first, the role after a copula. The role must be the
/// film's (its possessive, or "of / on / for the film" after "served as",
/// or one returned to).
pub fn extract_names_served(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    // "..., while John Davis returns as producer": a clause of its own.
    for clause in s.text.split(", while ").flat_map(|c| c.split(", whereas ")) {
        names_served(ctx, s, clause);
    }
}

/// [`extract_names_served`] in one clause of the sentence.
fn names_served(ctx: &mut Context<'_>, s: &Sentence<'_>, clause: &str) {
    let film = ctx.film.clone();
    let Some(c) = NAMES_SERVED.captures(clause) else {
        return;
    };
    let whole = c.get(0).map_or("", |m| m.as_str());
    let possessive = whole.contains("film's") || whole.contains("movie's");
    let rest = c["rest"].trim_start();
    let on_film = ["of the film", "on the film", "for the film", "of the movie"]
        .iter()
        .any(|p| rest.starts_with(p));
    // "John Davis returns as producer": he made the earlier films and this.
    let returns = c.name("returns").is_some();
    if !possessive && !on_film && !returns {
        return;
    }
    let role = c["role"].trim_end_matches('s');
    let predicate = match role {
        "producer" => Producer,
        "composer" => Composer,
        "cinematographer" => Cinematographer,
        "editor" => Editor,
        "screenwriter" => Screenwriter,
        _ => Director,
    };
    let names = name_list(&c["names"]);
    // Every word of the subject must belong to a name: "The film's success
    // made X and Y ..." is no list of names.
    let covered: usize = names.iter().map(|n| n.len()).sum();
    if names.is_empty() || covered + 6 * names.len() < c["names"].len() {
        return;
    }
    for name in names {
        let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
        ctx.sentence_fact(s, &film, predicate, &name, quals([]));
    }
}

static OWN_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?P<name>\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*)+)(?:(?:'s|’s|'|’) (?:first|last|final|only)(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:role|appearance|performance)|,? (?:has|had|plays|played) (?:a |an )?(?:bit|small|minor|cameo) (?:part|role|appearance))(?-u:\b)",
    )
    .expect("own role")
});

/// "This was Charlie Murphy's last film role", "Julia Roberts' first
/// credited big-screen role", "A then-unknown Aaron Eckhart has a bit part":
/// the person acts in the film.
pub fn extract_own_role(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    for c in OWN_ROLE.captures_iter(s.text) {
        let Some(name) = leading_name(&c["name"]).filter(|n| *n == &c["name"]) else {
            continue;
        };
        if about_other_work(s.text, c.get(0).map_or(0, |m| m.start())) {
            continue;
        }
        credit_cast(ctx, s, &film, name, None);
    }
}

/// "Aidan Quinn also stars", "Rufus Sewell stars as the villain",
/// "Banderas and Zeta-Jones reprise their roles": the names precede the cue
/// (`cue` in lower case).
fn names_come_first(cue: &str, segment: &str) -> bool {
    cue.starts_with("reprise")
        || cue == "reprising"
        || cue == "playing"
        || cue.starts_with("make ")
        || cue.starts_with("round")
        || cue.starts_with("complete")
        || cue.starts_with("made")
        || cue.starts_with("makes")
        || matches!(
            cue,
            "appear" | "appears" | "appeared" | "portrays" | "plays" | "play" | "played" | "acts"
        )
        || (matches!(
            cue,
            "stars" | "star" | "co-stars" | "also stars" | "starred"
        ) && (segment.is_empty()
            || segment.starts_with("as ")
            || leading_name(strip_cast_preamble(segment)).is_none()))
}

/// "Homophobia played such a significant role in the case", "Needle played
/// for 13 weeks", "appears to be": a verb of acting said of something else.
/// `cue` is the verb in lower case, `after` the sentence after it.
fn acts_no_part(cue: &str, after: &str) -> bool {
    static IMPORTANT_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::compile(
            r"^(?:a|an|such an?|the) (?:\w+ )?(?:key|major|significant|important|crucial|pivotal|vital|central|instrumental|decisive) (?:role|part) in (?:the |this )?(?P<what>\w+)",
        )
        .expect("important role pattern")
    });
    // "Vaudeville acts are re-created": the noun; "X acts in the lead role".
    if cue == "acts" {
        return !(after.starts_with("in ") || after.starts_with("as "));
    }
    matches!(
        cue,
        "play" | "plays" | "played" | "playing" | "appear" | "appears" | "appeared"
    ) && (["for ", "to ", "in theaters", "in theatres", "in cinemas"]
        .iter()
        .any(|p| after.starts_with(p))
        || IMPORTANT_ROLE
            .captures(after)
            .is_some_and(|c| !matches!(&c["what"], "film" | "movie" | "picture")))
}

/// "The film has A, B and C" or "A and B are" before "in the lead roles":
/// credits the names that the film "has" (or "had"), or that "are" (or
/// "acted") in them.
fn cast_had(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, before: &str) {
    let trimmed = before.trim_end();
    let subjects = [" are", " were", " acted", " act"]
        .iter()
        .find_map(|v| trimmed.strip_suffix(v));
    if let Some(subjects) = subjects {
        let stripped = crate::names::strip_descriptors(subjects);
        for name in names_before(stripped.as_ref()).unwrap_or_default() {
            credit_cast(ctx, s, film, name, None);
        }
        return;
    }
    let Some(at) = [" has ", " had "]
        .iter()
        .filter_map(|v| before.rfind(v))
        .max()
    else {
        return;
    };
    let chunk = before[at + 5..].trim_end();
    let stripped = crate::names::strip_descriptors(chunk);
    let names = name_list(stripped.as_ref());
    if names.last().is_some_and(|last| stripped.ends_with(last)) {
        for name in names {
            credit_cast(ctx, s, film, name, None);
        }
    }
}

/// The names that end `before`, the words ahead of a cast verb: the widest
/// tail of its clause that is nothing but a list of names.
fn names_before(before: &str) -> Option<Vec<&str>> {
    let clause_start = before.rfind("; ").map_or(0, |p| p + 2);
    // Where a list may start: the clause's start, after a comma, and after a
    // conjunction that opens a clause ("… the lead role while Krishnan, …").
    let mut starts: Vec<usize> = vec![clause_start];
    starts.extend(
        before[clause_start..]
            .match_indices(", ")
            .map(|(p, _)| clause_start + p + 2),
    );
    for conjunction in [" while ", " whilst ", " whereas ", " including ", " and "] {
        starts.extend(
            before[clause_start..]
                .match_indices(conjunction)
                // "the leading man and Edna Purviance": an "and" after a
                // lower-case word joins clauses; "German and Persian" is
                // one name's words.
                .filter(|&(p, _)| {
                    conjunction != " and "
                        || before[clause_start..clause_start + p]
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.starts_with(char::is_lowercase))
                })
                .map(|(p, _)| clause_start + p + 1),
        );
    }
    starts.sort_unstable();
    starts.into_iter().find_map(|start| {
        let chunk = &before[start..];
        // "…, while Austin O'Brien co-stars as Danny": a conjunction opens
        // the clause, the names follow it.
        let opened = [
            "while ",
            "whilst ",
            "and ",
            "whereas ",
            "with ",
            "including ",
        ]
        .iter()
        .find_map(|c| chunk.strip_prefix(c));
        // "his spouse, Elena, and Rufus Sewell": a name after a description
        // is an appositive, not the start of the list.
        let word_before = before[..start]
            .trim_end_matches([',', ' '])
            .rsplit(' ')
            .next();
        // "…, whilst, Kota Srinivasa Rao plays": a conjunction before the comma.
        let after_conjunction =
            word_before.is_some_and(|w| matches!(w, "while" | "whilst" | "whereas" | "and"));
        if opened.is_none()
            && !after_conjunction
            && start > clause_start
            && word_before.is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            return None;
        }
        let chunk = opened.unwrap_or(chunk);
        let names = name_list(chunk);
        let last = names.last()?;
        chunk.trim_end().ends_with(last).then_some(names)
    })
}

/// Credits the names just before a cue; false when there are none.
fn cast_before(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    before: &str,
    after: &str,
) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix(" also").unwrap_or(before).trim_end();
    // "The director's father, Charlton Heston, plays …": a name set off by
    // commas is the subject the description before it names.
    let appositive = before
        .strip_suffix(',')
        .and_then(|b| b.rsplit_once(", "))
        .map(|(_, last)| last)
        .filter(|last| leading_name(last) == Some(*last));
    // "Canadian rock band Three Days Grace made a cameo appearance"
    let stripped = crate::names::strip_descriptors(before);
    let Some(names) = appositive
        .map(|name| vec![name])
        .or_else(|| names_before(stripped.as_ref()))
    else {
        return false;
    };
    // "Needle played for 13 weeks": the film is no cast member of its own.
    if names.contains(&film) {
        return false;
    }
    let character = match names.as_slice() {
        // "X stars as Y", "X portrays Y", "X plays Y"
        [_] => {
            let role = after.strip_prefix("as ").unwrap_or(after);
            let role = role.strip_prefix("the ").unwrap_or(role);
            // "plays the lead role while Krishna, …": the part ends with its
            // clause; "played the leading man and Edna Purviance": a
            // description ends at "and".
            let ends = [" while ", " whilst ", " whereas ", " and "];
            let ends = if role.starts_with(char::is_lowercase) {
                &ends[..]
            } else {
                &ends[..3]
            };
            let role = ends
                .iter()
                .filter_map(|c| role.find(c))
                .min()
                .map_or(role, |end| &role[..end]);
            character_name(role.trim_end_matches('.')).filter(|r| r.starts_with(char::is_uppercase))
        }
        _ => None,
    };
    for name in names {
        credit_cast(ctx, s, film, name, character);
    }
    true
}

/// Credits the names of one segment with one role.
fn credit(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, role: Role, segment: &str) {
    match role {
        Role::People(preds) => {
            // "directed by the team of Steve James and Peter Gilbert"
            let segment = segment.strip_prefix("the team of ").unwrap_or(segment);
            let segment = crate::names::skip_owner(segment);
            if let Some(group) = group_name(segment) {
                // "directed by the Pang Brothers", "… team The Malloys"
                for &p in preds {
                    ctx.sentence_fact(s, film, p, group, quals([]));
                }
                return;
            }
            let names = name_list(segment);
            for (i, &name) in names.iter().enumerate() {
                // A surname of someone named before wins over a shared surname.
                let name = ctx
                    .resolve_person(name)
                    .filter(|full| full.contains(' '))
                    .or_else(|| shared_surname(segment, name, &names[i + 1..]))
                    .unwrap_or_else(|| name.to_string());
                if is_company(&name) {
                    break;
                }
                for &p in preds {
                    ctx.sentence_fact(s, film, p, &name, quals([]));
                }
            }
        }
        Role::Producer => {
            let items: Vec<&str> = split_list(segment)
                .into_iter()
                .map(|(a, b)| segment[a..b].trim_start_matches("and "))
                .collect();
            // In a list that names a company, a name of one word or of three
            // and more is a company too ("StudioCanal, Working Title Films,
            // Three Strange Angels"); "The Asylum" is never a person.
            let names: Vec<Option<&str>> = items.iter().map(|i| company_or_person(i)).collect();
            let list_of_companies = names.iter().flatten().any(|n| is_company(n));
            let company_like = |name: &str| {
                let words = name.split(' ').count();
                is_company(name)
                    || name.starts_with("The ")
                    || list_of_companies && (words == 1 || words >= 3)
            };
            for (i, (&item, &name)) in items.iter().zip(&names).enumerate() {
                let Some(name) = name else {
                    break;
                };
                if crate::lexicon::is_country(name) {
                    break; // "Hong Kong's Golden Harvest"
                }
                // A person named before ("Clooney") stays a person.
                if company_like(name) && ctx.resolve_person(name).is_none() {
                    ctx.sentence_fact(s, film, ProductionCompany, name, quals([]));
                } else {
                    // "produced by Sandler" after "written by Adam Sandler"
                    let following: Vec<&str> = names[i + 1..].iter().flatten().copied().collect();
                    let person = ctx
                        .resolve_person(name)
                        .filter(|full| full.contains(' '))
                        .or_else(|| shared_surname(segment, name, &following));
                    let person = person.as_deref().unwrap_or(name);
                    ctx.sentence_fact(s, film, Producer, person, quals([]));
                }
                if item.len() > name.len() + 1 && !item[name.len()..].trim().starts_with('(') {
                    break;
                }
            }
        }
        Role::Company(p) => {
            for (a, b) in split_list(segment) {
                let item = segment[a..b].trim_start_matches("and ");
                let Some(name) = company_or_person(item) else {
                    break;
                };
                // "Distributed by New Line Cinema, The Basketball Diaries stars…"
                if ctx.names_film(name) {
                    break;
                }
                ctx.sentence_fact(s, film, p, name, quals([]));
            }
        }
        Role::Cast => cast_list(ctx, s, film, segment),
        Role::With | Role::Stop => {}
    }
}

/// "directed by Joel and Ethan Coen", "produced by Kevin, Joe, and Nick
/// Jonas": lone given names before a full name, joined by nothing but commas
/// and "and", share its surname ("Joel Coen"). A stage name is no given
/// name: "RZA and Eli Roth" (not title case). `following` holds the names
/// after `name` in the list. In casts only where the sentence speaks of a
/// family (see `cast_list`): applied to every cast, gmdb's cast precision
/// fell (lone title-case names there are mostly stage names).
fn shared_surname(segment: &str, name: &str, following: &[&str]) -> Option<String> {
    // Title case, part by part: "Joel", "Mary-Kate".
    let is_lone = |n: &str| {
        !n.contains(' ')
            && n.chars().count() > 1
            && n.split('-').all(|part| {
                part.chars().count() > 1 && part.chars().skip(1).all(char::is_lowercase)
            })
    };
    if !is_lone(name) {
        return None;
    }
    let full = following.iter().position(|n| !is_lone(n))?;
    let lone: Vec<&str> = following[..full].to_vec();
    let last = following[full];
    let (_, surname) = last.rsplit_once(' ')?;
    let start = segment.find(name)?;
    let end = start + segment[start..].find(last)?;
    let between = &segment[start + name.len()..end];
    let only_joins = between
        .split([',', ' '])
        .filter(|t| !t.is_empty())
        .all(|t| t == "and" || lone.contains(&t));
    (only_joins && between.contains("and")).then(|| format!("{name} {surname}"))
}

/// A cast list with optional characters: "A as B, C as D and E".
fn cast_list(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, segment: &str) {
    let segment = strip_cast_preamble(segment);
    // "A and B as C and D, respectively"
    if let Some((actors, roles)) = segment
        .split_once(", respectively")
        .and_then(|(pairs, _)| pairs.split_once(" as "))
    {
        let actors = name_list(actors);
        let roles: Vec<&str> = split_list(roles)
            .into_iter()
            .map(|(a, b)| &roles[a..b])
            .collect();
        if actors.len() == roles.len() {
            for (actor, role) in actors.into_iter().zip(roles) {
                credit_cast(ctx, s, film, actor, character_name(role));
            }
            return;
        }
    }
    let mut cast: Vec<CastItem<'_>> = Vec::new();
    let items = split_list(segment);
    let names: Vec<&str> = items
        .iter()
        .map_while(|&(a, b)| leading_name(segment[a..b].trim_start_matches("and ")))
        .collect();
    // Lone names share a surname in a cast only where the sentence speaks of
    // a family ("Kevin, Joe and Nick Jonas of … the Jonas Brothers") or the
    // given name is plainly one ("Mary-Kate and Ashley Olsen"): elsewhere a
    // lone name is as often a stage name ("Vijay and Trisha Krishnan").
    let lower = s.text.to_lowercase();
    let family = ["brothers", "sisters", "twins", "siblings"]
        .iter()
        .any(|w| lower.contains(w));
    for (n, &(a, b)) in items.iter().enumerate() {
        let item = segment[a..b].trim_start_matches("and ");
        let Some(name) = leading_name(item) else {
            // "Jeff Fahey as Jobe Smith, an intellectually disabled
            // gardener, and Pierce Brosnan as …": a description of the
            // character just named, then the list goes on.
            let describes = item.starts_with("a ") || item.starts_with("an ");
            if describes && cast.last().is_some_and(|c| c.character.is_some()) {
                continue;
            }
            break;
        };
        let mut name_end = item.find(name).map_or(item.len(), |p| p + name.len());
        if item[name_end..].starts_with(['\'', '’']) {
            break; // "Clancy's character Jack Ryan": an owner, not a cast member
        }
        // "Corman regulars Richard Devon, Dick Miller": a name that says
        // whose the people after it are.
        let mut name = name;
        if let Some((noun, after)) = item[name_end..].trim_start().split_once(' ') {
            let named = leading_name(after).filter(|_| {
                noun.len() > 3 && noun.ends_with('s') && noun.starts_with(char::is_lowercase)
            });
            if let Some(named) = named {
                name = named;
                name_end = item.find(named).map_or(item.len(), |p| p + named.len());
            }
        }
        let rest = item[name_end..].trim_start();
        // "… and Carl Weathers as the champion, Apollo Creed": after the
        // last item, a name alone is the described character's.
        if let Some(prev) = cast.last_mut() {
            let prev_item = &segment[prev.span.0..prev.span.1];
            let after_and = segment[..prev.span.0].trim_end().ends_with(" and");
            let described = after_and
                && prev.character.is_none()
                && prev_item
                    .split_once(" as ")
                    .is_some_and(|(_, role)| role.starts_with(char::is_lowercase));
            let last_bare = n + 1 == items.len() && rest.trim_end_matches(['.', ' ']).is_empty();
            if described && last_bare {
                prev.character = Some(name);
                break;
            }
        }
        let character = in_a_role(rest)
            .strip_prefix("as ")
            .or_else(|| rest.strip_prefix("in the role of "))
            .or_else(|| rest.strip_prefix("in the title role of "))
            .and_then(character_name);
        if is_company(name) {
            break;
        }
        // "featured Pakula as both writer and director": a crew credit.
        if in_a_role(rest).strip_prefix("as ").is_some_and(crew_part) {
            break;
        }
        let shared = (family || name.contains('-'))
            .then(|| shared_surname(segment, name, names.get(n + 1..).unwrap_or_default()))
            .flatten();
        let name = shared
            .or_else(|| ctx.resolve_person(name))
            .unwrap_or_else(|| name.to_string());
        let bare = rest.trim_end_matches(['.', ' ']).is_empty();
        cast.push(CastItem {
            name,
            character,
            span: (a, b),
            bare,
        });
        if !item_goes_on(rest) {
            break;
        }
    }
    // "A and B as C and D": A plays C and B plays D; D is no cast member.
    let joined_by_and = |x: (usize, usize), y: (usize, usize)| {
        segment.get(x.1..y.0).is_some_and(|between| {
            matches!(between.trim(), "and" | ", and" | ",and")
                || segment[y.0..].starts_with("and ") && between.trim().is_empty()
        })
    };
    let mut k = 1;
    while k + 1 < cast.len() {
        let (prev, this, next) = (&cast[k - 1], &cast[k], &cast[k + 1]);
        if prev.character.is_none()
            && prev.bare
            && this.character.is_some()
            && next.character.is_none()
            && next.bare
            && joined_by_and(prev.span, this.span)
            && joined_by_and(this.span, next.span)
        {
            let (c, d, span) = (this.character, next.name.clone(), next.span);
            cast[k - 1].character = c;
            // The character named last lives in the segment, not in `cast`.
            let at = span.0 + segment[span.0..span.1].find(d.as_str()).unwrap_or(0);
            cast[k].character = segment.get(at..at + d.len());
            cast.remove(k + 1);
        }
        k += 1;
    }
    for item in cast {
        ctx.sentence_fact(
            s,
            film,
            CastMember,
            &item.name,
            quals([("character", item.character)]),
        );
    }
}

/// A group credited under one name, written with an article: "the Pang
/// Brothers" -> "Pang Brothers", "The Malloys" (the article is theirs when
/// capitalised). Only plural names: "the Wachowskis", not "the film".
fn group_name(segment: &str) -> Option<&str> {
    let rest = segment
        .strip_prefix("the ")
        .or_else(|| segment.strip_prefix("The "))?;
    let name = leading_name(rest)?;
    if !name.ends_with('s') {
        return None;
    }
    if segment.starts_with("The ") {
        segment.get(..4 + name.len())
    } else {
        Some(name)
    }
}

/// One actor of a cast list, as read.
struct CastItem<'a> {
    name: String,
    character: Option<&'a str>,
    /// The item's bytes in the segment.
    span: (usize, usize),
    /// Whether the item is the name alone.
    bare: bool,
}

/// Whether a cast list goes on after an item whose name is followed by
/// `rest`: "in the title role", "as Lino", a nickname or a number do not end
/// it; a new clause ("who returns...") does.
fn item_goes_on(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with(['(', '"', '“']) {
        return true;
    }
    if rest.starts_with("as ") {
        return true;
    }
    if let Some(role) = rest.strip_prefix("in ") {
        return role.starts_with("the ") && role.contains("role")
            || role.starts_with("a ") && role.contains("role");
    }
    !rest
        .split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Credits `name` as a cast member, as the fuller name the article gave the
/// same person where there is one, with the part when it is known.
pub(crate) fn credit_cast(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    name: &str,
    character: Option<&str>,
) {
    let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
    ctx.sentence_fact(
        s,
        film,
        CastMember,
        &name,
        quals([("character", character)]),
    );
}

/// Whether a part is a job on the film: "both writer and director",
/// "director". With an article it is a character's: "as a director who
/// forgives a teenage boy".
fn crew_part(part: &str) -> bool {
    let part = part.strip_prefix("both ").unwrap_or(part);
    let word = part.split([' ', ',', '.']).next().unwrap_or(part);
    matches!(
        word,
        "writer"
            | "director"
            | "co-director"
            | "producer"
            | "screenwriter"
            | "cinematographer"
            | "editor"
            | "composer"
    )
}

/// "in the title role as Max Payne" -> "as Max Payne": the role named
/// before the part.
fn in_a_role(rest: &str) -> &str {
    ["title", "lead", "leading", "main"]
        .iter()
        .find_map(|kind| {
            rest.strip_prefix("in the ")?
                .strip_prefix(kind)?
                .strip_prefix(" role ")
                .filter(|part| part.starts_with("as "))
        })
        .unwrap_or(rest)
}

/// "the Mossad officer Peter Malkin" -> "Peter Malkin"; "Eichmann" -> "Eichmann".
fn character_name(role: &str) -> Option<&str> {
    let role = role.split([',', ';', '(']).next().unwrap_or(role).trim();
    // "Bharath's sister": a part told by whose it is, no name of its own.
    if leading_name(role).is_some_and(|name| {
        let end = role.find(name).map_or(role.len(), |p| p + name.len());
        role[end..].starts_with("'s ") || role[end..].starts_with("’s ")
    }) {
        return None;
    }
    if role.starts_with(|c: char| c.is_uppercase()) {
        // "Secretary of Defense Robert McNamara": a title with "of" is the
        // whole part, where every other word is capitalised.
        let titled = role.contains(" of ")
            && role.split(' ').count() <= 6
            && role
                .split(' ')
                .all(|w| matches!(w, "of" | "the") || w.starts_with(char::is_uppercase));
        if titled {
            return Some(role.trim_end_matches('.'));
        }
        return leading_name(role).or(Some(role).filter(|r| r.split(' ').count() <= 4));
    }
    // A description, then the name: take the last capitalised words.
    let words: Vec<&str> = role.split(' ').collect();
    let first_cap = words
        .iter()
        .rposition(|w| !w.starts_with(|c: char| c.is_uppercase()))
        .map_or(0, |i| i + 1);
    if first_cap >= words.len() {
        return None;
    }
    let start: usize = words[..first_cap].iter().map(|w| w.len() + 1).sum();
    leading_name(&role[start..])
}

/// "the voices of A, B" / "an ensemble cast that includes A, B" -> "A, B".
fn strip_cast_preamble(segment: &str) -> &str {
    let mut seg = segment.trim_start();
    for _ in 0..3 {
        let before = seg;
        for prefix in [
            "the voices of ",
            "the voice of ",
            "the voice talents of ",
            "the voice talent of ",
            "voices of ",
            // "Also featured are Marjorie Main and Percy Kilbride"
            "are ",
            "were ",
            "an ensemble cast ",
            "an ensemble voice cast ",
            "an ensemble cast of ",
            "a voice cast ",
            "a cast ",
            "that includes ",
            "that included ",
            "which includes ",
            "including ",
            "includes ",
            "of ",
            "led by ",
            "consisting of ",
            "featuring ",
            "featuring: ",
        ] {
            if let Some(rest) = seg.strip_prefix(prefix) {
                seg = rest;
            }
        }
        if seg == before {
            break;
        }
    }
    seg
}

/// The company named at the start of `text`, if any.
pub fn company_name(text: &str) -> Option<&str> {
    company_or_person(text)
}

/// A capitalised run that may be a company ("Columbia Pictures") or a person.
fn company_or_person(item: &str) -> Option<&str> {
    let item = item.trim();
    let mut end = 0;
    for (i, word) in item.split(' ').enumerate() {
        // "20th Century Fox", "21 Laps Entertainment": a name may open with a number.
        let starts_upper = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (i == 0 && c.is_ascii_digit()));
        let joiner = i > 0 && matches!(word, "&" | "of" | "and" | "the" | "de");
        // "Warner Bros. It was…": the next sentence, not the name.
        if i > 0 && matches!(word, "It" | "The" | "This" | "He" | "She" | "They" | "In") {
            break;
        }
        if !(starts_upper || joiner) {
            break;
        }
        let start = word.as_ptr() as usize - item.as_ptr() as usize;
        let core = word.trim_end_matches([',', ';', ')']);
        let (owner, possessive) = crate::names::strip_possessive(core);
        if starts_upper {
            end = start + owner.len();
        }
        if core.len() != word.len() || possessive {
            break;
        }
    }
    let name = item[..end].trim_end_matches(['.', ',']);
    let name = if item[..end].ends_with("Inc.") || item[..end].ends_with("Bros.") {
        &item[..end]
    } else {
        name
    };
    let has_capital = name
        .split(' ')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    (has_capital && !matches!(name, "The" | "A" | "It")).then_some(name)
}

/// The clause a segment belongs to: up to a semicolon, a parenthesis or a
/// comma followed by a lower-case word that starts a new clause.
fn clause(segment: &str) -> &str {
    let mut end = segment.len();
    for stop in ["; ", " (", ": "] {
        if let Some(p) = segment.find(stop) {
            end = end.min(p);
        }
    }
    &segment[..end]
}

/// "the first not to feature actor X": the credit is denied; "the
/// character previously played by X": it belongs to an earlier work.
fn negated(before: &str) -> bool {
    let earlier = before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "previously" | "originally" | "formerly" | "earlier" | "once"
        )
    });
    earlier
        || before
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| matches!(w, "not" | "never" | "without") || w.ends_with("n't"))
}

/// Works that are written, not directed.
const LITERARY: &[&str] = &[
    " novel",
    " book",
    " manga",
    " comic",
    " memoir",
    " biography",
    " story",
    " poem",
    " article",
];

/// Whether the cue at `at` follows a phrase naming another work in the same
/// clause ("a remake of the 1954 film directed by ...") without a comma between.
fn about_other_work(text: &str, at: usize) -> bool {
    static MARKERS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::new(OTHER_WORK).expect("plain markers")
        });
    let before = text[..at].to_lowercase();
    // Where each marker last occurs: one pass for all of them.
    let mut last = [None; OTHER_WORK.len()];
    for m in MARKERS.find_overlapping_iter(&before) {
        last[m.pattern().as_usize()] = Some(m.start());
    }
    last.into_iter().enumerate().any(|(k, p)| {
        let Some(p) = p else { return false };
        // "a film version of the novel, which was adapted by X": a clause
        // after "version of" or "adaptation of" is about the film itself.
        let the_films = matches!(OTHER_WORK[k], "version of" | "adaptation of");
        // "This adaptation of the novel features ...": the film itself.
        let this =
            before[..p].trim_end().ends_with("this") || before[..p].trim_end().ends_with("This");
        // "an adaptation of the novel Affinity; directed by …": the
        // semicolon ends the phrase about the other work, as a dash ends
        // an aside ("– based on the book … by Judith Stone – directed by").
        // A book is not directed: "based on a Kazuo Umezu manga directed
        // by X" names the film's director.
        let literary =
            text[at..].starts_with("directed") && LITERARY.iter().any(|w| before[p..].contains(w));
        !this
            && !literary
            && !before[p..].contains("; ")
            && !before[p..].contains(" – ")
            && !before[p..].contains(" - ")
            && (!the_films && describes_other_work(&before[p..])
                || !before[p..].contains(", ") && !before[p..].contains(" and "))
    })
}

/// Whether the words after a marker of another work ("remake of …") end in
/// a relative clause about that work: "a stage play that ran … November
/// 15, 1971 and featured X", "Bommarillu, which starred X". Not when the
/// clause was closed by a comma ("…, which premiered in 2012, starring X")
/// or the film's own main clause came first ("based on cricket, is a film
/// that stars X").
fn describes_other_work(after_marker: &str) -> bool {
    let Some(relative) = [" that ", " which "]
        .iter()
        .filter_map(|r| after_marker.rfind(r))
        .max()
    else {
        return false;
    };
    // "a sequel to X, produced by A, directed by B, that stars C": credits
    // of the film came between, and the clause is the film's; "the sequel
    // to X, both which star Y": about both.
    let ahead = after_marker[..relative].trim_end();
    if ahead.contains(" by ") || ahead.ends_with(" both") || ahead.ends_with(" both of") {
        return false;
    }
    let clause = &after_marker[relative..];
    let closed = clause
        .match_indices(", ")
        .any(|(at, _)| !clause[at + 2..].starts_with(|c: char| c.is_ascii_digit()))
        || clause.ends_with(',');
    let main_clause = [" is a ", " is an ", " was a ", " was an "]
        .iter()
        .any(|m| after_marker.contains(m));
    !closed && !main_clause
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relative_clause_describes_the_other_work() {
        assert!(describes_other_work("remake of bommarillu, which "));
        assert!(describes_other_work(
            "based on a stage play that ran until november 15, 1971 and "
        ));
        // Closed by a comma, or the film's own clause came first.
        assert!(!describes_other_work(
            "based on his script which premiered on march 29, 2012, "
        ));
        assert!(!describes_other_work(
            "based on cricket, is a 2008 film that "
        ));
        assert!(!describes_other_work("remake of the 1983 film, "));
        assert!(!describes_other_work(
            "sequel to the 2009 film sherlock holmes, both which "
        ));
    }

    #[test]
    fn acting_verbs_said_of_other_things() {
        assert!(acts_no_part("played", "for 13 weeks in cinemas."));
        assert!(acts_no_part(
            "played",
            "such a significant role in the case"
        ));
        assert!(!acts_no_part("played", "an important role in the film."));
        assert!(!acts_no_part("played", "the lead roles."));
        assert!(acts_no_part("appears", "to be lost."));
        assert!(!acts_no_part("stars", "for a while"));
    }

    #[test]
    fn a_part_with_a_title_of_something_is_whole() {
        assert_eq!(
            character_name("Secretary of Defense Robert McNamara, a man"),
            Some("Secretary of Defense Robert McNamara")
        );
        assert_eq!(character_name("Prince of Wales"), Some("Prince of Wales"));
        assert_eq!(character_name("Leo of the sea people"), Some("Leo"));
    }

    #[test]
    fn a_part_told_by_whose_it_is_has_no_name() {
        assert_eq!(character_name("Bharath's sister"), None);
        assert_eq!(character_name("Mona Sax"), Some("Mona Sax"));
        assert_eq!(
            character_name("the Mossad officer Peter Malkin"),
            Some("Peter Malkin")
        );
    }

    #[test]
    fn parts_and_jobs() {
        assert!(crew_part("both writer and director before his death"));
        assert!(crew_part("director"));
        assert!(!crew_part("a director who forgives a boy"));
        assert!(!crew_part("Max Payne"));
        assert_eq!(in_a_role("in the title role as Max Payne"), "as Max Payne");
        assert_eq!(in_a_role("in the title role"), "in the title role");
    }

    #[test]
    fn cues_at_word_boundaries() {
        let cues = find_cues("directed by A, written by B and starring C");
        let starts: Vec<_> = cues.iter().map(|c| c.0).collect();
        assert_eq!(starts, [0, 15, 32]);
        assert!(find_cues("misdirected byway").is_empty());
    }

    #[test]
    fn companies() {
        assert!(is_company("Columbia Pictures"));
        assert!(is_company("Inoxy Films"));
        assert!(!is_company("Walter F. Parkes"));
        assert_eq!(
            company_or_person("Columbia Pictures and others"),
            Some("Columbia Pictures")
        );
        assert_eq!(
            company_or_person("Simon & Schuster"),
            Some("Simon & Schuster")
        );
    }

    #[test]
    fn other_work_markers() {
        let t = "a remake of the 1954 film directed by X";
        assert!(about_other_work(t, t.find("directed").unwrap() + 11));
        let t = "based on the novel by Y, directed by X";
        assert!(!about_other_work(t, t.find("directed").unwrap() + 11));
    }
}
