//! What wikitext renders as: one `check_*` helper per part of the article.

use super::parse_wikitext;
use filmgraph_model::{Article, Citation, Link, Span};

fn infobox(wikitext: &str) -> Article {
    parse_wikitext(&format!("{{{{Infobox film\n{wikitext}\n}}}}\n"), "T")
}

/// The rendered value of infobox parameter `key` of `| key = raw`.
fn check_value(raw: &str, expected: &str) {
    let a = infobox(&format!("| key = {raw}"));
    let got = a.infobox_values("key").next().map(|f| f.value.as_str());
    assert_eq!(got, Some(expected), "value of {raw:?}");
}

/// The paragraphs of the lead of `wikitext`.
fn check_lead(wikitext: &str, expected: &[&str]) {
    let a = parse_wikitext(wikitext, "T");
    let lead: Vec<&str> = a.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(lead, expected, "lead of {wikitext:?}");
}

#[test]
fn lists_render_one_item_a_line() {
    check_value("{{Plainlist|\n* [[A]]\n* B\n}}", "A\nB");
    check_value("{{ubl|[[A|Ay]]|B}}", "Ay\nB");
    check_value("{{Unbulleted list|A|B}}", "A\nB");
    check_value("{{Br list|A|B}}", "A\nB");
    check_value("A<br />B<br>C", "A\nB\nC");
    check_value("\n* A\n* B", "A\nB");
    check_value("{{hlist|A|B}}", "A\nB");
    check_value("$395\nmillion", "$395 million");
}

#[test]
fn links_render_their_labels() {
    check_value("[[Target|Label]]", "Label");
    check_value("[[Target]]", "Target");
    check_value("[[film]]s", "films");
    check_value("[[Foo (film)|]]", "Foo");
    check_value("[[:Category:X]]", "Category:X");
    check_value(
        "[[Walt Disney Studios Motion Pictures|Walt Disney Studios<br />Motion Pictures]]",
        "Walt Disney Studios Motion Pictures",
    );
}

#[test]
fn links_keep_their_targets() {
    let a = infobox("| starring = [[John Smith (actor)|John Smith]]\n[[sailor]]s and [[w_b (x)|]]");
    let f = a.infobox_values("starring").next().unwrap();
    assert_eq!(
        f.links,
        [
            Link::new(0, "John Smith", "John Smith (actor)"),
            Link::new(11, "sailors", "Sailor"),
            Link::new(23, "w b", "W b (x)"),
        ]
    );
    assert_eq!(&f.value[23..26], "w b");
}

#[test]
fn links_in_prose_keep_their_place_and_skip_sections_of_pages() {
    let a = parse_wikitext(
        "'''X''' is a film by [[John Smith (director)|John Smith]].\n\n\
         It stars [[John Smith (actor)|John Smith]] as [[List of X characters#Bob|Bob]].",
        "X",
    );
    let paragraphs = &a.sections[0].paragraphs;
    let links: Vec<_> = paragraphs.iter().map(|p| p.links.clone()).collect();
    assert_eq!(
        links,
        [
            vec![Link::new(15, "John Smith", "John Smith (director)")],
            vec![Link::new(9, "John Smith", "John Smith (actor)")],
        ]
    );
    assert_eq!(&paragraphs[0].text[15..25], "John Smith");
    assert_eq!(&paragraphs[1].text[9..19], "John Smith");
}

#[test]
fn refs_comments_and_notes_render_nothing() {
    check_value(
        "119 minutes<!--c--><ref>{{cite web|url=u|title=t}}</ref>",
        "119 minutes",
    );
    check_value("X<ref name=a/>{{efn|a note}}{{citation needed}}", "X");
    check_value("X<ref name=\"a b\">body</ref> Y", "X Y");
}

