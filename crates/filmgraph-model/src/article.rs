//! An article as the parsers hand it to extraction: title, infobox, sections of
//! paragraphs, each part with its byte span in the input.

use crate::{Citation, Span};
use serde::{Deserialize, Serialize};

/// The section name given to the paragraphs before the first heading.
pub const LEAD: &str = "lead";

/// One parsed article. Built by `filmgraph-parse`, read by `filmgraph-extract`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The article's own title, with its disambiguation: `Lost Bullet (2020 film)`.
    /// This is the article's identity.
    pub title: String,
    pub title_span: Span,
    /// The title as displayed (`Lost Bullet`), where the article gives one.
    pub display_title: Option<(String, Span)>,
    /// Infobox lines in the order they appear.
    pub infobox: Vec<InfoboxField>,
    /// The lead (named [`LEAD`]) and then each section in order.
    pub sections: Vec<Section>,
    /// Problems met while parsing. Parsing never fails; it reports here.
    pub diagnostics: Vec<Diagnostic>,
    /// The categories the article puts itself in (`2019 films`), without the
    /// `Category:` prefix or sort key. Wikitext only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// The page this article redirects to, when it is a redirect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect: Option<String>,
}

impl Article {
    /// The title to show a reader: the display title, else the title without
    /// its disambiguation in parentheses.
    pub fn shown_title(&self) -> &str {
        if let Some((t, _)) = &self.display_title {
            return t;
        }
        strip_disambiguation(&self.title)
    }

    pub fn section(&self, heading: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.heading == heading)
    }

    /// The infobox values whose key matches `key` (case-insensitive).
    pub fn infobox_values<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a InfoboxField> {
        self.infobox
            .iter()
            .filter(move |f| f.key.eq_ignore_ascii_case(key))
    }
}

/// `Lost Bullet (2020 film)` -> `Lost Bullet`.
pub fn strip_disambiguation(title: &str) -> &str {
    let t = title.trim_end();
    if t.ends_with(')') {
        if let Some(open) = t.rfind(" (") {
            return &t[..open];
        }
    }
    t
}

/// Which sections, met in order, are a cast list or lie under one: "Cast",
/// and its subsections ("Cast" > "Main cast", "Cast" > "''1920''" in a film
/// series' article) until a section at the cast section's level or above.
#[derive(Debug, Clone, Default)]
pub struct CastSections {
    /// The level of the cast section the current one lies under, if any.
    level: Option<u8>,
}

impl CastSections {
    /// Whether the next section, at `level` with `heading`, is cast.
    pub fn next_is_cast(&mut self, level: u8, heading: &str) -> bool {
        if self.level.is_some_and(|l| level <= l) {
            self.level = None;
        }
        if self.level.is_none() && heading.to_lowercase().contains("cast") {
            self.level = Some(level);
        }
        self.level.is_some()
    }
}

/// One `- Key: Value` line (or one `| key = value` parameter in wikitext).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct InfoboxField {
    pub key: String,
    /// The value as a reader sees it; list items one a line (`\n`).
    pub value: String,
    /// The whole line or parameter.
    pub span: Span,
    /// The value alone.
    pub value_span: Span,
    /// The links in the value. Wikitext only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// Citations attached in the value, with the offset in `value` where each
    /// was attached. Wikitext only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<(usize, Citation)>,
}

/// A heading and its paragraphs. The lead is a section named [`LEAD`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as written, without the `==` marks.
    pub heading: String,
    /// Nesting level: 1 for the lead and `==H==`, 2 for `===H===`, ...
    pub level: u8,
    pub span: Span,
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of prose. `text` is what a reader sees; [`Paragraph::source_span`]
/// maps a range of `text` back to the input bytes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub text: String,
    pub span: Span,
    /// Anchors `(text_offset, input_offset)`, sorted, for text that is not a
    /// verbatim copy of the input (rendered wikitext). Empty means verbatim:
    /// text offset `i` is input offset `span.start + i`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<(usize, usize)>,
    /// Citations the article attaches here (wikitext `<ref>`s), with the
    /// offset in `text` right after which each was attached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<(usize, Citation)>,
    /// The links in the paragraph, in order. Wikitext only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

/// A link in rendered text: its label and the page it links to, which is the
/// identity of what the label names (`[[John Smith (actor)|John Smith]]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Offset of the label in the rendered text.
    pub at: usize,
    pub label: String,
    /// The page's title as MediaWiki names it (first letter capitalised,
    /// spaces for underscores, no `#section`).
    pub page: String,
}

