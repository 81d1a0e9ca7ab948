//! Stage 3, **segment**: paragraphs into sentences with byte spans.
//!
//! The rule-based `sentencex` segmenter does the heavy lifting (abbreviations such as U.S.,
//! Sen., Sept., a.m., Ph.D.; initials; decimals and money; quotes and attributions after them).
//! wirediff adds what news text needs on top: sentences never cross a paragraph, list items
//! (bulleted lines, "1. ... 2. ..." runs) are sentences of their own, and a stray opening quote
//! mark left at the end of a sentence moves to the sentence it opens.
//!
//! The rules follow the document's language ([`Document::language`]): sentencex's
//! abbreviations and month names for German, French, Spanish, Italian, Portuguese, Dutch,
//! Danish, Finnish, Polish, Catalan and Slovak ("am 3. Oktober", "z. B.", "M. Dupont" do not
//! end a sentence), English's for English and every other language.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use sentencex::languages::{
    Catalan, Danish, Dutch, English, Finnish, French, German, Italian, Language, Polish,
    Portuguese, Slovak, Spanish,
};

use crate::extract::Document;
use crate::normalize;
use crate::util::par;
use crate::util::{FastMap, FastSet};

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first character in [`Document::text`].
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Index of the paragraph the sentence belongs to.
    pub paragraph: usize,
}

impl Sentence {
    /// The sentence's text in `doc`.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.start..self.end]
    }
}

/// Sentence rules: sentencex's for a language it knows, English's for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
enum Rules {
    #[default]
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Dutch,
    Danish,
    Finnish,
    Polish,
    Catalan,
    Slovak,
}

impl Rules {
    /// The rules for a language code (ISO 639-1, as [`Document::language`] gives it).
    fn of(language: Option<&str>) -> Rules {
        match language.unwrap_or("en") {
            "de" => Rules::German,
            "fr" => Rules::French,
            "es" => Rules::Spanish,
            "it" => Rules::Italian,
            "pt" => Rules::Portuguese,
            "nl" => Rules::Dutch,
            "da" => Rules::Danish,
            "fi" => Rules::Finnish,
            "pl" => Rules::Polish,
            "ca" => Rules::Catalan,
            "sk" => Rules::Slovak,
            _ => Rules::English,
        }
    }

    /// sentencex's segmentation of `text` by these rules.
    fn segment(self, text: &str) -> Vec<&str> {
        match self {
            Rules::English => English {}.segment(text),
            Rules::German => German {}.segment(text),
            Rules::French => French {}.segment(text),
            Rules::Spanish => Spanish {}.segment(text),
            Rules::Italian => Italian {}.segment(text),
            Rules::Portuguese => Portuguese {}.segment(text),
            Rules::Dutch => Dutch {}.segment(text),
            Rules::Danish => Danish {}.segment(text),
            Rules::Finnish => Finnish {}.segment(text),
            Rules::Polish => Polish {}.segment(text),
            Rules::Catalan => Catalan {}.segment(text),
            Rules::Slovak => Slovak {}.segment(text),
        }
    }
}

/// Splits every paragraph of `doc` into sentences, in document order, by the rules of its
/// language.
pub fn segment(doc: &Document) -> Vec<Sentence> {
    let rules = Rules::of(doc.language.as_deref());
    let mut out = Vec::new();
    for (p, range) in doc.paragraphs.iter().enumerate() {
        let para = &doc.text[range.clone()];
        for r in split_with(para, rules) {
            out.push(Sentence {
                start: range.start + r.start,
                end: range.start + r.end,
                paragraph: p,
            });
        }
    }
    out
}

