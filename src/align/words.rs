//! Word-level edits of a reworded passage: both sides split into words, spaces and
//! punctuation, compared on folded keys with `similar`'s Myers diff, and the runs grouped
//! for reading.

use std::borrow::Cow;

use similar::{Algorithm, capture_diff_slices};

use super::{Change, FastMap, Op};
use crate::normalize;

/// The edits of a rewording without a word diff: all of `old` deleted, all of `new` inserted.
pub(super) fn whole_changes(old: &str, new: &str) -> Vec<Change> {
    [(Op::Delete, old), (Op::Insert, new)]
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(op, t)| Change {
            op,
            text: t.to_string(),
        })
        .collect()
}

/// Word-level edits from `old` to `new`, compared on folded words so that house style
/// (quote marks, dashes, case) is not reported as an edit.
pub fn word_changes(old: &str, new: &str) -> Vec<Change> {
    let ot = diff_tokens(old);
    let nt = diff_tokens(new);
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
                *e.insert(*ids.entry(token_key(t)).or_insert(next))
            }
        }
    }
    let ok: Vec<u32> = ot.iter().map(|t| id_of(&mut ids, &mut seen, t)).collect();
    let nk: Vec<u32> = nt.iter().map(|t| id_of(&mut ids, &mut seen, t)).collect();
    // Chunks: equal text, or an edit (deleted, inserted).
    let mut chunks: Vec<Chunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ok, &nk) {
        let (tag, o, n) = op.as_tag_tuple();
        let chunk = match tag {
            similar::DiffTag::Equal => Chunk::Equal(nt[n].concat()),
            _ => Chunk::Edit(ot[o].concat(), nt[n].concat()),
        };
        match (chunks.last_mut(), chunk) {
            (Some(Chunk::Equal(a)), Chunk::Equal(b)) => a.push_str(&b),
            (Some(Chunk::Edit(d, i)), Chunk::Edit(d2, i2)) => {
                d.push_str(&d2);
                i.push_str(&i2);
            }
            (_, c) => chunks.push(c),
        }
    }
    // Edits separated only by whitespace read better as one: "[-gave no details-]{+did not
    // elaborate+}" rather than word by word.
    let mut merged: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        if let (Chunk::Edit(d2, i2), [.., Chunk::Edit(d1, i1), Chunk::Equal(ws)]) =
            (&c, merged.as_slice())
            && ws.trim().is_empty()
            && !(d1.is_empty() && d2.is_empty())
            && !(i1.is_empty() && i2.is_empty())
        {
            let (d, i) = (format!("{d1}{ws}{d2}"), format!("{i1}{ws}{i2}"));
            merged.truncate(merged.len() - 2);
            merged.push(Chunk::Edit(d, i));
            continue;
        }
        // Two pure insertions (or deletions) around a space, the second ending in that same
        // space, are one run followed by the space: "{+, without offering specifics,+} ".
        if let (Chunk::Edit(d2, i2), [.., Chunk::Edit(d1, i1), Chunk::Equal(ws)]) =
            (&c, merged.as_slice())
            && ws.trim().is_empty()
            && !ws.is_empty()
            && ((d1.is_empty() && d2.is_empty() && i2.ends_with(ws.as_str()))
                || (i1.is_empty() && i2.is_empty() && d2.ends_with(ws.as_str())))
        {
            let ws = ws.clone();
            let shift = |a: &str, b: &str| format!("{a}{ws}{}", &b[..b.len() - ws.len()]);
            let edit = if d1.is_empty() {
                Chunk::Edit(String::new(), shift(i1, i2))
            } else {
                Chunk::Edit(shift(d1, d2), String::new())
            };
            merged.truncate(merged.len() - 2);
            merged.push(edit);
            merged.push(Chunk::Equal(ws));
            continue;
        }
        merged.push(c);
    }
    let mut out = Vec::with_capacity(merged.len() * 2);
    for c in merged {
        match c {
            Chunk::Equal(t) => out.push(Change {
                op: Op::Equal,
                text: t,
            }),
            Chunk::Edit(d, i) => {
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

enum Chunk {
    Equal(String),
    Edit(String, String),
}

/// Splits text into words (letters and digits, with inner `.` or `'`), whitespace runs, and
/// single other characters.
fn diff_tokens(s: &str) -> Vec<&str> {
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

fn token_key(t: &str) -> Cow<'_, str> {
    if t.trim().is_empty() {
        return Cow::Borrowed(" ");
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
