use crate::{Comparison, Document, Kind, Options};

const WIRE: &str = "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
    Three people were taken to hospital, where two remain in a serious condition.\n\n\
    The building had been inspected by the city last year, records show.\n\n\
    Mr Smith, the owner, was arrested by police.";

fn compare(adapted: &str) -> Comparison {
    compare_to(WIRE, adapted)
}

fn compare_to(wire: &str, adapted: &str) -> Comparison {
    crate::compare(
        vec![Document::from_text("wire", wire)],
        Document::from_text("page", adapted),
        &Options::default(),
    )
}

/// The page of the arrest tests: a sentence drawn from [`ARREST`] glued to another.
const ARREST_PAGE: &str = "Three people were taken to the hospital, where two remain in serious \
    condition Police arrested the owner later that night.\n\n\
    The building had been inspected by the city last year, records show.";

/// Each adapted passage: its kind and text.
fn passages(cmp: &Comparison) -> Vec<(Kind, String)> {
    (cmp.segments.iter())
        .filter_map(|s| {
            let r = s.adapted.as_ref()?;
            Some((s.kind, super::span_text(cmp.adapted_side(), r).to_string()))
        })
        .collect()
}

/// The passage that holds both `x` and `y`, if one does.
fn holding<'p>(all: &'p [(Kind, String)], x: &str, y: &str) -> Option<&'p (Kind, String)> {
    all.iter().find(|(_, t)| t.contains(x) && t.contains(y))
}

fn kind_of(cmp: &Comparison, needle: &str) -> Kind {
    let all = passages(cmp);
    let found: Vec<&(Kind, String)> = all.iter().filter(|(_, t)| t.contains(needle)).collect();
    assert_eq!(found.len(), 1, "{needle}: {all:?}");
    found[0].0
}

#[test]
fn a_sentence_glued_after_a_wire_sentence_that_lost_its_full_stop_stands_alone() {
    let cmp = compare(
        "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
         Three people were taken to hospital, where two remain in a serious condition \
         Critics said the city had ignored repeated warnings about the building.\n\n\
         The building had been inspected by the city last year, records show.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Critics said"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "Three people"), Kind::Unchanged, "{all:?}");
    assert!(!kind_of(&cmp, "Three people").eq(&Kind::Reworded));
    let critics = all.iter().find(|(_, t)| t.contains("Critics")).unwrap();
    assert!(critics.1.starts_with("Critics said"), "{all:?}");
}

#[test]
fn a_sentence_glued_after_a_name_stands_alone_when_it_opens_with_an_adverb() {
    for (glued, opens) in [
        (
            "Still, neighbours said the city had ignored repeated warnings.",
            "Still,",
        ),
        (
            "Hopefully the city will now act on the repeated warnings.",
            "Hopefully",
        ),
    ] {
        let cmp = compare(&format!(
            "Police said the fire started in the kitchen of the house on Elm Street {glued}\n\n\
             The building had been inspected by the city last year, records show."
        ));
        let all = passages(&cmp);
        assert_eq!(kind_of(&cmp, opens), Kind::Inserted, "{all:?}");
        assert_eq!(kind_of(&cmp, "Police said"), Kind::Unchanged, "{all:?}");
    }
    // A name that runs on, with a comma after it, is the outlet's rewording.
    let cmp = compare(
        "Police said the fire started in the kitchen of the house on Elm Street Cottages, \
         which the city had inspected last year.\n\n\
         The building had been inspected by the city last year, records show.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Cottages"), Kind::Reworded, "{all:?}");
    assert!(
        kind_of(&cmp, "Cottages") == kind_of(&cmp, "Police said"),
        "{all:?}"
    );
}

