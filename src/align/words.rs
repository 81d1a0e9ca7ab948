//! Word-level edits of a reworded passage: both sides split into words, spaces and
//! punctuation, compared on folded keys with `similar`'s Myers diff, and the runs grouped
//! for reading.

use std::borrow::Cow;
use std::ops::Range;

use similar::{Algorithm, capture_diff_slices};

use super::vocab::pack;
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
    changes_of(old, new)
}

/// [`word_changes`] with one lifetime for both sides, so that the interner can hold tokens
/// of either.
fn changes_of<'a>(old: &'a str, new: &'a str) -> Vec<Change> {
    // About one word in every six bytes of news text: room for every distinct one.
    let mut interner = Interner::with_capacity((old.len() + new.len()) / 6 + 1);
    changes_with(&mut interner, old, new)
}

/// The word edits of the reworded passages of one comparison, through one interner: the
/// passages share most of their words (names, places, the story's own terms), whose keys
/// are then worked out once, not once a passage. Ids only need to agree within a diff, and
/// a shared interner gives equal keys equal ids across all of them: each diff is the one
/// [`word_changes`] gives.
pub(crate) struct WordDiffer<'a> {
    interner: Interner<'a>,
}

impl<'a> WordDiffer<'a> {
    pub(crate) fn new() -> Self {
        WordDiffer {
            interner: Interner::with_capacity(0),
        }
    }

    /// [`word_changes`] of `old` to `new`.
    pub(crate) fn changes(&mut self, old: &'a str, new: &'a str) -> Vec<Change> {
        changes_with(&mut self.interner, old, new)
    }
}

/// [`word_changes`] through `interner`.
fn changes_with<'a>(interner: &mut Interner<'a>, old: &'a str, new: &'a str) -> Vec<Change> {
    let (ob, ok) = interner.tokens(old);
    let (nb, nk) = interner.tokens(new);
    // Chunks: equal text, or an edit. Each is where it lies in `old` and in `new` (token
    // boundaries as byte offsets): runs of the diff are contiguous on both sides.
    let mut chunks: Vec<Chunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &ok, &nk) {
        let (tag, o, n) = op.as_tag_tuple();
        let equal = tag == similar::DiffTag::Equal;
        let (o, n) = (ob[o.start]..ob[o.end], nb[n.start]..nb[n.end]);
        match chunks.last_mut() {
            Some(last) if last.equal == equal => {
                last.o.end = o.end;
                last.n.end = n.end;
            }
            _ => chunks.push(Chunk {
                equal,
                o,
                n,
                deleted: None,
            }),
        }
    }
    // Edits separated only by whitespace read better as one: "[-gave no details-]{+did not
    // elaborate+}" rather than word by word.
    let mut merged: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        let [.., e1, ws] = merged.as_slice() else {
            merged.push(c);
            continue;
        };
        if c.equal || e1.equal || !ws.equal {
            merged.push(c);
            continue;
        }
        let ws_text = &new[ws.n.clone()];
        if !ws_text.trim().is_empty() {
            merged.push(c);
            continue;
        }
        let (d1, d2) = (e1.deleted(old), c.deleted(old));
        let (i1, i2) = (&new[e1.n.clone()], &new[c.n.clone()]);
        // A merged deletion shows the space between its parts as the adapted article has
        // it: the deletion is a slice of `old` when the original has that same space there.
        let same_space = e1.deleted.is_none() && old[ws.o.clone()] == *ws_text;
        let (no_deletion, no_insertion) = (
            d1.is_empty() && d2.is_empty(),
            i1.is_empty() && i2.is_empty(),
        );
        if !no_deletion && !no_insertion {
            let edit = Chunk {
                equal: false,
                o: e1.o.start..c.o.end,
                n: e1.n.start..c.n.end,
                deleted: (!same_space).then(|| format!("{d1}{ws_text}{d2}")),
            };
            merged.truncate(merged.len() - 2);
            merged.push(edit);
            continue;
        }
        // Two pure insertions (or deletions) around a space, the second ending in that same
        // space, are one run followed by the space: "{+, without offering specifics,+} ".
        let k = ws_text.len();
        if k == 0 {
            merged.push(c);
            continue;
        }
        if no_deletion && i2.ends_with(ws_text) {
            let (edit, space) = (
                Chunk {
                    equal: false,
                    o: e1.o.clone(),
                    n: e1.n.start..c.n.end - k,
                    deleted: None,
                },
                Chunk {
                    equal: true,
                    o: ws.o.clone(),
                    n: c.n.end - k..c.n.end,
                    deleted: None,
                },
            );
            merged.truncate(merged.len() - 2);
            merged.extend([edit, space]);
            continue;
        }
        if no_insertion && d2.ends_with(ws_text) {
            let deleted = (!same_space).then(|| format!("{d1}{ws_text}{}", &d2[..d2.len() - k]));
            let (edit, space) = (
                Chunk {
                    equal: false,
                    o: e1.o.start..c.o.end - k,
                    n: e1.n.clone(),
                    deleted,
                },
                Chunk {
                    equal: true,
                    o: c.o.end - k..c.o.end,
                    n: ws.n.clone(),
                    deleted: None,
                },
            );
            merged.truncate(merged.len() - 2);
            merged.extend([edit, space]);
            continue;
        }
        merged.push(c);
    }
    let mut out = Vec::with_capacity(merged.len() * 2);
    for c in merged {
        if c.equal {
            out.push(Change {
                op: Op::Equal,
                text: new[c.n].to_string(),
            });
            continue;
        }
        let deleted = match c.deleted {
            Some(d) => d,
            None => old[c.o].to_string(),
        };
        if !deleted.is_empty() {
            out.push(Change {
                op: Op::Delete,
                text: deleted,
            });
        }
        if !c.n.is_empty() {
            out.push(Change {
                op: Op::Insert,
                text: new[c.n].to_string(),
            });
        }
    }
    out
}

