//! What each template renders as. Templates that show text inline (`{{lang}}`,
//! `{{nowrap}}`, `{{'}}`), lists (`{{Plainlist}}`, `{{ubl}}`), dates, money
//! and runtimes render as documented in [`super`]; every other template
//! (maintenance tags, navboxes, infoboxes, citations, notes) renders nothing.

use super::cite;
use super::render::{is_blank, raw_text, Renderer};
use super::tree::{Arg, Kind, Node, Template};
use filmgraph_model::{Paragraph, Span};

/// Money templates and the symbol each renders before its amount.
const MONEY: &[(&str, &str)] = &[
    ("usd", "US$"),
    ("us$", "US$"),
    ("inr", "₹"),
    ("₹", "₹"),
    ("gbp", "£"),
    ("£", "£"),
    ("eur", "€"),
    ("€", "€"),
    ("jpy", "¥"),
    ("yen", "¥"),
    ("¥", "¥"),
    ("cny", "CN¥"),
    ("rmb", "CN¥"),
    ("cad", "CA$"),
    ("aud", "A$"),
    ("a$", "A$"),
    ("nzd", "NZ$"),
    ("hkd", "HK$"),
    ("sgd", "S$"),
    ("twd", "NT$"),
    ("krw", "₩"),
    ("rub", "₽"),
    ("brl", "R$"),
    ("mxn", "Mex$"),
    ("php", "₱"),
    ("₱", "₱"),
    ("pkr", "Rs"),
    ("lkr", "Rs"),
    ("npr", "Rs"),
    ("bdt", "৳"),
    ("thb", "฿"),
    ("try", "₺"),
    ("ils", "₪"),
    ("zar", "R"),
    ("idr", "Rp"),
    ("myr", "RM"),
    ("ngn", "₦"),
    ("egp", "E£"),
    ("chf", "CHF"),
    ("sek", "kr"),
    ("nok", "kr"),
    ("dkk", "kr."),
    ("frf", "F"),
    ("dem", "DM"),
    ("itl", "₤"),
    ("esp", "₧"),
];

/// Templates that are just their first argument.
const FIRST_ARG: &[&str] = &[
    "nowrap",
    "nobr",
    "nobreak",
    "small",
    "smaller",
    "big",
    "larger",
    "large",
    "em",
    "strong",
    "mono",
    "code",
    "samp",
    "kbd",
    "smallcaps",
    "small caps",
    "sc",
    "sc1",
    "sc2",
    "center",
    "centre",
    "right",
    "left",
    "noitalic",
    "nobold",
    "not a typo",
    "proper name",
    "sic",
    "visible anchor",
    "formatdate",
    "nts",
    "val",
    "tooltip",
    "abbr",
    "abbrlink",
    "avoid wrap",
    "date",
    "flag",
    "flagcountry",
    "flag country",
    "flagu",
    "lang-en",
    "nihongo2",
    "keypress",
    "title case",
    "uc",
    "lc",
    "allcaps",
    "bold",
    "italic",
    "linktext",
    "plainlink",
];

/// Lists given as `* item` lines in the first argument.
const BULLET_LISTS: &[&str] = &[
    "plainlist",
    "plain list",
    "flatlist",
    "flat list",
    "indented plainlist",
    "cast listing",
    "castlist",
    "cast list",
    "cast-list",
    "col-begin",
    "refbegin",
    "columns-list",
    "columns list",
    "col-list",
    "div col",
    "multicol",
];

/// Lists given one item an argument.
const ITEM_LISTS: &[&str] = &[
    "ubl",
    "ublist",
    "unbulleted list",
    "unbulleted",
    "bulleted list",
    "blist",
    "bullet list",
    "ordered list",
    "unordered list",
    "hlist",
    "br list",
    "break list",
    "br separated entries",
    "collapsible list",
    "plainlist items",
];

const QUOTES: &[&str] = &[
    "quote",
    "blockquote",
    "quotation",
    "cquote",
    "quote box",
    "pull quote",
    "centered pull quote",
];

const DATES: &[&str] = &[
    "start date",
    "start date and age",
    "end date",
    "end date and age",
    "release date",
    "release date and age",
    "film release date",
    "dts",
    "birth date",
    "birth date and age",
    "death date",
    "death date and age",
    "start-date",
];

