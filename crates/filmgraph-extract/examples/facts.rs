//! Prints the facts of articles as JSON lines, without a database:
//! `cargo run -p filmgraph-extract --example facts -- FILE...`.
//! Plain-text articles, `.wiki` files and XML dumps (`.xml`, `.bz2`), every
//! page. The `filmgraph facts` command does the same with error reporting and
//! film detection.

use filmgraph_parse::{dump::DumpReader, parse_wikitext, Format};

fn main() {
    for path in std::env::args().skip(1) {
        let articles = match Format::from_path(&path) {
            Format::XmlDump => match DumpReader::open(&path) {
                // As `filmgraph facts` does: articles about films only.
                Ok(pages) => pages
                    .map_while(Result::ok)
                    .filter(|p| p.ns == 0 && p.redirect.is_none())
                    .map(|p| p.to_article())
                    .filter(filmgraph_parse::is_film)
                    .collect(),
                Err(e) => {
                    eprintln!("{path}: {e}");
                    continue;
                }
            },
            format => {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    eprintln!("{path}: cannot read as UTF-8 text");
                    continue;
                };
                if format == Format::Wikitext {
                    let stem = std::path::Path::new(&path)
                        .file_stem()
                        .and_then(|s| s.to_str());
                    vec![parse_wikitext(&text, stem.unwrap_or(""))]
                } else {
                    vec![filmgraph_parse::parse(&text, format)]
                }
            }
        };
        for article in articles {
            for fact in filmgraph_extract::extract(&article) {
                println!("{}", serde_json::to_string(&fact).expect("facts serialise"));
            }
        }
    }
}
