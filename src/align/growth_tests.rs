use super::*;
use crate::extract::Document;
use crate::sentences::segment;

fn kinds(original: &str, adapted: &str) -> Vec<(Kind, String)> {
    let o = Document::from_text("o", original);
    let a = Document::from_text("a", adapted);
    let (os, as_) = (segment(&o), segment(&a));
    let a_side = Side {
        doc: &a,
        sentences: &as_,
    };
    align(
        &[Side {
            doc: &o,
            sentences: &os,
        }],
        a_side,
        &Options::default(),
    )
    .into_iter()
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
