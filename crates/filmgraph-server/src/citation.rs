//! A cited sentence within its section: the article's stored text is parsed
//! again to find the section (or infobox) whose span holds the sentence.

use crate::error::{ApiError, ApiResult};
use filmgraph_model::Span;
use filmgraph_parse::Format;
use filmgraph_store::Store;
use serde::Serialize;

/// A section's text with the cited bytes marked.
#[derive(Debug, Clone, Serialize)]
pub struct SectionOut {
    pub article: String,
    /// `infobox`, `lead`, or the heading as written.
    pub section: String,
    /// Where the section starts in the article's input.
    pub section_start: usize,
    pub text: String,
    /// The cited bytes, relative to `text`.
    pub highlight: [usize; 2],
    /// The cited bytes in the article's input.
    pub start: usize,
    pub end: usize,
}

impl SectionOut {
    /// The text before, within and after the cited bytes.
    pub fn parts(&self) -> (&str, &str, &str) {
        let [s, e] = self.highlight;
        (&self.text[..s], &self.text[s..e], &self.text[e..])
    }

    /// The section holding bytes `start..end` of the article titled `article`.
    pub fn load(store: &dyn Store, article: &str, start: usize, end: usize) -> ApiResult<Self> {
        let stored = store
            .article_text(article)?
            .ok_or_else(|| ApiError::NotFound(format!("no article titled \"{article}\"")))?;
        let text = stored.text.as_str();
        if text.is_empty() {
            return Err(ApiError::NotFound(format!(
                "the text of \"{article}\" was not kept: ingest it again"
            )));
        }
        if start > end
            || end > text.len()
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            return Err(ApiError::BadRequest(format!(
                "bytes {start}..{end} are not a span of \"{article}\" ({} bytes)",
                text.len()
            )));
        }
        let (section, span) = section_around(text, &stored.source_path, article, start, end);
        Ok(SectionOut {
            article: stored.title.clone(),
            section,
            section_start: span.start,
            text: text[span.start..span.end].to_string(),
            highlight: [start - span.start, end - span.start],
            start,
            end,
        })
    }
}

/// The innermost section (or the infobox) whose span holds `start..end`;
/// else the paragraph around it.
fn section_around(text: &str, path: &str, title: &str, start: usize, end: usize) -> (String, Span) {
    let article = match Format::from_path(path) {
        Format::PlainText => filmgraph_parse::parse(text, Format::PlainText),
        _ => filmgraph_parse::parse_wikitext(text, title),
    };
    let holds = |s: Span| s.start <= start && end <= s.end && s.end <= text.len();
    let infobox = article
        .infobox
        .iter()
        .map(|f| f.span)
        .reduce(Span::cover)
        .filter(|s| holds(*s));
    if let Some(span) = infobox {
        return ("infobox".to_string(), span);
    }
    let section = article
        .sections
        .iter()
        .filter(|s| holds(s.span))
        .min_by_key(|s| s.span.len());
    if let Some(s) = section {
        if text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end) {
            return (s.heading.clone(), s.span);
        }
    }
    let from = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let to = text[end..].find("\n\n").map_or(text.len(), |i| end + i);
    (String::from("text"), Span::new(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "= Film (2020 film) =\n\nFilm\n- Director: A Person\n\nFilm is a 2020 film.\n\n==Plot==\nLino drives. He <script>runs</script>.\n\n==Release==\nIt was released.\n";

    #[test]
    fn a_sentence_is_found_in_its_section() {
        let start = TEXT.find("He <script>").unwrap();
        let end = start + "He <script>runs</script>.".len();
        let (heading, span) = section_around(TEXT, "a.txt", "Film (2020 film)", start, end);
        assert_eq!(heading, "Plot");
        let section = &TEXT[span.start..span.end];
        assert!(section.contains("Lino drives."), "{section:?}");
        assert!(!section.contains("released"), "{section:?}");
    }

    #[test]
    fn an_infobox_line_is_found_in_the_infobox() {
        let start = TEXT.find("- Director").unwrap();
        let end = TEXT[start..].find('\n').unwrap() + start;
        let (heading, _) = section_around(TEXT, "a.txt", "Film (2020 film)", start, end);
        assert_eq!(heading, "infobox");
    }
}
