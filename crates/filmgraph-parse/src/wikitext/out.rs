//! Rendered text under construction: collapses whitespace, keeps the anchors
//! that map rendered offsets back to input bytes, and cuts paragraphs.
//!
//! Whitespace is never written straight away: a space or a break is held
//! pending and written only when real text follows, so output is trimmed and
//! never has two spaces or empty lines in a row.

use filmgraph_model::{Citation, Link, Paragraph, Span};

/// The bytes a paragraph of prose is given room for when it begins.
const PARAGRAPH_ROOM: usize = 512;

/// What a break does: start a new paragraph (prose) or a new line (values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Breaks {
    Paragraphs,
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    /// A space, with the input bytes of the whitespace it stands for
    /// (offset, length).
    Space(Option<(usize, usize)>),
    Break,
}

/// A place in the text being written: see [`Out::mark`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    closed: usize,
    at: usize,
}

pub(crate) struct Out {
    breaks: Breaks,
    done: Vec<Paragraph>,
    text: String,
    anchors: Vec<(usize, usize)>,
    refs: Vec<(usize, Citation)>,
    links: Vec<Link>,
    /// How many paragraphs were ended (see [`Out::mark`]).
    closed: usize,
    span: Option<Span>,
    /// The input offset that continues the last verbatim character, if the
    /// next character can use the current anchor.
    cont: Option<usize>,
    pending: Pending,
    /// Markup was dropped since the last character.
    removed: bool,
    /// Where markup that wraps the next character opened (`[[`, bold
    /// quotes), since the last character: a paragraph that begins inside
    /// it begins with it.
    opened: Option<usize>,
}

impl Out {
    pub fn new(breaks: Breaks) -> Out {
        Out {
            breaks,
            done: Vec::new(),
            text: String::new(),
            anchors: Vec::new(),
            refs: Vec::new(),
            links: Vec::new(),
            closed: 0,
            span: None,
            cont: None,
            pending: Pending::None,
            removed: false,
            opened: None,
        }
    }

