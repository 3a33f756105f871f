//! The web UI in process: pages render, link facts to citations, escape all
//! article text, and carry a strict Content-Security-Policy.

mod common;

use axum::http::StatusCode;
use common::{fixture, get, get_json, Reply, LOST_BULLET};
use filmgraph_server::CONTENT_SECURITY_POLICY;

/// An article written to break out of text and attributes.
const EVIL: &str = "= Evil <script>alert(1)</script> \"Film\" (2021 film) =\n\n\
Evil \"><img src=x onerror=alert(2)>\n\
- Director: Jane \"><img src=x onerror=alert(3)> Doe\n\
- Starring: Bob <b>Bold</b>, Ann 'Quote' O'Hara\n\
- Released: 2021-10-31\n\
- Country: France\n\n\
Evil <script>alert(4)</script> (French: Le \"Mal\" <svg onload=alert(5)>) is a 2021 French horror film directed by Jane Doe and starring Bob <b>Bold</b>.\n\n\
==Plot==\n\
Max (Bob <b>Bold</b>) opens a door marked \"</textarea><script>alert(6)</script>\". \
Lina ('Ann' O'Hara) follows him into a room of <iframe src=javascript:alert(7)>.\n";

/// Fails if the page holds markup the article smuggled in.
fn assert_escaped(uri: &str, reply: &Reply) {
    let body = reply.body.to_lowercase();
    for raw in [
        "<script>alert",
        "<img src=x",
        "<svg",
        "<iframe",
        "<b>bold",
        "\"><img",
        "onerror=alert(3)>",
    ] {
        assert!(!body.contains(raw), "{uri} contains {raw:?}");
    }
    // The only scripts are the static file; no inline script or style.
    assert_eq!(
        body.matches("<script").count(),
        body.matches("<script src=\"/static/app.js\"").count(),
        "{uri}"
    );
    assert!(!body.contains(" style="), "{uri} has an inline style");
    assert!(!body.contains("<style"), "{uri} has a style element");
}

#[tokio::test]
async fn article_text_is_escaped_everywhere() {
    let f = fixture(&[("evil.txt", EVIL)]);
    let search = get_json(&f.state, "/api/search?q=evil&limit=50").await;
    let mut uris = vec![
        "/?q=evil".to_string(),
        "/?q=bold".to_string(),
        "/?q=%3Cscript%3E".to_string(),
    ];
    for r in search["results"].as_array().unwrap() {
        uris.push(r["url"].as_str().unwrap().to_string());
    }
    let film_id = search["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["kind"] == "film")
        .expect("the evil film is found")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let film = get_json(&f.state, &format!("/api/films/{film_id}")).await;
    for group in film["groups"].as_array().unwrap() {
        for fact in group["facts"].as_array().unwrap() {
            let c = &fact["citation"];
            uris.push(format!(
                "/citation?article={}&start={}&end={}",
                urlencode(c["article"].as_str().unwrap()),
                c["start"],
                c["end"]
            ));
            if let Some(id) = fact["object_id"].as_str() {
                if id.starts_with("person:") {
                    uris.push(format!("/people/{id}"));
                }
            }
        }
    }
    assert!(uris.len() > 6, "{uris:?}");
    for uri in &uris {
        let reply = get(&f.state, uri).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}: {}", reply.body);
        assert_escaped(uri, &reply);
    }
    // An unknown id echoed back in the 404 page is escaped too.
    let uri = "/films/%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let reply = get(&f.state, uri).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_escaped(uri, &reply);
}

/// Undoes the escaping of `&` in attributes.
fn unescape(s: &str) -> String {
    s.replace("&#38;", "&").replace("&amp;", "&")
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn every_response_carries_the_content_security_policy() {
    let f = fixture(&[]);
    for uri in [
        "/",
        "/?q=lino",
        "/api/search?q=lino",
        "/api/films/work:nope",
        "/films/work:nope",
        "/nothing/here",
        "/static/app.js",
        "/static/app.css",
        "/openapi.json",
        "/docs",
        "/healthz",
    ] {
        let reply = get(&f.state, uri).await;
        let csp = reply
            .headers
            .get("content-security-policy")
            .unwrap_or_else(|| panic!("{uri}"));
        assert_eq!(csp, CONTENT_SECURITY_POLICY, "{uri}");
        assert!(CONTENT_SECURITY_POLICY.starts_with("default-src 'self'"));
        assert_eq!(reply.headers["x-content-type-options"], "nosniff");
    }
}

#[tokio::test]
async fn the_search_page_shows_results_facets_and_snippets() {
    let f = fixture(&[]);
    let reply = get(&f.state, "/?q=balle+perdue").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply
        .body
        .contains(&format!("href=\"/films/{LOST_BULLET}\"")));
    assert!(reply.body.contains("<mark>Balle</mark>"), "{}", reply.body);
    assert!(reply.body.contains("data-suggest"));
    let facets = get(&f.state, "/?kind=film").await;
    assert!(facets.body.contains("class=\"facets\""));
    assert!(
        unescape(&facets.body).contains("?kind=film&genre="),
        "facet links keep filters"
    );
    let bad = get(&f.state, "/?q=x&year_from=soon").await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("class=\"error\""));
}

#[tokio::test]
async fn the_film_page_links_every_fact_to_its_citation() {
    let f = fixture(&[]);
    let page = get(&f.state, &format!("/films/{LOST_BULLET}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    for text in [
        "Alban Lenoir",
        "Lino",
        "Sète",
        "Reception",
        "Credits",
        "href=\"/franchises/work:lost-bullet\"",
        "href=\"/people/person:alban-lenoir\"",
    ] {
        assert!(body.contains(text), "film page lacks {text}");
    }
    let film = get_json(&f.state, &format!("/api/films/{LOST_BULLET}")).await;
    let facts: usize = film["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["facts"].as_array().unwrap().len())
        .sum();
    let related = film["related"].as_array().unwrap().len();
    assert_eq!(
        body.matches("class=\"cite\" href=\"/citation?").count(),
        facts + related
    );

    let cite = body.split("class=\"cite\" href=\"").nth(1).unwrap();
    let href = unescape(cite.split('"').next().unwrap());
    let citation = get(&f.state, &href).await;
    assert_eq!(citation.status, StatusCode::OK, "{href}");
    assert!(citation.body.contains("<mark id=\"cited\">"));
}

#[tokio::test]
async fn person_and_franchise_pages_render() {
    let f = fixture(&[]);
    let person = get(&f.state, "/people/person:alban-lenoir").await;
    assert_eq!(person.status, StatusCode::OK);
    assert!(person.body.contains("Filmography"));
    assert!(person.body.contains("as Lino"));
    let pierret = get(&f.state, "/people/person:guillaume-pierret").await;
    assert!(pierret.body.contains("Debut feature"));
    let franchise = get(&f.state, "/franchises/work:lost-bullet").await;
    assert_eq!(franchise.status, StatusCode::OK);
    let body = &franchise.body;
    let (a, b, c) = (
        body.find("Lost Bullet (2020 film)").unwrap(),
        body.find("Lost Bullet 2<").unwrap(),
        body.find("Last Bullet<").unwrap(),
    );
    assert!(a < b && b < c, "works in order");
}
