//! What the extractor's integration tests share.

use filmgraph_model::Fact;
use std::path::Path;

/// A wikitext fixture under `tests/fixtures/`, and the facts read from it
/// as the article titled `title`.
pub fn wikitext_fixture(relative: &str, title: &str) -> (String, Vec<Fact>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative);
    let text = std::fs::read_to_string(path).expect("fixture");
    let facts = filmgraph_extract::extract(&filmgraph_parse::parse_wikitext(&text, title));
    (text, facts)
}