/// [`segment`] for the documents of one comparison, in their order; a document of no known
/// language takes the others' when they agree. Each distinct paragraph
/// is split once: one that an earlier document already had (the wire copy an outlet kept:
/// most of a news pair, nearly all of a lightly edited report) takes the sentences found
/// there (in a document of the same language), as [`split_sentences`] reads a paragraph
/// alone. Long documents are split on several threads (one run of paragraphs a thread).
pub fn segment_all(docs: &[&Document]) -> Vec<Vec<Sentence>> {
    // A document whose language went undetected (a short page, a page without a `lang`) is
    // split by the rules of the others' language, where they agree on one: a paragraph the
    // two sides share is then cut alike on both.
    let known: Vec<&str> = docs.iter().filter_map(|d| d.language.as_deref()).collect();
    let shared = known
        .first()
        .filter(|&&l| known.iter().all(|&k| k == l))
        .copied();
    let paragraphs = docs.iter().map(|d| d.paragraphs.len()).sum();
    let mut index: FastMap<(&str, Rules), u32> =
        FastMap::with_capacity_and_hasher(paragraphs, Default::default());
    let mut distinct: Vec<(&str, Rules)> = Vec::with_capacity(paragraphs);
    let ids: Vec<Vec<u32>> = docs
        .iter()
        .map(|d| {
            let rules = Rules::of(d.language.as_deref().or(shared));
            (d.paragraphs.iter())
                .map(|r| {
                    let para = (&d.text[r.clone()], rules);
                    *index.entry(para).or_insert_with(|| {
                        distinct.push(para);
                        (distinct.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    drop(index);
    let cuts = split_each(&distinct);
    docs.iter()
        .zip(ids)
        .map(|(d, ids)| {
            let count = ids.iter().map(|&i| cuts[i as usize].len()).sum();
            let mut out = Vec::with_capacity(count);
            for (p, (range, i)) in d.paragraphs.iter().zip(ids).enumerate() {
                out.extend(cuts[i as usize].iter().map(|r| Sentence {
                    start: range.start + r.start,
                    end: range.start + r.end,
                    paragraph: p,
                }));
            }
            out
        })
        .collect()
}

/// Least whitespace-separated tokens of a wire line that [`split_after_wire_lines`] looks
/// for: one word ("Police") begins too many sentences.
const LINE_TOKENS: usize = 2;
/// Most scans of the originals for the words around a cut after a one-word line, per
/// comparison...
const ONE_WORD_SCANS: usize = 16;
/// ...or more for short originals: as many as make this many bytes.
const MIN_SCAN_BYTES: usize = 1 << 20;
/// Least tokens after the line for the rest to be a sentence of its own.
const REST_TOKENS: usize = 3;
/// Most wire sentences after a line read to tell whether the page ran them on.
const RUN_ON_SENTENCES: usize = 8;
/// A line that ends in a comma or a dash runs on, on either side: it is part of a sentence.
pub(crate) const RUNS_ON: [char; 9] = [',', ';', '-', '–', '—', '(', '/', '&', '+'];
/// Most copies of one wire line (alike in their tokens) tried for one adapted sentence.
const SAME_LINES: usize = 4;
/// Closing marks read past at the end of a line.
pub(crate) const CLOSERS: [char; 6] = ['"', '”', '’', '\'', ')', ']'];

/// Whether `text` ends as a sentence does: with a full stop, a question or exclamation mark,
/// closing quote marks and brackets aside. What does not is a line: a heading, a list item.
pub(crate) fn ends_sentence(text: &str) -> bool {
    without_closers(text).ends_with(['.', '!', '?', '…'])
}

/// `text` without the spaces, closing quote marks and brackets it ends with.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(|c| c == ' ' || CLOSERS.contains(&c))
}

/// Whether `text` ends with a full stop (or an ellipsis), closing marks aside: a sentence
/// of prose, not a headline, which may end with a question mark.
pub(crate) fn ends_with_full_stop(text: &str) -> bool {
    without_closers(text).ends_with(['.', '…'])
}

/// Wire lines (original and sentence index) by a hash of their first tokens.
type Lines = FastMap<u64, Vec<(usize, usize)>>;

/// The wire lines of [`split_after_wire_lines`] that start with the same [`LINE_TOKENS`]
/// tokens: which sentence of which original each is, by its count of tokens and the
/// [`normalize::LooseTokens`] hash of them all, and the counts there are, sorted.
#[derive(Default)]
struct Start {
    lines: FastMap<(usize, u64), Vec<(usize, usize)>>,
    counts: Vec<usize>,
}

/// Splits each adapted sentence that begins with a whole wire line (a heading, a dateline,
/// a list item, a credit: an original sentence with no full stop) run on into a sentence
/// that the wire line is not followed by. Pages and rewriters glue lines together with no
/// sentence break ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL I'd like to
/// think…"); what follows the line is then a passage of its own, reported for what it is,
/// not hidden as words inserted into the line. Wire lines run together with the sentences
/// that follow them on the wire (a heading and the sentence under it, a list flattened into
/// a paragraph: most of the rest's words are theirs) stay one sentence, which the aligner
/// reports as unchanged; so does an adapted sentence that is a whole wire sentence.
///
/// Lines are found by hashes of their tokens, so the cost is a look-up for each of a
/// sentence's first tokens, and the rest of the work is for the few sentences that start as
/// a line does.
pub fn split_after_wire_lines(
    adapted: &Document,
    sentences: &mut Vec<Sentence>,
    originals: &[(&Document, &[Sentence])],
) {
    // The wire lines by the hash of their first tokens; hashed whole ([`Start`]) only for
    // the first tokens an adapted sentence has, when it first does.
    let mut by_first: Lines = FastMap::default();
    let mut singles: Lines = FastMap::default();
    for (d, (doc, sents)) in originals.iter().enumerate() {
        for (i, s) in sents.iter().enumerate() {
            let text = s.text(doc);
            if ends_sentence(text) || text.trim_end_matches(CLOSERS).ends_with(RUNS_ON) {
                continue;
            }
            let mut tokens = normalize::LooseTokens::new(text);
            let Some((first, _)) = tokens.next() else {
                continue;
            };
            match tokens.next() {
                Some((first_two, _)) => by_first.entry(first_two).or_default().push((d, i)),
                None => singles.entry(first).or_default().push((d, i)),
            }
        }
    }
    if by_first.is_empty() && singles.is_empty() {
        return;
    }
    let mut starts: FastMap<u64, Start> = FastMap::default();
    // Whether an adapted sentence is a whole wire sentence, which is never split: the wire
    // sentences that open with its first letters, hashed whole when first needed, so that
    // each is read at most once, and only those that open as a cut sentence does.
    let mut by_opening: Option<FastMap<u64, Vec<(usize, usize)>>> = None;
    let mut whole: FastMap<u64, FastSet<(usize, u64)>> = FastMap::default();
    let mut is_wire = |text: &str| {
        let (count, all) = normalize::LooseTokens::whole(text);
        if count < LINE_TOKENS {
            return false;
        }
        let by_opening = by_opening.get_or_insert_with(|| {
            let mut map: FastMap<u64, Vec<(usize, usize)>> = FastMap::default();
            for (d, (doc, sents)) in originals.iter().enumerate() {
                for (i, s) in sents.iter().enumerate() {
                    map.entry(opening(s.text(doc))).or_default().push((d, i));
                }
            }
            map
        });
        let key = opening(text);
        let sentences = whole.entry(key).or_insert_with(|| {
            (by_opening.get(&key).into_iter().flatten())
                .map(|&(d, i)| {
                    let (doc, sents) = originals[d];
                    normalize::LooseTokens::whole(sents[i].text(doc))
                })
                .filter(|&(count, _)| count >= LINE_TOKENS)
                .collect()
        });
        sentences.contains(&(count, all))
    };
    // Whether the originals have the two words around a cut together: a one-word line is cut
    // from what follows only when they never do ("Police Chief John Smith said…" is not the
    // heading "Police" and a sentence). Each look is a scan of the originals, so that few
    // are made: past [`ONE_WORD_SCANS`] of them, one-word lines are no longer cut.
    let wire_bytes: usize = originals.iter().map(|(doc, _)| doc.text.len()).sum();
    let mut scans = 0;
    let mut in_wire_pairs = |before: &str, after: &str| {
        let (Some(last), Some(first)) = (
            before.split_ascii_whitespace().next_back(),
            after.split_ascii_whitespace().next(),
        ) else {
            return true;
        };
        scans += 1;
        if scans > ONE_WORD_SCANS.max(MIN_SCAN_BYTES / wire_bytes.max(1)) {
            return true;
        }
        let pair = format!("{last} {first}");
        let finder = memchr::memmem::Finder::new(pair.as_bytes());
        (originals.iter()).any(|(doc, _)| finder.find(doc.text.as_bytes()).is_some())
    };
    // The wire's sentences as written: an adapted sentence copied from the wire byte for byte
    // (most of them) is a whole wire sentence, and no more is read of it.
    let copies: FastSet<&str> = (originals.iter())
        .flat_map(|(doc, sents)| sents.iter().map(|s| s.text(doc)))
        .collect();
    let mut out = Vec::with_capacity(sentences.len());
    for &s in sentences.iter() {
        let mut s = s;
        if copies.contains(s.text(adapted)) {
            out.push(s);
            continue;
        }
        while let Some((end, start, single)) =
            wire_line_end(s.text(adapted), &by_first, &mut starts, &singles, originals)
        {
            let text = s.text(adapted);
            if is_wire(text) || (single && in_wire_pairs(&text[..end], &text[start..])) {
                break;
            }
            out.push(Sentence {
                end: s.start + end,
                ..s
            });
            s.start += start;
        }
        out.push(s);
    }
    *sentences = out;
}

/// The sentences of `doc` cut at byte offsets `cuts` (sorted): a cut inside a sentence
/// ends it there, with the space before the cut left out, and starts the next. Cuts
/// between sentences, or not on a character boundary, change nothing.
pub fn cut_at(doc: &Document, sentences: &[Sentence], cuts: &[usize]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(sentences.len() + cuts.len());
    let mut cuts = cuts.iter().copied().peekable();
    for &s in sentences.iter() {
        let mut s = s;
        while let Some(&cut) = cuts.peek() {
            if cut >= s.end {
                break;
            }
            cuts.next();
            if cut <= s.start || !doc.text.is_char_boundary(cut) {
                continue;
            }
            let head = doc.text[s.start..cut].trim_end();
            if head.is_empty() {
                continue;
            }
            out.push(Sentence {
                end: s.start + head.len(),
                ..s
            });
            s.start = cut;
        }
        out.push(s);
    }
    out
}

/// Where `text`, an adapted sentence, ends a wire line and where the sentence glued to it
/// starts, as byte offsets in `text` ([`split_after_wire_lines`]).
fn wire_line_end(
    text: &str,
    by_first: &Lines,
    starts: &mut FastMap<u64, Start>,
    singles: &Lines,
    originals: &[(&Document, &[Sentence])],
) -> Option<(usize, usize, bool)> {
    let mut tokens = normalize::LooseTokens::new(text);
    let first = tokens.next()?;
    // Lines of two or more tokens, then one-token lines.
    let mut longer = || {
        let mut at = tokens.nth(LINE_TOKENS - 2)?;
        let lines = by_first.get(&at.0)?;
        let start = starts.entry(at.0).or_insert_with(|| {
            let mut start = Start::default();
            for &(d, i) in lines {
                let (doc, sents) = originals[d];
                // Two tokens or more, as the lines are indexed by their first two.
                let (count, all) = normalize::LooseTokens::whole(sents[i].text(doc));
                start.lines.entry((count, all)).or_default().push((d, i));
                start.counts.push(count);
            }
            start.counts.sort_unstable();
            start.counts.dedup();
            start
        });
        let longest = *start.counts.last()?;
        for n in LINE_TOKENS..=longest {
            if n > LINE_TOKENS {
                at = tokens.next()?;
            }
            let (hash, end) = at;
            if start.counts.binary_search(&n).is_err() {
                continue;
            }
            let Some(lines) = start.lines.get(&(n, hash)) else {
                continue;
            };
            for &(d, i) in lines.iter().take(SAME_LINES) {
                if let Some((end, start)) = glued_after(text, end, originals[d], i) {
                    return Some((end, start, false));
                }
            }
        }
        None
    };
    longer().or_else(|| {
        let lines = singles.get(&first.0)?;
        (lines.iter().take(SAME_LINES))
            .find_map(|&(d, i)| glued_after(text, first.1, originals[d], i))
            .map(|(end, start)| (end, start, true))
    })
}

/// A hash of the first letters and digits of `text`, in small letters: texts whose
/// [`normalize::LooseTokens`] hashes are equal open alike. Cheaper than the tokens' hash, for
/// every sentence of the originals.
fn opening(text: &str) -> u64 {
    use std::hash::Hasher;
    const LETTERS: usize = 12;
    let mut h = crate::util::FxHasher::default();
    let mut n = 0;
    for c in text.chars() {
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                continue;
            }
            h.write_u8(c.to_ascii_lowercase() as u8);
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(|l| h.write_u32(u32::from(l)));
        } else {
            continue;
        }
        n += 1;
        if n == LETTERS {
            break;
        }
    }
    h.finish()
}

/// Whether a sentence of its own follows wire line `line` of `original` in `text`, which
/// starts with the line's tokens up to byte `end`: where the line ends and the sentence
/// starts, as byte offsets in `text`.
fn glued_after(
    text: &str,
    end: usize,
    (doc, sents): (&Document, &[Sentence]),
    line: usize,
) -> Option<(usize, usize)> {
    let rest = text[end..].trim_start();
    // A sentence starts with a capital, a digit or a quotation, not with a bracket.
    if rest.split_whitespace().nth(REST_TOKENS - 1).is_none()
        || rest.starts_with(['(', '['])
        || !starts_sentence(rest)
    {
        return None;
    }
    let prefix = &text[..end];
    if prefix.trim_end_matches(CLOSERS).ends_with(RUNS_ON)
        || normalize::key(prefix) != normalize::key(sents[line].text(doc))
    {
        return None;
    }
    // The wire sentences after the line, run on: one passage of wire lines.
    let ours = normalize::words(rest);
    let mut theirs: Vec<String> = Vec::new();
    for after in sents[line + 1..].iter().take(RUN_ON_SENTENCES) {
        if theirs.len() >= ours.len() {
            break;
        }
        theirs.extend(normalize::words(after.text(doc)));
    }
    theirs.sort_unstable();
    let shared = (ours.iter())
        .filter(|w| theirs.binary_search(w).is_ok())
        .count();
    (shared * 2 < ours.len()).then(|| (end, text.len() - rest.len()))
}

/// [`split_with`] of each paragraph by its rules, on several threads for a long document
/// ([`par::threads_for`]): splitting is a fifth of the time of comparing one.
fn split_each(paras: &[(&str, Rules)]) -> Vec<Vec<Range<usize>>> {
    split_on(
        paras,
        par::threads_for(paras.iter().map(|p| p.0.len()).sum()),
    )
}

/// [`split_each`] on `threads` threads.
fn split_on(paras: &[(&str, Rules)], threads: usize) -> Vec<Vec<Range<usize>>> {
    let mut runs = par::map_runs(
        paras,
        threads,
        |p| p.0.len(),
        |run| {
            run.iter()
                .map(|&(p, rules)| split_with(p, rules))
                .collect::<Vec<_>>()
        },
    );
    if runs.len() == 1 {
        return runs.pop().unwrap_or_default();
    }
    runs.into_iter().flatten().collect()
}

/// Splits one paragraph of English into sentence byte ranges, trimmed of whitespace, never
/// empty.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    split_with(text, Rules::English)
}

/// [`split_sentences`] by the rules of `language` (an ISO 639-1 code, as
/// [`Document::language`] gives it; English's rules for `None` and for a language without
/// rules of its own).
pub fn split_sentences_in(text: &str, language: Option<&str>) -> Vec<Range<usize>> {
    split_with(text, Rules::of(language))
}

/// [`split_sentences`] by `rules`.
fn split_with(text: &str, rules: Rules) -> Vec<Range<usize>> {
    // Lines that stand alone (list items, one-item-a-line blocks) are segmented apart. Most
    // paragraphs are one line, which has no line start after 0 but for a bullet after
    // leading blanks.
    let bulleted = may_have_bulleted_line(text);
    let mut lines: Vec<usize> = Vec::new();
    if memchr::memchr(b'\n', text.as_bytes()).is_some() {
        lines = line_break_starts(text);
        lines.extend(short_line_starts(text));
    }
    if bulleted {
        lines.extend(bulleted_line_starts(text));
    }
    lines.sort_unstable();
    lines.dedup();
    let mut cuts = lines.clone();
    let mut start = 0;
    for end in lines.into_iter().chain(std::iter::once(text.len())) {
        if end > start {
            let piece = &text[start..end];
            if !sentencex_finds_one_sentence(piece) {
                cuts.extend(sentencex_starts(piece, rules).map(|c| start + c));
            }
        }
        start = end;
    }
    cuts.extend(dateline_end(text));
    cuts.extend(after_credits(text));
    cuts.extend(enclosed_sentence_starts(text, rules));
    cuts.extend(list_item_starts(text, bulleted));
    if rules == Rules::English {
        // Other languages write abbreviations in lower case ("z. B.", "bzw.", "env.").
        cuts.extend(lowercase_word_ends(text));
        cuts.extend(lost_stop_starts(text));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&c| {
        c > 0
            && c < text.len()
            && text.is_char_boundary(c)
            && !after_clock_time(text, c)
            && !inside_code(text, c)
    });

    // A piece that is nothing but a list marker ("1.", "⁃9.") belongs to the item it opens,
    // and so does one that is nothing but the opening quote marks of a quotation that runs
    // on unclosed (`talking. "We started…`, as a quotation that goes on into the next
    // paragraph is written).
    let mut kept: Vec<usize> = Vec::with_capacity(cuts.len());
    let mut prev = 0;
    for &c in &cuts {
        let piece = text[prev..c].trim();
        // What follows the optional bullet and spaces is at most four bytes ("123." or "a)"):
        // longer pieces are not searched.
        let after_bullet = (piece.strip_prefix(['•', '⁃', '▪', '‣', '◦', '*', '-']))
            .unwrap_or(piece)
            .trim_start();
        if after_bullet.len() <= 4 && LONE_MARKER.is_match(piece) {
            continue;
        }
        let opens = !piece.is_empty()
            && piece.chars().all(|ch| QUOTE_MARKS.contains(&ch))
            && !text[c..].starts_with(char::is_whitespace);
        if opens {
            continue;
        }
        kept.push(c);
        prev = c;
    }

    // An opening quote mark stranded at the end of a sentence belongs to the next one, and
    // so does the ellipsis of a four-dot ellipsis ("compounds. . . . The practice"); a
    // closing one cut from its sentence goes back to it.
    let mut prev = 0;
    for c in kept.iter_mut() {
        let piece = text[prev..*c].trim_end();
        // Both patterns end the piece: only a piece ending in a quote mark or in ". . . ."
        // is searched.
        let stray_quote = piece
            .ends_with(QUOTE_MARKS)
            .then(|| STRAY_QUOTE.find(piece))
            .flatten();
        let ellipsis = || {
            piece
                .ends_with(". . . .")
                .then(|| TRAILING_ELLIPSIS.find(piece))
                .flatten()
        };
        if let Some(m) = stray_quote {
            let quote_start = prev + m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            if quote_start > prev {
                *c = quote_start;
            }
        } else if !text[..*c].ends_with(char::is_whitespace)
            && (text[..*c].trim_end_matches(QUOTE_MARKS)).ends_with(['.', '!', '?'])
        {
            // Closing quote marks cut from the sentence they close, with a space or nothing
            // after them ("content.’’ Then", "go public?''' "), go back to it.
            let after = &text[*c..];
            let rest = after.trim_start_matches(QUOTE_MARKS);
            if rest.len() < after.len()
                && (rest.is_empty() || rest.starts_with(char::is_whitespace))
            {
                *c += after.len() - rest.len();
            }
        } else if let Some(m) = ellipsis() {
            let word_char = m.as_str().chars().next().map_or(1, char::len_utf8);
            *c = prev + m.start() + word_char + 1;
        }
        prev = *c;
    }

    let mut out = Vec::with_capacity(kept.len() + 1);
    let mut start = 0;
    for end in kept.into_iter().chain(std::iter::once(text.len())) {
        if end > start {
            push_trimmed(text, start..end, &mut out);
        }
        start = end.max(start);
    }
    out
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(r.start + lead..r.start + lead + trimmed.len());
    }
}

/// Where the text after a dateline starts, when the paragraph opens with one: "SAMARKAND,
/// Uzbekistan (AP) — ", "WASHINGTON (Reuters) - ", "(Reuters) - ", "LONDON — ", or an
/// outlet's tag such as "(Headline USA) ". The dateline becomes a passage of its own, so
/// that an outlet dropping or changing it leaves the sentence unchanged and the dateline is
/// reported as furniture.
fn dateline_end(text: &str) -> Option<usize> {
    if !may_open_with_dateline(text) {
        return None;
    }
    let m = DATELINE
        .find(text)
        .filter(|m| m.as_str().chars().count() <= 80)?;
    let rest = &text[m.end()..];
    rest.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
        .then_some(m.end())
}

/// False when [`DATELINE`] cannot match `text`: every dateline opens with a capital and a
/// second character of the city ("WASHINGTON", "LA PAZ", "N.Y.") or with "(" and a capital
/// ("(Reuters)"). Most paragraphs open otherwise, and the regex is not run on them.
fn may_open_with_dateline(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some('('), Some(c)) => c.is_uppercase(),
        (Some(first), Some(c)) => {
            first.is_uppercase() && (c.is_uppercase() || matches!(c, '.' | '\'' | '’' | ' ' | '-'))
        }
        _ => false,
    }
}

