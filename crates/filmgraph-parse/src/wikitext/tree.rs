//! The preprocessor: one left-to-right pass over the input that builds a tree
//! of templates, links, `<ref>`s, comments and `<nowiki>` runs, everything
//! else staying as text spans. Like MediaWiki's own preprocessor it matches
//! brackets with an explicit stack, so it never recurses and runs in linear
//! time; an opener that is never closed goes back to being text.
//!
//! The tree is at most [`MAX_DEPTH`] levels deep: deeper openers are read as
//! text with a diagnostic, so the renderer (which does recurse) is safe.

use super::tag::{self, Tag};
use filmgraph_model::{Severity, Span};

/// How deep templates, links and refs may nest before openers become text.
pub(crate) const MAX_DEPTH: usize = 64;

/// Unclosed openers reported per article; more would only repeat themselves.
const MAX_UNCLOSED_REPORTS: usize = 10;

#[derive(Debug)]
pub(crate) struct Node {
    pub span: Span,
    pub kind: Kind,
}

#[derive(Debug)]
pub(crate) enum Kind {
    Text,
    /// `{{name|args}}`, parser functions and magic words included. Boxed,
    /// like links: most nodes are text, and a node is as large as its
    /// largest kind.
    Template(Box<Template>),
    /// `{{{name|default}}}`.
    Param(Vec<Part>),
    /// `[[target|label]]`.
    Link(Box<Link>),
    /// `<ref>` in any form. `body` is `None` for `<ref name=x/>`.
    Ref {
        name: Option<String>,
        body: Option<Vec<Node>>,
    },
    Comment,
    /// `<nowiki>inner</nowiki>`: literal text.
    Nowiki {
        inner: Span,
    },
    /// An extension tag whose content is never prose (`<math>`, `<gallery>`...).
    Opaque,
}

/// The nodes between two `|` of a template or link.
#[derive(Debug)]
pub(crate) struct Part {
    pub nodes: Vec<Node>,
    /// From the separator (or the opener) to the end of the part.
    pub span: Span,
}

#[derive(Debug)]
pub(crate) struct Template {
    /// The name part: `Infobox film` in `{{Infobox film|...}}`, or
    /// `#if:x` in `{{#if:x|...}}`.
    pub name: Part,
    pub args: Vec<Arg>,
}

#[derive(Debug)]
pub(crate) struct Arg {
    /// `Some` for `| key = value`, trimmed as MediaWiki does.
    pub name: Option<String>,
    pub value: Vec<Node>,
    /// From the `|` to the end of the value, trailing whitespace excluded.
    pub span: Span,
    /// The value's bytes, trimmed.
    pub value_span: Span,
}

#[derive(Debug)]
pub(crate) struct Link {
    pub target: Part,
    /// The parts after the first `|`.
    pub rest: Vec<Part>,
}

/// A finished tree and what went wrong while building it.
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    /// (input offset, severity, message).
    pub problems: Vec<(usize, Severity, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameKind {
    Root,
    Template,
    Param,
    Link,
    Ref,
}

struct Frame {
    kind: FrameKind,
    /// The opener: `{{`, `[[`, or the whole `<ref ...>` tag.
    open: Span,
    /// The parts; each after the first starts at its `|`.
    parts: Vec<Part>,
    ref_name: Option<String>,
}

impl Frame {
    fn new(kind: FrameKind, open: Span) -> Frame {
        Frame {
            kind,
            open,
            parts: {
                // Room for the usual number of parts: a link has one or two,
                // a template a handful; growing from one costs a copy each time.
                let mut parts = Vec::with_capacity(if kind == FrameKind::Link { 2 } else { 4 });
                parts.push(Part {
                    nodes: Vec::new(),
                    span: Span::new(open.end, open.end),
                });
                parts
            },
            ref_name: None,
        }
    }

    fn push(&mut self, node: Node) {
        let part = self.parts.last_mut().expect("a frame has a part");
        push_merged(&mut part.nodes, node);
    }

    /// A `|` at `at` starts a new part.
    fn separate(&mut self, at: usize) {
        if let Some(last) = self.parts.last_mut() {
            last.span.end = at;
        }
        self.parts.push(Part {
            nodes: Vec::new(),
            span: Span::new(at, at + 1),
        });
    }
}

/// Pushes a node, merging touching text nodes.
fn push_merged(nodes: &mut Vec<Node>, node: Node) {
    if let Kind::Text = node.kind {
        if node.span.is_empty() {
            return;
        }
        if let Some(last) = nodes.last_mut() {
            if matches!(last.kind, Kind::Text) && last.span.end == node.span.start {
                last.span.end = node.span.end;
                return;
            }
        }
    }
    nodes.push(node);
}

fn text(start: usize, end: usize) -> Node {
    Node {
        span: Span::new(start, end),
        kind: Kind::Text,
    }
}

/// The bytes the preprocessor stops at; everything else is text.
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut k = 0;
    let bytes = b"{}[]|<\n";
    while k < bytes.len() {
        table[bytes[k] as usize] = true;
        k += 1;
    }
    table
};

