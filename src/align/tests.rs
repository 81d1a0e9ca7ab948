use super::*;

#[test]
fn heaviest_increasing_keeps_the_longest_order() {
    // a paragraph of two moved from the end to the front
    let keep = heaviest_increasing(&[5, 6, 0, 1, 2, 3, 4], &[1; 7]);
    assert_eq!(keep, [false, false, true, true, true, true, true]);
    let keep = heaviest_increasing(&[0, 1, 2], &[1, 1, 1]);
    assert_eq!(keep, [true, true, true]);
    assert!(heaviest_increasing(&[], &[]).is_empty());
}

#[test]
fn a_sentence_glued_after_a_paraphrase_starts_at_its_opener() {
    // The paraphrase shares "his" with the glued sentence's first word: the cut once fell
    // after "His father", keeping those words in the rewording.
    let wire = "The court heard that Cotterell, a double-glazing salesman, had one previous \
                conviction for burglary, committed in 1991 when he was living in Bristol with \
                his parents.\n\nThe trial continues.";
    let adapted = "Cotterell has one previous conviction for burglary His father Edward, 73, \
                   said: 'There seems no rhyme or reason to this.'\n\nThe trial continues.";
    let cmp = crate::compare(
        vec![crate::Document::from_text("wire", wire)],
        crate::Document::from_text("page", adapted),
        &Options::default(),
    );
    let side = cmp.adapted_side();
    let kinds: Vec<(Kind, &str)> = (cmp.segments.iter())
        .filter_map(|s| s.adapted.as_ref().map(|a| (s.kind, span_text(side, a))))
        .collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    assert_eq!(kinds[0].0, Kind::Reworded, "{kinds:?}");
    assert!(kinds[0].1.ends_with("for burglary"), "{kinds:?}");
    assert_eq!(kinds[1].0, Kind::Inserted, "{kinds:?}");
    assert!(kinds[1].1.starts_with("His father Edward"), "{kinds:?}");
}

#[test]
fn a_percentage_in_another_house_style_is_unchanged() {
    let wire = "Prices rose 5 percent in May, the agency said. Five people were hurt.";
    let kinds = |adapted: &str| kinds_of(wire, adapted);
    assert_eq!(
        kinds("Prices rose 5 per cent in May, the agency said. Five people were hurt."),
        [Kind::Unchanged, Kind::Unchanged]
    );
    assert_eq!(
        kinds("Prices rose 5% in May, the agency said. 5 people were hurt."),
        [Kind::Unchanged, Kind::Reworded]
    );
}

#[test]
fn wire_sentences_run_together_with_a_full_stop_lost_are_unchanged() {
    let wire = "The mayor announced the plan on Monday. The city will spend $4 million on new \
        bike lanes. Construction is expected to begin in the spring.";
    // Each passage's kind and wire sentences.
    let kinds = |adapted: &str| -> Vec<(Kind, Option<Range<usize>>)> {
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("page", adapted),
            &Options::default(),
        );
        (cmp.segments.iter())
            .map(|s| (s.kind, s.original.as_ref().map(|o| o.1.clone())))
            .collect()
    };
    // The page lost the full stop between the first two: one unchanged passage for both.
    assert_eq!(
        kinds(
            "The mayor announced the plan on Monday The city will spend $4 million on new \
             bike lanes. Construction is expected to begin in the spring."
        ),
        [(Kind::Unchanged, Some(0..2)), (Kind::Unchanged, Some(2..3))]
    );
    // Merged with a semicolon, they stay a rewording.
    let merged = kinds(
        "The mayor announced the plan on Monday; the city will spend $4 million on new bike \
         lanes. Construction is expected to begin in the spring.",
    );
    assert_eq!(merged[0], (Kind::Reworded, Some(0..2)));
    // With a word changed in the first, that one is a rewording and the second unchanged.
    assert_eq!(
        kinds(
            "The mayor unveiled the plan on Monday The city will spend $4 million on new bike \
             lanes. Construction is expected to begin in the spring."
        ),
        [
            (Kind::Reworded, Some(0..1)),
            (Kind::Unchanged, Some(1..2)),
            (Kind::Unchanged, Some(2..3))
        ]
    );
}