/// A dateline's place: an upper-case city, then up to two ", Region" parts. (Unbounded
/// repetitions: counted ones over Unicode classes make the regex slow to build; callers cap
/// the length of the whole match instead.)
pub(crate) const DATELINE_CITY: &str = r"\p{Lu}[\p{Lu}.'’ -]+(?:,[^,()\n]+){0,2}";
/// A dateline's agency or outlet tag in parentheses: "(AP)", "(Reuters)", "(Headline USA)".
pub(crate) const DATELINE_AGENCY: &str = r"\(\p{Lu}[^().!?\n]*\)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // CITY[, Region[, Country]] [(AGENCY)] — | CITY[, Region] (AGENCY) | (AGENCY) [—]
    let (agency, city) = (DATELINE_AGENCY, DATELINE_CITY);
    Regex::new(&format!(
        r"^(?:{city}\s*(?:{agency}\s*)?[—–-]{{1,2}}\s+|{city}\s*{agency}\s+|{agency}\s*(?:[—–-]{{1,2}}\s+)?)"
    ))
    .expect("regex")
});

/// Sentence starts that `sentencex` finds in `text`, after 0. Its `segment` finds the same
/// boundaries as `get_sentence_boundaries` without the character counts and terminal
/// marks of each, which wirediff has no use for; the starts are where the slices lie.
///
/// Typesetting quote marks left open are hidden from it: it pairs "``" (as PA's wire copy
/// opens a quotation) with the next "``" as a quotation it never cuts, and wire copy often
/// leaves one unclosed ("``I was in Brixton… we got talking. ``We started out as friends…''"
/// is three sentences). A "``" closed by "''" before the next one stays.
fn sentencex_starts(text: &str, rules: Rules) -> impl Iterator<Item = usize> {
    let masked = mask_unclosed_backquotes(text);
    let starts: Vec<usize> = (rules.segment(&masked).into_iter())
        .map(|s| s.as_ptr() as usize - masked.as_ptr() as usize)
        .filter(|&c| c > 0)
        .collect();
    starts.into_iter()
}

