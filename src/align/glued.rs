//! After the aligner: a sentence of the outlet's own glued onto a wire sentence with no
//! sentence break ("…treated and released later that night Critics said the city had
//! ignored repeated warnings."). The sentence splitter cuts after a whole wire line it finds
//! at the start of an adapted sentence ([`crate::sentences::split_after_wire_lines`]); a wire
//! sentence whose full stop the page lost, or one the outlet also reworded, shows only once
//! the aligner has paired it: the passage's word edits end, or open, with an inserted run
//! that reads as a sentence of its own. [`glued_cuts`] says where to cut; the pipeline cuts
//! there, and [`cut_passages`] works the passages out again without a second alignment, so
//! that the addition is a passage of its own, not words hidden in a rewording. The same
//! lost full stop runs a wire sentence kept word for word into one the outlet reworded:
//! those are cut apart too.

use std::ops::Range;

use super::vocab::is_stopword;
use super::words::WordDiffer;
use super::{
    Kind, Op, PairedBy, Segment, Side, same_but_for_space, span_text, without_inner_stops,
};
use crate::normalize;
use crate::sentences::{CLOSERS, DATE_WORDS, NOT_LAST, RUNS_ON, Sentence, ends_sentence};

/// Fewest words of a glued sentence.
const GLUED_WORDS: usize = 4;

/// Verbs of saying that introduce a quotation ([`sentence_like`]).
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "asked",
    "replied",
    "wrote",
    "stated",
    "declared",
    "insisted",
    "explained",
];

/// How many wire sentences next to a passage's, all cut by the outlet, a glued sentence may
/// be drawn from the last of.
const REACH: usize = 3;

/// Where to cut an adapted sentence ([`glued_cuts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cut {
    /// Byte offset in the adapted text.
    pub at: usize,
    /// Whether the glued sentence follows the cut (it precedes it otherwise).
    pub glued_after: bool,
    /// The wire sentences the glued part is drawn from, if any, as (original, first
    /// sentence, past the last): a removed sentence, the wire's next (previous, when glued
    /// before); or, for a merge of wire sentences that lost a full stop, those of the
    /// passage's that the other part is not a whole copy of.
    pub wire: Option<(usize, usize, usize)>,
}