#[test]
fn a_rewording_glued_before_a_wire_sentence_that_opens_with_a_name_is_cut_off() {
    let wire = "The raider wore a wig and a false beard, the court heard.\n\n\
        Realising they were on their way, 33-year-old Gorman removed his disguise and waited \
        for them outside, the court was told.\n\n\
        Melanie Simpson, defending, said the attempted robbery had been a desperate bid by \
        her penniless client.";
    // The page lost the full stop after a rewording of the sentence before the one that
    // opens with a name: the rewording is cut off and paired with its own wire sentence.
    let cmp = compare_to(
        wire,
        "Gorman, 33, realised this and removed his disguise before waiting for the police to \
         arrive, the court was told Melanie Simpson, defending, said the attempted robbery had \
         been a desperate bid by her penniless client.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Melanie Simpson"), Kind::Unchanged, "{all:?}");
    assert_eq!(kind_of(&cmp, "realised this"), Kind::Reworded, "{all:?}");
    // Words before a name that no wire sentence next to it holds are not cut off: "…said
    // that former councillor John Smith was arrested" reads the same.
    let cmp = compare_to(
        wire,
        "Officers in the town confirmed on Monday that former councillor Melanie Simpson, \
         defending, said the attempted robbery had been a desperate bid by her penniless \
         client.",
    );
    let all = passages(&cmp);
    assert!(
        holding(&all, "Officers", "Melanie").is_some_and(|(_, t)| t.starts_with("Officers")),
        "{all:?}"
    );
}

#[test]
fn a_glued_copy_of_a_wire_sentence_past_one_the_outlet_cut_is_paired_with_it() {
    let wire = "He rejected counsel's suggestions that the article did not lower his reputation \
        as a chef or a businessman.\n\n\
        If the article had not contained that sentence he would have been happy with it.\n\n\
        Mr White agreed that most of the article was a positive one.\n\n\
        The hearing continues.";
    // The outlet cut the middle sentence, and the page lost the full stop before the third.
    let cmp = compare_to(
        wire,
        "He rejected the suggestions that the article did not lower his reputation as a chef \
         or a businessman Mr White agreed that most of the article was a positive one.\n\n\
         The hearing continues.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Mr White agreed"), Kind::Unchanged, "{all:?}");
    assert_eq!(kind_of(&cmp, "He rejected"), Kind::Reworded, "{all:?}");
    let removed: Vec<&str> = (cmp.segments.iter())
        .filter(|s| s.kind == Kind::Removed)
        .filter_map(|s| s.original.as_ref())
        .map(|(o, r)| super::span_text(cmp.original_side(*o), r))
        .collect();
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert!(removed[0].starts_with("If the article"), "{removed:?}");
}

#[test]
fn a_quotation_after_a_verb_of_saying_is_not_cut_off() {
    let wire = "His son Jason said: \"The family is devastated by the loss of my father in what \
        are very disturbing circumstances.\"\n\n\
        The inquest heard evidence from two officers.\n\n\
        \"From everything we have heard we have major concerns about the way my father was \
        killed.\"";
    let cmp = compare_to(
        wire,
        "Describing the circumstances of the shooting as 'very disturbing', he said 'From \
         everything we have heard we have major concerns about the way my father was killed.'",
    );
    let all = passages(&cmp);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].0, Kind::Reworded, "{all:?}");
}

#[test]
fn a_sentence_glued_after_a_reworded_wire_sentence_stands_alone() {
    let cmp = compare(
        "Police said the blaze began in the kitchen of the house on Elm Street.\n\n\
         Three people were taken to the hospital, where two remain in serious condition \
         Critics said the city had ignored repeated warnings about the building.\n\n\
         The building had been inspected by the city last year, records show.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Critics said"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "Three people"), Kind::Reworded, "{all:?}");
}

