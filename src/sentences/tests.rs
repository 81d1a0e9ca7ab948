use super::*;
use proptest::prelude::*;

fn split(text: &str) -> Vec<&str> {
    split_sentences(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// The documents of every fixture pair: originals, then the adapted article.
fn pair_documents() -> Vec<Vec<Document>> {
    crate::test_data::pair_dirs()
        .into_iter()
        .map(|dir| {
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort_by_key(|p| p.file_name().is_some_and(|n| n == "adapted.txt"));
            files
                .iter()
                .map(|p| {
                    let text = std::fs::read_to_string(p).unwrap();
                    Document::from_text(p.display().to_string(), &text)
                })
                .collect()
        })
        .filter(|docs: &Vec<Document>| docs.len() >= 2)
        .collect()
}

/// Splitting each distinct paragraph once, for all the documents of a comparison, finds
/// what splitting every document alone finds.
#[test]
fn segment_all_finds_what_segment_finds_per_document() {
    let pairs = pair_documents();
    assert!(pairs.len() >= 9, "the fixture pairs are there");
    for docs in &pairs {
        let refs: Vec<&Document> = docs.iter().collect();
        let alone: Vec<Vec<Sentence>> = docs.iter().map(segment).collect();
        assert_eq!(segment_all(&refs), alone, "{}", docs[0].source);
    }
}

/// Paragraphs split on several threads come back in order, as one thread splits them,
/// however they fall into chunks; and a document long enough to be split on several
/// threads (when the machine has them) is segmented as paragraph by paragraph.
#[test]
fn splitting_on_threads_keeps_order_and_cuts() {
    let docs: Vec<Document> = pair_documents().into_iter().flatten().collect();
    let paras: Vec<(&str, Rules)> = docs
        .iter()
        .flat_map(|d| {
            d.paragraphs
                .iter()
                .map(|r| (&d.text[r.clone()], Rules::English))
        })
        .collect();
    assert!(paras.len() > 50);
    let one = split_on(&paras, 1);
    assert_eq!(one.len(), paras.len());
    for threads in [2, 3, 7, paras.len() + 5] {
        assert_eq!(split_on(&paras, threads), one, "{threads} threads");
    }
    assert_eq!(split_on(&paras[..1], 4), split_on(&paras[..1], 1));
    assert!(split_on(&[], 4).is_empty());

    // A long document: the texts of the fixtures, numbered to keep each paragraph
    // distinct, past the size that brings in a second thread.
    let mut long = String::new();
    let mut copy = 0;
    while long.len() < 3 * crate::util::par::BYTES_PER_THREAD {
        for (p, _) in &paras {
            long.push_str(&format!("{copy}: {p}\n\n"));
        }
        copy += 1;
    }
    let doc = Document::from_text("long.txt", &long);
    let all = segment_all(&[&doc, &doc]);
    assert_eq!(all[0], segment(&doc));
    assert_eq!(all[1], all[0]);
}

#[test]
fn news_abbreviations_do_not_split() {
    assert_eq!(
        split("Gov. Gavin Newsom spoke on Sept. 16 at 5 p.m. in Sacramento. He left."),
        [
            "Gov. Gavin Newsom spoke on Sept. 16 at 5 p.m. in Sacramento.",
            "He left."
        ]
    );
    assert_eq!(
        split("The U.S. Senate voted. Sen. Mitch McConnell, who has a Ph.D., said so."),
        [
            "The U.S. Senate voted.",
            "Sen. Mitch McConnell, who has a Ph.D., said so."
        ]
    );
    assert_eq!(
        split("Joe R. Biden lost $1.5 billion, or 3.2%. Shares fell."),
        ["Joe R. Biden lost $1.5 billion, or 3.2%.", "Shares fell."]
    );
}

#[test]
fn quotes_and_attributions_stay_together() {
    assert_eq!(
        split(
            "“We should prevent it,” Xi said in a speech. He left. „Wir schaffen das“, sagte sie. «Prêts», a dit Macron."
        ),
        [
            "“We should prevent it,” Xi said in a speech.",
            "He left.",
            "„Wir schaffen das“, sagte sie.",
            "«Prêts», a dit Macron."
        ]
    );
}

/// Reuters instrument codes and chains of abbreviations hold full stops that end nothing;
/// a month written in full, a unit and "no" before a capital end their sentences.
#[test]
fn codes_are_no_sentence_ends_and_full_words_are() {
    assert_eq!(
        split(
            "The Dow Jones Industrial Average .DJI fell 102.2 points, the S&P 500 .SPX lost 1.85. Shares of Apple Inc AAPL.O rose 2%. Rep. David McKinley, R-W.Va., visited."
        ),
        [
            "The Dow Jones Industrial Average .DJI fell 102.2 points, the S&P 500 .SPX lost 1.85.",
            "Shares of Apple Inc AAPL.O rose 2%.",
            "Rep. David McKinley, R-W.Va., visited."
        ]
    );
    assert_eq!(
        split(
            "The election is due in May. Polls show him ahead. It goes up to 50 km/h. Meanwhile, she kept telling me no. When she left, he lived at No. 10 Downing Street."
        ),
        [
            "The election is due in May.",
            "Polls show him ahead.",
            "It goes up to 50 km/h.",
            "Meanwhile, she kept telling me no.",
            "When she left, he lived at No. 10 Downing Street."
        ]
    );
}

/// A quotation that runs on unclosed, as one that goes on into the next paragraph is
/// written, opens its sentence: its quote mark is no sentence of its own.
#[test]
fn an_unclosed_quotation_opens_its_sentence() {
    assert_eq!(
        split("The minister spoke. \"We will fight,\" he said. \"We will win."),
        [
            "The minister spoke.",
            "\"We will fight,\" he said.",
            "\"We will win."
        ]
    );
    assert_eq!(
        split("They met at a party. “We started out as friends."),
        ["They met at a party.", "“We started out as friends."]
    );
    // PA's typesetting marks: "``" opens, "''" closes, and a quotation is often left open
    // (webber136_telegraph): "``" then pairs with no later "``".
    assert_eq!(
        split(
            "``I was in Brixton with friends. We got talking. ``We started out as friends.'' He added: ``It is important."
        ),
        [
            "``I was in Brixton with friends.",
            "We got talking.",
            "``We started out as friends.''",
            "He added: ``It is important."
        ]
    );
    assert_eq!(
        split("They met and got talking. ``We started out as friends."),
        ["They met and got talking.", "``We started out as friends."]
    );
    // Closing marks cut from their sentence go back to it.
    assert_eq!(
        split("It had “a role in regulating content.’’ Then he left."),
        ["It had “a role in regulating content.’’", "Then he left."]
    );
    assert_eq!(
        split("Then saying `pay me or I will go public?'''"),
        ["Then saying `pay me or I will go public?'''"]
    );
    // A closed one is kept whole, as quotations in single quote marks are (marco479_times)...
    assert_eq!(
        split("Mr White replied: ``No. Why should I?'' Then he left."),
        ["Mr White replied: ``No. Why should I?''", "Then he left."]
    );
    // ...but for sentences of their own inside, as in double quote marks: a paper that
    // prints it in “…” splits it there, and an edit to one stays in its sentence.
    assert_eq!(
        split("``These crimes were not committed in Spain. Nor is he in Spain.'' Then he left."),
        [
            "``These crimes were not committed in Spain.",
            "Nor is he in Spain.''",
            "Then he left."
        ]
    );
}

#[test]
fn quotations_and_parentheses_of_several_sentences_are_split() {
    assert_eq!(
        split("“It’s not just migrants. Workers will come out,” he said. Next."),
        [
            "“It’s not just migrants.",
            "Workers will come out,” he said.",
            "Next."
        ]
    );
    assert_eq!(
        split("(SpaceX bid on Starship. But it declined to confirm that.)"),
        [
            "(SpaceX bid on Starship.",
            "But it declined to confirm that.)"
        ]
    );
    assert_eq!(
        split("He said it “is mainly related to China–U.S. relations,” adding more."),
        ["He said it “is mainly related to China–U.S. relations,” adding more."]
    );
    assert_eq!(
        split("\"And I asked, on whose authority?” said Hill. \"And he said, the President.\""),
        [
            "\"And I asked, on whose authority?” said Hill.",
            "\"And he said, the President.\""
        ]
    );
    assert_eq!(
        split("“We are fine,\" Harper said. “I had faith that we could figure it out.”"),
        [
            "“We are fine,\" Harper said.",
            "“I had faith that we could figure it out.”"
        ]
    );
    assert_eq!(
        split("“He met Sen. Warren. Then he left.”"),
        ["“He met Sen. Warren.", "Then he left.”"]
    );
    assert_eq!(
        split("“The U.S. Army is ready,” Gen. Smith said."),
        ["“The U.S. Army is ready,” Gen. Smith said."]
    );
}

#[test]
fn lowercase_word_ends_agree_with_the_regular_expression() {
    let re = Regex::new(
        r#"(?:^|[\s(])([a-z/]*[a-z][a-z/]*[a-z][a-z/]*|May)\.["”’']*\s+(?P<next>["“‘]?[A-Z])"#,
    )
    .expect("re");
    for text in [
        "at me. I stayed. love art. The end",
        "he said.  \u{a0}\"We go\" and (so. So) x.Y ab.\tZ etc. Then",
        "go. “Now” and. ‘Yes’ or. 'no' mr. Xi no. 5 é.. ab. c ab.D",
        "ab. Cd. Ef gh.\nIj kl.",
        "éab. X (ab. Y Inc. Z inc. Z",
        "for me.” Then “go.’” So it.)\" No",
        "50 km/h. Meanwhile a/b. C /x. D and/or. E in May. Polls (May. X Mayfair. Y 2May. Z",
    ] {
        let slow: Vec<usize> = re
            .captures_iter(text)
            .filter(|c| !LOWER_ABBREVIATIONS.contains(&&c[1]))
            .filter_map(|c| c.name("next").map(|m| m.start()))
            .collect();
        let fast = lowercase_word_ends(text);
        assert_eq!(fast, slow, "{text}");
    }
}

#[test]
fn lower_case_words_before_a_capital_end_sentences() {
    assert_eq!(
        split("He yelled at me. I stayed."),
        ["He yelled at me.", "I stayed."]
    );
    assert_eq!(
        split("I love art. The rest is noise."),
        ["I love art.", "The rest is noise."]
    );
    // ...and after a quotation it closes.
    assert_eq!(
        split("She said it “felt like a big enough subject for me.” When it stopped, she left."),
        [
            "She said it “felt like a big enough subject for me.”",
            "When it stopped, she left."
        ]
    );
    assert_eq!(
        split("Smith et al. Reported it first."),
        ["Smith et al. Reported it first."]
    );
}

#[test]
fn text_glued_to_a_wire_credit_is_a_sentence_of_its_own() {
    let pieces = |t: &'static str| -> Vec<&'static str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    };
    assert_eq!(
        pieces(
            "Officials met. (Reporting by Jane Doe; Editing by Bob Roe) Officials did not return calls."
        ),
        [
            "Officials met.",
            "(Reporting by Jane Doe; Editing by Bob Roe)",
            "Officials did not return calls."
        ]
    );
    // Not a credit, or nothing that starts a sentence after it: one sentence.
    for t in [
        "The agency (NASA) Administrator Bill Nelson spoke on Monday.",
        "He wrote a report (edited by his son) that ran to 90 pages.",
    ] {
        assert_eq!(pieces(t), [t]);
    }
}

#[test]
fn datelines_are_passages_of_their_own() {
    assert_eq!(
        split(
            "SAMARKAND, Uzbekistan (AP) — Chinese leader Xi Jinping called Friday for unity. He left."
        ),
        [
            "SAMARKAND, Uzbekistan (AP) —",
            "Chinese leader Xi Jinping called Friday for unity.",
            "He left."
        ]
    );
    assert_eq!(
        split("(Reuters) - Oil prices rose on Monday."),
        ["(Reuters) -", "Oil prices rose on Monday."]
    );
    assert_eq!(
        split("WASHINGTON — The Senate voted."),
        ["WASHINGTON —", "The Senate voted."]
    );
    assert_eq!(
        split("(Headline USA) Speaking to reporters Friday, Putin said so."),
        [
            "(Headline USA)",
            "Speaking to reporters Friday, Putin said so."
        ]
    );
    // Not datelines
    for text in [
        "NATO — the alliance — met today.",
        "US officials said so.",
        "I — for one — agree.",
    ] {
        assert!(split(text)[0].len() > 20, "{text}: {:?}", split(text));
    }
}

#[test]
fn a_sentence_in_parentheses_ends_where_they_close() {
    assert_eq!(
        split("(For more forecasts we made, see here.) Every year we do it again."),
        [
            "(For more forecasts we made, see here.)",
            "Every year we do it again."
        ]
    );
    assert_eq!(
        split("He left. (He was tired.) Then he slept."),
        ["He left.", "(He was tired.)", "Then he slept."]
    );
    // Inside a sentence, or with no sentence after them, they end nothing.
    for text in [
        "He teaches science (He previously worked for 5 years as an engineer.) at the local University.",
        "He left early (He was tired.) Then he slept.",
        "He left (at 5 p.m.) Then he slept.",
        "(He was tired.) and then he slept.",
    ] {
        assert!(
            split(text).len() == 1 || !split(text)[0].ends_with(".)"),
            "{text}: {:?}",
            split(text)
        );
    }
}

#[test]
fn clock_times_stay_with_their_day() {
    assert_eq!(
        split("Tickets go on sale at 10 a.m. Friday, Dec. 6. Buy early."),
        [
            "Tickets go on sale at 10 a.m. Friday, Dec. 6.",
            "Buy early."
        ]
    );
}

#[test]
fn numbered_lines_are_segmented_inside() {
    assert_eq!(
        split(
            "6. Max out your accounts\nThere is one strategy: saving. Often the best way is this.\n11. Put Plan A into action"
        ),
        [
            "6. Max out your accounts",
            "There is one strategy: saving.",
            "Often the best way is this.",
            "11. Put Plan A into action"
        ]
    );
}

#[test]
fn stray_opening_quote_moves_to_its_sentence() {
    assert_eq!(
        split("“Strikes.” he said. ”Let’s consider those as warning strikes.”"),
        [
            "“Strikes.” he said.",
            "”Let’s consider those as warning strikes.”"
        ]
    );
}

#[test]
fn four_dot_ellipsis_opens_the_next_sentence() {
    assert_eq!(
        split("It was weakened . . . in compounds. . . . The practice was not abandoned. . . ."),
        [
            "It was weakened . . . in compounds.",
            ". . . The practice was not abandoned. . . ."
        ]
    );
}

#[test]
fn list_items_are_sentences() {
    assert_eq!(
        split("1. The first item 2. The second item"),
        ["1. The first item", "2. The second item"]
    );
    assert_eq!(
        split("a. The first item b. The second item"),
        ["a. The first item", "b. The second item"]
    );
    assert_eq!(
        split("- milk\n- eggs and ham"),
        ["- milk", "- eggs and ham"]
    );
    assert_eq!(split("He was No. 1. Then 2."), ["He was No. 1.", "Then 2."]);
    assert_eq!(
        split("features\ncontact manager"),
        ["features", "contact manager"]
    );
    assert_eq!(
        split("The storm knocked out\npower to thousands of\nhomes on Sunday."),
        ["The storm knocked out\npower to thousands of\nhomes on Sunday."]
    );
}

/// Everything a fast path here skips, asked the slow way: `sentencex` for a piece the
/// one-sentence check passes, each regular expression its prefilter rules out, and
/// `get_sentence_boundaries` for the starts read off `segment`. Returns whether the
/// one-sentence check passed.
fn check_fast_paths(text: &str) -> bool {
    let slow: Vec<usize> = English {}
        .get_sentence_boundaries(text)
        .iter()
        .map(|b| b.start_byte)
        .filter(|&c| c > 0)
        .collect();
    assert_eq!(
        sentencex_starts(text, Rules::English).collect::<Vec<_>>(),
        slow,
        "{text:?}"
    );
    let one = sentencex_finds_one_sentence(text);
    assert!(
        !one || slow.is_empty(),
        "sentencex splits {text:?} at {slow:?}"
    );
    if !may_open_with_dateline(text) {
        assert_eq!(DATELINE.find(text), None, "{text:?}");
    }
    if !may_have_bulleted_line(text) {
        assert!(!BULLET_LINE.is_match(text), "{text:?}");
    }
    if !text.contains('\n') {
        assert_eq!(line_break_starts(text), [] as [usize; 0], "{text:?}");
        assert_eq!(short_line_starts(text), [] as [usize; 0], "{text:?}");
    }
    assert_eq!(
        no_terminator_beyond_ascii(text.as_bytes()),
        no_terminator_beyond_ascii_char_by_char(text),
        "{text:?}"
    );
    assert_eq!(
        lowercase_word_ends(text),
        lowercase_word_ends_by_regex(text),
        "{text:?}"
    );
    for c in (0..=text.len()).filter(|&c| text.is_char_boundary(c)) {
        assert_eq!(
            after_clock_time(text, c),
            after_clock_time_with_strings(text, c),
            "{text:?} at {c}"
        );
    }
    for caps in MARKER.captures_iter(text) {
        if caps.name("lb").is_some() {
            assert!(may_have_bulleted_line(text), "{text:?}");
        } else {
            assert!(may_have_numbered_marker(text), "{text:?}");
        }
    }
    assert_eq!(
        enclosed_sentence_starts(text, Rules::English),
        enclosed_sentence_starts_char_by_char(text),
        "{text:?}"
    );
    one
}

/// `no_terminator_beyond_ascii` as it was before it passed over ASCII runs a word at a
/// time, on characters rather than bytes.
fn no_terminator_beyond_ascii_char_by_char(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\0'..='\u{7f}' | '\u{80}'..='\u{57f}' | '\u{20a0}'..='\u{20cf}')
            || (('\u{2000}'..='\u{203b}').contains(&c) && !('\u{2022}'..='\u{2026}').contains(&c))
    })
}

