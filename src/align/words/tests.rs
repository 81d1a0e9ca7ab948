use super::*;
use proptest::prelude::*;

// The implementation before the fast paths, for comparison.

fn old_token_key(t: &str) -> Cow<'_, str> {
    if t.trim().is_empty() {
        return Cow::Borrowed(" ");
    }
    if matches!(normalize::fold(t).as_str(), "'" | "''" | "\"") {
        return Cow::Borrowed("\"");
    }
    // Folding ASCII without capitals or '`' changes nothing: most tokens need no copy.
    if t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
        return normalize::spelling(t);
    }
    let folded = normalize::fold(t);
    // `spelling` mostly hands the word back: keep the folded string then, no second copy.
    let respelled = match normalize::spelling(&folded) {
        Cow::Borrowed(b) if std::ptr::eq(b, folded.as_str()) => None,
        other => Some(other.into_owned()),
    };
    Cow::Owned(respelled.unwrap_or(folded))
}

/// Word-level edits from `old` to `new`, compared on folded words so that house style
/// (quote marks, dashes, case) is not reported as an edit.
fn old_word_changes(old: &str, new: &str) -> Vec<Change> {
    let ot = old_diff_tokens(old);
    let nt = old_diff_tokens(new);
    // Each distinct key an integer: the diff then compares integers, not strings.
    // A token seen before has its id without its key worked out again: a rewording shares
    // most of its tokens.
    let n = ot.len() + nt.len();
    let mut ids: FastMap<Cow<'_, str>, u32> =
        FastMap::with_capacity_and_hasher(n, Default::default());
    let mut seen: FastMap<&str, u32> = FastMap::with_capacity_and_hasher(n, Default::default());
    fn id_of<'k>(
        ids: &mut FastMap<Cow<'k, str>, u32>,
        seen: &mut FastMap<&'k str, u32>,
        t: &'k str,
    ) -> u32 {
        use std::collections::hash_map::Entry;
        match seen.entry(t) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let next = ids.len() as u32;
                *e.insert(*ids.entry(old_token_key(t)).or_insert(next))
            }
        }
    }
    let ok: Vec<u32> = ot.iter().map(|t| id_of(&mut ids, &mut seen, t)).collect();
    let nk: Vec<u32> = nt.iter().map(|t| id_of(&mut ids, &mut seen, t)).collect();
    // Chunks: equal text, or an edit (deleted, inserted).
    let mut chunks: Vec<OldChunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ok, &nk) {
        let (tag, o, n) = op.as_tag_tuple();
        let chunk = match tag {
            similar::DiffTag::Equal => OldChunk::Equal(nt[n].concat()),
            _ => OldChunk::Edit(ot[o].concat(), nt[n].concat()),
        };
        match (chunks.last_mut(), chunk) {
            (Some(OldChunk::Equal(a)), OldChunk::Equal(b)) => a.push_str(&b),
            (Some(OldChunk::Edit(d, i)), OldChunk::Edit(d2, i2)) => {
                d.push_str(&d2);
                i.push_str(&i2);
            }
            (_, c) => chunks.push(c),
        }
    }
    // Edits separated only by whitespace read better as one: "[-gave no details-]{+did not
    // elaborate+}" rather than word by word.
    let mut merged: Vec<OldChunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        if let (OldChunk::Edit(d2, i2), [.., OldChunk::Edit(d1, i1), OldChunk::Equal(ws)]) =
            (&c, merged.as_slice())
            && ws.trim().is_empty()
            && !(d1.is_empty() && d2.is_empty())
            && !(i1.is_empty() && i2.is_empty())
        {
            let (d, i) = (format!("{d1}{ws}{d2}"), format!("{i1}{ws}{i2}"));
            merged.truncate(merged.len() - 2);
            merged.push(OldChunk::Edit(d, i));
            continue;
        }
        // Two pure insertions (or deletions) around a space, the second ending in that same
        // space, are one run followed by the space: "{+, without offering specifics,+} ".
        if let (OldChunk::Edit(d2, i2), [.., OldChunk::Edit(d1, i1), OldChunk::Equal(ws)]) =
            (&c, merged.as_slice())
            && ws.trim().is_empty()
            && !ws.is_empty()
            && ((d1.is_empty() && d2.is_empty() && i2.ends_with(ws.as_str()))
                || (i1.is_empty() && i2.is_empty() && d2.ends_with(ws.as_str())))
        {
            let ws = ws.clone();
            let shift = |a: &str, b: &str| format!("{a}{ws}{}", &b[..b.len() - ws.len()]);
            let edit = if d1.is_empty() {
                OldChunk::Edit(String::new(), shift(i1, i2))
            } else {
                OldChunk::Edit(shift(d1, d2), String::new())
            };
            merged.truncate(merged.len() - 2);
            merged.push(edit);
            merged.push(OldChunk::Equal(ws));
            continue;
        }
        merged.push(c);
    }
    let mut out = Vec::with_capacity(merged.len() * 2);
    for c in merged {
        match c {
            OldChunk::Equal(t) => out.push(Change {
                op: Op::Equal,
                text: t,
            }),
            OldChunk::Edit(d, i) => {
                if !d.is_empty() {
                    out.push(Change {
                        op: Op::Delete,
                        text: d,
                    });
                }
                if !i.is_empty() {
                    out.push(Change {
                        op: Op::Insert,
                        text: i,
                    });
                }
            }
        }
    }
    out
}

