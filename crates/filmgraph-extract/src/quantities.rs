//! Dates, numbers, amounts of money and durations as written in prose and
//! infoboxes, normalised to the forms of FACTS.md (`2020-06-19`, `37000000`).

use crate::lexicon::month_number;
use regex::Regex;
use std::sync::LazyLock;

/// A date found in text, with its byte range there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// `2020`, `2020-06` or `2020-06-19`.
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

impl DateMatch {
    pub fn year(&self) -> &str {
        &self.iso[..4]
    }
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?-u:\b)(?:(?P<iy>1[89]\d\d|20\d\d)-(?P<im>[01]\d)(?:-(?P<id>[0-3]\d))?|(?P<m1>{MONTH}) (?P<d1>[0-3]?\d)(?:st|nd|rd|th)?,? (?P<y1>1[89]\d\d|20\d\d)|(?P<d2>[0-3]?\d) (?P<m2>{MONTH}),? (?P<y2>1[89]\d\d|20\d\d)|(?P<m3>{MONTH}),? (?P<y3>1[89]\d\d|20\d\d)|(?P<y4>1[89]\d\d|20\d\d))(?-u:\b)"
    ))
    .expect("date pattern")
});

/// Every date in `text`, most precise reading first at each place.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for c in DATE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let month = |name: &str| c.name(name).and_then(|m| month_number(m.as_str()));
        let iso = if let Some(y) = num("iy") {
            match (num("im"), num("id")) {
                (Some(m), Some(d)) => ymd(y, m, d),
                (Some(m), None) => ym(y, m),
                _ => None,
            }
        } else if let Some(y) = num("y1") {
            month("m1").and_then(|m| ymd(y, m, num("d1")?))
        } else if let Some(y) = num("y2") {
            month("m2").and_then(|m| ymd(y, m, num("d2")?))
        } else if let Some(y) = num("y3") {
            month("m3").and_then(|m| ym(y, m))
        } else {
            num("y4").map(|y| format!("{y:04}"))
        };
        if let Some(iso) = iso {
            out.push(DateMatch {
                iso,
                start: whole.start(),
                end: whole.end(),
            });
        }
    }
    out
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn ym(y: u32, m: u32) -> Option<String> {
    (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"))
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    // A currency code may be glued to the number ("CAD2,000,000"): the
    // match then begins at the code, and the caller checks it is one.
    crate::pattern::compile(r"(?i)(?:(?-u:\b)|(?P<code>[A-Z]{3}))(?P<num>\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*|-)(?P<scale>million|billion|thousand|crores?|lakhs?)?(?-u:\b)")
        .expect("amount pattern")
});

/// A number written with digits and an optional scale word, with its range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountMatch {
    /// Digits only: `37000000`.
    pub value: String,
    pub start: usize,
    pub end: usize,
}

/// A number as written: its digits (a decimal point kept, group commas
/// dropped), the factor of its scale word if it has one, and where it is
/// (`start` at its first digit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawAmount {
    pub num: String,
    pub factor: Option<u64>,
    pub start: usize,
    pub end: usize,
}

impl RawAmount {
    /// Digits only, scaled by its own scale word or else `factor`: `None`
    /// where that leaves a fraction ("1.5" with no scale is no count).
    pub fn scaled_by(&self, factor: Option<u64>) -> Option<String> {
        scaled(&self.num, self.factor.or(factor).unwrap_or(1))
    }
}