#[test]
fn dates_render_in_iso_form() {
    check_value(
        "{{Film date|2020|6|19|France|2020|7|1|US}}",
        "2020-06-19 (France)\n2020-07-01 (US)",
    );
    check_value("{{Film date|df=y|1975|12|18}}", "1975-12-18");
    check_value("{{Film date|2019|10||[[Busan]]}}", "2019-10 (Busan)");
    check_value("{{Start date|2020|6|19}}", "2020-06-19");
    check_value("{{start date|1985|March}}", "1985-03");
}

#[test]
fn based_on_money_runtime() {
    check_value("{{Based on|''Book''|[[An Author]]}}", "Book by An Author");
    check_value("{{based on|Book|A|B}}", "Book by A and B");
    check_value(
        "{{Based on|Characters|{{nowrap|[[Bob Kane]]}}<br />[[Bill Finger]] (uncredited)}}",
        "Characters by Bob Kane and Bill Finger (uncredited)",
    );
    // The work is its title, without a note before it or lines after it.
    check_value(
        "{{based on|(stage play) ''E.R.''|Josep Maria Benet i Jornet}}",
        "E.R. by Josep Maria Benet i Jornet",
    );
    check_value(
        "{{based on|''Sister Act''<br>1937 ''Hearst's International-Cosmopolitan'' story|[[Fannie Hurst]]}}",
        "Sister Act by Fannie Hurst",
    );
    check_value("{{USD|10 million}}", "US$10 million");
    check_value("{{INR|100 crore}}", "₹100 crore");
    check_value("{{INRConvert|100|c}}", "₹100 crore");
    check_value("{{Runtime|92}}", "92 minutes");
    check_value("{{Runtime|1|32}}", "92 minutes");
    check_value(
        "$1 million<br /><small></small>(equivalent to ${{Inflation|US|1|1976|r=2}}&nbsp;million in {{Inflation-year|US}})",
        "$1 million",
    );
}

#[test]
fn inline_templates_and_entities() {
    check_value("{{lang|fr|Balle perdue}}", "Balle perdue");
    check_value("{{lang-fr|Balle perdue}}", "Balle perdue");
    check_value("{{nowrap|A B}}", "A B");
    check_value("Rock{{'}}n roll", "Rock'n roll");
    check_value("A &amp; B&nbsp;C &ndash; D&#233;", "A & B C – Dé");
    check_value("'''Bold''' and ''italic''", "Bold and italic");
    check_value("<nowiki>[[not a link]]</nowiki>", "[[not a link]]");
    check_value(
        "{{nihongo|Castle|カリオストロの城|Kariosutoro no Shiro}}",
        "Castle (カリオストロの城, Kariosutoro no Shiro)",
    );
}

#[test]
fn infobox_spans_cover_the_parameter_and_the_value() {
    let src = "{{Infobox film\n| director = [[Ann Bee]]\n}}";
    let a = parse_wikitext(src, "T");
    let f = &a.infobox[0];
    assert_eq!(f.key, "director");
    assert_eq!(&src[f.value_span.start..f.value_span.end], "[[Ann Bee]]");
    assert_eq!(&src[f.span.start..f.span.end], "| director = [[Ann Bee]]");
}

#[test]
fn only_infobox_film_is_the_infobox() {
    for name in [
        "Infobox film awards",
        "Infobox Film festival",
        "Infobox television",
    ] {
        let a = parse_wikitext(&format!("{{{{{name}\n| director = X\n}}}}"), "T");
        assert!(a.infobox.is_empty(), "{name}");
    }
    for name in [
        "Infobox film",
        "infobox film",
        "Infobox_film",
        "Template:Infobox film",
    ] {
        let a = parse_wikitext(&format!("{{{{{name}\n| director = X\n}}}}"), "T");
        assert_eq!(a.infobox.len(), 1, "{name}");
    }
}

#[test]
fn a_franchise_infobox_in_the_lead_hides_later_film_infoboxes() {
    let src = "{{Infobox media franchise|title=F}}\nF is a franchise.\n==Films==\n{{Infobox film|director=X}}";
    assert!(parse_wikitext(src, "F").infobox.is_empty());
    let src = "F is a film.\n==Films==\n{{Infobox film|director=X}}";
    assert_eq!(parse_wikitext(src, "F").infobox.len(), 1);
}

