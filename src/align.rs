//! Stage 4, **align**: which adapted sentences are wire copy, and what happened to them.
//!
//! 1. **Backbone.** A Patience diff over normalized sentence keys ([`crate::normalize`])
//!    finds the unchanged sentences in order, one original at a time; sentences whose key
//!    appears elsewhere are matched too (and will be flagged as moved). `similar` does each
//!    diff: Myers over the keys found once on each side, cut into stretches that hold the
//!    same keys on both sides (so that a long document's many moves do not make it
//!    quadratic), then Myers over each gap between those anchors.
//! 2. **Rewordings.** The remaining sentences are paired by weighted word overlap (rare words
//!    weigh more). Candidates come from an index of shared rare words, never from all pairs, so
//!    the cost stays linear in document length. A pair that sits in the same gap of the
//!    backbone on both sides ("in place") needs less overlap than one that would be a move.
//! 3. **Splits and merges.** A reworded pair grows by a neighbouring unpaired sentence whose
//!    words it contains, so one original sentence split in two (or two merged into one) is a
//!    single segment.
//! 4. **Moves.** Per original, the heaviest chain of matches that keeps the original order is
//!    the backbone; every other match is moved.
//! 5. **Position.** A lone unpaired sentence between two kept neighbours, facing a lone unpaired
//!    original sentence between the same neighbours, is a rewording even with few shared words
//!    (AP's "He gave no details." and "He did not elaborate."); with sentences the outlet
//!    added in the same gap, a short one next to either neighbour.
//! 6. **Paraphrase.** The sentences still unpaired are paired by the stems of their words and
//!    the runs of words they share in order (`align/paraphrase.rs`).
//!    Then the **headlines**: a line above the first kept sentence on each side, sharing
//!    two content words or more ("Traveller Crushed by Fleeing Driver Loses Compensation
//!    Bid" for "NEW AGE TRAVELLER LOSES DAMAGES CLAIM").
//! 7. **Speech tags.** A reworded pair whose only difference is a neutral speech tag ("he
//!    said") around a quotation copied word for word is unchanged (`align/tags.rs`).
//!
//! What is left is inserted (adapted side) or removed (original side).
//!
//! Then [`glued_cuts`] reads the reworded passages for a sentence of the outlet's own glued
//! onto the wire sentence with no sentence break (`align/glued.rs`); the pipeline cuts it
//! off and [`cut_passages`] works the passages out again.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_deadline};

mod glued;
mod paraphrase;
mod runs;
mod tags;
mod vocab;
mod words;

pub use glued::{cut_passages, glued_cuts};
pub use paraphrase::{evidence, evidence_of_changes};
use vocab::Vocab;
use words::{WordDiffer, whole_changes};

pub use crate::model::{Change, Fallback, Kind, Op, PairedBy, Segment, Side};
use crate::util::FastMap;

/// Tunable thresholds of the aligner. The defaults were calibrated on the evaluation pairs
/// (see `eval/README.md`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Least similarity for a reworded pair in the same backbone gap on both sides.
    pub in_place: f64,
    /// Least similarity for a reworded pair that crosses the backbone (a moved rewording).
    pub moved: f64,
    /// Least share of a sentence's word weight found among the words its neighbour's pair
    /// lacks (the other side's words not yet matched) to join that pair as a split or merge.
    pub containment: f64,
    /// Most candidates scored for each adapted sentence.
    pub candidates: usize,
    /// How long the alignment may take (from the start of the alignment). Past it, the costly
    /// steps left are cut short and cheap answers used instead, each recorded as a
    /// [`Fallback`]: every sentence is still reported. `None`: no limit.
    pub time_limit: Option<Duration>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            in_place: 0.3,
            moved: 0.5,
            containment: 0.4,
            candidates: 12,
            time_limit: None,
        }
    }
}

/// Aligns the adapted article with its originals; segments come in the adapted article's
/// order, with removed passages placed where they were cut.
#[cfg(test)]
pub fn align(originals: &[Side<'_>], adapted: Side<'_>, opts: &Options) -> Vec<Segment> {
    align_within(originals, adapted, opts).0
}

/// [`align`], with the steps that [`Options::time_limit`] cut short (none when it was not
/// reached), in the order they were cut.
pub fn align_within(
    originals: &[Side<'_>],
    adapted: Side<'_>,
    opts: &Options,
) -> (Vec<Segment>, Vec<Fallback>) {
    let deadline = opts.time_limit.map(|d| Instant::now() + d);
    let mut aligner = Aligner::new(originals, adapted, *opts);
    aligner.deadline = deadline;
    aligner.run()
}

/// How many items a loop handles between two looks at the clock.
const CLOCK_EVERY: usize = 64;

/// Most sentences a word may be in and still find candidates in [`Aligner::pair_rewordings`]
/// (fewer in short documents: a twentieth of the sentences, at least 12).
const MAX_INDEXED_DF: usize = 64;

/// A sentence of an original: (original index, sentence index).
type OriginalRef = (usize, usize);

/// Least content words an adapted sentence shares with the words a held original sentence's
/// passages left out, to be paired with it again ([`Aligner::pair_again`]).
const AGAIN_WORDS: usize = 3;

/// Least share of the adapted sentence's weight that those words make.
const AGAIN_SHARE: f64 = 0.15;

/// Rare words (in at most [`AGAIN_DF`] sentences) an adapted sentence must share with a held
/// original sentence for [`Aligner::pair_again`] to look at the pair.
const AGAIN_CANDIDATE: u32 = 2;

/// Most sentences a word may be in to find candidates in [`Aligner::pair_again`].
const AGAIN_DF: u32 = 16;

/// No matching key: a sentence with neither words nor visible text, which matches nothing.
const NO_KEY: u32 = u32::MAX;
/// Most words of a line read as a headline ([`Aligner::pair_headlines`]).
const HEADLINE_WORDS: usize = 30;
/// How far into each document a headline is looked for, in sentences: past the furniture a
/// page opens with ("Quantcast", a date), and no further, so that the step costs the same
/// whatever the length of the documents.
const HEADLINE_REACH: usize = 6;
/// Least content words two headlines share to be paired: one is often only the story's
/// name ("Putin"), which a headline of the outlet's own has too.
const HEADLINE_SHARED: usize = 2;
/// Passages under a subhead whose original sentences it may restate
/// ([`Aligner::pair_subheads`])...
const SUBHEAD_PASSAGES: usize = 3;
/// ...among this many sentences under it.
const SUBHEAD_READ: usize = 8;
/// Least content words a subhead shares with the sentence it restates: among the story's
/// sentences, its names and a word of it are everywhere ("RUDOLPH WHAT COMES NEXT" over a
/// quotation that ends "You get what's coming to you.").
const SUBHEAD_SHARED: usize = 3;

#[derive(Debug, Clone)]
/// A passage the aligner has paired: adapted sentences, and the sentences of one original
/// they come from.
struct Group {
    /// The adapted sentences.
    adapted: Range<usize>,
    /// Which original.
    source: usize,
    /// Its sentences.
    original: Range<usize>,
    /// The two sides have the same key: unchanged.
    exact: bool,
    /// Weighted word overlap of the two sides.
    similarity: f64,
    /// Off the heaviest chain that keeps the original's order.
    moved: bool,
    /// What paired them.
    by: PairedBy,
}

struct Aligner<'a> {
    originals: &'a [Side<'a>],
    adapted: Side<'a>,
    opts: Options,
    /// When the costly steps must stop ([`Options::time_limit`]).
    deadline: Option<Instant>,
    /// The steps cut short by the deadline.
    fallbacks: Vec<Fallback>,
    /// Whether the backbone diff may leave out the sentences whose key the other side
    /// lacks (always, but in the test that checks that this changes nothing).
    shared_keys_only: bool,
    /// Least length of a stretch diffed apart by the backbone ([`STRETCH`]; shorter in a
    /// test).
    stretch: usize,
    /// Each sentence's words and matching key, as ids.
    vocab: Vocab,
    /// The words, by id.
    words: Vec<std::borrow::Cow<'a, str>>,
    /// The [`Aligner::mass`] of each sentence's words, in the order of `vocab.toks`.
    masses: Vec<f64>,
    groups: Vec<Group>,
    adapted_group: Vec<Option<usize>>,
    original_group: Vec<Vec<Option<usize>>>,
}

