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
//! | load | [`load`] | a [`Source`] (path, `-`, URL) | [`load::Loaded`] text and format |
//! | extract | [`extract`] | loaded text | a [`Document`]: text and paragraphs |
//! | segment | [`segment`] | a document | [`Sentence`]s with byte spans |
//! | align | [`align`] | sentences of both sides | [`Segment`]s |
//! | report | [`report`] | a [`Comparison`] | JSON or terminal output |
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
pub mod error;
pub mod extract;
pub mod load;
pub mod normalize;
pub mod report;
pub mod segment;

pub use align::{Kind, Options, Segment};
pub use error::{Error, Result};
pub use extract::Document;
pub use load::Source;
pub use segment::Sentence;

/// The originals and the adapted article, their sentences, and how they align.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The wire originals, in the order given.
    pub originals: Vec<Document>,
    /// The sentences of each original.
    pub original_sentences: Vec<Vec<Sentence>>,
    /// The adapted article.
    pub adapted: Document,
    /// Its sentences.
    pub adapted_sentences: Vec<Sentence>,
    /// The aligned passages, in the adapted article's order.
    pub segments: Vec<Segment>,
}

impl Comparison {
    /// The adapted article and its sentences, as the aligner sees them.
    pub fn adapted_side(&self) -> align::Side<'_> {
        align::Side {
            doc: &self.adapted,
            sentences: &self.adapted_sentences,
        }
    }

    /// Original `i` and its sentences.
    pub fn original_side(&self, i: usize) -> align::Side<'_> {
        align::Side {
            doc: &self.originals[i],
            sentences: &self.original_sentences[i],
        }
    }

    /// The summary: counts by kind and word shares.
    pub fn summary(&self) -> report::Summary {
        report::summarize(self)
    }
}

/// Segments and aligns documents that are already extracted.
pub fn compare(originals: Vec<Document>, adapted: Document, opts: &Options) -> Comparison {
    let original_sentences: Vec<Vec<Sentence>> = originals.iter().map(segment::segment).collect();
    let adapted_sentences = segment::segment(&adapted);
    let sides: Vec<align::Side<'_>> = originals
        .iter()
        .zip(&original_sentences)
        .map(|(doc, sentences)| align::Side { doc, sentences })
        .collect();
    let segments = align::align(
        &sides,
        align::Side {
            doc: &adapted,
            sentences: &adapted_sentences,
        },
        opts,
    );
    Comparison {
        originals,
        original_sentences,
        adapted,
        adapted_sentences,
        segments,
    }
}

/// Loads and extracts one source.
pub fn read(source: &Source) -> Result<Document> {
    extract::extract(&load::load(source)?)
}

/// Reads every source, then compares: the whole pipeline from inputs to segments.
pub fn compare_sources(
    originals: &[Source],
    adapted: &Source,
    opts: &Options,
) -> Result<Comparison> {
    let stdin_count = originals
        .iter()
        .chain(std::iter::once(adapted))
        .filter(|s| **s == Source::Stdin)
        .count();
    if stdin_count > 1 {
        return Err(Error::StdinTwice);
    }
    let docs = originals.iter().map(read).collect::<Result<Vec<_>>>()?;
    let adapted = read(adapted)?;
    Ok(compare(docs, adapted, opts))
}
