//! Streams a MediaWiki XML dump (`.xml` or `.xml.bz2`) and prints, for every
//! film article in it, its title, infobox and first lead paragraph.
//!
//! ```text
//! cargo run -p filmgraph-parse --example dump_films -- PATH [--all]
//! ```
//!
//! `--all` prints every page, film or not, with its sections. A path that
//! does not end in `.xml` or `.bz2` is read as the wikitext of one article
//! titled with the file's stem.

use filmgraph_model::Article;
use filmgraph_parse::dump::DumpReader;
use filmgraph_parse::{is_film, parse_wikitext, Format};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: dump_films PATH [--all]")?;
    let all = args.next().as_deref() == Some("--all");
    if Format::from_path(&path) != Format::XmlDump {
        let text = std::fs::read_to_string(&path)?;
        let stem = Path::new(&path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        show(&parse_wikitext(&text, stem), all);
        return Ok(());
    }
    for page in DumpReader::open(&path)? {
        // An error item ends the stream; pages before it were printed.
        let page = page?;
        show(&page.to_article(), all);
    }
    Ok(())
}

fn show(article: &Article, all: bool) {
    {
        let film = is_film(article);
        if !film && !all {
            return;
        }
        println!("== {} (film: {film}) ==", article.title);
        if let Some(target) = &article.redirect {
            println!("  redirect -> {target}");
        }
        for field in &article.infobox {
            println!("  {} = {:?}", field.key, field.value);
        }
        for section in &article.sections {
            let shown = if all { section.paragraphs.len() } else { 1 };
            for p in section.paragraphs.iter().take(shown) {
                println!("  [{}] {}", section.heading, p.text);
            }
            if !all {
                break;
            }
        }
        for d in &article.diagnostics {
            println!("  ! line {}: {}", d.line, d.message);
        }
    }
}
