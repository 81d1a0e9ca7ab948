//! The sentence segmenter on any text. The checks are `wirediff::invariants::segment_text`, which
//! `tests/fuzz_regressions.rs` also runs on the inputs kept in `fuzz/regressions/segment/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wirediff::invariants::segment_text(data));
