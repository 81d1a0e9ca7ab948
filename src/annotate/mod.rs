//! Stages 5 and 6, **annotate**: what the aligner's passages are besides their kind. Page
//! and wire furniture ([`furniture`]: credit lines, bylines, boilerplate), a copy that stops
//! early (truncation), and the edits that change what a passage claims ([`signals`]).

pub mod furniture;
pub mod signals;

use crate::align::Options;
use crate::extract::Document;
use crate::model::{Kind, PairedBy, Segment, Side};
use crate::sentences::Sentence;
use crate::util::{FastSet, par};

/// The signals of each segment ([`signals::detect`]), on `threads` threads. Only reworded
/// and inserted text (furniture aside) is read for signals: the other segments need no
/// passages. Each segment's signals are its own, so a run of segments needs only its own
/// quotations.
pub(crate) fn detect_signals(
    segments: &mut [Segment],
    a_side: Side<'_>,
    sides: &[Side<'_>],
    threads: usize,
) {
    let read = |seg: &Segment| {
        seg.furniture.is_none() && matches!(seg.kind, Kind::Reworded | Kind::Inserted)
    };
    let size = |seg: &Segment| {
        let bytes = |side: Side<'_>, r: &std::ops::Range<usize>| {
            let (start, end) = crate::align::span_bytes(side, r);
            end - start
        };
        let a = seg.adapted.as_ref().map_or(0, |r| bytes(a_side, r));
        let o = (seg.original.as_ref()).map_or(0, |(src, r)| bytes(sides[*src], r));
        if read(seg) { a + o } else { 0 }
    };
    let detect = |run: &[Segment]| -> Vec<Vec<signals::Signal>> {
        let mut a_quotes = signals::Quotations::new(a_side.doc);
        let mut o_quotes: Vec<_> = (sides.iter())
            .map(|s| signals::Quotations::new(s.doc))
            .collect();
        (run.iter())
            .map(|seg| {
                let a = (seg.adapted.as_ref())
                    .filter(|_| read(seg))
                    .map(|r| passage(a_side, &mut a_quotes, r));
                let o = (seg.original.as_ref())
                    .filter(|_| read(seg))
                    .map(|(src, r)| passage(sides[*src], &mut o_quotes[*src], r));
                signals::detect(seg, a.as_ref(), o.as_ref())
            })
            .collect()
    };
    let found = par::map_runs(segments, threads, size, detect);
    // A headline drawn from the lead that another passage holds: what it left out of the
    // lead is that passage's, not dropped (as for a passage paired `again`).
    let held: FastSet<(usize, usize)> = (segments.iter())
        .filter(|s| !matches!(s.paired_by, Some(PairedBy::Headline | PairedBy::Subhead)))
        .filter_map(|s| s.original.as_ref())
        .flat_map(|(src, r)| r.clone().map(move |i| (*src, i)))
        .collect();
    let drawn_again = |seg: &Segment| {
        matches!(seg.paired_by, Some(PairedBy::Headline | PairedBy::Subhead))
            && (seg.original.as_ref()).is_some_and(|(src, r)| held.contains(&(*src, r.start)))
    };
    // Quotations said added or dropped are looked for in the whole of the other side, once.
    let wire = signals::QuotedWords::of(sides.iter().map(|s| s.doc).collect());
    let adapted = signals::QuotedWords::of(vec![a_side.doc]);
    for (seg, mut signals) in segments.iter_mut().zip(found.into_iter().flatten()) {
        if drawn_again(seg) {
            // Nor is a quotation of the lead "changed" into the headline's own.
            for s in &mut signals {
                if let signals::Signal::Quote { from, to: Some(_) } = s {
                    *from = None;
                }
            }
            signals = signals::only_what_it_adds(signals);
        }
        let sides_text = (
            (seg.original.as_ref()).map(|(src, r)| crate::align::span_text(sides[*src], r)),
            (seg.adapted.as_ref()).map(|r| crate::align::span_text(a_side, r)),
        );
        signals::settle_quotes(&mut signals, sides_text, &wire, &adapted);
        seg.signals = signals;
    }
}

