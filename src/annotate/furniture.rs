//! Page and wire furniture: the lines around an article that are not its text.
//!
//! Datelines, credit lines ("The Associated Press contributed to this report.", "Adapted from
//! reporting by the Associated Press"), bylines, copyright notices, and page boilerplate
//! ("- Advertisement -", "TRENDING NOW", a date widget, a tracker's name). An inserted or
//! removed passage that is furniture is reported as such, apart from editorial insertions:
//! a credit line never counts as added opinion, and furniture alone is no material
//! difference.

use std::sync::LazyLock;

use regex::Regex;

pub use crate::model::Furniture;

use crate::sentences::{DATELINE_AGENCY, DATELINE_CITY};

static DATELINE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{DATELINE_CITY}\s*)?{DATELINE_AGENCY}\s*[-—–]*|{DATELINE_CITY}\s*[—–-]{{1,2}})$"
    ))
    .expect("regex")
});

/// Wire services named in credit lines, lower case.
const AGENCY_NAMES: &[&str] = &[
    "the associated press",
    "associated press",
    "ap",
    "reuters",
    "afp",
    "agence france-presse",
    "upi",
    "bloomberg",
    "dpa",
    "cnn",
    "the canadian press",
    "xinhua",
    "kyodo",
];

/// A credit line, by its lower-cased text: who reported or contributed, whose reporting the
/// story was adapted from, where it first appeared. (Plain string tests: a regex with all
/// these alternatives costs milliseconds to build, at every start.)
fn is_credit(lower: &str) -> bool {
    let after_agency = AGENCY_NAMES.iter().find_map(|a| {
        lower
            .strip_prefix(a)
            .filter(|rest| rest.starts_with(' '))
            .map(str::trim_start)
    });
    CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p))
        || CREDIT_NEEDLES.iter().any(|n| lower.contains(n))
        || after_agency.is_some_and(|rest| {
            rest.starts_with("contributed")
                || ([
                    "writer",
                    "reporter",
                    "correspondent",
                    "journalist",
                    "staff writer",
                ]
                .iter()
                .any(|w| rest.starts_with(w))
                    && rest.contains("contributed"))
        })
}

/// How a credit line may start, lower case.
const CREDIT_PREFIXES: &[&str] = &[
    "adapted from ",
    "compiled from ",
    "based on reporting ",
    "based on reports ",
    "this story was adapted",
    "this article was adapted",
    "this report was adapted",
    "this story is adapted",
    "reporting by ",
    "(reporting by ",
    "additional reporting by ",
    "(additional reporting by ",
    "writing by ",
    "information from ",
    "material from ",
    "this story was originally published",
    "this story originally appeared",
    "this story first appeared",
    "this article was originally published",
    "this article originally appeared",
    "this story was published",
    "follow ap",
    "follow reuters",
    "read more of ap",
    "see more of ap",
];

/// What a credit line may say anywhere, lower case.
const CREDIT_NEEDLES: &[&str] = &[
    "contributed to this report",
    "contributed to this story",
    "contributed to the report",
    "contributed to this article",
    "contributed reporting",
    "editing by ",
];

/// False when `t` lower-cased is certainly no credit line ([`is_credit`]), read from the
/// bytes without lower-casing: it starts with none of [`CREDIT_PREFIXES`] and says neither
/// "contribut" (every needle but one, and every "Associated Press writer ... contributed")
/// nor "editing by ". Lower-casing maps ASCII letters to ASCII letters and every other
/// character to characters that are not ASCII, save the Kelvin sign ("k") and the dotted
/// capital I ("i" and a combining dot): text without those two has the same ASCII bytes,
/// lower-cased, in the same order, between the same runs of other bytes, so an ASCII prefix
/// or needle is in the lower-cased text exactly where it is in the text, up to ASCII case.
fn may_be_credit(t: &str) -> bool {
    let b = t.as_bytes();
    // The Kelvin sign is E2 84 AA in UTF-8, the dotted capital I C4 B0.
    let special = memchr::memchr2_iter(0xE2, 0xC4, b).any(|i| {
        matches!(
            (b[i], b.get(i + 1), b.get(i + 2)),
            (0xE2, Some(0x84), Some(0xAA)) | (0xC4, Some(0xB0), _)
        )
    });
    if special {
        return true;
    }
    let mut head = [0u8; 40];
    let n = b.len().min(head.len());
    head[..n].copy_from_slice(&b[..n]);
    head.make_ascii_lowercase();
    let head = &head[..n];
    debug_assert!(CREDIT_PREFIXES.iter().all(|p| p.len() <= 40));
    // Both needles have a "b", the rarest of their letters in news text: the only bytes
    // looked at twice.
    let at = |i: usize, before: usize, needle: &[u8]| {
        i >= before && b[i - before..].len() >= needle.len() && {
            b[i - before..i - before + needle.len()].eq_ignore_ascii_case(needle)
        }
    };
    CREDIT_PREFIXES
        .iter()
        .any(|p| head.first() == p.as_bytes().first() && head.starts_with(p.as_bytes()))
        || memchr::memchr2_iter(b'b', b'B', b)
            .any(|i| at(i, 6, b"contribut") || at(i, 8, b"editing by "))
}