/// True when `sentencex` is sure to find no sentence start after 0 in `text`, so that
/// asking it can be skipped: in news text that is most paragraphs and most of its cost.
///
/// In sentencex 0.1.33 (`collect_sentence_breaks`), a start comes from a paragraph break
/// (`\n\r*\n`), from a list item it detects, or from a run of terminators that
/// `find_boundary` keeps. None can happen here:
/// - there is no newline;
/// - no character is a sentence terminator or a list bullet but ASCII `.!?`
///   ([`no_terminator_beyond_ascii`]), so the terminator runs are the runs of `.!?`;
/// - no `)` can close a list marker inline (its only other inline markers are bullets);
/// - every run of `.!?` goes straight on into an ASCII lower-case letter or digit ("3.5",
///   "example.com"), which `terminator_continues` keeps inside the sentence (a run longer
///   than one character only after a non-space), or is the last run, followed by nothing
///   but at most 30 bytes of whitespace (the reach of `get_next_word_approx`), so that its
///   boundary is the end of the text.
///
/// A paragraph that ends in a quotation mark or has an abbreviation inside ("Mr. Xi") is
/// left to `sentencex`.
fn sentencex_finds_one_sentence(text: &str) -> bool {
    let b = text.as_bytes();
    let mut cursor = 0;
    while let Some(rel) = memchr::memchr3(b'.', b'!', b'?', &b[cursor..]) {
        let start = cursor + rel;
        let mut end = start + 1;
        while matches!(b.get(end), Some(b'.' | b'!' | b'?')) {
            end += 1;
        }
        let continues = matches!(b.get(end), Some(b'a'..=b'z' | b'0'..=b'9'))
            && (end - start == 1
                || (text[..start].chars().next_back()).is_some_and(|c| !c.is_whitespace()));
        if !continues {
            let tail = &text[end..];
            if tail.len() > 30 || !tail.chars().all(char::is_whitespace) {
                return false;
            }
        }
        cursor = end;
    }
    memchr::memchr(b'\n', b).is_none()
        && !memchr::memchr_iter(b')', b).any(|close| may_close_list_marker(text, close))
        && no_terminator_beyond_ascii(b)
}

