//! Cast members in prose: lists after a cue ("starring A as B, C as D and
//! E"), names before a verb of acting ("A and B play the lead roles"), and
//! the parts they play.

use super::companies::is_company;
use super::{group_name, shared_surname};
use crate::context::{quals, Context, Sentence};
use crate::names::{leading_name, name_list, names_cover, split_list};
use filmgraph_model::Predicate::CastMember;

/// The actors named with their parts after a first part and its
/// description: "as Danny, a boy …, and Charles Dance as Mr. Benedict, a
/// ruthless assassin" credits Charles Dance. The first item is the earlier
/// part (or the end of its description) and is passed over, as are the
/// descriptions between; the list ends at anything else. With `is_parts`,
/// "Jason Mitchell is Eazy-E" names a part too (after "X portrays Y, …").
pub(super) fn later_parts(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    text: &str,
    is_parts: bool,
) {
    for (n, (a, b)) in split_list(text).into_iter().enumerate() {
        let item = text[a..b].trim();
        let item = item
            .strip_prefix("and ")
            .unwrap_or(item)
            .trim_end_matches('.');
        let credit = leading_name(item).and_then(|name| {
            // "Sir Ian McKellen as …": an honorific stays outside the name.
            let end = item.find(name).map_or(item.len(), |p| p + name.len());
            let rest = item[end..].trim_start();
            if let Some(part) = rest.strip_prefix("as ") {
                return Some((name, character_name(part)));
            }
            let part = rest.strip_prefix("is ").filter(|_| is_parts)?;
            (leading_name(part) == Some(part) || character_name(part) == Some(part))
                .then_some((name, Some(part)))
        });
        match credit {
            Some((name, character)) if n > 0 => {
                credit_cast(ctx, s, film, name, character);
            }
            _ if n == 0 || item.starts_with(char::is_lowercase) => {}
            _ => break,
        }
    }
}

/// "Aidan Quinn also stars", "Rufus Sewell stars as the villain",
/// "Banderas and Zeta-Jones reprise their roles": the names precede the cue
/// (`cue` in lower case).
pub(super) fn names_come_first(cue: &str, segment: &str) -> bool {
    cue.starts_with("reprise")
        || cue.starts_with("have ")
        || cue == "are in the lead"
        || cue == "reprising"
        || cue == "playing"
        || cue.starts_with("make ")
        || cue.starts_with("round")
        || cue.starts_with("complete")
        || cue.starts_with("made")
        || cue.starts_with("makes")
        || matches!(
            cue,
            "appear"
                | "appears"
                | "appeared"
                | "portrays"
                | "plays"
                | "play"
                | "played"
                | "acts"
                | "will play"
        )
        || (matches!(
            cue,
            "stars" | "star" | "co-stars" | "also stars" | "starred"
        ) && (segment.is_empty()
            || segment.starts_with("as ")
            || leading_name(strip_cast_preamble(segment)).is_none()))
}

/// "Homophobia played such a significant role in the case", "Needle played
/// for 13 weeks", "appears to be": a verb of acting said of something else.
/// `cue` is the verb in lower case, `after` the sentence after it.
pub(super) fn acts_no_part(cue: &str, after: &str) -> bool {
    static IMPORTANT_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        crate::pattern::compile(
            r"^(?:a|an|such an?|the) (?:\w+ )?(?:key|major|significant|important|crucial|pivotal|vital|central|instrumental|decisive) (?:role|part) in (?:the |this )?(?P<what>\w+)",
        )
        .expect("important role pattern")
    });
    // "Vaudeville acts are re-created": the noun; "X acts in the lead role".
    if cue == "acts" {
        return !(after.starts_with("in ") || after.starts_with("as "));
    }
    matches!(
        cue,
        "play" | "plays" | "played" | "playing" | "appear" | "appears" | "appeared"
    ) && (["for ", "to ", "in theaters", "in theatres", "in cinemas"]
        .iter()
        .any(|p| after.starts_with(p))
        || IMPORTANT_ROLE
            .captures(after)
            .is_some_and(|c| !matches!(&c["what"], "film" | "movie" | "picture")))
}

