use super::*;
use crate::extract::Document;
use crate::normalize;
use crate::sentences::Sentence;
use crate::sentences::segment;

/// Aligns with the backbone diff over the shared keys only, or over every sentence; in
/// stretches of at least `stretch` sentences where it may.
fn aligned(
    originals: &[Document],
    adapted: &Document,
    shared_only: bool,
    stretch: usize,
) -> Vec<Segment> {
    let o_sents: Vec<Vec<Sentence>> = originals.iter().map(segment).collect();
    let a_sents = segment(adapted);
    let sides: Vec<Side<'_>> = originals
        .iter()
        .zip(&o_sents)
        .map(|(doc, sentences)| Side { doc, sentences })
        .collect();
    let side = Side {
        doc: adapted,
        sentences: &a_sents,
    };
    let mut aligner = Aligner::new(&sides, side, Options::default());
    aligner.shared_keys_only = shared_only;
    aligner.stretch = stretch;
    aligner.run().0
}

/// A small linear congruential generator, numbers below `n`: the cases are the same on
/// every run.
fn generator(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    }
}

#[test]
fn same_key_stretches_cut_where_both_sides_hold_the_same_keys() {
    let old: Vec<u32> = (0..10).collect();
    let new = [0, 1, 5, 6, 7, 2, 3, 4, 8, 9];
    let cuts = |min| -> Vec<(usize, usize)> {
        same_key_stretches(&old, &new, min)
            .into_iter()
            .map(|(o, a)| {
                assert_eq!(o, a);
                (o.start, o.end)
            })
            .collect()
    };
    assert_eq!(cuts(1), [(0, 1), (1, 2), (2, 8), (8, 9), (9, 10)]);
    assert_eq!(cuts(3), [(0, 8), (8, 10)]);
    assert_eq!(cuts(100), [(0, 10)]);
    // Not the same keys on both sides, or a key twice: one stretch.
    assert_eq!(same_key_stretches(&old, &new[..9], 1), [(0..10, 0..9)]);
    let twice = [0, 1, 5, 6, 7, 2, 3, 4, 8, 8];
    assert_eq!(same_key_stretches(&old, &twice, 1), [(0..10, 0..10)]);
    let other = [0, 1, 5, 6, 7, 2, 3, 4, 8, 11];
    assert_eq!(same_key_stretches(&old, &other, 1), [(0..10, 0..10)]);
    assert!(same_key_stretches::<u32>(&[], &[], 1).is_empty());
}

/// The backbone diffed in stretches matches as many sentences as one diff of the whole,
/// on long sequences with moved blocks, as a long lightly edited document has.
#[test]
fn diffing_in_stretches_matches_as_many_as_one_diff() {
    let mut next = generator(0x9e37_79b9_7f4a_7c15);
    let equal = |ops: &[DiffOp]| -> usize {
        ops.iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum()
    };
    for case in 0..40 {
        let n = 500 + next(3000);
        let old: Vec<u32> = (0..n as u32).collect();
        let mut new = old.clone();
        for _ in 0..1 + n / 100 {
            let len = 1 + next(4);
            let from = next(n - len);
            let block: Vec<u32> = new.drain(from..from + len).collect();
            let to = (from + next(60)).min(new.len());
            new.splice(to..to, block);
        }
        let whole = capture_diff_deadline(Algorithm::Patience, &old, 0..n, &new, 0..n, None);
        let mut parts = Vec::new();
        let stretches = same_key_stretches(&old, &new, 1 + next(300));
        assert!(stretches.len() > 1, "case {case}");
        for (o, a) in stretches {
            parts.extend(capture_diff_deadline(
                Algorithm::Patience,
                &old,
                o,
                &new,
                a,
                None,
            ));
        }
        assert_eq!(equal(&parts), equal(&whole), "case {case}");
    }
}

/// The pairs `similar`'s Patience diff matches.
fn patience_pairs(old: &[u32], new: &[u32]) -> Vec<(usize, usize)> {
    let ops = capture_diff_deadline(
        Algorithm::Patience,
        old,
        0..old.len(),
        new,
        0..new.len(),
        None,
    );
    equal_pairs(ops).collect()
}

