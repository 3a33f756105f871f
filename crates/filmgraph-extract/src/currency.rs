//! Money as written: the currency of an amount (from the symbol or code
//! before it) and the amounts of an infobox's budget or box office value,
//! ranges read as their two bounds.

use crate::quantities::raw_amounts;

/// Symbols and codes, and the ISO 4217 code each stands for. Symbols shared
/// by several currencies (`kr`, `Rs` without its dot, `R`) are left out:
/// an amount after one has no currency rather than a wrong one.
const SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("NT$", "TWD"),
    ("R$", "BRL"),
    ("Mex$", "MXN"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("E£", "EGP"),
    ("¥", "JPY"),
    ("JP¥", "JPY"),
    ("CN¥", "CNY"),
    ("₹", "INR"),
    ("Rs.", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₱", "PHP"),
    ("৳", "BDT"),
    ("฿", "THB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("Rp", "IDR"),
    ("RM", "MYR"),
    ("DM", "DEM"),
    ("₧", "ESP"),
    ("F", "FRF"),
];

/// ISO 4217 codes written before amounts ("CAD 2 million", "USD$ 15
/// million", "BEF 1 million"), current and of the years before the euro.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD",
    "KRW", "RUB", "BRL", "MXN", "ARS", "CLP", "COP", "PHP", "THB", "IDR", "MYR", "VND", "BDT",
    "PKR", "LKR", "NPR", "TRY", "ILS", "EGP", "NGN", "ZAR", "IRR", "CHF", "SEK", "NOK", "DKK",
    "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "UAH", "FRF", "DEM", "ITL", "ESP", "BEF", "NLG",
    "ATS", "FIM", "PTE", "IEP", "GRD",
];

/// The ISO code `text` is, if it is one (`RMB` is `CNY`).
pub fn code(text: &str) -> Option<&'static str> {
    let found = CODES.iter().find(|c| **c == text)?;
    Some(if *found == "RMB" { "CNY" } else { found })
}

/// Currency of an amount from the symbol or code just before it: `US$`,
/// `est. €`, `CAD`, `CAD$`, `USD $`, `CN¥`. The longest symbol that ends
/// the text wins (`CN¥` over `¥`); a symbol made of letters must not be the
/// end of a longer word (`FROM` is no `RM`).
pub fn currency_before(text: &str) -> Option<&'static str> {
    let t = text.trim_end();
    // "CAD", and "CAD$", "USD $": a code before a dollar sign says which
    // dollar.
    let before_dollar = t.strip_suffix('$').map_or(t, str::trim_end);
    if let Some(c) = last_word(before_dollar).and_then(code) {
        return Some(c);
    }
    SYMBOLS
        .iter()
        .filter(|(sym, _)| {
            t.strip_suffix(sym).is_some_and(|before| {
                !sym.starts_with(|c: char| c.is_ascii_alphabetic())
                    || !before.ends_with(|c: char| c.is_alphanumeric())
            })
        })
        .max_by_key(|(sym, _)| sym.len())
        .map(|(_, iso)| *iso)
}

/// The word `text` ends with, if it ends with a letter.
fn last_word(text: &str) -> Option<&str> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(&text[start..])
}

/// An amount of money read from a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    /// Digits only: `37000000`.
    pub value: String,
    pub currency: Option<&'static str>,
    /// `lower` or `upper` for the bounds of a range.
    pub bound: Option<&'static str>,
    /// Where the amount (or its range) ends in the text.
    pub end: usize,
}

/// The amounts of an infobox's budget or box office value.
///
/// - A range, `$10–12 million`, `$8–8.5 million`, `$80–$85 million`,
///   `$105 million – $133 million`, gives its two bounds; the scale of the
///   upper bound applies to a lower bound written without one.
/// - The first amount counts; a later one only with a currency of its own
///   (`£960,000 ($1.5 million)`, `$60 million or $40 million`), so the
///   years of notes are no amounts.
/// - A sum restated for inflation, `$31 million (equivalent to $51 million
///   in 2018)`, is not another budget.
pub fn find_money(text: &str) -> Vec<Money> {
    const MAX_AMOUNTS: usize = 4;
    let raw = raw_amounts(text);
    let mut out: Vec<Money> = Vec::new();
    let mut i = 0;
    while i < raw.len() && out.len() < MAX_AMOUNTS {
        let a = &raw[i];
        let own_currency = currency_before(&text[..a.start]);
        let range_end = raw
            .get(i + 1)
            .filter(|b| is_range_gap(&text[a.end..b.start]));
        i += if range_end.is_some() { 2 } else { 1 };
        let counts = out.is_empty() || own_currency.is_some();
        if !counts || restates(&text[..a.start]) {
            continue;
        }
        // (value, bound) of the amount, or of the range's two ends.
        let (amounts, end, currency) = match range_end {
            Some(b) => {
                let currency = own_currency.or_else(|| currency_before(&text[..b.start]));
                let bounds = match (a.scaled_by(b.factor), b.scaled_by(None)) {
                    (Some(low), Some(high)) => vec![(low, Some("lower")), (high, Some("upper"))],
                    _ => Vec::new(),
                };
                (bounds, b.end, currency)
            }
            None => (
                a.scaled_by(None).map(|v| (v, None)).into_iter().collect(),
                a.end,
                own_currency,
            ),
        };
        out.extend(amounts.into_iter().map(|(value, bound)| Money {
            value,
            currency,
            bound,
            end,
        }));
    }
    out
}

