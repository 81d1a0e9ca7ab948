//! Stage 6, **signals**: the edits that change what a passage claims, not only its words.
//!
//! Runs after alignment and furniture, on each segment:
//!
//! | signal | on | raised when |
//! |---|---|---|
//! | [`Signal::Attribution`] | reworded | a verb of saying replaced by another, one of them loaded (said → claimed) |
//! | [`Signal::Quote`] | reworded | the words of a quotation changed, added or dropped (quote-mark style aside) |
//! | [`Signal::Loaded`] | reworded, inserted | loaded words added (so-called, regime, cabal...) |
//! | [`Signal::Hedge`] | reworded | hedges added or dropped (allegedly, without offering specifics...) |
//! | [`Signal::Credit`] | furniture | a dateline, credit line or byline added, dropped or changed |
//!
//! The word lists are data, in `data/signals/` (`attribution.txt`, `loaded.txt`,
//! `hedges.txt`, documented in its README), compiled in. Words are matched folded
//! ([`crate::normalize::fold`]), phrases as word sequences, from left to right, the longest
//! phrase first.

use std::ops::Range;
use std::sync::LazyLock;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use crate::align::{Kind, Segment};
use crate::model::{Furniture, PairedBy};
use crate::normalize::{self, is_double_quote, is_single_quote};
use crate::util::FastMap;

pub use crate::model::{CreditChange, Signal};

/// A passage as the signals read it: its text, and the parts of it that are quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalText<'a> {
    /// The passage's text.
    pub text: &'a str,
    /// Byte ranges of `text` inside quotation marks (the marks left out), in order.
    pub quoted: Vec<Range<usize>>,
}

impl<'a> SignalText<'a> {
    /// A passage read on its own: its quotations are found in its text alone.
    #[cfg(test)]
    pub fn new(text: &'a str) -> Self {
        SignalText {
            text,
            quoted: quotes(text),
        }
    }

    /// The passage `span` of a document whose [`quotations`] are known: a sentence inside a
    /// quotation of several sentences is quoted even with no quote mark of its own.
    pub fn within(doc_text: &'a str, quotations: &[Range<usize>], span: Range<usize>) -> Self {
        // The quotations are in order and do not overlap: skip to the first one that ends
        // after the span starts, rather than scanning all of a long document's.
        let first = quotations.partition_point(|q| q.end <= span.start);
        let quoted = quotations[first..]
            .iter()
            .take_while(|q| q.start < span.end)
            .filter(|q| q.start < span.end && span.start < q.end)
            .map(|q| q.start.max(span.start) - span.start..q.end.min(span.end) - span.start)
            .filter(|q| !q.is_empty())
            .collect();
        SignalText {
            text: &doc_text[span],
            quoted,
        }
    }
}

/// The quotations of a document, as byte ranges of its text (without the quote marks),
/// found paragraph by paragraph: a quotation left open at the end of a paragraph ends there
/// (news style reopens it in the next one).
#[cfg(test)]
pub fn quotations(doc: &crate::extract::Document) -> Vec<Range<usize>> {
    doc.paragraphs
        .iter()
        .flat_map(|p| {
            quotes(&doc.text[p.clone()])
                .into_iter()
                .map(move |q| q.start + p.start..q.end + p.start)
        })
        .collect()
}

/// A document's [`quotations`], found paragraph by paragraph as passages ask for them: a
/// long document whose sentences are mostly unchanged has few passages read for signals.
pub struct Quotations<'a> {
    doc: &'a crate::extract::Document,
    /// The quotations of each paragraph already read.
    by_paragraph: FastMap<usize, Vec<Range<usize>>>,
    /// Scratch space for the quotations of one passage's paragraphs.
    near: Vec<Range<usize>>,
}

impl<'a> Quotations<'a> {
    /// Nothing is read until a passage asks.
    pub fn new(doc: &'a crate::extract::Document) -> Self {
        Quotations {
            doc,
            by_paragraph: FastMap::default(),
            near: Vec::new(),
        }
    }

    /// The passage `span` of the document, as [`SignalText::within`] finds it with all of the
    /// document's quotations.
    pub fn passage(&mut self, span: Range<usize>) -> SignalText<'a> {
        let paras = &self.doc.paragraphs;
        let first = paras.partition_point(|p| p.end <= span.start);
        let end = first + paras[first..].partition_point(|p| p.start < span.end);
        self.near.clear();
        let text = &self.doc.text;
        for (i, p) in paras.iter().enumerate().take(end).skip(first) {
            let quoted = self.by_paragraph.entry(i).or_insert_with(|| {
                (quotes(&text[p.clone()]).into_iter())
                    .map(|q| q.start + p.start..q.end + p.start)
                    .collect()
            });
            self.near.extend(quoted.iter().cloned());
        }
        SignalText::within(&self.doc.text, &self.near, span)
    }
}

/// The words of every quotation of some documents, read when first asked, to tell whether
/// a quotation's words run in one of them ([`QuotedWords::holds`]).
pub(crate) struct QuotedWords<'d> {
    docs: Vec<&'d crate::extract::Document>,
    /// "\n w1 w2 \n w3 … \n": each quotation's folded words, a line each.
    words: std::cell::OnceCell<String>,
}

