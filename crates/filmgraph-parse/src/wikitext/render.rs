//! Renders tree nodes to what a reader sees: links become their labels,
//! markup, refs, comments and tables disappear, entities are decoded, and
//! templates render as [`super::templates`] says.
//!
//! Two modes share one renderer: prose (a break starts a new paragraph) and
//! values (a break starts a new line of the value: one list item a line).
//! In both, a single newline is a space as MediaWiki renders it; a blank
//! line, a list item or a `<br>` is a break.

use super::entities;
use super::out::{Breaks, Mark, Out};
use super::tag::{self, Tag};
use super::tree::{Kind, Link, Node, Part};
use super::{cite, templates, Doc};
use filmgraph_model::{Paragraph, Span};

/// An external link `[url label]` being read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ext {
    None,
    /// Inside the URL, which started at this input offset.
    Url(usize),
    /// Inside the label of this URL; the label started at this text offset.
    Label(String, usize),
}

pub(crate) struct Renderer<'a> {
    pub doc: &'a Doc<'a>,
    pub out: Out,
    /// External links met, as (url, label).
    pub ext_links: Vec<(String, String)>,
    /// Whether `<ref>`s become citations (not inside citations themselves).
    pub cite_refs: bool,
    /// Set when an `{{Inflation}}` template was dropped.
    pub saw_inflation: bool,
    /// While above zero, breaks are spaces (a value read as one phrase).
    inline: u32,
    pub(crate) line_start: bool,
    newlines: u32,
    newline_at: Option<usize>,
    prev_line_list: bool,
    table_depth: u32,
    /// Whether tables render as rows (one paragraph a row, cells joined by
    /// ` | `) instead of disappearing: set for cast sections, whose tables
    /// are lists of actors and roles.
    pub(crate) table_rows: bool,
    ext: Ext,
}

