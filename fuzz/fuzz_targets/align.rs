//! The aligner on two texts split at the first NUL byte. The checks are `wirediff::invariants::align_texts`, which
//! `tests/fuzz_regressions.rs` also runs on the inputs kept in `fuzz/regressions/align/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wirediff::invariants::align_texts(data));
