//! The two writers of the JSON report, checked against each other on every pair there is: the
//! hand-written compact writer (`--format json`) must write the bytes serde_json writes for
//! [`Report`], so that a field added to one and not the other is caught (the unit tests do the
//! same on the fixtures, which cannot hold every case the evaluation pairs do).
//!
//! usage: cargo run --release --example json_contract -- [DIR...] [--min-pairs N]
//!
//! Each DIR holds pair directories (`original*.txt` and `adapted.txt`, or any other
//! extension). Without DIR: `fixtures/pairs`, the generated evaluation pairs
//! (`target/eval/edits`, `crosscheck`, `rewriter`, `glue-meter`, `glue-rewriter` and `echo`,
//! from the `eval/synth_*.py` scripts), the long documents of `eval/bench.py`
//! (`target/bench/long`) and the
//! METER pairs (`../shared/data/meter-dev`), those of them that exist. Exits 1 when a pair's
//! reports differ or fewer than N pairs were compared, 2 when a pair cannot be read.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use wirediff::report::{Report, write_json, write_json_value};
use wirediff::{Loader, Options};

const DEFAULT_DIRS: [&str; 10] = [
    "fixtures/pairs",
    "target/eval/edits",
    "target/eval/crosscheck",
    "target/eval/rewriter",
    "target/eval/glue-meter",
    "target/eval/glue-rewriter",
    "target/eval/echo",
    "target/eval/blind",
    "target/bench/long",
    "../shared/data/meter-dev",
];

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut min_pairs = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--min-pairs" => min_pairs = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        dirs = (DEFAULT_DIRS.iter().map(PathBuf::from))
            .filter(|d| d.is_dir())
            .collect();
    }
    let start = Instant::now();
    let loader = Loader::default();
    let (mut compared, mut bytes) = (0usize, 0usize);
    let mut bad = Vec::new();
    for dir in &dirs {
        // The pairs as a corpus run finds them; a directory not laid out as a pair is skipped.
        let pairs = match wirediff::corpus::discover(dir) {
            Ok(pairs) => pairs,
            Err(e) => {
                eprintln!("json_contract: {e}");
                return ExitCode::from(2);
            }
        };
        for pair in pairs {
            let Ok(inputs) = &pair.inputs else {
                continue;
            };
            let cmp = match loader.compare(&inputs.originals, &inputs.adapted, &Options::default())
            {
                Ok(cmp) => cmp,
                Err(e) => {
                    eprintln!("json_contract: {}: {e}", pair.id);
                    return ExitCode::from(2);
                }
            };
            let mut by_hand = Vec::new();
            write_json(&cmp, &mut by_hand, false).expect("writing to memory");
            let mut by_serde = Vec::new();
            write_json_value(&mut by_serde, &Report::new(&cmp), false).expect("writing to memory");
            by_serde.push(b'\n');
            compared += 1;
            bytes += by_hand.len();
            if by_hand != by_serde {
                bad.push(format!(
                    "{}/{}: {}",
                    dir.display(),
                    pair.id,
                    first_difference(&by_hand, &by_serde)
                ));
            }
        }
    }
    let shown: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    println!(
        "json_contract: {compared} pairs ({:.1} MB of JSON) from {} in {:.1} s; {} whose two \
         writers differ",
        bytes as f64 / 1e6,
        shown.join(", "),
        start.elapsed().as_secs_f64(),
        bad.len()
    );
    for b in &bad {
        println!("  {b}");
    }
    if !bad.is_empty() || compared < min_pairs {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Where two reports part, with a little of each around it.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let around = |s: &[u8]| {
        let from = at.saturating_sub(60);
        String::from_utf8_lossy(&s[from..(at + 60).min(s.len())]).into_owned()
    };
    format!("byte {at}: by hand …{}… serde …{}…", around(a), around(b))
}
