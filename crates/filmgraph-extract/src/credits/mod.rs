//! Credits in prose: "directed by A, written by B and C, and starring D, E
//! and F", "The film stars ...", "produced by ... for Columbia Pictures",
//! "with music by ...". Each cue opens a segment that runs to the next cue or
//! to the end of the clause; the segment's names are the credited people.

mod cast;
mod companies;
mod cues;
mod names_then_role;
mod other_work;

pub(crate) use cast::credit_cast;
pub use companies::{company_name, is_company};
pub use names_then_role::{
    extract_film_by_director, extract_names_did, extract_names_served, extract_own_role,
    extract_role_is, extract_who_also, extract_with_as_role,
};

use crate::context::{quals, Context, Sentence};
use crate::names::{leading_name, name_list, split_list};
use cast::{
    acts_no_part, cast_before, cast_had, cast_list, later_parts, names_come_first, passive_cast,
    strip_cast_preamble,
};
use companies::company_or_person;
use cues::find_cues;
use filmgraph_model::Predicate;
use other_work::{about_other_work, on_stage, writer_of_work_before};

/// What a cue credits the names after it with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    People(&'static [Predicate]),
    /// People or companies: a name with a company word is a company.
    Producer,
    Cast,
    Company(Predicate),
    /// `with` continues a cast list; elsewhere it ends a segment.
    With,
    /// A phrase that ends the segment before it and starts nothing.
    Stop,
}

use Predicate::*;

