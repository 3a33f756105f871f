//! Small closed word lists the rules need: nationalities, countries,
//! languages and their ISO 639-1 codes, and the words of sentiment used to
//! judge a review's polarity. Data only; no logic beyond lookups.

/// (nationality adjective, country name in English, language name, ISO 639-1 code)
/// Language is the main language of that nationality's films, used only to
/// label an alternative title given without a language.
const NATIONS: &[(&str, &str, &str, &str)] = &[
    ("American", "United States", "English", "en"),
    ("British", "United Kingdom", "English", "en"),
    ("English", "England", "English", "en"),
    ("Scottish", "Scotland", "English", "en"),
    ("Welsh", "Wales", "Welsh", "cy"),
    ("Irish", "Ireland", "English", "en"),
    ("Canadian", "Canada", "English", "en"),
    ("Australian", "Australia", "English", "en"),
    ("New Zealand", "New Zealand", "English", "en"),
    ("French", "France", "French", "fr"),
    ("Belgian", "Belgium", "French", "fr"),
    ("Swiss", "Switzerland", "German", "de"),
    ("German", "Germany", "German", "de"),
    ("West German", "West Germany", "German", "de"),
    ("East German", "East Germany", "German", "de"),
    ("Austrian", "Austria", "German", "de"),
    ("Italian", "Italy", "Italian", "it"),
    ("Spanish", "Spain", "Spanish", "es"),
    ("Mexican", "Mexico", "Spanish", "es"),
    ("Argentine", "Argentina", "Spanish", "es"),
    ("Argentinian", "Argentina", "Spanish", "es"),
    ("Chilean", "Chile", "Spanish", "es"),
    ("Colombian", "Colombia", "Spanish", "es"),
    ("Cuban", "Cuba", "Spanish", "es"),
    ("Peruvian", "Peru", "Spanish", "es"),
    ("Venezuelan", "Venezuela", "Spanish", "es"),
    ("Portuguese", "Portugal", "Portuguese", "pt"),
    ("Brazilian", "Brazil", "Portuguese", "pt"),
    ("Dutch", "Netherlands", "Dutch", "nl"),
    ("Danish", "Denmark", "Danish", "da"),
    ("Swedish", "Sweden", "Swedish", "sv"),
    ("Norwegian", "Norway", "Norwegian", "no"),
    ("Finnish", "Finland", "Finnish", "fi"),
    ("Icelandic", "Iceland", "Icelandic", "is"),
    ("Polish", "Poland", "Polish", "pl"),
    ("Czech", "Czech Republic", "Czech", "cs"),
    ("Czechoslovak", "Czechoslovakia", "Czech", "cs"),
    ("Slovak", "Slovakia", "Slovak", "sk"),
    ("Hungarian", "Hungary", "Hungarian", "hu"),
    ("Romanian", "Romania", "Romanian", "ro"),
    ("Bulgarian", "Bulgaria", "Bulgarian", "bg"),
    ("Greek", "Greece", "Greek", "el"),
    ("Turkish", "Turkey", "Turkish", "tr"),
    ("Russian", "Russia", "Russian", "ru"),
    ("Soviet", "Soviet Union", "Russian", "ru"),
    ("Ukrainian", "Ukraine", "Ukrainian", "uk"),
    ("Serbian", "Serbia", "Serbian", "sr"),
    ("Yugoslav", "Yugoslavia", "Serbo-Croatian", "sh"),
    ("Croatian", "Croatia", "Croatian", "hr"),
    ("Israeli", "Israel", "Hebrew", "he"),
    ("Iranian", "Iran", "Persian", "fa"),
    ("Egyptian", "Egypt", "Arabic", "ar"),
    ("Indian", "India", "Hindi", "hi"),
    ("Pakistani", "Pakistan", "Urdu", "ur"),
    ("Bangladeshi", "Bangladesh", "Bengali", "bn"),
    ("Sri Lankan", "Sri Lanka", "Sinhala", "si"),
    ("Chinese", "China", "Chinese", "zh"),
    ("Hong Kong", "Hong Kong", "Cantonese", "zh"),
    ("Taiwanese", "Taiwan", "Chinese", "zh"),
    ("Japanese", "Japan", "Japanese", "ja"),
    ("South Korean", "South Korea", "Korean", "ko"),
    ("North Korean", "North Korea", "Korean", "ko"),
    ("Korean", "South Korea", "Korean", "ko"),
    ("Thai", "Thailand", "Thai", "th"),
    ("Vietnamese", "Vietnam", "Vietnamese", "vi"),
    ("Indonesian", "Indonesia", "Indonesian", "id"),
    ("Malaysian", "Malaysia", "Malay", "ms"),
    ("Filipino", "Philippines", "Filipino", "tl"),
    ("Nigerian", "Nigeria", "English", "en"),
    ("South African", "South Africa", "English", "en"),
    ("Senegalese", "Senegal", "French", "fr"),
    ("Moroccan", "Morocco", "Arabic", "ar"),
    ("Algerian", "Algeria", "Arabic", "ar"),
    ("Tunisian", "Tunisia", "Arabic", "ar"),
    ("Lebanese", "Lebanon", "Arabic", "ar"),
    ("Estonian", "Estonia", "Estonian", "et"),
    ("Latvian", "Latvia", "Latvian", "lv"),
    ("Lithuanian", "Lithuania", "Lithuanian", "lt"),
    ("Georgian", "Georgia", "Georgian", "ka"),
    ("Armenian", "Armenia", "Armenian", "hy"),
    ("Kazakh", "Kazakhstan", "Kazakh", "kk"),
    ("Luxembourgish", "Luxembourg", "Luxembourgish", "lb"),
    ("Slovenian", "Slovenia", "Slovene", "sl"),
    ("Bosnian", "Bosnia and Herzegovina", "Bosnian", "bs"),
    ("Macedonian", "North Macedonia", "Macedonian", "mk"),
];