/// A byline: "By JOE McDONALD", "By Vladimir Isachenkov and Jim Heintz, Associated Press",
/// or an agency's name alone. Every word after "By" is capitalized, save "and", "of", "the".
fn is_byline(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    // ASCII lower-cases byte by byte: compared without a lower-cased copy
    let agency = if t.is_ascii() {
        AGENCY_NAMES.iter().any(|a| a.eq_ignore_ascii_case(t))
    } else {
        AGENCY_NAMES.contains(&t.to_lowercase().as_str())
    };
    agency || is_by_names(t)
}

/// "By " and names: the byline proper.
fn is_by_names(t: &str) -> bool {
    let Some(rest) = ["By ", "BY ", "by "].iter().find_map(|p| t.strip_prefix(p)) else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '&')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| {
            ["and", "of", "the", "de", "van", "von"].contains(w)
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:copyright(?-u:\b)|©|\(c\)[ \t]*[0-9]{4}|all rights reserved(?-u:\b)|this material may not be (?:published|broadcast|rewritten|redistributed)(?-u:\b))").expect("regex")
});

/// Whole passages that are page boilerplate, compared in lower case without surrounding
/// punctuation.
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "promoted",
    "trending",
    "trending now",
    "most read",
    "most popular",
    "read more",
    "read next",
    "related",
    "related stories",
    "related articles",
    "recommended",
    "recommended for you",
    "more from",
    "you may also like",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "email",
    "print",
    "comments",
    "skip to content",
    "skip to main content",
    "sign up",
    "subscribe",
    "newsletter",
    "sign up for our newsletter",
    "log in",
    "quantcast",
    "story continues below",
    "story continues below advertisement",
    "continue reading",
    "click here",
    "listen to this article",
    "photo",
    "video",
    "watch",
    "loading",
    "loading...",
];

static DATE_WIDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)^(?:(?:updated|published|posted|last updated|first published)\s*:?\s*)?(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4})?,?\s*)?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?$",
    )
    .expect("regex")
});

/// Classifies one sentence (or line) on its own.
///
/// Most sentences are news, not furniture: each test is guarded by a condition, read from
/// the bytes, that its slow part (a regex, a lower-cased copy, a count of words) needs to
/// succeed, so that a sentence of news is turned away without running any of them.
pub fn classify(text: &str) -> Option<Furniture> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.chars().all(crate::normalize::is_blank) {
        // A paragraph of a zero-width space or a byte-order mark: nothing a reader sees.
        return Some(Furniture::Boilerplate);
    }
    let bare = t
        .trim_matches(|c: char| {
            !c.is_alphanumeric() && c != '.' && c != '©' && c != '(' && c != ')'
        })
        .trim_end_matches('.');
    if is_boilerplate(bare) {
        return Some(Furniture::Boilerplate);
    }
    if may_be_copyright(t) && COPYRIGHT.is_match(t) {
        return Some(Furniture::Copyright);
    }
    if may_be_date(bare) && DATE_WIDGET.is_match(bare) {
        return Some(Furniture::Boilerplate);
    }
    if may_be_dateline(t) && t.chars().count() <= 80 && DATELINE_ONLY.is_match(t) {
        return Some(Furniture::Dateline);
    }
    let (credit, byline) = (may_be_credit(t), may_be_byline(t));
    if !credit && !byline {
        return None;
    }
    // Credits and bylines are short; a long sentence that mentions reporting is news.
    let words = t.split_whitespace().count();
    if credit && words <= 25 && is_credit(&t.to_lowercase()) {
        return Some(Furniture::Credit);
    }
    if byline && words <= 12 && is_byline(t) {
        return Some(Furniture::Byline);
    }
    None
}

