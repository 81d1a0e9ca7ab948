//! Real pairs for the tests that compare a fast path with the code it replaced: the
//! fixtures, and the evaluation pairs when `eval/synth.py` has built them in this checkout.
//! A test must pass on the fixtures alone: CI runs `cargo test` before it builds the
//! evaluation pairs.

use std::path::PathBuf;

/// Every pair directory under `fixtures/pairs` and the evaluation pairs that are there.
pub(crate) fn pair_dirs() -> Vec<PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ["fixtures/pairs", "target/eval/pairs"]
        .into_iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flat_map(|dir| dir.flatten().map(|pair| pair.path()))
        .collect()
}
