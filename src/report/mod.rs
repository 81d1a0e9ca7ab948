//! The last stage, **report**: a comparison as JSON (contract v1), a terminal view, Markdown
//! or a self-contained HTML redline.
//!
//! Every writer takes a [`Comparison`] and a `Write`; none of them lets article text reach the
//! reader raw: `report/escape.rs` holds the escapes each format needs.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::align::{self, Kind, Segment};
use crate::model::{Signal, SignalCounts};
use crate::{Comparison, normalize};

mod article;
pub(crate) mod escape;
mod html;
mod json;
mod markdown;
mod rows;
mod side;
mod terminal;
mod wrap;

pub use article::{ExtractOut, extract_json, write_extract_text};
pub use escape::write_json_value;
pub use html::write_html;
pub use markdown::write_markdown;
pub use side::{DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, write_side_by_side};

/// What the reports show of a document beside its source: its title in quotes, its byline
/// and its date (ISO 8601, else as the page wrote it), joined by " · "; `None` when it has
/// none of them (plain text).
pub(crate) fn doc_line(doc: &crate::Document) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if let Some(t) = &doc.title {
        parts.push(format!("“{t}”"));
    }
    if let Some(b) = &doc.byline {
        let by = b.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "));
        parts.push(if by { b.clone() } else { format!("by {b}") });
    }
    if let Some(d) = doc.date.as_ref().or(doc.date_text.as_ref()) {
        parts.push(d.clone());
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The documents of a comparison that have a [`doc_line`], labelled "original" ("original 1",
/// "original 2"… when there are several) or "adapted", in that order.
pub(crate) fn doc_lines(cmp: &Comparison) -> Vec<(String, String)> {
    let several = cmp.originals.len() > 1;
    let label = |i: usize| match several {
        true => format!("original {}", i + 1),
        false => "original".to_string(),
    };
    (cmp.originals.iter().enumerate())
        .map(|(i, d)| (label(i), d))
        .chain(std::iter::once(("adapted".to_string(), &cmp.adapted)))
        .filter_map(|(label, d)| doc_line(d).map(|m| (label, m)))
        .collect()
}

/// Text made safe to print in a terminal: line breaks become spaces and control characters
/// are shown as visible escapes, so no text can drive the terminal.
pub fn terminal_text(s: &str) -> String {
    escape::clean(s)
}
pub use terminal::{write_summary, write_terminal, write_terminal_with};

/// The JSON report, contract version 1 (see `docs/json.md`).
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Always 1 for this contract.
    pub version: u32,
    /// The originals, in the order given.
    pub originals: Vec<DocInfo<'a>>,
    /// The adapted article.
    pub adapted: DocInfo<'a>,
    /// Counts of segments by kind and word shares of the adapted article.
    pub summary: Summary,
    /// Present only when the alignment ran out of time (`--timeout`): which steps were cut
    /// short.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<FallbackOut>,
    /// Passages in the adapted article's order, removed ones where they were cut.
    pub segments: Vec<SegmentOut<'a>>,
}

/// The alignment steps cut short by the time limit.
#[derive(Debug, Serialize)]
pub struct FallbackOut {
    /// Always `"timeout"` for now.
    pub reason: &'static str,
    /// The steps, in order: `backbone`, `rewordings`, `splits-and-merges`, `word-edits`.
    pub steps: Vec<&'static str>,
}

/// What the alignment left out when it ran out of time, for people: `None` when it did not.
pub(crate) fn fallback_note(cmp: &Comparison) -> Option<String> {
    (!cmp.fallbacks.is_empty()).then(|| {
        let what: Vec<&str> = cmp.fallbacks.iter().map(|f| f.describe()).collect();
        format!(
            "the alignment ran out of time (--timeout): {}",
            what.join("; ")
        )
    })
}

/// The fallback of a comparison, if its alignment ran out of time.
pub(crate) fn fallback(cmp: &Comparison) -> Option<FallbackOut> {
    (!cmp.fallbacks.is_empty()).then(|| FallbackOut {
        reason: "timeout",
        steps: cmp.fallbacks.iter().map(|f| f.as_str()).collect(),
    })
}

/// A document as the report shows it.
#[derive(Debug, Serialize)]
pub struct DocInfo<'a> {
    /// As the user gave it.
    pub source: &'a str,
    /// The title, if one was found.
    pub title: Option<&'a str>,
    /// The byline, where the page gives one.
    pub byline: Option<&'a str>,
    /// The publication date in ISO 8601, where the page gives one wirediff can read.
    pub date: Option<&'a str>,
    /// The language of the text (ISO 639-1, else 639-3), declared or detected.
    pub language: Option<&'a str>,
    /// The article text; every span indexes it in UTF-8 bytes.
    pub text: &'a str,
    /// How many sentences wirediff read.
    pub sentences: usize,
}

