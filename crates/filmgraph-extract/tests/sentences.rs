//! Extraction rules as data: each line of `tests/fixtures/sentences/*.jsonl`
//! is a small article (a title, an optional infobox, one section of text) with
//! the facts it must yield (`expect`), the predicates whose facts must be
//! exactly those expected (`only`), and the predicates it must not yield at
//! all (`none`).

use filmgraph_model::Fact;
use serde_json::Value;
use std::path::Path;

fn article_text(case: &Value) -> String {
    let title = case["title"].as_str().expect("title");
    let mut text = format!("= {title} =\n\n");
    if let Some(infobox) = case["infobox"].as_str() {
        text.push_str(infobox);
        text.push_str("\n\n");
    }
    let section = case["section"].as_str().unwrap_or("lead");
    if section != "lead" {
        text.push_str(&format!("=={section}==\n"));
    }
    text.push_str(case["text"].as_str().expect("text"));
    text.push('\n');
    text
}

fn matches(fact: &Fact, want: &Value, title: &str) -> bool {
    let subject = want["subject"].as_str().unwrap_or(title);
    let qualifiers_agree = want["qualifiers"]
        .as_object()
        .is_none_or(|q| q.iter().all(|(k, v)| fact.qualifier(k) == v.as_str()));
    fact.subject == subject
        && fact.predicate.as_str() == want["predicate"].as_str().expect("predicate")
        && fact.object == want["object"].as_str().expect("object")
        && qualifiers_agree
}

fn check_case(file: &str, case: &Value) -> Vec<String> {
    let name = format!("{file}: {}", case["case"].as_str().unwrap_or("?"));
    let title = case["title"].as_str().expect("title");
    let text = article_text(case);
    let article = filmgraph_parse::parse(&text, filmgraph_parse::Format::PlainText);
    let facts = filmgraph_extract::extract(&article);
    let show = || {
        facts
            .iter()
            .map(|f| {
                format!(
                    "  {} | {} | {} | {:?}",
                    f.subject, f.predicate, f.object, f.qualifiers
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut errors = Vec::new();
    let expected = case["expect"].as_array().cloned().unwrap_or_default();
    for want in &expected {
        if !facts.iter().any(|f| matches(f, want, title)) {
            errors.push(format!("{name}: missing {want}\n got:\n{}", show()));
        }
    }
    let only: Vec<&str> = case["only"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for fact in facts
        .iter()
        .filter(|f| only.contains(&f.predicate.as_str()))
    {
        if !expected.iter().any(|want| matches(fact, want, title)) {
            errors.push(format!(
                "{name}: unexpected {} | {} | {}",
                fact.subject, fact.predicate, fact.object
            ));
        }
    }
    for none in case["none"].as_array().into_iter().flatten() {
        let none = none.as_str().expect("predicate name");
        if let Some(f) = facts.iter().find(|f| f.predicate.as_str() == none) {
            errors.push(format!("{name}: must not yield {none}, got {}", f.object));
        }
    }
    // Every fact cites bytes of the input.
    for f in &facts {
        assert!(
            f.source.end <= text.len() && f.source.start <= f.source.end,
            "{name}: bad span"
        );
    }
    errors
}

#[test]
fn every_sentence_fixture_yields_its_facts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sentences");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixture directory")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let mut cases = 0;
    let mut errors = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        for line in std::fs::read_to_string(&path).expect("fixture").lines() {
            if line.trim().is_empty() {
                continue;
            }
            let case: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{file}: not JSON: {e}: {line}"));
            errors.extend(check_case(&file, &case));
            cases += 1;
        }
    }
    assert!(cases >= 40, "only {cases} fixture cases found");
    assert!(
        errors.is_empty(),
        "{} failures:\n{}",
        errors.len(),
        errors.join("\n")
    );
}