/// True unless the `)` at `close` surely closes no inline list marker of `sentencex`
/// (`list_markers::classify_marker_at`): "(a)", "(12)", "(iv)", "2)", "b)", "iv.)" after a
/// space or tab, followed by blanks and a character other than a lower-case letter. The
/// test is looser than the shapes: `\(?[A-Za-z0-9]+\.?\)` after a blank, followed by a
/// blank and a character that is not lower case.
fn may_close_list_marker(text: &str, close: usize) -> bool {
    let b = text.as_bytes();
    let after = &text[close + 1..];
    let next = after.trim_start_matches([' ', '\t']);
    if next.len() == after.len() || next.chars().next().is_none_or(char::is_lowercase) {
        return false;
    }
    let mut i = close;
    if i > 0 && b[i - 1] == b'.' {
        i -= 1;
    }
    let token_end = i;
    while i > 0 && b[i - 1].is_ascii_alphanumeric() {
        i -= 1;
    }
    if i == token_end {
        return false;
    }
    if i > 0 && b[i - 1] == b'(' {
        i -= 1;
    }
    i > 0 && matches!(b[i - 1], b' ' | b'\t')
}

/// True when the only characters of `sentencex`'s terminators (its table of 155, and `…`)
/// and list bullets in `b` are ASCII `.!?`. Rather than mirror the table, only characters
/// known to hold none are let through: U+0080 to U+057F (Latin, Greek, Cyrillic; the first
/// terminator is U+0589), general punctuation U+2000 to U+203B but for U+2022 to U+2026
/// (dashes, curly quotes and primes, not the bullets `•‣`, the leaders `․‥` or `…`), and
/// currency signs U+20A0 to U+20CF.
fn no_terminator_beyond_ascii(b: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while i < b.len() {
        // `b` is UTF-8: a lead byte of 0xE2 has two continuation bytes after it.
        match b[i] {
            0x00..=0x7F => {
                i += 1;
                // Runs of ASCII, most of the text, are passed over eight bytes at a time.
                while let Some(word) = b.get(i..i + 8) {
                    let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                    if word & HIGH != 0 {
                        break;
                    }
                    i += 8;
                }
            }
            0xC2..=0xD5 => i += 2,
            0xE2 if b[i + 1] == 0x80 && b[i + 2] <= 0xBB && !(0xA2..=0xA6).contains(&b[i + 2]) => {
                i += 3;
            }
            0xE2 if (b[i + 1] == 0x82 && b[i + 2] >= 0xA0)
                || (b[i + 1] == 0x83 && b[i + 2] <= 0x8F) =>
            {
                i += 3;
            }
            _ => return false,
        }
    }
    true
}

/// `text` with each "``" that no "''" closes before the next "``" (or the end) made spaces.
fn mask_unclosed_backquotes(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let opens: Vec<usize> = memchr::memmem::find_iter(b, b"``").collect();
    if opens.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = b.to_vec();
    // Overlapping finds ("```") are read as the first of them.
    let mut last_end = 0;
    for (k, &at) in opens.iter().enumerate() {
        if at < last_end {
            continue;
        }
        last_end = at + 2;
        let next = opens[k + 1..].iter().find(|&&o| o >= at + 2).copied();
        let until = next.unwrap_or(b.len());
        if memchr::memmem::find(&b[at + 2..until], b"''").is_none() {
            out[at..at + 2].copy_from_slice(b"  ");
        }
    }
    // Only ASCII bytes were replaced by ASCII bytes.
    Cow::Owned(String::from_utf8(out).expect("UTF-8"))
}

