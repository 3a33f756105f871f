//! The [`Store`] contract: one test suite that every backend runs.
//!
//! Each check is a function of a store; [`store_contract!`] turns the list of
//! them into `#[test]`s for one backend, given a function that makes an empty
//! store (and whatever must live as long as it: a directory, a database).

use crate::{ArticleRecord, EntityKind, Error, FactQuery, Store};
use filmgraph_model::{Citation, Fact, Predicate, Provenance};

/// `#[test]`s running every check of the contract on the stores `$new_store()`
/// makes: `(guard, store)`, the guard dropped after the store.
macro_rules! store_contract {
    ($new_store:expr) => {
        $crate::contract::store_contract!(@tests $new_store;
            replacing_an_article_twice_stores_its_facts_once,
            a_smaller_replacement_drops_facts_and_entities_no_longer_named,
            a_failed_replacement_leaves_the_previous_facts,
            a_failed_first_ingest_leaves_no_article,
            an_article_needs_a_title,
            facts_citing_bytes_that_split_a_character_are_refused,
            facts_come_back_as_stored_with_their_sentence,
            a_film_is_found_with_or_without_its_disambiguation,
            two_films_of_one_title_are_ambiguous_unless_named_exactly,
            a_work_named_by_one_article_becomes_a_film_with_its_own_article,
            an_article_about_a_series_is_a_work,
            a_person_has_credits_from_every_article,
            people_are_told_apart_by_the_page_they_link_to,
            redirects_lead_to_their_film,
            index_reads_are_views_without_what_an_index_leaves,
            search_matches_substrings_whatever_the_case_and_accents,
            facts_from_another_article_are_refused,
            entities_are_listed_and_found_by_id,
            facts_are_filtered_and_paged,
            the_article_text_is_kept,
            a_chain_of_sequels_is_a_franchise_in_release_order,
            a_store_copies_into_another_as_the_same_graph,
            a_batch_keeps_each_article_with_its_revision,
            a_renamed_page_replaces_its_old_title,
            removing_an_article_takes_its_facts_and_lone_entities,
            changes_follow_every_write_in_order,
            a_batch_gives_the_graph_of_one_write_after_another,
            a_bulk_load_gives_the_graph_of_one_write_after_another,
        );
    };
    (@tests $new_store:expr; $($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let (_guard, mut store) = $new_store();
                $crate::contract::$name(&mut store);
            }
        )*
    };
}
pub(crate) use store_contract;

pub(crate) const LOST_BULLET: &str = "= Lost Bullet (2020 film) =\n\n\
Lost Bullet is a 2020 French action film directed by Guillaume Pierret.\n\n\
==Plot==\nLino (Alban Lenoir), a mechanic, builds a car.\n\n\
==Sequels==\nA sequel, Lost Bullet 2, was released in 2022.\n";

pub(crate) const TITLE: &str = "Lost Bullet (2020 film)";

pub(crate) fn record<'a>(title: &'a str, text: &'a str) -> ArticleRecord<'a> {
    ArticleRecord {
        title,
        display_title: None,
        source_path: "articles/test.txt",
        text,
    }
}

/// A fact citing the sentence of `text` that contains `needle`.
pub(crate) fn fact(
    text: &str,
    subject: &str,
    predicate: Predicate,
    object: &str,
    needle: &str,
) -> Fact {
    let at = text.find(needle).expect("needle in text");
    let start = text[..at].rfind(['\n', '.']).map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    Fact {
        subject: subject.into(),
        predicate,
        object: object.into(),
        qualifiers: Default::default(),
        source: Provenance {
            article: TITLE.into(),
            section: "lead".into(),
            start,
            end,
            refs: vec![],
        },
    }
}

pub(crate) fn lost_bullet_facts() -> Vec<Fact> {
    let t = LOST_BULLET;
    let mut cast = fact(t, TITLE, Predicate::CastMember, "Alban Lenoir", "Lino (");
    cast.qualifiers.insert("character".into(), "Lino".into());
    cast.source.section = "Plot".into();
    cast.source.refs = vec![Citation {
        url: Some("https://example.org/review".into()),
        ..Default::default()
    }];
    vec![
        fact(t, TITLE, Predicate::Year, "2020", "is a 2020"),
        fact(
            t,
            TITLE,
            Predicate::Director,
            "Guillaume Pierret",
            "directed by",
        ),
        cast,
        fact(t, TITLE, Predicate::FollowedBy, "Lost Bullet 2", "A sequel"),
        fact(
            t,
            "Lost Bullet 2",
            Predicate::ReleaseDate,
            "2022",
            "A sequel",
        ),
    ]
}

