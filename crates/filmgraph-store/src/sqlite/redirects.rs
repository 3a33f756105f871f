//! Redirects: alternative titles of their targets (see [`crate::Store::put_redirects`]).

use crate::{fold, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeSet;

pub(super) fn put(conn: &mut Connection, redirects: &[(String, String)]) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut put = tx.prepare_cached(
            "INSERT INTO redirects (title, target, folded) VALUES (?1, ?2, ?3)
             ON CONFLICT (title) DO UPDATE SET target = excluded.target, folded = excluded.folded",
        )?;
        // A stored article with a new redirect is changed: its search
        // document lists the titles that lead to it.
        let mut log = tx.prepare_cached(
            "INSERT INTO changes (title) SELECT title FROM articles WHERE title = ?1",
        )?;
        let mut logged = BTreeSet::new();
        for (title, target) in redirects {
            put.execute(params![title, target, fold(title)])?;
            if logged.insert(target) {
                log.execute([target])?;
            }
        }
    }
    tx.commit()?;
    Ok(())
}

pub(super) fn to(conn: &Connection, target: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title FROM redirects
         WHERE target = ?1 AND title NOT IN (SELECT title FROM articles)
         ORDER BY title",
    )?;
    let titles = stmt
        .query_map([target], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(titles)
}

pub(super) fn target(conn: &Connection, title: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT target FROM redirects WHERE folded = ?1
             ORDER BY title = ?2 DESC, title LIMIT 1",
        )?
        .query_row(params![fold(title), title], |row| row.get(0))
        .optional()?)
}

pub(super) fn after(conn: &Connection, after: &str, limit: usize) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT title, target FROM redirects WHERE title > ?1 ORDER BY title LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![after, limit as i64], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?
        .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
    Ok(rows)
}
