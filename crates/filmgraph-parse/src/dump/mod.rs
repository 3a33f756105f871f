//! Streams pages out of MediaWiki XML exports: a single `<page>` element, a
//! whole `<mediawiki>` dump, plain or bzip2-compressed (multistream dumps
//! included: they are concatenated bzip2 streams).
//!
//! The reader holds one page at a time, never the whole dump, and at most
//! [`DumpOptions::max_text_bytes`] of its text. It stops at the first error
//! that leaves the XML unreadable (malformed XML, a truncated or corrupt
//! file), after yielding it as an item: pages before it have already been
//! yielded. A page whose text is not UTF-8 is an error item of its own
//! ([`DumpError::Page`]) and the reader goes on with the next page. Byte
//! offsets are offsets into the XML (the decompressed stream, for `.bz2`).

mod block_decoder;
mod blocks;

use crate::{parse_wikitext, parse_wikitext_if};
use blocks::ParallelDecoder;
use filmgraph_model::Article;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Why a dump, or one page of it, could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DumpError {
    #[error("cannot open the dump {path}: {source}")]
    Open { path: PathBuf, source: io::Error },
    #[error("cannot read the dump at byte {offset}{}: {source}", InPage(page))]
    Read {
        offset: u64,
        /// The title of the page being read, if any.
        page: Option<String>,
        source: io::Error,
    },
    #[error("malformed XML at byte {offset}{}: {message}", InPage(page))]
    Xml {
        offset: u64,
        page: Option<String>,
        message: String,
    },
    #[error(
        "the dump ends inside the page{} that starts at byte {offset}",
        Titled(page)
    )]
    Truncated { offset: u64, page: Option<String> },
    /// One page could not be read; the reader goes on with the next.
    #[error("page \"{title}\" at byte {offset}: {message}")]
    Page {
        offset: u64,
        title: String,
        message: String,
    },
}

impl DumpError {
    /// Whether the reader goes on after this error (it does after
    /// [`DumpError::Page`] only).
    pub fn is_recoverable(&self) -> bool {
        matches!(self, DumpError::Page { .. })
    }
}

/// ` in page "T"`, or nothing.
struct InPage<'a>(&'a Option<String>);

impl fmt::Display for InPage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(title) => write!(f, " in page \"{title}\""),
            None => Ok(()),
        }
    }
}

/// ` "T"`, or nothing.
struct Titled<'a>(&'a Option<String>);

impl fmt::Display for Titled<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(title) => write!(f, " \"{title}\""),
            None => Ok(()),
        }
    }
}

/// How a dump is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DumpOptions {
    /// The most bytes of a page's text kept: past it, the rest of the text is
    /// counted ([`Page::text_bytes`]) but not held, so one huge page cannot
    /// exhaust memory.
    pub max_text_bytes: usize,
    /// Threads decoding a `.bz2` file, block by block (see `blocks.rs`),
    /// besides the one that reads and cuts it.
    pub decoder_threads: usize,
}

impl Default for DumpOptions {
    fn default() -> Self {
        DumpOptions {
            max_text_bytes: 64 << 20,
            decoder_threads: 1,
        }
    }
}

/// How many bytes of the dump file have been read so far: with the file's
/// size, how far a reader has got. Shared with the thread that reads.
#[derive(Debug, Clone, Default)]
pub struct InputPosition(Arc<AtomicU64>);

impl InputPosition {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A reader that counts what it reads into an [`InputPosition`].
struct Counted<R> {
    inner: R,
    position: InputPosition,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.position.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

pub type Result<T, E = DumpError> = std::result::Result<T, E>;

/// One `<page>` of a dump, with its latest revision's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    pub title: String,
    /// The namespace: 0 for articles.
    pub ns: i64,
    pub id: u64,
    pub revision_id: u64,
    /// The revision's time stamp as written (`2018-08-14T06:47:24Z`).
    pub timestamp: String,
    /// `<redirect title="...">`: the page this one redirects to.
    pub redirect: Option<String>,
    /// The revision's wikitext, XML entities decoded; cut short (to empty)
    /// when it is longer than [`DumpOptions::max_text_bytes`].
    pub text: String,
    /// The length of the whole text in bytes: more than `text.len()` when it
    /// was too long to keep.
    pub text_bytes: u64,
    /// Where the `<page>` element starts in the XML.
    pub byte_offset: u64,
}

impl Page {
    /// Whether the text was too long to keep (see [`DumpOptions`]).
    pub fn text_cut(&self) -> bool {
        self.text_bytes > self.text.len() as u64
    }