fn lowercase_word_ends_by_regex(text: &str) -> Vec<usize> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?:^|[\s(])([a-z]{2,})\.["”’']*\s+(?P<next>["“‘]?[A-Z])"#).expect("re")
    });
    RE.captures_iter(text)
        .filter(|c| !LOWER_ABBREVIATIONS.contains(&&c[1]))
        .filter_map(|c| c.name("next").map(|m| m.start()))
        .collect()
}

/// `after_clock_time` as it was, with the four bytes and the next word copied.
fn after_clock_time_with_strings(text: &str, c: usize) -> bool {
    let before = text[..c].trim_end().as_bytes();
    let last4 = before[before.len().saturating_sub(4)..].to_ascii_lowercase();
    if !(last4 == b"a.m." || last4 == b"p.m.") {
        return false;
    }
    let next: String = text[c..]
        .chars()
        .take_while(|ch| ch.is_alphabetic())
        .collect();
    DATE_WORDS.contains(&next.as_str())
}

/// `enclosed_sentence_starts` as it was before it skipped to the openers: every
/// character is looked at.
fn enclosed_sentence_starts_char_by_char(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let Some((open, inner_end, end)) = enclosure_at(text, i) else {
            i += c.len_utf8();
            continue;
        };
        let inner_start = i + open.len();
        let inner = &text[inner_start..inner_end];
        if inner.contains(['.', '!', '?']) {
            let masked = mask_quotes(inner);
            starts.extend(
                English {}
                    .get_sentence_boundaries(&masked)
                    .iter()
                    .map(|b| b.start_byte)
                    .filter(|&p| {
                        p > 0 && plainly_ends_sentence(&inner[..p]) && starts_sentence(&inner[p..])
                    })
                    .map(|p| inner_start + p),
            );
        }
        if open == "(" {
            starts.extend(after_parenthesized_sentence(text, i, end));
        }
        i = end;
    }
    starts
}

