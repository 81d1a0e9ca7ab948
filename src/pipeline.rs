//! The pipeline: read the sources, split them into sentences, align, annotate. One way to
//! compare, [`compare`], from documents already read; [`Loader::compare`] reads the sources
//! first, through the loader and within its limits.

use crate::align::{self, Options};
use crate::annotate::{detect_signals, mark_furniture, mark_truncated};
use crate::error::{Error, Result};
use crate::extract::{self, Document};
use crate::load::{Loader, Source};
use crate::model::{Comparison, Side};
use crate::sentences::{self, Sentence};
use crate::util::par;

/// Segments and aligns documents that are already extracted.
pub fn compare(originals: Vec<Document>, adapted: Document, opts: &Options) -> Comparison {
    let (original_sentences, adapted_sentences) = segment_documents(&originals, &adapted);
    compare_segmented(
        originals,
        original_sentences,
        adapted,
        adapted_sentences,
        opts,
    )
}

/// The sentences of the originals and of the adapted article ([`sentences::segment_all`]).
fn segment_documents(
    originals: &[Document],
    adapted: &Document,
) -> (Vec<Vec<Sentence>>, Vec<Sentence>) {
    let docs: Vec<&Document> = originals.iter().chain(std::iter::once(adapted)).collect();
    let mut sentences = sentences::segment_all(&docs);
    let mut adapted_sentences = sentences.pop().unwrap_or_default();
    let sides: Vec<(&Document, &[Sentence])> = (originals.iter())
        .zip(&sentences)
        .map(|(d, s)| (d, s.as_slice()))
        .collect();
    sentences::split_after_wire_lines(adapted, &mut adapted_sentences, &sides);
    (sentences, adapted_sentences)
}

/// Refuses the first document, in order, with more than `limit` sentences.
fn check_sentence_limit<'a>(
    docs: impl IntoIterator<Item = (&'a Document, &'a [Sentence])>,
    limit: usize,
) -> Result<()> {
    for (doc, sentences) in docs {
        if sentences.len() > limit {
            return Err(Error::TooManySentences {
                source_name: doc.source.clone(),
                count: sentences.len(),
                limit,
            });
        }
    }
    Ok(())
}

/// Aligns documents already split into sentences.
fn compare_segmented(
    originals: Vec<Document>,
    original_sentences: Vec<Vec<Sentence>>,
    adapted: Document,
    mut adapted_sentences: Vec<Sentence>,
    opts: &Options,
) -> Comparison {
    let sides: Vec<Side<'_>> = originals
        .iter()
        .zip(&original_sentences)
        .map(|(doc, sentences)| Side { doc, sentences })
        .collect();
    let a_side = Side {
        doc: &adapted,
        sentences: &adapted_sentences,
    };
    let (mut segments, fallbacks) = align::align_within(&sides, a_side, opts);
    // A sentence of the outlet's own glued onto a reworded wire sentence shows only once the
    // two are paired: cut it off, an inserted passage, and work the wire sentence's passage
    // out again (not when the first pass ran out of time).
    let cuts = align::glued_cuts(&segments, &sides, a_side);
    if !cuts.is_empty() && fallbacks.is_empty() {
        let at: Vec<usize> = cuts.iter().map(|c| c.at).collect();
        let cut = sentences::cut_at(&adapted, &adapted_sentences, &at);
        let a_side = Side {
            doc: &adapted,
            sentences: &cut,
        };
        segments = align::cut_passages(segments, &cuts, &adapted_sentences, &sides, a_side);
        adapted_sentences = cut;
    }
    let mut segments = mark_furniture(
        segments,
        &adapted,
        &adapted_sentences,
        &originals,
        &original_sentences,
        opts,
    );
    let a_side = Side {
        doc: &adapted,
        sentences: &adapted_sentences,
    };
    let bytes = adapted.text.len() + originals.iter().map(|d| d.text.len()).sum::<usize>();
    detect_signals(&mut segments, a_side, &sides, par::threads_for(bytes));
    mark_truncated(&mut segments, originals.len());
    Comparison {
        originals,
        original_sentences,
        adapted,
        adapted_sentences,
        segments,
        fallbacks,
    }
}