    /// Parses the page's wikitext into an article titled with the page title.
    pub fn to_article(&self) -> Article {
        self.to_article_if(|_| true).0
    }

    /// Parses the page as far as `wanted` needs to judge it (see
    /// [`crate::parse_wikitext_if`]); the bool is its answer. A redirect
    /// page's target is set before it is judged.
    pub fn to_article_if(&self, wanted: impl FnOnce(&Article) -> bool) -> (Article, bool) {
        if self.redirect.is_none() {
            return parse_wikitext_if(&self.text, &self.title, wanted);
        }
        // A redirect (a line of text): read whole, with the dump's target.
        let mut article = parse_wikitext(&self.text, &self.title);
        if article.redirect.is_none() {
            article.redirect.clone_from(&self.redirect);
        }
        let yes = wanted(&article);
        (article, yes)
    }
}

/// An iterator over the pages of a dump.
pub struct DumpReader<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    done: bool,
    options: DumpOptions,
    site: Option<String>,
    input: Option<InputPosition>,
}

/// The bytes of a bzip2 file (one stream or many), decoded block by block
/// on `threads` threads (at least one) besides the one that reads the file.
/// A block that cannot be decoded is an [`io::ErrorKind::InvalidData`]
/// error naming its compressed byte offset; the blocks before it are read.
pub fn bzip2_decoder<R: Read + Send + 'static>(
    file: R,
    threads: usize,
) -> io::Result<impl Read + Send> {
    ParallelDecoder::new(file, threads)
}

/// The reader [`DumpReader::open`] builds over a file.
pub type FileReader = Box<dyn BufRead + Send>;

impl DumpReader<FileReader> {
    /// Opens a dump file: `.xml`, or bzip2-compressed (found by its magic
    /// bytes, whatever the file is called).
    pub fn open(path: impl AsRef<Path>) -> Result<DumpReader<FileReader>> {
        Self::open_with(path, DumpOptions::default())
    }

    /// [`DumpReader::open`] with options.
    pub fn open_with(
        path: impl AsRef<Path>,
        options: DumpOptions,
    ) -> Result<DumpReader<FileReader>> {
        let path = path.as_ref();
        let open_error = |source| DumpError::Open {
            path: path.to_path_buf(),
            source,
        };
        let position = InputPosition::default();
        let file = Counted {
            inner: File::open(path).map_err(open_error)?,
            position: position.clone(),
        };
        let mut buffered = BufReader::with_capacity(1 << 16, file);
        let is_bzip2 = buffered.fill_buf().map_err(open_error)?.starts_with(b"BZh");
        let inner: FileReader = if is_bzip2 {
            let decoder = bzip2_decoder(buffered, options.decoder_threads).map_err(open_error)?;
            Box::new(BufReader::with_capacity(1 << 16, decoder))
        } else {
            Box::new(buffered)
        };
        let mut reader = DumpReader::with_options(inner, options);
        reader.input = Some(position);
        Ok(reader)
    }
}

impl<R: BufRead> DumpReader<R> {
    /// Reads XML from any buffered reader.
    pub fn new(reader: R) -> DumpReader<R> {
        Self::with_options(reader, DumpOptions::default())
    }

    /// Reads XML from any buffered reader, with options.
    pub fn with_options(reader: R, options: DumpOptions) -> DumpReader<R> {
        DumpReader {
            reader: Reader::from_reader(reader),
            buf: Vec::new(),
            done: false,
            options,
            site: None,
            input: None,
        }
    }

    /// The wiki the dump is of: the `<dbname>` of its `<siteinfo>`
    /// (`enwiki`), once the reader has gone past it.
    pub fn site(&self) -> Option<&str> {
        self.site.as_deref()
    }

