//! The dump revisions articles were read from, and removing articles (pages
//! gone from a dump, or renamed).

use super::write::collect_orphans;
use crate::{Result, Revision, StoredRevision};
use rusqlite::{params, Connection, OptionalExtension, Row};
use std::collections::BTreeSet;

const COLUMNS: &str = "title, site, page_id, revision_id, revision_timestamp";

fn stored(row: &Row<'_>) -> rusqlite::Result<StoredRevision> {
    Ok(StoredRevision {
        title: row.get(0)?,
        revision: Revision {
            site: row.get(1)?,
            page_id: row.get::<_, i64>(2)? as u64,
            revision_id: row.get::<_, i64>(3)? as u64,
            timestamp: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        },
    })
}

pub(super) fn stored_revision(conn: &Connection, title: &str) -> Result<Option<Revision>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM articles
         WHERE title = ?1 AND site IS NOT NULL AND page_id IS NOT NULL AND revision_id IS NOT NULL"
    );
    Ok(conn
        .query_row(&sql, [title], stored)
        .optional()?
        .map(|s| s.revision))
}

pub(super) fn stored_revisions(conn: &Connection) -> Result<Vec<StoredRevision>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM articles
         WHERE site IS NOT NULL AND page_id IS NOT NULL AND revision_id IS NOT NULL
         ORDER BY title"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], stored)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn remove_articles(conn: &mut Connection, titles: &[String]) -> Result<usize> {
    let tx = conn.transaction()?;
    let removed = remove_in(&tx, titles)?;
    tx.commit()?;
    Ok(removed)
}

/// Removes the articles inside the caller's transaction, then the entities
/// only they named.
pub(super) fn remove_in(tx: &Connection, titles: &[String]) -> Result<usize> {
    if titles.is_empty() {
        return Ok(0);
    }
    let mut named = BTreeSet::new();
    let mut removed = 0;
    for title in titles {
        let Some((article_id, own)) = tx
            .prepare_cached("SELECT id, entity_id FROM articles WHERE title = ?1")?
            .query_row([title], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))
            .optional()?
        else {
            continue;
        };
        named.insert(own);
        let mut stmt =
            tx.prepare_cached("SELECT subject_id, object_id FROM facts WHERE article_id = ?1")?;
        let mut rows = stmt.query([article_id])?;
        while let Some(row) = rows.next()? {
            named.insert(row.get::<_, String>(0)?);
            if let Some(object) = row.get::<_, Option<String>>(1)? {
                named.insert(object);
            }
        }
        // Its facts go with it (ON DELETE CASCADE).
        removed += tx
            .prepare_cached("DELETE FROM articles WHERE id = ?1")?
            .execute(params![article_id])?;
        super::read::log_change(tx, title)?;
    }
    collect_orphans(tx, &named)?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use crate::contract::{lost_bullet_facts, record, LOST_BULLET, TITLE};
    use crate::{ArticleWrite, Revision, SqliteStore, Store};

    fn rev(page_id: u64, revision_id: u64) -> Revision {
        Revision {
            site: "enwiki".into(),
            page_id,
            revision_id,
            timestamp: "2020-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn a_batch_keeps_each_article_with_its_revision() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let facts = lost_bullet_facts();
        let r = rev(7, 70);
        let results = store
            .replace_articles(&[ArticleWrite {
                record: record(TITLE, LOST_BULLET),
                facts: &facts,
                revision: Some(&r),
            }])
            .unwrap();
        assert_eq!(results.len(), 1);
        assert_eq!(results[0].as_ref().unwrap().facts_added, facts.len());
        assert_eq!(store.stored_revision(TITLE).unwrap(), Some(r.clone()));
        let all = store.stored_revisions().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].title.as_str(), &all[0].revision), (TITLE, &r));
        // An article file of the same title clears the revision.
        store
            .replace_article(&record(TITLE, LOST_BULLET), &facts)
            .unwrap();
        assert_eq!(store.stored_revision(TITLE).unwrap(), None);
        assert!(store.stored_revisions().unwrap().is_empty());
    }

    #[test]
    fn a_refused_article_leaves_the_rest_of_its_batch_stored() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let good = lost_bullet_facts();
        let mut bad = lost_bullet_facts();
        bad[0].source.end = 1 << 20;
        let (r1, r2) = (rev(1, 10), rev(2, 20));
        let text2 = LOST_BULLET.replace("Lost Bullet (2020 film)", "Other");
        let results = store
            .replace_articles(&[
                ArticleWrite {
                    record: record("Other", &text2),
                    facts: &bad,
                    revision: Some(&r2),
                },
                ArticleWrite {
                    record: record(TITLE, LOST_BULLET),
                    facts: &good,
                    revision: Some(&r1),
                },
            ])
            .unwrap();
        assert!(results[0].is_err());
        assert!(results[1].is_ok());
        assert_eq!(store.counts().unwrap().articles, 1);
        assert_eq!(store.stored_revision("Other").unwrap(), None);
    }

    #[test]
    fn removing_an_article_takes_its_facts_and_lone_entities() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        store
            .replace_article(&record(TITLE, LOST_BULLET), &lost_bullet_facts())
            .unwrap();
        let removed = store
            .remove_articles(&[TITLE.to_string(), "Not stored".to_string()])
            .unwrap();
        assert_eq!(removed, 1);
        assert_eq!(store.counts().unwrap(), crate::Counts::default());
        assert!(store.film(TITLE).unwrap().is_none());
    }

    #[test]
    fn a_renamed_page_replaces_its_old_title() {
        let mut store = SqliteStore::open_in_memory().unwrap();
        let facts = lost_bullet_facts();
        let old = rev(7, 70);
        store
            .replace_articles(&[ArticleWrite {
                record: record(TITLE, LOST_BULLET),
                facts: &facts,
                revision: Some(&old),
            }])
            .unwrap();
        let text = LOST_BULLET.replace("Lost Bullet (2020 film)", "Balle perdue");
        let new = rev(7, 71);
        store
            .replace_articles(&[ArticleWrite {
                record: record("Balle perdue", &text),
                facts: &[],
                revision: Some(&new),
            }])
            .unwrap()
            .remove(0)
            .unwrap();
        let all = store.stored_revisions().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].title, "Balle perdue");
        assert_eq!(store.counts().unwrap().articles, 1);
    }
}