/// Extension tags whose content is not wikitext prose; dropped whole.
const OPAQUE_TAGS: &[&str] = &[
    "math",
    "chem",
    "ce",
    "pre",
    "gallery",
    "timeline",
    "syntaxhighlight",
    "source",
    "score",
    "graph",
    "mapframe",
    "maplink",
    "imagemap",
    "templatedata",
    "templatestyles",
    "hiero",
    "inputbox",
    "categorytree",
    "includeonly",
];

struct Builder<'a> {
    src: &'a str,
    stack: Vec<Frame>,
    problems: Vec<(usize, Severity, String)>,
    too_deep_reported: bool,
    /// Tag names known to have no closing tag after the given offset.
    unclosed_after: Vec<(String, usize)>,
    comment_unclosed_after: Option<usize>,
    /// Whether to stop at the first heading (see [`build_lead`]), and where
    /// the builder stopped.
    lead_only: bool,
    stopped_at: Option<usize>,
}

/// Builds the tree of `src`. Never fails.
pub(crate) fn build(src: &str) -> Tree {
    build_with(src, false).0
}

/// The tree of the lead of `src` alone, and where the lead ends: the builder
/// stops at the first line that begins with `=` outside any markup, when that
/// line is a heading and nothing but text (`== Plot ==`). What it built
/// until then is what [`build`] builds for those bytes, since every earlier
/// construct is closed and every look ahead (a comment's end, a `<nowiki>`'s
/// close) read the whole of `src`. Where the page has no heading, or its
/// first one is written with markup, the whole tree and `None`.
pub(crate) fn build_lead(src: &str) -> (Tree, Option<usize>) {
    if src.starts_with('=') {
        return (build(src), None);
    }
    build_with(src, true)
}

fn build_with(src: &str, lead_only: bool) -> (Tree, Option<usize>) {
    let mut b = Builder {
        src,
        stack: vec![Frame::new(FrameKind::Root, Span::new(0, 0))],
        problems: Vec::new(),
        too_deep_reported: false,
        unclosed_after: Vec::new(),
        comment_unclosed_after: None,
        lead_only,
        stopped_at: None,
    };
    b.run();
    let Builder {
        mut stack,
        problems,
        stopped_at,
        ..
    } = b;
    let root = stack.pop().expect("the root frame");
    let nodes = root
        .parts
        .into_iter()
        .next()
        .map_or_else(Vec::new, |p| p.nodes);
    (Tree { nodes, problems }, stopped_at)
}

/// Whether the line starting at `at` is a heading of plain text: `=`s, text
/// without markup, `=`s, as the sections are cut (`== x ==` is one, `====`
/// is not).
fn plain_heading(src: &str, at: usize) -> bool {
    let line = &src[at..];
    let line = line[..memchr::memchr(b'\n', line.as_bytes()).unwrap_or(line.len())].trim_end();
    if line.contains(['{', '}', '[', ']', '<', '&']) {
        return false;
    }
    let level = heading_level(line, line);
    level > 0 && line.len() > 2 * level
}

/// A heading's level: as many `=` as open its first text and close its last
/// (trailing blanks trimmed), at most 6; 0 for no heading.
pub(crate) fn heading_level(first: &str, last: &str) -> usize {
    let open = first.bytes().take_while(|&b| b == b'=').count();
    let close = last.bytes().rev().take_while(|&b| b == b'=').count();
    open.min(close).min(6)
}

impl<'a> Builder<'a> {
    fn top(&self) -> FrameKind {
        self.stack.last().expect("the root frame").kind
    }

    fn push(&mut self, node: Node) {
        self.stack.last_mut().expect("the root frame").push(node);
    }

    fn in_link_target(&self) -> bool {
        let top = self.stack.last().expect("the root frame");
        top.kind == FrameKind::Link && top.parts.len() == 1
    }

