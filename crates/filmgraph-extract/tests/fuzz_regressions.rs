//! Inputs the `extract` fuzz target (`fuzz/fuzz_targets/extract.rs`) once
//! failed on, kept as files: each must parse and extract without a panic,
//! with every fact citing whole characters of the input.

use std::path::Path;

#[test]
fn fuzz_findings_cite_whole_characters() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/fuzz")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fuzz fixtures in {}", dir.display());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
        let article = filmgraph_parse::parse_wikitext(&text, "Fuzz (2001 film)");
        let facts = filmgraph_extract::extract(&article);
        assert!(!facts.is_empty(), "{}: no facts at all", path.display());
        for fact in facts {
            let s = &fact.source;
            assert!(
                s.start <= s.end && text.get(s.start..s.end).is_some(),
                "{}: {fact:?} cites no whole characters",
                path.display()
            );
        }
    }
}
