//! The aligner's view of the words: each sentence's distinct words as ids, each word's
//! weight, and each sentence's matching key ([`normalize::key`]) as an id, all read in one
//! pass over the words of each distinct sentence. A long document's sentences are read on
//! several threads ([`par::map_runs`]), each with word ids of its own, then given the ids
//! one thread would have given them (the order words are first met), so that nothing
//! depends on how the work was split.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};

use super::{NO_KEY, Side};
use crate::normalize;
use crate::util::par;
use crate::util::{FastMap, FxHasher};

/// The part of a key a word stands for, when it stands for none (an honorific, a word of a
/// percentage: [`normalize::is_unkeyed`]).
const SKIP: u32 = u32::MAX;

/// Matching keys ([`normalize::key`]) as ids, without building the key strings: equal keys
/// get equal ids, in order of first appearance. A key of words is the sequence of its words'
/// parts (each distinct word's American spelling, unkeyed words left out), each part an id
/// shared by every word spelled alike; a sentence without such words is keyed by its folded
/// text, as [`normalize::key`] does. The two kinds never meet: a folded text holds no word
/// but unkeyed ones, a key of words at least one other word.
#[derive(Default)]
struct KeyInterner {
    /// Each distinct word's part, by word id (the order words were first met), or [`SKIP`]:
    /// a word that is its own American spelling has its own id as its part, unless a
    /// respelling met earlier already stands for it.
    part_of: Vec<u32>,
    /// By word id: whether the word is its own spelling (and keyed).
    own_spelling: Vec<bool>,
    /// The parts of spellings met as respellings (of "colour", say) before any word spelled
    /// so: ids counted down from [`SKIP`], below it, far above any word id.
    respelled: FastMap<Box<str>, u32>,
    /// The ids of keys of words by the hash of their parts ([`parts_hash`]): the last key
    /// met with that hash.
    by_hash: FastMap<u64, u32>,
    /// By key id: the key met before it with the same hash of parts, or [`NO_KEY`].
    same_hash: Vec<u32>,
    /// By key id: where its parts are in `parts` (nowhere, for a key of folded text).
    spans: Vec<(u32, u32)>,
    /// The parts of every key of words, one key after the other: no allocation of its own
    /// for each key.
    parts: Vec<u32>,
    /// The ids of keys of folded text.
    by_text: FastMap<String, u32>,
}

/// The hash of a sentence's key parts, by which [`KeyInterner::key`] looks it up.
fn parts_hash(parts: &[u32]) -> u64 {
    let mut h = FxHasher::default();
    parts.hash(&mut h);
    h.finish()
}

impl KeyInterner {
    /// How many distinct keys have been met.
    fn len(&self) -> usize {
        self.spans.len()
    }

    /// Records the part of word `w`, just given the next word id (`id`); `words` holds the
    /// ids of the words met so far (and maybe of later ones, which are not looked at).
    fn new_word(&mut self, w: &str, id: u32, words: &WordIds<'_>) {
        let (part, own) = if normalize::is_unkeyed(w) {
            (SKIP, false)
        } else {
            match normalize::spelling(w) {
                spelled if spelled == w => {
                    let part = if self.respelled.is_empty() {
                        id
                    } else {
                        self.respelled.get(w).copied().unwrap_or(id)
                    };
                    (part, true)
                }
                other => {
                    let part = match words.get(other.as_ref()) {
                        Some(o) if self.own_spelling.get(o as usize) == Some(&true) => {
                            self.part_of[o as usize]
                        }
                        _ => {
                            let next = SKIP - 1 - self.respelled.len() as u32;
                            *self.respelled.entry(other.into()).or_insert(next)
                        }
                    };
                    (part, false)
                }
            }
        };
        self.part_of.push(part);
        self.own_spelling.push(own);
    }

