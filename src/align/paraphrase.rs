//! Step 6 of the aligner, **paraphrase**: the sentences still unpaired after the other steps,
//! compared by the stems of their words and by the pairs of words they share in order.
//!
//! Newspapers rewrite wire copy harder than a word swap: "A disgruntled worker contaminated
//! thousands of savoury pancakes with glass after he was told he was to be made redundant"
//! becomes "A WORKER spiked thousands of savoury pancakes with glass after being told he was
//! to lose his job". Such a pair shares too little of its exact words for step 2, yet it
//! shares stems (told/tell aside, contaminated/contamination, pancakes/pancake) and runs of
//! words in the same order ("thousands of savoury pancakes", "with glass"), which a sentence
//! the outlet wrote itself about the same story rarely does. A sentence condensed from a
//! longer one shares little of the whole, but most of what it says is in it: that pairs too,
//! when the words it shares are not only names; so does one that keeps many of a wire
//! sentence's words among many of its own.
//!
//! Only the unpaired sentences are read here, so the cost follows how much was rewritten,
//! not the length of the documents; candidates come from an index of shared rare stems.
//! Word weights are inverse frequencies among those sentences.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

use super::vocab::is_stopword;
use super::words;
use crate::normalize;
use crate::util::FastMap;

/// Least weighted overlap of stems for a pair on overlap alone.
const ALONE: f64 = 0.35;
/// Least weighted overlap of stems for a pair that also shares [`RUNS`] pairs of words in
/// order.
const WITH_RUNS: f64 = 0.22;
/// Pairs of neighbouring stems (not both function words) shared in order.
const RUNS: usize = 2;
/// Least share of an adapted sentence's weighted stems that the original has, for a pair on
/// containment: a sentence condensed from a longer one ("Miss Ferrier then said the
/// prosecution was offering no further evidence." from a sentence twice as long).
const CONDENSED_SHARE: f64 = 0.25;
/// Least content stems such a pair shares...
const CONDENSED_STEMS: usize = 3;
/// ...of which this many are plain words, not names: an editorial sentence about "Ukrainian
/// President Volodymyr Zelenskyy" shares four names with any wire sentence about him.
const CONDENSED_PLAIN: usize = 2;
/// Least content stems shared for a pair on their number...
const MANY_STEMS: usize = 4;
/// ...at this least weighted overlap: a sentence that keeps a wire sentence's facts among
/// many of its own ("BBC1 controller Peter Salmon used the event to fire a coded broadside
/// at ITV which last week recruited BBC1 sports presenter Des Lynam…" from "BBC1 recently
/// lost its sport figurehead Des Lynam to ITV…")...
const WITH_MANY: f64 = 0.2;
/// ...when this many of them are plain words, not names.
const MANY_PLAIN: usize = 1;
/// Candidates scored for each adapted sentence.
const CANDIDATES: usize = 12;
/// Most sentences a stem may be in and still find candidates.
const MAX_INDEXED: usize = 64;

/// Stem ids: words that share a Snowball stem share an id. Function words, words of three
/// bytes or fewer and numbers are their own stems.
struct Stems {
    stemmer: Stemmer,
    /// Ids by the hash of the stem.
    ids: FastMap<u64, u32>,
    /// By id: whether the stem is a function word.
    stop: Vec<bool>,
}

impl Stems {
    fn new(room: usize) -> Self {
        Stems {
            stemmer: Stemmer::create(Algorithm::English),
            ids: FastMap::with_capacity_and_hasher(room.min(1 << 16), Default::default()),
            stop: Vec::new(),
        }
    }

    /// The stem id of folded word `w`.
    fn id(&mut self, w: &str) -> u32 {
        self.id_or_word(w, true)
    }

