//! Normalization for matching only: never for display.
//!
//! Two sentences that differ only in house style (curly or straight quotes, dash variants,
//! soft hyphens, Unicode compatibility forms, whitespace, case, punctuation such as "U.S." and
//! "US", an honorific such as "Mr", British and American spelling such as "colour" and
//! "color", a percentage written "5%", "5 percent" or "5 per cent") have the same [`key`] and
//! count as unchanged. A number written in words or in digits ("five", "5") is a number
//! changed: the edit is shown.

use unicode_normalization::UnicodeNormalization;

/// Folds a string for comparison: NFKC, quotes made straight, dashes made `-`, soft hyphens
/// and zero-width characters dropped, whitespace collapsed to single spaces, lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appended to `out`, for callers that reuse a buffer.
pub fn fold_into(s: &str, out: &mut String) {
    use unicode_normalization::{IsNormalized, is_nfkc_quick};
    if s.is_ascii() {
        fold_ascii(s.as_bytes(), out);
        return;
    }
    // NFKC of text of known characters is the NFKC of each character (see `nfkc_known`):
    // news text is ASCII but for its quote marks, dashes, no-break spaces, accented letters
    // and the like, which need no look in NFKC's tables.
    let base = out.len();
    let mut folder = Folder::new(out);
    for c in s.chars() {
        match nfkc_known(c) {
            Some(Nfkc::Same) => folder.push(c),
            Some(Nfkc::As(e)) => e.chars().for_each(|c| folder.push(c)),
            None => {
                out.truncate(base);
                // NFKC changes nothing in text already in NFKC: skip it there.
                if is_nfkc_quick(s.chars()) == IsNormalized::Yes {
                    fold_chars(s.chars(), out);
                } else {
                    fold_chars(s.nfkc(), out);
                }
                return;
            }
        }
    }
}

/// [`fold_chars`] for ASCII, byte by byte.
fn fold_ascii(s: &[u8], out: &mut String) {
    out.reserve(s.len());
    let base = out.len();
    let mut pending_space = false;
    for &b in s {
        // char::is_whitespace in ASCII: tab, line feed, vertical tab, form feed, return, space
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            pending_space = out.len() > base;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(if b == b'`' {
            '\''
        } else {
            char::from(b.to_ascii_lowercase())
        });
    }
}

fn fold_chars(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut folder = Folder::new(out);
    for c in chars {
        folder.push(c);
    }
}

/// [`fold`] of text in NFKC, a character at a time: `out` from `base` on is the fold of the
/// characters pushed so far, but for a space that waits for the next character (none at
/// the end).
struct Folder<'o> {
    out: &'o mut String,
    base: usize,
    pending_space: bool,
}

impl<'o> Folder<'o> {
    fn new(out: &'o mut String) -> Self {
        let base = out.len();
        Folder {
            out,
            base,
            pending_space: false,
        }
    }

    #[inline]
    fn push(&mut self, c: char) {
        let c = match c {
            'a'..='z' | '0'..='9' => {
                self.push_space();
                self.out.push(c);
                return;
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' | '\u{2039}' | '\u{203A}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{FE63}' => '-',
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => return,
            c if c.is_whitespace() => {
                self.pending_space = self.out.len() > self.base;
                return;
            }
            c => c,
        };
        self.push_space();
        push_lowercase(self.out, c);
    }

    #[inline]
    fn push_space(&mut self) {
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
    }
}

/// Appends `c` lower-cased (`char::to_lowercase`), ASCII and Latin-1 without a look in the
/// Unicode tables.
#[inline]
fn push_lowercase(out: &mut String, c: char) {
    match c {
        '\0'..='\u{7F}' => out.push(c.to_ascii_lowercase()),
        // Latin-1 capitals (but '\u{D7}', the multiplication sign) are their small letters
        // less 0x20.
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => {
            out.push(char::from_u32(u32::from(c) + 0x20).expect("a Latin-1 letter"));
        }
        '\u{80}'..='\u{FF}' => out.push(c),
        _ => out.extend(c.to_lowercase()),
    }
}

/// A double quote mark of any style: straight, curly, low („ ‟) or a guillemet.
pub(crate) fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
    )
}

/// A single quote mark, straight or curly (also an apostrophe).
pub(crate) fn is_single_quote(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}')
}

