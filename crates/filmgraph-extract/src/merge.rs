//! One fact per statement: the same (subject, predicate, object) read twice —
//! from the infobox and the lead, or "in 2022" and "in November 2022" — becomes
//! one fact that keeps every qualifier and cites the most informative source.
//! An object is compared by name and by identity (the page it links to, where
//! that page's title differs): one company written two ways but linked to one
//! page is one fact, and so is one name linked to two pages in one article
//! for one role (articles link a person under redirect titles: `[[Gautami]]`
//! here, `[[Gouthami Tadimalla|Gouthami]]` there); the first page read stays.

use filmgraph_model::{Fact, PAGE};
use rustc_hash::FxHashMap;
use std::rc::Rc;

fn key_text(s: &str) -> String {
    // One pass: words of no white space but one space between them.
    let mut after_space = true;
    let single_spaced = !s.ends_with(' ')
        && s.chars().all(|c| {
            let ok = if c == ' ' {
                !after_space
            } else {
                !c.is_whitespace()
            };
            after_space = c == ' ';
            ok
        });
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

/// Subject, predicate and object (a name or an identity), compared as
/// [`key_text`] makes them.
type Key = (Rc<str>, &'static str, String);

/// The keys a fact is found by: its object's name, and its identity where
/// that is a page of another title.
fn keys(fact: &Fact, subjects: &mut SubjectKeys) -> (Key, Option<Key>) {
    let subject = subjects.key(&fact.subject);
    let predicate = fact.predicate.as_str();
    let page = fact
        .qualifier(PAGE)
        .map(|page| (subject.clone(), predicate, key_text(page)));
    ((subject, predicate, key_text(&fact.object)), page)
}

/// Subjects' keys, shared: most facts of an article have the same subject.
#[derive(Default)]
struct SubjectKeys {
    last: Option<(String, Rc<str>)>,
}

impl SubjectKeys {
    fn key(&mut self, subject: &str) -> Rc<str> {
        match &self.last {
            Some((raw, key)) if raw == subject => key.clone(),
            _ => {
                let key: Rc<str> = key_text(subject).into();
                self.last = Some((subject.to_string(), key.clone()));
                key
            }
        }
    }
}

/// Whether two dates, one read more precisely than the other, can be one
/// event: when either says nothing more, or all the less precise one says
/// the other says too. "2022 (at the Tribeca Film Festival)" and
/// "2022-06-29 (on Netflix)" are a premiere and a release.
fn one_event(a: &Fact, b: &Fact) -> bool {
    let (less, more) = if a.object.len() <= b.object.len() {
        (a, b)
    } else {
        (b, a)
    };
    let said = |f: &Fact| f.qualifiers.keys().any(|k| k != PAGE);
    !said(less)
        || !said(more)
        || less
            .qualifiers
            .iter()
            .all(|(k, v)| k == PAGE || more.qualifiers.get(k) == Some(v))
}

/// Merges duplicate facts, keeping first-seen order.
pub fn merge(facts: Vec<Fact>) -> Vec<Fact> {
    let mut out: Vec<Fact> = Vec::with_capacity(facts.len());
    // Fx hashing (cheap): the keys come from one article, and a page made
    // to collide them meets the per-page time budget, as any slow page does.
    let mut index: FxHashMap<Key, usize> =
        FxHashMap::with_capacity_and_hasher(facts.len(), Default::default());
    let mut subjects = SubjectKeys::default();
    for fact in facts {
        let (key, page_key) = keys(&fact, &mut subjects);
        let existing = std::iter::once(&key)
            .chain(&page_key)
            .find_map(|k| index.get(k).copied())
            .or_else(|| {
                // "2022" and "2022-11" are the same release, read less or more precisely.
                if !(fact.predicate.is_date() && is_iso_date(&fact.object)) {
                    return None;
                }
                out.iter().position(|f| {
                    f.predicate == fact.predicate
                        && key_text(&f.subject) == *key.0
                        && is_iso_date(&f.object)
                        && (f.object.starts_with(&fact.object)
                            || fact.object.starts_with(&f.object))
                        && one_event(f, &fact)
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
                    if let Some(page) = kept.qualifiers.get(PAGE) {
                        // The first page read stays.
                        merged.qualifiers.insert(PAGE.into(), page.clone());
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
                let kept = &mut out[i];
                if kept
                    .qualifier(PAGE)
                    .is_some_and(|page| key_text(page) == key_text(&kept.object))
                {
                    // The name kept is the page's own title.
                    kept.qualifiers.remove(PAGE);
                }
                let (kept_key, kept_page_key) = self::keys(kept, &mut subjects);
                for key in [Some(key), page_key, Some(kept_key), kept_page_key]
                    .into_iter()
                    .flatten()
                {
                    index.insert(key, i);
                }
            }
            None => {
                for key in [Some(key), page_key].into_iter().flatten() {
                    index.insert(key, out.len());
                }
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

    #[test]
    fn a_premiere_and_a_release_in_one_year_stay_two() {
        let facts = vec![
            fact(
                Predicate::ReleaseDate,
                "2022",
                &[("venue", "2022 Tribeca Film Festival")],
                0,
            ),
            fact(
                Predicate::ReleaseDate,
                "2022-06-29",
                &[("platform", "Netflix")],
                5,
            ),
        ];
        let merged = merge(facts);
        let objects: Vec<_> = merged.iter().map(|f| f.object.as_str()).collect();
        assert_eq!(objects, ["2022", "2022-06-29"]);
        assert_eq!(merged[1].qualifier("venue"), None);
    }
}