/// Double quote marks, hidden from `sentencex` inside an enclosure.
fn mask_quotes(text: &str) -> Cow<'_, str> {
    // The marks are '"' and characters whose UTF-8 starts 0xC2 or 0xE2.
    if memchr::memchr3(b'"', 0xC2, 0xE2, text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '“' | '”' | '„' | '«' | '»' => {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Opening and closing marks of quotations and parentheses, PA's typesetting "``…''" among
/// them.
const ENCLOSERS: &[(&str, &str)] = &[
    ("“", "”"),
    ("\"", "\""),
    ("«", "»"),
    ("„", "“"),
    ("(", ")"),
    ("``", "''"),
];

/// The quotation or parenthesis that opens at `text[i..]`, if one does: its opening mark,
/// where its inside ends (the closing mark's start) and where it ends. PA's "``" is closed
/// by the first "''" with no "``" before it; one left open encloses nothing.
fn enclosure_at(text: &str, i: usize) -> Option<(&'static str, usize, usize)> {
    let rest = &text[i..];
    let &(open, close) = ENCLOSERS.iter().find(|(o, _)| rest.starts_with(o))?;
    let inner = &rest[open.len()..];
    let end = inner.find(close)?;
    if open == "``" && inner[..end].contains("``") {
        return None;
    }
    let inner_end = i + open.len() + end;
    Some((open, inner_end, inner_end + close.len()))
}

/// Sentence starts inside quotations and parentheses that hold more than one sentence
/// ("“It's not just migrants. Workers will come out.”"): `sentencex` keeps such a
/// quotation whole; wirediff splits it, so that an edit to one quoted sentence does not
/// mark its neighbours as changed. The inside is segmented on its own (with any quote marks
/// in it hidden, as mixed curly and straight marks confuse the pairing), so abbreviations
/// keep protecting it, and a cut is kept only at a plain sentence end before a capital.
fn enclosed_sentence_starts(text: &str, rules: Rules) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    // Every opener starts with '"', '(', '`' or 0xE2 ('“', '„'), but for '«' (0xC2 0xAB):
    // the bytes between are skipped unread, with memchr when the text has no '«' and no
    // '`'.
    let b = text.as_bytes();
    // '«' is 0xC2 0xAB; 0xC2 leads only a few Latin-1 signs (no-break space, "°", "©").
    let guillemets = memchr::memchr_iter(0xC2, b).any(|i| b.get(i + 1) == Some(&0xAB));
    let backquotes = memchr::memchr(b'`', b).is_some();
    let next_opener = |from: usize| {
        if guillemets || backquotes {
            b[from..]
                .iter()
                .position(|c| matches!(c, b'"' | b'(' | b'`' | 0xC2 | 0xE2))
        } else {
            memchr::memchr3(b'"', b'(', 0xE2, &b[from..])
        }
    };
    while let Some(rel) = next_opener(i) {
        i += rel;
        let Some((open, inner_end, end)) = enclosure_at(text, i) else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        let inner_start = i + open.len();
        let inner = &text[inner_start..inner_end];
        if memchr::memchr3(b'.', b'!', b'?', inner.as_bytes()).is_some() {
            let masked = mask_quotes(inner);
            if !sentencex_finds_one_sentence(&masked) {
                starts.extend(
                    sentencex_starts(&masked, rules)
                        .filter(|&p| {
                            plainly_ends_sentence(&inner[..p]) && starts_sentence(&inner[p..])
                        })
                        .map(|p| inner_start + p),
                );
            }
        }
        if open == "(" {
            starts.extend(after_parenthesized_sentence(text, i, end));
        }
        i = end;
    }
    starts
}

/// Where the sentence after a whole sentence in parentheses starts, for the parentheses
/// `text[open..end]`: "(For more forecasts, see here.) Every year…" is two sentences.
/// Parentheses inside a sentence end none: "science (He worked as an engineer.) at the
/// University", "He left (at 5 p.m.) Then".
fn after_parenthesized_sentence(text: &str, open: usize, end: usize) -> Option<usize> {
    let inner = &text[open + 1..end - 1];
    let before = text[..open].trim_end();
    let after = &text[end..];
    (plainly_ends_sentence(inner)
        && after.starts_with(char::is_whitespace)
        && starts_sentence(after)
        && (before.is_empty() || ends_sentence(before)))
    .then(|| text.len() - after.trim_start().len())
}

/// Words that do not end a sentence: articles, prepositions, conjunctions (those that merge
/// two sentences into one too: "…states, while Republican…"), possessives, auxiliaries.
/// "…a report in The Times" runs on; "…could hardly feel the kicks at all" may end.
pub(crate) const NOT_LAST: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "into", "onto",
    "about", "after", "before", "over", "under", "between", "against", "and", "or", "but", "nor",
    "as", "than", "that", "which", "who", "whose", "whom", "his", "her", "its", "their", "our",
    "my", "your", "this", "these", "those", "is", "are", "was", "were", "be", "been", "being",
    "has", "have", "had", "will", "would", "can", "could", "shall", "should", "may", "might",
    "must", "not", "no", "very", "mr", "mrs", "ms", "dr", "while", "whereas", "although", "though",
    "because", "if", "unless", "until", "whether", "when", "where",
];

/// Words that open a sentence and are written with a capital inside one only in a name or a
/// title ("He Lifeng", "The Times", "This Is Us"): after a lower-case word with no mark
/// between, and before a lower-case word, one is a sentence whose full stop was lost.
const OPENERS: &[&str] = &[
    "He", "She", "They", "We", "It", "His", "Her", "Their", "Our", "Its", "This", "These", "Those",
    "There", "But", "However", "The",
];

/// Sentence starts where a page lost a full stop before a sentence that opens with a word
/// of [`OPENERS`] ("…one previous conviction for burglary His father Edward, 73, said…"):
/// the word before is written in lower case and may end a sentence (not "the", "said
/// that", [`NOT_LAST`]), and the word after is in lower case too, after any opening quote
/// marks ("He said", "The 'innate snobbery'", not "The Times", "He Lifeng"). "He" followed
/// by a comma is a name ("said He, a professor").
fn lost_stop_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut check = |at: usize| {
        if at < 2
            || b[at - 1] != b' '
            || !(b[at - 2].is_ascii_lowercase() || b[at - 2].is_ascii_digit())
        {
            return;
        }
        let len = b[at..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let word = &text[at..at + len];
        if !OPENERS.contains(&word) {
            return;
        }
        let rest = &text[at + len..];
        let rest = if word == "However" {
            rest.strip_prefix(',').unwrap_or(rest)
        } else {
            rest
        };
        let next = rest.trim_start_matches(' ');
        if next.len() == rest.len()
            || !next
                .trim_start_matches(['"', '“', '‘', '\''])
                .starts_with(|c: char| c.is_ascii_lowercase())
        {
            return;
        }
        let before = &text[..at - 1];
        let prev = &before[before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
            .map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            })..];
        let lower = prev
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        if lower && !NOT_LAST.contains(&prev) {
            out.push(at);
        }
    };
    // The first letters of OPENERS, searched for: capitals are few, spaces too many.
    memchr::memchr3_iter(b'T', b'H', b'S', b).for_each(&mut check);
    memchr::memchr3_iter(b'W', b'I', b'B', b).for_each(&mut check);
    memchr::memchr_iter(b'O', b).for_each(&mut check);
    out
}

/// Abbreviations written in lower case: a period after them ends no sentence. Not "no.":
/// before a number it is one ("no. 5"), before a capital a word ("telling me no. When").
const LOWER_ABBREVIATIONS: &[&str] = &[
    "etc", "vs", "al", "approx", "ca", "cf", "viz", "incl", "esp", "ft", "oz", "lb", "lbs", "sq",
    "mt", "misc", "ed", "eds", "vol", "pp", "op", "cit", "ibid", "fig", "figs", "st", "jr", "sr",
    "dept", "est", "inc", "corp", "ltd", "co", "mr", "mrs", "ms", "dr", "prof", "gov", "sen",
    "rep", "gen", "col", "lt", "sgt", "capt", "rev", "hon",
];

