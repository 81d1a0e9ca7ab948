use super::*;

#[test]
fn fold_removes_house_style() {
    assert_eq!(
        fold("“We aren’t in a rush” — he said\u{00A0}\u{00A0}to\u{00AD}day"),
        "\"we aren't in a rush\" - he said today"
    );
    assert_eq!(fold("ﬁnance ２０２２"), "finance 2022");
}

#[test]
fn keys_ignore_punctuation_case_and_honorifics() {
    assert_eq!(
        key("“Let’s go,” Mr. Xi said."),
        key("\"Let's go\", Xi said")
    );
    assert_eq!(key("The U.S. economy"), key("The US economy"));
    assert_eq!(key("China–U.S. relations"), key("China-U.S. relations"));
    assert_ne!(key("He gave no details."), key("He did not elaborate."));
    assert_ne!(key("Prices rose 3.2%."), key("Prices rose 3.5%."));
    assert_eq!(key("___"), "___");
    assert_eq!(
        key("The colour of the centre's defence programme was analysed."),
        key("The color of the center's defense program was analyzed.")
    );
    assert_eq!(
        key("They organised a travelling catalogue."),
        key("They organized a traveling catalog.")
    );
    assert_ne!(key("Four hours later."), key("For hors later."));
    assert_ne!(key("The pipe was filled."), key("The pipe was filed."));
    assert_ne!(key("* * *"), key("___"));
}

#[test]
fn keys_ignore_how_a_percentage_is_written() {
    let wire = key("Five people were hurt and prices rose 5 percent, officials said.");
    for style in [
        "Five people were hurt and prices rose 5 per cent, officials said.",
        "Five people were hurt and prices rose 5%, officials said.",
        "Five people were hurt and prices rose 5 pct, officials said.",
    ] {
        assert_eq!(key(style), wire, "{style}");
    }
    // A different number is a different sentence, and so is one written otherwise: "five"
    // for "5" is an edit a reader may want to see.
    assert_ne!(
        key("Five people were hurt and prices rose 6 per cent, officials said."),
        wire
    );
    assert_ne!(
        key("5 people were hurt and prices rose 5 percent, officials said."),
        wire
    );
}

#[test]
fn last_letters_cover_every_rewrite() {
    for (uk, _) in SUFFIXES {
        let tail = &uk.as_bytes()[uk.len() - 2..];
        assert!(
            [
                b"ns", b"rs", b"es", b"on", b"ng", b"ed", b"se", b"re", b"ue", b"te", b"ur"
            ]
            .iter()
            .any(|t| t.as_slice() == tail),
            "{uk}"
        );
    }
    for (uk, _) in SPELLINGS.iter().chain(SUFFIXES) {
        let last = *uk.as_bytes().last().expect("a word");
        assert!(
            last.is_ascii_lowercase() && LAST_LETTERS & (1 << (last - b'a')) != 0,
            "{uk}"
        );
        assert!(
            uk.len() >= 4 || SUFFIXES.iter().any(|(s, _)| s == uk),
            "{uk}"
        );
    }
}

/// `spelling` as it reads without its filters: every word of four bytes or more is
/// looked up in the map, then tried against every suffix.
fn spelling_unfiltered(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if w.len() < 4 {
        return Cow::Borrowed(w);
    }
    if let Some(us) = SPELLINGS.iter().find(|(uk, _)| *uk == w) {
        return Cow::Borrowed(us.1);
    }
    if w.chars().count() >= 5 {
        for (uk, us) in SUFFIXES {
            if let Some(stem) = w.strip_suffix(uk)
                && stem.chars().count() >= 2
            {
                return Cow::Owned(format!("{stem}{us}"));
            }
        }
    }
    Cow::Borrowed(w)
}

#[test]
fn spelling_filters_drop_no_british_word() {
    let mut words: Vec<String> = Vec::new();
    for (uk, us) in SPELLINGS.iter().chain(SUFFIXES) {
        words.extend([
            uk.to_string(),
            us.to_string(),
            format!("x{uk}"),
            format!("{uk}s"),
        ]);
        words.extend([format!("re{uk}"), uk.to_uppercase(), format!("{uk}é")]);
    }
    let mut texts = vec![
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/pairs/seed/adapted.txt"
        ))
        .expect("seed"),
    ];
    for dir in crate::test_data::pair_dirs().into_iter().take(40) {
        for f in std::fs::read_dir(dir).expect("pair dir").flatten() {
            if f.path().extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(f.path()).expect("pair text"));
            }
        }
    }
    for t in &texts {
        words.extend(
            fold(t)
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_string),
        );
    }
    let mut respelled = 0;
    for w in words.iter().filter(|w| !w.is_empty()) {
        assert_eq!(spelling(w), spelling_unfiltered(w), "{w}");
        respelled += usize::from(spelling(w) != w.as_str());
    }
    // The list and its variants are respelled, so the comparison above checked the
    // filters on words they must let through.
    assert!(respelled >= SPELLINGS.len() + SUFFIXES.len(), "{respelled}");
}

