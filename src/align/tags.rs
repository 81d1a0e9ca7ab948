//! Step 8 of the aligner, **speech tags**: a quotation copied word for word is unchanged even
//! when the outlet added, dropped or swapped the bare "he said" that frames it.
//!
//! Wire copy and the papers that print it frame the same quotation differently: PA's
//! "\`\`I have never taken drugs in my life." becomes "He said: 'I have never taken drugs in
//! my life." A tag that only says who speaks, with a pronoun and a neutral verb ("he said",
//! "she added", "he told the jury"), adds no fact, and the passage is unchanged. So does the
//! bare name of a speaker the wire story names ("Mr Tait said:"), where the wire had no tag,
//! and a pronoun made that name in reported speech ("He said the pair danced" and "Mr Grace
//! said the pair danced"). A tag that describes the speaker ("Prosecutor Paul Sloan told
//! Newcastle Crown Court"), a verb that judges ("he claimed", "she admitted"), or a named
//! tag moved before the quotation is an edit, and the passage stays reworded. So is any
//! change to the words inside the quotation.
//!
//! Interview labels ("Q:", "A:") that open a line of a question-and-answer piece are framing
//! of the same kind.

use crate::normalize;

/// Pronouns a bare tag may have.
const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];
/// Honorifics a speaker's name may have.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr"];
/// Most words of a speaker's name, honorific aside.
const NAME_WORDS: usize = 2;
/// Titles that describe a speaker ("Prosecutor Paul Sloan", "Judge Kay"): a fact, not a
/// name.
const TITLES: &[&str] = &[
    "judge",
    "justice",
    "prosecutor",
    "detective",
    "inspector",
    "sergeant",
    "constable",
    "officer",
    "president",
    "minister",
    "chancellor",
    "professor",
    "coroner",
    "sheriff",
    "senator",
    "governor",
    "chief",
    "superintendent",
    "sir",
    "lord",
    "lady",
    "recorder",
];
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

/// A wire text, to tell a speaker's name by: a word is looked for in it as a whole word
/// (letters and digits, as [`word`] reads them) only for the few pairs with a name where a
/// tag goes, and each answer is kept for the next pair.
pub(super) struct WireWords<'t> {
    text: &'t str,
    known: Vec<(String, bool)>,
    /// While set, names are taken on trust and kept here, to be looked for later.
    pending: Option<Vec<String>>,
}

impl<'t> WireWords<'t> {
    /// The words of `text`, looked for when asked.
    pub(super) fn new(text: &'t str) -> Self {
        WireWords {
            text,
            known: Vec::new(),
            pending: None,
        }
    }

    /// No words at all: no name is known.
    fn none() -> Self {
        WireWords::new("")
    }

    fn has(&mut self, w: &str) -> bool {
        if let Some(&(_, there)) = self.known.iter().find(|(k, _)| k == w) {
            return there;
        }
        let b = self.text.as_bytes();
        let there = memchr::memmem::find_iter(b, w.as_bytes()).any(|i| {
            let before = i.checked_sub(1).map(|j| b[j]);
            let after = b.get(i + w.len()).copied();
            !before.is_some_and(|c| c.is_ascii_alphanumeric())
                && !after.is_some_and(|c| c.is_ascii_alphanumeric())
        });
        self.known.push((w.to_string(), there));
        there
    }

    /// Whether `w`, capitalized, is a name the wire has: there as written, never in small
    /// letters ("The", "Police" are not), and no title ("Prosecutor", "Judge").
    fn has_name(&mut self, w: &str) -> bool {
        if one_of(w, TITLES) {
            return false;
        }
        if let Some(pending) = &mut self.pending {
            pending.push(w.to_string());
            return true;
        }
        self.has(w) && !self.has(&w.to_ascii_lowercase())
    }
}

