//! What the rules share while reading one article: the film the article is
//! about, the people named so far (to resolve `Pierret` to `Guillaume Pierret`),
//! the works named so far (sequels), and the facts collected with their
//! provenance.

use filmgraph_model::{
    Article, Fact, InfoboxField, Link, Paragraph, Predicate, Provenance, Qualifiers, Span, PAGE,
};
use rustc_hash::FxHashMap;

/// One sentence of the article, located in its paragraph and section.
#[derive(Debug, Clone, Copy)]
pub struct Sentence<'a> {
    pub text: &'a str,
    /// `lead` or the section heading as written.
    pub section: &'a str,
    pub paragraph: &'a Paragraph,
    /// Byte range of the sentence in `paragraph.text`.
    pub start: usize,
    pub end: usize,
    /// Position of the sentence in its section, from 0.
    pub index: usize,
    /// Whether the section is a cast list or lies under one ("Cast" >
    /// "Unbilled").
    pub in_cast: bool,
    /// The section heading in lower case.
    pub section_lower: &'a str,
}

impl<'a> Sentence<'a> {
    /// Whether the section heading contains one of `names` (lower case).
    pub fn in_section(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.section_lower.contains(n))
    }

    /// The links whose labels start in the sentence.
    pub fn links(&self) -> &'a [Link] {
        let links = &self.paragraph.links;
        let from = links.partition_point(|l| l.at < self.start);
        let to = links.partition_point(|l| l.at < self.end);
        &links[from..to.max(from)]
    }
}

/// The article being read and everything learnt from it so far.
pub struct Context<'a> {
    pub article: &'a Article,
    /// The subject naming the article's own film: its title.
    pub film: String,
    /// The title a reader sees (`Lost Bullet`).
    pub shown: String,
    /// ISO 639-1 code of the film's language, once known.
    pub language: Option<String>,
    /// Where the film was released ("Netflix"), once read.
    pub release_platform: Option<String>,
    /// Other works named so far, by their place in the series (1 is this film).
    pub works: Vec<(u32, String)>,
    /// The columns of the cast table being read, from its header row, with
    /// the section it is in: which column names the part, which the actors.
    pub cast_columns: Option<(String, crate::cast::Columns)>,
    people: Vec<String>,
    /// The page each linked label names anywhere in the article (a name is
    /// linked once, where it first appears); `None` when the article links
    /// the label to two pages.
    pages: FxHashMap<&'a str, Option<&'a str>>,
    facts: Vec<Fact>,
}

impl<'a> Context<'a> {
    pub fn new(article: &'a Article) -> Self {
        Context {
            article,
            film: article.title.clone(),
            shown: article.shown_title().to_string(),
            language: None,
            release_platform: None,
            works: Vec::new(),
            cast_columns: None,
            people: Vec::new(),
            pages: linked_pages(article),
            facts: Vec::new(),
        }
    }

    pub fn into_facts(self) -> Vec<Fact> {
        self.facts
    }

    /// Remembers a person's full name for later short references.
    pub fn know_person(&mut self, name: &str) {
        if !self.people.iter().any(|p| p == name) {
            self.people.push(name.to_string());
        }
    }

    /// The film's year, once read ("Lost Bullet is a 2020 film").
    pub fn film_year(&self) -> Option<&str> {
        self.facts
            .iter()
            .find(|f| f.predicate == filmgraph_model::Predicate::Year && f.subject == self.film)
            .map(|f| f.object.as_str())
    }

    /// `Pierret` -> `Guillaume Pierret` when exactly one known person has that
    /// surname (or given name); a full known name resolves to itself.
    pub fn resolve_person(&self, name: &str) -> Option<String> {
        if self.people.iter().any(|p| p == name) {
            return Some(name.to_string());
        }
        if name.contains(' ') {
            // "Cable Guy" for "Larry the Cable Guy": the end of one known name.
            let mut hits = self
                .people
                .iter()
                .filter(|p| p.strip_suffix(name).is_some_and(|head| head.ends_with(' ')));
            return match (hits.next(), hits.next()) {
                (Some(p), None) => Some(p.clone()),
                _ => None,
            };
        }
        let mut hits = self.people.iter().filter(|p| {
            let mut words = p.split(' ');
            let first = words.next();
            let last = p.rsplit(' ').next();
            last == Some(name) || first == Some(name)
        });
        match (hits.next(), hits.next()) {
            (Some(p), None) => Some(p.clone()),
            _ => None,
        }
    }