impl Link {
    pub fn new(at: usize, label: impl Into<String>, page: impl Into<String>) -> Self {
        Link {
            at,
            label: label.into(),
            page: page.into(),
        }
    }
}

impl Paragraph {
    /// A paragraph whose text is the input bytes at `span`.
    pub fn verbatim(text: impl Into<String>, span: Span) -> Self {
        Paragraph {
            text: text.into(),
            span,
            anchors: Vec::new(),
            refs: Vec::new(),
            links: Vec::new(),
        }
    }

    /// The input bytes that hold `text[start..end]`.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        self.map_span(start, end, false)
    }

    /// The input bytes of the sentence `text[start..end]`, from the end of the
    /// text before it: with the markup its first word opens (`[[`, bold
    /// quotes), so that a citation shows `[[Joe Frazier]] has a cameo`, never
    /// `Joe Frazier]] has a cameo`; a sentence that ends the paragraph ends
    /// with it (`as [[Ann]]`, not `as [[Ann`).
    pub fn sentence_span(&self, start: usize, end: usize) -> Span {
        self.map_span(start, end, true)
    }

    fn map_span(&self, start: usize, end: usize, with_markup_before: bool) -> Span {
        if self.anchors.is_empty() {
            return self.span.sub(start, end);
        }
        let map = |pos: usize, is_end: bool| -> usize {
            let i = self
                .anchors
                .partition_point(|&(t, _)| if is_end { t < pos } else { t <= pos });
            match i.checked_sub(1) {
                Some(i) => {
                    let (t, s) = self.anchors[i];
                    let mut at = s + (pos - t);
                    // Within its run: no further than where the next run
                    // starts in the input, when that is further on.
                    if let Some(&(_, next)) = self.anchors.get(i + 1) {
                        if next >= s {
                            at = at.min(next);
                        }
                    }
                    at.min(self.span.end)
                }
                None => self.span.start,
            }
        };
        let s = map(start, with_markup_before);
        // A sentence that ends the paragraph ends where the paragraph does:
        // with the `]]` of a link that is its last word.
        let e = if with_markup_before && end >= self.text.len() {
            self.span.end
        } else {
            map(end, true)
        };
        Span::new(s, e.max(s))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A problem found in the input, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_title_drops_the_disambiguation() {
        let a = Article {
            title: "Lost Bullet (2020 film)".into(),
            ..Default::default()
        };
        assert_eq!(a.shown_title(), "Lost Bullet");
        assert_eq!(strip_disambiguation("M*A*S*H"), "M*A*S*H");
    }

    #[test]
    fn verbatim_paragraph_maps_by_offset() {
        let p = Paragraph::verbatim("Hello world", Span::new(100, 111));
        assert_eq!(p.source_span(6, 11), Span::new(106, 111));
    }

    #[test]
    fn anchored_paragraph_maps_through_markup() {
        // input: "[[Foo|Bar]] baz" at 0; text: "Bar baz"
        let p = Paragraph {
            text: "Bar baz".into(),
            span: Span::new(0, 15),
            anchors: vec![(0, 6), (3, 11)],
            refs: vec![],
            links: vec![Link::new(0, "Bar", "Foo")],
        };
        assert_eq!(p.source_span(0, 3), Span::new(6, 9));
        assert_eq!(p.source_span(4, 7), Span::new(12, 15));
    }

    #[test]
    fn a_sentence_begins_where_the_text_before_it_ends() {
        // input: "It is. [[Joe]] acts." at 0; text: "It is. Joe acts."
        let p = Paragraph {
            text: "It is. Joe acts.".into(),
            span: Span::new(0, 20),
            anchors: vec![(0, 0), (7, 9), (10, 14)],
            refs: vec![],
            links: vec![Link::new(7, "Joe", "Joe")],
        };
        assert_eq!(p.sentence_span(7, 16), Span::new(7, 20));
        assert_eq!(p.source_span(7, 16), Span::new(9, 20));
        // The first sentence begins with the paragraph.
        assert_eq!(p.sentence_span(0, 6), Span::new(0, 6));
    }

    #[test]
    fn cast_sections_take_in_their_subsections() {
        let mut cast = CastSections::default();
        let seen: Vec<bool> = [
            (2, "Plot"),
            (2, "Cast"),
            (3, "''1920''"),
            (3, "Main cast"),
            (2, "Release"),
            (3, "Voice cast"),
            (2, "Reception"),
        ]
        .into_iter()
        .map(|(level, heading)| cast.next_is_cast(level, heading))
        .collect();
        assert_eq!(seen, [false, true, true, true, false, true, false]);
    }
}
