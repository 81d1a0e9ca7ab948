#![deny(missing_docs)]

//! # wirediff
//!
//! Shows what a news outlet did to the wire copy it republished. Give it the wire original(s)
//! and the adapted article; it reports every passage of the adapted article as unchanged,
//! reworded (with the word-level edits), inserted or moved, and every passage of the originals
//! the adapter cut as removed.
//!
//! The library is the pipeline, one private module a stage, data flowing one way; what a
//! caller needs is re-exported here:
//!
//! | stage | takes | gives |
//! |---|---|---|
//! | load | a [`Source`] (path, `-`, URL), through a [`Loader`] ([`LoadOptions`], [`FetchOptions`]) | text and its format |
//! | extract | loaded text | a [`Document`]: text and paragraphs (the article, from HTML) |
//! | segment | a document | [`Sentence`]s with byte spans ([`segment`], [`split_sentences`]) |
//! | align | sentences of both sides, [`Options`] | [`Segment`]s: passages and their [`Kind`] |
//! | annotate | segments and their texts | their [`Furniture`], truncation and [`Signal`]s |
//! | report | a [`Comparison`] | JSON, terminal, Markdown or HTML ([`report`]) |
//!
//! The data every stage reads or fills in (the [`Comparison`], its [`Segment`]s, their
//! kinds, [`Change`]s and signals) is defined once. [`compare`] runs the stages on documents
//! already read; a [`Loader`] reads sources ([`Loader::read`]) or reads and compares them in
//! one call ([`Loader::compare`]), within its limits and with one HTTP client for all URLs.
//! Errors are [`Error`]s, each with the [`Remedy`] that helps, if one does.
//!
//! Around the pipeline, [`corpus`] runs many pairs with expectations (a directory or a
//! manifest, partitions, summaries, JUnit), [`batch`] answers pairs given as JSON Lines, and
//! [`find`] indexes a wire archive and finds the stories an article was built from.
//!
//! ```
//! use wirediff::{Document, compare};
//!
//! let wire = Document::from_text("ap.txt", "Xi spoke on Friday. He gave no details. Markets fell.");
//! let adapted = Document::from_text(
//!     "site.txt",
//!     "Xi spoke on Friday. He did not elaborate. Markets fell. A globalist cabal is to blame.",
//! );
//! let cmp = compare(vec![wire], adapted, &Default::default());
//! let kinds: Vec<&str> = cmp.segments.iter().map(|s| s.kind.as_str()).collect();
//! assert_eq!(kinds, ["unchanged", "reworded", "unchanged", "inserted"]);
//! ```

mod align;
mod annotate;
pub mod batch;
pub mod corpus;
mod error;
mod extract;
mod fetch;
pub mod find;
#[doc(hidden)]
pub mod invariants;
mod load;
mod model;
mod normalize;
mod pipeline;
pub mod report;
mod sentences;
#[cfg(test)]
mod test_data;
mod util;

pub use align::Options;
pub use error::{Error, FetchError, IndexError, Remedy, Result, with_remedy};
pub use extract::Document;
#[doc(hidden)]
pub use extract::explain as explain_extraction;
pub use fetch::FetchOptions;
pub use load::{DEFAULT_MAX_SENTENCES, LoadOptions, Loader, Source};
pub use model::{
    Change, Comparison, CreditChange, Fallback, Furniture, Kind, Op, PairedBy, Segment, Side,
    Signal, SignalCounts, SignalKind,
};
pub use normalize::{word_count, words};
pub use pipeline::{compare, read};
pub use sentences::{Sentence, segment, segment_all, split_sentences, split_sentences_in};
