//! Ranking: BM25 retrieval of candidates, then alignment of each with the article, then
//! stories.

use std::hash::Hasher;
use std::ops::Bound;

use rayon::prelude::*;
use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, Query, RangeQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use super::store::{Index, UNDATED, WireDoc, day_of, iso_day};
use super::tokenizer::for_each_term;
use crate::align::{self, Options};
use crate::error::{Error, Result};
use crate::extract::Document;
use crate::model::{Kind, Side};
use crate::normalize;
use crate::sentences::{self, Sentence};
use crate::util::{FastMap, FxHasher};

/// The least coverage for a document to count as a source: a tenth of the article's words
/// in passages drawn from it. Below it, what a document shares with an article is what any
/// two stories on one subject share (names, places, a stock phrase).
pub const COVERAGE_FLOOR: f64 = 0.10;

/// The least share of the article's words that one more original must add to be chosen by
/// [`Index::select`].
const SELECT_GAIN: f64 = 0.05;

/// Most originals [`Index::select`] chooses.
const SELECT_MAX: usize = 8;

/// How much the BM25 score (relative to the best candidate's) counts beside coverage in
/// the ranking: a tenth of the article's words.
const RETRIEVAL_WEIGHT: f64 = 0.1;

/// How many times the median candidate's BM25 score a candidate must have to be found by its
/// words alone.
const BY_WORDS_MARGIN: f32 = 4.0;

/// How many times the next candidate's BM25 score a candidate must have to be found by its
/// words alone.
const BY_WORDS_LEAD: f32 = 1.5;

/// The share of the article's words that, left uncovered by the first candidates, makes a
/// second query of the sentences they left.
const RESIDUAL: f64 = 0.2;

/// Words of the article a query is made of: the most telling ones. On 200,000 generated
/// documents, 64 words took BM25 20 ms a query, and 32 words without [`COMMON`] ones 4 ms,
/// for the same answers on the METER stories.
const QUERY_TERMS: usize = 32;

/// A query word's weight in a document's title, against its weight in the text.
const TITLE_WEIGHT: f32 = 0.5;

/// A word in more than one document in this many says too little to be in a query (and its
/// long posting list costs the most to score)...
const COMMON: u64 = 20;

/// ...once it is in this many documents: a small archive has no long posting lists, and in
/// one of a few documents every word is in one in twenty.
const COMMON_FROM: u64 = 1000;

/// Two documents with this share of the word 4-grams of the shorter one are versions of
/// one story.
const SAME_STORY: f64 = 0.5;

/// How [`Index::find`] ranks.
#[derive(Debug, Clone)]
pub struct FindOptions {
    /// Most results.
    pub top: usize,
    /// Candidates retrieved by BM25 and then aligned with the article. More finds sources
    /// that share fewer words with the article, for more time.
    pub candidates: usize,
    /// Least coverage of a result ([`COVERAGE_FLOOR`]).
    pub min_coverage: f64,
    /// How candidates are aligned with the article.
    pub align: Options,
    /// Only documents dated in this window are candidates (and those without a date, which
    /// cannot be told apart); `None` looks at every document.
    pub dated: Option<DateWindow>,
}

impl Default for FindOptions {
    fn default() -> Self {
        FindOptions {
            top: 5,
            candidates: 20,
            min_coverage: COVERAGE_FLOOR,
            align: Options::default(),
            dated: None,
        }
    }
}

/// The days, first and last included, in which a wire document must be dated to be a
/// candidate (`find --days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    /// The first day.
    pub from: chrono::NaiveDate,
    /// The last day.
    pub to: chrono::NaiveDate,
}

impl DateWindow {
    /// `days` days either side of `date`: wire copy runs before the article that uses it, and
    /// its later versions (a write-through, a correction) after.
    pub fn around(date: chrono::NaiveDate, days: u32) -> DateWindow {
        let span = chrono::Days::new(u64::from(days));
        DateWindow {
            from: date
                .checked_sub_days(span)
                .unwrap_or(chrono::NaiveDate::MIN),
            to: date
                .checked_add_days(span)
                .unwrap_or(chrono::NaiveDate::MAX),
        }
    }