#[test]
fn a_quotation_in_other_quote_marks_is_unchanged_however_it_splits() {
    // A quotation of three sentences in a British paper's single quote marks is one
    // sentence; in double quote marks, or in PA's ``…'', it splits into three. Only the
    // quote marks differ: unchanged.
    let body = "These crimes were not committed in Spain. Nor is the senator in Spain. He is \
        in London.";
    let text = |(open, close): (&str, &str), body: &str| {
        format!("The judge spoke first.\n\n{open}{body}{close}\n\nThe case goes on.")
    };
    let styles = [("'", "'"), ("“", "”"), ("\"", "\""), ("``", "''")];
    for wire in styles {
        for page in styles {
            let kinds = kinds_of(&text(wire, body), &text(page, body));
            assert!(
                kinds.iter().all(|&k| k == Kind::Unchanged),
                "{wire:?} {page:?}: {kinds:?}"
            );
        }
    }
    // A full stop inside made a semicolon is an edit: a rewording.
    let kinds = kinds_of(
        &text(("'", "'"), body),
        &text(
            ("“", "”"),
            "These crimes were not committed in Spain; nor is the senator in Spain. He is in \
             London.",
        ),
    );
    assert!(kinds.contains(&Kind::Reworded), "{kinds:?}");
}

#[test]
fn a_rewritten_headline_pairs_with_the_wire_headline() {
    let wire = "CYCLIST LOSES DAMAGES CLAIM OVER CRASH\n\nBy Staff Reporter, Wire News\n\n\
        A cyclist today lost a claim for damages against a bus company after a crash in \
        Leeds.\n\nThe judge said the driver had taken reasonable care.";
    let body = "A cyclist today lost a claim for damages against a bus company after a crash \
        in Leeds.\n\nThe judge said the driver had taken reasonable care.";
    let passages = |headline: &str| {
        let page = format!("{headline}\n\n{body}");
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("page", &page),
            &Options::default(),
        );
        (cmp.segments.iter())
            .filter(|s| s.adapted.is_some())
            .map(|s| (s.kind, s.paired_by))
            .collect::<Vec<_>>()
    };
    // Two content words in common (cyclist, claim): the headlines are paired.
    assert_eq!(
        passages("Injured Cyclist Fails in Compensation Claim Against Bus Firm")[0],
        (Kind::Reworded, Some(PairedBy::Headline))
    );
    // One word only is not enough: a headline of the outlet's own names the story too.
    assert_eq!(
        passages("Shocking Verdict for Leeds Cyclist")[0],
        (Kind::Inserted, None)
    );
    // A headline is read near the top only: past six lines of furniture, it is not one,
    // but a subhead over the lead it restates.
    let furniture = "Menu\n\nSearch\n\nSign in\n\nTravel\n\nSport\n\nWeather\n\n";
    assert_eq!(
        passages(&format!(
            "{furniture}Injured Cyclist Fails in Compensation Claim Against Bus Firm"
        ))[6],
        (Kind::Reworded, Some(PairedBy::Subhead))
    );
    assert_eq!(
        passages(&format!("{furniture}Shocking Verdict for Leeds Cyclist"))[6],
        (Kind::Inserted, None)
    );
    // Below the first kept sentence, a line is a subhead, not the headline.
    let wire_lines = "A cyclist today lost a claim for damages against a bus company after a \
        crash in Leeds.\n\nCYCLIST LOSES DAMAGES CLAIM\n\nThe judge said the driver had taken \
        reasonable care.";
    let cmp = crate::compare(
        vec![crate::Document::from_text("wire", wire_lines)],
        crate::Document::from_text(
            "page",
            "A cyclist today lost a claim for damages against a bus company after a crash in \
             Leeds.\n\nCyclist Fails in Compensation Claim\n\nThe judge said the driver had \
             taken reasonable care.",
        ),
        &Options::default(),
    );
    assert!(
        cmp.segments
            .iter()
            .all(|s| s.paired_by != Some(PairedBy::Headline)),
        "{:?}",
        cmp.segments
    );
}

