//! What influenced a film, read from real pages of the piki corpus (in
//! `../shared`): a title is the whole link it lies in, even where "and" or
//! "with" is inside it, and capitalised words before a noun name nothing.

use filmgraph_model::{Fact, Predicate};
use std::path::Path;

fn influences(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/piki-wikipedia-film-database/fixtures")
        .join(name);
    let mut pages = filmgraph_parse::dump::DumpReader::open(&path).expect("fixture");
    let page = pages.next().expect("one page").expect("page");
    let article = filmgraph_parse::parse_wikitext(&page.text, &page.title);
    filmgraph_extract::extract(&article)
        .into_iter()
        .filter(|f: &Fact| f.predicate == Predicate::InfluencedBy)
        .map(|f| f.object)
        .collect()
}

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