    /// `days` days either side of the article's date: `date` when given, else the
    /// article's own (its ISO 8601 `date`). Fails with [`Error::Undated`] when neither is.
    pub fn for_article(
        article: &Document,
        days: u32,
        date: Option<chrono::NaiveDate>,
    ) -> Result<DateWindow> {
        match date.or_else(|| article.date.as_deref().and_then(iso_day)) {
            Some(day) => Ok(DateWindow::around(day, days)),
            None => Err(Error::Undated {
                source_name: article.source.clone(),
            }),
        }
    }
}

/// A passage the article shares with a result.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Unchanged or reworded.
    pub kind: Kind,
    /// The article's sentences.
    pub adapted: String,
    /// The wire document's sentences.
    pub original: String,
}

/// A wire document the article drew on.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Its id in the index.
    pub id: String,
    /// Its address, where it has one.
    pub url: Option<String>,
    /// The document, as `compare` would read it: its `source`, `title` and `date` are the
    /// result's.
    pub document: Document,
    /// Its BM25 score in retrieval.
    pub score: f32,
    /// The share of the article's words in passages drawn from it, 0 to 1.
    pub coverage: f64,
    /// The story it belongs to: results with the same number are versions of one story.
    /// Numbered from 1, in the order of each story's best result.
    pub story: usize,
    /// The longest passages it shares with the article, in the article's order.
    pub passages: Vec<Passage>,
    /// Found by its words alone: the aligner pairs none (or few) of the article's sentences
    /// with it, but its BM25 score is well above that of any other candidate. An article
    /// that rewrote every sentence of its source is found this way, even beside a story it
    /// copied a paragraph from.
    pub by_words: bool,
    /// The share of the article's most telling words (those the query is made of, each
    /// weighted as in the query) that the document holds, 0 to 1.
    pub word_share: f64,
    /// Which of the article's sentences it covers.
    pub(super) covered: Vec<bool>,
}

impl<'a> Article<'a> {
    /// The article's sentences and their words.
    fn read(doc: &'a Document) -> Article<'a> {
        let sentences = sentences::segment(doc);
        let words = words_of(doc, &sentences);
        Article {
            doc,
            total: words.iter().sum(),
            sentences,
            words,
        }
    }
}

/// The article, read once for every candidate.
struct Article<'a> {
    doc: &'a Document,
    sentences: Vec<Sentence>,
    /// Words in each sentence.
    words: Vec<usize>,
    total: usize,
}

impl Index {
    /// The indexed documents `adapted` drew on, best first, grouped by story: at most
    /// `opts.top`, each covering at least `opts.min_coverage` of the article.
    pub fn find(&self, adapted: &Document, opts: &FindOptions) -> Result<Vec<Hit>> {
        let mut hits = self.candidates(&Article::read(adapted), opts)?;
        hits.retain(|h| h.coverage >= opts.min_coverage || h.by_words);
        let mut hits = by_story(hits);
        hits.truncate(opts.top);
        Ok(hits)
    }

    /// The originals to compare `adapted` with: the fewest indexed documents that together
    /// cover the most of it. Each adds at least 5% of the article's words that the ones
    /// before it did not cover (the one found by its words alone may be among them); they
    /// come in the order the article first draws on them.
    pub fn select(&self, adapted: &Document, opts: &FindOptions) -> Result<Vec<Hit>> {
        let article = Article::read(adapted);
        let hits = self.candidates(&article, opts)?;
        let article_words = &article.words;
        let total = article_words.iter().sum::<usize>().max(1) as f64;
        let mut covered = vec![false; article_words.len()];
        let mut chosen: Vec<Hit> = Vec::new();
        let fallback = hits.iter().find(|h| h.by_words).cloned();
        let mut pool: Vec<Hit> = hits
            .into_iter()
            .filter(|h| h.coverage >= opts.min_coverage || h.by_words)
            .collect();
        while chosen.len() < SELECT_MAX {
            let gain = |h: &Hit| -> usize {
                (h.covered.iter().zip(&covered).zip(article_words))
                    .filter(|((c, done), _)| **c && !**done)
                    .map(|(_, &w)| w)
                    .sum()
            };
            let Some((best, g)) = (pool.iter().enumerate())
                .map(|(i, h)| (i, gain(h)))
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            else {
                break;
            };
            if (g as f64) < SELECT_GAIN * total || g == 0 {
                break;
            }
            let hit = pool.swap_remove(best);
            for (done, &c) in covered.iter_mut().zip(&hit.covered) {
                *done |= c;
            }
            chosen.push(hit);
        }
        if chosen.is_empty() {
            // Rewritten throughout: the story its words point to, alone.
            chosen.extend(fallback);
        }
        chosen.sort_by_key(|h| h.covered.iter().position(|&c| c).unwrap_or(usize::MAX));
        Ok(chosen)
    }