enum OldChunk {
    Equal(String),
    Edit(String, String),
}

/// Splits text into words (letters and digits, with inner `.` or `'`), whitespace runs, and
/// single other characters.
fn old_diff_tokens(s: &str) -> Vec<&str> {
    // About two tokens (a word and a space) in every six bytes of news text.
    let mut out = Vec::with_capacity(s.len() / 3 + 1);
    let bytes = s.as_bytes();
    // The character at byte `i`: ASCII without decoding.
    let char_at = |i: usize| -> Option<char> {
        let x = *bytes.get(i)?;
        Some(if x.is_ascii() {
            char::from(x)
        } else {
            s[i..]
                .chars()
                .next()
                .expect("a character at a char boundary")
        })
    };
    let class = |c: char| {
        if c.is_alphanumeric() {
            0
        } else if c.is_whitespace() {
            1
        } else {
            2
        }
    };
    let mut start = 0;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let j = i + c.len_utf8();
        let next = char_at(j);
        let k = class(c);
        if k == 2 {
            let joins = (c == '.' || c == '\'' || c == '’')
                && i > start
                && s[start..i].chars().all(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric);
            // `` and '' are one quote mark
            let j = if !joins && (c == '`' || c == '\'') && next == Some(c) {
                j + 1
            } else {
                j
            };
            if !joins {
                if i > start {
                    out.push(&s[start..i]);
                }
                out.push(&s[i..j]);
                start = j;
            }
            i = j;
            continue;
        }
        if let Some(n) = next {
            let joins_next = class(n) == k
                || (k == 0
                    && (n == '.' || n == '\'' || n == '’')
                    && char_at(j + n.len_utf8()).is_some_and(char::is_alphanumeric));
            if !joins_next {
                out.push(&s[start..j]);
                start = j;
            }
        }
        i = j;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// The word edits of `old` to `new` as (op, text) pairs.
fn ops(old: &str, new: &str) -> Vec<(&'static str, String)> {
    word_changes(old, new)
        .into_iter()
        .map(|c| (c.op.as_str(), c.text))
        .collect()
}

fn owned(expected: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    expected
        .iter()
        .map(|&(op, t)| (op, t.to_string()))
        .collect()
}

#[test]
fn word_changes_ignore_quote_style() {
    let got = ops(
        "\"We aren't in a rush,\" he said.",
        "“We aren’t in a hurry,” he said.",
    );
    assert_eq!(
        got,
        owned(&[
            ("equal", "“We aren’t in a "),
            ("delete", "rush"),
            ("insert", "hurry"),
            ("equal", ",” he said.")
        ])
    );
}

#[test]
fn word_changes_group_neighbouring_edits() {
    let got = ops("He gave no details.", "He did not elaborate.");
    assert_eq!(
        got,
        owned(&[
            ("equal", "He "),
            ("delete", "gave no details"),
            ("insert", "did not elaborate"),
            ("equal", ".")
        ])
    );
}

#[test]
fn word_changes_join_insertions_around_a_space() {
    let got = ops(
        "He alleged that Kyiv",
        "He alleged, without offering specifics, that Kyiv",
    );
    assert_eq!(
        got,
        owned(&[
            ("equal", "He alleged"),
            ("insert", ", without offering specifics,"),
            ("equal", " that Kyiv")
        ])
    );
}

#[test]
fn word_changes_rebuild_both_sides() {
    let pairs = [
        ("He gave no details.", "He did not elaborate."),
        (
            "\"We aren't in a rush,\" he said.",
            "“We aren’t in a hurry,” the leader said today.",
        ),
        (
            "Putin vowed Friday to press his attack.",
            "On Friday, Putin vowed to press his attack.",
        ),
        ("A  b c d e.", "x A b  y d e z."),
        ("", "Brand new."),
        ("All gone.", ""),
    ];
    for (old, new) in pairs {
        let ch = word_changes(old, new);
        let adapted: String = ch
            .iter()
            .filter(|c| c.op != Op::Delete)
            .map(|c| c.text.as_str())
            .collect();
        let original: String = ch
            .iter()
            .filter(|c| c.op != Op::Insert)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(adapted, new);
        assert_eq!(normalize::fold(&original), normalize::fold(old), "{ch:?}");
    }
}

#[test]
fn diff_tokens_keep_abbreviations_whole() {
    assert_eq!(
        diff_tokens("U.S. isn't  big."),
        ["U.S", ".", " ", "isn't", "  ", "big", "."]
    );
}

#[test]
fn byte_classes_agree_with_char() {
    for c in (0..=0x7F_u8).map(char::from).chain([
        '\u{2013}', '\u{2014}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{A0}', '\u{85}',
        '\u{2003}', '\u{3000}', 'é', 'ß', 'Ж', '²', '\u{200B}', '\u{2033}', '…',
    ]) {
        let want = if c.is_alphanumeric() {
            WORD
        } else if c.is_whitespace() {
            SPACE
        } else {
            OTHER
        };
        assert_eq!(class_at(&c.to_string(), 0), (want, c.len_utf8()), "{c:?}");
    }
}

/// The ids of every token of `old` and `new`, with the key each has on the slow path.
fn ids_and_keys(old: &str, new: &str) -> Vec<(u32, String)> {
    let mut interner = Interner::with_capacity(0);
    let (ob, ok) = interner.tokens(old);
    let (nb, nk) = interner.tokens(new);
    let tokens =
        (ob.windows(2).map(|w| &old[w[0]..w[1]])).chain(nb.windows(2).map(|w| &new[w[0]..w[1]]));
    (ok.into_iter().chain(nk))
        .zip(tokens.map(|t| old_token_key(t).into_owned()))
        .collect()
}

/// Also for tokens on either side of 8 bytes, the most that are found by their packed
/// bytes rather than their text.
#[test]
fn fast_ids_are_the_ids_of_their_keys() {
    // every character alone, as a token of each class, and next to its folded forms
    let mut text = String::new();
    for c in (0..=0x7F_u8).map(char::from).chain(
        "\u{2013}\u{2014}\u{2018}\u{2019}\u{201C}\u{201D}\u{A0}\u{2033}\u{2032}´`…ﬁ½".chars(),
    ) {
        text.extend([c, ' ']);
    }
    let words = "A a I i Z z 0 9 The the THE colour color Colour U.S u.s aren’t aren't \
                     Café café CAFÉ ﬁne fine \u{2010} - \u{2212} \u{00AB} \" \
                     abcdefgh ABCDEFGH abcdefghi Abcdefghi abcdefg abcdefgh. caféABC cafeABCD \
                     colours colourss Colours programme programmes Programmes";
    let mut by_key: FastMap<String, u32> = FastMap::default();
    let pairs = ids_and_keys(&text, words);
    assert!(pairs.len() > 300);
    for (id, key) in pairs {
        // equal keys have equal ids, and a key of one byte is that byte
        assert_eq!(*by_key.entry(key.clone()).or_insert(id), id, "{key:?}");
        match key.as_bytes() {
            &[x] => assert_eq!(id, u32::from(x), "{key:?}"),
            _ => assert!(id >= FIRST_MAPPED_ID, "{key:?}"),
        }
    }
    assert_eq!(by_key.values().collect::<FastSet>().len(), by_key.len());
}

type FastSet<'a> = std::collections::HashSet<&'a u32>;

/// `word_changes` as the old code had it, and as it is now.
fn both(old: &str, new: &str) -> (Vec<Change>, Vec<Change>) {
    (old_word_changes(old, new), word_changes(old, new))
}

/// Reworded passages of the fixture pairs, as the aligner pairs them.
fn real_rewordings() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for pair in crate::test_data::pair_dirs() {
        let read = |name: &str| std::fs::read_to_string(pair.join(name));
        let (Ok(original), Ok(adapted)) = (read("original.txt"), read("adapted.txt")) else {
            continue;
        };
        let cmp = crate::compare(
            vec![crate::Document::from_text("o", &original)],
            crate::Document::from_text("a", &adapted),
            &crate::Options::default(),
        );
        for seg in &cmp.segments {
            if seg.kind != crate::Kind::Reworded {
                continue;
            }
            let (src, o) = seg.original.clone().expect("a reworded original");
            let a = seg.adapted.clone().expect("a reworded adapted side");
            let text = |doc: &crate::Document, s: &[crate::sentences::Sentence]| {
                doc.text[s[0].start..s[s.len() - 1].end].to_string()
            };
            out.push((
                text(&cmp.originals[src], &cmp.original_sentences[src][o]),
                text(&cmp.adapted, &cmp.adapted_sentences[a]),
            ));
        }
    }
    out
}

