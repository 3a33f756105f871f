//! The plain-text article parser never panics, and every span it returns
//! lies inside its input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let article = filmgraph_parse::plain_text::parse(text);
    for section in &article.sections {
        assert!(section.span.start <= section.span.end && section.span.end <= text.len());
        for paragraph in &section.paragraphs {
            assert!(paragraph.span.end <= text.len());
        }
    }
});