    fn flush_text(&mut self, start: usize, end: usize) {
        if start < end {
            self.push(text(start, end));
        }
    }

    fn can_open(&mut self, at: usize) -> bool {
        if self.stack.len() <= MAX_DEPTH {
            return true;
        }
        if !self.too_deep_reported {
            self.too_deep_reported = true;
            self.problems.push((
                at,
                Severity::Warning,
                format!("markup nested deeper than {MAX_DEPTH} levels; the rest is read as text"),
            ));
        }
        false
    }

    fn run(&mut self) {
        let src = self.src;
        let b = src.as_bytes();
        let mut text_start = 0;
        let mut i = 0;
        while i < b.len() {
            match b[i..].iter().position(|&x| SPECIAL[usize::from(x)]) {
                Some(skip) => i += skip,
                None => break,
            }
            let c = b[i];
            match c {
                b'{' | b'}' | b'[' | b']' | b'|' | b'<' => {}
                b'\n' if self.lead_only && self.stack.len() == 1 && b.get(i + 1) == Some(&b'=') => {
                    if plain_heading(src, i + 1) {
                        self.flush_text(text_start, i + 1);
                        self.finish();
                        self.stopped_at = Some(i + 1);
                        return;
                    }
                    // A heading with markup in it (or a line of `=` that is
                    // none): the whole page is built.
                    self.lead_only = false;
                    i += 1;
                    continue;
                }
                b'\n' if self.in_link_target() => {
                    // A link target never spans lines: this link is broken.
                    self.flush_text(text_start, i);
                    text_start = i;
                    self.flatten_top();
                    i += 1;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            let run = b[i..].iter().take_while(|&&x| x == c).count();
            match c {
                b'{' if run >= 2 => {
                    self.flush_text(text_start, i);
                    let mut at = i;
                    let mut left = run;
                    while left >= 2 {
                        let len = if left == 3 { 3 } else { 2 };
                        if !self.can_open(at) {
                            break;
                        }
                        let kind = if len == 3 {
                            FrameKind::Param
                        } else {
                            FrameKind::Template
                        };
                        self.stack.push(Frame::new(kind, Span::new(at, at + len)));
                        at += len;
                        left -= len;
                    }
                    text_start = at;
                    i += run;
                }
                b'}' if run >= 2 => {
                    self.flush_text(text_start, i);
                    let mut at = i;
                    let mut left = run;
                    while left >= 2 {
                        match self.top() {
                            FrameKind::Template => {
                                self.close(Span::new(at, at + 2));
                                at += 2;
                                left -= 2;
                            }
                            FrameKind::Param => {
                                let len = left.min(3);
                                self.close(Span::new(at, at + len));
                                at += len;
                                left -= len;
                            }
                            FrameKind::Link if self.brace_frame_below() => self.flatten_top(),
                            _ => break,
                        }
                    }
                    text_start = at;
                    i += run;
                }
                b'[' if run >= 2 => {
                    let at = i + run - 2;
                    if self.can_open(at) {
                        self.flush_text(text_start, at);
                        self.stack
                            .push(Frame::new(FrameKind::Link, Span::new(at, at + 2)));
                        text_start = at + 2;
                    }
                    i += run;
                }
                b']' if run >= 2 && self.top() == FrameKind::Link => {
                    self.flush_text(text_start, i);
                    let mut at = i;
                    while at + 2 <= i + run && self.top() == FrameKind::Link {
                        self.close(Span::new(at, at + 2));
                        at += 2;
                    }
                    text_start = at;
                    i += run;
                }
                b'|' if matches!(
                    self.top(),
                    FrameKind::Template | FrameKind::Param | FrameKind::Link
                ) =>
                {
                    self.flush_text(text_start, i);
                    self.stack.last_mut().expect("a frame").separate(i);
                    i += 1;
                    text_start = i;
                }
                b'<' => match self.angle(i, text_start) {
                    Some(end) => {
                        text_start = end;
                        i = end;
                    }
                    None => i += 1,
                },
                _ => i += run,
            }
        }
        self.flush_text(text_start, b.len());
        self.finish();
    }
}

impl Builder<'_> {
    /// Handles a `<` at `at`: a comment, `<nowiki>`, an opaque extension tag,
    /// or a `<ref>` opening or closing. Returns where the text goes on, or
    /// `None` when the `<` is plain text.
    fn angle(&mut self, at: usize, text_start: usize) -> Option<usize> {
        let src = self.src;
        if src[at..].starts_with("<!--") {
            let end = self.comment_end(at);
            self.flush_text(text_start, at);
            self.push(Node {
                span: Span::new(at, end),
                kind: Kind::Comment,
            });
            return Some(end);
        }
        let tag = tag::parse(src, at)?;
        let name = tag.name.as_str();
        if name == "ref" {
            return if tag.closing {
                self.close_ref(at, text_start, &tag)
            } else {
                self.open_ref(at, text_start, &tag)
            };
        }
        let opaque = OPAQUE_TAGS.contains(&name);
        if tag.closing || !(opaque || name == "nowiki") {
            return None;
        }
        let (inner, end) = if tag.self_closing {
            (Span::new(tag.end, tag.end), tag.end)
        } else {
            let (close_start, close_end) = self.find_close(tag.end, name)?;
            (Span::new(tag.end, close_start), close_end)
        };
        self.flush_text(text_start, at);
        let kind = if opaque {
            Kind::Opaque
        } else {
            Kind::Nowiki { inner }
        };
        self.push(Node {
            span: Span::new(at, end),
            kind,
        });
        Some(end)
    }

    fn comment_end(&mut self, at: usize) -> usize {
        let len = self.src.len();
        if self.comment_unclosed_after.is_some_and(|p| p <= at) {
            return len;
        }
        match self.src[at + 4..].find("-->") {
            Some(p) => at + 4 + p + 3,
            None => {
                self.comment_unclosed_after = Some(at);
                self.problems.push((
                    at,
                    Severity::Warning,
                    "a comment `<!--` is never closed; the rest of the article is hidden".into(),
                ));
                len
            }
        }
    }

    /// The closing tag of `name` after `from`, remembering failures so that
    /// many unclosed tags cost one scan, not one each.
    fn find_close(&mut self, from: usize, name: &str) -> Option<(usize, usize)> {
        if self
            .unclosed_after
            .iter()
            .any(|(n, p)| n == name && *p <= from)
        {
            return None;
        }
        let found = tag::find_close(self.src, from, name);
        if found.is_none() {
            self.unclosed_after.push((name.to_string(), from));
        }
        found
    }

    fn open_ref(&mut self, at: usize, text_start: usize, tag: &Tag) -> Option<usize> {
        let name = tag::attr(self.src, tag.attrs, "name");
        if tag.self_closing {
            self.flush_text(text_start, at);
            self.push(Node {
                span: Span::new(at, tag.end),
                kind: Kind::Ref { name, body: None },
            });
            return Some(tag.end);
        }
        if !self.can_open(at) {
            return None;
        }
        self.flush_text(text_start, at);
        let mut frame = Frame::new(FrameKind::Ref, Span::new(at, tag.end));
        frame.ref_name = name;
        self.stack.push(frame);
        Some(tag.end)
    }

    fn close_ref(&mut self, at: usize, text_start: usize, tag: &Tag) -> Option<usize> {
        let pos = self.stack.iter().rposition(|f| f.kind == FrameKind::Ref)?;
        self.flush_text(text_start, at);
        while self.stack.len() > pos + 1 {
            self.flatten_top();
        }
        self.close(Span::new(at, tag.end));
        Some(tag.end)
    }

    /// Whether a `{{` frame lies below the top before any ref boundary.
    fn brace_frame_below(&self) -> bool {
        for frame in self.stack.iter().rev().skip(1) {
            match frame.kind {
                FrameKind::Template | FrameKind::Param => return true,
                FrameKind::Ref | FrameKind::Root => return false,
                FrameKind::Link => {}
            }
        }
        false
    }

    /// Closes the top frame with the closer at `close`.
    fn close(&mut self, close: Span) {
        if self.stack.len() <= 1 {
            return;
        }
        let mut frame = self.stack.pop().expect("checked above");
        if let Some(last) = frame.parts.last_mut() {
            last.span.end = close.start;
        }
        let span = Span::new(frame.open.start, close.end);
        let kind = match frame.kind {
            FrameKind::Template => Kind::Template(Box::new(make_template(self.src, frame.parts))),
            FrameKind::Param => Kind::Param(frame.parts),
            FrameKind::Link => {
                let mut parts = frame.parts.into_iter();
                let target = parts.next().expect("a frame has a part");
                Kind::Link(Box::new(Link {
                    target,
                    rest: parts.collect(),
                }))
            }
            FrameKind::Ref => Kind::Ref {
                name: frame.ref_name.take(),
                body: Some(frame.parts.into_iter().flat_map(|p| p.nodes).collect()),
            },
            FrameKind::Root => unreachable!("the root frame is never popped here"),
        };
        self.push(Node { span, kind });
    }

    /// Pops the top frame and gives its content back to its parent as it was
    /// written: the opener and separators become text again.
    fn flatten_top(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        let frame = self.stack.pop().expect("checked above");
        let parent = self.stack.last_mut().expect("the root frame");
        parent.push(text(frame.open.start, frame.open.end));
        for (k, part) in frame.parts.into_iter().enumerate() {
            if k > 0 {
                // The part starts at its `|`.
                parent.push(text(part.span.start, part.span.start + 1));
            }
            for node in part.nodes {
                parent.push(node);
            }
        }
    }

    fn finish(&mut self) {
        let mut reported = 0;
        while self.stack.len() > 1 {
            let frame = self.stack.last().expect("checked above");
            if reported < MAX_UNCLOSED_REPORTS {
                reported += 1;
                let what = match frame.kind {
                    FrameKind::Template => "`{{`",
                    FrameKind::Param => "`{{{`",
                    FrameKind::Link => "`[[`",
                    FrameKind::Ref => "`<ref>`",
                    FrameKind::Root => "",
                };
                self.problems.push((
                    frame.open.start,
                    Severity::Warning,
                    format!("{what} is never closed; read as text"),
                ));
            }
            self.flatten_top();
        }
    }
}

/// Splits a template's parts into its name and its arguments.
fn make_template(src: &str, parts: Vec<Part>) -> Template {
    let mut parts = parts.into_iter();
    let name = parts.next().expect("a frame has a part");
    Template {
        name,
        args: parts.map(|p| make_arg(src, p)).collect(),
    }
}

/// `| key = value` or `| value`: the first `=` in this part's own text (not
/// inside a nested template or link) names the argument.
fn make_arg(src: &str, part: Part) -> Arg {
    let Part { mut nodes, span } = part;
    let mut name = None;
    let mut value_start = (span.start + 1).min(span.end);
    let eq = nodes.iter().enumerate().find_map(|(k, n)| match n.kind {
        Kind::Text => src[n.span.start..n.span.end]
            .find('=')
            .map(|p| (k, n.span.start + p, n.span.end)),
        _ => None,
    });
    if let Some((k, eq, end)) = eq {
        name = Some(if k == 0 {
            src[nodes[0].span.start..eq].trim().to_string()
        } else {
            let mut key = String::new();
            for n in &nodes[..k] {
                if let Kind::Text = n.kind {
                    key.push_str(&src[n.span.start..n.span.end]);
                }
            }
            key.push_str(&src[nodes[k].span.start..eq]);
            key.trim().to_string()
        });
        // The value: the rest of the node holding `=`, then the nodes after.
        nodes.drain(..k);
        if eq + 1 < end {
            nodes[0] = text(eq + 1, end);
        } else {
            nodes.remove(0);
        }
        value_start = eq + 1;
    }
    let raw = match (nodes.first(), nodes.last()) {
        (Some(f), Some(l)) => Span::new(f.span.start, l.span.end),
        _ => Span::new(value_start, value_start),
    };
    let value_span = trim_span(src, raw);
    let whole = trim_span(src, Span::new(span.start, span.end));
    Arg {
        name,
        value: nodes,
        span: Span::new(span.start, whole.end.max(span.start)),
        value_span,
    }
}

/// `span` without leading and trailing whitespace.
pub(crate) fn trim_span(src: &str, span: Span) -> Span {
    let s = &src[span.start..span.end];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = (span.start + s.trim_end().len()).max(start);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(nodes: &[Node]) -> Vec<&'static str> {
        nodes
            .iter()
            .map(|n| match n.kind {
                Kind::Text => "text",
                Kind::Template(_) => "template",
                Kind::Param(_) => "param",
                Kind::Link(_) => "link",
                Kind::Ref { .. } => "ref",
                Kind::Comment => "comment",
                Kind::Nowiki { .. } => "nowiki",
                Kind::Opaque => "opaque",
            })
            .collect()
    }

