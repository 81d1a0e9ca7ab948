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

use std::sync::LazyLock;

use regex::Regex;

use crate::normalize;

/// A pronoun and a neutral verb of speech, with the audience a court story names.
const TAG: &str = r"(?:he|she|they|i|we)\s+(?:also\s+)?(?:said|says|added|adds|told\s+(?:the\s+)?(?:court|jury|jurors|hearing|inquest|tribunal|trial|reporters|journalists))";

/// Quote marks in any house style, PA's \`\` and '' included.
const MARK: &str = r#"(?:``|''|["'“”‘’«»„])"#;

/// A tag before a quotation: "He said: 'We …", "She added, “We …", or an interview label.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s*(?:{TAG}\s*[:,]\s*{MARK}|[QA]:\s+)")).expect("a valid pattern")
});

/// A tag after a quotation: "… today,'' he said." or "… today,” she added".
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i){MARK}\s*,?\s*{TAG}\s*[.!?]?\s*$")).expect("a valid pattern")
});

/// `s` without a neutral speech tag or interview label at its start or end (the quote mark
/// next to the tag goes with it, which [`normalize::key`] ignores anyway), and whether one
/// was found.
fn untagged(s: &str) -> (&str, bool) {
    let mut t = s;
    if let Some(m) = LEADING.find(t) {
        t = &t[m.end()..];
    }
    if let Some(m) = TRAILING.find(t) {
        t = &t[..m.start()];
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
