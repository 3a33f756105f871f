//! One fact per statement: the same (subject, predicate, object) read twice —
//! from the infobox and the lead, or "in 2022" and "in November 2022" — becomes
//! one fact that keeps every qualifier and cites the most informative source.

use filmgraph_model::Fact;
use std::collections::HashMap;

fn key_text(s: &str) -> String {
    let single_spaced = !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ")
        && !s.contains(|c: char| c.is_whitespace() && c != ' ');
    if single_spaced {
        return s.to_lowercase();
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.len(), 4 | 7 | 10)
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Merges duplicate facts, keeping first-seen order.
pub fn merge(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    let mut index: HashMap<(String, &'static str, String), usize> = HashMap::new();
    for fact in facts {
        let key = (
            key_text(&fact.subject),
            fact.predicate.as_str(),
            key_text(&fact.object),
        );
        let existing = index.get(&key).copied().or_else(|| {
            // "2022" and "2022-11" are the same release, read less or more precisely.
            if !(fact.predicate.is_date() && is_iso_date(&fact.object)) {
                return None;
            }
            out.iter().position(|f| {
                f.predicate == fact.predicate
                    && key_text(&f.subject) == key.0
                    && is_iso_date(&f.object)
                    && (f.object.starts_with(&fact.object) || fact.object.starts_with(&f.object))
            })
        });
        match existing {
            Some(i) => {
                let kept = &mut out[i];
                let more_precise =
                    fact.object.len() > kept.object.len() && fact.predicate.is_date();
                if more_precise || fact.qualifiers.len() > kept.qualifiers.len() {
                    // The newcomer says more: it leads, the old one fills gaps.
                    let mut merged = fact.clone();
                    if !more_precise && kept.object.len() > fact.object.len() {
                        merged.object = kept.object.clone();
                        merged.source = kept.source.clone();
                    }
                    for (k, v) in &kept.qualifiers {
                        merged
                            .qualifiers
                            .entry(k.clone())
                            .or_insert_with(|| v.clone());
                    }
                    *kept = merged;
                } else {
                    let Fact {
                        qualifiers, source, ..
                    } = fact;
                    for (k, v) in qualifiers {
                        match kept.qualifiers.get_mut(&k) {
                            // "Alexandrine" read first, "Alexandrine Zola" later:
                            // the fuller reading of the same value wins, and
                            // the fact cites where it was read.
                            Some(old)
                                if v.len() > old.len() && v.starts_with(&format!("{old} ")) =>
                            {
                                *old = v;
                                kept.source = source.clone();
                            }
                            Some(_) => {}
                            None => {
                                kept.qualifiers.insert(k, v);
                            }
                        }
                    }
                }
                let new_key = (
                    key_text(&out[i].subject),
                    out[i].predicate.as_str(),
                    key_text(&out[i].object),
                );
                index.insert(new_key, i);
                index.insert(key, i);
            }
            None => {
                index.insert(key, out.len());
                out.push(fact);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use filmgraph_model::{Predicate, Provenance};

    fn fact(p: Predicate, o: &str, q: &[(&str, &str)], start: usize) -> Fact {
        Fact {
            subject: "F".into(),
            predicate: p,
            object: o.into(),
            qualifiers: q
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            source: Provenance {
                article: "F".into(),
                section: "s".into(),
                start,
                end: start + 1,
                refs: vec![],
            },
        }
    }

    #[test]
    fn duplicates_merge_their_qualifiers() {
        let facts = vec![
            fact(Predicate::CastMember, "A B", &[], 0),
            fact(Predicate::CastMember, "A B", &[("character", "C")], 10),
        ];
        let merged = merge(facts);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].qualifier("character"), Some("C"));
        assert_eq!(
            merged[0].source.start, 10,
            "cites where the character was read"
        );
    }

    #[test]
    fn a_fuller_reading_of_a_qualifier_wins_with_its_citation() {
        let facts = vec![
            fact(
                Predicate::CastMember,
                "A B",
                &[("character", "Alexandrine")],
                0,
            ),
            fact(
                Predicate::CastMember,
                "A B",
                &[("character", "Alexandrine Zola")],
                10,
            ),
            fact(Predicate::CastMember, "A B", &[("character", "Alex")], 20),
        ];
        let merged = merge(facts);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].qualifier("character"), Some("Alexandrine Zola"));
        assert_eq!(merged[0].source.start, 10);
    }

    #[test]
    fn dates_merge_to_the_most_precise() {
        let facts = vec![
            fact(Predicate::ReleaseDate, "2022", &[], 0),
            fact(
                Predicate::ReleaseDate,
                "2022-11",
                &[("platform", "Netflix")],
                5,
            ),
            fact(Predicate::ReleaseDate, "2025", &[], 9),
        ];
        let merged = merge(facts);
        let objects: Vec<_> = merged.iter().map(|f| f.object.as_str()).collect();
        assert_eq!(objects, ["2022-11", "2025"]);
        assert_eq!(merged[0].source.start, 5);
    }

    #[test]
    fn a_less_precise_date_keeps_the_precise_one() {
        let facts = vec![
            fact(Predicate::ReleaseDate, "2020-06-19", &[], 0),
            fact(
                Predicate::ReleaseDate,
                "2020",
                &[("region", "worldwide"), ("platform", "N")],
                5,
            ),
        ];
        let merged = merge(facts);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].object, "2020-06-19");
        assert_eq!(merged[0].source.start, 0);
        assert_eq!(merged[0].qualifier("region"), Some("worldwide"));
    }
}
