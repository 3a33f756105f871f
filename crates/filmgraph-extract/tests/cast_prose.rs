//! Cast members named in the sentences of a Cast section, with the part each
//! plays where the sentence names one (fixture:
//! `fixtures/cast/parts_in_prose.wiki`, sentences from real Cast sections).

use filmgraph_model::{Fact, Predicate};
use std::path::Path;

fn facts() -> Vec<Fact> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cast/parts_in_prose.wiki");
    let text = std::fs::read_to_string(path).expect("fixture");
    let article = filmgraph_parse::parse_wikitext(&text, "Parts in Prose");
    filmgraph_extract::extract(&article)
}

/// Each cast member read, with the part read for them.
fn cast(facts: &[Fact]) -> Vec<(&str, Option<&str>)> {
    facts
        .iter()
        .filter(|f| f.predicate == Predicate::CastMember)
        .map(|f| (f.object.as_str(), f.qualifier("character")))
        .collect()
}

#[test]
fn a_sentence_that_names_the_part_gives_it() {
    let facts = facts();
    let cast = cast(&facts);
    for expected in [
        ("Alec Guinness", "Obi-Wan Kenobi"), // appears as
        ("Denis Lawson", "Wedge Antilles"),  // reprises his role as .. from
        ("John Hollis", "Lobot"),            // plays .., a description
        ("Julian Glover", "General Veers"),
        ("Kenneth Colley", "Admiral Piett"),        // portrays
        ("Christopher Malcolm", "Zev Senesca"),     // a description, then the name
        ("Jeremy Bulloch", "Boba Fett"),            // the bounty hunter ..
        ("Jason Wingreen", "Boba Fett"),            // voiced .. in the original release
        ("William Preston Robertson", "Evil Dead"), // provides the voice of the ..
    ] {
        assert!(
            cast.contains(&(expected.0, Some(expected.1))),
            "{} as {}: read {cast:?}",
            expected.0,
            expected.1
        );
    }
}

#[test]
fn a_sentence_that_names_no_part_gives_the_cast_member_alone() {
    let facts = facts();
    let cast = cast(&facts);
    // "as the ambulance EMT", "as a California Highway Patrolman", "himself":
    // a job or one of many, not a named part.
    for name in ["Hal Needham", "Ken Squier", "Joe Frazier"] {
        let read: Vec<_> = cast.iter().filter(|(who, _)| *who == name).collect();
        assert_eq!(read, [&(name, None)], "{name}: read {cast:?}");
    }
}

#[test]
fn each_part_is_cited_from_its_own_sentence() {
    let facts = facts();
    let lawson = facts
        .iter()
        .find(|f| f.predicate == Predicate::CastMember && f.object == "Denis Lawson")
        .expect("Denis Lawson is read");
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cast/parts_in_prose.wiki"),
    )
    .expect("fixture");
    let cited = &text[lawson.source.start..lawson.source.end];
    assert!(
        cited.starts_with("[[Denis Lawson]] reprises") && cited.ends_with("from the first film."),
        "cited {cited:?}"
    );
}