/// A run of a word diff: equal text (shown as `new[n]`), or an edit deleting `old[o]` (or
/// `deleted`, when a merge put new text between two deletions) and inserting `new[n]`. The
/// ranges are where the run lies on each side, so that neighbouring runs join by ranges.
struct Chunk {
    equal: bool,
    o: Range<usize>,
    n: Range<usize>,
    deleted: Option<String>,
}

impl Chunk {
    fn deleted<'s>(&'s self, old: &'s str) -> &'s str {
        self.deleted.as_deref().unwrap_or(&old[self.o.clone()])
    }
}

/// Ids at and above this come from the interner's map; those below are keys of one ASCII
/// byte, the byte itself.
const FIRST_MAPPED_ID: u32 = 128;

/// Each distinct key an integer: the diff then compares integers, not strings. Only equal
/// ids matter to it, so a key of one ASCII byte (a space, punctuation, a one-letter word:
/// more than half the tokens of news text) is that byte, with no hashing. Every path that
/// gives such a key gives that id.
struct Interner<'a> {
    /// Id by key.
    ids: FastMap<Cow<'a, str>, u32>,
    /// Id by token: a token seen before has its id without its key worked out again, as a
    /// rewording shares most of its words. Tokens of at most 8 bytes (most words) are
    /// packed into an integer ([`pack`]: tokens hold no NUL, which scans as a token of its
    /// own), found without hashing or comparing their bytes.
    seen_short: FastMap<u64, u32>,
    /// The longer tokens.
    seen: FastMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn with_capacity(n: usize) -> Self {
        Interner {
            ids: FastMap::with_capacity_and_hasher(n, Default::default()),
            seen_short: FastMap::with_capacity_and_hasher(n, Default::default()),
            seen: FastMap::default(),
        }
    }

    /// The [`diff_tokens`] of `s` as byte offsets (the start of each token, and the end
    /// of the last: `s[b[i]..b[i + 1]]` is token `i`) and the id of each.
    fn tokens(&mut self, s: &'a str) -> (Vec<usize>, Vec<u32>) {
        // About two tokens (a word and a space) in every six bytes of news text, more in
        // short sentences.
        let mut bounds = Vec::with_capacity(s.len() / 2 + 2);
        let mut ids = Vec::with_capacity(s.len() / 2 + 1);
        bounds.push(0);
        scan_tokens(s, |start, end, class| {
            bounds.push(end);
            ids.push(self.id(s, start..end, class));
        });
        (bounds, ids)
    }

    /// The id of token `s[r]` of class `class` (as [`scan_tokens`] found it).
    fn id(&mut self, s: &'a str, r: Range<usize>, class: u8) -> u32 {
        match (class, &s.as_bytes()[r.clone()]) {
            // whitespace is keyed " "
            (SPACE, _) => return u32::from(b' '),
            // one ASCII letter or digit: folding lowers its case
            (WORD, &[x]) => return u32::from(x.to_ascii_lowercase()),
            // ASCII punctuation is its own key, but for quote marks: single, double, curly or
            // doubled (`` and ''), a quote mark is one in any house style
            (OTHER, &[x]) => return u32::from(quote_key(x)),
            (OTHER, b"``" | b"''") => return u32::from(b'"'),
            // the curly quotes and dashes of news text, as `normalize::fold` maps them
            (OTHER, &[0xE2, 0x80, x]) => match x {
                0x93 | 0x94 => return u32::from(b'-'),
                0x98 | 0x99 | 0x9C | 0x9D => return u32::from(b'"'),
                _ => {}
            },
            _ => {}
        }
        let t = &s[r];
        // A look-up, and an insertion only for a new token (a token seen before is most of
        // them): cheaper than the entry API's one search, which hashbrown does not inline.
        let packed = pack(t);
        let known = match packed {
            Some(p) => self.seen_short.get(&p),
            None => self.seen.get(t),
        };
        if let Some(&id) = known {
            return id;
        }
        let key = word_key(t);
        let id = match key.as_bytes() {
            &[x] => u32::from(quote_key(x)),
            _ => {
                let next = FIRST_MAPPED_ID + self.ids.len() as u32;
                *self.ids.entry(key).or_insert(next)
            }
        };
        match packed {
            Some(p) => self.seen_short.insert(p, id),
            None => self.seen.insert(t, id),
        };
        id
    }
}