/// Reads the credits of one sentence about the article's film.
pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    let mut cues = find_cues(text);
    // "Star Wars is a 1977 …", "Star Trek Into Darkness": a cue word inside
    // the film's own title is a word of it.
    let title_span = ctx.title_span(text);
    if let Some(title) = title_span.clone() {
        cues.retain(|c| !title.contains(&c.0));
    }
    // "The cast includes A and B reprising their roles as C and D,
    // respectively": right after a list of names, "reprising" is no cue.
    // A "with" after a cast cue goes on with its list.
    let mut listing = false;
    // Where the cue before ends.
    let mut previous_end = 0;
    cues.retain(|&(start, end, role)| {
        let in_list = text[start..end].eq_ignore_ascii_case("reprising")
            && listing
            && leading_name(strip_cast_preamble(&text[previous_end..start])).is_some();
        if !in_list {
            listing = role == Role::Cast || role == Role::With && listing;
        }
        previous_end = end;
        !in_list
    });
    let cues = cues;
    let cast_cue_before = |at: usize| cues.iter().any(|c| c.0 < at && c.2 == Role::Cast);
    // A sentence with no cue but stops and "with" credits no one, unless
    // the "with" names a role ("The film has A and B in the lead roles").
    if !cues.iter().any(|&(start, end, r)| {
        !matches!(r, Role::Stop | Role::With)
            || r == Role::With && text[start..end].contains(" role")
    }) {
        return;
    }
    let film = ctx.film.clone();
    let mut previous: Option<Role> = None;
    // Where the last cue that credited the cast ends.
    let mut cast_end = 0;
    // Roles of cues with no names of their own: "starring, directed, and
    // produced by Clint Eastwood" credits him with all three.
    let mut carried: Vec<Role> = Vec::new();
    // Where the last cue about a work of another year ends.
    let mut other_work_end: Option<usize> = None;
    for (n, &(cue_start, cue_end, cue_role)) in cues.iter().enumerate() {
        let seg_end = cues.get(n + 1).map_or(text.len(), |c| c.0);
        let segment = clause(text[cue_end..seg_end].trim_start_matches([' ', ',', ':']));
        // The cue as its phrase in `CUES` spells it.
        let cue = text[cue_start..cue_end].to_lowercase();
        // "The film stars A and B, with German film director Robert
        // Schwentke directing a screenplay by …": the name before
        // "directing" directs; it is no cast member. Only right after
        // credits of this film ("… was released in 2018 with X directing"
        // may speak of a sequel).
        if cue_role == Role::With
            && matches!(previous, Some(Role::Cast | Role::People(_)))
            && other_work_end.is_none()
            && !about_other_work(text, cue_start)
            && !negated(&text[..cue_start])
        {
            if let Some(director) = directing_after_with(segment) {
                credit(ctx, s, &film, Role::People(&[Director]), director);
                previous = Some(Role::With);
                carried.clear();
                continue;
            }
        }
        let role = match cue_role {
            Role::With
                if previous == Some(Role::Cast)
                    && !with_after_other_verb(&text[..cue_start])
                    && !(cue == "with"
                        && new_clause(&text[cast_end.min(cue_start)..cue_start])
                        && name_list(segment).len() <= 1) =>
            {
                Role::Cast
            }
            // "written by A along with B and C": they wrote it too.
            Role::With
                if matches!(previous, Some(Role::People(_)))
                    && matches!(cue.as_str(), "along with" | "together with") =>
            {
                previous.unwrap_or(cue_role)
            }
            Role::With => {
                // "The film has A, B and C in the lead roles"
                if cue.contains(" role") {
                    cast_had(ctx, s, &film, &text[..cue_start]);
                }
                previous = Some(Role::With);
                carried.clear();
                continue;
            }
            r => r,
        };
        // A stop ends a segment but not the list a later "with" continues.
        if role != Role::Stop {
            previous = Some(role);
        }
        if role == Role::Cast {
            cast_end = cue_end;
        }
        // "the 1959 Western Warlock, directed by Edward Dmytryk and starring
        // Henry Fonda": the other work's credits go on after "and".
        let other_year = other_years_work(ctx, &text[..cue_start])
            || other_work_end.is_some_and(|end| {
                let between = &text[end..cue_start];
                between.ends_with(" and ") && !between.contains([',', ';'])
            });
        other_work_end = other_year.then_some(cue_end);
        if role == Role::Stop
            || about_other_work(text, cue_start)
            || role == Role::Cast && on_stage(&text[..cue_start], title_span.clone())
            || other_year
            || writer_of_work_before(text, cue_start)
            || negated(&text[..cue_start])
        {
            carried.clear();
            continue;
        }
        let segment = segment.trim_start_matches([' ', ',', ':']);
        // "Mahesh Manjrekar directed Marathi film", "Fox had previously
        // directed Knoller in The Bubble": a bare past tense followed by a
        // name is active: its subject is the crew member, its object no
        // person credited here.
        let bare_verb = matches!(
            cue.as_str(),
            "directed"
                | "written"
                | "co-written"
                | "produced"
                | "co-produced"
                | "edited"
                | "co-edited"
        );
        if bare_verb && leading_name(segment).is_some() {
            carried.clear();
            continue;
        }
        // "a concert film by the English rock band Led Zeppelin": a band
        // is filmed, it directs nothing.
        if matches!(role, Role::People(preds) if preds.contains(&Director))
            && cue.ends_with(" by")
            && leading_name(segment).is_none()
            && segment
                .split(',')
                .next()
                .is_some_and(|item| item.contains(" band ") || item.contains(" group "))
        {
            carried.clear();
            continue;
        }
        let stripped = crate::names::strip_descriptors(segment);
        let segment = stripped.as_ref();
        if role == Role::Cast && names_come_first(&cue, segment) {
            if acts_no_part(&cue, text[cue_end..].trim_start()) {
                carried.clear();
                continue;
            }
            if cast_before(ctx, s, &film, &text[..cue_start], segment) {
                // "Corey Hawkins portrays Dr. Dre, Jason Mitchell is
                // Eazy-E, …", "X co-stars as Danny, a boy …, and Charles
                // Dance as Mr. Benedict"
                let names_parts = matches!(cue.as_str(), "portrays" | "plays");
                if names_parts || segment.starts_with("as ") {
                    later_parts(ctx, s, &film, clause(&text[cue_end..]), names_parts);
                }
            } else if let Some((_, after)) = segment.split_once("including ") {
                // "most of the cast also reprise their roles, including A, B"
                cast_list(ctx, s, &film, after);
            } else if cue == "playing"
                || matches!(cue.as_str(), "play" | "played")
                    && !["role", "character", "part", "lead"]
                        .iter()
                        .any(|w| segment.contains(w))
            {
                // "The film adapts the play to 1930s Britain, with Richard
                // depicted as …", "tensions inherent in playing a Latin
                // lead …, popular with American viewers": a word that is as
                // often a noun (or said of no one here) named no one, so no
                // list goes on.
                previous = None;
            }
            // "with Douglas reprising his role, but with Virginia Bruce as
            // Sally": an aside, after which "with" goes on with no list.
            if cue == "reprising" && !cast_cue_before(cue_start) {
                previous = None;
            }
            carried.clear();
            continue;
        }
        // Only a comma or "and" joins roles: "features music by" does not.
        // "Written and co-executive produced by X": a few lower-case words
        // between two cues still join them.
        let raw = &text[cue_end..seg_end];
        let joined = raw.contains(',') || raw.contains(" and ") || raw.starts_with("and ");
        let words_between = segment
            .trim_start_matches("and ")
            .split_whitespace()
            .count();
        let no_names = leading_name(segment.trim_start_matches("and ")).is_none();
        if segment.trim_start_matches("and ").trim().is_empty()
            || segment.trim() == "and"
            || joined && no_names && words_between <= 2
        {
            // "… Jenny Ghottra in lead roles and directed by X": a list
            // that went on past "in lead roles" ended there; it is no role
            // X shares.
            if joined && cue_role != Role::With {
                carried.push(role);
            } else {
                carried.clear();
            }
            continue;
        }
        // "directed by and starring Larry Semon, Lucille Carlisle, Monty
        // Banks, …": a cast list that shares its cue with the director; the
        // direction is the first name's alone. (A list of writers is often
        // all of them: "written by and starring Andy Samberg, Taccone, and
        // Schaffer".)
        // "Lino is played by Alban Lenoir": the part goes first.
        let passive = role == Role::Cast
            && carried.is_empty()
            && matches!(cue.as_str(), "played by" | "portrayed by");
        if passive && passive_cast(ctx, s, &film, &text[..cue_start], segment) {
            continue;
        }
        let roles: Vec<Role> = std::iter::once(role)
            .chain(std::mem::take(&mut carried))
            .collect();
        let directs = |r: &Role| matches!(r, Role::People(p) if p.contains(&Director));
        let first_directs = roles.contains(&Role::Cast)
            && roles.iter().any(directs)
            && name_list(segment).len() > 2;
        for r in roles {
            let names = match split_list(segment).first() {
                Some(&(a, b)) if first_directs && directs(&r) => &segment[a..b],
                _ => segment,
            };
            credit(ctx, s, &film, r, names);
        }
        // "stars Dylan Walsh as a man living in the town in which he grew
        // up, Danny DeVito as …": a part described past a stop word, then
        // the list goes on.
        if role == Role::Cast && segment.contains(" as ") {
            if let Some(&(_, _, Role::Stop)) = cues.get(n + 1) {
                let end = cues[n + 1..]
                    .iter()
                    .find(|c| c.2 != Role::Stop)
                    .map_or(text.len(), |c| c.0);
                later_parts(ctx, s, &film, clause(&text[seg_end..end]), false);
            }
        }
    }
}