/// A whole passage of page boilerplate ([`BOILERPLATE`]), given without its surrounding
/// punctuation.
fn is_boilerplate(bare: &str) -> bool {
    if bare.is_ascii() {
        // ASCII lower-cases byte by byte: compared without a lower-cased copy
        return BOILERPLATE.iter().any(|b| b.eq_ignore_ascii_case(bare));
    }
    // Lower-casing never makes a string more than three times shorter (the Kelvin sign's
    // three bytes become "k"): longer text is no boilerplate line, and is not lower-cased.
    let longest = BOILERPLATE.iter().map(|b| b.len()).max().unwrap_or(0);
    bare.len() <= 3 * longest && BOILERPLATE.contains(&bare.to_lowercase().as_str())
}

/// False when [`COPYRIGHT`] cannot match `t`: every alternative starts with "c", "©", "(",
/// "a" or "t", and no other character equals those letters but for case.
fn may_be_copyright(t: &str) -> bool {
    t.starts_with(['c', 'C', '©', '(', 'a', 'A', 't', 'T'])
}

/// False when [`DATE_WIDGET`] cannot match `bare`: it starts with an ASCII letter that starts
/// none of its words (updated, a day, a month...) nor a digit, or it has no digit (every
/// date has its year, or its day).
fn may_be_date(bare: &str) -> bool {
    bare.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || b"uplfmtwsjaondUPLFMTWSJAOND".contains(&b))
        && bare.bytes().any(|b| b.is_ascii_digit())
}

/// False when [`DATELINE_ONLY`] cannot match `t`: a dateline ends with its agency's closing
/// parenthesis or a dash, and `t` is trimmed of the spaces that could follow them.
fn may_be_dateline(t: &str) -> bool {
    t.ends_with([')', '-', '—', '–'])
}

/// False when `t` is certainly no byline ([`is_byline`]): it does not start with "By ", and
/// is too long to be an agency's name lower-cased (ASCII keeps its length; other text never
/// gets more than three times shorter).
fn may_be_byline(t: &str) -> bool {
    let longest = AGENCY_NAMES.iter().map(|a| a.len()).max().unwrap_or(0);
    let agency = if t.is_ascii() {
        t.trim_end_matches('.').len() <= longest
    } else {
        t.len() <= 3 * longest
    };
    agency || ["By ", "BY ", "by "].iter().any(|p| t.starts_with(p))
}

/// Classifies every sentence of a document given as (sentence text, paragraph index) in
/// order: a sentence is furniture on its own, or because it sits in a paragraph that opens
/// with a copyright notice ("Copyright 2024. No part of this site may be reproduced...").
#[cfg(test)]
pub fn classify_all<'a>(
    sentences: impl IntoIterator<Item = (&'a str, usize)>,
) -> Vec<Option<Furniture>> {
    let mut out = Vec::new();
    let mut para: Option<usize> = None;
    let mut para_kind: Option<Furniture> = None;
    for (text, p) in sentences {
        let own = classify(text);
        if para != Some(p) {
            para = Some(p);
            para_kind = own.filter(|k| *k == Furniture::Copyright);
        }
        out.push(own.or(para_kind));
    }
    out
}

/// [`classify_all`] on demand: each sentence is classified when first asked about (with the
/// first sentence of its paragraph, for a copyright notice), so that a long document whose
/// sentences are mostly unchanged does not have them all classified.
pub struct Lazy<'a> {
    texts: Vec<&'a str>,
    /// Index of the first sentence of each sentence's paragraph.
    para_first: Vec<usize>,
    own: Vec<Option<Option<Furniture>>>,
}

