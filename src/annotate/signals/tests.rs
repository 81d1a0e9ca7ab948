use super::*;
use crate::model::SignalKind;

fn reword(o: &str, a: &str) -> Vec<Signal> {
    reworded(&SignalText::new(o), &SignalText::new(a))
}

fn kinds(signals: &[Signal]) -> Vec<SignalKind> {
    signals.iter().map(Signal::kind).collect()
}

fn strings(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| w.to_string()).collect()
}

#[test]
fn attribution_said_to_claimed() {
    let s = reword(
        "The mayor said the budget was balanced.",
        "The mayor claimed the budget was balanced.",
    );
    assert_eq!(
        s,
        [Signal::Attribution {
            from: "said".into(),
            to: "claimed".into()
        }]
    );
    let s = reword(
        "Officials say the plant is safe.",
        "Officials insist the plant is safe.",
    );
    assert_eq!(
        s,
        [Signal::Attribution {
            from: "say".into(),
            to: "insist".into()
        }]
    );
}

#[test]
fn attribution_loaded_to_neutral_and_multiword() {
    let s = reword(
        "He admitted the company had erred.",
        "He said the company had erred.",
    );
    assert_eq!(
        s,
        [Signal::Attribution {
            from: "admitted".into(),
            to: "said".into()
        }]
    );
    let s = reword(
        "She said turnout was low, the mayor said.",
        "She pointed out turnout was low, the mayor said.",
    );
    assert_eq!(
        s,
        [Signal::Attribution {
            from: "said".into(),
            to: "pointed out".into()
        }]
    );
}

#[test]
fn no_attribution_when_said_is_kept_or_neutral() {
    // "said" kept, other words changed
    let s = reword(
        "The minister said prices rose sharply in June.",
        "The minister said prices climbed sharply in June.",
    );
    assert!(s.is_empty(), "{s:?}");
    // neutral for neutral, and tense alone
    assert!(reword("He said it was over.", "He told reporters it was over.").is_empty());
    assert!(reword("She says it is over.", "She said it is over.").is_empty());
    // a noun is not a verb of saying; a verb inside a quotation is the speaker's
    let s = reword(
        "The court said it would rule soon.",
        "The court rejected the claims and will rule soon.",
    );
    assert!(!kinds(&s).contains(&SignalKind::Attribution), "{s:?}");
    let s = reword(
        "\"We said nothing,\" he said.",
        "\"We admitted nothing,\" he said.",
    );
    assert_eq!(kinds(&s), [SignalKind::Quote, SignalKind::Loaded], "{s:?}");
}

#[test]
fn quote_words_changed() {
    let s = reword(
        "\"We will fight and we will win,\" Smith said.",
        "“We will fight and win,” Smith said.",
    );
    assert_eq!(
        s,
        [Signal::Quote {
            from: Some("We will fight and we will win,".into()),
            to: Some("We will fight and win,".into())
        }]
    );
}

#[test]
fn quote_style_alone_is_no_signal() {
    for (o, a) in [
        (
            "\"We aren't in a rush,\" he said on Monday.",
            "“We aren’t in a rush,” he said Monday.",
        ),
        (
            "„Wir schaffen das“, sagte sie am Montag.",
            "«Wir schaffen das», sagte sie gestern.",
        ),
        (
            "He called it \"a disgrace.\" Nobody replied.",
            "He called it “a disgrace”. No one replied.",
        ),
    ] {
        let s = reword(o, a);
        assert!(!kinds(&s).contains(&SignalKind::Quote), "{o} → {a}: {s:?}");
    }
}

