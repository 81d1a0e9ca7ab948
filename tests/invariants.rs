//! Invariants of the pipeline on generated articles (proptest): every sentence of each input
//! lies in exactly one segment; every span slices its document exactly; segments keep the
//! adapted article's order; a document against itself is all unchanged; output is
//! deterministic. Articles are built from real news words and punctuation, and the adapted
//! side from the original by the edits outlets make: cuts, insertions, rewordings, moves.

use proptest::prelude::*;
use wirediff::{Document, Kind, PairedBy, compare};

/// Words, abbreviations, numbers and quotes as news copy has them.
const WORDS: &[&str] = &[
    "Xi",
    "Jinping",
    "said",
    "Friday",
    "the",
    "U.S.",
    "Mr.",
    "Putin",
    "officials",
    "2,000",
    "police",
    "3.5%",
    "\u{201c}strengthen",
    "capacity\u{201d}",
    "\"color",
    "revolution,\"",
    "a",
    "Ukraine",
    "—",
    "sanctions",
    "on",
    "Russian",
    "energy",
    "(AP)",
    "Dr.",
    "St.",
    "Jan.",
    "5",
    "p.m.",
    "e.g.",
    "isn't",
    "café",
    "naïve",
    "北京",
    "they",
    "would",
    "not",
    "elaborate",
    "according",
    "to",
    "reportedly",
    "globalist",
    "cabal",
    "regime",
    "Soros",
    "...",
    "'quoted'",
];
const ENDS: &[&str] = &[".", ".", ".", "?", "!", "…", ".\u{201d}", ".\"", ":"];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 2..16),
        prop::sample::select(ENDS),
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            if let Some(c) = s.get(..1) {
                s = c.to_uppercase() + &s[1..];
            }
            s + end
        })
}

/// An article: paragraphs of sentences, and now and then a paragraph with no word: a
/// section break, or the zero-width space or byte-order mark that pages leave in empty
/// paragraphs.
fn article() -> impl Strategy<Value = Vec<Vec<String>>> {
    let paragraph = prop_oneof![
        12 => prop::collection::vec(sentence(), 1..4),
        1 => prop::sample::select(&["* * *", "\u{200B}", "\u{FEFF}", "\u{200B}\u{200B}"][..])
            .prop_map(|s| vec![s.to_string()]),
    ];
    prop::collection::vec(paragraph, 1..10)
}

