//! Normalization for matching only: never for display.
//!
//! Two sentences that differ only in house style (curly or straight quotes, dash variants,
//! soft hyphens, Unicode compatibility forms, whitespace, case, punctuation such as "U.S." and
//! "US", or an honorific such as "Mr") have the same [`key`] and count as unchanged.

use unicode_normalization::UnicodeNormalization;

/// Folds a string for comparison: NFKC, quotes made straight, dashes made `-`, soft hyphens
/// and zero-width characters dropped, whitespace collapsed to single spaces, lower case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfkc() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                '\''
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' | '\u{2039}' | '\u{203A}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2043}' | '\u{FE58}' | '\u{FE63}' => '-',
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            c if c.is_whitespace() => {
                pending_space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The words of a string for matching, folded: runs of letters and digits, where a `.` or `'`
/// between two of them does not break the word ("U.S" is `us`, "don't" is `dont`).
pub fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_alphanumeric() {
            word.push(c);
        } else if (c == '.' || c == '\'')
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
        {
            // joins "u.s", "don't"
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Honorifics that house styles add or drop ("Mr Xi", "Mr. Xi", "Xi").
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr"];

/// The matching key of a sentence: its [`words`] without honorifics, joined by spaces.
/// Sentences with equal keys are unchanged. A sentence without words ("___", "* * *") is
/// keyed by its folded text, so that such separators match each other.
pub fn key(s: &str) -> String {
    let mut out = String::new();
    for w in words(s) {
        if HONORIFICS.contains(&w.as_str()) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    if out.is_empty() {
        out = fold(s);
    }
    out
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
        assert_ne!(key("* * *"), key("___"));
    }

    #[test]
    fn words_split_on_punctuation() {
        assert_eq!(
            words("Xi's \"color-coded\" U.S. plan, 2,000 police."),
            ["xis", "color", "coded", "us", "plan", "2", "000", "police"]
        );
    }
}
