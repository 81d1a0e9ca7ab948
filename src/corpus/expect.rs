//! Expectations about a pair: `expect.toml` (or the `expect` object of a manifest or batch
//! line), parsed strictly, and checked against a comparison.
//!
//! ```toml
//! [[expect]]
//! kind = "inserted"            # unchanged | reworded | inserted | removed | moved
//! contains = "globalist cabal" # some passage of that kind contains this text
//!
//! [[expect]]
//! kind = "reworded"
//! signal = "hedge"             # ... and carries this news signal
//!
//! [[expect]]
//! kind = "inserted"
//! contains = "Soros"
//! absent = true                # no inserted passage contains it
//!
//! [limits]
//! max_inserted_share = 0.25    # share of the adapted article's words that are new
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::CorpusError;
use crate::align::{self, Kind, Segment};
use crate::model::SignalKind;
use crate::{Comparison, normalize, report};

/// Everything expected of one pair.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectations {
    /// Passages that must (or must not) be there.
    #[serde(default)]
    pub expect: Vec<Expect>,
    /// Bounds on the summary's counts and shares.
    #[serde(default)]
    pub limits: Limits,
}

/// A passage that must be there: some segment of this kind, containing this text, carrying
/// this signal; with `absent`, one that must not be.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The kind of passage.
    pub kind: ExpectKind,
    /// Text the passage contains, matched as words: case, punctuation, quote marks and
    /// spacing do not matter, and a match starts and ends at word boundaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    /// A news signal the passage carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signal: Option<SignalName>,
    /// The expectation is that no such passage exists.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub absent: bool,
}

/// The kinds of passage an expectation can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExpectKind {
    /// Wire copy kept as it was (house style aside).
    Unchanged,
    /// Wire copy with its words changed.
    Reworded,
    /// New in the adapted article.
    Inserted,
    /// Wire copy the adapted article left out.
    Removed,
    /// A passage (unchanged or reworded) that left its place.
    Moved,
}

impl ExpectKind {
    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ExpectKind::Unchanged => "unchanged",
            ExpectKind::Reworded => "reworded",
            ExpectKind::Inserted => "inserted",
            ExpectKind::Removed => "removed",
            ExpectKind::Moved => "moved",
        }
    }

    fn matches(self, seg: &Segment) -> bool {
        match self {
            ExpectKind::Unchanged => seg.kind == Kind::Unchanged,
            ExpectKind::Reworded => seg.kind == Kind::Reworded,
            ExpectKind::Inserted => seg.kind == Kind::Inserted,
            ExpectKind::Removed => seg.kind == Kind::Removed,
            ExpectKind::Moved => seg.moved,
        }
    }
}

/// The news signals an expectation can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SignalName {
    /// `attribution`: a verb of saying changed in a way that changes the claim.
    Attribution,
    /// `quote`: the words of a quotation changed, added or dropped.
    Quote,
    /// `loaded`: loaded or evaluative words added.
    Loaded,
    /// `hedge`: hedges or qualifiers added or dropped.
    Hedge,
    /// `credit`: a dateline, credit line or byline added, dropped or changed.
    Credit,
}

impl SignalName {
    fn kind(self) -> SignalKind {
        match self {
            SignalName::Attribution => SignalKind::Attribution,
            SignalName::Quote => SignalKind::Quote,
            SignalName::Loaded => SignalKind::Loaded,
            SignalName::Hedge => SignalKind::Hedge,
            SignalName::Credit => SignalKind::Credit,
        }
    }
}

/// Bounds on the summary (see docs/json.md for what each count means).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// Most share (0 to 1) of the adapted article's words that are new (inserted, furniture
    /// aside): the summary's `new_share`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_inserted_share: Option<f64>,
    /// Most share of its words that are reworded wire copy (`reworded_share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_reworded_share: Option<f64>,
    /// Least share of its words that are unchanged wire copy (`wire_share`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_wire_share: Option<f64>,
    /// Most material differences (`differences`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_differences: Option<usize>,
    /// Most inserted passages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_inserted: Option<usize>,
    /// Most removed passages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_removed: Option<usize>,
    /// Most reworded passages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_reworded: Option<usize>,
    /// Most moved passages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_moved: Option<usize>,
}

