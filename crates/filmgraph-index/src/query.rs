//! Searching: a [`Query`] becomes a tantivy query that matches words in titles,
//! alternative titles, characters, people and summaries, forgives typos, ranks
//! exact titles first, filters by year and facets, and counts facets.

use crate::document::Kind;
use crate::facet_count::ValueCounts;
use crate::schema::{self, Fields};
use crate::{Error, Index, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Bound;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query as TantivyQuery, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, Score, Searcher, SegmentReader, TantivyDocument, Term};

/// The most results one page may hold.
pub const MAX_LIMIT: usize = 100;
/// How many values of each facet are counted.
const FACET_VALUES: usize = 20;
/// The longest snippet, in characters.
const SNIPPET_CHARS: usize = 180;

/// A search: words and filters. All filters must hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// Words to find; empty matches everything the filters let through.
    pub text: String,
    pub kind: Option<Kind>,
    pub year_from: Option<i64>,
    pub year_to: Option<i64>,
    pub genre: Option<String>,
    pub country: Option<String>,
    pub language: Option<String>,
    /// A person credited on the film.
    pub person: Option<String>,
    /// Results per page, at most [`MAX_LIMIT`].
    pub limit: usize,
    pub offset: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            kind: None,
            year_from: None,
            year_to: None,
            genre: None,
            country: None,
            language: None,
            person: None,
            limit: 20,
            offset: 0,
        }
    }
}

impl Query {
    /// A query for `text` with no filters.
    pub fn text(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            ..Default::default()
        }
    }
}

/// One page of results.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SearchResults {
    pub results: Vec<Hit>,
    /// How many documents match in all.
    pub total: u64,
    pub facets: Facets,
}

/// One result.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub kind: Kind,
    pub id: String,
    /// What the result leads to: a character's film, else `id`.
    pub target: String,
    pub title: String,
    pub year: Option<i64>,
    pub snippet: Snippet,
    pub score: f32,
}

/// A passage of a result with the query's words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The field it was taken from: `body`, `characters`, `people`, `alt_titles`.
    pub field: String,
    pub text: String,
    /// Byte ranges of `text` that match the query, in order.
    pub highlights: Vec<[usize; 2]>,
}

/// Counts of the matching documents by facet value, most frequent first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub genre: Vec<FacetCount>,
    pub country: Vec<FacetCount>,
    pub language: Vec<FacetCount>,
    pub decade: Vec<FacetCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value, folded (lower case, no accents), as filters take it.
    pub value: String,
    pub count: u64,
}

/// One completion of a prefix.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub kind: Kind,
    pub id: String,
    pub target: String,
    pub title: String,
    pub year: Option<i64>,
}

/// The typo distance a word of this many characters forgives.
fn fuzzy_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

fn boxed(q: impl TantivyQuery) -> Box<dyn TantivyQuery> {
    Box::new(q)
}

fn boost(q: Box<dyn TantivyQuery>, by: Score) -> Box<dyn TantivyQuery> {
    Box::new(BoostQuery::new(q, by))
}

fn term(field: Field, text: &str) -> Term {
    Term::from_field_text(field, text)
}