/// The paragraphs of the fixtures: the pairs, the varied texts, and the HTML pages as
/// extraction gives them.
fn real_paragraphs() -> Vec<String> {
    let mut docs = Vec::new();
    for dir in crate::test_data::pair_dirs() {
        for file in std::fs::read_dir(dir).expect("dir") {
            let path = file.expect("file").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("fixture");
                docs.push(Document::from_text("fixture", &text));
            }
        }
    }
    for text in crate::test_data::texts("txt") {
        docs.push(Document::from_text("fixture", &text));
    }
    for html in crate::test_data::texts("html") {
        docs.push(Document::from_html("page", &html));
    }
    docs.iter()
        .flat_map(|d| d.paragraphs.iter().map(|r| d.text[r.clone()].to_string()))
        .collect()
}

#[test]
fn fast_paths_agree_with_the_slow_ones_on_real_text() {
    let paragraphs = real_paragraphs();
    let mut one = 0;
    for p in &paragraphs {
        one += usize::from(check_fast_paths(p));
        // The pieces sentencex is given: lines, and quotation interiors with the
        // quote marks hidden; and the sentences, most of which pass the check.
        for line in p.split_inclusive('\n') {
            check_fast_paths(line);
        }
        check_fast_paths(&mask_quotes(p));
        for r in split_sentences(p) {
            check_fast_paths(&p[r]);
        }
    }
    // Not a check of correctness: a check that the fast path is taken at all.
    assert!(one * 3 >= paragraphs.len(), "{one} of {}", paragraphs.len());
}

