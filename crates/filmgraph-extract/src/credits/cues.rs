//! Finding the cue phrases of a sentence ("directed by", "starring", "and
//! is"): each with the role it credits, at word boundaries, in order.

use super::Role;
use filmgraph_model::Predicate::*;

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
    // "It was produced as a starring vehicle for Dorothy Gish"
    ("vehicle for", Role::Cast),
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
    ("supporting roles by", Role::Cast),
    ("voice acting from", Role::Cast),
    ("voice acting by", Role::Cast),
    ("voice work from", Role::Cast),
    // "Prasanna and Vimal … will play lead roles", "A, B and C also have
    // prominent roles", "A and B are in the lead": the names come first.
    ("will play", Role::Cast),
    ("have prominent roles", Role::Cast),
    ("have supporting roles", Role::Cast),
    ("have small roles", Role::Cast),
    ("have minor roles", Role::Cast),
    ("have cameo roles", Role::Cast),
    ("have cameos", Role::Cast),
    ("are in the lead", Role::Cast),
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
    ("cinematography is by", Role::People(&[Cinematographer])),
    ("cinematography was by", Role::People(&[Cinematographer])),
    ("music is by", Role::People(&[Composer])),
    ("music was by", Role::People(&[Composer])),
    ("editing by", Role::People(&[Editor])),
    ("editing is by", Role::People(&[Editor])),
    ("editing was by", Role::People(&[Editor])),
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

