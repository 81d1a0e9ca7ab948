use super::*;
use crate::extract::Document;
use crate::sentences::segment;

/// A long original and a copy with every sentence reworded (one word replaced), or
/// with every third one reworded, in paragraphs of five.
fn rewritten(n: usize, every: usize) -> (Document, Document) {
    let sentence = |i: usize, verb: &str| {
        format!(
            "Officer{i} of district{} {verb} the plan{} on Monday.",
            i % 97,
            i % 89
        )
    };
    let doc = |verb: &str, every: usize| {
        (0..n)
            .map(|i| sentence(i, if i % every == 0 { verb } else { "backed" }))
            .collect::<Vec<_>>()
            .chunks(5)
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    (
        Document::from_text("o", &doc("backed", 1)),
        Document::from_text("a", &doc("rejected", every)),
    )
}

fn run(o: &Document, a: &Document, limit: Option<Duration>) -> (Vec<Segment>, Vec<Fallback>) {
    let (os, as_) = (segment(o), segment(a));
    assert_eq!(os.len(), 2000);
    let opts = Options {
        time_limit: limit,
        ..Options::default()
    };
    let (segs, fallbacks) = align_within(
        &[Side {
            doc: o,
            sentences: &os,
        }],
        Side {
            doc: a,
            sentences: &as_,
        },
        &opts,
    );
    // Every sentence of both sides is in exactly one segment, deadline or not (an original
    // sentence also in the passages paired with it again).
    let mut a_seen = vec![0; as_.len()];
    let mut o_seen = vec![0; os.len()];
    for s in &segs {
        for i in s.adapted.clone().unwrap_or(0..0) {
            a_seen[i] += 1;
        }
        if s.paired_by == Some(PairedBy::Again) {
            continue;
        }
        for i in s.original.clone().map_or(0..0, |(_, r)| r) {
            o_seen[i] += 1;
        }
    }
    assert!(a_seen.iter().chain(&o_seen).all(|&n| n == 1));
    (segs, fallbacks)
}

#[test]
fn a_passed_deadline_falls_back_and_still_covers_every_sentence() {
    let (o, a) = rewritten(2000, 1);
    let (segs, fallbacks) = run(&o, &a, Some(Duration::ZERO));
    assert!(fallbacks.contains(&Fallback::Rewordings), "{fallbacks:?}");
    // Rewordings were not paired by their words: inserted and removed instead.
    let count = |k: Kind| segs.iter().filter(|s| s.kind == k).count();
    assert_eq!(count(Kind::Inserted), 2000);
    assert_eq!(count(Kind::Removed), 2000);
}

#[test]
fn a_passed_deadline_skips_word_edits() {
    // Every third sentence reworded: the unchanged ones are still found by their keys,
    // and a lone changed sentence between two of them is paired by position, but its
    // word edits are not computed.
    let (o, a) = rewritten(2000, 3);
    let (segs, fallbacks) = run(&o, &a, Some(Duration::ZERO));
    assert!(fallbacks.contains(&Fallback::WordEdits), "{fallbacks:?}");
    let reworded: Vec<&Segment> = segs.iter().filter(|s| s.kind == Kind::Reworded).collect();
    assert!(reworded.len() > 600, "{}", reworded.len());
    for s in reworded {
        let ops: Vec<Op> = s.changes.iter().map(|c| c.op).collect();
        assert_eq!(ops, [Op::Delete, Op::Insert]);
    }
    let (segs, fallbacks) = run(&o, &a, None);
    assert!(fallbacks.is_empty());
    let s = segs
        .iter()
        .find(|s| s.kind == Kind::Reworded)
        .expect("a rewording");
    assert!(s.changes.iter().any(|c| c.op == Op::Equal));
}

#[test]
fn without_a_deadline_every_rewording_is_paired() {
    let (o, a) = rewritten(2000, 1);
    let (segs, fallbacks) = run(&o, &a, None);
    assert!(fallbacks.is_empty());
    assert!(
        segs.iter().all(|s| s.kind == Kind::Reworded),
        "not all reworded"
    );
    assert!(segs.iter().all(|s| !s.moved));
    assert_eq!(segs.len(), 2000);
}