impl<'a> Aligner<'a> {
    fn new(originals: &'a [Side<'a>], adapted: Side<'a>, opts: Options) -> Self {
        Self::build(originals, adapted, opts, true)
    }

    /// [`Aligner::new`]; `reuse` false reads every sentence's words, even where an adapted
    /// sentence with the same text was read already (for the test that shows that this
    /// changes nothing).
    fn build(originals: &'a [Side<'a>], adapted: Side<'a>, opts: Options, reuse: bool) -> Self {
        let (vocab, words) = vocab::read(originals, adapted, reuse, None);
        let original_group = originals
            .iter()
            .map(|s| vec![None; s.sentences.len()])
            .collect();
        // Each group holds at least one adapted sentence.
        let group_room = vocab.adapted_keys.len();
        let masses = (0..vocab.toks.len())
            .map(|i| mass(&vocab.weight, vocab.toks.get(i)))
            .collect();
        Aligner {
            originals,
            adapted,
            opts,
            deadline: None,
            fallbacks: Vec::new(),
            shared_keys_only: true,
            stretch: STRETCH,
            adapted_group: vec![None; vocab.adapted_keys.len()],
            vocab,
            words,
            masses,
            groups: Vec::with_capacity(group_room),
            original_group,
        }
    }

    /// True once the deadline has passed; the first time, `step` is recorded as cut short.
    fn out_of_time(&mut self, step: Fallback) -> bool {
        let late = self.deadline.is_some_and(|d| Instant::now() >= d);
        if late && !self.fallbacks.contains(&step) {
            self.fallbacks.push(step);
        }
        late
    }

    fn run(mut self) -> (Vec<Segment>, Vec<Fallback>) {
        self.backbone();
        self.exact_elsewhere();
        self.pair_runs();
        self.mark_moves();
        self.pair_rewordings();
        self.grow_splits_and_merges();
        self.join_unchanged_runs();
        self.mark_moves();
        self.pair_by_position();
        let paraphrased = self.pair_paraphrases();
        if self.pair_headlines() || paraphrased {
            self.mark_moves();
        }
        self.pair_again();
        self.pair_subheads();
        self.settle_speech_tags();
        self.settle_identical();
        self.segments()
    }

    fn adapted_words(&self, a: usize) -> &[u32] {
        self.vocab.toks.get(a)
    }

    fn original_words(&self, o: OriginalRef) -> &[u32] {
        self.vocab.toks.get(self.o_index(o))
    }

    /// The words adapted sentence `a` and original sentence `o` share, and how many of them
    /// are content words, not function words.
    fn shared_content(&self, a: usize, o: OriginalRef) -> (Vec<u32>, usize) {
        let shared = intersection(self.adapted_words(a), self.original_words(o));
        let content = (shared.iter())
            .filter(|&&t| !vocab::is_stopword(&self.words[t as usize]))
            .count();
        (shared, content)
    }

    /// Whether one of `words`, shared by adapted sentence `a` and original sentence `o`, is
    /// a content word that neither writes as a name ([`paraphrase::is_name`]: with a capital
    /// past a sentence's first word): a plain word.
    fn any_plain(&self, a: usize, o: OriginalRef, words: &[u32]) -> bool {
        let mut content = (words.iter())
            .map(|&t| &*self.words[t as usize])
            .filter(|w| !vocab::is_stopword(w))
            .peekable();
        if content.peek().is_none() {
            return false;
        }
        let side = self.originals[o.0];
        let names = [
            paraphrase::names_in(self.adapted.sentences[a].text(self.adapted.doc)),
            paraphrase::names_in(side.sentences[o.1].text(side.doc)),
        ];
        content.any(|w| !names.iter().any(|n| paraphrase::is_name(n, w)))
    }

    /// Where original sentence `o` is in `vocab.toks` (and `masses`): after the adapted
    /// sentences, then by original.
    fn o_index(&self, (s, i): OriginalRef) -> usize {
        self.vocab.adapted_keys.len() + self.vocab.original_offsets[s] + i
    }

    fn add_group(
        &mut self,
        adapted: Range<usize>,
        source: usize,
        original: Range<usize>,
        exact: bool,
        similarity: f64,
        by: PairedBy,
    ) {
        let id = self.groups.len();
        for i in adapted.clone() {
            self.adapted_group[i] = Some(id);
        }
        for i in original.clone() {
            self.original_group[source][i] = Some(id);
        }
        self.groups.push(Group {
            adapted,
            source,
            original,
            exact,
            similarity,
            moved: false,
            by,
        });
    }

    /// Pairs adapted sentence `a` with original sentence `o`, which another group holds and
    /// goes on holding: `o` is in both.
    fn add_second_group(&mut self, a: usize, (s, o): OriginalRef, similarity: f64, by: PairedBy) {
        self.adapted_group[a] = Some(self.groups.len());
        self.groups.push(Group {
            adapted: a..a + 1,
            source: s,
            original: o..o + 1,
            exact: false,
            similarity,
            moved: false,
            by,
        });
    }

    /// Step 1: Patience diff over keys, one original at a time, most-matching original first.
    fn backbone(&mut self) {
        let mut order: Vec<usize> = (0..self.originals.len()).collect();
        // Which keys the adapted article has, to rank the originals by shared sentences.
        let mut in_a = vec![false; self.vocab.key_count];
        let mut a_has_none = false;
        for &k in &self.vocab.adapted_keys {
            match in_a.get_mut(k as usize) {
                Some(seen) => *seen = true,
                None => a_has_none = true,
            }
        }
        let hits: Vec<usize> = (self.vocab.original_keys.iter())
            .map(|ks| {
                (ks.iter())
                    .filter(|&&k| in_a.get(k as usize).copied().unwrap_or(a_has_none))
                    .count()
            })
            .collect();
        order.sort_by_key(|&s| (std::cmp::Reverse(hits[s]), s));
        for s in order {
            let (adapted_keys, original_keys) =
                (&self.vocab.adapted_keys, &self.vocab.original_keys[s]);
            let free: Vec<usize> = (0..adapted_keys.len())
                .filter(|&i| self.adapted_group[i].is_none())
                .collect();
            // Only sentences whose key the other side also has can match: the diff runs on
            // those alone. The rest (new, cut and reworded sentences, and sentences without
            // words, which never match) would only lengthen the diff's gaps, where its cost
            // grows with the square of the gap.
            // Keys are ids below `key_count` (or NO_KEY): sets of them are marks.
            let shared = |has: &[bool], k: u32| k != NO_KEY && has[k as usize];
            let mut o_has = vec![false; self.vocab.key_count];
            for &k in original_keys.iter().filter(|&&k| k != NO_KEY) {
                o_has[k as usize] = true;
            }
            let a_pos: Vec<usize> = (free.iter().copied())
                .filter(|&i| shared(&o_has, adapted_keys[i]))
                .collect();
            let mut a_has = vec![false; self.vocab.key_count];
            let mut a_distinct = 0;
            for &i in &a_pos {
                let seen = std::mem::replace(&mut a_has[adapted_keys[i] as usize], true);
                a_distinct += usize::from(!seen);
            }
            let o_pos: Vec<usize> = (0..original_keys.len())
                .filter(|&i| shared(&a_has, original_keys[i]))
                .collect();
            // With a key twice on one side, which copy pairs with which may depend on the
            // sentences around them, and with several originals an earlier one's pairs
            // change what a later one sees: the diff then sees every sentence (the test
            // below found differences there).
            let repeated =
                !self.shared_keys_only || self.originals.len() > 1 || a_distinct < a_pos.len() || {
                    // The marks of the original's keys, taken off as they are counted.
                    let mut o_distinct = 0;
                    for &i in &o_pos {
                        let seen = std::mem::replace(&mut o_has[original_keys[i] as usize], false);
                        o_distinct += usize::from(seen);
                    }
                    o_distinct < o_pos.len()
                };
            let (a_pos, o_pos) = if repeated {
                (free.clone(), (0..original_keys.len()).collect())
            } else {
                (a_pos, o_pos)
            };
            // The diffs compare and hash integers, not strings. Sentences without a key never
            // match: give them keys nothing else has.
            let akeys: Vec<(u64, usize)> = a_pos
                .iter()
                .map(|&i| id_or_unique(adapted_keys[i], i, 0))
                .collect();
            let okeys: Vec<(u64, usize)> = o_pos
                .iter()
                .map(|&i| id_or_unique(original_keys[i], i, 1))
                .collect();
            let pairs = patience_in_stretches(&okeys, &akeys, self.stretch, self.deadline);
            self.out_of_time(Fallback::Backbone);
            for (o, a) in pairs {
                let (a, o) = (a_pos[a], o_pos[o]);
                self.add_group(a..a + 1, s, o..o + 1, true, 1.0, PairedBy::Words);
            }
        }
    }

    /// Step 1b: exact matches the backbone left (repeated or moved sentences).
    fn exact_elsewhere(&mut self) {
        let mut by_key: FastMap<u32, Vec<OriginalRef>> = FastMap::default();
        for (s, keys) in self.vocab.original_keys.iter().enumerate() {
            for (i, &k) in keys.iter().enumerate() {
                if self.original_group[s][i].is_none() && k != NO_KEY {
                    by_key.entry(k).or_default().push((s, i));
                }
            }
        }
        for list in by_key.values_mut() {
            list.reverse(); // pop() takes them in document order
        }
        let mut found = Vec::new();
        for a in 0..self.vocab.adapted_keys.len() {
            if self.adapted_group[a].is_some() || self.vocab.adapted_keys[a] == NO_KEY {
                continue;
            }
            if let Some(o) = by_key
                .get_mut(&self.vocab.adapted_keys[a])
                .and_then(Vec::pop)
            {
                found.push((a, o));
            }
        }
        for (a, (s, o)) in found {
            self.add_group(a..a + 1, s, o..o + 1, true, 1.0, PairedBy::Words);
        }
    }

    /// Step 4 (also run early for the provisional backbone): per original, the heaviest chain
    /// of groups in both orders stays; the rest is moved.
    fn mark_moves(&mut self) {
        for s in 0..self.originals.len() {
            // A headline stands above the story's order, and one drawn from the lead would
            // take the lead's place in it.
            let mut ids: Vec<usize> = (0..self.groups.len())
                .filter(|&g| {
                    let gr = &self.groups[g];
                    gr.source == s && !matches!(gr.by, PairedBy::Headline | PairedBy::Subhead)
                })
                .collect();
            ids.sort_by_key(|&g| self.groups[g].adapted.start);
            let keys: Vec<usize> = ids.iter().map(|&g| self.groups[g].original.start).collect();
            let weights: Vec<u64> = ids
                .iter()
                .map(|&g| {
                    let gr = &self.groups[g];
                    (gr.adapted.len() + gr.original.len()) as u64 + u64::from(gr.exact)
                })
                .collect();
            let keep = heaviest_increasing(&keys, &weights);
            // A headline sums the story up: one paired with the other side's lead, and that
            // lead's own headline with this side's lead, cross without a move ("Coogan
            // Loses Top Gear Role Over Drink-Driving Conviction" from the wire's lead, the
            // paper's lead from the wire's headline).
            let both_at_top = |gr: &Group| {
                at_top(self.adapted, gr.adapted.start)
                    && at_top(self.originals[s], gr.original.start)
            };
            for (k, &g) in ids.iter().enumerate() {
                self.groups[g].moved = !keep[k] && !both_at_top(&self.groups[g]);
            }
        }
    }

    /// Step 2: pair unmatched sentences by weighted word overlap, candidates from a rare-word
    /// index, greedily from the best pair down.
    fn pair_rewordings(&mut self) {
        let free_o: Vec<OriginalRef> = (0..self.originals.len())
            .flat_map(|s| (0..self.original_group[s].len()).map(move |i| (s, i)))
            .filter(|&(s, i)| self.original_group[s][i].is_none())
            .collect();
        let free_a: Vec<usize> = (0..self.vocab.adapted_keys.len())
            .filter(|&a| self.adapted_group[a].is_none())
            .collect();
        if free_o.is_empty() || free_a.is_empty() {
            return;
        }
        // Words in more than `common` sentences are left out of the index: they find too many
        // candidates to help, and in a long document they would make the search quadratic.
        let total = self.vocab.toks.len();
        let common = (total / 20).clamp(12, MAX_INDEXED_DF) as u32;
        let mut index: FastMap<u32, Vec<usize>> = FastMap::default();
        for (n, &o) in free_o.iter().enumerate() {
            for &t in self.original_words(o) {
                if self.vocab.df[t as usize] <= common && self.vocab.weight[t as usize] > 0.0 {
                    index.entry(t).or_default().push(n);
                }
            }
        }
        // free_o is in order of original, then sentence.
        let mut o_gap: Vec<Gap> = Vec::with_capacity(free_o.len());
        for s in 0..self.originals.len() {
            let at: Vec<usize> = (free_o.iter())
                .filter(|&&(src, _)| src == s)
                .map(|&(_, i)| i)
                .collect();
            o_gap.extend(gaps_at(&self.original_group[s], &self.groups, &at));
        }
        let a_gaps = gaps_at(&self.adapted_group, &self.groups, &free_a);
        let mut scores: Vec<f64> = vec![0.0; free_o.len()];
        let mut touched: Vec<usize> = Vec::new();
        // The weight of each word of the adapted sentence at hand, 0 for the others: its
        // similarity to a candidate is then a sum over the candidate's words alone.
        let mut weights_of_a: Vec<f64> = vec![0.0; self.vocab.weight.len()];
        // Candidate pairs: (similarity, adapted sentence, free original sentence and whether
        // the pair is in place), 16 bytes each: a long rewritten document has a dozen for
        // each of its sentences.
        let mut pairs: Vec<(f64, u32, u32)> = Vec::new();
        const IN_PLACE: u32 = 1 << 31;
        let rank = |&(sim, _, n): &(f64, u32, u32)| {
            if n & IN_PLACE != 0 { sim + 0.2 } else { sim }
        };
        for (k, &a) in free_a.iter().enumerate() {
            if k % CLOCK_EVERY == 0 && self.out_of_time(Fallback::Rewordings) {
                break;
            }
            for &t in self.adapted_words(a) {
                if let Some(list) = index.get(&t) {
                    for &n in list {
                        if scores[n] == 0.0 {
                            touched.push(n);
                        }
                        scores[n] += self.vocab.weight[t as usize];
                    }
                }
            }
            // The best `candidates` (score down, then document order), without sorting all.
            let by_score = |&x: &usize, &y: &usize| scores[y].total_cmp(&scores[x]).then(x.cmp(&y));
            let keep = self.opts.candidates.min(touched.len());
            if keep > 0 && keep < touched.len() {
                touched.select_nth_unstable_by(keep - 1, by_score);
            }
            touched[..keep].sort_by(by_score);
            for &n in &touched {
                scores[n] = 0.0;
            }
            touched.truncate(keep);
            let a_gap = a_gaps[k];
            for &t in self.adapted_words(a) {
                weights_of_a[t as usize] = self.vocab.weight[t as usize];
            }
            let a_mass = self.masses[a];
            for &n in &touched {
                let sim = self.similarity_to(&weights_of_a, a_mass, free_o[n]);
                let in_place = same_gap(a_gap, o_gap[n]);
                let need = if in_place {
                    self.opts.in_place
                } else {
                    self.opts.moved
                };
                if sim >= need {
                    let flag = if in_place { IN_PLACE } else { 0 };
                    pairs.push((sim, a as u32, n as u32 | flag));
                }
            }
            touched.clear();
            for &t in self.adapted_words(a) {
                weights_of_a[t as usize] = 0.0;
            }
        }
        // Best first, then in document order; no two pairs are equal (one per adapted sentence
        // and candidate), so the unstable sort (no scratch buffer) gives the stable order.
        pairs.sort_unstable_by(|x, y| {
            (rank(y).total_cmp(&rank(x)))
                .then(x.1.cmp(&y.1))
                .then((x.2 & !IN_PLACE).cmp(&(y.2 & !IN_PLACE)))
        });
        for (sim, a, n) in pairs {
            let (a, n) = (a as usize, (n & !IN_PLACE) as usize);
            let (s, o) = free_o[n];
            if self.adapted_group[a].is_none() && self.original_group[s][o].is_none() {
                self.add_group(a..a + 1, s, o..o + 1, false, sim, PairedBy::Words);
            }
        }
    }

    /// Step 3: grow reworded groups by neighbouring unmatched sentences they contain.
    fn grow_splits_and_merges(&mut self) {
        let min = self.opts.containment;
        for g in 0..self.groups.len() {
            if g % CLOCK_EVERY == 0 && self.out_of_time(Fallback::SplitsAndMerges) {
                break;
            }
            if self.groups[g].exact {
                continue;
            }
            loop {
                let gr = self.groups[g].clone();
                let a_t = self.union_a(&gr.adapted);
                let o_t = self.union_o(gr.source, &gr.original);
                let base = self.similarity(&a_t, &o_t);
                let mut best: Option<(f64, bool, usize)> = None; // (sim, adapted side?, index)
                let mut consider = |sim: f64, side: bool, idx: usize| {
                    if sim > base + 0.02 && best.is_none_or(|(b, _, _)| sim > b) {
                        best = Some((sim, side, idx));
                    }
                };
                let a_cands = [gr.adapted.start.checked_sub(1), Some(gr.adapted.end)];
                for a in a_cands.into_iter().flatten() {
                    if a < self.vocab.adapted_keys.len() && self.adapted_group[a].is_none() {
                        let t = self.adapted_words(a);
                        if self.containment(t, &difference(&o_t, &a_t)) >= min {
                            let merged = union(&a_t, t);
                            consider(self.similarity(&merged, &o_t), true, a);
                        }
                    }
                }
                let o_cands = [gr.original.start.checked_sub(1), Some(gr.original.end)];
                for o in o_cands.into_iter().flatten() {
                    if o < self.original_group[gr.source].len()
                        && self.original_group[gr.source][o].is_none()
                    {
                        let t = self.original_words((gr.source, o));
                        if self.containment(t, &difference(&a_t, &o_t)) >= min {
                            let merged = union(&o_t, t);
                            consider(self.similarity(&a_t, &merged), false, o);
                        }
                    }
                }
                let Some((sim, side, idx)) = best else { break };
                let gr = &mut self.groups[g];
                gr.similarity = sim;
                if side {
                    gr.adapted = gr.adapted.start.min(idx)..gr.adapted.end.max(idx + 1);
                    self.adapted_group[idx] = Some(g);
                } else {
                    gr.original = gr.original.start.min(idx)..gr.original.end.max(idx + 1);
                    self.original_group[gr.source][idx] = Some(g);
                }
            }
        }
    }

    /// Step 3b: a split or merge of lines, not of sentences, whose sides have the same words
    /// in the same order is unchanged: wire lines an outlet ran together (a list flattened
    /// into one paragraph, a heading glued to the sentence after it) or one line broken in
    /// two. So is a merge of sentences whose only edit is a full stop lost between them (a
    /// typo, or a page that ran them together: "on Monday The city will…"). Sentences merged
    /// with a semicolon stay a rewording: their full stops were edited.
    fn join_unchanged_runs(&mut self) {
        // Whether every sentence of `r` but the last is a line: it ends with no full stop,
        // question or exclamation mark.
        let lines = |side: Side<'_>, r: &Range<usize>| {
            (side.sentences[r.start..r.end - 1].iter())
                .all(|s| !crate::sentences::ends_sentence(s.text(side.doc)))
        };
        let (mut x, mut y, mut a, mut o) =
            (String::new(), String::new(), String::new(), String::new());
        for g in 0..self.groups.len() {
            let gr = &self.groups[g];
            if gr.exact || (gr.adapted.len() == 1 && gr.original.len() == 1) {
                continue;
            }
            let (a_side, o_side) = (self.adapted, self.originals[gr.source]);
            let adapted = span_text(a_side, &gr.adapted);
            let original = span_text(o_side, &gr.original);
            let same = if lines(a_side, &gr.adapted) && lines(o_side, &gr.original) {
                crate::normalize::key(adapted) == crate::normalize::key(original)
            } else {
                without_inner_stops(a_side, &gr.adapted, &mut x);
                without_inner_stops(o_side, &gr.original, &mut y);
                same_but_for_space(&x, &y, &mut a, &mut o)
            };
            if same {
                let gr = &mut self.groups[g];
                gr.exact = true;
                gr.similarity = 1.0;
            }
        }
    }

    /// Step 1b: one sentence that is a run of sentences of the other side joined with no
    /// word changed (wire lines an outlet ran together, or the other way round), paired
    /// whole ([`runs`]). Step 3b makes the pair unchanged when the sentences it joins are
    /// lines.
    fn pair_runs(&mut self) {
        // Which sentences of each side are still unpaired, as the runs found change them.
        let free =
            |slots: &[Option<usize>]| -> Vec<bool> { slots.iter().map(Option::is_none).collect() };
        for s in 0..self.originals.len() {
            let (a_free, o_free) = (free(&self.adapted_group), free(&self.original_group[s]));
            let joined_a = runs::runs(self.adapted, &a_free, self.originals[s], &o_free);
            for (a, o) in joined_a {
                let sim = self.similarity(self.adapted_words(a), &self.union_o(s, &o));
                self.add_group(a..a + 1, s, o, false, sim, PairedBy::Words);
            }
            let (a_free, o_free) = (free(&self.adapted_group), free(&self.original_group[s]));
            let joined_o = runs::runs(self.originals[s], &o_free, self.adapted, &a_free);
            for (o, a) in joined_o {
                let sim = self.similarity(&self.union_a(&a), self.original_words((s, o)));
                self.add_group(a, s, o..o + 1, false, sim, PairedBy::Words);
            }
        }
    }

    /// Step 5: a lone unmatched adapted sentence facing a lone unmatched original sentence
    /// between the same two kept neighbours is a rewording.
    fn pair_by_position(&mut self) {
        let mut found = Vec::new();
        let n = self.vocab.adapted_keys.len();
        let free: Vec<usize> = (0..n)
            .filter(|&a| self.adapted_group[a].is_none())
            .collect();
        let gaps = gaps_at(&self.adapted_group, &self.groups, &free);
        let mut j = 0;
        while j < free.len() {
            let (prev, next) = gaps[j];
            // The unmatched adapted sentences between the same neighbours: this one and the
            // next ones before `hi` (none before it, or they would have been met first).
            let hi = next.map_or(n, |g| self.groups[g].adapted.start);
            let k = j + free[j..].partition_point(|&a| a < hi);
            let lone_a = &free[j..k];
            j = k.max(j + 1);
            // Several unmatched adapted sentences: the one right after the kept neighbour
            // may still take a cut sentence's place, as a short replacement followed by
            // sentences the outlet added ("He did not elaborate." and then new paragraphs).
            let first_of_several = lone_a.len() > 1;
            if lone_a.is_empty() || (first_of_several && prev.is_none()) {
                continue;
            }
            let src = match (prev, next) {
                (Some(p), Some(q)) if self.groups[p].source == self.groups[q].source => {
                    self.groups[p].source
                }
                (Some(p), None) => self.groups[p].source,
                (None, Some(q)) => self.groups[q].source,
                _ => continue,
            };
            let o_lo = prev.map_or(0, |g| self.groups[g].original.end);
            let o_hi = next.map_or(self.original_group[src].len(), |g| {
                self.groups[g].original.start
            });
            if o_lo > o_hi {
                continue;
            }
            let lone_o: Vec<usize> = (o_lo..o_hi)
                .filter(|&i| self.original_group[src][i].is_none())
                .collect();
            if lone_o.len() != 1 {
                continue;
            }
            let oi = lone_o[0];
            let o_words = self.original_words((src, oi)).len();
            // Several: the one right after the kept neighbour, else the one right before
            // the next.
            let ends = if first_of_several && next.is_some() {
                &[lone_a[0], lone_a[lone_a.len() - 1]][..]
            } else {
                &lone_a[..1]
            };
            for &ai in ends {
                let a_words = self.adapted_words(ai).len();
                let ratio = a_words.max(o_words) as f64 / a_words.min(o_words).max(1) as f64;
                let sim = self.similarity(self.adapted_words(ai), self.original_words((src, oi)));
                // Short one-for-one replacements may share no word at all ("He gave no
                // details." / "He did not elaborate."); longer ones must share two content
                // words, one a plain word, not a name: a sentence of the outlet's own put
                // where it cut one shares the story's names with it, and a word or so.
                let short = a_words.max(o_words) <= 8 && ratio <= 2.0;
                let shares_two = || {
                    let (shared, content) = self.shared_content(ai, (src, oi));
                    content >= 2 && self.any_plain(ai, (src, oi), &shared)
                };
                // Sharing no word, both are sentences or both lines: a list line or a table
                // row the outlet cut is not reworded as a sentence of its own.
                let same_form = || {
                    let ends_sentence = |side: Side<'_>, i: usize| {
                        crate::sentences::ends_sentence(side.sentences[i].text(side.doc))
                    };
                    ends_sentence(self.adapted, ai) == ends_sentence(self.originals[src], oi)
                };
                let alike = if first_of_several {
                    short && (sim > 0.0 || (a_words.max(o_words) <= 5 && same_form()))
                } else {
                    ratio <= 2.5
                        && ((short && (sim > 0.0 || same_form())) || (sim >= 0.1 && shares_two()))
                };
                if alike {
                    found.push((ai, src, oi, sim));
                    break;
                }
            }
        }
        for (a, s, o, sim) in found {
            self.add_group(a..a + 1, s, o..o + 1, false, sim, PairedBy::Position);
        }
    }

    /// Step 6: the sentences still unpaired, paired by the stems and the runs of words they
    /// share ([`paraphrase`]). True if it paired any.
    fn pair_paraphrases(&mut self) -> bool {
        let free_a: Vec<usize> = (0..self.adapted_group.len())
            .filter(|&a| self.adapted_group[a].is_none())
            .collect();
        let free_o: Vec<OriginalRef> = (0..self.originals.len())
            .flat_map(|s| (0..self.original_group[s].len()).map(move |i| (s, i)))
            .filter(|&(s, i)| self.original_group[s][i].is_none())
            .collect();
        if free_a.is_empty() || free_o.is_empty() || self.out_of_time(Fallback::Rewordings) {
            return false;
        }
        let adapted = self.adapted;
        let a_side: Vec<paraphrase::Unpaired<'_>> = (free_a.iter())
            .map(|&a| {
                (
                    adapted.sentences[a].text(adapted.doc),
                    self.adapted_words(a),
                )
            })
            .collect();
        let o_side: Vec<paraphrase::Unpaired<'_>> = (free_o.iter())
            .map(|&(s, i)| {
                let text = self.originals[s].sentences[i].text(self.originals[s].doc);
                (text, self.original_words((s, i)))
            })
            .collect();
        let found = paraphrase::pair(&self.words, &a_side, &o_side);
        for p in &found {
            let ((s, o), a) = (free_o[p.original], free_a[p.adapted]);
            self.add_group(a..a + 1, s, o..o + 1, false, p.similarity, PairedBy::Stems);
        }
        !found.is_empty()
    }

    /// Step 6b: the headlines. An outlet rewrites the wire's headline more freely than any
    /// sentence ("Traveller Crushed by Fleeing Driver Loses Compensation Bid" for "NEW AGE
    /// TRAVELLER LOSES DAMAGES CLAIM"), or writes its own from the wire's lead ("Bolton
    /// schoolgirl Helen, nine, lands role of Rosie in Coronation Street"), and above the
    /// first kept sentence a byline or a dateline keeps it from being the only sentence left
    /// between neighbours. A heading of the adapted article's masthead ([`in_masthead`]),
    /// above every paired sentence and so still unpaired, is paired with a heading of an
    /// original (among its first sentences, above every paired one) when they share
    /// [`HEADLINE_SHARED`] content words: the one sharing most. Failing that, it is paired
    /// with the lead of an original, its first sentence that is not a heading, when it
    /// restates it ([`paraphrase::restates`]); the lead stays in its own passage too. True
    /// if it paired one.
    fn pair_headlines(&mut self) -> bool {
        let above = |slots: &[Option<usize>]| slots.iter().position(Option::is_some);
        let Some(top_a) = above(&self.adapted_group) else {
            return false;
        };
        // (to a heading, shared content words, adapted, source, original)
        let mut best: Option<(bool, usize, usize, usize, usize)> = None;
        let mut consider = |candidate: (bool, usize, usize, usize, usize)| {
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
            }
        };
        for a in (0..top_a).filter(|&a| in_masthead(self.adapted, a)) {
            for s in 0..self.originals.len() {
                let side = self.originals[s];
                let slots = &self.original_group[s];
                let top_o = above(slots).unwrap_or(slots.len()).min(HEADLINE_REACH);
                for o in (0..top_o).filter(|&o| is_heading(side, o)) {
                    let (_, content) = self.shared_content(a, (s, o));
                    if content >= HEADLINE_SHARED {
                        consider((true, content, a, s, o));
                    }
                }
                let reach = slots.len().min(HEADLINE_REACH);
                if let Some(lead) = (0..reach).find(|&o| !is_heading(side, o)) {
                    let headline = self.adapted.sentences[a].text(self.adapted.doc);
                    if paraphrase::restates(headline, side.sentences[lead].text(side.doc)) {
                        let (_, content) = self.shared_content(a, (s, lead));
                        consider((false, content, a, s, lead));
                    }
                }
            }
        }
        let Some((_, _, a, s, o)) = best else {
            return false;
        };
        let sim = self.similarity(self.adapted_words(a), self.original_words((s, o)));
        if self.original_group[s][o].is_none() {
            self.add_group(a..a + 1, s, o..o + 1, false, sim, PairedBy::Headline);
        } else {
            // The lead, held by its own passage: the headline's passage holds it too.
            self.add_second_group(a, (s, o), sim, PairedBy::Headline);
        }
        true
    }

    /// Step 7: an adapted sentence still unpaired, drawn from an original sentence that a
    /// passage already holds: the article made two sentences of one, far apart ("He denies
    /// five charges of contaminating goods." from the sentence another passage took the
    /// singing from). It must share at least [`AGAIN_WORDS`] content words with the part of
    /// the original sentence that the passages holding it left out, and those words must
    /// make [`AGAIN_SHARE`] of its weight (rare words weigh more). The original sentence stays
    /// in its first passage too; this one is paired [`PairedBy::Again`] and never moved.
    /// Candidates come from the unpaired sentences' rare words, as in the other steps.
    fn pair_again(&mut self) {
        let free: Vec<usize> = (0..self.adapted_group.len())
            .filter(|&a| self.adapted_group[a].is_none())
            .collect();
        if free.is_empty() || self.groups.is_empty() || self.out_of_time(Fallback::Rewordings) {
            return;
        }
        let content = |t: u32| !vocab::is_stopword(&self.words[t as usize]);
        let rare = |t: u32| self.vocab.df[t as usize] <= AGAIN_DF;
        let mut wanted = vec![false; self.vocab.weight.len()];
        for &a in &free {
            for &t in self.adapted_words(a) {
                wanted[t as usize] |= content(t) && rare(t);
            }
        }
        // Held original sentences by the wanted words they have.
        let mut postings: FastMap<u32, Vec<OriginalRef>> = FastMap::default();
        for s in 0..self.originals.len() {
            for i in 0..self.original_group[s].len() {
                if self.original_group[s][i].is_none() {
                    continue;
                }
                for &t in self.original_words((s, i)) {
                    if wanted[t as usize] {
                        postings.entry(t).or_default().push((s, i));
                    }
                }
            }
        }
        // The words each held sentence's passages took, grown as passages are added here.
        let mut taken: FastMap<OriginalRef, Vec<u32>> = FastMap::default();
        let mut found = Vec::new();
        for &a in &free {
            let words = self.adapted_words(a);
            let mut hits: FastMap<OriginalRef, u32> = FastMap::default();
            for t in words {
                for &o in postings.get(t).map_or(&[][..], Vec::as_slice) {
                    *hits.entry(o).or_default() += 1;
                }
            }
            let a_mass = self.mass(words);
            let mut best: Option<(f64, OriginalRef)> = None;
            let mut candidates: Vec<OriginalRef> = (hits.into_iter())
                .filter(|&(_, n)| n >= AGAIN_CANDIDATE)
                .map(|(o, _)| o)
                .collect();
            candidates.sort_unstable();
            for o in candidates {
                let held = taken.entry(o).or_insert_with(|| {
                    let g = &self.groups[self.original_group[o.0][o.1].expect("held")];
                    self.union_a(&g.adapted)
                });
                let left = difference(self.original_words(o), held);
                let shared = intersection(words, &left);
                let count = shared.iter().filter(|&&t| content(t)).count();
                let share = self.mass(&shared) / a_mass.max(f64::MIN_POSITIVE);
                if count >= AGAIN_WORDS
                    && share >= AGAIN_SHARE
                    && best.is_none_or(|(b, _)| share > b)
                {
                    // One of them a plain word, not a name: a sentence of the outlet's own
                    // about "the Shanghai Cooperation Organization" shares three words with
                    // any wire sentence that names it.
                    if self.any_plain(a, o, &shared) {
                        best = Some((share, o));
                    }
                }
            }
            if let Some((_, o)) = best {
                let sim = self.similarity(words, self.original_words(o));
                let held = taken.get_mut(&o).expect("a candidate's words");
                *held = union(held, words);
                found.push((a, o, sim));
            }
        }
        for (a, o, sim) in found {
            self.add_second_group(a, o, sim, PairedBy::Again);
        }
    }

    /// Step 7b: subheads. A heading below the top of the adapted article ([`is_heading`],
    /// not [`at_top`]) with no end mark, still unpaired, that restates
    /// ([`paraphrase::restates`]) an original sentence that one of the [`SUBHEAD_PASSAGES`]
    /// passages right under it draws on, and shares [`SUBHEAD_SHARED`] content words with
    /// it, is paired with that sentence ([`PairedBy::Subhead`]), which stays in its passage
    /// too: an outlet's "Jagger To Co-Write The Long Play" over its paragraph on "The
    /// Rolling Stone is to co-write The Long Play with Scorsese". The one sharing most
    /// content words is taken. Each subhead reads a few sentences under it, so the step
    /// costs the same for every subhead.
    fn pair_subheads(&mut self) {
        let n = self.adapted_group.len();
        let mut found = Vec::new();
        for a in 0..n {
            if self.adapted_group[a].is_some()
                || at_top(self.adapted, a)
                || !is_heading(self.adapted, a)
            {
                continue;
            }
            // A question or an exclamation in a paragraph of its own is as often a line of
            // prose ("…said: 'Who knows what the future will hold for us?").
            let subhead = self.adapted.sentences[a].text(self.adapted.doc);
            if crate::sentences::ends_sentence(subhead) {
                continue;
            }
            let mut best: Option<(usize, OriginalRef)> = None;
            let mut passages = 0;
            for b in (a + 1..n).take(SUBHEAD_READ) {
                if is_heading(self.adapted, b) {
                    break;
                }
                let Some(g) = self.adapted_group[b] else {
                    continue;
                };
                if self.groups[g].adapted.start != b {
                    continue;
                }
                let (s, range) = (self.groups[g].source, self.groups[g].original.clone());
                for o in range {
                    let side = self.originals[s];
                    if paraphrase::restates(subhead, side.sentences[o].text(side.doc)) {
                        let (_, content) = self.shared_content(a, (s, o));
                        if content >= SUBHEAD_SHARED && best.is_none_or(|(c, _)| content > c) {
                            best = Some((content, (s, o)));
                        }
                    }
                }
                passages += 1;
                if passages == SUBHEAD_PASSAGES {
                    break;
                }
            }
            if let Some((_, o)) = best {
                let sim = self.similarity(self.adapted_words(a), self.original_words(o));
                found.push((a, o, sim));
            }
        }
        for (a, o, sim) in found {
            self.add_second_group(a, o, sim, PairedBy::Subhead);
        }
    }

    /// Step 8: a reworded pair that differs only by a neutral speech tag around a quotation
    /// copied word for word ("He said: 'We …" for "\`\`We …", or "Mr Tait said:" when the wire
    /// names Mr Tait), or by the speaker of reported speech (a pronoun for a name the wire
    /// has), is unchanged ([`tags`]).
    fn settle_speech_tags(&mut self) {
        let mut wires: Vec<tags::WireWords<'_>> = (self.originals.iter())
            .map(|o| tags::WireWords::new(&o.doc.text))
            .collect();
        for g in &mut self.groups {
            // A bare tag is a few light words: a pair that shares less than half of its
            // weighted words differs by more than that.
            if g.exact || g.similarity < 0.5 {
                continue;
            }
            let original = span_text(self.originals[g.source], &g.original);
            let adapted = span_text(self.adapted, &g.adapted);
            if tags::same_but_for_tags(original, adapted, &mut wires[g.source]) {
                g.exact = true;
                g.similarity = 1.0;
            }
        }
    }

    /// Step 9: a pair whose two sides are the same text but for white space, quote marks,
    /// dashes and case is unchanged, however the sentences were cut: wire sentences a page
    /// ran into one paragraph that the sentence rules could not cut apart ("…wider-body
    /// A350. Emirates is…"), a sentence cut where the wire broke a paragraph. A reworded
    /// passage is never one without edits.
    fn settle_identical(&mut self) {
        let (mut a, mut o) = (String::new(), String::new());
        for g in &mut self.groups {
            // Sides with the same words have a similarity of 1.
            if g.exact || g.similarity < 1.0 - 1e-9 {
                continue;
            }
            let (x, y) = (
                span_text(self.adapted, &g.adapted),
                span_text(self.originals[g.source], &g.original),
            );
            if same_but_for_space(x, y, &mut a, &mut o) {
                g.exact = true;
            }
        }
    }

    fn union_a(&self, r: &Range<usize>) -> Vec<u32> {
        r.clone()
            .fold(Vec::new(), |acc, i| union(&acc, self.adapted_words(i)))
    }

    fn union_o(&self, s: usize, r: &Range<usize>) -> Vec<u32> {
        r.clone().fold(Vec::new(), |acc, i| {
            union(&acc, self.original_words((s, i)))
        })
    }

    fn mass(&self, t: &[u32]) -> f64 {
        mass(&self.vocab.weight, t)
    }

    fn shared(&self, x: &[u32], y: &[u32]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.vocab.weight[x[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Weighted Dice coefficient of two token sets.
    fn similarity(&self, x: &[u32], y: &[u32]) -> f64 {
        let total = self.mass(x) + self.mass(y);
        if total == 0.0 {
            0.0
        } else {
            2.0 * self.shared(x, y) / total
        }
    }

    /// [`Aligner::similarity`] of an adapted sentence, given as the weight of each of its
    /// words (0 for the others) and their sum, and original sentence `o`: the same sums in
    /// the same order (words in order of id, adding 0 for the others changes nothing), so
    /// the same value to the last bit.
    fn similarity_to(&self, weights_of_a: &[f64], a_mass: f64, o: OriginalRef) -> f64 {
        let total = a_mass + self.masses[self.o_index(o)];
        if total == 0.0 {
            return 0.0;
        }
        let shared =
            (self.original_words(o).iter()).fold(0.0, |sum, &t| sum + weights_of_a[t as usize]);
        2.0 * shared / total
    }

    /// Share of `part`'s weight found in `whole`.
    fn containment(&self, part: &[u32], whole: &[u32]) -> f64 {
        let m = self.mass(part);
        if m == 0.0 {
            0.0
        } else {
            self.shared(part, whole) / m
        }
    }

    fn segments(mut self) -> (Vec<Segment>, Vec<Fallback>) {
        // Sort key: (adapted position, phase, original, sentence); phase 0 = before the
        // passage at that position, 1 = the passage, 2 = after it.
        // At most one item for each group and each sentence left out of them: reserved at
        // once rather than grown (and copied) by doubling.
        let left_out = (self.adapted_group.iter())
            .chain(self.original_group.iter().flatten())
            .filter(|g| g.is_none())
            .count();
        let mut items: Vec<((usize, u8, usize, usize), Segment)> =
            Vec::with_capacity(self.groups.len() + left_out);
        let mut late = false;
        let deadline = self.deadline;
        let mut differ = WordDiffer::new();
        for (n, g) in self.groups.iter().enumerate() {
            let kind = if g.exact {
                Kind::Unchanged
            } else {
                Kind::Reworded
            };
            if !late && n % CLOCK_EVERY == 0 {
                late = deadline.is_some_and(|d| Instant::now() >= d);
            }
            let (old, new) = (
                span_text(self.originals[g.source], &g.original),
                span_text(self.adapted, &g.adapted),
            );
            let changes = if g.exact {
                Vec::new()
            } else if late {
                whole_changes(old, new)
            } else {
                differ.changes(old, new)
            };
            items.push((
                (g.adapted.start, 1, 0, 0),
                Segment {
                    kind,
                    moved: g.moved,
                    similarity: Some(round3(g.similarity)),
                    adapted: Some(g.adapted.clone()),
                    original: Some((g.source, g.original.clone())),
                    changes,
                    paired_by: (!g.exact).then_some(g.by),
                    furniture: None,
                    signals: Vec::new(),
                    truncated: false,
                },
            ));
        }
        for a in 0..self.vocab.adapted_keys.len() {
            if self.adapted_group[a].is_none() {
                items.push((
                    (a, 1, 0, 0),
                    Segment {
                        adapted: Some(a..a + 1),
                        ..Segment::bare(Kind::Inserted)
                    },
                ));
            }
        }
        for s in 0..self.originals.len() {
            let removed: Vec<usize> = (0..self.original_group[s].len())
                .filter(|&i| self.original_group[s][i].is_none())
                .collect();
            let gaps = gaps_at(&self.original_group[s], &self.groups, &removed);
            for (&i, &(prev, next)) in removed.iter().zip(&gaps) {
                let key = match (prev, next) {
                    (Some(g), _) => (self.groups[g].adapted.start, 2, s, i),
                    (None, Some(g)) => (self.groups[g].adapted.start, 0, s, i),
                    (None, None) => (usize::MAX, 2, s, i),
                };
                items.push((
                    key,
                    Segment {
                        original: Some((s, i..i + 1)),
                        ..Segment::bare(Kind::Removed)
                    },
                ));
            }
        }
        if late {
            self.fallbacks.push(Fallback::WordEdits);
        }
        // The keys are distinct (groups and inserted sentences by their adapted sentence,
        // removed ones by their original sentence): an unstable sort, which needs no buffer,
        // orders them as a stable one would.
        items.sort_unstable_by_key(|(k, _)| *k);
        let segments = items.into_iter().map(|(_, seg)| seg).collect();
        (segments, self.fallbacks)
    }
}

/// The summed weight of the words `t` (ids into `weight`).
fn mass(weight: &[f64], t: &[u32]) -> f64 {
    t.iter().map(|&i| weight[i as usize]).sum()
}

/// Whether sentence `i` of `side` is a heading: of [`HEADLINE_WORDS`] words at most, in a
/// paragraph of up to three such sentences where none ends with a full stop (a headline, a
/// byline, a dateline; "Who Won The Ratings War? Blind Date Ratings Revealed").
fn is_heading(side: Side<'_>, i: usize) -> bool {
    let all = side.sentences;
    let p = all[i].paragraph;
    // No more than four sentences looked at either way: a long paragraph costs no more.
    let low = i.saturating_sub(3);
    let first = (low..i)
        .rev()
        .find(|&j| all[j].paragraph != p)
        .map_or(low, |j| j + 1);
    let reach = all.len().min(i + 4);
    let end = (i + 1..reach)
        .find(|&j| all[j].paragraph != p)
        .unwrap_or(reach);
    let words = |j: usize| crate::normalize::word_count(all[j].text(side.doc));
    let whole = (first == 0 || all[first - 1].paragraph != p)
        && all.get(end).is_none_or(|next| next.paragraph != p);
    whole
        && end - first <= 3
        && (2..=HEADLINE_WORDS).contains(&words(i))
        && (first..end).map(words).sum::<usize>() <= HEADLINE_WORDS
        && (first..end).all(|j| !crate::sentences::ends_with_full_stop(all[j].text(side.doc)))
}

/// Whether sentence `i` of `side` is in its masthead: among the first [`HEADLINE_REACH`]
/// sentences, a heading with only headings above it ([`is_heading`]).
fn in_masthead(side: Side<'_>, i: usize) -> bool {
    at_top(side, i) && is_heading(side, i)
}

/// Whether sentence `i` of `side` is at its top: among the first [`HEADLINE_REACH`]
/// sentences, with only headings above it (the headline, or the lead under it).
fn at_top(side: Side<'_>, i: usize) -> bool {
    i < HEADLINE_REACH && (0..i).all(|j| is_heading(side, j))
}

/// The text a range of sentences covers, from the first one's start to the last one's end.
pub fn span_text<'a>(side: Side<'a>, r: &Range<usize>) -> &'a str {
    let (start, end) = span_bytes(side, r);
    &side.doc.text[start..end]
}