pub(crate) fn replacing_an_article_twice_stores_its_facts_once(store: &mut dyn Store) {
    let facts = lost_bullet_facts();
    let first = store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    assert_eq!((first.facts_added, first.facts_removed), (5, 0));
    assert_eq!(first.kind, EntityKind::Film);
    assert_eq!(
        first.people,
        ["person:alban-lenoir", "person:guillaume-pierret"]
    );
    let before = store.counts().unwrap();

    let second = store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    assert_eq!((second.facts_added, second.facts_removed), (5, 5));
    assert_eq!(store.counts().unwrap(), before);
    assert_eq!(before.articles, 1);
    assert_eq!(before.facts, 5);
    assert_eq!(before.films, 1);
    assert_eq!(before.works, 1, "Lost Bullet 2");
    assert_eq!(before.people, 2);
}

pub(crate) fn a_smaller_replacement_drops_facts_and_entities_no_longer_named(
    store: &mut dyn Store,
) {
    let facts = lost_bullet_facts();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts[..2])
        .unwrap();
    let counts = store.counts().unwrap();
    assert_eq!((counts.facts, counts.people, counts.works), (2, 1, 0));
    assert!(store.person("Alban Lenoir").unwrap().is_none());
}

pub(crate) fn a_failed_replacement_leaves_the_previous_facts(store: &mut dyn Store) {
    let good = lost_bullet_facts();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &good)
        .unwrap();
    let before = store.facts_about(TITLE).unwrap();
    let counts = store.counts().unwrap();

    // The bad fact comes after good ones: old facts are deleted and new ones
    // inserted before it fails.
    let mut bad = good[..2].to_vec();
    let mut broken = good[2].clone();
    broken.source.end = LOST_BULLET.len() + 10;
    bad.push(broken);
    let err = store
        .replace_article(&record(TITLE, LOST_BULLET), &bad)
        .unwrap_err();
    assert!(matches!(err, Error::InvalidFact { index: 2, .. }), "{err}");
    assert!(err.to_string().contains("bytes"), "{err}");

    assert_eq!(store.facts_about(TITLE).unwrap(), before);
    assert_eq!(store.counts().unwrap(), counts);
    assert!(store.person("Alban Lenoir").unwrap().is_some());
}

pub(crate) fn a_failed_first_ingest_leaves_no_article(store: &mut dyn Store) {
    let mut facts = lost_bullet_facts();
    facts[1].subject = "  ".into();
    let err = store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap_err();
    assert!(err.to_string().contains("empty subject"), "{err}");
    assert_eq!(store.counts().unwrap(), Default::default());
    assert!(store.film("Lost Bullet").unwrap().is_none());
}

pub(crate) fn an_article_needs_a_title(store: &mut dyn Store) {
    let err = store
        .replace_article(&record(" ", "text"), &[])
        .unwrap_err();
    assert!(matches!(err, Error::UntitledArticle { .. }), "{err}");
    assert_eq!(store.counts().unwrap().articles, 0);
}

pub(crate) fn facts_citing_bytes_that_split_a_character_are_refused(store: &mut dyn Store) {
    let text = "= Amélie =\n\nAmélie is a film.\n";
    let mut f = fact(text, "Amélie", Predicate::Year, "2001", "is a film");
    f.source.article = "Amélie".into();
    f.source.start = text.find('é').unwrap() + 1;
    let err = store
        .replace_article(&record("Amélie", text), &[f])
        .unwrap_err();
    assert!(err.to_string().contains("split a character"), "{err}");
}

pub(crate) fn facts_come_back_as_stored_with_their_sentence(store: &mut dyn Store) {
    let facts = lost_bullet_facts();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    let stored = store.facts_about(TITLE).unwrap();
    let back: Vec<Fact> = stored.iter().map(|s| s.fact.clone()).collect();
    assert_eq!(back, facts[..4]);
    let cast = &stored[2];
    assert_eq!(
        cast.sentence,
        "Lino (Alban Lenoir), a mechanic, builds a car."
    );
    assert_eq!(cast.fact.qualifier("character"), Some("Lino"));
    assert_eq!(cast.fact.source.refs.len(), 1);
}

