//! The index's schema and its analyzers. Every text field is read through the
//! `folded` analyzer (words, lower case, ASCII folding), so `amelie` finds
//! `Amélie` and `sete` finds `Sète`.

use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, FAST, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, NgramTokenizer, RawTokenizer, RemoveLongFilter,
    SimpleTokenizer, TextAnalyzer, TokenizerManager,
};

/// Words, lower-cased and folded to ASCII.
pub(crate) const FOLDED: &str = "filmgraph_folded";
/// The whole value as one token, lower-cased and folded: exact title matches.
pub(crate) const FOLDED_RAW: &str = "filmgraph_folded_raw";
/// The first one to [`SHORT_PREFIX`] characters of the whole value, folded.
pub(crate) const EDGE: &str = "filmgraph_edge";
/// The longest title prefix indexed for autocompletion. A longer one is
/// looked up by walking `title_exact`'s terms, which few titles share; a
/// shorter one begins so many titles that a posting list of its own answers
/// faster.
pub(crate) const SHORT_PREFIX: usize = 3;

/// Bumped whenever the schema or the analyzers change: an index of another
/// version is rebuilt rather than read.
pub(crate) const VERSION: u32 = 7;

/// The index's fields.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub kind: Field,
    pub id: Field,
    /// The entity a result leads to (a character's film), else its own id.
    pub target: Field,
    pub title: Field,
    pub title_exact: Field,
    pub title_prefix: Field,
    pub alt_titles: Field,
    pub people: Field,
    pub characters: Field,
    pub body: Field,
    /// Every text field at once: what a query word must match somewhere.
    /// Only the titles keep word positions (the title phrase boost); the
    /// summary is stored for snippets and searched through this field alone.
    pub all: Field,
    pub year: Field,
    pub facets: Field,
    /// The facet values counted for results (`genre/drama`), as a fast
    /// column: see [`crate::facet_count`].
    pub counted: Field,
    /// Ids of the entities a document was derived from besides its own.
    pub refs: Field,
    /// How many facts name it: a mild popularity boost.
    pub weight: Field,
    /// How much its kind counts when scores tie: films first (see [`crate::Kind::prior`]).
    pub prior: Field,
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut b = Schema::builder();
        let text = |analyzer: &str, positions: bool, stored: bool| {
            let record = if positions {
                IndexRecordOption::WithFreqsAndPositions
            } else {
                IndexRecordOption::WithFreqs
            };
            let opts = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(analyzer)
                    .set_index_option(record),
            );
            if stored {
                opts.set_stored()
            } else {
                opts
            }
        };
        let fields = Fields {
            kind: b.add_text_field("kind", STRING | STORED),
            id: b.add_text_field("id", STRING | STORED),
            target: b.add_text_field("target", STORED),
            title: b.add_text_field("title", text(FOLDED, true, true)),
            title_exact: b.add_text_field("title_exact", text(FOLDED_RAW, false, false)),
            title_prefix: b.add_text_field("title_prefix", text(EDGE, false, false)),
            alt_titles: b.add_text_field("alt_titles", text(FOLDED, true, true)),
            people: b.add_text_field("people", text(FOLDED, false, true)),
            characters: b.add_text_field("characters", text(FOLDED, false, true)),
            body: b.add_text_field("body", STORED),
            all: b.add_text_field("all", text(FOLDED, false, false)),
            year: b.add_i64_field(
                "year",
                NumericOptions::default()
                    .set_indexed()
                    .set_stored()
                    .set_fast(),
            ),
            facets: b.add_facet_field("facets", FacetOptions::default()),
            counted: b.add_text_field(crate::facet_count::COLUMN, FAST),
            refs: b.add_text_field("refs", STRING),
            weight: b.add_u64_field("weight", NumericOptions::default().set_fast()),
            prior: b.add_u64_field("prior", NumericOptions::default().set_fast()),
        };
        (b.build(), fields)
    }
}

/// Registers the analyzers the schema names.
pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(FOLDED, folded());
    manager.register(
        FOLDED_RAW,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .build(),
    );
    manager.register(
        EDGE,
        TextAnalyzer::builder(
            NgramTokenizer::prefix_only(1, SHORT_PREFIX).expect("valid n-gram bounds"),
        )
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build(),
    );
}

/// The analyzer of text fields; queries are split into words with it too.
pub(crate) fn folded() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The words of `text` as the index stores them.
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut analyzer = folded();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// `text` as one folded token, as [`FOLDED_RAW`] and [`EDGE`] store it, with
/// runs of spaces made one.
pub(crate) fn folded_whole(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let mut stream = analyzer.token_stream(&collapsed);
    let mut out = String::new();
    while let Some(token) = stream.next() {
        out.push_str(&token.text);
    }
    out
}

/// The facet of a filterable value: `/genre/action thriller`. Values are
/// folded so filters ignore case and accents.
pub(crate) fn facet(dimension: &str, value: &str) -> Facet {
    Facet::from_path([dimension, folded_whole(value).as_str()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_ascii() {
        assert_eq!(words("Amélie, SÈTE!"), ["amelie", "sete"]);
        assert_eq!(folded_whole("  Balle   Perdue "), "balle perdue");
        assert_eq!(
            facet("genre", "Action Thriller").to_path(),
            ["genre", "action thriller"]
        );
    }
}