fn text(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[derive(Debug, Clone)]
enum Edit {
    Keep,
    Cut,
    Insert(String),
    Reword(usize, &'static str),
    MoveToEnd,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => Just(Edit::Keep),
        1 => Just(Edit::Cut),
        1 => sentence().prop_map(Edit::Insert),
        1 => (0usize..20, prop::sample::select(WORDS)).prop_map(|(i, w)| Edit::Reword(i, w)),
        1 => Just(Edit::MoveToEnd),
    ]
}

/// The adapted article: each original paragraph edited, paragraph by paragraph.
fn adapt(paras: &[Vec<String>], edits: &[Edit]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut moved = Vec::new();
    let mut k = 0;
    for p in paras {
        let mut q = Vec::new();
        for s in p {
            let e = edits.get(k).cloned().unwrap_or(Edit::Keep);
            k += 1;
            match e {
                Edit::Keep => q.push(s.clone()),
                Edit::Cut => {}
                Edit::Insert(new) => {
                    q.push(new);
                    q.push(s.clone());
                }
                Edit::Reword(i, w) => {
                    let mut words: Vec<&str> = s.split(' ').collect();
                    let i = i % words.len();
                    words[i] = w;
                    q.push(words.join(" "));
                }
                Edit::MoveToEnd => moved.push(s.clone()),
            }
        }
        if !q.is_empty() {
            out.push(q);
        }
    }
    if !moved.is_empty() {
        out.push(moved);
    }
    if out.is_empty() {
        out.push(vec!["Nothing was kept.".to_string()]);
    }
    out
}

fn json(cmp: &wirediff::Comparison) -> String {
    let mut out = Vec::new();
    wirediff::report::write_json(cmp, &mut out, false).unwrap();
    String::from_utf8(out).unwrap()
}

/// Checks every structural invariant of a comparison with one original.
fn check(cmp: &wirediff::Comparison) -> Result<(), TestCaseError> {
    let mut next = 0;
    let mut seen = vec![0u32; cmp.original_sentences[0].len()];
    let mut again = Vec::new();
    let mut headlines = Vec::new();
    for seg in &cmp.segments {
        match (seg.kind, &seg.adapted, &seg.original) {
            (Kind::Inserted, Some(_), None) | (Kind::Removed, None, Some(_)) => {}
            (Kind::Unchanged | Kind::Reworded, Some(_), Some(_)) => {}
            other => return Err(TestCaseError::fail(format!("bad segment {other:?}"))),
        }
        if let Some(r) = &seg.adapted {
            prop_assert_eq!(r.start, next, "adapted order, nothing skipped");
            prop_assert!(r.start < r.end);
            next = r.end;
        }
        if let Some((src, r)) = &seg.original {
            prop_assert_eq!(*src, 0);
            prop_assert!(r.start < r.end);
            // A second passage drawn from a sentence another passage holds shares it; so
            // may a headline drawn from the lead.
            if seg.paired_by == Some(PairedBy::Again) {
                again.push(r.clone());
                continue;
            }
            if seg.paired_by == Some(PairedBy::Subhead) {
                again.push(r.clone());
                continue;
            }
            if seg.paired_by == Some(PairedBy::Headline) {
                headlines.push(r.clone());
                continue;
            }
            for i in r.clone() {
                seen[i] += 1;
            }
        }
    }
    for r in headlines {
        prop_assert!(r.len() == 1, "a headline is one sentence: {:?}", r);
        // The wire's headline is the headline's alone; the lead is its own passage's too.
        seen[r.start] = seen[r.start].max(1);
    }
    prop_assert_eq!(next, cmp.adapted_sentences.len());
    // The exit status's quick test agrees with the summary's count.
    prop_assert_eq!(cmp.has_differences(), cmp.summary().has_differences());
    prop_assert!(
        seen.iter().all(|&n| n == 1),
        "each original sentence once: {:?}",
        seen
    );
    for r in again {
        prop_assert!(
            r.len() == 1,
            "a sentence drawn again is one sentence: {:?}",
            r
        );
    }
    // The JSON spans slice the reported texts exactly.
    let report: serde_json::Value = serde_json::from_str(&json(cmp)).unwrap();
    let a_text = report["adapted"]["text"].as_str().unwrap();
    let o_text = report["originals"][0]["text"].as_str().unwrap();
    for s in report["segments"].as_array().unwrap() {
        for (side, doc) in [("adapted", a_text), ("original", o_text)] {
            if s[side].is_null() {
                continue;
            }
            let (start, end) = (
                s[side]["start"].as_u64().unwrap() as usize,
                s[side]["end"].as_u64().unwrap() as usize,
            );
            prop_assert_eq!(doc.get(start..end), s[side]["text"].as_str());
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn segmenting_documents_together_changes_no_sentence(
        paras in article(),
        edits in prop::collection::vec(edit(), 0..40),
        more in article(),
    ) {
        // An original, its adapted article (sharing most paragraphs), and a second original
        // with paragraphs of both: each segmented alone, and all three together. Together,
        // a document of no detected language takes the others' when they agree on one.
        let adapted = adapt(&paras, &edits);
        let mut mixed = more.clone();
        mixed.extend(adapted.iter().rev().take(2).cloned());
        mixed.extend(paras.iter().take(2).cloned());
        let docs = [
            Document::from_text("o1.txt", &text(&paras)),
            Document::from_text("o2.txt", &text(&mixed)),
            Document::from_text("a.txt", &text(&adapted)),
        ];
        let together = wirediff::segment_all(&[&docs[0], &docs[1], &docs[2]]);
        prop_assert_eq!(together.len(), 3);
        let known: Vec<&str> = docs.iter().filter_map(|d| d.language.as_deref()).collect();
        let shared = known.first().filter(|&&l| known.iter().all(|&k| k == l)).copied();
        for (doc, sentences) in docs.iter().zip(together) {
            let mut alone = doc.clone();
            alone.language = alone.language.or(shared.map(str::to_string));
            prop_assert_eq!(sentences, wirediff::segment(&alone));
        }
    }

    #[test]
    fn sentences_tile_the_text(paras in article()) {
        let t = text(&paras);
        let doc = Document::from_text("a.txt", &t);
        let sentences = wirediff::segment(&doc);
        let mut last = 0;
        for s in &sentences {
            prop_assert!(last <= s.start && s.start < s.end && s.end <= doc.text.len());
            prop_assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
            // Between sentences there is only white space: no text is lost.
            prop_assert!(doc.text[last..s.start].trim().is_empty(), "{:?}", &doc.text[last..s.start]);
            last = s.end;
        }
        prop_assert!(doc.text[last..].trim().is_empty());
    }

    #[test]
    fn any_text_segments_without_loss(t in "\\PC{0,400}") {
        let doc = Document::from_text("a.txt", &t);
        let mut last = 0;
        for s in wirediff::segment(&doc) {
            prop_assert!(last <= s.start && s.start < s.end && s.end <= doc.text.len());
            prop_assert!(doc.text[last..s.start].trim().is_empty());
            last = s.end;
        }
        prop_assert!(doc.text[last..].trim().is_empty());
    }

    #[test]
    fn every_sentence_in_exactly_one_segment(
        paras in article(),
        edits in prop::collection::vec(edit(), 0..40),
    ) {
        let original = text(&paras);
        let adapted = text(&adapt(&paras, &edits));
        let cmp = compare(
            vec![Document::from_text("wire.txt", &original)],
            Document::from_text("site.txt", &adapted),
            &Default::default(),
        );
        check(&cmp)?;
        // Deterministic: the same inputs give the same report, byte for byte.
        let again = compare(
            vec![Document::from_text("wire.txt", &original)],
            Document::from_text("site.txt", &adapted),
            &Default::default(),
        );
        prop_assert_eq!(json(&cmp), json(&again));
        // Only kept-and-untouched copy: no material differences.
        if edits.iter().all(|e| matches!(e, Edit::Keep)) {
            prop_assert!(!cmp.summary().has_differences());
        }
    }

    #[test]
    fn a_document_against_itself_is_unchanged(paras in article()) {
        let t = text(&paras);
        let cmp = compare(
            vec![Document::from_text("a.txt", &t)],
            Document::from_text("a.txt", &t),
            &Default::default(),
        );
        check(&cmp)?;
        prop_assert!(cmp.segments.iter().all(|s| s.kind == Kind::Unchanged && !s.moved));
        prop_assert!(!cmp.summary().has_differences());
    }

    #[test]
    fn html_against_its_own_text_is_unchanged(paras in article()) {
        let html: String = paras
            .iter()
            .map(|p| format!("<p>{}</p>\n", p.join(" ").replace('&', "&amp;").replace('<', "&lt;")))
            .collect();
        let page = format!("<html><body><article>{html}</article></body></html>");
        let cmp = compare(
            vec![Document::from_text("a.txt", &text(&paras))],
            Document::from_html("a.html", &page),
            &Default::default(),
        );
        check(&cmp)?;
        prop_assert!(!cmp.summary().has_differences(), "{}", json(&cmp));
    }
}

/// Text made of the pieces that decide word boundaries: letters, digits, joiners ('.', '\'',
/// '`', curly single quotes), other punctuation, curly double quotes, dashes and white space;
/// with `beyond`, also characters that take text off the plain fast path.
fn wordy(beyond: bool) -> impl Strategy<Value = String> {
    let mut pieces = vec![
        "a", "Z", "7", "xi", ".", "'", "`", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}",
        "\u{2013}", "\u{2014}", " ", "\n", ",", "-",
    ];
    if beyond {
        pieces.extend(["\u{e9}", "\u{fb01}", "\u{a0}"]);
    }
    prop::collection::vec(prop::sample::select(pieces), 0..40).prop_map(|p| p.concat())
}

proptest! {
    /// `word_count` (a one-pass count on plain text) finds as many words as `words` builds.
    #[test]
    fn word_count_agrees_with_words(s in wordy(false), t in wordy(true)) {
        for s in [&s, &t] {
            prop_assert_eq!(
                wirediff::word_count(s),
                wirediff::words(s).len(),
                "{:?}",
                s
            );
        }
    }
}
