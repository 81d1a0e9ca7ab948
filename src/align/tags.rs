//! Step 7 of the aligner, **speech tags**: a quotation copied word for word is unchanged even
//! when the outlet added, dropped or swapped the bare "he said" that frames it.
//!
//! Wire copy and the papers that print it frame the same quotation differently: PA's
//! "\`\`I have never taken drugs in my life." becomes "He said: 'I have never taken drugs in
//! my life." A tag that only says who speaks, with a pronoun and a neutral verb ("he said",
//! "she added", "he told the jury"), adds no fact, and the passage is unchanged. A tag that
//! names or describes the speaker ("Prosecutor Paul Sloan told Newcastle Crown Court"), or
//! a verb that judges ("he claimed", "she admitted"), is an edit, and the passage stays
//! reworded. So is any change to the words inside the quotation.
//!
//! Interview labels ("Q:", "A:") that open a line of a question-and-answer piece are framing
//! of the same kind.

use crate::normalize;

/// Pronouns a bare tag may have.
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];
/// Neutral verbs of speech.
const VERBS: &[&str] = &["said", "says", "added", "adds"];
/// Whom "told" may name and stay bare: the audience a court story names.
const AUDIENCES: &[&str] = &[
    "court",
    "jury",
    "jurors",
    "hearing",
    "inquest",
    "tribunal",
    "trial",
    "reporters",
    "journalists",
];

/// The length of the quote mark that `s` starts with, if any, in any house style (PA's \`\`
/// and '' included).
fn mark_len(s: &str) -> Option<usize> {
    if s.starts_with("``") || s.starts_with("''") {
        return Some(2);
    }
    let c = s.chars().next()?;
    (normalize::is_double_quote(c) || normalize::is_single_quote(c)).then(|| c.len_utf8())
}

/// The next word of `s` (ASCII letters) after white space, and the rest after it.
fn word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let end = s
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(s.len());
    (end > 0).then(|| (&s[..end], &s[end..]))
}

