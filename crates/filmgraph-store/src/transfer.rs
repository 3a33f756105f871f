//! Moving a graph between stores: every article with its text and the facts it
//! was stored with, which [`crate::Store::replace_article`] turns back into the
//! same graph (entities are derived from facts, never copied), and the
//! redirects of the dumps ingested. The same
//! [`StoredArticle`], one JSON object a line, is the `jsonl` export format.

use crate::{ArticleRecord, ArticleSummary, IngestStats, Result, Store};
use filmgraph_model::Fact;
use serde::{Deserialize, Serialize};

/// One article as stored: enough to store it again anywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_title: Option<String>,
    pub source_path: String,
    /// The whole input; each fact's `source.start..source.end` indexes into it.
    pub text: String,
    /// In the extractor's order, in the form of `FACTS.md`.
    pub facts: Vec<Fact>,
}

impl StoredArticle {
    /// The article `summary` describes, read back from `store`; `None` if it
    /// was removed since.
    fn read(store: &dyn Store, summary: ArticleSummary) -> Result<Option<StoredArticle>> {
        let Some(text) = store.article_text(&summary.title)? else {
            return Ok(None);
        };
        let facts = store
            .article_facts(&summary.title)?
            .into_iter()
            .map(|stored| stored.fact)
            .collect();
        Ok(Some(StoredArticle {
            title: summary.title,
            display_title: summary.display_title,
            source_path: text.source_path,
            text: text.text,
            facts,
        }))
    }

    /// The article as [`Store::replace_article`] takes it.
    pub fn record(&self) -> ArticleRecord<'_> {
        ArticleRecord {
            title: &self.title,
            display_title: self.display_title.as_deref(),
            source_path: &self.source_path,
            text: &self.text,
        }
    }

    /// Stores the article in `store`, replacing what it held under the title.
    pub fn write(&self, store: &mut dyn Store) -> Result<IngestStats> {
        store.replace_article(&self.record(), &self.facts)
    }
}

/// A redirect as a line of the `jsonl` export: `{"redirect": title,
/// "target": target}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRedirect {
    pub redirect: String,
    pub target: String,
}

/// Every article of `store`, by title, read one at a time.
pub fn stored_articles(
    store: &dyn Store,
) -> Result<impl Iterator<Item = Result<StoredArticle>> + '_> {
    let titles = store.articles()?;
    Ok(titles
        .into_iter()
        .filter_map(move |summary| StoredArticle::read(store, summary).transpose()))
}

/// Copies every article of `from` into `to`, then every redirect; how many
/// articles.
pub fn copy(from: &dyn Store, to: &mut dyn Store) -> Result<usize> {
    let mut n = 0;
    for article in stored_articles(from)? {
        article?.write(to)?;
        n += 1;
    }
    copy_redirects(from, to)?;
    Ok(n)
}

/// Redirects read or written in one go: a page of a copy, a transaction of
/// an ingest or an import.
pub const REDIRECTS_A_PAGE: usize = 10_000;

/// Every redirect of `store`, by title, [`REDIRECTS_A_PAGE`] at a time.
pub fn stored_redirects(
    store: &dyn Store,
) -> impl Iterator<Item = Result<Vec<(String, String)>>> + '_ {
    let mut after = Some(String::new());
    std::iter::from_fn(move || {
        let from = after.take()?;
        match store.redirects_after(&from, REDIRECTS_A_PAGE) {
            Ok(page) => {
                let (last, _) = page.last()?;
                after = Some(last.clone());
                Some(Ok(page))
            }
            Err(err) => Some(Err(err)),
        }
    })
}

/// Copies every redirect of `from` into `to`, a page at a time; how many.
pub fn copy_redirects(from: &dyn Store, to: &mut dyn Store) -> Result<usize> {
    let mut n = 0;
    for page in stored_redirects(from) {
        let page = page?;
        to.put_redirects(&page)?;
        n += page.len();
    }
    Ok(n)
}