#[test]
fn fold_fast_paths_agree_with_nfkc() {
    for s in [
        " Plain ASCII,  `quoted`\t text.\u{b}\u{c}\r\n",
        "\u{201c}Curly\u{201d} \u{2014} quotes\u{2019} \u{2011}\u{2026}",
        "Caf\u{e9} \u{2014} na\u{ef}ve",
        "\u{fb01}nance \u{ff12}",
    ] {
        let slow: String = {
            let mut out = String::new();
            fold_chars(s.nfkc(), &mut out);
            out
        };
        assert_eq!(fold(s), slow, "{s}");
    }
    for s in [
        "U.S. officials don't  agree.",
        "Xi's \"color-coded\" U.S. plan, 2,000 police. a.b. `x`y ..z. 'q'",
        "Caf\u{e9} na\u{ef}ve d\u{2019}Arc \u{fb01}ne",
        "",
    ] {
        let slow = {
            let mut n = 0;
            let folded = fold(s);
            let chars: Vec<char> = folded.chars().collect();
            let mut in_word = false;
            for (i, &c) in chars.iter().enumerate() {
                if c.is_alphanumeric() {
                    n += usize::from(!in_word);
                    in_word = true;
                } else if !(in_word
                    && (c == '.' || c == '\'')
                    && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
                {
                    in_word = false;
                }
            }
            n
        };
        assert_eq!(word_count(s), slow, "{s}");
        assert_eq!(words(s).len(), slow, "{s}");
    }
    assert_eq!(words("a.b. U.S don't x."), ["ab", "us", "dont", "x"]);
}

/// [`fold`] by its definition: NFKC, then [`Folder`] a character at a time.
fn fold_slow(s: &str) -> String {
    let mut out = String::new();
    fold_chars(s.nfkc(), &mut out);
    out
}

/// [`words`] by their definition: the words of the text folded by its definition.
fn words_slow(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    folded_words(&fold_slow(s), |w| out.push(w.to_string()));
    out
}

/// The words of [`for_each_word_in`], each with whether it came as a slice of `s`
/// (checked to be the word itself, and a part of `s`).
fn words_in(s: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for_each_word_in(s, &mut String::new(), |w, slice| {
        if let Some(slice) = slice {
            assert_eq!(slice, w);
            let at = slice.as_ptr() as usize - s.as_ptr() as usize;
            assert!(at + slice.len() <= s.len());
        }
        out.push((w.to_string(), slice.is_some()));
    });
    out
}

/// The fast paths give what the definitions give: the folded text, the words, their
/// number.
fn assert_agree(s: &str) {
    assert_eq!(fold(s), fold_slow(s), "{s:?}");
    let slow = words_slow(s);
    let now: Vec<String> = words_in(s).into_iter().map(|(w, _)| w).collect();
    assert_eq!(now, slow, "{s:?}");
    assert_eq!(word_count(s), slow.len(), "{s:?}");
}

fn known_chars() -> Vec<char> {
    (0..=0x10FFFF)
        .filter_map(char::from_u32)
        .filter(|&c| nfkc_known(c).is_some())
        .collect()
}

#[test]
fn known_characters_fold_as_nfkc_says() {
    use unicode_normalization::char::canonical_combining_class;
    let known = known_chars();
    let nfkc: Vec<String> = known
        .iter()
        .map(|c| c.to_string().nfkc().collect())
        .collect();
    for (&c, n) in known.iter().zip(&nfkc) {
        match nfkc_known(c) {
            Some(Nfkc::Same) => assert_eq!(*n, c.to_string(), "{c:?}"),
            Some(Nfkc::As(e)) => assert_eq!(n, e, "{c:?}"),
            None => unreachable!(),
        }
        // What it becomes is known, and starts with a character that combines with
        // nothing before it: no effect reaches past a neighbour.
        assert!(
            n.chars().all(|x| nfkc_known(x) == Some(Nfkc::Same)),
            "{c:?}"
        );
        assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        let first = c.to_string().nfkd().next().unwrap();
        assert_eq!(canonical_combining_class(first), 0, "{c:?}");
    }
    // No two known characters combine or reorder: the NFKC of a pair is that of each.
    let mut pair = String::new();
    for (a, na) in known.iter().zip(&nfkc) {
        for (b, nb) in known.iter().zip(&nfkc) {
            pair.clear();
            pair.push(*a);
            pair.push(*b);
            assert!(pair.nfkc().eq(na.chars().chain(nb.chars())), "{a:?} {b:?}");
        }
    }
}

#[test]
fn word_classes_are_what_folding_makes_of_the_characters() {
    let mut classes = [0; 6];
    for c in known_chars().into_iter().filter(|c| !c.is_ascii()) {
        let k = word_class(c);
        classes[k as usize] += 1;
        let folded = fold_slow(&c.to_string());
        match k {
            Class::Lower => {
                assert!(c.is_alphanumeric(), "{c:?}");
                assert_eq!(folded, c.to_string(), "{c:?}");
            }
            Class::Upper => {
                let lower: Vec<char> = c.to_lowercase().collect();
                assert_eq!(lower.len(), 1, "{c:?}");
                assert!(lower[0] != c && lower[0].is_alphanumeric(), "{c:?}");
                assert_eq!(folded, lower[0].to_string(), "{c:?}");
            }
            Class::Join => assert!(folded == "'" || folded == ".", "{c:?}"),
            Class::Drop => assert_eq!(folded, "", "{c:?}"),
            Class::Sep => assert!(
                folded == "..."
                    || folded
                        .chars()
                        .all(|x| !x.is_alphanumeric() && x != '.' && x != '\''),
                "{c:?} {folded:?}"
            ),
            Class::Unknown => {
                // a letter or digit that is not itself, or a capital I with a dot
                assert!(folded.chars().any(char::is_alphanumeric), "{c:?}");
                continue;
            }
        }
        // And where words see it.
        for (x, y) in [
            ("a", "b"),
            ("a.", "b"),
            ("a", ".b"),
            ("A'", "'B"),
            ("", ""),
            (" ", "x"),
            ("\u{e9}", "\u{200b}\u{c9}"),
        ] {
            assert_agree(&format!("{x}{c}{y}"));
            assert_agree(&format!("{x}{c}{c}{y}"));
        }
    }
    // capitals, small letters, joiners, dropped characters, separators: all there
    assert!(classes.iter().take(5).all(|&n| n > 0), "{classes:?}");
}

#[test]
fn lowercase_shortcut_is_to_lowercase() {
    for c in (0..=0x3000).filter_map(char::from_u32) {
        let mut out = String::new();
        push_lowercase(&mut out, c);
        assert_eq!(out, c.to_lowercase().collect::<String>(), "{c:?}");
    }
}

/// [`plain_word_count`] a byte at a time, as it was.
fn plain_word_count_bytewise(b: &[u8]) -> usize {
    let mut n = 0;
    let mut prev_alnum = false;
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if alnum && !prev_alnum {
            n += usize::from(!joined_at(b, i));
        }
        prev_alnum = alnum;
    }
    n
}

