//! What the terminal views show, in order: the passages, the breaks between the adapted
//! article's paragraphs, the tail an early-stopping copy never reaches folded into one row,
//! and long unchanged stretches folded away (`--context N`). The inline and side-by-side
//! views draw the same rows.

use super::escape::clean;
use crate::Comparison;
use crate::align::{self, Kind, Segment};

/// One row of a terminal view.
pub(crate) enum Row<'a> {
    /// The adapted article's next paragraph starts.
    Break,
    /// A passage, and its index in the comparison's segments.
    Segment(usize, &'a Segment),
    /// The tail of original `source` that the adapted article never reaches: `count`
    /// sentences, from `first`'s (segment `index`).
    Tail {
        source: usize,
        count: usize,
        first: &'a Segment,
        index: usize,
    },
    /// `n` unchanged passages left out (`--context`).
    Fold(usize),
}

/// The rows of a comparison. With `context: Some(n)`, runs of unchanged passages (in place,
/// not furniture) keep at most `n` passages next to each change, the rest folded into one
/// [`Row::Fold`]; with `None` every passage is shown.
pub(crate) fn rows(cmp: &Comparison, context: Option<usize>) -> Vec<Row<'_>> {
    let shown = shown(&cmp.segments, context);
    let mut rows = Vec::new();
    let mut last_para: Option<usize> = None;
    let mut folded = 0;
    let mut tail_shown = vec![false; cmp.originals.len()];
    for (index, (seg, shown)) in cmp.segments.iter().zip(shown).enumerate() {
        let para = seg
            .adapted
            .as_ref()
            .map(|r| cmp.adapted_sentences[r.start].paragraph);
        let new_para = para.is_some() && last_para.is_some() && para != last_para;
        if para.is_some() {
            last_para = para;
        }
        if !shown {
            // A paragraph break inside a fold is folded with it.
            if folded == 0 && new_para {
                rows.push(Row::Break);
            }
            folded += 1;
            continue;
        }
        if folded > 0 {
            rows.push(Row::Fold(std::mem::take(&mut folded)));
        }
        if new_para {
            rows.push(Row::Break);
        }
        if seg.truncated {
            let source = seg.original.as_ref().map_or(0, |(s, _)| *s);
            if !std::mem::replace(&mut tail_shown[source], true) {
                let count = cmp
                    .segments
                    .iter()
                    .filter(|t| {
                        t.truncated && t.original.as_ref().is_some_and(|(s, _)| *s == source)
                    })
                    .count();
                rows.push(Row::Tail {
                    source,
                    count,
                    first: seg,
                    index,
                });
            }
            continue;
        }
        rows.push(Row::Segment(index, seg));
    }
    if folded > 0 {
        rows.push(Row::Fold(folded));
    }
    rows
}

/// Which segments to show: all without `context`; with it, every segment but the plain
/// unchanged ones more than `n` segments away from any other.
fn shown(segments: &[Segment], context: Option<usize>) -> Vec<bool> {
    let Some(n) = context else {
        return vec![true; segments.len()];
    };
    let plain = |s: &Segment| s.kind == Kind::Unchanged && !s.moved && s.furniture.is_none();
    let mut shown = vec![false; segments.len()];
    // Distance to the last change before, then to the next change after.
    let mut since: Option<usize> = None;
    for (i, s) in segments.iter().enumerate() {
        since = if plain(s) {
            since.map(|d| d + 1)
        } else {
            Some(0)
        };
        shown[i] = since.is_some_and(|d| d <= n);
    }
    let mut until: Option<usize> = None;
    for (i, s) in segments.iter().enumerate().rev() {
        until = if plain(s) {
            until.map(|d| d + 1)
        } else {
            Some(0)
        };
        shown[i] |= until.is_some_and(|d| d <= n);
    }
    shown
}

/// The line a fold shows: `… 12 unchanged passages …`.
pub(crate) fn fold_text(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("… {n} unchanged passage{s} …")
}

/// What the tail row says, article text escaped.
pub(crate) fn tail_text(cmp: &Comparison, count: usize, first: &Segment) -> String {
    let first = original_text(cmp, first).unwrap_or_default();
    format!(
        "(the adapted article stops here: the last {count} sentences of the original are not in it, from “{first}”)"
    )
}

/// The original side of a passage, escaped for the terminal.
pub(crate) fn original_text(cmp: &Comparison, seg: &Segment) -> Option<String> {
    seg.original
        .as_ref()
        .map(|(s, r)| clean(align::span_text(cmp.original_side(*s), r)))
}

/// The adapted side of a passage, escaped for the terminal.
pub(crate) fn adapted_text(cmp: &Comparison, seg: &Segment) -> Option<String> {
    seg.adapted
        .as_ref()
        .map(|r| clean(align::span_text(cmp.adapted_side(), r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `u` unchanged, `m` unchanged but moved, `+` inserted, `-` removed.
    fn segs(pattern: &str) -> Vec<Segment> {
        pattern
            .chars()
            .map(|c| match c {
                'u' => Segment::bare(Kind::Unchanged),
                'm' => Segment {
                    moved: true,
                    ..Segment::bare(Kind::Unchanged)
                },
                '+' => Segment::bare(Kind::Inserted),
                _ => Segment::bare(Kind::Removed),
            })
            .collect()
    }

    fn pattern(shown: &[bool]) -> String {
        shown.iter().map(|&s| if s { 'x' } else { '.' }).collect()
    }

    #[test]
    fn context_keeps_n_passages_around_each_change() {
        let s = segs("uuuuu+uuuuuu-uu");
        assert_eq!(pattern(&shown(&s, None)), "xxxxxxxxxxxxxxx");
        assert_eq!(pattern(&shown(&s, Some(0))), ".....x......x..");
        assert_eq!(pattern(&shown(&s, Some(1))), "....xxx....xxx.");
        assert_eq!(pattern(&shown(&s, Some(3))), "..xxxxxxxxxxxxx");
    }

    #[test]
    fn moved_passages_are_changes_for_folding() {
        assert_eq!(pattern(&shown(&segs("uuumuuu"), Some(1))), "..xxx..");
    }

    #[test]
    fn nothing_but_unchanged_folds_entirely() {
        assert_eq!(pattern(&shown(&segs("uuuu"), Some(2))), "....");
    }

    #[test]
    fn fold_text_counts_passages() {
        assert_eq!(fold_text(1), "… 1 unchanged passage …");
        assert_eq!(fold_text(12), "… 12 unchanged passages …");
    }
}
