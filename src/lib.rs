//! # wirediff
//!
//! Shows what a news outlet did to the wire copy it republished. Give it the wire original(s)
//! and the adapted article; it reports every passage of the adapted article as unchanged,
//! reworded (with the word-level edits), inserted or moved, and every passage of the originals
//! the adapter cut as removed.
//!
//! The library is the pipeline, one module a stage, data flowing one way:
//!
//! | stage | module | takes | gives |
//! |---|---|---|---|
//! | load | [`load`], [`fetch`] | a [`Source`] (path, `-`, URL) | [`load::Loaded`] text and format |
//! | extract | [`extract`] | loaded text | a [`Document`]: text and paragraphs |
//! | segment | [`segment`] | a document | [`Sentence`]s with byte spans |
//! | align | [`align`] | sentences of both sides | [`Segment`]s |
//! | annotate | [`furniture`], [`signals`] | segments and their texts | furniture, truncation and edits that change meaning marked |
//! | report | [`report`] | a [`Comparison`] | JSON, terminal, Markdown or HTML output |
//!
//! [`model`] defines the data every stage reads or fills in (the [`Comparison`], its
//! [`Segment`]s, their kinds, edits and signals). [`compare`] runs the stages on documents
//! already read; a [`Loader`] reads [`Source`]s ([`Loader::read`]) or reads and compares
//! them in one call ([`Loader::compare`]), with its limits and one HTTP client for all URLs.
//!
//! Around the pipeline, [`corpus`] runs many pairs with expectations (a directory or a
//! manifest, partitions, summaries, JUnit) and [`batch`] answers pairs given as JSON Lines.
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

pub mod align;
mod annotate;
pub mod batch;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod fetch;
#[doc(hidden)]
pub mod invariants;
pub mod load;
pub mod model;
pub mod normalize;
mod pipeline;
pub mod report;
pub mod segment;
#[cfg(test)]
mod test_data;
mod util;

pub use align::Options;
pub use annotate::{furniture, signals};
pub use error::{Error, FetchError, Result};
pub use extract::Document;
pub use fetch::FetchOptions;
pub use load::{LoadOptions, Loader, Source};
pub use model::{Comparison, Fallback, Kind, Segment, Signal, SignalKind};
pub use pipeline::{compare, read};
pub use segment::Sentence;