#[test]
fn plain_word_count_agrees_with_the_bytewise_count() {
    let mut plain = 0;
    for s in crate::annotate::furniture::tests::real_sentences() {
        if text_kind(&s) == Charset::Plain {
            plain += 1;
            // and from every offset, for every position of the words in the chunks
            for from in (0..8.min(s.len())).filter(|&i| s.is_char_boundary(i)) {
                let b = &s.as_bytes()[from..];
                assert_eq!(plain_word_count(b), plain_word_count_bytewise(b), "{s:?}");
            }
            assert_eq!(word_count(&s), words_slow(&s).len(), "{s:?}");
        }
    }
    assert!(plain > 100, "{plain}");
    for s in [
        "",
        "a",
        "a.b",
        "x a.b U.S. don\u{2019}t",
        "12345678a.bcdefgh'i`j",
        "        a",
    ] {
        assert_eq!(
            plain_word_count(s.as_bytes()),
            plain_word_count_bytewise(s.as_bytes()),
            "{s:?}"
        );
    }
}

/// [`plain_words`] a byte at a time, as it was: `f(start, end, simple)` for each, where the word is the ASCII
/// letters and digits of `start..end`, lower-cased, and `simple` says that the span holds
/// nothing else and no capital (the word is the span itself).
fn plain_words_bytewise(b: &[u8], mut f: impl FnMut(usize, usize, bool)) {
    // Between two letters or digits, '.', '\'', '`' and the curly single quotes (which fold
    // to '\'') join a word: their length in bytes at `i`, or 0.
    let joiner = |i: usize| -> usize {
        match b.get(i) {
            Some(b'.' | b'\'' | b'`') => 1,
            Some(0xE2)
                if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x98 | 0x99)) =>
            {
                3
            }
            _ => 0,
        }
    };
    let n = b.len();
    let mut i = 0;
    while i < n {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut simple = true;
        loop {
            while i < n && b[i].is_ascii_alphanumeric() {
                simple &= !b[i].is_ascii_uppercase();
                i += 1;
            }
            let j = joiner(i);
            if j > 0 && b.get(i + j).is_some_and(u8::is_ascii_alphanumeric) {
                simple = false;
                i += j;
                continue;
            }
            break;
        }
        f(start, i, simple);
    }
}

