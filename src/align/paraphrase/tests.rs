use super::*;

/// The one paraphrase [`pair_texts`] finds, which must pair the sentences at `at`.
fn only_pair(adapted: &[&str], originals: &[&str], at: (usize, usize)) -> Paraphrase {
    let found = pair_texts(adapted, originals);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].adapted, found[0].original), at, "{found:?}");
    found[0]
}

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
    assert!(only_pair(&adapted, &originals, (0, 1)).similarity >= WITH_RUNS);
}

#[test]
fn names_in_common_do_not_make_a_paraphrase() {
    // The seed's editorial addition shares the president's full name with a wire
    // sentence, and little else.
    let found = pair_texts(
        &[
            "Some have accused current Ukrainian President Volodymyr Zelenskyy, a former television actor, of being a puppet for this globalist cabal.",
        ],
        &[
            "Ukrainian President Volodymyr Zelenskyy has said Russia does not want to negotiate in earnest, and he has demanded the withdrawal of Russian troops as a condition for talks.",
        ],
    );
    assert!(found.is_empty(), "{found:?}");
}

/// A sentence that keeps many of a wire sentence's words among many of its own pairs, at
/// an overlap too low for the other rules (bbcstreet51_express); four names alone do not.
#[test]
fn many_shared_words_make_a_paraphrase() {
    let adapted = [
        "BBC1 controller Peter Salmon used the event to fire a coded broadside at ITV which last week recruited BBC1 sports presenter Des Lynam in a £5million deal.",
        "The Major Years is part of a £190million autumn schedule, launched yesterday.",
    ];
    let originals = [
        "The corporation unveiled its new drama season at a London launch.",
        "BBC1 recently lost its sport figurehead Des Lynam to ITV, and a rash of similar lifestyle and docusoap formats have appeared on each channel.",
        "Viewers will also see a new series of the hospital drama.",
    ];
    assert!(only_pair(&adapted, &originals, (0, 1)).similarity < ALONE);
    // The same names without a plain word in common.
    let found = pair_texts(
        &["BBC1 star Des Lynam was seen at ITV with Peter Salmon."],
        &["BBC1 recently lost Des Lynam to ITV, and formats have appeared on each channel."],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn stems_match_inflected_forms() {
    let found = pair_texts(
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
    let found = pair_texts(&a, &o);
    assert_eq!(found.len(), 1, "{found:?}");
    let other = pair_texts(&a[..1], &o);
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
fn evidence_sorts_shared_words_into_names_numbers_and_words() {
    let e = evidence(
        "The court heard Mrs Jones stood to gain a £96,000 pay-out from her husband's employer in the event of his death.",
        "Jones stood to gain £96,000 in life insurance after her husband's death, Cardiff Crown Court heard.",
    );
    // "Jones" opens the adapted sentence, but the original writes it with a capital
    // past its first word: still not a name here, as the adapted side's first word.
    assert_eq!(e.numbers, ["96,000"]);
    assert_eq!(
        e.words,
        [
            "jones", "stood", "gain", "husbands", "death", "court", "heard"
        ]
    );
    assert!(e.names.is_empty(), "{e:?}");
    let e = evidence(
        "Prosecutor Susan Ferrier said they were not offering further evidence.",
        "Miss Ferrier then said the prosecution was offering no further evidence.",
    );
    assert_eq!(e.names, ["ferrier"]);
    assert_eq!(e.words, ["offering", "further", "evidence"]);
    assert!(evidence("He gave no details.", "He did not elaborate.") == Evidence::default());
    // Inflected forms are shared words only for a paraphrase, paired by stems.
    let (o, a) = (
        "The pancakes were contaminated.",
        "The contamination of a pancake.",
    );
    assert_eq!(evidence(o, a).words, ["contamination", "pancake"]);
}

/// [`evidence_of_changes`] of word-level edits given as (op, text), against `original`.
fn evidence_of_edits(edits: &[(crate::align::Op, &str)], original: &str) -> Evidence {
    let changes: Vec<crate::align::Change> = (edits.iter())
        .map(|&(op, text)| crate::align::Change {
            op,
            text: text.to_string(),
        })
        .collect();
    evidence_of_changes(&changes, original)
}

#[test]
fn evidence_of_edits_lists_the_kept_words() {
    use crate::align::Op;
    let e = evidence_of_edits(
        &[
            (Op::Delete, "Prosecutor Susan"),
            (Op::Insert, "Miss"),
            (Op::Equal, " Ferrier said "),
            (Op::Delete, "they"),
            (Op::Insert, "the prosecution"),
            (
                Op::Equal,
                " was offering £96,000 in China's further evidence.",
            ),
        ],
        "Prosecutor Susan Ferrier said they was offering £96,000 in China's further evidence.",
    );
    assert_eq!(e.names, ["ferrier", "chinas"]);
    assert_eq!(e.numbers, ["96,000"]);
    assert_eq!(e.words, ["offering", "further", "evidence"]);
    // A title-case headline: its capitals are no names.
    let e = evidence_of_edits(
        &[
            (Op::Equal, "China's Xi Calls for Anti-Western Alliance"),
            (Op::Insert, " Now"),
        ],
        "China's Xi Calls for Anti-Western Alliance",
    );
    assert!(e.names.is_empty(), "{e:?}");
    assert_eq!(e.words[..3], ["chinas", "xi", "calls"]);
}

/// A capital is a name's only past a sentence's first word, and only when the original has
/// the word with a capital too: a tabloid's capitals, a second sentence's first word and a
/// word the original writes in small letters are no names.
#[test]
fn evidence_names_are_names_on_both_sides() {
    use crate::align::Op;
    // pancake275_mirror: "A WORKER spiked…" from "A disgruntled worker contaminated…".
    let e = evidence_of_edits(
        &[
            (Op::Equal, "A "),
            (Op::Delete, "disgruntled "),
            (Op::Equal, "WORKER "),
            (Op::Delete, "contaminated"),
            (Op::Insert, "spiked"),
            (
                Op::Equal,
                " thousands of pancakes with glass, Newcastle Crown Court heard.",
            ),
        ],
        "A disgruntled worker contaminated thousands of pancakes with glass, Newcastle Crown court heard.",
    );
    assert_eq!(e.names, ["newcastle", "crown"], "{e:?}");
    assert_eq!(
        e.words,
        ["worker", "thousands", "pancakes", "glass", "court", "heard"]
    );
    // Two sentences run together: the second's first word is no name; after "Mr." it is.
    let e = evidence_of_edits(
        &[(
            Op::Equal,
            "There are hardly any homes. Most people see Mr. Gedge.",
        )],
        "There are hardly any homes, and most people see Mr. Gedge.",
    );
    assert_eq!(e.names, ["gedge"], "{e:?}");
    assert_eq!(e.words, ["hardly", "any", "homes", "most", "people", "see"]);
    // A name that opens the original's sentence is still a name inside the adapted one, and
    // "I'm" is none.
    let e = evidence_of_edits(
        &[(Op::Equal, "He told Roger Gedge: \"I'm sorry.\"")],
        "Roger Gedge said: \"I'm sorry.\"",
    );
    assert_eq!(e.names, ["roger", "gedge"], "{e:?}");
    // A passage that keeps only names is no title-case headline: its added words count.
    let e = evidence_of_edits(
        &[
            (Op::Delete, "Earlier "),
            (Op::Equal, "Clive Nicholls QC, "),
            (Op::Delete, "also"),
            (Op::Insert, "counsel"),
            (Op::Equal, " for "),
            (Op::Insert, "General "),
            (Op::Equal, "Pinochet, "),
            (Op::Delete, "urged the court to strike out the charges."),
            (Op::Insert, "apologised."),
        ],
        "Earlier Clive Nicholls QC, also for Pinochet, urged the court to strike out the charges.",
    );
    assert_eq!(e.names, ["nicholls", "qc", "pinochet"], "{e:?}");
    assert_eq!(e.words, ["clive"], "{e:?}");
    let e = evidence(
        "Roger Gedge, 30, lost a leg.",
        "The judge told Roger Gedge his leg was lost. Lost legs cost.",
    );
    assert_eq!(e.names, ["roger", "gedge"], "{e:?}");
    assert_eq!(e.words, ["leg", "lost", "legs"], "{e:?}");
}

#[test]
fn nothing_to_pair_is_nothing_paired() {
    assert!(pair_texts(&[], &["A sentence."]).is_empty());
    assert!(pair_texts(&["A sentence."], &[]).is_empty());
    assert!(pair_texts(&["", "..."], &["", "—"]).is_empty());
}

#[test]
fn a_sentence_condensed_from_a_long_one_is_paired_on_what_it_keeps() {
    // Half the wire sentence is about something else: the overlap of the two is low, but
    // what the paper wrote is mostly in it.
    let adapted = [
        "Miss Ferrier then said the prosecution was offering no further evidence.",
        "The Grants refused to talk to reporters outside the building.",
    ];
    let originals = [
        "Prosecutor Susan Ferrier said they were not offering further evidence in the case and \
         Recorder of Cardiff Michael Gibbon QC formally found the couple not guilty of the charges.",
        "Richard told the trial he lived on chips bought from a chip shop on an almost daily basis.",
    ];
    let found = pair_texts(&adapted, &originals);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].adapted, found[0].original), (0, 0));
}

#[test]
fn three_stems_two_of_them_plain_words_are_enough_to_condense() {
    // The Times, from a PA sentence three times as long: "birth", "Exorcist" and "material".
    let originals = [
        "He has also told how he was looking forward to fatherhood though he was concerned \
         that the actual birth may resemble ``Exorcist material'' and he might faint.",
        "Gallagher and his wife are due to fly to New York next month for a tour.",
    ];
    let found = pair_texts(
        &[
            "The songwriter had expressed reluctance to attend the birth, fearing that it \
           would be \"Exorcist material\".",
        ],
        &originals,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].original, 0);
    // The same three in a long sentence of the paper's own: too little of it.
    let found = pair_texts(
        &[
            "Fans online joked for days that the birth of the child, in a private London \
           clinic with doctors, nurses and the whole family watching, was hardly Exorcist \
           material after all the talk.",
        ],
        &originals,
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_short_sentence_of_names_from_a_long_one_is_not_condensed_from_it() {
    // Four stems in common, but three of them names: an editorial line about the same people.
    let found = pair_texts(
        &["Critics say Susan Ferrier and Michael Gibbon let the Grants walk free."],
        &[
            "Prosecutor Susan Ferrier said they were not offering further evidence in the case and \
             Recorder of Cardiff Michael Gibbon QC formally found the couple not guilty of the charges.",
        ],
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn between_two_headlines_a_capital_is_no_name() {
    let e = evidence(
        "CYCLIST LOSES DAMAGES CLAIM OVER CRASH",
        "Injured Cyclist Fails in Compensation Claim Against Bus Firm",
    );
    assert!(e.names.is_empty(), "{e:?}");
    assert_eq!(e.words, ["cyclist", "claim"]);
    // One side a headline, the other a sentence: the sentence's capitals still tell.
    let e = evidence(
        "LEEDS CYCLIST LOSES CLAIM",
        "The court in Leeds heard that the cyclist lost his claim.",
    );
    assert_eq!(e.names, ["leeds"]);
    // A sentence as full of capitals as a headline, with its full stop, is a sentence.
    let e = evidence(
        "But today at Leeds Crown Court, Judge Anne Hale ruled against Mr Grant.",
        "At Leeds Crown Court Judge Anne Hale Ruled Against Grant",
    );
    assert!(e.names.contains(&"grant".to_string()), "{e:?}");
}

/// An amount written short on one side ("£12m") is the same number and unit as the other
/// side's "£12 million": with little else shared, that decides the pairing.
#[test]
fn an_amount_written_short_matches_it_written_out() {
    let wire = "Councillors approved the new library on Tuesday after a long debate.\n\n\
            The county agreed a £12 million contract with the builders, a spokesman said.\n\n\
            Work is due to start in the spring.";
    let kinds = |amount: &str| {
        let paper = format!(
            "Work is due to start in the spring.\n\n\
            Residents had campaigned for years for a bigger library.\n\n\
            The builders have won the {amount} job.\n\n\
            Councillors approved the new library on Tuesday after a long debate."
        );
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("paper", &paper),
            &crate::Options::default(),
        );
        let seg = (cmp.segments.iter())
            .find(|s| {
                s.adapted.as_ref().is_some_and(|r| {
                    crate::align::span_text(cmp.adapted_side(), r).contains("have won")
                })
            })
            .expect("the sentence");
        seg.kind
    };
    assert_eq!(kinds("£12m"), crate::Kind::Reworded);
    assert_eq!(kinds("£12 million"), crate::Kind::Reworded);
    assert_eq!(kinds("£13m"), crate::Kind::Inserted);
}
