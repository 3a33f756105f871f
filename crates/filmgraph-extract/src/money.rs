//! Budgets and box office in prose: "earned $142.4 million on a $65 million
//! budget", "grossed over US$1.2 billion worldwide", "a budget of €5 million".

use crate::context::{quals, Context, Sentence};
use crate::currency::currency_before;
use crate::quantities::find_amounts;
use filmgraph_model::Predicate;

/// Words that make an amount a gross.
const GROSS: &[&str] = &[
    "grossed",
    "gross",
    "earned",
    "earning",
    "box office",
    "took in",
    "made",
    "grossing",
    "box-office",
];

pub fn extract(ctx: &mut Context<'_>, s: &Sentence<'_>) {
    let text = s.text;
    // Every amount is written with digits: most sentences have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return;
    }
    let lower = text.to_lowercase();
    if !GROSS.iter().any(|w| lower.contains(w)) && !lower.contains("budget") {
        return;
    }
    if !ctx.names_film(text) {
        return;
    }
    let film = ctx.film.clone();
    for amount in find_amounts(text) {
        let before = &text[..amount.start];
        let Some(currency) = currency_before(before) else {
            continue; // money is written with its currency
        };
        // A bare number with no scale word and few digits is not money.
        if amount.value.len() < 4 {
            continue;
        }
        let after = text[amount.end..].trim_start().to_lowercase();
        let near_before = tail(before, 80).to_lowercase();
        // "$4.2 million spent on advertising": money the film cost besides.
        if after.starts_with("spent on") || after.starts_with("on advertising") {
            continue;
        }
        // The cue nearest before the amount says what it is: "made on a
        // budget of $1 million, it earned $225 million".
        let last_budget = near_before.rfind("budget");
        let last_gross = GROSS.iter().filter_map(|w| near_before.rfind(w)).max();
        let gross_nearer = match (last_gross, last_budget) {
            (Some(g), Some(b)) => g > b,
            (Some(_), None) => true,
            _ => false,
        };
        let predicate = if after.starts_with("budget") {
            Predicate::Budget
        } else if gross_nearer
            || after.starts_with("worldwide")
            || after.starts_with("at the box office")
        {
            Predicate::BoxOffice
        } else if last_budget.is_some() {
            Predicate::Budget
        } else {
            continue;
        };
        // The words just before the amount and its currency sign.
        let window = tail(&near_before, 22);
        let bound = if window.contains("over ") || window.contains("more than ") {
            Some("more than")
        } else if window.contains("estimated") || window.contains("est.") {
            Some("estimated")
        } else if [
            "about ",
            "approximately ",
            "nearly ",
            "almost ",
            "around ",
            "roughly ",
        ]
        .iter()
        .any(|w| window.contains(w))
        {
            Some("about")
        } else {
            None
        };
        // Where and when a partial gross was taken.
        let around = head(&after, 45);
        let region = gross_region(around);
        let period = [
            "opening weekend",
            "opening day",
            "first weekend",
            "first week",
        ]
        .iter()
        .find(|w| around.contains(*w))
        .copied();
        let (region, period) = match predicate {
            Predicate::BoxOffice => (region, period),
            _ => (None, None),
        };
        let q = quals([
            ("currency", Some(currency)),
            ("bound", bound),
            ("region", region),
            ("period", period),
        ]);
        ctx.sentence_fact(s, &film, predicate, &amount.value, q);
    }
}

/// Where a partial gross was taken, from the lower-cased words near it:
/// `worldwide`, `North America` ("domestic", "in the United States and
/// Canada"), `international` ("internationally", "overseas").
pub(crate) fn gross_region(lower: &str) -> Option<&'static str> {
    [
        ("worldwide", "worldwide"),
        ("north america", "North America"),
        ("united states and canada", "North America"),
        ("domestic", "North America"),
        ("internationally", "international"),
        ("overseas", "international"),
        ("other territories", "international"),
    ]
    .iter()
    .find(|(w, _)| lower.contains(w))
    .map(|(_, r)| *r)
}

/// The last `n` bytes of `s` (or fewer, at a character boundary).
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first `n` bytes of `s` (or fewer, at a character boundary).
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