/// The byte span a range of sentences covers.
pub fn span_bytes(side: Side<'_>, r: &Range<usize>) -> (usize, usize) {
    (side.sentences[r.start].start, side.sentences[r.end - 1].end)
}

fn id_or_unique(key: u32, i: usize, side: usize) -> (u64, usize) {
    if key == NO_KEY {
        (u64::MAX, i * 2 + side + 1)
    } else {
        (u64::from(key), 0)
    }
}

/// The (old, new) index pairs of the equal runs of a diff.
fn equal_pairs(ops: Vec<DiffOp>) -> impl Iterator<Item = (usize, usize)> {
    ops.into_iter().flat_map(|op| {
        let (o, n, len) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (old_index, new_index, len),
            _ => (0, 0, 0),
        };
        (0..len).map(move |k| (o + k, n + k))
    })
}

/// Least length of a stretch that [`same_key_stretches`] ends.
const STRETCH: usize = 256;

/// The pairs (`old` index, `new` index) that a Patience diff of `old` and `new` matches, in
/// order, with `similar` doing each diff: a Myers diff of the keys found once on each side
/// (the anchors), then one of each gap between anchors, as `similar`'s Patience does. The
/// anchors' diff runs on stretches that hold the same keys on both sides
/// ([`same_key_stretches`], at least `stretch` long), apart: its cost grows with its length
/// times its edits, and the moves of a long document grow with the document, so that one
/// diff of them all would cost the square of its length.
fn patience_in_stretches<K: Eq + std::hash::Hash>(
    old: &[K],
    new: &[K],
    stretch: usize,
    deadline: Option<Instant>,
) -> Vec<(usize, usize)> {
    // For each key: how often on each side (counting stops at 2).
    let mut seen: FastMap<&K, [u8; 2]> = FastMap::default();
    for (side, keys) in [old, new].into_iter().enumerate() {
        for k in keys {
            let count = &mut seen.entry(k).or_insert([0; 2])[side];
            *count = count.saturating_add(1).min(2);
        }
    }
    let once = |k: &K| seen.get(k) == Some(&[1, 1]);
    let o_once: Vec<usize> = (0..old.len()).filter(|&i| once(&old[i])).collect();
    let n_once: Vec<usize> = (0..new.len()).filter(|&i| once(&new[i])).collect();
    let original_keys: Vec<&K> = o_once.iter().map(|&i| &old[i]).collect();
    let n_keys: Vec<&K> = n_once.iter().map(|&i| &new[i]).collect();
    drop(seen);
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (o_range, n_range) in same_key_stretches(&original_keys, &n_keys, stretch) {
        let ops = capture_diff_deadline(
            Algorithm::Myers,
            &original_keys,
            o_range,
            &n_keys,
            n_range,
            deadline,
        );
        anchors.extend(equal_pairs(ops).map(|(o, n)| (o_once[o], n_once[n])));
    }
    // The gaps before, between and after the anchors.
    let mut pairs = Vec::with_capacity(anchors.len());
    let (mut o_at, mut n_at) = (0, 0);
    let ends = std::iter::once((old.len(), new.len()));
    for (o, n) in anchors.iter().copied().chain(ends) {
        if o > o_at && n > n_at {
            let ops = capture_diff_deadline(Algorithm::Myers, old, o_at..o, new, n_at..n, deadline);
            pairs.extend(equal_pairs(ops));
        }
        if o < old.len() {
            pairs.push((o, n));
        }
        (o_at, n_at) = (o + 1, n + 1);
    }
    pairs
}

