//! Throwaway PostgreSQL servers for tests (feature `testing`).
//!
//! [`PgCluster::start`] runs Debian's `initdb` into a temporary directory and
//! starts a server on a free local port, with its Unix socket in that directory
//! too; dropping the cluster stops the server and removes the directory.
//! [`TestDatabase::new`] gives each test a fresh database of its own on a
//! cluster shared by the whole test process. PostgreSQL refuses to run as root:
//! as root, the cluster runs as the `postgres` user (or `nobody`) through
//! `runuser`.
//!
//! Nothing here skips: when no server can be started the test fails and says
//! why (`apt-get install postgresql`, which `.ci/run` does).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, Weak};

/// A PostgreSQL server of its own, stopped and removed on drop.
#[derive(Debug)]
pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    /// The system user the server runs as, when the tests run as root.
    run_as: Option<String>,
}

impl PgCluster {
    /// Starts a server tuned for tests: no fsync, nothing durable.
    pub fn start() -> PgCluster {
        Self::start_with(&[
            ("fsync", "off"),
            ("full_page_writes", "off"),
            ("synchronous_commit", "off"),
        ])
    }

    /// Starts a server with these `postgresql.conf` settings (none: a server as
    /// Debian configures one, for benchmarks).
    pub fn start_with(settings: &[(&str, &str)]) -> PgCluster {
        match Self::try_start(settings) {
            Ok(cluster) => cluster,
            Err(why) => panic!("cannot start a PostgreSQL server for the tests: {why}"),
        }
    }