#[test]
fn quote_added_dropped_and_partial() {
    // a quotation cut short is changed
    let s = reword(
        "The series is called \"Knights of the Zodiac: Saint Seiya\" in Japan.",
        "The series is called \"Knights of the Zodiac: Saint\" in Japan.",
    );
    assert_eq!(kinds(&s), [SignalKind::Quote], "{s:?}");
    // a phrase of a quotation is no misquotation
    let s = reword(
        "\"The plan is dead and we will not revive it,\" she said Monday.",
        "The plan is \"dead,\" she said.",
    );
    assert!(s.is_empty(), "{s:?}");
    // quote marks taken off a phrase: the quotation is dropped
    let s = reword(
        "China's Xi calls for effort to prevent 'color revolutions'",
        "China’s Xi Calls for Alliance to Resist Color Revolutions",
    );
    assert_eq!(
        s,
        [Signal::Quote {
            from: Some("color revolutions".into()),
            to: None
        }]
    );
    // scare quotes added
    let s = reword(
        "The ministry called the vote a referendum on reform.",
        "The ministry called the vote a \"referendum\" on reform.",
    );
    assert_eq!(
        s,
        [Signal::Quote {
            from: None,
            to: Some("referendum".into())
        }]
    );
    // apostrophes are not quotation marks
    assert!(quotes("The leaders' summit isn't over, Xi's aide said.").is_empty());
    let t = "In the '90s, he said \"we will win.\"";
    let q: Vec<&str> = quotes(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(q, ["we will win."]);
}

#[test]
fn quote_continued_from_an_earlier_sentence() {
    let t = "We will end it quickly,” he said. “No more talks";
    let texts: Vec<&str> = quotes(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(texts, ["We will end it quickly,", "No more talks"]);
    // a closing mark with none open after a quotation: quoted from the end of that one
    let t = "“Yes,” Ford said. Then we left.” She laughed.";
    let texts: Vec<&str> = quotes(t).into_iter().map(|r| &t[r]).collect();
    assert_eq!(texts, ["Yes,", "Then we left."]);
}

#[test]
fn quotations_of_a_document_span_its_sentences() {
    let doc = crate::Document::from_text(
        "a",
        "“We will fight. We will win. We never give up,” he said.\n\nMarkets fell.",
    );
    let q = quotations(&doc);
    let start = doc.text.find("We will win").unwrap();
    let p = SignalText::within(&doc.text, &q, start..start + "We will win.".len());
    assert_eq!(p.text, "We will win.");
    assert_eq!(p.quoted, vec![(0..p.text.len())]);
    let start = doc.text.find("Markets").unwrap();
    assert!(
        SignalText::within(&doc.text, &q, start..doc.text.len())
            .quoted
            .is_empty()
    );
}

/// Quotations found paragraph by paragraph as passages ask for them are those found for
/// the whole document, for passages of one sentence and of several paragraphs, asked
/// for in any order, on the real pairs.
#[test]
fn quotations_on_demand_agree_with_the_whole_documents() {
    let mut passages = 0;
    for dir in crate::test_data::pair_dirs() {
        for entry in std::fs::read_dir(&dir).expect("pair dir").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("fixture");
            let doc = crate::Document::from_text("f", &text);
            let sents = crate::sentences::segment(&doc);
            let all = quotations(&doc);
            let mut lazy = Quotations::new(&doc);
            let n = sents.len();
            for (i, j) in (0..n).rev().map(|i| (i, (i + 1 + i % 4).min(n))) {
                let span = sents[i].start..sents[j - 1].end;
                let whole = SignalText::within(&doc.text, &all, span.clone());
                let got = lazy.passage(span);
                assert_eq!((got.text, &got.quoted), (whole.text, &whole.quoted));
                passages += usize::from(!whole.quoted.is_empty());
            }
        }
    }
    assert!(passages > 20, "{passages}");
}

#[test]
fn loaded_words_added() {
    let s = reword(
        "The government announced a new anti-corruption agency.",
        "The regime announced a new so-called anti-corruption agency.",
    );
    assert_eq!(
        s,
        [Signal::Loaded {
            words: strings(&["regime", "so-called"])
        }]
    );
    let s = reword(
        "Critics criticized the plan.",
        "Far-right critics slammed the plan.",
    );
    assert_eq!(
        s,
        [Signal::Loaded {
            words: strings(&["far-right", "slammed"])
        }]
    );
}

#[test]
fn loaded_word_already_in_the_original_is_no_signal() {
    let s = reword(
        "The so-called Islamic State claimed the attack on Friday.",
        "On Friday, the so-called Islamic State claimed the attack.",
    );
    assert!(s.is_empty(), "{s:?}");
    // inflections count as the same word
    assert!(reword("Two dictators met.", "The dictator met another.").is_empty());
    // neutral phrases with a listed word
    assert!(
        reword(
            "She went to hospital on Monday.",
            "She was admitted to hospital on Monday."
        )
        .is_empty()
    );
    assert!(reword("They seek change.", "They seek regime change.").is_empty());
}

#[test]
fn attribution_pairs_verbs_in_the_same_place() {
    // moved along with its clause
    let s = reword(
        "Putin said Friday that the talks had failed.",
        "On Friday, Putin claimed that the talks had failed.",
    );
    assert_eq!(kinds(&s), [SignalKind::Attribution], "{s:?}");
    // moved to the front of the quotation
    let s = reword(
        "\"We are not leaving,\" Smith said on Monday.",
        "Smith insisted on Monday: \"We are not leaving.\"",
    );
    assert_eq!(
        s,
        [Signal::Attribution {
            from: "said".into(),
            to: "insisted".into()
        }]
    );
    // a verb dropped in one place and another added far away are no replacement
    let s = reword(
        "The company announced the plan on Monday, and shares rose.",
        "The company unveiled the plan on Monday, and shares rose, critics noted.",
    );
    assert!(s.is_empty(), "{s:?}");
}

#[test]
fn attribution_verb_not_reported_twice_as_loaded() {
    let s = reword("He said he erred.", "He admitted he erred.");
    assert_eq!(kinds(&s), [SignalKind::Attribution]);
}

#[test]
fn hedges_added_and_dropped() {
    let s = reword(
        "He alleged that Ukraine has attempted to launch attacks.",
        "He alleged, without offering specifics, that Ukraine has attempted to launch attacks.",
    );
    assert_eq!(
        s,
        [Signal::Hedge {
            added: strings(&["without offering specifics"]),
            dropped: vec![]
        }]
    );
    let s = reword(
        "The gunman reportedly fled on foot, according to police.",
        "The gunman fled on foot and may have been armed.",
    );
    assert_eq!(
        s,
        [Signal::Hedge {
            added: strings(&["may"]),
            dropped: strings(&["reportedly", "according to"])
        }]
    );
}

#[test]
fn hedge_equivalents_and_the_month_are_no_signal() {
    assert!(reword("It will likely rain.", "It will probably rain.").is_empty());
    assert!(
        reword(
            "He said so without evidence.",
            "He said so without offering evidence."
        )
        .is_empty()
    );
    assert!(reword("Talks began in June.", "Talks began in May.").is_empty());
    assert!(reword("The plant opened.", "The plant might open.").len() == 1);
}

#[test]
fn per_of_a_rate_is_no_hedge() {
    // A British paper's "per cent" for the wire's "percent" is house style, not sourcing.
    assert!(
        reword(
            "Prices rose 5 percent in May, the agency said.",
            "Prices rose 5 per cent in May, the agency said."
        )
        .is_empty()
    );
    for rate in [
        "The car reached 90 miles per hour.",
        "Fuel costs $3 per gallon.",
        "Output per capita fell.",
        "The fee is charged per person.",
        "Cases reached 40 per 100,000 people.",
    ] {
        assert!(
            reword("The figures were released.", rate).is_empty(),
            "{rate}"
        );
    }
    // "per" before a source is sourcing, as before.
    for source in [
        "The figures were released, per the ministry.",
        "The figures were released, per officials.",
        "The figures were released, per Reuters.",
        "The bond weakened per data from MarketAxess.",
        "The average price was $31,627, per InfoNation.",
    ] {
        assert_eq!(
            reword("The figures were released.", source),
            [Signal::Hedge {
                added: strings(&["per"]),
                dropped: vec![]
            }],
            "{source}"
        );
    }
}

#[test]
fn credit_on_furniture_and_loaded_on_insertions() {
    let seg = |kind, furniture| Segment {
        furniture,
        ..Segment::bare(kind)
    };
    let dateline = Some(Furniture::Dateline);
    assert_eq!(
        detect(
            &seg(Kind::Removed, dateline),
            None,
            Some(&SignalText::new("SAMARKAND (AP) —"))
        ),
        [Signal::Credit {
            change: CreditChange::Dropped,
            what: Furniture::Dateline
        }]
    );
    assert_eq!(
        detect(
            &seg(Kind::Inserted, Some(Furniture::Credit)),
            Some(&SignalText::new(
                "Adapted from reporting by the Associated Press"
            )),
            None
        ),
        [Signal::Credit {
            change: CreditChange::Added,
            what: Furniture::Credit
        }]
    );
    assert!(
        detect(
            &seg(Kind::Inserted, Some(Furniture::Boilerplate)),
            Some(&SignalText::new("x")),
            None
        )
        .is_empty()
    );
    let s = detect(
        &seg(Kind::Inserted, None),
        Some(&SignalText::new(
            "Some have accused Zelenskyy of being a puppet for this globalist cabal.",
        )),
        None,
    );
    assert_eq!(
        s,
        [Signal::Loaded {
            words: strings(&["puppet", "globalist", "cabal"])
        }]
    );
    assert!(
        detect(
            &seg(Kind::Inserted, None),
            Some(&SignalText::new("Markets fell.")),
            None
        )
        .is_empty()
    );
}

#[test]
fn a_sentence_drawn_again_drops_nothing_its_sibling_kept() {
    // The quotation and the hedge are in the other passage drawn from this wire sentence.
    let original = SignalText::new(
        "Prosecutors said the 61-year-old, who allegedly denies five charges, was heard \
         singing \"pancakes are class, because they are full of glass\" at the plant.",
    );
    let adapted = SignalText::new("He denies five charges, critics say, like a puppet.");
    let seg = |by| Segment {
        paired_by: Some(by),
        ..Segment::bare(Kind::Reworded)
    };
    let words = detect(&seg(PairedBy::Words), Some(&adapted), Some(&original));
    assert!(kinds(&words).contains(&SignalKind::Quote), "{words:?}");
    assert!(kinds(&words).contains(&SignalKind::Hedge), "{words:?}");
    let again = detect(&seg(PairedBy::Again), Some(&adapted), Some(&original));
    // What it adds still shows.
    assert_eq!(
        again,
        [Signal::Loaded {
            words: strings(&["puppet"])
        }]
    );
}

#[test]
fn json_shape() {
    let s = [
        Signal::Attribution {
            from: "said".into(),
            to: "claimed".into(),
        },
        Signal::Quote {
            from: None,
            to: Some("x".into()),
        },
        Signal::Credit {
            change: CreditChange::Changed,
            what: Furniture::Byline,
        },
    ];
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"[{"kind":"attribution","from":"said","to":"claimed"},{"kind":"quote","from":null,"to":"x"},{"kind":"credit","change":"changed","what":"byline"}]"#
    );
}