    /// The candidates retrieval gives, each aligned with the article, best coverage first.
    fn candidates(&self, article: &Article<'_>, opts: &FindOptions) -> Result<Vec<Hit>> {
        let Some(reader) = &self.reader else {
            return Ok(Vec::new());
        };
        let searcher = reader.searcher();
        if searcher.num_docs() == 0 || opts.candidates == 0 {
            return Ok(Vec::new());
        }
        let adapted = article.doc;
        let align = |found: Vec<(f32, WireDoc)>, telling: &FastMap<String, f32>| -> Vec<Hit> {
            found
                .into_par_iter()
                .map(|(score, wire)| {
                    let share = word_share(telling, &wire.document.text);
                    let mut hit = align_with(article, wire, score, &opts.align);
                    hit.word_share = share;
                    hit
                })
                .collect()
        };
        let (found, telling) =
            self.retrieve(&searcher, &adapted.text, opts.candidates, &[], opts.dated)?;
        let mut hits = align(found, &telling);
        mark_by_words(&mut hits);
        // An article built from two stories may have drawn its most telling words from one:
        // the sentences no candidate covers are a query of their own.
        let mut covered = vec![false; article.sentences.len()];
        for h in hits.iter().filter(|h| h.coverage >= opts.min_coverage) {
            for (c, &k) in covered.iter_mut().zip(&h.covered) {
                *c |= k;
            }
        }
        let left: usize = (covered.iter().zip(&article.words))
            .filter(|(c, _)| !**c)
            .map(|(_, w)| w)
            .sum();
        if (left as f64) >= RESIDUAL * article.total as f64 && left < article.total {
            let rest: String = (covered.iter().zip(&article.sentences))
                .filter(|(c, _)| !**c)
                .map(|(_, s)| s.text(adapted))
                .collect::<Vec<_>>()
                .join("\n");
            let seen: Vec<String> = hits.iter().map(|h| h.id.clone()).collect();
            let (more, _) = self.retrieve(
                &searcher,
                &rest,
                opts.candidates.div_ceil(2),
                &seen,
                opts.dated,
            )?;
            hits.extend(align(more, &telling));
        }
        // Coverage ranks; retrieval decides between candidates that cover about as much.
        let top_score = hits
            .iter()
            .map(|h| h.score)
            .fold(f32::MIN, f32::max)
            .max(1e-6);
        let rank = |h: &Hit| h.coverage + RETRIEVAL_WEIGHT * f64::from(h.score / top_score);
        hits.sort_by(|a, b| {
            rank(b)
                .total_cmp(&rank(a))
                .then(b.score.total_cmp(&a.score))
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(hits)
    }
}

/// A query's words and their weights.
type Telling = FastMap<String, f32>;

impl Index {
    /// The `limit` documents BM25 ranks best for `text`'s most telling words (leaving out
    /// those with an id in `skip`, and those dated outside `dated`), and those words with
    /// their weights.
    fn retrieve(
        &self,
        searcher: &Searcher,
        text: &str,
        limit: usize,
        skip: &[String],
        dated: Option<DateWindow>,
    ) -> Result<(Vec<(f32, WireDoc)>, Telling)> {
        // Documents replaced or deleted but not yet merged away count in a word's document
        // frequency: so they count here too, or a word in every document would weigh less
        // than nothing (and a negative boost breaks the scorer's pruning).
        let n: u64 = (searcher.segment_readers().iter())
            .map(|r| u64::from(r.max_doc()))
            .sum();
        let field = self.fields.text;
        let mut counts: FastMap<String, u32> = FastMap::default();
        for_each_term(text, |w| {
            if let Some(c) = counts.get_mut(w) {
                *c += 1;
            } else {
                counts.insert(w.to_string(), 1);
            }
        });
        let mut weighted: Vec<(f32, String)> = Vec::with_capacity(counts.len());
        for (word, tf) in counts {
            let term = Term::from_field_text(field, &word);
            let df = searcher
                .doc_freq(&term)
                .map_err(|e| self.tantivy_error(e))?;
            if df == 0 || (df * COMMON > n && df > COMMON_FROM) {
                continue;
            }
            let idf = (1.0 + ((n.max(df) - df) as f32 + 0.5) / (df as f32 + 0.5)).ln();
            let weight = (1.0 + (tf as f32).ln()) * idf;
            if weight > 0.0 {
                weighted.push((weight, word));
            }
        }
        weighted.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        weighted.truncate(QUERY_TERMS);
        let telling: FastMap<String, f32> = (weighted.iter())
            .map(|(w, word)| (word.clone(), *w))
            .collect();
        if weighted.is_empty() {
            return Ok((Vec::new(), telling));
        }
        // Each word is looked for in the text and, at half its weight, in the title: a feed's
        // headline may stand apart from its text, and a word in it says more.
        let term = |field, word: &str, w: f32| -> (Occur, Box<dyn Query>) {
            let q = TermQuery::new(
                Term::from_field_text(field, word),
                IndexRecordOption::WithFreqs,
            );
            (Occur::Should, Box::new(BoostQuery::new(Box::new(q), w)))
        };
        let clauses: Vec<(Occur, Box<dyn Query>)> = (weighted.iter())
            .flat_map(|(w, word)| {
                [
                    term(field, word, *w),
                    term(self.fields.title, word, *w * TITLE_WEIGHT),
                ]
            })
            .collect();
        let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        if let Some(window) = dated {
            let day = |d: chrono::NaiveDate| Term::from_field_i64(self.fields.day, day_of(d));
            let in_window = RangeQuery::new(
                Bound::Included(day(window.from)),
                Bound::Included(day(window.to)),
            );
            let undated = TermQuery::new(
                Term::from_field_i64(self.fields.day, UNDATED),
                IndexRecordOption::Basic,
            );
            let when: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
                (Occur::Should, Box::new(in_window) as Box<dyn Query>),
                (Occur::Should, Box::new(undated) as Box<dyn Query>),
            ]));
            // The window only filters: its clauses add nothing to a document's score.
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (
                    Occur::Must,
                    Box::new(ConstScoreQuery::new(when, 0.0)) as Box<dyn Query>,
                ),
            ]));
        }
        let top = searcher
            .search(
                &query,
                &TopDocs::with_limit(limit + skip.len()).order_by_score(),
            )
            .map_err(|e| self.tantivy_error(e))?;
        let mut found: Vec<(f32, WireDoc)> = Vec::with_capacity(limit);
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.tantivy_error(e))?;
            let wire = self.stored(&doc);
            if !skip.contains(&wire.id) && found.len() < limit {
                found.push((score, wire));
            }
        }
        Ok((found, telling))
    }
}

