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

pub use rank::{COVERAGE_FLOOR, DateWindow, FindOptions, Hit, Passage};
pub use sources::{AddSummary, add_sources, index_sources};
pub use store::{Added, FORMAT, Index, WireDoc, Writer};

use crate::extract::Document;

/// `wirediff find --format json`'s object for these results (see `docs/json.md`, "Find
/// results"): `{"version": 1, "adapted": {"source"}, "results": [...]}`, scores and shares
/// rounded to three decimals.
pub fn results_json(adapted: &Document, hits: &[Hit]) -> serde_json::Value {
    let results: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            serde_json::json!({
                "id": h.id,
                "source": h.document.source,
                "url": h.url,
                "title": h.document.title,
                "date": h.document.date,
                "date_text": h.document.date_text,
                "score": (h.score as f64 * 1000.0).round() / 1000.0,
                "coverage": (h.coverage * 1000.0).round() / 1000.0,
                "story": h.story,
                "word_share": (h.word_share * 1000.0).round() / 1000.0,
                "found_by": if h.by_words { "words" } else { "passages" },
                "passages": h.passages.iter().map(|p| serde_json::json!({
                    "kind": p.kind.as_str(),
                    "adapted": p.adapted,
                    "original": p.original,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "version": 1,
        "adapted": {"source": adapted.source},
        "results": results,
    })
}

/// What to say when no indexed document covers [`COVERAGE_FLOOR`] of the article, so that
/// there is nothing to compare it with.
pub fn no_source_message(adapted: &Document, dir: &std::path::Path) -> String {
    format!(
        "{}: no document in the index {} covers {:.0}% of the article; nothing to compare \
         with (wirediff find --index {} shows what is near)",
        adapted.source,
        dir.display(),
        100.0 * COVERAGE_FLOOR,
        dir.display()
    )
}