/// The subject of a speech tag at the start of `s`, and the rest after it: a pronoun, or the
/// bare name of a speaker the wire story names ("Mr Tait", "Lloyd Webber": an honorific
/// and capitalized words, each a name of `wire`, [`WireWords::has_name`]), which adds no
/// fact, before a verb of speech. `None` for anything else, "Prosecutor Paul Sloan" among
/// them. The flag tells a pronoun.
fn subject<'s>(s: &'s str, wire: &mut WireWords<'_>) -> Option<(&'s str, bool)> {
    let (first, mut rest) = word(s)?;
    if one_of(first, PRONOUNS) {
        return Some((rest, true));
    }
    let capitalized = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase());
    let mut names: Vec<&str> = Vec::with_capacity(NAME_WORDS);
    if one_of(first, HONORIFICS) {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    } else if capitalized(first) {
        names.push(first);
    } else {
        return None;
    }
    // The capitalized words up to the verb, read before the wire is.
    loop {
        let (w, after) = word(rest)?;
        if one_of(w, VERBS) || one_of(w, &["told", "also"]) {
            break;
        }
        if names.len() == NAME_WORDS || !capitalized(w) {
            return None;
        }
        names.push(w);
        rest = after;
    }
    (!names.is_empty() && names.iter().all(|w| wire.has_name(w))).then_some((rest, false))
}