    /// How far into the file a reader made by [`DumpReader::open`] has read
    /// (compressed bytes, for `.bz2`): a handle another thread can watch.
    pub fn input_position(&self) -> Option<InputPosition> {
        self.input.clone()
    }

    /// How many bytes of XML have been read.
    pub fn xml_position(&self) -> u64 {
        self.reader.buffer_position()
    }

    fn error(&self, e: quick_xml::Error, page: Option<&str>) -> DumpError {
        let page = page.filter(|t| !t.is_empty()).map(str::to_string);
        match e {
            quick_xml::Error::Io(io) => DumpError::Read {
                offset: self.reader.buffer_position(),
                page,
                source: io::Error::new(io.kind(), io.to_string()),
            },
            other => DumpError::Xml {
                offset: self.reader.error_position(),
                page,
                message: other.to_string(),
            },
        }
    }

    /// Reads `<siteinfo>` for the site's `<dbname>`.
    fn siteinfo(&mut self) -> Result<()> {
        let mut in_dbname = false;
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.error(e, None)),
            };
            match event {
                Event::Start(e) => in_dbname = e.local_name().as_ref() == b"dbname",
                Event::Text(e) if in_dbname => {
                    let name = String::from_utf8_lossy(e.as_ref()).trim().to_string();
                    if !name.is_empty() {
                        self.site = Some(name);
                    }
                }
                Event::End(e) => {
                    in_dbname = false;
                    if e.local_name().as_ref() == b"siteinfo" {
                        return Ok(());
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// Reads the rest of a page whose `<page>` started at `offset`.
    fn page(&mut self, offset: u64) -> Result<Page> {
        let mut page = Page {
            byte_offset: offset,
            ..Default::default()
        };
        // Element names inside the page, and the text of the current one:
        // kept up to the limit, counted beyond it.
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut text = String::new();
        let mut text_bytes: u64 = 0;
        let limit = self.options.max_text_bytes;
        // Why the page cannot be read, if it cannot: the rest of it is still
        // read, so that the reader can go on with the next page.
        let mut bad: Option<String> = None;
        let keep = |text: &mut String, text_bytes: &mut u64, s: &str| {
            *text_bytes += s.len() as u64;
            if *text_bytes <= limit as u64 {
                text.push_str(s);
            } else {
                text.clear();
            }
        };
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.error(e, Some(&page.title))),
            };
            match event {
                Event::Start(e) => {
                    if path.is_empty() && e.local_name().as_ref() == b"redirect" {
                        page.redirect = redirect_title(&e);
                    }
                    let name = e.local_name();
                    let starts_text = name.as_ref() == b"text"
                        && matches!(path.as_slice(), [r] if r == b"revision");
                    path.push(name.as_ref().to_vec());
                    text.clear();
                    text_bytes = 0;
                    if starts_text {
                        // The dump says how long the text is: room for it
                        // at once, not a copy each time it outgrows its room
                        // (within the limit, whatever the attribute claims).
                        text.reserve(declared_bytes(&e).min(limit).min(MAX_RESERVE));
                    }
                }
                Event::Empty(e) if path.is_empty() && e.local_name().as_ref() == b"redirect" => {
                    page.redirect = redirect_title(&e);
                }
                Event::Text(e) => match std::str::from_utf8(e.as_ref()) {
                    Ok(s) => keep(&mut text, &mut text_bytes, s),
                    Err(u) => {
                        bad.get_or_insert_with(|| invalid_utf8(&self.reader, e.len(), u));
                    }
                },
                Event::CData(e) => match std::str::from_utf8(e.as_ref()) {
                    Ok(s) => keep(&mut text, &mut text_bytes, s),
                    Err(u) => {
                        bad.get_or_insert_with(|| invalid_utf8(&self.reader, e.len(), u));
                    }
                },
                Event::GeneralRef(e) => match e.resolve_char_ref() {
                    Ok(Some(c)) => keep(&mut text, &mut text_bytes, c.encode_utf8(&mut [0; 4])),
                    Ok(None) => {
                        let name = String::from_utf8_lossy(e.as_ref());
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => keep(&mut text, &mut text_bytes, s),
                            None => keep(&mut text, &mut text_bytes, &format!("&{name};")),
                        }
                    }
                    Err(err) => {
                        bad.get_or_insert_with(|| err.to_string());
                    }
                },
                Event::End(_) => {
                    let Some(name) = path.pop() else {
                        if let Some(message) = bad {
                            return Err(DumpError::Page {
                                offset,
                                title: page.title,
                                message,
                            });
                        }
                        return Ok(page);
                    };
                    match (path.as_slice(), name.as_slice()) {
                        ([], b"title") => page.title = std::mem::take(&mut text),
                        ([], b"ns") => page.ns = text.trim().parse().unwrap_or(0),
                        ([], b"id") => page.id = text.trim().parse().unwrap_or(0),
                        ([r], b"id") if r == b"revision" => {
                            page.revision_id = text.trim().parse().unwrap_or(0)
                        }
                        ([r], b"timestamp") if r == b"revision" => {
                            page.timestamp = std::mem::take(&mut text)
                        }
                        ([r], b"text") if r == b"revision" => {
                            page.text = std::mem::take(&mut text);
                            page.text_bytes = text_bytes;
                        }
                        _ => {}
                    }
                    text.clear();
                    text_bytes = 0;
                }
                Event::Eof => {
                    let page = Some(page.title).filter(|t| !t.is_empty());
                    return Err(DumpError::Truncated { offset, page });
                }
                _ => {}
            }
        }
    }
}