/// Whether `w` is one of `list`, whatever its case.
fn one_of(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The rest of `s` after a bare speech tag at its start ("he said", "she also added", "he
/// told the jury"), or `None`.
fn after_tag(s: &str) -> Option<&str> {
    let (pronoun, mut rest) = word(s)?;
    if !one_of(pronoun, PRONOUNS) {
        return None;
    }
    let (mut verb, mut after) = word(rest)?;
    if verb.eq_ignore_ascii_case("also") {
        (verb, after) = word(after)?;
    }
    rest = after;
    if one_of(verb, VERBS) {
        return Some(rest);
    }
    if !verb.eq_ignore_ascii_case("told") {
        return None;
    }
    let (mut whom, mut after) = word(rest)?;
    if whom.eq_ignore_ascii_case("the") {
        (whom, after) = word(after)?;
    }
    one_of(whom, AUDIENCES).then_some(after)
}

/// `s` without a tag before its quotation: "He said: 'We …", "She added, “We …", or an
/// interview label ("Q: What …"). The opening quote mark goes with the tag.
fn without_leading(s: &str) -> Option<&str> {
    let t = s.trim_start();
    if t.len() > 2
        && matches!(t.as_bytes()[0], b'Q' | b'q' | b'A' | b'a')
        && t.as_bytes()[1] == b':'
    {
        let rest = &t[2..];
        return rest.starts_with(char::is_whitespace).then_some(rest);
    }
    let rest = after_tag(t)?.trim_start();
    let rest = rest.strip_prefix([':', ','])?.trim_start();
    Some(&rest[mark_len(rest)?..])
}

/// `s` without a tag after its closing quote mark: "… today,'' he said." or "… today,” she
/// added". The closing mark goes with the tag.
fn without_trailing(s: &str) -> Option<&str> {
    // The tag follows the last quote mark, a doubled one from its first character.
    let i = last_mark(s)?;
    let b = s.as_bytes();
    let start = if i > 0 && matches!(b[i], b'`' | b'\'') && b[i - 1] == b[i] {
        i - 1
    } else {
        i
    };
    let after = s[start + mark_len(&s[start..])?..].trim_start();
    let rest = after_tag(after.strip_prefix(',').unwrap_or(after))?.trim_start();
    let rest = rest.strip_prefix(['.', '!', '?']).unwrap_or(rest);
    rest.trim().is_empty().then(|| &s[..start])
}

/// Where the last quote mark of `s` starts, found by its first byte: '"', '\'', '`', 0xE2 (“
/// ” ‘ ’ „ ‟) or 0xC2 (« »).
fn last_mark(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = b.len();
    loop {
        let ascii = memchr::memrchr3(b'"', b'\'', b'`', &b[..end]);
        let other = memchr::memrchr2(0xE2, 0xC2, &b[..end]);
        let i = ascii.max(other)?;
        if mark_len(&s[i..]).is_some() {
            return Some(i);
        }
        end = i;
    }
}

/// `s` without a neutral speech tag or interview label at its start or end (the quote mark
/// next to the tag goes with it, which [`normalize::key`] ignores anyway), and whether one
/// was found.
fn untagged(s: &str) -> (&str, bool) {
    let mut t = s;
    if let Some(rest) = without_leading(t) {
        t = rest;
    }
    if let Some(rest) = without_trailing(t) {
        t = rest;
    }
    (t, t.len() != s.len())
}

/// Whether `original` and `adapted` say the same words but for neutral speech tags and
/// interview labels (see the module's docs), with a tag on at least one side.
pub(super) fn same_but_for_tags(original: &str, adapted: &str) -> bool {
    let (o, o_tagged) = untagged(original);
    let (a, a_tagged) = untagged(adapted);
    if !(o_tagged || a_tagged) || o.split_whitespace().count() < 3 {
        return false;
    }
    let (o_key, a_key) = (normalize::key(o), normalize::key(a));
    !o_key.is_empty() && o_key == a_key
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_a_panic(
            o in "(he said|told the jury|Q:|``|''|[a-zA-Z .,:'\"“”‘’«»„`]|\\PC){0,30}",
            a in "(he said|told the jury|Q:|``|''|[a-zA-Z .,:'\"“”‘’«»„`]|\\PC){0,30}",
        ) {
            let _ = same_but_for_tags(&o, &a);
        }
    }

    #[test]
    fn a_neutral_tag_added_or_dropped_leaves_a_quotation_unchanged() {
        for (o, a) in [
            // PA copy and a British paper, from the METER corpus's conventions
            (
                "``I have never taken drugs in my life.",
                "He said: 'I have never taken drugs in my life.",
            ),
            (
                "I think it's very destructive,'' he told the jury.",
                "I think it's very destructive.'",
            ),
            (
                "He said: ``I would urge anyone to think very carefully.",
                "\"I would urge anyone to think very carefully.",
            ),
            (
                "“We are not in a hurry,” she added.",
                "She said: “We are not in a hurry.”",
            ),
            (
                "Q: What does the judgment mean?",
                "WHAT does the judgment mean?",
            ),
        ] {
            assert!(same_but_for_tags(o, a), "{o} / {a}");
        }
    }

    #[test]
    fn a_tag_that_names_judges_or_changes_the_words_is_an_edit() {
        for (o, a) in [
            // the speaker named, or described
            (
                "``I have never taken drugs in my life.",
                "Mr White said: 'I have never taken drugs in my life.",
            ),
            // a verb that judges
            (
                "``I have never taken drugs in my life.",
                "He claimed: 'I have never taken drugs in my life.",
            ),
            // the quotation's own words changed
            (
                "``I have never taken drugs in my life.",
                "He said: 'I have never taken hard drugs in my life.",
            ),
            // no tag at all: another step's business
            (
                "I have never taken drugs in my life.",
                "I have never taken drugs in all my life.",
            ),
            // a tag, but not around a quotation
            (
                "He said the talks would resume on Monday.",
                "The talks would resume on Monday.",
            ),
        ] {
            assert!(!same_but_for_tags(o, a), "{o} / {a}");
        }
    }
}
