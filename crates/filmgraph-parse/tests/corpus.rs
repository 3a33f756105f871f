//! The parser over the real articles of `shared/corpus`: film fixtures from
//! the piki film database, a slice of a real enwiki dump, and non-film pages
//! from wtf_wikipedia's cache.

use filmgraph_model::Article;
use filmgraph_parse::dump::{DumpReader, Page};
use filmgraph_parse::{is_film, lead_rules_out_film, parse_wikitext};
use serde_json::Value;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus");

fn pages(path: &Path) -> Vec<Page> {
    DumpReader::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `[[Target|Label]]` -> `Label`, `[[Target]]` -> `Target`.
fn label(raw: &str) -> String {
    let inner = raw.trim_start_matches("[[").trim_end_matches("]]");
    inner.rsplit('|').next().unwrap_or(inner).to_string()
}

#[test]
fn every_piki_fixture_parses_and_each_film_has_an_infobox() {
    let dir = Path::new(CORPUS).join("piki-wikipedia-film-database");
    let cases = std::fs::read_to_string(dir.join("cases.jsonl")).unwrap();
    let mut checked = 0;
    for line in cases.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let fixture = case["fixture"].as_str().unwrap();
        let title = case["title"].as_str().unwrap();
        let status = case["status"].as_str().unwrap();
        let articles: Vec<Article> = pages(&dir.join(fixture))
            .iter()
            .map(Page::to_article)
            .collect();
        let article = match articles.iter().find(|a| a.title == title) {
            Some(a) => a,
            None if articles.len() == 1 => &articles[0],
            None => panic!("{fixture}: no page titled {title}"),
        };
        if status == "not_a_film" {
            assert!(!is_film(article), "{title} is not a film");
            continue;
        }
        assert!(!article.infobox.is_empty(), "{title}: no infobox");
        assert!(is_film(article), "{title} is a film");
        assert!(
            !article.sections[0].paragraphs.is_empty(),
            "{title}: no lead"
        );
        if status == "verified_by_source_tests" {
            let directors: Vec<&str> = article
                .infobox_values("director")
                .flat_map(|f| f.value.lines())
                .flat_map(|line| line.split(", "))
                .collect();
            for d in case["expected_raw"]["directors"].as_array().unwrap() {
                let d = label(d.as_str().unwrap());
                assert!(
                    directors.contains(&d.as_str()),
                    "{title}: director {d} not in {directors:?}"
                );
            }
        }
        checked += 1;
    }
    assert_eq!(checked, 58);
}

#[test]
fn the_enwiki_slice_streams_206_pages_and_one_film() {
    let path = Path::new(CORPUS).join(
        "gensim-enwiki-dump-slice/enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    );
    let pages = pages(&path);
    assert_eq!(pages.len(), 206);
    assert_eq!(pages[0].title, "AccessibleComputing");
    assert_eq!(pages[0].redirect.as_deref(), Some("Computer accessibility"));
    assert!(pages
        .iter()
        .all(|p| p.id > 0 && p.revision_id > 0 && !p.timestamp.is_empty()));
    assert!(pages
        .windows(2)
        .all(|w| w[0].byte_offset < w[1].byte_offset));
    let films: Vec<String> = pages
        .iter()
        .map(Page::to_article)
        .filter(is_film)
        .map(|a| a.title)
        .collect();
    assert_eq!(films, ["Actrius"]);
    let actrius = pages
        .iter()
        .find(|p| p.title == "Actrius")
        .unwrap()
        .to_article();
    let released = actrius.infobox_values("released").next().unwrap();
    assert_eq!(released.value, "1997-01-17 (Spain)");
    assert!(actrius.categories.iter().any(|c| c == "1997 films"));
}

#[test]
fn tables_never_leak_into_prose() {
    let path = Path::new(CORPUS).join("gensim-enwiki-dump-slice/enwiki-table-markup.xml.bz2");
    let pages = pages(&path);
    assert_eq!(pages.len(), 5);
    for page in &pages {
        let article = page.to_article();
        assert!(!is_film(&article), "{}", article.title);
        for p in article.sections.iter().flat_map(|s| &s.paragraphs) {
            for marker in ["{|", "|}", "|-", "||"] {
                assert!(!p.text.contains(marker), "{}: {:?}", article.title, p.text);
            }
        }
    }
}

#[test]
fn no_wtf_wikipedia_nonfilm_page_is_a_film() {
    let dir = Path::new(CORPUS).join("wtf_wikipedia-cache-nonfilm");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let article = parse_wikitext(&text, stem);
        assert!(!is_film(&article), "{stem} is not a film");
        n += 1;
    }
    assert_eq!(n, 71);
}

#[test]
fn leads_of_films_say_they_are_films() {
    let dir = Path::new(CORPUS).join("leads-benchmark/articles");
    let (mut films, mut all) = (0, 0);
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let article = filmgraph_parse::parse(&text, filmgraph_parse::Format::PlainText);
        all += 1;
        films += usize::from(is_film(&article));
    }
    // The few others are leads about a play, an album, a miniseries.
    assert!(films * 100 >= all * 97, "{films} of {all}");
    let reference = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/lost_bullet_2020.txt"
    );
    let text = std::fs::read_to_string(reference).unwrap();
    assert!(is_film(&filmgraph_parse::parse(
        &text,
        filmgraph_parse::Format::PlainText
    )));
}

/// Every page of the corpora, as (title, wikitext).
fn every_page() -> Vec<(String, String)> {
    let corpus = Path::new(CORPUS);
    let mut out = Vec::new();
    let piki = corpus.join("piki-wikipedia-film-database/fixtures");
    let slice = corpus.join("gensim-enwiki-dump-slice");
    let dumps = std::fs::read_dir(&piki)
        .unwrap()
        .chain(std::fs::read_dir(&slice).unwrap());
    for entry in dumps {
        for page in pages(&entry.unwrap().path()) {
            out.push((page.title, page.text));
        }
    }
    for entry in std::fs::read_dir(corpus.join("wtf_wikipedia-cache-nonfilm")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("txt") {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
            out.push((stem, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

#[test]
fn a_page_ruled_out_by_its_lead_is_no_film_read_whole() {
    let (mut films, mut others, mut ruled_out) = (0, 0, 0);
    for (title, text) in every_page() {
        let film = is_film(&parse_wikitext(&text, &title));
        if lead_rules_out_film(&text, &title) {
            assert!(!film, "{title}: a film ruled out by its lead");
            ruled_out += 1;
        }
        if film {
            films += 1;
        } else {
            others += 1;
        }
    }
    assert_eq!(films, 59, "the piki films and Actrius");
    // Most pages that are not films are judged on their lead alone.
    assert!(ruled_out * 2 > others, "{ruled_out} of {others}");
}
