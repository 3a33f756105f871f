//! Byte ranges into an article's input.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the input an article was parsed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// A span relative to this one, made absolute: `Span(10,20).sub(2,5)` is `12..15`.
    pub fn sub(self, start: usize, end: usize) -> Span {
        Span::new(self.start + start, self.start + end)
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_is_relative_to_the_start() {
        assert_eq!(Span::new(10, 20).sub(2, 5), Span::new(12, 15));
    }

    #[test]
    fn cover_joins_two_spans() {
        assert_eq!(Span::new(4, 6).cover(Span::new(1, 2)), Span::new(1, 6));
        assert!(Span::new(1, 6).contains(Span::new(4, 6)));
        assert!(!Span::new(1, 5).contains(Span::new(4, 6)));
    }
}
