//! Invariants the pipeline keeps on any input, as functions that panic when one is broken.
//! The fuzz targets (`fuzz/`) call them on generated input, and `tests/fuzz_regressions.rs`
//! replays the inputs kept in `fuzz/regressions/` through them. Not a stable API.

use crate::load::{Format, from_bytes, meta_charset};
use crate::{Document, Kind, compare, sentences};

/// Sentences of any text are in order, do not overlap, lie on character boundaries inside
/// the text, are not blank, and leave only white space between them.
pub fn segment_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text("fuzz.txt", &text);
    sentences_tile(&doc);
}

fn sentences_tile(doc: &Document) {
    let mut last = 0;
    for s in sentences::segment(doc) {
        assert!(
            last <= s.start && s.start < s.end && s.end <= doc.text.len(),
            "{s:?}"
        );
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        assert!(
            !doc.text[s.start..s.end].trim().is_empty(),
            "a blank sentence"
        );
        assert!(doc.text[last..s.start].trim().is_empty(), "text lost");
        last = s.end;
    }
}

/// Any page extracts without a panic; its paragraphs and sentences lie inside its text.
pub fn extract_html(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    let doc = Document::from_html("fuzz.html", &html);
    for i in 0..doc.paragraphs.len() {
        let _ = doc.paragraph(i);
    }
    for s in sentences::segment(&doc) {
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
    }
}

/// Two texts (split at the first NUL byte) align so that every sentence of each side lies in
/// exactly one segment (an original sentence also in the passages paired with it again),
/// adapted sentences in order, segments of each kind with the sides
/// they need; the JSON and HTML reports are written.
pub fn align_texts(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    let cmp = compare(
        vec![Document::from_text("original.txt", a)],
        Document::from_text("adapted.txt", b),
        &Default::default(),
    );
    let mut seen = vec![0u8; cmp.original_sentences[0].len()];
    let mut headlines = Vec::new();
    let mut next = 0;
    for seg in &cmp.segments {
        match seg.kind {
            Kind::Inserted => assert!(seg.original.is_none() && seg.adapted.is_some()),
            Kind::Removed => assert!(seg.adapted.is_none() && seg.original.is_some()),
            _ => assert!(seg.adapted.is_some() && seg.original.is_some()),
        }
        if let Some(r) = &seg.adapted {
            assert_eq!(r.start, next, "adapted sentences in order, none skipped");
            assert!(r.start < r.end);
            next = r.end;
        }
        if let Some((src, r)) = &seg.original {
            assert_eq!(*src, 0);
            // A second passage drawn from a sentence another passage holds shares it; so
            // may a headline drawn from the lead.
            if seg.paired_by == Some(crate::model::PairedBy::Again) {
                continue;
            }
            if seg.paired_by == Some(crate::model::PairedBy::Subhead) {
                assert_eq!(r.len(), 1, "a subhead is one sentence");
                continue;
            }
            if seg.paired_by == Some(crate::model::PairedBy::Headline) {
                assert_eq!(r.len(), 1, "a headline is one sentence");
                headlines.push(r.start);
                continue;
            }
            for i in r.clone() {
                seen[i] += 1;
            }
        }
    }
    for i in headlines {
        seen[i] = seen[i].max(1);
    }
    assert_eq!(next, cmp.adapted_sentences.len(), "every adapted sentence");
    assert!(
        seen.iter().all(|&n| n == 1),
        "every original sentence once: {seen:?}"
    );
    let mut out = Vec::new();
    crate::report::write_json(&cmp, &mut out, false).expect("JSON to memory");
    crate::report::write_html(&cmp, &mut out).expect("HTML to memory");
}

/// Any bytes go through BOM and `<meta charset>` detection, the UTF-8 checks, HTML sniffing
/// and extraction to text or a typed error.
pub fn decode_bytes(data: &[u8]) {
    let _ = meta_charset(data);
    for hint in [None, Some(Format::Html), Some(Format::Text)] {
        if let Ok(loaded) = from_bytes("fuzz".into(), data, hint)
            && let Ok(doc) = crate::extract::extract(&loaded)
        {
            assert!(doc.text.chars().any(char::is_alphanumeric));
        }
    }
}