/// "The film has A, B and C" or "A and B are" before "in the lead roles":
/// credits the names that the film "has" (or "had"), or that "are" (or
/// "acted") in them.
pub(super) fn cast_had(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, before: &str) {
    let trimmed = before.trim_end();
    let subjects = [" are", " were", " acted", " act"]
        .iter()
        .find_map(|v| trimmed.strip_suffix(v));
    if let Some(subjects) = subjects {
        let stripped = crate::names::strip_descriptors(subjects);
        for name in names_before(stripped.as_ref()).unwrap_or_default() {
            credit_cast(ctx, s, film, name, None);
        }
        return;
    }
    let Some(at) = [" has ", " had "]
        .iter()
        .filter_map(|v| before.rfind(v))
        .max()
    else {
        return;
    };
    let chunk = before[at + 5..].trim_end();
    let stripped = crate::names::strip_descriptors(chunk);
    let names = name_list(stripped.as_ref());
    if names.last().is_some_and(|last| stripped.ends_with(last)) {
        for name in names {
            credit_cast(ctx, s, film, name, None);
        }
    }
}

/// The names that end `before`, the words ahead of a cast verb: the widest
/// tail of its clause that is nothing but a list of names.
fn names_before(before: &str) -> Option<Vec<&str>> {
    let clause_start = before.rfind("; ").map_or(0, |p| p + 2);
    // Where a list may start: the clause's start, after a comma, and after a
    // conjunction that opens a clause ("… the lead role while Krishnan, …").
    let mut starts: Vec<usize> = vec![clause_start];
    starts.extend(
        before[clause_start..]
            .match_indices(", ")
            .map(|(p, _)| clause_start + p + 2),
    );
    for conjunction in [" while ", " whilst ", " whereas ", " including ", " and "] {
        starts.extend(
            before[clause_start..]
                .match_indices(conjunction)
                // "the leading man and Edna Purviance": an "and" after a
                // lower-case word joins clauses; "German and Persian" is
                // one name's words.
                .filter(|&(p, _)| {
                    conjunction != " and "
                        || before[clause_start..clause_start + p]
                            .rsplit(' ')
                            .next()
                            .is_some_and(|w| w.starts_with(char::is_lowercase))
                })
                .map(|(p, _)| clause_start + p + 1),
        );
    }
    starts.sort_unstable();
    starts.into_iter().find_map(|start| {
        let chunk = &before[start..];
        // "…, while Austin O'Brien co-stars as Danny": a conjunction opens
        // the clause, the names follow it.
        let opened = [
            "while ",
            "whilst ",
            "and ",
            "whereas ",
            "with ",
            "including ",
        ]
        .iter()
        .find_map(|c| chunk.strip_prefix(c));
        // "his spouse, Elena, and Rufus Sewell": a name after a description
        // is an appositive, not the start of the list.
        let word_before = before[..start]
            .trim_end_matches([',', ' '])
            .rsplit(' ')
            .next();
        // "…, whilst, Kota Srinivasa Rao plays": a conjunction before the comma.
        let after_conjunction =
            word_before.is_some_and(|w| matches!(w, "while" | "whilst" | "whereas" | "and"));
        if opened.is_none()
            && !after_conjunction
            && start > clause_start
            && word_before.is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            return None;
        }
        let chunk = opened.unwrap_or(chunk);
        let names = name_list(chunk);
        let last = names.last()?;
        chunk.trim_end().ends_with(last).then_some(names)
    })
}

