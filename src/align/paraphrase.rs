//! Step 6 of the aligner, **paraphrase**: the sentences still unpaired after the other steps,
//! compared by the stems of their words and by the pairs of words they share in order.
//!
//! Newspapers rewrite wire copy harder than a word swap: "A disgruntled worker contaminated
//! thousands of savoury pancakes with glass after he was told he was to be made redundant"
//! becomes "A WORKER spiked thousands of savoury pancakes with glass after being told he was
//! to lose his job". Such a pair shares too little of its exact words for step 2, yet it
//! shares stems (told/tell aside, contaminated/contamination, pancakes/pancake) and runs of
//! words in the same order ("thousands of savoury pancakes", "with glass"), which a sentence
//! the outlet wrote itself about the same story rarely does.
//!
//! Only the unpaired sentences are read here, so the cost follows how much was rewritten,
//! not the length of the documents; candidates come from an index of shared rare stems.
//! Word weights are inverse frequencies among those sentences.

use rust_stemmers::{Algorithm, Stemmer};

use super::FastMap;
use super::vocab::is_stopword;
use crate::normalize;

/// Least weighted overlap of stems for a pair on overlap alone.
const ALONE: f64 = 0.35;
/// Least weighted overlap of stems for a pair that also shares [`RUNS`] pairs of words in
/// order.
const WITH_RUNS: f64 = 0.22;
/// Pairs of neighbouring stems (not both function words) shared in order.
const RUNS: usize = 2;
/// Candidates scored for each adapted sentence.
const CANDIDATES: usize = 12;
/// Most sentences a stem may be in and still find candidates.
const MAX_INDEXED: usize = 64;

/// One sentence's stems, as a sorted set.
struct Stems {
    set: Vec<u32>,
    /// Neighbouring stems, packed, sorted and deduplicated, where not both are function
    /// words.
    runs: Vec<u64>,
}

/// A paraphrase found: which sentences, and how alike they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Paraphrase {
    /// Index into the adapted texts given to [`pair`].
    pub a: usize,
    /// Index into the original texts given to [`pair`].
    pub o: usize,
    /// Weighted overlap of the stems (Dice), 0 to 1.
    pub similarity: f64,
    /// Pairs of neighbouring stems the two share in order.
    pub runs: usize,
}