pub(crate) fn a_film_is_found_with_or_without_its_disambiguation(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    for query in ["Lost Bullet (2020 film)", "lost bullet", "  LOST   BULLET "] {
        let view = store.film(query).unwrap().expect(query);
        assert_eq!(view.entity.name, TITLE);
        assert_eq!(view.facts.len(), 4);
        assert_eq!(
            view.article.as_ref().unwrap().source_path,
            "articles/test.txt"
        );
        assert_eq!(view.related.len(), 1, "the sequel's release date");
    }
    assert!(store.film("Lost").unwrap().is_none());
    assert!(store.film("").unwrap().is_none());

    // The sequel is known from this article only.
    let sequel = store.film("Lost Bullet 2").unwrap().unwrap();
    assert_eq!(sequel.entity.kind, EntityKind::Work);
    assert!(sequel.article.is_none());
    assert_eq!(sequel.facts.len(), 1);
}

pub(crate) fn two_films_of_one_title_are_ambiguous_unless_named_exactly(store: &mut dyn Store) {
    let a = "= Speed (1994 film) =\n\nSpeed is a film.\n";
    let b = "= Speed (2010 film) =\n\nSpeed is another film.\n";
    store
        .replace_article(&record("Speed (1994 film)", a), &[])
        .unwrap();
    store
        .replace_article(&record("Speed (2010 film)", b), &[])
        .unwrap();
    let err = store.film("speed").unwrap_err();
    assert!(matches!(&err, Error::Ambiguous { candidates, .. } if candidates.len() == 2));
    assert!(
        err.to_string()
            .contains("Speed (1994 film), Speed (2010 film)"),
        "{err}"
    );
    assert_eq!(
        store
            .film("Speed (2010 film)")
            .unwrap()
            .unwrap()
            .entity
            .name,
        "Speed (2010 film)"
    );
}

pub(crate) fn a_work_named_by_one_article_becomes_a_film_with_its_own_article(
    store: &mut dyn Store,
) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let text = "= Lost Bullet 2 =\n\nLost Bullet 2 is a 2022 film.\n";
    store
        .replace_article(&record("Lost Bullet 2", text), &[])
        .unwrap();
    let view = store.film("Lost Bullet 2").unwrap().unwrap();
    assert_eq!(view.entity.kind, EntityKind::Film);
    assert_eq!(
        view.facts.len(),
        1,
        "its release, read in the first article"
    );

    // Re-ingesting the first article does not demote it.
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    assert_eq!(store.counts().unwrap().films, 2);
}

pub(crate) fn an_article_about_a_series_is_a_work(store: &mut dyn Store) {
    let text = "= Lost Bullet (franchise) =\n\nLost Bullet is a film series.\n";
    let mut f = fact(
        text,
        "Lost Bullet (franchise)",
        Predicate::InstanceOf,
        "film series",
        "series",
    );
    f.source.article = "Lost Bullet (franchise)".into();
    let stats = store
        .replace_article(&record("Lost Bullet (franchise)", text), &[f])
        .unwrap();
    assert_eq!(stats.kind, EntityKind::Work);
}

pub(crate) fn a_person_has_credits_from_every_article(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let other = "= Balle perdue 2 =\n\nIt is directed by Guillaume Pierret.\n";
    let mut f = fact(
        other,
        "Balle perdue 2",
        Predicate::Director,
        "Guillaume Pierret",
        "directed",
    );
    f.source.article = "Balle perdue 2".into();
    store
        .replace_article(&record("Balle perdue 2", other), &[f])
        .unwrap();

    let person = store.person("guillaume pierret").unwrap().unwrap();
    assert_eq!(person.entity.id, "person:guillaume-pierret");
    let films: Vec<_> = person
        .credits
        .iter()
        .map(|c| c.fact.subject.as_str())
        .collect();
    assert_eq!(films, ["Balle perdue 2", TITLE]);
    assert!(store.person("Lino").unwrap().is_none());
}

pub(crate) fn people_are_told_apart_by_the_page_they_link_to(store: &mut dyn Store) {
    // (article, role, name as written, page it links to)
    let credits = [
        (
            "Film A",
            Predicate::Director,
            "John Smith",
            "John Smith (director)",
        ),
        (
            "Film B",
            Predicate::CastMember,
            "John Smith",
            "John Smith (actor)",
        ),
        (
            "Film C",
            Predicate::CastMember,
            "Johnny Smith",
            "John Smith (actor)",
        ),
    ];
    for (title, predicate, name, page) in credits {
        let text = format!("= {title} =\n\nIt stars or is directed by {name}.\n");
        let mut f = fact(&text, title, predicate, name, "It stars");
        f.source.article = title.into();
        f.qualifiers
            .insert(filmgraph_model::PAGE.into(), page.into());
        store.replace_article(&record(title, &text), &[f]).unwrap();
    }
    let director = store
        .person_credits("person:john-smith-director")
        .unwrap()
        .unwrap();
    assert_eq!(director.entity.name, "John Smith");
    let works: Vec<_> = director.credits.iter().map(|c| c.work.as_str()).collect();
    assert_eq!(works, ["Film A"]);
    // One actor, written two ways: the name first written is kept.
    let actor = store
        .person_credits("person:john-smith-actor")
        .unwrap()
        .unwrap();
    assert_eq!(actor.entity.name, "John Smith");
    let mut works: Vec<_> = actor.credits.iter().map(|c| c.work.as_str()).collect();
    works.sort();
    assert_eq!(works, ["Film B", "Film C"]);
    assert!(store.entity("person:john-smith").unwrap().is_none());
    assert!(store.entity("person:johnny-smith").unwrap().is_none());
}