/// Credits the names just before a cue; false when there are none.
pub(super) fn cast_before(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    before: &str,
    after: &str,
) -> bool {
    let before = before.trim_end();
    let before = before.strip_suffix(" also").unwrap_or(before).trim_end();
    // "The director's father, Charlton Heston, plays …": a name set off by
    // commas is the subject the description before it names.
    let appositive = before
        .strip_suffix(',')
        .and_then(|b| b.rsplit_once(", "))
        .map(|(_, last)| last)
        .filter(|last| leading_name(last) == Some(*last));
    // "Canadian rock band Three Days Grace made a cameo appearance"
    // "All three main cast members, Kristen Stewart, Robert Pattinson, and
    // Taylor Lautner, reprised their roles": a list set off by commas after
    // a description of them.
    let appositive_list = before
        .strip_suffix(',')
        .and_then(|b| b.split_once(", "))
        .filter(|(description, _)| {
            description.contains(" cast") && !description.contains(|c: char| c.is_ascii_digit())
        })
        .map(|(_, list)| (list, name_list(list)))
        .filter(|(list, names)| names.len() > 1 && names_cover(list, names))
        .map(|(_, names)| names);
    let stripped = crate::names::strip_descriptors(before);
    let Some(names) = appositive
        .map(|name| vec![name])
        .or(appositive_list)
        .or_else(|| names_before(stripped.as_ref()))
    else {
        return false;
    };
    // "Needle played for 13 weeks": the film is no cast member of its own.
    if names.contains(&film) {
        return false;
    }
    // "A and B reprise their roles as C and D, respectively", "A and B
    // play, respectively, C and D"
    if names.len() > 1 {
        if let Some(parts) = respective_parts(after, names.len()) {
            for (name, part) in names.into_iter().zip(parts) {
                credit_cast(ctx, s, film, name, part);
            }
            return true;
        }
    }
    let character = match names.as_slice() {
        // "X stars as Y", "X portrays Y", "X plays Y"
        [_] => {
            let role = after.strip_prefix("as ").unwrap_or(after);
            let role = role.strip_prefix("the ").unwrap_or(role);
            // "plays the lead role while Krishna, …": the part ends with its
            // clause; "played the leading man and Edna Purviance": a
            // description ends at "and".
            let ends = [" while ", " whilst ", " whereas ", " and "];
            let ends = if role.starts_with(char::is_lowercase) {
                &ends[..]
            } else {
                &ends[..3]
            };
            let role = ends
                .iter()
                .filter_map(|c| role.find(c))
                .min()
                .map_or(role, |end| &role[..end]);
            character_name(role.trim_end_matches('.')).filter(|r| r.starts_with(char::is_uppercase))
        }
        _ => None,
    };
    for name in names {
        credit_cast(ctx, s, film, name, character);
    }
    true
}

