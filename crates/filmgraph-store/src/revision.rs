//! Which revision of a wiki page an article was read from, so that ingesting
//! a newer dump skips what did not change and replaces what did.

use crate::ArticleRecord;
use filmgraph_model::Fact;
use std::cmp::Ordering;

/// A page of a wiki dump, as of one revision.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Revision {
    /// The wiki: the dump's `<dbname>` (`enwiki`), or the dump's file name
    /// when it names none.
    pub site: String,
    /// The page's id on that wiki; it survives a rename.
    pub page_id: u64,
    pub revision_id: u64,
    /// As the dump writes it (`2018-08-14T06:47:24Z`); empty if it gives none.
    pub timestamp: String,
}

impl Revision {
    /// How this revision compares with `stored`, the one already in the
    /// store for the same title: [`Ordering::Equal`] for the same revision
    /// (nothing to do), [`Ordering::Greater`] for a newer one (replace),
    /// [`Ordering::Less`] for an older one (keep what is stored). Revisions of
    /// another site or page are never equal: they are newer.
    ///
    /// Time stamps decide where both have one (ISO 8601 in UTC sorts as text);
    /// otherwise revision ids, which MediaWiki hands out in increasing order.
    pub fn compare_to_stored(&self, stored: &Revision) -> Ordering {
        if self.site != stored.site || self.page_id != stored.page_id {
            return Ordering::Greater;
        }
        if self.revision_id == stored.revision_id {
            return Ordering::Equal;
        }
        if !self.timestamp.is_empty()
            && !stored.timestamp.is_empty()
            && self.timestamp != stored.timestamp
        {
            return self.timestamp.cmp(&stored.timestamp);
        }
        self.revision_id.cmp(&stored.revision_id)
    }
}

/// A stored article and the revision it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRevision {
    pub title: String,
    pub revision: Revision,
}

/// One article of a [`crate::Store::replace_articles`] batch.
#[derive(Debug, Clone, Copy)]
pub struct ArticleWrite<'a> {
    pub record: ArticleRecord<'a>,
    pub facts: &'a [Fact],
    /// The dump page it was read from; `None` for an article file, which
    /// clears any revision stored for the title.
    pub revision: Option<&'a Revision>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(revision_id: u64, timestamp: &str) -> Revision {
        Revision {
            site: "enwiki".into(),
            page_id: 7,
            revision_id,
            timestamp: timestamp.into(),
        }
    }

    #[test]
    fn the_same_revision_is_equal_and_time_stamps_order_others() {
        let stored = rev(70, "2018-08-14T06:47:24Z");
        assert_eq!(
            rev(70, "2018-08-14T06:47:24Z").compare_to_stored(&stored),
            Ordering::Equal
        );
        assert_eq!(
            rev(71, "2019-01-01T00:00:00Z").compare_to_stored(&stored),
            Ordering::Greater
        );
        // An older dump, even with a larger id (ids from an import).
        assert_eq!(
            rev(90, "2017-01-01T00:00:00Z").compare_to_stored(&stored),
            Ordering::Less
        );
        // No time stamp: ids decide.
        assert_eq!(rev(69, "").compare_to_stored(&stored), Ordering::Less);
        assert_eq!(rev(71, "").compare_to_stored(&stored), Ordering::Greater);
    }

    #[test]
    fn another_page_of_the_same_title_is_newer() {
        let stored = rev(70, "2018-08-14T06:47:24Z");
        let mut other = stored.clone();
        other.page_id = 8;
        assert_eq!(other.compare_to_stored(&stored), Ordering::Greater);
        other = stored.clone();
        other.site = "frwiki".into();
        assert_eq!(other.compare_to_stored(&stored), Ordering::Greater);
    }
}
