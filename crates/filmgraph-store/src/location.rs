//! Where a store lives: a SQLite file named by its path, or a PostgreSQL
//! database named by a `postgres://` URL.

use crate::{PgStore, Result, SqliteStore, Store};
use std::fmt;
use std::path::PathBuf;

/// A database as the user names it (`--db`, `FILMGRAPH_DB`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A PostgreSQL connection URL, `postgres://user:password@host:port/dbname`.
    Postgres(String),
}

impl Location {
    /// A `postgres://` or `postgresql://` URL names a PostgreSQL database;
    /// anything else is the path of a SQLite file.
    pub fn parse(name: impl Into<PathBuf>) -> Location {
        let path: PathBuf = name.into();
        match path.to_str() {
            Some(s) if s.starts_with("postgres://") || s.starts_with("postgresql://") => {
                Location::Postgres(s.to_string())
            }
            _ => Location::Sqlite(path),
        }
    }
}

/// The path, or the URL without its password: fit for messages and logs.
impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Sqlite(path) => write!(f, "{}", path.display()),
            Location::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

/// Opens the store at `location`, creating its schema if needed (a SQLite
/// file is created; a PostgreSQL database must exist).
pub fn open(location: &Location) -> Result<Box<dyn Store + Send>> {
    Ok(match location {
        Location::Sqlite(path) => Box::new(SqliteStore::open(path)?),
        Location::Postgres(url) => Box::new(PgStore::connect(url)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_postgres_and_anything_else_a_file() {
        assert_eq!(
            Location::parse("postgres://u@h/db"),
            Location::Postgres("postgres://u@h/db".into())
        );
        assert!(matches!(
            Location::parse("postgresql://h/db"),
            Location::Postgres(_)
        ));
        assert_eq!(
            Location::parse("data/postgres.db"),
            Location::Sqlite("data/postgres.db".into())
        );
    }

    #[test]
    fn passwords_are_not_shown() {
        let at =
            Location::parse("postgres://ann:s3cr:et@db.example.org:5433/films?sslmode=disable");
        assert_eq!(
            at.to_string(),
            "postgres://ann:***@db.example.org:5433/films?sslmode=disable"
        );
        assert_eq!(
            Location::parse("postgres://ann@db/films").to_string(),
            "postgres://ann@db/films"
        );
    }
}
