use super::*;
use crate::extract::Document;
use crate::sentences::{Sentence, segment};

/// [`runs`] of `joined`'s sentences made of `lines`' sentences, as texts.
fn found(joined: &str, lines: &str) -> Vec<(String, Vec<String>)> {
    let (j, l) = (
        Document::from_text("j", joined),
        Document::from_text("l", lines),
    );
    let (js, ls): (Vec<Sentence>, Vec<Sentence>) = (segment(&j), segment(&l));
    let (jside, lside) = (
        Side {
            doc: &j,
            sentences: &js,
        },
        Side {
            doc: &l,
            sentences: &ls,
        },
    );
    let got = runs(jside, &vec![true; js.len()], lside, &vec![true; ls.len()]);
    (got.into_iter())
        .map(|(a, r)| {
            let texts = ls[r].iter().map(|s| s.text(&l).to_string()).collect();
            (js[a].text(&j).to_string(), texts)
        })
        .collect()
}

#[test]
fn a_table_run_into_one_paragraph_is_found_whole() {
    let table = "Standings\n\nDriver Points Wins\n\n1 Kyle Busch 5040 5\n\n2 Martin Truex Jr. 5035 7\n\n\
                 3 Kevin Harvick 5033 4\n\nThe season ends in Miami.\n";
    let flat = "Standings\n\nDriver Points Wins 1 Kyle Busch 5040 5 2 Martin Truex Jr. 5035 7 \
                3 Kevin Harvick 5033 4\n\nThe season ends in Miami.\n";
    let got = found(flat, table);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.len(), 4, "{got:?}");
    assert_eq!(got[0].1[0], "Driver Points Wins");
    assert_eq!(got[0].1[3], "3 Kevin Harvick 5033 4");
    // The other way round: the wire ran the table together, the page has its lines.
    let got = found(table, flat);
    assert!(
        got.is_empty(),
        "lines are not made of one sentence: {got:?}"
    );
}

#[test]
fn a_run_with_a_word_changed_or_a_line_left_out_is_no_run() {
    let table = "Driver Points Wins\n\n1 Kyle Busch 5040 5\n\n2 Martin Truex Jr. 5035 7\n";
    for flat in [
        "Driver Points Wins 1 Kyle Busch 5041 5 2 Martin Truex Jr. 5035 7\n",
        "Driver Points Wins 2 Martin Truex Jr. 5035 7\n",
        // A run that goes on past the lines is no run of them.
        "Driver Points Wins 1 Kyle Busch 5040 5 2 Martin Truex Jr. 5035 7 and more\n",
        // One line is no run.
        "Driver Points Wins\n",
    ] {
        let got = found(flat, table);
        assert!(got.is_empty(), "{flat}: {got:?}");
    }
}

#[test]
fn a_heading_of_one_word_glued_to_its_sentence_is_a_run() {
    let wire = "Speakers\n\nWe did not expect much change when it came to speakers.\n\nBattery\n\n\
                The battery lasted nine hours.\n";
    let page = "Speakers We did not expect much change when it came to speakers.\n\n\
                Battery The battery lasted nine hours.\n";
    let got = found(page, wire);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(
        got[0].1,
        [
            "Speakers",
            "We did not expect much change when it came to speakers."
        ]
    );
    assert_eq!(got[1].1[0], "Battery");
}

#[test]
fn a_table_run_into_several_paragraphs_is_found_run_by_run() {
    // Every row starts alike; each paragraph of the page joins two of them.
    let rows: Vec<String> = (1..=12)
        .map(|i| format!("Row data {i} of the table"))
        .collect();
    let wire = rows.join("\n\n");
    let page: Vec<String> = rows.chunks(2).map(|pair| pair.join(" ")).collect();
    let got = found(&page.join("\n\n"), &wire);
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(
        got[5].1,
        ["Row data 11 of the table", "Row data 12 of the table"]
    );
}