    /// Whether `text` names the article's film: "the film", "it", its title.
    pub fn names_film(&self, text: &str) -> bool {
        let t = text.trim();
        let lower = t.to_lowercase();
        if lower == "it"
            || lower.starts_with("it ")
            || lower.contains("the film")
            || lower.contains("this film")
            || lower.contains("the movie")
        {
            return true;
        }
        self.find_title(t).is_some()
    }

    /// Byte offset of the film's title in `text`, as a whole title (not the
    /// start of a longer one like `Lost Bullet 2`).
    pub fn find_title(&self, text: &str) -> Option<usize> {
        let title = self.shown.as_str();
        if title.is_empty() {
            return None;
        }
        find_whole(text, title, false).or_else(|| {
            // "Baap re Baap Dokyala Taap" for "Baap Re Baap Dokyala Taap": a
            // title of several words written in other capitals, where it
            // starts with a capital (so "north" is not "North").
            if !title.contains(' ') {
                return None;
            }
            let at = find_whole(text, title, true)?;
            text[at..].starts_with(char::is_uppercase).then_some(at)
        })
    }

    /// Where the film's title stands in `text`, as [`Context::find_title`]
    /// finds it.
    pub fn title_span(&self, text: &str) -> Option<std::ops::Range<usize>> {
        self.find_title(text).map(|at| at..at + self.shown.len())
    }

    /// Records a fact read from a sentence. The provenance is the sentence;
    /// when the sentence does not itself name the object (a fact read through
    /// a pronoun: "It was Pierret's first feature film"), it widens to the
    /// paragraph so the citation still shows it.
    pub fn sentence_fact(
        &mut self,
        s: &Sentence<'_>,
        subject: &str,
        predicate: Predicate,
        object: &str,
        qualifiers: Qualifiers,
    ) {
        // "the first movie to feature Turkish, Kurdish, Syriac and English
        // dialogue": a language or a nationality alone names no one.
        if predicate.is_person_role()
            && (crate::lexicon::is_nationality(object)
                || crate::lexicon::language_code(object).is_some())
        {
            return;
        }
        let mut span = s.paragraph.sentence_span(s.start, s.end);
        let shows = |text: &str, name: &str| {
            // Dates and numbers are normalised; their written form differs.
            name.chars().all(|c| c.is_ascii_digit() || c == '-')
                || text.contains(name)
                || text.contains(filmgraph_model::strip_disambiguation(name))
                || shows_every_word(text, name)
        };
        if !shows(s.text, object) {
            span = s.paragraph.span;
            if !shows(&s.paragraph.text, object) && object == self.film {
                // The film, named only by a pronoun here: cite from its title on.
                span = Span::new(self.article.title_span.start.min(span.start), span.end);
            }
        }
        self.push_linked(
            Fact {
                subject: subject.to_string(),
                predicate,
                object: object.to_string(),
                qualifiers,
                source: Provenance {
                    article: self.article.title.clone(),
                    section: s.section.to_string(),
                    start: span.start,
                    end: span.end,
                    refs: Vec::new(),
                },
            },
            s.links(),
        );
    }

    /// Records a fact read from an infobox line.
    pub fn infobox_fact(
        &mut self,
        field: &InfoboxField,
        predicate: Predicate,
        object: &str,
        qualifiers: Qualifiers,
    ) {
        let subject = self.film.clone();
        self.push_linked(
            Fact {
                subject,
                predicate,
                object: object.to_string(),
                qualifiers,
                source: Provenance {
                    article: self.article.title.clone(),
                    section: "infobox".to_string(),
                    start: field.span.start,
                    end: field.span.end,
                    refs: Vec::new(),
                },
            },
            &field.links,
        );
    }

    pub fn push(&mut self, fact: Fact) {
        self.push_linked(fact, &[]);
    }

    /// Records a fact read where `links` were, giving a named object the
    /// page it links to ([`PAGE`]) when that page is not named as the
    /// object is written.
    fn push_linked(&mut self, mut fact: Fact, links: &[Link]) {
        if fact.predicate.is_person_role() {
            self.know_person(&fact.object);
        }
        if fact.predicate.object_is_named() && !fact.qualifiers.contains_key(PAGE) {
            if let Some(page) = self.page_of(&fact.object, links) {
                fact.qualifiers.insert(PAGE.to_string(), page.to_string());
            }
        }
        self.facts.push(fact);
    }