impl<'a> Renderer<'a> {
    pub fn new(doc: &'a Doc<'a>, mode: Breaks) -> Renderer<'a> {
        Renderer {
            doc,
            out: Out::new(mode),
            ext_links: Vec::new(),
            cite_refs: true,
            saw_inflation: false,
            inline: 0,
            line_start: true,
            newlines: 0,
            newline_at: None,
            prev_line_list: false,
            table_depth: 0,
            table_rows: false,
            ext: Ext::None,
        }
    }

    pub fn finish(self) -> Vec<Paragraph> {
        self.out.finish()
    }

    /// The rendered text on one line, for names, titles and dates.
    pub fn finish_line(self) -> String {
        let text = self
            .finish()
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join(" ");
        text.replace('\n', " ")
    }

    pub fn nodes(&mut self, nodes: &[Node]) {
        for node in nodes {
            self.node(node);
        }
    }

    /// A break: a new paragraph in prose, a new line in values.
    pub fn brk(&mut self) {
        if self.inline > 0 {
            self.out.space(None);
        } else {
            self.out.brk();
        }
    }

    /// Renders with breaks read as spaces.
    pub fn inline(&mut self, f: impl FnOnce(&mut Self)) {
        self.inline += 1;
        f(self);
        self.inline -= 1;
    }

    /// Renders list content (`* a` lines) as one item a line.
    pub fn list(&mut self, nodes: &[Node]) {
        self.brk();
        self.line_start = true;
        self.newlines = 0;
        self.nodes(nodes);
        self.brk();
    }

    /// Text the input does not hold as such, standing for it at `span`.
    pub fn synth(&mut self, s: &str, span: Span) {
        let ascii = self
            .doc
            .src
            .get(span.start..span.end)
            .is_none_or(str::is_ascii);
        if ascii {
            self.out.synth(s, span);
        } else {
            self.out.synth_pinned(s, span);
        }
    }

    pub fn node(&mut self, node: &Node) {
        if self.table_depth > 0 && !self.table_rows {
            if let Kind::Text = node.kind {
                self.text(node.span);
            }
            return;
        }
        if matches!(self.ext, Ext::Url(_)) && !matches!(node.kind, Kind::Text) {
            return;
        }
        match &node.kind {
            Kind::Text => self.text(node.span),
            Kind::Template(t) => {
                self.resolve_line();
                let start = self.out.mark();
                templates::render(self, node, t);
                self.out.wraps(start, node.span);
            }
            Kind::Param(parts) => {
                if let Some(default) = parts.get(1) {
                    self.resolve_line();
                    self.nodes(&default.nodes);
                }
            }
            Kind::Link(link) => self.link(node, link),
            Kind::Ref { name, body } => {
                self.out.removed();
                if self.cite_refs {
                    if let Some(c) = cite::citation(self.doc, name.as_deref(), body.as_deref()) {
                        self.out.cite(c);
                    }
                }
            }
            Kind::Comment => {}
            Kind::Nowiki { inner } => {
                self.resolve_line();
                self.literal(*inner);
            }
            Kind::Opaque => self.out.removed(),
        }
    }

    /// Text without markup: only entities are decoded.
    pub fn literal(&mut self, span: Span) {
        let s = &self.doc.src[span.start..span.end];
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            let at = span.start + i;
            if c == '&' {
                if let Some((d, len)) = entities::decode(&s[i..]) {
                    self.emit(d, at, len);
                    i += len;
                    continue;
                }
            }
            if c == '\n' {
                self.out.space(Some(at));
            } else {
                self.emit(c, at, c.len_utf8());
            }
            i += c.len_utf8();
        }
    }

    fn emit(&mut self, c: char, at: usize, len: usize) {
        if entities::is_space(c) {
            self.out.space_of(Some((at, len)));
        } else {
            self.out.push(c, at, len);
        }
    }

    fn newline(&mut self, at: usize) {
        self.end_ext();
        self.line_start = true;
        self.newlines += 1;
        self.newline_at = Some(at);
    }

    /// Called at the first content of a line: joins it to the line before
    /// with a space, or breaks (blank line, list items).
    fn start_line(&mut self, list: bool) {
        self.line_start = false;
        let newlines = std::mem::take(&mut self.newlines);
        if newlines > 0 {
            if newlines >= 2 || list || self.prev_line_list {
                self.brk();
            } else {
                self.out.space(self.newline_at);
            }
        }
        if list {
            self.brk();
        }
        self.prev_line_list = list;
    }

    /// A node that renders text starts a line that is not a list item.
    pub(crate) fn resolve_line(&mut self) {
        if self.line_start {
            self.start_line(false);
        }
    }

    /// Table markup met while rendering a table as rows: returns the bytes
    /// it covers, or `None` for cell content to render as text.
    fn table_markup(&mut self, rest: &str, at: usize) -> Option<usize> {
        let line_len = rest.find('\n').unwrap_or(rest.len());
        if self.line_start {
            let c = rest.chars().next()?;
            if entities::is_space(c) {
                return Some(c.len_utf8());
            }
            self.line_start = false;
            self.newlines = 0;
            if rest.starts_with("{|") {
                self.table_depth += 1;
                return Some(line_len);
            }
            if rest.starts_with("|}") {
                self.table_depth -= 1;
                self.brk();
                return Some(2);
            }
            if rest.starts_with("|-") || rest.starts_with("|+") {
                self.brk();
                return Some(line_len);
            }
            if rest.starts_with('|') || rest.starts_with('!') {
                return Some(1 + self.cell_start(&rest[1..line_len], at));
            }
            if rest.starts_with('*') || rest.starts_with('#') {
                // A list inside a row (in a cell, or fostered out of a
                // table that has no cells): one item a line.
                self.brk();
                return Some(
                    rest.bytes()
                        .take_while(|b| matches!(b, b'*' | b'#'))
                        .count(),
                );
            }
            // A cell's content goes on over a new line.
            self.out.space(None);
            return None;
        }
        if rest.starts_with("||") || rest.starts_with("!!") {
            return Some(2 + self.cell_start(&rest[2..line_len], at));
        }
        None
    }

    /// Starts a cell: a separator, and any `attr=value |` before its content skipped.
    fn cell_start(&mut self, line: &str, at: usize) -> usize {
        self.out.synth(" | ", Span::new(at, at + 1));
        let next_cell = ["||", "!!"]
            .iter()
            .filter_map(|m| line.find(m))
            .min()
            .unwrap_or(line.len());
        match line[..next_cell].find('|') {
            Some(bar) if line[..bar].contains('=') && !line[..bar].contains("[[") => bar + 1,
            _ => 0,
        }
    }

    fn end_ext(&mut self) {
        match std::mem::replace(&mut self.ext, Ext::None) {
            Ext::None => {}
            Ext::Url(start) => {
                let url = self.doc.src[start..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                let url = url.split(']').next().unwrap_or("");
                self.ext_links.push((url.to_string(), String::new()));
            }
            Ext::Label(url, from) => {
                let label = self.out.text().get(from..).unwrap_or("").trim().to_string();
                self.ext_links.push((url, label));
            }
        }
    }

    pub fn text(&mut self, span: Span) {
        let src = self.doc.src;
        let s = &src[span.start..span.end];
        let b = s.as_bytes();
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            let at = span.start + i;
            let len = c.len_utf8();
            if c == '\n' {
                self.newline(at);
                i += 1;
                continue;
            }
            let rest = &s[i..];
            if self.table_depth > 0 && self.table_rows {
                if let Some(skip) = self.table_markup(rest, at) {
                    i += skip;
                    continue;
                }
            } else if self.table_depth > 0 {
                if self.line_start && !entities::is_space(c) {
                    self.line_start = false;
                    if rest.starts_with("{|") {
                        self.table_depth += 1;
                    } else if rest.starts_with("|}") {
                        self.table_depth -= 1;
                        i += 2;
                        continue;
                    }
                }
                i += len;
                continue;
            }
            if self.line_start {
                if entities::is_space(c) {
                    i += len;
                    continue;
                }
                if let Some(after) = rest.strip_prefix("{|") {
                    self.line_start = false;
                    self.table_depth = 1;
                    self.out.removed();
                    i += 2;
                    if self.table_rows {
                        // Table attributes up to the end of the line are not text.
                        self.brk();
                        i += after.find('\n').unwrap_or(after.len());
                    }
                    continue;
                }
                let list = matches!(c, '*' | '#' | ':' | ';');
                self.start_line(list);
                if list {
                    i += rest
                        .bytes()
                        .take_while(|b| matches!(b, b'*' | b'#' | b':' | b';'))
                        .count();
                    continue;
                }
                if rest.starts_with("----") {
                    self.brk();
                    i += rest.bytes().take_while(|&b| b == b'-').count();
                    continue;
                }
            }
            if !matches!(self.ext, Ext::Url(_)) {
                let mut run = plain_run(rest);
                if self.table_depth > 0 {
                    // A plain run stops at the next cell of a table row.
                    let cell = ["||", "!!"].iter().filter_map(|m| rest.find(m)).min();
                    run = run.min(cell.unwrap_or(run));
                }
                if run > 1 {
                    self.out.verbatim(&rest[..run], at);
                    i += run;
                    continue;
                }
            }
            if let Ext::Url(start) = self.ext {
                if entities::is_space(c) || c == ']' {
                    let url = src[start..at].to_string();
                    if c == ']' {
                        self.ext = Ext::None;
                        self.ext_links.push((url, String::new()));
                        self.out.removed();
                    } else {
                        self.ext = Ext::Label(url, self.out.text().len());
                    }
                }
                i += len;
                continue;
            }
            match c {
                '\'' if b.get(i + 1) == Some(&b'\'') => {
                    let n = rest.bytes().take_while(|&b| b == b'\'').count();
                    self.out.open(at);
                    let literal = match n {
                        4 => 1,
                        n if n > 5 => n - 5,
                        _ => 0,
                    };
                    for k in 0..literal {
                        self.out.push('\'', at + k, 1);
                    }
                    i += n;
                    continue;
                }
                '&' => {
                    if let Some((d, n)) = entities::decode(rest) {
                        self.emit(d, at, n);
                        i += n;
                        continue;
                    }
                }
                '<' => {
                    if let Some(tag) = tag::parse(src, at).filter(|t| t.end <= span.end) {
                        if self.html_tag(&tag, at) {
                            i = tag.end - span.start;
                            continue;
                        }
                    }
                }
                '[' if self.ext == Ext::None && starts_with_url(&rest[1..]) => {
                    self.resolve_line();
                    self.ext = Ext::Url(at + 1);
                    i += 1;
                    continue;
                }
                ']' if matches!(self.ext, Ext::Label(..)) => {
                    self.end_ext();
                    i += 1;
                    continue;
                }
                '_' if rest.starts_with("__") => {
                    let word = rest[2..].bytes().take_while(u8::is_ascii_uppercase).count();
                    if word > 0 && rest[2 + word..].starts_with("__") {
                        i += word + 4;
                        continue;
                    }
                }
                _ => {}
            }
            self.emit(c, at, len);
            i += len;
        }
    }

    /// Strips a known HTML tag; `<br>` and block tags break. Returns false
    /// for anything that is not a known tag (then `<` is text).
    fn html_tag(&mut self, tag: &Tag, at: usize) -> bool {
        match tag.name.as_str() {
            // Within a cast table's row, a break separates names in a cell
            // ("A<br>B as C"): the row stays one line.
            "br" if self.table_depth > 0 && self.table_rows => {
                self.out.synth(" / ", Span::new(at, tag.end));
                true
            }
            "br" | "hr" | "p" | "li" | "div" | "ul" | "ol" | "dl" | "dd" | "dt" | "blockquote"
            | "center" | "table" | "tr" | "td" | "th" | "caption" | "h1" | "h2" | "h3" | "h4"
            | "h5" | "h6" => {
                self.brk();
                true
            }
            "small" | "big" | "span" | "sup" | "sub" | "i" | "b" | "u" | "s" | "strike" | "del"
            | "ins" | "em" | "strong" | "abbr" | "cite" | "code" | "tt" | "font" | "q" | "mark"
            | "kbd" | "var" | "samp" | "bdi" | "bdo" | "wbr" | "ruby" | "rt" | "rp" | "time"
            | "data" | "nowiki" | "ref" | "references" | "onlyinclude" | "noinclude"
            | "includeonly" | "section" | "poem" | "templatestyles" | "gallery" | "pre"
            | "math" | "syntaxhighlight" | "source" => true,
            _ => false,
        }
    }

    fn link(&mut self, node: &Node, link: &Link) {
        let src = self.doc.src;
        let raw = raw_text(src, &link.target.nodes);
        let raw = raw.trim();
        let (visible, target) = match raw.strip_prefix(':') {
            Some(rest) => (true, rest.trim_start()),
            None => (false, raw),
        };
        if !visible {
            if let Some((ns, _)) = target.split_once(':') {
                let ns = ns.trim().to_ascii_lowercase();
                let hidden = matches!(ns.as_str(), "file" | "image" | "media" | "category")
                    || (link.rest.is_empty() && is_language_code(&ns));
                if hidden {
                    self.out.removed();
                    return;
                }
            }
        }
        self.resolve_line();
        self.out.open(node.span.start);
        let start = self.out.mark();
        self.inline(|r| {
            if link.rest.is_empty() {
                r.target_text(&link.target, visible);
            } else if link.rest.len() == 1 && is_blank(src, &link.rest[0].nodes) {
                r.synth(&pipe_trick(target), node.span);
            } else {
                for (k, part) in link.rest.iter().enumerate() {
                    if k > 0 {
                        r.synth("|", part.span);
                    }
                    r.nodes(&part.nodes);
                }
            }
        });
        if !self.out.since(start).is_empty() {
            self.out.closes(node.span.end);
        }
        let trail: String = src[node.span.end..]
            .chars()
            .take_while(char::is_ascii_lowercase)
            .collect();
        self.keep_link(start, &trail, target);
    }

    /// Keeps the link whose label was written since `from` (and `trail`),
    /// to `target` as written. A section of a page (`[[List of
    /// characters#Fillmore|Fillmore]]`) is not the identity of what the label
    /// names: such a link is not kept.
    fn keep_link(&mut self, from: Mark, trail: &str, target: &str) {
        if !target.contains('#') {
            self.out.link(from, trail, normalize_target(target));
        }
    }

    /// The target as the label of an unpiped link, without a leading `:`.
    fn target_text(&mut self, target: &Part, visible: bool) {
        let mut skip_colon = visible;
        for node in &target.nodes {
            if skip_colon {
                if let Kind::Text = node.kind {
                    let s = &self.doc.src[node.span.start..node.span.end];
                    if let Some(p) = s.find(':') {
                        skip_colon = false;
                        self.text(Span::new(node.span.start + p + 1, node.span.end));
                        continue;
                    }
                }
            }
            self.node(node);
        }
    }

    /// Records a link rendered by a template (`{{ill}}`, `{{sortname}}`).
    pub fn record_link(&mut self, from: Mark, target: &str) {
        self.keep_link(from, "", target);
    }
}