#[test]
fn one_sentence_check_passes_plain_sentences_only() {
    for text in [
        "Shares fell 3.5% on Friday.",
        "He left “for good” — or so he said!",
        "Visit example.com for more (or call).  ",
        "Plains (covering 65 percent of the surface) dominate.",
        "No terminator at all",
        "Wait...what?!",
        "Stop!  ",
    ] {
        assert!(sentencex_finds_one_sentence(text), "{text:?}");
        assert_eq!(
            sentencex_starts(text, Rules::English).count(),
            0,
            "{text:?}"
        );
    }
    for text in [
        "He left. She stayed.",
        "Mr. Xi spoke.",
        "He said “go.”",
        "One\nTwo",
        "Items (a) First (b) Second",
        "Wait ... what",
        "It ended。",
        "Done… Next",
        "• One thing",
    ] {
        assert!(!sentencex_finds_one_sentence(text), "{text:?}");
    }
    assert!(!sentencex_finds_one_sentence(&format!(
        "It ended.{}",
        " ".repeat(31)
    )));
}

/// Pieces of news text and of what trips a segmenter: terminators of other scripts,
/// list markers, bullets, quote marks, blanks and breaks of every kind.
const PIECES: &[&str] = &[
    "the",
    "Xi",
    "said",
    "I",
    "The",
    "3.5",
    "U.S.",
    "e.g.",
    "example.com",
    "a",
    "b",
    "iv",
    "12",
    ".",
    "!",
    "?",
    "...",
    "?!",
    " . . .",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\n",
    "\n\n",
    "\r",
    "(",
    ")",
    "(a)",
    "(12)",
    "(iv)",
    "(CDC)",
    "2)",
    "b)",
    "iv.)",
    "5.)",
    "1.",
    "a.",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    "„",
    "—",
    "-",
    "*",
    "•",
    "◦",
    "⁃",
    "…",
    "‼",
    "。",
    "।",
    "․",
    "[1]",
    "Mr.",
    "é",
    "Ж",
    "€",
    "\u{2028}",
    "(AP)",
    "WASHINGTON",
    ",",
    ":",
    "x.y",
    "a.m.",
    "P.M.",
    "Friday",
    "local",
];