/// The weighted share of `telling` words that `text` holds.
fn word_share(telling: &FastMap<String, f32>, text: &str) -> f64 {
    let total: f32 = telling.values().sum();
    let mut seen: FastMap<&str, f32> = FastMap::default();
    for_each_term(text, |w| {
        if let Some((k, v)) = telling.get_key_value(w) {
            seen.insert(k.as_str(), *v);
        }
    });
    f64::from(seen.values().sum::<f32>() / total.max(1e-6))
}

fn words_of(doc: &Document, sentences: &[Sentence]) -> Vec<usize> {
    sentences
        .iter()
        .map(|s| normalize::word_count(s.text(doc)))
        .collect()
}

/// A candidate aligned with the article: what it covers, and the passages they share.
fn align_with(article: &Article<'_>, wire: WireDoc, score: f32, opts: &Options) -> Hit {
    let doc = &wire.document;
    let wire_sentences = sentences::segment(doc);
    let (segments, _) = align::align_within(
        &[Side {
            doc,
            sentences: &wire_sentences,
        }],
        Side {
            doc: article.doc,
            sentences: &article.sentences,
        },
        opts,
    );
    let mut covered = vec![false; article.sentences.len()];
    let mut shared: Vec<(usize, Passage, usize)> = Vec::new();
    for seg in &segments {
        let (Some(a), Some((_, o))) = (&seg.adapted, &seg.original) else {
            continue;
        };
        if !matches!(seg.kind, Kind::Unchanged | Kind::Reworded) {
            continue;
        }
        for c in &mut covered[a.clone()] {
            *c = true;
        }
        let span = |sents: &[Sentence], r: &std::ops::Range<usize>, d: &Document| match (
            sents.get(r.start),
            sents.get(r.end.saturating_sub(1)),
        ) {
            (Some(first), Some(last)) => d.text[first.start..last.end].to_string(),
            _ => String::new(),
        };
        let words: usize = article.words[a.clone()].iter().sum();
        shared.push((
            a.start,
            Passage {
                kind: seg.kind,
                adapted: span(&article.sentences, a, article.doc),
                original: span(&wire_sentences, o, doc),
            },
            words,
        ));
    }
    let covered_words: usize = (covered.iter().zip(&article.words))
        .filter(|(c, _)| **c)
        .map(|(_, w)| w)
        .sum();
    // The three longest, in the article's order.
    shared.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    shared.truncate(3);
    shared.sort_by_key(|p| p.0);
    Hit {
        id: wire.id,
        url: wire.url,
        score,
        coverage: covered_words as f64 / article.total.max(1) as f64,
        story: 0,
        by_words: false,
        word_share: 0.0,
        passages: shared.into_iter().map(|(_, p, _)| p).collect(),
        covered,
        document: wire.document,
    }
}

