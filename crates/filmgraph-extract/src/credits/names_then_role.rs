//! Sentences that name people before their role: "directed by X, who also
//! produced", "Trent Reznor served as the film's composer", "K. Raghavendra
//! Rao directs the project", "The directors are A and B", "This was Charlie
//! Murphy's last film role".

use super::cast::credit_cast;
use super::other_work::about_other_work;
use crate::context::{quals, Context, Sentence};
use crate::names::{leading_name, name_list, names_cover};
use filmgraph_model::Predicate::{
    self, Cinematographer, Composer, Director, Editor, Producer, ProductionCompany, Screenwriter,
};

static WHO_ALSO: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?P<a>\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*)*), who (?:also )?(?:co-starred and |starred and )?(?:co-)?(?P<verb>wrote|produced|directed)(?: (?:it|the (?:screenplay|script|film|movie)|its screenplay)(?: (?:with|alongside) (?P<b>[^;.]+))?| (?:with|alongside) (?P<with>[^;.]+))",
    )
    .expect("who also")
});

/// "directed by Fede Álvarez, who co-wrote the screenplay with Rodo
/// Sayagues": both wrote it. "starring Gabrielle Union, who also produced
/// the film alongside Will Packer and James Lopez": all three produced it;
/// and so in "directed by Joel Edgerton, who also produced with Kerry
/// Kohansky Roberts and Steve Golin".
pub fn extract_who_also(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    // Each match is searched for from the end of the last one's first name:
    // "Robert Ben Garant, who also wrote the screenplay with Thomas Lennon,
    // who also co-starred and produced with ..." holds two.
    let mut from = 0;
    while let Some(c) = WHO_ALSO.captures_at(s.text, from) {
        from = c.name("a").map_or(s.text.len(), |a| a.end());
        let predicate = match &c["verb"] {
            "produced" => Producer,
            "directed" => Director,
            _ => Screenwriter,
        };
        let mut names: Vec<String> = Vec::new();
        if let Some(a) = leading_name(&c["a"]).filter(|a| *a == &c["a"]) {
            names.push(a.to_string());
        }
        if let Some(b) = c.name("b").or_else(|| c.name("with")) {
            let b = b.as_str();
            let b = b.find(", who ").map_or(b, |at| &b[..at]);
            names.extend(name_list(b).into_iter().map(str::to_string));
        }
        for name in names {
            credit(ctx, s, &film, predicate, &name);
        }
    }
}

/// Credits `name` with `predicate` on `film`, as the fuller name the
/// article gave the same person where there is one.
fn credit(ctx: &mut Context<'_>, s: &Sentence<'_>, film: &str, predicate: Predicate, name: &str) {
    let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
    ctx.sentence_fact(s, film, predicate, &name, quals([]));
}

static NAMES_SERVED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?:^|[;:] )(?P<names>[A-Z][^;:()]*?) (?:(?:(?:is|are|was|were) (?:among |one of |also )?the (?:film's|movie's)|served as (?:the film's |the movie's )?(?:a |the )?|(?P<returns>(?:returns|returned|return) as (?:a |the )?)) ?(?:co-)?(?P<role>producers?|composers?|cinematographers?|editors?|screenwriters?|directors?)|(?P<music>(?:is|was) the (?:film's )?music director))(?-u:\b)(?P<rest>[^;]*)",
    )
    .expect("names served")
});

/// "Jason Blum and Michael Bay are among the film's producers", "Trent
/// Reznor served as the film's composer", "John Davis returns as producer":
/// the names come first, the role after a copula. The role must be the
/// film's (its possessive, or "of / on / for the film" after "served as",
/// or one returned to).
pub fn extract_names_served(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    // "..., while John Davis returns as producer": a clause of its own.
    for clause in s.text.split(", while ").flat_map(|c| c.split(", whereas ")) {
        names_served(ctx, s, clause);
    }
}

/// [`extract_names_served`] in one clause of the sentence.
fn names_served(ctx: &mut Context<'_>, s: &Sentence<'_>, clause: &str) {
    let film = ctx.film.clone();
    let Some(c) = NAMES_SERVED.captures(clause) else {
        return;
    };
    let whole = c.get(0).map_or("", |m| m.as_str());
    let possessive = whole.contains("film's") || whole.contains("movie's");
    let rest = c["rest"].trim_start();
    let on_film = ["of the film", "on the film", "for the film", "of the movie"]
        .iter()
        .any(|p| rest.starts_with(p));
    // "John Davis returns as producer": he made the earlier films and this.
    let returns = c.name("returns").is_some();
    // "V. Harikrishna is the music director": of the film the article is
    // about; in Indian cinema the music director writes its songs.
    let music = c.name("music").is_some();
    if !possessive && !on_film && !returns && !music {
        return;
    }
    let role = match c.name("role") {
        _ if music => "music director",
        Some(role) => role.as_str(),
        None => return,
    };
    let Some(predicate) = crew_role(role) else {
        return;
    };
    let names = name_list(&c["names"]);
    // Every word of the subject must belong to a name: "The film's success
    // made X and Y ..." is no list of names.
    if !names_cover(&c["names"], &names) {
        return;
    }
    for name in names {
        credit(ctx, s, &film, predicate, name);
    }
}

