//! Facts as real articles write them: the sentences of a Cast section, with
//! the part each names (fixture: `fixtures/cast/parts_in_prose.wiki`,
//! sentences from real Cast sections); voice cast tables with a column per
//! dub; infobox lists of names with labels, dashes and society letters; the
//! source work and its author; what influenced a film (real pages of the
//! piki corpus in `../shared`).

mod common;

use filmgraph_model::{Fact, Predicate};
use std::path::Path;

/// The fixture of Cast-section sentences: its text and its facts.
fn parts_in_prose() -> (String, Vec<Fact>) {
    common::wikitext_fixture("cast/parts_in_prose.wiki", "Parts in Prose")
}

fn facts() -> Vec<Fact> {
    parts_in_prose().1
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
    let (text, facts) = parts_in_prose();
    let lawson = facts
        .iter()
        .find(|f| f.predicate == Predicate::CastMember && f.object == "Denis Lawson")
        .expect("Denis Lawson is read");
    let cited = &text[lawson.source.start..lawson.source.end];
    assert!(
        cited.starts_with("[[Denis Lawson]] reprises") && cited.ends_with("from the first film."),
        "cited {cited:?}"
    );
}

/// The first page of a piki fixture (a real article) and its facts.
fn piki_page(name: &str) -> Vec<Fact> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/piki-wikipedia-film-database/fixtures")
        .join(name);
    let mut pages = filmgraph_parse::dump::DumpReader::open(&path).expect("fixture");
    let page = pages.next().expect("one page").expect("page");
    let article = filmgraph_parse::parse_wikitext(&page.text, &page.title);
    filmgraph_extract::extract(&article)
}

/// "Characters | Japanese | English (Toho/Animaze/Manga, 1995)": the part,
/// then the voice of each dub (Ninja Scroll's "Voice actors" table).
#[test]
fn a_voice_cast_table_gives_each_dubs_actor_the_part() {
    let facts = piki_page("Ninja Scroll.xml");
    let cast = cast(&facts);
    for expected in [
        ("Kōichi Yamadera", "Kibagami Jubei"),
        ("Dean Wein", "Kibagami Jubei"), // "Dean Wein (Dean Elliot)"
        ("Emi Shinohara", "Kagero"),
        ("Wendee Lee", "Kagero"),
        ("Riva Spier", "Zakuro"), // "Riva Spier {{small|(uncredited)}}"
    ] {
        assert!(
            cast.contains(&(expected.0, Some(expected.1))),
            "{} as {}: read {cast:?}",
            expected.0,
            expected.1
        );
    }
    // The header row and the parts are no cast members.
    for part in ["Characters", "Kagero", "Dakuan", "Villager"] {
        assert!(cast.iter().all(|(who, _)| *who != part), "{part}: {cast:?}");
    }
}

/// "'''Songs:'''<br>[[Mooroo]]", "'''Theme:'''": labels in an infobox list
/// of names are no people (Dekh Magar Pyaar Say, Batman (1966 film)).
#[test]
fn labels_in_an_infobox_list_of_names_are_no_people() {
    for (page, composers) in [
        (
            "Dekh Magar Pyaar Say.xml",
            &["Abbas Ali Khan", "Mooroo"][..],
        ),
        (
            "Batman (1966 film).xml",
            &["Nelson Riddle", "Neal Hefti"][..],
        ),
    ] {
        let facts = piki_page(page);
        let read: Vec<&str> = facts
            .iter()
            .filter(|f| f.predicate == Predicate::Composer && f.source.section == "infobox")
            .map(|f| f.object.as_str())
            .collect();
        assert_eq!(read, composers, "{page}");
    }
}

/// `{{unbulleted list|[[Romesh Sharma]]|\n[[Shabana Azmi]]\n[[Asha Sachdev]]…}}`
/// (Parinay): links side by side in one item are one name each.
#[test]
fn links_side_by_side_in_an_infobox_item_are_one_name_each() {
    let facts = piki_page("Parinay.xml");
    let starring: Vec<&str> = facts
        .iter()
        .filter(|f| f.predicate == Predicate::CastMember && f.source.section == "infobox")
        .map(|f| f.object.as_str())
        .collect();
    assert_eq!(
        starring,
        [
            "Romesh Sharma",
            "Shabana Azmi",
            "Asha Sachdev",
            "Dinesh Thakur",
            "Priti Ganguly",
            "T.P. Jain"
        ]
    );
}

