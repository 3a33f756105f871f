//! [`AppState`]: what every handler reads: a small pool of store connections
//! and the search index.

use crate::error::ApiError;
use filmgraph_index::Index;
use filmgraph_store::Store;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A store connection that may move between threads.
pub type SharedStore = Box<dyn Store + Send>;

/// Shared, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    stores: Vec<Mutex<SharedStore>>,
    next: AtomicUsize,
    index: Index,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("stores", &self.inner.stores.len())
            .field("index", &self.inner.index)
            .finish()
    }
}

impl AppState {
    /// State over these store connections (each used by one request at a
    /// time; give about two per core) and an index built from the same store.
    ///
    /// # Panics
    /// If `stores` is empty.
    pub fn new(stores: Vec<SharedStore>, index: Index) -> AppState {
        assert!(!stores.is_empty(), "a server needs a store");
        AppState {
            inner: Arc::new(Inner {
                stores: stores.into_iter().map(Mutex::new).collect(),
                next: AtomicUsize::new(0),
                index,
            }),
        }
    }

    pub fn index(&self) -> &Index {
        &self.inner.index
    }

    /// Runs `f` with a free store connection (or waits for one). Queries are
    /// short, so they run on the request's own thread.
    pub fn with_store<T>(
        &self,
        f: impl FnOnce(&dyn Store) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let stores = &self.inner.stores;
        let start = self.inner.next.fetch_add(1, Ordering::Relaxed) % stores.len();
        for i in 0..stores.len() {
            if let Ok(store) = stores[(start + i) % stores.len()].try_lock() {
                return f(store.as_ref());
            }
        }
        let store = stores[start].lock().unwrap_or_else(|e| e.into_inner());
        f(store.as_ref())
    }
}
