//! The command line, as clap parses it.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turns film encyclopedia articles into facts with provenance.
///
/// Articles are plain-text files: a `= Title =` line, optional `- Key: Value`
/// infobox lines, paragraphs and `==Section==` headings.
#[derive(Debug, Parser)]
#[command(name = "filmgraph", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the facts extracted from articles, one JSON object a line.
    ///
    /// The form is the one of FACTS.md; every fact carries its article, section
    /// and the byte range of the sentence it was read from.
    Facts(FactsArgs),
    /// Store articles and their facts in the database.
    ///
    /// An article ingested again replaces what was stored for it. A file that
    /// cannot be read or is not an article is reported and skipped; the exit
    /// code is non-zero if any was.
    Ingest(IngestArgs),
    /// Show a film with a citation for every fact, or a person's credits.
    ///
    /// Titles match with or without their disambiguation (`Lost Bullet` finds
    /// `Lost Bullet (2020 film)`), whatever the case and accents.
    Show(ShowArgs),
    /// Find films and people whose name contains the query.
    Search(SearchArgs),
    /// Serve the web UI and the JSON API over the database (read-only).
    ///
    /// The search index beside the database (`DB-index/`) is rebuilt first if
    /// it is missing or out of date.
    Serve(ServeArgs),
    /// Show the state of the search index beside the database, or rebuild it.
    Index(IndexArgs),
    /// Write the whole database to a SQLite file or a JSON-lines file.
    ///
    /// Every article with its text and facts; `filmgraph import` reads either
    /// back into any database, SQLite or PostgreSQL.
    Export(ExportArgs),
    /// Copy every article of another database or an export into this one.
    ///
    /// Moving from SQLite to PostgreSQL is one command:
    /// `filmgraph import --db postgres://host/filmgraph filmgraph.db`. An
    /// article already stored is replaced, as `ingest` does.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Where to listen (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "HOST:PORT")]
    pub addr: String,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Rebuild the index from the database.
    #[arg(long)]
    pub rebuild: bool,
}

#[derive(Debug, Args)]
pub struct FactsArgs {
    /// Article files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Article files (not directories: use a glob such as `articles/*.txt`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Remove the stored articles of a wiki whose pages are not in the dumps
    /// read (give every part of a split dump in one run). Without it they are
    /// kept, and counted in the summary.
    #[arg(long)]
    pub prune: bool,
    /// Parse and store every page, even those already stored at the same
    /// revision (after an upgrade of filmgraph, say).
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// How articles are read, for `facts` and `ingest`.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// No progress bar (there is none either when stderr is not a terminal).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Threads parsing articles [default: one per core].
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Pages of a dump with more wikitext than this are reported, not parsed.
    #[arg(long, default_value_t = 8 << 20, value_name = "BYTES")]
    pub max_page_bytes: usize,
    /// A page whose parsing and extraction take longer is reported and
    /// given up.
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS")]
    pub page_timeout: f64,
}

impl RunArgs {
    pub fn jobs(&self) -> usize {
        self.jobs
            .filter(|&n| n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }

    pub fn page_timeout(&self) -> std::time::Duration {
        std::time::Duration::try_from_secs_f64(self.page_timeout)
            .unwrap_or(std::time::Duration::from_secs(30))
    }
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// A film title or a person's name (several words need no quotes).
    #[arg(required = true, value_name = "TITLE")]
    pub title: Vec<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// Part of a title or name.
    #[arg(required = true, value_name = "QUERY")]
    pub query: Vec<String>,
    /// Show at most this many results.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,
}

/// Where the database is.
#[derive(Debug, Clone, Args)]
pub struct DbArgs {
    /// The SQLite database file, or a PostgreSQL database's URL
    /// (postgres://user:password@host:port/dbname) [default: filmgraph.db in
    /// the user's data directory, e.g. ~/.local/share/filmgraph/filmgraph.db]
    #[arg(long, env = "FILMGRAPH_DB", value_name = "PATH|URL")]
    pub db: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// What to write: a SQLite database file, or one JSON object a line per
    /// article (its text and facts) [default: jsonl for a PATH ending in
    /// .jsonl, else sqlite]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// The file to write; it must not exist. `-` writes jsonl to stdout.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Sqlite,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The database to import into (see `--db` of `ingest`).
    #[command(flatten)]
    pub db: DbArgs,
    /// What to import: a file written by `filmgraph export` (jsonl), a
    /// filmgraph SQLite database, or a postgres:// URL.
    #[arg(value_name = "SOURCE")]
    pub source: PathBuf,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn several_words_make_one_title() {
        let cli =
            Cli::try_parse_from(["filmgraph", "show", "--db", "x.db", "Lost", "Bullet"]).unwrap();
        let Command::Show(args) = cli.command else {
            panic!("not show")
        };
        assert_eq!(args.title.join(" "), "Lost Bullet");
        assert_eq!(args.db.db.unwrap(), PathBuf::from("x.db"));
    }
}