/// A cast list with optional characters: "A as B, C as D and E".
pub(super) fn cast_list(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, segment: &str) {
    let segment = strip_cast_preamble(segment);
    // "A and B as C and D, respectively"; "A as C, and B and D as their
    // children E and F, respectively": the last actors named before the
    // last "as" play its parts in turn, and those before are a list.
    if let Some((pairs, _)) = segment.split_once(" respectively") {
        if let Some((head, roles)) = pairs.rsplit_once(" as ") {
            let roles = roles.trim_end().trim_end_matches(',');
            let parts = list_items(roles);
            let mut actors = list_items(head);
            // "A, B and C, reprising their roles as …"
            while actors
                .last()
                .is_some_and(|a| a.starts_with(char::is_lowercase))
            {
                actors.pop();
            }
            let first = actors
                .len()
                .checked_sub(parts.len())
                .filter(|_| parts.len() > 1);
            let last = actors.len().saturating_sub(1);
            let named = first.and_then(|first| {
                actors[first..]
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let name = leading_name(item)?;
                        // "… and B reprising their roles as": the last
                        // name may be followed by its verb.
                        let rest = item.strip_prefix(name)?.trim_start();
                        let verb = first + i == last && rest.starts_with(char::is_lowercase);
                        (rest.is_empty() || verb).then_some(name)
                    })
                    .collect::<Option<Vec<&str>>>()
                    .map(|names| (first, names))
            });
            if let Some((first, names)) = named {
                if first > 0 {
                    let start = actors[first].as_ptr() as usize - head.as_ptr() as usize;
                    cast_list(ctx, s, film, &head[..start]);
                }
                for (name, part) in names.into_iter().zip(parts) {
                    credit_cast(ctx, s, film, name, character_name(part));
                }
                return;
            }
        }
    }
    let mut cast: Vec<CastItem<'_>> = Vec::new();
    let items = split_list(segment);
    // "to feature Turkish, Kurdish, Syriac and English dialogue": a list of
    // languages, no cast.
    if let Some(&(a, b)) = items.last() {
        let last = segment[a..b].trim_start_matches("and ");
        let rest = leading_name(last).map_or("", |name| last[name.len()..].trim_start());
        if ["dialogue", "language", "languages", "subtitles"]
            .iter()
            .any(|w| {
                rest.strip_prefix(w)
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            })
        {
            return;
        }
    }
    let names: Vec<&str> = items
        .iter()
        .map_while(|&(a, b)| leading_name(segment[a..b].trim_start_matches("and ")))
        .collect();
    // Lone names share a surname in a cast only where the sentence speaks of
    // a family ("Kevin, Joe and Nick Jonas of … the Jonas Brothers") or the
    // given name is plainly one ("Mary-Kate and Ashley Olsen"): elsewhere a
    // lone name is as often a stage name ("Vijay and Trisha Krishnan").
    let lower = s.text.to_lowercase();
    let family = ["brothers", "sisters", "twins", "siblings"]
        .iter()
        .any(|w| lower.contains(w));
    let mut skip = 0;
    if let Some(act) = double_act(ctx, s.text, segment, &items) {
        credit_cast(ctx, s, film, act, None);
        skip = 2;
    }
    // "John DiMaggio and many other voice actors, including Billy West, …":
    // a description of more of the cast, then its members.
    let including = |k: usize| {
        items
            .get(k)
            .is_some_and(|&(a, b)| segment[a..b].trim_start().starts_with("including "))
    };
    for (n, &(a, b)) in items.iter().enumerate().skip(skip) {
        let item = segment[a..b].trim_start_matches("and ");
        // "written by Curtis Jackson starring himself, Val Kilmer and …":
        // the one named before, already credited where he was.
        if matches!(item.trim(), "himself" | "herself" | "themselves") {
            continue;
        }
        let more_cast = item.starts_with(char::is_lowercase)
            && including(n + 1)
            && ["actors", "actresses", "others", "stars", "cast"]
                .iter()
                .any(|w| item.split(' ').any(|x| x == *w));
        if more_cast {
            continue;
        }
        let item = match item.trim_start().strip_prefix("including ") {
            Some(members) if n > 0 => members,
            _ => item,
        };
        let Some(name) = leading_name(item) else {
            if let Some(group) = group_in_list(ctx, item) {
                credit_cast(ctx, s, film, group, None);
                continue;
            }
            // "Jeff Fahey as Jobe Smith, an intellectually disabled
            // gardener, and Pierce Brosnan as …": a description of the
            // character just named, then the list goes on.
            let describes = item.starts_with("a ") || item.starts_with("an ");
            if describes && cast.last().is_some_and(|c| c.character.is_some()) {
                continue;
            }
            break;
        };
        let mut name_end = item.find(name).map_or(item.len(), |p| p + name.len());
        if item[name_end..].starts_with(['\'', '’']) {
            break; // "Clancy's character Jack Ryan": an owner, not a cast member
        }
        // "Corman regulars Richard Devon, Dick Miller": a name that says
        // whose the people after it are.
        let mut name = name;
        if let Some((noun, after)) = item[name_end..].trim_start().split_once(' ') {
            let named = leading_name(after).filter(|_| {
                noun.len() > 3 && noun.ends_with('s') && noun.starts_with(char::is_lowercase)
            });
            if let Some(named) = named {
                name = named;
                name_end = item.find(named).map_or(item.len(), |p| p + named.len());
            }
        }
        let rest = item[name_end..].trim_start();
        // The name alone, but for a full stop.
        let bare = rest.trim_end_matches(['.', ' ']).is_empty();
        // "… and Carl Weathers as the champion, Apollo Creed": after the
        // last item, a name alone is the described character's.
        if let Some(prev) = cast.last_mut() {
            let prev_item = &segment[prev.span.0..prev.span.1];
            let after_and = segment[..prev.span.0].trim_end().ends_with(" and");
            let described = after_and
                && prev.character.is_none()
                && prev_item
                    .split_once(" as ")
                    .is_some_and(|(_, role)| role.starts_with(char::is_lowercase));
            let last_bare = n + 1 == items.len() && bare;
            if described && last_bare {
                prev.character = Some(name);
                break;
            }
            // "Verne Troyer as his guardian angel, Archimedes, Kevin Bishop
            // as …": a name alone after a part told by whose it is, with
            // the next actor and part after it, is that part's name.
            let whose = prev.character.is_none()
                && prev_item.split_once(" as ").is_some_and(|(_, role)| {
                    ["his ", "her ", "their "]
                        .iter()
                        .any(|p| role.starts_with(p))
                });
            // Commas alone around it: "… as his wife, and Hawn and
            // Shandling as their best friends" names two actors.
            let next_has_part = items.get(n + 1).is_some_and(|&(na, nb)| {
                let next = segment[na..nb].trim_start();
                next.contains(" as ") && !next.starts_with("and ") && segment[b..na].trim() == ","
            });
            let after_comma = segment[prev.span.1..a].trim() == ","
                && !segment[a..b].trim_start().starts_with("and ");
            if whose && after_comma && next_has_part && bare {
                prev.character = Some(name);
                continue;
            }
        }
        let character = in_a_role(rest)
            .strip_prefix("as ")
            .or_else(|| rest.strip_prefix("in the role of "))
            .or_else(|| rest.strip_prefix("in the title role of "))
            .and_then(character_name);
        if is_company(name) {
            break;
        }
        // "featured Pakula as both writer and director": a crew credit.
        if in_a_role(rest).strip_prefix("as ").is_some_and(crew_part) {
            break;
        }
        let shared = (family || name.contains('-'))
            .then(|| shared_surname(segment, name, names.get(n + 1..).unwrap_or_default()))
            .flatten();
        let name = shared
            .or_else(|| ctx.resolve_person(name))
            .unwrap_or_else(|| name.to_string());
        cast.push(CastItem {
            name,
            character,
            span: (a, b),
            bare,
        });
        if !item_goes_on(rest) {
            break;
        }
    }
    // "A and B as C and D": A plays C and B plays D; D is no cast member.
    let joined_by_and = |x: (usize, usize), y: (usize, usize)| {
        segment.get(x.1..y.0).is_some_and(|between| {
            matches!(between.trim(), "and" | ", and" | ",and")
                || segment[y.0..].starts_with("and ") && between.trim().is_empty()
        })
    };
    let mut k = 1;
    while k + 1 < cast.len() {
        let (prev, this, next) = (&cast[k - 1], &cast[k], &cast[k + 1]);
        if prev.character.is_none()
            && prev.bare
            && this.character.is_some()
            && next.character.is_none()
            && next.bare
            && joined_by_and(prev.span, this.span)
            && joined_by_and(this.span, next.span)
        {
            let (c, d, span) = (this.character, next.name.clone(), next.span);
            cast[k - 1].character = c;
            // The character named last lives in the segment, not in `cast`.
            let at = span.0 + segment[span.0..span.1].find(d.as_str()).unwrap_or(0);
            cast[k].character = segment.get(at..at + d.len());
            cast.remove(k + 1);
        }
        k += 1;
    }
    for item in cast {
        ctx.sentence_fact(
            s,
            film,
            CastMember,
            &item.name,
            quals([("character", item.character)]),
        );
    }
}

