//! The dump reader turns any bytes into pages and errors, never a panic or
//! an endless loop: after an error that is not recoverable, it stops.
#![no_main]

use filmgraph_parse::dump::{DumpOptions, DumpReader};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let options = DumpOptions {
        max_text_bytes: 4096,
        ..Default::default()
    };
    let mut reader = DumpReader::with_options(bytes, options);
    let mut items = 0usize;
    while let Some(item) = reader.next() {
        items += 1;
        // Each page is at least `<page>` long.
        assert!(items <= bytes.len() / 6 + 1);
        match item {
            Ok(page) => {
                assert!(page.text.len() <= 4096);
                assert!(page.text_bytes >= page.text.len() as u64);
                let _ = page.to_article();
            }
            Err(e) if e.is_recoverable() => {}
            Err(_) => {
                assert!(reader.next().is_none());
                break;
            }
        }
    }
});
