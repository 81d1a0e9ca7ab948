//! Word-level edits of a reworded passage: both sides split into words, spaces and
//! punctuation, compared on folded keys with `similar`'s Myers diff, and the runs grouped
//! for reading.

use std::borrow::Cow;
use std::ops::Range;

use similar::{Algorithm, capture_diff_slices};

use super::vocab::pack;
use super::{Change, Op};
use crate::normalize;
use crate::util::FastMap;

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
#[cfg(test)]
pub fn word_changes(old: &str, new: &str) -> Vec<Change> {
    changes_of(old, new)
}

/// [`word_changes`] with one lifetime for both sides, so that the interner can hold tokens
/// of either.
#[cfg(test)]
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
mod tests;
