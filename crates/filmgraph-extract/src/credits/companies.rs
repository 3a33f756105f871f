//! Company names in credits: "produced by … for Columbia Pictures",
//! "distributed by Lionsgate".

/// Words that make a name a company's.
const COMPANY_WORDS: &[&str] = &[
    "Pictures",
    "Players",
    "EuropaCorp",
    "Robertson-Cole",
    "Films",
    "Film",
    "Studios",
    "Studio",
    "Entertainment",
    "Productions",
    // Other languages' words for a production company.
    "Produktion",
    "Produktions",
    "Producciones",
    "Produzioni",
    "Produções",
    "Foundation",
    "Production",
    "Company",
    "Corporation",
    "Corp.",
    "Media",
    "Multimedia",
    "Motion",
    "Filmworks",
    "Limited",
    "GmbH",
    "Animation",
    "Works",
    "Inc.",
    "Inc",
    "Ltd",
    "Ltd.",
    "LLC",
    "Group",
    "Television",
    "TV",
    "Network",
    "Features",
    "Releasing",
    "Distribution",
    "Bros.",
    "Brothers",
    "Cinema",
    "Partners",
    "Records",
    "Classics",
    "Associates",
    "Enterprises",
    "Communications",
    "International",
    "Channel",
    "Netflix",
    "Amazon",
    "Disney",
    "Lionsgate",
    "Miramax",
    "Universal",
    "Paramount",
    "Columbia",
    "Metro-Goldwyn-Mayer",
    "MGM",
    "DreamWorks",
    "Pixar",
    "HBO",
    "Showtime",
    "Animations",
    // "20th Century Fox", "Twentieth Century Fox" ("Fox" alone is a surname).
    "Century",
    // Studios known by one word that is no one's name.
    "RKO",
    "PRC",
    "Republic",
    "Monogram",
    "TriStar",
    "Touchstone",
    "Gaumont",
    "Pathé",
    "Toho",
    "Shochiku",
    "Nikkatsu",
    "Daiei",
    "Mosfilm",
    "Lenfilm",
    "UFA",
    "A24",
    "Blumhouse",
    "Amblin",
    "Aardman",
];

pub fn is_company(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let w = w.trim_end_matches(',');
        COMPANY_WORDS.contains(&w)
            || w.len() > 6 && (w.ends_with("film") || w.ends_with("films"))
            // "Universal-International", "Famous Players-Lasky"
            || w.contains('-') && w.split('-').any(|part| COMPANY_WORDS.contains(&part))
    })
}

/// The company named at the start of `text`, if any.
pub fn company_name(text: &str) -> Option<&str> {
    company_or_person(text)
}

/// A capitalised run that may be a company ("Columbia Pictures") or a person.
pub(super) fn company_or_person(item: &str) -> Option<&str> {
    let item = item.trim();
    let mut end = 0;
    for (i, word) in item.split(' ').enumerate() {
        // "20th Century Fox", "21 Laps Entertainment": a name may open with a number.
        let starts_upper = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || (i == 0 && c.is_ascii_digit()));
        let joiner = i > 0 && matches!(word, "&" | "of" | "and" | "the" | "de");
        // "Warner Bros. It was…": the next sentence, not the name.
        if i > 0 && matches!(word, "It" | "The" | "This" | "He" | "She" | "They" | "In") {
            break;
        }
        if !(starts_upper || joiner) {
            break;
        }
        let start = word.as_ptr() as usize - item.as_ptr() as usize;
        let core = word.trim_end_matches([',', ';', ')']);
        let (owner, possessive) = crate::names::strip_possessive(core);
        if starts_upper {
            end = start + owner.len();
        }
        if core.len() != word.len() || possessive {
            break;
        }
    }
    let name = item[..end].trim_end_matches(['.', ',']);
    let name = if item[..end].ends_with("Inc.") || item[..end].ends_with("Bros.") {
        &item[..end]
    } else {
        name
    };
    let has_capital = name
        .split(' ')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase));
    (has_capital && !matches!(name, "The" | "A" | "It")).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn companies() {
        assert!(is_company("Columbia Pictures"));
        assert!(is_company("Inoxy Films"));
        assert!(is_company("Universal-International"));
        assert!(is_company("Famous Players-Lasky"));
        assert!(!is_company("Jean-Pierre Jeunet"));
        assert!(!is_company("Jean-Paul Belmondo"));
        assert!(!is_company("Walter F. Parkes"));
        assert!(is_company("20th Century Fox"));
        assert!(is_company("Aardman Animations"));
        assert!(is_company("RKO"));
        assert!(!is_company("Michael J. Fox"));
        assert_eq!(
            company_or_person("Columbia Pictures and others"),
            Some("Columbia Pictures")
        );
        assert_eq!(
            company_or_person("Simon & Schuster"),
            Some("Simon & Schuster")
        );
    }
}