/// [`tokens`] as it was: one string a word, borrowed when already folded.
fn tokens_slow(text: &str) -> Vec<(String, usize, usize)> {
    let token = |start: usize, end: usize| {
        let raw = &text[start..end];
        let word = if raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            raw.to_string()
        } else {
            normalize::fold(raw)
                .chars()
                .filter(|&c| c != '.' && c != '\'')
                .collect()
        };
        (word, start, end)
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            continue;
        }
        let invisible = matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        );
        let joins = matches!(
            c,
            '.' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}'
        ) && text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if start.is_some() && (invisible || joins) {
            continue;
        }
        if let Some(s) = start.take() {
            out.push(token(s, i));
        }
    }
    if let Some(s) = start {
        out.push(token(s, text.len()));
    }
    out
}

fn tokens_now(text: &str) -> Vec<(String, usize, usize)> {
    let w = tokens(text);
    (0..w.len())
        .map(|i| (w.word(i).to_string(), w.toks[i].start, w.toks[i].end))
        .collect()
}

#[test]
fn tokens_agree_with_the_slow_path_on_real_text() {
    for s in crate::annotate::furniture::tests::real_sentences() {
        assert_eq!(tokens_now(&s), tokens_slow(&s), "{s:?}");
    }
}

proptest::proptest! {
    #[test]
    fn tokens_agree_with_the_slow_path(
        t in "([a-zA-Z0-9 .,'`´‘’‛′\u{00AD}\u{200B}\u{FEFF}“”—éÉﬁ²İK\u{212A}ß]|\\PC){0,40}"
    ) {
        proptest::prop_assert_eq!(tokens_now(&t), tokens_slow(&t), "{:?}", t);
    }
}

