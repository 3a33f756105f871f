//! Reads facts with provenance out of a parsed [`Article`]. Pure: no I/O.

use filmgraph_model::{Article, Fact};

/// Every fact the article states, each with its provenance.
pub fn extract(article: &Article) -> Vec<Fact> {
    let _ = article;
    Vec::new()
}