/// Inline symbols: `{{'}}`, `{{ndash}}`, `{{!}}`...
const SYMBOLS: &[(&str, &str)] = &[
    ("'", "'"),
    ("'s", "'s"),
    ("`", "'"),
    ("\"", "\""),
    ("snd", " – "),
    ("spnd", " – "),
    ("sndash", " – "),
    ("spaced ndash", " – "),
    ("spaced en dash", " – "),
    ("ndash", "–"),
    ("–", "–"),
    ("mdash", "—"),
    ("—", "—"),
    ("spaced mdash", " — "),
    ("!", "|"),
    ("=", "="),
    ("·", " · "),
    ("dot", " · "),
    ("middot", "·"),
    ("bull", " • "),
    ("•", " • "),
    ("nbsp", " "),
    ("sp", " "),
    ("won", "Won"),
    ("nom", "Nominated"),
    ("nominated", "Nominated"),
    ("yes", "Yes"),
    ("no", "No"),
    ("tba", "TBA"),
    ("n/a", "N/A"),
];

/// A template's name as MediaWiki reads it: trimmed, `_` as space,
/// `Template:` dropped, lower case (first letters are case-insensitive and
/// template names here are distinct without case).
pub(crate) fn normalize_name(raw: &str) -> String {
    let mut name = raw.trim();
    for prefix in ["subst:", "safesubst:", "msgnw:", "template:"] {
        if name
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            name = name[prefix.len()..].trim_start();
        }
    }
    if super::render::written_plainly(name) {
        return name.to_lowercase();
    }
    let name = name.replace('_', " ");
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The template's normalized name and, for `{{name:arg}}` parser functions,
/// the function name.
pub(crate) fn name(src: &str, t: &Template) -> String {
    if let [one] = t.name.nodes.as_slice() {
        if matches!(one.kind, Kind::Text) {
            return normalize_name(&src[one.span.start..one.span.end]);
        }
    }
    normalize_name(&raw_text(src, &t.name.nodes))
}

/// The unnamed arguments, in order.
fn positional(t: &Template) -> Vec<&Arg> {
    t.args.iter().filter(|a| a.name.is_none()).collect()
}

/// Argument `key`: a named one, or for `1`, `2`... the nth unnamed one.
pub(crate) fn arg<'t>(t: &'t Template, key: &str) -> Option<&'t Arg> {
    if let Some(a) = t.args.iter().find(|a| a.name.as_deref() == Some(key)) {
        return Some(a);
    }
    let n: usize = key.parse().ok()?;
    t.args
        .iter()
        .filter(|a| a.name.is_none())
        .nth(n.checked_sub(1)?)
}

/// Argument `key` when it has content.
pub(crate) fn filled<'t>(src: &str, t: &'t Template, key: &str) -> Option<&'t Arg> {
    arg(t, key).filter(|a| !is_blank(src, &a.value))
}

/// An argument rendered on its own, as one line of text.
pub(crate) fn plain(r: &Renderer<'_>, nodes: &[Node]) -> String {
    let mut sub = Renderer::new(r.doc, super::out::Breaks::Lines);
    sub.cite_refs = false;
    sub.nodes(nodes);
    sub.finish_line()
}

/// Renders template `t` (the node `node`) into `r`.
pub(crate) fn render(r: &mut Renderer<'_>, node: &Node, t: &Template) {
    let src = r.doc.src;
    let name = name(src, t);
    if let Some((func, _)) = name.split_once(':') {
        return function(r, node, t, func.trim());
    }
    let name = name.as_str();
    let span = node.span;
    if let Some(&(_, s)) = SYMBOLS.iter().find(|(n, _)| *n == name) {
        r.synth(s, span);
    } else if let Some(&(_, symbol)) = MONEY.iter().find(|(n, _)| *n == name) {
        if let Some(a) = filled(src, t, "1") {
            r.synth(symbol, span);
            r.inline(|r| r.nodes(&a.value));
        } else {
            r.synth(symbol, span);
        }
    } else if FIRST_ARG.contains(&name) {
        if let Some(a) = arg(t, "1") {
            r.nodes(&a.value);
        }
    } else if BULLET_LISTS.contains(&name) {
        let content = filled(src, t, "content").or_else(|| filled(src, t, "1"));
        if let Some(a) = content {
            r.list(&a.value);
        }
    } else if ITEM_LISTS.contains(&name) {
        for a in positional(t) {
            if !is_blank(src, &a.value) {
                r.list(&a.value);
            }
        }
    } else if QUOTES.contains(&name) {
        let text = ["text", "quote", "1"]
            .iter()
            .find_map(|k| filled(src, t, k));
        if let Some(a) = text {
            r.list(&a.value);
        }
    } else if DATES.contains(&name) {
        date(r, t, span);
    } else {
        special(r, node, t, name);
    }
}

