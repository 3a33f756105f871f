//! The index built from small fixtures in a temporary store.

use super::*;
use filmgraph_model::{Fact, Predicate, Provenance};
use filmgraph_store::{ArticleRecord, SqliteStore};

/// An article: its title, and facts `(subject, predicate, object, character)`;
/// `None` as subject means the article's own film.
type Spec<'a> = (
    &'a str,
    Vec<(Option<&'a str>, Predicate, &'a str, Option<&'a str>)>,
);

fn ingest(store: &mut SqliteStore, (title, facts): &Spec<'_>) {
    let text =
        format!("= {title} =\n\n{title} is a film. It has <script>alert(1)</script> \"quotes\".\n");
    let facts: Vec<Fact> = facts
        .iter()
        .map(|(subject, predicate, object, character)| Fact {
            subject: subject.unwrap_or(title).to_string(),
            predicate: *predicate,
            object: object.to_string(),
            qualifiers: character
                .map(|c| [("character".to_string(), c.to_string())].into())
                .unwrap_or_default(),
            source: Provenance {
                article: title.to_string(),
                section: "lead".into(),
                start: title.len() + 6,
                end: text.len() - 1,
                refs: vec![],
            },
        })
        .collect();
    let record = ArticleRecord {
        title,
        display_title: None,
        source_path: "fixture.txt",
        text: &text,
    };
    store.replace_article(&record, &facts).unwrap();
}

fn fixtures() -> Vec<Spec<'static>> {
    use Predicate::*;
    vec![
        (
            "Lost Bullet (2020 film)",
            vec![
                (None, Title, "Lost Bullet", None),
                (None, AlternativeTitle, "Balle perdue", None),
                (None, Year, "2020", None),
                (None, Genre, "action thriller", None),
                (None, CountryOfOrigin, "France", None),
                (None, OriginalLanguage, "French", None),
                (None, Director, "Guillaume Pierret", None),
                (None, CastMember, "Alban Lenoir", Some("Lino")),
                (None, CastMember, "Stéfi Celma", Some("Julia")),
                (None, ProductionCompany, "Inoxy Films", None),
                (None, FilmingLocation, "Sète", None),
                (None, PartOfSeries, "Lost Bullet", None),
                (None, FollowedBy, "Lost Bullet 2", None),
                (
                    Some("Lost Bullet 2"),
                    AlternativeTitle,
                    "Balle perdue 2",
                    None,
                ),
            ],
        ),
        (
            "Amélie",
            vec![
                (None, Year, "2001", None),
                (None, Genre, "romantic comedy", None),
                (None, CountryOfOrigin, "France", None),
                (None, CastMember, "Audrey Tautou", Some("Amélie Poulain")),
                (None, Director, "Jean-Pierre Jeunet", None),
            ],
        ),
        (
            "Lost Highway (1997 film)",
            vec![
                (None, Year, "1997", None),
                (None, Genre, "neo-noir", None),
                (None, CountryOfOrigin, "United States", None),
                (None, Director, "David Lynch", None),
                (None, CastMember, "Bill Pullman", Some("Fred Madison")),
                (None, CastMember, "Patricia Arquette", Some("Renee Madison")),
                (None, CastMember, "Balthazar Getty", Some("Pete Dayton")),
            ],
        ),
        (
            "Bullet Train (film)",
            vec![
                (None, Year, "2022", None),
                (None, Genre, "action comedy", None),
                (None, CastMember, "Brad Pitt", Some("Ladybug")),
                (None, Distributor, "Sony Pictures Releasing", None),
            ],
        ),
    ]
}

fn build() -> (SqliteStore, Index) {
    let mut store = SqliteStore::open_in_memory().unwrap();
    for spec in fixtures() {
        ingest(&mut store, &spec);
    }
    let index = Index::in_memory().unwrap();
    index.rebuild(&store).unwrap();
    (store, index)
}

