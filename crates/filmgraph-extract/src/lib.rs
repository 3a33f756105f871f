//! Reads facts with provenance out of a parsed [`Article`]. Pure: no I/O, no
//! model downloads; rules over sentence structure and the infobox.
//!
//! [`extract`] runs the rules in two passes over the article's sentences: the
//! first learns the film's definition and its people (infobox, lead credits,
//! cast), the second reads everything that refers back to them (releases,
//! sequels, production, reception). [`merge`] then folds duplicates.
//!
//! Every fact cites the sentence (or infobox line) it was read from; see
//! [`context::Context::sentence_fact`].

mod awards;
mod cast;
mod context;
mod credits;
mod currency;
mod infobox;
mod lead;
mod lexicon;
mod merge;
mod money;
mod names;
mod pattern;
mod production;
mod quantities;
mod reception;
mod release;
mod sentences;
mod sequels;

use context::{quals, Context, Sentence};
use filmgraph_model::{Article, CastSections, Fact, Predicate, Provenance, LEAD};

/// Sentences longer than this are not read (a paragraph of 100 MB is not prose).
const MAX_SENTENCE: usize = 4_000;
/// Paragraphs longer than this are not read.
const MAX_PARAGRAPH: usize = 200_000;

/// Every fact the article states, each with its provenance.
pub fn extract(article: &Article) -> Vec<Fact> {
    if article.title.is_empty() {
        return Vec::new();
    }
    let mut ctx = Context::new(article);
    title(&mut ctx);
    infobox::extract(&mut ctx);
    let headings: Vec<String> = article
        .sections
        .iter()
        .map(|s| s.heading.to_lowercase())
        .collect();
    let sentences = sentences_of(article, &headings);
    let kinds = section_kinds(&sentences);

    let mut defined = false;
    for (s, kinds) in sentences.iter().zip(&kinds) {
        if s.section == LEAD {
            if !defined {
                defined = lead::extract_definition(&mut ctx, s);
            }
            credits::extract(&mut ctx, s);
            credits::extract_who_also(&mut ctx, s);
            credits::extract_names_served(&mut ctx, s);
            credits::extract_names_did(&mut ctx, s);
            credits::extract_role_is(&mut ctx, s);
            credits::extract_film_by_director(&mut ctx, s);
            credits::extract_with_as_role(&mut ctx, s);
            credits::extract_own_role(&mut ctx, s);
        }
        if s.in_cast {
            cast::extract_cast_line(&mut ctx, s);
        } else if kinds.story {
            cast::extract_parenthesised(&mut ctx, s);
        }
    }
    if !defined && !article.infobox.is_empty() && looks_like_film_infobox(article) {
        instance_from_infobox(&mut ctx);
    }

    for (s, kinds) in sentences.iter().zip(&kinds) {
        if kinds.plot || s.in_cast {
            continue;
        }
        if kinds.release {
            release::extract_release(&mut ctx, s);
            release::extract_audience(&mut ctx, s);
            release::extract_distributor(&mut ctx, s);
        }
        sequels::extract(&mut ctx, s);
        money::extract(&mut ctx, s);
        if kinds.awards {
            awards::extract(&mut ctx, s);
        }
        production::extract_locations(&mut ctx, s);
        production::extract_influences(&mut ctx, s);
        production::extract_coproduction(&mut ctx, s);
        production::extract_debut(&mut ctx, s);
        if kinds.reception {
            reception::extract_review(&mut ctx, s);
            reception::extract_scores(&mut ctx, s);
        }
    }
    let mut facts = merge::merge(ctx.into_facts());
    first_release_year(&mut facts, &article.title);
    facts
}

