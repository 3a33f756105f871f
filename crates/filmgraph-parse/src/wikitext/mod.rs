//! MediaWiki wikitext -> [`Article`], written for the film articles of the
//! English Wikipedia. Parsing never fails and never recurses deeper than
//! 64 levels (`tree::MAX_DEPTH`), whatever the input.
//!
//! Three passes:
//! 1. `tree` matches `{{ }}`, `[[ ]]`, `<ref>`, comments and `<nowiki>`
//!    into a tree (iteratively, in linear time), the rest staying text spans;
//! 2. this module cuts the top level into lines, then sections at `==H==`
//!    lines, and finds the `{{Infobox film}}`;
//! 3. `render` turns each section into paragraphs of plain text and each
//!    infobox parameter into a plain value, with anchors back to the input.
//!
//! # Rendered infobox values
//! The extract crate relies on these conventions:
//! - list items (`{{Plainlist}}`, `{{ubl}}`, `{{Unbulleted list}}`,
//!   `{{Br list}}`, `{{hlist}}`, `<br>`, `* ` bullets, blank lines) are
//!   joined with `\n`, one item a line, each trimmed, no empty lines; a
//!   single newline is a space, as MediaWiki shows it; commas stay as written;
//! - links become their labels (trailing letters included: `[[film]]s` is
//!   `films`); [`InfoboxField::links`] keeps `(label, target page)`;
//! - refs, comments, notes (`{{efn}}`...) and unknown templates render
//!   nothing; refs become [`InfoboxField::refs`];
//! - `{{Film date|2020|6|19|France|2020|7|1|US}}` is
//!   `2020-06-19 (France)\n2020-07-01 (US)`; `{{Start date|2020|6|19}}` is
//!   `2020-06-19`;
//! - `{{Based on|Book|Author|Author 2}}` is `Book by Author and Author 2`;
//! - money templates render a symbol before the amount: `{{USD|10 million}}`
//!   is `US$10 million`, `{{INR|100 crore}}` `₹100 crore`, `{{GBP|5}}` `£5`,
//!   `{{EUR|5}}` `€5`, `{{JPY|5}}` `¥5`, `{{INRConvert|100|c}}`
//!   `₹100 crore` (the table is `templates::MONEY`);
//! - `{{Runtime|92}}` is `92 minutes`;
//! - an `(equivalent to ...)` line left by a dropped `{{Inflation}}` is
//!   removed.
//!
//! # Prose
//! Paragraphs are what a reader sees: no markup, refs or tables; templates
//! that show inline text (`{{lang|fr|x}}`, `{{nowrap|x}}`, `{{'}}`...) render
//! it, all others nothing. Each list item (`* Alban Lenoir as Lino`) is a
//! paragraph of its own. A paragraph's `anchors` start every verbatim run of
//! input, so [`filmgraph_model::Paragraph::source_span`] maps any rendered
//! range back to the input bytes; its `refs` are the `<ref>`s attached to it
//! with the text offset just before each.

mod cite;
mod entities;
mod out;
mod render;
mod tag;
mod templates;
mod tree;

#[cfg(test)]
mod tests;

use filmgraph_model::{
    Article, CastSections, Citation, Diagnostic, InfoboxField, Section, Span, LEAD,
};
use out::Breaks;
use render::{raw_text, Renderer};
use std::cell::RefCell;
use std::collections::HashMap;
use tree::{Kind, Node, Template};

/// What every renderer of one article shares.
pub(crate) struct Doc<'a> {
    pub src: &'a str,
    pub title: &'a str,
    /// `<ref name=x>body</ref>` definitions, for reuses `<ref name=x/>`.
    pub named_refs: HashMap<&'a str, &'a [Node]>,
    /// Citations of named refs already read, so reuses cost nothing.
    pub cited: RefCell<HashMap<String, Option<Citation>>>,
}

/// Parses one article's wikitext. `title` is the page title (from the dump)
/// or, for a bare `.wiki` file, its file stem.
pub fn parse_wikitext(input: &str, title: &str) -> Article {
    parse_wikitext_if(input, title, |_| true).0
}

/// Parses an article only as far as `wanted` needs to judge it: the title,
/// redirect, categories, infobox and lead are read first and shown to
/// `wanted`; the other sections are rendered only when it says yes. The
/// bool is its answer. A dump's pages that are not films cost a parse of
/// their markup and lead, not a rendering of every section.
pub fn parse_wikitext_if(
    input: &str,
    title: &str,
    wanted: impl FnOnce(&Article) -> bool,
) -> (Article, bool) {
    parse_tree_if(input, title, tree::build(input), wanted)
}

