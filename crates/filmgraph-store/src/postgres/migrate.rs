//! Embedded schema migrations for PostgreSQL, tracked in a `schema_version`
//! table: migration `n` (1-based) is `MIGRATIONS[n - 1]` and brings the schema
//! to version `n`, as for SQLite. Every process that connects runs this; an
//! advisory lock makes the second wait for the first instead of both creating
//! the same tables.

use crate::{Error, Result};
use postgres::Client;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_init.sql"),
    include_str!("../../migrations/postgres/0002_article_text.sql"),
    include_str!("../../migrations/postgres/0003_revisions.sql"),
    include_str!("../../migrations/postgres/0004_changes.sql"),
    include_str!("../../migrations/postgres/0005_write_path_integrity.sql"),
    include_str!("../../migrations/postgres/0006_redirects.sql"),
];

/// The schema version this build writes.
pub(super) const LATEST: i64 = MIGRATIONS.len() as i64;

/// The advisory lock key migrations hold: `filmgraph` in ASCII.
const MIGRATION_LOCK: i64 = 0x6669_6c6d_6772_6170;

pub(super) fn version(client: &mut Client) -> Result<i64> {
    let exists: bool = client
        .query_one("SELECT to_regclass('schema_version') IS NOT NULL", &[])?
        .try_get(0)?;
    if !exists {
        return Ok(0);
    }
    Ok(client
        .query_one("SELECT coalesce(max(version), 0) FROM schema_version", &[])?
        .try_get(0)?)
}

/// Applies every migration the database lacks, each in its own transaction
/// together with its row in `schema_version`.
pub(super) fn run(client: &mut Client) -> Result<()> {
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let result = migrate(client);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]);
    result?;
    unlocked?;
    Ok(())
}

fn migrate(client: &mut Client) -> Result<()> {
    client.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_version (
             version    BIGINT PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
         )",
    )?;
    let found = version(client)?;
    if found > LATEST {
        return Err(Error::SchemaTooNew {
            found,
            supported: LATEST,
        });
    }
    for (n, sql) in (1i64..).zip(MIGRATIONS).skip(found as usize) {
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute("INSERT INTO schema_version (version) VALUES ($1)", &[&n])?;
        tx.commit()?;
    }
    Ok(())
}