/// Where two sequences that hold the same keys, each once, can be diffed apart: consecutive
/// pairs of ranges, one of `old` and one of `new` in the same place, that hold the same keys
/// (the first `k` keys of both are the same set: every key before such a cut on one side is
/// before it on the other). Each stretch is at least `min` long, but the last, and ends at
/// the first cut past that. Sequences that do not hold the same keys are one stretch.
fn same_key_stretches<K: Eq + std::hash::Hash>(
    old: &[K],
    new: &[K],
    min: usize,
) -> Vec<(Range<usize>, Range<usize>)> {
    let whole = vec![(0..old.len(), 0..new.len())];
    if old.len() != new.len() {
        return whole;
    }
    let at: FastMap<&K, usize> = new.iter().enumerate().map(|(i, k)| (k, i)).collect();
    if at.len() != new.len() {
        return whole;
    }
    let mut out = Vec::new();
    let (mut start, mut reach) = (0, 0);
    for (i, k) in old.iter().enumerate() {
        let Some(&j) = at.get(k) else { return whole };
        reach = reach.max(j);
        if reach == i && i + 1 - start >= min {
            out.push((start..i + 1, start..i + 1));
            start = i + 1;
        }
    }
    if start < old.len() {
        out.push((start..old.len(), start..new.len()));
    }
    out
}

