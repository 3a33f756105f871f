//! Turns article text into an [`Article`] whose every part keeps its byte span
//! in the input. Parsing never fails: problems are returned as diagnostics
//! inside the article, so one bad article never stops a batch.
//!
//! The text parsers ([`plain_text`], [`wikitext`]) read `&str`s handed to
//! them. Only [`dump`] opens files, because a dump is too big to hand over
//! whole: it streams pages out of `.xml` and `.xml.bz2` files.

pub mod dump;
mod film;
pub mod plain_text;
pub mod wikitext;

pub use film::{is_film, lead_rules_out_film, may_be_film};
pub use wikitext::{parse_wikitext, parse_wikitext_if};

use filmgraph_model::{Article, Diagnostic, Severity};

/// The input formats filmgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// `= Title =`, `- Key: Value` infobox lines, `==Section==` headings.
    PlainText,
    /// MediaWiki wikitext of one article (`.wiki`, `.wikitext`).
    Wikitext,
    /// A MediaWiki XML export: one `<page>` or a whole `<mediawiki>` dump
    /// (`.xml`, `.xml.bz2`, `.bz2`). Read big dumps with [`dump::DumpReader`].
    XmlDump,
}

impl Format {
    /// Guesses the format from a file name.
    pub fn from_path(path: &str) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".wiki") || lower.ends_with(".wikitext") {
            Format::Wikitext
        } else if lower.ends_with(".xml") || lower.ends_with(".bz2") {
            Format::XmlDump
        } else {
            Format::PlainText
        }
    }
}

/// Parses one article in the given format.
///
/// Wikitext has no title line: the title is left empty (use
/// [`parse_wikitext`] to give one). For [`Format::XmlDump`] the input is the
/// XML text and the article is its first page; a dump of many pages is read
/// with [`dump::DumpReader`] instead.
pub fn parse(input: &str, format: Format) -> Article {
    match format {
        Format::PlainText => plain_text::parse(input),
        Format::Wikitext => parse_wikitext(input, ""),
        Format::XmlDump => first_page(input),
    }
}

fn first_page(xml: &str) -> Article {
    let mut pages = dump::DumpReader::new(xml.as_bytes());
    let mut article = match pages.next() {
        Some(Ok(page)) => page.to_article(),
        Some(Err(e)) => error_article(e.to_string()),
        None => error_article("the XML holds no <page>".to_string()),
    };
    if pages.next().is_some() {
        article.diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            line: 1,
            message: "the XML holds more than one page; only the first was read".into(),
        });
    }
    article
}

fn error_article(message: String) -> Article {
    Article {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            line: 1,
            message,
        }],
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_file_names() {
        assert_eq!(Format::from_path("a/Rocky.wiki"), Format::Wikitext);
        assert_eq!(Format::from_path("x.WIKITEXT"), Format::Wikitext);
        assert_eq!(Format::from_path("Rocky.xml"), Format::XmlDump);
        assert_eq!(Format::from_path("enwiki.xml.bz2"), Format::XmlDump);
        assert_eq!(Format::from_path("lost_bullet.txt"), Format::PlainText);
    }

    #[test]
    fn an_xml_page_parses_as_its_article() {
        let xml = "<page><title>Foo</title><ns>0</ns><id>1</id><revision><id>2</id>\
                   <text>'''Foo''' is a 1999 film.</text></revision></page>";
        let a = parse(xml, Format::XmlDump);
        assert_eq!(a.title, "Foo");
        assert_eq!(a.sections[0].paragraphs[0].text, "Foo is a 1999 film.");
    }
}
