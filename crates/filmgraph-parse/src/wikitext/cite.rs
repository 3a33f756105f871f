//! Citations from `<ref>`s: the first `{{cite ...}}` template in the ref,
//! else its first external link, else its text as the title. A reused
//! `<ref name=x/>` takes the citation of the ref that defines `x`.

use super::out::Breaks;
use super::render::{is_blank, Renderer};
use super::templates;
use super::tree::{Arg, Kind, Node, Template};
use super::Doc;
use filmgraph_model::Citation;

/// A ref's text longer than this is cut when it becomes a title.
const MAX_TITLE: usize = 300;

/// The citation of a ref with this name and body (`None` for `<ref name=x/>`).
pub(crate) fn citation(
    doc: &Doc<'_>,
    name: Option<&str>,
    body: Option<&[Node]>,
) -> Option<Citation> {
    if let Some(b) = body.filter(|b| !is_blank(doc.src, b)) {
        return from_nodes(doc, b);
    }
    let name = name?.trim();
    if let Some(known) = doc.cited.borrow().get(name) {
        return known.clone();
    }
    let found = doc
        .named_refs
        .get(name)
        .and_then(|body| from_nodes(doc, body));
    doc.cited
        .borrow_mut()
        .insert(name.to_string(), found.clone());
    found
}

fn is_citation_template(name: &str) -> bool {
    name.starts_with("cite") || name.starts_with("vcite") || name == "citation"
}

fn from_nodes(doc: &Doc<'_>, nodes: &[Node]) -> Option<Citation> {
    for node in nodes {
        if let Kind::Template(t) = &node.kind {
            if is_citation_template(&templates::name(doc.src, t)) {
                return Some(from_template(doc, t));
            }
        }
    }
    let mut r = Renderer::new(doc, Breaks::Lines);
    r.cite_refs = false;
    r.nodes(nodes);
    let links = std::mem::take(&mut r.ext_links);
    let text = r.finish_line();
    if let Some((url, label)) = links.into_iter().next() {
        return Some(Citation {
            url: Some(url),
            title: (!label.is_empty()).then_some(label),
            ..Default::default()
        });
    }
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let url = text
        .split_whitespace()
        .find(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(str::to_string);
    let title = match text.char_indices().nth(MAX_TITLE) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    };
    Some(Citation {
        url,
        title: Some(title),
        ..Default::default()
    })
}

/// A value that is one run of text with no markup, entities or runs of
/// white space renders as itself, trimmed: most citation fields are.
fn plain_value<'s>(src: &'s str, value: &[Node]) -> Option<&'s str> {
    let [node] = value else {
        return None;
    };
    if !matches!(node.kind, Kind::Text) {
        return None;
    }
    let text = src[node.span.start..node.span.end].trim();
    let first = *text.as_bytes().first()?;
    if matches!(first, b'*' | b'#' | b':' | b';' | b'-' | b'=') {
        return None;
    }
    // One pass: ASCII only, no markup character, no "  " or "__".
    let mut previous = 0u8;
    for &b in text.as_bytes() {
        let markup = matches!(
            b,
            b'&' | b'\'' | b'<' | b'[' | b']' | b'{' | b'}' | b'~' | b'\n' | b'\t' | b'\r'
        );
        let doubled = b == previous && (b == b' ' || b == b'_');
        if !b.is_ascii() || markup || doubled {
            return None;
        }
        previous = b;
    }
    Some(text)
}

/// The parameters a citation field is read from, in order of preference.
const FIELDS: [&[&str]; 4] = [
    &["url", "archive-url", "archiveurl"],
    &["title", "trans-title", "script-title", "chapter"],
    &[
        "work",
        "website",
        "newspaper",
        "magazine",
        "journal",
        "periodical",
        "publisher",
        "agency",
        "via",
    ],
    &["date", "year"],
];
/// The most parameters a field is read from.
const MOST_KEYS: usize = {
    let mut most = 0;
    let mut i = 0;
    while i < FIELDS.len() {
        if FIELDS[i].len() > most {
            most = FIELDS[i].len();
        }
        i += 1;
    }
    most
};

fn from_template(doc: &Doc<'_>, t: &Template) -> Citation {
    // Each parameter's first argument (as `templates::arg` finds it), in
    // one pass over the arguments.
    let mut found: [[Option<&Arg>; MOST_KEYS]; 4] = [[None; MOST_KEYS]; 4];
    for a in &t.args {
        let Some(name) = a.name.as_deref() else {
            continue;
        };
        for (keys, slots) in FIELDS.iter().zip(found.iter_mut()) {
            if let Some(k) = keys.iter().position(|key| *key == name) {
                slots[k].get_or_insert(a);
            }
        }
    }
    let field = |slots: &[Option<&Arg>; MOST_KEYS]| -> Option<String> {
        slots.iter().flatten().find_map(|a| {
            if is_blank(doc.src, &a.value) {
                return None;
            }
            if let Some(text) = plain_value(doc.src, &a.value) {
                return Some(text.to_string());
            }
            let mut r = Renderer::new(doc, Breaks::Lines);
            r.cite_refs = false;
            r.nodes(&a.value);
            let text = r.finish_line().trim().to_string();
            (!text.is_empty()).then_some(text)
        })
    };
    let [url, title, work, date] = &found;
    Citation {
        url: field(url),
        title: field(title),
        work: field(work),
        date: field(date),
    }
}