    /// The key id of sentence `s` whose words' parts are `parts` (from `part_of`, without
    /// [`SKIP`]), whose [`parts_hash`] is `hash`.
    fn key(&mut self, parts: &[u32], hash: u64, s: &str) -> u32 {
        let next = self.len() as u32;
        if parts.is_empty() {
            let mut text = normalize::fold(s);
            if text.is_empty() {
                // Marks that fold to nothing, as [`normalize::key`] keys them.
                text = s.trim().to_string();
            }
            if text.is_empty() {
                return NO_KEY;
            }
            return match self.by_text.entry(text) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    e.insert(next);
                    self.spans.push((0, 0));
                    self.same_hash.push(NO_KEY);
                    next
                }
            };
        }
        let head = self.by_hash.get(&hash).copied().unwrap_or(NO_KEY);
        let mut k = head;
        while k != NO_KEY {
            let (start, len) = self.spans[k as usize];
            if self.parts[start as usize..(start + len) as usize] == *parts {
                return k;
            }
            k = self.same_hash[k as usize];
        }
        let start = u32::try_from(self.parts.len()).expect("fewer than 2^32 words");
        self.spans.push((start, parts.len() as u32));
        self.parts.extend_from_slice(parts);
        self.same_hash.push(head);
        self.by_hash.insert(hash, next);
        next
    }
}

/// Lists of token ids, one for each sentence, in one buffer: a list is not an allocation of
/// its own, and a sentence met again shares the list of its first copy.
#[derive(Debug, Default, PartialEq)]
pub(super) struct TokenLists {
    ids: Vec<u32>,
    /// Where each list starts in `ids`, and its length.
    spans: Vec<(u32, u32)>,
}