/// The words of a string for matching, folded: runs of letters and digits, where a `.` or `'`
/// between two of them does not break the word ("U.S" is `us`, "don't" is `dont`).
pub fn words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(s, &mut String::new(), |w| out.push(w.to_string()));
    out
}

/// How many [`words`] `s` has, without building them.
pub fn word_count(s: &str) -> usize {
    if s.is_ascii() {
        // Folding ASCII only lowers case, maps '`' to '\'' and collapses spaces, none of
        // which moves a word boundary: count on the bytes.
        return plain_word_count(s.as_bytes());
    }
    let mut n = 0;
    match text_kind(s) {
        Charset::Plain => return plain_word_count(s.as_bytes()),
        Charset::Known => known_words(s, |_, _, _| n += 1),
        Charset::Other => for_each_word(s, &mut String::new(), |_| n += 1),
    }
    n
}

/// How many words [`plain_words`] finds in plain text, counted in one pass over the bytes:
/// every letter or digit after a byte that is neither starts a word, unless a joiner with a
/// letter or digit before it comes just before ("U.S", "don’t"). The starts are found eight
/// bytes at a time; only those after a byte that is not a space are looked at one by one,
/// for a joiner.
fn plain_word_count(b: &[u8]) -> usize {
    let mut n = 0;
    // The high bit of the first byte set when the byte before the chunk is a letter or a
    // digit, or a space.
    let mut alnum_before = 0;
    let mut space_before = 0x80; // nothing before the text: as a space
    let mut chunks = b.chunks_exact(8);
    for (k, chunk) in (&mut chunks).enumerate() {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let (alnum, _) = ascii_masks(chunk, 0);
        let space = bytes_in_range(w & !ASCII_HI, b' ', b' ') & !w & ASCII_HI;
        let starts = alnum & !((alnum << 8) | alnum_before);
        n += ((starts >> 7).wrapping_mul(ASCII_LO) >> 56) as usize;
        // A start after a byte that is neither a space nor a letter or digit may be joined.
        let mut maybe_joined = starts & !((space << 8) | space_before);
        while maybe_joined != 0 {
            let i = k * 8 + (maybe_joined.trailing_zeros() / 8) as usize;
            n -= usize::from(joined_at(b, i));
            maybe_joined &= maybe_joined - 1;
        }
        alnum_before = alnum >> 56;
        space_before = space >> 56;
    }
    let base = b.len() - chunks.remainder().len();
    let mut prev_alnum = alnum_before != 0;
    for (i, &c) in b.iter().enumerate().skip(base) {
        let alnum = c.is_ascii_alphanumeric();
        if alnum && !prev_alnum {
            n += usize::from(!joined_at(b, i));
        }
        prev_alnum = alnum;
    }
    n
}

/// True when the letter or digit at `i` of plain text continues the word before it, after
/// a joiner ('.', '\'', '`' or a curly single quote) with a letter or digit before it.
#[inline]
fn joined_at(b: &[u8], i: usize) -> bool {
    (i >= 2 && matches!(b[i - 1], b'.' | b'\'' | b'`') && b[i - 2].is_ascii_alphanumeric())
        || (i >= 4
            && b[i - 3] == 0xE2
            && b[i - 2] == 0x80
            && matches!(b[i - 1], 0x98 | 0x99)
            && b[i - 4].is_ascii_alphanumeric())
}

/// Calls `f` with each of the [`words`] of `s` in turn; `buf` is scratch space that callers
/// may reuse from one call to the next (it is cleared first).
pub fn for_each_word(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for_each_word_in(s, buf, |w, _| f(w));
}

