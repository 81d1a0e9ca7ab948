//! Scores wirediff's sentence segmenter on the English Golden Rules
//! (`../shared/data/sentence-golden-rules/`): a case passes when the segments equal the
//! expected ones exactly, after trimming each and collapsing runs of whitespace (a segmenter
//! that returns byte spans cannot delete the stray line breaks some cases expect removed).
//!
//! usage: cargo run --release --example golden_rules -- [DATA_DIR] [--min N] [--verbose]
//! Exits 1 when fewer than N of the 52 pragmatic_segmenter cases pass.

use std::process::ExitCode;

use serde_json::Value;

fn main() -> ExitCode {
    let mut dir = "../shared/data/sentence-golden-rules".to_string();
    let mut min = 0usize;
    let mut verbose = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--min" => min = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--verbose" => verbose = true,
            _ => dir = a,
        }
    }
    let mut pragmatic = None;
    for (file, label) in [
        (
            "pragmatic_segmenter_english_golden_rules.json",
            "pragmatic_segmenter Golden Rules",
        ),
        (
            "pysbd_benchmark_english_golden_rules.json",
            "pySBD Golden Rules",
        ),
    ] {
        let path = format!("{dir}/{file}");
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!("golden_rules: cannot read {path}; is ../shared/data present?");
            return ExitCode::from(2);
        };
        let cases: Vec<Value> = serde_json::from_str(&data).expect("golden rules JSON");
        let (mut pass, mut strict) = (0, 0);
        for case in &cases {
            let input = case["input"].as_str().unwrap_or_default();
            let expected: Vec<String> = case["expected"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).map(squash).collect())
                .unwrap_or_default();
            let got: Vec<String> = wirediff::split_sentences(input)
                .into_iter()
                .map(|r| squash(&input[r]))
                .collect();
            let exact: Vec<&str> = case["expected"]
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).map(str::trim).collect())
                .unwrap_or_default();
            let got_exact: Vec<&str> = wirediff::split_sentences(input)
                .into_iter()
                .map(|r| &input[r])
                .collect();
            strict += usize::from(exact == got_exact);
            if got == expected {
                pass += 1;
            } else if verbose {
                println!(
                    "  FAIL #{} {}: expected {expected:?}, got {got:?}",
                    case["id"], case["name"]
                );
            }
        }
        println!(
            "{label:<36} {pass}/{n} passed ({strict}/{n} without collapsing whitespace)",
            n = cases.len()
        );
        if pragmatic.is_none() {
            pragmatic = Some(pass);
        }
    }
    println!("(published: pragmatic_segmenter 51/52, pySBD 49/52 and 47/48)");
    if pragmatic.unwrap_or(0) < min {
        eprintln!("golden_rules: below the floor of {min}/52");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