/// Credits the names of one segment with one role.
fn credit(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, role: Role, segment: &str) {
    match role {
        Role::People(preds) => {
            // "directed by the team of Steve James and Peter Gilbert"
            let segment = segment.strip_prefix("the team of ").unwrap_or(segment);
            let segment = crate::names::skip_owner(segment);
            if let Some(group) = group_name(segment) {
                // "directed by the Pang Brothers", "… team The Malloys"
                for &p in preds {
                    ctx.sentence_fact(s, film, p, group, quals([]));
                }
                return;
            }
            let names = name_list(segment);
            for (i, &name) in names.iter().enumerate() {
                // A surname of someone named before wins over a shared surname.
                let name = ctx
                    .resolve_person(name)
                    .filter(|full| full.contains(' '))
                    .or_else(|| shared_surname(segment, name, &names[i + 1..]))
                    .unwrap_or_else(|| name.to_string());
                if is_company(&name) || company_word_after(segment, names[i]) {
                    break;
                }
                for &p in preds {
                    ctx.sentence_fact(s, film, p, &name, quals([]));
                }
            }
        }
        Role::Producer => {
            let items: Vec<&str> = split_list(segment)
                .into_iter()
                .map(|(a, b)| segment[a..b].trim_start_matches("and "))
                .collect();
            // In a list that names a company, a name of one word or of three
            // and more is a company too ("StudioCanal, Working Title Films,
            // Three Strange Angels"); "The Asylum" is never a person.
            let names: Vec<Option<&str>> = items.iter().map(|i| company_or_person(i)).collect();
            let list_of_companies = names.iter().flatten().any(|n| is_company(n));
            let company_like = |name: &str| {
                let words = name.split(' ').count();
                is_company(name)
                    || name.starts_with("The ")
                    || list_of_companies && (words == 1 || words >= 3)
            };
            for (i, (&item, &name)) in items.iter().zip(&names).enumerate() {
                let Some(name) = name else {
                    break;
                };
                if crate::lexicon::is_country(name) {
                    break; // "Hong Kong's Golden Harvest"
                }
                // A person named before ("Clooney") stays a person.
                if company_like(name) && ctx.resolve_person(name).is_none() {
                    ctx.sentence_fact(s, film, ProductionCompany, name, quals([]));
                } else {
                    // "produced by Sandler" after "written by Adam Sandler"
                    let following: Vec<&str> = names[i + 1..].iter().flatten().copied().collect();
                    let person = ctx
                        .resolve_person(name)
                        .filter(|full| full.contains(' '))
                        .or_else(|| shared_surname(segment, name, &following));
                    let person = person.as_deref().unwrap_or(name);
                    ctx.sentence_fact(s, film, Producer, person, quals([]));
                }
                if item.len() > name.len() + 1 && !item[name.len()..].trim().starts_with('(') {
                    break;
                }
            }
        }
        Role::Company(p) => {
            for (a, b) in split_list(segment) {
                let item = segment[a..b].trim_start_matches("and ");
                let Some(name) = company_or_person(item) else {
                    break;
                };
                // "Distributed by New Line Cinema, The Basketball Diaries stars…"
                if ctx.names_film(name) {
                    break;
                }
                ctx.sentence_fact(s, film, p, name, quals([]));
            }
        }
        Role::Cast => cast_list(ctx, s, film, segment),
        Role::With | Role::Stop => {}
    }
}