/// [`for_each_word`], also giving each word as a slice of `s` when it is one (the word is
/// `s`'s own bytes: no capital, nothing taken out), so that callers may keep it without a
/// copy.
pub(crate) fn for_each_word_in<'s>(
    s: &'s str,
    buf: &mut String,
    mut f: impl FnMut(&str, Option<&'s str>),
) {
    let kind = text_kind(s);
    if kind == Charset::Plain {
        // Folding plain text maps it character for character: words straight from the bytes,
        // copied only when they hold a capital or a joiner.
        plain_words(s.as_bytes(), |start, end, simple| {
            if simple {
                f(&s[start..end], Some(&s[start..end]));
            } else {
                buf.clear();
                buf.extend(
                    s.as_bytes()[start..end]
                        .iter()
                        .filter(|b| b.is_ascii_alphanumeric())
                        .map(|b| char::from(b.to_ascii_lowercase())),
                );
                f(buf, None);
            }
        });
        return;
    }
    if kind == Charset::Known {
        // The same from the characters, where a word may hold letters outside ASCII and
        // characters that folding drops.
        known_words(s, |start, end, simple| {
            let w = &s[start..end];
            if simple {
                f(w, Some(w));
            } else {
                buf.clear();
                for c in w.chars() {
                    if c.is_ascii() {
                        if c.is_ascii_alphanumeric() {
                            buf.push(c.to_ascii_lowercase());
                        }
                    } else if c.is_alphanumeric() {
                        push_lowercase(buf, c);
                    }
                }
                f(buf, None);
            }
        });
        return;
    }
    buf.clear();
    fold_into(s, buf);
    folded_words(buf, |w| f(w, None));
}

/// The words of folded text, in turn: the definition that the scanners of plain and known
/// text ([`plain_words`], [`known_words`]) follow on the text before folding.
fn folded_words(folded: &str, mut f: impl FnMut(&str)) {
    // Words are slices of the folded text, copied only when a '.' or '\'' is taken out.
    let mut joined = String::new();
    let mut start: Option<usize> = None;
    let mut has_joiner = false;
    let mut chars = folded.char_indices().peekable();
    loop {
        let (i, c) = chars.next().unwrap_or((folded.len(), ' '));
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if (c == '.' || c == '\'')
            && start.is_some()
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
        {
            has_joiner = true; // joins "u.s", "don't"
        } else if let Some(st) = start.take() {
            let w = &folded[st..i];
            if std::mem::take(&mut has_joiner) {
                joined.clear();
                joined.extend(w.chars().filter(|&c| c != '.' && c != '\''));
                f(&joined);
            } else {
                f(w);
            }
        }
        if i == folded.len() {
            break;
        }
    }
}

/// What the word scanners may assume of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Charset {
    /// ASCII, and the curly quote marks and dashes of news text, which fold to one ASCII
    /// character each: [`plain_words`].
    Plain,
    /// Only characters with a [`word_class`]: [`known_words`].
    Known,
    /// Some other character: words from the folded text.
    Other,
}