#[test]
fn a_sentence_glued_before_a_wire_sentence_stands_alone() {
    let cmp = compare(
        "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
         Neighbours had complained about smoke for weeks Three people were taken to \
         hospital, where two remain in a serious condition.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Neighbours had"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "Three people"), Kind::Unchanged, "{all:?}");
}

#[test]
fn words_added_inside_a_wire_sentence_stay_a_rewording() {
    // A day, a name running on, a title before a name, a source named before the wire's
    // own words: each begins with a capital, none is a sentence of its own.
    for (adapted, needle) in [
        (
            "Mr Smith, the owner, was arrested by police Tuesday after a raid on his home.",
            "Tuesday",
        ),
        (
            "Police said the fire started in the kitchen of the house on Elm Street Baptist Church rectory on the north side of town.",
            "Baptist",
        ),
        (
            "Local businessman and former city councillor Mr Smith, the owner, was arrested by police.",
            "councillor",
        ),
        (
            "According to a report seen by reporters, Three people were taken to hospital, where two remain in a serious condition.",
            "According",
        ),
        (
            "Records seen by reporters show that Three people were taken to hospital, where two remain in a serious condition.",
            "Records",
        ),
    ] {
        let cmp = compare(adapted);
        let all = passages(&cmp);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(kind_of(&cmp, needle), Kind::Reworded, "{all:?}");
    }
}

const ARREST: &str = "The owner of the house, a retired teacher who had lived on the street for forty \
    years, was arrested by police later that night on suspicion of arson and remains in custody.";

#[test]
fn a_glued_sentence_drawn_from_the_next_wire_sentence_is_paired_with_it() {
    let wire = format!(
        "Three people were taken to hospital, where two remain in a serious condition.\n\n\
         {ARREST}\n\nThe building had been inspected by the city last year, records show."
    );
    let cmp = compare_to(&wire, ARREST_PAGE);
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Police arrested"), Kind::Reworded, "{all:?}");
    assert_eq!(kind_of(&cmp, "Three people"), Kind::Reworded, "{all:?}");
    let arrest = (cmp.segments.iter())
        .find(|s| {
            s.adapted
                .as_ref()
                .is_some_and(|r| all_text(&cmp, r).starts_with("Police"))
        })
        .unwrap();
    let (o, r) = arrest.original.clone().unwrap();
    assert_eq!(
        super::span_text(cmp.original_side(o), &r),
        ARREST,
        "{all:?}"
    );
    // The wire sentence is paired, not also removed.
    assert!(
        !cmp.segments.iter().any(|s| s.kind == Kind::Removed),
        "{all:?}"
    );
}

#[test]
fn a_glued_sentence_drawn_from_a_wire_sentence_elsewhere_is_not_cut_off() {
    // Only aligning again could pair it with the wire sentence it comes from: it stays words
    // of the passage, not an insertion.
    let wire = format!(
        "Three people were taken to hospital, where two remain in a serious condition.\n\n\
         The building had been inspected by the city last year, records show.\n\n{ARREST}"
    );
    let cmp = compare_to(&wire, ARREST_PAGE);
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Police arrested"), Kind::Reworded, "{all:?}");
    assert!(!all.iter().any(|(k, _)| *k == Kind::Inserted), "{all:?}");
}

fn all_text(cmp: &Comparison, r: &std::ops::Range<usize>) -> String {
    super::span_text(cmp.adapted_side(), r).to_string()
}

#[test]
fn cut_passages_keep_every_sentence_in_one_passage() {
    let arrest_next = format!(
        "Three people were taken to hospital, where two remain in a serious condition.\n\n\
         {ARREST}\n\nThe building had been inspected by the city last year, records show."
    );
    for (wire, adapted) in [
        (
            WIRE,
            "Three people were taken to hospital, where two remain in a serious condition \
             Critics said the city had ignored repeated warnings about the building.",
        ),
        (
            WIRE,
            "Neighbours had complained about smoke for weeks Three people were taken to \
             hospital, where two remain in a serious condition Critics said the city had \
             ignored repeated warnings about the building.\n\nMr Smith, the owner, was arrested by police.",
        ),
        (
            arrest_next.as_str(),
            "Three people were taken to the hospital, where two remain in serious condition \
             Police arrested the owner later that night.",
        ),
    ] {
        crate::invariants::align_texts(format!("{wire}\0{adapted}").as_bytes());
        let cmp = compare_to(wire, adapted);
        assert!(cmp.adapted_sentences.len() > 1, "{:?}", passages(&cmp));
    }
}

#[test]
fn a_sentence_glued_before_a_wire_sentence_is_found_whatever_the_word_edits_pair() {
    // The word edits pair the glued sentence's "I" with the wire sentence's: "I {+was very
    // fat then I +}would wait…". The wire sentence, copied whole at the end, still shows.
    let wire = "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
        I would wait for my parents to come back in the evening for our meal.";
    let cmp = compare_to(
        wire,
        "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
         I was very fat then I would wait for my parents to come back in the evening for our meal.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "very fat"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "would wait"), Kind::Unchanged, "{all:?}");
}