/// Least number of trailing removed sentences that read as a copy stopping early.
const TRUNCATED_TAIL: usize = 2;

/// Flags the removed sentences after the last sentence of each original that the adapted
/// article keeps: a copy that stops early has not cut everything after that point one by
/// one. A tail of a single sentence stays an ordinary removal.
pub(crate) fn mark_truncated(segments: &mut [Segment], originals: usize) {
    for src in 0..originals {
        let last_kept = segments
            .iter()
            .filter(|s| s.kind != Kind::Removed)
            .filter_map(|s| s.original.as_ref())
            .filter(|(s, _)| *s == src)
            .map(|(_, r)| r.end)
            .max();
        let Some(last_kept) = last_kept else { continue };
        let is_tail = |s: &Segment| {
            s.kind == Kind::Removed
                && s.original
                    .as_ref()
                    .is_some_and(|(s, r)| *s == src && r.start >= last_kept)
        };
        if segments.iter().filter(|s| is_tail(s)).count() >= TRUNCATED_TAIL {
            for seg in segments.iter_mut().filter(|s| is_tail(s)) {
                seg.truncated = true;
            }
        }
    }
}

/// The sentences `r` of a side as a passage for the signals, with the document's quotations.
fn passage<'a>(
    side: Side<'a>,
    quotes: &mut signals::Quotations<'a>,
    r: &std::ops::Range<usize>,
) -> signals::SignalText<'a> {
    let (start, end) = crate::align::span_bytes(side, r);
    quotes.passage(start..end)
}

/// Tags the passages that are page or wire furniture: inserted or removed furniture, and
/// furniture changed into other furniture (a credit line reworded). A weak pairing of
/// furniture with article text (by position only) is undone: the two are an insertion and
/// a removal.
pub(crate) fn mark_furniture(
    segments: Vec<Segment>,
    adapted: &Document,
    adapted_sentences: &[Sentence],
    originals: &[Document],
    original_sentences: &[Vec<Sentence>],
    opts: &Options,
) -> Vec<Segment> {
    // Only the first sentence of a passage that is not unchanged is ever asked about:
    // classify those, not every sentence of a long document.
    let mut a_kinds = furniture::Lazy::new(
        adapted_sentences
            .iter()
            .map(|s| (s.text(adapted), s.paragraph)),
    );
    let mut o_kinds: Vec<_> = originals
        .iter()
        .zip(original_sentences)
        .map(|(d, sents)| furniture::Lazy::new(sents.iter().map(|s| (s.text(d), s.paragraph))))
        .collect();
    let mut out = Vec::with_capacity(segments.len());
    for mut seg in segments {
        if seg.kind == Kind::Unchanged {
            out.push(seg);
            continue;
        }
        let a_kind = seg.adapted.as_ref().map(|r| a_kinds.get(r.start));
        let o_kind = (seg.original.as_ref()).map(|(src, r)| o_kinds[*src].get(r.start));
        match (seg.kind, a_kind, o_kind) {
            (Kind::Inserted, Some(k), _) => seg.furniture = k,
            (Kind::Removed, _, Some(k)) => seg.furniture = k,
            (Kind::Reworded, Some(Some(k)), Some(Some(_))) => seg.furniture = Some(k),
            (Kind::Reworded, Some(a), Some(o))
                if a.is_some() != o.is_some() && seg.similarity.unwrap_or(0.0) < opts.in_place =>
            {
                let mut removed = seg.clone();
                removed.kind = Kind::Removed;
                removed.adapted = None;
                removed.similarity = None;
                removed.changes.clear();
                removed.moved = false;
                removed.furniture = o;
                seg.kind = Kind::Inserted;
                seg.original = None;
                seg.similarity = None;
                seg.changes.clear();
                seg.moved = false;
                seg.furniture = a;
                out.push(removed);
            }
            _ => {}
        }
        out.push(seg);
    }
    out
}
