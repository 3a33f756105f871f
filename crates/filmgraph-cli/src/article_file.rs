//! Reading articles from the files a user names: the checks that turn a bad
//! file into one clear error naming the file (and the line, where one is to
//! blame), then parsing. A plain-text or wikitext file holds one article; an
//! XML dump (`.xml`, `.xml.bz2`) is streamed page by page (by
//! [`crate::pipeline`], which hands each page to [`page_article`]).

use anyhow::{anyhow, Result};
use filmgraph_model::{Article, Fact, Severity};
use filmgraph_parse::dump::{DumpOptions, DumpReader, FileReader, Page};
use filmgraph_parse::Format;
use filmgraph_store::ArticleRecord;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// The largest file read as one article. The longest encyclopedia articles are
/// a few megabytes; anything far bigger is not one article. (Dumps are
/// streamed and have no limit.)
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The longest line an article may have. Paragraphs are a few kilobytes; a
/// megabyte line is a data file or a mistake, not prose.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// One article that was read and parsed.
#[derive(Debug)]
pub struct ArticleInput {
    /// The file as the user named it.
    pub path: String,
    /// `path`, or `path [page title]` for a page of a dump: what messages name.
    pub origin: String,
    /// The text the article's spans index into: the file, or the page's wikitext.
    pub text: String,
    pub article: Article,
}

impl ArticleInput {
    /// The article's facts. A panic in extraction becomes an error for this
    /// article alone, so one article never stops a batch.
    pub fn facts(&self) -> Result<Vec<Fact>> {
        catch_unwind(AssertUnwindSafe(|| {
            filmgraph_extract::extract(&self.article)
        }))
        .map_err(|_| anyhow!("{}: internal error: fact extraction panicked", self.origin))
    }

    /// The parser's warnings, as `origin:line: message`.
    pub fn warnings(&self) -> impl Iterator<Item = String> + '_ {
        self.article
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| format!("{}:{}: {}", self.origin, d.line, d.message))
    }
}

/// A film article once its facts are extracted: what `facts` and `ingest`
/// still need of it. The parsed article (several times the size of its
/// text) is not kept.
#[derive(Debug)]
pub struct FilmRead {
    /// The file as the user named it.
    pub path: String,
    /// What messages name: see [`ArticleInput::origin`].
    pub origin: String,
    /// The text the facts' spans index into.
    pub text: String,
    pub title: String,
    pub display_title: Option<String>,
    /// The parser's warnings, as `origin:line: message`.
    pub warnings: Vec<String>,
}

impl From<ArticleInput> for FilmRead {
    fn from(input: ArticleInput) -> Self {
        let warnings = input.warnings().collect();
        let ArticleInput {
            path,
            origin,
            text,
            article,
        } = input;
        FilmRead {
            path,
            origin,
            text,
            title: article.title,
            display_title: article.display_title.map(|(title, _)| title),
            warnings,
        }
    }
}

impl FilmRead {
    /// What the store keeps of the article.
    pub fn record(&self) -> ArticleRecord<'_> {
        ArticleRecord {
            title: &self.title,
            display_title: self.display_title.as_deref(),
            source_path: &self.path,
            text: &self.text,
        }
    }
}

/// Opens a dump (`.xml`, `.xml.bz2`) after the checks every input file gets.
pub fn open_dump(path: &Path, options: DumpOptions) -> Result<DumpReader<FileReader>> {
    let shown = path.display().to_string();
    check_file(path)
        .and_then(|_| {
            DumpReader::open_with(path, options).map_err(|e| Rejection {
                line: None,
                message: format!("cannot read: {e}"),
            })
        })
        .map_err(|r| r.naming(&shown))
}

/// What a page of a dump is to `facts` and `ingest`.
pub enum PageArticle {
    /// A film article, parsed.
    Film(Box<ArticleInput>),
    /// A redirect, or an article about something other than a film.
    NotFilm,
}

/// Parses a page of the dump at `path` (an article-namespace page that is
/// not a redirect) and tells whether it is a film article.
pub fn page_article(path: &str, page: Page) -> Result<PageArticle> {
    let origin = format!("{path} [{}]", page.title);
    if !filmgraph_parse::may_be_film(&page.text) {
        return Ok(PageArticle::NotFilm);
    }
    // Pages that are not films are judged on their infobox, categories and
    // lead, and their other sections never rendered; most are ruled out
    // from their lead alone, the rest of the page unparsed.
    let (article, film) = parse_guarded(&origin, || {
        if filmgraph_parse::lead_rules_out_film(&page.text, &page.title) {
            return (Article::default(), false);
        }
        page.to_article_if(|a| a.redirect.is_none() && filmgraph_parse::is_film(a))
    })?;
    if !film {
        return Ok(PageArticle::NotFilm);
    }
    let article = checked_article(article, &origin)?;
    Ok(PageArticle::Film(Box::new(ArticleInput {
        path: path.to_string(),
        origin,
        text: page.text,
        article,
    })))
}