impl<'d> QuotedWords<'d> {
    /// The quotations of `docs`, paragraph by paragraph as [`Quotations`] reads them.
    pub(crate) fn of(docs: Vec<&'d crate::extract::Document>) -> Self {
        QuotedWords {
            docs,
            words: std::cell::OnceCell::new(),
        }
    }

    fn words(&self) -> &str {
        self.words.get_or_init(|| {
            let mut all = String::from("\n");
            for doc in &self.docs {
                for p in &doc.paragraphs {
                    let text = &doc.text[p.clone()];
                    for q in quotes(text) {
                        all.push_str(&run_of_words(&text[q]));
                        all.push('\n');
                    }
                }
            }
            all
        })
    }

    /// True if the words of `quotation` run, in order and with none between, inside one
    /// quotation of the documents (folded: quote marks, case and punctuation aside).
    pub(crate) fn holds(&self, quotation: &str) -> bool {
        let needle = run_of_words(quotation);
        needle.len() > 1
            && memchr::memmem::find(self.words().as_bytes(), needle.as_bytes()).is_some()
    }
}

/// Leaves out of `signals` the quotations said to be added that the wire quotes elsewhere
/// (a paper moved a quotation from a sentence it cut into one it kept), and those said to
/// be dropped that the adapted article quotes elsewhere: such a quotation is the wire's,
/// word for word, and nothing a reader need check. `original` and `adapted` are the
/// passage's two sides: words its original side has without quote marks were quoted by
/// the paper, and words its adapted side keeps without them were unquoted ("'color
/// revolutions'" made "Color Revolutions" in a headline); both stay signals. A quotation
/// changed stays.
pub(crate) fn settle_quotes(
    signals: &mut Vec<Signal>,
    (original, adapted): (Option<&str>, Option<&str>),
    wire_quotes: &QuotedWords,
    adapted_quotes: &QuotedWords,
) {
    let kept_in = |text: Option<&str>, quotation: &str| {
        text.is_some_and(|t| run_of_words(t).contains(&run_of_words(quotation)))
    };
    signals.retain(|s| match s {
        Signal::Quote {
            from: None,
            to: Some(to),
        } => kept_in(original, to) || !wire_quotes.holds(to),
        Signal::Quote {
            from: Some(from),
            to: None,
        } => kept_in(adapted, from) || !adapted_quotes.holds(from),
        _ => true,
    });
}

/// The folded words of `text` as " w1 w2 … ", so that a run of words is a substring.
fn run_of_words(text: &str) -> String {
    let mut out = String::from(" ");
    for w in tokens(text).iter() {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// The signals of one segment, given its adapted and original sides (`None` for the side it
/// does not have). Furniture that credits the wire (dateline, credit line, byline) gets a
/// `credit` signal; a reworded passage gets attribution, quote, loaded and hedge signals, in
/// that order; an inserted passage gets a `loaded` signal. Other segments get none.
pub fn detect(
    seg: &Segment,
    adapted: Option<&SignalText<'_>>,
    original: Option<&SignalText<'_>>,
) -> Vec<Signal> {
    if let Some(what) = seg.furniture {
        let change = match seg.kind {
            Kind::Inserted => CreditChange::Added,
            Kind::Removed => CreditChange::Dropped,
            Kind::Reworded => CreditChange::Changed,
            Kind::Unchanged => return Vec::new(),
        };
        return match what {
            Furniture::Dateline | Furniture::Credit | Furniture::Byline => {
                vec![Signal::Credit { change, what }]
            }
            _ => Vec::new(),
        };
    }
    match (seg.kind, adapted, original) {
        // A second sentence drawn from a wire sentence another passage holds: what it left
        // out of that sentence is the other passage's, not dropped.
        (Kind::Reworded, Some(a), Some(o)) if seg.paired_by == Some(PairedBy::Again) => {
            only_what_it_adds(reworded(o, a))
        }
        (Kind::Reworded, Some(a), Some(o)) => reworded(o, a),
        (Kind::Inserted, Some(a), _) => {
            let words = Words::indexed(a.text);
            let words = surfaces(a.text, &words, &LISTS.loaded.find(&words));
            if words.is_empty() {
                Vec::new()
            } else {
                vec![Signal::Loaded { words }]
            }
        }
        _ => Vec::new(),
    }
}

/// `signals` without what speaks of the original's words as dropped: quotations and hedges
/// the adapted side left out.
pub(crate) fn only_what_it_adds(signals: Vec<Signal>) -> Vec<Signal> {
    signals
        .into_iter()
        .filter_map(|s| match s {
            Signal::Quote { to: None, .. } => None,
            Signal::Hedge { added, .. } if added.is_empty() => None,
            Signal::Hedge { added, .. } => Some(Signal::Hedge {
                added,
                dropped: Vec::new(),
            }),
            s => Some(s),
        })
        .collect()
}

/// The signals of a rewording of `original` into `adapted`.
fn reworded(original: &SignalText<'_>, adapted: &SignalText<'_>) -> Vec<Signal> {
    let o = ReadSide::new(original);
    let a = ReadSide::new(adapted);
    let mut out = attribution(&o, &a);
    out.extend(quote_signals(&o, &a));
    let said: Vec<&str> = out
        .iter()
        .filter_map(|s| match s {
            Signal::Attribution { to, .. } => Some(to.as_str()),
            _ => None,
        })
        .collect();
    let (loaded, _) = count_diff(&LISTS.loaded, &o, &a);
    let words: Vec<String> = loaded
        .into_iter()
        .filter(|w| !said.contains(&w.as_str()))
        .collect();
    if !words.is_empty() {
        out.push(Signal::Loaded { words });
    }
    let (added, dropped) = count_diff(&LISTS.hedges, &o, &a);
    if !added.is_empty() || !dropped.is_empty() {
        out.push(Signal::Hedge { added, dropped });
    }
    out
}

/// One side of a rewording: its text, words and quotations.
struct ReadSide<'a> {
    text: &'a str,
    words: Words,
    quotes: &'a [Range<usize>],
}

impl<'a> ReadSide<'a> {
    fn new(p: &'a SignalText<'a>) -> Self {
        ReadSide {
            text: p.text,
            words: Words::indexed(p.text),
            quotes: &p.quoted,
        }
    }

    fn in_quote(&self, byte: usize) -> bool {
        self.quotes.iter().any(|q| q.contains(&byte))
    }
}

// ---------------------------------------------------------------------------------------------
// Words

/// A word of a text: its byte span, and where its folded form is in [`Words::folded`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    word: (u32, u32),
    /// Its id in [`Lists::first`] when some list has a form that starts with it, else
    /// [`NO_FIRST`] (and [`NO_FIRST`] until [`Words::indexed`] looks it up).
    first: u32,
}

