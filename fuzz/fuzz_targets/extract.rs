//! Parsing and extraction end to end: never a panic, and every fact cites
//! bytes of the input (whole characters).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = filmgraph_parse::parse_wikitext(text, "Fuzz (2001 film)");
    for fact in filmgraph_extract::extract(&article) {
        let source = &fact.source;
        assert!(
            source.start <= source.end && source.end <= text.len(),
            "{fact:?}"
        );
        assert!(text.get(source.start..source.end).is_some(), "{fact:?}");
    }
});
