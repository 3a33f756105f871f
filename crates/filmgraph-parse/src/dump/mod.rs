//! Streams pages out of MediaWiki XML exports: a single `<page>` element, a
//! whole `<mediawiki>` dump, plain or bzip2-compressed (multistream dumps
//! included: they are concatenated bzip2 streams).
//!
//! The reader holds one page at a time, never the whole dump. It stops at the
//! first error, after yielding it as an item: pages before it have already
//! been yielded. Byte offsets are offsets into the XML (the decompressed
//! stream, for `.bz2`).

use crate::parse_wikitext;
use bzip2::bufread::MultiBzDecoder;
use filmgraph_model::Article;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// Why a dump could not be read (further).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DumpError {
    #[error("cannot open the dump {path}: {source}")]
    Open { path: PathBuf, source: io::Error },
    #[error("cannot read the dump at byte {offset}: {source}")]
    Read { offset: u64, source: io::Error },
    #[error("malformed XML at byte {offset}: {message}")]
    Xml { offset: u64, message: String },
    #[error("the dump ends inside the page that starts at byte {offset}")]
    Truncated { offset: u64 },
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
    /// The revision's wikitext, XML entities decoded.
    pub text: String,
    /// Where the `<page>` element starts in the XML.
    pub byte_offset: u64,
}

impl Page {
    /// Parses the page's wikitext into an article titled with the page title.
    pub fn to_article(&self) -> Article {
        let mut article = parse_wikitext(&self.text, &self.title);
        if article.redirect.is_none() {
            article.redirect.clone_from(&self.redirect);
        }
        article
    }
}

/// An iterator over the pages of a dump.
pub struct DumpReader<R: BufRead> {
    reader: Reader<R>,
    buf: Vec<u8>,
    done: bool,
}

/// The reader [`DumpReader::open`] builds over a file.
pub type FileReader = Box<dyn BufRead + Send>;

impl DumpReader<FileReader> {
    /// Opens a dump file: `.xml`, or bzip2-compressed (found by its magic
    /// bytes, whatever the file is called).
    pub fn open(path: impl AsRef<Path>) -> Result<DumpReader<FileReader>> {
        let path = path.as_ref();
        let open_error = |source| DumpError::Open {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(open_error)?;
        let mut buffered = BufReader::with_capacity(1 << 16, file);
        let is_bzip2 = buffered.fill_buf().map_err(open_error)?.starts_with(b"BZh");
        let inner: FileReader = if is_bzip2 {
            Box::new(BufReader::with_capacity(
                1 << 16,
                MultiBzDecoder::new(buffered),
            ))
        } else {
            Box::new(buffered)
        };
        Ok(DumpReader::new(inner))
    }
}

impl<R: BufRead> DumpReader<R> {
    /// Reads XML from any buffered reader.
    pub fn new(reader: R) -> DumpReader<R> {
        DumpReader {
            reader: Reader::from_reader(reader),
            buf: Vec::new(),
            done: false,
        }
    }

    fn error(&self, e: quick_xml::Error) -> DumpError {
        match e {
            quick_xml::Error::Io(io) => DumpError::Read {
                offset: self.reader.buffer_position(),
                source: io::Error::new(io.kind(), io.to_string()),
            },
            other => DumpError::Xml {
                offset: self.reader.error_position(),
                message: other.to_string(),
            },
        }
    }

    /// Reads the rest of a page whose `<page>` started at `offset`.
    fn page(&mut self, offset: u64) -> Result<Page> {
        let mut page = Page {
            byte_offset: offset,
            ..Default::default()
        };
        // Element names inside the page, and the text of the current one.
        let mut path: Vec<Vec<u8>> = Vec::new();
        let mut text = String::new();
        loop {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(event) => event,
                Err(e) => return Err(self.error(e)),
            };
            let xml_error = |e: quick_xml::Error| DumpError::Xml {
                offset,
                message: e.to_string(),
            };
            match event {
                Event::Start(e) => {
                    if path.is_empty() && e.local_name().as_ref() == b"redirect" {
                        page.redirect = redirect_title(&e);
                    }
                    path.push(e.local_name().as_ref().to_vec());
                    text.clear();
                }
                Event::Empty(e) if path.is_empty() && e.local_name().as_ref() == b"redirect" => {
                    page.redirect = redirect_title(&e);
                }
                Event::Text(e) => {
                    text.push_str(&e.decode().map_err(|e| xml_error(e.into()))?);
                }
                Event::CData(e) => {
                    text.push_str(&e.decode().map_err(|e| xml_error(e.into()))?);
                }
                Event::GeneralRef(e) => {
                    if let Some(c) = e.resolve_char_ref().map_err(xml_error)? {
                        text.push(c);
                    } else {
                        let name = e.decode().map_err(|e| xml_error(e.into()))?;
                        match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(s) => text.push_str(s),
                            None => {
                                text.push('&');
                                text.push_str(&name);
                                text.push(';');
                            }
                        }
                    }
                }
                Event::End(_) => {
                    let Some(name) = path.pop() else {
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
                        ([r], b"text") if r == b"revision" => page.text = std::mem::take(&mut text),
                        _ => {}
                    }
                    text.clear();
                }
                Event::Eof => return Err(DumpError::Truncated { offset }),
                _ => {}
            }
        }
    }
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
                    if page.is_err() {
                        self.done = true;
                    }
                    return Some(page);
                }
                Ok(Event::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(e)));
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
    fn a_redirect_page_becomes_a_redirect_article() {
        let page = DumpReader::new(DUMP.as_bytes()).next().unwrap().unwrap();
        let article = page.to_article();
        assert_eq!(article.title, "Tom & Jerry");
        assert_eq!(article.redirect.as_deref(), Some("Tom and Jerry"));
    }
}
