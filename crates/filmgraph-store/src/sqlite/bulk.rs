//! Filling an empty database fast. Every fact written updates the lookup
//! indexes below, each insert landing on a random page of its B-tree; into an
//! empty database, a first ingest goes faster without them, and SQLite builds
//! each afterwards in one sorted pass (on the 20,000-page bench dump: the
//! writing phase 11.3 s -> 7.9 s, the five indexes built in 0.9 s).
//!
//! Only indexes that answer lookups are dropped, never one that enforces a
//! constraint, so a database without them holds and returns the same data,
//! only slower. They are put back at the end of the load, before any write
//! that looks facts up by entity (an article replaced or removed during the
//! load, see [`super::write::collect_orphans`]), and at the start of the next
//! ingest if a load never reached its end.
//!
//! An empty database also loads with a rollback journal instead of the WAL.
//! In WAL mode every page is written twice, to the log and then, at each
//! checkpoint, to the database file; a rollback journal holds only the old
//! content of pages a transaction changes, and a load into an empty file
//! mostly adds pages at its end, which need none (on the 20,000-page bench
//! dump: 1.2 s less kernel time, the file's 370 MB written once). Atomicity
//! and crash safety are the same: an interrupted transaction is rolled back
//! from the journal when the file is next opened. The WAL comes back when the
//! load ends, and whenever the store is opened (see `SqliteStore::init`). If
//! another connection has the database open, the mode cannot change and the
//! load goes on in WAL mode.

use crate::Result;
use rusqlite::Connection;

/// The lookup indexes: name and what it indexes, as the migrations made them.
const LOOKUP_INDEXES: &[(&str, &str)] = &[
    ("facts_subject", "facts (subject_id)"),
    ("facts_object", "facts (object_id)"),
    ("facts_predicate", "facts (predicate)"),
    ("entities_folded", "entities (folded)"),
    ("entities_folded_base", "entities (folded_base)"),
];

/// Drops the lookup indexes if the database holds no fact (and says whether
/// it did); otherwise makes sure they are all there.
pub(super) fn begin(conn: &mut Connection) -> Result<bool> {
    let tx = conn.transaction()?;
    let empty: bool = tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM facts)", [], |row| {
        row.get(0)
    })?;
    if empty {
        for (name, _) in LOOKUP_INDEXES {
            tx.execute_batch(&format!("DROP INDEX IF EXISTS {name}"))?;
        }
    } else {
        ensure_indexes(&tx)?;
    }
    tx.commit()?;
    if empty {
        set_journal(conn, LOAD_JOURNAL)?;
    }
    Ok(empty)
}

/// Puts back what [`begin`] set aside: the lookup indexes and the WAL.
pub(super) fn end(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction()?;
    ensure_indexes(&tx)?;
    tx.commit()?;
    set_journal(conn, super::JOURNAL)?;
    Ok(())
}

/// The journal a load into an empty database writes.
const LOAD_JOURNAL: &str = "TRUNCATE";

/// Switches the journal mode, where the database lets this connection: not
/// while another connection has it open (the mode stays as it was).
pub(super) fn set_journal(conn: &Connection, mode: &str) -> Result<()> {
    match conn.query_row(&format!("PRAGMA journal_mode = {mode}"), [], |row| {
        row.get::<_, String>(0)
    }) {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(e, _))
            if matches!(
                e.code,
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
            ) =>
        {
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Builds the lookup indexes that are missing, in the caller's transaction
/// (or in its own, outside one).
pub(super) fn ensure_indexes(conn: &Connection) -> Result<()> {
    for (name, on) in missing(conn)? {
        conn.execute_batch(&format!("CREATE INDEX IF NOT EXISTS {name} ON {on}"))?;
    }
    Ok(())
}

/// The lookup indexes the database lacks (name, what it indexes).
pub(super) fn missing(conn: &Connection) -> Result<Vec<&'static (&'static str, &'static str)>> {
    let mut present = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1)",
    )?;
    let mut missing = Vec::new();
    for index in LOOKUP_INDEXES {
        if !present.query_row([index.0], |row| row.get::<_, bool>(0))? {
            missing.push(index);
        }
    }
    Ok(missing)
}