/// One actor of a cast list, as read.
struct CastItem<'a> {
    name: String,
    character: Option<&'a str>,
    /// The item's bytes in the segment.
    span: (usize, usize),
    /// Whether the item is the name alone.
    bare: bool,
}

/// Whether a cast list goes on after an item whose name is followed by
/// `rest`: "in the title role", "as Lino", a nickname or a number do not end
/// it; a new clause ("who returns...") does.
fn item_goes_on(rest: &str) -> bool {
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with(['(', '"', '“']) {
        return true;
    }
    // "with Ravi Babu himself, Sindhura Gadde and …"
    if rest.starts_with("as ") || matches!(rest, "himself" | "herself") {
        return true;
    }
    if let Some(role) = rest.strip_prefix("in ") {
        return role.starts_with("the ") && role.contains("role")
            || role.starts_with("a ") && role.contains("role");
    }
    !rest
        .split_whitespace()
        .any(|w| w.starts_with(|c: char| c.is_lowercase()))
}

/// Credits `name` as a cast member, as the fuller name the article gave the
/// same person where there is one, with the part when it is known.
pub(crate) fn credit_cast(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    name: &str,
    character: Option<&str>,
) {
    let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
    ctx.sentence_fact(
        s,
        film,
        CastMember,
        &name,
        quals([("character", character)]),
    );
}

/// A group that a cast list names as one item: "starring The Three
/// Stooges", "the Ritz Brothers". A name of one word is a group's only with
/// its own article ("The Beatles", not "the Nazis"); without it, the name
/// must say it is a group ("the Bowery Boys", not "the Sherlock Holmes and
/// Dr. Watson characters"); and the film's own title is none ("and The Young
/// Savages was the first film …").
fn group_in_list<'a>(ctx: &Context<'_>, item: &'a str) -> Option<&'a str> {
    let item = item.trim_end_matches('.');
    group_name(item).filter(|g| {
        let rest = item[item.find(g).map_or(item.len(), |p| p + g.len())..].trim();
        let last = g.rsplit(' ').next().unwrap_or(g);
        (rest.is_empty() || rest.starts_with("in ") || rest.starts_with('('))
            && g.contains(' ')
            && (g.starts_with("The ") || GROUP_WORDS.contains(&last))
            && !ctx.names_film(g)
    })
}

