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

/// What kind of furniture a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Furniture {
    /// A dateline on its own ("SAMARKAND, Uzbekistan (AP) —").
    Dateline,
    /// A credit line: who reported, contributed, or whose reporting this was adapted from.
    Credit,
    /// A byline ("By JOE McDONALD, Associated Press").
    Byline,
    /// A copyright or reuse notice.
    Copyright,
    /// Page boilerplate: advertisement labels, widget headings, date widgets, tracker names.
    Boilerplate,
}

impl Furniture {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Furniture::Dateline => "dateline",
            Furniture::Credit => "credit",
            Furniture::Byline => "byline",
            Furniture::Copyright => "copyright",
            Furniture::Boilerplate => "boilerplate",
        }
    }

    /// A few words for people.
    pub fn describe(self) -> &'static str {
        match self {
            Furniture::Dateline => "dateline",
            Furniture::Credit => "credit line",
            Furniture::Byline => "byline",
            Furniture::Copyright => "copyright notice",
            Furniture::Boilerplate => "page furniture",
        }
    }
}

/// A dateline's place: an upper-case city, then up to two ", Region" parts. (Unbounded
/// repetitions: counted ones over Unicode classes make the regex slow to build; callers cap
/// the length of the whole match instead.)
pub(crate) const DATELINE_CITY: &str = r"\p{Lu}[\p{Lu}.'’ -]+(?:,[^,()\n]+){0,2}";
/// A dateline's agency or outlet tag in parentheses: "(AP)", "(Reuters)", "(Headline USA)".
pub(crate) const DATELINE_AGENCY: &str = r"\(\p{Lu}[^().!?\n]*\)";

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
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    let has = |needles: &[&str]| needles.iter().any(|n| lower.contains(n));
    let after_agency = AGENCY_NAMES.iter().find_map(|a| {
        lower
            .strip_prefix(a)
            .filter(|rest| rest.starts_with(' '))
            .map(str::trim_start)
    });
    starts(&[
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
    ]) || has(&[
        "contributed to this report",
        "contributed to this story",
        "contributed to the report",
        "contributed to this article",
        "contributed reporting",
        "editing by ",
    ]) || after_agency.is_some_and(|rest| {
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

/// A byline: "By JOE McDONALD", "By Vladimir Isachenkov and Jim Heintz, Associated Press",
/// or an agency's name alone. Every word after "By" is capitalized, save "and", "of", "the".
fn is_byline(t: &str) -> bool {
    let t = t.trim_end_matches('.');
    if AGENCY_NAMES.contains(&t.to_lowercase().as_str()) {
        return true;
    }
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
pub fn classify(text: &str) -> Option<Furniture> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let bare = t
        .trim_matches(|c: char| {
            !c.is_alphanumeric() && c != '.' && c != '©' && c != '(' && c != ')'
        })
        .trim_end_matches('.');
    // Lower-casing never makes a string more than three times shorter (the Kelvin sign's
    // three bytes become "k"): longer text is no boilerplate line, and is not lower-cased.
    let longest = BOILERPLATE.iter().map(|b| b.len()).max().unwrap_or(0);
    if bare.len() <= 3 * longest && BOILERPLATE.contains(&bare.to_lowercase().as_str()) {
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
    // Credits and bylines are short; a long sentence that mentions reporting is news.
    let words = t.split_whitespace().count();
    if words <= 25 && is_credit(&t.to_lowercase()) {
        return Some(Furniture::Credit);
    }
    if words <= 12 && is_byline(t) {
        return Some(Furniture::Byline);
    }
    None
}

/// Classifies every sentence of a document given as (sentence text, paragraph index) in
/// order: a sentence is furniture on its own, or because it sits in a paragraph that opens
/// with a copyright notice ("Copyright 2024. No part of this site may be reproduced...").
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
mod tests {
    use super::*;

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