#[test]
fn lexicon_ids_find_what_the_word_map_finds() {
    // every form of every list is found in a text of its own words, by its entry
    for lex in [&LISTS.attribution, &LISTS.loaded, &LISTS.hedges] {
        for forms in &lex.by_first {
            for (f, id) in forms {
                let text = f.join(" ");
                let m = lex.find(&Words::indexed(&text));
                if lex.entries[*id].skip {
                    assert!(m.is_empty(), "{text}");
                } else {
                    assert_eq!(m.len(), 1, "{text}");
                    assert_eq!(m[0].toks, 0..f.len(), "{text}");
                }
            }
        }
    }
    // a word no list starts with has no id, and matches nothing
    let w = Words::indexed("Zyxwv said");
    assert_eq!(w.toks[0].first, NO_FIRST);
    assert_ne!(w.toks[1].first, NO_FIRST);
}

/// The ids [`Words::indexed`] gives, and the ids of every word looked up in the map.
fn ids_fast_and_slow(text: &str) -> (Vec<u32>, Vec<u32>) {
    let w = Words::indexed(text);
    let fast = w.toks.iter().map(|t| t.first).collect();
    let slow = (0..w.len())
        .map(|i| LISTS.first.get(w.word(i)).copied().unwrap_or(NO_FIRST))
        .collect();
    (fast, slow)
}