/// The key of a one-byte token or folded key: quote marks are one key, the rest their own.
#[inline]
fn quote_key(x: u8) -> u8 {
    match x {
        b'\'' | b'`' => b'"',
        x => x,
    }
}

/// Token classes of [`scan_tokens`], and what [`BYTE_CLASS`] says of a byte that starts
/// a character of more than one byte.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const OTHER: u8 = 2;
const MULTIBYTE: u8 = 3;

/// The class of each byte: ASCII letters and digits are [`WORD`], what `char::is_whitespace`
/// takes in ASCII ('\t', '\n', vertical tab, form feed, '\r', ' ') is [`SPACE`], the rest
/// of ASCII [`OTHER`], and the rest [`MULTIBYTE`] (to be decoded).
const BYTE_CLASS: [u8; 256] = {
    let mut t = [MULTIBYTE; 256];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b.is_ascii_alphanumeric() {
            WORD
        } else if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else {
            OTHER
        };
        i += 1;
    }
    t
};

/// The class and length in bytes of the character at byte `i` of `s`, ASCII from a table.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let k = BYTE_CLASS[usize::from(s.as_bytes()[i])];
    if k != MULTIBYTE {
        return (k, 1);
    }
    decoded_class_at(s, i)
}

/// [`class_at`] for a character of more than one byte.
#[cold]
fn decoded_class_at(s: &str, i: usize) -> (u8, usize) {
    let c = s[i..]
        .chars()
        .next()
        .expect("a character at a char boundary");
    // The curly quotes and dashes of news text without a look in the Unicode tables.
    let class = if matches!(
        c,
        '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
    ) {
        OTHER
    } else if c.is_alphanumeric() {
        WORD
    } else if c.is_whitespace() {
        SPACE
    } else {
        OTHER
    };
    (class, c.len_utf8())
}

