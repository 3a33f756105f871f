//! `filmgraph facts`: JSON lines in the FACTS.md form, each citing bytes of its
//! file.

mod common;

use common::{filmgraph, fixture, reference_article, sample_articles, text};
use filmgraph_model::{Fact, Predicate};
use std::path::Path;

/// The facts `filmgraph facts` prints for `file`, checked line by line: valid
/// JSON of a [`Fact`], from this article, citing a range of whole characters
/// within the file.
fn facts_of(file: &Path) -> Vec<Fact> {
    let out = filmgraph().arg("facts").arg(file).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let input = std::fs::read_to_string(file).unwrap();
    let title = input
        .lines()
        .next()
        .unwrap()
        .trim()
        .trim_matches('=')
        .trim()
        .to_string();
    text(&out.stdout)
        .lines()
        .map(|line| {
            let fact: Fact =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("not a fact ({e}): {line}"));
            let source = &fact.source;
            assert_eq!(source.article, title, "{line}");
            assert!(source.start < source.end, "{line}");
            assert!(
                input.get(source.start..source.end).is_some(),
                "span outside the file or inside a character: {line}"
            );
            fact
        })
        .collect()
}

#[test]
fn every_sample_prints_valid_facts_within_its_file() {
    for file in sample_articles() {
        facts_of(&file);
    }
    facts_of(&fixture("night_train.txt"));
}

#[test]
fn the_json_keys_are_the_facts_md_ones() {
    let out = filmgraph()
        .arg("facts")
        .arg(reference_article())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    for line in text(&out.stdout).lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let object = value.as_object().unwrap();
        for key in object.keys() {
            assert!(
                ["subject", "predicate", "object", "qualifiers", "source"].contains(&key.as_str()),
                "{line}"
            );
        }
        let source = object["source"].as_object().unwrap();
        for key in ["article", "section", "start", "end"] {
            assert!(source.contains_key(key), "{line}");
        }
    }
}

/// Needs the extractor: true once it reads the reference article.
#[test]
fn the_reference_article_names_its_director_and_lead() {
    let facts = facts_of(&reference_article());
    let title = "Lost Bullet (2020 film)";
    assert!(
        facts.iter().any(|f| f.subject == title
            && f.predicate == Predicate::Director
            && f.object == "Guillaume Pierret"),
        "no director fact for Guillaume Pierret in {} facts",
        facts.len()
    );
    assert!(
        facts.iter().any(|f| f.subject == title
            && f.predicate == Predicate::CastMember
            && f.object == "Alban Lenoir"
            && f.qualifier("character") == Some("Lino")),
        "no cast_member fact for Alban Lenoir as Lino in {} facts",
        facts.len()
    );
}

/// Needs the extractor: every sample is a film with a director in its lead.
#[test]
fn every_sample_has_a_director() {
    for file in sample_articles() {
        let facts = facts_of(&file);
        assert!(
            facts.iter().any(|f| f.predicate == Predicate::Director),
            "no director fact for {}",
            file.display()
        );
    }
}

#[test]
fn output_cut_short_by_its_reader_is_not_an_error() {
    // `head -c 0`: the reader closes at once.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} facts {} | head -c 0",
            assert_cmd::cargo::cargo_bin("filmgraph").display(),
            reference_article().display()
        ))
        .output()
        .unwrap();
    assert!(
        !text(&out.stderr).contains("error"),
        "{}",
        text(&out.stderr)
    );
}

/// A wikitext file is judged as a dump page is: a film article gives facts,
/// an article about something else (a real page of the non-film corpus) is
/// skipped with a note, and the run succeeds.
#[test]
fn a_wikitext_file_about_no_film_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let person = dir.path().join("Allen R. Morris.wiki");
    std::fs::copy(
        common::shared().join("corpus/wtf_wikipedia-cache-nonfilm/Allen-R.-Morris.txt"),
        &person,
    )
    .unwrap();
    let film = fixture("Night_Ferry.wiki");
    let out = filmgraph()
        .arg("facts")
        .arg(&person)
        .arg(&film)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Allen R. Morris.wiki: not about a film"),
        "{stderr}"
    );
    let facts: Vec<Fact> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(facts.iter().all(|f| f.source.article == "Night Ferry"));
    assert!(facts
        .iter()
        .any(|f| f.predicate == Predicate::Director && f.object == "Anna Weber"));
}