const NO_FIRST: u32 = u32::MAX;

/// The words of a text, folded as [`normalize::words`] folds them, with their byte spans.
/// The folded words are kept in one string rather than one string each: a passage's words
/// cost two allocations, not one per word with a capital.
#[derive(Debug, Clone, Default)]
struct Words {
    /// The text lower-cased (ASCII only: byte offsets are kept), where a word of ASCII
    /// letters and digits alone is its own span; then, end to end, the other words folded.
    folded: String,
    toks: Vec<Token>,
}

impl Words {
    /// The words of `text`, each looked up once among the lists' first words.
    /// Most words start no list phrase: [`Lists::may_start`] turns them away by their first
    /// byte and length before they are hashed.
    fn indexed(text: &str) -> Words {
        let mut w = tokens(text);
        let lists = &*LISTS;
        for i in 0..w.toks.len() {
            let word = w.word(i);
            if lists.may_start(word) {
                w.toks[i].first = lists.first.get(word).copied().unwrap_or(NO_FIRST);
            }
        }
        w
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The `i`-th word, folded.
    fn word(&self, i: usize) -> &str {
        let (s, e) = self.toks[i].word;
        &self.folded[s as usize..e as usize]
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.word(i))
    }

    /// Adds the word `text[start..end]`: folded ([`normalize::fold`]) without the `.` and `'`
    /// that join it. A `simple` word (ASCII letters and digits alone: most words) is already
    /// in [`Words::folded`], where it is in the text; other ASCII folds byte by byte, to its
    /// letters and digits lower-cased.
    /// The simple case is inlined into [`tokens`]'s loop, with no bounds to check: [`tokens`]
    /// has checked once that the text's offsets fit in a `u32`.
    #[inline]
    fn push(&mut self, text: &str, start: usize, end: usize, simple: bool, scratch: &mut String) {
        let word = if simple {
            (start as u32, end as u32)
        } else {
            self.fold_word(&text[start..end], scratch)
        };
        self.toks.push(Token {
            start,
            end,
            word,
            first: NO_FIRST,
        });
    }