#[test]
fn a_wire_sentence_kept_and_one_reworded_run_together_are_two_passages() {
    let wire = "The mayor announced the plan on Monday. The city will spend $4 million on new \
        bike lanes. Construction is expected to begin in the spring.";
    // The full stop lost after the kept sentence, then before it.
    for (adapted, kept, reworded) in [
        (
            "The mayor announced the plan on Monday The city is to spend $4 million on fresh \
             bicycle lanes. Construction is expected to begin in the spring.",
            "The mayor announced",
            "fresh bicycle",
        ),
        (
            "The mayor unveiled his plan on Monday The city will spend $4 million on new bike \
             lanes. Construction is expected to begin in the spring.",
            "new bike lanes",
            "unveiled",
        ),
    ] {
        let cmp = compare_to(wire, adapted);
        let all = passages(&cmp);
        assert_eq!(kind_of(&cmp, kept), Kind::Unchanged, "{all:?}");
        assert_eq!(kind_of(&cmp, reworded), Kind::Reworded, "{all:?}");
        // Each pairs with its own wire sentence.
        for seg in &cmp.segments {
            assert_eq!(seg.original.as_ref().map(|o| o.1.len()), Some(1), "{all:?}");
        }
        crate::invariants::align_texts(format!("{wire}\0{adapted}").as_bytes());
    }
    // Sentences merged with a conjunction stay one rewording.
    for adapted in [
        "The mayor announced the plan on Monday, and The city will spend $4 million on new \
         bike lanes. Construction is expected to begin in the spring.",
        "The mayor announced the plan on Monday while The city will spend $4 million on new \
         bike lanes. Construction is expected to begin in the spring.",
    ] {
        let cmp = compare_to(wire, adapted);
        let all = passages(&cmp);
        assert_eq!(kind_of(&cmp, "The mayor"), Kind::Reworded, "{all:?}");
        assert!(
            holding(&all, "The mayor", "bike lanes").is_some(),
            "{all:?}"
        );
    }
}