#[test]
fn shape_filter_turns_away_no_list_word() {
    // every first word passes its own filter
    for w in LISTS.first.keys() {
        assert!(LISTS.may_start(w), "{w}");
    }
    let mut found = 0;
    for s in crate::annotate::furniture::tests::real_sentences() {
        let (fast, slow) = ids_fast_and_slow(&s);
        assert_eq!(fast, slow, "{s:?}");
        found += fast.iter().filter(|&&id| id != NO_FIRST).count();
    }
    assert!(found > 0);
}

proptest::proptest! {
    #[test]
    fn shape_filter_agrees_with_the_map(
        t in "(said|claimed|so-called|regime|may|with|is|allegedly|[a-zA-Z .'’éß]|\\PC){0,40}"
    ) {
        let (fast, slow) = ids_fast_and_slow(&t);
        proptest::prop_assert_eq!(fast, slow, "{:?}", t);
    }
}

/// [`quotes`] as it was: every byte looked at.
fn quotes_slow(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Where the text after the last closing mark starts.
    let mut since = 0;
    // (start of the quoted text, a double quote)
    let mut open: Option<(usize, bool)> = None;
    let mut single_leads = false;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        // Every quote mark is '"', '\'' or a character of more than one byte: other ASCII
        // bytes are skipped without decoding.
        let i = pos;
        if bytes[i] < 0x80 && !matches!(bytes[i], b'"' | b'\'' | b'`') {
            pos += 1;
            continue;
        }
        let c = text[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        let backticks = text[i..].starts_with("``");
        if !(is_double_quote(c) || is_single_quote(c) || backticks) {
            pos += c.len_utf8();
            continue;
        }
        let prev = text[..i].chars().next_back();
        let mut after = i + c.len_utf8();
        let mut next = text[after..].chars().next();
        // two single marks as one double: ''...'' or ‘‘...’’
        let doubled = (is_single_quote(c) || backticks) && next == Some(c);
        if doubled {
            after += c.len_utf8();
            next = text[after..].chars().next();
        }
        pos = after;
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        if is_double_quote(c) || doubled {
            // a single quote still open was an apostrophe
            match open.filter(|&(_, double)| double) {
                Some((s, _)) => {
                    out.push(s..i);
                    open = None;
                    since = after;
                }
                None if closes && !opens => {
                    out.push(sentence_start(text, since, i)..i);
                    open = None;
                    since = after;
                }
                None => open = Some((after, true)),
            }
        } else if is_single_quote(c) {
            match open {
                Some((s, false)) if closes => {
                    out.push(s..i);
                    open = None;
                    since = after;
                }
                None if opens && next.is_some_and(char::is_alphabetic) => {
                    open = Some((after, false));
                    let before = text[..i].trim_end();
                    single_leads = before.is_empty() || before.ends_with(':');
                }
                _ => {}
            }
        }
    }
    if let Some((s, double)) = open
        && (double || single_leads)
    {
        out.push(s..text.len());
    }
    out
}