/// The wire story of the headline tests: a headline, a byline, a lead and one more sentence.
const HEADLINE_WIRE: &str = "CYCLIST LOSES DAMAGES CLAIM OVER CRASH\n\nBy Staff Reporter, Wire \
    News\n\nA cyclist today lost a claim for damages against a bus company after a crash in \
    Leeds.\n\nThe judge said the driver had taken reasonable care.";

/// Each passage of `page` compared with [`HEADLINE_WIRE`]: its kind, how it was paired, the
/// start of its original text, and whether it moved.
fn headline_passages(page: &str) -> Vec<(Kind, Option<PairedBy>, String, bool)> {
    let cmp = crate::compare(
        vec![crate::Document::from_text("wire", HEADLINE_WIRE)],
        crate::Document::from_text("page", page),
        &Options::default(),
    );
    (cmp.segments.iter())
        .filter(|s| s.adapted.is_some())
        .map(|s| {
            let original = (s.original.as_ref())
                .map(|(src, r)| span_text(cmp.original_side(*src), r))
                .unwrap_or_default();
            let start: String = original.chars().take(12).collect();
            (s.kind, s.paired_by, start, s.moved)
        })
        .collect()
}

#[test]
fn a_headline_written_from_the_lead_pairs_with_it() {
    let body = "A cyclist today lost a claim for damages against a bus company after a crash \
        in Leeds.\n\nThe judge said the driver had taken reasonable care.";
    let first = |headline: &str| headline_passages(&format!("{headline}\n\n{body}"))[0].clone();
    // Nothing in common with the wire's headline, three words with its lead, which stays
    // in its own passage too.
    let from_lead = (
        Kind::Reworded,
        Some(PairedBy::Headline),
        "A cyclist to".to_string(),
        false,
    );
    assert_eq!(
        first("Bus Company Wins as Judge Rejects Leeds Rider's Case"),
        from_lead
    );
    assert_eq!(
        headline_passages(&format!("Bus Company Wins\n\n{body}"))[1].0,
        Kind::Unchanged
    );
    // A headline may ask a question.
    assert_eq!(
        first("Did a Bus Company Owe a Leeds Rider Damages?"),
        from_lead
    );
    // The story's name and a word are not enough: a headline of the outlet's own framing.
    assert_eq!(
        first("Leeds Cyclist Verdict Sparks Outrage").0,
        Kind::Inserted
    );
    // Nor are two words without a run of them in the lead's order...
    assert_eq!(
        first("Outrage in Leeds as Cyclist Is Silenced").0,
        Kind::Inserted
    );
    // ...but two in order are ("bus company").
    assert_eq!(first("Outrage at Bus Company").0, Kind::Reworded);
    // The lead, in two passages, is not moved in either, reworded or not, a dateline above
    // it or not.
    for dateline in ["", "LEEDS, England (AP) \u{2014} "] {
        for body in [body.to_string(), body.replace("today", "on Monday")] {
            let page =
                format!("Bus Company Wins as Judge Rejects Leeds Rider's Case\n\n{dateline}{body}");
            let passages = headline_passages(&page);
            assert!(passages.iter().all(|p| !p.3), "{passages:?}");
            assert!(passages.iter().any(|p| p.1 == Some(PairedBy::Headline)));
        }
    }
    // Under a sentence of prose, a line is no headline: a question in a quotation, say.
    let below = headline_passages(&format!(
        "Riders were angry on Tuesday.\n\nDid a Bus Company Owe a Leeds Rider Damages?\n\n{body}"
    ));
    assert_eq!(below[1].0, Kind::Inserted, "{below:?}");
}

/// The fuzz targets' checks allow the lead in two passages, its own and the headline's.
#[test]
fn a_headline_drawn_from_the_lead_passes_the_fuzz_checks() {
    let page = "Bus Company Wins as Judge Rejects Leeds Rider's Case\n\nA cyclist today lost a \
        claim for damages against a bus company after a crash in Leeds.\n\nThe judge said the \
        driver had taken reasonable care.";
    crate::invariants::align_texts(format!("{HEADLINE_WIRE}\0{page}").as_bytes());
}