    #[test]
    fn nested_templates_and_links() {
        let src = "a {{Infobox film|name=X|starring={{ubl|[[A|B]]|C}}}} b";
        let t = build(src);
        assert_eq!(kinds(&t.nodes), ["text", "template", "text"]);
        let Kind::Template(tpl) = &t.nodes[1].kind else {
            panic!()
        };
        assert_eq!(tpl.args.len(), 2);
        assert_eq!(tpl.args[0].name.as_deref(), Some("name"));
        assert_eq!(
            &src[tpl.args[0].value_span.start..tpl.args[0].value_span.end],
            "X"
        );
        assert_eq!(tpl.args[1].name.as_deref(), Some("starring"));
        assert_eq!(kinds(&tpl.args[1].value), ["template"]);
        assert!(t.problems.is_empty());
    }

    #[test]
    fn links_in_file_captions_close_together() {
        let src = "[[File:a.jpg|thumb|A [[b]]]] c";
        let t = build(src);
        assert_eq!(kinds(&t.nodes), ["link", "text"]);
    }

    #[test]
    fn a_label_may_span_lines_a_target_may_not() {
        assert_eq!(kinds(&build("[[a|\nb]]").nodes), ["link"]);
        assert_eq!(kinds(&build("[[a\n|b]]").nodes), ["text"]);
    }

