use super::*;
use crate::extract::Document;
use crate::sentences::segment;

/// Regression: candidates cut by the per-sentence limit kept a stale score and were never
/// offered again, so a later near-identical sentence came out inserted + removed.
#[test]
fn candidates_cut_for_one_sentence_stay_available_for_the_next() {
    let words = [
        "apple", "bright", "cobalt", "dune", "ember", "fjord", "glacier", "harbor", "island",
        "jungle",
    ];
    let original: String = words
        .iter()
        .map(|w| format!("The zebra saw a {w} near {w}ville."))
        .collect::<Vec<_>>()
        .join(" ");
    let adapted = "The zebra met a zebra. The zebra saw a jungle close to jungleville.";
    let o = Document::from_text("o", &original);
    let a = Document::from_text("a", adapted);
    let (os, as_) = (segment(&o), segment(&a));
    let opts = Options {
        candidates: 4,
        ..Options::default()
    };
    let segs = align(
        &[Side {
            doc: &o,
            sentences: &os,
        }],
        Side {
            doc: &a,
            sentences: &as_,
        },
        &opts,
    );
    let jungle = segs
        .iter()
        .find(|s| s.adapted == Some(1..2))
        .expect("segment of the jungle sentence");
    assert_eq!(jungle.kind, Kind::Reworded);
    assert_eq!(jungle.original, Some((0, 9..10)));
}
