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
    ("from a screenplay by", Role::People(&[Screenwriter])),
    ("with a screenplay by", Role::People(&[Screenwriter])),
    ("screenplay by", Role::People(&[Screenwriter])),
    ("co-written by", Role::People(&[Screenwriter])),
    ("written by", Role::People(&[Screenwriter])),
    ("scripted by", Role::People(&[Screenwriter])),
    ("co-produced by", Role::Producer),
    ("produced by", Role::Producer),
    ("executive produced by", Role::Stop),
    ("narrated by", Role::People(&[Narrator])),
    ("with music by", Role::People(&[Composer])),
    ("music by", Role::People(&[Composer])),
    ("score by", Role::People(&[Composer])),
    ("music composed by", Role::People(&[Composer])),
    ("scored by", Role::People(&[Composer])),
    ("cinematography by", Role::People(&[Cinematographer])),
    ("photographed by", Role::People(&[Cinematographer])),
    ("edited by", Role::People(&[Editor])),
    ("distributed by", Role::Company(Distributor)),
    ("co-starring", Role::Cast),
    ("starring", Role::Cast),
    ("stars", Role::Cast),
    ("features", Role::Cast),
    ("featuring", Role::Cast),
    ("with", Role::With),
    ("inspired by", Role::Stop),
    ("influenced by", Role::Stop),
    ("based on", Role::Stop),
    ("adapted from", Role::Stop),
    ("released by", Role::Company(Distributor)),
    ("set in", Role::Stop),
    ("about", Role::Stop),
    ("who", Role::Stop),
    ("which", Role::Stop),
    ("that", Role::Stop),
    ("for", Role::Stop),
    ("from", Role::Stop),
    ("in", Role::Stop),
    ("is", Role::Stop),
    ("was", Role::Stop),
    ("and is", Role::Stop),
    ("and was", Role::Stop),
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
    "Production",
    "Company",
    "Corporation",
    "Corp.",
    "Media",
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
    name.split_whitespace()
        .any(|w| COMPANY_WORDS.contains(&w.trim_end_matches(',')))
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
        if at_boundary {
            let hit = CUES
                .iter()
                .filter(|(phrase, _)| {
                    lower[i..].starts_with(phrase)
                        && lower[i + phrase.len()..]
                            .bytes()
                            .next()
                            .is_none_or(|b| !b.is_ascii_alphanumeric())
                })
                .max_by_key(|(phrase, _)| phrase.len());
            if let Some((phrase, role)) = hit {
                // Lower-case cues only: "In" at a sentence start is not a cue
                // worth ending anything, but "In" never starts a segment either.
                let original = &text[i..i + phrase.len()];
                let role = if original.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(role, Role::People(_) | Role::Producer | Role::Cast)
                {
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

/// Reads the credits of one sentence about the article's film.
pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let cues = find_cues(text);
    if !cues
        .iter()
        .any(|(_, _, r)| !matches!(r, Role::Stop | Role::With))
    {
        return;
    }
    let film = ctx.film.clone();
    let mut previous: Option<Role> = None;
    for (n, &(_, cue_end, role)) in cues.iter().enumerate() {
        let seg_end = cues.get(n + 1).map_or(text.len(), |c| c.0);
        let segment = clause(&text[cue_end..seg_end]);
        let role = match role {
            Role::With if previous == Some(Role::Cast) => Role::Cast,
            Role::With => {
                previous = Some(Role::With);
                continue;
            }
            r => r,
        };
        previous = Some(role);
        if role == Role::Stop || about_other_work(text, cue_end) {
            continue;
        }
        let segment = segment.trim_start_matches([' ', ',', ':']);
        match role {
            Role::People(preds) => {
                for name in name_list(segment) {
                    let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
                    if is_company(&name) {
                        break;
                    }
                    for &p in preds {
                        ctx.from_sentence(s, &film, p, &name, quals([]));
                    }
                }
            }
            Role::Producer => {
                for (a, b) in split_list(segment) {
                    let item = segment[a..b].trim_start_matches("and ");
                    let Some(name) = company_or_person(item) else {
                        break;
                    };
                    let p = if is_company(name) {
                        ProductionCompany
                    } else {
                        Producer
                    };
                    ctx.from_sentence(s, &film, p, name, quals([]));
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
                    ctx.from_sentence(s, &film, p, name, quals([]));
                }
            }
            Role::Cast => cast_list(ctx, s, &film, segment),
            Role::With | Role::Stop => {}
        }
    }
}

/// A cast list with optional characters: "A as B, C as D and E".
fn cast_list(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, segment: &str) {
    for (a, b) in split_list(segment) {
        let item = segment[a..b].trim_start_matches("and ");
        let Some(name) = leading_name(item) else {
            break;
        };
        let rest = item[name.len()..].trim_start();
        let character = rest
            .strip_prefix("as ")
            .and_then(|r| leading_name(r.strip_prefix("the ").unwrap_or(r)));
        if is_company(name) {
            break;
        }
        let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
        ctx.from_sentence(
            s,
            film,
            CastMember,
            &name,
            quals([("character", character)]),
        );
        if character.is_none() && !rest.is_empty() && !rest.starts_with('(') {
            break;
        }
    }
}

/// A capitalised run that may be a company ("Columbia Pictures") or a person.
fn company_or_person(item: &str) -> Option<&str> {
    let item = item.trim();
    let mut end = 0;
    for (i, word) in item.split(' ').enumerate() {
        let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
        let joiner = i > 0 && matches!(word, "&" | "of" | "and" | "the" | "de");
        if !(starts_upper || joiner) {
            break;
        }
        let start = word.as_ptr() as usize - item.as_ptr() as usize;
        let core = word.trim_end_matches([',', ';', ')']);
        if starts_upper {
            end = start + core.len();
        }
        if core.len() != word.len() {
            break;
        }
    }
    let name = item[..end].trim_end_matches(['.', ',']);
    let name = if item[..end].ends_with("Inc.") || item[..end].ends_with("Bros.") {
        &item[..end]
    } else {
        name
    };
    (!name.is_empty() && !matches!(name, "The" | "A" | "It")).then_some(name)
}

/// The clause a segment belongs to: up to a semicolon, a parenthesis or a
/// comma followed by a lower-case word that starts a new clause.
fn clause(segment: &str) -> &str {
    let mut end = segment.len();
    for stop in ["; ", " (", ". ", ": "] {
        if let Some(p) = segment.find(stop) {
            end = end.min(p);
        }
    }
    &segment[..end]
}

/// Whether the cue at `at` follows a phrase naming another work in the same
/// clause ("a remake of the 1954 film directed by ...") without a comma between.
fn about_other_work(text: &str, at: usize) -> bool {
    let before = text[..at].to_lowercase();
    OTHER_WORK.iter().any(|marker| {
        before
            .rfind(marker)
            .is_some_and(|p| !before[p..].contains(", ") && !before[p..].contains(" and "))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