/// One expectation or limit checked: what it asked, whether it holds, and what was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    /// The expectation in words: `inserted contains "globalist cabal"`,
    /// `max_inserted_share = 0.25`.
    pub expect: String,
    /// Whether it holds.
    pub met: bool,
    /// What was found: the passage that meets it, or why it does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

impl Expectations {
    /// How many expectations and limits there are.
    pub fn len(&self) -> usize {
        self.expect.len() + self.limit_list().len()
    }

    /// True when nothing is expected.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Parses the text of an `expect.toml`; `path` names it in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Expectations, CorpusError> {
        let exp: Expectations = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            CorpusError::Expect {
                path: path.display().to_string(),
                line,
                message: e.message().trim().replace('\n', " "),
            }
        })?;
        exp.validate().map_err(|message| CorpusError::Expect {
            path: path.display().to_string(),
            line: None,
            message,
        })?;
        Ok(exp)
    }

    /// Reads and parses an `expect.toml`.
    pub fn read(path: &Path) -> Result<Expectations, CorpusError> {
        let text = std::fs::read_to_string(path).map_err(|err| CorpusError::Expect {
            path: path.display().to_string(),
            line: None,
            message: err.to_string(),
        })?;
        Expectations::from_toml(&text, path)
    }

    /// Checks what serde cannot: shares between 0 and 1, `contains` with words in it.
    pub fn validate(&self) -> Result<(), String> {
        for (name, value) in self.limit_list() {
            if let Limit::Share(v) = value
                && !(0.0..=1.0).contains(&v)
            {
                return Err(format!("limits.{name} = {v}: a share is between 0 and 1"));
            }
        }
        for (i, e) in self.expect.iter().enumerate() {
            if let Some(text) = &e.contains
                && normalize::words(text).is_empty()
            {
                return Err(format!(
                    "expect #{}: contains = {text:?} has no words to look for",
                    i + 1
                ));
            }
        }
        Ok(())
    }

    fn limit_list(&self) -> Vec<(&'static str, Limit)> {
        let l = &self.limits;
        let mut out = Vec::new();
        let shares = [
            ("max_inserted_share", l.max_inserted_share),
            ("max_reworded_share", l.max_reworded_share),
            ("min_wire_share", l.min_wire_share),
        ];
        for (name, v) in shares {
            if let Some(v) = v {
                out.push((name, Limit::Share(v)));
            }
        }
        let counts = [
            ("max_differences", l.max_differences),
            ("max_inserted", l.max_inserted),
            ("max_removed", l.max_removed),
            ("max_reworded", l.max_reworded),
            ("max_moved", l.max_moved),
        ];
        for (name, v) in counts {
            if let Some(v) = v {
                out.push((name, Limit::Count(v)));
            }
        }
        out
    }

    /// Checks every expectation, then every limit, against a comparison and its summary.
    pub fn check(&self, cmp: &Comparison, summary: &report::Summary) -> Vec<Checked> {
        let texts: Vec<SegmentWords> = cmp
            .segments
            .iter()
            .map(|seg| SegmentWords::new(cmp, seg))
            .collect();
        let mut out: Vec<Checked> = self.expect.iter().map(|e| e.check(cmp, &texts)).collect();
        for (name, limit) in self.limit_list() {
            out.push(check_limit(name, limit, summary));
        }
        out
    }
}

#[derive(Debug, Clone, Copy)]
enum Limit {
    Share(f64),
    Count(usize),
}

fn check_limit(name: &str, limit: Limit, s: &report::Summary) -> Checked {
    let ratio = |n: usize| {
        if s.adapted_words == 0 {
            0.0
        } else {
            n as f64 / s.adapted_words as f64
        }
    };
    let (met, found) = match (name, limit) {
        ("max_inserted_share", Limit::Share(v)) => share(ratio(s.new_words) <= v, s.new_words, s),
        ("max_reworded_share", Limit::Share(v)) => {
            share(ratio(s.reworded_words) <= v, s.reworded_words, s)
        }
        ("min_wire_share", Limit::Share(v)) => share(ratio(s.wire_words) >= v, s.wire_words, s),
        (_, Limit::Count(v)) => {
            let n = match name {
                "max_differences" => s.differences,
                "max_inserted" => s.inserted,
                "max_removed" => s.removed,
                "max_reworded" => s.reworded,
                _ => s.moved,
            };
            (n <= v, format!("{n}"))
        }
        _ => unreachable!("limit {name} has the wrong type"),
    };
    let value = match limit {
        Limit::Share(v) => format!("{v}"),
        Limit::Count(v) => format!("{v}"),
    };
    Checked {
        expect: format!("{name} = {value}"),
        met,
        found: Some(found),
    }
}