/// Pairs adapted and original sentences that paraphrase each other, each at most once, best
/// first. The texts are the sentences left unpaired.
pub(super) fn pair(adapted: &[&str], originals: &[&str]) -> Vec<Paraphrase> {
    if adapted.is_empty() || originals.is_empty() {
        return Vec::new();
    }
    let stemmer = Stemmer::create(Algorithm::English);
    // Stem ids by stem, and by word: a word met again is not stemmed again.
    let mut ids: FastMap<Box<str>, u32> = FastMap::default();
    let mut by_word: FastMap<Box<str>, u32> = FastMap::default();
    let mut stop: Vec<bool> = Vec::new();
    let mut buf = String::new();
    let mut seq: Vec<(u32, bool)> = Vec::new();
    let mut read = |text: &str| -> Stems {
        // Each word's stem, and whether it was written with a capital (a name, mostly).
        seq.clear();
        normalize::for_each_word_in(text, &mut buf, |w, as_written| {
            let id = match by_word.get(w) {
                Some(&id) => id,
                None => {
                    // Function words are their own stems.
                    let is_stop = is_stopword(w);
                    let stem = if is_stop {
                        w.into()
                    } else {
                        stem_of(&stemmer, w)
                    };
                    let id = match ids.get(&*stem) {
                        Some(&id) => id,
                        None => {
                            let id = ids.len() as u32;
                            ids.insert(stem, id);
                            stop.push(is_stop);
                            id
                        }
                    };
                    by_word.insert(w.into(), id);
                    id
                }
            };
            seq.push((id, as_written.is_none()));
        });
        let mut set: Vec<u32> = seq.iter().map(|&(id, _)| id).collect();
        set.sort_unstable();
        set.dedup();
        // A run of two function words says nothing, and nor does a run of two names: every
        // sentence about "President Volodymyr Zelenskyy" has those, new ones included.
        let mut runs: Vec<u64> = (seq.windows(2))
            .filter(|p| {
                let function_words = stop[p[0].0 as usize] && stop[p[1].0 as usize];
                let names = p[0].1 && p[1].1;
                !function_words && !names
            })
            .map(|p| (u64::from(p[0].0) << 32) | u64::from(p[1].0))
            .collect();
        runs.sort_unstable();
        runs.dedup();
        Stems { set, runs }
    };
    let a: Vec<Stems> = adapted.iter().map(|t| read(t)).collect();
    let o: Vec<Stems> = originals.iter().map(|t| read(t)).collect();

    // Inverse frequency among these sentences, a fifth of it for a function word.
    let mut df = vec![0u32; ids.len()];
    for s in a.iter().chain(&o) {
        for &t in &s.set {
            df[t as usize] += 1;
        }
    }
    let n = (a.len() + o.len()) as f64;
    let weight: Vec<f64> = (df.iter().zip(&stop))
        .map(|(&d, &stop)| {
            let idf = (1.0 + n / f64::from(d.max(1))).ln();
            if stop { 0.2 * idf } else { idf }
        })
        .collect();
    let mass = |s: &Stems| s.set.iter().map(|&t| weight[t as usize]).sum::<f64>();
    let a_mass: Vec<f64> = a.iter().map(mass).collect();
    let o_mass: Vec<f64> = o.iter().map(mass).collect();

    let cap = (o.len() / 4).clamp(8, MAX_INDEXED) as u32;
    let mut index: FastMap<u32, Vec<usize>> = FastMap::default();
    for (k, s) in o.iter().enumerate() {
        for &t in &s.set {
            if !stop[t as usize] && df[t as usize] <= cap {
                index.entry(t).or_default().push(k);
            }
        }
    }

    let mut found: Vec<Paraphrase> = Vec::new();
    let mut scores = vec![0.0f64; o.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (i, s) in a.iter().enumerate() {
        for &t in &s.set {
            for &k in index.get(&t).map_or(&[][..], Vec::as_slice) {
                if scores[k] == 0.0 {
                    touched.push(k);
                }
                scores[k] += weight[t as usize];
            }
        }
        touched.sort_by(|&x, &y| scores[y].total_cmp(&scores[x]).then(x.cmp(&y)));
        for &k in touched.iter().take(CANDIDATES) {
            let shared: f64 = (intersect(&s.set, &o[k].set).iter())
                .map(|&t| weight[t as usize])
                .sum();
            let total = a_mass[i] + o_mass[k];
            let similarity = if total > 0.0 {
                2.0 * shared / total
            } else {
                0.0
            };
            let runs = intersect(&s.runs, &o[k].runs).len();
            if similarity >= ALONE || (similarity >= WITH_RUNS && runs >= RUNS) {
                found.push(Paraphrase {
                    a: i,
                    o: k,
                    similarity,
                    runs,
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
            .then(x.a.cmp(&y.a))
            .then(x.o.cmp(&y.o))
    });
    let (mut a_used, mut o_used) = (vec![false; a.len()], vec![false; o.len()]);
    found.retain(|p| {
        let free = !a_used[p.a] && !o_used[p.o];
        if free {
            a_used[p.a] = true;
            o_used[p.o] = true;
        }
        free
    });
    found
}

/// Most words whose stems a thread keeps from one comparison to the next.
const STEM_CACHE: usize = 1 << 16;

thread_local! {
    /// Stems of the words met by this thread's earlier comparisons: a corpus run meets the
    /// same words in pair after pair, and stemming costs more than a look-up.
    static STEMS: std::cell::RefCell<FastMap<Box<str>, Box<str>>> =
        std::cell::RefCell::new(FastMap::default());
}

/// `w`'s Snowball stem, from this thread's cache when it has it.
fn stem_of(stemmer: &Stemmer, w: &str) -> Box<str> {
    STEMS.with_borrow_mut(|cache| {
        if let Some(stem) = cache.get(w) {
            return stem.clone();
        }
        if cache.len() >= STEM_CACHE {
            cache.clear();
        }
        let stem: Box<str> = stemmer.stem(w).into();
        cache.insert(w.into(), stem.clone());
        stem
    })
}

/// The items two sorted, deduplicated lists share.
fn intersect<T: Ord + Copy>(x: &[T], y: &[T]) -> Vec<T> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heavy_paraphrase_is_paired_and_a_new_sentence_is_not() {
        let adapted = [
            "A WORKER spiked thousands of savoury pancakes with glass after being told he was to lose his job, a court heard yesterday.",
            "Neighbours described him as a quiet man who kept pigeons.",
        ];
        let originals = [
            "The trial continues tomorrow at Newcastle Crown Court.",
            "A disgruntled worker contaminated thousands of savoury pancakes with glass after he was told he was to be made redundant, a court heard today.",
            "McKay denies five charges of contaminating goods.",
        ];
        let found = pair(&adapted, &originals);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].a, found[0].o), (0, 1));
        assert!(found[0].similarity >= WITH_RUNS, "{found:?}");
    }

    #[test]
    fn names_in_common_do_not_make_a_paraphrase() {
        // The seed's editorial addition shares the president's full name with a wire
        // sentence, and little else.
        let found = pair(
            &[
                "Some have accused current Ukrainian President Volodymyr Zelenskyy, a former television actor, of being a puppet for this globalist cabal.",
            ],
            &[
                "Ukrainian President Volodymyr Zelenskyy has said Russia does not want to negotiate in earnest, and he has demanded the withdrawal of Russian troops as a condition for talks.",
            ],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn stems_match_inflected_forms() {
        let found = pair(
            &["The contamination of the pancakes was discovered by inspectors in March."],
            &["Inspectors discovered that the pancake had been contaminated in March."],
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn each_sentence_is_paired_once_best_first() {
        let o = [
            "Jones stood to gain a £96,000 pay-out from her husband's employer in the event of his death.",
        ];
        let a = [
            "Jones stood to gain £96,100 after her husband's death.",
            "Jones stood to gain £96,100 in life insurance after her husband's death, from his employer.",
        ];
        let found = pair(&a, &o);
        assert_eq!(found.len(), 1, "{found:?}");
        let other = pair(&a[..1], &o);
        assert_eq!(other.len(), 1, "{other:?}");
    }

    /// Through the whole pipeline: the paraphrase of a wire sentence, moved down among
    /// sentences the outlet wrote itself, is reworded, and those sentences stay inserted.
    #[test]
    fn compare_reports_a_paraphrase_as_reworded() {
        let wire = "A disgruntled worker contaminated thousands of savoury pancakes with glass after he was told he was to be made redundant, a court heard today.\n\n\
            Alan McKay, 32, put slivers of glass into the pancakes at the Northumbrian Fine Foods factory in Wark, Newcastle Crown Court was told.\n\n\
            The company had to recall products from supermarkets across the country at a cost of £250,000.\n\n\
            McKay denies five charges of contaminating goods.";
        let paper = "Neighbours said he was a quiet man who kept racing pigeons.\n\n\
            Alan McKay, 32, put slivers of glass into the pancakes at the Northumbrian Fine Foods factory in Wark, Newcastle Crown Court was told.\n\n\
            His family declined to comment outside the court.\n\n\
            He began spiking savoury pancakes with glass when his redundancy was announced, the jury heard.\n\n\
            McKay denies five charges of contaminating goods.";
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("paper", paper),
            &crate::Options::default(),
        );
        let kind_of = |needle: &str| {
            let seg = (cmp.segments.iter())
                .find(|s| {
                    s.adapted.as_ref().is_some_and(|r| {
                        crate::align::span_text(cmp.adapted_side(), r).contains(needle)
                    })
                })
                .expect(needle);
            seg.kind
        };
        assert_eq!(kind_of("spiking savoury"), crate::Kind::Reworded);
        assert_eq!(kind_of("racing pigeons"), crate::Kind::Inserted);
        assert_eq!(kind_of("declined to comment"), crate::Kind::Inserted);
        assert_eq!(kind_of("slivers of glass"), crate::Kind::Unchanged);
    }

    #[test]
    fn nothing_to_pair_is_nothing_paired() {
        assert!(pair(&[], &["A sentence."]).is_empty());
        assert!(pair(&["A sentence."], &[]).is_empty());
        assert!(pair(&["", "..."], &["", "—"]).is_empty());
    }
}