/// Templates with their own rendering rules.
fn special(r: &mut Renderer<'_>, node: &Node, t: &Template, name: &str) {
    let src = r.doc.src;
    let span = node.span;
    let pos = positional(t);
    let render_arg = |r: &mut Renderer<'_>, k: &str| {
        if let Some(a) = arg(t, k) {
            r.nodes(&a.value);
        }
    };
    match name {
        "film date" => film_date(r, t, span),
        "based on" => based_on(r, t, span),
        "runtime" => runtime(r, t, span),
        "inrconvert" | "inr convert" => {
            r.synth("₹", span);
            render_arg(r, "1");
            let unit = filled(src, t, "2").map(|a| plain(r, &a.value));
            let word = match unit.as_deref() {
                Some("c") => " crore",
                Some("l") => " lakh",
                Some("lc") => " lakh crore",
                Some("b") => " billion",
                Some("m") => " million",
                Some("k") => " thousand",
                _ => "",
            };
            r.synth(word, span);
        }
        "lang" | "langx" | "script" | "transl" | "transliteration" | "resize" | "audio"
        | "sort" | "hover title" => {
            // The text is the last unnamed argument: `{{lang|fr|Balle perdue}}`.
            if let Some(a) = pos.last() {
                r.nodes(&a.value);
            }
        }
        n if n.starts_with("lang-") => render_arg(r, "1"),
        "nihongo" | "nihongo3" => {
            render_arg(r, "1");
            let extras: Vec<&Arg> = ["2", "3"]
                .iter()
                .filter_map(|k| filled(src, t, k))
                .collect();
            if !extras.is_empty() {
                r.synth(" (", span);
                for (k, a) in extras.iter().enumerate() {
                    if k > 0 {
                        r.synth(", ", span);
                    }
                    r.nodes(&a.value);
                }
                r.synth(")", span);
            }
        }
        "ill" | "interlanguage link" | "interlanguage link multi" | "link-interwiki" => {
            let Some(target) = filled(src, t, "1") else {
                return;
            };
            let from = r.out.mark();
            match filled(src, t, "lt") {
                Some(label) => r.nodes(&label.value),
                None => r.nodes(&target.value),
            }
            let target = plain(r, &target.value);
            r.record_link(from, &target);
        }
        "sortname" => {
            let from = r.out.mark();
            render_arg(r, "1");
            r.out.space(None);
            render_arg(r, "2");
            if arg(t, "nolink").is_none() {
                let target = match filled(src, t, "3") {
                    Some(a) => plain(r, &a.value),
                    None => r.out.since(from).trim().to_string(),
                };
                r.record_link(from, &target);
            }
        }
        "ship" => {
            render_arg(r, "1");
            r.out.space(None);
            render_arg(r, "2");
        }
        "uss" | "hms" | "hmas" | "hmcs" | "sms" | "hnlms" | "ins" | "rms" => {
            r.synth(&format!("{} ", name.to_uppercase()), span);
            render_arg(r, "1");
        }
        "convert" | "cvt" => convert(r, t, span),
        "as of" => {
            r.synth("As of ", span);
            date(r, t, span);
        }
        "circa" | "c." => {
            r.synth("c. ", span);
            render_arg(r, "1");
        }
        "pagename" | "fullpagename" | "pagenamee" | "subpagename" | "basepagename" => {
            let title = r.doc.title;
            r.synth(title, span);
        }
        "r" | "ref" => {
            for a in pos {
                let name = plain(r, &a.value);
                if let Some(c) = cite::citation(r.doc, Some(&name), None) {
                    r.out.cite(c);
                }
            }
            r.out.removed();
        }
        "inflation" | "inflation-year" | "inflation/year" | "inflation-fn" => {
            r.saw_inflation = true;
            r.out.removed();
        }
        _ => r.out.removed(),
    }
}

