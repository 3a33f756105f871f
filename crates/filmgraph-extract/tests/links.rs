//! A linked name's identity is the page it links to: two people named alike
//! but linked to different pages are two people, one person linked under two
//! labels is one (fixture: `fixtures/links/two_john_smiths.wiki`).

mod common;

use filmgraph_model::{Fact, Predicate, PAGE};

fn facts() -> Vec<Fact> {
    common::wikitext_fixture("links/two_john_smiths.wiki", "Two Smiths").1
}

fn named(facts: &[Fact], predicate: Predicate) -> Vec<(&str, Option<&str>)> {
    facts
        .iter()
        .filter(|f| f.predicate == predicate)
        .map(|f| (f.object.as_str(), f.qualifier(PAGE)))
        .collect()
}

#[test]
fn people_named_alike_but_linked_apart_are_two() {
    let facts = facts();
    assert_eq!(
        named(&facts, Predicate::Director),
        [("John Smith", Some("John Smith (director)"))]
    );
    let cast = named(&facts, Predicate::CastMember);
    assert!(
        cast.contains(&("John Smith", Some("John Smith (actor)"))),
        "{cast:?}"
    );
    // The lead's "It stars John Smith" links the actor, though the sentence
    // before links the director under the same label.
    assert!(
        !cast.contains(&("John Smith", Some("John Smith (director)"))),
        "{cast:?}"
    );
}

#[test]
fn one_person_linked_under_two_labels_is_one() {
    let facts = facts();
    let cast = named(&facts, Predicate::CastMember);
    let bakers: Vec<_> = cast
        .iter()
        .filter(|(_, page)| *page == Some("Kenneth Baker (actor)"))
        .collect();
    assert_eq!(bakers, [&("Kenny Baker", Some("Kenneth Baker (actor)"))]);
    // The cast list's "Ken Baker as Robot" is the same person's part.
    let baker = facts
        .iter()
        .find(|f| f.predicate == Predicate::CastMember && f.object == "Kenny Baker")
        .unwrap();
    assert_eq!(baker.qualifier("character"), Some("Robot"));
    // Unlinked, a name is its own identity.
    assert!(cast.contains(&("Mary Jones", None)), "{cast:?}");
}

#[test]
fn one_name_linked_to_two_pages_for_one_role_is_one_fact() {
    // The lead links Pat Green to one page, the cast list to another (as
    // articles do with redirect titles): one cast member, the first page kept.
    let facts = facts();
    let greens: Vec<_> = facts
        .iter()
        .filter(|f| f.predicate == Predicate::CastMember && f.object == "Pat Green")
        .collect();
    assert_eq!(greens.len(), 1, "{greens:?}");
    assert_eq!(greens[0].qualifier(PAGE), Some("Patricia Green"));
    assert_eq!(greens[0].qualifier("character"), Some("Carol"));
}

#[test]
fn a_company_written_two_ways_but_linked_to_one_page_is_one() {
    let facts = facts();
    assert_eq!(
        named(&facts, Predicate::ProductionCompany),
        [("Legendary Pictures", Some("Legendary Entertainment"))]
    );
    // A name linked to the page of its own title needs no `page`.
    assert_eq!(
        named(&facts, Predicate::Distributor),
        [("Universal Pictures", None)]
    );
}