/// Whether a cut at `c` falls inside a code or an abbreviation, right after a full stop
/// with no space: a Reuters instrument code (" .DJI fell", "AAPL.O rose": a full stop, then
/// at most five capitals and digits) or a chain of abbreviations ("R-W.Va., visited"), an
/// initial or two, a full stop, a short word and a full stop.
fn inside_code(text: &str, c: usize) -> bool {
    if text.as_bytes()[c - 1] != b'.' {
        return false;
    }
    let rest = &text[c..];
    let len = rest
        .find(|ch: char| !ch.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let token = &rest.as_bytes()[..len];
    let code = (1..=5).contains(&len)
        && token
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && token.iter().any(u8::is_ascii_uppercase);
    // Before the full stop, an initial or two ("W", "N.Y"), not a word ("Tuesday.Mr. Smith").
    let before = text.as_bytes()[..c - 1]
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let chain = (1..=3).contains(&len) && rest[len..].starts_with('.') && (1..=2).contains(&before);
    code || chain
}

/// Sentence ends after an all-lower-case word that `sentencex` reads as an abbreviation
/// ("at me. I stayed", "love art. The", "for me.” Then"): its list has "Me." (Maine) and
/// "Art.", but a lower-case word before a period and a capital is a sentence end, save for
/// the few abbreviations written in lower case.
fn lowercase_word_ends(text: &str) -> Vec<usize> {
    // What the regular expression `(?:^|[\s(])([a-z]{2,})\.["”’']*\s+(?P<next>["“‘]?[A-Z])` finds,
    // from each period: two or more lower-case letters before it, after the start, a space
    // or "("; closing quote marks, if any, then one or more spaces after it, then a capital,
    // maybe after an opening quote mark.
    let b = text.as_bytes();
    let mut out = Vec::new();
    for dot in memchr::memchr_iter(b'.', b) {
        // A unit's letters count whole ("km/h.").
        let word_start = b[..dot]
            .iter()
            .rposition(|&c| !c.is_ascii_lowercase() && c != b'/')
            .map_or(0, |i| i + 1);
        let letters = b[word_start..dot].iter().filter(|c| c.is_ascii_lowercase());
        let month = dot >= 3 && &b[dot - 3..dot] == b"May" && {
            // "May" written in full is a month, never an abbreviation ("in May. Polls").
            let before = dot - 3;
            before == 0 || matches!(b[before - 1], b' ' | b'(')
        };
        let word_start = if month { dot - 3 } else { word_start };
        if letters.count() < 2 && !month {
            continue;
        }
        let opens = word_start == 0
            || text[..word_start]
                .chars()
                .next_back()
                .is_some_and(|c| c == '(' || c.is_whitespace());
        if !opens {
            continue;
        }
        // Closing quote marks may follow the period ("for me.” Then").
        let after = text[dot + 1..].trim_start_matches(['"', '”', '’', '\'']);
        let next = after.trim_start_matches(char::is_whitespace);
        if next.len() == after.len() {
            continue; // no space after the period
        }
        let capital = next
            .strip_prefix(['"', '“', '‘'])
            .unwrap_or(next)
            .starts_with(|c: char| c.is_ascii_uppercase());
        if capital && !LOWER_ABBREVIATIONS.contains(&&text[word_start..dot]) {
            out.push(text.len() - next.len());
        }
    }
    out
}

/// True when a cut at `c` would split a clock time from the day or month that follows it
/// ("at 10 a.m. Friday"): `sentencex` takes "a.m." before a capital as a sentence end.
fn after_clock_time(text: &str, c: usize) -> bool {
    // The last four bytes, in either case, are all that "a.m." and "p.m." need.
    let before = text[..c].trim_end().as_bytes();
    let Some(last4) = before
        .get(before.len().saturating_sub(4)..)
        .filter(|l| l.len() == 4)
    else {
        return false;
    };
    if !(last4.eq_ignore_ascii_case(b"a.m.") || last4.eq_ignore_ascii_case(b"p.m.")) {
        return false;
    }
    let rest = &text[c..];
    let next = &rest[..rest
        .find(|ch: char| !ch.is_alphabetic())
        .unwrap_or(rest.len())];
    DATE_WORDS.contains(&next)
}

/// Days, months and time zones: words after "a.m." or "p.m." that belong to the sentence of
/// the time, and that neither end a name nor start a sentence glued on (`align::glued`).
pub(crate) const DATE_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "ET",
    "EST",
    "EDT",
    "CT",
    "PT",
    "GMT",
    "UTC",
    "local",
];

/// Starts of lines that open with a bullet ("- milk", "• eggs"), in a paragraph that
/// [`may_have_bulleted_line`].
fn bulleted_line_starts(text: &str) -> Vec<usize> {
    BULLET_LINE
        .captures_iter(text)
        .filter_map(|c| c.name("b").map(|m| m.start()))
        .filter(|&p| p > 0)
        .collect()
}

/// False when no line of `text` opens with a bullet after blanks, which a match of
/// [`BULLET_LINE`] or of the bullet branch of [`MARKER`] needs: most paragraphs are one line
/// of prose, and neither regex is run on them.
fn may_have_bulleted_line(text: &str) -> bool {
    let opens = |line: &str| {
        line.trim_start()
            .starts_with(['•', '⁃', '▪', '‣', '◦', '*', '-'])
    };
    opens(text) || memchr::memchr_iter(b'\n', text.as_bytes()).any(|i| opens(&text[i + 1..]))
}

static BULLET_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?P<b>[•⁃▪‣◦*\-])\s+\S").expect("regex"));

/// True when `after` opens like a sentence: an upper-case letter or a digit, after any
/// opening quote marks or brackets.
fn starts_sentence(after: &str) -> bool {
    after
        .trim_start()
        .trim_start_matches(['"', '“', '‘', '\'', '(', '[', '«', '„'])
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// True when `before` (text up to a candidate cut inside a quotation) ends a sentence beyond
/// doubt: a terminal mark after a word that is not an initial, a dotted abbreviation
/// ("U.S.", "a.m.") or a common title or short form ("Sen.", "No.", "Sept.").
fn plainly_ends_sentence(before: &str) -> bool {
    const SHORT_FORMS: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
        "st", "mt", "ft", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jr", "sr", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "hon", "rev", "fig",
        "approx", "dept", "univ", "ave", "blvd", "rd",
    ];
    let trimmed = before.trim_end();
    let Some(word) = trimmed.split_whitespace().last() else {
        return false;
    };
    let word = word.trim_end_matches(['"', '”', '’', '\'', ')']);
    let Some(stem) = word.strip_suffix('.') else {
        return word.ends_with(['!', '?']);
    };
    let last_run: String = stem
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let is_initial = last_run.chars().count() == 1 && !last_run.chars().all(|c| c.is_ascii_digit());
    !(last_run.is_empty()
        || is_initial
        || stem.contains('.')
        || SHORT_FORMS.contains(&last_run.to_lowercase().as_str()))
}