/// Every number in `text` as written (see [`find_amounts`]).
pub(crate) fn raw_amounts(text: &str) -> Vec<RawAmount> {
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let num = c.name("num")?;
            if let Some(code) = c.name("code") {
                // Glued to letters, a number counts only after a currency code.
                crate::currency::code(code.as_str())?;
            }
            // "40 crores", "15 lakhs": plurals of the Indian scales.
            let factor =
                c.name("scale")
                    .map(|m| match m.as_str().to_lowercase().trim_end_matches('s') {
                        "thousand" => 1_000,
                        "lakh" => 100_000,
                        "million" => 1_000_000,
                        "crore" => 10_000_000,
                        _ => 1_000_000_000,
                    });
            Some(RawAmount {
                num: num.as_str().replace(',', ""),
                factor,
                start: num.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// Every number in `text`: `37 million` -> `37000000`, `1.2 billion`,
/// `12,500`, `40 crores`, `15,00,000` (grouped in lakhs). Years are numbers too; callers decide what a number means.
pub fn find_amounts(text: &str) -> Vec<AmountMatch> {
    raw_amounts(text)
        .into_iter()
        .filter_map(|a| {
            Some(AmountMatch {
                value: a.scaled_by(None)?,
                start: a.start,
                end: a.end,
            })
        })
        .collect()
}

/// `"1.25"` x 1,000,000 -> `"1250000"`, exactly (no floating point).
fn scaled(num: &str, factor: u64) -> Option<String> {
    let (int, frac) = num.split_once('.').unwrap_or((num, ""));
    let digits_of_factor = factor.to_string().len() - 1;
    if frac.len() > digits_of_factor {
        return None; // "1.5" with no scale is not a count
    }
    let int: u64 = int.parse().ok()?;
    let frac_value: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse::<u64>().ok()? * 10u64.pow((digits_of_factor - frac.len()) as u32)
    };
    Some((int.checked_mul(factor)? + frac_value).to_string())
}

static MINUTES: LazyLock<Regex> = LazyLock::new(|| {
    crate::pattern::compile(r"(?i)(?-u:\b)(?:(?P<h>\d+)\s*(?:h|hours?|hrs?)\.?\s*)?(?P<m>\d+)\s*(?:minutes|mins?\.?|min(?-u:\b)|m(?-u:\b))")
        .expect("minutes pattern")
});

/// `92 minutes`, `1 hour 32 minutes`, `92 min.` -> 92.
pub fn minutes(text: &str) -> Option<u32> {
    let c = MINUTES.captures(text)?;
    let m: u32 = c.name("m")?.as_str().parse().ok()?;
    let h: u32 = c.name("h").map_or(Some(0), |h| h.as_str().parse().ok())?;
    let total = h * 60 + m;
    (total > 0 && total < 2000).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn isos(text: &str) -> Vec<String> {
        find_dates(text).into_iter().map(|d| d.iso).collect()
    }

    #[test]
    fn dates_in_their_written_forms() {
        assert_eq!(isos("released on June 19, 2020."), ["2020-06-19"]);
        assert_eq!(isos("released on 19 June 2020"), ["2020-06-19"]);
        assert_eq!(isos("in November 2022"), ["2022-11"]);
        assert_eq!(isos("Released: 2020-06-19"), ["2020-06-19"]);
        assert_eq!(isos("in 2022, and in 2025"), ["2022", "2025"]);
        assert_eq!(isos("Sept. 3, 1999"), ["1999-09-03"]);
        assert!(isos("37 million times").is_empty());
        assert!(isos("in 1234567").is_empty());
    }

    #[test]
    fn amounts_are_digits_only() {
        let a = find_amounts("more than 37 million times");
        assert_eq!(a[0].value, "37000000");
        assert_eq!(find_amounts("1.2 billion")[0].value, "1200000000");
        assert_eq!(find_amounts("sold 12,500 tickets")[0].value, "12500");
        assert_eq!(find_amounts("$1.25 million")[0].value, "1250000");
        assert_eq!(find_amounts("₹40 crores")[0].value, "400000000");
        assert_eq!(find_amounts("₹15 lakhs")[0].value, "1500000");
        assert_eq!(find_amounts("15,00,000 units")[0].value, "1500000");
        // A currency code glued to the number; other letters are not one.
        let cad = find_amounts("CAD2,000,000");
        assert_eq!((cad[0].value.as_str(), cad[0].start), ("2000000", 3));
        assert!(find_amounts("T2000 robots").is_empty());
    }

    #[test]
    fn currencies_and_minutes() {
        assert_eq!(minutes("92 minutes"), Some(92));
        assert_eq!(minutes("1 hour 32 minutes"), Some(92));
        assert_eq!(minutes("105 min."), Some(105));
        assert_eq!(minutes("ninety"), None);
    }
}