/// The end of the run of characters of class `class` from byte `i` of `s`.
#[inline]
fn run_end(s: &str, mut i: usize, class: u8) -> usize {
    let b = s.as_bytes();
    while let Some(&x) = b.get(i) {
        match BYTE_CLASS[usize::from(x)] {
            k if k == class => i += 1,
            MULTIBYTE => {
                let (k, len) = class_at(s, i);
                if k != class {
                    break;
                }
                i += len;
            }
            _ => break,
        }
    }
    i
}

/// The length in bytes of a character that joins a word (`.`, `'`, `’`) at byte `i`, or 0.
#[inline]
fn joiner_at(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'.' | b'\'') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => 3,
        _ => 0,
    }
}

/// The tokens of [`diff_tokens`], in order, as `f(start, end, class)`: words (letters and
/// digits, with one inner `.`, `'` or `’`), whitespace runs, and single other characters.
fn scan_tokens(s: &str, mut f: impl FnMut(usize, usize, u8)) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let start = i;
        let (class, len) = class_at(s, i);
        i = match class {
            SPACE => run_end(s, i + len, SPACE),
            WORD => {
                let end = run_end(s, i + len, WORD);
                // One joiner a word at most: "U.S.A" is "U.S", ".", "A".
                let j = joiner_at(b, end);
                if j > 0 && end + j < n && class_at(s, end + j).0 == WORD {
                    run_end(s, end + j, WORD)
                } else {
                    end
                }
            }
            // PA's and LaTeX's quote marks, `` and '', are one mark each.
            OTHER if matches!(b[i], b'`' | b'\'') && b.get(i + 1) == Some(&b[i]) => i + 2,
            _ => i + len,
        };
        f(start, i, class);
    }
}

/// Calls `f` with each word token of `s` ([`scan_tokens`]: letters and digits, with one
/// inner `.`, `'` or `’`), as written.
pub(super) fn for_each_word_token<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
    scan_tokens(s, |start, end, class| {
        if class == WORD {
            f(&s[start..end]);
        }
    });
}

/// Splits text into words (letters and digits, with inner `.` or `'`), whitespace runs, and
/// single other characters.
#[cfg(test)]
fn diff_tokens(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    scan_tokens(s, |start, end, _| out.push(&s[start..end]));
    out
}

/// The key of a token that is not whitespace: folded (`normalize::fold`) and respelled
/// (`normalize::spelling`); whitespace is keyed " ", and a quote mark of any style
/// (single, double, curly, PA's \`\` and '') is `"`.
fn word_key(t: &str) -> Cow<'_, str> {
    let key = folded_key(t);
    if matches!(key.as_ref(), "'" | "''") {
        return Cow::Borrowed("\"");
    }
    key
}

/// [`word_key`] before quote marks are made one.
fn folded_key(t: &str) -> Cow<'_, str> {
    let folded = if t.is_ascii() {
        // Folding ASCII without white space only lowers capitals and straightens '`': most
        // tokens need no copy.
        if !t.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            return normalize::spelling(t);
        }
        let lower = t.to_ascii_lowercase();
        if lower.contains('`') {
            lower.replace('`', "'")
        } else {
            lower
        }
    } else {
        normalize::fold(t)
    };
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
            '\u{2013}', '\u{2014}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{A0}',
            '\u{85}', '\u{2003}', '\u{3000}', 'é', 'ß', 'Ж', '²', '\u{200B}', '\u{2033}', '…',
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
        let tokens = (ob.windows(2).map(|w| &old[w[0]..w[1]]))
            .chain(nb.windows(2).map(|w| &new[w[0]..w[1]]));
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
                let text = |doc: &crate::Document, s: &[crate::segment::Sentence]| {
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
        let sentences = crate::furniture::tests::real_sentences();
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
}