pub(crate) fn redirects_lead_to_their_film(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let before = store.latest_change().unwrap();
    let redirect = |title: &str, target: &str| (title.to_string(), target.to_string());
    store
        .put_redirects(&[
            redirect("Balle perdue", TITLE),
            redirect("Lost Bullet 1", "Elsewhere"),
            redirect("Lost Bullet 1", TITLE),
            redirect("Someone Else", "Somebody"),
        ])
        .unwrap();
    // The film's search document must list the new titles: it changed.
    let changes = store.changes_since(before, 10).unwrap();
    let changed: Vec<_> = changes.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(changed, [TITLE]);
    assert_eq!(
        store.redirects_to(TITLE).unwrap(),
        ["Balle perdue", "Lost Bullet 1"]
    );
    let found = store.redirected_film("BALLE PERDUE").unwrap().unwrap();
    assert_eq!(found.entity.name, TITLE);
    assert_eq!(
        store.redirect_target("someone else").unwrap().as_deref(),
        Some("Somebody")
    );
    assert!(store.redirected_film("Someone Else").unwrap().is_none());
    assert!(store.redirected_film("Nothing").unwrap().is_none());
    // A film's own title is no redirect.
    assert!(store.redirected_film(TITLE).unwrap().is_none());
    // A redirect read again with another target is moved.
    store
        .put_redirects(&[redirect("Balle perdue", "Elsewhere")])
        .unwrap();
    assert_eq!(store.redirects_to(TITLE).unwrap(), ["Lost Bullet 1"]);
}

/// Everything a whole-store pass (`Store::each_film_facts`, ...) hands over,
/// in order.
fn gather<T>(
    pass: impl FnOnce(&mut dyn FnMut(T) -> std::ops::ControlFlow<()>) -> crate::Result<()>,
) -> Vec<T> {
    let mut all = Vec::new();
    pass(&mut |item| {
        all.push(item);
        std::ops::ControlFlow::Continue(())
    })
    .unwrap();
    all
}

pub(crate) fn index_reads_are_views_without_what_an_index_leaves(store: &mut dyn Store) {
    let mut articles = sample_articles();
    // A debut feature: a fact whose subject is a person.
    let (title, text, facts) = &mut articles[1];
    let mut debut = fact(
        text,
        "Guillaume Pierret",
        Predicate::DebutFeature,
        TITLE,
        "directed",
    );
    debut.source.article = title.clone();
    facts.push(debut);
    // Stored last title first, so that the order facts are stored in is not
    // the order of their articles' titles, which every read gives.
    for (title, text, facts) in articles.iter().rev() {
        store.replace_article(&record(title, text), facts).unwrap();
    }
    let people = store.entities(EntityKind::Person).unwrap();
    assert!(people.len() >= 3);
    let mut each = Vec::new();
    for person in &people {
        let view = store.person_by_id(&person.id).unwrap().unwrap();
        let credits = store.person_credits(&person.id).unwrap().unwrap();
        assert_eq!(credits, crate::PersonCredits::from(&view), "{}", person.id);
        each.push(credits);
    }
    // The whole-store pass gives every person as the one-person read does.
    assert_eq!(gather(|visit| store.each_person_credits(visit)), each);
    // And stops when asked to.
    let mut seen = 0;
    store
        .each_person_credits(&mut |_| {
            seen += 1;
            std::ops::ControlFlow::Break(())
        })
        .unwrap();
    assert_eq!(seen, 1);
    let mut works = Vec::new();
    for kind in [EntityKind::Film, EntityKind::Work] {
        for work in store.entities(kind).unwrap() {
            let mut view = store.film_by_id(&work.id).unwrap().unwrap();
            view.related.clear();
            assert_eq!(
                store.film_facts_by_id(&work.id).unwrap(),
                Some(view.clone())
            );
            let naming = store
                .facts(&crate::FactQuery {
                    object_id: Some(work.id.clone()),
                    ..Default::default()
                })
                .unwrap()
                .facts;
            let film = crate::FilmFacts { view, naming };
            assert_eq!(store.film_facts(&work.id).unwrap().as_ref(), Some(&film));
            works.push(film);
        }
    }
    // The whole-store pass gives every film and work, in id order, as the
    // one-film reads do.
    works.sort_by(|a, b| a.view.entity.id.cmp(&b.view.entity.id));
    assert!(works.iter().any(|w| w.view.entity.kind == EntityKind::Work));
    assert!(works.iter().any(|w| !w.naming.is_empty()));
    assert_eq!(gather(|visit| store.each_film_facts(visit)), works);
    assert!(store
        .film_facts_by_id("person:alban-lenoir")
        .unwrap()
        .is_none());
    let lenoir = store
        .person_credits("person:alban-lenoir")
        .unwrap()
        .unwrap();
    assert_eq!(lenoir.credits.len(), 5);
    assert_eq!(lenoir.credits[0].work, "Balle perdue 2");
    let characters: Vec<_> = lenoir
        .credits
        .iter()
        .map(|c| (c.work.as_str(), c.character.as_deref()))
        .filter(|(_, character)| character.is_some())
        .collect();
    assert_eq!(characters, [(TITLE, Some("Lino"))]);
    let pierret = store
        .person_credits("person:guillaume-pierret")
        .unwrap()
        .unwrap();
    assert_eq!(pierret.debuts, [TITLE]);
    let film = crate::entity_id(EntityKind::Film, TITLE);
    assert!(store.person_credits(&film).unwrap().is_none());
    assert!(store.person_credits("person:nobody").unwrap().is_none());
}

