//! The plain-text article format of `shared/reference/lost_bullet_2020.txt`:
//!
//! ```text
//! = Lost Bullet (2020 film) =        title line (the article's identity)
//!
//! Lost Bullet                        display title (optional; directly above the infobox)
//! - Director: Guillaume Pierret      infobox, one `- Key: Value` a line
//!
//! Lead paragraph ...                 paragraphs are separated by blank lines
//! ==Plot==                           section headings, `===Sub===` for subsections
//! ```
//!
//! The parser never fails: whatever it cannot read becomes a [`Diagnostic`].

use filmgraph_model::{
    Article, Diagnostic, InfoboxField, Paragraph, Section, Severity, Span, LEAD,
};

/// One line of input with its span (without the line break) and 1-based number.
struct Line<'a> {
    text: &'a str,
    span: Span,
    number: usize,
}

fn lines(input: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (number, raw) in input.split_inclusive('\n').enumerate() {
        let body = raw.strip_suffix('\n').unwrap_or(raw);
        let body = body.strip_suffix('\r').unwrap_or(body);
        out.push(Line {
            text: body,
            span: Span::new(start, start + body.len()),
            number: number + 1,
        });
        start += raw.len();
    }
    out
}

/// `= Title =` (exactly one `=` on each side) -> the title and its span.
fn title_line(line: &Line<'_>) -> Option<(String, Span)> {
    let t = line.text;
    let inner = t.strip_prefix('=')?.strip_suffix('=')?;
    if inner.starts_with('=') || inner.ends_with('=') {
        return None;
    }
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return None;
    }
    let offset = 1 + (inner.len() - inner.trim_start().len());
    Some((
        trimmed.to_string(),
        line.span.sub(offset, offset + trimmed.len()),
    ))
}

/// `==Heading==`, `=== Sub ===` -> (level, heading, heading span).
fn heading_line(line: &Line<'_>) -> Option<(u8, String, Span)> {
    let t = line.text.trim_end();
    let opening = t.bytes().take_while(|&b| b == b'=').count();
    let closing = t.bytes().rev().take_while(|&b| b == b'=').count();
    if opening < 2 || closing < 2 || t.len() <= opening + closing {
        return None;
    }
    let inner = &t[opening..t.len() - closing];
    let heading = inner.trim();
    if heading.is_empty() {
        return None;
    }
    let level = (opening.min(closing) - 1).min(6) as u8;
    let offset = opening + (inner.len() - inner.trim_start().len());
    Some((
        level,
        heading.to_string(),
        line.span.sub(offset, offset + heading.len()),
    ))
}

/// `- Key: Value` -> an infobox field.
fn infobox_line(line: &Line<'_>) -> Option<InfoboxField> {
    let rest = line.text.strip_prefix("- ")?;
    let colon = rest.find(':')?;
    let key = rest[..colon].trim();
    if key.is_empty() || key.len() > 60 {
        return None;
    }
    let raw_value = &rest[colon + 1..];
    let value = raw_value.trim();
    let value_start = 2 + colon + 1 + (raw_value.len() - raw_value.trim_start().len());
    Some(InfoboxField {
        key: key.to_string(),
        value: value.to_string(),
        span: line.span,
        value_span: line.span.sub(value_start, value_start + value.len()),
        ..Default::default()
    })
}

