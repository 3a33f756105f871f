//! Sentences that name people before their role: "directed by X, who also
//! produced", "Trent Reznor served as the film's composer", "This was
//! Charlie Murphy's last film role".

use super::cast::credit_cast;
use super::other_work::about_other_work;
use crate::context::{quals, Context, Sentence};
use crate::names::{leading_name, name_list};
use filmgraph_model::Predicate::{
    Cinematographer, Composer, Director, Editor, Producer, Screenwriter,
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
            let name = ctx.resolve_person(&name).unwrap_or(name);
            ctx.sentence_fact(s, &film, predicate, &name, quals([]));
        }
    }
}

static NAMES_SERVED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    crate::pattern::compile(
        r"(?:^|[;:] )(?P<names>[A-Z][^;:()]*?) (?:(?:is|are|was|were) (?:among |one of |also )?the (?:film's|movie's)|served as (?:the film's |the movie's )?(?:a |the )?|(?P<returns>(?:returns|returned|return) as (?:a |the )?)) ?(?:co-)?(?P<role>producers?|composers?|cinematographers?|editors?|screenwriters?|directors?)(?-u:\b)(?P<rest>[^;]*)",
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
    if !possessive && !on_film && !returns {
        return;
    }
    let role = c["role"].trim_end_matches('s');
    let predicate = match role {
        "producer" => Producer,
        "composer" => Composer,
        "cinematographer" => Cinematographer,
        "editor" => Editor,
        "screenwriter" => Screenwriter,
        _ => Director,
    };
    let names = name_list(&c["names"]);
    // Every word of the subject must belong to a name: "The film's success
    // made X and Y ..." is no list of names.
    let covered: usize = names.iter().map(|n| n.len()).sum();
    if names.is_empty() || covered + 6 * names.len() < c["names"].len() {
        return;
    }
    for name in names {
        let name = ctx.resolve_person(name).unwrap_or_else(|| name.to_string());
        ctx.sentence_fact(s, &film, predicate, &name, quals([]));
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