/// The article up to the end of its lead, and the rest of the page unread,
/// for pages whose first heading is plain text (see [`tree::build_lead`]):
/// the title, redirect, the lead's categories and infobox, and the lead, as
/// [`parse_wikitext_if`] gives them. `None` for other pages.
pub fn parse_lead<'a>(input: &'a str, title: &str) -> Option<(Article, &'a str)> {
    let (tree, cut) = tree::build_lead(input);
    let cut = cut?;
    let (article, _) = parse_tree_if(&input[..cut], title, tree, |_| false);
    Some((article, &input[cut..]))
}

fn parse_tree_if(
    input: &str,
    title: &str,
    tree: tree::Tree,
    wanted: impl FnOnce(&Article) -> bool,
) -> (Article, bool) {
    let mut named_refs = HashMap::new();
    walk(&tree.nodes, &mut |node| {
        if let Kind::Ref {
            name: Some(name),
            body: Some(body),
        } = &node.kind
        {
            if !render::is_blank(input, body) {
                named_refs.entry(name.trim()).or_insert(body.as_slice());
            }
        }
    });
    let doc = Doc {
        src: input,
        title,
        named_refs,
        cited: RefCell::new(HashMap::new()),
    };
    let mut article = Article {
        title: title.to_string(),
        ..Default::default()
    };
    article.redirect = redirect(input, &tree.nodes);
    article.categories = categories(input, &tree.nodes);

    let sections = sections(&doc, &tree.nodes);
    if let Some(infobox) = find_infobox(input, &sections, &tree.nodes) {
        article.infobox = infobox_fields(&doc, infobox);
    }
    article.display_title = display_title(&doc, &tree.nodes).or_else(|| {
        let name = article.infobox_values("name").next()?;
        let first = name.value.lines().next()?.trim();
        (!first.is_empty()).then(|| (first.to_string(), name.value_span))
    });
    for (at, severity, message) in tree.problems {
        article.diagnostics.push(Diagnostic {
            severity,
            line: line_of(input, at),
            message,
        });
    }

    let count = sections.len();
    let mut sections = sections.into_iter();
    // The lead first: judging an article reads its first sentence.
    if let Some(lead) = sections.next() {
        let paragraphs = render_section(&doc, &lead, false);
        if !(paragraphs.is_empty() && count > 1) {
            article.sections.push(section(lead, paragraphs));
        }
    }
    if !wanted(&article) {
        return (article, false);
    }
    let mut cast = CastSections::default();
    for raw in sections {
        let in_cast = cast.next_is_cast(raw.level, &raw.heading);
        let paragraphs = render_section(&doc, &raw, in_cast);
        article.sections.push(section(raw, paragraphs));
    }
    (article, true)
}

fn render_section(
    doc: &Doc<'_>,
    raw: &RawSection<'_>,
    cast: bool,
) -> Vec<filmgraph_model::Paragraph> {
    let mut r = Renderer::new(doc, Breaks::Paragraphs);
    r.table_rows = cast;
    for piece in &raw.pieces {
        match piece {
            Piece::Text(span) => r.text(*span),
            Piece::Node(node) => r.node(node),
        }
    }
    r.finish()
}

fn section(raw: RawSection<'_>, paragraphs: Vec<filmgraph_model::Paragraph>) -> Section {
    Section {
        heading: raw.heading,
        level: raw.level,
        span: raw.span,
        paragraphs,
    }
}

/// Calls `f` on every node, depth first.
fn walk<'a>(nodes: &'a [Node], f: &mut impl FnMut(&'a Node)) {
    for node in nodes {
        f(node);
        match &node.kind {
            Kind::Template(t) => {
                walk(&t.name.nodes, f);
                for a in &t.args {
                    walk(&a.value, f);
                }
            }
            Kind::Param(parts) => parts.iter().for_each(|p| walk(&p.nodes, f)),
            Kind::Link(l) => {
                walk(&l.target.nodes, f);
                l.rest.iter().for_each(|p| walk(&p.nodes, f));
            }
            Kind::Ref { body: Some(b), .. } => walk(b, f),
            _ => {}
        }
    }
}

