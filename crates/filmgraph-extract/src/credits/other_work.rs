//! Phrases about another work than the article's film: "a remake of the
//! 1954 film directed by …" credits no one with this film.

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

/// Whether a writing cue at `at` names the writer of the work just before
/// it: "adapted from Flashfire, the 19th Parker novel, written by Donald
/// Westlake", "songs from the stage musical, all written by Maury Yeston".
pub(super) fn writer_of_work_before(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    if !(rest.starts_with("written by") || rest.starts_with("co-written by")) {
        return false;
    }
    let head = text[..at].trim_end();
    // Past an adverb between: "all", "also", "both".
    let head = match head.rsplit_once(' ') {
        Some((h, "all" | "also" | "both" | "each")) => h.trim_end(),
        _ => head,
    };
    let head = head.trim_end_matches(',').to_lowercase();
    // Past the work's title in quotes: "the song "Deadfall" written by …".
    let titled = head
        .strip_suffix(['"', '”'])
        .and_then(|quoted| quoted.rfind(['"', '“']).map(|open| &quoted[..open]));
    let head = titled.map_or(head.as_str(), str::trim_end);
    // Not "story" untitled: "The film's story, written by X" is the film's.
    let works = || {
        LITERARY
            .iter()
            .filter(|w| titled.is_some() || **w != " story")
            .chain(&[
                " novels", " books", " stories", " plays", " poems", " musical", " song", " songs",
                " play",
            ])
    };
    if works().any(|w| head.ends_with(w)) {
        return true;
    }
    // Folding ASCII letters only keeps every byte where it was.
    let before = &text[..at];
    let lower = before.to_ascii_lowercase();
    works().any(|w| titled_work_before(before, &lower, w))
}

/// Whether `head` (`lower` is it in ASCII lower case) ends with a work's
/// kind and then its title, in capitals: "the 1985 book Reversal of
/// Fortune: Inside the von Bülow Case, ".
fn titled_work_before(head: &str, lower: &str, kind: &str) -> bool {
    let Some(at) = lower
        .match_indices(kind)
        .map(|(at, _)| at)
        .filter(|&at| lower[at + kind.len()..].starts_with(' '))
        .last()
    else {
        return false;
    };
    let title = head[at + kind.len() + 1..].trim_end().trim_end_matches(',');
    !title.is_empty()
        && title.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    w,
                    "of" | "the"
                        | "a"
                        | "an"
                        | "in"
                        | "on"
                        | "and"
                        | "to"
                        | "for"
                        | "at"
                        | "von"
                        | "van"
                        | "de"
                        | "du"
                        | "la"
                        | "le"
                )
        })
}

/// Whether the cue at `at` follows a phrase naming another work in the same
/// clause ("a remake of the 1954 film directed by ...") without a comma between.
pub(super) fn about_other_work(text: &str, at: usize) -> bool {
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

/// Whether the sentence before a cast cue opens by setting it on a stage:
/// "When the play premiered on Broadway … the part of Rebecca was played
/// by X", "On the Broadway stage, … was played by X", "In the original
/// production, …". Its cast is the play's. (A stage named later is often
/// the film's cast's past: "X, who starred in the Broadway production".)
/// The film's own title (`title`, a range of `before`'s sentence) is no
/// stage: "On Stage Everybody stars Jack Oakie".
pub(super) fn on_stage(before: &str, title: Option<std::ops::Range<usize>>) -> bool {
    const OPENINGS: &[&str] = &["When ", "In ", "On ", "During ", "At "];
    const STAGE: &[&str] = &[
        "broadway",
        "west end",
        "stage",
        "the play premiered",
        "the play opened",
        "the musical premiered",
        "the musical opened",
        "original production",
    ];
    let opening = before.split(", ").next().unwrap_or(before);
    if !OPENINGS.iter().any(|o| opening.trim_start().starts_with(o)) {
        return false;
    }
    let opening = match title.filter(|t| t.end <= opening.len()) {
        Some(t) => format!("{} {}", &opening[..t.start], &opening[t.end..]),
        None => opening.to_string(),
    }
    .to_lowercase();
    STAGE.iter().any(|w| opening.contains(w))
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
    fn the_writer_of_the_work_just_named() {
        for (text, of_the_work) in [
            (
                "adapted from Flashfire, the 19th Parker novel, written by Donald West",
                true,
            ),
            ("songs from the stage musical, all written by Maury Yes", true),
            ("the film has three original songs, also written by Yes", true),
            (
                "a 2013 thriller film directed by Taylor Hack and written by John Mac",
                false,
            ),
            ("a 2013 drama film, written by John Mac", false),
            ("The film's story, written by John Mac", false),
            ("It features the song \"Deadfall\" written by the band Snit", true),
            ("based on the short story “The Birds” written by Daphne du Maur", true),
            (
                "adapted from the 1985 book Reversal of Fortune: Inside the von Bülow Case, written by law professor Alan Dersh",
                true,
            ),
            ("The film \"Deadfall\" written by John Mac", false),
        ] {
            let at = text.find("written").unwrap();
            assert_eq!(writer_of_work_before(text, at), of_the_work, "{text}");
        }
    }

    #[test]
    fn other_work_markers() {
        let t = "a remake of the 1954 film directed by X";
        assert!(about_other_work(t, t.find("directed").unwrap() + 11));
        let t = "based on the novel by Y, directed by X";
        assert!(!about_other_work(t, t.find("directed").unwrap() + 11));
    }
}