fn ids(index: &Index, query: &Query) -> Vec<String> {
    index
        .search(query)
        .unwrap()
        .results
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn top(index: &Index, text: &str) -> String {
    ids(index, &Query::text(text))
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing found for {text:?}"))
}

const LOST_BULLET: &str = "work:lost-bullet-2020-film";

#[test]
fn accents_and_case_do_not_matter() {
    let (_store, index) = build();
    assert_eq!(top(&index, "amelie"), "work:amelie");
    assert_eq!(top(&index, "AMÉLIE"), "work:amelie");
    assert_eq!(top(&index, "sete"), LOST_BULLET, "filmed in Sète");
    assert_eq!(top(&index, "stefi celma"), "person:stefi-celma");
}

#[test]
fn typos_are_forgiven() {
    let (_store, index) = build();
    assert_eq!(top(&index, "alban lenior"), "person:alban-lenoir");
    let found = ids(&index, &Query::text("alban lenior"));
    assert!(found.contains(&LOST_BULLET.to_string()), "{found:?}");
    assert_eq!(top(&index, "amelei"), "work:amelie");
}

#[test]
fn alternative_titles_find_the_film() {
    let (_store, index) = build();
    assert_eq!(top(&index, "Balle perdue"), LOST_BULLET);
    assert_eq!(top(&index, "balle perdue 2"), "work:lost-bullet-2");
}

#[test]
fn characters_find_their_film() {
    let (_store, index) = build();
    let results = index.search(&Query::text("Lino")).unwrap().results;
    let film = results.iter().find(|h| h.id == LOST_BULLET).expect("film");
    assert_eq!(film.snippet.field, "characters");
    let [start, end] = film.snippet.highlights[0];
    assert_eq!(&film.snippet.text[start..end], "Lino");
    let character = results
        .iter()
        .find(|h| h.kind == Kind::Character)
        .expect("character");
    assert_eq!(character.target, LOST_BULLET);
    assert_eq!(character.id, "character:lost-bullet-2020-film/lino");
}

#[test]
fn the_exact_title_comes_first() {
    let (_store, index) = build();
    assert_eq!(top(&index, "Lost Bullet"), LOST_BULLET);
    assert_eq!(top(&index, "bullet train"), "work:bullet-train-film");
    assert_eq!(top(&index, "lost highway"), "work:lost-highway-1997-film");
}

#[test]
fn prefixes_are_completed() {
    let (_store, index) = build();
    let titles: Vec<String> = index
        .suggest("lost bu", 5)
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles[0], "Lost Bullet (2020 film)", "{titles:?}");
    assert!(!titles.iter().any(|t| t.contains("Highway")), "{titles:?}");
    let amelie = index.suggest("amé", 5).unwrap();
    assert_eq!(amelie[0].id, "work:amelie");
    let words = index.suggest("highw", 5).unwrap();
    assert_eq!(words[0].id, "work:lost-highway-1997-film");
    assert!(index.suggest("  ", 5).unwrap().is_empty());
}

#[test]
fn a_title_is_found_by_each_of_its_prefixes() {
    let (_store, index) = build();
    let searcher = index.reader.searcher();
    // Prefixes up to `SHORT_PREFIX` characters are terms of their own, longer
    // ones walk the whole titles; both must reach the title, whatever its
    // length and accents.
    for (title, id) in [
        ("Lost Bullet (2020 film)", LOST_BULLET),
        ("Amélie", "work:amelie"),
    ] {
        let folded = schema::folded_whole(title);
        for end in (1..=folded.len()).filter(|&end| folded.is_char_boundary(end)) {
            let prefix = &folded[..end];
            let query = query::title_prefix_query(&index.fields, prefix);
            let hits = searcher
                .search(&*query, &TopDocs::with_limit(1_000).order_by_score())
                .unwrap();
            let ids: Vec<String> = hits
                .iter()
                .map(|(_, addr)| {
                    let doc: TantivyDocument = searcher.doc(*addr).unwrap();
                    let id = doc.get_first(index.fields.id).and_then(|v| v.as_str());
                    id.unwrap_or_default().to_string()
                })
                .collect();
            assert!(ids.iter().any(|i| i == id), "{prefix:?}: {ids:?}");
        }
    }
    // A prefix no title begins with finds nothing, short or long.
    for prefix in ["zq", "lost bullets"] {
        let query = query::title_prefix_query(&index.fields, prefix);
        let count = searcher
            .search(&*query, &tantivy::collector::Count)
            .unwrap();
        assert_eq!(count, 0, "{prefix}");
    }
}

#[test]
fn years_and_facets_filter() {
    let (_store, index) = build();
    let query = Query {
        kind: Some(Kind::Film),
        year_from: Some(2000),
        year_to: Some(2010),
        ..Default::default()
    };
    assert_eq!(ids(&index, &query), ["work:amelie"]);
    let france = Query {
        country: Some("FRANCE".into()),
        kind: Some(Kind::Film),
        ..Default::default()
    };
    let mut found = ids(&index, &france);
    found.sort();
    assert_eq!(found, ["work:amelie", LOST_BULLET]);
    let by_person = Query {
        person: Some("David Lynch".into()),
        ..Default::default()
    };
    assert_eq!(ids(&index, &by_person), ["work:lost-highway-1997-film"]);
    let bad = Query {
        year_from: Some(2020),
        year_to: Some(2000),
        ..Default::default()
    };
    assert!(matches!(index.search(&bad), Err(Error::InvalidQuery(_))));
}