/// Counts and shares.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Summary {
    /// Unchanged segments.
    pub unchanged: usize,
    /// Reworded segments.
    pub reworded: usize,
    /// Inserted segments.
    pub inserted: usize,
    /// Removed segments.
    pub removed: usize,
    /// Segments with `moved: true`.
    pub moved: usize,
    /// Segments that are page or wire furniture (credit lines, bylines, datelines,
    /// copyright notices, boilerplate) inserted, removed or changed; also counted above.
    pub furniture: usize,
    /// Removed segments in the tail of an original that the adapted article never reaches
    /// (it stops early); also counted as removed.
    pub truncated: usize,
    /// Segments that are material differences: reworded, inserted, removed or moved, and
    /// not furniture. The exit status is 1 when this is not zero.
    pub differences: usize,
    /// Words of the adapted article in all.
    pub adapted_words: usize,
    /// Words of the adapted article that are unchanged wire copy.
    pub wire_words: usize,
    /// Words of the adapted article that are reworded wire copy.
    pub reworded_words: usize,
    /// Words of the adapted article that are new (furniture aside).
    pub new_words: usize,
    /// Words of the adapted article that are furniture (inserted or changed).
    pub furniture_words: usize,
    /// `wire_words / adapted_words`, 0 to 1.
    pub wire_share: f64,
    /// `reworded_words / adapted_words`.
    pub reworded_share: f64,
    /// `new_words / adapted_words`.
    pub new_share: f64,
    /// `furniture_words / adapted_words`.
    pub furniture_share: f64,
    /// Signals of each kind (edits that change meaning), over all segments.
    pub signals: SignalCounts,
}

impl Summary {
    /// True when the adapted article differs materially: anything reworded or moved, or
    /// inserted or removed that is not furniture.
    pub fn has_differences(&self) -> bool {
        self.differences > 0
    }
}

/// One passage of the report.
#[derive(Debug, Serialize)]
pub struct SegmentOut<'a> {
    /// `unchanged`, `reworded`, `inserted` or `removed`.
    pub kind: &'static str,
    /// The passage left its place relative to the rest of its original.
    pub moved: bool,
    /// Weighted word overlap of the two sides, 0 to 1; `None` for inserted and removed.
    pub similarity: Option<f64>,
    /// The adapted side; `None` for removed.
    pub adapted: Option<Span<'a>>,
    /// The original side; `None` for inserted.
    pub original: Option<OrigSpan<'a>>,
    /// Word-level edits of a reworded passage, in order; empty for other kinds.
    pub changes: Vec<ChangeOut<'a>>,
    /// For segments that are page or wire furniture: which kind (`dateline`, `credit`,
    /// `byline`, `copyright`, `boilerplate`); otherwise null.
    pub furniture: Option<&'static str>,
    /// Edits that change meaning (attribution, quote, loaded, hedge, credit); often empty.
    pub signals: &'a [Signal],
    /// A removed segment in the tail of its original that the adapted article never
    /// reaches: the copy stops early there.
    pub truncated: bool,
    /// For reworded segments: why the two sides were paired. Absent for other kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairing: Option<PairingOut>,
}