#[test]
fn prose_drops_markup_and_keeps_inline_templates() {
    check_lead(
        "{{Use mdy dates}}\n{{Infobox film|name=X}}\n'''''Balle perdue''''' ({{lang-fr|Balle perdue}}) is a 2020 [[France|French]] [[action film]]<ref>{{cite web|url=u}}</ref>.\nIt stars [[Alban Lenoir]].\n\nSecond.",
        &[
            "Balle perdue (Balle perdue) is a 2020 French action film. It stars Alban Lenoir.",
            "Second.",
        ],
    );
    check_lead(
        "A [[File:x.jpg|thumb|A [[caption]]]] B [[Category:2019 films]] [[fr:Balle perdue]] C",
        &["A B C"],
    );
    check_lead(
        "A\n{| class=wikitable\n|-\n| cell || cell\n|}\nB",
        &["A", "B"],
    );
    check_lead(
        "See [http://example.com the site] and [http://x.org].",
        &["See the site and."],
    );
    check_lead("__NOTOC__A<!-- hidden -->B", &["AB"]);
}

#[test]
fn list_items_are_paragraphs() {
    let a = parse_wikitext(
        "==Cast==\n* [[Alban Lenoir]] as Lino\n* Ramzy Bedia as Charas\n",
        "T",
    );
    let cast = a.section("Cast").unwrap();
    let texts: Vec<&str> = cast.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Alban Lenoir as Lino", "Ramzy Bedia as Charas"]);
}

#[test]
fn sections_have_levels_and_spans() {
    let src = "Lead.\n== Plot ==\nA.\n=== Detail ===\nB.\n==''Cast''<!-- c -->==\nC.";
    let a = parse_wikitext(src, "T");
    let heads: Vec<(&str, u8)> = a
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.level))
        .collect();
    assert_eq!(
        heads,
        [("lead", 1), ("Plot", 1), ("Detail", 2), ("Cast", 1)]
    );
    assert_eq!(
        &src[a.sections[1].span.start..a.sections[1].span.end],
        "== Plot ==\nA.\n"
    );
}

#[test]
fn anchors_map_rendered_text_to_input_bytes() {
    let src = "'''Rocky''' is a 1976 [[Sports film|sports]] [[drama film]] directed by [[John G. Avildsen]] &amp; others.";
    let a = parse_wikitext(src, "Rocky");
    let p = &a.sections[0].paragraphs[0];
    assert_eq!(
        p.text,
        "Rocky is a 1976 sports drama film directed by John G. Avildsen & others."
    );
    for word in [
        "Rocky",
        "1976",
        "sports",
        "drama film",
        "John G. Avildsen",
        "others.",
    ] {
        let start = p.text.find(word).unwrap();
        let span = p.source_span(start, start + word.len());
        assert_eq!(&src[span.start..span.end], word, "{word}");
    }
    let amp = p.text.find('&').unwrap();
    assert_eq!(
        p.source_span(amp, amp + 1).start,
        src.find("&amp;").unwrap()
    );
}

