//! Splits a paragraph into sentences, keeping each sentence's byte range.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
//! followed by white space and a capital letter, a digit or an opening quote,
//! except after an initial (`Jeremiah S. Chechik`) or a known abbreviation
//! (`Dr.`, `U.S.`, `Jr.`). Linear in the paragraph's length.

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "prof", "gen", "col", "lt", "sgt", "capt",
    "rev", "no", "vol", "inc", "ltd", "co", "corp", "bros", "mt", "ft", "approx", "est", "u.s",
    "u.k", "d.c", "l.a", "n.y", "e.g", "i.e", "etc", "jan", "feb", "aug", "sept", "oct", "nov",
    "dec", "ph.d", "sen", "rep", "gov", "pres", "adm", "maj", "cmdr", "det", "insp", "supt",
];

/// Sentences of `text` that never end inside one of the `protected` names
/// (a title like `Mamma Mia! Here We Go Again` or `Mr. Wonderful`).
pub fn split_protecting(text: &str, protected: &[&str]) -> Vec<(usize, usize)> {
    let mut inside: Vec<(usize, usize)> = Vec::new();
    for name in protected.iter().filter(|n| n.contains(['.', '!', '?'])) {
        inside.extend(
            text.match_indices(*name)
                .map(|(at, _)| (at, at + name.len())),
        );
    }
    let sentences = split(text);
    if inside.is_empty() {
        return sentences;
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, end) in sentences {
        let joins = out.last().is_some_and(|&(_, prev_end)| {
            inside.iter().any(|&(a, b)| a < prev_end && prev_end < b)
        });
        match out.last_mut() {
            Some(last) if joins => last.1 = end,
            _ => out.push((start, end)),
        }
    }
    out
}

/// Byte ranges `(start, end)` of the sentences of `text`, trimmed of white space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The next line break at or after `i`, found ahead of time.
    let mut newline = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        // Jump to the next terminator or line break.
        if newline < i {
            newline = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
        }
        let terminator =
            memchr::memchr3(b'.', b'!', b'?', &bytes[i..newline]).map_or(newline, |p| i + p);
        i = terminator;
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow closing quotes and brackets after the terminator.
            let mut end = i + 1;
            loop {
                let rest = &text[end..];
                let next = rest.chars().next();
                match next {
                    Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’')) => end += c.len_utf8(),
                    _ => break,
                }
            }
            if ends_sentence(text, start, i, end) {
                push_trimmed(text, start, end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        if b == b'\n' && i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push((start + lead, start + lead + trimmed.len()));
    }
}

/// Whether the terminator at `dot` (with closers up to `end`) ends the sentence.
fn ends_sentence(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let after = &text[end..];
    let Some(first) = after.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return glued(text, start, dot, end);
    }
    let next = after.trim_start().chars().next();
    let starts_new = match next {
        Some(c) => c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '\'' | '('),
        None => true,
    };
    if !starts_new {
        return false;
    }
    if text.as_bytes()[dot] != b'.' {
        return true;
    }
    // The word before the period.
    let before = &text[start..dot];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    // A spaced ellipsis ("Leslie Nielsen ... Harry Walsh" in a cast list,
    // "he said ... Then") joins, it does not end.
    if !word.is_empty() && word.bytes().all(|b| b == b'.') && before.len() > word.len() {
        return false;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return false; // an initial: "Jeremiah S. Chechik"
        }
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // Dotted initials like "J.J." or "U.S." (but a sentence may end in "U.S.").
    if word.len() >= 3 && word.split('.').all(|p| p.chars().count() <= 1) {
        return next.is_some_and(|c| !c.is_uppercase());
    }
    true
}

