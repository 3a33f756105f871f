//! The parser never panics, never overflows the stack and never goes
//! quadratic, whatever it is given; the dump reader turns broken input into
//! error items.

use filmgraph_model::Article;
use filmgraph_parse::dump::{DumpError, DumpReader};
use filmgraph_parse::{is_film, lead_rules_out_film, parse, parse_wikitext, Format};
use std::io::Write;
use std::time::{Duration, Instant};

const ENWIKI_SLICE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/gensim-enwiki-dump-slice/",
    "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
);

/// What every parsed article must satisfy: spans inside the input, anchors
/// sorted, mapped spans inside their paragraph.
fn check_invariants(input: &str, a: &Article) {
    for s in &a.sections {
        assert!(s.span.start <= s.span.end && s.span.end <= input.len());
        for p in &s.paragraphs {
            assert!(!p.text.is_empty());
            assert!(p.span.start <= p.span.end && p.span.end <= input.len());
            assert!(
                p.anchors.windows(2).all(|w| w[0].0 < w[1].0),
                "{:?}",
                p.anchors
            );
            assert!(p.refs.iter().all(|r| r.0 <= p.text.len()));
            assert!(p.span.contains(p.source_span(0, p.text.len())));
        }
    }
    for f in &a.infobox {
        assert!(f.span.end <= input.len() && f.value_span.end <= input.len());
        assert!(f.span.start <= f.value_span.start);
    }
    let _ = is_film(a);
}

fn parse_checked(input: &str) -> Article {
    let a = parse_wikitext(input, "T");
    check_invariants(input, &a);
    // Judging by the lead never rules out what the whole page calls a film.
    if lead_rules_out_film(input, "T") {
        assert!(!is_film(&a), "ruled out by its lead: {input:?}");
    }
    a
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for (open, close) in [
        ("{{", "}}"),
        ("[[", "]]"),
        ("{{{", "}}}"),
        ("<ref>", "</ref>"),
        ("{{x|", "}}"),
        ("[[a|", "]]"),
        ("{{Infobox film|director=", "}}"),
    ] {
        let input = open.repeat(10_000) + "x" + &close.repeat(10_000);
        let a = parse_checked(&input);
        // `[[[[...` is text and one link, as in MediaWiki: nothing nests.
        if open != "[[" {
            assert!(!a.diagnostics.is_empty(), "{open}: no diagnostic");
        }
        let unclosed = open.repeat(10_000);
        parse_checked(&unclosed);
    }
    let mixed = "{{a|[[b|<ref>{{c|".repeat(3_000);
    parse_checked(&mixed);
}

#[test]
fn deep_nesting_also_runs_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let input = "{{x|[[a|".repeat(5_000) + &"]]}}".repeat(5_000);
            parse_wikitext(&input, "T").diagnostics.len()
        })
        .unwrap();
    assert!(handle.join().unwrap() > 0);
}

#[test]
fn unclosed_markup_stays_linear() {
    let start = Instant::now();
    for piece in [
        "<nowiki>",
        "<math>",
        "<!--",
        "<ref>",
        "{{",
        "[[",
        "[[a\n",
        "[http://x ",
        "<ref name=a/>",
        "{|\n",
        "''",
        "&amp",
        "</ref>",
        "]]",
        "}}",
        "<br",
        "|",
    ] {
        parse_checked(&format!("a {} b\n", piece).repeat(20_000));
    }
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
}

/// A seeded xorshift, so the fuzz cases are the same on every run.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "{{",
    "}}",
    "{{{",
    "}}}",
    "[[",
    "]]",
    "|",
    "=",
    "<ref>",
    "</ref>",
    "<ref name=a/>",
    "<ref name=\"a\">",
    "<!--",
    "-->",
    "<nowiki>",
    "</nowiki>",
    "'''",
    "''",
    "\n",
    "\n\n",
    "*",
    "#",
    ":",
    "==",
    "===",
    "{|",
    "|}",
    "|-",
    "&amp;",
    "&nbsp;",
    "&#x41;",
    "&",
    ";",
    "[http://x.org ",
    "]",
    "<br>",
    "<br />",
    "<",
    ">",
    "a",
    "b c",
    "é",
    "日本",
    "Infobox film",
    "Film date",
    "ubl",
    "Plainlist",
    "#if:",
    "cite web",
    "url=",
    "__NOTOC__",
    "[[File:",
    "[[Category:",
    "2019 films",
    " is a 2019 drama film. ",
    "director = ",
    "#REDIRECT ",
    "2020",
    " ",
    "<math>",
    "</math>",
    "<small>",
    "Based on",
    "USD",
    "lang",
    "nihongo",
    "'",
];