    /// The page `name` links to, here (`links`) or elsewhere in the article,
    /// when its title is not `name` itself.
    fn page_of<'l>(&'l self, name: &str, links: &'l [Link]) -> Option<&'l str> {
        let page = match links.iter().find(|l| l.label == name) {
            Some(link) => link.page.as_str(),
            None => (*self.pages.get(name)?)?,
        };
        (is_identity(page) && !names_page(name, page)).then_some(page)
    }
}

/// Every label the article links, with the page it links to (`None` for a
/// label linked to two pages).
fn linked_pages(article: &Article) -> FxHashMap<&str, Option<&str>> {
    let mut pages: FxHashMap<&str, Option<&str>> = FxHashMap::default();
    let paragraphs = article.sections.iter().flat_map(|s| &s.paragraphs);
    let links = article
        .infobox
        .iter()
        .flat_map(|f| &f.links)
        .chain(paragraphs.flat_map(|p| &p.links));
    for Link { label, page, .. } in links {
        pages
            .entry(label.as_str())
            .and_modify(|known| {
                if *known != Some(page.as_str()) {
                    *known = None;
                }
            })
            .or_insert(Some(page.as_str()));
    }
    pages
}

/// Whether a page can be what a link's label names: not a list of things.
fn is_identity(page: &str) -> bool {
    !(page.starts_with("List of ") || page.starts_with("Lists of "))
}

/// Whether `page` is the title `name` links to unpiped: the same but for the
/// case of the first letter (MediaWiki capitalises it).
fn names_page(name: &str, page: &str) -> bool {
    let mut n = name.chars();
    let mut p = page.chars();
    match (n.next(), p.next()) {
        (Some(a), Some(b)) => a.to_uppercase().eq(b.to_uppercase()) && n.eq(p),
        _ => name == page,
    }
}

/// Whether every word of a name of several words occurs in `text` as a word:
/// "Joel and Ethan Coen" shows "Joel Coen".
fn shows_every_word(text: &str, name: &str) -> bool {
    let mut words = name.split(' ').peekable();
    words.peek().is_some()
        && name.contains(' ')
        && words.all(|w| {
            text.match_indices(w).any(|(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + w.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
}

/// Builds a qualifier map from pairs, skipping empty values.
pub fn quals<const N: usize>(pairs: [(&str, Option<&str>); N]) -> Qualifiers {
    pairs
        .into_iter()
        .filter_map(|(k, v)| {
            v.filter(|v| !v.is_empty())
                .map(|v| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// Where `piece`, a slice of `text`, starts in it (0 for a piece that is
/// not one).
pub(crate) fn offset_in(text: &str, piece: &str) -> usize {
    (piece.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|at| at + piece.len() <= text.len())
        .unwrap_or(0)
}

/// Where `title` occurs in `text` as a whole title: not inside a word, nor
/// followed by more of a longer name ("Cars 2", "Star Wars Episode"). With
/// `fold`, ASCII letters match in either case (folding keeps byte offsets).
fn find_whole(text: &str, title: &str, fold: bool) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = next_match(text, title, from, fold) {
        let after = &text[at + title.len()..];
        let continues = after
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase());
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && !continues {
            return Some(at);
        }
        from = at + title.len();
    }
    None
}

/// The first place from `from` on where `title` occurs in `text`; with
/// `fold`, ASCII letters in either case. Folding only ASCII bytes, a match
/// starts and ends on character boundaries, as `title` does.
fn next_match(text: &str, title: &str, from: usize, fold: bool) -> Option<usize> {
    if !fold {
        return text[from..].find(title).map(|p| from + p);
    }
    let (hay, pat) = (text.as_bytes(), title.as_bytes());
    let last = hay.len().checked_sub(pat.len())?;
    (from..=last).find(|&at| hay[at..at + pat.len()].eq_ignore_ascii_case(pat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_found_whole_and_in_other_capitals() {
        assert_eq!(
            find_whole("Cars 2 is a film. Cars is one.", "Cars", false),
            Some(18)
        );
        let text = "Baap re Baap Dokyala Taap is a Marathi film.";
        assert_eq!(find_whole(text, "Baap Re Baap Dokyala Taap", false), None);
        assert_eq!(find_whole(text, "Baap Re Baap Dokyala Taap", true), Some(0));
        let text = "Élan: Baap re Baap Dokyala Taap, a film.";
        assert_eq!(find_whole(text, "Baap Re Baap Dokyala Taap", true), Some(7));
        assert_eq!(
            find_whole("Lost Bullet 2 is out.", "lost bullet", true),
            None
        );
    }
}
