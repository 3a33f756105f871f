//! How names become keys: the folded form that lookups compare, and the stable
//! entity ids derived from a kind and a name.

use crate::EntityKind;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// A name as lookups compare it: compatibility-decomposed, accents dropped, lower
/// case, runs of whitespace made one space. `Amélie` and `AMELIE` fold alike.
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        // Nothing to decompose: lower case, one space between words.
        let mut folded = String::with_capacity(name.len());
        for word in name.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return folded;
    }
    let folded: String = name
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The stable id of an entity: its kind's namespace and a slug of the folded
/// name, `person:alban-lenoir`, `work:lost-bullet-2020-film`. Films and other
/// works share a namespace, so a sequel named in one article and the sequel's own
/// article are one entity.
pub fn entity_id(kind: EntityKind, name: &str) -> String {
    let folded = fold(name);
    let mut slug = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    // A name of punctuation only (`?!`) keeps its folded form rather than vanish.
    let slug = if slug.is_empty() {
        folded.as_str()
    } else {
        slug
    };
    format!("{}:{slug}", kind.namespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_drops_case_accents_and_extra_space() {
        assert_eq!(fold("  Amélie  Poulain "), "amelie poulain");
        assert_eq!(fold("STÉFI CELMA"), "stefi celma");
        assert_eq!(fold("Ǆ ﬁlm"), "dz film");
        assert_eq!(fold("\tThe  LOST\nBullet\u{b}2 "), "the lost bullet 2");
    }

    #[test]
    fn ids_are_slugs_in_a_namespace() {
        assert_eq!(
            entity_id(EntityKind::Film, "Lost Bullet (2020 film)"),
            "work:lost-bullet-2020-film"
        );
        assert_eq!(
            entity_id(EntityKind::Work, "Lost Bullet 2"),
            "work:lost-bullet-2"
        );
        assert_eq!(
            entity_id(EntityKind::Person, "Sébastien Lalanne"),
            "person:sebastien-lalanne"
        );
        assert_eq!(entity_id(EntityKind::Work, "M*A*S*H"), "work:m-a-s-h");
        assert_eq!(entity_id(EntityKind::Work, "?!"), "work:?!");
    }

    #[test]
    fn ids_do_not_depend_on_spelling_of_case_or_accents() {
        assert_eq!(
            entity_id(EntityKind::Person, "Stéfi Celma"),
            entity_id(EntityKind::Person, "stefi  celma")
        );
    }
}