impl TokenLists {
    /// Room for `lists` lists and `ids` ids in all, without growing.
    fn with_capacity(lists: usize, ids: usize) -> Self {
        Self {
            ids: Vec::with_capacity(ids),
            spans: Vec::with_capacity(lists),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    pub(super) fn get(&self, i: usize) -> &[u32] {
        let (start, len) = self.spans[i];
        &self.ids[start as usize..(start + len) as usize]
    }

    fn last(&self) -> &[u32] {
        self.get(self.len() - 1)
    }

    /// Appends ids that lists will be made of ([`TokenLists::push_span`]); where they start.
    fn append(&mut self, ids: &[u32]) -> u32 {
        let start = self.ids.len() as u32;
        self.ids.extend_from_slice(ids);
        assert!(
            u32::try_from(self.ids.len()).is_ok(),
            "fewer than 2^32 words"
        );
        start
    }

    /// Adds the list of the ids `start..end`, as the next list.
    fn push_span(&mut self, start: u32, end: u32) {
        self.spans.push((start, end - start));
    }

    /// Adds list `i` again, as the next list.
    fn repeat(&mut self, i: usize) {
        self.spans.push(self.spans[i]);
    }

    #[cfg(test)]
    pub(super) fn lists(&self) -> Vec<&[u32]> {
        (0..self.len()).map(|i| self.get(i)).collect()
    }
}

/// Function words: they count for little when sentences are compared.
pub(super) fn is_stopword(w: &str) -> bool {
    // A `match` on strings compiles to a switch on the length and comparisons of a few
    // bytes, where `[&str]::contains` called memcmp for every entry of the same length: it
    // runs once for each distinct word of a comparison.
    matches!(
        w,
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "it"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "him"
            | "them"
            | "us"
            | "not"
            | "no"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "do"
            | "does"
            | "did"
            | "so"
            | "if"
            | "than"
            | "then"
            | "also"
            | "which"
            | "who"
            | "whom"
            | "what"
            | "when"
            | "where"
            | "there"
            | "into"
            | "about"
            | "after"
            | "before"
            | "over"
            | "up"
            | "out"
            | "more"
            | "said"
            | "says"
            | "s"
            | "while"
            | "whilst"
            | "although"
            | "though"
            | "because"
    )
}

/// The words of each sentence of one comparison, and what the aligner derives from them.
#[derive(Debug, PartialEq)]
pub(super) struct Vocab {
    /// Matching keys ([`normalize::key`]) as ids from [`KeyInterner`], [`NO_KEY`] for none.
    pub(super) adapted_keys: Vec<u32>,
    pub(super) original_keys: Vec<Vec<u32>>,
    /// How many distinct keys there are (ids are below it).
    pub(super) key_count: usize,
    /// Sorted, deduplicated word ids of each sentence: the adapted article's, then each
    /// original's in turn (the original `s` from `original_offsets[s]`).
    pub(super) toks: TokenLists,
    pub(super) original_offsets: Vec<usize>,
    /// Each word's weight: its inverse sentence frequency, a fifth of it for a function word.
    pub(super) weight: Vec<f64>,
    /// How many sentences hold each word.
    pub(super) df: Vec<u32>,
}

/// In the reading plan: a sentence whose words are read (not an adapted sentence's index).
const READ: u32 = u32::MAX;

/// Distinct words and their ids, in the order they were first met.
#[derive(Default)]
struct WordIds<'a> {
    /// The words of at most 8 bytes, packed into an integer ([`pack`]): most words, found
    /// without following a pointer to their bytes or comparing them.
    short: FastMap<u64, u32>,
    /// The longer words.
    long: FastMap<Cow<'a, str>, u32>,
    /// Each word, by id. Words that are slices of the text are kept as such: no copy of
    /// each distinct word.
    words: Vec<Cow<'a, str>>,
}

/// A word of at most 8 bytes as an integer, its bytes in order and zeros after them: words
/// hold no NUL (they are letters and digits), so no two words pack alike.
pub(super) fn pack(w: &str) -> Option<u64> {
    let b = w.as_bytes();
    let n = b.len();
    // From overlapping loads rather than a copy (a call to memcpy for every word).
    let v = match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        4..=8 => {
            let lo = u32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
            let hi = u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes"));
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        _ => return None,
    };
    Some(v)
}

impl<'a> WordIds<'a> {
    fn with_capacity(n: usize) -> Self {
        let mut ids = WordIds::default();
        ids.short.reserve(n);
        ids.long.reserve(n / 8);
        ids.words.reserve(n);
        ids
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn get(&self, w: &str) -> Option<u32> {
        match pack(w) {
            Some(k) => self.short.get(&k).copied(),
            None => self.long.get(w).copied(),
        }
    }

    /// Gives a word not met before the next id.
    fn push_new(&mut self, w: Cow<'a, str>) -> u32 {
        let id = self.words.len() as u32;
        match pack(&w) {
            Some(k) => self.short.insert(k, id),
            None => self.long.insert(w.clone(), id),
        };
        self.words.push(w);
        id
    }
}

/// The words of some consecutive sentences, read on one thread with ids of its own.
struct Run<'a> {
    /// Each distinct word and its id, in the order words were first met.
    words: WordIds<'a>,
    /// The ids of each sentence's words, in order, one sentence after the other.
    seq: Vec<u32>,
    /// Where each sentence's words end in `seq`.
    ends: Vec<u32>,
    /// The ids one thread would have given this run's words, by its own id (empty for the
    /// first run, whose ids are those).
    remap: Vec<u32>,
}

/// A run's sentences once every word has its final id: what the serial pass needs.
struct Prepared {
    /// Each sentence's sorted, distinct word ids, one sentence after the other.
    toks: Vec<u32>,
    /// Where each sentence's ids end in `toks`.
    tok_ends: Vec<u32>,
    /// Each sentence's key parts, in order.
    parts: Vec<u32>,
    /// Where each sentence's parts end in `parts`.
    part_ends: Vec<u32>,
    /// The [`parts_hash`] of each sentence's parts.
    hashes: Vec<u64>,
}

/// The final ids and key parts of a run's sentences (`part_of`: each word's part).
fn prepare(run: &Run<'_>, part_of: &[u32]) -> Prepared {
    let mut out = Prepared {
        toks: Vec::with_capacity(run.seq.len()),
        tok_ends: Vec::with_capacity(run.ends.len()),
        parts: Vec::with_capacity(run.seq.len()),
        part_ends: Vec::with_capacity(run.ends.len()),
        hashes: Vec::with_capacity(run.ends.len()),
    };
    let mut ids: Vec<u32> = Vec::new();
    let mut start = 0;
    for &end in &run.ends {
        let words = &run.seq[start..end as usize];
        start = end as usize;
        ids.clear();
        if run.remap.is_empty() {
            ids.extend_from_slice(words);
        } else {
            ids.extend(words.iter().map(|&w| run.remap[w as usize]));
        }
        let from = out.parts.len();
        (out.parts).extend(
            ids.iter()
                .map(|&id| part_of[id as usize])
                .filter(|&p| p != SKIP),
        );
        out.part_ends.push(out.parts.len() as u32);
        out.hashes.push(parts_hash(&out.parts[from..]));
        ids.sort_unstable();
        ids.dedup();
        out.toks.extend_from_slice(&ids);
        out.tok_ends.push(out.toks.len() as u32);
    }
    out
}

/// Reads the words of `texts`.
fn read_run<'a>(texts: &[&'a str]) -> Run<'a> {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    // About one distinct word in every 16 bytes of a news article; a long document repeats
    // its vocabulary, so the guess is capped rather than reserved whole (a 3 MB report
    // would otherwise reserve 17 MB of table it never fills).
    let mut words = WordIds::with_capacity((bytes / 16).min(1 << 14));
    // A word takes at least two bytes with the space after it; pages reserved but not
    // reached cost nothing.
    let mut seq = Vec::with_capacity(bytes / 2);
    let mut ends = Vec::with_capacity(texts.len());
    let mut buf = String::new();
    for &text in texts {
        normalize::for_each_word_in(text, &mut buf, |w, slice| {
            let id = match words.get(w) {
                Some(id) => id,
                None => {
                    words.push_new(slice.map_or_else(|| Cow::Owned(w.to_string()), Cow::Borrowed))
                }
            };
            seq.push(id);
        });
        ends.push(u32::try_from(seq.len()).expect("fewer than 2^32 words"));
    }
    Run {
        words,
        seq,
        ends,
        remap: Vec::new(),
    }
}