impl<'a> Lazy<'a> {
    /// The sentences as (text, paragraph index), in order.
    pub fn new(sentences: impl IntoIterator<Item = (&'a str, usize)>) -> Self {
        let mut texts = Vec::new();
        let mut para_first = Vec::new();
        let mut para: Option<usize> = None;
        let mut first = 0;
        for (i, (text, p)) in sentences.into_iter().enumerate() {
            if para != Some(p) {
                para = Some(p);
                first = i;
            }
            texts.push(text);
            para_first.push(first);
        }
        Lazy {
            own: vec![None; texts.len()],
            texts,
            para_first,
        }
    }

    fn own(&mut self, i: usize) -> Option<Furniture> {
        *self.own[i].get_or_insert_with(|| classify(self.texts[i]))
    }

    /// What [`classify_all`] gives for sentence `i`.
    pub fn get(&mut self, i: usize) -> Option<Furniture> {
        let first = self.para_first[i];
        self.own(i).or_else(|| {
            (first != i && self.own(first) == Some(Furniture::Copyright))
                .then_some(Furniture::Copyright)
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`classify`] as it was before its guards: every test run on every sentence.
    fn classify_slow(text: &str) -> Option<Furniture> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let bare = t
            .trim_matches(|c: char| {
                !c.is_alphanumeric() && c != '.' && c != '©' && c != '(' && c != ')'
            })
            .trim_end_matches('.');
        if BOILERPLATE.contains(&bare.to_lowercase().as_str()) {
            return Some(Furniture::Boilerplate);
        }
        if COPYRIGHT.is_match(t) {
            return Some(Furniture::Copyright);
        }
        if DATE_WIDGET.is_match(bare) {
            return Some(Furniture::Boilerplate);
        }
        if t.chars().count() <= 80 && DATELINE_ONLY.is_match(t) {
            return Some(Furniture::Dateline);
        }
        let words = t.split_whitespace().count();
        if words <= 25 && is_credit(&t.to_lowercase()) {
            return Some(Furniture::Credit);
        }
        let u = t.trim_end_matches('.');
        if words <= 12 && (AGENCY_NAMES.contains(&u.to_lowercase().as_str()) || is_by_names(u)) {
            return Some(Furniture::Byline);
        }
        None
    }

    /// Sentences and lines of real text: the fixture pairs, the varied texts of
    /// `fixtures/text/`, and the HTML page's text as extraction gives it.
    pub(crate) fn real_sentences() -> Vec<String> {
        let mut texts = Vec::new();
        for pair in crate::test_data::pair_dirs() {
            for file in std::fs::read_dir(pair).into_iter().flatten().flatten() {
                if file.path().extension().is_some_and(|e| e == "txt") {
                    texts.push(std::fs::read_to_string(file.path()).unwrap());
                }
            }
        }
        texts.extend(crate::test_data::texts("txt"));
        for html in crate::test_data::texts("html") {
            let doc = crate::Document::from_html("page", &html);
            let paragraphs = doc.paragraphs.iter().map(|r| &doc.text[r.clone()]);
            texts.push(paragraphs.collect::<Vec<_>>().join("\n\n"));
        }
        assert!(!texts.is_empty());
        let mut out = Vec::new();
        for t in &texts {
            for para in t.split("\n\n") {
                out.extend(
                    crate::sentences::split_sentences(para)
                        .into_iter()
                        .map(|r| para[r].to_string()),
                );
                out.extend(para.lines().map(str::to_string));
            }
        }
        out
    }

    #[test]
    fn classify_agrees_with_the_slow_path_on_real_text() {
        let sentences = real_sentences();
        let mut furniture = 0;
        for s in &sentences {
            let want = classify_slow(s);
            assert_eq!(classify(s), want, "{s:?}");
            furniture += usize::from(want.is_some());
        }
        // the fixtures hold datelines, credits and boilerplate: the guards were tried on them
        assert!(furniture >= 5, "{furniture} of {}", sentences.len());
    }

    #[test]
    fn guards_hold_for_every_first_character() {
        // No character but the ASCII letters matches "c", "a", "t" or "u"... in any case, so
        // the guards' first-character tests lose no match, whatever the Unicode tables say.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for rest in [
                "opyright 2024",
                "ll rights reserved",
                "his material may not be published",
                "c) 2024",
            ] {
                let t = format!("{c}{rest}");
                if COPYRIGHT.is_match(&t) {
                    assert!(may_be_copyright(&t), "{t:?}");
                }
            }
            for rest in [
                "pdated Jan. 5, 2024",
                "an. 5, 2024",
                "ay 5, 2024",
                "5 May 2024",
            ] {
                let t = format!("{c}{rest}");
                if DATE_WIDGET.is_match(&t) {
                    assert!(may_be_date(&t), "{t:?}");
                }
            }
            // what may_be_credit relies on: lower case of anything else is not ASCII
            if !c.is_ascii() && c != '\u{212A}' && c != '\u{0130}' {
                assert!(c.to_lowercase().all(|l| !l.is_ascii()), "{c:?}");
            }
        }
    }

