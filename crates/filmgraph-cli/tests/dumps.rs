//! Ingesting dumps again and again: unchanged pages are skipped, newer
//! revisions replace older ones, pages gone from the dump are kept (or
//! pruned), and a dump that breaks off keeps what came before the break.

mod common;

use common::{filmgraph, fixture, text};
use filmgraph_store::{SqliteStore, Store};
use std::io::Write;
use std::path::Path;
use std::process::Output;

fn ingest(db: &Path, args: &[&str], files: &[&Path]) -> Output {
    filmgraph()
        .args(["ingest", "--quiet", "--db"])
        .arg(db)
        .args(args)
        .args(files)
        .output()
        .unwrap()
}

fn titles(db: &Path) -> Vec<String> {
    let store = SqliteStore::open(db).unwrap();
    store
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect()
}

fn director(db: &Path, film: &str) -> String {
    let store = SqliteStore::open(db).unwrap();
    let view = store.film(film).unwrap().unwrap();
    view.facts
        .iter()
        .find(|f| f.fact.predicate.as_str() == "director")
        .map(|f| f.fact.object.clone())
        .unwrap()
}

/// bzip2 of `xml`, with small blocks so that a cut leaves whole blocks before it.
fn bzip2(xml: &[u8]) -> Vec<u8> {
    let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::new(1));
    encoder.write_all(xml).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn ingesting_the_same_dump_again_skips_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let dump = dir.path().join("dump.xml.bz2");
    std::fs::write(
        &dump,
        bzip2(&std::fs::read(fixture("dump_v1.xml")).unwrap()),
    )
    .unwrap();

    let first = ingest(&db, &[], &[&dump]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stdout).starts_with("ingested 3 articles: 3 films, "),
        "{}",
        text(&first.stdout)
    );
    let counts = SqliteStore::open(&db).unwrap().counts().unwrap();

    let second = ingest(&db, &[], &[&dump]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert_eq!(
        text(&second.stdout),
        "ingested 0 articles: 0 films, 0 people, 0 facts; 0 failed\n\
         3 pages unchanged since the last ingest; 0 articles removed; 1 redirects stored\n"
    );
    assert_eq!(SqliteStore::open(&db).unwrap().counts().unwrap(), counts);

    // --force parses and stores them all again, to the same graph.
    let forced = ingest(&db, &["--force"], &[&dump]);
    assert!(text(&forced.stdout).starts_with("ingested 3 articles: 3 films, "));
    assert_eq!(SqliteStore::open(&db).unwrap().counts().unwrap(), counts);
}

