//! `filmgraph serve`: the web UI and JSON API over a database, read-only.

use crate::args::ServeArgs;
use crate::{db, index};
use anyhow::{Context, Result};
use filmgraph_index::{ChangeFollower, Index};
use filmgraph_server::{AppState, SharedStore};
use std::process::ExitCode;
use std::time::Duration;

/// How often a server over PostgreSQL reads the database's change log: a film
/// ingested by another process is in this server's search within about this
/// long, plus the time to index it.
const FOLLOW_INTERVAL: Duration = Duration::from_millis(500);

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    let store = db::open_existing(&db_path)?;
    // The index beside a SQLite file, else a private one in a temporary
    // directory: a read-only directory, say, or a PostgreSQL database, which
    // several servers share and each indexes for itself.
    let beside = (!db::is_postgres(&db_path)).then(|| index::dir_for(&db_path));
    let mut _temp = None;
    let index = match beside.as_ref().map(|dir| (dir, Index::open_or_create(dir))) {
        Some((_, Ok(index))) => index,
        other => {
            if let Some((dir, Err(err))) = other {
                eprintln!(
                    "warning: cannot use {} ({err}); indexing into a temporary directory",
                    dir.display()
                );
            }
            let temp = tempfile::tempdir().context("cannot create a temporary directory")?;
            let index = index::open(temp.path())?;
            _temp = Some(temp);
            index
        }
    };
    // Several servers may share a PostgreSQL database that other processes
    // write: each follows its change log from before the index is built.
    let follower = if db::is_postgres(&db_path) {
        Some(ChangeFollower::start(&*store).context("cannot read the database's change log")?)
    } else {
        None
    };
    if !index.is_current(&*store)? {
        eprintln!("indexing {} …", db::describe(&db_path));
        let stats = index
            .rebuild(&*store)
            .context("cannot build the search index")?;
        eprintln!("indexed {} documents", stats.documents);
    }
    let connections = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
    let mut stores: Vec<SharedStore> = vec![store];
    for _ in 1..connections {
        stores.push(db::open_existing(&db_path)?);
    }
    let state = AppState::new(stores, index);
    if let Some(follower) = follower {
        follow_changes(follower, state.clone(), db::open_existing(&db_path)?)?;
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.addr)
            .await
            .with_context(|| format!("cannot listen on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!(
            "filmgraph is serving http://{addr}/ (API docs at http://{addr}/docs); Ctrl-C stops it"
        );
        filmgraph_server::serve(listener, state, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Keeps the index current in a thread of its own, for as long as the
/// process runs. A failed poll is reported and tried again.
fn follow_changes(mut follower: ChangeFollower, state: AppState, store: SharedStore) -> Result<()> {
    std::thread::Builder::new()
        .name("follow-changes".into())
        .spawn(move || loop {
            std::thread::sleep(FOLLOW_INTERVAL);
            match follower.poll(state.index(), &*store) {
                Ok(0) => {}
                Ok(n) => tracing::info!(articles = n, "re-indexed changed articles"),
                Err(err) => tracing::warn!("cannot follow the database's changes: {err}"),
            }
        })
        .context("cannot start the thread that follows the database")?;
    Ok(())
}