static LONE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[•⁃▪‣◦*\-]?\s*(?:\d{1,3}|[a-zA-Z])[.)]$").expect("regex"));

/// Where a sentence starts right after a wire credit in parentheses, with no full stop
/// between them: "(Reporting by Jane Doe; Editing by Bob Roe) Officials did not return
/// calls." is two passages, the credit and what an outlet glued to it.
fn after_credits(text: &str) -> Vec<usize> {
    const OPENINGS: [&str; 9] = [
        "reporting by ",
        "additional reporting by ",
        "writing by ",
        "editing by ",
        "compiled by ",
        "edited by ",
        "reported by ",
        "research by ",
        "further reporting by ",
    ];
    let b = text.as_bytes();
    let mut out = Vec::new();
    for open in memchr::memchr_iter(b'(', b) {
        let inside = &b[open + 1..];
        let credit = OPENINGS.iter().any(|o| {
            inside.len() > o.len() && inside[..o.len()].eq_ignore_ascii_case(o.as_bytes())
        });
        let Some(close) = credit
            .then(|| memchr::memchr2(b')', b'(', inside))
            .flatten()
        else {
            continue;
        };
        if inside[close] != b')' {
            continue;
        }
        let end = open + 1 + close + 1;
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start().len();
        if gap > 0 && starts_sentence(&rest[gap..]) {
            out.push(end + gap);
        }
    }
    out
}

static STRAY_QUOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s["“”„«‘’'`]+$"#).expect("regex"));

/// Quote marks: straight, curly, guillemets, and the backquotes that open a quotation in
/// wire copy set for typesetting ("``We started out…''").
const QUOTE_MARKS: [char; 9] = ['"', '“', '”', '„', '«', '‘', '’', '\'', '`'];

static TRAILING_ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w\.(?: \.){3}$").expect("regex"));

/// Line starts that begin a new sentence in a paragraph written one line per item or
/// per paragraph (lists, tables, concert dates) rather than hard-wrapped prose. A paragraph
/// is wrapped prose when lines often continue in lower case; otherwise every line that does
/// not start in lower case starts a sentence.
fn line_break_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut lower = 0usize;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if pos > 0 {
            let first = line.trim_start().chars().next();
            if first.is_some_and(char::is_lowercase) {
                lower += 1;
            } else if first.is_some() {
                starts.push(pos + line.len() - line.trim_start().len());
            }
        }
        pos += line.len();
    }
    let breaks = starts.len() + lower;
    if breaks == 0 || lower * 10 >= breaks * 3 {
        return Vec::new();
    }
    starts
}

/// Line starts of a block of short lines none of which ends a sentence: a list written one
/// item a line ("features\ncontact manager\nevents, activities"), not wrapped prose.
fn short_line_starts(text: &str) -> Vec<usize> {
    const SHORT: usize = 40;
    if memchr::memchr(b'\n', text.trim_end().as_bytes()).is_none() {
        return Vec::new(); // one line
    }
    let lines: Vec<&str> = text.trim_end().split('\n').collect();
    let is_list = lines.len() >= 2
        && lines.iter().all(|l| {
            let l = l.trim();
            !l.is_empty()
                && l.chars().count() <= SHORT
                && !l.ends_with(['.', '!', '?', '"', '”', '’', ':', ';'])
        });
    if !is_list {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut pos = 0;
    for l in &lines {
        if pos > 0 {
            starts.push(pos);
        }
        pos += l.len() + 1;
    }
    starts
}

/// A list marker where an item may start: an optional bullet, then a number or a letter
/// with `.` or `)`, then a space; or a bullet alone at the start of a line.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|\s)(?P<m>(?P<b>[•⁃▪‣◦])?\s?(?:(?P<n>\d{1,2})|(?P<l>[a-z]))[.)])\s+\S|^\s*(?P<lb>[•⁃▪‣◦*\-])\s+\S")
        .expect("regex")
});

/// False when the numbered branch of [`MARKER`] cannot match `text`: it needs a `.` or `)`
/// followed by whitespace, after one or two digits or one lower-case letter that follow the
/// start, whitespace or a bullet. A sentence end after a word ("said. He") has none, so
/// most paragraphs are settled without the regex.
fn may_have_numbered_marker(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'.', b')', b).any(|close| {
        let followed = text[close + 1..].starts_with(char::is_whitespace);
        let Some(mut start) = close.checked_sub(1) else {
            return false;
        };
        if !followed || !matches!(b[start], b'0'..=b'9' | b'a'..=b'z') {
            return false;
        }
        if b[start].is_ascii_digit() && start > 0 && b[start - 1].is_ascii_digit() {
            start -= 1;
        }
        text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, '•' | '⁃' | '▪' | '‣' | '◦'))
    })
}

/// Where list items start in a paragraph: every bulleted line, and every marker of a run of
/// at least two consecutively numbered (or lettered) markers, as in "1. First 2. Second".
/// `bulleted` is [`may_have_bulleted_line`] of `text`.
fn list_item_starts(text: &str, bulleted: bool) -> Vec<usize> {
    struct Marker {
        start: usize,
        value: u32,
        letter: bool,
        bullet: bool,
    }
    let mut starts = Vec::new();
    if !bulleted && !may_have_numbered_marker(text) {
        return starts;
    }
    let mut markers = Vec::new();
    for caps in MARKER.captures_iter(text) {
        if let Some(b) = caps.name("lb") {
            starts.push(b.start());
            continue;
        }
        let m = caps.name("m").expect("marker group");
        let (value, letter) = match (caps.name("n"), caps.name("l")) {
            (Some(n), _) => (n.as_str().parse().unwrap_or(0), false),
            (_, Some(l)) => (u32::from(l.as_str().as_bytes()[0] - b'a' + 1), true),
            _ => continue,
        };
        markers.push(Marker {
            start: m.start(),
            value,
            letter,
            bullet: caps.name("b").is_some(),
        });
    }
    let mut i = 0;
    while i < markers.len() {
        let first = &markers[i];
        let mut j = i + 1;
        while j < markers.len()
            && markers[j].letter == first.letter
            && markers[j].bullet == first.bullet
            && markers[j].value == markers[j - 1].value + 1
        {
            j += 1;
        }
        let chain_ok = j - i >= 2 && (first.bullet || first.value == 1);
        if chain_ok {
            starts.extend(markers[i..j].iter().map(|m| m.start));
            i = j;
        } else {
            i += 1;
        }
    }
    starts
}

#[cfg(test)]
mod tests;
