//! Normalization for matching only: never for display.
//!
//! Two sentences that differ only in house style (curly or straight quotes, dash variants,
//! soft hyphens, Unicode compatibility forms, whitespace, case, punctuation such as "U.S." and
//! "US", an honorific such as "Mr", or British and American spelling such as "colour" and
//! "color") have the same [`key`] and count as unchanged.

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
    // NFKC changes nothing in text already in NFKC: skip it there. News text is ASCII but
    // for its quote marks and dashes, which are in NFKC: no table lookups for those.
    if s.chars().all(is_plain_char) || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        fold_chars(s.chars(), out);
    } else {
        fold_chars(s.nfkc(), out);
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
    let base = out.len();
    let mut pending_space = false;
    for c in chars {
        let c = match c {
            'a'..='z' | '0'..='9' => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
                continue;
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' | '\u{2039}' | '\u{203A}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{FE63}' => '-',
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c if c.is_whitespace() => {
                pending_space = out.len() > base;
                continue;
            }
            c => c,
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
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
    if is_plain(s) {
        return plain_word_count(s.as_bytes());
    }
    if s.is_ascii() {
        // Folding ASCII only lowers case, maps '`' to '\'' and collapses spaces, none of
        // which moves a word boundary: count on the bytes.
        let b = s.as_bytes();
        let mut n = 0;
        let mut in_word = false;
        for (i, &c) in b.iter().enumerate() {
            if c.is_ascii_alphanumeric() {
                n += usize::from(!in_word);
                in_word = true;
            } else if !(in_word
                && matches!(c, b'.' | b'\'' | b'`')
                && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric))
            {
                in_word = false;
            }
        }
        return n;
    }
    let mut n = 0;
    for_each_word(s, &mut String::new(), |_| n += 1);
    n
}

/// How many words [`plain_words`] finds in plain text, counted in one pass over the bytes:
/// every letter or digit after a byte that is neither starts a word, unless a joiner with a
/// letter or digit before it comes just before ("U.S", "don’t").
fn plain_word_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut prev_alnum = false;
    for (i, &c) in b.iter().enumerate() {
        let alnum = c.is_ascii_alphanumeric();
        if alnum && !prev_alnum {
            let joined = (i >= 2
                && matches!(b[i - 1], b'.' | b'\'' | b'`')
                && b[i - 2].is_ascii_alphanumeric())
                || (i >= 4
                    && b[i - 3] == 0xE2
                    && b[i - 2] == 0x80
                    && matches!(b[i - 1], 0x98 | 0x99)
                    && b[i - 4].is_ascii_alphanumeric());
            n += usize::from(!joined);
        }
        prev_alnum = alnum;
    }
    n
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
    if is_plain(s) {
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
    buf.clear();
    fold_into(s, buf);
    let folded = buf.as_str();
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
                f(&joined, None);
            } else {
                f(w, None);
            }
        }
        if i == folded.len() {
            break;
        }
    }
}

/// A character that [`fold`] maps to one ASCII character, or keeps: ASCII, and the curly
/// quote marks and dashes of news text.
fn is_plain_char(c: char) -> bool {
    c.is_ascii()
        || matches!(
            c,
            '\u{2013}' | '\u{2014}' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}'
        )
}

/// True when `s` has only [`is_plain_char`] characters.
fn is_plain(s: &str) -> bool {
    s.is_ascii() || s.chars().all(is_plain_char)
}

/// The words of plain text ([`is_plain`]) as [`for_each_word`] finds them in its folded
/// form, read from the bytes: `f(start, end, simple)` for each, where the word is the ASCII
/// letters and digits of `start..end`, lower-cased, and `simple` says that the span holds
/// nothing else and no capital (the word is the span itself).
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

/// Honorifics that house styles add or drop ("Mr Xi", "Mr. Xi", "Xi").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr"];

/// True for the honorifics that keys leave out.
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&w)
}

/// The matching key of a sentence: its [`words`] without honorifics, joined by spaces.
/// Sentences with equal keys are unchanged. A sentence without words ("___", "* * *") is
/// keyed by its folded text, so that such separators match each other.
pub fn key(s: &str) -> String {
    key_of_words(s, &words(s))
}

/// The [`key`] of `s` from its [`words`], for callers that already have them.
pub fn key_of_words(s: &str, words: &[String]) -> String {
    let mut out = String::new();
    for w in words {
        if HONORIFICS.contains(&w.as_str()) {
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
static SPELLINGS_MAP: std::sync::LazyLock<crate::align::FastMap<&str, &str>> =
    std::sync::LazyLock::new(|| SPELLINGS.iter().copied().collect());

/// The letters that the British words and suffixes above end in.
const LAST_LETTERS: &[char] = &[
    'a', 'c', 'd', 'e', 'g', 'h', 'l', 'm', 'n', 'r', 's', 't', 'y',
];

/// The American spelling of a folded word, for matching only.
pub fn spelling(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    // Every British word listed has 4 bytes or more, every suffix rewrite needs 5 characters,
    // and every word and suffix ends in one of LAST_LETTERS: most words stop here.
    let b = w.as_bytes();
    if b.len() < 4
        || !b
            .last()
            .is_some_and(|l| LAST_LETTERS.contains(&char::from(*l)))
    {
        return Cow::Borrowed(w);
    }
    if let Some(us) = SPELLINGS_MAP.get(w) {
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
mod tests {
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
            assert!(uk.ends_with(LAST_LETTERS), "{uk}");
            assert!(
                uk.len() >= 4 || SUFFIXES.iter().any(|(s, _)| s == uk),
                "{uk}"
            );
        }
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

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(
            words("Xi's \"color-coded\" U.S. plan, 2,000 police."),
            ["xis", "color", "coded", "us", "plan", "2", "000", "police"]
        );
    }
}
