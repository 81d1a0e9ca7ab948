//! The sentence segmenter on any text: sentences are in order, do not overlap, lie on
//! character boundaries inside the text, and are not empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::from_text("fuzz.txt", &text);
    let sentences = wirediff::segment::segment(&doc);
    let mut last = 0;
    for s in &sentences {
        assert!(last <= s.start && s.start < s.end && s.end <= doc.text.len(), "{s:?}");
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        assert!(!doc.text[s.start..s.end].trim().is_empty());
        last = s.end;
    }
});