    #[test]
    fn a_lead_is_built_alone_up_to_its_first_plain_heading() {
        let src = "{{Infobox person|name=A}}\nA <!-- a\n== not a heading ==\n--> is.\n\
                   <nowiki>\n==x==\n</nowiki>\n== Life ==\nText {{y}}\n";
        let (lead, cut) = build_lead(src);
        let cut = cut.expect("a plain heading");
        assert_eq!(&src[cut..cut + 9], "== Life =");
        let whole = build(src);
        assert_eq!(kinds(&lead.nodes), kinds(&whole.nodes[..lead.nodes.len()]));
        assert_eq!(lead.nodes.last().unwrap().span.end, cut);
        assert!(whole.nodes.len() > lead.nodes.len());
    }

    #[test]
    fn a_lead_is_not_built_alone_where_its_end_is_unclear() {
        // A heading with markup, a line of `=` (no heading), a page that
        // opens with a heading, a heading inside a template, no heading at
        // all: the whole tree.
        for src in [
            "A.\n== Life <!-- x --> ==\nB.",
            "A.\n===\nB is a film.\n== Life ==\n",
            "== Life ==\nB.",
            "{{a|\n== b ==\n}} c",
            "No heading.",
        ] {
            let (tree, cut) = build_lead(src);
            assert_eq!(cut, None, "{src:?}");
            assert_eq!(kinds(&tree.nodes), kinds(&build(src).nodes), "{src:?}");
        }
        // Inside a template, the heading-like line is passed over and the
        // next plain one ends the lead.
        let src = "{{a|\n== b ==\n}} c\n== d ==\n";
        assert_eq!(build_lead(src).1, src.find("== d"));
    }