/// Whether a period with no space after it ends a sentence all the same:
/// two sentences glued together ("produced by Fran Ganguzza.The documentary
/// follows ...", as abstracts joined from paragraphs have them). The word
/// before ends in two small letters and is no abbreviation, web address or
/// dotted name, or is a year; a capitalised word follows. "Mr.Smith", "ASP.NET",
/// "Node.js" and "www.imdb.Com" do not split.
fn glued(text: &str, start: usize, dot: usize, end: usize) -> bool {
    if end != dot + 1 || text.as_bytes()[dot] != b'.' {
        return false;
    }
    let mut after = text[end..].chars();
    let capital = after.next();
    let second = after.next();
    // "…Chakraborty.A Film based on …": "A" or "I" is a word of its own.
    let starts_word = capital.is_some_and(char::is_uppercase)
        && (second.is_some_and(char::is_lowercase)
            || matches!(capital, Some('A' | 'I')) && second == Some(' '));
    // "… the Working Class?.It is directed by …"
    let word = text[start..dot]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end_matches(['?', '!']);
    let tail: Vec<char> = word.chars().rev().take(2).collect();
    // "… on October 3, 2008.The movie shares …": a year ends a sentence too.
    let year = crate::lexicon::is_year(word);
    starts_word
        && (year
            || tail.len() == 2
                && tail.iter().all(|c| c.is_lowercase())
                && !word.contains(['.', '/', '@', ':'])
                && !ABBREVIATIONS.contains(&word.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn splits_at_terminators() {
        assert_eq!(
            sentences("It was a hit. It made money! Did it? Yes."),
            ["It was a hit.", "It made money!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn keeps_initials_and_abbreviations() {
        assert_eq!(
            sentences("Directed by Jeremiah S. Chechik and Dr. Smith. The end."),
            ["Directed by Jeremiah S. Chechik and Dr. Smith.", "The end."]
        );
        assert_eq!(
            sentences("It was shot in Washington, D.C. and released by Warner Bros. Pictures."),
            ["It was shot in Washington, D.C. and released by Warner Bros. Pictures."]
        );
    }

    #[test]
    fn sentences_glued_together_are_two() {
        assert_eq!(
            sentences("It was produced by Fran Ganguzza.The documentary follows a year."),
            [
                "It was produced by Fran Ganguzza.",
                "The documentary follows a year."
            ]
        );
        assert_eq!(
            sentences("It adapts Who's Afraid of the Class?.It is directed by Ana Kokkinos."),
            [
                "It adapts Who's Afraid of the Class?.",
                "It is directed by Ana Kokkinos."
            ]
        );
        assert_eq!(
            sentences("Directed by Arjun Chakraborty.A Film based on the Novel."),
            [
                "Directed by Arjun Chakraborty.",
                "A Film based on the Novel."
            ]
        );
        assert_eq!(
            sentences("It opened on October 3, 2008.The movie shares a plot."),
            ["It opened on October 3, 2008.", "The movie shares a plot."]
        );
        for one in [
            "It costs 3.5 million and ran 1.Then 2.5 more.",
            "It stars Mr.Bean and runs on ASP.NET in Node.js today.",
            "It stars Mr.A and more.",
            "See www.imdb.Com for it.",
            "It is Ph.D work.",
        ] {
            assert_eq!(sentences(one), [one]);
        }
    }

    #[test]
    fn a_spaced_ellipsis_does_not_end_a_sentence() {
        assert_eq!(
            sentences("Leslie Nielsen ... Harry Walsh. It ended... Then more."),
            [
                "Leslie Nielsen ... Harry Walsh.",
                "It ended...",
                "Then more."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            sentences("He called it \"a bland film.\" She agreed."),
            ["He called it \"a bland film.\"", "She agreed."]
        );
    }

    #[test]
    fn titles_with_terminators_stay_whole() {
        let text = "Mamma Mia! Here We Go Again is a 2018 film. It was a hit.";
        let got: Vec<&str> = split_protecting(text, &["Mamma Mia! Here We Go Again"])
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            got,
            [
                "Mamma Mia! Here We Go Again is a 2018 film.",
                "It was a hit."
            ]
        );
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("It earned $1.5 million. Yes."),
            ["It earned $1.5 million.", "Yes."]
        );
    }
}