/// Why a reworded segment's two sides were paired: how, and what they share.
#[derive(Debug, Serialize)]
pub struct PairingOut {
    /// `words` (enough words in common, rare ones weighing more), `stems` (words in common
    /// once inflections are set aside, with runs of words in the same order: a heavy
    /// paraphrase), `position` (the only unpaired sentence on each side between the same
    /// kept neighbours), `again` (a second passage drawn from one wire sentence) or
    /// `headline` (the lines above the first kept sentence on each side).
    pub by: &'static str,
    /// Names both sides have (lower case).
    pub names: Vec<String>,
    /// Numbers both sides have, as the adapted side writes them.
    pub numbers: Vec<String>,
    /// Other words both sides have, or whose stems both have (lower case, function words
    /// left out), in the adapted side's order.
    pub words: Vec<String>,
}

/// The [`PairingOut`] of a reworded segment, `None` for other kinds.
pub(crate) fn pairing(cmp: &Comparison, seg: &Segment) -> Option<PairingOut> {
    let by = seg.paired_by?;
    let (Some(a), Some((s, o))) = (&seg.adapted, &seg.original) else {
        return None;
    };
    // A pair by words keeps words both sides have, which its edits show; a paraphrase
    // shares stems, which they do not, and a second passage drawn from one sentence shares
    // words its edits bury among the many the sentence's other passage took; headlines
    // differ in case and form ("TRAVELLER LOSES" / "Traveller … Loses").
    let evidence = match by {
        align::PairedBy::Stems
        | align::PairedBy::Again
        | align::PairedBy::Headline
        | align::PairedBy::Subhead => align::evidence(
            align::span_text(cmp.original_side(*s), o),
            align::span_text(cmp.adapted_side(), a),
        ),
        align::PairedBy::Words | align::PairedBy::Position => {
            align::evidence_of_changes(&seg.changes, align::span_text(cmp.original_side(*s), o))
        }
    };
    Some(PairingOut {
        by: by.as_str(),
        names: evidence.names,
        numbers: evidence.numbers,
        words: evidence.words,
    })
}

/// A span of the adapted article.
#[derive(Debug, Serialize)]
pub struct Span<'a> {
    /// The text, exactly the adapted article's `text[start..end]`.
    pub text: &'a str,
    /// Where it starts, in UTF-8 bytes into the adapted article's text.
    pub start: usize,
    /// Where it ends (exclusive), in UTF-8 bytes.
    pub end: usize,
}

/// A span of one of the originals.
#[derive(Debug, Serialize)]
pub struct OrigSpan<'a> {
    /// Which original: an index into the report's `originals`.
    pub source: usize,
    /// The text, exactly that original's `text[start..end]`.
    pub text: &'a str,
    /// Where it starts, in UTF-8 bytes into that original's text.
    pub start: usize,
    /// Where it ends (exclusive), in UTF-8 bytes.
    pub end: usize,
}

/// A word-level edit.
#[derive(Debug, Serialize)]
pub struct ChangeOut<'a> {
    /// `equal`, `delete` or `insert`.
    pub op: &'static str,
    /// The text of the run: the original's for `delete`, else the adapted article's.
    pub text: &'a str,
}

impl Comparison {
    /// The summary: counts by kind and word shares.
    pub fn summary(&self) -> Summary {
        summarize(self)
    }
}