fn term_query(field: Field, text: &str) -> Box<dyn TantivyQuery> {
    boxed(TermQuery::new(
        term(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// The titles that begin with `prefix` (folded whole): a short prefix is a
/// term of `title_prefix`, a longer one the start of `title_exact`'s terms,
/// walked in the term dictionary.
pub(crate) fn title_prefix_query(f: &Fields, prefix: &str) -> Box<dyn TantivyQuery> {
    if prefix.chars().count() <= schema::SHORT_PREFIX {
        term_query(f.title_prefix, prefix)
    } else {
        boxed(FuzzyTermQuery::new_prefix(
            term(f.title_exact, prefix),
            0,
            false,
        ))
    }
}

impl Index {
    /// Runs a search: ranked hits with snippets, the total and facet counts.
    pub fn search(&self, query: &Query) -> Result<SearchResults> {
        if let (Some(from), Some(to)) = (query.year_from, query.year_to) {
            if from > to {
                return Err(Error::InvalidQuery(format!(
                    "year_from {from} is after year_to {to}"
                )));
            }
        }
        let f = self.fields;
        let words = schema::words(&query.text);
        let filters = filters(&f, query);
        let searcher = self.reader.searcher();
        let mut out = self.run(&searcher, &words, true, &filters, query)?;
        if out.0 == 0 && words.len() > 1 {
            // No document has every word: settle for documents with some.
            out = self.run(&searcher, &words, false, &filters, query)?;
        }
        let (total, top, facets) = out;
        let mut results = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            results.push(self.hit(&doc, &words, score));
        }
        Ok(SearchResults {
            results,
            total,
            facets,
        })
    }

    #[allow(clippy::type_complexity)]
    fn run(
        &self,
        searcher: &Searcher,
        words: &[String],
        all_words: bool,
        filters: &[Box<dyn TantivyQuery>],
        query: &Query,
    ) -> Result<(u64, Vec<(Score, DocAddress)>, Facets)> {
        let f = self.fields;
        // What must match: each word somewhere (or, failing that, any word),
        // and every filter. Counted and faceted without scores.
        let mut required: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        // What ranks the matches: where the words occur, exact titles first.
        let mut ranking: Vec<(Occur, Box<dyn TantivyQuery>)> = Vec::new();
        if words.is_empty() {
            required.push((Occur::Must, boxed(AllQuery)));
        } else {
            let occur = if all_words {
                Occur::Must
            } else {
                Occur::Should
            };
            let total = searcher.num_docs().max(1);
            let mut matching = Vec::new();
            for (i, w) in words.iter().enumerate() {
                let freq = searcher.doc_freq(&term(f.all, w)).unwrap_or(0);
                // A word most documents hold (`the`) narrows nothing: among
                // other words it only ranks.
                let common = words.len() > 1 && freq * 3 > total;
                if common {
                    continue;
                }
                let last = i + 1 == words.len();
                if words.len() == 1 && freq * 3 > total {
                    // Alone, a word most documents hold means a title.
                    let titles =
                        [f.title, f.alt_titles].map(|field| (Occur::Should, term_query(field, w)));
                    matching.push((occur, boxed(BooleanQuery::new(titles.into()))));
                } else {
                    matching.push((occur, word_query(&f, w, last, freq > 0)));
                }
                // The match in `all` scores every field alike; a title or a
                // name scores more. (Few clauses: each is visited for every
                // match.)
                for (field, by) in [(f.title, 3.0), (f.alt_titles, 2.5), (f.people, 1.0)] {
                    ranking.push((Occur::Should, boost(term_query(field, w), by)));
                }
            }
            if matching.is_empty() {
                matching = words
                    .iter()
                    .map(|w| (occur, term_query(f.all, w)))
                    .collect();
            }
            required.push((Occur::Must, boxed(BooleanQuery::new(matching))));
            // Constant scores: a title's length must not weigh here.
            let whole = schema::folded_whole(&query.text);
            ranking.push((
                Occur::Should,
                boxed(ConstScoreQuery::new(
                    term_query(f.title_exact, &whole),
                    20.0,
                )),
            ));
            if words.len() > 1 {
                for (field, by) in [(f.title, 6.0), (f.alt_titles, 5.0)] {
                    let terms = words.iter().map(|w| term(field, w)).collect();
                    let phrase = boxed(PhraseQuery::new(terms));
                    ranking.push((Occur::Should, boxed(ConstScoreQuery::new(phrase, by))));
                }
            }
        }
        for filter in filters {
            required.push((Occur::Must, filter.box_clone()));
        }
        // The ranking clauses only score: the matches of `q` are those of
        // `required`, so one pass ranks, counts and counts facets.
        let mut scored: Vec<(Occur, Box<dyn TantivyQuery>)> =
            vec![(Occur::Must, boxed(BooleanQuery::new(required)))];
        scored.extend(ranking);
        let q = BooleanQuery::new(scored);

        let limit = query.limit.clamp(1, MAX_LIMIT);
        let top = TopDocs::with_limit(limit)
            .and_offset(query.offset)
            .tweak_score(popularity);
        let (mut top, total, counts) = searcher.search(&q, &(top, Count, ValueCounts))?;
        if query.limit == 0 {
            top.clear();
        }
        let count = |dimension: &str| {
            let mut values: Vec<FacetCount> = counts
                .iter()
                .filter_map(|(key, &count)| {
                    let (d, value) = key.split_once('/')?;
                    (d == dimension).then(|| FacetCount {
                        value: value.to_string(),
                        count,
                    })
                })
                .collect();
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            values.truncate(FACET_VALUES);
            values
        };
        let facets = Facets {
            genre: count("genre"),
            country: count("country"),
            language: count("language"),
            decade: count("decade"),
        };
        Ok((total as u64, top, facets))
    }

    /// Titles (and names) that start with `prefix`, or whose words do, best
    /// first.
    pub fn suggest(&self, prefix: &str, limit: usize) -> Result<Vec<Suggestion>> {
        let f = self.fields;
        let whole = schema::folded_whole(prefix);
        let words = schema::words(prefix);
        if whole.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut should: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![
            (
                Occur::Should,
                boxed(ConstScoreQuery::new(
                    term_query(f.title_exact, &whole),
                    10.0,
                )),
            ),
            (
                Occur::Should,
                // Titles that begin with the prefix.
                boxed(ConstScoreQuery::new(title_prefix_query(&f, &whole), 5.0)),
            ),
        ];
        if let Some((last, rest)) = words.split_last() {
            let mut must: Vec<(Occur, Box<dyn TantivyQuery>)> = rest
                .iter()
                .map(|w| (Occur::Must, term_query(f.title, w)))
                .collect();
            must.push((
                Occur::Must,
                boxed(FuzzyTermQuery::new_prefix(term(f.title, last), 0, true)),
            ));
            should.push((Occur::Should, boxed(BooleanQuery::new(must))));
        }
        let searcher = self.reader.searcher();
        let top = TopDocs::with_limit(limit.min(MAX_LIMIT)).tweak_score(popularity);
        let hits = searcher.search(&BooleanQuery::new(should), &top)?;
        let mut out = Vec::with_capacity(hits.len());
        for (_, addr) in hits {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let hit = self.hit(&doc, &[], 0.0);
            out.push(Suggestion {
                kind: hit.kind,
                id: hit.id,
                target: hit.target,
                title: hit.title,
                year: hit.year,
            });
        }
        Ok(out)
    }

    fn hit(&self, doc: &TantivyDocument, words: &[String], score: Score) -> Hit {
        let f = self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        Hit {
            kind: Kind::parse(&text(f.kind)).unwrap_or(Kind::Work),
            id: text(f.id),
            target: text(f.target),
            title: text(f.title),
            year: doc.get_first(f.year).and_then(|v| v.as_i64()),
            snippet: if words.is_empty() {
                Snippet::default()
            } else {
                self.snippet(doc, words)
            },
            score,
        }
    }

    /// The passage of the first field (summary, characters, people, other
    /// titles) where the query's words occur, marked; else the summary's start.
    fn snippet(&self, doc: &TantivyDocument, words: &[String]) -> Snippet {
        let f = self.fields;
        let candidates = [
            (f.body, "body"),
            (f.characters, "characters"),
            (f.people, "people"),
            (f.alt_titles, "alt_titles"),
        ];
        for (field, name) in candidates {
            let values: Vec<&str> = doc.get_all(field).filter_map(|v| v.as_str()).collect();
            if values.is_empty() {
                continue;
            }
            let text = values.join(" · ");
            let matched = matching_words(&text, words);
            if matched.is_empty() {
                continue;
            }
            let terms: BTreeMap<String, Score> = matched.into_iter().map(|w| (w, 1.0)).collect();
            let generator = SnippetGenerator::new(terms, schema::folded(), field, SNIPPET_CHARS);
            let snippet = generator.snippet(&text);
            if snippet.fragment().is_empty() {
                continue;
            }
            return Snippet {
                field: name.to_string(),
                text: snippet.fragment().to_string(),
                highlights: snippet
                    .highlighted()
                    .iter()
                    .map(|r| [r.start, r.end])
                    .collect(),
            };
        }
        let body = doc
            .get_first(f.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        Snippet {
            field: "body".to_string(),
            text: truncate_words(body, SNIPPET_CHARS),
            highlights: Vec::new(),
        }
    }
}

/// Scales a score by the result's kind ([`Kind::prior`]) and, a little, by
/// how many facts name it.
fn popularity(segment: &SegmentReader) -> impl Fn(tantivy::DocId, Score) -> Score {
    let column = |name: &str| {
        segment
            .fast_fields()
            .u64(name)
            .ok()
            .map(|c| c.first_or_default_col(0))
    };
    let (weights, priors) = (column("weight"), column("prior"));
    move |doc, score| {
        let w = weights.as_ref().map_or(0, |c| c.get_val(doc));
        let prior = priors.as_ref().map_or(100, |c| c.get_val(doc));
        score * (prior as Score / 100.0) * (1.0 + 0.1 * ((1 + w) as Score).ln())
    }
}

/// What one word of the query must match: the word in any text field or,
/// for a word no document holds (`known` false, a typo), a word within its
/// typo distance in titles and names, or, for the last word, a title it
/// begins.
fn word_query(f: &Fields, word: &str, last: bool, known: bool) -> Box<dyn TantivyQuery> {
    let exact = term_query(f.all, word);
    if known {
        return exact;
    }
    let mut should: Vec<(Occur, Box<dyn TantivyQuery>)> = vec![(Occur::Should, exact)];
    let distance = fuzzy_distance(word);
    if distance > 0 {
        for (field, by) in [
            (f.title, 3.0),
            (f.alt_titles, 2.5),
            (f.characters, 1.5),
            (f.people, 1.5),
        ] {
            let fuzzy = FuzzyTermQuery::new(term(field, word), distance, true);
            should.push((Occur::Should, boost(boxed(fuzzy), by * 0.4)));
        }
    }
    if last && word.chars().count() >= 3 {
        for field in [f.title, f.alt_titles] {
            let prefix = FuzzyTermQuery::new_prefix(term(field, word), 0, true);
            should.push((Occur::Should, boost(boxed(prefix), 0.8)));
        }
    }
    boxed(BooleanQuery::new(should))
}

fn filters(f: &Fields, query: &Query) -> Vec<Box<dyn TantivyQuery>> {
    let mut out = Vec::new();
    if query.year_from.is_some() || query.year_to.is_some() {
        let bound = |y: Option<i64>| match y {
            Some(y) => Bound::Included(Term::from_field_i64(f.year, y)),
            None => Bound::Unbounded,
        };
        out.push(boxed(RangeQuery::new(
            bound(query.year_from),
            bound(query.year_to),
        )));
    }
    let facets = [
        ("genre", &query.genre),
        ("country", &query.country),
        ("language", &query.language),
        ("person", &query.person),
    ];
    for (dimension, value) in facets {
        if let Some(value) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            let facet = schema::facet(dimension, value);
            out.push(boxed(TermQuery::new(
                Term::from_facet(f.facets, &facet),
                IndexRecordOption::Basic,
            )));
        }
    }
    if let Some(kind) = query.kind {
        out.push(term_query(f.kind, kind.as_str()));
    }
    out
}

/// The words of `text` that match a query word exactly, within its typo
/// distance, or (for the last query word) by prefix.
fn matching_words(text: &str, words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in schema::words(text) {
        let hit = words.iter().enumerate().any(|(i, w)| {
            let distance = usize::from(fuzzy_distance(w));
            token == *w
                || (i + 1 == words.len() && w.chars().count() >= 2 && token.starts_with(w.as_str()))
                || (distance > 0
                    && token.len().abs_diff(w.len()) <= distance
                    && edit_distance(&token, w) <= distance)
        });
        if hit && !out.contains(&token) {
            out.push(token);
        }
    }
    out
}

/// Levenshtein distance where swapping two neighbours costs one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// At most `max` characters of `text`, cut after a word.
fn truncate_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", &cut[..end])
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("lenior", "lenoir"), 1);
        assert_eq!(edit_distance("amelie", "amelie"), 0);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn long_text_is_cut_after_a_word() {
        assert_eq!(truncate_words("one two three", 8), "one two…");
        assert_eq!(truncate_words("short", 8), "short");
    }
}
