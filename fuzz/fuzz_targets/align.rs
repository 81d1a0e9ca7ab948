//! The aligner on two texts (split at the first NUL byte): every sentence of each side lies
//! in exactly one segment, adapted sentences in order, and spans slice their documents.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::{Document, Kind, compare};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    let cmp = compare(
        vec![Document::from_text("original.txt", a)],
        Document::from_text("adapted.txt", b),
        &Default::default(),
    );
    let mut seen_o = vec![0u8; cmp.original_sentences[0].len()];
    let mut next_a = 0;
    for seg in &cmp.segments {
        if let Some(r) = &seg.adapted {
            assert_eq!(r.start, next_a, "adapted sentences in order, none skipped");
            assert!(r.start < r.end);
            next_a = r.end;
        }
        if let Some((src, r)) = &seg.original {
            assert_eq!(*src, 0);
            for i in r.clone() {
                seen_o[i] += 1;
            }
        }
        match seg.kind {
            Kind::Inserted => assert!(seg.original.is_none() && seg.adapted.is_some()),
            Kind::Removed => assert!(seg.adapted.is_none() && seg.original.is_some()),
            _ => assert!(seg.adapted.is_some() && seg.original.is_some()),
        }
    }
    assert_eq!(next_a, cmp.adapted_sentences.len(), "every adapted sentence reported");
    assert!(seen_o.iter().all(|&n| n == 1), "every original sentence once: {seen_o:?}");
    let mut out = Vec::new();
    wirediff::report::write_json(&cmp, &mut out, false).unwrap();
    wirediff::report::write_html(&cmp, &mut out).unwrap();
});
