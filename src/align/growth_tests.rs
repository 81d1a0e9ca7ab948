use super::*;
use crate::extract::Document;
use crate::sentences::{Sentence, segment};

/// The adapted document, its sentences, and the segments of its alignment with `original`.
fn aligned(original: &str, adapted: &str) -> (Document, Vec<Sentence>, Vec<Segment>) {
    let o = Document::from_text("o", original);
    let a = Document::from_text("a", adapted);
    let (os, as_) = (segment(&o), segment(&a));
    let segs = align(
        &[Side {
            doc: &o,
            sentences: &os,
        }],
        Side {
            doc: &a,
            sentences: &as_,
        },
        &Options::default(),
    );
    (a, as_, segs)
}

fn kinds(original: &str, adapted: &str) -> Vec<(Kind, String)> {
    let (a, as_, segs) = aligned(original, adapted);
    let a_side = Side {
        doc: &a,
        sentences: &as_,
    };
    segs.into_iter()
        .map(|s| {
            let text = s
                .adapted
                .as_ref()
                .map_or(String::new(), |r| span_text(a_side, r).to_string());
            (s.kind, text)
        })
        .collect()
}

/// An editorial sentence built from a reworded sentence's own names is not the second
/// half of a split.
#[test]
fn insertion_reusing_names_is_not_a_split() {
    let got = kinds(
        "Officials in Inner Mongolia said the plague patient in Xilingol is expected to make a full recovery. Markets were calm.",
        "Officials in Inner Mongolia said the plague patient in Xilingol should recover fully. \
             This is yet another example of Inner Mongolia officials hiding the plague in Xilingol. Markets were calm.",
    );
    assert_eq!(got[0].0, Kind::Reworded);
    assert!(!got[0].1.contains("yet another"), "{got:?}");
    assert_eq!(got[1].0, Kind::Inserted);
}

#[test]
fn true_split_still_grows() {
    let got = kinds(
        "Crews restored power to 38,000 customers by Sunday, though some rural homes may wait until Wednesday. Roads stayed icy.",
        "Crews restored power to 38,000 customers by Sunday. Some rural homes may wait until Wednesday. Roads stayed icy.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, Kind::Reworded);
    assert!(got[0].1.contains("Wednesday"));
}

/// Regression: an editorial sentence put in the place of a cut one was paired with it.
#[test]
fn long_replacement_sharing_no_words_is_insertion_and_removal() {
    let got = kinds(
        "The plant opened in Ellery in 1958. It was founded in Oslo by two brothers who built tractors. It employs 310 people.",
        "The plant opened in Ellery in 1958. Critics were quick to seize on the news of the closure. It employs 310 people.",
    );
    let k: Vec<Kind> = got.iter().map(|g| g.0).collect();
    assert!(
        k.contains(&Kind::Inserted) && k.contains(&Kind::Removed),
        "{got:?}"
    );
}

/// Wire copy with a sentence two adapted sentences draw on.
const PANCAKES: &str = "A worker contaminated thousands of savoury pancakes with glass, a court heard. \
    Paul Sloan, prosecuting, said the 61-year-old, who denies five charges of contaminating \
    goods, was heard singing a ditty about glass. The factory employs 800 workers. \
    Rumours spread around the plant over the weekend.";

/// Two adapted sentences drawn from one wire sentence, far apart: the second is paired with
/// it again, by the words the first left out; an editorial sentence that reuses only the
/// words the first took stays inserted.
#[test]
fn a_second_sentence_drawn_from_a_held_wire_sentence_is_paired_again() {
    let adapted = "A worker spiked thousands of savoury pancakes with glass, a court heard. \
        Angry John McKay, 61, was heard singing a ditty about glass. \
        The factory employs 800 workers. McKay sang about glass, critics say, as if it were a joke. \
        He denies five charges of contaminating goods.";
    let (a, as_, segs) = aligned(PANCAKES, adapted);
    let of = |needle: &str| segment_of(&a, &as_, &segs, needle);
    let first = of("Angry John McKay");
    assert_eq!(first.kind, Kind::Reworded);
    let again = of("He denies five charges");
    assert_eq!(again.kind, Kind::Reworded);
    assert_eq!(again.paired_by, Some(PairedBy::Again));
    assert!(!again.moved);
    // Both draw on the same wire sentence, which is removed nowhere.
    assert_eq!(again.original, first.original);
    assert!(
        (segs.iter()).all(|s| s.kind != Kind::Removed || s.original != first.original),
        "{segs:?}"
    );
    assert_eq!(of("critics say").kind, Kind::Inserted);
}

/// A second sentence drawn from a held wire sentence may wrap the words the first passage
/// left out in many of its own (informant4_sun: "A CROWN Prosecution Service clerk tipped
/// off mobsters…"): it is still paired again.
#[test]
fn a_second_sentence_with_many_words_of_its_own_is_paired_again() {
    let adapted = "A worker spiked thousands of savoury pancakes with glass, a court heard. \
        Angry John McKay, 61, was heard singing a ditty about glass. \
        The factory employs 800 workers. \
        The grandfather of three, who had worked on the production line at the plant for over \
        two decades and now lives alone in a rented flat near the river with his elderly dog, \
        denies five charges of contaminating goods.";
    let (a, as_, segs) = aligned(PANCAKES, adapted);
    let again = segment_of(&a, &as_, &segs, "The grandfather");
    assert_eq!(again.kind, Kind::Reworded, "{segs:?}");
    assert_eq!(again.paired_by, Some(PairedBy::Again));
}

/// The segment that holds the adapted sentence containing `needle`.
fn segment_of<'s>(
    doc: &Document,
    sentences: &[Sentence],
    segs: &'s [Segment],
    needle: &str,
) -> &'s Segment {
    let i = (sentences.iter())
        .position(|s| s.text(doc).contains(needle))
        .expect("an adapted sentence");
    (segs.iter())
        .find(|s| s.adapted.as_ref().is_some_and(|r| r.contains(&i)))
        .expect("its segment")
}