pub(crate) fn search_matches_substrings_whatever_the_case_and_accents(store: &mut dyn Store) {
    let text = "= Amélie =\n\nAmélie is a 2001 film starring Audrey Tautou.\n";
    let mut f = fact(
        text,
        "Amélie",
        Predicate::CastMember,
        "Audrey Tautou",
        "starring",
    );
    f.source.article = "Amélie".into();
    store
        .replace_article(&record("Amélie", text), &[f])
        .unwrap();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();

    let names = |q: &str| -> Vec<String> {
        store
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.entity.name)
            .collect()
    };
    assert_eq!(names("AMELIE"), ["Amélie"]);
    assert_eq!(names("mél"), ["Amélie"]);
    assert_eq!(names("tautou"), ["Audrey Tautou"]);
    // Exact titles first, then other matches.
    assert_eq!(names("lost bullet"), [TITLE, "Lost Bullet 2"]);
    // LIKE's wildcards are plain characters.
    assert!(names("%").is_empty());
    assert!(names("_").is_empty());
    assert!(names("").is_empty());
    assert_eq!(store.search("lost", 1).unwrap().len(), 1);
    let hit = &store.search("Alban", 5).unwrap()[0];
    assert_eq!((hit.entity.kind, hit.facts), (EntityKind::Person, 1));
}

pub(crate) fn facts_from_another_article_are_refused(store: &mut dyn Store) {
    let mut f = lost_bullet_facts().remove(0);
    f.source.article = "Something else".into();
    let err = store
        .replace_article(&record(TITLE, LOST_BULLET), &[f])
        .unwrap_err();
    assert!(err.to_string().contains("comes from article"), "{err}");
}

pub(crate) fn entities_are_listed_and_found_by_id(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let films = store.entities(EntityKind::Film).unwrap();
    assert_eq!(films.len(), 1);
    assert_eq!(films[0].id, "work:lost-bullet-2020-film");
    let people: Vec<_> = store
        .entities(EntityKind::Person)
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(people, ["person:alban-lenoir", "person:guillaume-pierret"]);

    let film = store.film_by_id("work:lost-bullet-2020-film").unwrap();
    assert_eq!(film.unwrap().facts.len(), 4);
    let sequel = store.film_by_id("work:lost-bullet-2").unwrap().unwrap();
    assert_eq!(sequel.facts.len(), 1);
    assert!(store.film_by_id("person:alban-lenoir").unwrap().is_none());
    let person = store.person_by_id("person:alban-lenoir").unwrap().unwrap();
    assert_eq!(person.credits.len(), 1);
    assert!(store.person_by_id("work:lost-bullet-2").unwrap().is_none());
    assert!(store.entity("person:nobody").unwrap().is_none());
}

