//! The JSON API, in process, over the sample articles.

mod common;

use axum::http::StatusCode;
use common::{fixture, get, get_json, LOST_BULLET};
use serde_json::Value;

fn ids(results: &Value) -> Vec<String> {
    results["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn healthz_answers() {
    let f = fixture(&[]);
    let body = get_json(&f.state, "/healthz").await;
    assert_eq!(body["status"], "ok");
    assert_eq!(body["articles"], 9);
}

#[tokio::test]
async fn search_finds_by_alternative_title_typo_accent_and_character() {
    let f = fixture(&[]);
    let balle = get_json(&f.state, "/api/search?q=balle%20perdue").await;
    assert_eq!(ids(&balle)[0], LOST_BULLET);
    let first = &balle["results"][0];
    assert_eq!(first["title"], "Lost Bullet (2020 film)");
    assert_eq!(first["year"], 2020);
    assert_eq!(first["url"], format!("/films/{LOST_BULLET}"));
    let [s, e] = [0, 1].map(|i| first["highlights"][0][i].as_u64().unwrap() as usize);
    assert_eq!(&first["snippet"].as_str().unwrap()[s..e], "Balle");

    let typo = get_json(&f.state, "/api/search?q=alban+lenior").await;
    assert_eq!(ids(&typo)[0], "person:alban-lenoir");
    let accent = get_json(&f.state, "/api/search?q=SETE").await;
    assert_eq!(ids(&accent)[0], LOST_BULLET, "filmed in Sète");
    let character = get_json(&f.state, "/api/search?q=Lino").await;
    assert!(ids(&character).contains(&LOST_BULLET.to_string()));
    let exact = get_json(&f.state, "/api/search?q=inception").await;
    assert_eq!(ids(&exact)[0], "work:inception");
}

#[tokio::test]
async fn search_filters_pages_and_counts_facets() {
    let f = fixture(&[]);
    let recent = get_json(&f.state, "/api/search?kind=film&year_from=2005&limit=50").await;
    let years: Vec<i64> = recent["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert!(!years.is_empty());
    assert!(years.iter().all(|y| *y >= 2005), "{years:?}");
    assert_eq!(recent["total"], years.len());

    let all = get_json(&f.state, "/api/search?kind=film&limit=3").await;
    assert_eq!(all["results"].as_array().unwrap().len(), 3);
    assert!(all["total"].as_u64().unwrap() > 3);
    let next = get_json(&f.state, "/api/search?kind=film&limit=3&offset=3").await;
    let (a, b) = (ids(&all), ids(&next));
    assert!(a.iter().all(|id| !b.contains(id)), "{a:?} {b:?}");

    let genres = all["facets"]["genre"].as_array().unwrap();
    assert!(!genres.is_empty());
    let genre = genres[0]["value"].as_str().unwrap();
    let filtered = get_json(
        &f.state,
        &format!("/api/search?genre={}", genre.replace(' ', "+")),
    )
    .await;
    assert_eq!(filtered["total"], genres[0]["count"]);

    let french = get_json(&f.state, "/api/search?language=french").await;
    assert_eq!(ids(&french), [LOST_BULLET]);
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_json_error() {
    let f = fixture(&[]);
    for uri in [
        "/api/search?q=x&limit=abc",
        "/api/search?q=x&limit=1000",
        "/api/search?year_from=2020&year_to=2000",
        "/api/search?year_from=soon",
        "/api/search?kind=planet",
        "/api/facts?predicate=loves",
        "/api/citation?article=Inception",
        "/api/citation?article=Inception&start=5&end=999999",
    ] {
        let reply = get(&f.state, uri).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{uri}: {}",
            reply.body
        );
        assert!(reply.json()["error"].as_str().unwrap().len() > 5, "{uri}");
    }
}

#[tokio::test]
async fn unknown_ids_are_404_with_a_json_error() {
    let f = fixture(&[]);
    for uri in [
        "/api/films/work:no-such-film",
        "/api/people/person:nobody",
        "/api/people/work:inception",
        "/api/franchises/work:inception",
        "/api/facts?subject=Nobody%20At%20All",
        "/api/citation?article=Nothing&start=0&end=1",
        "/api/nothing",
    ] {
        let reply = get(&f.state, uri).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}: {}", reply.body);
        assert!(reply.json()["error"].is_string(), "{uri}");
    }
}

#[tokio::test]
async fn a_film_has_every_fact_grouped_with_its_citation() {
    let f = fixture(&[]);
    let film = get_json(&f.state, &format!("/api/films/{LOST_BULLET}")).await;
    assert_eq!(film["display_title"], "Lost Bullet");
    assert_eq!(film["year"], 2020);
    assert_eq!(film["franchise"]["id"], "work:lost-bullet");
    let groups = film["groups"].as_array().unwrap();
    let credits = groups.iter().find(|g| g["key"] == "credits").unwrap();
    let lino = credits["facts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["qualifiers"]["character"] == "Lino")
        .expect("Alban Lenoir as Lino");
    assert_eq!(lino["object"], "Alban Lenoir");
    assert_eq!(lino["object_id"], "person:alban-lenoir");
    let text = std::fs::read_to_string(
        common::sample_articles()
            .into_iter()
            .find(|p| p.ends_with("lost_bullet_2020.txt"))
            .unwrap(),
    )
    .unwrap();
    for group in groups {
        for fact in group["facts"].as_array().unwrap() {
            let c = &fact["citation"];
            let (start, end) = (
                c["start"].as_u64().unwrap() as usize,
                c["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(c["article"], "Lost Bullet (2020 film)");
            assert_eq!(c["sentence"].as_str().unwrap(), &text[start..end]);
            assert!(c["section"].is_string());
        }
    }
    // The bare slug works too.
    let same = get_json(&f.state, "/api/films/lost-bullet-2020-film").await;
    assert_eq!(same["id"], LOST_BULLET);
}

#[tokio::test]
async fn a_person_has_a_filmography_with_roles() {
    let f = fixture(&[]);
    let person = get_json(&f.state, "/api/people/person:alban-lenoir").await;
    assert_eq!(person["name"], "Alban Lenoir");
    let credit = &person["filmography"][0];
    assert_eq!(credit["film"]["id"], LOST_BULLET);
    assert_eq!(credit["year"], 2020);
    let roles = credit["roles"].as_array().unwrap();
    assert!(roles
        .iter()
        .any(|r| r["role"] == "cast_member" && r["character"] == "Lino"));
    assert!(roles.iter().all(|r| r["citation"]["sentence"].is_string()));
    let pierret = get_json(&f.state, "/api/people/guillaume-pierret").await;
    assert_eq!(pierret["debut"][0]["object"], "Lost Bullet (2020 film)");
}

#[tokio::test]
async fn a_franchise_lists_its_works_in_order() {
    let f = fixture(&[]);
    let franchise = get_json(&f.state, "/api/franchises/work:lost-bullet").await;
    let works: Vec<(String, i64)> = franchise["works"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["title"].as_str().unwrap().to_string(),
                w["year"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        works,
        [
            ("Lost Bullet (2020 film)".to_string(), 2020),
            ("Lost Bullet 2".to_string(), 2022),
            ("Last Bullet".to_string(), 2025)
        ]
    );
}

#[tokio::test]
async fn facts_are_filtered_and_paged() {
    let f = fixture(&[]);
    let all = get_json(
        &f.state,
        &format!("/api/facts?subject={LOST_BULLET}&predicate=cast_member&limit=500"),
    )
    .await;
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 5, "{total}");
    assert!(all["facts"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["predicate"] == "cast_member"));
    let page = get_json(
        &f.state,
        &format!("/api/facts?subject={LOST_BULLET}&predicate=cast_member&limit=2&offset=1"),
    )
    .await;
    assert_eq!(page["total"], total);
    assert_eq!(page["facts"][0], all["facts"][1]);
    assert_eq!(page["facts"].as_array().unwrap().len(), 2);
    let by_name = get_json(&f.state, "/api/facts?subject=Alban%20Lenoir").await;
    assert!(by_name["total"].as_u64().is_some());
    let everything = get_json(&f.state, "/api/facts").await;
    assert_eq!(everything["limit"], 50);
    assert!(everything["total"].as_u64().unwrap() > 100);
}

#[tokio::test]
async fn suggestions_complete_prefixes() {
    let f = fixture(&[]);
    let s = get_json(&f.state, "/api/suggest?q=lost%20bu").await;
    assert_eq!(s["suggestions"][0]["id"], LOST_BULLET);
    let s = get_json(&f.state, "/api/suggest?q=shaw").await;
    assert_eq!(s["suggestions"][0]["id"], "work:the-shawshank-redemption");
    let empty = get_json(&f.state, "/api/suggest?q=").await;
    assert_eq!(empty["suggestions"].as_array().unwrap().len(), 0);
}

#[tokio::test]
async fn a_citation_shows_its_section() {
    let f = fixture(&[]);
    let film = get_json(&f.state, &format!("/api/films/{LOST_BULLET}")).await;
    let location = film["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["key"] == "locations")
        .unwrap()["facts"][0]["citation"]
        .clone();
    let uri = format!(
        "/api/citation?article=Lost%20Bullet%20(2020%20film)&start={}&end={}",
        location["start"], location["end"]
    );
    let section = get_json(&f.state, &uri).await;
    assert_eq!(section["section"], "Production");
    let text = section["text"].as_str().unwrap();
    let [s, e] = [0, 1].map(|i| section["highlight"][i].as_u64().unwrap() as usize);
    assert_eq!(&text[s..e], location["sentence"].as_str().unwrap());
    assert!(text.contains("Pierret"));
}

#[tokio::test]
async fn ids_are_stable_across_reingest() {
    let f = fixture(&[]);
    let before = get_json(&f.state, "/api/search?q=lost+bullet&limit=50").await;
    let g = fixture(&[]);
    let after = get_json(&g.state, "/api/search?q=lost+bullet&limit=50").await;
    let (mut a, mut b) = (ids(&before), ids(&after));
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

#[tokio::test]
async fn the_openapi_document_lists_routes_that_answer() {
    let f = fixture(&[]);
    let doc = get_json(&f.state, "/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 8);
    for path in paths.keys() {
        let uri = path.replace(
            "{id}",
            match path.as_str() {
                "/api/people/{id}" => "person:alban-lenoir",
                "/api/franchises/{id}" => "work:lost-bullet",
                _ => LOST_BULLET,
            },
        );
        let uri = if uri == "/api/citation" {
            "/api/citation?article=Inception&start=0&end=1".to_string()
        } else {
            uri
        };
        let reply = get(&f.state, &uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
    }
    let docs = get(&f.state, "/docs").await;
    assert_eq!(docs.status, StatusCode::OK);
    for path in paths.keys() {
        assert!(docs.body.contains(path.as_str()), "/docs lacks {path}");
    }
}

#[tokio::test]
async fn a_film_lists_the_titles_that_redirect_to_it() {
    use filmgraph_store::Store;
    let f = fixture(&[]);
    let film = get_json(&f.state, &format!("/api/films/{LOST_BULLET}")).await;
    assert_eq!(film["redirects"], serde_json::json!([]));
    let mut store = filmgraph_store::SqliteStore::open(&f.db).unwrap();
    let redirect = (
        "Balle perdue (film)".to_string(),
        film["title"].as_str().unwrap().to_string(),
    );
    store.put_redirects(&[redirect]).unwrap();
    let film = get_json(&f.state, &format!("/api/films/{LOST_BULLET}")).await;
    assert_eq!(
        film["redirects"],
        serde_json::json!(["Balle perdue (film)"])
    );
    let page = get(&f.state, &format!("/films/{LOST_BULLET}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Also titled: Balle perdue (film)"),
        "{}",
        page.body
    );
}
