//! The data model: a [`Comparison`] of wire originals and an adapted article, and its
//! passages ([`Segment`]): their [`Kind`], word-level edits ([`Change`]), how their sides were
//! paired ([`PairedBy`]), the [`Furniture`] they are and the [`Signal`]s they raise.
//!
//! Every stage reads or fills in these types; none of them is defined in a stage. The
//! aligner makes the segments, the annotation steps set their furniture, truncation and
//! signals, and the reports read them.

use std::ops::Range;

use serde::{Serialize, Serializer};

use crate::extract::Document;
use crate::sentences::Sentence;

/// The originals and the adapted article, their sentences, and how they align.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The wire originals, in the order given.
    pub originals: Vec<Document>,
    /// The sentences of each original.
    pub original_sentences: Vec<Vec<Sentence>>,
    /// The adapted article.
    pub adapted: Document,
    /// Its sentences.
    pub adapted_sentences: Vec<Sentence>,
    /// The aligned passages, in the adapted article's order.
    pub segments: Vec<Segment>,
    /// The alignment steps that ran out of time ([`crate::align::Options::time_limit`]) and were cut
    /// short; empty when the alignment finished.
    pub fallbacks: Vec<Fallback>,
}

impl Comparison {
    /// The adapted article and its sentences, as the aligner sees them.
    pub fn adapted_side(&self) -> Side<'_> {
        Side {
            doc: &self.adapted,
            sentences: &self.adapted_sentences,
        }
    }

    /// Original `i` and its sentences.
    pub fn original_side(&self, i: usize) -> Side<'_> {
        Side {
            doc: &self.originals[i],
            sentences: &self.original_sentences[i],
        }
    }

    /// Whether the adapted article differs materially (the exit status 1), without counting
    /// words as [`Comparison::summary`] does.
    pub fn has_differences(&self) -> bool {
        self.segments.iter().any(Segment::is_material)
    }
}

/// What happened to a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Wire copy kept as it was (house style aside).
    Unchanged,
    /// Wire copy with its words changed.
    Reworded,
    /// New in the adapted article.
    Inserted,
    /// Wire copy the adapted article left out.
    Removed,
}

impl Kind {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Unchanged => "unchanged",
            Kind::Reworded => "reworded",
            Kind::Inserted => "inserted",
            Kind::Removed => "removed",
        }
    }
}

/// How the aligner paired the two sides of a reworded passage: the first evidence that
/// decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairedBy {
    /// Enough of their words in common, rare words weighing more (step 2, and the splits
    /// and merges grown from such a pair).
    Words,
    /// The only unpaired sentence on each side between the same two kept neighbours, with
    /// few or no words in common (step 5).
    Position,
    /// Words in common once inflections are set aside (their stems), with runs of words in
    /// the same order (step 6, heavy paraphrase).
    Stems,
    /// Words of an original sentence that another passage already holds, words that passage
    /// left out: the adapted article drew two sentences from one (step 7). The original
    /// sentence is in both passages.
    Again,
    /// The headlines: a heading at the top of each side, above every paired sentence, the
    /// two sharing two content words or more; or the adapted headline and the original's
    /// lead it restates, which its own passage holds too (step 6b).
    Headline,
    /// A subhead and the original sentence it restates, which a passage under it holds too
    /// (step 7b).
    Subhead,
}

impl PairedBy {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            PairedBy::Words => "words",
            PairedBy::Position => "position",
            PairedBy::Stems => "stems",
            PairedBy::Again => "again",
            PairedBy::Headline => "headline",
            PairedBy::Subhead => "subhead",
        }
    }
}

/// A word-level edit operation inside a reworded passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Text both sides share (shown as the adapted article has it).
    Equal,
    /// Text of the original that the adapted article dropped.
    Delete,
    /// Text the adapted article added.
    Insert,
}

impl Op {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// One run of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Kept, dropped or added.
    pub op: Op,
    /// The text of the run.
    pub text: String,
}