/// What a cast line or a cast table says of a part is not its name.
#[test]
fn a_part_is_named_without_what_is_said_of_it() {
    for (page, actor, part) in [
        // "as Milky in a special appearance for an item number \"Jokae\""
        ("K.G.F: Chapter 1.xml", "Tamannaah", Some("Milky")),
        // "|| Tom Dolan, manager of the [[St. Louis Cardinals]]"
        (
            "Strategic Air Command (film).xml",
            "Jay C. Flippen",
            Some("Tom Dolan"),
        ),
        // "as the [[Polish people|Polish]] driver in the van who gets pulled
        // over by Mr. Foyt."
        ("The Cannonball Run.xml", "Joe Klecko", None),
        // "(special appearance in song \"Honth Rasiley\")"
        ("Welcome (2007 film).xml", "Malaika Arora", None),
    ] {
        let facts = piki_page(page);
        let cast = cast(&facts);
        let read: Vec<_> = cast.iter().filter(|(who, _)| *who == actor).collect();
        assert_eq!(read, [&(actor, part)], "{page}");
    }
}

/// "[[B. Lenin]]—[[C. S. Prem]]" (Kalavaadiya Pozhuthugal) credits two
/// editors; "Nic Knowland BSC" (Dekh Magar Pyaar Say) is Nic Knowland.
#[test]
fn a_pair_joined_by_a_dash_is_two_people_and_society_letters_are_no_name() {
    for (page, predicate, names) in [
        (
            "Kalavaadiya Pozhuthugal.xml",
            Predicate::Editor,
            &["B. Lenin", "C. S. Prem"][..],
        ),
        (
            "Dekh Magar Pyaar Say.xml",
            Predicate::Cinematographer,
            &["Nic Knowland"][..],
        ),
    ] {
        let facts = piki_page(page);
        let read: Vec<&str> = facts
            .iter()
            .filter(|f| f.predicate == predicate && f.source.section == "infobox")
            .map(|f| f.object.as_str())
            .collect();
        assert_eq!(read, names, "{page}");
    }
}

/// `''Waltz into Darkness'' by<br>[[Cornell Woolrich]]` (Original Sin) and
/// `{{based on|the novel|[[Pearl S. Buck]]}}<br>adapted for the stage by<br>...`
/// (The Good Earth): the work and its author, one line each.
#[test]
fn a_source_work_and_its_author_are_read_apart_from_the_lines_around_them() {
    for (page, work, author) in [
        (
            "Original Sin (2001 film).xml",
            "Waltz into Darkness",
            "Cornell Woolrich",
        ),
        (
            "The Good Earth (film).xml",
            "The Good Earth",
            "Pearl S. Buck",
        ),
    ] {
        let facts = piki_page(page);
        let based_on: Vec<(&str, Option<&str>)> = facts
            .iter()
            .filter(|f| f.predicate == Predicate::BasedOn)
            .map(|f| (f.object.as_str(), f.qualifier("author")))
            .collect();
        assert_eq!(based_on, [(work, Some(author))], "{page}");
    }
}

/// What influenced the film of a piki page, as read.
fn influences(name: &str) -> Vec<String> {
    piki_page(name)
        .into_iter()
        .filter(|f| f.predicate == Predicate::InfluencedBy)
        .map(|f| f.object)
        .collect()
}

/// A title is the whole link it lies in, even where "and" or "with" is
/// inside it, and capitalised words before a noun name nothing.
#[test]
fn a_title_is_the_whole_link_it_lies_in() {
    let read = influences("The Empire Strikes Back.xml");
    // "partly inspired by [[Joseph Campbell]]'s ''[[The Hero with a Thousand
    // Faces]]''"; "inspired by ''[[Flash Gordon]]'' (1939–1940) and ''[[The
    // Thing from Another World]]'' (1951)".
    for title in [
        "The Hero with a Thousand Faces",
        "Flash Gordon",
        "The Thing from Another World",
    ] {
        assert!(read.iter().any(|r| r == title), "{title}: read {read:?}");
    }
    // "inspired by the [[Port of Oakland]] container cranes".
    for piece in ["Thousand Faces", "Another World", "Port of Oakland"] {
        assert!(read.iter().all(|r| r != piece), "{piece}: read {read:?}");
    }
    let read = influences("The Castle of Cagliostro.xml");
    assert!(
        read.iter()
            .any(|r| r == "The Shepherdess and the Chimney Sweep"),
        "read {read:?}"
    );
    // "the film's climactic Big Ben sequence".
    assert!(
        read.iter()
            .all(|r| r != "Big Ben" && r != "The Shepherdess"),
        "read {read:?}"
    );
}

#[test]
fn words_that_describe_a_noun_name_no_influence() {
    // "a homage to the 1960s comic books", "a [[Traditional animation|2D cel
    // animation]]".
    let read = influences("The Incredibles.xml");
    assert!(
        read.iter().all(|r| r != "1960s" && r != "2D"),
        "read {read:?}"
    );
    // "inspired by a routine by \"an underground New York comedian\"".
    let read = influences("Taxi Driver.xml");
    assert!(
        read.iter().all(|r| r != "New York" && r != "Marlon"),
        "read {read:?}"
    );
    assert!(
        read.iter().any(|r| r == "Reflections in a Golden Eye"),
        "read {read:?}"
    );
}