    /// Appends the word `raw` folded to [`Words::folded`], and gives its span there.
    #[inline(never)]
    fn fold_word(&mut self, raw: &str, scratch: &mut String) -> (u32, u32) {
        let span = |from: usize, to: usize| {
            (
                u32::try_from(from).expect("a passage under 4 GB"),
                u32::try_from(to).expect("a passage under 4 GB"),
            )
        };
        let from = self.folded.len();
        if raw.is_ascii() {
            self.folded.extend(
                raw.bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            scratch.clear();
            normalize::fold_into(raw, scratch);
            self.folded
                .extend(scratch.chars().filter(|&c| c != '.' && c != '\''));
        }
        span(from, self.folded.len())
    }
}

/// True when the character at byte `i` of `text` (if any) is a letter or a digit.
fn alphanumeric_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// The words of a text with their byte spans: runs of letters and digits, where a `.` or an
/// apostrophe between two of them does not break the word ("U.S.", "don't").
fn tokens(text: &str) -> Words {
    // so that Words::push may take a simple word's offsets as u32
    u32::try_from(text.len()).expect("a passage under 4 GB");
    let mut out = Words {
        folded: text.to_ascii_lowercase(),
        toks: Vec::with_capacity(text.len() / 5 + 1),
    };
    let mut scratch = String::new();
    let mut start: Option<usize> = None;
    // The word so far is one run of ASCII letters and digits.
    let mut simple = false;
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let i = pos;
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // a run of ASCII letters and digits, in a tight loop
            if start.is_none() {
                start = Some(i);
                simple = true;
            }
            pos += 1;
            while pos < bytes.len() && bytes[pos].is_ascii_alphanumeric() {
                pos += 1;
            }
            continue;
        }
        if b.is_ascii() {
            // ASCII is read byte by byte; only other characters are decoded.
            pos += 1;
            // what normalize::words keeps inside a word: "U.S", "don't"
            if start.is_some() && matches!(b, b'.' | b'\'' | b'`') && alphanumeric_at(text, pos) {
                simple = false;
                continue;
            }
        } else {
            let c = text[i..]
                .chars()
                .next()
                .expect("a character at a char boundary");
            pos += c.len_utf8();
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                simple = false;
                continue;
            }
            // what normalize::fold drops inside a word (soft hyphen, zero-width characters)
            let invisible = matches!(
                c,
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            );
            // the apostrophes that normalize::fold makes '\''
            let joins = matches!(
                c,
                '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{00B4}'
            ) && alphanumeric_at(text, pos);
            if start.is_some() && (invisible || joins) {
                simple = false;
                continue;
            }
        }
        if let Some(s) = start.take() {
            out.push(text, s, i, simple, &mut scratch);
        }
    }
    if let Some(s) = start {
        out.push(text, s, text.len(), simple, &mut scratch);
    }
    out
}

/// A word list: entries of one or more forms, each form a word sequence.
struct Lexicon {
    /// Forms by their first word, longest first: (words, entry). Emptied by [`Lists::new`]
    /// into `by_first`.
    forms: FastMap<String, Vec<(Vec<String>, usize)>>,
    /// The same by the first word's id in [`Lists::first`].
    by_first: Vec<Vec<(Vec<String>, usize)>>,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// A loaded verb of saying (attribution list only).
    loaded: bool,
    /// A neutral phrase that only keeps its words from matching anything else.
    skip: bool,
}

/// Which word of a single-form line is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Inflect {
    None,
    First,
    Last,
}

/// A match of a lexicon entry: the entry and the tokens it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Match {
    entry: usize,
    toks: Range<usize>,
}

impl Lexicon {
    /// Parses a list: one entry a line, `#` comments, `[neutral]` / `[loaded]` sections,
    /// `!` for neutral phrases, commas between the forms of one entry.
    fn parse(list: &str, inflect: Inflect) -> Lexicon {
        let mut lex = Lexicon {
            forms: FastMap::default(),
            by_first: Vec::new(),
            entries: Vec::new(),
        };
        let mut loaded = false;
        for line in list.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "" => continue,
                "[neutral]" => loaded = false,
                "[loaded]" => loaded = true,
                _ => {
                    let (skip, line) = match line.strip_prefix('!') {
                        Some(rest) => (true, rest.trim()),
                        None => (false, line),
                    };
                    let id = lex.entries.len();
                    lex.entries.push(Entry { loaded, skip });
                    let forms: Vec<Vec<String>> = if line.contains(',') || skip {
                        line.split(',').map(phrase_words).collect()
                    } else {
                        inflections(&phrase_words(line), inflect)
                    };
                    for f in forms.into_iter().filter(|f| !f.is_empty()) {
                        lex.forms.entry(f[0].clone()).or_default().push((f, id));
                    }
                }
            }
        }
        for forms in lex.forms.values_mut() {
            forms.sort_by_key(|(f, id)| (std::cmp::Reverse(f.len()), *id));
            forms.dedup_by(|a, b| a.0 == b.0);
        }
        lex
    }

    /// The entries found in a text, left to right, the longest form first at each word;
    /// neutral phrases are consumed and left out.
    /// The words must be [`Words::indexed`]: a word is looked up by its id, with no hashing.
    fn find(&self, words: &Words) -> Vec<Match> {
        let mut out = Vec::new();
        let mut i = 0;
        let n = words.len();
        while i < n {
            let first = words.toks[i].first as usize;
            // the first word is equal by its id
            let hit = self.by_first.get(first).and_then(|forms| {
                forms.iter().find(|(f, _)| {
                    n - i >= f.len()
                        && f[1..]
                            .iter()
                            .enumerate()
                            .all(|(k, w)| *w == words.word(i + 1 + k))
                })
            });
            match hit {
                Some((f, id)) => {
                    if !self.entries[*id].skip {
                        out.push(Match {
                            entry: *id,
                            toks: i..i + f.len(),
                        });
                    }
                    i += f.len();
                }
                None => i += 1,
            }
        }
        out
    }
}

fn phrase_words(phrase: &str) -> Vec<String> {
    tokens(phrase).iter().map(str::to_string).collect()
}