/// Marks the candidate found by its words alone ([`Hit::by_words`]): the best by BM25, when
/// it covers less than [`COVERAGE_FLOOR`], it scores [`BY_WORDS_LEAD`] times the next one and
/// either [`BY_WORDS_MARGIN`] times the median candidate (the level of documents that share
/// only common words) or covers half the floor. Another story may cover more: an article
/// rewritten from one story that copies a paragraph of another (enfield53_times: the Des
/// Lynam paragraph of a PA story on the BBC) drew on both.
pub(super) fn mark_by_words(hits: &mut [Hit]) {
    if hits.len() < 3 {
        return;
    }
    let Some(best) = (0..hits.len()).max_by(|&a, &b| hits[a].score.total_cmp(&hits[b].score))
    else {
        return;
    };
    if hits[best].coverage >= COVERAGE_FLOOR {
        return;
    }
    let mut scores: Vec<f32> = hits.iter().map(|h| h.score).collect();
    scores.sort_by(f32::total_cmp);
    let median = scores[scores.len() / 2];
    let second = scores[scores.len() - 2];
    // Half the floor covered is passages enough to stand for the margin over the median.
    let some_passages = hits[best].coverage >= COVERAGE_FLOOR / 2.0;
    hits[best].by_words = (some_passages || hits[best].score >= BY_WORDS_MARGIN * median)
        && hits[best].score >= BY_WORDS_LEAD * second;
}

/// Hits in order of their story's best, each story's versions together, best first; stories
/// numbered from 1.
fn by_story(hits: Vec<Hit>) -> Vec<Hit> {
    let shingles: Vec<Vec<u64>> = hits.iter().map(|h| shingles(&h.document.text)).collect();
    let mut parent: Vec<usize> = (0..hits.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..hits.len() {
        for j in i + 1..hits.len() {
            if same_story(&shingles[i], &shingles[j]) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                // The better hit (the lower index) stays the root.
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let roots: Vec<usize> = (0..hits.len()).map(|i| root(&mut parent, i)).collect();
    let mut number: FastMap<usize, usize> = FastMap::default();
    for &r in &roots {
        let next = number.len() + 1;
        number.entry(r).or_insert(next);
    }
    let mut hits: Vec<(usize, usize, Hit)> = hits
        .into_iter()
        .enumerate()
        .map(|(i, mut h)| {
            h.story = number[&roots[i]];
            (h.story, i, h)
        })
        .collect();
    hits.sort_by_key(|(story, i, _)| (*story, *i));
    hits.into_iter().map(|(_, _, h)| h).collect()
}

/// The hashed word 4-grams of a text, sorted and deduplicated.
fn shingles(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = Vec::new();
    for_each_term(text, |w| {
        let mut h = FxHasher::default();
        h.write(w.as_bytes());
        words.push(h.finish());
    });
    let mut out: Vec<u64> = words
        .windows(4)
        .map(|w| {
            let mut h = FxHasher::default();
            for x in w {
                h.write_u64(*x);
            }
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether two documents share [`SAME_STORY`] of the shorter one's 4-grams.
fn same_story(a: &[u64], b: &[u64]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < short.len() && j < long.len() {
        match short[i].cmp(&long[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 >= SAME_STORY * short.len() as f64
}