/// A double act opening a cast list, as written: "the magicians Penn &
/// Teller", "the comedy team Abbott and Costello". Two lone names joined by
/// "&" are one act's; joined by "and" only where the list calls them a team
/// or a duo, since two lone names are as often two people's ("Vijay and
/// Trisha"). Where the article has named both in full ("Bud Abbott and Lou
/// Costello"), they are those two people.
fn double_act<'a>(
    ctx: &Context<'_>,
    sentence: &str,
    segment: &'a str,
    items: &[(usize, usize)],
) -> Option<&'a str> {
    let [(a0, b0), (a1, b1), ..] = *items else {
        return None;
    };
    let (first, second) = (&segment[a0..b0], segment[a1..b1].trim_end_matches('.'));
    let joiner = segment[b0..a1].trim();
    let one = leading_name(first).filter(|n| !n.contains(' ') && first.ends_with(n))?;
    let two = leading_name(second).filter(|n| !n.contains(' ') && second == *n)?;
    // What the list calls them: words before the name in the item, or just
    // before the list ("starring the comedy team" is not part of it).
    let before = sentence.find(segment).map_or("", |at| &sentence[..at]);
    let said = format!("{} {}", before, &first[..first.len() - one.len()]).to_lowercase();
    let said = said.trim_end();
    let team = ["team", "duo", "double act"]
        .iter()
        .any(|w| said.ends_with(w));
    let act = joiner == "&" || (joiner == "and" && team);
    let both_known = ctx.resolve_person(one).is_some() && ctx.resolve_person(two).is_some();
    (act && !both_known).then(|| &segment[a0 + first.len() - one.len()..a1 + second.len()])
}

/// Last words that make a name a group's: "the Marx Brothers", "the Dead
/// End Kids".
const GROUP_WORDS: &[&str] = &[
    "Brothers",
    "Sisters",
    "Boys",
    "Kids",
    "Guys",
    "Girls",
    "Twins",
    "Stooges",
    "Singers",
    "Dancers",
    "Players",
    "Puppeteers",
    "Globetrotters",
];

/// Whether a part is a job on the film: "both writer and director",
/// "director". With an article it is a character's: "as a director who
/// forgives a teenage boy".
fn crew_part(part: &str) -> bool {
    let part = part.strip_prefix("both ").unwrap_or(part);
    let word = part.split([' ', ',', '.']).next().unwrap_or(part);
    matches!(
        word,
        "writer"
            | "director"
            | "co-director"
            | "producer"
            | "screenwriter"
            | "cinematographer"
            | "editor"
            | "composer"
    )
}

/// "in the title role as Max Payne" -> "as Max Payne": the role named
/// before the part.
fn in_a_role(rest: &str) -> &str {
    ["title", "lead", "leading", "main"]
        .iter()
        .find_map(|kind| {
            rest.strip_prefix("in the ")?
                .strip_prefix(kind)?
                .strip_prefix(" role ")
                .filter(|part| part.starts_with("as "))
        })
        .unwrap_or(rest)
}

/// "the Mossad officer Peter Malkin" -> "Peter Malkin"; "Eichmann" -> "Eichmann".
fn character_name(role: &str) -> Option<&str> {
    let role = role.split([',', ';', '(']).next().unwrap_or(role).trim();
    // "Bharath's sister": a part told by whose it is, no name of its own.
    if leading_name(role).is_some_and(|name| {
        let end = role.find(name).map_or(role.len(), |p| p + name.len());
        role[end..].starts_with("'s ") || role[end..].starts_with("’s ")
    }) {
        return None;
    }
    if role.starts_with(|c: char| c.is_uppercase()) {
        // "Secretary of Defense Robert McNamara": a title with "of" is the
        // whole part, where every other word is capitalised.
        let titled = role.contains(" of ")
            && role.split(' ').count() <= 6
            && role
                .split(' ')
                .all(|w| matches!(w, "of" | "the") || w.starts_with(char::is_uppercase));
        if titled {
            return Some(role.trim_end_matches('.'));
        }
        // "as the actress Mrs. Leslie Carter.": the sentence's full stop is
        // not the part's ("Jr." and initials keep theirs).
        let role = match role.strip_suffix('.') {
            Some(bare)
                if bare.rsplit(' ').next().is_some_and(|w| {
                    w.chars().count() > 2 && !w.contains('.') && !matches!(w, "Jr" | "Sr")
                }) =>
            {
                bare
            }
            _ => role,
        };
        return leading_name(role).or(Some(role).filter(|r| r.split(' ').count() <= 4));
    }
    // A description, then the name: take the last capitalised words.
    let words: Vec<&str> = role.split(' ').collect();
    let first_cap = words
        .iter()
        .rposition(|w| !w.starts_with(|c: char| c.is_uppercase()))
        .map_or(0, |i| i + 1);
    if first_cap >= words.len() {
        return None;
    }
    let start: usize = words[..first_cap].iter().map(|w| w.len() + 1).sum();
    leading_name(&role[start..])
}

