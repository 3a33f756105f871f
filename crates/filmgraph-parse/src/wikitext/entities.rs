//! HTML character references in wikitext: `&amp;`, `&nbsp;`, `&ndash;`,
//! `&#233;`, `&#xE9;`. The named ones are those articles actually use: the
//! Latin-1 set and common punctuation.

/// Latin-1 entities from U+00A0 (`nbsp`) to U+00FF (`yuml`), in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Greek letters from U+03B1 (`alpha`) to U+03C9 (`omega`); the capitals
/// are the same names capitalised, 0x20 lower (there is no capital `sigmaf`).
const GREEK: [&str; 25] = [
    "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
    "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi",
    "chi", "psi", "omega",
];

const OTHERS: &[(&str, char)] = &[
    ("fnof", 'ƒ'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("minus", '−'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("euro", '€'),
    ("trade", '™'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("larr", '←'),
    ("rarr", '→'),
    ("harr", '↔'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
    ("scaron", 'š'),
    ("Scaron", 'Š'),
    ("star", '☆'),
    ("starf", '★'),
];

/// The character of the reference at the start of `s` (which starts with
/// `&`) and the reference's length in bytes.
pub(crate) fn decode(s: &str) -> Option<(char, usize)> {
    let body_end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = &s[1..body_end];
    let len = body_end + 1;
    if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = char::from_u32(code).filter(|&c| c != '\0')?;
        return Some((c, len));
    }
    if let Some(k) = LATIN1.iter().position(|&n| n == body) {
        let c = char::from_u32(0xA0 + k as u32)?;
        return Some((c, len));
    }
    if let Some(k) = GREEK.iter().position(|&n| n == body) {
        return char::from_u32(0x3B1 + k as u32).map(|c| (c, len));
    }
    let mut chars = body.chars();
    if let (Some(first), rest) = (chars.next(), chars.as_str()) {
        if first.is_ascii_uppercase() {
            let lower = format!("{}{rest}", first.to_ascii_lowercase());
            if let Some(k) = GREEK.iter().position(|&n| n == lower && n != "sigmaf") {
                return char::from_u32(0x391 + k as u32).map(|c| (c, len));
            }
        }
    }
    OTHERS
        .iter()
        .find(|(n, _)| *n == body)
        .map(|&(_, c)| (c, len))
}

/// Whitespace as far as joining words goes: spaces, tabs, and the
/// non-breaking and thin spaces entities produce.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\u{a0}' | '\u{2002}' | '\u{2003}' | '\u{2009}' | '\u{202f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(decode("&amp; x"), Some(('&', 5)));
        assert_eq!(decode("&nbsp;"), Some(('\u{a0}', 6)));
        assert_eq!(decode("&ndash;"), Some(('–', 7)));
        assert_eq!(decode("&eacute;"), Some(('é', 8)));
        assert_eq!(decode("&yuml;"), Some(('ÿ', 6)));
        assert_eq!(decode("&#233;"), Some(('é', 6)));
        assert_eq!(decode("&eta;"), Some(('η', 5)));
        assert_eq!(decode("&Psi;"), Some(('Ψ', 5)));
        assert_eq!(decode("&Sigma;"), Some(('Σ', 7)));
        assert_eq!(decode("&omega;"), Some(('ω', 7)));
        assert_eq!(decode("&#xE9;"), Some(('é', 6)));
        assert_eq!(decode("&#0;"), None);
        assert_eq!(decode("&nosuch;"), None);
        assert_eq!(decode("& amp;"), None);
        assert_eq!(decode("&amp"), None);
    }
}