/// Extra language names with their ISO 639-1 code.
const LANGUAGES: &[(&str, &str)] = &[
    ("English", "en"),
    ("Mandarin", "zh"),
    ("Cantonese", "zh"),
    ("Hindi", "hi"),
    ("Tamil", "ta"),
    ("Telugu", "te"),
    ("Malayalam", "ml"),
    ("Kannada", "kn"),
    ("Marathi", "mr"),
    ("Punjabi", "pa"),
    ("Latin", "la"),
    ("Yiddish", "yi"),
    ("Catalan", "ca"),
    ("Basque", "eu"),
    ("Galician", "gl"),
    ("Esperanto", "eo"),
    ("Swahili", "sw"),
];

/// Countries that do not appear as a nationality's country above.
const EXTRA_COUNTRIES: &[&str] = &[
    "Northern Ireland",
    "Monaco",
    "Malta",
    "Cyprus",
    "Singapore",
    "Jordan",
    "Qatar",
    "United Arab Emirates",
    "Saudi Arabia",
    "Kenya",
    "Ghana",
    "Namibia",
    "Bolivia",
    "Ecuador",
    "Uruguay",
    "Paraguay",
    "Panama",
    "Costa Rica",
    "Puerto Rico",
    "Jamaica",
    "Bahamas",
];

/// Other names of countries, and the name the graph gives each: one
/// country, one name, whatever the article wrote ("USA", "U.S.", "UK").
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("United States of America", "United States"),
    ("USA", "United States"),
    ("U.S.A.", "United States"),
    ("U.S.A", "United States"),
    ("US", "United States"),
    ("U.S.", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("USSR", "Soviet Union"),
    ("U.S.S.R.", "Soviet Union"),
];

/// The graph's name of a country or region as written: "USA", "U.S." and
/// "United States of America" are "United States"; "Worldwide" is
/// "worldwide". Any other name is kept as written.
pub fn canonical_region(name: &str) -> &str {
    if let Some((_, canonical)) = COUNTRY_ALIASES.iter().find(|(alias, _)| *alias == name) {
        return canonical;
    }
    ["worldwide", "international"]
        .into_iter()
        .find(|w| w.eq_ignore_ascii_case(name))
        .unwrap_or(name)
}

/// `French` -> `France`; also accepts multi-word nationalities (`South Korean`).
pub fn country_of_nationality(adjective: &str) -> Option<&'static str> {
    NATIONS
        .iter()
        .find(|(adj, ..)| adj.eq_ignore_ascii_case(adjective))
        .map(|(_, country, ..)| *country)
}

/// Every nationality adjective, as written: `American`, `South Korean`.
pub fn nationalities() -> impl Iterator<Item = &'static str> {
    NATIONS.iter().map(|(adj, ..)| *adj)
}

pub fn is_nationality(word: &str) -> bool {
    country_of_nationality(word).is_some()
}