/// The name in "with [descriptors] NAME directing …" (`segment` is what
/// follows "with"): "with Dean Parisot directing a screenplay by …", "with
/// German film director Robert Schwentke directing".
fn directing_after_with(segment: &str) -> Option<&str> {
    let stripped = crate::names::strip_descriptors(segment);
    let name = leading_name(&stripped)?;
    let at = segment.find(name)?;
    let rest = segment[at + name.len()..].trim_start();
    ["directing", "co-directing", "helming"]
        .iter()
        .any(|verb| {
            rest.strip_prefix(verb)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', ',', '.', ';']))
        })
        .then(|| &segment[at..at + name.len()])
}

/// "directed by Joel and Ethan Coen", "produced by Kevin, Joe, and Nick
/// Jonas": lone given names before a full name, joined by nothing but commas
/// and "and", share its surname ("Joel Coen"). A stage name is no given
/// name: "RZA and Eli Roth" (not title case). `following` holds the names
/// after `name` in the list. In casts only where the sentence speaks of a
/// family (see `cast_list`): applied to every cast, gmdb's cast precision
/// fell (lone title-case names there are mostly stage names).
pub(crate) fn shared_surname(segment: &str, name: &str, following: &[&str]) -> Option<String> {
    // Title case, part by part: "Joel", "Mary-Kate".
    let is_lone = |n: &str| {
        !n.contains(' ')
            && n.chars().count() > 1
            && n.split('-').all(|part| {
                part.chars().count() > 1 && part.chars().skip(1).all(char::is_lowercase)
            })
    };
    if !is_lone(name) {
        return None;
    }
    let full = following.iter().position(|n| !is_lone(n))?;
    let lone: Vec<&str> = following[..full].to_vec();
    let last = following[full];
    let (_, surname) = last.rsplit_once(' ')?;
    let start = segment.find(name)?;
    let end = start + segment[start..].find(last)?;
    let between = &segment[start + name.len()..end];
    let only_joins = between
        .split([',', ' '])
        .filter(|t| !t.is_empty())
        .all(|t| t == "and" || lone.contains(&t));
    (only_joins && between.contains("and")).then(|| format!("{name} {surname}"))
}

/// A group credited under one name, written with an article: "the Pang
/// Brothers" -> "Pang Brothers", "The Malloys" (the article is theirs when
/// capitalised). Only plural names: "the Wachowskis", not "the film".
pub(super) fn group_name(segment: &str) -> Option<&str> {
    let rest = segment
        .strip_prefix("the ")
        .or_else(|| segment.strip_prefix("The "))?;
    // "The Three Stooges": a number may open a group's name.
    let number = ["Two ", "Three ", "Four ", "Five ", "Six ", "Seven "]
        .iter()
        .find(|n| rest.starts_with(*n))
        .map_or(0, |n| n.len());
    let name = leading_name(&rest[number..])?;
    let name = &rest[..number + name.len()];
    // "the Coen brothers", "the Dardenne brothers": a family named by its
    // surname, as its own page is titled.
    let after = &rest[name.len()..];
    for kin in [" brothers", " sisters"] {
        if after.starts_with(kin) && !after[kin.len()..].starts_with(|c: char| c.is_alphanumeric())
        {
            return rest.get(..name.len() + kin.len());
        }
    }
    if !name.ends_with('s') {
        return None;
    }
    if segment.starts_with("The ") {
        segment.get(..4 + name.len())
    } else {
        Some(name)
    }
}