/// Where a sentence of the outlet's own ends or begins inside a reworded passage, in the
/// order of the text, each once. A glued sentence with half its content words or more in a
/// removed wire sentence may be wire copy: it is cut off, to be paired with that sentence,
/// when that is the wire's next one (previous, glued before), or the first past a few the
/// outlet cut there too; elsewhere, not cut, since only aligning again could pair it. A cut
/// next to a name (which may run on) is made only for such a copy. Where no sentence of the
/// outlet's own is found, a merge of wire sentences is cut where a whole copy of its first
/// (or last) ends ([`split_merge`]).
pub fn glued_cuts(segments: &[Segment], originals: &[Side<'_>], adapted: Side<'_>) -> Vec<Cut> {
    let mut cuts = Vec::new();
    // The removed sentences' content words, read once the first cut is found.
    let mut removed: Option<Vec<Removed>> = None;
    for seg in segments {
        if seg.kind != Kind::Reworded {
            continue;
        }
        let (Some(a), Some((s, o))) = (&seg.adapted, &seg.original) else {
            continue;
        };
        let (Some(first), Some(last)) = (
            adapted.sentences.get(a.start),
            adapted.sentences.get(a.end.wrapping_sub(1)),
        ) else {
            continue;
        };
        let text = span_text(adapted, a);
        let original = span_text(originals[*s], o);
        let edits = Edits::of(seg, text);
        // A wire sentence copied whole is looked for only where the edits insert a glued
        // sentence's worth of words at once. The cut falls inside the passage's last (or
        // first) sentence, not between two.
        let long_insert = (edits.runs.iter())
            .any(|r| r.0 == Op::Insert && r.2.split_whitespace().nth(GLUED_WORDS - 1).is_some());
        let whole = |at_end: bool| {
            long_insert
                .then(|| copied_whole(text, original, at_end))
                .flatten()
        };
        // With `names` None, a glued sentence may open with a name of the wire or follow one
        // ("…the court was told Melanie Simpson, defending, said…"): such a cut is kept only
        // when the glued part is drawn from the wire sentence next to this one, cut there.
        let tail_with = |names| {
            (edits.tail(text, original, names))
                .or_else(|| tail_at(text, whole(false)?, original, names))
                .filter(|&at| first.start + at > last.start)
                .map(|at| (at, true, &text[at..], Some(o.end), names.is_none()))
        };
        let lead_with = |names| {
            (edits.lead(text, original, names))
                .or_else(|| lead_at(text, whole(true)?, original, names))
                .filter(|&at| first.start + at < first.end)
                .map(|at| {
                    (
                        at,
                        false,
                        &text[..at],
                        o.start.checked_sub(1),
                        names.is_none(),
                    )
                })
        };
        let tail = tail_with(Some(originals)).or_else(|| tail_with(None));
        let lead = lead_with(Some(originals)).or_else(|| lead_with(None));
        let mut found = false;
        // The wire sentences, between the sentences glued on.
        let mut within = 0..text.len();
        for (at, glued_after, glued, next, named) in tail.into_iter().chain(lead) {
            let removed = removed.get_or_insert_with(|| removed_words(segments, originals));
            // Two words at least: one ("fat") says nothing of where a sentence came from.
            let words = content_words(glued);
            let like: Vec<(usize, usize)> = (removed.iter())
                .filter(|(_, theirs)| {
                    let n = shared(&words, theirs);
                    n >= 2 && n * 2 >= words.len()
                })
                .map(|r| r.0)
                .collect();
            // The wire sentence next to the passage's, or the first like it past sentences
            // the outlet cut there too ("…a businessman Mr White agreed…", where the wire
            // went on "If the article had not… Mr White agreed…").
            let cut_too = |k: usize| removed.iter().any(|r| r.0 == (*s, k));
            let copy_of = next.and_then(|n| {
                let mut k = n;
                for _ in 0..REACH {
                    if like.contains(&(*s, k)) {
                        return Some((*s, k));
                    }
                    if !cut_too(k) {
                        return None;
                    }
                    k = if glued_after {
                        k + 1
                    } else {
                        k.checked_sub(1)?
                    };
                }
                None
            });
            if (!like.is_empty() || named) && copy_of.is_none() {
                continue;
            }
            found = true;
            if glued_after {
                within.end = at;
            } else {
                within.start = at;
            }
            cuts.push(Cut {
                at: first.start + at,
                glued_after,
                wire: copy_of.map(|(o, i)| (o, i, i + 1)),
            });
        }
        if a.len() == 1 && o.len() > 1 {
            let held = (*s, o.clone());
            let mut merge = edits.lost_stops(text, held.clone(), originals, within);
            if merge.is_empty() && !found {
                merge.extend(split_merge(text, held, originals));
            }
            cuts.extend(merge.into_iter().map(|mut c| {
                c.at += first.start;
                c
            }));
        }
    }
    cuts.sort_unstable();
    cuts.dedup_by_key(|c| c.at);
    cuts
}

/// Where to cut `text`, one adapted sentence paired with the wire sentences `held`, when it
/// opens with a whole copy of the first of them (or closes with one of the last) and goes
/// on into a sentence of its own, with no sentence break: the page lost the full stop
/// between a wire sentence it kept and one it reworded. The copy is then unchanged, and the
/// rest a rewording of the other wire sentences. The offset is in `text`.
fn split_merge(
    text: &str,
    (o, held): (usize, Range<usize>),
    originals: &[Side<'_>],
) -> Option<Cut> {
    let side = originals[o];
    let sentence = |i: usize| side.sentences[i].text(side.doc);
    // What precedes the cut ends a sentence ("…allies, and Instead, voters…" is a merge).
    let starts_a_sentence = |at: usize| {
        let before = text[..at].trim_end().trim_end_matches(CLOSERS);
        let last = before.rsplit(char::is_whitespace).next().unwrap_or(before);
        first_word(&text[at..]).is_some_and(starts_upper)
            && !before.ends_with(RUNS_ON)
            && !NOT_LAST.contains(&normalize::fold(last).as_str())
    };
    if let Some(at) = copied_whole(text, sentence(held.start), false)
        && starts_a_sentence(at)
    {
        return Some(Cut {
            at,
            glued_after: true,
            wire: Some((o, held.start + 1, held.end)),
        });
    }
    let at = copied_whole(text, sentence(held.end - 1), true)?;
    starts_a_sentence(at).then_some(Cut {
        at,
        glued_after: false,
        wire: Some((o, held.start, held.end - 1)),
    })
}

/// A removed sentence, as (original, sentence), with its content words.
type Removed = ((usize, usize), Vec<String>);

/// The removed sentences of `segments`.
fn removed_words(segments: &[Segment], originals: &[Side<'_>]) -> Vec<Removed> {
    (segments.iter())
        .filter(|s| s.kind == Kind::Removed)
        .filter_map(|s| {
            let (o, r) = s.original.as_ref()?;
            let words = content_words(span_text(originals[*o], r));
            Some(((*o, r.start), words))
        })
        .collect()
}

/// The passages of `segments`, aligned on the adapted sentences `before`, once `adapted`'s
/// sentences are those cut at `cuts` ([`crate::sentences::cut_at`]), without aligning again:
/// each glued sentence an inserted passage, or paired with the wire sentences it is drawn
/// from ([`Cut::wire`]); the wire sentence it was glued to paired as before, less those
/// (unchanged when its words are now the wire's, its edits worked out again otherwise);
/// every sentence index moved past the new sentences.
pub fn cut_passages(
    segments: Vec<Segment>,
    cuts: &[Cut],
    before: &[Sentence],
    originals: &[Side<'_>],
    adapted: Side<'_>,
) -> Vec<Segment> {
    let after = adapted.sentences;
    // Each sentence before the cut, as its first piece after it.
    let mut first_piece = Vec::with_capacity(before.len() + 1);
    let mut j = 0;
    for s in before {
        while after.get(j).is_some_and(|t| t.start < s.start) {
            j += 1;
        }
        first_piece.push(j);
    }
    first_piece.push(after.len());
    // The glued pieces, by index after the cut, and the wire sentences each is drawn from.
    let mut glued: Vec<Option<Option<(usize, usize, usize)>>> = vec![None; after.len()];
    for c in cuts {
        let k = after.partition_point(|t| t.start < c.at);
        if after.get(k).is_none_or(|t| t.start != c.at) || k == 0 {
            continue;
        }
        glued[if c.glued_after { k } else { k - 1 }] = Some(c.wire);
    }
    let drawn: Vec<(usize, usize, usize)> = cuts.iter().filter_map(|c| c.wire).collect();
    let mut differ = WordDiffer::new();
    let mut pair = |seg: Segment, held: (usize, Range<usize>), wire: Range<usize>| {
        paired(&mut differ, seg, (originals, held), (adapted, wire))
    };
    let mut out = Vec::with_capacity(segments.len() + cuts.len());
    for mut seg in segments {
        if seg.kind == Kind::Removed
            && let Some((o, r)) = &seg.original
            && drawn.contains(&(*o, r.start, r.end))
        {
            continue;
        }
        let Some(a) = seg.adapted.clone() else {
            out.push(seg);
            continue;
        };
        let r = first_piece[a.start]..first_piece[a.end];
        let is_glued = |p: &usize| glued[*p].is_some();
        // The wire sentence's own pieces: all but those glued on before and after them (a
        // piece glued on between two of them stays theirs). None when nothing was cut off.
        let main = (r.clone().find(|p| !is_glued(p)))
            .map(|first| {
                let last = r.clone().rev().find(|p| !is_glued(p)).unwrap_or(first);
                first..last + 1
            })
            .filter(|main| *main != r);
        let held = seg.original.clone();
        let (Some((o, mut held)), Some(wire), Kind::Reworded) = (held, main, seg.kind) else {
            seg.adapted = Some(r);
            out.push(seg);
            continue;
        };
        // Wire sentences of the passage's own that a glued piece takes, from the outside in.
        let outside_in = (r.start..wire.start).chain((wire.end..r.end).rev());
        for piece in outside_in {
            if let Some(Some((po, from, to))) = glued[piece]
                && po == o
                && held.start <= from
                && to <= held.end
                && to - from < held.len()
            {
                if from == held.start {
                    held.start = to;
                } else if to == held.end {
                    held.end = from;
                }
            }
        }
        let mut glued_piece = |piece: usize| match glued[piece].flatten() {
            Some((o, from, to)) => pair(
                Segment::bare(Kind::Reworded),
                (o, from..to),
                piece..piece + 1,
            ),
            None => Segment {
                adapted: Some(piece..piece + 1),
                ..Segment::bare(Kind::Inserted)
            },
        };
        let before: Vec<Segment> = (r.start..wire.start).map(&mut glued_piece).collect();
        let after: Vec<Segment> = (wire.end..r.end).map(&mut glued_piece).collect();
        out.extend(before);
        out.push(pair(seg, (o, held), wire));
        out.extend(after);
    }
    out
}

/// `seg` paired as `held` (an original and its sentences) and `wire` (adapted sentences):
/// unchanged when their words are the same, reworded with its edits otherwise.
fn paired<'t>(
    differ: &mut WordDiffer<'t>,
    mut seg: Segment,
    (originals, (o, held)): (&[Side<'t>], (usize, Range<usize>)),
    (adapted, wire): (Side<'t>, Range<usize>),
) -> Segment {
    let (old, new) = (span_text(originals[o], &held), span_text(adapted, &wire));
    // Wire sentences run together are the same when only their full stops were lost, not
    // when one became a semicolon.
    let same = if held.len() > 1 {
        let [mut x, mut y, mut a, mut b] = Default::default();
        without_inner_stops(originals[o], &held, &mut x);
        without_inner_stops(adapted, &wire, &mut y);
        same_but_for_space(&x, &y, &mut a, &mut b)
    } else {
        normalize::key(old) == normalize::key(new)
    };
    if same {
        seg.kind = Kind::Unchanged;
        seg.similarity = Some(1.0);
        seg.changes = Vec::new();
        seg.paired_by = None;
    } else {
        seg.kind = Kind::Reworded;
        seg.similarity = Some(overlap(old, new));
        seg.changes = differ.changes(old, new);
        seg.paired_by.get_or_insert(PairedBy::Words);
    }
    seg.adapted = Some(wire);
    seg.original = Some((o, held));
    seg
}

/// The plain overlap (Dice) of the distinct words of `x` and `y`, to three places: the
/// aligner's weights are gone by the time a passage is cut.
fn overlap(x: &str, y: &str) -> f64 {
    let (mut x, mut y) = (normalize::words(x), normalize::words(y));
    for w in [&mut x, &mut y] {
        w.sort_unstable();
        w.dedup();
    }
    let shared = x.iter().filter(|w| y.binary_search(w).is_ok()).count();
    let total = x.len() + y.len();
    if total == 0 {
        return 0.0;
    }
    (2000.0 * shared as f64 / total as f64).round() / 1000.0
}

/// The words of `text` but function words.
fn content_words(text: &str) -> Vec<String> {
    let mut words = normalize::words(text);
    words.retain(|w| !is_stopword(w));
    words
}

/// A passage's word edits, each with where its text starts in the adapted passage (`None`
/// for deletions), and whether it has a word.
struct Edits<'s> {
    runs: Vec<(Op, Option<usize>, &'s str, bool)>,
}

impl<'s> Edits<'s> {
    fn of(seg: &'s Segment, text: &str) -> Self {
        let mut at = 0;
        let mut runs = Vec::with_capacity(seg.changes.len());
        for c in &seg.changes {
            let wordy = c.text.chars().any(char::is_alphanumeric);
            if c.op == Op::Delete {
                runs.push((c.op, None, c.text.as_str(), wordy));
                continue;
            }
            // The kept and added text is the adapted passage, in order.
            if text.get(at..at + c.text.len()) != Some(c.text.as_str()) {
                return Edits { runs: Vec::new() };
            }
            runs.push((c.op, Some(at), c.text.as_str(), wordy));
            at += c.text.len();
        }
        Edits { runs }
    }

    /// Where a sentence glued after the wire sentence's last word starts in `text`.
    fn tail(&self, text: &str, original: &str, names: Option<&[Side<'_>]>) -> Option<usize> {
        let runs = &self.runs;
        // The last edit with a word is an insertion, and the last run with a word before it
        // is kept text: the original's last word.
        let k = runs.iter().rposition(|r| r.3)?;
        let (Op::Insert, Some(at), inserted, _) = runs[k] else {
            return None;
        };
        let before = runs[..k].iter().rposition(|r| r.3)?;
        // The words the insertion follows: the wire's, kept or deleted.
        let (op, _, prior, _) = runs[before];
        let cut = match op {
            Op::Equal => inserted.len() - inserted.trim_start().len(),
            // The wire sentence's last words replaced, and the glued sentence after them, in
            // one insertion ("…at a [-time.-]{+clip The trek will…+}").
            Op::Delete => early_capital(inserted, prior.split_whitespace().count())?,
            Op::Insert => return None,
        };
        tail_at(text, at + cut, original, names).or_else(|| {
            // The wire sentence's last word or two kept, but inside the glued sentence, after
            // an insertion that replaced them and opened it ("…at a {+clip The trek will
            // feature … for the first +}time{+ in 25 years+}."), the kept text before it.
            let kept = prior.split_whitespace().count();
            if op != Op::Equal || kept > 2 {
                return None;
            }
            let b = runs[..before].iter().rposition(|r| r.3)?;
            let (Op::Insert, Some(at), glued, _) = runs[b] else {
                return None;
            };
            let b = runs[..b].iter().rposition(|r| r.3)?;
            if runs[b].0 != Op::Equal || glued.split_whitespace().nth(GLUED_WORDS - 1).is_none() {
                return None;
            }
            tail_at(text, at + early_capital(glued, kept)?, original, names)
        })
    }

    /// Where to cut `text`, one adapted sentence paired with the wire sentences `held`, all
    /// or some reworded, at the full stops the page lost between them: the deletions of
    /// nothing but a terminal mark, between kept text and a capital ("…I was making[-.-] It
    /// was a…"), in the part of `text` that is `within` (between the sentences glued on),
    /// with the words after each more alike the wire sentence it opens than the one before.
    /// With one such deletion for each pair of wire sentences next to each other, each part
    /// is one wire sentence; with fewer, a part opens the wire sentence whose first word the
    /// deleted mark is counted before (the wire's words kept or deleted before it), and may
    /// hold more than one.
    fn lost_stops(
        &self,
        text: &str,
        (o, held): (usize, Range<usize>),
        originals: &[Side<'_>],
        within: Range<usize>,
    ) -> Vec<Cut> {
        let runs = &self.runs;
        // The cuts, each with the run of the full stop deleted.
        let mut found = Vec::new();
        for (d, run) in runs.iter().enumerate() {
            let stop = run.0 == Op::Delete
                && !run.2.trim().is_empty()
                && run
                    .2
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '.' | '!' | '?' | '…'));
            let before = runs[..d].iter().rposition(|r| r.3 || r.0 != Op::Delete);
            let (Some(b), Some(next)) = (before, runs.get(d + 1)) else {
                continue;
            };
            let (Op::Equal, Some(_), kept, _) = runs[b] else {
                continue;
            };
            let Some(at) = next.1 else {
                continue;
            };
            let gap = next.2.len() - next.2.trim_start().len();
            let at = at + gap;
            if !stop || gap == 0 || !kept.ends_with(char::is_alphanumeric) {
                continue;
            }
            if at <= within.start || at >= within.end {
                continue;
            }
            if !first_word(&text[at..]).is_some_and(starts_upper) {
                return Vec::new();
            }
            found.push((at, d));
        }
        let side = originals[o];
        let opens: Option<Vec<usize>> = if found.len() + 1 == held.len() {
            Some((held.start + 1..held.end).collect())
        } else {
            // Each cut opens the wire sentence that starts after as many words of the wire
            // as the runs before it kept or deleted, if one does.
            let mut starts = Vec::with_capacity(held.len());
            let mut n = 0;
            for i in held.start..held.end - 1 {
                n += normalize::word_count(side.sentences[i].text(side.doc));
                starts.push(n);
            }
            let wire_words = |d: usize| -> usize {
                (runs[..d].iter())
                    .filter(|r| r.0 != Op::Insert)
                    .map(|r| normalize::word_count(r.2))
                    .sum()
            };
            (found.iter())
                .map(|&(_, d)| {
                    let k = starts.iter().position(|&n| n == wire_words(d))?;
                    Some(held.start + k + 1)
                })
                .collect()
        };
        let Some(opens) = opens.filter(|v| !v.is_empty() && v.is_sorted_by(|a, b| a < b)) else {
            return Vec::new();
        };
        let words = |i: usize| content_words(side.sentences[i].text(side.doc));
        let ends = found.iter().skip(1).map(|f| f.0).chain([within.end]);
        let upto = opens.iter().skip(1).copied().chain([held.end]);
        let mut cuts = Vec::with_capacity(found.len());
        for (((&(at, _), end), i), to) in
            found.iter().zip(ends).zip(opens.iter().copied()).zip(upto)
        {
            let piece = content_words(&text[at..end]);
            if shared(&piece, &words(i)) <= shared(&piece, &words(i - 1)) {
                return Vec::new();
            }
            cuts.push(Cut {
                at,
                glued_after: true,
                wire: Some((o, i, to)),
            });
        }
        cuts
    }

    /// Where the wire sentence starts in `text` after a sentence glued before it.
    fn lead(&self, text: &str, original: &str, names: Option<&[Side<'_>]>) -> Option<usize> {
        let runs = &self.runs;
        let k = runs.iter().position(|r| r.3)?;
        if runs[k].0 != Op::Insert {
            return None;
        }
        // The first kept text with a word, with no word of the original dropped before it.
        let e = k + runs[k..].iter().position(|r| r.3 && r.0 != Op::Insert)?;
        let (Op::Equal, Some(at), kept, _) = runs[e] else {
            return None;
        };
        let cut = at + (kept.len() - kept.trim_start().len());
        lead_at(text, cut, original, names)
    }
}

/// Where a sentence glued on opens in `inserted`, an insertion that replaced the wire
/// sentence's last `replaced` words and went on: the first capital past its first word and
/// at most `replaced` + 1 words further, not after a word that runs on ("officers from
/// Scotland Yard").
fn early_capital(inserted: &str, replaced: usize) -> Option<usize> {
    let mut words = inserted
        .char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && inserted[..i].ends_with(char::is_whitespace)
                && !inserted[..i].trim().is_empty()
        })
        .take(replaced + 2);
    let at = words.find(|&(i, _)| starts_upper(&inserted[i..]))?.0;
    let before = inserted[..at].trim_end();
    let last = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    (!NOT_LAST.contains(&normalize::fold(last).as_str())).then_some(at)
}

/// `cut`, where a sentence glued after the wire sentence would start in `text`, if one does.
/// With `names`, the originals, it neither follows a name nor opens with one of theirs;
/// without, it may.
fn tail_at(text: &str, cut: usize, original: &str, names: Option<&[Side<'_>]>) -> Option<usize> {
    let (head, tail) = text.split_at(cut);
    if !(head.ends_with(char::is_whitespace)) {
        return None;
    }
    let head = head.trim_end();
    let last = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    // Names run on ("London Bridge"); a day or a date does not end one. A function word
    // does not go on a name, nor does an adverb that opens a sentence ("…Guarantee Corp
    // Still, there'll be…", "…Manchester United Hopefully they…").
    let names_run_on = starts_upper(last) && !is_calendar(last) && head.len() > last.len();
    let first = first_word(tail)?;
    if names.is_some()
        && names_run_on
        && !is_stopword(&normalize::fold(first))
        && !opens_with_adverb(tail, first)
    {
        return None;
    }
    // A colon ends the head when it ends the wire sentence too: a line of its own ("The
    // Latest on … (all times local):") the page ran on into a sentence.
    let head = if original.trim_end().ends_with(':') {
        head.trim_end_matches(':')
    } else {
        head
    };
    (sentence_like(head, tail, first, names) && new_to(tail, original)).then_some(cut)
}

/// Adverbs that open a sentence before a comma ("Still, there'll be…"); a name in apposition
/// takes a comma too ("…insurers Zurich Commercial, expected to…").
const OPENING_ADVERBS: &[&str] = &[
    "still",
    "meanwhile",
    "instead",
    "indeed",
    "besides",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "overall",
    "however",
    "otherwise",
    "now",
    "then",
    "later",
    "earlier",
    "today",
    "yesterday",
    "separately",
    "elsewhere",
];

/// Whether `text`, whose first word is `first`, opens with an adverb of a sentence's own:
/// one of [`OPENING_ADVERBS`] and a comma, or one of six letters or more ending in "ly"
/// ("Hopefully they…").
fn opens_with_adverb(text: &str, first: &str) -> bool {
    let after = past_opening_quotes(text);
    let folded = normalize::fold(first);
    (after[first.len()..].starts_with(',') && OPENING_ADVERBS.contains(&folded.as_str()))
        || (first.len() >= 6 && folded.ends_with("ly"))
}

/// `cut`, where the wire sentence would start in `text` after a sentence glued before it, if
/// one is. With `names`, the originals, the wire sentence does not open with a name (one
/// of theirs, or two words with capitals); without, it may.
fn lead_at(text: &str, cut: usize, original: &str, names: Option<&[Side<'_>]>) -> Option<usize> {
    let (head, rest) = text.split_at(cut);
    let head = head.trim_end();
    let last = head.rsplit(char::is_whitespace).next().unwrap_or(head);
    // A sentence ends on a word of its own, not on "in" or a name running on.
    if head.is_empty() || starts_upper(last) || NOT_LAST.contains(&normalize::fold(last).as_str()) {
        return None;
    }
    let first = first_word(rest)?;
    let second = rest.split_whitespace().nth(1).unwrap_or("");
    let stop = is_stopword(&normalize::fold(first));
    if names.is_some() && !stop && starts_upper(second) {
        return None;
    }
    (sentence_like(head, rest, first, names) && new_to(head, original)).then_some(cut)
}

/// Where `text` goes on past a copy of all of `original` that opens it, or, with `at_end`,
/// where such a copy that closes it starts: whatever the word edits made of the pair, a wire
/// sentence copied whole with more run on to it. A copy has the same letters and digits, in
/// small letters, and ends (or starts) at a word's edge; the cut is where the next word
/// starts. The letters are compared from the edge in, so most passages are told apart at
/// their first edit.
fn copied_whole(text: &str, original: &str, at_end: bool) -> Option<usize> {
    let i = if at_end {
        copy_edge(text.char_indices().rev(), original.chars().rev())
    } else {
        copy_edge(text.char_indices(), original.chars())
    };
    let i = i?;
    if at_end {
        // The copy starts at `i`: a word starts there, after white space and opening marks.
        let before =
            text[..i].trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
        if !before.ends_with(char::is_whitespace) || before.trim_end().is_empty() {
            return None;
        }
        Some(before.len())
    } else {
        // The copy ends with the char at `i`: the word ends there, then marks and white space.
        let after = &text[i..];
        let after = &after[after.chars().next().map_or(0, char::len_utf8)..];
        let rest = after.trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace());
        let next = rest.trim_start();
        if next.len() == rest.len() || next.is_empty() {
            return None;
        }
        Some(text.len() - next.len())
    }
}

/// Where in `ours` (chars with their byte offsets) the letters and digits of `theirs`, in
/// small letters, end, if `ours` opens with all of them.
fn copy_edge(
    ours: impl Iterator<Item = (usize, char)>,
    theirs: impl Iterator<Item = char>,
) -> Option<usize> {
    let fold = |c: char| {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let mut ours = ours.filter(|(_, c)| c.is_alphanumeric());
    let mut edge = None;
    for c in theirs.filter(|c| c.is_alphanumeric()) {
        let (i, d) = ours.next()?;
        if fold(c) != fold(d) {
            return None;
        }
        edge = Some(i);
    }
    edge
}

/// Whether `head` ends, and `rest` (whose first word is `first`) starts, a sentence: no
/// comma or terminal mark at the end of `head` (the splitter read that one), a capital
/// that is not a name of the wire, a day or a month, and a glued part of a sentence's length.
fn sentence_like(head: &str, rest: &str, first: &str, names: Option<&[Side<'_>]>) -> bool {
    let end = head.trim_end_matches(CLOSERS);
    if end.ends_with(RUNS_ON) || ends_sentence(head) || end.ends_with(':') {
        return false;
    }
    if !starts_upper(first) || is_calendar(first) {
        return false;
    }
    // A quotation after a verb of saying is what the verb introduces ("…as 'very
    // disturbing', he said 'From everything we have heard…'"), not a sentence of its own.
    const QUOTES: [char; 7] = ['"', '“', '‘', '\'', '«', '„', '`'];
    let quoted = rest.trim_start().starts_with(QUOTES) || head.trim_end().ends_with(QUOTES);
    let said = || {
        (head.trim_end().trim_end_matches(QUOTES).trim_end())
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| SAYING.contains(&normalize::fold(w).as_str()))
    };
    if quoted && said() {
        return false;
    }
    if let Some(originals) = names
        && !is_stopword(&normalize::fold(first))
        && named_in(first, originals)
    {
        return false;
    }
    normalize::word_count(head) >= GLUED_WORDS && normalize::word_count(rest) >= GLUED_WORDS
}

/// Whether fewer than half of the content words of `part` are in `original`: a part the
/// outlet wrote, not a clause of the wire sentence moved.
fn new_to(part: &str, original: &str) -> bool {
    !half_in(&content_words(part), &normalize::words(original))
}

/// Whether half of `ours` or more are in `theirs`.
fn half_in(ours: &[String], theirs: &[String]) -> bool {
    shared(ours, theirs) * 2 >= ours.len()
}

/// How many of `ours` are in `theirs`.
fn shared(ours: &[String], theirs: &[String]) -> usize {
    ours.iter().filter(|w| theirs.contains(w)).count()
}

/// `text` past its leading white space and opening quote marks.
fn past_opening_quotes(text: &str) -> &str {
    text.trim_start()
        .trim_start_matches(['"', '“', '‘', '\'', '«', '„'])
}

/// The first word of `text`, past opening quotes and brackets.
fn first_word(text: &str) -> Option<&str> {
    let t = past_opening_quotes(text);
    let end = t.find(|c: char| !c.is_alphanumeric()).unwrap_or(t.len());
    (end > 0).then_some(&t[..end])
}

fn starts_upper(w: &str) -> bool {
    w.trim_start_matches(['"', '“', '‘', '\'', '(', '['])
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

fn is_calendar(w: &str) -> bool {
    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
    DATE_WORDS.contains(&w)
}

/// Whether the originals write `word` as written past the first word of a sentence: a name
/// ("Smith said…" may run on from "Detective Inspector John").
fn named_in(word: &str, originals: &[Side<'_>]) -> bool {
    originals.iter().any(|side| {
        let text = side.doc.text.as_str();
        let b = text.as_bytes();
        let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
        memchr::memmem::find_iter(b, word.as_bytes()).any(|at| {
            if (at > 0 && alnum(at - 1)) || alnum(at + word.len()) {
                return false;
            }
            let k = side.sentences.partition_point(|s| s.start <= at);
            let from = k.checked_sub(1).map_or(0, |k| side.sentences[k].start);
            text.get(from..at)
                .is_some_and(|t| t.chars().any(char::is_alphanumeric))
        })
    })
}

#[cfg(test)]
mod tests;