    /// The stem id of folded word `w`, or without `stem` the id of the word itself.
    fn id_or_word(&mut self, w: &str, stem: bool) -> u32 {
        let is_stop = is_stopword(w);
        let key = if !stem || is_stop {
            hash(w)
        } else {
            stem_key(&self.stemmer, w)
        };
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.stop.push(is_stop);
        }
        id
    }

    /// The stems of `text`'s words that are neither function words nor names (written with
    /// a capital past a sentence's first word, [`capitals`]), sorted and deduplicated.
    fn plain(&mut self, text: &str, buf: &mut String) -> Vec<u32> {
        let mut out = Vec::new();
        for_each_cased_word(text, buf, false, |w, capital| {
            let id = self.id(w);
            if !capital && !self.stop[id as usize] {
                out.push(id);
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The runs of `text`: its neighbouring stems, packed, sorted and deduplicated, but for
    /// runs of two function words, which say nothing, and runs of two names: every sentence
    /// about "President Volodymyr Zelenskyy" has those, new ones included. Worked out only
    /// for the pairs that need them.
    fn runs(&mut self, text: &str, buf: &mut String) -> Vec<u64> {
        let mut seq: Vec<(u32, bool)> = Vec::new();
        for_each_cased_word(text, buf, false, |w, capital| {
            seq.push((self.id(w), capital))
        });
        let mut runs: Vec<u64> = (seq.windows(2))
            .filter(|p| {
                let function_words = self.stop[p[0].0 as usize] && self.stop[p[1].0 as usize];
                let names = p[0].1 && p[1].1;
                !function_words && !names
            })
            .map(|p| (u64::from(p[0].0) << 32) | u64::from(p[1].0))
            .collect();
        runs.sort_unstable();
        runs.dedup();
        runs
    }
}

/// [`pair`]'s mark for a word that is an amount written short ([`amount`]).
const AMOUNT: u32 = u32::MAX - 1;

/// The number and unit of folded word `w` when it is an amount written short: "1m" is
/// ("1", "million"), "25bn" ("25", "billion"); the folded text has lost "£1.5m"'s point on
/// both sides alike.
fn amount(w: &str) -> Option<(&str, &'static str)> {
    let (number, unit) = if let Some(n) = w.strip_suffix("bn") {
        (n, "billion")
    } else {
        (w.strip_suffix('m')?, "million")
    };
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some((number, unit))
}

/// A paraphrase found: which sentences, and how alike they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Paraphrase {
    /// Index into the adapted sentences given to [`pair`].
    pub adapted: usize,
    /// Index into the original sentences given to [`pair`].
    pub original: usize,
    /// Weighted overlap of the stems (Dice), 0 to 1.
    pub similarity: f64,
}

/// An unpaired sentence: its text, and its distinct words as the aligner's word ids.
pub(super) type Unpaired<'s> = (&'s str, &'s [u32]);

/// Pairs adapted and original sentences that paraphrase each other, each at most once, best
/// first. The sentences are those left unpaired; `words` are the aligner's words by id.
pub(super) fn pair(
    words: &[Cow<'_, str>],
    adapted: &[Unpaired<'_>],
    originals: &[Unpaired<'_>],
) -> Vec<Paraphrase> {
    if adapted.is_empty() || originals.is_empty() {
        return Vec::new();
    }
    let room = (adapted.iter().chain(originals))
        .map(|(_, t)| t.len())
        .sum();
    let mut stems = Stems::new(room);
    // A stem mostly keeps the first four letters of its word: a word whose first four bytes
    // no word of the other side has is not stemmed. This misses a few matches ("days" keeps
    // only "day", which is its own stem) for stemming far fewer words.
    let prefix = |t: u32| -> [u8; 4] {
        let b = words[t as usize].as_bytes();
        let mut p = [0; 4];
        let n = b.len().min(4);
        p[..n].copy_from_slice(&b[..n]);
        p
    };
    let prefixes = |side: &[Unpaired<'_>]| -> Vec<[u8; 4]> {
        let mut all: Vec<[u8; 4]> = (side.iter())
            .flat_map(|(_, toks)| toks.iter().map(|&t| prefix(t)))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let (a_prefixes, o_prefixes) = (prefixes(adapted), prefixes(originals));
    // Each word stemmed once. An amount written short ("£1m") stands for its number and
    // unit, as the other side may write them ("£1 million").
    let mut stem_of = vec![u32::MAX; words.len()];
    let mut amounts: FastMap<u32, [u32; 2]> = FastMap::default();
    let mut set_of = |(_, toks): &Unpaired<'_>, other: &[[u8; 4]]| -> Vec<u32> {
        let mut set: Vec<u32> = Vec::with_capacity(toks.len());
        for &t in *toks {
            let id = &mut stem_of[t as usize];
            if *id == u32::MAX {
                let w = &words[t as usize];
                if let Some((number, unit)) = amount(w) {
                    let ids = [stems.id(number), stems.id(unit)];
                    amounts.insert(t, ids);
                    *id = AMOUNT;
                } else {
                    let stem = other.binary_search(&prefix(t)).is_ok();
                    *id = stems.id_or_word(w, stem);
                }
            }
            match *id {
                AMOUNT => set.extend_from_slice(&amounts[&t]),
                id => set.push(id),
            }
        }
        set.sort_unstable();
        set.dedup();
        set
    };
    let a: Vec<Vec<u32>> = adapted.iter().map(|s| set_of(s, &o_prefixes)).collect();
    let o: Vec<Vec<u32>> = originals.iter().map(|s| set_of(s, &a_prefixes)).collect();
    let a_texts: Vec<&str> = adapted.iter().map(|&(t, _)| t).collect();
    let o_texts: Vec<&str> = originals.iter().map(|&(t, _)| t).collect();
    pair_sets(&mut stems, (&a, &a_texts), (&o, &o_texts))
}

/// [`pair`] of sentences given as texts alone (their words read here).
#[cfg(test)]
fn pair_texts(adapted: &[&str], originals: &[&str]) -> Vec<Paraphrase> {
    let mut stems = Stems::new(0);
    let mut buf = String::new();
    let mut set_of = |text: &&str| -> Vec<u32> {
        let mut set = Vec::new();
        normalize::for_each_word(text, &mut buf, |w| set.push(stems.id(w)));
        set.sort_unstable();
        set.dedup();
        set
    };
    let a: Vec<Vec<u32>> = adapted.iter().map(&mut set_of).collect();
    let o: Vec<Vec<u32>> = originals.iter().map(&mut set_of).collect();
    if a.is_empty() || o.is_empty() {
        return Vec::new();
    }
    pair_sets(&mut stems, (&a, adapted), (&o, originals))
}

/// [`pair`] of sentences given as their sets of stem ids and their texts.
fn pair_sets(
    stems: &mut Stems,
    (a, adapted): (&[Vec<u32>], &[&str]),
    (o, originals): (&[Vec<u32>], &[&str]),
) -> Vec<Paraphrase> {
    let mut buf = String::new();
    // Inverse frequency among these sentences, a fifth of it for a function word.
    let mut df = vec![0u32; stems.stop.len()];
    for set in a.iter().chain(o) {
        for &t in set {
            df[t as usize] += 1;
        }
    }
    let n = (a.len() + o.len()) as f64;
    let weight: Vec<f64> = (df.iter().zip(&stems.stop))
        .map(|(&d, &stop)| {
            let idf = (1.0 + n / f64::from(d.max(1))).ln();
            if stop { 0.2 * idf } else { idf }
        })
        .collect();
    let mass = |set: &Vec<u32>| set.iter().map(|&t| weight[t as usize]).sum::<f64>();
    let a_mass: Vec<f64> = a.iter().map(mass).collect();
    let o_mass: Vec<f64> = o.iter().map(mass).collect();

    let cap = (o.len() / 4).clamp(8, MAX_INDEXED) as u32;
    let mut index: FastMap<u32, Vec<usize>> = FastMap::default();
    for (k, set) in o.iter().enumerate() {
        for &t in set {
            if !stems.stop[t as usize] && df[t as usize] <= cap {
                index.entry(t).or_default().push(k);
            }
        }
    }

    let mut a_runs: Vec<Option<Vec<u64>>> = vec![None; a.len()];
    let mut a_plain: Vec<Option<Vec<u32>>> = vec![None; a.len()];
    let mut o_runs: Vec<Option<Vec<u64>>> = vec![None; o.len()];
    let mut found: Vec<Paraphrase> = Vec::new();
    let mut scores = vec![0.0f64; o.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, set) in a.iter().enumerate() {
        for &t in set {
            for &k in index.get(&t).map_or(&[][..], Vec::as_slice) {
                if scores[k] == 0.0 {
                    touched.push(k);
                }
                scores[k] += weight[t as usize];
            }
        }
        touched.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
        for &k in touched.iter().take(CANDIDATES) {
            let (mut shared, mut content) = (0.0, 0);
            for_each_shared(set, &o[k], |t| {
                shared += weight[t as usize];
                content += usize::from(!stems.stop[t as usize]);
            });
            let total = a_mass[i] + o_mass[k];
            let similarity = if total > 0.0 {
                2.0 * shared / total
            } else {
                0.0
            };
            let runs = if !(WITH_RUNS..ALONE).contains(&similarity) {
                0
            } else {
                if a_runs[i].is_none() {
                    a_runs[i] = Some(stems.runs(adapted[i], &mut buf));
                }
                if o_runs[k].is_none() {
                    o_runs[k] = Some(stems.runs(originals[k], &mut buf));
                }
                let mut runs = 0;
                let (x, y) = (a_runs[i].as_deref(), o_runs[k].as_deref());
                for_each_shared(x.unwrap_or_default(), y.unwrap_or_default(), |_| runs += 1);
                runs
            };
            // Or a sentence condensed from a long one: much of it is in the original, which
            // dilutes the overlap with all it left out. Or one that keeps many of the
            // original's words among many of its own.
            let condensed = a_mass[i] > 0.0
                && shared / a_mass[i] >= CONDENSED_SHARE
                && content >= CONDENSED_STEMS;
            let many = content >= MANY_STEMS && similarity >= WITH_MANY;
            let paired = similarity >= ALONE
                || runs >= RUNS
                || ((condensed || many) && {
                    let plain = a_plain[i].get_or_insert_with(|| stems.plain(adapted[i], &mut buf));
                    let mut n = 0;
                    for_each_shared(plain, &o[k], |_| n += 1);
                    n >= if many { MANY_PLAIN } else { CONDENSED_PLAIN }
                });
            if paired {
                found.push(Paraphrase {
                    adapted: i,
                    original: k,
                    similarity,
                });
            }
        }
        for &k in &touched {
            scores[k] = 0.0;
        }
        touched.clear();
    }
    // Best first, then in document order; each sentence once.
    found.sort_by(|x, y| {
        (y.similarity.total_cmp(&x.similarity))
            .then(x.adapted.cmp(&y.adapted))
            .then(x.original.cmp(&y.original))
    });
    let (mut a_used, mut o_used) = (vec![false; a.len()], vec![false; o.len()]);
    found.retain(|p| {
        let free = !a_used[p.adapted] && !o_used[p.original];
        if free {
            a_used[p.adapted] = true;
            o_used[p.original] = true;
        }
        free
    });
    found
}

/// Least content stems a headline shares with the lead it restates ([`restates`])...
const RESTATED: usize = 3;
/// ...or this many, with a run of two neighbouring words in the same order.
const RESTATED_WITH_RUN: usize = 2;

/// Whether `headline` restates `lead`, the first sentence of a story (or, for a subhead,
/// a sentence under it), as a headline written from it does ("Bolton schoolgirl Helen,
/// nine, lands role of Rosie in Coronation Street" from "A nine-year-old girl was
/// celebrating today after beating off dozens of young hopefuls to win the part of
/// Coronation Street's Rosie Webster."): they share [`RESTATED`] content stems, or
/// [`RESTATED_WITH_RUN`] and a run of two words in the same order, one of them a content
/// word the lead writes in lower case ("master of suspense", not "in Leeds"); and one of
/// the shared words is one the lead writes in lower case. A headline of the outlet's own
/// framing shares the story's names and a word or so ("Taliban Under Fire as Hostages
/// Questions Mount").
pub(super) fn restates(headline: &str, lead: &str) -> bool {
    let stemmer = Stemmer::create(Algorithm::English);
    let key = |w: &str| stem_key(&stemmer, w);
    let mut buf = String::new();
    // The lead's words as (stem, content word, written with a capital somewhere in it).
    let capitals = capitals(lead, &mut buf, true);
    let mut lead_words: Vec<(u64, bool, bool)> = Vec::new();
    normalize::for_each_word(lead, &mut buf, |w| {
        let capital = capitals.binary_search(&hash(w)).is_ok();
        lead_words.push((key(w), !is_stopword(w), capital));
    });
    let mut head_words: Vec<(u64, bool)> = Vec::new();
    normalize::for_each_word(headline, &mut buf, |w| {
        head_words.push((key(w), !is_stopword(w)))
    });
    let mut shared: Vec<u64> = Vec::new();
    let mut plain = false;
    for &(k, content) in &head_words {
        if !content || shared.contains(&k) {
            continue;
        }
        if let Some(&(_, _, capital)) = lead_words.iter().find(|l| l.0 == k) {
            shared.push(k);
            plain |= !capital;
        }
    }
    if !plain || shared.len() < RESTATED_WITH_RUN {
        return false;
    }
    if shared.len() >= RESTATED {
        return true;
    }
    // A run holds a plain word: "in Leeds" says no more than "Leeds".
    let run = |x: &(u64, bool, bool), y: &(u64, bool, bool)| (x.1 && !x.2) || (y.1 && !y.2);
    (lead_words.windows(2))
        .filter(|p| run(&p[0], &p[1]))
        .any(|p| (head_words.windows(2)).any(|h| h[0].0 == p[0].0 && h[1].0 == p[1].0))
}

/// What the two sides of a reworded passage share, for a reader who doubts the pairing:
/// shared words in the adapted side's order, each once, lower case, function words and
/// honorifics ("Mr") left out ([`evidence`] for a paraphrase, [`evidence_of_changes`] for
/// the other pairings).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Shared names: words the adapted side writes with a capital past a sentence's first
    /// word, and the original with a capital.
    pub names: Vec<String>,
    /// Shared numbers: words with a digit.
    pub numbers: Vec<String>,
    /// The other shared words.
    pub words: Vec<String>,
}

/// What `original` and `adapted`, the two sides of a paraphrase ([`super::PairedBy::Stems`]),
/// share ([`Evidence`]): words whose stems match count as shared.
pub fn evidence(original: &str, adapted: &str) -> Evidence {
    let stemmer = Stemmer::create(Algorithm::English);
    let key = |w: &str| with_stem(&stemmer, w, hash);
    let mut buf = String::new();
    // The original's words (by the hash of the word or its stem), and whether each was
    // written with a capital: a sentence may open with a name the adapted side moves inside
    // one ("Roger Gedge, 30, …" to "He told Roger Gedge…").
    let mut there: FastMap<u64, bool> = FastMap::default();
    for_each_cased_word(original, &mut buf, true, |w, capital| {
        if !is_stopword(w) {
            *there.entry(key(w)).or_default() |= capital;
        }
    });
    // Between two headlines in title case or in capitals, a capital tells nothing.
    let names_tell = !(headline_cased(original) && headline_cased(adapted));
    let mut out = Evidence::default();
    let mut seen: FastMap<u64, ()> = FastMap::default();
    for_each_cased_word(adapted, &mut buf, false, |w, capital| {
        // Numbers are read whole below ("96,000", not "96" and "000").
        if is_stopword(w) || normalize::is_honorific(w) || w.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        if seen.insert(hash(w), ()).is_some() {
            return;
        }
        let Some(&capital_there) = there.get(&key(w)) else {
            return;
        };
        let list = if capital_there && capital && names_tell {
            &mut out.names
        } else {
            &mut out.words
        };
        list.push(w.to_string());
    });
    let in_original = numbers_in(original);
    for n in numbers_in(adapted) {
        if in_original.contains(&n) && !out.numbers.iter().any(|m| m == n) {
            out.numbers.push(n.to_string());
        }
    }
    out
}

/// Whether `text` is written as a headline: with no small letters ("NEW AGE TRAVELLER
/// LOSES DAMAGES CLAIM"), or with no full stop and four words or more, over two thirds of
/// them with a capital ("Traveller Crushed by Fleeing Driver Loses Compensation Bid"; a
/// sentence may be as full of names: "But today at Nottingham County Court, Recorder Iain
/// McLaren ruled against Mr Gedge.").
fn headline_cased(text: &str) -> bool {
    let (mut tokens, mut uppers) = (0usize, 0usize);
    words::for_each_word_token(text, |token| {
        tokens += 1;
        uppers += usize::from(token.chars().next().is_some_and(char::is_uppercase));
    });
    !text.chars().any(char::is_lowercase)
        || (tokens >= 4 && uppers * 3 > tokens * 2 && !crate::sentences::ends_sentence(text))
}

/// [`Evidence`] of a passage paired by its words ([`super::PairedBy::Words`] or
/// [`super::PairedBy::Position`]): the words of the text its word-level edits keep
/// ([`super::Op::Equal`]), which both sides have by definition. Names are the kept words
/// written with a capital past a sentence's first word, and written the same way somewhere
/// in `original`, which the edits do not show ("A WORKER spiked…" from "A disgruntled
/// worker…" shares a word, not a name; "al-Tanf" shares the name "Tanf").
pub fn evidence_of_changes<'c>(changes: &'c [super::Change], original: &str) -> Evidence {
    // The kept words in order, each once, and for each written with a capital, how: its
    // first letters and digits ("Pinochet" of "Pinochet's").
    let mut kept: Vec<(String, Option<&str>)> = Vec::new();
    let mut numbers: Vec<String> = Vec::new();
    let mut seen = Seen::default();
    let (mut buf, mut lower) = (String::new(), String::new());
    let (mut tokens, mut uppers) = (0usize, 0usize);
    let mut first = true;
    // Whether a token starts with a capital.
    let upper = |token: &str| {
        let b = token.as_bytes();
        b[0].is_ascii_uppercase()
            || (!b[0].is_ascii() && token.chars().next().is_some_and(char::is_uppercase))
    };
    for c in changes {
        if c.op != super::Op::Equal {
            // Words the adapted side added before come first.
            first &= c.op == super::Op::Delete || !c.text.chars().any(char::is_alphanumeric);
            if c.op == super::Op::Insert {
                // Title case is the adapted passage's, not only of the words it kept, which
                // names fill.
                words::for_each_word_token(&c.text, |token| {
                    tokens += 1;
                    uppers += usize::from(upper(token));
                });
            }
            continue;
        }
        let mut take = |w: &str, capital: Option<&'c str>| {
            if !is_stopword(w)
                && !normalize::is_honorific(w)
                && !w.bytes().any(|b| b.is_ascii_digit())
                && seen.first(hash(w))
            {
                kept.push((w.to_string(), capital));
            }
        };
        words::for_each_word_token(&c.text, |token| {
            let b = token.as_bytes();
            let upper = upper(token);
            tokens += 1;
            uppers += usize::from(upper);
            let written = token
                .find(|c: char| !c.is_alphanumeric())
                .map_or(token, |end| &token[..end]);
            // "I" and its contractions ("I'm") are no names.
            let capital = (upper && !std::mem::replace(&mut first, false) && written != "I")
                .then_some(written);
            if b.iter().all(u8::is_ascii_lowercase) {
                take(token, None);
            } else if b.iter().all(u8::is_ascii_alphabetic) {
                // A word of ASCII letters folds to its small letters.
                lower.clear();
                lower.extend(b.iter().map(|c| char::from(c.to_ascii_lowercase())));
                take(&lower, capital);
            } else {
                normalize::for_each_word(token, &mut buf, |w| take(w, capital));
            }
        });
        if c.text.bytes().any(|b| b.is_ascii_digit()) {
            for n in numbers_in(&c.text) {
                if !numbers.iter().any(|m| m == n) {
                    numbers.push(n.to_string());
                }
            }
        }
    }
    // A headline in title case capitalizes every word: then a capital says nothing.
    let title_case = tokens >= 4 && uppers * 3 > tokens * 2;
    let mut out = Evidence {
        numbers,
        ..Evidence::default()
    };
    for (w, capital) in kept {
        let name = !title_case && capital.is_some_and(|written| written_in(original, written));
        if name {
            out.names.push(w);
        } else {
            out.words.push(w);
        }
    }
    out
}

/// Whether `text` has `word` as written, as a whole word.
fn written_in(text: &str, word: &str) -> bool {
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    memchr::memmem::find_iter(b, word.as_bytes())
        .any(|at| (at == 0 || !alnum(at - 1)) && !alnum(at + word.len()))
}

/// The hashes of the words met so far: a short list, or a set once it grows.
#[derive(Default)]
struct Seen {
    few: Vec<u64>,
    many: FastMap<u64, ()>,
}

impl Seen {
    /// Whether `h` is met for the first time (and from now on, met).
    fn first(&mut self, h: u64) -> bool {
        if self.few.len() < 32 {
            if self.few.contains(&h) {
                return false;
            }
            self.few.push(h);
            return true;
        }
        if self.few.contains(&h) {
            return false;
        }
        self.many.insert(h, ()).is_none()
    }
}

/// Whether `text` writes the folded word `w` with a capital past a sentence's first word
/// ([`capitals`]): a name, mostly. `names` holds what [`names_in`] found for `text`.
pub(super) fn is_name(names: &[u64], w: &str) -> bool {
    !names.is_empty() && names.binary_search(&hash(w)).is_ok()
}

/// The words of `text` written with a capital past a sentence's first word, for [`is_name`];
/// none in a text in capitals only (a headline: "DIET OF CHIPS BOY BALLOONED"), where a
/// capital tells nothing.
pub(super) fn names_in(text: &str) -> Vec<u64> {
    if !text.chars().any(char::is_lowercase) {
        return Vec::new();
    }
    capitals(text, &mut String::new(), false)
}

/// A word's hash, standing for the word in the sets of [`evidence`].
fn hash(w: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::util::FxHasher::default();
    h.write(w.as_bytes());
    h.finish()
}

/// The numbers of `s` as written: runs of digits, with the `.` or `,` between two digits.
fn numbers_in(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        out.push(&s[start..i]);
    }
    out
}

/// Calls `f` with each of the folded words of `text` ([`normalize::for_each_word`]) and
/// whether it is written with a capital somewhere in `text`, past a sentence's first word
/// unless `at_starts` ([`capitals`]): a name, mostly ("Zelenskyy", "China's").
fn for_each_cased_word(
    text: &str,
    buf: &mut String,
    at_starts: bool,
    mut f: impl FnMut(&str, bool),
) {
    let capitals = capitals(text, buf, at_starts);
    normalize::for_each_word(text, buf, |w| {
        f(
            w,
            !capitals.is_empty() && capitals.binary_search(&hash(w)).is_ok(),
        );
    });
}

/// The hashes of the folded words of `text` written with a capital, sorted and deduplicated:
/// with `at_starts`, anywhere; without, past a sentence's first word (past `text`'s first
/// word, and past the first word after a full stop, a question or an exclamation mark, not
/// after "Mr." or "U.S."), or as a sentence's first word with more capitals ("BBC1"). "I"
/// and its contractions ("I'm") are no names. Words never span white space, so the words of
/// the pieces that start with a capital are those of the capitalized words.
fn capitals(text: &str, buf: &mut String, at_starts: bool) -> Vec<u64> {
    let mut capitals: Vec<u64> = Vec::new();
    // A text with no capital needs no look at its pieces.
    if text.is_ascii() && !text.bytes().any(|b| b.is_ascii_uppercase()) {
        return capitals;
    }
    let mut starts = true;
    for piece in text.split_ascii_whitespace() {
        let first = piece.bytes().find(|b| !b.is_ascii_punctuation());
        let upper = match first {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            Some(_) => {
                (piece.chars().find(|c| c.is_alphanumeric())).is_some_and(char::is_uppercase)
            }
            None => false,
        };
        let pronoun = || {
            let word = piece.trim_start_matches(|c: char| !c.is_alphanumeric());
            let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            word == "I" || word.starts_with("I'") || word.starts_with("I’")
        };
        // A sentence's first word is a name when it has capitals past its first letter:
        // "BBC1", "McKay", a tabloid's "CILLA Black".
        let inner_capital = || {
            let mut letters = piece.chars().filter(|c| c.is_alphabetic()).skip(1);
            letters.any(char::is_uppercase)
        };
        if upper && (at_starts || !starts || inner_capital()) && !pronoun() {
            normalize::for_each_word(piece, buf, |w| capitals.push(hash(w)));
        }
        // Marks alone ("—", "``") neither start nor end a sentence; a piece that ends in a
        // letter or a digit, as most do, ends none.
        if first.is_some() {
            starts = !piece.ends_with(|c: char| c.is_ascii_alphanumeric()) && ends_sentence(piece);
        }
    }
    capitals.sort_unstable();
    capitals.dedup();
    capitals
}

/// Whether `piece`, a word as written between spaces, ends a sentence: it ends in a full
/// stop, a question or an exclamation mark (closing quotes and brackets aside), and a full
/// stop is not an abbreviation's: not after a capital and at most two more letters ("Mr.",
/// "Gen."), nor inside the word ("U.S.", "p.m.").
fn ends_sentence(piece: &str) -> bool {
    let piece = piece.trim_end_matches(crate::sentences::CLOSERS);
    if piece.ends_with(['!', '?']) {
        return true;
    }
    let Some(word) = piece.strip_suffix('.') else {
        return false;
    };
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let short_capital =
        word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() <= 3;
    !word.is_empty() && !word.contains('.') && !short_capital
}

/// Most words whose stems a thread keeps from one comparison to the next.
const STEM_CACHE: usize = 1 << 16;

thread_local! {
    /// Stems of the words met by this thread's earlier comparisons: a corpus run meets the
    /// same words in pair after pair, and stemming costs more than a look-up.
    static STEMS: std::cell::RefCell<FastMap<Box<str>, Box<str>>> =
        std::cell::RefCell::new(FastMap::default());
}

/// Calls `f` with `w`'s Snowball stem, from this thread's cache when it has it.
fn with_stem<R>(stemmer: &Stemmer, w: &str, f: impl FnOnce(&str) -> R) -> R {
    STEMS.with_borrow_mut(|cache| {
        if let Some(stem) = cache.get(w) {
            return f(stem);
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        let stem = stemmer.stem(w);
        let r = f(&stem);
        cache.insert(w.into(), stem.into());
        r
    })
}

/// The hash of folded word `w`'s Snowball stem, or of `w` itself when it has three bytes or
/// fewer or a digit: those are their own stems.
fn stem_key(stemmer: &Stemmer, w: &str) -> u64 {
    if w.len() <= 3 || w.bytes().any(|b| b.is_ascii_digit()) {
        hash(w)
    } else {
        with_stem(stemmer, w, hash)
    }
}

/// Calls `f` with each item two sorted, deduplicated lists share.
fn for_each_shared<T: Ord + Copy>(x: &[T], y: &[T], mut f: impl FnMut(T)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests;