/// Whether the text between two amounts makes them a range: a dash or `to`,
/// and at most the second amount's currency symbol.
fn is_range_gap(gap: &str) -> bool {
    let gap = gap.trim();
    let to = gap
        .strip_prefix("to")
        .filter(|rest| rest.is_empty() || rest.starts_with(char::is_whitespace));
    let Some(rest) = ["–", "—", "-"]
        .iter()
        .find_map(|dash| gap.strip_prefix(dash))
        .or(to)
    else {
        return false;
    };
    let rest = rest.trim();
    rest.is_empty() || (rest.chars().count() <= 4 && currency_before(rest).is_some())
}

/// Whether the amount after `head` restates another for inflation: its
/// clause (from the last bracket or semicolon) says so.
fn restates(head: &str) -> bool {
    let clause = head.rfind(['(', '[', ';']).map_or(head, |at| &head[at..]);
    let clause = clause.to_lowercase();
    ["equivalent", "adjusted", "inflation", "today"]
        .iter()
        .any(|w| clause.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(text: &str) -> Vec<(String, Option<&'static str>, Option<&'static str>)> {
        find_money(text)
            .into_iter()
            .map(|m| (m.value, m.currency, m.bound))
            .collect()
    }

    fn one(
        value: &str,
        currency: &'static str,
    ) -> (String, Option<&'static str>, Option<&'static str>) {
        (value.to_string(), Some(currency), None)
    }

    fn range(
        low: &str,
        high: &str,
        currency: &'static str,
    ) -> Vec<(String, Option<&'static str>, Option<&'static str>)> {
        vec![
            (low.to_string(), Some(currency), Some("lower")),
            (high.to_string(), Some(currency), Some("upper")),
        ]
    }

    #[test]
    fn currencies_from_symbols_and_codes() {
        assert_eq!(currency_before("US$"), Some("USD"));
        assert_eq!(currency_before("est. €"), Some("EUR"));
        assert_eq!(currency_before("CN¥"), Some("CNY"));
        assert_eq!(currency_before("¥"), Some("JPY"));
        assert_eq!(currency_before("S$"), Some("SGD"));
        assert_eq!(currency_before("NT$"), Some("TWD"));
        assert_eq!(currency_before("CAD"), Some("CAD"));
        assert_eq!(currency_before("CAD$"), Some("CAD"));
        assert_eq!(currency_before("USD $"), Some("USD"));
        assert_eq!(currency_before("BEF "), Some("BEF"));
        assert_eq!(currency_before("RM"), Some("MYR"));
        assert_eq!(currency_before("FROM"), None);
        assert_eq!(currency_before("kr"), None);
    }

    #[test]
    fn ranges_give_both_bounds() {
        for (text, low, high, currency) in [
            ("$10–12 million", "10000000", "12000000", "USD"),
            ("$8–8.5 million", "8000000", "8500000", "USD"),
            ("$6.5–10 million", "6500000", "10000000", "USD"),
            ("$80–$85 million", "80000000", "85000000", "USD"),
            ("$11-$14 million", "11000000", "14000000", "USD"),
            (
                "$105 million – $133 million",
                "105000000",
                "133000000",
                "USD",
            ),
            ("€2 to 3 million", "2000000", "3000000", "EUR"),
        ] {
            assert_eq!(money(text), range(low, high, currency), "{text}");
        }
    }

    #[test]
    fn single_amounts_and_alternatives() {
        assert_eq!(money("$110,000"), [one("110000", "USD")]);
        assert_eq!(money("est. $30 million"), [one("30000000", "USD")]);
        assert_eq!(money("US$1.2 billion"), [one("1200000000", "USD")]);
        assert_eq!(money("CAD2,000,000"), [one("2000000", "CAD")]);
        assert_eq!(
            money("£960,000 ($1.5 million)"),
            [one("960000", "GBP"), one("1500000", "USD")]
        );
        assert_eq!(
            money("$60 million or $40 million"),
            [one("60000000", "USD"), one("40000000", "USD")]
        );
        // Years of notes and restated sums are no amounts.
        assert_eq!(
            money("$31 million (equivalent to $51 million in 2018)"),
            [one("31000000", "USD")]
        );
        assert_eq!(money("$2 million (2019)"), [one("2000000", "USD")]);
        // A bare number is an amount without a currency.
        assert_eq!(money("5000000"), [("5000000".to_string(), None, None)]);
    }
}