/// On sequences like a long document's keys (most once, some repeated like datelines,
/// blocks moved, keys cut and added), the anchors diffed in stretches and the gaps
/// diffed apart match what one Patience diff of the whole matches.
#[test]
fn patience_in_stretches_matches_what_patience_matches() {
    let mut next = generator(0x853c_49e6_748f_ea9b);
    let (mut differing, mut got_total, mut want_total) = (0, 0, 0);
    for case in 0..300 {
        let n = 20 + next(if case < 250 { 200 } else { 3000 });
        // Keys 0..5 stand for repeated sentences ("(Reuters) -", "Story timeline").
        let key = |i: usize, next: &mut dyn FnMut(usize) -> usize| {
            if next(10) == 0 {
                next(5) as u32
            } else {
                5 + i as u32
            }
        };
        let old: Vec<u32> = (0..n).map(|i| key(i, &mut next)).collect();
        let mut new: Vec<u32> = Vec::new();
        for (i, &k) in old.iter().enumerate() {
            match next(30) {
                0 => {}                                     // cut
                1 => new.push(1_000_000 + i as u32),        // reworded
                2 => new.extend([k, 2_000_000 + i as u32]), // added
                _ => new.push(k),
            }
        }
        for _ in 0..1 + n / 100 {
            let len = 1 + next(4);
            if new.len() > len {
                let from = next(new.len() - len);
                let block: Vec<u32> = new.drain(from..from + len).collect();
                let to = (from + next(40)).min(new.len());
                new.splice(to..to, block);
            }
        }
        let want = patience_pairs(&old, &new);
        for stretch in [1, 7, STRETCH, usize::MAX] {
            let got = patience_in_stretches(&old, &new, stretch, None);
            assert!(got.iter().all(|&(o, a)| old[o] == new[a]), "case {case}");
            assert!(got.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
            // Where the diff of the anchors may choose between equally long diffs, it
            // may choose otherwise than `similar`'s, which also sees the keys found once
            // on one side only; the gaps then differ, by a pair at most here, either way.
            assert!(
                got.len().abs_diff(want.len()) <= 1,
                "case {case}, stretch {stretch}: {} pairs, Patience {}",
                got.len(),
                want.len()
            );
            differing += usize::from(got != want);
            (got_total, want_total) = (got_total + got.len(), want_total + want.len());
        }
    }
    assert!(differing <= 120, "{differing} of 1,200 differ");
    assert!(
        got_total + 5 >= want_total,
        "{got_total} pairs, Patience {want_total}"
    );
}

#[test]
fn leaving_unshared_sentences_out_of_the_backbone_changes_nothing() {
    let mut next = generator(0x2545_f491_4f6c_dd1d);
    let subjects = [
        "The mayor",
        "Police",
        "The senator",
        "Officials",
        "The company",
    ];
    let verbs = ["said", "denied", "announced", "confirmed", "rejected"];
    let things = [
        "the plan",
        "a new tax",
        "the report",
        "the deal",
        "its budget",
    ];
    let days = [
        "on Monday",
        "last week",
        "in March",
        "after the vote",
        "again",
    ];
    let sentence = |next: &mut dyn FnMut(usize) -> usize| {
        format!(
            "{} {} {} {}.",
            subjects[next(5)],
            verbs[next(5)],
            things[next(5)],
            days[next(5)]
        )
    };
    let mut distinct_cases = 0;
    for case in 0..2000 {
        let originals: Vec<Vec<String>> = (0..1 + case % 2)
            .map(|_| (0..4 + case % 13).map(|_| sentence(&mut next)).collect())
            .collect();
        let mut adapted: Vec<String> = Vec::new();
        for o in &originals {
            for s in o {
                match next(8) {
                    0 => {}                                                  // cut
                    1 => adapted.push(s.replace("the ", "a ")),              // reworded
                    2 => adapted.insert(next(adapted.len() + 1), s.clone()), // moved
                    3 => {
                        adapted.push(sentence(&mut next)); // inserted
                        adapted.push(s.clone());
                    }
                    _ => adapted.push(s.clone()),
                }
            }
        }
        let no_repeat = |side: &[String]| {
            let keys: std::collections::HashSet<String> =
                side.iter().map(|s| normalize::key(s)).collect();
            keys.len() == side.len()
        };
        distinct_cases +=
            usize::from(originals.len() == 1 && no_repeat(&adapted) && no_repeat(&originals[0]));
        let docs: Vec<Document> = (originals.iter().enumerate())
            .map(|(i, o)| Document::from_text(format!("o{i}"), &o.join("\n\n")))
            .collect();
        let a = Document::from_text("a", &adapted.join("\n\n"));
        let whole = aligned(&docs, &a, false, STRETCH);
        assert_eq!(
            aligned(&docs, &a, true, STRETCH),
            whole,
            "case {case}: {originals:?} / {adapted:?}"
        );
        // Diffed in stretches as short as can be, where both sides hold the same keys.
        assert_eq!(
            aligned(&docs, &a, true, 1),
            whole,
            "case {case}, stretches: {originals:?} / {adapted:?}"
        );
    }
    // Both paths of the backbone were taken: many cases (one original) repeat no key.
    assert!(distinct_cases > 500, "{distinct_cases}");
}

/// Every pair of sentences of `docs` (the first the adapted article): equal key ids
/// exactly when [`normalize::key`] gives equal strings, [`NO_KEY`] exactly for an empty
/// key.
fn assert_key_ids_match_key_strings(docs: &[Document]) -> usize {
    let sents: Vec<Vec<Sentence>> = docs.iter().map(segment).collect();
    let sides: Vec<Side<'_>> = (docs.iter().zip(&sents))
        .map(|(doc, sentences)| Side { doc, sentences })
        .collect();
    let aligner = Aligner::new(&sides[1..], sides[0], Options::default());
    let ids =
        (aligner.vocab.adapted_keys.iter()).chain(aligner.vocab.original_keys.iter().flatten());
    let strings = (sides.iter()).flat_map(|side| {
        (side.sentences.iter()).map(|s| (normalize::key(s.text(side.doc)), s.text(side.doc)))
    });
    let all: Vec<(u32, (String, &str))> = ids.copied().zip(strings).collect();
    assert_eq!(all.len(), sents.iter().map(Vec::len).sum::<usize>());
    for (id, (key, text)) in &all {
        assert_eq!(*id == NO_KEY, key.is_empty(), "{text:?}");
        assert!(
            *id == NO_KEY || (*id as usize) < aligner.vocab.key_count,
            "{text:?}"
        );
    }
    let mut by_id: std::collections::HashMap<u32, &str> = Default::default();
    let mut by_key: std::collections::HashMap<&str, u32> = Default::default();
    for (id, (key, text)) in &all {
        if *id == NO_KEY {
            continue;
        }
        let k = *by_id.entry(*id).or_insert(key);
        assert_eq!(k, key, "one id, two keys: {text:?}");
        let i = *by_key.entry(key).or_insert(*id);
        assert_eq!(i, *id, "one key, two ids: {text:?}");
    }
    by_key.len()
}

#[test]
fn key_ids_are_equal_exactly_when_key_strings_are() {
    // Respellings met before and after their American form, honorifics and the words of a
    // percentage, separators without words, and sentences that are nothing but honorifics
    // or "per cent".
    let a = "The colour of the defence was grey. Mr. Smith said the colour was grey.\n\n\
                 * * *\n\nMr. Dr.\n\nThe programmes ended. The color of the defense was gray.";
    let o1 = "Smith said the color was gray. The programs ended.\n\n***\n\n* * *\n\n\
                  Mr Dr\n\nThe color of the defence was grey.";
    let o2 = "The colours were grey. The colors were gray. Ms. Jones left. Jones left. \
              Prices rose 5 per cent. Per cent. Prices rose 5%. Prices rose 5 percent.";
    let docs = [
        Document::from_text("a", a),
        Document::from_text("o1", o1),
        Document::from_text("o2", o2),
    ];
    let distinct = assert_key_ids_match_key_strings(&docs);
    assert!(distinct >= 8, "{distinct}");
    // And the real pairs (the fixtures), every original with its adapted
    // article.
    let mut pairs = 0;
    for dir in crate::test_data::pair_dirs() {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("pair dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let Some(at) = files.iter().position(|p| p.ends_with("adapted.txt")) else {
            continue;
        };
        let adapted = files.remove(at);
        let read = |p: &std::path::Path| {
            Document::from_text("f", &std::fs::read_to_string(p).expect("fixture"))
        };
        let docs: Vec<Document> = std::iter::once(read(&adapted))
            .chain(files.iter().map(|p| read(p)))
            .collect();
        if docs.len() > 1 {
            assert_key_ids_match_key_strings(&docs);
            pairs += 1;
        }
    }
    assert!(pairs >= 5, "{pairs}");
}

#[test]
fn reusing_the_words_of_a_repeated_sentence_changes_nothing() {
    // Unchanged, reworded, repeated and respelled sentences, two originals.
    let a = "The colour was grey. Police said the fire started at 3 a.m. on Monday.\n\n\
                 The mayor said the plan would cost $5 million. Police said the fire started at \
                 3 a.m. on Monday.\n\nA new sentence. The colour was grey.";
    let o1 = "Police said the fire started at 3 a.m. on Monday. The colour was grey.\n\n\
                  The mayor said the plan would cost $4 million.";
    let o2 = "The colour was grey. A new sentence. Mr. Smith left.";
    let docs = [
        Document::from_text("a", a),
        Document::from_text("o1", o1),
        Document::from_text("o2", o2),
    ];
    let sents: Vec<Vec<Sentence>> = docs.iter().map(segment).collect();
    let sides: Vec<Side<'_>> = (docs.iter().zip(&sents))
        .map(|(doc, sentences)| Side { doc, sentences })
        .collect();
    let fresh = Aligner::build(&sides[1..], sides[0], Options::default(), false);
    let reused = Aligner::build(&sides[1..], sides[0], Options::default(), true);
    assert_eq!(fresh.vocab.adapted_keys, reused.vocab.adapted_keys);
    assert_eq!(fresh.vocab.original_keys, reused.vocab.original_keys);
    assert_eq!(fresh.vocab.toks.lists(), reused.vocab.toks.lists());
    assert_eq!(fresh.vocab.original_offsets, reused.vocab.original_offsets);
    assert_eq!(fresh.vocab.df, reused.vocab.df);
    assert_eq!(fresh.vocab.weight, reused.vocab.weight);
    // The repeats were there to reuse: a word in four sentences counted four times.
    let police = reused.adapted_words(1)[0];
    assert!(
        reused.vocab.df.iter().any(|&d| d >= 5),
        "{:?}",
        reused.vocab.df
    );
    assert!(reused.vocab.df[police as usize] >= 3);
    assert_eq!(fresh.run().0, reused.run().0);
}

/// The similarity of an adapted sentence from its word weights laid out by id
/// ([`Aligner::similarity_to`], which pairing rewordings uses) is [`Aligner::similarity`]
/// to the last bit, for every adapted and original sentence of the real pairs.
#[test]
fn similarity_from_laid_out_weights_is_the_merged_one() {
    let mut compared = 0;
    for dir in crate::test_data::pair_dirs() {
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
        let (Some(a), Some(o)) = (
            read("adapted.txt"),
            read("original.txt").or_else(|| read("original-1.txt")),
        ) else {
            continue;
        };
        let docs = [Document::from_text("a", &a), Document::from_text("o", &o)];
        let sents: Vec<Vec<Sentence>> = docs.iter().map(segment).collect();
        let sides: Vec<Side<'_>> = (docs.iter().zip(&sents))
            .map(|(doc, sentences)| Side { doc, sentences })
            .collect();
        let al = Aligner::new(&sides[1..], sides[0], Options::default());
        let mut weights = vec![0.0; al.vocab.weight.len()];
        for ai in 0..sents[0].len() {
            for &t in al.adapted_words(ai) {
                weights[t as usize] = al.vocab.weight[t as usize];
            }
            for oi in 0..sents[1].len() {
                let merged = al.similarity(al.adapted_words(ai), al.original_words((0, oi)));
                let laid_out = al.similarity_to(&weights, al.masses[ai], (0, oi));
                assert_eq!(merged.to_bits(), laid_out.to_bits(), "{ai} {oi}");
                compared += usize::from(merged > 0.0);
            }
            weights.fill(0.0);
        }
    }
    assert!(compared > 1000, "{compared}");
}