pub(crate) fn facts_are_filtered_and_paged(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let all = store.facts(&FactQuery::default()).unwrap();
    assert_eq!((all.total, all.facts.len()), (5, 5));
    let page = store
        .facts(&FactQuery {
            limit: Some(2),
            offset: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, 5);
    assert_eq!(page.facts, all.facts[1..3]);
    let directors = store
        .facts(&FactQuery {
            subject_id: Some("work:lost-bullet-2020-film".into()),
            predicate: Some(Predicate::Director),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(directors.total, 1);
    assert_eq!(directors.facts[0].fact.object, "Guillaume Pierret");
    let naming = store
        .facts(&FactQuery {
            object_id: Some("person:alban-lenoir".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(naming.facts[0].fact.qualifier("character"), Some("Lino"));
    let by_object = store
        .facts(&FactQuery {
            object: Some("2020".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(by_object.total, 1);
}

pub(crate) fn the_article_text_is_kept(store: &mut dyn Store) {
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    let text = store.article_text(TITLE).unwrap().unwrap();
    assert_eq!(text.text, LOST_BULLET);
    assert_eq!(text.source_path, "articles/test.txt");
    assert!(store.article_text("Nothing").unwrap().is_none());
}

pub(crate) fn a_chain_of_sequels_is_a_franchise_in_release_order(store: &mut dyn Store) {
    let mut facts = lost_bullet_facts();
    let mut series = facts[0].clone();
    series.predicate = Predicate::PartOfSeries;
    series.object = "Lost Bullet".into();
    facts.push(series);
    facts[3].qualifiers.insert("year".into(), "2022".into());
    store
        .replace_article(&record(TITLE, LOST_BULLET), &facts)
        .unwrap();
    let franchise = store.franchise("work:lost-bullet").unwrap().unwrap();
    assert_eq!(franchise.entity.name, "Lost Bullet");
    let order: Vec<_> = franchise
        .works
        .iter()
        .map(|w| (w.entity.name.as_str(), w.year))
        .collect();
    assert_eq!(
        order,
        [
            ("Lost Bullet (2020 film)", Some(2020)),
            ("Lost Bullet 2", Some(2022))
        ]
    );
    // A film's own chain, without naming the series.
    let chain = store
        .franchise("work:lost-bullet-2020-film")
        .unwrap()
        .unwrap();
    assert_eq!(chain.works.len(), 2);
    assert!(store.franchise("person:alban-lenoir").unwrap().is_none());
    assert!(store.franchise("work:nothing").unwrap().is_none());
}

/// A few articles that name the same people and films, for tests that write
/// them many times over.
pub(crate) fn sample_articles() -> Vec<(String, String, Vec<Fact>)> {
    let mut out = vec![(
        TITLE.to_string(),
        LOST_BULLET.to_string(),
        lost_bullet_facts(),
    )];
    for (i, film) in ["Balle perdue 2", "Balle perdue 3", "Night Train", "Speed"]
        .into_iter()
        .enumerate()
    {
        let text = format!(
            "= {film} =\n\n{film} is directed by Guillaume Pierret and stars Alban Lenoir \
             and Actor {i}. It follows Lost Bullet.\n"
        );
        let mut facts = vec![
            fact(
                &text,
                film,
                Predicate::Director,
                "Guillaume Pierret",
                "directed",
            ),
            fact(&text, film, Predicate::CastMember, "Alban Lenoir", "stars"),
            fact(
                &text,
                film,
                Predicate::CastMember,
                &format!("Actor {i}"),
                "stars",
            ),
            fact(&text, film, Predicate::Follows, TITLE, "follows"),
        ];
        for f in &mut facts {
            f.source.article = film.to_string();
        }
        out.push((film.to_string(), text, facts));
    }
    out
}

pub(crate) fn a_store_copies_into_another_as_the_same_graph(store: &mut dyn Store) {
    for (title, text, facts) in sample_articles() {
        store
            .replace_article(&record(&title, &text), &facts)
            .unwrap();
    }
    let titles: Vec<String> = store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    let mut expected: Vec<String> = sample_articles().into_iter().map(|a| a.0).collect();
    expected.sort();
    assert_eq!(titles, expected);
    let lost_bullet = store.article_facts(TITLE).unwrap();
    let facts: Vec<Fact> = lost_bullet.into_iter().map(|s| s.fact).collect();
    assert_eq!(
        facts,
        lost_bullet_facts(),
        "as stored, in the extractor's order"
    );
    assert!(store.article_facts("Nothing").unwrap().is_empty());

    // More redirects than one page of a copy holds.
    let redirects: Vec<(String, String)> = (0..10_005)
        .map(|n| (format!("Redirect {n:05}"), TITLE.to_string()))
        .collect();
    store.put_redirects(&redirects).unwrap();

    let mut copy = crate::SqliteStore::open_in_memory().unwrap();
    assert_eq!(crate::copy(store, &mut copy).unwrap(), expected.len());
    assert_eq!(copy.counts().unwrap(), store.counts().unwrap());
    let all = FactQuery::default();
    assert_eq!(copy.facts(&all).unwrap(), store.facts(&all).unwrap());
    assert_eq!(
        copy.entities(EntityKind::Person).unwrap(),
        store.entities(EntityKind::Person).unwrap()
    );
    assert_eq!(copy.redirects_to(TITLE).unwrap().len(), redirects.len());
    assert_eq!(
        copy.redirects_after("", 20_000).unwrap(),
        store.redirects_after("", 20_000).unwrap()
    );
}

fn revision(page_id: u64, revision_id: u64) -> crate::Revision {
    crate::Revision {
        site: "enwiki".into(),
        page_id,
        revision_id,
        timestamp: "2020-01-01T00:00:00Z".into(),
    }
}

pub(crate) fn a_batch_keeps_each_article_with_its_revision(store: &mut dyn Store) {
    use crate::ArticleWrite;
    let good = lost_bullet_facts();
    let mut bad = lost_bullet_facts();
    bad[0].source.end = 1 << 20;
    let (r1, r2) = (revision(1, 10), revision(2, 20));
    let other = LOST_BULLET.replace(TITLE, "Other");
    let results = store
        .replace_articles(&[
            ArticleWrite {
                record: record("Other", &other),
                facts: &bad,
                revision: Some(&r2),
            },
            ArticleWrite {
                record: record(TITLE, LOST_BULLET),
                facts: &good,
                revision: Some(&r1),
            },
        ])
        .unwrap();
    assert!(matches!(results[0], Err(Error::InvalidFact { .. })));
    assert_eq!(results[1].as_ref().unwrap().facts_added, good.len());
    assert_eq!(store.counts().unwrap().articles, 1);
    assert_eq!(store.stored_revision(TITLE).unwrap(), Some(r1.clone()));
    assert_eq!(store.stored_revision("Other").unwrap(), None);
    let all = store.stored_revisions().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].title.as_str(), &all[0].revision), (TITLE, &r1));

    // An article file of the same title clears the revision.
    store
        .replace_article(&record(TITLE, LOST_BULLET), &good)
        .unwrap();
    assert_eq!(store.stored_revision(TITLE).unwrap(), None);
}

pub(crate) fn a_renamed_page_replaces_its_old_title(store: &mut dyn Store) {
    use crate::ArticleWrite;
    let facts = lost_bullet_facts();
    let old = revision(7, 70);
    store
        .replace_articles(&[ArticleWrite {
            record: record(TITLE, LOST_BULLET),
            facts: &facts,
            revision: Some(&old),
        }])
        .unwrap()
        .remove(0)
        .unwrap();
    let text = LOST_BULLET.replace(TITLE, "Balle perdue");
    let new = revision(7, 71);
    store
        .replace_articles(&[ArticleWrite {
            record: record("Balle perdue", &text),
            facts: &[],
            revision: Some(&new),
        }])
        .unwrap()
        .remove(0)
        .unwrap();
    let all = store.stored_revisions().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].title, "Balle perdue");
    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.facts, counts.people), (1, 0, 0));
}

pub(crate) fn removing_an_article_takes_its_facts_and_lone_entities(store: &mut dyn Store) {
    for (title, text, facts) in sample_articles() {
        store
            .replace_article(&record(&title, &text), &facts)
            .unwrap();
    }
    let removed = store
        .remove_articles(&[
            "Night Train".to_string(),
            "Speed".to_string(),
            "Not stored".to_string(),
        ])
        .unwrap();
    assert_eq!(removed, 2);
    let counts = store.counts().unwrap();
    assert_eq!(counts.articles, 3);
    assert!(store.film("Speed").unwrap().is_none());
    assert!(
        store.person("Actor 3").unwrap().is_none(),
        "named by Speed only"
    );
    assert!(
        store.person("Alban Lenoir").unwrap().is_some(),
        "named by others too"
    );
    assert_eq!(store.remove_articles(&[TITLE.to_string()]).unwrap(), 1);
    assert_eq!(store.counts().unwrap().articles, 2);
}

pub(crate) fn changes_follow_every_write_in_order(store: &mut dyn Store) {
    assert_eq!(store.latest_change().unwrap(), 0);
    assert!(store.changes_since(0, 10).unwrap().is_empty());
    let articles = sample_articles();
    for (title, text, facts) in &articles {
        store.replace_article(&record(title, text), facts).unwrap();
    }
    let start = store.latest_change().unwrap();
    store
        .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
        .unwrap();
    store.remove_articles(&["Speed".to_string()]).unwrap();
    // A refused write changes nothing.
    store
        .replace_article(&record(" ", "text"), &[])
        .unwrap_err();

    let titles = |changes: Vec<crate::Change>| -> Vec<String> {
        changes.into_iter().map(|c| c.title).collect()
    };
    let all = store.changes_since(0, 100).unwrap();
    assert_eq!(all.len(), articles.len() + 2);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq), "{all:?}");
    assert_eq!(all.last().unwrap().seq, store.latest_change().unwrap());
    assert_eq!(
        titles(store.changes_since(start, 100).unwrap()),
        [TITLE, "Speed"]
    );
    assert_eq!(titles(store.changes_since(start, 1).unwrap()), [TITLE]);
    assert!(store
        .changes_since(store.latest_change().unwrap(), 100)
        .unwrap()
        .is_empty());
}

