//! What the integration tests share: the `wirediff` binary to run, the fixture pairs, pairs
//! written to temporary folders, the JSON report's passages and the one-line error.
//!
//! Everything here reads this checkout (`fixtures/`) or the files a test writes, nothing else.

// Each test binary (every tests/*.rs that says `mod common;`) compiles its own copy of this
// module and uses only part of it; without this, every binary would warn about the rest.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use assert_cmd::cargo::cargo_bin;
use serde_json::Value;

/// The `wirediff` binary, its environment cleared of what would change its output
/// (`NO_COLOR`, `CLICOLOR_FORCE`, `WIREDIFF_WIDTH`).
pub fn wirediff() -> Command {
    let mut cmd = Command::new(cargo_bin("wirediff"));
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "WIREDIFF_WIDTH"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The folder of the fixture pairs, `fixtures/pairs` in this checkout.
pub fn pairs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pairs")
}

/// The folder of fixture pair `name`.
pub fn pair(name: &str) -> PathBuf {
    pairs().join(name)
}

/// The originals of a fixture pair (original.txt or original-N.txt, sorted) then adapted.txt.
pub fn pair_files(name: &str) -> Vec<PathBuf> {
    let dir = pair(name);
    let mut originals: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("original"))
        })
        .collect();
    originals.sort();
    originals.push(dir.join("adapted.txt"));
    originals
}

/// Writes `contents` to `dir/name`; returns its path.
pub fn write_file(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

/// Writes a pair into `dir`, `wire.txt` and `site.txt`: returns the original's and the
/// adapted article's paths.
pub fn write_pair(dir: &Path, original: &str, adapted: &str) -> [PathBuf; 2] {
    [
        write_file(dir, "wire.txt", original),
        write_file(dir, "site.txt", adapted),
    ]
}

/// `wirediff compare`, these options, then these files.
pub fn compare<P: AsRef<OsStr>>(args: &[&str], files: &[P]) -> Command {
    let mut cmd = wirediff();
    cmd.arg("compare").args(args).args(files);
    cmd
}

/// Runs `compare --format=json` on these files; returns the report and the exit code.
pub fn compare_json<P: AsRef<OsStr>>(files: &[P]) -> (Value, Option<i32>) {
    let out = compare(&["--format=json"], files)
        .output()
        .expect("run wirediff");
    let report = serde_json::from_slice(&out.stdout).expect("JSON report");
    (report, out.status.code())
}

/// Runs `cmd` with `input` on its standard input, written from a thread of its own so that
/// a child that answers while it reads cannot block on a full pipe; returns what it left.
pub fn output_with_stdin(cmd: &mut Command, input: impl Into<Vec<u8>>) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start wirediff");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.into();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("wait for wirediff");
    writer.join().unwrap().unwrap();
    out
}

/// The values of JSON Lines output (`batch`, `extract --format jsonl`), one a line.
pub fn json_lines(output: impl AsRef<[u8]>) -> Vec<Value> {
    std::str::from_utf8(output.as_ref())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The passages (`segments`) of a JSON report, in report order.
pub fn segments(r: &Value) -> &Vec<Value> {
    r["segments"].as_array().expect("segments")
}

/// The kind of a passage: unchanged, reworded, inserted or removed.
pub fn kind(s: &Value) -> &str {
    s["kind"].as_str().expect("kind")
}

/// A refused run: exit 2, nothing on standard output, and one line on standard error that
/// starts `wirediff: `, contains `needle` and tells of no panic. Returns that line.
pub fn one_line_error(out: &Output, needle: &str) -> String {
    let err = String::from_utf8(out.stderr.clone()).expect("UTF-8 on stderr");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("wirediff: "), "{err}");
    assert!(err.contains(needle), "{err} lacks {needle}");
    assert!(!err.contains("panicked"), "{err}");
    err
}