    /// Text made of the pieces furniture is made of, and of news.
    fn furniture_like() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "By ",
            "BY ",
            "by ",
            "JOE McDONALD",
            "Associated Press",
            "the Associated Press",
            "AP",
            "Reuters",
            "(AP)",
            "(Reuters)",
            " — ",
            " – ",
            " - ",
            "-",
            ")",
            "(",
            "Copyright",
            "copyright ",
            "©",
            "(c) ",
            "2024",
            "All rights reserved",
            "Updated ",
            "Sept. ",
            "16",
            ", ",
            "3:45 PM ",
            "EST",
            "Saturday",
            "contributed to this report",
            "Contributed",
            " contributed.",
            "Editing by ",
            "Reporting by ",
            "Adapted from ",
            "writer ",
            "SAMARKAND",
            "Uzbekistan",
            "WASHINGTON",
            "Advertisement",
            "TRENDING NOW",
            "Quantcast",
            "read more",
            "The mayor said",
            " ",
            ".",
            "“",
            "”",
            "\u{212A}",
            "\u{0130}",
            "ſ",
            "a",
            "x",
            "\n",
            "Kyodo",
            "XINHUA",
            "and ",
        ]);
        prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #[test]
        fn classify_agrees_with_the_slow_path(t in furniture_like()) {
            prop_assert_eq!(classify(&t), classify_slow(&t), "{:?}", t);
        }

        #[test]
        fn classify_agrees_with_the_slow_path_on_any_text(t in "\\PC{0,60}") {
            prop_assert_eq!(classify(&t), classify_slow(&t), "{:?}", t);
        }
    }

    #[test]
    fn recognises_wire_and_page_furniture() {
        let cases = [
            (
                "Adapted from reporting by the Associated Press",
                Some(Furniture::Credit),
            ),
            (
                "The Associated Press contributed to this report.",
                Some(Furniture::Credit),
            ),
            (
                "Associated Press writer Jim Heintz in Tallinn, Estonia, contributed.",
                Some(Furniture::Credit),
            ),
            (
                "Reporting by Guy Faulconbridge; Editing by Alex Richardson",
                Some(Furniture::Credit),
            ),
            ("By JOE McDONALD", Some(Furniture::Byline)),
            (
                "By Vladimir Isachenkov, Associated Press",
                Some(Furniture::Byline),
            ),
            ("Copyright 2024.", Some(Furniture::Copyright)),
            (
                "© 2022 The Associated Press. All rights reserved.",
                Some(Furniture::Copyright),
            ),
            ("- Advertisement -", Some(Furniture::Boilerplate)),
            ("TRENDING NOW", Some(Furniture::Boilerplate)),
            ("Quantcast", Some(Furniture::Boilerplate)),
            ("\u{200B}", Some(Furniture::Boilerplate)),
            ("\u{FEFF} \u{200B}", Some(Furniture::Boilerplate)),
            ("Saturday, December 21, 2024", Some(Furniture::Boilerplate)),
            (
                "Updated 3:45 PM EST, Sept. 16, 2022",
                Some(Furniture::Boilerplate),
            ),
            ("SAMARKAND, Uzbekistan (AP) —", Some(Furniture::Dateline)),
            ("(Reuters) -", Some(Furniture::Dateline)),
            ("(Headline USA)", Some(Furniture::Dateline)),
            ("WASHINGTON —", Some(Furniture::Dateline)),
        ];
        for (text, want) in cases {
            assert_eq!(classify(text), want, "{text}");
        }
    }

    #[test]
    fn news_sentences_are_not_furniture() {
        for text in [
            "Some have accused current Ukrainian President Volodymyr Zelenskyy, a former television actor, of being a puppet for this globalist cabal.",
            "Reporters asked Putin about the counteroffensive on Friday.",
            "By Friday, the army had pulled back from large swaths of the northeast.",
            "NO END IN SIGHT FOR UKRAINE",
            "Xi, in a statement released by his government, expressed support for Russia's core interests.",
            "The investigation, based on reporting by the Associated Press and others, found that the agency had ignored 40 complaints about the plant over the past decade.",
            "Advertisement revenue fell 4% in the quarter.",
        ] {
            assert_eq!(classify(text), None, "{text}");
        }
    }

    #[test]
    fn copyright_paragraph_covers_its_sentences() {
        let kinds = classify_all([
            ("Copyright 2024.", 0),
            (
                "No part of this site may be reproduced without permission.",
                0,
            ),
            ("Distribution via RSS is subject to our terms.", 0),
            ("The group also includes India.", 1),
        ]);
        assert_eq!(
            kinds,
            [
                Some(Furniture::Copyright),
                Some(Furniture::Copyright),
                Some(Furniture::Copyright),
                None
            ]
        );
    }

    #[test]
    fn lazy_agrees_with_classify_all() {
        let sentences = [
            ("SAMARKAND, Uzbekistan (AP) —", 0),
            ("Xi spoke.", 0),
            ("Copyright 2024 The Associated Press.", 1),
            ("All rights reserved.", 1),
            ("No part may be reproduced.", 1),
            ("The Associated Press contributed to this report.", 2),
            ("Markets fell.", 3),
        ];
        let all = classify_all(sentences);
        let mut lazy = Lazy::new(sentences);
        // asked in any order, as the aligner's segments come
        for i in [4, 6, 1, 0, 5, 3, 2] {
            assert_eq!(lazy.get(i), all[i], "sentence {i}");
        }
        assert_eq!(all[4], Some(Furniture::Copyright));
    }
}