static OWN_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?P<name>\p{Lu}[\w'’.-]*(?: \p{Lu}[\w'’.-]*)+)(?:(?:'s|’s|'|’) (?:first|last|final|only)(?-u:\b)[^.;]{0,30}?(?-u:\b)(?:role|appearance|performance)|,? (?:has|had|plays|played) (?:a |an )?(?:bit|small|minor|cameo) (?:part|role|appearance))(?-u:\b)",
    )
    .expect("own role")
});

/// "This was Charlie Murphy's last film role", "Julia Roberts' first
/// credited big-screen role", "A then-unknown Aaron Eckhart has a bit part":
/// the person acts in the film.
pub fn extract_own_role(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    for c in OWN_ROLE.captures_iter(s.text) {
        let Some(name) = leading_name(&c["name"]).filter(|n| *n == &c["name"]) else {
            continue;
        };
        if about_other_work(s.text, c.get(0).map_or(0, |m| m.start())) {
            continue;
        }
        credit_cast(ctx, s, &film, name, None);
    }
}

static DID_FILM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:co-)?(?P<verb>directed|directs|produced|produces|wrote|writes|edited|edits|photographed|composed|composes|scored)(?: and (?:co-)?(?P<verb2>directed|produced|wrote|edited|photographed))? (?P<obj>the (?:film|movie|picture|project|screenplay|script|score|music)|its (?:screenplay|script|score|music))(?-u:\b)",
    )
    .expect("did the film")
});

/// The role a verb of making gives, with what was made: "wrote the
/// screenplay" is a writer's, "composed the score" a composer's; "composed
/// the film" is no one's.
fn made(verb: &str, object: &str) -> Option<Predicate> {
    let music = object.ends_with("score") || object.ends_with("music");
    let writing = object.ends_with("screenplay") || object.ends_with("script");
    match verb {
        "composed" | "composes" | "scored" => {
            (music || verb == "scored" && !writing).then_some(Composer)
        }
        "wrote" | "writes" if music => Some(Composer),
        _ if music => None,
        "wrote" | "writes" => Some(Screenwriter),
        _ if writing => None,
        "directed" | "directs" => Some(Director),
        "produced" | "produces" => Some(Producer),
        "edited" | "edits" => Some(Editor),
        "photographed" => Some(Cinematographer),
        _ => None,
    }
}