/// Whether an article read from a file is a film article. A wikitext file is
/// judged as a dump page is ([`filmgraph_parse::is_film`]: its infobox,
/// categories and lead); a plain-text article is taken as the film it is
/// written about.
pub fn is_film_file(input: &ArticleInput) -> bool {
    Format::from_path(&input.path) != Format::Wikitext
        || (input.article.redirect.is_none() && filmgraph_parse::is_film(&input.article))
}

/// One plain-text or wikitext article file.
pub fn read_file(path: &Path) -> Result<ArticleInput> {
    let shown = path.display().to_string();
    let format = Format::from_path(&shown);
    read_text_file(path, shown, format)
}

fn read_text_file(path: &Path, shown: String, format: Format) -> Result<ArticleInput> {
    let text = read_text(path).map_err(|r| r.naming(&shown))?;
    let article = parse_guarded(&shown, || match format {
        // Wikitext has no title line: the file is named for the article.
        Format::Wikitext => filmgraph_parse::parse_wikitext(&text, &title_from_file_name(path)),
        _ => filmgraph_parse::parse(&text, format),
    })?;
    let article = checked_article(article, &shown)?;
    Ok(ArticleInput {
        path: shown.clone(),
        origin: shown,
        text,
        article,
    })
}

/// Runs a parser; a panic becomes an error for this article alone.
fn parse_guarded<T>(origin: &str, parse: impl FnOnce() -> T) -> Result<T> {
    catch_unwind(AssertUnwindSafe(parse))
        .map_err(|_| anyhow!("{origin}: internal error: the parser panicked"))
}

/// The article, unless the parser found that the input is not one.
fn checked_article(article: Article, origin: &str) -> Result<Article> {
    if let Some(error) = article
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error)
    {
        return Err(anyhow!(
            "{origin}:{}: not an article: {}",
            error.line,
            error.message
        ));
    }
    if article.title.trim().is_empty() {
        return Err(anyhow!("{origin}: not an article: it has no title"));
    }
    Ok(article)
}

/// `Lost_Bullet_(2020_film).wiki` -> `Lost Bullet (2020 film)`.
fn title_from_file_name(path: &Path) -> String {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    stem.replace('_', " ").trim().to_string()
}

/// Why a file is not an article: a message, and the line to blame if any.
struct Rejection {
    line: Option<usize>,
    message: String,
}

impl Rejection {
    /// The error, naming the file (and line) it is about.
    fn naming(self, file: &str) -> anyhow::Error {
        match self.line {
            Some(line) => anyhow!("{file}:{line}: {}", self.message),
            None => anyhow!("{file}: {}", self.message),
        }
    }
}

fn reject<T>(line: Option<usize>, message: String) -> Result<T, Rejection> {
    Err(Rejection { line, message })
}

fn cannot_read(e: std::io::Error) -> Rejection {
    Rejection {
        line: None,
        message: format!("cannot read: {e}"),
    }
}

/// `path`'s metadata, if it is a file and not empty.
fn check_file(path: &Path) -> Result<fs::Metadata, Rejection> {
    let meta = fs::metadata(path).map_err(cannot_read)?;
    if meta.is_dir() {
        return reject(
            None,
            "is a directory, not an article file (name the files in it, e.g. DIR/*.txt)".into(),
        );
    }
    if meta.len() == 0 {
        return reject(None, "is empty, not an article".into());
    }
    Ok(meta)
}