#[test]
fn sentences_are_cited_with_the_markup_their_first_word_opens() {
    let src = "'''''Rocky''''' is a 1976 film.\n\n==Cast==\n* [[Sylvester Stallone]] as Rocky\n* [[Talia Shire|Talia]] as [[Adrian Pennino|Adrian]]\n* Joe Spinell as Gazzo {{small|(uncredited)}}\n\nIt was cast fast. [[Joe Frazier]] has a cameo.\n";
    let a = parse_wikitext(src, "Rocky");
    let cited = |p: &filmgraph_model::Paragraph, sentence: &str| {
        let start = p.text.find(sentence).unwrap();
        let span = p.sentence_span(start, start + sentence.len());
        src[span.start..span.end].to_string()
    };
    let lead = &a.sections[0].paragraphs[0];
    assert_eq!(
        cited(lead, "Rocky is a 1976 film."),
        "'''''Rocky''''' is a 1976 film."
    );
    let cast = &a.sections[1].paragraphs;
    for (paragraph, sentence, source) in [
        (
            0,
            "Sylvester Stallone as Rocky",
            "[[Sylvester Stallone]] as Rocky",
        ),
        (
            1,
            "Talia as Adrian",
            "[[Talia Shire|Talia]] as [[Adrian Pennino|Adrian]]",
        ),
        (
            2,
            "Joe Spinell as Gazzo (uncredited)",
            "Joe Spinell as Gazzo {{small|(uncredited)}}",
        ),
        (
            3,
            "Joe Frazier has a cameo.",
            "[[Joe Frazier]] has a cameo.",
        ),
    ] {
        assert_eq!(cited(&cast[paragraph], sentence), source);
    }
    // A word's own bytes stay the word's: a label is not its link.
    let p = &cast[0];
    let span = p.source_span(0, "Sylvester Stallone".len());
    assert_eq!(&src[span.start..span.end], "Sylvester Stallone");
    // A bold word that ends a paragraph does not reach into the next one.
    let a = parse_wikitext("A '''b'''\n\nC d.", "T");
    let next = &a.sections[0].paragraphs[1];
    assert_eq!(next.span, Span::new(11, 15));
}

#[test]
fn a_sentence_after_a_wide_space_is_cited_from_its_first_letter() {
    // U+00A0 (two bytes) and `&nbsp;` (six) between sentences are read as one
    // space; the sentence after one was cited from inside it, and a citation
    // that splits a character is refused by the store.
    let src = "'''Foo''' is a film.\u{a0}It is directed by [[Ann Bee]].&nbsp;It stars [[Bo Cee]].\u{2009}[[Cy Dee]] scored it.";
    let a = parse_wikitext(src, "Foo");
    let p = &a.sections[0].paragraphs[0];
    for (sentence, source) in [
        ("Foo is a film.", "'''Foo''' is a film."),
        (
            "It is directed by Ann Bee.",
            "It is directed by [[Ann Bee]].",
        ),
        ("It stars Bo Cee.", "It stars [[Bo Cee]]."),
        ("Cy Dee scored it.", "[[Cy Dee]] scored it."),
    ] {
        let start = p.text.find(sentence).unwrap();
        let span = p.sentence_span(start, start + sentence.len());
        assert!(src.is_char_boundary(span.start) && src.is_char_boundary(span.end));
        assert_eq!(&src[span.start..span.end], source);
        let span = p.source_span(start, start + 2);
        assert_eq!(&src[span.start..span.end], &sentence[..2], "{sentence}");
    }
}

#[test]
fn refs_are_recorded_where_they_attach() {
    let src = "A film.<ref name=\"v\">{{cite web|url=http://v.com/x|title=''Review''|work=[[Variety (magazine)|Variety]]|date=May 1, 2020}}</ref> More.<ref name=v/> Bare.<ref>[http://b.org Bee page] 2020</ref>";
    let a = parse_wikitext(src, "T");
    let p = &a.sections[0].paragraphs[0];
    assert_eq!(p.text, "A film. More. Bare.");
    let variety = Citation {
        url: Some("http://v.com/x".into()),
        title: Some("Review".into()),
        work: Some("Variety".into()),
        date: Some("May 1, 2020".into()),
    };
    let bare = Citation {
        url: Some("http://b.org".into()),
        title: Some("Bee page".into()),
        ..Default::default()
    };
    assert_eq!(p.refs, [(7, variety.clone()), (13, variety), (19, bare)]);
}