#[test]
fn a_subhead_pairs_with_the_wire_sentence_it_restates() {
    let wire = "Councillors approved a new library for the town centre on Tuesday.\n\nThe \
        building will open its doors to readers in the spring, a spokesman said.\n\nIt will \
        hold 40,000 books and a cafe.\n\nThe old library on Mill Lane will close in March.";
    let page = |subhead: &str| {
        format!(
            "Councillors approved a new library for the town centre on Tuesday.\n\n{subhead}\n\n\
             The building opens its doors to readers in the spring, a spokesman said.\n\nIt \
             will hold 40,000 books and a cafe.\n\nThe old library on Mill Lane will close in \
             March."
        )
    };
    let subhead = |line: &str| {
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("page", &page(line)),
            &Options::default(),
        );
        crate::invariants::align_texts(format!("{wire}\0{}", page(line)).as_bytes());
        let seg = (cmp.segments.iter())
            .find(|s| s.adapted.as_ref().is_some_and(|r| r.start == 1))
            .expect("the subhead's passage")
            .clone();
        let original = (seg.original.as_ref())
            .map(|(src, r)| span_text(cmp.original_side(*src), r).to_string());
        (seg.kind, seg.paired_by, seg.moved, original)
    };
    // Three words of the sentence under it, one written in lower case there: the subhead
    // is drawn from that sentence, which stays in its own passage too.
    let (kind, by, moved, original) = subhead("Library To Open Its Doors In Spring");
    assert_eq!(
        (kind, by, moved),
        (Kind::Reworded, Some(PairedBy::Subhead), false)
    );
    assert!(original.unwrap().starts_with("The building will open"));
    // A subhead of the outlet's own, or one that shares a word or two, is inserted.
    assert_eq!(subhead("What Happens Next").0, Kind::Inserted);
    assert_eq!(subhead("Doors Open Soon").0, Kind::Inserted);
    // A question in a paragraph of its own is as often prose: it is not read as a subhead.
    assert_eq!(
        subhead("Will the library open its doors to readers in spring?").0,
        Kind::Inserted
    );
}

#[test]
fn a_headline_and_a_lead_that_cross_are_not_moved() {
    // The page's headline is the wire's lead cut short; its lead retells the wire's
    // headline. Each pairs with the other's, and neither is a move.
    let page = "Cyclist loses claim for damages against bus company\n\nA Leeds cyclist has lost \
        his damages claim over a crash, a judge ruled.\n\nThe judge said the driver had taken \
        reasonable care.";
    let passages = headline_passages(page);
    assert_eq!(passages[0].2, "A cyclist to", "{passages:?}");
    assert_eq!(passages[1].2, "CYCLIST LOSE", "{passages:?}");
    assert!(passages.iter().all(|p| !p.3), "{passages:?}");
}

#[test]
fn a_conjunction_is_no_evidence_of_a_rewording() {
    // The outlet cut the wire's middle sentence and put one of its own there: it shares
    // "hall" and "while" with it, and "while" is a function word.
    let wire = "The theatre reopened on Monday after a two-year refit.\n\nThe main hall seats \
        about 2,200 people, while the studio seats 450.\n\nTickets go on sale next week.";
    let page = "The theatre reopened on Monday after a two-year refit.\n\nBuilders worked to \
        keep the old hall while adding a modern stage.\n\nTickets go on sale next week.";
    assert_eq!(
        kinds_of(wire, page),
        [
            Kind::Unchanged,
            Kind::Removed,
            Kind::Inserted,
            Kind::Unchanged
        ]
    );
}

/// The kind of each passage of the comparison of `adapted` with `wire`.
fn kinds_of(wire: &str, adapted: &str) -> Vec<Kind> {
    let cmp = crate::compare(
        vec![crate::Document::from_text("wire", wire)],
        crate::Document::from_text("page", adapted),
        &Options::default(),
    );
    cmp.segments.iter().map(|s| s.kind).collect()
}