    fn try_start(settings: &[(&str, &str)]) -> Result<PgCluster, String> {
        let bin = find_bin_dir()?;
        let run_as = if is_root() {
            Some(system_user()?)
        } else {
            None
        };
        let dir = tempfile::Builder::new()
            .prefix("filmgraph-pg-")
            .tempdir()
            .map_err(|e| format!("cannot make a temporary directory: {e}"))?;
        if let Some(user) = &run_as {
            let (uid, gid) = ids_of(user)?;
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))
                .map_err(|e| format!("cannot give {} to {user}: {e}", dir.path().display()))?;
        }
        let mut cluster = PgCluster {
            dir,
            bin,
            port: 0,
            run_as,
        };
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "--auth=trust".as_ref(),
                "--username=postgres".as_ref(),
                "--encoding=UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        )?;
        let mut conf = String::from("\n# filmgraph tests\nmax_connections = 100\n");
        for (key, value) in settings {
            conf.push_str(&format!("{key} = '{value}'\n"));
        }
        append(&data.join("postgresql.conf"), &conf)?;

        // A port that was free a moment ago may be taken by the time the
        // server binds it: try a few.
        let mut last = String::new();
        for _ in 0..5 {
            cluster.port = free_port()?;
            let options = format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1",
                cluster.port,
                cluster.dir.path().display()
            );
            let log = cluster.dir.path().join("server.log");
            match cluster.run(
                "pg_ctl",
                &[
                    "-D".as_ref(),
                    data.as_os_str(),
                    "-l".as_ref(),
                    log.as_os_str(),
                    "-o".as_ref(),
                    options.as_ref(),
                    "-w".as_ref(),
                    "-t".as_ref(),
                    "60".as_ref(),
                    "start".as_ref(),
                ],
            ) {
                Ok(()) => {
                    cluster.watch_parent();
                    return Ok(cluster);
                }
                Err(e) => {
                    let log = std::fs::read_to_string(&log).unwrap_or_default();
                    last = format!("{e}\nserver log:\n{log}");
                }
            }
        }
        Err(last)
    }

    /// `postgres://postgres@127.0.0.1:PORT/DBNAME`.
    pub fn url(&self, dbname: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{dbname}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Creates an empty database and returns its URL.
    pub fn create_database(&self, name: &str) -> String {
        self.admin(&format!("CREATE DATABASE \"{name}\""));
        self.url(name)
    }

    /// Drops a database, disconnecting whoever still uses it.
    pub fn drop_database(&self, name: &str) {
        self.admin(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
    }

    fn admin(&self, sql: &str) {
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to the test server: {e:?}"));
        client
            .batch_execute(sql)
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Runs one of the server's programs, as the server's user.
    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Result<(), String> {
        let program = self.bin.join(program);
        let mut command = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&program);
                c
            }
            None => Command::new(&program),
        };
        let out = command
            .args(args)
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "{} failed ({}): {}{}",
                program.display(),
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// A watchdog that stops the server and removes its directory once this
    /// process is gone, should it die without dropping the cluster.
    fn watch_parent(&self) {
        let dir = self.dir.path().display().to_string();
        let pg_ctl = self.bin.join("pg_ctl").display().to_string();
        let as_user = self
            .run_as
            .as_ref()
            .map_or(String::new(), |u| format!("runuser -u {u} -- "));
        let script = format!(
            "while kill -0 {pid} 2>/dev/null && [ -d '{dir}' ]; do sleep 1; done; \
             if [ -d '{dir}' ]; then {as_user}'{pg_ctl}' -D '{dir}/data' -m immediate stop; \
             rm -rf '{dir}'; fi",
            pid = std::process::id()
        );
        let _ = Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.data_dir();
        let _ = self.run(
            "pg_ctl",
            &[
                "-D".as_ref(),
                data.as_os_str(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-w".as_ref(),
                "stop".as_ref(),
            ],
        );
        // The TempDir removes the directory, data and socket.
    }
}

/// A database of its own on the cluster shared by this test process; dropped
/// with the value. The cluster stops when the last database is dropped.
#[derive(Debug)]
pub struct TestDatabase {
    cluster: Arc<PgCluster>,
    name: String,
    url: String,
}

impl TestDatabase {
    pub fn new() -> TestDatabase {
        static SHARED: Mutex<Weak<PgCluster>> = Mutex::new(Weak::new());
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let cluster = {
            let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
            match shared.upgrade() {
                Some(cluster) => cluster,
                None => {
                    let cluster = Arc::new(PgCluster::start());
                    *shared = Arc::downgrade(&cluster);
                    cluster
                }
            }
        };
        let name = format!(
            "filmgraph_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let url = cluster.create_database(&name);
        TestDatabase { cluster, name, url }
    }

    /// `postgres://postgres@127.0.0.1:PORT/filmgraph_test_…`.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn cluster(&self) -> &PgCluster {
        &self.cluster
    }
}

impl Default for TestDatabase {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            self.cluster.drop_database(&self.name);
        }
    }
}

/// The directory of `initdb` and `pg_ctl`: `$FILMGRAPH_PG_BIN`, else the newest
/// `/usr/lib/postgresql/*/bin` (Debian's layout), else wherever `PATH` has them.
fn find_bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("FILMGRAPH_PG_BIN") {
        return Ok(dir.into());
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return Ok(bin);
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .find(|dir| dir.join("initdb").is_file() && dir.join("pg_ctl").is_file())
        .ok_or_else(|| {
            "no initdb in /usr/lib/postgresql/*/bin or on PATH: \
             install PostgreSQL (apt-get install postgresql) or set FILMGRAPH_PG_BIN"
                .to_string()
        })
}

fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The unprivileged user a server started by root runs as.
fn system_user() -> Result<String, String> {
    for user in ["postgres", "nobody"] {
        if ids_of(user).is_ok() {
            return Ok(user.to_string());
        }
    }
    Err("running as root, and neither a postgres nor a nobody user to run the server as".into())
}

fn ids_of(user: &str) -> Result<(u32, u32), String> {
    let id = |flag: &str| -> Result<u32, String> {
        let out = Command::new("id")
            .args([flag, user])
            .output()
            .map_err(|e| format!("cannot run id: {e}"))?;
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .map_err(|_| format!("no user {user}"))
    };
    Ok((id("-u")?, id("-g")?))
}

fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot find a free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

fn append(path: &Path, text: &str) -> Result<(), String> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