/// Parses one article in the plain-text format.
pub fn parse(input: &str) -> Article {
    let lines = lines(input);
    let mut article = Article::default();
    let mut i = 0;

    // Title line: the first non-blank line.
    while i < lines.len() && lines[i].text.trim().is_empty() {
        i += 1;
    }
    match lines.get(i).and_then(title_line) {
        Some((title, span)) => {
            article.title = title;
            article.title_span = span;
            i += 1;
        }
        None => {
            article.diagnostics.push(Diagnostic {
                severity: Severity::Error,
                line: lines.get(i).map_or(1, |l| l.number),
                message: "no title line: an article starts with `= Title =`".into(),
            });
            return article;
        }
    }

    // Display title and infobox: a block of `- Key: Value` lines, optionally
    // under one line that is not itself a field.
    while i < lines.len() && lines[i].text.trim().is_empty() {
        i += 1;
    }
    if let Some(line) = lines.get(i) {
        let next_is_field = lines.get(i + 1).and_then(infobox_line).is_some();
        let is_plain = infobox_line(line).is_none() && heading_line(line).is_none();
        if is_plain && next_is_field && !line.text.trim().is_empty() {
            let text = line.text.trim();
            let offset = line.text.len() - line.text.trim_start().len();
            article.display_title =
                Some((text.to_string(), line.span.sub(offset, offset + text.len())));
            i += 1;
        }
    }
    while let Some(field) = lines.get(i).and_then(infobox_line) {
        article.infobox.push(field);
        i += 1;
    }

    // Sections and paragraphs.
    let mut section = Section {
        heading: LEAD.to_string(),
        level: 1,
        span: {
            let start = lines.get(i).map_or(input.len(), |l| l.span.start);
            Span::new(start, start)
        },
        paragraphs: Vec::new(),
    };
    let mut para: Option<Span> = None;
    let flush = |para: &mut Option<Span>, section: &mut Section| {
        if let Some(span) = para.take() {
            section
                .paragraphs
                .push(paragraph(&input[span.start..span.end], span));
        }
    };
    for line in &lines[i..] {
        if let Some((level, heading, _)) = heading_line(line) {
            flush(&mut para, &mut section);
            section.span.end = line.span.start.max(section.span.start);
            let done = std::mem::replace(
                &mut section,
                Section {
                    heading,
                    level,
                    span: Span::new(line.span.start, line.span.start),
                    paragraphs: Vec::new(),
                },
            );
            if done.heading != LEAD || !done.paragraphs.is_empty() {
                article.sections.push(done);
            }
        } else if line.text.trim().is_empty() {
            flush(&mut para, &mut section);
        } else {
            let trimmed = line.text.trim();
            let offset = line.text.len() - line.text.trim_start().len();
            let span = line.span.sub(offset, offset + trimmed.len());
            para = Some(match para {
                Some(p) => p.cover(span),
                None => span,
            });
        }
    }
    flush(&mut para, &mut section);
    section.span.end = input.len().max(section.span.start);
    article.sections.push(section);

    if article.sections.iter().all(|s| s.paragraphs.is_empty()) && article.infobox.is_empty() {
        article.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            line: lines.last().map_or(1, |l| l.number),
            message: "the article has a title but no infobox and no text".into(),
        });
    }
    article
}