    /// The current paragraph's text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn space(&mut self, at: Option<usize>) {
        self.space_of(at.map(|at| (at, 1)));
    }

    /// A space read from the `len` input bytes at `at` (`len` > 1: U+00A0,
    /// `&nbsp;`), when `Some`.
    pub fn space_of(&mut self, bytes: Option<(usize, usize)>) {
        if self.pending == Pending::None {
            self.pending = Pending::Space(bytes);
        }
    }

    pub fn brk(&mut self) {
        self.pending = Pending::Break;
        self.opened = None;
    }

    /// Markup that may wrap the text after it opens at `at` (a link's `[[`,
    /// bold or italic quotes): if the next character begins a paragraph,
    /// the paragraph's span begins here, so that what cites it shows
    /// `[[Joe Frazier]] has a cameo`, not `Joe Frazier]] has a cameo`.
    pub fn open(&mut self, at: usize) {
        self.opened.get_or_insert(at);
    }

    /// Markup was dropped here: a space before punctuation that follows it
    /// is the markup's, not the text's.
    pub fn removed(&mut self) {
        self.removed = true;
    }

    pub fn cite(&mut self, citation: Citation) {
        self.refs.push((self.text.len(), citation));
    }

    /// Where the next text goes, for [`Out::link`]: held whitespace may yet
    /// end the paragraph before it.
    pub fn mark(&self) -> Mark {
        Mark {
            closed: self.closed,
            at: self.text.len(),
        }
    }

    /// The text of the current paragraph written since `mark`.
    pub fn since(&self, mark: Mark) -> &str {
        let from = if mark.closed == self.closed {
            mark.at
        } else {
            0
        };
        self.text.get(from..).unwrap_or("")
    }

    /// A link whose label was rendered since `mark`; the label is what was
    /// written, trimmed, and `trail` (`[[sailor]]s`).
    pub fn link(&mut self, mark: Mark, trail: &str, page: String) {
        let written = self.since(mark);
        let label = written.trim();
        if label.is_empty() || page.is_empty() {
            return;
        }
        let at = self.text.len() - written.trim_start().len();
        self.links
            .push(Link::new(at, format!("{label}{trail}"), page));
    }

    fn flush_pending(&mut self, next: char) {
        match std::mem::replace(&mut self.pending, Pending::None) {
            Pending::None => {}
            Pending::Space(at) => {
                let glued = next == ')'
                    || (self.removed && matches!(next, '.' | ',' | ';' | ':' | '!' | '?'));
                let after_open = self.text.ends_with(['\n', '(']);
                if !self.text.is_empty() && !after_open && !glued {
                    match at {
                        Some((at, 1)) => self.put(' ', at, 1),
                        Some((at, len)) => self.put_wide_space(at, len),
                        None => {
                            self.text.push(' ');
                            self.cont = None;
                        }
                    }
                }
            }
            Pending::Break => {
                if !self.text.is_empty() {
                    match self.breaks {
                        Breaks::Paragraphs => self.close(),
                        Breaks::Lines => {
                            self.text.push('\n');
                            self.cont = None;
                        }
                    }
                }
            }
        }
        self.removed = false;
    }

    /// Markup whose text was just written closes at `end` (a link's `]]`):
    /// the paragraph takes it in.
    pub fn closes(&mut self, end: usize) {
        if let Some(span) = &mut self.span {
            span.end = span.end.max(end);
        }
    }

    /// Markup at `markup` (a template) wrote the text since `mark`: where
    /// that text lies within one paragraph, the paragraph takes in the whole
    /// markup (its `{{` too where the paragraph begins with it).
    pub fn wraps(&mut self, mark: Mark, markup: Span) {
        if mark.closed != self.closed || self.text.len() == mark.at {
            return;
        }
        if let Some(span) = &mut self.span {
            span.end = span.end.max(markup.end);
            if mark.at == 0 {
                span.start = span.start.min(markup.start);
            }
        }
    }

    fn anchor(&mut self, at: usize) {
        let t = self.text.len();
        match self.anchors.last_mut() {
            Some(last) if last.0 == t => last.1 = at,
            _ => self.anchors.push((t, at)),
        }
    }

    fn cover(&mut self, span: Span) {
        let opened = self.opened.take();
        self.span = Some(match self.span {
            Some(s) => s.cover(span),
            None => match opened {
                Some(at) if at < span.start => Span::new(at, span.end),
                _ => span,
            },
        });
    }

    /// `c` read from `len` input bytes at `at`, after pending whitespace.
    fn put(&mut self, c: char, at: usize, len: usize) {
        if self.cont != Some(at) {
            self.anchor(at);
        }
        self.text.push(c);
        self.cont = (len == c.len_utf8()).then_some(at + len);
        self.cover(Span::new(at, at + len));
    }

    /// A space written for the `len` input bytes at `at` (U+00A0 is two,
    /// `&nbsp;` six): anchored at their last byte and continued after them,
    /// so that the text after it maps to the input from the end of the
    /// space, never from inside it.
    fn put_wide_space(&mut self, at: usize, len: usize) {
        self.anchor(at + len - 1);
        self.text.push(' ');
        self.cont = Some(at + len);
        self.cover(Span::new(at, at + len));
    }

    /// A character copied from the input at `at`, or decoded from the `len`
    /// input bytes there (an entity).
    pub fn push(&mut self, c: char, at: usize, len: usize) {
        self.flush_pending(c);
        self.put(c, at, len);
    }

    /// A run of ASCII text copied from the input at `at`; spaces, tabs and
    /// carriage returns in it are whitespace as everywhere.
    pub fn verbatim(&mut self, run: &str, at: usize) {
        let b = run.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if matches!(b[i], b' ' | b'\t' | b'\r') {
                self.space(Some(at + i));
                i += 1;
                continue;
            }
            // Words joined by single spaces are copied as one piece: a space
            // between two words is written as it is, unless the rules of
            // `flush_pending` would drop it (after `(`, before `)`).
            let mut j = i;
            loop {
                let k = j + b[j..]
                    .iter()
                    .position(|c| matches!(c, b' ' | b'\t' | b'\r'))
                    .unwrap_or(b.len() - j);
                let joins = k + 1 < b.len()
                    && b[k] == b' '
                    && !matches!(b[k + 1], b' ' | b'\t' | b'\r' | b')')
                    && b[k - 1] != b'(';
                if joins {
                    j = k + 1;
                } else {
                    j = k;
                    break;
                }
            }
            self.flush_pending(char::from(b[i]));
            if self.text.capacity() == 0 && self.breaks == Breaks::Paragraphs {
                // Room for a paragraph of prose at once, not a copy each
                // time it doubles.
                self.text.reserve(PARAGRAPH_ROOM);
                self.anchors.reserve(PARAGRAPH_ROOM / 32);
            }
            if self.cont != Some(at + i) {
                self.anchor(at + i);
            }
            self.text.push_str(&run[i..j]);
            self.cont = Some(at + j);
            self.cover(Span::new(at + i, at + j));
            i = j;
        }
    }

    /// Text the input does not hold as such (`US$`, ` minutes`), standing
    /// for the input at `span`.
    pub fn synth(&mut self, s: &str, span: Span) {
        self.synthesize(s, span, false);
    }

    /// [`Out::synth`] for input that holds more than ASCII at `span`: every
    /// character of `s` stands for the start of `span`, so that no offset
    /// inside `s` maps to the middle of an input character.
    pub fn synth_pinned(&mut self, s: &str, span: Span) {
        self.synthesize(s, span, true);
    }

    fn synthesize(&mut self, s: &str, span: Span, pinned: bool) {
        let Some(first) = s.chars().next() else {
            return;
        };
        self.flush_pending(first);
        if pinned {
            for (i, c) in s.char_indices() {
                self.anchor(span.start);
                self.text.push_str(&s[i..i + c.len_utf8()]);
            }
        } else {
            self.anchor(span.start);
            self.text.push_str(s);
        }
        // Where the text after it stands, unless more text says otherwise:
        // an offset inside the synthesized text maps no further than here.
        self.anchor(span.end);
        self.cont = None;
        self.cover(span);
    }

    /// Ends the current paragraph (dropping it if empty).
    fn close(&mut self) {
        let text = std::mem::take(&mut self.text);
        let mut anchors = std::mem::take(&mut self.anchors);
        let refs = std::mem::take(&mut self.refs);
        let links = std::mem::take(&mut self.links);
        let span = self.span.take();
        self.cont = None;
        self.closed += 1;
        if text.is_empty() {
            return;
        }
        let span = span.unwrap_or_default();
        if anchors.len() == 1 && anchors[0] == (0, span.start) && span.len() == text.len() {
            anchors.clear();
        }
        anchors.retain(|&(t, _)| t < text.len());
        self.done.push(Paragraph {
            text,
            span,
            anchors,
            refs,
            links,
        });
    }

    /// The paragraphs written (one, for [`Breaks::Lines`]).
    pub fn finish(mut self) -> Vec<Paragraph> {
        self.pending = Pending::None;
        self.close();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(out: &mut Out, s: &str, at: usize) {
        for (i, c) in s.char_indices() {
            if c == ' ' {
                out.space(Some(at + i));
            } else {
                out.push(c, at + i, c.len_utf8());
            }
        }
    }

    #[test]
    fn verbatim_runs_write_what_character_by_character_writing_does() {
        let by_char = |out: &mut Out, s: &str, at: usize| {
            for (i, c) in s.char_indices() {
                if matches!(c, ' ' | '\t' | '\r') {
                    out.space(Some(at + i));
                } else {
                    out.push(c, at + i, c.len_utf8());
                }
            }
        };
        for s in [
            "a b c",
            "( a b )",
            "x  y z",
            "x\ty z",
            " lead and",
            "trail ing ",
            "f(x) y",
            "a (b c) d",
            "end . here , too",
            "a \r b",
        ] {
            for removed in [false, true] {
                let mut fast = Out::new(Breaks::Lines);
                let mut slow = Out::new(Breaks::Lines);
                for out in [&mut fast, &mut slow] {
                    out.push('w', 0, 1);
                    out.space(Some(1));
                    if removed {
                        out.removed();
                    }
                }
                fast.verbatim(s, 2);
                by_char(&mut slow, s, 2);
                assert_eq!(fast.finish(), slow.finish(), "{s:?}");
            }
        }
    }

    #[test]
    fn whitespace_is_collapsed_and_trimmed() {
        let mut out = Out::new(Breaks::Lines);
        out.space(None);
        write(&mut out, "a  b", 10);
        out.brk();
        out.brk();
        write(&mut out, "c ", 20);
        let p = out.finish();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].text, "a b\nc");
        assert_eq!(p[0].span, Span::new(10, 21));
        assert_eq!(p[0].source_span(4, 5), Span::new(20, 21));
    }

    #[test]
    fn verbatim_runs_write_like_characters() {
        let mut by_run = Out::new(Breaks::Lines);
        by_run.verbatim("  one\ttwo  three ", 7);
        let mut by_char = Out::new(Breaks::Lines);
        write(&mut by_char, "  one two  three ", 7);
        let (a, b) = (by_run.finish(), by_char.finish());
        assert_eq!(a, b);
        assert_eq!(a[0].text, "one two three");
    }

    #[test]
    fn a_verbatim_paragraph_needs_no_anchors() {
        let mut out = Out::new(Breaks::Paragraphs);
        write(&mut out, "one two", 5);
        out.brk();
        write(&mut out, "three", 30);
        let p = out.finish();
        assert_eq!(p.len(), 2);
        assert!(p[0].anchors.is_empty());
        assert_eq!(p[0].span, Span::new(5, 12));
        assert_eq!(
            (p[1].text.as_str(), p[1].span),
            ("three", Span::new(30, 35))
        );
    }

    #[test]
    fn synthetic_text_maps_to_its_source() {
        let mut out = Out::new(Breaks::Lines);
        out.synth("US$", Span::new(0, 16));
        write(&mut out, "10 million", 6);
        let p = out.finish();
        assert_eq!(p[0].text, "US$10 million");
        assert_eq!(p[0].source_span(3, 13), Span::new(6, 16));
    }

    #[test]
    fn a_space_left_by_removed_markup_is_not_kept_before_punctuation() {
        let mut out = Out::new(Breaks::Lines);
        write(&mut out, "film ", 0);
        out.removed();
        write(&mut out, ".", 20);
        assert_eq!(out.finish()[0].text, "film.");
    }
}
