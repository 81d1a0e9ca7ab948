//! The HTML extractor on any page: no panic, paragraphs lie inside the text on character
//! boundaries, and what was extracted can be segmented.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::Document;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let doc = Document::from_html("fuzz.html", &html);
    for i in 0..doc.paragraphs.len() {
        let _ = doc.paragraph(i);
    }
    for s in wirediff::segment::segment(&doc) {
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
    }
});