/// Finds cue phrases at word boundaries: (start, end, role), in order.
pub(super) fn find_cues(text: &str) -> Vec<(usize, usize, Role)> {
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
                // "starring Broadway stage star Jane Cowl": inside a cast
                // list, a star before a name is a description of it.
                let star_in_list = matches!(*phrase, "star" | "stars")
                    && out.iter().any(|c: &(usize, usize, Role)| c.2 == Role::Cast)
                    && star_noun(&text[..i], &text[i + phrase.len()..], *phrase == "star");
                if star_in_list || no_cue_here(text, lower, i, phrase, *role) {
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
                || music_subject(before)
        }
        "features" | "featuring" => music_subject(before),
        // A vehicle for an actor is the film's only where the sentence is
        // about the film, not a play or an earlier version: "The play …
        // was the first starring vehicle for stage actress Mary Mannering".
        "vehicle for" => {
            let head = &lower[..i];
            let about_film = [
                "it ",
                "the film ",
                "this film ",
                "the picture ",
                "the movie ",
            ]
            .iter()
            .any(|w| head.starts_with(w))
                || head.contains(" film ");
            // "a vehicle for Mexican-born star Ramon Novarro", "for Broadway
            // and vaudeville headliner Benny Fields": a description first,
            // which the list would read as a name.
            let first = after.trim_start().split(' ').next().unwrap_or_default();
            let described =
                first.ends_with("-born") || first.ends_with("-based") || first == "broadway";
            // "originally as a vehicle for Steve McQueen": a plan.
            described
                || !about_film
                || [
                    "play",
                    "novel",
                    "musical",
                    "remade",
                    "later",
                    "story",
                    "intended",
                    "originally",
                    "planned",
                    "conceived",
                    "meant",
                ]
                .iter()
                .any(|w| head.contains(w))
        }
        // "the final feature films of director William Beaudine": a noun.
        "feature" => {
            music_subject(before)
                || ["film", "-length", "length", "debut", "presentation"]
                    .iter()
                    .any(|w| after.trim_start_matches(' ').starts_with(w))
        }
        // "directed by the NBA star Steve Nash": a noun after an article
        // and a capitalised word.
        "star" => {
            let mut words = before.split_whitespace().rev();
            let (prev, det) = (words.next(), words.next());
            prev.is_some_and(|w| w.starts_with(char::is_uppercase))
                && det.is_some_and(|w| matches!(w, "the" | "a" | "an" | "former" | "fellow"))
        }
        // "features a score by Jack Nitzsche played by John Lee Hooker, …":
        // music is played by musicians, not parts by actors.
        "played by" => played_music(before),
        // "the lyrics were written by Na. Muthukumar": songs' words, no
        // screenplay.
        "written by" | "written" | "co-written" | "penned by" => {
            // In lower case: "Song of the Drifter" is a title.
            let clause = before.rsplit([',', ';']).next().unwrap_or(before);
            ["lyrics", "lyric", "songs", "song", "Lyrics", "Songs"]
                .iter()
                .any(|w| clause.split_whitespace().any(|x| x == *w))
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

/// Whether "star" (or "stars"), after `before` and before `after`, is a
/// noun before a name, asked inside a cast list: "starring Broadway stage
/// star Jane Cowl", "starring Broadway stars Marilyn Miller and Ben Lyon".
/// The verb's subject may be the film ("The film stars", "The comedy
/// stars"), so "stars" is a noun only after the few words that never name
/// one. ("the NBA star Steve Nash", a noun anywhere, is `no_cue_here`'s.)
fn star_noun(before: &str, after: &str, singular: bool) -> bool {
    if !after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_uppercase))
    {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let (prev, det) = (words.next(), words.next());
    let Some(prev) = prev else { return false };
    if prev.starts_with(char::is_uppercase) {
        // "starring Broadway stars"; not "Here Come the Jets stars …", a
        // title and its verb.
        return det.is_some_and(|w| matches!(w, "starring" | "starred" | "featuring"));
    }
    let always = [
        "stage",
        "screen",
        "silent",
        "child",
        "rock",
        "pop",
        "porn",
        "television",
        "tv",
        "radio",
        "country",
        "vaudeville",
        "singing",
        "cabaret",
    ];
    always.contains(&prev)
        || singular
            && [
                "comedy",
                "action",
                "musical",
                "film",
                "movie",
                "football",
                "basketball",
                "tennis",
                "soap",
                "opera",
                "teen",
                "cult",
                "martial",
                "kung",
                "reality",
                "youtube",
            ]
            .contains(&prev)
            && det.is_some_and(|w| {
                matches!(
                    w,
                    "the" | "a" | "an" | "former" | "fellow" | "starring" | "and"
                ) || w.ends_with("ing")
                    || w.starts_with(char::is_uppercase)
            })
}

/// Whether the sentence `before` starts with is about the film's music:
/// "Music for the film features New York City guitarist Frederic Hand",
/// "The musical score by Jerry Goldsmith, which featured jazz guitarist Pat
/// Metheny": what music features is played, not acted.
fn music_subject(before: &str) -> bool {
    let start = before.trim_start();
    let start = ["The film's ", "The movie's ", "The ", "Its ", "Music "]
        .iter()
        .find_map(|p| start.strip_prefix(p).map(|rest| (*p, rest)));
    match start {
        Some(("Music ", _)) => true,
        Some((_, rest)) => [
            "music",
            "musical score",
            "score",
            "original score",
            "soundtrack",
        ]
        .iter()
        .any(|m| rest.starts_with(m) && !rest[m.len()..].starts_with(char::is_alphanumeric)),
        None => false,
    }
}

/// Whether `before` ends with music, perhaps with its composer: "a score by
/// Jack Nitzsche" (then "played by" names musicians), not "a composer".
fn played_music(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    // Past the composer's name: "by Jack Nitzsche".
    let mut name = 0;
    while words
        .peek()
        .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        words.next();
        name += 1;
    }
    if name > 0 && words.next() != Some("by") {
        return false;
    }
    words.next().is_some_and(|w| {
        matches!(
            w,
            "score" | "music" | "soundtrack" | "theme" | "song" | "songs"
        )
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
        // Music is played by musicians.
        let t = "It stars A, and features a score by B played by C and D.";
        assert!(find_cues(t).iter().all(|c| &t[c.0..c.1] != "played by"));
        let t = "Ann Lee as Rosa, a pianist played by Eve Moss.";
        assert!(find_cues(t).iter().any(|c| &t[c.0..c.1] == "played by"));
        let t = "whose songs are credited to a composer played by Eve Moss.";
        assert!(find_cues(t).iter().any(|c| &t[c.0..c.1] == "played by"));
        assert!(played_music("features the theme"));
        // What music features is played, not acted.
        let t = "Music for the film features guitarist Fred Hand.";
        assert!(find_cues(t).iter().all(|c| c.2 != Role::Cast));
        let t = "The musical score by Jerry Gold, which featured Pat Meth, was nominated.";
        assert!(find_cues(t).iter().all(|c| c.2 != Role::Cast));
        // "star" before a name is a noun after a word that never names the film.
        let t = "It starred Broadway star Tom Ross, and stage star Jane Cole.";
        assert_eq!(find_cues(t).iter().filter(|c| c.2 == Role::Cast).count(), 1);
        // Outside a cast list, the star is credited.
        let t = "It was the last film of former silent star Alice Cahill.";
        assert_eq!(find_cues(t).iter().filter(|c| c.2 == Role::Cast).count(), 1);
        let t = "starring Broadway stars Marilyn Mills and Ben Lyle";
        assert_eq!(find_cues(t).iter().filter(|c| c.2 == Role::Cast).count(), 1);
        for t in [
            "The comedy stars Steve Mart.",
            "The film stars Ann Lee.",
            "It will star Ann Lee.",
        ] {
            assert!(find_cues(t).iter().any(|c| c.2 == Role::Cast), "{t}");
        }
        let t = "the final feature films of director Will Beau";
        assert!(find_cues(t).is_empty());
        let t = "Here Come the Jets stars Steve Brody and Lyn Tomas.";
        assert!(find_cues(t).iter().any(|c| c.2 == Role::Cast));
        let t = "The film features Ann Lee and a score by Jerry Gold.";
        assert!(find_cues(t).iter().any(|c| c.2 == Role::Cast));
    }
}
