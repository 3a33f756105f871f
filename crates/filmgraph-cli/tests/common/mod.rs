//! Shared by the end-to-end tests: the binary, fixtures and sample paths.

#![allow(dead_code)] // each test binary uses its own part of this module

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The `filmgraph` binary, with no database or logging settings inherited from
/// the environment of whoever runs the tests.
pub fn filmgraph() -> Command {
    let mut cmd = Command::cargo_bin("filmgraph").unwrap();
    cmd.env_remove("FILMGRAPH_DB").env_remove("FILMGRAPH_LOG");
    cmd
}

/// `tests/fixtures/NAME`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `../shared`, beside the repository.
pub fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// The reference article of `../shared/reference`, beside the repository.
pub fn reference_article() -> PathBuf {
    shared().join("reference/lost_bullet_2020.txt")
}

/// The repository's sample articles.
pub fn sample_articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The sample copy of the reference article.
pub fn sample_lost_bullet() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles/lost_bullet_2020.txt")
}

/// Stdout or stderr as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A database for one test, of either backend, as `--db` names it.
pub enum TestDb {
    Sqlite(tempfile::TempDir, PathBuf),
    Postgres(filmgraph_store::testing::TestDatabase),
}

impl TestDb {
    /// A SQLite file in a fresh directory (not created yet).
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        TestDb::Sqlite(dir, path)
    }

    /// An empty database on a throwaway PostgreSQL server.
    pub fn postgres() -> TestDb {
        TestDb::Postgres(filmgraph_store::testing::TestDatabase::new())
    }

    /// What `--db` takes: the file's path or the database's URL.
    pub fn arg(&self) -> std::ffi::OsString {
        match self {
            TestDb::Sqlite(_, path) => path.clone().into_os_string(),
            TestDb::Postgres(db) => db.url().into(),
        }
    }

    /// The store, opened directly, to check what the commands left in it.
    pub fn open(&self) -> Box<dyn filmgraph_store::Store> {
        match self {
            TestDb::Sqlite(_, path) => Box::new(filmgraph_store::SqliteStore::open(path).unwrap()),
            TestDb::Postgres(db) => Box::new(filmgraph_store::PgStore::connect(db.url()).unwrap()),
        }
    }
}

/// `#[test]`s named `NAME::sqlite` and `NAME::postgres` running `NAME(TestDb)`
/// once on each backend.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[test]
                fn sqlite() {
                    super::$name($crate::common::TestDb::sqlite());
                }
                #[test]
                fn postgres() {
                    super::$name($crate::common::TestDb::postgres());
                }
            }
        )*
    };
}