/// Pieces with no sentence end inside, so that a text made of them, ended by one of
/// [`ENDS`], often passes the one-sentence check.
const RUNNING: &[&str] = &[
    " (a) Xi",
    " (12) The",
    " b) I",
    " iv.) X",
    "\t(c)\t«",
    "the",
    "Xi",
    "said",
    "I",
    "3.5",
    "example.com",
    "x.y",
    "a",
    "iv",
    "12",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "(",
    ")",
    "(a)",
    "(12)",
    "(iv)",
    "(CDC)",
    "2)",
    "b)",
    "iv.)",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "«",
    "»",
    "—",
    "-",
    "*",
    "•",
    "é",
    "Ж",
    "€",
    ",",
    "?!x",
    "...y",
    "[1]",
    "\u{2028}",
];
const ENDS: &[&str] = &[
    "",
    ".",
    "!",
    "?!",
    "...",
    ". ",
    ".  \t",
    ".”",
    ". . .",
    " .",
    "…",
    ".\n",
    "\u{a0}.",
    // Beyond the 30 bytes `sentencex` looks ahead.
    "!                                ",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn fast_paths_agree_with_the_slow_ones(
        pieces in prop::collection::vec(prop::sample::select(PIECES), 0..24)
    ) {
        check_fast_paths(&pieces.concat());
    }

    #[test]
    fn one_sentence_check_agrees_with_sentencex(
        pieces in prop::collection::vec(prop::sample::select(RUNNING), 0..24),
        end in prop::sample::select(ENDS),
    ) {
        check_fast_paths(&(pieces.concat() + end));
    }
}

