//! Charset detection and decoding on any bytes: BOMs, `<meta charset>` sniffing, UTF-8
//! checks and HTML sniffing end in text or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirediff::load::{Format, from_bytes, meta_charset};

fuzz_target!(|data: &[u8]| {
    let _ = meta_charset(data);
    for hint in [None, Some(Format::Html), Some(Format::Text)] {
        if let Ok(loaded) = from_bytes("fuzz".into(), data, hint) {
            if let Ok(doc) = wirediff::extract::extract(&loaded) {
                assert!(!doc.text.trim().is_empty() || doc.paragraphs.is_empty());
            }
        }
    }
});