/// The message for text that is not UTF-8, with the byte offset of the first
/// bad byte (the reader has just read the `len` bytes of the event).
fn invalid_utf8<R>(reader: &Reader<R>, len: usize, e: std::str::Utf8Error) -> String {
    let at = reader.buffer_position() - len as u64 + e.valid_up_to() as u64;
    format!("the text is not UTF-8 (an invalid byte at byte {at})")
}

/// Most bytes reserved up front for a page's text on the word of its
/// `bytes` attribute.
const MAX_RESERVE: usize = 4 << 20;

/// The length a `<text bytes="N">` element declares for its text; 0 if none.
fn declared_bytes(e: &BytesStart<'_>) -> usize {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"bytes")
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(0)
}

fn redirect_title(e: &BytesStart<'_>) -> Option<String> {
    let attr = e.try_get_attribute("title").ok()??;
    let value = attr.unescape_value().ok()?;
    Some(value.into_owned())
}

impl<R: BufRead> Iterator for DumpReader<R> {
    type Item = Result<Page>;

    fn next(&mut self) -> Option<Result<Page>> {
        if self.done {
            return None;
        }
        loop {
            let offset = self.reader.buffer_position();
            self.buf.clear();
            match self.reader.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"page" => {
                    let page = self.page(offset);
                    if page.as_ref().is_err_and(|e| !e.is_recoverable()) {
                        self.done = true;
                    }
                    if self.buf.capacity() > 1 << 20 {
                        // After a huge page, give the memory back.
                        self.buf = Vec::new();
                    }
                    return Some(page);
                }
                Ok(Event::Start(e)) if e.local_name().as_ref() == b"siteinfo" => {
                    if let Err(e) = self.siteinfo() {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
                Ok(Event::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(e, None)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DUMP: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">
  <siteinfo><sitename>Wikipedia</sitename><namespaces><namespace key="0" /></namespaces></siteinfo>
  <page>
    <title>Tom &amp; Jerry</title>
    <ns>0</ns>
    <id>7</id>
    <redirect title="Tom and Jerry" />
    <revision>
      <id>70</id>
      <timestamp>2018-08-14T06:47:24Z</timestamp>
      <text bytes="30" xml:space="preserve">#REDIRECT [[Tom and Jerry]]</text>
    </revision>
  </page>
  <page>
    <title>Foo</title>
    <ns>0</ns>
    <id>8</id>
    <revision><id>80</id><text>old</text></revision>
    <revision><id>81</id><text>'''Foo''' &lt;ref&gt;x&lt;/ref&gt; is &amp;nbsp; a film.</text></revision>
  </page>
  <page><title>Gone</title><ns>1</ns><id>9</id><revision><id>90</id><text deleted="deleted" /></revision></page>
</mediawiki>"#;

    #[test]
    fn reads_every_page_with_its_fields() {
        let pages: Vec<Page> = DumpReader::new(DUMP.as_bytes())
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(pages.len(), 3);
        let p = &pages[0];
        assert_eq!(
            (p.title.as_str(), p.ns, p.id, p.revision_id),
            ("Tom & Jerry", 0, 7, 70)
        );
        assert_eq!(p.timestamp, "2018-08-14T06:47:24Z");
        assert_eq!(p.redirect.as_deref(), Some("Tom and Jerry"));
        assert_eq!(p.byte_offset as usize, DUMP.find("<page>").unwrap());
        let foo = &pages[1];
        assert_eq!(foo.revision_id, 81);
        assert_eq!(foo.text, "'''Foo''' <ref>x</ref> is &nbsp; a film.");
        assert_eq!(
            foo.to_article().sections[0].paragraphs[0].text,
            "Foo is a film."
        );
        assert_eq!((pages[2].ns, pages[2].text.as_str()), (1, ""));
    }

    #[test]
    fn the_site_comes_from_the_siteinfo() {
        let xml = DUMP.replace("<sitename>", "<dbname>enwiki</dbname><sitename>");
        let mut reader = DumpReader::new(xml.as_bytes());
        assert_eq!(reader.site(), None);
        reader.next().unwrap().unwrap();
        assert_eq!(reader.site(), Some("enwiki"));
    }

    #[test]
    fn a_text_over_the_limit_is_counted_not_kept() {
        let options = DumpOptions {
            max_text_bytes: 10,
            ..Default::default()
        };
        let pages: Vec<Page> = DumpReader::with_options(DUMP.as_bytes(), options)
            .collect::<Result<_>>()
            .unwrap();
        let foo = &pages[1];
        assert!(foo.text_cut());
        assert_eq!((foo.text.as_str(), foo.text_bytes), ("", 40));
    }

    #[test]
    fn the_declared_length_of_a_text_only_reserves_room() {
        // Wrong in both directions, or not a number: the text is what is there.
        for bytes in ["3", "99999999999", "-1", "many"] {
            let xml = format!(
                "<mediawiki><page><title>A</title><revision>\
                 <text bytes=\"{bytes}\">a film &amp; more</text></revision></page></mediawiki>"
            );
            let pages: Vec<Page> = DumpReader::new(xml.as_bytes())
                .collect::<Result<_>>()
                .unwrap();
            assert_eq!(pages[0].text, "a film & more", "bytes=\"{bytes}\"");
        }
    }

    #[test]
    fn a_page_that_is_not_utf8_is_an_error_and_the_next_page_is_read() {
        let mut xml = b"<mediawiki><page><title>Bad</title><revision><text>a".to_vec();
        xml.extend(b"\xff\xfe b</text></revision></page>");
        xml.extend(
            b"<page><title>Good</title><revision><text>ok</text></revision></page></mediawiki>",
        );
        let items: Vec<_> = DumpReader::new(xml.as_slice()).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        let err = items[0].as_ref().unwrap_err();
        assert!(err.is_recoverable());
        assert_eq!(
            err.to_string(),
            "page \"Bad\" at byte 11: the text is not UTF-8 (an invalid byte at byte 52)"
        );
        assert_eq!(items[1].as_ref().unwrap().title, "Good");
    }

    #[test]
    fn errors_name_the_page_they_are_in() {
        let xml = "<mediawiki><page><title>Cut</title><revision><text>abc";
        let err = DumpReader::new(xml.as_bytes()).next().unwrap().unwrap_err();
        assert_eq!(
            err.to_string(),
            "the dump ends inside the page \"Cut\" that starts at byte 11"
        );
        let xml = "<mediawiki><page><title>Oops</title></wrong></page>";
        let err = DumpReader::new(xml.as_bytes()).next().unwrap().unwrap_err();
        assert!(err.to_string().contains("in page \"Oops\""), "{err}");
    }

    #[test]
    fn a_redirect_page_becomes_a_redirect_article() {
        let page = DumpReader::new(DUMP.as_bytes()).next().unwrap().unwrap();
        let article = page.to_article();
        assert_eq!(article.title, "Tom & Jerry");
        assert_eq!(article.redirect.as_deref(), Some("Tom and Jerry"));
    }
}