/// How many bytes at the start of `s` are ASCII text without markup.
fn plain_run(s: &str) -> usize {
    s.bytes()
        .take_while(|&b| {
            b.is_ascii() && !matches!(b, b'\n' | b'\'' | b'&' | b'<' | b'[' | b']' | b'_')
        })
        .count()
}

/// The text of the text nodes in `nodes`, as written (comments skipped).
pub(crate) fn raw_text(src: &str, nodes: &[Node]) -> String {
    let mut s = String::new();
    for node in nodes {
        match node.kind {
            Kind::Text => s.push_str(&src[node.span.start..node.span.end]),
            Kind::Nowiki { inner } => s.push_str(&src[inner.start..inner.end]),
            _ => {}
        }
    }
    s
}

/// Whether `nodes` hold nothing but whitespace and comments.
pub(crate) fn is_blank(src: &str, nodes: &[Node]) -> bool {
    nodes.iter().all(|n| match n.kind {
        Kind::Text => src[n.span.start..n.span.end].trim().is_empty(),
        Kind::Comment => true,
        _ => false,
    })
}

/// Whether a name needs no normalising of its spaces: no `_`, no white
/// space but single spaces between words.
pub(crate) fn written_plainly(name: &str) -> bool {
    !name.starts_with(' ')
        && !name.ends_with(' ')
        && !name.contains("  ")
        && !name.contains(|c: char| c == '_' || (c.is_whitespace() && c != ' '))
}

