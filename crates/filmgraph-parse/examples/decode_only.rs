//! Reads every page of a dump and nothing more: the cost of decompressing
//! and reading the XML alone, to time the bzip2 decoder apart from parsing
//! and extraction (one decoder thread besides the one that reads).
//!
//! ```text
//! cargo build --release -p filmgraph-parse --example decode_only
//! /usr/bin/time target/release/examples/decode_only DUMP.xml.bz2
//! ```

use filmgraph_parse::dump::DumpReader;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: decode_only DUMP.xml[.bz2]")?;
    let mut bytes = 0usize;
    for page in DumpReader::open(&path)? {
        bytes += page?.text.len();
    }
    println!("{bytes} bytes of page text");
    Ok(())
}