/// `FUZZ_CASES` and `FUZZ_SEED` run more or other cases than CI does.
fn fuzz_setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn random_input_never_panics() {
    let mut rng = XorShift(fuzz_setting("FUZZ_SEED", 0x5eed_f11e_9a4b_0001));
    for case in 0..fuzz_setting("FUZZ_CASES", 2_000) {
        let input = if case % 2 == 0 {
            let bytes: Vec<u8> = (0..rng.below(300)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..rng.below(200))
                .map(|_| TOKENS[rng.below(TOKENS.len())])
                .collect()
        };
        parse_checked(&input);
    }
}

#[test]
fn random_xml_never_panics() {
    let mut rng = XorShift(0x0bad_c0de_1234_5678);
    let page = "<mediawiki><page><title>A &amp; B</title><ns>0</ns><id>1</id>\
                <revision><id>2</id><timestamp>t</timestamp>\
                <text xml:space=\"preserve\">{{Infobox film|director=[[X]]}}\
                '''A''' is a 2001 film.</text></revision></page></mediawiki>";
    for _ in 0..500 {
        let mut bytes = page.as_bytes().to_vec();
        for _ in 0..1 + rng.below(4) {
            if bytes.is_empty() {
                break;
            }
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => bytes[at] = b"<>&/\"x"[rng.below(6)],
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.truncate(at),
            }
        }
        for page in DumpReader::new(bytes.as_slice()).take(10).flatten() {
            check_invariants(&page.text, &page.to_article());
        }
        if let Ok(xml) = std::str::from_utf8(&bytes) {
            let _ = parse(xml, Format::XmlDump);
        }
    }
}

#[test]
fn malformed_xml_mid_stream_is_an_error_after_the_good_pages() {
    let xml = "<mediawiki>\n<page><title>A</title><revision><text>a</text></revision></page>\n\
               <page><title>B</title></oops></page>\n\
               <page><title>C</title></page></mediawiki>";
    let items: Vec<_> = DumpReader::new(xml.as_bytes()).collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().title, "A");
    match &items[1] {
        Err(e @ DumpError::Xml { offset, .. }) => {
            assert_eq!(*offset as usize, xml.find("</oops>").unwrap());
            assert!(e.to_string().contains(&format!("byte {offset}")));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_dump_cut_inside_a_page_is_an_error() {
    let xml = "<mediawiki><page><title>A</title><revision><text>a</text></revision></page>\
               <page><title>B</title><revision><text>b";
    let items: Vec<_> = DumpReader::new(xml.as_bytes()).collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].is_ok());
    assert!(
        matches!(items[1], Err(DumpError::Truncated { .. })),
        "{:?}",
        items[1]
    );
}

#[test]
fn a_truncated_bz2_is_an_error_not_a_panic() {
    let whole = std::fs::read(ENWIKI_SLICE).unwrap();
    for cut in [50, 100_000, whole.len() / 2, whole.len() - 10] {
        let mut file = tempfile::Builder::new()
            .suffix(".xml.bz2")
            .tempfile()
            .unwrap();
        file.write_all(&whole[..cut]).unwrap();
        file.flush().unwrap();
        let items: Vec<_> = DumpReader::open(file.path()).unwrap().collect();
        let errors = items.iter().filter(|i| i.is_err()).count();
        assert_eq!(errors, 1, "cut at {cut}: {} items", items.len());
        assert!(
            items.last().unwrap().is_err(),
            "cut at {cut}: the error ends the stream"
        );
    }
}

#[test]
fn a_missing_file_is_an_open_error() {
    let e = DumpReader::open("/no/such/dump.xml.bz2").err().unwrap();
    assert!(matches!(e, DumpError::Open { .. }));
    assert!(e.to_string().contains("/no/such/dump.xml.bz2"));
}