/// The clause a segment belongs to: up to a semicolon, a parenthesis or a
/// comma followed by a lower-case word that starts a new clause.
pub(super) fn clause(segment: &str) -> &str {
    let mut end = segment.len();
    for stop in ["; ", " (", ": "] {
        if let Some(p) = segment.find(stop) {
            end = end.min(p);
        }
    }
    &segment[..end]
}

/// "the first not to feature actor X": the credit is denied; "the
/// character previously played by X": it belongs to an earlier work.
pub(super) fn negated(before: &str) -> bool {
    let earlier = before.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "previously" | "originally" | "formerly" | "earlier" | "once"
        )
    });
    earlier
        || before
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| matches!(w, "not" | "never" | "without") || w.ends_with("n't"))
}

/// Whether the text between a cast cue and a "with" starts a clause of its
/// own subject, so that a single name after the "with" is no cast member:
/// "stars Thure Lindhardt as Erik, a Danish filmmaker …; while there, he
/// enters into a relationship with Paul". (A semicolon alone does not:
/// "starring A, B, and C; with D and E"; nor a list: "as she navigates …,
/// with Bo Burnham, Alison Brie, … in supporting roles".)
fn new_clause(between: &str) -> bool {
    between
        .split([' ', ',', ';'])
        .any(|w| matches!(w, "he" | "she" | "they"))
}

/// Whether "with" follows a verb in -ing of another doing than acting, so
/// that it does not go on with a cast list: "played by Fugit, … touring with
/// the fictitious rock band Stillwater". Acting with someone, or meeting
/// them again on screen, does: "costarring with Lila Lee", "reuniting with".
fn with_after_other_verb(before: &str) -> bool {
    let word = before.trim_end().rsplit(' ').next().unwrap_or_default();
    word.len() > 4
        && word.ends_with("ing")
        && word.starts_with(char::is_lowercase)
        && !matches!(
            word,
            "starring"
                | "co-starring"
                | "costarring"
                | "appearing"
                | "featuring"
                | "acting"
                | "playing"
                | "performing"
                | "reuniting"
                | "re-uniting"
                | "teaming"
                | "re-teaming"
                | "reteaming"
                | "pairing"
                | "sharing"
                // "Faruk Zafar in the lead role, following with Priyal Patil, …"
                | "following"
        )
}

/// Whether `name` in `segment` is followed by a company's word in lower
/// case, so that it names a company: "a documentary film by ESPN films".
fn company_word_after(segment: &str, name: &str) -> bool {
    let Some(at) = segment.find(name) else {
        return false;
    };
    let next = segment[at + name.len()..]
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .trim_end_matches(['.', ',', ';']);
    matches!(
        next,
        "films" | "film" | "pictures" | "productions" | "studios" | "studio" | "entertainment"
    )
}

/// Whether the cue follows a work of another year than the film's, named
/// just before it: "similarities with the 1959 Western Warlock, directed by
/// Edward Dmytryk", "adapted into the 1967 film noir classic Point Blank,
/// directed by John Boorman", "a remake of the 2008 Swedish film Let the
/// Right One In, directed by Tomas Alfredson". The film's own year is the
/// film's ("The 2008
/// film, directed by …"), and so is a clause after its source ("based on
/// the 1941 James Hilton novel of the same title, directed by Mervyn
/// LeRoy"), and so a clause after what it is a sequel to ("the sequel
/// to the 1984 film The Karate Kid, starring Ralph Macchio").
fn other_years_work(ctx: &Context<'_>, before: &str) -> bool {
    static YEAR_WORK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::compile(
            r"(?-u:\b)(?:with|into|in|like|than|remake of) the (?P<year>1[89]\d\d|20\d\d) (?:[a-z-]+ ){0,3}[A-Z][^,;()]{0,60}, $",
        )
        .expect("year work pattern")
    });
    // The pattern ends at a comma just before the cue: most cues have none.
    if !before.ends_with(", ") {
        return false;
    }
    YEAR_WORK
        .captures(before)
        .is_some_and(|c| ctx.film_year().is_some_and(|year| &c["year"] != year))
}
