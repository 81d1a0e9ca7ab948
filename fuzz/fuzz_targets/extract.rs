//! The HTML extractor on any page. The checks are `wirediff::invariants::extract_html`, which
//! `tests/fuzz_regressions.rs` also runs on the inputs kept in `fuzz/regressions/extract/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wirediff::invariants::extract_html(data));