/// Loads and extracts one source, with the default options (limits, and how URLs are
/// fetched); a [`Loader`] reads with others.
pub fn read(source: &Source) -> Result<Document> {
    Loader::default().read(source)
}

impl Loader {
    /// Loads and extracts one source.
    pub fn read(&self, source: &Source) -> Result<Document> {
        extract::extract_owned(self.load(source)?)
    }

    /// Decodes and extracts text already in memory ([`Loader::load_bytes`]), as [`read`]
    /// does a file: for callers that hold the pages themselves (a database, a data frame).
    pub fn read_bytes(&self, name: &str, bytes: &[u8], html: bool) -> Result<Document> {
        extract::extract_owned(self.load_bytes(name, bytes, html)?)
    }

    /// [`Loader::compare`] of documents already read: the sentence limit holds, then they
    /// are compared as [`compare`] does.
    pub fn compare_documents(
        &self,
        originals: Vec<Document>,
        adapted: Document,
        opts: &Options,
    ) -> Result<Comparison> {
        let (original_sentences, adapted_sentences) = segment_documents(&originals, &adapted);
        check_sentence_limit(
            (originals
                .iter()
                .zip(original_sentences.iter().map(Vec::as_slice)))
            .chain(std::iter::once((&adapted, adapted_sentences.as_slice()))),
            self.max_sentences(),
        )?;
        Ok(compare_segmented(
            originals,
            original_sentences,
            adapted,
            adapted_sentences,
            opts,
        ))
    }

    /// Reads the sources, then compares them as [`compare`] does: the whole pipeline from
    /// inputs to passages. Every URL goes through this loader (one HTTP client, its cache
    /// and its offline mode), and its limits hold: input size, and sentences once
    /// extracted. Standard input (`-`) may be one of the sources, once.
    pub fn compare(
        &self,
        originals: &[Source],
        adapted: &Source,
        opts: &Options,
    ) -> Result<Comparison> {
        let sources: Vec<&Source> = originals.iter().chain(std::iter::once(adapted)).collect();
        if sources.iter().filter(|s| ***s == Source::Stdin).count() > 1 {
            return Err(Error::StdinTwice);
        }
        let mut docs = read_all(self, &sources)?;
        let adapted = docs.pop().expect("the adapted article was read");
        self.compare_documents(docs, adapted, opts)
    }
}