/// The forms of a phrase with one word inflected: -s, -ed, -ing, with the usual spelling
/// rules (claims, denies, conceded, admitting). A form that is not a word never matches, so
/// the rules may over-generate (visitted).
fn inflections(words: &[String], inflect: Inflect) -> Vec<Vec<String>> {
    let at = match (inflect, words.len()) {
        (_, 0) | (Inflect::None, _) => return vec![words.to_vec()],
        (Inflect::First, _) => 0,
        (Inflect::Last, n) => n - 1,
    };
    word_forms(&words[at])
        .into_iter()
        .map(|w| {
            let mut f = words.to_vec();
            f[at] = w;
            f
        })
        .collect()
}

/// A word and its regular inflections: -s/-es/-ies, -d/-ed/-ied, -ing, and a doubled final
/// consonant after a single vowel (admitted).
fn word_forms(w: &str) -> Vec<String> {
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let last = chars.last().copied().unwrap_or(' ');
    let before = if n >= 2 { chars[n - 2] } else { ' ' };
    let stem = &w[..w.len() - last.len_utf8().min(w.len())];
    let mut out = vec![w.to_string()];
    if n < 2 || !last.is_ascii_alphabetic() {
        return out;
    }
    if last == 'y' && !vowel(before) {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{w}ing"),
        ]);
        return out;
    }
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        out.push(format!("{w}es"));
    } else {
        out.push(format!("{w}s"));
    }
    if last == 'e' {
        out.push(format!("{w}d"));
        if before != 'e' {
            out.push(format!("{stem}ing"));
        }
    } else {
        out.push(format!("{w}ed"));
        out.push(format!("{w}ing"));
        let short = n >= 3 && vowel(before) && !vowel(chars[n - 3]);
        if short && !vowel(last) && !"wxy".contains(last) {
            out.push(format!("{w}{last}ed"));
            out.push(format!("{w}{last}ing"));
        }
    }
    out
}

/// The three word lists, and the words any of their forms starts with, numbered: a passage's
/// words are looked up once ([`Words::indexed`]) for all three lists, by number after that.
struct Lists {
    first: FastMap<String, u32>,
    /// By the first byte of a word of `first`, a bit for its length in bytes (bit 31 for 31
    /// and longer): a word whose bit is clear is in no list.
    shapes: [u32; 256],
    attribution: Lexicon,
    loaded: Lexicon,
    hedges: Lexicon,
}

impl Lists {
    fn new(mut lists: [Lexicon; 3]) -> Lists {
        let mut first: FastMap<String, u32> = FastMap::default();
        for lex in &lists {
            for w in lex.forms.keys() {
                let id = u32::try_from(first.len()).expect("fewer than 4 billion words");
                first.entry(w.clone()).or_insert(id);
            }
        }
        for lex in &mut lists {
            lex.by_first = vec![Vec::new(); first.len()];
            for (w, forms) in std::mem::take(&mut lex.forms) {
                lex.by_first[first[&w] as usize] = forms;
            }
        }
        let mut shapes = [0u32; 256];
        for w in first.keys() {
            if let Some(&b) = w.as_bytes().first() {
                shapes[usize::from(b)] |= 1 << w.len().min(31);
            }
        }
        let [attribution, loaded, hedges] = lists;
        Lists {
            first,
            shapes,
            attribution,
            loaded,
            hedges,
        }
    }
}

impl Lists {
    /// False when `word` is surely not in [`Lists::first`]: no word there has its first byte
    /// and length. (An empty word is left to the map.)
    #[inline]
    fn may_start(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) => self.shapes[usize::from(b)] >> word.len().min(31) & 1 != 0,
            None => true,
        }
    }
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    Lists::new([
        Lexicon::parse(
            include_str!("../../data/signals/attribution.txt"),
            Inflect::First,
        ),
        Lexicon::parse(include_str!("../../data/signals/loaded.txt"), Inflect::Last),
        Lexicon::parse(include_str!("../../data/signals/hedges.txt"), Inflect::None),
    ])
});

/// The text of a match, lower case ("so-called", "without offering specifics").
fn surface(text: &str, words: &Words, m: &Match) -> String {
    text[words.toks[m.toks.start].start..words.toks[m.toks.end - 1].end].to_lowercase()
}