#[test]
fn one_interner_for_many_passages_gives_the_same_edits() {
    let mut pairs = real_rewordings();
    pairs.extend(
        [
            ("The colour was grey.", "The color was gray, he said."),
            (
                "\"We aren't in a rush,\" he said.",
                "“We aren’t in a hurry,” he said.",
            ),
            ("Café owners met.", "CAFÉ owners met on Monday."),
        ]
        .map(|(o, n)| (o.to_string(), n.to_string())),
    );
    assert!(pairs.len() >= 8, "{}", pairs.len());
    let mut differ = WordDiffer::new();
    for (old, new) in &pairs {
        assert_eq!(
            differ.changes(old, new),
            word_changes(old, new),
            "{old:?} / {new:?}"
        );
    }
    // And backwards, so that each pair meets words the others brought.
    let mut differ = WordDiffer::new();
    for (old, new) in pairs.iter().rev() {
        assert_eq!(
            differ.changes(new, old),
            word_changes(new, old),
            "{new:?} / {old:?}"
        );
    }
}

#[test]
fn word_changes_agree_with_the_old_code_on_real_rewordings() {
    let pairs = real_rewordings();
    assert!(pairs.len() >= 5, "{}", pairs.len());
    for (old, new) in &pairs {
        let (want, got) = both(old, new);
        assert_eq!(got, want, "{old:?} {new:?}");
    }
}