/// The rest of `s` after a bare speech tag at its start ("he said", "she also added", "he
/// told the jury", "Mr Tait said": a name `wire` has), or `None`.
fn after_tag<'s>(s: &'s str, wire: &mut WireWords<'_>) -> Option<&'s str> {
    let (mut rest, _) = subject(s, wire)?;
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
fn without_leading<'s>(s: &'s str, wire: &mut WireWords<'_>) -> Option<&'s str> {
    let t = s.trim_start();
    if t.len() > 2
        && matches!(t.as_bytes()[0], b'Q' | b'q' | b'A' | b'a')
        && t.as_bytes()[1] == b':'
    {
        let rest = &t[2..];
        return rest.starts_with(char::is_whitespace).then_some(rest);
    }
    let rest = after_tag(t, wire)?.trim_start();
    let rest = rest.strip_prefix([':', ','])?.trim_start();
    Some(&rest[mark_len(rest)?..])
}

/// `s` without a tag after its closing quote mark: "… today,'' he said." or "… today,” she
/// added". The closing mark goes with the tag.
fn without_trailing<'s>(s: &'s str, wire: &mut WireWords<'_>) -> Option<&'s str> {
    // The tag follows the last quote mark, a doubled one from its first character.
    let i = last_mark(s)?;
    let b = s.as_bytes();
    let start = if i > 0 && matches!(b[i], b'`' | b'\'') && b[i - 1] == b[i] {
        i - 1
    } else {
        i
    };
    let after = s[start + mark_len(&s[start..])?..].trim_start();
    let rest = after_tag(after.strip_prefix(',').unwrap_or(after), wire)?.trim_start();
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
fn untagged<'s>(s: &'s str, wire: &mut WireWords<'_>) -> (&'s str, bool) {
    let mut t = s;
    if let Some(rest) = without_leading(t, wire) {
        t = rest;
    }
    if let Some(rest) = without_trailing(t, wire) {
        t = rest;
    }
    (t, t.len() != s.len())
}

/// Whether `original` and `adapted` say the same words but for neutral speech tags and
/// interview labels (see the module's docs), with a tag on at least one side; or the same
/// reported speech but for its speaker, named on one side as `wire` (the original's whole
/// text) names them and a pronoun on the other ("He said the pair danced…" and "Mr Grace
/// said the pair danced…").
pub(super) fn same_but_for_tags(original: &str, adapted: &str, wire: &mut WireWords<'_>) -> bool {
    // Names are taken on trust first and looked for in the wire only when the rest matches:
    // most pairs differ elsewhere, and a look reads the whole wire text.
    wire.pending = Some(Vec::new());
    let same = same_trusting(original, adapted, wire);
    let names = wire.pending.take().unwrap_or_default();
    if !same || names.is_empty() {
        return same;
    }
    if names.iter().all(|w| wire.has_name(w)) {
        return true;
    }
    same_trusting(original, adapted, &mut WireWords::none())
}

/// [`same_but_for_tags`], with the names of `wire` as it answers for them.
fn same_trusting(original: &str, adapted: &str, wire: &mut WireWords<'_>) -> bool {
    let (mut o, mut o_tagged) = untagged(original, wire);
    let (mut a, mut a_tagged) = untagged(adapted, wire);
    if o_tagged && a_tagged {
        // A tag on each side: only pronouns make them the same. A named speaker's tag moved
        // before the quotation ("'…,' Mayer said." to "Mayer said: '…'") is a rewording, as
        // house styles of attribution go; a name added where the wire had no tag is not.
        (o, o_tagged) = untagged(original, &mut WireWords::none());
        (a, a_tagged) = untagged(adapted, &mut WireWords::none());
    }
    if !(o_tagged || a_tagged) {
        return same_but_for_speaker(original, adapted, wire);
    }
    if o.split_whitespace().nth(2).is_none() {
        return false;
    }
    let (o_key, a_key) = (normalize::key(o), normalize::key(a));
    !o_key.is_empty() && o_key == a_key
}

/// Whether `original` and `adapted` are the same reported speech ("… said the pair danced")
/// but for its speaker: a pronoun on one side, a name `wire` has on the other.
fn same_but_for_speaker(original: &str, adapted: &str, wire: &mut WireWords<'_>) -> bool {
    // A pronoun on exactly one side, before any name is looked for.
    let pronoun = |s: &str| word(s).is_some_and(|(w, _)| one_of(w, PRONOUNS));
    if pronoun(original) == pronoun(adapted) {
        return false;
    }
    let (Some((o, o_pronoun)), Some((a, a_pronoun))) = (
        subject(original.trim_start(), wire),
        subject(adapted.trim_start(), wire),
    ) else {
        return false;
    };
    let said = |rest: &str| word(rest).is_some_and(|(verb, _)| one_of(verb, VERBS));
    o_pronoun != a_pronoun
        && said(o)
        && o.split_whitespace().nth(3).is_some()
        && normalize::key(o) == normalize::key(a)
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
            let _ = same_but_for_tags(&o, &a, &mut WireWords::new(&o));
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
            assert!(same_but_for_tags(o, a, &mut WireWords::new(o)), "{o} / {a}");
        }
    }

    /// A wire story that names no one of the tests below.
    const WIRE: &str = "The prosecution said the case would continue tomorrow.";
    /// One that names them.
    const NAMES: &str = "Prosecutor Paul Sloan said Mr Tait and Andrew Lloyd Webber met \
                         Mr Grace; he said the prosecution would continue.";

    #[test]
    fn the_bare_name_of_a_speaker_the_wire_names_is_a_neutral_tag() {
        for (o, a) in [
            (
                "``It is the Crown's case that the alter ego was used to fool people.",
                "Mr Tait said: 'It is the Crown's case that the alter ego was used to fool people.",
            ),
            (
                "``We started out as friends, and then we saw more of each other.",
                "Lloyd Webber said: \"We started out as friends, and then we saw more of each other.",
            ),
            // Reported speech, the speaker named for a pronoun.
            (
                "He said the pair danced professionally for eight years.",
                "Mr Grace said the pair danced professionally for eight years.",
            ),
        ] {
            assert!(
                same_but_for_tags(o, a, &mut WireWords::new(NAMES)),
                "{o} / {a}"
            );
            assert!(
                !same_but_for_tags(o, a, &mut WireWords::new(WIRE)),
                "names the wire lacks: {o} / {a}"
            );
        }
        for (o, a) in [
            // A description is a fact.
            (
                "``We will continue the case tomorrow.",
                "Prosecutor Paul Sloan said: 'We will continue the case tomorrow.",
            ),
            // Another pronoun is another speaker; a word the wire has in small letters is
            // no name.
            (
                "He said the pair danced professionally for eight years.",
                "She said the pair danced professionally for eight years.",
            ),
            (
                "He said the case would continue tomorrow.",
                "Prosecution said the case would continue tomorrow.",
            ),
            // A named speaker's tag moved: a rewording of the attribution.
            (
                "``We will continue the case tomorrow,'' Mr Tait said.",
                "Mr Tait said: 'We will continue the case tomorrow.'",
            ),
            // The speaker named and the words changed.
            (
                "He said the pair danced professionally for eight years.",
                "Mr Grace said the pair danced for eight years.",
            ),
        ] {
            assert!(
                !same_but_for_tags(o, a, &mut WireWords::new(NAMES)),
                "{o} / {a}"
            );
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
            assert!(
                !same_but_for_tags(o, a, &mut WireWords::new(WIRE)),
                "{o} / {a}"
            );
        }
    }
}