#[test]
fn categories_redirects_and_display_titles() {
    let a = parse_wikitext(
        "#REDIRECT [[Baazi (1968 film)]] {{R from modification}}",
        "(Baazi",
    );
    assert_eq!(a.redirect.as_deref(), Some("Baazi (1968 film)"));
    let a = parse_wikitext(
        "{{DISPLAYTITLE:''Foo''}}\nX\n[[Category:2019 films|Foo]]\n[[Category:French_films]]",
        "Foo (film)",
    );
    assert_eq!(a.categories, ["2019 films", "French films"]);
    assert_eq!(a.display_title.as_ref().map(|d| d.0.as_str()), Some("Foo"));
    assert!(a.redirect.is_none());
    let a = parse_wikitext("{{Infobox film|name=''Bar''}}", "Bar (film)");
    assert_eq!(a.display_title.unwrap().0, "Bar");
}

#[test]
fn spans_stay_inside_the_input() {
    let src = "{{x|[[a|b]]}} <ref>c</ref>\n== H ==\n* d &amp; e\n{{Film date|2020|1|2}}";
    let a = parse_wikitext(src, "T");
    for p in a.sections.iter().flat_map(|s| &s.paragraphs) {
        assert!(p.span.end <= src.len() && p.span.start <= p.span.end);
        let s = p.source_span(0, p.text.len());
        assert!(p.span.contains(s), "{s:?} outside {:?}", p.span);
    }
    assert_eq!(Span::default(), a.title_span);
}

#[test]
fn cast_tables_render_one_row_a_paragraph() {
    let src = "Lead.\n==Cast==\n{| class=\"wikitable\"\n! Actor !! Role\n|-\n| [[Antonio Banderas]] || Luis Vargas\n|-\n| style=\"x\" | [[Angelina Jolie]] || Julia\n|}\nAfter.\n==Reception==\n{|\n| [[Hidden]] || Row\n|}\n";
    let a = parse_wikitext(src, "T");
    let cast: Vec<&str> = a.sections[1]
        .paragraphs
        .iter()
        .map(|p| p.text.trim())
        .collect();
    let cells = |row: &str| -> Vec<String> {
        row.split('|')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect()
    };
    assert_eq!(cells(cast[0]), ["Actor", "Role"]);
    assert_eq!(cells(cast[1]), ["Antonio Banderas", "Luis Vargas"]);
    assert_eq!(cells(cast[2]), ["Angelina Jolie", "Julia"]);
    assert_eq!(cast[3], "After.");
    // Tables elsewhere still disappear.
    assert!(a.sections[2].paragraphs.is_empty());
}

#[test]
fn castlist_templates_render_their_items() {
    let a = parse_wikitext(
        "==Cast==\n{{castlist|\n* [[A B]] as C\n* [[D E]] as F\n}}\n",
        "T",
    );
    let lines: Vec<&str> = a.sections[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(lines, ["A B as C", "D E as F"]);
}

#[test]
fn lists_inside_cast_tables_under_cast_subsections_render_one_item_a_line() {
    // From "1920 (film series)": a table with list items and no cells, one
    // per film, under sub-headings of the cast section.
    let src = "Lead.\n==Cast==\n===''1920''===\n{|class=\"wikitable sortable\"\n|-\n* [[Rajneesh Duggal]] as Arjun \n* [[Adah Sharma]] as Lisa\n|-\n|}\n===''1921''===\n{|class=\"wikitable\"\n|- \n* [[Karan Kundra]] as Ayush\n|}\n==Crew==\n{|\n|-\n* [[Hidden Person]]\n|}\n";
    let a = parse_wikitext(src, "T");
    let lines = |k: usize| -> Vec<String> {
        a.sections[k]
            .paragraphs
            .iter()
            .map(|p| p.text.trim().to_string())
            .collect()
    };
    assert_eq!(a.sections[2].heading, "1920");
    assert_eq!(
        lines(2),
        ["Rajneesh Duggal as Arjun", "Adah Sharma as Lisa"]
    );
    assert_eq!(lines(3), ["Karan Kundra as Ayush"]);
    // A section beside the cast section is no cast: its tables disappear.
    assert!(lines(4).is_empty(), "{:?}", lines(4));
}
