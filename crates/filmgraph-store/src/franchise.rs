//! Franchises: a series and its works, or a chain of sequels, in release order.
//! Built on the [`Store`] trait alone, so every backend shares it.

use crate::{
    entity_id, EntityKind, FactQuery, FranchiseView, FranchiseWork, Result, Store, StoredFact,
};
use filmgraph_model::Predicate;
use std::collections::{BTreeSet, VecDeque};

/// How many works a franchise may gather: a bound on following bad links.
const MAX_WORKS: usize = 200;

pub(crate) fn franchise<S: Store + ?Sized>(store: &S, id: &str) -> Result<Option<FranchiseView>> {
    let Some(entity) = store.entity(id)? else {
        return Ok(None);
    };
    if entity.kind == EntityKind::Person {
        return Ok(None);
    }
    let members = store.facts(&FactQuery {
        object_id: Some(id.to_string()),
        predicate: Some(Predicate::PartOfSeries),
        ..Default::default()
    })?;
    let is_series = members.total > 0;
    let mut queue: VecDeque<String> = if is_series {
        members
            .facts
            .iter()
            .map(|f| entity_id(EntityKind::Work, &f.fact.subject))
            .collect()
    } else {
        VecDeque::from([id.to_string()])
    };

    // Breadth first along follows / followed_by, both ways.
    let mut seen: Vec<String> = Vec::new();
    let mut seen_set = BTreeSet::new();
    while let Some(work) = queue.pop_front() {
        if seen.len() >= MAX_WORKS || !seen_set.insert(work.clone()) {
            continue;
        }
        seen.push(work.clone());
        for predicate in [Predicate::Follows, Predicate::FollowedBy] {
            let out = store.facts(&FactQuery {
                subject_id: Some(work.clone()),
                predicate: Some(predicate),
                ..Default::default()
            })?;
            let into = store.facts(&FactQuery {
                object_id: Some(work.clone()),
                predicate: Some(predicate),
                ..Default::default()
            })?;
            queue.extend(
                out.facts
                    .iter()
                    .map(|f| entity_id(EntityKind::Work, f.fact.object_identity())),
            );
            queue.extend(
                into.facts
                    .iter()
                    .map(|f| entity_id(EntityKind::Work, &f.fact.subject)),
            );
        }
    }
    if !is_series && seen.len() < 2 {
        return Ok(None);
    }

    let mut works = Vec::new();
    for (chain_order, work) in seen.iter().enumerate() {
        let Some(work_entity) = store.entity(work)? else {
            continue;
        };
        let about = store.facts(&FactQuery {
            subject_id: Some(work.clone()),
            ..Default::default()
        })?;
        let naming = store.facts(&FactQuery {
            object_id: Some(work.clone()),
            ..Default::default()
        })?;
        let year = year_of(&about.facts, &naming.facts);
        let facts = about
            .facts
            .into_iter()
            .filter(|f| {
                matches!(
                    f.fact.predicate,
                    Predicate::PartOfSeries
                        | Predicate::Follows
                        | Predicate::FollowedBy
                        | Predicate::Year
                )
            })
            .collect();
        works.push((
            chain_order,
            FranchiseWork {
                entity: work_entity,
                year,
                facts,
            },
        ));
    }
    works.sort_by_key(|(order, w)| (w.year.is_none(), w.year, *order));
    Ok(Some(FranchiseView {
        entity,
        works: works.into_iter().map(|(_, w)| w).collect(),
    }))
}

/// A work's year: its own `year` fact, else a release date, else the `year`
/// another article gives it when naming it as a sequel.
fn year_of(about: &[StoredFact], naming: &[StoredFact]) -> Option<i32> {
    let leading_year = |s: &str| s.get(..4).and_then(|y| y.parse::<i32>().ok());
    about
        .iter()
        .filter(|f| f.fact.predicate == Predicate::Year)
        .chain(
            about
                .iter()
                .filter(|f| f.fact.predicate == Predicate::ReleaseDate),
        )
        .find_map(|f| leading_year(&f.fact.object))
        .or_else(|| {
            naming
                .iter()
                .filter(|f| matches!(f.fact.predicate, Predicate::Follows | Predicate::FollowedBy))
                .find_map(|f| f.fact.qualifier("year").and_then(leading_year))
        })
}