/// The file's text, if it is a readable, non-empty UTF-8 file of sane lines.
fn read_text(path: &Path) -> Result<String, Rejection> {
    let size = check_file(path)?.len();
    if size > MAX_FILE_BYTES {
        return reject(
            None,
            format!(
                "is {size} bytes, more than the {} MiB an article may be",
                MAX_FILE_BYTES >> 20
            ),
        );
    }
    let bytes = fs::read(path).map_err(cannot_read)?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bad = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            // The valid prefix is a str, so its lines are counted quickly.
            let prefix = std::str::from_utf8(&bytes[..bad]).unwrap_or_default();
            return reject(
                Some(prefix.split('\n').count()),
                format!(
                    "invalid UTF-8 (byte 0x{:02X} at byte offset {bad}); articles must be UTF-8 text",
                    bytes[bad]
                ),
            );
        }
    };
    if let Some((index, line)) = text
        .split('\n')
        .enumerate()
        .find(|(_, line)| line.len() > MAX_LINE_BYTES)
    {
        return reject(
            Some(index + 1),
            format!(
                "line is {} bytes long, more than the {} MiB a line of an article may be",
                line.len(),
                MAX_LINE_BYTES >> 20
            ),
        );
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// The one article (or error) of the file at `path`.
    fn read_one(path: &Path) -> Result<ArticleInput> {
        if Format::from_path(&path.display().to_string()) == Format::XmlDump {
            let page = open_dump(path, DumpOptions::default())?
                .next()
                .expect("one page")
                .map_err(|e| anyhow!("{}: {e}", path.display()))?;
            return match page_article(&path.display().to_string(), page)? {
                PageArticle::Film(input) => Ok(*input),
                PageArticle::NotFilm => Err(anyhow!("not a film")),
            };
        }
        read_file(path)
    }

    /// The error message for a file with these bytes.
    fn error_for(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::File::create(&path).unwrap().write_all(bytes).unwrap();
        let err = read_one(&path).unwrap_err();
        format!("{err:#}").replace(&path.display().to_string(), "FILE")
    }

    #[test]
    fn invalid_utf8_names_its_line_and_byte() {
        assert_eq!(
            error_for(b"= T =\n\nok\n\xffbad\n"),
            "FILE:4: invalid UTF-8 (byte 0xFF at byte offset 10); articles must be UTF-8 text"
        );
        assert!(error_for(b"\xc3").starts_with("FILE:1: invalid UTF-8"));
    }

    #[test]
    fn an_empty_file_is_not_an_article() {
        assert_eq!(error_for(b""), "FILE: is empty, not an article");
    }

    #[test]
    fn a_missing_title_is_reported_at_its_line() {
        assert_eq!(
            error_for(b"\n\nJust text.\n"),
            "FILE:3: not an article: no title line: an article starts with `= Title =`"
        );
    }

    #[test]
    fn an_overlong_line_is_refused() {
        let mut bytes = b"= T =\n\n".to_vec();
        bytes.extend(vec![b'x'; MAX_LINE_BYTES + 1]);
        let err = error_for(&bytes);
        assert!(
            err.starts_with("FILE:3: line is 1048577 bytes long"),
            "{err}"
        );
    }

    #[test]
    fn a_line_at_the_limit_is_read() {
        let mut bytes = b"= T =\n\n".to_vec();
        bytes.extend(vec![b'x'; MAX_LINE_BYTES]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, bytes).unwrap();
        assert_eq!(read_one(&path).unwrap().article.title, "T");
    }

    #[test]
    fn a_directory_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = format!("{:#}", read_one(dir.path()).unwrap_err());
        assert!(err.contains("is a directory"), "{err}");
        let missing = dir.path().join("nope.txt");
        let err = format!("{:#}", read_one(&missing).unwrap_err());
        assert!(
            err.starts_with(&format!("{}: cannot read: ", missing.display())),
            "{err}"
        );
        // Dumps are checked the same way before they are opened.
        let missing = dir.path().join("nope.xml");
        let err = format!("{:#}", read_one(&missing).unwrap_err());
        assert!(err.contains(": cannot read: "), "{err}");
    }

    #[test]
    fn a_title_only_article_reads_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        fs::write(&path, "= Only a title =\n").unwrap();
        let input = read_one(&path).unwrap();
        assert_eq!(input.article.title, "Only a title");
        assert_eq!(input.warnings().count(), 1);
    }

    #[test]
    fn a_wikitext_file_is_titled_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("Night_Train_(1999_film).wiki");
        fs::write(
            &path,
            "'''Night Train''' is a 1999 film directed by [[Ann Bee]].\n",
        )
        .unwrap();
        let input = read_one(&path).unwrap();
        assert_eq!(input.article.title, "Night Train (1999 film)");
    }

    #[test]
    fn a_dump_yields_its_film_pages_with_their_own_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dump.xml");
        fs::write(
            &path,
            "<mediawiki>\
             <page><title>Bar</title><ns>0</ns><id>2</id>\
               <revision><id>2</id><text>Bar is a 1999 song.</text></revision></page>\
             <page><title>Foo (1999 film)</title><ns>0</ns><id>3</id>\
               <revision><id>3</id><text>'''Foo''' is a 1999 American film \
               directed by [[Ann Bee]].</text></revision></page>\
             </mediawiki>",
        )
        .unwrap();
        let shown = path.display().to_string();
        let mut pages = open_dump(&path, DumpOptions::default()).unwrap();
        let bar = page_article(&shown, pages.next().unwrap().unwrap()).unwrap();
        assert!(matches!(bar, PageArticle::NotFilm));
        let PageArticle::Film(foo) = page_article(&shown, pages.next().unwrap().unwrap()).unwrap()
        else {
            panic!("Foo is a film")
        };
        assert_eq!(foo.article.title, "Foo (1999 film)");
        assert!(foo.origin.ends_with("dump.xml [Foo (1999 film)]"));
        assert!(foo.text.starts_with("'''Foo'''"), "{}", foo.text);
    }

    #[test]
    fn a_malformed_dump_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.xml");
        fs::write(&path, "<mediawiki><page><title>Foo</title>").unwrap();
        let err = format!("{:#}", read_one(&path).unwrap_err());
        assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
    }
}
