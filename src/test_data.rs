//! Real text for the tests that compare a fast path with the code it replaced. Tests read
//! only this checkout: the fixture pairs, and the texts in `fixtures/text/` written for
//! these tests (many scripts and symbols, an HTML page). Nothing outside the checkout, so
//! that `cargo test` in a fresh clone runs exactly what it runs here.

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every pair directory under `fixtures/pairs`.
pub(crate) fn pair_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures().join("pairs"))
        .expect("fixtures/pairs")
        .flatten()
        .map(|pair| pair.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 9, "fixtures/pairs: {} pairs", dirs.len());
    dirs
}

/// The texts of `fixtures/text/` with the given extension (`txt` or `html`).
pub(crate) fn texts(extension: &str) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures().join("text"))
        .expect("fixtures/text")
        .flatten()
        .map(|f| f.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .{extension} in fixtures/text");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("fixture text"))
        .collect()
}