/// The texts of matches, each once, in order.
fn surfaces(text: &str, words: &Words, matches: &[Match]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in matches {
        let s = surface(text, words, m);
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The entries of a lexicon found more often in the adapted side (added) and in the
/// original (dropped), as their texts on that side, in order. Words inside quotations count
/// too: a loaded word slipped into a quotation is a loaded word added (and a quote changed).
fn count_diff(lex: &Lexicon, o: &ReadSide<'_>, a: &ReadSide<'_>) -> (Vec<String>, Vec<String>) {
    let keep = |t: &ReadSide<'_>| -> Vec<Match> {
        lex.find(&t.words)
            .into_iter()
            .filter(|m| !is_month(t, m) && !is_rate(t, m))
            .collect()
    };
    let (om, am) = (keep(o), keep(a));
    let extra = |mine: &[Match], theirs: &[Match]| -> Vec<Match> {
        let mut seen: FastMap<usize, usize> = FastMap::default();
        let mut out = Vec::new();
        for m in mine {
            let k = seen.entry(m.entry).or_insert(0);
            *k += 1;
            if *k > theirs.iter().filter(|t| t.entry == m.entry).count() {
                out.push(m.clone());
            }
        }
        out
    };
    (
        surfaces(a.text, &a.words, &extra(&am, &om)),
        surfaces(o.text, &o.words, &extra(&om, &am)),
    )
}

/// "May" with a capital inside a passage is the month or a name, not the hedge (the word is
/// in no other list).
fn is_month(t: &ReadSide<'_>, m: &Match) -> bool {
    m.toks.start > 0
        && t.words.word(m.toks.start) == "may"
        && t.text[t.words.toks[m.toks.start].start..].starts_with('M')
}

/// Words that make the "per" before them a rate, not a source.
const UNITS: &[&str] = &[
    "cent",
    "capita",
    "se",
    "annum",
    "diem",
    "mille",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "minute",
    "second",
    "night",
    "person",
    "head",
    "share",
    "unit",
    "item",
    "gallon",
    "barrel",
    "litre",
    "liter",
    "ounce",
    "pound",
    "kilo",
    "kilogram",
    "ton",
    "tonne",
    "mile",
    "kilometre",
    "kilometer",
    "acre",
    "hectare",
    "square",
    "game",
    "match",
    "household",
    "family",
    "child",
    "student",
    "patient",
    "resident",
    "customer",
    "user",
    "employee",
    "worker",
    "vote",
    "seat",
    "visit",
    "trip",
    "meal",
    "ticket",
    "dose",
    "serving",
    "copy",
    "episode",
];

/// "per" of a rate ("5 per cent", "$3 per gallon", "60 miles per hour", "per capita", "per
/// 100,000 people"), not of a source ("per the indictment", "per officials", "per data from
/// MarketAxess", "$31,627, per InfoNation"): right after a number, or before a unit or a
/// number.
fn is_rate(t: &ReadSide<'_>, m: &Match) -> bool {
    let at = m.toks.start;
    if m.toks.len() != 1 || t.words.word(at) != "per" {
        return false;
    }
    let number = |i: usize| t.words.word(i).bytes().any(|b| b.is_ascii_digit());
    // A number with only spaces between ("$31,627, per InfoNation" cites a source).
    let next_to = |i: usize| {
        let (a, b) = (&t.words.toks[i], &t.words.toks[i + 1]);
        t.text[a.end..b.start].trim().is_empty()
    };
    (at > 0 && number(at - 1) && next_to(at - 1))
        || (at + 1 < t.words.toks.len()
            && (number(at + 1) || UNITS.contains(&t.words.word(at + 1))))
}

// ---------------------------------------------------------------------------------------------
// Attribution

/// Words before which a verb form is a noun ("the claims", "his notes", "Putin's denials").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "this",
    "such", "any", "no", "some", "many", "several", "new", "false",
];

/// Verbs of saying outside quotations that are not nouns.
fn saying_verbs(t: &ReadSide<'_>) -> Vec<Match> {
    LISTS
        .attribution
        .find(&t.words)
        .into_iter()
        .filter(|m| !t.in_quote(t.words.toks[m.toks.start].start))
        .filter(|m| {
            let Some(p) = m.toks.start.checked_sub(1) else {
                return true;
            };
            let prev = &t.words.toks[p];
            let raw = &t.text[prev.start..prev.end];
            !DETERMINERS.contains(&t.words.word(p)) && !raw.ends_with("'s") && !raw.ends_with("’s")
        })
        .collect()
}

/// Most words between a verb of saying dropped and one added, counted on the adapted side,
/// for the second to replace the first.
const NEAR: usize = 4;