#[test]
fn spans_slice_the_paragraph_exactly() {
    let text = "  One.  Two?\n\"Three!\" ";
    for r in split_sentences(text) {
        assert_eq!(text[r.clone()].trim(), &text[r]);
    }
    assert_eq!(split(text), ["One.", "Two?", "\"Three!\""]);
}

fn split_in<'t>(text: &'t str, language: &str) -> Vec<&'t str> {
    split_sentences_in(text, Some(language))
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

/// German ordinals before a month, German abbreviations in lower case and French titles do
/// not end a sentence by their languages' rules, where English rules cut them.
#[test]
fn sentences_follow_the_language_rules() {
    let german = "Die Wahl findet am 3. Oktober statt. Der Kanzler sprach z. B. über Steuern \
                  bzw. Abgaben. Danach ging er.";
    let want = [
        "Die Wahl findet am 3. Oktober statt.",
        "Der Kanzler sprach z. B. über Steuern bzw. Abgaben.",
        "Danach ging er.",
    ];
    assert_eq!(split_in(german, "de"), want);
    assert_ne!(split(german), want, "English rules should differ here");
    let french = "Selon M. Dupont, le projet avance. Le vote aura lieu lundi.";
    assert_eq!(
        split_in(french, "fr"),
        [
            "Selon M. Dupont, le projet avance.",
            "Le vote aura lieu lundi."
        ]
    );
    // A language without rules of its own, and none, take English's.
    let english = "He met Sen. Smith at 10 a.m. Friday. They talked.";
    for language in [None, Some("en"), Some("sw")] {
        let got: Vec<&str> = (split_sentences_in(english, language).into_iter())
            .map(|r| &english[r])
            .collect();
        assert_eq!(got, split(english), "{language:?}");
    }
}