    #[test]
    fn unclosed_openers_become_text() {
        let src = "a {{b [[c d";
        let t = build(src);
        assert_eq!(kinds(&t.nodes), ["text"]);
        assert_eq!(t.nodes[0].span, Span::new(0, src.len()));
        assert!(!t.problems.is_empty());
    }

    #[test]
    fn a_broken_link_does_not_swallow_the_template_close() {
        let src = "{{x|a=[[b}} c";
        let t = build(src);
        assert_eq!(kinds(&t.nodes), ["template", "text"]);
    }

    #[test]
    fn refs_in_all_forms() {
        let src = r#"a<ref>x|{{cite web|url=u}}</ref> b<ref name="n" /> c<ref name=m>y</REF >"#;
        let t = build(src);
        assert_eq!(
            kinds(&t.nodes),
            ["text", "ref", "text", "ref", "text", "ref"]
        );
        let Kind::Ref { name, body } = &t.nodes[3].kind else {
            panic!()
        };
        assert_eq!((name.as_deref(), body.is_none()), (Some("n"), true));
        let Kind::Ref { name, body } = &t.nodes[5].kind else {
            panic!()
        };
        assert_eq!(name.as_deref(), Some("m"));
        assert_eq!(kinds(body.as_ref().unwrap()), ["text"]);
    }

    #[test]
    fn comments_nowiki_and_opaque_tags_hide_markup() {
        let src = "<!-- {{x --> <nowiki>{{y}}</nowiki> <math>{{</math>";
        let t = build(src);
        assert_eq!(
            kinds(&t.nodes),
            ["comment", "text", "nowiki", "text", "opaque"]
        );
    }

    #[test]
    fn deep_nesting_is_cut_with_a_warning() {
        let src = "{{".repeat(10_000) + &"}}".repeat(10_000);
        let t = build(&src);
        assert_eq!(t.problems.len(), 1);
        assert_eq!(t.problems[0].1, Severity::Warning);
    }
}
