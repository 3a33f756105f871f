//! Citations from `<ref>`s: the first `{{cite ...}}` template in the ref,
//! else its first external link, else its text as the title. A reused
//! `<ref name=x/>` takes the citation of the ref that defines `x`.

use super::out::Breaks;
use super::render::{is_blank, Renderer};
use super::templates::{self, filled};
use super::tree::{Kind, Node, Template};
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
    let plain = !text.is_empty()
        && !text.starts_with(['*', '#', ':', ';', '-', '='])
        && !text.contains(['&', '\'', '<', '[', ']', '{', '}', '~', '\n', '\t', '\r'])
        && !text.contains("  ")
        && !text.contains("__")
        && text.is_ascii();
    plain.then_some(text)
}

fn from_template(doc: &Doc<'_>, t: &Template) -> Citation {
    let field = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            let a = filled(doc.src, t, k)?;
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
    Citation {
        url: field(&["url", "archive-url", "archiveurl"]),
        title: field(&["title", "trans-title", "script-title", "chapter"]),
        work: field(&[
            "work",
            "website",
            "newspaper",
            "magazine",
            "journal",
            "periodical",
            "publisher",
            "agency",
            "via",
        ]),
        date: field(&["date", "year"]),
    }
}