#[test]
fn quotes_agree_with_the_slow_path_on_real_text() {
    let mut found = 0;
    for s in crate::annotate::furniture::tests::real_sentences() {
        let q = quotes(&s);
        assert_eq!(q, quotes_slow(&s), "{s:?}");
        found += q.len();
    }
    assert!(found > 0);
}

proptest::proptest! {
    #[test]
    fn quotes_agree_with_the_slow_path(
        t in "([a-z .(—–-]|\"|'|‘|’|“|”|„|‟|«|»|‹|é|\u{00C2}|\\PC){0,40}"
    ) {
        proptest::prop_assert_eq!(quotes(&t), quotes_slow(&t), "{:?}", t);
    }
}

#[test]
fn tokens_fold_like_normalize_words() {
    for s in [
        "Xi's \"color-coded\" U.S. plan, 2,000 police.",
        "“We aren’t in a rush” — he said to\u{00AD}day",
    ] {
        let ours: Vec<String> = tokens(s).iter().map(str::to_string).collect();
        assert_eq!(ours, normalize::words(s), "{s}");
    }
}

#[test]
fn inflections_cover_regular_verbs() {
    let forms = |w: &str| word_forms(w);
    assert!(forms("claim").contains(&"claimed".to_string()));
    assert!(forms("deny").contains(&"denies".to_string()));
    assert!(forms("deny").contains(&"denied".to_string()));
    assert!(forms("concede").contains(&"conceding".to_string()));
    assert!(forms("admit").contains(&"admitted".to_string()));
    assert!(forms("boast").contains(&"boasts".to_string()));
}

#[test]
fn lists_parse() {
    for lex in [&LISTS.attribution, &LISTS.loaded, &LISTS.hedges] {
        assert!(!lex.entries.is_empty());
    }
    assert!(LISTS.attribution.entries.iter().any(|e| e.loaded));
    assert!(LISTS.attribution.entries.iter().any(|e| !e.loaded));
}