/// Without a year in the defining sentence, the year of first release is the
/// year of the earliest release date read for the film.
fn first_release_year(facts: &mut Vec<Fact>, film: &str) {
    let ours = |f: &&Fact| f.subject == film;
    if facts
        .iter()
        .filter(ours)
        .any(|f| f.predicate == Predicate::Year)
    {
        return;
    }
    let earliest = facts
        .iter()
        .filter(ours)
        .filter(|f| {
            f.predicate == Predicate::ReleaseDate
                && f.object
                    .get(..4)
                    .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        })
        .min_by(|a, b| a.object.cmp(&b.object));
    if let Some(release) = earliest {
        let year = Fact {
            predicate: Predicate::Year,
            object: release.object[..4].to_string(),
            qualifiers: Default::default(),
            ..release.clone()
        };
        facts.push(year);
    }
}

/// The `title` fact: the display title, else the title without disambiguation.
fn title(ctx: &mut Context<'_>) {
    let article = ctx.article;
    let (shown, span, section) = match &article.display_title {
        Some((t, span)) => (t.clone(), *span, "infobox"),
        None => (ctx.shown.clone(), article.title_span, LEAD),
    };
    ctx.push(Fact {
        subject: ctx.film.clone(),
        predicate: Predicate::Title,
        object: shown,
        qualifiers: quals([]),
        source: Provenance {
            article: article.title.clone(),
            section: section.into(),
            start: span.start,
            end: span.end,
            refs: Vec::new(),
        },
    });
}

fn looks_like_film_infobox(article: &Article) -> bool {
    article.infobox.iter().any(|f| {
        let k = f.key.to_lowercase();
        k.starts_with("direct") || k == "starring" || k.starts_with("running") || k == "runtime"
    })
}

/// A film infobox with no defining sentence still says it is a film.
fn instance_from_infobox(ctx: &mut Context<'_>) {
    let article = ctx.article;
    if let Some(field) = article.infobox.first() {
        let film = ctx.film.clone();
        ctx.push(Fact {
            subject: film,
            predicate: Predicate::InstanceOf,
            object: "film".into(),
            qualifiers: quals([]),
            source: Provenance {
                article: article.title.clone(),
                section: "infobox".into(),
                start: field.span.start,
                end: field.span.end,
                refs: Vec::new(),
            },
        });
    }
}

/// What a section's heading says about the sentences under it: which rules
/// read them.
#[derive(Debug, Clone, Copy)]
struct SectionKinds {
    story: bool,
    plot: bool,
    release: bool,
    reception: bool,
    awards: bool,
}

impl SectionKinds {
    fn of(s: &Sentence<'_>) -> SectionKinds {
        SectionKinds {
            story: cast::is_story_section(s),
            plot: s.in_section(&["plot", "synopsis"]),
            release: release::is_release_section(s),
            reception: reception::is_reception_section(s),
            awards: awards::is_awards_section(s),
        }
    }
}

/// The kinds of each sentence's section. They depend on the heading alone and
/// sentences come section by section: worked out once per section.
fn section_kinds(sentences: &[Sentence<'_>]) -> Vec<SectionKinds> {
    let mut last: Option<((&str, &str), SectionKinds)> = None;
    sentences
        .iter()
        .map(|s| match last {
            Some((heading, kinds)) if heading == (s.section, s.section_lower) => kinds,
            _ => {
                let kinds = SectionKinds::of(s);
                last = Some(((s.section, s.section_lower), kinds));
                kinds
            }
        })
        .collect()
}

/// All readable sentences of the article, in order.
/// `headings` holds each section's heading in lower case.
fn sentences_of<'a>(article: &'a Article, headings: &'a [String]) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    let mut cast = CastSections::default();
    for (k, section) in article.sections.iter().enumerate() {
        let section_lower = headings[k].as_str();
        let in_cast = cast.next_is_cast(section.level, section_lower);
        let mut index = 0;
        for paragraph in &section.paragraphs {
            if paragraph.text.len() > MAX_PARAGRAPH {
                continue;
            }
            let shown = article.shown_title();
            for (start, end) in sentences::split_protecting(&paragraph.text, &[shown]) {
                if end - start > MAX_SENTENCE {
                    continue;
                }
                out.push(Sentence {
                    text: &paragraph.text[start..end],
                    section: &section.heading,
                    paragraph,
                    start,
                    end,
                    index,
                    in_cast,
                    section_lower,
                });
                index += 1;
            }
        }
    }
    out
}
