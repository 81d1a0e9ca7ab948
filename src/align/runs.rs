//! Step 1b of the aligner, **runs of lines**: one sentence on one side that is a run of
//! sentences of the other, joined with no word changed. Pages run wire lines together: a
//! table or a list flattened into one paragraph, a heading glued to the sentence under it.
//! Such a sentence shares too little with any one line to be paired with it, and a run of
//! many lines is no split or merge that grows from one pair. It is found whole instead: the
//! first sentence of the run is a line (no full stop ends it) that the joined sentence
//! starts with, and the keys of the run, one after the other, make the joined sentence's key.
//!
//! Lines are found by a hash of their first two tokens (of their one token, for a heading of
//! one word), so the cost is two look-ups for each unpaired sentence, and keys are made only
//! for the sentences that start as a line does.

use std::ops::Range;

use super::Side;
use crate::normalize::{self, LooseTokens};
use crate::sentences::ends_sentence;
use crate::util::FastMap;

/// Tokens that index a line of more than one: "Police Chief" finds fewer sentences than
/// "Police".
const START_TOKENS: usize = 2;
/// Lines with the same first tokens tried for one joined sentence.
const TRIES: usize = 4;

/// The runs of `lines`' sentences that a sentence of `joined` is made of: for each, the
/// joined sentence and the run (two sentences or more). Only sentences marked free on each
/// side are read, and each is in one run at most.
pub(super) fn runs(
    joined: Side<'_>,
    joined_free: &[bool],
    lines: Side<'_>,
    lines_free: &[bool],
) -> Vec<(usize, Range<usize>)> {
    let n = lines.sentences.len();
    // Free lines followed by a free sentence, by the hash of their first tokens (of their
    // one token, for a heading of one word: "Speakers").
    let mut starts: FastMap<(usize, u64), Vec<usize>> = FastMap::default();
    for i in 0..n.saturating_sub(1) {
        if !lines_free[i] || !lines_free[i + 1] {
            continue;
        }
        let text = lines.sentences[i].text(lines.doc);
        if ends_sentence(text) {
            continue;
        }
        let mut tokens = LooseTokens::new(text);
        let Some((first, _)) = tokens.next() else {
            continue;
        };
        let start = match tokens.nth(START_TOKENS - 2) {
            Some((h, _)) => (START_TOKENS, h),
            None => (1, first),
        };
        starts.entry(start).or_default().push(i);
    }
    if starts.is_empty() {
        return Vec::new();
    }
    let mut taken = vec![false; n];
    // Each line's count of tokens and their hash, when first needed.
    let mut line_hashes: Vec<Option<(usize, u64)>> = vec![None; n];
    let mut out = Vec::new();
    for (j, s) in joined.sentences.iter().enumerate() {
        if !joined_free[j] {
            continue;
        }
        let text = s.text(joined.doc);
        let mut tokens = LooseTokens::new(text);
        let Some((first, _)) = tokens.next() else {
            continue;
        };
        let second = tokens.nth(START_TOKENS - 2).map(|(h, _)| (START_TOKENS, h));
        // Lines already in a run are passed over before the few tried are counted: a table
        // a page ran into several paragraphs has rows that all start alike.
        let candidates: Vec<usize> = [Some((1, first)), second]
            .into_iter()
            .flatten()
            .filter_map(|start| starts.get(&start))
            .flat_map(|c| c.iter().filter(|&&i| !taken[i]).take(TRIES).copied())
            .collect();
        let mut key: Option<String> = None;
        for i in candidates {
            // The line must be the first tokens of the joined sentence, alike but for marks
            // and case, before any key is made.
            let (count, all) = *line_hashes[i]
                .get_or_insert_with(|| LooseTokens::whole(lines.sentences[i].text(lines.doc)));
            if count == 0 || LooseTokens::new(text).nth(count - 1).map(|(h, _)| h) != Some(all) {
                continue;
            }
            let key = key.get_or_insert_with(|| normalize::key(text));
            if let Some(end) = run_from(key, lines, i, |k| lines_free[k] && !taken[k]) {
                taken[i..end].iter_mut().for_each(|t| *t = true);
                out.push((j, i..end));
                break;
            }
        }
    }
    out
}

/// Where the run of `lines`' sentences from `i` whose keys, joined by spaces, make `key`
/// ends (two sentences or more), if there is one; `usable` tells which sentences may be in
/// it.
fn run_from(key: &str, lines: Side<'_>, i: usize, usable: impl Fn(usize) -> bool) -> Option<usize> {
    let mut joined = String::with_capacity(key.len());
    let mut k = i;
    while k < lines.sentences.len() && usable(k) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(&normalize::key(lines.sentences[k].text(lines.doc)));
        if !key.starts_with(joined.as_str()) {
            return None;
        }
        k += 1;
        if joined.len() == key.len() {
            return (k - i >= 2).then_some(k);
        }
        if key.as_bytes()[joined.len()] != b' ' {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests;