/// "Betty and Moody Mahmoody are played by Sally Field and Alfred Molina,
/// respectively", "The role of Jane is played by Emma Stone": the parts are
/// named before the verb, the actors after it (`before` is the sentence up
/// to "played by", `segment` what follows it). False, crediting no one,
/// where the parts and the actors do not pair up.
pub(super) fn passive_cast(
    ctx: &mut Context<'_>,
    s: &Sentence<'_>,
    film: &str,
    before: &str,
    segment: &str,
) -> bool {
    let before = before.trim_end();
    let Some(subject) = [" is", " are", " was", " were"]
        .iter()
        .find_map(|verb| before.strip_suffix(verb))
    else {
        return false;
    };
    let subject = subject.rsplit([',', ';', ':']).next().unwrap_or(subject);
    let parts: Option<Vec<&str>> = list_items(subject.trim())
        .into_iter()
        .map(|item| {
            // "The main characters Betty Mahmoody": the words after the
            // description.
            let name = after_description(item)?;
            character_name(name)
                .filter(|n| n.starts_with(char::is_uppercase) && !n.starts_with("The "))
        })
        .collect();
    // "Henry is played by Rip Torn and his wife Mona by Ellen Burstyn": the
    // second pair leaves out its verb.
    if let Some((first, part, second)) = gapped_pair(segment) {
        let (firsts, seconds) = (name_list(first), name_list(second));
        if let ([first], Some(&second)) = (firsts.as_slice(), seconds.first()) {
            let own_part = match parts.as_deref() {
                Some(&[own]) => Some(own),
                _ => None,
            };
            credit_cast(ctx, s, film, first, own_part);
            credit_cast(ctx, s, film, second, Some(part));
            return true;
        }
    }
    let names = name_list(segment.split(" respectively").next().unwrap_or(segment));
    let Some(parts) = parts else {
        return false;
    };
    let paired =
        parts.len() == names.len() && (names.len() == 1 || segment.contains("respectively"));
    if !paired {
        return false;
    }
    for (name, part) in names.into_iter().zip(parts) {
        credit_cast(ctx, s, film, name, Some(part));
    }
    true
}

/// "Rip Torn and his wife Mona by Ellen Burstyn" (after "played by"): the
/// first actor, the second part ("Mona") and what names its actor.
fn gapped_pair(segment: &str) -> Option<(&str, &str, &str)> {
    let (head, second) = segment.split_once(" by ")?;
    let (first, described) = [", and ", " and ", ", "]
        .iter()
        .find_map(|sep| head.rsplit_once(sep))?;
    let part = character_name(after_description(described.trim())?)?;
    part.starts_with(char::is_uppercase)
        .then_some((first.trim(), part, second))
}

/// A part's name after its description: "The main characters Betty
/// Mahmoody" -> "Betty Mahmoody", "Real-life athletes Gerry Bertier" ->
/// "Gerry Bertier", "the role of Jane" -> "Jane"; a name's own particles
/// stay ("Ludwig van Beethoven"). `None` where the description names no
/// part ("The leader of the Cenobites").
fn after_description(item: &str) -> Option<&str> {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "bin",
        "ibn", "al", "el", "y", "dos", "das",
    ];
    const ROLE: &[&str] = &["role", "part", "character", "roles", "parts", "characters"];
    let words: Vec<&str> = item.split(' ').collect();
    let article = ["The", "A", "An", "His", "Her", "Their", "Its"].contains(&words[0]);
    let last_lower = words
        .iter()
        .enumerate()
        .rposition(|(i, w)| w.starts_with(char::is_lowercase) && !(i > 0 && PARTICLES.contains(w)))
        .or(article.then_some(0));
    let Some(last) = last_lower else {
        return Some(item);
    };
    // "the leader of the Cenobites": of whom, not who.
    if let Some(of) = words[..=last].iter().rposition(|w| *w == "of") {
        if of == 0 || !ROLE.contains(&words[of - 1]) {
            return None;
        }
    }
    let start: usize = words[..=last].iter().map(|w| w.len() + 1).sum();
    item.get(start..).filter(|rest| !rest.is_empty())
}