/// Computes the summary of a comparison.
pub(crate) fn summarize(cmp: &Comparison) -> Summary {
    // The words of each segment's adapted text, counted on several threads for a long
    // document: counting them is most of the time.
    let side = cmp.adapted_side();
    let bytes = |seg: &Segment| {
        seg.adapted.as_ref().map_or(0, |r| {
            let (start, end) = align::span_bytes(side, r);
            end - start
        })
    };
    let count = |run: &[Segment]| -> Vec<usize> {
        (run.iter())
            .map(|seg| {
                (seg.adapted.as_ref())
                    .map_or(0, |r| normalize::word_count(align::span_text(side, r)))
            })
            .collect()
    };
    let threads = crate::util::par::threads_for(cmp.adapted.text.len());
    let words = crate::util::par::map_runs(&cmp.segments, threads, bytes, count).concat();
    let mut s = Summary::default();
    for (seg, words) in cmp.segments.iter().zip(words) {
        match seg.kind {
            Kind::Unchanged => s.unchanged += 1,
            Kind::Reworded => s.reworded += 1,
            Kind::Inserted => s.inserted += 1,
            Kind::Removed => s.removed += 1,
        }
        s.moved += usize::from(seg.moved);
        for sig in &seg.signals {
            s.signals.add(sig.kind());
        }
        s.furniture += usize::from(seg.furniture.is_some());
        s.truncated += usize::from(seg.truncated);
        s.differences += usize::from(seg.is_material());
        if seg.adapted.is_some() {
            s.adapted_words += words;
            match seg.kind {
                Kind::Unchanged => s.wire_words += words,
                _ if seg.furniture.is_some() => s.furniture_words += words,
                Kind::Reworded => s.reworded_words += words,
                _ => s.new_words += words,
            }
        }
    }
    let share = |n: usize| {
        if s.adapted_words == 0 {
            0.0
        } else {
            (n as f64 / s.adapted_words as f64 * 1000.0).round() / 1000.0
        }
    };
    s.wire_share = share(s.wire_words);
    s.reworded_share = share(s.reworded_words);
    s.new_share = share(s.new_words);
    s.furniture_share = share(s.furniture_words);
    s
}

impl<'a> Report<'a> {
    /// Builds the v1 report of a comparison.
    pub fn new(cmp: &'a Comparison) -> Report<'a> {
        let info = |d: &'a crate::Document, n: usize| DocInfo {
            source: &d.source,
            title: d.title.as_deref(),
            byline: d.byline.as_deref(),
            date: d.date.as_deref(),
            language: d.language.as_deref(),
            text: &d.text,
            sentences: n,
        };
        let segments = cmp
            .segments
            .iter()
            .map(|seg| segment_out(cmp, seg))
            .collect();
        Report {
            version: 1,
            originals: cmp
                .originals
                .iter()
                .zip(&cmp.original_sentences)
                .map(|(d, s)| info(d, s.len()))
                .collect(),
            adapted: info(&cmp.adapted, cmp.adapted_sentences.len()),
            summary: summarize(cmp),
            fallback: fallback(cmp),
            segments,
        }
    }
}

fn segment_out<'a>(cmp: &'a Comparison, seg: &'a Segment) -> SegmentOut<'a> {
    let (adapted, original) = sides(cmp, seg);
    SegmentOut {
        kind: seg.kind.as_str(),
        moved: seg.moved,
        similarity: seg.similarity,
        adapted,
        original,
        changes: seg
            .changes
            .iter()
            .map(|c| ChangeOut {
                op: c.op.as_str(),
                text: &c.text,
            })
            .collect(),
        furniture: seg.furniture.map(|f| f.as_str()),
        signals: &seg.signals,
        truncated: seg.truncated,
        pairing: pairing(cmp, seg),
    }
}

/// The two sides of a segment as spans of their documents' text.
fn sides<'a>(cmp: &'a Comparison, seg: &Segment) -> (Option<Span<'a>>, Option<OrigSpan<'a>>) {
    let adapted = seg.adapted.as_ref().map(|r| {
        let (start, end) = align::span_bytes(cmp.adapted_side(), r);
        Span {
            text: &cmp.adapted.text[start..end],
            start,
            end,
        }
    });
    let original = seg.original.as_ref().map(|(src, r)| {
        let (start, end) = align::span_bytes(cmp.original_side(*src), r);
        OrigSpan {
            source: *src,
            text: &cmp.originals[*src].text[start..end],
            start,
            end,
        }
    });
    (adapted, original)
}

/// Writes the JSON report, pretty or compact, with a trailing newline. The compact one is
/// written by hand (`report/json.rs`), the same bytes as serde_json's.
pub fn write_json(cmp: &Comparison, out: &mut dyn Write, pretty: bool) -> io::Result<()> {
    if pretty {
        write_json_value(out, &Report::new(cmp), true)?;
    } else {
        json::write_compact(cmp, out)?;
    }
    out.write_all(b"\n")
}
