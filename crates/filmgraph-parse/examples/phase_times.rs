//! Where the time of reading a dump goes, one thread: reading pages from the
//! XML, parsing pages that are films, judging pages that are not, and
//! extracting facts from the films.
//!
//! ```text
//! cargo run --release -p filmgraph-parse --example phase_times -- DUMP.xml
//! ```

use filmgraph_parse::dump::DumpReader;
use filmgraph_parse::{is_film, lead_rules_out_film, may_be_film};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: phase_times DUMP.xml")?;
    let (mut read, mut films, mut others, mut extract) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let (mut film_bytes, mut other_bytes) = (0usize, 0usize);
    let mut clock = Instant::now();
    for page in DumpReader::open(&path)? {
        let page = page?;
        read += clock.elapsed();
        clock = Instant::now();
        let judged = (may_be_film(&page.text) && !lead_rules_out_film(&page.text, &page.title))
            .then(|| page.to_article_if(|a| a.redirect.is_none() && is_film(a)));
        match judged {
            Some((article, true)) => {
                films += clock.elapsed();
                film_bytes += page.text.len();
                clock = Instant::now();
                std::hint::black_box(filmgraph_extract::extract(&article));
                extract += clock.elapsed();
            }
            _ => {
                others += clock.elapsed();
                other_bytes += page.text.len();
            }
        }
        clock = Instant::now();
    }
    let mb = |b: usize| b as f64 / 1e6;
    println!(
        "read XML {:.2} s; parse films {:.2} s ({:.1} MB); judge other pages {:.2} s ({:.1} MB); extract {:.2} s",
        read.as_secs_f64(),
        films.as_secs_f64(),
        mb(film_bytes),
        others.as_secs_f64(),
        mb(other_bytes),
        extract.as_secs_f64()
    );
    Ok(())
}