/// "K. Raghavendra Rao directs the project", "Spielberg directed the film
/// from a screenplay by …", "Hans Zimmer composed the score": the names are
/// the clause's subject, the object the film itself ("the film", not "the
/// film Jaws" or "the film's sequel").
pub fn extract_names_did(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let film = ctx.film.clone();
    let text = s.text;
    for c in DID_FILM.captures_iter(text) {
        let (Some(whole), Some(object)) = (c.get(0), c.name("obj")) else {
            continue;
        };
        let after = &text[whole.end()..];
        if after.starts_with(['\'', '’']) || after.trim_start().starts_with(char::is_uppercase) {
            continue;
        }
        // "wrote the film score": the noun after "the film" is what was
        // made; "produced the film version of …", "the film rights": no
        // making of this film.
        let next = after
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let object = match next {
            "score" | "music" | "soundtrack" => "the score",
            "version" | "adaptation" | "rights" | "series" | "trailer" | "poster" | "sequel"
            | "remake" | "industry" | "company" | "studio" | "festival" | "songs" | "song"
            | "theme" | "novelization" => continue,
            _ => object.as_str(),
        };
        // The subject: from the clause's start to the verb.
        let before = &text[..whole.start()];
        let clause_start = before.rfind([',', ';', ':']).map_or(0, |at| at + 1);
        let subject = before[clause_start..].trim();
        let subject = ["and ", "while ", "but ", "whereas "]
            .iter()
            .find_map(|w| subject.strip_prefix(w))
            .unwrap_or(subject);
        let subject = ["also", "later", "himself", "herself", "then"]
            .iter()
            .find_map(|w| subject.strip_suffix(w))
            .unwrap_or(subject)
            .trim_end();
        // "Sandler's production company Happy Madison": named a company.
        let named_company = |name: &str| {
            subject.find(name).is_some_and(|at| {
                let before = subject[..at].trim_end().trim_end_matches(',');
                ["company", "companies", "studio", "banner"]
                    .iter()
                    .any(|w| before.ends_with(w))
            })
        };
        // "Animator Frank Tashlin wrote the script"
        let stripped = crate::names::strip_descriptors(subject);
        let subject = stripped.as_ref();
        let names = name_list(subject);
        // Every word of the subject belongs to a name: "The success of the
        // book that Smith wrote …" names no maker.
        if !names_cover(subject, &names)
            || names.contains(&film.as_str())
            || about_other_work(text, whole.start())
            || super::negated(before)
        {
            continue;
        }
        let verbs = [c.name("verb"), c.name("verb2")];
        let roles: Vec<Predicate> = verbs
            .iter()
            .flatten()
            .filter_map(|v| made(v.as_str(), object))
            .collect();
        for name in &names {
            // "RKO Radio Pictures produced the film": a company makes it.
            if super::companies::is_company(name) || named_company(name) {
                if roles.contains(&Producer) {
                    ctx.sentence_fact(s, &film, ProductionCompany, name, quals([]));
                }
                continue;
            }
            let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
            for &role in &roles {
                ctx.sentence_fact(s, &film, role, &name, quals([]));
            }
        }
    }
}

static ROLE_IS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"^(?:The|Its) (?:film's |movie's )?(?P<role>music directors?|directors?|producers?|screenwriters?|composers?|cinematographers?|editors?) (?:is|are|was|were) (?P<names>[^;:]+)",
    )
    .expect("role is")
});

/// "The directors are Julio Médem, Laurent Cantet and Elia Suleiman", "The
/// film's composer is Hans Zimmer": the role first, the names after a
/// copula, at the start of a sentence.
pub fn extract_role_is(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text.trim_start();
    if !text.starts_with("The ") && !text.starts_with("Its ") {
        return;
    }
    let Some(c) = ROLE_IS.captures(text) else {
        return;
    };
    let Some(predicate) = crew_role(&c["role"]) else {
        return;
    };
    let film = ctx.film.clone();
    let names_text = &c["names"];
    // "The director is a former journalist": a description, no name.
    if leading_name(names_text).is_none_or(|n| !names_text.starts_with(n)) {
        return;
    }
    for name in name_list(names_text) {
        credit(ctx, s, &film, predicate, name);
    }
}

static FILM_BY_DIRECTOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:film|debut|feature|movie|documentary|picture)(?: [a-z][\w-]*){0,3} (?:by|from|of) (?:the |a |an )?(?P<desc>(?:[\w’'-]+,? ){0,5}?)(?:director|filmmaker|film-maker)(?:[/-][a-z][\w -]*?)?,? (?P<name>\p{Lu}[^,;()]*)",
    )
    .expect("film by director")
});