fn share(met: bool, n: usize, s: &report::Summary) -> (bool, String) {
    let pct = if s.adapted_words == 0 {
        0.0
    } else {
        n as f64 * 100.0 / s.adapted_words as f64
    };
    (met, format!("{pct:.1}% ({n} of {} words)", s.adapted_words))
}

/// The folded words of a segment's sides, padded with spaces for whole-word search.
struct SegmentWords {
    adapted: Option<String>,
    original: Option<String>,
}

impl SegmentWords {
    fn new(cmp: &Comparison, seg: &Segment) -> SegmentWords {
        let join = |text: &str| format!(" {} ", normalize::words(text).join(" "));
        SegmentWords {
            adapted: (seg.adapted.as_ref()).map(|r| join(align::span_text(cmp.adapted_side(), r))),
            original: (seg.original.as_ref())
                .map(|(src, r)| join(align::span_text(cmp.original_side(*src), r))),
        }
    }

    /// The passage contains `needle` (` words joined `): on the adapted side, or on the
    /// original side for removed and reworded passages (the wording an editor changed).
    fn contains(&self, seg: &Segment, needle: &str) -> bool {
        let on_original = matches!(seg.kind, Kind::Removed | Kind::Reworded);
        self.adapted.as_deref().is_some_and(|t| t.contains(needle))
            || (on_original && self.original.as_deref().is_some_and(|t| t.contains(needle)))
    }
}

impl Expect {
    /// `inserted contains "globalist cabal" with signal loaded`, `no inserted passage ...`.
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if self.absent {
            s.push_str("no ");
        }
        s.push_str(self.kind.as_str());
        if let Some(text) = &self.contains {
            s.push_str(&format!(" contains {text:?}"));
        }
        if let Some(sig) = self.signal {
            s.push_str(&format!(" with signal {}", sig.kind().as_str()));
        }
        s
    }

    fn check(&self, cmp: &Comparison, texts: &[SegmentWords]) -> Checked {
        let needle =
            (self.contains.as_ref()).map(|t| format!(" {} ", normalize::words(t).join(" ")));
        let has_text =
            |i: usize, seg: &Segment| needle.as_deref().is_none_or(|n| texts[i].contains(seg, n));
        let has_signal = |seg: &Segment| {
            self.signal
                .is_none_or(|s| seg.signals.iter().any(|x| x.kind() == s.kind()))
        };
        let hit = cmp
            .segments
            .iter()
            .enumerate()
            .find(|(i, seg)| self.kind.matches(seg) && has_text(*i, seg) && has_signal(seg));
        let met = hit.is_some() != self.absent;
        let found = match hit {
            Some((_, seg)) => Some(format!("{} passage: {}", seg_kind(seg), excerpt(cmp, seg))),
            None => {
                // Where the text is instead, if anywhere: the likeliest reason it failed.
                let elsewhere = cmp
                    .segments
                    .iter()
                    .enumerate()
                    .find(|(i, seg)| needle.is_some() && has_text(*i, seg));
                Some(match elsewhere {
                    Some((_, seg)) if self.kind.matches(seg) => format!(
                        "in a {} passage without that signal: {}",
                        seg_kind(seg),
                        excerpt(cmp, seg)
                    ),
                    Some((_, seg)) => format!(
                        "not {}: it is in a {} passage: {}",
                        self.kind.as_str(),
                        seg_kind(seg),
                        excerpt(cmp, seg)
                    ),
                    None if needle.is_some() => "no passage contains it".to_string(),
                    None => format!("no {} passage matches", self.kind.as_str()),
                })
            }
        };
        Checked {
            expect: self.describe(),
            met,
            found,
        }
    }
}

