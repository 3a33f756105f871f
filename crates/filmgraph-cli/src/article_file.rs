//! Reading one article file: the checks that turn a bad file into one clear
//! error naming the file (and the line, where one is to blame), then parsing and
//! extraction.

use anyhow::{bail, Result};
use filmgraph_model::{Article, Diagnostic, Fact, Severity};
use filmgraph_parse::Format;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

/// The largest file read as one article. The longest encyclopedia articles are
/// a few megabytes; anything far bigger is not one article.
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The longest line an article may have. Paragraphs are a few kilobytes; a
/// megabyte line is a data file or a mistake, not prose.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// An article file that passed every check and parsed.
#[derive(Debug)]
pub struct ArticleFile {
    /// The path as the user gave it, for messages and provenance.
    pub path: String,
    pub text: String,
    pub article: Article,
}

impl ArticleFile {
    /// Reads, checks and parses `path`. Errors name the file; warnings the parser
    /// reported stay in `article.diagnostics`.
    pub fn read(path: &Path) -> Result<ArticleFile> {
        let shown = path.display().to_string();
        let text = read_text(path).map_err(|r| match r.line {
            Some(line) => anyhow::anyhow!("{shown}:{line}: {}", r.message),
            None => anyhow::anyhow!("{shown}: {}", r.message),
        })?;
        let article = catch_unwind(AssertUnwindSafe(|| {
            filmgraph_parse::parse(&text, Format::from_path(&shown))
        }))
        .map_err(|_| anyhow::anyhow!("{shown}: internal error: the parser panicked"))?;
        if let Some(error) = article
            .diagnostics
            .iter()
            .find(|d| d.severity == Severity::Error)
        {
            bail!("{shown}:{}: not an article: {}", error.line, error.message);
        }
        Ok(ArticleFile {
            path: shown,
            text,
            article,
        })
    }

    /// The article's facts. A panic in extraction becomes an error for this file
    /// alone, so one article never stops a batch.
    pub fn facts(&self) -> Result<Vec<Fact>> {
        catch_unwind(AssertUnwindSafe(|| {
            filmgraph_extract::extract(&self.article)
        }))
        .map_err(|_| anyhow::anyhow!("{}: internal error: fact extraction panicked", self.path))
    }

    /// The parser's warnings, as `path:line: message`.
    pub fn warnings(&self) -> impl Iterator<Item = String> + '_ {
        self.article
            .diagnostics
            .iter()
            .filter(|d: &&Diagnostic| d.severity == Severity::Warning)
            .map(|d| format!("{}:{}: {}", self.path, d.line, d.message))
    }
}

/// Why a file is not an article: a message, and the line to blame if any.
struct Rejection {
    line: Option<usize>,
    message: String,
}

fn reject<T>(line: Option<usize>, message: String) -> Result<T, Rejection> {
    Err(Rejection { line, message })
}

/// The file's text, if it is a readable, non-empty UTF-8 file of sane lines.
fn read_text(path: &Path) -> Result<String, Rejection> {
    let cannot_read = |e: std::io::Error| Rejection {
        line: None,
        message: format!("cannot read: {e}"),
    };
    let meta = fs::metadata(path).map_err(cannot_read)?;
    if meta.is_dir() {
        return reject(
            None,
            "is a directory, not an article file (name the files in it, e.g. DIR/*.txt)".into(),
        );
    }
    if meta.len() > MAX_FILE_BYTES {
        return reject(
            None,
            format!(
                "is {} bytes, more than the {} MiB an article may be",
                meta.len(),
                MAX_FILE_BYTES >> 20
            ),
        );
    }
    let bytes = fs::read(path).map_err(cannot_read)?;
    if bytes.is_empty() {
        return reject(None, "is empty, not an article".into());
    }
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

    /// The error message for a file with these bytes.
    fn error_for(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::File::create(&path).unwrap().write_all(bytes).unwrap();
        let err = ArticleFile::read(&path).unwrap_err();
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
        let file = ArticleFile::read(&path).unwrap();
        assert_eq!(file.article.title, "T");
    }

    #[test]
    fn a_directory_and_a_missing_file_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = format!("{:#}", ArticleFile::read(dir.path()).unwrap_err());
        assert!(err.contains("is a directory"), "{err}");
        let missing = dir.path().join("nope.txt");
        let err = format!("{:#}", ArticleFile::read(&missing).unwrap_err());
        assert!(
            err.starts_with(&format!("{}: cannot read: ", missing.display())),
            "{err}"
        );
    }

    #[test]
    fn a_title_only_article_reads_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.txt");
        fs::write(&path, "= Only a title =\n").unwrap();
        let file = ArticleFile::read(&path).unwrap();
        assert_eq!(file.article.title, "Only a title");
        assert_eq!(file.warnings().count(), 1);
    }
}