/// Whether `name` is a country's, or another name of one ("USA").
pub fn is_country(name: &str) -> bool {
    NATIONS.iter().any(|(_, c, ..)| *c == name)
        || EXTRA_COUNTRIES.contains(&name)
        || COUNTRY_ALIASES.iter().any(|(alias, _)| *alias == name)
}

/// ISO 639-1 code of a language name (`French` -> `fr`) or of a nationality
/// adjective used as one.
pub fn language_code(name: &str) -> Option<&'static str> {
    NATIONS
        .iter()
        .find(|(_, _, lang, _)| lang.eq_ignore_ascii_case(name))
        .map(|(.., code)| *code)
        .or_else(|| {
            LANGUAGES
                .iter()
                .find(|(lang, _)| lang.eq_ignore_ascii_case(name))
                .map(|(_, code)| *code)
        })
}

/// The language of a nationality's films (`French` -> `fr`).
pub fn language_of_nationality(adjective: &str) -> Option<&'static str> {
    NATIONS
        .iter()
        .find(|(adj, ..)| adj.eq_ignore_ascii_case(adjective))
        .map(|(.., code)| *code)
}

pub const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `word` is written as a year: four digits.
pub fn is_year(word: &str) -> bool {
    word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())
}

/// `June` -> 6; also three-letter forms (`Jun`, `Sept`).
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.eq_ignore_ascii_case(w)
                || (w.len() <= 4 && m.to_lowercase().starts_with(&w.to_lowercase()))
        })
        .map(|i| i as u32 + 1)
}

/// Words that praise, for a review's polarity.
pub const POSITIVE: &[&str] = &[
    "best",
    "great",
    "excellent",
    "entertaining",
    "impressive",
    "impressively",
    "praising",
    "praised",
    "praise",
    "brilliant",
    "masterpiece",
    "superb",
    "enjoyable",
    "fun",
    "thrilling",
    "gripping",
    "compelling",
    "well-staged",
    "well-made",
    "delight",
    "delightful",
    "wonderful",
    "terrific",
    "stunning",
    "lean",
    "smart",
    "funny",
    "engaging",
    "beautiful",
    "remarkable",
    "strong",
    "solid",
    "favorable",
    "favourable",
    "positive",
    "recommend",
    "recommended",
    "riveting",
    "exhilarating",
    "triumph",
    "admirable",
    "charming",
    "moving",
    "powerful",
    "clever",
    "fresh",
    "satisfying",
    "tense",
    "taut",
    "stylish",
    "exciting",
    "lauded",
    "applauded",
    "acclaimed",
    "goods",
];

/// Words that pan, for a review's polarity.
pub const NEGATIVE: &[&str] = &[
    "bland",
    "thin",
    "formulaic",
    "forgettable",
    "boring",
    "dull",
    "worst",
    "bad",
    "poor",
    "poorly",
    "mess",
    "tedious",
    "disappointing",
    "disappointment",
    "negative",
    "unfunny",
    "lifeless",
    "clichéd",
    "cliched",
    "predictable",
    "generic",
    "derivative",
    "waste",
    "awful",
    "terrible",
    "weak",
    "flat",
    "tiresome",
    "incoherent",
    "panned",
    "criticized",
    "criticised",
    "criticizing",
    "criticising",
    "unconvincing",
    "lazy",
    "mediocre",
    "uninspired",
    "tired",
    "shallow",
    "pointless",
    "overlong",
    "failure",
    "fails",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_names_of_a_country_are_one_name() {
        for (written, canonical) in [
            ("USA", "United States"),
            ("U.S.", "United States"),
            ("United States of America", "United States"),
            ("UK", "United Kingdom"),
            ("Great Britain", "United Kingdom"),
            ("Worldwide", "worldwide"),
            ("France", "France"),
            ("New York City", "New York City"),
        ] {
            assert_eq!(canonical_region(written), canonical, "{written}");
        }
        assert!(is_country("U.S.A.") && is_country("USSR"));
    }

    #[test]
    fn nationalities_and_languages() {
        assert_eq!(country_of_nationality("French"), Some("France"));
        assert_eq!(country_of_nationality("South Korean"), Some("South Korea"));
        assert_eq!(language_code("French"), Some("fr"));
        assert_eq!(language_code("Mandarin"), Some("zh"));
        assert_eq!(language_of_nationality("American"), Some("en"));
        assert!(is_country("France") && is_country("USA") && !is_country("Paris"));
    }

    #[test]
    fn months() {
        assert_eq!(month_number("June"), Some(6));
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("Mayhem"), None);
        assert_eq!(month_number("Ma"), None);
    }
}