/// A passage of the report: consecutive sentences of the adapted article and/or an original.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// What happened to the passage.
    pub kind: Kind,
    /// The passage's position relative to the rest of its original changed.
    pub moved: bool,
    /// Weighted word overlap of the two sides, 0 to 1; `None` for inserted and removed.
    pub similarity: Option<f64>,
    /// Indices of the adapted article's sentences, when the passage is in it.
    pub adapted: Option<Range<usize>>,
    /// Which original (index) and the indices of its sentences, when the passage is in one.
    pub original: Option<(usize, Range<usize>)>,
    /// Word-level edits, for reworded passages.
    pub changes: Vec<Change>,
    /// How the two sides of a reworded passage were paired; `None` for other kinds.
    pub paired_by: Option<PairedBy>,
    /// The page or wire furniture the passage is, if any (set by the annotation steps, not by
    /// the aligner).
    pub furniture: Option<Furniture>,
    /// Edits that change meaning: attribution, quotation, loaded words, hedges, credits (set
    /// by the annotation steps, not by the aligner).
    pub signals: Vec<Signal>,
    /// A removed passage in the tail of its original that the adapted article never reaches:
    /// the copy stops early there (set by the annotation steps).
    pub truncated: bool,
}

impl Segment {
    /// A segment of this kind and nothing else: no sides, edits, furniture or signals.
    pub(crate) fn bare(kind: Kind) -> Segment {
        Segment {
            kind,
            moved: false,
            similarity: None,
            adapted: None,
            original: None,
            changes: Vec::new(),
            paired_by: None,
            furniture: None,
            signals: Vec::new(),
            truncated: false,
        }
    }

    /// A material difference: reworded, inserted, removed or moved, and not furniture.
    pub fn is_material(&self) -> bool {
        self.moved || (self.kind != Kind::Unchanged && self.furniture.is_none())
    }
}

/// A document with its sentences, as the aligner takes it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its sentences, in order.
    pub sentences: &'a [Sentence],
}

/// A step of the alignment that ran out of time ([`crate::align::Options::time_limit`]), and what was done
/// instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fallback {
    /// The Patience diff of the sentence keys stopped early: some unchanged sentences may
    /// be reported as changed.
    Backbone,
    /// Changed sentences were no longer paired by their words: the rest are reported as
    /// inserted and removed.
    Rewordings,
    /// Reworded pairs were no longer grown into splits and merges.
    SplitsAndMerges,
    /// Word-level edits were no longer computed: the rest of the reworded passages show
    /// their whole original text deleted and their whole adapted text inserted.
    WordEdits,
}

impl Fallback {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Fallback::Backbone => "backbone",
            Fallback::Rewordings => "rewordings",
            Fallback::SplitsAndMerges => "splits-and-merges",
            Fallback::WordEdits => "word-edits",
        }
    }

    /// What was done instead, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Fallback::Backbone => "the sentence diff stopped early",
            Fallback::Rewordings => {
                "changed sentences left unpaired are shown as inserted and removed"
            }
            Fallback::SplitsAndMerges => "splits and merges were not looked for",
            Fallback::WordEdits => "some reworded passages show no word-level edits",
        }
    }
}

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

/// Which kind of signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SignalKind {
    /// A verb of saying changed in a way that changes the claim.
    Attribution,
    /// The words of a quotation changed, added or dropped.
    Quote,
    /// Loaded or evaluative words added.
    Loaded,
    /// Hedges or qualifiers added or dropped.
    Hedge,
    /// A dateline, credit line or byline added, dropped or changed.
    Credit,
}

impl SignalKind {
    /// Every kind, in report order.
    pub const ALL: [SignalKind; 5] = [
        SignalKind::Attribution,
        SignalKind::Quote,
        SignalKind::Loaded,
        SignalKind::Hedge,
        SignalKind::Credit,
    ];

    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::Attribution => "attribution",
            SignalKind::Quote => "quote",
            SignalKind::Loaded => "loaded",
            SignalKind::Hedge => "hedge",
            SignalKind::Credit => "credit",
        }
    }
}