/// Loads and extracts the sources, in order; the first error, in order. Files long enough to
/// be worth a thread ([`par::threads_for`]) are read on threads of their own.
fn read_all(loader: &Loader, sources: &[&Source]) -> Result<Vec<Document>> {
    if let [one] = sources {
        return Ok(vec![loader.read(one)?]);
    }
    // Each file's size, looked up once.
    let sized: Vec<(&Source, usize)> = (sources.iter())
        .map(|&s| match s {
            Source::Path(p) => (s, std::fs::metadata(p).map_or(0, |m| m.len() as usize)),
            _ => (s, 0),
        })
        .collect();
    let read = |run: &[(&Source, usize)]| -> Vec<Result<Document>> {
        (run.iter()).map(|(s, _)| loader.read(s)).collect()
    };
    let threads = par::threads_for(sized.iter().map(|(_, n)| n).sum()).min(sized.len());
    par::map_runs(&sized, threads, |(_, n)| *n, read)
        .into_iter()
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Segment, Signal};

    /// Text in memory goes through the checks a file does: the size limit, binary and empty
    /// input, the format given or sniffed; and documents compared from it keep the sentence
    /// limit.
    #[test]
    fn bytes_in_memory_are_checked_as_files_are() {
        let loader = Loader::new(crate::LoadOptions {
            fetch: crate::FetchOptions {
                max_bytes: 100,
                ..Default::default()
            },
            max_sentences: 3,
        });
        let page =
            b"<html><body><article><h1>Vote</h1><p>The council voted.</p></article></body></html>";
        // A page is read as one, asked to or not.
        for html in [true, false] {
            let doc = Loader::default()
                .read_bytes("page", page, html)
                .expect("html");
            assert_eq!(doc.extractor, "article");
            assert_eq!(doc.paragraph(1), "The council voted.");
        }
        let text = Loader::default().read_bytes("t", b"A <b> tag.\n\nNext.", false);
        assert_eq!(text.expect("text").paragraphs.len(), 2);
        assert!(matches!(
            loader.read_bytes("huge", &[b'a'; 101], false),
            Err(Error::TooLarge {
                size: Some(101),
                limit: 100,
                ..
            })
        ));
        assert!(matches!(
            loader.read_bytes("bin", b"ab\0cd", false),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            loader.read_bytes("empty", b"  \n ", false),
            Err(Error::Empty { .. })
        ));
        let long = Document::from_text("long", "One. Two. Three. Four.");
        let short = Document::from_text("short", "One.");
        assert!(matches!(
            loader.compare_documents(vec![short.clone()], long.clone(), &Options::default()),
            Err(Error::TooManySentences { .. })
        ));
        let cmp = loader
            .compare_documents(vec![short.clone()], short, &Options::default())
            .expect("within the limit");
        assert_eq!(cmp.segments.len(), 1);
    }

    /// Files long enough to be read on threads of their own come back in order, and the
    /// first error in order is the one reported, whichever thread met it.
    #[test]
    fn long_files_read_on_threads_keep_their_order_and_first_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let para = "The council voted on Monday to approve the budget. ";
        let write = |name: &str, n: usize| {
            let path = dir.path().join(name);
            let text: String = (0..n).map(|i| format!("{i}: {para}\n\n")).collect();
            std::fs::write(&path, text).expect("write");
            Source::Path(path)
        };
        let (a, b, c) = (
            write("a.txt", 4000),
            write("b.txt", 3000),
            write("c.txt", 5000),
        );
        let total: u64 = [&a, &b, &c]
            .iter()
            .map(|s| match s {
                Source::Path(p) => std::fs::metadata(p).expect("file").len(),
                _ => 0,
            })
            .sum();
        assert!(total as usize >= 3 * par::BYTES_PER_THREAD, "{total}");
        let loader = Loader::default();
        let docs = read_all(&loader, &[&a, &b, &c]).expect("all read");
        let names: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(names, [a.to_string(), b.to_string(), c.to_string()]);
        assert_eq!(docs[1].paragraphs.len(), 3000);
        let missing = |name: &str| Source::Path(dir.path().join(name));
        let (x, y) = (missing("x.txt"), missing("y.txt"));
        for sources in [vec![&a, &x, &c, &y], vec![&x, &b, &y]] {
            let err = read_all(&loader, &sources).expect_err("a file is missing");
            assert!(err.to_string().contains("x.txt"), "{err}");
        }
    }

    /// Signals found on several threads are those one thread finds, on a long pair made of
    /// the real pairs, where many passages are reworded and inserted.
    #[test]
    fn signals_found_on_threads_are_those_one_thread_finds() {
        let (mut wire, mut adapted) = (String::new(), String::new());
        for dir in crate::test_data::pair_dirs() {
            let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
            wire.push_str(&read("original.txt"));
            wire.push_str(&read("original-1.txt"));
            wire.push_str("\n\n");
            adapted.push_str(&read("adapted.txt"));
            adapted.push_str("\n\n");
        }
        // Three rounds, so that the fixtures alone give each thread passages with signals.
        let (wire, adapted) = (wire.repeat(3), adapted.repeat(3));
        let cmp = compare(
            vec![Document::from_text("wire", &wire)],
            Document::from_text("adapted", &adapted),
            &Options::default(),
        );
        let signals = |segs: &[Segment]| -> Vec<Vec<Signal>> {
            segs.iter().map(|s| s.signals.clone()).collect()
        };
        let found = signals(&cmp.segments);
        assert!(found.iter().filter(|s| !s.is_empty()).count() >= 10);
        for threads in [1, 2, 5] {
            let mut segs = cmp.segments.clone();
            for seg in &mut segs {
                seg.signals.clear();
            }
            detect_signals(
                &mut segs,
                cmp.adapted_side(),
                &[cmp.original_side(0)],
                threads,
            );
            assert!(signals(&segs) == found, "{threads} threads");
        }
    }
}