/// A document's language, declared by its page or detected in plain text, picks the rules
/// `segment` and `segment_all` use; the same paragraph in an English document is split by
/// English rules in the same comparison.
#[test]
fn documents_are_segmented_by_their_language() {
    let para = "Die Regierung will am 3. Oktober über das Gesetz abstimmen, wie die Sprecherin \
                am Mittwoch in Berlin mitteilte. Die Opposition lehnt den Entwurf ab.";
    let html = format!(
        "<html lang=\"de-DE\"><body><article><h1>Abstimmung im Oktober</h1><p>{para}</p>\
         <p>Der Bundestag hatte das Gesetz im Sommer beraten. Eine Mehrheit gilt als sicher.</p>\
         </article></body></html>"
    );
    let page = Document::from_html("page.html", &html);
    assert_eq!(page.language.as_deref(), Some("de"));
    let plain = Document::from_text(
        "plain.txt",
        &format!(
            "{para}\n\nDer Bundestag hatte das Gesetz im Sommer beraten. Die Abgeordneten der \
             Koalition kündigten an, dem Entwurf zuzustimmen."
        ),
    );
    assert_eq!(plain.language.as_deref(), Some("de"));
    let mut english = Document::from_text("en.txt", para);
    english.language = Some("en".into());
    let texts = |doc: &Document, sents: &[Sentence]| -> Vec<String> {
        sents.iter().map(|s| s.text(doc).to_string()).collect()
    };
    let all = segment_all(&[&page, &plain, &english]);
    for (doc, sents) in [(&page, &all[0]), (&plain, &all[1])] {
        let got = texts(doc, sents);
        assert!(
            got.iter()
                .any(|s| s.contains("am 3. Oktober über das Gesetz")),
            "{got:?}"
        );
        assert_eq!(got, texts(doc, &segment(doc)));
    }
    let got = texts(&english, &all[2]);
    assert!(got.iter().any(|s| s.starts_with("Oktober")), "{got:?}");
    // A document of no known language (a page too short to tell) takes the language the
    // others agree on, so a paragraph both sides have is cut alike; alone, or among
    // documents that disagree, it keeps English's rules.
    let mut unknown = Document::from_text("short.txt", para);
    unknown.language = None;
    let kept = |docs: &[&Document]| {
        let all = segment_all(docs);
        let got = texts(&unknown, &all[docs.len() - 1]);
        got.iter()
            .any(|s| s.contains("am 3. Oktober über das Gesetz"))
    };
    assert!(kept(&[&page, &plain, &unknown]));
    assert!(!kept(&[&unknown]));
    assert!(!kept(&[&page, &english, &unknown]));
}

/// The adapted sentences of `adapted` after [`split_after_wire_lines`] against `original`.
fn glued(original: &str, adapted: &str) -> Vec<String> {
    let o = Document::from_text("o", original);
    let a = Document::from_text("a", adapted);
    let o_sentences = segment(&o);
    let mut a_sentences = segment(&a);
    split_after_wire_lines(&a, &mut a_sentences, &[(&o, &o_sentences)]);
    (a_sentences.iter())
        .map(|s| s.text(&a).to_string())
        .collect()
}

#[test]
fn a_sentence_glued_to_a_wire_line_is_a_sentence_of_its_own() {
    let original = "Tour dates\n\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\n\n\
                    June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA\n";
    // A page ran the line into a sentence of its own: two sentences.
    assert_eq!(
        glued(
            original,
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL Lynn is right: \
             the Chargers needed to win that game.\n"
        ),
        [
            "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL",
            "Lynn is right: the Chargers needed to win that game."
        ]
    );
    // Two lines, each with a sentence glued on: each found.
    let both = "Tour dates Critics said the venue was too small. \
                June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA Tickets sold out at once.\n";
    assert_eq!(
        glued(original, both).len(),
        4,
        "{:?}",
        glued(original, both)
    );
}

#[test]
fn a_sentence_glued_to_a_one_word_line_is_a_sentence_of_its_own() {
    let original = "Police Chief John Smith said the suspect fled on foot.\n\n\
                    Summary\n\nThis post will discuss the following:\n\n\
                    http://amzn.to/2iJFhRj\n\nPolice\n";
    for (adapted, line) in [
        (
            "Summary As those companies prosper, they can hire more people.\n",
            "Summary",
        ),
        (
            "http://amzn.to/2iJFhRj Ian Hamilton, an expert in drug use, was not involved.\n",
            "http://amzn.to/2iJFhRj",
        ),
    ] {
        let got = glued(original, adapted);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], line);
    }
    // The wire has the word after the line right after it elsewhere: a name, not a line
    // and a sentence.
    for adapted in [
        "Police Chief John Smith told reporters that the suspect fled.\n",
        // What follows the line is the wire's next sentence: one run of wire copy.
        "Summary This post will discuss the following:\n",
    ] {
        assert_eq!(glued(original, adapted), [adapted.trim_end()], "{adapted}");
    }
}

