//! HTML and extension tags as wikitext writes them: `<ref name="x">`,
//! `<br />`, `</ref >`. Reads one tag at a time; never looks far.

use filmgraph_model::Span;

/// A tag longer than this is not read as a tag.
const MAX_TAG_LEN: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    /// Lower case.
    pub name: String,
    pub closing: bool,
    pub self_closing: bool,
    /// Just after the `>`.
    pub end: usize,
    /// The attribute text between the name and the `>` (or `/>`).
    pub attrs: Span,
}

/// Reads the tag that starts with the `<` at `at`.
pub(crate) fn parse(src: &str, at: usize) -> Option<Tag> {
    let b = src.as_bytes();
    if b.get(at) != Some(&b'<') {
        return None;
    }
    let mut j = at + 1;
    let closing = b.get(j) == Some(&b'/');
    if closing {
        j += 1;
    }
    let name_start = j;
    if !b.get(j).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    let name_end = j;
    match b.get(j) {
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') => {}
        _ => return None,
    }
    let limit = b.len().min(at + MAX_TAG_LEN);
    let gt = (j..limit).find(|&k| b[k] == b'>' || b[k] == b'<')?;
    if b[gt] != b'>' {
        return None;
    }
    let inner = src[name_end..gt].trim_end();
    let self_closing = inner.ends_with('/');
    let attrs_end = if self_closing {
        name_end + inner.len() - 1
    } else {
        gt
    };
    Some(Tag {
        name: src[name_start..name_end].to_ascii_lowercase(),
        closing,
        self_closing,
        end: gt + 1,
        attrs: Span::new(name_end, attrs_end.max(name_end)),
    })
}

/// The value of attribute `key` in `attrs`: `name=x`, `name="x y"`, `name='x'`.
pub(crate) fn attr(src: &str, attrs: Span, key: &str) -> Option<String> {
    let s = &src[attrs.start..attrs.end];
    let lower = s.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(key) {
        let start = from + p;
        from = start + key.len();
        let before_ok = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
        let rest = s[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or(""),
        };
        let value = value.trim();
        return (!value.is_empty()).then(|| value.to_string());
    }
    None
}

/// The first `</name>` at or after `from`: (start of `</`, just after `>`).
pub(crate) fn find_close(src: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(p) = src[at..].find("</") {
        let start = at + p;
        if let Some(tag) = parse(src, start) {
            if tag.closing && tag.name == name {
                return Some((start, tag.end));
            }
        }
        at = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_open_close_and_self_closing_tags() {
        let t = parse("<ref name=\"a b\">", 0).unwrap();
        assert_eq!(
            (t.name.as_str(), t.closing, t.self_closing),
            ("ref", false, false)
        );
        assert_eq!(
            attr("<ref name=\"a b\">", t.attrs, "name").as_deref(),
            Some("a b")
        );
        let t = parse("<ref name=x/>", 0).unwrap();
        assert!(t.self_closing);
        assert_eq!(attr("<ref name=x/>", t.attrs, "name").as_deref(), Some("x"));
        let t = parse("</REF >", 0).unwrap();
        assert_eq!((t.name.as_str(), t.closing), ("ref", true));
        assert_eq!(parse("<br/>", 0).unwrap().end, 5);
        assert!(parse("< br>", 0).is_none());
        assert!(parse("<3 years", 0).is_none());
        assert!(parse("<ref a <b>", 0).is_none());
    }

    #[test]
    fn attribute_names_must_be_whole_words() {
        let src = "<ref group=note nickname=q name='real'>";
        let t = parse(src, 0).unwrap();
        assert_eq!(attr(src, t.attrs, "name").as_deref(), Some("real"));
    }

    #[test]
    fn finds_the_closing_tag() {
        let src = "<nowiki>a</b></NOWIKI>";
        assert_eq!(find_close(src, 8, "nowiki"), Some((13, 22)));
    }
}