/// The nearest non-moved groups before and after a sentence.
type Gap = (Option<usize>, Option<usize>);

/// The [`Gap`] of each sentence `at` (in order) of one document whose sentences' groups are
/// `slots`, in two linear passes: a table for the few sentences asked about, not for all of
/// a long document's.
fn gaps_at(slots: &[Option<usize>], groups: &[Group], at: &[usize]) -> Vec<Gap> {
    let anchor = |slot: Option<usize>| slot.filter(|&g| !groups[g].moved);
    let mut out = vec![(None, None); at.len()];
    let (mut last, mut k) = (None, 0);
    for (i, &slot) in slots.iter().enumerate() {
        while k < at.len() && at[k] == i {
            out[k].0 = last;
            k += 1;
        }
        last = anchor(slot).or(last);
    }
    let (mut last, mut k) = (None, at.len());
    for (i, &slot) in slots.iter().enumerate().rev() {
        while k > 0 && at[k - 1] == i {
            out[k - 1].1 = last;
            k -= 1;
        }
        last = anchor(slot).or(last);
    }
    out
}

/// The sentences `r` of `side` into `out`, the terminal mark of each but the last left out
/// (closing quote marks kept), one space between them.
pub(crate) fn without_inner_stops(side: Side<'_>, r: &Range<usize>, out: &mut String) {
    out.clear();
    for i in r.clone() {
        let text = side.sentences[i].text(side.doc).trim_end();
        if i + 1 == r.end {
            out.push_str(text);
            break;
        }
        let open = text.trim_end_matches(crate::sentences::CLOSERS);
        let stop = open.trim_end_matches(['.', '!', '?', '…']);
        out.push_str(stop);
        out.push_str(&text[open.len()..]);
        out.push(' ');
    }
}