/// `{{name:arg|...}}`: parser functions and magic words.
fn function(r: &mut Renderer<'_>, node: &Node, t: &Template, func: &str) {
    let src = r.doc.src;
    match func {
        "#tag" => {
            // `{{#tag:ref|body|name=x}}` is a ref.
            let what = raw_text(src, &t.name.nodes);
            let is_ref = what
                .split_once(':')
                .is_some_and(|(_, w)| w.trim().eq_ignore_ascii_case("ref"));
            if is_ref && r.cite_refs {
                let name = filled(src, t, "name").map(|a| plain(r, &a.value));
                let body = arg(t, "1").map(|a| a.value.as_slice());
                if let Some(c) = cite::citation(r.doc, name.as_deref(), body) {
                    r.out.cite(c);
                }
            }
            r.out.removed();
        }
        "formatnum" | "lc" | "uc" | "lcfirst" | "ucfirst" | "padleft" | "padright" => {
            // The argument is the rest of the name part, after the colon.
            let mut after = false;
            for n in &t.name.nodes {
                if after {
                    r.node(n);
                    continue;
                }
                if let super::tree::Kind::Text = n.kind {
                    if let Some(p) = src[n.span.start..n.span.end].find(':') {
                        after = true;
                        r.text(Span::new(n.span.start + p + 1, n.span.end));
                    }
                }
            }
            let _ = node;
        }
        _ => r.out.removed(),
    }
}

fn month_number(s: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Ok(n) = s.parse::<u32>() {
        return (1..=12).contains(&n).then_some(n);
    }
    let lower = s.to_lowercase();
    let head = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == head).map(|k| k as u32 + 1)
}

/// `2020`, `6`, `19` -> `2020-06-19`; missing parts are left off.
fn iso_date(year: &str, month: Option<&str>, day: Option<&str>) -> String {
    let mut out = year.trim().to_string();
    let Some(m) = month.map(str::trim).filter(|m| !m.is_empty()) else {
        return out;
    };
    match month_number(m) {
        Some(m) => out.push_str(&format!("-{m:02}")),
        None => return out,
    }
    if let Some(d) = day.map(str::trim).and_then(|d| d.parse::<u32>().ok()) {
        if (1..=31).contains(&d) {
            out.push_str(&format!("-{d:02}"));
        }
    }
    out
}

