//! Awards and nominations: "It won the Academy Award for Best Picture",
//! "was nominated for the Golden Globe Award for Best Actor", "received the
//! Palme d'Or at the 1994 Cannes Film Festival".

use crate::context::{quals, Context, Sentence};
use crate::quantities::find_dates;
use filmgraph_model::Predicate;
use regex::Regex;
use std::sync::LazyLock;

const AWARD: &str = r"(?:the )?(?P<award>(?:\d{4} )?(?:[A-Z][\w'’.-]*|de|d'|of|for)(?: (?:[A-Z][\w'’.-]*|de|d'|of|the))*? (?:Awards?|Prize|Oscars?|Globes?(?: Awards?)?|BAFTAs?(?: Awards?)?|Césars?(?: Awards?)?)|Palme d'Or|Golden Lion|Golden Bear)";

static WON: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?P<verb>won|wins|winning|received|receiving|earned|awarded|nominated for|earned a nomination for|received a nomination for|nominations? for) {AWARD}(?: for (?P<category>(?:Best|Outstanding|Most) [A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|in|a|an|of|the|for an?)(?-u:\b))*))?"
    ))
    .expect("award pattern")
});

/// Whether awards are read in the sentence's section: the lead, and
/// accolades, reception and release sections.
pub fn is_awards_section(s: &Sentence<'_>) -> bool {
    s.section == filmgraph_model::LEAD
        || s.in_section(&[
            "accolade",
            "award",
            "honor",
            "honour",
            "reception",
            "release",
        ])
}

/// Awards a sentence of an awards section ([`is_awards_section`]) states.
pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    if !ctx.names_film(text) && !s.in_section(&["accolade", "award"]) {
        return;
    }
    let film = ctx.film.clone();
    for c in WON.captures_iter(text) {
        let verb = c["verb"].to_lowercase();
        let result = if verb.contains("nominat") {
            "nominated"
        } else {
            "won"
        };
        let award = c["award"].trim();
        let award = award
            .split_once(' ')
            .filter(|(y, _)| crate::lexicon::is_year(y))
            .map_or(award, |(_, rest)| rest);
        let year = find_dates(&c[0]).first().map(|d| d.year().to_string());
        let category = c
            .name("category")
            .map(|m| m.as_str().trim_end_matches(['.', ',']));
        let q = quals([
            ("category", category),
            ("result", Some(result)),
            ("year", year.as_deref()),
        ]);
        ctx.sentence_fact(s, &film, Predicate::Award, award, q);
        if let Some(actor) = category
            .filter(|c| c.contains("Actor") || c.contains("Actress"))
            .and_then(|_| acting_recipient(text, c.get(0).map_or(0..0, |m| m.range())))
        {
            if actor != film {
                crate::credits::credit_cast(ctx, s, &film, actor, None);
            }
        }
    }
}

/// Who an acting award for the film went to, a cast member of it: named
/// after the category ("Best Actor for Pitt") or as the sentence's subject
/// ("Umashree won the National Award for Best Actress for her
/// performance"). `award` is the byte range of the award's words.
fn acting_recipient(text: &str, award: std::ops::Range<usize>) -> Option<&str> {
    let after = &text[award.end..];
    if let Some(name) = after
        .strip_prefix(" for ")
        .and_then(crate::names::leading_name)
    {
        return Some(name);
    }
    let before = text[..award.start].trim_end();
    let start = before.rfind(", ").map_or(0, |p| p + 2);
    let subject = before[start..].trim();
    crate::names::is_person_name(subject).then_some(subject)
}