/// Whether `x` and `y` are the same text but for white space and quote marks (of any kind:
/// a British paper's '…' against "…", PA's ``…''), and dashes and case as
/// [`crate::normalize::fold`] folds them. Compared ASCII byte by byte first, up to the first
/// quote mark, as most texts that differ do so in ASCII; `a` and `o` are buffers for the
/// rest.
pub(crate) fn same_but_for_space(x: &str, y: &str, a: &mut String, o: &mut String) -> bool {
    let (xs, ys) = (x.bytes(), y.bytes());
    let solid = |b: &u8| !b.is_ascii_whitespace();
    let quote = |b: u8| matches!(b, b'"' | b'\'' | b'`');
    for (p, q) in xs.filter(solid).zip(ys.filter(solid)) {
        if !p.is_ascii() || !q.is_ascii() || quote(p) || quote(q) {
            break;
        }
        if !p.eq_ignore_ascii_case(&q) {
            return false;
        }
    }
    let fold = |t: &str, out: &mut String| {
        out.clear();
        crate::normalize::fold_into(t, out);
        out.retain(|c| !c.is_whitespace() && c != '\'' && c != '"');
    };
    fold(x, a);
    fold(y, o);
    a == o
}

fn same_gap(a: Gap, o: Gap) -> bool {
    (a.0.is_some() && a.0 == o.0) || (a.1.is_some() && a.1 == o.1) || (a == (None, None))
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The tokens of `x` that are not in `y` (both sorted).
fn difference(x: &[u32], y: &[u32]) -> Vec<u32> {
    x.iter()
        .copied()
        .filter(|t| y.binary_search(t).is_err())
        .collect()
}

/// The tokens of `x` that are in `y` (both sorted).
fn intersection(x: &[u32], y: &[u32]) -> Vec<u32> {
    x.iter()
        .copied()
        .filter(|t| y.binary_search(t).is_ok())
        .collect()
}

fn union(x: &[u32], y: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        if j >= y.len() || (i < x.len() && x[i] < y[j]) {
            out.push(x[i]);
            i += 1;
        } else if i >= x.len() || y[j] < x[i] {
            out.push(y[j]);
            j += 1;
        } else {
            out.push(x[i]);
            i += 1;
            j += 1;
        }
    }
    out
}