/// Verbs of saying replaced. The two sides' words are diffed; a verb whose words the
/// adapted side dropped is paired with the nearest verb the adapted side added where the
/// first was (within [`NEAR`] words). Then a verb cut out with nothing in its place is
/// paired with a verb added with nothing taken out, in order: the attribution moved ("...,"
/// Smith said. -> Smith claimed: "..."). A pair of two entries, one of them loaded, is a
/// signal.
fn attribution(o: &ReadSide<'_>, a: &ReadSide<'_>) -> Vec<Signal> {
    let (ov, av) = (saying_verbs(o), saying_verbs(a));
    if ov.is_empty() || av.is_empty() {
        return Vec::new();
    }
    let ow: Vec<&str> = o.words.iter().collect();
    let aw: Vec<&str> = a.words.iter().collect();
    // Where each original word is (or was dropped) on the adapted side, and what the diff
    // did with each word of each side.
    let mut at = vec![0usize; ow.len()];
    let mut o_tag = vec![DiffTag::Equal; ow.len()];
    let mut a_tag = vec![DiffTag::Equal; aw.len()];
    for op in capture_diff_slices(Algorithm::Myers, &ow, &aw) {
        let (tag, or, ar) = op.as_tag_tuple();
        for (k, i) in or.clone().enumerate() {
            at[i] = if tag == DiffTag::Equal {
                ar.start + k
            } else {
                ar.start
            };
            o_tag[i] = tag;
        }
        a_tag[ar].fill(tag);
    }
    let changed = |tags: &[DiffTag], m: &Match| m.toks.clone().any(|i| tags[i] != DiffTag::Equal);
    let alone = |tags: &[DiffTag], m: &Match, tag| m.toks.clone().all(|i| tags[i] == tag);
    let mut dropped: Vec<&Match> = ov.iter().filter(|m| changed(&o_tag, m)).collect();
    let mut added: Vec<Option<&Match>> =
        av.iter().filter(|m| changed(&a_tag, m)).map(Some).collect();
    let mut pairs: Vec<(&Match, &Match)> = Vec::new();
    dropped.retain(|d| {
        let p = at[d.toks.start];
        let nearest = added
            .iter()
            .enumerate()
            .filter_map(|(k, m)| m.map(|m| (m.toks.start.abs_diff(p), k)))
            .filter(|&(dist, _)| dist <= NEAR)
            .min();
        match nearest.and_then(|(_, k)| added[k].take()) {
            Some(m) => {
                pairs.push((d, m));
                false
            }
            None => true,
        }
    });
    let cut = dropped
        .into_iter()
        .filter(|d| alone(&o_tag, d, DiffTag::Delete));
    let put = added
        .into_iter()
        .flatten()
        .filter(|m| alone(&a_tag, m, DiffTag::Insert));
    pairs.extend(cut.zip(put));
    pairs.sort_by_key(|(d, _)| d.toks.start);
    let mut out = Vec::new();
    for (d, m) in pairs {
        let (e, f) = (d.entry, m.entry);
        let entries = &LISTS.attribution.entries;
        if e != f && (entries[e].loaded || entries[f].loaded) {
            out.push(Signal::Attribution {
                from: surface(o.text, &o.words, d),
                to: surface(a.text, &a.words, m),
            });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Quotations

/// The byte spans of the quotations in a text, without their marks. Double quotes of any
/// style ("...", “...”, „...“, «...», ''...'' and PA's \`\`...'') alternate: each mark opens or
/// closes. A closing mark with none open (a sentence ending a quotation opened in an earlier
/// one) quotes back to the start of its sentence (or of the text, or the end of the quotation
/// before it); an opening double mark left open quotes to the end. Single quotes ('...',
/// ‘...’) count only at word boundaries, outside double quotes, and when closed, so that
/// apostrophes ("don't", "the leaders' summit", "the '90s") are never quote marks; but one
/// that opens the text or follows a colon ("He said: 'We ...") and is never closed quotes to
/// the end, as British style leaves a quotation open when it runs on into the next
/// paragraph.
fn quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Where the text after the last closing mark starts.
    let mut since = 0;
    // (start of the quoted text, a double quote)
    let mut open: Option<(usize, bool)> = None;
    // Whether the single quote mark open, if any, opens the text or follows a colon.
    let mut single_leads = false;
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut pos = 0;
    // Every quote mark starts with the byte '"', '\'', 0xE2 (U+2018 to U+201F), 0xC2 (« and
    // ») or '`' (``): the text between is skipped by memchr, unread. The next 0xC2 and '`'
    // are kept apart, as memchr looks for three bytes at most.
    let mut next_c2 = memchr::memchr2(0xC2, b'`', bytes).unwrap_or(len);
    loop {
        if next_c2 < pos {
            next_c2 = memchr::memchr2(0xC2, b'`', &bytes[pos..]).map_or(len, |k| pos + k);
        }
        let i = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[pos..])
            .map_or(len, |k| pos + k)
            .min(next_c2);
        if i >= len {
            break;
        }
        // a lead byte or ASCII: a character starts at i
        let c = text[i..]
            .chars()
            .next()
            .expect("a character at a char boundary");
        let backticks = c == '`' && bytes.get(i + 1) == Some(&b'`');
        if !(is_double_quote(c) || is_single_quote(c) || backticks) {
            pos = i + c.len_utf8();
            continue;
        }
        let prev = text[..i].chars().next_back();
        let mut after = i + c.len_utf8();
        let mut next = text[after..].chars().next();
        // two single marks as one double: ''...'', ‘‘...’’ or ``...''
        let doubled = (is_single_quote(c) || backticks) && next == Some(c);
        if doubled {
            after += c.len_utf8();
            next = text[after..].chars().next();
        }
        pos = after;
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes =
            prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric());
        if is_double_quote(c) || doubled {
            // a single quote still open was an apostrophe
            match open.filter(|&(_, double)| double) {
                Some((s, _)) => {
                    out.push(s..i);
                    open = None;
                    since = after;
                }
                None if closes && !opens => {
                    out.push(sentence_start(text, since, i)..i);
                    open = None;
                    since = after;
                }
                None => open = Some((after, true)),
            }
        } else if is_single_quote(c) {
            match open {
                Some((s, false)) if closes => {
                    out.push(s..i);
                    open = None;
                    since = after;
                }
                None if opens && next.is_some_and(char::is_alphabetic) => {
                    // A quotation that runs on into the next paragraph is left open in
                    // British style too ("He said: 'We ..."): one that opens the text or
                    // follows a colon quotes to the end when nothing closes it.
                    let before = text[..i].trim_end();
                    let leads = before.is_empty() || before.ends_with(':');
                    open = Some((after, false));
                    single_leads = leads;
                }
                _ => {}
            }
        }
    }
    if let Some((s, double)) = open
        && (double || single_leads)
    {
        out.push(s..text.len());
    }
    out
}

