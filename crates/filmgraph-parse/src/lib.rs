//! Turns article text into an [`Article`] whose every part keeps its byte span
//! in the input. Parsing never fails: problems are returned as diagnostics
//! inside the article, so one bad article never stops a batch.
//!
//! This crate reads `&str`s handed to it; it never opens files itself.

pub mod plain_text;

use filmgraph_model::Article;

/// The input formats filmgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// `= Title =`, `- Key: Value` infobox lines, `==Section==` headings.
    PlainText,
}

impl Format {
    /// Guesses the format from a file name.
    pub fn from_path(path: &str) -> Format {
        let _ = path;
        Format::PlainText
    }
}

/// Parses one article in the given format.
pub fn parse(input: &str, format: Format) -> Article {
    match format {
        Format::PlainText => plain_text::parse(input),
    }
}