/// A word scanner of plain text.
type Scan = fn(&[u8], &mut dyn FnMut(usize, usize, bool));

fn plain_spans(b: &[u8], words: Scan) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    words(b, &mut |s, e, simple| out.push((s, e, simple)));
    out
}

fn assert_plain_words_agree(b: &[u8]) {
    assert_eq!(
        plain_spans(b, |b, f| plain_words(b, f)),
        plain_spans(b, |b, f| plain_words_bytewise(b, f)),
        "{:?}",
        String::from_utf8_lossy(b)
    );
}

#[test]
fn plain_words_agree_with_the_bytewise_scan() {
    for s in crate::annotate::furniture::tests::real_sentences() {
        if text_kind(&s) == Charset::Plain {
            // from every offset, for every position of the words in the chunks
            for from in 0..8.min(s.len()) {
                assert_plain_words_agree(&s.as_bytes()[from..]);
            }
        }
    }
    for s in [
        "",
        "a",
        "A",
        "abcdefgh",
        "abcdefgH",
        "abcdefghI",
        "a.b",
        "Don\u{2019}t",
        "12345678.9",
        "        x",
    ] {
        assert_plain_words_agree(s.as_bytes());
    }
}

#[test]
fn known_words_are_slices_when_folding_keeps_them() {
    assert_eq!(
        words_in(
            "caf\u{e9}\u{a0}\u{dc}ber na\u{ef}ve\u{2026} Gro\u{df}e gro\u{df}e d\u{2019}\u{e9}t\u{e9} so\u{200b}ft"
        ),
        [
            ("caf\u{e9}".to_string(), true),
            ("\u{fc}ber".to_string(), false),
            ("na\u{ef}ve".to_string(), true),
            ("gro\u{df}e".to_string(), false),
            ("gro\u{df}e".to_string(), true),
            ("d\u{e9}t\u{e9}".to_string(), false),
            ("soft".to_string(), false),
        ]
    );
    assert_eq!(
        text_kind("\u{201c}Plain\u{201d} \u{2014} text"),
        Charset::Plain
    );
    assert_eq!(text_kind("Caf\u{e9}\u{a0}\u{2026}"), Charset::Known);
    assert_eq!(text_kind("\u{bd} cup"), Charset::Other);
    assert_eq!(text_kind("cafe\u{301}"), Charset::Other);
}

#[test]
fn fast_paths_agree_with_the_definitions_on_real_text() {
    let mut kinds = [0; 3];
    for s in crate::annotate::furniture::tests::real_sentences() {
        kinds[text_kind(&s) as usize] += 1;
        assert_agree(&s);
    }
    assert!(kinds.iter().all(|&n| n > 0), "{kinds:?}");
}

proptest::proptest! {
    #[test]
    fn plain_word_count_agrees_on_plain_text(
        t in "[a-zA-Z0-9 .,'`()\"\u{7f}\t\n\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{e9}@\\[{]{0,60}"
    ) {
        proptest::prop_assert_eq!(
            plain_word_count(t.as_bytes()),
            plain_word_count_bytewise(t.as_bytes())
        );
        if text_kind(&t) == Charset::Plain {
            proptest::prop_assert_eq!(word_count(&t), words_slow(&t).len());
        }
        assert_plain_words_agree(t.as_bytes());
    }
}

proptest::proptest! {
    #[test]
    fn fast_paths_agree_with_the_definitions(
        t in "([a-zA-Z0-9 .,'`\u{2018}\u{2019}\u{201c}\u{201d}\u{2013}\u{2014}\u{a0}\u{2009}\u{202f}\u{2026}\u{200b}\u{ad}\u{feff}\u{e9}\u{c9}\u{fc}\u{dc}\u{df}\u{c4}\u{e7}\u{130}\u{131}\u{141}\u{142}\u{178}\u{d7}\u{bd}\u{b2}\u{b4}\u{2122}\u{20a9}\u{20ac}\u{2011}\u{2032}\u{301}\u{308}\u{323}\u{fb01}\u{fe8e}\u{64e}]|\\PC){0,40}"
    ) {
        assert_agree(&t);
    }
}

#[test]
fn words_split_on_punctuation() {
    assert_eq!(
        words("Xi's \"color-coded\" U.S. plan, 2,000 police."),
        ["xis", "color", "coded", "us", "plan", "2", "000", "police"]
    );
}