#[test]
fn a_newer_revision_replaces_the_stored_one_and_missing_pages_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let out = ingest(&db, &[], &[&fixture("dump_v1.xml")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(director(&db, "Day Bus (2001 film)"), "Eve Eff");

    // v2: Night Train unchanged, Day Bus at a newer revision, Red Kite gone,
    // Blue Moon new.
    let out = ingest(&db, &[], &[&fixture("dump_v2.xml")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("ingested 2 articles: 2 films, "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "1 pages unchanged since the last ingest; 0 articles removed; 1 redirects stored; \
             1 stored articles are no longer in the dumps and were kept (--prune removes them)\n"
        ),
        "{stdout}"
    );
    assert_eq!(director(&db, "Day Bus (2001 film)"), "Ida Jay");
    // The old director is no longer named by anything.
    let store = SqliteStore::open(&db).unwrap();
    assert!(store.person("Eve Eff").unwrap().is_none());
    let revision = store
        .stored_revision("Day Bus (2001 film)")
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            revision.site.as_str(),
            revision.page_id,
            revision.revision_id
        ),
        ("testwiki", 3, 31)
    );
    drop(store);
    assert_eq!(
        titles(&db),
        [
            "Blue Moon (2010 film)",
            "Day Bus (2001 film)",
            "Night Train (1999 film)",
            "Red Kite (2005 film)"
        ]
    );

    // An older dump changes nothing.
    let out = ingest(&db, &[], &[&fixture("dump_v1.xml")]);
    assert!(
        text(&out.stdout).contains("(1 stored at a newer revision)"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(director(&db, "Day Bus (2001 film)"), "Ida Jay");

    // --prune removes what the dump no longer holds.
    let out = ingest(&db, &["--prune"], &[&fixture("dump_v2.xml")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("; 1 articles removed; 1 redirects stored\n"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(
        titles(&db),
        [
            "Blue Moon (2010 film)",
            "Day Bus (2001 film)",
            "Night Train (1999 film)"
        ]
    );
}

#[test]
fn a_film_page_that_became_a_redirect_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    ingest(&db, &[], &[&fixture("dump_v1.xml")]);
    let v1 = std::fs::read_to_string(fixture("dump_v1.xml")).unwrap();
    let start = v1.find("<title>Red Kite (2005 film)</title>").unwrap();
    let text_at = start + v1[start..].find("<text").unwrap();
    let end = text_at + v1[text_at..].find("</text>").unwrap();
    let redirected = format!(
        "{}<text xml:space=\"preserve\">#REDIRECT [[Red Kite]]{}",
        &v1[..text_at],
        &v1[end..]
    )
    .replace("<id>40</id>", "<id>41</id>");
    let dump = dir.path().join("redirected.xml");
    std::fs::write(&dump, redirected).unwrap();
    let out = ingest(&db, &[], &[&dump]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("; 1 articles removed; 1 redirects stored\n"),
        "{}",
        text(&out.stdout)
    );
    assert!(!titles(&db).contains(&"Red Kite (2005 film)".to_string()));
}

#[test]
fn redirects_are_titles_of_the_film_they_lead_to() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let v1 = std::fs::read_to_string(fixture("dump_v1.xml")).unwrap();
    let redirect =
        "  <page>\n    <title>Le Train de nuit</title>\n    <ns>0</ns>\n    <id>7</id>\n    \
        <redirect title=\"Night Train (1999 film)\" />\n    <revision>\n      <id>70</id>\n      \
        <timestamp>2020-01-01T00:00:00Z</timestamp>\n      \
        <text xml:space=\"preserve\">#REDIRECT [[Night Train (1999 film)]]</text>\n    \
        </revision>\n  </page>\n</mediawiki>";
    let dump = dir.path().join("redirects.xml");
    std::fs::write(&dump, v1.replace("</mediawiki>", redirect)).unwrap();
    let out = ingest(&db, &[], &[&dump]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).ends_with("; 2 redirects stored\n"),
        "{}",
        text(&out.stdout)
    );

    let show = filmgraph()
        .args(["show", "--db"])
        .arg(&db)
        .arg("le train de nuit")
        .output()
        .unwrap();
    assert!(show.status.success(), "{}", text(&show.stderr));
    let shown = text(&show.stdout);
    assert!(shown.starts_with("Night Train (1999 film)\n"), "{shown}");
    assert!(
        shown.contains("also titled (redirects): Le Train de nuit; Night Train\n"),
        "{shown}"
    );
}

/// A dump of `n` film pages.
fn big_dump(n: usize) -> String {
    let v1 = std::fs::read_to_string(fixture("dump_v1.xml")).unwrap();
    let page_start = v1.find("  <page>\n    <title>Day Bus").unwrap();
    let page_end = page_start + v1[page_start..].find("  </page>\n").unwrap() + 10;
    let page = &v1[page_start..page_end];
    let mut xml = v1[..v1.find("  <page>").unwrap()].to_string();
    for i in 0..n {
        xml += &page
            .replace("Day Bus (2001 film)", &format!("Day Bus {i} (2001 film)"))
            .replace("<id>3</id>", &format!("<id>{}</id>", 1000 + i));
    }
    xml + "</mediawiki>\n"
}

#[test]
fn a_truncated_bz2_keeps_the_pages_before_the_cut_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let whole = bzip2(big_dump(2_000).as_bytes());
    let dump = dir.path().join("cut.xml.bz2");
    std::fs::write(&dump, &whole[..whole.len() * 2 / 3]).unwrap();
    let out = ingest(&db, &[], &[&dump]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let errors: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    assert!(
        errors[0].starts_with(&format!("error: {}: ", dump.display()))
            && errors[0].contains(" byte "),
        "{stderr}"
    );
    let stored = titles(&db).len();
    assert!(stored > 500 && stored < 2_000, "{stored} stored");
    // Nothing is pruned after a dump that broke off.
    let out = ingest(&db, &["--prune"], &[&dump]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(titles(&db).len(), stored);
}

#[test]
fn malformed_xml_mid_dump_keeps_the_pages_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let xml = big_dump(20);
    let at = xml.find("Day Bus 12 (2001 film)").unwrap();
    let broken = format!("{}</oops>{}", &xml[..at], &xml[at..]);
    let dump = dir.path().join("broken.xml");
    std::fs::write(&dump, broken).unwrap();
    let out = ingest(&db, &[], &[&dump]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("malformed XML at byte "), "{stderr}");
    assert_eq!(titles(&db).len(), 12);
}

#[test]
fn a_page_over_the_size_budget_is_reported_and_the_others_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let v1 = std::fs::read_to_string(fixture("dump_v1.xml")).unwrap();
    let huge = format!("{{{{Infobox film|director={}}}}}", "[[x]]".repeat(4_000));
    let xml = v1.replacen(
        "A bird watcher sees more than birds.",
        &format!("A bird watcher sees more than birds. {huge}"),
        1,
    );
    let dump = dir.path().join("huge.xml");
    std::fs::write(&dump, &xml).unwrap();
    let out = ingest(&db, &["--max-page-bytes", "10000"], &[&dump]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let offset = xml.find("  <page>\n    <title>Red Kite").unwrap() + 2;
    assert!(
        stderr.contains(&format!(
            "error: {} [Red Kite (2005 film)] at byte {offset}: the page has 19.8 KiB of wikitext",
            dump.display()
        )) && stderr.contains("more than the 9.8 KiB a page may have (--max-page-bytes); skipped"),
        "{stderr}"
    );
    assert_eq!(
        titles(&db),
        ["Day Bus (2001 film)", "Night Train (1999 film)"]
    );
}

#[test]
fn facts_reads_a_dump_on_any_number_of_threads_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let dump = dir.path().join("many.xml");
    std::fs::write(&dump, big_dump(50)).unwrap();
    let facts = |jobs: &str| {
        let out = filmgraph()
            .args(["facts", "--quiet", "--jobs", jobs])
            .arg(&dump)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let one = facts("1");
    assert!(one.lines().count() > 100);
    assert_eq!(facts("3"), one);
}

#[test]
fn a_page_that_is_not_utf8_is_reported_and_the_next_pages_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let v1 = std::fs::read(fixture("dump_v1.xml")).unwrap();
    let at = v1.windows(8).position(|w| w == b"A driver").unwrap();
    let mut bytes = v1[..at].to_vec();
    bytes.extend(b"\xff\xfe ");
    bytes.extend(&v1[at..]);
    let dump = dir.path().join("latin1.xml");
    std::fs::write(&dump, bytes).unwrap();
    let out = ingest(&db, &[], &[&dump]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("page \"Day Bus (2001 film)\" at byte ")
            && stderr.contains("the text is not UTF-8 (an invalid byte at byte "),
        "{stderr}"
    );
    assert_eq!(
        titles(&db),
        ["Night Train (1999 film)", "Red Kite (2005 film)"]
    );
}

#[test]
fn a_page_nested_ten_thousand_deep_is_read_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let v1 = std::fs::read_to_string(fixture("dump_v1.xml")).unwrap();
    let deep = format!("{}x{}", "{{x|".repeat(10_000), "}}".repeat(10_000));
    let xml = v1.replacen(
        "A bird watcher sees more than birds.",
        &format!(
            "A bird watcher sees more than birds. {deep} [[[[[[{}",
            "[[".repeat(10_000)
        ),
        1,
    );
    let dump = dir.path().join("deep.xml");
    std::fs::write(&dump, xml).unwrap();
    let out = ingest(&db, &["--page-timeout", "20"], &[&dump]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(titles(&db).len(), 3);
}
