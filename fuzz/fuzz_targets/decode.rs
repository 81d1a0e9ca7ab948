//! Charset detection, decoding and extraction on any bytes. The checks are `wirediff::invariants::decode_bytes`, which
//! `tests/fuzz_regressions.rs` also runs on the inputs kept in `fuzz/regressions/decode/`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| wirediff::invariants::decode_bytes(data));