pub(crate) fn a_batch_gives_the_graph_of_one_write_after_another(store: &mut dyn Store) {
    batches_beside_one_write_after_another(store);
}

pub(crate) fn a_bulk_load_gives_the_graph_of_one_write_after_another(store: &mut dyn Store) {
    store.begin_bulk_load().unwrap();
    let mut reference = batches_beside_one_write_after_another(store);
    // Removing during the load.
    let gone = [sample_articles()[2].0.clone()];
    assert_eq!(
        store.remove_articles(&gone).unwrap(),
        reference.remove_articles(&gone).unwrap()
    );
    store.end_bulk_load().unwrap();
    // Ending twice, or without a load, changes nothing.
    store.end_bulk_load().unwrap();
    assert_eq!(store.counts().unwrap(), reference.counts().unwrap());
    for kind in [EntityKind::Film, EntityKind::Work, EntityKind::Person] {
        let entities = store.entities(kind).unwrap();
        assert_eq!(entities, reference.entities(kind).unwrap());
        for entity in &entities {
            if kind == EntityKind::Person {
                assert_eq!(
                    store.person_by_id(&entity.id).unwrap(),
                    reference.person_by_id(&entity.id).unwrap()
                );
                assert_eq!(
                    store.person(&entity.name).unwrap(),
                    reference.person(&entity.name).unwrap()
                );
            } else {
                // Written a moment apart, the two may differ in the second.
                let undated = |view: Option<crate::FilmView>| {
                    view.map(|mut view| {
                        view.article.iter_mut().for_each(|a| a.ingested_at.clear());
                        view
                    })
                };
                assert_eq!(
                    undated(store.film_by_id(&entity.id).unwrap()),
                    undated(reference.film_by_id(&entity.id).unwrap())
                );
            }
        }
    }
    // A store that holds facts is not emptied into a load again.
    assert!(!store.begin_bulk_load().unwrap());
    store.end_bulk_load().unwrap();
}