/// `s` as another house style might edit it: quotes curled, a word dropped, another
/// capitalized, spaces doubled.
fn edited(s: &str, seed: usize) -> String {
    let mut out = String::new();
    for (i, w) in s.split(' ').enumerate() {
        if (i + seed) % 7 == 3 {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if (i + seed) % 11 == 5 { "  " } else { " " });
        }
        if (i + seed) % 5 == 1 {
            out.push_str(&w.to_uppercase());
        } else {
            out.push_str(&w.replace('\'', "’").replace('"', "“").replace(" - ", " — "));
        }
    }
    out
}

#[test]
fn word_changes_agree_with_the_old_code_on_real_sentences() {
    let sentences = crate::annotate::furniture::tests::real_sentences();
    let step = (sentences.len() / 3000).max(1);
    let picked: Vec<&String> = sentences.iter().step_by(step).collect();
    for (i, pair) in picked.windows(2).enumerate() {
        let (a, b) = (pair[0].as_str(), pair[1].as_str());
        for (old, new) in [(a, b), (a, &edited(a, i)), (&edited(b, i), b)] {
            let (want, got) = both(old, new);
            assert_eq!(got, want, "{old:?} {new:?}");
            assert_eq!(diff_tokens(old), old_diff_tokens(old), "{old:?}");
        }
    }
}

/// Text of the characters that tokens and keys care about.
fn awkward() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        6 => "[a-zA-Z0-9]{1,6}",
        4 => "[ .,'`\"-]",
        2 => "[’‘“”—–\u{A0}\t\n]",
        1 => "(U\\.S\\.|don't|aren’t|Mr\\.|colour|Colour|organised|défense|ﬁne|Ⅸ|İ|ß|Σ|²)",
        1 => any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(c, 0..40).prop_map(|cs| cs.concat())
}

proptest! {
    #[test]
    fn diff_tokens_agree_with_the_old_code(s in awkward()) {
        prop_assert_eq!(diff_tokens(&s), old_diff_tokens(&s));
    }

    #[test]
    fn word_changes_agree_with_the_old_code(old in awkward(), new in awkward()) {
        let (want, got) = both(&old, &new);
        prop_assert_eq!(got, want);
    }

    #[test]
    fn word_changes_agree_with_the_old_code_on_edits(old in awkward(), seed in 0..77usize) {
        let new = edited(&old, seed);
        let (want, got) = both(&old, &new);
        prop_assert_eq!(got, want);
        let (want, got) = both(&new, &old);
        prop_assert_eq!(got, want);
    }
}