/// The paragraph of the input bytes at `span`, with non-breaking and thin
/// spaces read as plain spaces ("and\u{a0}Mark Wahlberg" is "and Mark
/// Wahlberg" to every rule that splits lists and names); anchors keep each
/// text offset pointing at its input byte.
///
/// Each such space (two or three bytes) is anchored at its last byte, so
/// that the end of the text before it and the start of the text after it
/// both map to whole characters: a sentence that follows "Studios.\u{a0}"
/// is cited from its first letter, never from inside the space.
fn paragraph(text: &str, span: Span) -> Paragraph {
    let odd_space = |c: char| {
        matches!(
            c,
            '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{202f}'
        )
    };
    if !text.contains(odd_space) {
        return Paragraph::verbatim(text, span);
    }
    let mut out = String::with_capacity(text.len());
    let mut anchors = vec![(0, span.start)];
    for (at, c) in text.char_indices() {
        if odd_space(c) {
            anchors.push((out.len(), span.start + at + c.len_utf8() - 1));
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    Paragraph {
        text: out,
        span,
        anchors,
        refs: Vec::new(),
        links: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "= Foo (1999 film) =\n\nFoo\n- Director: Ann Bee\n- Runtime: 90 minutes\n\nFoo is a film.\nIt has two lines.\n\nSecond paragraph.\n==Plot==\nA plot.\n===Detail===\nMore.\n";

    #[test]
    fn reads_title_display_title_and_infobox() {
        let a = parse(SAMPLE);
        assert_eq!(a.title, "Foo (1999 film)");
        assert_eq!(
            &SAMPLE[a.title_span.start..a.title_span.end],
            "Foo (1999 film)"
        );
        assert_eq!(a.display_title.as_ref().unwrap().0, "Foo");
        assert_eq!(a.infobox.len(), 2);
        let f = &a.infobox[0];
        assert_eq!((f.key.as_str(), f.value.as_str()), ("Director", "Ann Bee"));
        assert_eq!(&SAMPLE[f.value_span.start..f.value_span.end], "Ann Bee");
        assert!(a.diagnostics.is_empty());
    }

    #[test]
    fn paragraphs_and_sections_keep_their_spans() {
        let a = parse(SAMPLE);
        let heads: Vec<_> = a
            .sections
            .iter()
            .map(|s| (s.heading.as_str(), s.level))
            .collect();
        assert_eq!(heads, [("lead", 1), ("Plot", 1), ("Detail", 2)]);
        let lead = &a.sections[0];
        assert_eq!(lead.paragraphs.len(), 2);
        for p in a.sections.iter().flat_map(|s| &s.paragraphs) {
            assert_eq!(&SAMPLE[p.span.start..p.span.end], p.text);
        }
        assert_eq!(lead.paragraphs[0].text, "Foo is a film.\nIt has two lines.");
    }

    #[test]
    fn a_lead_without_display_title_or_infobox() {
        let a = parse("= Bar =\n\nBar is a 2001 film directed by X.\n");
        assert!(a.display_title.is_none());
        assert!(a.infobox.is_empty());
        assert_eq!(
            a.sections[0].paragraphs[0].text,
            "Bar is a 2001 film directed by X."
        );
    }

    #[test]
    fn missing_title_is_an_error_diagnostic_with_its_line() {
        let a = parse("\n\nJust text.\n");
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].severity, Severity::Error);
        assert_eq!(a.diagnostics[0].line, 3);
        let empty = parse("");
        assert_eq!(empty.diagnostics[0].severity, Severity::Error);
    }

    #[test]
    fn headings_are_not_titles() {
        let a = parse("==Plot==\ntext\n");
        assert_eq!(a.diagnostics[0].severity, Severity::Error);
    }

    #[test]
    fn crlf_line_endings() {
        let input = "= Baz =\r\n\r\nBaz is a film.\r\n==Cast==\r\nSomeone\r\n";
        let a = parse(input);
        assert_eq!(a.title, "Baz");
        assert_eq!(a.sections[0].paragraphs[0].text, "Baz is a film.");
        assert_eq!(a.sections[1].heading, "Cast");
    }

    #[test]
    fn non_breaking_spaces_read_as_spaces_and_map_back() {
        let input = "= T =\n\nStarring A\u{a0}B and\u{a0}C D.\n";
        let article = parse(input);
        let p = &article.sections[0].paragraphs[0];
        assert_eq!(p.text, "Starring A B and C D.");
        let at = p.text.find("C D").unwrap();
        let span = p.source_span(at, at + 3);
        assert_eq!(&input[span.start..span.end], "C D");
        let span = p.source_span(0, p.text.len());
        assert_eq!(
            &input[span.start..span.end],
            "Starring A\u{a0}B and\u{a0}C D."
        );
    }

    #[test]
    fn a_sentence_after_a_non_breaking_space_is_cited_from_its_first_letter() {
        // A real article's lead (Mulan II): its sentences are parted by
        // U+00A0, which the store refused to cite half of.
        let input = "= T =\n\nT is a film.\u{a0}It is directed by Ann.\u{2009}It stars Bo.\n";
        let article = parse(input);
        let p = &article.sections[0].paragraphs[0];
        let mut cited = Vec::new();
        for sentence in ["T is a film.", "It is directed by Ann.", "It stars Bo."] {
            let at = p.text.find(sentence).unwrap();
            for span in [
                p.sentence_span(at, at + sentence.len()),
                p.source_span(at, at + sentence.len()),
            ] {
                assert!(input.is_char_boundary(span.start), "{sentence}: {span:?}");
                assert!(input.is_char_boundary(span.end), "{sentence}: {span:?}");
                cited.push(&input[span.start..span.end]);
            }
        }
        assert_eq!(
            cited,
            [
                "T is a film.",
                "T is a film.",
                "It is directed by Ann.",
                "It is directed by Ann.",
                "It stars Bo.",
                "It stars Bo."
            ]
        );
    }
}