#[test]
fn facets_are_counted() {
    let (_store, index) = build();
    let results = index
        .search(&Query {
            kind: Some(Kind::Film),
            ..Default::default()
        })
        .unwrap();
    let france = results
        .facets
        .country
        .iter()
        .find(|c| c.value == "france")
        .unwrap();
    assert_eq!(france.count, 2);
    assert!(results.facets.decade.iter().any(|d| d.value == "2020s"));
    assert_eq!(results.total, 5, "four films and Lost Bullet 2");
}

/// Every counted facet value agrees with the filter of that value, also
/// after an update leaves deleted documents and a second segment behind.
#[test]
fn facet_counts_agree_with_their_filters() {
    let (mut store, index) = build();
    ingest(
        &mut store,
        &(
            "Amélie",
            vec![
                (None, Predicate::Year, "2001", None),
                (None, Predicate::CountryOfOrigin, "Germany", None),
                (None, Predicate::Genre, "romantic comedy", None),
            ],
        ),
    );
    index.update_article(&store, "Amélie").unwrap();
    let all = Query {
        kind: Some(Kind::Film),
        ..Default::default()
    };
    let results = index.search(&all).unwrap();
    let country = |name: &str| {
        results
            .facets
            .country
            .iter()
            .find(|c| c.value == name)
            .map(|c| c.count)
    };
    assert_eq!(country("france"), Some(1), "Amélie moved to Germany");
    assert_eq!(country("germany"), Some(1));
    for value in &results.facets.genre {
        let filtered = Query {
            genre: Some(value.value.clone()),
            ..all.clone()
        };
        assert_eq!(index.search(&filtered).unwrap().total, value.count);
    }
}

#[test]
fn pages_do_not_overlap() {
    let (_store, index) = build();
    let page = |offset| Query {
        limit: 2,
        offset,
        ..Default::default()
    };
    let first = ids(&index, &page(0));
    let second = ids(&index, &page(2));
    assert_eq!(first.len(), 2);
    assert!(first.iter().all(|id| !second.contains(id)));
}

#[test]
fn companies_and_franchises_are_documents() {
    let (_store, index) = build();
    let results = index.search(&Query::text("inoxy")).unwrap().results;
    assert_eq!(results[0].id, "company:inoxy-films");
    assert_eq!(results[0].kind, Kind::Company);
    let franchise = index
        .search(&Query {
            text: "lost bullet".into(),
            kind: Some(Kind::Franchise),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(franchise.results[0].id, "work:lost-bullet");
}

#[test]
fn an_updated_article_is_found_and_its_old_names_are_not() {
    let (mut store, index) = build();
    use Predicate::*;
    let spec: Spec = (
        "Amélie",
        vec![
            (None, Year, "2001", None),
            (
                None,
                CastMember,
                "Mathieu Kassovitz",
                Some("Nino Quincampoix"),
            ),
        ],
    );
    ingest(&mut store, &spec);
    index.update_article(&store, "Amélie").unwrap();
    assert_eq!(top(&index, "kassovitz"), "person:mathieu-kassovitz");
    assert!(ids(&index, &Query::text("nino")).contains(&"work:amelie".to_string()));
    assert!(ids(&index, &Query::text("tautou")).is_empty());
    // The same as a rebuild.
    let rebuilt = Index::in_memory().unwrap();
    rebuilt.rebuild(&store).unwrap();
    let all = |i: &Index| {
        let mut v = ids(
            i,
            &Query {
                limit: 100,
                ..Default::default()
            },
        );
        v.sort();
        v
    };
    assert_eq!(all(&rebuilt), all(&index));
}

#[test]
fn an_index_on_disk_knows_whether_it_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = build();
    {
        let index = Index::open_or_create(dir.path()).unwrap();
        assert!(!index.is_current(&store).unwrap());
        index.rebuild(&store).unwrap();
        assert!(index.is_current(&store).unwrap());
    }
    let index = Index::open_or_create(dir.path()).unwrap();
    assert!(index.is_current(&store).unwrap());
    assert_eq!(top(&index, "amelie"), "work:amelie");
    ingest(
        &mut store,
        &(
            "Heat (1995 film)",
            vec![(None, Predicate::Year, "1995", None)],
        ),
    );
    assert!(!index.is_current(&store).unwrap());
}

#[test]
fn titles_that_redirect_to_a_film_find_it_once_the_change_is_followed() {
    let (mut store, index) = build();
    let mut follower = ChangeFollower::start(&store).unwrap();
    store
        .put_redirects(&[("Le Fabuleux Destin".into(), "Amélie".into())])
        .unwrap();
    assert!(ids(&index, &Query::text("fabuleux destin")).is_empty());
    assert!(follower.poll(&index, &store).unwrap() > 0);
    assert_eq!(top(&index, "fabuleux destin"), "work:amelie");
}