#[test]
fn a_quotation_the_wire_has_elsewhere_is_not_added() {
    // The paper cut the wire's second sentence and moved its quotation into the first.
    let wire = "The chef told the court he drank rarely.\n\nHe said he had a drink \"from \
        time to time\" at parties.\n\nThe case continues.";
    let quotes_of = |adapted: &str| -> Vec<Signal> {
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("page", adapted),
            &crate::Options::default(),
        );
        (cmp.segments.iter())
            .flat_map(|s| s.signals.iter().cloned())
            .filter(|s| matches!(s, Signal::Quote { .. }))
            .collect()
    };
    assert_eq!(
        quotes_of(
            "The chef told the court he drank only \"from time to time\".\n\nThe case \
             continues."
        ),
        []
    );
    // A quotation the wire has nowhere is still added.
    assert_eq!(
        quotes_of(
            "The chef told the court he drank \"once in a blue moon\".\n\nThe case continues."
        ),
        [Signal::Quote {
            from: None,
            to: Some("once in a blue moon".to_string())
        }]
    );
    // Words the wire has outside a quotation are a quotation added.
    assert_eq!(
        quotes_of("The chef told the High Court he \"drank rarely\".\n\nThe case continues.").len(),
        1
    );
}

#[test]
fn settle_quotes_reads_the_whole_of_the_other_side() {
    let wire = crate::Document::from_text("wire", "He said it was \"a fine day\" out.");
    let page = crate::Document::from_text("page", "Later: \"It was a fine mess,\" he said.");
    let (wire, page) = (QuotedWords::of(vec![&wire]), QuotedWords::of(vec![&page]));
    let quote = |from: Option<&str>, to: Option<&str>| Signal::Quote {
        from: from.map(str::to_string),
        to: to.map(str::to_string),
    };
    let mut signals = vec![
        quote(None, Some("A fine day")),      // the wire quotes it: settled
        quote(None, Some("a fine night")),    // it does not
        quote(Some("fine mess"), None),       // the page quotes it: settled
        quote(Some("a mess"), None),          // not as a run of words
        quote(Some("x"), Some("a fine day")), // a change stays
    ];
    let unquoted = quote(Some("fine mess"), None);
    let quoted = quote(None, Some("A fine day"));
    let before = signals.clone();
    settle_quotes(&mut signals, (None, None), &wire, &page);
    assert_eq!(
        signals,
        [
            quote(None, Some("a fine night")),
            quote(Some("a mess"), None),
            quote(Some("x"), Some("a fine day")),
        ]
    );
    // Words the passage keeps without their quote marks were unquoted: a signal still; so
    // are words the wire's passage had without them, which the paper quoted.
    let mut signals = before;
    settle_quotes(
        &mut signals,
        (Some("It was a fine day."), Some("It was a fine mess.")),
        &wire,
        &page,
    );
    assert!(
        signals.contains(&unquoted) && signals.contains(&quoted),
        "{signals:?}"
    );
}

#[test]
fn a_headline_drawn_from_the_lead_drops_nothing_the_lead_kept() {
    // The page's lead keeps the wire lead's quotation; its headline, written from that lead,
    // has a quotation of its own and none of the lead's.
    let wire = "COUNCIL APPROVES LIBRARY PLAN\n\nBy Staff Reporter\n\nCouncillors approved a \
        new library for the town centre, calling it \"a gift to every family\", on Tuesday \
        night.\n\nWork starts in the spring.";
    let page = |headline: &str| {
        format!(
            "{headline}\n\nCouncillors approved a new library for the town centre, calling it \
             \"a gift to every family\", on Tuesday night.\n\nWork starts in the spring."
        )
    };
    let headline_signals = |headline: &str| -> Vec<Signal> {
        let cmp = crate::compare(
            vec![crate::Document::from_text("wire", wire)],
            crate::Document::from_text("page", &page(headline)),
            &crate::Options::default(),
        );
        let seg = &cmp.segments[0];
        assert_eq!(
            seg.paired_by,
            Some(PairedBy::Headline),
            "{:?}",
            cmp.segments
        );
        seg.signals.clone()
    };
    // Nothing dropped, nothing changed: the lead's passage holds its quotation.
    assert_eq!(
        headline_signals("Town Centre Library Approved by Councillors"),
        []
    );
    // A quotation of its own is added, not the lead's "changed".
    assert_eq!(
        headline_signals("Town Centre Library a 'Gift for Ever', Councillors Say"),
        [Signal::Quote {
            from: None,
            to: Some("Gift for Ever".to_string())
        }]
    );
}