/// Writes rounds of batches that replace and shrink articles, checking the
/// store after each against one written an article at a time; returns that
/// reference.
fn batches_beside_one_write_after_another(store: &mut dyn Store) -> crate::SqliteStore {
    use crate::ArticleWrite;
    let articles = sample_articles();
    // The second round drops facts (orphaning people) and repeats a title
    // within one batch.
    let smaller: Vec<_> = articles
        .iter()
        .map(|(t, x, f)| (t.clone(), x.clone(), f[..f.len() / 2].to_vec()))
        .collect();
    let rounds: Vec<Vec<&(String, String, Vec<Fact>)>> = vec![
        articles.iter().collect(),
        smaller.iter().collect(),
        vec![&articles[0], &smaller[1], &articles[1], &articles[2]],
    ];
    let mut reference = crate::SqliteStore::open_in_memory().unwrap();
    for round in &rounds {
        let writes: Vec<ArticleWrite<'_>> = round
            .iter()
            .map(|(title, text, facts)| ArticleWrite {
                record: record(title, text),
                facts,
                revision: None,
            })
            .collect();
        let results = store.replace_articles(&writes).unwrap();
        for ((title, text, facts), result) in round.iter().zip(results) {
            let expected = reference
                .replace_article(&record(title, text), facts)
                .unwrap();
            assert_eq!(result.unwrap(), expected, "{title}");
        }
        assert_eq!(store.counts().unwrap(), reference.counts().unwrap());
        let all = FactQuery::default();
        assert_eq!(store.facts(&all).unwrap(), reference.facts(&all).unwrap());
        for kind in [EntityKind::Film, EntityKind::Work, EntityKind::Person] {
            assert_eq!(
                store.entities(kind).unwrap(),
                reference.entities(kind).unwrap()
            );
        }
    }
    reference
}
