//! Finding the wire stories an article was built from: `wirediff index` and `wirediff find`.
//!
//! An [`Index`] is a directory holding a [Tantivy](https://github.com/quickwit-oss/tantivy)
//! index of wire documents (AP or Reuters feed dumps, PA copy, press releases), each kept whole
//! with its id, source, title and date. Its words are wirediff's own ([`crate::words`]: folded,
//! British spellings made American), so that retrieval and alignment read a text alike.
//!
//! Finding is two steps:
//! 1. **Retrieval.** BM25 over the index, queried with the adapted article's most telling
//!    words (frequent in it, rare in the archive), gives a few dozen candidates; the cost
//!    follows the posting lists of those words, not the size of the archive.
//! 2. **Alignment.** Each candidate is aligned with the article as `compare` would align it;
//!    its **coverage** is the share of the article's words in passages drawn from it
//!    (unchanged, reworded or moved). Retrieval decides what is looked at, alignment what is
//!    reported. Near-identical versions of one story (a first take, a write-through) are
//!    grouped into a story.
//!
//! [`Index::select`] picks the originals for `compare --index`: the fewest documents that
//! together cover the most of the article.
//!
//! ```no_run
//! use wirediff::find::{FindOptions, Index};
//! use wirediff::read;
//!
//! let index = Index::open("wire-index".as_ref())?;
//! let article = read(&wirediff::Source::parse("site.html"))?;
//! for hit in index.find(&article, &FindOptions::default())? {
//!     println!("{} {:.0}%", hit.document.source, 100.0 * hit.coverage);
//! }
//! # Ok::<(), wirediff::Error>(())
//! ```

mod rank;
mod sources;
mod store;
#[cfg(test)]
mod tests;
mod tokenizer;

pub use rank::{COVERAGE_FLOOR, FindOptions, Hit, Passage};
pub use sources::{AddSummary, add_sources};
pub use store::{Added, FORMAT, Index, WireDoc, Writer};