/// `Foo_bar#Section` -> `Foo bar`: the page a link target names.
pub(crate) fn normalize_target(target: &str) -> String {
    let page = target.split('#').next().unwrap_or("");
    // Most targets are written as their page is named: one copy, no work.
    let named = page.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
    if named && written_plainly(page) {
        return page.to_string();
    }
    let page = page.replace('_', " ");
    let page = page.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = page.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `[[Foo (film)|]]` shows `Foo`; `[[Help:Foo]]` shows `Foo`.
fn pipe_trick(target: &str) -> String {
    let t = target.split_once(':').map_or(target, |(_, rest)| rest);
    let t = t.replace('_', " ");
    let t = filmgraph_model::strip_disambiguation(&t);
    t.split(", ").next().unwrap_or(t).trim().to_string()
}

/// `fr`, `de`, `zh-yue`, `simple`: interlanguage link prefixes.
fn is_language_code(ns: &str) -> bool {
    if ns == "simple" {
        return true;
    }
    let mut parts = ns.split('-');
    let head = parts.next().unwrap_or("");
    (2..=3).contains(&head.len())
        && head.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_lowercase()))
}

fn starts_with_url(s: &str) -> bool {
    const SCHEMES: &[&str] = &[
        "http://", "https://", "ftp://", "//", "mailto:", "irc://", "news:",
    ];
    SCHEMES.iter().any(|p| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::normalize_target;

    #[test]
    fn targets_normalise_as_page_names() {
        for (written, page) in [
            ("Ventura Pons", "Ventura Pons"),
            ("ventura_Pons", "Ventura Pons"),
            ("Ventura  Pons ", "Ventura Pons"),
            ("Ventura\u{a0}Pons", "Ventura Pons"),
            ("Ventura\tPons#Films", "Ventura Pons"),
            ("1920 (film)", "1920 (film)"),
            ("élan", "Élan"),
            ("", ""),
        ] {
            assert_eq!(normalize_target(written), page, "{written:?}");
        }
    }
}