/// Which of [`Charset`] `s` is, in one pass over it: ASCII eight bytes at a time, the curly
/// quotes and dashes from their bytes, and only other characters decoded.
fn text_kind(s: &str) -> Charset {
    let b = s.as_bytes();
    let mut kind = Charset::Plain;
    let mut i = 0;
    while i < b.len() {
        if let Some(w) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(w.try_into().expect("eight bytes"));
            if w & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        if b[i].is_ascii() {
            i += 1;
            continue;
        }
        // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D
        if b[i] == 0xE2
            && b.get(i + 1) == Some(&0x80)
            && matches!(b.get(i + 2), Some(0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D))
        {
            i += 3;
            continue;
        }
        let c = s[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        if word_class(c) == Class::Unknown {
            return Charset::Other;
        }
        kind = Charset::Known;
        i += c.len_utf8();
    }
    kind
}

/// NFKC of a character whose NFKC is known without NFKC's tables: see [`nfkc_known`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Nfkc {
    /// The character itself.
    Same,
    /// This text.
    As(&'static str),
}

/// The NFKC of `c` when it is one of the characters of news text whose NFKC is known here,
/// else `None`. None of these characters is a combining mark or combines with its
/// neighbours (the tests check every pair), so the NFKC of a text of such characters is
/// the NFKC of each in turn: no look in NFKC's tables, no buffer of pending characters.
/// They are ASCII, the Latin-1 Supplement and Latin Extended-A (accented letters, signs,
/// the no-break space), the common punctuation (quote marks, dashes, the ellipsis, zero
/// width and other spaces), and currency signs.
#[inline]
fn nfkc_known(c: char) -> Option<Nfkc> {
    use Nfkc::{As, Same};
    match c {
        '\0'..='\u{7F}' => Some(Same),
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Some(As(" ")),
        '\u{2026}' => Some(As("...")),
        '\u{2011}' => Some(As("\u{2010}")),
        '\u{AA}' => Some(As("a")),
        '\u{B2}' => Some(As("2")),
        '\u{B3}' => Some(As("3")),
        '\u{B9}' => Some(As("1")),
        '\u{BA}' => Some(As("o")),
        '\u{BC}' => Some(As("1\u{2044}4")),
        '\u{BD}' => Some(As("1\u{2044}2")),
        '\u{BE}' => Some(As("3\u{2044}4")),
        '\u{2122}' => Some(As("TM")),
        // spacing accents (a space and a combining mark), the micro sign (a Greek letter),
        // ligatures, the long s
        '\u{A8}' | '\u{AF}' | '\u{B4}' | '\u{B5}' | '\u{B8}' => None,
        '\u{132}' | '\u{133}' | '\u{13F}' | '\u{140}' | '\u{149}' | '\u{17F}' => None,
        '\u{80}'..='\u{17F}'
        | '\u{200B}'..='\u{200D}'
        | '\u{2010}'
        | '\u{2012}'..='\u{2016}'
        | '\u{2018}'..='\u{2023}'
        | '\u{2028}'..='\u{2029}'
        | '\u{2030}'..='\u{2032}'
        | '\u{2039}'..='\u{203A}'
        | '\u{2044}'
        | '\u{2060}'
        | '\u{FEFF}' => Some(Same),
        // currency signs, but the rupee sign ("Rs")
        '\u{20A8}' => None,
        '\u{20A0}'..='\u{20C0}' => Some(Same),
        _ => None,
    }
}

/// How the words of the folded text see a character of the text, when that is known
/// without folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter or digit that folds to itself.
    Lower,
    /// A letter or digit that folds to another one (a capital).
    Upper,
    /// Folds to '.' or '\'': joins the letters or digits on either side into one word.
    Join,
    /// Folding drops it (soft hyphen, zero-width characters): words do not see it.
    Drop,
    /// Folds to neither letters nor digits nor a joiner: ends a word.
    Sep,
    /// None of these, or not known.
    Unknown,
}

/// The [`Class`] of a character outside ASCII, from [`nfkc_known`] and what [`Folder`]
/// does with the result.
#[inline]
fn word_class(c: char) -> Class {
    match nfkc_known(c) {
        None => Class::Unknown,
        // A run of dots: the first ends a word, so none of them joins one.
        Some(Nfkc::As(" " | "..." | "\u{2010}")) => Class::Sep,
        Some(Nfkc::As(_)) => Class::Unknown,
        Some(Nfkc::Same) => match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => Class::Join,
            '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                Class::Drop
            }
            // Latin-1 letters but '×' and '÷', and the capital that lower-cases to one of them
            '\u{C0}'..='\u{DE}' if c != '\u{D7}' => Class::Upper,
            '\u{DF}'..='\u{FF}' if c != '\u{F7}' => Class::Lower,
            // Latin Extended-A: letters only, each a capital or a small letter but for the
            // capital I with a dot, which lower-cases to an i and a combining mark
            '\u{130}' => Class::Unknown,
            '\u{100}'..='\u{17F}' if c.is_lowercase() => Class::Lower,
            '\u{100}'..='\u{17F}' => Class::Upper,
            _ => Class::Sep,
        },
    }
}

/// [`word_class`] of ASCII.
#[inline]
fn ascii_class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'0'..=b'9' => Class::Lower,
        b'A'..=b'Z' => Class::Upper,
        b'.' | b'\'' | b'`' => Class::Join,
        _ => Class::Sep,
    }
}