#[test]
fn mutated_real_articles_never_panic() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/piki-wikipedia-film-database/fixtures/Rocky.xml"
    );
    let page = DumpReader::open(path).unwrap().next().unwrap().unwrap();
    let text = page.text;
    let mut rng = XorShift(fuzz_setting("FUZZ_SEED", 0x0123_4567_89ab_cdef));
    for _ in 0..fuzz_setting("FUZZ_CASES", 2_000) / 40 {
        let mut s = text.clone();
        for _ in 0..1 + rng.below(5) {
            let a = rng.below(s.len());
            let b = (a + rng.below(2_000)).min(s.len());
            let (a, b) = (floor_char(&s, a), floor_char(&s, b));
            if rng.below(2) == 0 {
                s.replace_range(a..b, "");
            } else {
                let copy = s[a..b].to_string();
                s.insert_str(floor_char(&s, rng.below(s.len())), &copy);
            }
        }
        parse_checked(&s);
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn a_multistream_bz2_reads_as_one_dump() {
    use bzip2::write::BzEncoder;
    use bzip2::Compression;
    let parts = [
        "<mediawiki><siteinfo><sitename>W</sitename></siteinfo>\n",
        "<page><title>A</title><ns>0</ns><id>1</id><revision><id>1</id><text>a</text></revision></page>\n",
        "<page><title>B</title><ns>0</ns><id>2</id><revision><id>2</id><text>b</text></revision></page>\n",
        "</mediawiki>\n",
    ];
    let mut file = tempfile::Builder::new()
        .suffix(".xml.bz2")
        .tempfile()
        .unwrap();
    for part in parts {
        let mut encoder = BzEncoder::new(Vec::new(), Compression::fast());
        encoder.write_all(part.as_bytes()).unwrap();
        file.write_all(&encoder.finish().unwrap()).unwrap();
    }
    file.flush().unwrap();
    let titles: Vec<String> = DumpReader::open(file.path())
        .unwrap()
        .map(|p| p.unwrap().title)
        .collect();
    assert_eq!(titles, ["A", "B"]);
}

/// Film-shaped random wikitext: an infobox, a lead, a cast section, with
/// random tokens spliced in.
fn random_film_page(rng: &mut XorShift) -> String {
    const PARTS: &[&str] = &[
        "{{Infobox film\n| name = A\n| director = [[Ann Bee]]\n| starring = {{Plainlist|\n* [[C D]]\n* E F}}\n",
        "| released = {{Film date|2001|5|1|US}}\n| runtime = 90 minutes\n| budget = $10–12 million\n}}\n",
        "'''A''' is a 2001 American drama film directed by [[Ann Bee]] and starring [[C D]].",
        "<ref>{{cite web|url=http://x.org|title=T|work=W}}</ref>",
        "\n\n== Cast ==\n* [[C D]] as Gee\n* E F as Aitch\n",
        "\n\n== Release ==\nIt was released on May 1, 2001, by [[Studio]].\n",
        "\n\n== Reception ==\nIt grossed $5 million. Critics praised it.\n",
        "{{Based on|''Book''|[[Jay Kay]]}}",
    ];
    let mut page = String::new();
    for _ in 0..rng.below(40) {
        if rng.below(3) == 0 {
            page.push_str(PARTS[rng.below(PARTS.len())]);
        } else {
            page.push_str(TOKENS[rng.below(TOKENS.len())]);
        }
    }
    page
}

#[test]
fn extraction_of_random_film_pages_never_panics_and_cites_the_input() {
    let mut rng = XorShift(fuzz_setting("FUZZ_SEED", 0xf11e_0fac_75ee_d001));
    for _ in 0..fuzz_setting("FUZZ_CASES", 2_000) {
        let input = random_film_page(&mut rng);
        let article = parse_checked(&input);
        for fact in filmgraph_extract::extract(&article) {
            let (start, end) = (fact.source.start, fact.source.end);
            assert!(
                start <= end && input.get(start..end).is_some(),
                "{fact:?} cites {start}..{end} of {input:?}"
            );
        }
    }
}
