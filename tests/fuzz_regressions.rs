//! Replays the inputs kept in `fuzz/regressions/<target>/` through the same invariant checks
//! the fuzz targets run (`wirediff::invariants`): crashing inputs once fixed, and the largest
//! inputs of each target's corpus from the fuzzing runs recorded in docs/limits.md (Fuzzing).

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs kept for {target}");
    for f in files {
        let data = std::fs::read(&f).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(
            outcome.is_ok(),
            "{target}: {} breaks an invariant",
            f.display()
        );
    }
}

#[test]
fn segment_inputs() {
    replay("segment", wirediff::invariants::segment_text);
}

#[test]
fn extract_inputs() {
    replay("extract", wirediff::invariants::extract_html);
}

#[test]
fn align_inputs() {
    replay("align", wirediff::invariants::align_texts);
}

#[test]
fn decode_inputs() {
    replay("decode", wirediff::invariants::decode_bytes);
}