/// The words of known text ([`Charset::Known`]) as [`for_each_word`] finds them in its folded
/// form, read from the characters: `f(start, end, simple)` for each, where the word is the
/// letters and digits of `start..end`, lower-cased, and `simple` says that the span holds
/// nothing else and no capital (the word is the span itself).
fn known_words(s: &str, mut f: impl FnMut(usize, usize, bool)) {
    let b = s.as_bytes();
    let class_at = |i: usize| -> (Class, usize) {
        if b[i].is_ascii() {
            return (ascii_class(b[i]), 1);
        }
        let c = s[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        (word_class(c), c.len_utf8())
    };
    // The class of the first character from `i` on that folding keeps.
    let kept_class_at = |mut i: usize| {
        while i < b.len() {
            match class_at(i) {
                (Class::Drop, len) => i += len,
                (k, _) => return k,
            }
        }
        Class::Sep
    };
    // The word in progress: where it starts, where its last letter or digit ends, and how
    // many of its bytes are letters or digits that fold to themselves.
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut own = 0;
    let mut i = 0;
    while i < b.len() {
        let (k, len) = class_at(i);
        match k {
            Class::Lower | Class::Upper => {
                if start.is_none() {
                    start = Some(i);
                    own = 0;
                }
                end = i + len;
                if k == Class::Lower {
                    own += len;
                }
            }
            Class::Drop => {}
            Class::Join
                if start.is_some()
                    && matches!(kept_class_at(i + len), Class::Lower | Class::Upper) => {}
            _ => {
                if let Some(st) = start.take() {
                    f(st, end, own == end - st);
                }
            }
        }
        i += len;
    }
    if let Some(st) = start {
        f(st, end, own == end - st);
    }
}

/// The words of plain text ([`Charset::Plain`]) as [`for_each_word`] finds them in its folded
/// form, read from the bytes: `f(start, end, simple)` for each, where the word is the ASCII
/// letters and digits of `start..end`, lower-cased, and `simple` says that the span holds
/// nothing else and no capital (the word is the span itself). The gaps between words and
/// the runs of letters and digits are found eight bytes at a time.
fn plain_words(b: &[u8], mut f: impl FnMut(usize, usize, bool)) {
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
    loop {
        // to the next letter or digit
        loop {
            if i >= n {
                return;
            }
            let (alnum, _) = ascii_masks(b, i);
            if alnum != 0 {
                i += (alnum.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let start = i;
        let mut simple = true;
        loop {
            // to the end of the run of letters and digits (the bytes past the text count
            // as neither)
            loop {
                let (alnum, upper) = ascii_masks(b, i);
                let other = !alnum & ASCII_HI;
                if other == 0 {
                    simple &= upper == 0;
                    i += 8;
                    continue;
                }
                let run = other.trailing_zeros() as usize / 8;
                simple &= upper & ((1 << (run * 8)) - 1) == 0;
                i += run;
                break;
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

/// The high bit of each byte.
const ASCII_HI: u64 = 0x8080_8080_8080_8080;
/// The low bit of each byte.
const ASCII_LO: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` (seven-bit bytes) that is at least `lo` and at most
/// `hi`: adding `0x80 - lo` sets it when the byte is `lo` or more, adding `0x7F - hi` when
/// it is more than `hi`; no sum carries into the next byte.
#[inline(always)]
fn bytes_in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let ge = x + ASCII_LO * u64::from(0x80 - lo);
    let gt = x + ASCII_LO * u64::from(0x7F - hi);
    ge & !gt & ASCII_HI
}

/// For the eight bytes of `b` from `i` on (zeros past its end), the high bit of each that is
/// an ASCII letter or digit, and of each that is an ASCII capital.
#[inline(always)]
fn ascii_masks(b: &[u8], i: usize) -> (u64, u64) {
    let w = match b.get(i..i + 8) {
        Some(w) => u64::from_le_bytes(w.try_into().expect("eight bytes")),
        None => {
            let mut w = [0; 8];
            let rest = &b[i.min(b.len())..];
            w[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(w)
        }
    };
    let w7 = w & !ASCII_HI;
    let ascii = !w & ASCII_HI;
    // letters of either case ('\x20' makes capitals small), and digits
    let alnum = (bytes_in_range(w7 | (ASCII_LO * 0x20), b'a', b'z')
        | bytes_in_range(w7, b'0', b'9'))
        & ascii;
    let upper = bytes_in_range(w7, b'A', b'Z') & ascii;
    (alnum, upper)
}

/// The whitespace-separated tokens of a text, as a running hash of their letters and digits
/// in small letters (after each token, the hash of all up to it) and the byte offset where
/// each ends. Cheap enough to take of every sentence; texts whose [`key`]s are equal but for
/// marks and case hash alike.
pub(crate) struct LooseTokens<'t> {
    text: &'t str,
    at: usize,
    hash: crate::util::FxHasher,
}

impl<'t> LooseTokens<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        LooseTokens {
            text,
            at: 0,
            hash: crate::util::FxHasher::default(),
        }
    }

    /// The count of `text`'s tokens and the hash of them all (0 for none).
    pub(crate) fn whole(text: &str) -> (usize, u64) {
        LooseTokens::new(text).fold((0, 0), |(n, _), (h, _)| (n + 1, h))
    }

    /// The char at byte `i` and its length in bytes.
    fn char_at(&self, i: usize) -> (char, usize) {
        (self.text[i..].chars().next()).map_or((' ', 1), |c| (c, c.len_utf8()))
    }
}

impl Iterator for LooseTokens<'_> {
    type Item = (u64, usize);

    fn next(&mut self) -> Option<(u64, usize)> {
        use std::hash::Hasher;
        let b = self.text.as_bytes();
        let mut i = self.at;
        // To the token's start.
        while i < b.len() {
            if b[i].is_ascii() {
                if !b[i].is_ascii_whitespace() {
                    break;
                }
                i += 1;
            } else {
                let (c, len) = self.char_at(i);
                if !c.is_whitespace() {
                    break;
                }
                i += len;
            }
        }
        if i == b.len() {
            self.at = i;
            return None;
        }
        // Through the token.
        while i < b.len() {
            if b[i].is_ascii() {
                if b[i].is_ascii_whitespace() {
                    break;
                }
                if b[i].is_ascii_alphanumeric() {
                    self.hash.write_u8(b[i].to_ascii_lowercase());
                }
                i += 1;
            } else {
                let (c, len) = self.char_at(i);
                if c.is_whitespace() {
                    break;
                }
                if c.is_alphanumeric() {
                    c.to_lowercase()
                        .for_each(|l| self.hash.write_u32(u32::from(l)));
                }
                i += len;
            }
        }
        self.at = i;
        Some((self.hash.finish(), i))
    }
}

/// Whether `c` takes no room on the page: white space, or a zero-width space or joiner, word
/// joiner, byte-order mark or soft hyphen, which pages leave in text and empty paragraphs.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
        )
}

/// Honorifics that house styles add or drop ("Mr Xi", "Mr. Xi", "Xi").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr"];

/// True for the honorifics that keys leave out.
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w)
}

/// True for the folded words that keys leave out: honorifics, and the words of a percentage,
/// so that "5 percent", "5 per cent", "5 pct" and "5%" (whose sign is no word) key alike.
/// ("per" alone goes too: no sentence says the same with and without it.)
pub fn is_unkeyed(w: &str) -> bool {
    is_honorific(w) || matches!(w, "percent" | "per" | "cent" | "pct")
}

/// The matching key of a sentence: its [`words`] without honorifics and the words of a
/// percentage ([`is_unkeyed`]), each in its American spelling ([`spelling`]), joined by
/// spaces.
/// Sentences with equal keys are unchanged. A sentence without words ("___", "* * *") is
/// keyed by its folded text, so that such separators match each other.
pub fn key(s: &str) -> String {
    key_of_words(s, &words(s))
}

/// The [`key`] of `s` from its [`words`], for callers that already have them.
pub fn key_of_words(s: &str, words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        if is_unkeyed(w) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&spelling(w));
    }
    if out.is_empty() {
        out = fold(s);
    }
    if out.is_empty() {
        // Nothing but marks that fold to nothing (a paragraph of a zero-width space): the
        // marks themselves, so that two such paragraphs still match.
        out = s.trim().to_string();
    }
    out
}

/// British spellings that American house styles write otherwise, whole words.
const SPELLINGS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("pretence", "pretense"),
    ("grey", "gray"),
    ("tyre", "tire"),
    ("tyres", "tires"),
    ("plough", "plow"),
    ("aluminium", "aluminum"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("jewellery", "jewelry"),
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("modelled", "modeled"),
    ("modelling", "modeling"),
    ("fuelled", "fueled"),
    ("fuelling", "fueling"),
    ("signalled", "signaled"),
    ("signalling", "signaling"),
    ("counselled", "counseled"),
    ("totalled", "totaled"),
    ("marvellous", "marvelous"),
    ("paediatric", "pediatric"),
    ("anaesthetic", "anesthetic"),
    ("encyclopaedia", "encyclopedia"),
    ("oestrogen", "estrogen"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("judgement", "judgment"),
    ("ageing", "aging"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("mould", "mold"),
    ("moustache", "mustache"),
];

/// Suffix rewrites from British to American spelling: "-our" (colour), "-ise"/"-isation"
/// (organise), "-yse" (analyse), "-tre" (centre), "-ogue" (catalogue). Applied to both sides
/// alike, so a rewrite of a word that never had a British form ("advise" to "advize") is
/// harmless: it only has to map two spellings of one word to one key.
const SUFFIXES: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
    ("ours", "ors"),
    ("our", "or"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("tres", "ters"),
    ("tre", "ter"),
    ("ogues", "ogs"),
    ("ogue", "og"),
];

/// [`SPELLINGS`] by British spelling.
static SPELLINGS_MAP: std::sync::LazyLock<crate::util::FastMap<&str, &str>> =
    std::sync::LazyLock::new(|| SPELLINGS.iter().copied().collect());

/// The letters that the British words and suffixes above end in, as bits of a mask
/// (bit `b - b'a'` for letter `b`).
const LAST_LETTERS: u32 = {
    let letters = b"acdeghlmnrsty";
    let mut mask = 0;
    let mut i = 0;
    while i < letters.len() {
        mask |= 1 << (letters[i] - b'a');
        i += 1;
    }
    mask
};

/// For each pair of first and last letters (`26 * first + last`), a bit for each length of
/// a British word in [`SPELLINGS`] with those letters: a word with no bit set is not one of
/// them, found without hashing it. The build fails if a listed word is not lower-case ASCII
/// or is longer than 31 bytes.
const SPELLING_FILTER: [u32; 26 * 26] = {
    let mut table = [0; 26 * 26];
    let mut i = 0;
    while i < SPELLINGS.len() {
        let b = SPELLINGS[i].0.as_bytes();
        let (first, last) = (b[0], b[b.len() - 1]);
        assert!(first.is_ascii_lowercase() && last.is_ascii_lowercase() && b.len() < 32);
        table[26 * (first - b'a') as usize + (last - b'a') as usize] |= 1 << b.len();
        i += 1;
    }
    table
};

/// True if `b` may be a British word of [`SPELLINGS`] (it has a listed word's first and
/// last letters and length); false if it is certainly not one.
fn may_be_listed_spelling(b: &[u8]) -> bool {
    match (b.first(), b.last()) {
        (Some(&f), Some(&l))
            if f.is_ascii_lowercase() && l.is_ascii_lowercase() && b.len() < 32 =>
        {
            SPELLING_FILTER[26 * (f - b'a') as usize + (l - b'a') as usize] & (1 << b.len()) != 0
        }
        _ => false,
    }
}

/// The American spelling of a folded word, for matching only.
pub fn spelling(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Every British word listed has 4 bytes or more, every suffix rewrite needs 5 characters,
    // and every word and suffix ends in one of LAST_LETTERS: most words stop here.
    let b = w.as_bytes();
    if b.len() < 4
        || !b
            .last()
            .is_some_and(|&l| l.is_ascii_lowercase() && LAST_LETTERS & (1 << (l - b'a')) != 0)
    {
        return Cow::Borrowed(w);
    }
    if may_be_listed_spelling(b)
        && let Some(us) = SPELLINGS_MAP.get(w)
    {
        return Cow::Borrowed(us);
    }
    // Short words ("our", "hour", "four", "rise") keep their spelling.
    if w.len() >= 5 && w.chars().count() >= 5 {
        // Every suffix ends in one of these two letters: most words stop here.
        let tail = [b[b.len() - 2], b[b.len() - 1]];
        if !matches!(
            &tail,
            b"ns" | b"rs" | b"es" | b"on" | b"ng" | b"ed" | b"se" | b"re" | b"ue" | b"te" | b"ur"
        ) {
            return Cow::Borrowed(w);
        }
        // Byte by byte from the end: most suffixes differ from the word in its last letter.
        let ends_with = |u: &[u8]| {
            u.len() <= b.len() && u.iter().rev().zip(b.iter().rev()).all(|(x, y)| x == y)
        };
        for (uk, us) in SUFFIXES {
            if ends_with(uk.as_bytes())
                && let Some(stem) = w.strip_suffix(uk)
                && stem.chars().count() >= 2
            {
                return Cow::Owned(format!("{stem}{us}"));
            }
        }
    }
    Cow::Borrowed(w)
}

#[cfg(test)]
mod tests;