/// Where the last sentence that starts between `from` and `to` starts (`from` if none): a
/// closing quote mark with no opening one quotes its own sentence, not the attribution
/// before it ("“Yes,” he said. Then we left.”").
fn sentence_start(text: &str, from: usize, to: usize) -> usize {
    let mut start = from;
    let mut after_end = false;
    let mut in_space = false;
    for (i, c) in text[from..to].char_indices() {
        if c.is_whitespace() {
            in_space = after_end || in_space;
            after_end = false;
            continue;
        }
        if in_space {
            start = from + i;
            in_space = false;
        }
        after_end = matches!(c, '.' | '!' | '?');
    }
    start
}

/// A quotation: its text (trimmed) and its words.
struct Quoted<'a> {
    text: &'a str,
    words: Vec<String>,
    /// Opened and closed inside the passage (not continued from or into a neighbour).
    whole: bool,
}

fn quoted<'a>(t: &ReadSide<'a>) -> Vec<Quoted<'a>> {
    t.quotes
        .iter()
        .map(|r| {
            let text = t.text[r.clone()].trim();
            Quoted {
                text,
                words: phrase_words(text),
                whole: r.start > 0 && r.end < t.text.len(),
            }
        })
        .filter(|q| !q.words.is_empty())
        .collect()
}

/// Where `part` occurs as a contiguous run of `whole`.
fn find_run(whole: &[String], part: &[String]) -> Option<usize> {
    if part.is_empty() || part.len() > whole.len() {
        return None;
    }
    (0..=whole.len() - part.len()).find(|&i| whole[i..i + part.len()] == *part)
}

/// Words two sequences share in order (the length of their longest common subsequence).
fn common(a: &[String], b: &[String]) -> usize {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum()
}

/// Quotations whose words changed. An adapted quotation whose words run unchanged in the
/// original's quotations (all of one, less than half of one: quoting a phrase is no
/// misquotation, or across two) is faithful; most of one but not all, or its first words
/// (three or more), is a quotation cut.
/// Any other is paired with the original quotation it shares most words with (changed) or,
/// sharing too few, with the next original quotation left over (replaced: "fight" ->
/// "battle"), else it is added; an original quotation neither kept nor paired is dropped.
/// Words are compared folded, so quote-mark style, case and punctuation are no change.
fn quote_signals(o: &ReadSide<'_>, a: &ReadSide<'_>) -> Vec<Signal> {
    let (oq, aq) = (quoted(o), quoted(a));
    let mut all: Vec<String> = Vec::new();
    let mut owner: Vec<usize> = Vec::new();
    for (i, q) in oq.iter().enumerate() {
        all.extend(q.words.iter().cloned());
        owner.extend(std::iter::repeat_n(i, q.words.len()));
    }
    let mut used = vec![false; oq.len()];
    let mut pending = Vec::new();
    for (j, q) in aq.iter().enumerate() {
        let Some(at) = find_run(&all, &q.words) else {
            pending.push(j);
            continue;
        };
        let from = &owner[at..at + q.words.len()];
        // Most of one quotation, not all of it: cut, not quoted in part.
        let (o, n) = (&oq[from[0]], q.words.len());
        let prefix = n >= 3 && o.words.starts_with(&q.words);
        let cut = o.whole && q.whole && n < o.words.len() && (prefix || n * 2 >= o.words.len());
        if from[0] == from[from.len() - 1] && cut {
            pending.push(j);
            continue;
        }
        for &i in from {
            used[i] = true;
        }
    }
    let mut out = Vec::new();
    for j in pending {
        let q = &aq[j];
        let best = oq
            .iter()
            .enumerate()
            .map(|(i, o)| (common(&o.words, &q.words), i))
            .filter(|&(n, i)| n > 0 && n * 2 >= oq[i].words.len().min(q.words.len()))
            .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)));
        match best {
            Some((_, i)) => {
                used[i] = true;
                out.push(Signal::Quote {
                    from: Some(oq[i].text.to_string()),
                    to: Some(q.text.to_string()),
                });
            }
            None => out.push(Signal::Quote {
                from: None,
                to: Some(q.text.to_string()),
            }),
        }
    }
    let adapted_words: Vec<String> = aq.iter().flat_map(|q| q.words.iter().cloned()).collect();
    let mut dropped = oq
        .iter()
        .enumerate()
        .filter(|&(i, q)| !used[i] && find_run(&adapted_words, &q.words).is_none())
        .map(|(_, q)| q.text.to_string());
    // A quotation added where one was dropped replaced it ("fight" -> "battle").
    for sig in &mut out {
        if let Signal::Quote {
            from: from @ None, ..
        } = sig
        {
            match dropped.next() {
                Some(text) => *from = Some(text),
                None => break,
            }
        }
    }
    out.extend(dropped.map(|text| Signal::Quote {
        from: Some(text),
        to: None,
    }));
    out
}

#[cfg(test)]
mod tests;
