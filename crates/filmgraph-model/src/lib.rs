//! Pure types shared by every stage of filmgraph: what an [`Article`] is after
//! parsing, what a [`Fact`] is after extraction, and the [`Span`]s and
//! [`Provenance`] that tie every fact back to the bytes it was read from.
//!
//! This crate does no I/O and depends on nothing but serde: every other crate
//! depends on it, so it must stay small and cheap to build.

mod article;
mod fact;
mod span;

pub use article::{
    strip_disambiguation, Article, CastSections, Diagnostic, InfoboxField, Link, Paragraph,
    Section, Severity, LEAD,
};
pub use fact::{Citation, Fact, Predicate, Provenance, Qualifiers, PAGE};
pub use span::Span;