#[test]
fn a_lost_full_stop_before_a_sentence_opener_is_a_sentence_end() {
    for (text, cut) in [
        (
            "Cotterell has one previous conviction for burglary His father Edward, 73, said: \
             'There seems no rhyme or reason to this.'",
            "His father",
        ),
        (
            "He created a 'complete cast of fictional characters' to back his story The \
             'innate snobbery' of members of the aristocracy helped him.",
            "The 'innate",
        ),
        (
            "Get the controller for $39.99 This is the lowest price we have seen.",
            "This is",
        ),
        (
            "Officials met again late into the night However, no deal was reached.",
            "However,",
        ),
    ] {
        let parts = split(text);
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts[1].starts_with(cut), "{parts:?}");
    }
    // Names and titles, a comma, and a word that cannot end a sentence: no cut.
    for text in [
        "He read the report in The Times on Monday.",
        "Vice Premier He Lifeng met the delegation.",
        "The talks, said He, a professor at the university, went well.",
        "She thanked Her Majesty for the visit.",
        "Critics said that He would never return.",
        "They watched This Is Us together.",
    ] {
        assert_eq!(split(text), [text], "{text}");
    }
}

#[test]
fn wire_lines_run_together_stay_one_sentence() {
    let original = "Modeling cost-effectiveness\n\nRisks to the success of this grant remain.\n\n\
                    Portion Fix Containers: 1 Purple\n\nApple Watch Series 4\n\n\
                    Apple Watch Series 4 Space Gray Case with Black Sport Band is on sale.\n\n\
                    Key points:\n- Taxes rise 2%\n- Spending falls\n- Debt is flat\n";
    for adapted in [
        // A heading glued to the wire sentence after it: the aligner's one unchanged run.
        "Modeling cost-effectiveness Risks to the success of this grant remain.\n",
        // ...or to a rewording of it.
        "Modeling cost-effectiveness Big risks to the success of the grant remain.\n",
        // A list flattened into the line before it.
        "Key points: Taxes rise 2% Spending falls Debt is flat\n",
        // A line that runs on with a comma.
        "Portion Fix Containers: 1 Purple, 1 Red, 1 Yellow.\n",
        // A whole wire sentence that starts with a line.
        "Apple Watch Series 4 Space Gray Case with Black Sport Band is on sale.\n",
        // What follows does not start a sentence.
        "Modeling cost-effectiveness is what the grant pays for in the end.\n",
        "Apple Watch Series 4 (GPS, 44mm) Space Gray Case is on sale.\n",
        // Too short to be a sentence of its own.
        "Apple Watch Series 4 Space Gray.\n",
    ] {
        assert_eq!(glued(original, adapted), [adapted.trim_end()], "{adapted}");
    }
    // A whole wire sentence that starts with a line found far from it, before it: not cut.
    let original = "Apple Watch Series 4 Space Gray Case with Black Sport Band is on sale.\n\n\
                    Prices fell across the range this week.\n\nApple Watch Series 4\n";
    let adapted = "Apple Watch Series 4 Space Gray Case with Black Sport Band is on sale.\n";
    assert_eq!(glued(original, adapted), [adapted.trim_end()]);
}

#[test]
fn lines_that_all_start_alike_are_each_found() {
    // A table whose rows start with the same words: the right row is found for each
    // sentence, however many rows there are.
    let rows: Vec<String> = (0..200)
        .map(|i| format!("Row data {i} of the table"))
        .collect();
    let original = rows.join("\n\n");
    let adapted: Vec<String> = (rows.iter().enumerate())
        .map(|(i, r)| {
            if i % 7 == 0 {
                format!("{r} Critics said the figure was wrong.")
            } else {
                r.clone()
            }
        })
        .collect();
    let got = glued(&original, &adapted.join("\n\n"));
    assert_eq!(got.len(), 200 + 29);
    assert_eq!(got[0], "Row data 0 of the table");
    assert_eq!(got[1], "Critics said the figure was wrong.");
    let last = got
        .iter()
        .position(|s| s == "Row data 196 of the table")
        .unwrap();
    assert_eq!(got[last + 1], "Critics said the figure was wrong.");
    assert_eq!(got[last + 2], "Row data 197 of the table");
}

#[test]
fn cut_at_cuts_inside_sentences_only() {
    let doc = Document::from_text("t", "One two three four five six. Seven eight nine ten.");
    let sentences = segment(&doc);
    assert_eq!(sentences.len(), 2);
    let text =
        |s: &[Sentence]| -> Vec<String> { s.iter().map(|s| s.text(&doc).to_string()).collect() };
    // Inside the first sentence (the space before the cut left out), at the start of the
    // second (nothing to cut), and past the end.
    let inside = doc.text.find("four").unwrap();
    let between = doc.text.find("Seven").unwrap();
    let cut = cut_at(&doc, &sentences, &[inside, between, doc.text.len() + 5]);
    assert_eq!(
        text(&cut),
        ["One two three", "four five six.", "Seven eight nine ten."]
    );
    // A cut inside a character changes nothing.
    let doc = Document::from_text("t", "Café crème servi ici. Fin.");
    let sentences = segment(&doc);
    assert_eq!(cut_at(&doc, &sentences, &[4]), sentences);
}