/// For a sequence of keys with weights, marks the members of a heaviest strictly increasing
/// subsequence (O(n log n) with a Fenwick tree over key ranks). Ties keep the earliest.
fn heaviest_increasing(keys: &[usize], weights: &[u64]) -> Vec<bool> {
    let n = keys.len();
    let mut ranks: Vec<usize> = keys.to_vec();
    ranks.sort_unstable();
    ranks.dedup();
    let rank = |k: usize| ranks.binary_search(&k).expect("present") + 1;
    // tree[r] = (best total, index of the element ending it) over ranks <= r
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); ranks.len() + 1];
    let mut best = vec![0u64; n];
    let mut parent = vec![usize::MAX; n];
    for i in 0..n {
        let r = rank(keys[i]);
        // query prefix max over ranks < r
        let (mut q, mut at) = (0u64, usize::MAX);
        let mut k = r - 1;
        while k > 0 {
            if tree[k].0 > q {
                (q, at) = tree[k];
            }
            k &= k - 1;
        }
        best[i] = q + weights[i];
        parent[i] = at;
        let mut k = r;
        while k <= ranks.len() {
            if best[i] > tree[k].0 {
                tree[k] = (best[i], i);
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut keep = vec![false; n];
    let mut end = (0..n).fold(None, |acc: Option<usize>, i| match acc {
        Some(j) if best[j] >= best[i] => Some(j),
        _ => Some(i),
    });
    while let Some(i) = end {
        keep[i] = true;
        end = (parent[i] != usize::MAX).then_some(parent[i]);
    }
    keep
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod candidate_tests;

#[cfg(test)]
mod growth_tests;

#[cfg(test)]
mod deadline_tests;

#[cfg(test)]
mod backbone_tests;