/// "a 2009 Philippine film by renowned Filipino director Auraeus Solito",
/// "the debut from director Marek Losey", "the second film by
/// director-screenwriter Kang Hyeong-cheol": the film is a director's, in a
/// sentence about the film itself.
pub fn extract_film_by_director(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    if !text.contains("director") && !text.contains("film-maker") && !text.contains("filmmaker") {
        return;
    }
    let Some(c) = FILM_BY_DIRECTOR.captures(text) else {
        return;
    };
    let whole = c.get(0).map_or(0..0, |m| m.range());
    // "the film of the same name by director X", "an earlier film by
    // director X": another film's.
    let between = &text[whole.start..c.name("desc").map_or(whole.end, |d| d.start())];
    const OTHER: &[&str] = &[
        "same", "name", "earlier", "previous", "next", "later", "last", "other", "original",
    ];
    let desc = c.name("desc").map_or("", |d| d.as_str());
    // The words just before "film" too: "an earlier film by director X".
    let lead_in: Vec<&str> = text[..whole.start].split(' ').rev().take(4).collect();
    let other = between
        .split(' ')
        .chain(lead_in)
        .any(|w| OTHER.contains(&w));
    // The description is of a director, in lower-case words or a
    // nationality ("renowned and critically acclaimed Filipino"): not a
    // film about one ("directed by Jon Ronson about the film director X"),
    // nor another kind of director ("music director Koti"), nor another
    // film's ("Step Up 3D director Jon M. Chu").
    const ABOUT: &[&str] = &[
        "about",
        "on",
        "for",
        "with",
        "featuring",
        "voice",
        "parody",
        "tribute",
        "homage",
        "life",
    ];
    const OTHER_DIRECTORS: &[&str] = &[
        "music",
        "art",
        "casting",
        "dance",
        "fight",
        "action",
        "stunt",
        "photography",
        "musical",
    ];
    // "The film was edited by leading Iranian filmmaker X", "a film
    // written by director X": a director in another role.
    let other_role = |w: &str| {
        w == "written"
            || w == "shot"
            || w.ends_with("ed") && !matches!(w, "directed" | "co-directed" | "helmed")
    };
    let not_a_director = between
        .split([' ', ','])
        .any(|w| ABOUT.contains(&w) || other_role(w))
        || desc.split([' ', ',']).any(|w| {
            ABOUT.contains(&w)
                || OTHER_DIRECTORS.contains(&w)
                || matches!(w, "by" | "of" | "from" | "who" | "which")
                || w.starts_with(char::is_uppercase) && !crate::lexicon::is_nationality(w)
        });
    if other
        || not_a_director
        || desc.contains("'s ")
        || desc.contains("’s ")
        || !ctx.names_film(text)
        || about_other_work(text, whole.start)
    {
        return;
    }
    let Some(name) = leading_name(&c["name"]) else {
        return;
    };
    // The name ends its phrase: "director Marek Losey, grandson of …", not
    // "director, La Fémis graduate Kamen Kalev".
    let after = c["name"][name.len()..].trim_start();
    let ends = after.is_empty()
        || after.starts_with(['.', ',', ';', '(', '['])
        || ["and ", "in ", "who", "with "]
            .iter()
            .any(|w| after.starts_with(w));
    if !c["name"].starts_with(name) || !ends {
        return;
    }
    let film = ctx.film.clone();
    credit(ctx, s, &film, Director, name);
}

static WITH_AS_ROLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?-u:\b)(?:with|With) (?P<name>\p{Lu}[^,;()]*?) as (?:the )?(?:film's )?(?P<role>director|co-director|screenwriter|writer|producer|co-producer|composer|cinematographer|editor)(?-u:\b)",
    )
    .expect("with X as role")
});

/// "It was produced by Arenafilm in Australia, with Robert Connolly as
/// director and David Williamson as screenwriter": a name, then its role.
pub fn extract_with_as_role(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let with = s.text.contains("with ") || s.text.contains("With ");
    if !with || !s.text.contains(" as ") || !ctx.names_film(s.text) {
        return;
    }
    let film = ctx.film.clone();
    let mut rest_from = 0;
    let mut found: Vec<(String, Predicate)> = Vec::new();
    for c in WITH_AS_ROLE.captures_iter(s.text) {
        found.extend(with_as_role(&c["name"], &c["role"]));
        rest_from = c.get(0).map_or(rest_from, |m| m.end());
        // "… and David Williamson as screenwriter": the list goes on.
        let mut rest = &s.text[rest_from..];
        while let Some(more) = rest
            .strip_prefix(" and ")
            .or_else(|| rest.strip_prefix(", "))
        {
            let Some((name, after)) = more.split_once(" as ") else {
                break;
            };
            let role: String = after
                .trim_start_matches("the ")
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let before = found.len();
            found.extend(with_as_role(name, &role));
            if found.len() == before {
                break;
            }
            let used = more.len() - after.len() + after.find(&role).unwrap_or(0) + role.len();
            rest = &more[used.min(more.len())..];
        }
    }
    for (name, role) in found {
        credit(ctx, s, &film, role, &name);
    }
}

/// The person and role of "X as director" (`None` unless `name` is all
/// name and `role` a crew role).
fn with_as_role(name: &str, role: &str) -> Option<(String, Predicate)> {
    let name = name.trim();
    let person = leading_name(name).filter(|n| *n == name)?;
    Some((person.to_string(), crew_role(role)?))
}

/// The predicate of a crew role's noun, singular or plural: "producers",
/// "co-director", "music director" (in Indian cinema the music director
/// writes the film's songs: a composer).
fn crew_role(noun: &str) -> Option<Predicate> {
    Some(match noun.trim_end_matches('s') {
        "director" | "co-director" => Director,
        "music director" => Composer,
        "screenwriter" | "writer" => Screenwriter,
        "producer" | "co-producer" => Producer,
        "composer" => Composer,
        "cinematographer" => Cinematographer,
        "editor" => Editor,
        _ => return None,
    })
}