/// Reads the words of every sentence of `adapted` and `originals`. `reuse` false reads
/// every sentence, even one whose text an adapted sentence already had (for the test that
/// shows that this changes nothing); `threads` sets how many threads read, where a test
/// needs it, instead of the text's size ([`par::threads_for`]).
pub(super) fn read<'a>(
    originals: &'a [Side<'a>],
    adapted: Side<'a>,
    reuse: bool,
    threads: Option<usize>,
) -> (Vocab, Vec<Cow<'a, str>>) {
    let sentences =
        adapted.sentences.len() + originals.iter().map(|s| s.sentences.len()).sum::<usize>();
    // A sentence whose text the adapted article already had (the unchanged wire copy that
    // is most of a news pair, and nearly all of a lightly edited long document) takes the
    // key and words found there: one hash of the sentence instead of one for each of its
    // words. Reading it again would find the same words. `plan` holds, for each sentence in
    // turn, the adapted sentence it repeats or [`READ`]; `texts` the sentences to read.
    let mut seen: FastMap<&'a str, u32> =
        FastMap::with_capacity_and_hasher(adapted.sentences.len(), Default::default());
    let mut plan: Vec<u32> = Vec::with_capacity(sentences);
    let mut texts: Vec<&'a str> = Vec::with_capacity(sentences);
    for (i, s) in adapted.sentences.iter().enumerate() {
        let text = s.text(adapted.doc);
        if reuse {
            match seen.entry(text) {
                Entry::Occupied(e) => {
                    plan.push(*e.get());
                    continue;
                }
                Entry::Vacant(e) => {
                    e.insert(i as u32);
                }
            }
        }
        plan.push(READ);
        texts.push(text);
    }
    for side in originals {
        for s in side.sentences {
            let text = s.text(side.doc);
            match seen.get(text).filter(|_| reuse) {
                Some(&i) => plan.push(i),
                None => {
                    plan.push(READ);
                    texts.push(text);
                }
            }
        }
    }
    drop(seen);

    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let threads = threads.unwrap_or_else(|| par::threads_for(bytes));
    let mut runs = par::map_runs(&texts, threads, |t| t.len(), |run| read_run(run));

    // The first run's ids are final. Each later run's words take the id of the same word
    // met before, or the next id, in the order the run met them: the order of first
    // appearance over all the runs. Each word's part of the keys is found in id order, as
    // one thread reading the sentences in turn would find it.
    let mut interner = std::mem::take(&mut runs[0].words);
    let mut keys = KeyInterner::default();
    keys.by_hash.reserve(sentences);
    keys.spans.reserve(sentences);
    keys.same_hash.reserve(sentences);
    for (id, w) in interner.words.iter().enumerate() {
        keys.new_word(w, id as u32, &interner);
    }
    for run in &mut runs[1..] {
        let words = std::mem::take(&mut run.words).words;
        run.remap = (words.into_iter())
            .map(|w| match interner.get(&w) {
                Some(id) => id,
                None => {
                    keys.new_word(&w, interner.len() as u32, &interner);
                    interner.push_new(w)
                }
            })
            .collect();
    }

    // Each run's sentences get their final word ids, sorted, and their key parts, on the
    // threads that read them. What is left in turn, one sentence after the other, is the key
    // ids (first appearance) and the counts.
    let part_of = &keys.part_of;
    let prepared: Vec<Prepared> = (par::map_runs(
        &runs,
        runs.len(),
        |_| 1,
        |rs| rs.iter().map(|r| prepare(r, part_of)).collect::<Vec<_>>(),
    ))
    .into_iter()
    .flatten()
    .collect();
    drop(runs);
    let ids: usize = prepared.iter().map(|p| p.toks.len()).sum();
    let mut toks = TokenLists::with_capacity(sentences, ids);
    let bases: Vec<u32> = prepared.iter().map(|p| toks.append(&p.toks)).collect();
    let mut df: Vec<u32> = vec![0; interner.len()];
    let (mut run, mut item, mut next_text) = (0, 0, 0);
    let mut plan = plan.into_iter();
    let mut next = |toks: &mut TokenLists, keys_so_far: &[u32]| -> u32 {
        let key = match plan.next().expect("a plan for each sentence") {
            READ => {
                while item == prepared[run].tok_ends.len() {
                    (run, item) = (run + 1, 0);
                }
                let p = &prepared[run];
                let (tok_start, part_start) = match item {
                    0 => (0, 0),
                    _ => (p.tok_ends[item - 1], p.part_ends[item - 1] as usize),
                };
                toks.push_span(bases[run] + tok_start, bases[run] + p.tok_ends[item]);
                let parts = &p.parts[part_start..p.part_ends[item] as usize];
                item += 1;
                next_text += 1;
                keys.key(parts, p.hashes[item - 1], texts[next_text - 1])
            }
            i => {
                toks.repeat(i as usize);
                keys_so_far[i as usize]
            }
        };
        for &id in toks.last() {
            df[id as usize] += 1;
        }
        key
    };
    let mut adapted_keys = Vec::with_capacity(adapted.sentences.len());
    for _ in adapted.sentences {
        let key = next(&mut toks, &adapted_keys);
        adapted_keys.push(key);
    }
    let mut original_keys = Vec::with_capacity(originals.len());
    let mut original_offsets = Vec::with_capacity(originals.len());
    for side in originals {
        original_offsets.push(toks.len() - adapted_keys.len());
        original_keys.push(
            (side.sentences.iter())
                .map(|_| next(&mut toks, &adapted_keys))
                .collect(),
        );
    }

    let key_count = keys.len();
    let total = toks.len().max(1) as f64;
    let mut weight = vec![0.0; df.len()];
    for ((w, weight), &df) in interner.words.iter().zip(&mut weight).zip(&df) {
        let idf = (1.0 + total / f64::from(df)).ln();
        *weight = if is_stopword(w) { 0.2 * idf } else { idf };
    }
    let vocab = Vocab {
        adapted_keys,
        original_keys,
        key_count,
        toks,
        original_offsets,
        weight,
        df,
    };
    (vocab, interner.words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Document;
    use crate::sentences::{Sentence, segment};

    fn read_docs(docs: &[Document], reuse: bool, threads: Option<usize>) -> Vocab {
        let sents: Vec<Vec<Sentence>> = docs.iter().map(segment).collect();
        let sides: Vec<Side<'_>> = (docs.iter().zip(&sents))
            .map(|(doc, sentences)| Side { doc, sentences })
            .collect();
        read(&sides[1..], sides[0], reuse, threads).0
    }

    /// Keys are told apart by their parts, not by their hash alone: parts that share a hash
    /// (which a 64-bit hash makes rare, not impossible) get ids of their own.
    #[test]
    fn keys_sharing_a_hash_keep_their_own_ids() {
        let mut keys = KeyInterner::default();
        let a = keys.key(&[1, 2, 3], 7, "a");
        let b = keys.key(&[4, 5], 7, "b");
        let c = keys.key(&[6], 7, "c");
        assert_eq!((a, b, c), (0, 1, 2));
        assert_eq!(keys.key(&[4, 5], 7, "b"), b);
        assert_eq!(keys.key(&[1, 2, 3], 7, "a"), a);
        assert_eq!(keys.key(&[], 0, "* * *"), 3);
        assert_eq!(keys.key(&[], 0, "* * *"), 3);
        assert_eq!(keys.key(&[], 0, " "), NO_KEY);
        assert_eq!(keys.key(&[6], 7, "c"), c);
        assert_eq!(keys.len(), 4);
    }

    /// A packed word gives back its bytes, so no two words pack alike; longer words do not
    /// pack.
    #[test]
    fn packed_words_keep_their_bytes() {
        let text = "a an the colour Zürich naïve 2024 u.s O'Brien ελληνικά 東京 x9 résumés";
        let mut packed = 0;
        for (i, _) in text.char_indices() {
            for (j, _) in text[i..]
                .char_indices()
                .skip(1)
                .chain([(text.len() - i, ' ')])
            {
                let w = &text[i..i + j];
                match pack(w) {
                    Some(k) => {
                        let bytes = k.to_le_bytes();
                        let n = bytes.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
                        assert_eq!(&bytes[..n], w.as_bytes(), "{w:?}");
                        packed += 1;
                    }
                    None => assert!(w.len() > 8, "{w:?}"),
                }
            }
        }
        assert!(packed > 300, "{packed}");
        assert_eq!(pack(""), Some(0));
    }

    /// Reading on several threads gives every word and key the id one thread gives it, on
    /// the real pairs (the adapted article first), with and without repeated sentences
    /// reused, and on one long document made of all of them, whose later runs meet words of
    /// earlier ones, respellings and honorifics included.
    #[test]
    fn reading_on_threads_changes_nothing() {
        let mut pairs: Vec<Vec<Document>> = Vec::new();
        for dir in crate::test_data::pair_dirs() {
            let mut files: Vec<_> = (std::fs::read_dir(&dir).expect("pair dir").flatten())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort_by_key(|p| !p.ends_with("adapted.txt"));
            let docs: Vec<Document> = (files.iter())
                .map(|p| {
                    let text = std::fs::read_to_string(p).expect("fixture");
                    Document::from_text(p.display().to_string(), &text)
                })
                .collect();
            if docs.len() >= 2 && files[0].ends_with("adapted.txt") {
                pairs.push(docs);
            }
        }
        assert!(pairs.len() >= 5, "{}", pairs.len());
        let join = |i: usize| {
            let texts: Vec<&str> = pairs.iter().map(|p| p[i].text.as_str()).collect();
            texts.join("\n\nThe colour of Mr. Smith's defence was grey.\n\n")
        };
        let long = vec![
            Document::from_text("a", &join(0)),
            Document::from_text("o", &join(1)),
        ];
        pairs.push(long);
        for docs in &pairs {
            for reuse in [true, false] {
                let one = read_docs(docs, reuse, Some(1));
                assert!(one.key_count > 0 && !one.weight.is_empty());
                for threads in [2, 3, 8] {
                    let many = read_docs(docs, reuse, Some(threads));
                    assert!(one == many, "{:?} on {threads} threads", docs[0].source);
                }
                assert!(read_docs(docs, reuse, None) == one);
            }
        }
    }
}