fn line_of(input: &str, at: usize) -> usize {
    let at = at.min(input.len());
    1 + input.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// `#REDIRECT [[Target]]` -> `Target`.
fn redirect(src: &str, nodes: &[Node]) -> Option<String> {
    let head = src.trim_start();
    let is_redirect = head
        .get(..9)
        .is_some_and(|h| h.eq_ignore_ascii_case("#redirect"));
    if !is_redirect {
        return None;
    }
    nodes.iter().find_map(|n| match &n.kind {
        Kind::Link(l) => {
            let target = raw_text(src, &l.target.nodes);
            let target = render::normalize_target(target.trim().trim_start_matches(':'));
            (!target.is_empty()).then_some(target)
        }
        _ => None,
    })
}

/// A category's name as written after `Category:` -> as the article lists
/// it: underscores as spaces, single spaces (`2019_films` -> `2019 films`).
pub(crate) fn category_name(written: &str) -> String {
    let name = written.replace('_', " ");
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `[[Category:2019 films|sort key]]` at the top level -> `2019 films`.
fn categories(src: &str, nodes: &[Node]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for node in nodes {
        let Kind::Link(l) = &node.kind else { continue };
        // Most targets are one run of text: read in place.
        let target: std::borrow::Cow<'_, str> = match l.target.nodes.as_slice() {
            [one] if matches!(one.kind, Kind::Text) => src[one.span.start..one.span.end].into(),
            nodes => raw_text(src, nodes).into(),
        };
        let Some((ns, name)) = target.trim().split_once(':') else {
            continue;
        };
        if !ns.trim().eq_ignore_ascii_case("category") {
            continue;
        }
        let name = category_name(name);
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A piece of a top-level line: a text span or a whole node.
enum Piece<'t> {
    Text(Span),
    Node(&'t Node),
}

struct Line<'t> {
    pieces: Vec<Piece<'t>>,
    /// The line with its line break.
    span: Span,
}

/// The top level cut into lines; a node spanning lines stays in the line
/// where it starts.
/// Calls `each` on every line of the top level, in order. The line's
/// pieces are a buffer reused from line to line: `each` takes what it keeps.
fn each_line<'t>(src: &str, nodes: &'t [Node], mut each: impl FnMut(&mut Line<'t>)) {
    let mut line = Line {
        pieces: Vec::new(),
        span: Span::new(0, 0),
    };
    for node in nodes {
        if !matches!(node.kind, Kind::Text) {
            line.pieces.push(Piece::Node(node));
            line.span.end = node.span.end;
            continue;
        }
        let mut start = node.span.start;
        for (k, _) in src[node.span.start..node.span.end].match_indices('\n') {
            let end = node.span.start + k + 1;
            line.pieces.push(Piece::Text(Span::new(start, end)));
            line.span.end = end;
            each(&mut line);
            line.pieces.clear();
            line.span = Span::new(end, end);
            start = end;
        }
        if start < node.span.end {
            line.pieces
                .push(Piece::Text(Span::new(start, node.span.end)));
            line.span.end = node.span.end;
        }
    }
    if !line.pieces.is_empty() {
        each(&mut line);
    }
}

/// `== Heading ==` -> (level as in the model, the pieces between the marks).
fn heading<'t>(src: &str, line: &Line<'t>) -> Option<(u8, Vec<Piece<'t>>)> {
    let Some(Piece::Text(first)) = line.pieces.first() else {
        return None;
    };
    if !src[first.start..].starts_with('=') {
        return None;
    }
    let last = line.pieces.iter().rposition(|p| match p {
        Piece::Text(s) => !src[s.start..s.end].trim().is_empty(),
        Piece::Node(n) => !matches!(n.kind, Kind::Comment),
    })?;
    let Piece::Text(last_span) = line.pieces[last] else {
        return None;
    };
    let last_text = src[last_span.start..last_span.end].trim_end();
    let level = tree::heading_level(&src[first.start..first.end], last_text);
    if level == 0 {
        return None;
    }
    let inner_end = last_span.start + last_text.len() - level;
    let inner_start = first.start + level;
    if inner_end <= inner_start && last == 0 {
        return None;
    }
    let mut pieces = Vec::new();
    for (k, piece) in line.pieces[..=last].iter().enumerate() {
        match piece {
            Piece::Text(s) => {
                let start = if k == 0 { inner_start } else { s.start };
                let end = if k == last { inner_end } else { s.end };
                if start < end {
                    pieces.push(Piece::Text(Span::new(start, end)));
                }
            }
            Piece::Node(n) => pieces.push(Piece::Node(n)),
        }
    }
    let model_level = (level.saturating_sub(1)).max(1) as u8;
    Some((model_level, pieces))
}

struct RawSection<'t> {
    heading: String,
    level: u8,
    span: Span,
    pieces: Vec<Piece<'t>>,
}