/// What happened to a piece of furniture that credits the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CreditChange {
    /// In the adapted article only.
    Added,
    /// In the original only.
    Dropped,
    /// In both, changed.
    Changed,
}

impl CreditChange {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CreditChange::Added => "added",
            CreditChange::Dropped => "dropped",
            CreditChange::Changed => "changed",
        }
    }
}

/// An edit that changes meaning. Serialized as in the JSON report:
/// `{"kind": "attribution", "from": "said", "to": "claimed"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Signal {
    /// The original's verb of saying and the adapted article's, folded to lower case.
    Attribution {
        /// The original's verb.
        from: String,
        /// The adapted article's verb.
        to: String,
    },
    /// The quoted text of each side (without the quote marks); `from` is `None` for a
    /// quotation added, `to` for one dropped.
    Quote {
        /// The original's quotation, `None` when it was added.
        from: Option<String>,
        /// The adapted article's quotation, `None` when it was dropped.
        to: Option<String>,
    },
    /// The loaded words added, as the adapted article has them (lower case), in order.
    Loaded {
        /// The words, in the adapted article's order.
        words: Vec<String>,
    },
    /// The hedges added and dropped, lower case, in order.
    Hedge {
        /// Hedges the adapted article added; may be empty.
        added: Vec<String>,
        /// Hedges of the original it dropped; may be empty.
        dropped: Vec<String>,
    },
    /// What happened to which kind of credit furniture (dateline, credit or byline).
    Credit {
        /// Added, dropped or changed.
        change: CreditChange,
        /// Which furniture: [`Furniture::Dateline`], [`Furniture::Credit`] or
        /// [`Furniture::Byline`].
        #[serde(serialize_with = "furniture_name")]
        what: Furniture,
    },
}

fn furniture_name<S: Serializer>(f: &Furniture, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(f.as_str())
}

impl Signal {
    /// Its kind.
    pub fn kind(&self) -> SignalKind {
        match self {
            Signal::Attribution { .. } => SignalKind::Attribution,
            Signal::Quote { .. } => SignalKind::Quote,
            Signal::Loaded { .. } => SignalKind::Loaded,
            Signal::Hedge { .. } => SignalKind::Hedge,
            Signal::Credit { .. } => SignalKind::Credit,
        }
    }
}

/// Signals counted by kind (the summary's `signals`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct SignalCounts {
    /// Attribution signals.
    pub attribution: usize,
    /// Quote signals.
    pub quote: usize,
    /// Loaded-word signals.
    pub loaded: usize,
    /// Hedge signals.
    pub hedge: usize,
    /// Credit signals.
    pub credit: usize,
}

impl SignalCounts {
    /// Counts one signal of this kind.
    pub(crate) fn add(&mut self, kind: SignalKind) {
        *self.get_mut(kind) += 1;
    }

    /// How many signals of this kind.
    pub fn get(&self, kind: SignalKind) -> usize {
        match kind {
            SignalKind::Attribution => self.attribution,
            SignalKind::Quote => self.quote,
            SignalKind::Loaded => self.loaded,
            SignalKind::Hedge => self.hedge,
            SignalKind::Credit => self.credit,
        }
    }

    fn get_mut(&mut self, kind: SignalKind) -> &mut usize {
        match kind {
            SignalKind::Attribution => &mut self.attribution,
            SignalKind::Quote => &mut self.quote,
            SignalKind::Loaded => &mut self.loaded,
            SignalKind::Hedge => &mut self.hedge,
            SignalKind::Credit => &mut self.credit,
        }
    }

    /// All signals.
    pub fn total(&self) -> usize {
        SignalKind::ALL.iter().map(|&k| self.get(k)).sum()
    }
}