/// `reworded`, `moved unchanged`, `inserted furniture`...
fn seg_kind(seg: &Segment) -> String {
    let mut s = String::new();
    if seg.moved {
        s.push_str("moved ");
    }
    s.push_str(seg.kind.as_str());
    if seg.furniture.is_some() {
        s.push_str(" furniture");
    }
    s
}

/// The passage's text (the adapted side, else the original), quoted and cut at 100
/// characters.
fn excerpt(cmp: &Comparison, seg: &Segment) -> String {
    let text = match (&seg.adapted, &seg.original) {
        (Some(r), _) => align::span_text(cmp.adapted_side(), r),
        (None, Some((src, r))) => align::span_text(cmp.original_side(*src), r),
        (None, None) => "",
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(100) {
        Some((i, _)) => format!("{:?}", format!("{}…", &text[..i])),
        None => format!("{text:?}"),
    }
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, compare};

    fn parse(text: &str) -> Result<Expectations, CorpusError> {
        Expectations::from_toml(text, Path::new("p/expect.toml"))
    }

    fn cmp() -> Comparison {
        let wire =
            Document::from_text("o", "Xi spoke on Friday. He gave no details. Markets fell.");
        let adapted = Document::from_text(
            "a",
            "Xi spoke on Friday. He did not elaborate. Markets fell. A globalist cabal is to blame.",
        );
        compare(vec![wire], adapted, &Default::default())
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = parse("[[expect]]\nkind = \"inserted\"\ncontain = \"x\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("p/expect.toml: line 3: "), "{msg}");
        assert!(msg.contains("unknown field `contain`"), "{msg}");
        let err = parse("[limits]\nmax_new_share = 0.2\n").unwrap_err();
        assert!(err.to_string().contains("`max_new_share`"), "{err}");
    }

    #[test]
    fn unknown_kind_lists_the_kinds() {
        let msg = parse("[[expect]]\nkind = \"added\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("`added`") && msg.contains("`moved`"), "{msg}");
    }

    #[test]
    fn shares_must_be_fractions() {
        let msg = parse("[limits]\nmax_inserted_share = 25\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("between 0 and 1"), "{msg}");
        let msg = parse("[[expect]]\nkind = \"inserted\"\ncontains = \"--\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no words"), "{msg}");
    }

    #[test]
    fn contains_matches_words_and_says_where_text_is_instead() {
        let c = cmp();
        let s = c.summary();
        let exp = parse(
            "[[expect]]\nkind = \"inserted\"\ncontains = \"Globalist  CABAL\"\n\
             [[expect]]\nkind = \"inserted\"\ncontains = \"markets fell\"\n\
             [[expect]]\nkind = \"reworded\"\ncontains = \"gave no details\"\n\
             [[expect]]\nkind = \"inserted\"\ncontains = \"lobal\"\n\
             [[expect]]\nkind = \"removed\"\nabsent = true\n\
             [[expect]]\nkind = \"inserted\"\nsignal = \"loaded\"\n",
        )
        .unwrap();
        let got = exp.check(&c, &s);
        let met: Vec<bool> = got.iter().map(|c| c.met).collect();
        assert_eq!(met, [true, false, true, false, true, true], "{got:#?}");
        assert!(
            got[1]
                .found
                .as_deref()
                .unwrap()
                .contains("unchanged passage"),
            "{got:#?}"
        );
        assert_eq!(got[4].expect, "no removed");
    }

    #[test]
    fn limits_compare_exact_shares() {
        let c = cmp();
        let s = c.summary();
        let exp = parse("[limits]\nmax_inserted_share = 0.25\nmax_differences = 1\n").unwrap();
        let got = exp.check(&c, &s);
        // 6 new words of 16.
        assert!(!got[0].met, "{got:#?}");
        assert_eq!(got[0].found.as_deref(), Some("37.5% (6 of 16 words)"));
        assert!(!got[1].met, "2 differences: {got:#?}");
        let exp = parse("[limits]\nmax_inserted_share = 0.375\nmin_wire_share = 0.375\n").unwrap();
        assert!(exp.check(&c, &s).iter().all(|c| c.met));
    }
}