fn sections<'t>(doc: &Doc<'_>, nodes: &'t [Node]) -> Vec<RawSection<'t>> {
    let src = doc.src;
    let mut out = vec![RawSection {
        heading: LEAD.to_string(),
        level: 1,
        span: Span::new(0, src.len()),
        pieces: Vec::new(),
    }];
    each_line(src, nodes, |line| {
        if let Some((level, inner)) = heading(src, line) {
            let current = out.last_mut().expect("the lead");
            current.span.end = line.span.start.max(current.span.start);
            out.push(RawSection {
                heading: heading_text(doc, &inner),
                level,
                span: Span::new(line.span.start, src.len()),
                pieces: Vec::new(),
            });
        } else {
            let pieces = &mut out.last_mut().expect("the lead").pieces;
            pieces.append(&mut line.pieces);
        }
    });
    out
}

/// A heading's text: rendered plainly, else as written.
fn heading_text(doc: &Doc<'_>, pieces: &[Piece<'_>]) -> String {
    let src = doc.src;
    let mut r = Renderer::new(doc, Breaks::Lines);
    r.cite_refs = false;
    r.line_start = false;
    for piece in pieces {
        match piece {
            Piece::Text(s) => r.text(*s),
            Piece::Node(n) => r.node(n),
        }
    }
    let text = r.finish_line();
    if !text.trim().is_empty() {
        return text.trim().to_string();
    }
    let raw: String = pieces
        .iter()
        .map(|p| match p {
            Piece::Text(s) => &src[s.start..s.end],
            Piece::Node(n) => &src[n.span.start..n.span.end],
        })
        .collect();
    raw.trim().to_string()
}

/// The article's own `{{Infobox film}}`: the first in the lead; else, when
/// the lead has no infobox of another kind, the first at the top level.
fn find_infobox<'t>(
    src: &str,
    sections: &[RawSection<'t>],
    nodes: &'t [Node],
) -> Option<&'t Template> {
    let infobox = |node: &'t Node| -> Option<(&'t Template, bool)> {
        let Kind::Template(t) = &node.kind else {
            return None;
        };
        let name = templates::name(src, t);
        if name == "infobox film" {
            Some((t, true))
        } else {
            name.starts_with("infobox").then_some((t, false))
        }
    };
    let mut other_in_lead = false;
    for piece in &sections.first()?.pieces {
        if let Piece::Node(node) = piece {
            match infobox(node) {
                Some((t, true)) => return Some(t),
                Some((_, false)) => other_in_lead = true,
                None => {}
            }
        }
    }
    if other_in_lead {
        return None;
    }
    nodes.iter().find_map(|n| match infobox(n) {
        Some((t, true)) => Some(t),
        _ => None,
    })
}

fn infobox_fields(doc: &Doc<'_>, t: &Template) -> Vec<InfoboxField> {
    let mut fields = Vec::new();
    for a in &t.args {
        let Some(key) = a.name.as_deref().filter(|k| !k.is_empty()) else {
            continue;
        };
        let mut r = Renderer::new(doc, Breaks::Lines);
        r.nodes(&a.value);
        let saw_inflation = r.saw_inflation;
        let Some(p) = r.finish().pop() else { continue };
        let (mut value, mut refs, links) = (p.text, p.refs, p.links);
        if saw_inflation {
            value = value
                .lines()
                .filter(|l| !l.contains("equivalent to"))
                .collect::<Vec<_>>()
                .join("\n");
            for r in &mut refs {
                r.0 = r.0.min(value.len());
            }
        }
        if value.is_empty() {
            continue;
        }
        fields.push(InfoboxField {
            key: key.to_string(),
            value,
            span: a.span,
            value_span: a.value_span,
            links,
            refs,
        });
    }
    fields
}

/// `{{DISPLAYTITLE:''Foo''}}` at the top level -> `Foo`.
fn display_title(doc: &Doc<'_>, nodes: &[Node]) -> Option<(String, Span)> {
    for node in nodes {
        let Kind::Template(t) = &node.kind else {
            continue;
        };
        let Some(Node {
            kind: Kind::Text,
            span,
        }) = t.name.nodes.first()
        else {
            continue;
        };
        let head = &doc.src[span.start..span.end];
        let Some((func, _)) = head.split_once(':') else {
            continue;
        };
        if !func.trim().eq_ignore_ascii_case("displaytitle") {
            continue;
        }
        let colon = span.start + func.len() + 1;
        let mut r = Renderer::new(doc, Breaks::Lines);
        r.cite_refs = false;
        r.line_start = false;
        r.text(Span::new(colon, span.end));
        r.nodes(&t.name.nodes[1..]);
        let text = r.finish_line().trim().to_string();
        if !text.is_empty() {
            return Some((
                text,
                tree::trim_span(doc.src, Span::new(colon, t.name.span.end)),
            ));
        }
    }
    None
}