fn is_year(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// `{{Start date|2020|6|19}}` -> `2020-06-19`; a date already written out
/// (`{{dts|June 19, 2020}}`) is kept as written.
fn date(r: &mut Renderer<'_>, t: &Template, span: Span) {
    let pos = positional(t);
    let Some(first) = pos.first() else {
        return;
    };
    let year = plain(r, &first.value);
    if is_year(&year) {
        let month = pos.get(1).map(|a| plain(r, &a.value));
        let day = pos.get(2).map(|a| plain(r, &a.value));
        r.synth(&iso_date(&year, month.as_deref(), day.as_deref()), span);
    } else {
        r.nodes(&first.value);
    }
}

/// `{{Film date|2020|6|19|France|2020|7|1|US}}` ->
/// `2020-06-19 (France)` and `2020-07-01 (US)`, one a line.
fn film_date(r: &mut Renderer<'_>, t: &Template, span: Span) {
    let pos = positional(t);
    let mut first = true;
    for group in pos.chunks(4) {
        let year = plain(r, &group[0].value);
        if year.is_empty() {
            continue;
        }
        if !first {
            r.brk();
        }
        first = false;
        let month = group.get(1).map(|a| plain(r, &a.value));
        let day = group.get(2).map(|a| plain(r, &a.value));
        let group_span = Span::new(
            group[0].span.start,
            group.last().map_or(span.end, |a| a.span.end),
        );
        r.synth(
            &iso_date(&year, month.as_deref(), day.as_deref()),
            group_span,
        );
        if let Some(place) = group.get(3).filter(|a| !is_blank(r.doc.src, &a.value)) {
            r.synth(" (", place.span);
            r.inline(|r| r.nodes(&place.value));
            r.synth(")", place.span);
        }
    }
}

/// `{{Based on|Book|Author|Author 2}}` -> `Book by Author and Author 2`;
/// authors put in one argument with `<br>` count as several.
fn based_on(r: &mut Renderer<'_>, t: &Template, span: Span) {
    let pos = positional(t);
    let Some(work) = pos.first() else {
        return;
    };
    // "(stage play) ''E.R.''", "''Sister Act''<br>1937 ''Cosmopolitan'' story":
    // the work is its title, without the note before it or the lines after.
    match lines_of(r, &work.value) {
        Some(p) if p.text.contains('\n') || p.text.trim_start().starts_with('(') => {
            let title = p
                .text
                .lines()
                .map(|line| {
                    let line = line.trim();
                    match line.strip_prefix('(').and_then(|l| l.split_once(')')) {
                        Some((_, rest)) => rest.trim(),
                        None => line,
                    }
                })
                .find(|line| !line.is_empty());
            if let Some(title) = title {
                synth_linked(r, title, work.value_span, &p);
            }
        }
        _ => r.inline(|r| r.nodes(&work.value)),
    }
    let authors: Vec<(Paragraph, Span)> = pos[1..]
        .iter()
        .filter_map(|a| lines_of(r, &a.value).map(|p| (p, a.value_span)))
        .collect();
    let lines = authors
        .iter()
        .flat_map(|(p, at)| p.text.lines().map(move |line| (line, *at, p)));
    for (k, (author, at, p)) in lines.enumerate() {
        r.synth(if k == 0 { " by " } else { " and " }, span);
        synth_linked(r, author, at, p);
    }
}

/// An argument rendered apart, a line per `<br>` or list item, without the
/// citations in it.
fn lines_of(r: &Renderer<'_>, nodes: &[Node]) -> Option<Paragraph> {
    let mut sub = Renderer::new(r.doc, super::out::Breaks::Lines);
    sub.cite_refs = false;
    sub.nodes(nodes);
    sub.finish().pop()
}

/// `text`, read from the argument at `at`, written out; linked to the page
/// of the link in `p` that has it as its label, if one has.
fn synth_linked(r: &mut Renderer<'_>, text: &str, at: Span, p: &Paragraph) {
    let from = r.out.mark();
    r.synth(text, at);
    if let Some(link) = p.links.iter().find(|l| l.label == text) {
        r.out.link(from, "", link.page.clone());
    }
}

/// `{{Runtime|92}}` -> `92 minutes`; `{{Runtime|1|32}}` -> `92 minutes`.
fn runtime(r: &mut Renderer<'_>, t: &Template, span: Span) {
    let pos = positional(t);
    let first = pos.first().map(|a| plain(r, &a.value)).unwrap_or_default();
    let second = pos.get(1).map(|a| plain(r, &a.value)).unwrap_or_default();
    match (first.parse::<u32>(), second.parse::<u32>()) {
        (Ok(h), Ok(m)) => r.synth(&format!("{} minutes", h * 60 + m), span),
        (Ok(m), Err(_)) => r.synth(&format!("{m} minutes"), span),
        _ => {
            if let Some(a) = pos.first() {
                r.nodes(&a.value);
                r.synth(" minutes", span);
            }
        }
    }
}

/// `{{convert|5|km|mi}}` -> `5 km`; `{{convert|5|to|10|km}}` -> `5 to 10 km`.
fn convert(r: &mut Renderer<'_>, t: &Template, span: Span) {
    let pos = positional(t);
    let text: Vec<String> = pos.iter().map(|a| plain(r, &a.value)).collect();
    let get = |k: usize| text.get(k).map(String::as_str).unwrap_or("");
    let rendered = match get(1) {
        "-" | "–" => format!("{}–{} {}", get(0), get(2), get(3)),
        sep @ ("to" | "and" | "or" | "by" | "x" | "×" | "+") => {
            format!("{} {sep} {} {}", get(0), get(2), get(3))
        }
        unit => format!("{} {unit}", get(0)),
    };
    r.synth(rendered.trim(), span);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalized() {
        assert_eq!(normalize_name(" Infobox_film\n"), "infobox film");
        assert_eq!(normalize_name("Template:Film  date"), "film date");
        assert_eq!(normalize_name("subst:ubl"), "ubl");
    }

    #[test]
    fn iso_dates_from_parts() {
        assert_eq!(iso_date("2020", Some("6"), Some("19")), "2020-06-19");
        assert_eq!(iso_date("2019", Some("10"), Some("")), "2019-10");
        assert_eq!(iso_date("1985", Some("March"), None), "1985-03");
        assert_eq!(iso_date("1985", None, None), "1985");
    }
}
