//! The wikitext parser never panics, every span it returns lies inside its
//! input, and a page its lead rules out is no film.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = filmgraph_parse::parse_wikitext(text, "Fuzz");
    for section in &article.sections {
        assert!(section.span.start <= section.span.end && section.span.end <= text.len());
        for paragraph in &section.paragraphs {
            assert!(paragraph.span.end <= text.len());
        }
    }
    for field in &article.infobox {
        assert!(field.span.end <= text.len() && field.value_span.end <= text.len());
    }
    let film = filmgraph_parse::is_film(&article);
    // Judging by the lead never rules out what the whole page calls a film.
    assert!(!(film && filmgraph_parse::lead_rules_out_film(text, "Fuzz")));
});