/// The items of a list, "and" dropped: "A, B and C" -> "A", "B", "C".
fn list_items(text: &str) -> Vec<&str> {
    split_list(text)
        .into_iter()
        .map(|(a, b)| text[a..b].trim().trim_start_matches("and ").trim())
        .collect()
}

/// The parts `n` actors named before their verb play in turn, from what
/// follows the verb: "reprise their roles as C and D, respectively", "star
/// as C and D, respectively", "play, respectively, C and D, …".
fn respective_parts(after: &str, n: usize) -> Option<Vec<Option<&str>>> {
    let after = after.trim_start_matches(',').trim_start();
    let parts: Vec<&str> = if let Some(rest) = after.strip_prefix("respectively, ") {
        let items = list_items(rest);
        items.get(..n)?.to_vec()
    } else {
        let (before, _) = after.split_once(" respectively")?;
        let before = before.trim_end().trim_end_matches(',');
        let roles = match before.rsplit_once(" as ") {
            Some((_, roles)) => roles,
            None => before.strip_prefix("as ")?,
        };
        let items = list_items(roles);
        (items.len() == n).then_some(items)?
    };
    let parts: Vec<Option<&str>> = parts.into_iter().map(character_name).collect();
    parts.iter().all(Option::is_some).then_some(parts)
}

/// "the voices of A, B" / "an ensemble cast that includes A, B" -> "A, B".
pub(super) fn strip_cast_preamble(segment: &str) -> &str {
    let mut seg = segment.trim_start();
    for _ in 0..3 {
        let before = seg;
        for prefix in [
            "the voices of ",
            "the voice of ",
            "the voice talents of ",
            "the voice talent of ",
            "voices of ",
            // "Also featured are Marjorie Main and Percy Kilbride"
            "are ",
            "were ",
            "an ensemble cast ",
            "an ensemble voice cast ",
            "an ensemble cast of ",
            "a voice cast ",
            "a cast ",
            "that includes ",
            "that included ",
            "which includes ",
            "which included ",
            // "stars an ensemble cast, which includes Jason Bateman, …"
            "an ensemble cast,",
            "a large ensemble cast,",
            " which includes ",
            " which included ",
            " including ",
            "including ",
            "includes ",
            "of ",
            "led by ",
            "consisting of ",
            "featuring ",
            "featuring: ",
            // "The film features the debut of Louise Brooks"
            "the debut of ",
            "the film debut of ",
            "the screen debut of ",
            "the first appearance of ",
        ] {
            if let Some(rest) = seg.strip_prefix(prefix) {
                seg = rest;
            }
        }
        if seg == before {
            break;
        }
    }
    seg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acting_verbs_said_of_other_things() {
        assert!(acts_no_part("played", "for 13 weeks in cinemas."));
        assert!(acts_no_part(
            "played",
            "such a significant role in the case"
        ));
        assert!(!acts_no_part("played", "an important role in the film."));
        assert!(!acts_no_part("played", "the lead roles."));
        assert!(acts_no_part("appears", "to be lost."));
        assert!(!acts_no_part("stars", "for a while"));
    }

    #[test]
    fn a_part_with_a_title_of_something_is_whole() {
        assert_eq!(
            character_name("Secretary of Defense Robert McNamara, a man"),
            Some("Secretary of Defense Robert McNamara")
        );
        assert_eq!(character_name("Prince of Wales"), Some("Prince of Wales"));
        assert_eq!(
            character_name("Mrs. Leslie Carter."),
            Some("Mrs. Leslie Carter")
        );
        assert_eq!(character_name("Harry Lime Jr."), Some("Harry Lime Jr."));
        assert_eq!(character_name("D.C."), Some("D.C."));
        assert_eq!(character_name("Leo of the sea people"), Some("Leo"));
    }

    #[test]
    fn a_part_told_by_whose_it_is_has_no_name() {
        assert_eq!(character_name("Bharath's sister"), None);
        assert_eq!(character_name("Mona Sax"), Some("Mona Sax"));
        assert_eq!(
            character_name("the Mossad officer Peter Malkin"),
            Some("Peter Malkin")
        );
    }

    #[test]
    fn parts_and_jobs() {
        assert!(crew_part("both writer and director before his death"));
        assert!(crew_part("director"));
        assert!(!crew_part("a director who forgives a boy"));
        assert!(!crew_part("Max Payne"));
        assert_eq!(in_a_role("in the title role as Max Payne"), "as Max Payne");
        assert_eq!(in_a_role("in the title role"), "in the title role");
    }
}