#[test]
fn a_sentence_glued_after_a_replaced_last_word_stands_alone() {
    let wire = "The cuts have come in the form of layoffs of hundreds of workers at a time.\n\n\
        Mr Smith, the owner, was arrested by police.";
    // "[-time.-]{+clip The band will…+}": the replacement and the glued sentence are one
    // insertion.
    let cmp = compare_to(
        wire,
        "The cuts have come in the form of layoffs of hundreds of workers at a clip The band \
         will tour the country together next summer.\n\nMr Smith, the owner, was arrested by police.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "The band"), Kind::Inserted, "{all:?}");
    // The replaced word again inside the glued sentence, where the word edits keep it:
    // "at a {+clip The band … for the first +}time{+ in years+}."
    let cmp = compare_to(
        wire,
        "The cuts have come in the form of layoffs of hundreds of workers at a clip The band \
         will tour the country together for the first time in years.\n\n\
         Mr Smith, the owner, was arrested by police.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "The band"), Kind::Inserted, "{all:?}");
    assert_eq!(
        kind_of(&cmp, "workers at a clip"),
        Kind::Reworded,
        "{all:?}"
    );
    assert_eq!(
        kind_of(&cmp, "workers at a clip"),
        Kind::Reworded,
        "{all:?}"
    );
    // A name after a word that runs on is part of the rewording.
    let cmp = compare_to(
        wire,
        "The cuts have come in the form of layoffs of hundreds of workers at a time.\n\n\
         Mr Smith, the owner, was arrested by officers from Scotland Yard on a warrant.",
    );
    let all = passages(&cmp);
    assert_eq!(all.len(), 2, "{all:?}");
    assert_eq!(kind_of(&cmp, "Scotland Yard"), Kind::Reworded, "{all:?}");
}

#[test]
fn two_reworded_wire_sentences_run_together_are_cut_at_the_lost_full_stop() {
    let wire = "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
        Mr Bolsin replied: \"That is not the way I saw the request I was making. It was a \
        perfectly human reason for compensation for disruption to my family life.\"";
    let cmp = compare_to(
        wire,
        "Police said the fire started in the kitchen of the house on Elm Street.\n\n\
         Dr Bolsin replied: \"That is not how I saw the request I was making It was a \
         perfectly human reason for compensation for the disruption to my family life.\"",
    );
    let all = passages(&cmp);
    assert_eq!(all.len(), 3, "{all:?}");
    assert_eq!(kind_of(&cmp, "Dr Bolsin"), Kind::Reworded, "{all:?}");
    assert_eq!(kind_of(&cmp, "human reason"), Kind::Reworded, "{all:?}");
    for seg in &cmp.segments {
        assert_eq!(seg.original.as_ref().map(|o| o.1.len()), Some(1), "{all:?}");
    }
}

/// Three wire sentences of a paragraph, for the runs of more than two.
const RAID: &str = "Police arrested two men on Friday after a raid on a house in Leeds. Officers \
    seized cash, drugs and a stolen car from the property. Both men were held overnight at a \
    station in the city centre.\n\n\
    They will appear before magistrates in Bradford on Monday.";

/// Each adapted passage: its kind and how many wire sentences it holds.
fn held(cmp: &Comparison) -> Vec<(Kind, usize)> {
    (cmp.segments.iter())
        .filter(|s| s.adapted.is_some())
        .map(|s| (s.kind, s.original.as_ref().map_or(0, |o| o.1.len())))
        .collect()
}

/// `paragraph` compared with [`RAID`], its last paragraph after it.
fn raid(paragraph: &str) -> Comparison {
    let last = "They will appear before magistrates in Bradford on Monday.";
    compare_to(RAID, &format!("{paragraph}\n\n{last}"))
}

#[test]
fn three_reworded_wire_sentences_run_together_are_cut_at_each_lost_full_stop() {
    let cmp = raid(
        "Police arrested two men on Friday following a raid on a house in Leeds Officers \
         seized cash, drugs and a stolen vehicle from the property Both men were kept \
         overnight at a station in the city centre.",
    );
    let all = passages(&cmp);
    assert_eq!(
        held(&cmp),
        [
            (Kind::Reworded, 1),
            (Kind::Reworded, 1),
            (Kind::Reworded, 1),
            (Kind::Unchanged, 1)
        ],
        "{all:?}"
    );
    assert!(all[1].1.starts_with("Officers seized"), "{all:?}");
    assert!(all[2].1.starts_with("Both men"), "{all:?}");
}

#[test]
fn a_kept_wire_sentence_between_reworded_ones_run_together_is_unchanged() {
    let cmp = raid(
        "Police arrested two men on Friday following a raid on a house in Leeds Officers \
         seized cash, drugs and a stolen car from the property Both men were kept overnight \
         at a station in the city centre.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "Officers seized"), Kind::Unchanged, "{all:?}");
    assert_eq!(kind_of(&cmp, "Police arrested"), Kind::Reworded, "{all:?}");
    assert_eq!(kind_of(&cmp, "Both men"), Kind::Reworded, "{all:?}");
}

#[test]
fn wire_sentences_run_together_with_a_sentence_glued_on_are_each_cut() {
    let cmp = raid(
        "Police arrested two men on Friday following a raid on a house in Leeds Officers \
         seized cash, drugs and a stolen car from the property Both men were held overnight \
         at a station in the city centre The pair are well known to local officers.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "The pair are"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "Police arrested"), Kind::Reworded, "{all:?}");
    assert_eq!(kind_of(&cmp, "Officers seized"), Kind::Unchanged, "{all:?}");
    assert_eq!(kind_of(&cmp, "Both men"), Kind::Unchanged, "{all:?}");
    assert_eq!(all.len(), 5, "{all:?}");
}

#[test]
fn three_run_together_with_one_stop_lost_and_one_made_a_comma_are_cut_at_the_stop() {
    // One bare full stop lost for two places between wire sentences: the wire's words
    // before it say which place it is. After the first place, the part before it is the
    // first wire sentence and the part after it the other two merged; after the second, the
    // part before it the first two merged.
    let leeds = "Police arrested two men on Friday following a raid on a house in Leeds";
    let cases = [
        (
            ", officers seized cash, drugs and a stolen vehicle from the property Both men",
            [(Kind::Reworded, 2), (Kind::Reworded, 1)],
            "Both men",
        ),
        (
            " Officers seized cash, drugs and a stolen vehicle from the property, and both men",
            [(Kind::Reworded, 1), (Kind::Reworded, 2)],
            "Officers seized",
        ),
    ];
    for (middle, want, second) in cases {
        let cmp = raid(&format!(
            "{leeds}{middle} were kept overnight at a station in the city centre."
        ));
        let all = passages(&cmp);
        assert_eq!(held(&cmp)[..2], want, "{all:?}");
        assert!(all[1].1.starts_with(second), "{all:?}");
    }
}

#[test]
fn wire_sentences_a_cut_leaves_run_together_with_a_semicolon_stay_a_rewording() {
    let cmp = raid(
        "Police arrested two men on Friday after a raid on a house in Leeds Officers seized \
         cash, drugs and a stolen car from the property; both men were held overnight at a \
         station in the city centre.",
    );
    let all = passages(&cmp);
    assert_eq!(
        held(&cmp)[..2],
        [(Kind::Unchanged, 1), (Kind::Reworded, 2)],
        "{all:?}"
    );
}

#[test]
fn a_sentence_run_on_after_a_wire_line_that_ends_with_a_colon_stands_alone() {
    let wire = "The Latest on a deadly stabbing on a commuter train (all times local):\n\n\
        Police said the fire started in the kitchen of the house on Elm Street.";
    let cmp = compare_to(
        wire,
        "The Latest on a fatal stabbing on a commuter train (all times local): Also, we hope \
         you have as much fun as we did getting to know him better!\n\n\
         Police said the fire started in the kitchen of the house on Elm Street.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "we hope you"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "The Latest"), Kind::Reworded, "{all:?}");
    // A colon of the outlet's own still runs on into what follows.
    let cmp = compare_to(
        "Police said the fire started in the kitchen of the house on Elm Street.",
        "Police said the fire started in the kitchen of the house on Elm Street: Neighbours \
         heard a loud bang shortly before midnight.",
    );
    let all = passages(&cmp);
    assert_eq!(all.len(), 1, "{all:?}");
}

#[test]
fn a_glued_sentence_sharing_one_word_with_a_removed_wire_sentence_is_still_cut() {
    // "fat" is in a wire sentence the outlet cut, far from here: one word says nothing of
    // where the glued sentence came from.
    let wire = "I would wait for my parents to come back in the evening for our meal.\n\n\
        Police said the fire started in the kitchen of the house on Elm Street.\n\n\
        At school he was called a fat boy by everyone in his class.";
    let cmp = compare_to(
        wire,
        "I was very fat then I would wait for my parents to come back in the evening for our \
         meal.\n\nPolice said the fire started in the kitchen of the house on Elm Street.",
    );
    let all = passages(&cmp);
    assert_eq!(kind_of(&cmp, "very fat then"), Kind::Inserted, "{all:?}");
    assert_eq!(kind_of(&cmp, "would wait"), Kind::Unchanged, "{all:?}");
}
