//! End-to-end tests of the `wirediff` binary on the fixture pairs and on bad input.

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{
    compare, compare_json, json_lines, kind, one_line_error, output_with_stdin, pair, pair_files,
    segments, wirediff, write_file, write_pair,
};
use serde_json::Value;

/// Runs `compare --format json` on a fixture pair; returns the report and the exit code.
fn json_report(name: &str) -> (Value, i32) {
    let out = compare(&["--format=json"], &pair_files(name))
        .output()
        .expect("run wirediff");
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    check_contract(&report);
    (report, out.status.code().expect("exit code"))
}

/// Runs `extract --format=json` on one file, which must succeed; returns its object.
fn extract_json(path: &std::path::Path) -> Value {
    let out = wirediff()
        .args(["extract", "--format=json"])
        .arg(path)
        .output()
        .expect("run wirediff");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The segments of one kind, in report order.
fn of_kind<'a>(r: &'a Value, k: &str) -> Vec<&'a Value> {
    segments(r).iter().filter(|s| kind(s) == k).collect()
}

fn a_text(s: &Value) -> &str {
    s["adapted"]["text"].as_str().unwrap_or("")
}

fn o_text(s: &Value) -> &str {
    s["original"]["text"].as_str().unwrap_or("")
}

/// The segment whose adapted text contains `needle` (exactly one must).
fn seg_with<'a>(r: &'a Value, needle: &str) -> &'a Value {
    let found: Vec<&Value> = segments(r)
        .iter()
        .filter(|s| a_text(s).contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "segments containing {needle:?}: {found:#?}");
    found[0]
}

/// Contract v1: spans slice their documents exactly, adapted spans follow the adapted order
/// without overlap, every byte of text is in at most one segment, summary counts match.
fn check_contract(r: &Value) {
    assert_eq!(r["version"], 1);
    let a_doc = r["adapted"]["text"].as_str().expect("adapted text");
    let originals = r["originals"].as_array().expect("originals");
    let mut last_end = 0;
    let mut o_spans: Vec<Vec<(usize, usize)>> = vec![Vec::new(); originals.len()];
    let mut counts = std::collections::HashMap::new();
    let mut moved = 0;
    for s in segments(r) {
        *counts.entry(kind(s).to_string()).or_insert(0u64) += 1;
        moved += u64::from(s["moved"].as_bool().expect("moved"));
        if let Some(a) = s["adapted"].as_object() {
            let (start, end) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&a_doc[start..end], a["text"].as_str().unwrap());
            assert!(start >= last_end, "adapted spans out of order at {start}");
            last_end = end;
        } else {
            assert_eq!(kind(s), "removed");
        }
        if let Some(o) = s["original"].as_object() {
            let src = o["source"].as_u64().unwrap() as usize;
            let doc = originals[src]["text"].as_str().unwrap();
            let (start, end) = (
                o["start"].as_u64().unwrap() as usize,
                o["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&doc[start..end], o["text"].as_str().unwrap());
            o_spans[src].push((start, end));
        } else {
            assert_eq!(kind(s), "inserted");
        }
        match kind(s) {
            "inserted" | "removed" => assert!(s["similarity"].is_null()),
            _ => {
                let sim = s["similarity"].as_f64().expect("similarity");
                assert!((0.0..=1.0).contains(&sim));
            }
        }
    }
    for spans in &mut o_spans {
        spans.sort();
        for w in spans.windows(2) {
            assert!(w[0].1 <= w[1].0, "original spans overlap: {w:?}");
        }
    }
    for k in ["unchanged", "reworded", "inserted", "removed"] {
        assert_eq!(
            r["summary"][k].as_u64().unwrap(),
            *counts.get(k).unwrap_or(&0),
            "{k}"
        );
    }
    assert_eq!(r["summary"]["moved"].as_u64().unwrap(), moved);
    let mut signals: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for s in segments(r) {
        for sig in s["signals"].as_array().expect("signals on every segment") {
            *signals
                .entry(sig["kind"].as_str().expect("signal kind").to_string())
                .or_insert(0) += 1;
        }
    }
    for k in ["attribution", "quote", "loaded", "hedge", "credit"] {
        assert_eq!(
            r["summary"]["signals"][k]
                .as_u64()
                .expect("summary signal count"),
            *signals.get(k).unwrap_or(&0),
            "signals: {k}"
        );
    }
}

#[test]
fn seed_insertions_are_inserted() {
    let (r, code) = json_report("seed");
    assert_eq!(code, 1);
    for needle in [
        "covert CIA-led",
        "during the Obama administration",
        "George Soros",
        "puppet for this globalist cabal",
        "NO END IN SIGHT FOR UKRAINE",
    ] {
        assert_eq!(kind(seg_with(&r, needle)), "inserted", "{needle}");
    }
}

/// Every reworded passage says why it was paired, and no other passage has a `pairing`.
#[test]
fn reworded_passages_say_why_they_were_paired() {
    let (r, _) = json_report("seed");
    let mut reworded = 0;
    for s in segments(&r) {
        let Some(p) = s.get("pairing") else {
            assert_ne!(kind(s), "reworded", "{s}");
            continue;
        };
        assert_eq!(kind(s), "reworded", "{s}");
        reworded += 1;
        let by = p["by"].as_str().expect("by");
        assert!(["words", "stems", "position"].contains(&by), "{by}");
        for list in ["names", "numbers", "words"] {
            assert!(p[list].is_array(), "{list} in {p}");
        }
    }
    assert_eq!(reworded, of_kind(&r, "reworded").len());
    // The short replacement between kept neighbours was paired by position alone.
    let p = &seg_with(&r, "He did not elaborate.")["pairing"];
    assert_eq!(p["by"], "position", "{p}");
    assert_eq!(p["words"].as_array().map(Vec::len), Some(0), "{p}");
    // A rewording of wire copy shares the wire's names.
    let names = &seg_with(&r, "external forces")["pairing"]["names"];
    assert!(
        names.as_array().unwrap().iter().any(|n| n == "xi"),
        "{names}"
    );
}

#[test]
fn seed_low_similarity_rewording_between_kept_neighbours() {
    let (r, _) = json_report("seed");
    let s = seg_with(&r, "He did not elaborate.");
    assert_eq!(kind(s), "reworded");
    assert_eq!(o_text(s), "He gave no details.");
    assert_eq!(s["original"]["source"], 0);
}

#[test]
fn seed_merge_is_one_segment_against_both_ap_sentences() {
    let (r, _) = json_report("seed");
    let s = seg_with(&r, "He alleged, without offering specifics");
    assert_eq!(kind(s), "reworded");
    assert!(o_text(s).starts_with("He alleged that Ukraine has attempted"));
    assert!(o_text(s).contains("We will retaliate if they fail to understand"));
    assert_eq!(s["original"]["source"], 1);
    let inserted: String = s["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["op"] == "insert")
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(inserted.contains("without"), "{inserted}");
    assert!(inserted.contains("offering specifics"), "{inserted}");
}

#[test]
fn seed_rewordings_and_sources() {
    let (r, _) = json_report("seed");
    for (needle, source) in [
        ("Xi said in a speech, referring to protests", 0),
        ("The group also includes India, Pakistan", 0),
        ("On Friday, Putin vowed to press his attack", 1),
        ("He said the “liberation”", 1),
        ("Let’s see how it develops", 1),
    ] {
        let s = seg_with(&r, needle);
        assert_eq!(kind(s), "reworded", "{needle}");
        assert_eq!(s["original"]["source"], source, "{needle}");
    }
    for (needle, source) in [
        ("Xi offered to train 2,000 police officers", 0),
        ("“We aren’t in a rush,”", 1),
        ("Zhang Lihua, an international relations expert", 0),
        ("to China–U.S. relations,” adding that", 0),
        ("Let’s consider those as warning strikes", 1),
    ] {
        let s = seg_with(&r, needle);
        assert_eq!(kind(s), "unchanged", "{needle}");
        assert_eq!(s["original"]["source"], source, "{needle}");
    }
}

#[test]
fn seed_removed_context_is_removed() {
    let (r, _) = json_report("seed");
    let removed: Vec<&str> = segments(&r)
        .iter()
        .filter(|s| kind(s) == "removed")
        .map(o_text)
        .collect();
    for needle in [
        "official Chinese anxiety",
        "\"no limits\" friendship",
        "first trip abroad since the start of the coronavirus pandemic",
        "between Azerbaijan and Armenia",
        "does not want to negotiate in earnest",
    ] {
        assert!(
            removed.iter().any(|t| t.contains(needle)),
            "{needle} not removed"
        );
    }
    assert!(segments(&r).iter().all(|s| !s["moved"].as_bool().unwrap()));
}

#[test]
fn seed_no_rewording_for_quote_marks_alone() {
    let (r, _) = json_report("seed");
    for s in of_kind(&r, "reworded") {
        let edits: String = s["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["op"] != "equal")
            .map(|c| c["text"].as_str().unwrap())
            .collect();
        assert!(
            edits.chars().any(char::is_alphanumeric),
            "reworded with no word edits: {}",
            a_text(s)
        );
    }
}

#[test]
fn quote_style_noise_is_unchanged_and_exits_zero() {
    let (r, code) = json_report("quote-style");
    assert_eq!(code, 0);
    assert!(segments(&r).iter().all(|s| kind(s) == "unchanged"), "{r:#}");
    let (r, code) = json_report("identical");
    assert_eq!(code, 0);
    assert_eq!(r["summary"]["wire_share"], 1.0);
}

#[test]
fn split_is_one_segment_with_two_adapted_sentences() {
    let (r, code) = json_report("split");
    assert_eq!(code, 1);
    let reworded: Vec<&Value> = of_kind(&r, "reworded");
    assert_eq!(reworded.len(), 1);
    assert_eq!(r["summary"]["inserted"], 0);
    assert_eq!(r["summary"]["removed"], 0);
    let s = reworded[0];
    assert!(a_text(s).contains("restore service.") && a_text(s).contains("The company warned"));
}

#[test]
fn merge_is_one_segment_with_two_original_sentences() {
    let (r, code) = json_report("merge");
    assert_eq!(code, 1);
    let reworded: Vec<&Value> = of_kind(&r, "reworded");
    assert_eq!(reworded.len(), 1);
    assert_eq!(r["summary"]["inserted"], 0);
    assert_eq!(r["summary"]["removed"], 0);
    assert!(
        o_text(reworded[0]).contains("middle schools.")
            && o_text(reworded[0]).contains("Class sizes")
    );
}

#[test]
fn moves_are_flagged_and_may_be_reworded() {
    let (r, code) = json_report("move");
    assert_eq!(code, 1);
    let moved: Vec<&Value> = segments(&r).iter().filter(|s| s["moved"] == true).collect();
    assert_eq!(moved.len(), 3, "{moved:#?}");
    assert!(
        moved
            .iter()
            .any(|s| kind(s) == "reworded" && a_text(s).contains("since 1958"))
    );
    assert_eq!(
        kind(seg_with(&r, "Halvorsen employs about 4,200")),
        "unchanged"
    );
    assert_eq!(r["summary"]["inserted"], 0);
    assert_eq!(r["summary"]["removed"], 0);
}

#[test]
fn two_originals_record_their_source() {
    let (r, _) = json_report("two-originals");
    assert_eq!(r["originals"].as_array().unwrap().len(), 2);
    assert_eq!(
        seg_with(&r, "Dockworkers at the port of Halden")["original"]["source"],
        0
    );
    assert_eq!(
        seg_with(&r, "Retailers warned Tuesday")["original"]["source"],
        1
    );
    assert_eq!(r["summary"]["removed"], 4);
    assert_eq!(r["summary"]["moved"], 0);
    assert_eq!(r["summary"]["unchanged"], 9);
}

#[test]
fn insertions_and_removals() {
    let (r, _) = json_report("insert-remove");
    assert_eq!(r["summary"]["inserted"], 3);
    assert_eq!(r["summary"]["removed"], 2);
    assert_eq!(r["summary"]["reworded"], 0);
    assert_eq!(
        kind(seg_with(&r, "Critics note that similar promises")),
        "inserted"
    );
}

#[test]
fn low_similarity_rewording_and_attribution_swap() {
    let (r, _) = json_report("low-similarity-reword");
    let s = seg_with(&r, "Messages left at Northgate");
    assert_eq!(kind(s), "reworded");
    assert!(o_text(s).contains("could not be reached"));
    let s = seg_with(&r, "claimed tenants had caused");
    assert_eq!(kind(s), "reworded");
    assert_eq!(r["summary"]["inserted"], 0);
}

#[test]
fn json_output_is_deterministic() {
    let run = || {
        compare(&["--format", "json"], &pair_files("seed"))
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

#[test]
fn terminal_report_marks_kinds_and_summary() {
    let out = compare(&["--color", "never"], &pair_files("seed"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\x1b'));
    assert!(text.contains("+ Some have accused current Ukrainian President"));
    assert!(text.contains("~ He [-gave no details-]{+did not elaborate+}."));
    assert!(text.contains("Summary:"));
    assert!(text.contains("% new"));
}

#[test]
fn color_follows_flag_and_environment() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut cmd = compare(args, &pair_files("move"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    assert!(run(&["--color=always"], &[]).contains('\x1b'));
    assert!(!run(&["--color=never"], &[("CLICOLOR_FORCE", "1")]).contains('\x1b'));
    // Not a terminal: no color unless forced.
    assert!(!run(&[], &[]).contains('\x1b'));
    assert!(run(&[], &[("CLICOLOR_FORCE", "1")]).contains('\x1b'));
    assert!(!run(&[], &[("NO_COLOR", "1")]).contains('\x1b'));
}

#[test]
fn adapted_article_from_stdin() {
    let dir = pair("insert-remove");
    let adapted = std::fs::read(dir.join("adapted.txt")).unwrap();
    let out = output_with_stdin(
        wirediff()
            .args(["compare", "--format=json"])
            .arg(dir.join("original.txt"))
            .arg("-"),
        adapted,
    );
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["adapted"]["source"], "-");
    assert_eq!(r["summary"]["inserted"], 3);
}

#[test]
fn html_input_is_extracted() {
    let tmp = tempfile::tempdir().unwrap();
    let page = write_file(
        tmp.path(),
        "page.html",
        r#"<!doctype html><html><head><title>Port strike | Daily</title>
        <script>track("x")</script></head><body><nav><a href="/">Home</a> News</nav>
        <article><h1>Port strike</h1>
        <p>Dockworkers at the port walked off the job on Monday. Talks broke down.</p>
        <p>This is a disgrace, critics say.</p></article>
        <footer>Copyright 2024</footer></body></html>"#,
    );
    let orig = write_file(
        tmp.path(),
        "wire.txt",
        "Dockworkers at the port walked off the job on Monday.\n\nTalks broke down.\n",
    );
    let (r, code) = compare_json(&[&orig, &page]);
    assert_eq!(code, Some(1), "the page adds a sentence");
    check_contract(&r);
    // The page's title, as its <title> gives it (four words or fewer: kept whole).
    assert_eq!(r["adapted"]["title"], "Port strike | Daily");
    let kinds: Vec<(&str, &str)> = segments(&r).iter().map(|s| (kind(s), a_text(s))).collect();
    assert_eq!(
        kinds,
        [
            ("inserted", "Port strike"),
            (
                "unchanged",
                "Dockworkers at the port walked off the job on Monday."
            ),
            ("unchanged", "Talks broke down."),
            ("inserted", "This is a disgrace, critics say.")
        ]
    );
}

/// Bad input ends with exit 2 and one line on stderr naming the input.
fn assert_trouble(args: &[&std::ffi::OsStr], needle: &str) {
    one_line_error(
        &wirediff().arg("compare").args(args).output().unwrap(),
        needle,
    );
}

#[test]
fn bad_inputs_exit_2_with_one_line() {
    let tmp = tempfile::tempdir().unwrap();
    let good = pair("identical").join("original.txt");
    let write = |name: &str, bytes: &[u8]| write_file(tmp.path(), name, bytes);
    let missing = tmp.path().join("missing.txt");
    assert_trouble(
        &[good.as_os_str(), missing.as_os_str()],
        "missing.txt: no such file",
    );
    assert_trouble(
        &[tmp.path().as_os_str(), good.as_os_str()],
        "is a directory",
    );
    let png = write("chart.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_trouble(
        &[good.as_os_str(), png.as_os_str()],
        "chart.png: not a text or HTML file (a PNG image)",
    );
    let empty = write("empty.txt", b"  \n\n \n");
    assert_trouble(
        &[good.as_os_str(), empty.as_os_str()],
        "empty.txt: no article text found",
    );
    let latin1 = write("latin1.txt", b"Caf\xe9 society.");
    assert_trouble(
        &[good.as_os_str(), latin1.as_os_str()],
        "latin1.txt: not valid UTF-8",
    );
    let dash = std::ffi::OsStr::new("-");
    assert_trouble(&[dash, dash], "standard input (-) can be given only once");
    // A URL with a scheme wirediff does not fetch: refused before any network access.
    assert_trouble(
        &[good.as_os_str(), std::ffi::OsStr::new("ftp://x")],
        "ftp://x: unsupported URL scheme \"ftp\"",
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = wirediff()
        .args(["compare", "only-one.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = wirediff()
        .args(["compare", "--format", "yaml", "a", "b"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn closed_pipe_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let text: String = (0..4000)
        .map(|i| format!("Sentence number {i} tells of event {}.\n\n", i * 7))
        .collect();
    let [a, b] = write_pair(tmp.path(), &text, &text.replace("event 7.", "an event."));
    let mut child = compare(&["--color=never"], &[&a, &b])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.code().is_some(), "killed by a signal");
}

#[test]
fn separator_lines_match_each_other() {
    let tmp = tempfile::tempdir().unwrap();
    let (r, code) = compare_json(&write_pair(
        tmp.path(),
        "Markets fell on Monday.\n\n___\n\nOil rose -- slightly.\n",
        "Markets fell on Monday.\n\n___\n\nOil rose — slightly.\n",
    ));
    assert!(segments(&r).iter().all(|s| kind(s) == "unchanged"), "{r:#}");
    assert_eq!(code, Some(0));
}

#[test]
fn seed_furniture_is_reported_apart_from_insertions() {
    let (r, _) = json_report("seed");
    for (needle, what) in [
        ("Adapted from reporting by the Associated Press", "credit"),
        ("Quantcast", "boilerplate"),
        ("TRENDING NOW", "boilerplate"),
        ("Saturday, December 21, 2024", "boilerplate"),
        ("No part of this site may be reproduced", "copyright"),
    ] {
        let s = segments(&r)
            .iter()
            .find(|s| a_text(s).contains(needle))
            .unwrap_or_else(|| panic!("{needle}"));
        assert_eq!(kind(s), "inserted", "{needle}");
        assert_eq!(s["furniture"], what, "{needle}");
    }
    let tag = seg_with(&r, "(Headline USA)");
    assert_eq!(
        (kind(tag), &tag["furniture"]),
        ("inserted", &Value::from("dateline"))
    );
    assert_eq!(a_text(tag), "(Headline USA)");
    assert_eq!(
        kind(seg_with(
            &r,
            "Speaking to reporters Friday, Russian President"
        )),
        "unchanged"
    );
    let datelines = segments(&r)
        .iter()
        .filter(|s| kind(s) == "removed" && s["furniture"] == "dateline")
        .count();
    assert_eq!(datelines, 2, "both AP datelines are removed furniture");
    for needle in ["globalist cabal", "covert CIA-led", "NO END IN SIGHT"] {
        assert!(seg_with(&r, needle)["furniture"].is_null(), "{needle}");
    }
    let furniture = segments(&r)
        .iter()
        .filter(|s| !s["furniture"].is_null())
        .count();
    assert_eq!(
        r["summary"]["furniture"].as_u64().unwrap() as usize,
        furniture
    );
    let words = &r["summary"];
    assert_eq!(
        words["adapted_words"].as_u64().unwrap(),
        [
            "wire_words",
            "reworded_words",
            "new_words",
            "furniture_words"
        ]
        .iter()
        .map(|k| words[k].as_u64().unwrap())
        .sum::<u64>()
    );
}

#[test]
fn furniture_alone_is_no_material_difference() {
    let tmp = tempfile::tempdir().unwrap();
    let body = "Markets fell on Monday.\n\nOil rose slightly.\n";
    let [a, b] = write_pair(
        tmp.path(),
        &format!("By JANE DOE\n\n{body}\nThe Associated Press contributed to this report.\n"),
        &format!(
            "- Advertisement -\n\n{body}\nAdapted from reporting by the Associated Press\n\nCopyright 2024. All rights reserved.\n"
        ),
    );
    let (r, code) = compare_json(&[&a, &b]);
    assert_eq!(r["summary"]["furniture"], 5, "{r:#}");
    assert_eq!(code, Some(0), "{r:#}");
    std::fs::write(&b, format!("{body}\nCritics say the markets are rigged.\n")).unwrap();
    assert_eq!(compare_json(&[&a, &b]).1, Some(1));
}

#[test]
fn extract_shows_what_wirediff_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let page = write_file(
        tmp.path(),
        "page.html",
        r#"<!doctype html><html><head><title>Strike | Daily</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Port strike</h1>
        <p>Dockworkers walked off the job on Monday, the union said.</p>
        <figure><img src="a.jpg"><figcaption>Pickets at the gate. (Photo: J. Doe)</figcaption></figure>
        <p>Talks broke down late on Sunday, and no new date was set.</p></article>
        <footer>Copyright 2024</footer></body></html>"#,
    );
    let doc = extract_json(&page);
    assert_eq!(doc["source"], page.to_str().unwrap());
    assert_eq!(doc["title"], "Strike | Daily");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.starts_with("Port strike\n\n"),
        "the headline leads: {text}"
    );
    assert!(
        text.contains(
            "Dockworkers walked off the job on Monday, the union said.\n\nTalks broke down"
        )
    );
    for furniture in ["Home", "Copyright", "Pickets at the gate"] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
    assert!(doc["captions"].to_string().contains("Pickets at the gate"));
    assert!(doc["extractor"].is_string());

    let out = wirediff().args(["extract"]).arg(&page).output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.starts_with(&format!(
        "Source:    {}\nTitle:     Strike | Daily\n",
        page.display()
    )));
    assert!(shown.contains(
        "\nDockworkers walked off the job on Monday, the union said.\n\nTalks broke down"
    ));
}

#[test]
fn extract_jsonl_reports_each_source_and_goes_on() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("missing.html");
    let seed = pair("seed").join("adapted.txt");
    let out = wirediff()
        .args(["extract", "--format", "jsonl"])
        .arg(&missing)
        .arg(&seed)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"].as_str().unwrap().contains("no such file"));
    assert_eq!(lines[1]["extractor"], "text");
    assert!(
        lines[1]["text"]
            .as_str()
            .unwrap()
            .contains("globalist cabal")
    );
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
}

/// The signals of the segment whose adapted (or, for a removed one, original) text contains
/// `needle`, of one kind.
fn signals_of<'a>(s: &'a Value, kind: &str) -> Vec<&'a Value> {
    s["signals"]
        .as_array()
        .expect("signals")
        .iter()
        .filter(|sig| sig["kind"] == kind)
        .collect()
}

#[test]
fn seed_news_signals() {
    let (r, _) = json_report("seed");
    // editorial insertions full of loaded words
    let cabal = seg_with(&r, "puppet for this globalist cabal");
    let loaded = signals_of(cabal, "loaded");
    assert_eq!(loaded.len(), 1, "{cabal:#}");
    let words = loaded[0]["words"].as_array().unwrap();
    for w in ["globalist", "cabal"] {
        assert!(words.contains(&Value::from(w)), "{w} in {words:?}");
    }
    let soros = seg_with(&r, "George Soros");
    let words = &signals_of(soros, "loaded")[0]["words"];
    assert!(
        words
            .as_array()
            .unwrap()
            .contains(&Value::from("so-called")),
        "{words}"
    );
    // a hedge added in a merge
    let merge = seg_with(&r, "He alleged, without offering specifics");
    let hedge = signals_of(merge, "hedge");
    assert_eq!(hedge.len(), 1, "{merge:#}");
    assert_eq!(
        hedge[0]["added"],
        serde_json::json!(["without offering specifics"])
    );
    assert_eq!(hedge[0]["dropped"], serde_json::json!([]));
    assert!(signals_of(merge, "attribution").is_empty(), "{merge:#}");
    assert!(signals_of(merge, "quote").is_empty(), "{merge:#}");
    // both AP datelines removed, the outlet's own added
    let dropped: Vec<&Value> = segments(&r)
        .iter()
        .filter(|s| kind(s) == "removed" && s["furniture"] == "dateline")
        .collect();
    assert_eq!(dropped.len(), 2);
    for s in dropped {
        assert_eq!(
            s["signals"],
            serde_json::json!([{"kind": "credit", "change": "dropped", "what": "dateline"}])
        );
    }
    assert_eq!(
        seg_with(&r, "(Headline USA)")["signals"],
        serde_json::json!([{"kind": "credit", "change": "added", "what": "dateline"}])
    );
    assert_eq!(
        signals_of(
            seg_with(&r, "Adapted from reporting by the Associated Press"),
            "credit"
        )[0]["change"],
        "added"
    );
    // a quotation changed ("Let's how it develops" in AP's copy)
    let quote = signals_of(seg_with(&r, "Let’s see how it develops"), "quote");
    assert_eq!(quote.len(), 1);
    assert_eq!(quote[0]["from"], "Let's how it develops and how it ends.");
    // quote-mark style alone, and unchanged passages, carry none
    for s in of_kind(&r, "unchanged") {
        assert_eq!(s["signals"], serde_json::json!([]), "{s:#}");
    }
    assert!(
        seg_with(&r, "He did not elaborate.")["signals"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(r["summary"]["signals"]["credit"], 4);
}

#[test]
fn terminal_report_flags_signals() {
    let out = compare(&["--color", "never"], &pair_files("seed"))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "of being a puppet for this globalist cabal.\n    ⚑ loaded: puppet, globalist, cabal\n"
        ),
        "{text}"
    );
    assert!(text.contains("    ⚑ hedge added: without offering specifics\n"));
    assert!(
        text.contains("\nSignals: 2 quote, 2 loaded, 1 hedge, 4 credit\n"),
        "{text}"
    );
}

#[test]
fn attribution_swap_is_a_signal() {
    let (r, _) = json_report("low-similarity-reword");
    let s = seg_with(&r, "claimed tenants had caused");
    let attribution = signals_of(s, "attribution");
    assert_eq!(attribution.len(), 1, "{s:#}");
    assert_eq!(attribution[0]["to"], "claimed");
}

#[test]
fn a_copy_that_stops_early_flags_the_tail() {
    let tmp = tempfile::tempdir().unwrap();
    let wire = "Markets fell on Monday.\n\nOil rose slightly.\n\nGold was flat.\n\nThe dollar gained.\n\nBonds were steady.\n";
    let [a, b] = write_pair(
        tmp.path(),
        wire,
        "Markets fell on Monday.\n\nOil rose slightly.\n",
    );
    let (r, code) = compare_json(&[&a, &b]);
    assert_eq!(code, Some(1));
    let flags: Vec<(&str, bool)> = segments(&r)
        .iter()
        .map(|s| (kind(s), s["truncated"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        flags,
        [
            ("unchanged", false),
            ("unchanged", false),
            ("removed", true),
            ("removed", true),
            ("removed", true)
        ]
    );
    assert_eq!(r["summary"]["truncated"], 3);
    let out = compare(&["--color=never"], &[&a, &b]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("the adapted article stops here: the last 3 sentences"),
        "{text}"
    );
    assert!(!text.contains("- The dollar gained."), "{text}");

    // One sentence cut at the end, or cuts before a kept sentence, are ordinary removals.
    std::fs::write(
        &b,
        "Markets fell on Monday.\n\nGold was flat.\n\nThe dollar gained.\n",
    )
    .unwrap();
    let (r, _) = compare_json(&[&a, &b]);
    assert_eq!(r["summary"]["truncated"], 0, "{r:#}");
    assert_eq!(r["summary"]["removed"], 2);
}

#[test]
fn mayor_claimed_a_cut_quote_and_so_called_carry_three_signals() {
    let tmp = tempfile::tempdir().unwrap();
    let (r, code) = compare_json(&write_pair(
        tmp.path(),
        "The council met on Monday.\n\nThe mayor said the plan was “a careful, fair and overdue reform of the city budget.”\n\nThe vote is next week.\n",
        "The council met on Monday.\n\nThe mayor claimed the so-called plan was “a careful reform of the city budget.”\n\nThe vote is next week.\n",
    ));
    assert_eq!(code, Some(1));
    let s = seg_with(&r, "The mayor claimed");
    assert_eq!(kind(s), "reworded");
    let att = signals_of(s, "attribution");
    assert_eq!(
        (att.len(), &att[0]["from"], &att[0]["to"]),
        (1, &Value::from("said"), &Value::from("claimed"))
    );
    assert_eq!(signals_of(s, "quote").len(), 1);
    assert!(
        signals_of(s, "loaded")[0]["words"]
            .to_string()
            .contains("so-called")
    );
    assert_eq!(r["summary"]["signals"]["attribution"], 1);
}

#[test]
fn markdown_report_for_pull_requests_escapes_article_text() {
    let tmp = tempfile::tempdir().unwrap();
    let [a, b] = write_pair(
        tmp.path(),
        "The council met on Monday.\n\nThe mayor said the plan was fair.\n",
        "The council met on Monday.\n\nThe mayor claimed the plan was fair.\n\n<script>alert(1)</script> A **so-called** [deal](javascript:x) | here.\n",
    );
    let report = tmp.path().join("report.md");
    let out = wirediff()
        .args(["compare", "--format", "markdown", "-o"])
        .arg(&report)
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "the report goes to the file");
    let md = std::fs::read_to_string(&report).unwrap();
    assert!(md.starts_with("## wirediff: "), "{md}");
    assert!(md.contains("| inserted | 1 |"), "{md}");
    assert!(md.contains("### Inserted (1)"), "{md}");
    assert!(md.contains("### Reworded (1)"), "{md}");
    assert!(md.contains("~~said~~**claimed**"), "{md}");
    assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{md}");
    for raw in ["<script>", " **so-called**", " [deal]("] {
        assert!(!md.contains(raw), "{raw} reached the Markdown: {md}");
    }
    assert!(
        md.contains(r"\*\*so-called\*\* \[deal\](javascript:x) \| here"),
        "{md}"
    );
    assert!(!md.contains('\x1b'));
}

#[test]
fn summary_only() {
    let out = compare(&["--summary", "--color=never"], &pair_files("seed"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Summary: 26 unchanged"), "{text}");
    assert!(!text.contains("globalist"), "{text}");
    assert!(text.lines().count() <= 3, "{text}");
}

#[test]
fn terminal_and_markdown_never_pass_control_sequences() {
    let tmp = tempfile::tempdir().unwrap();
    let [a, b] = write_pair(
        tmp.path(),
        "The council met on Monday.\n",
        "The council met on Monday.\n\nClear \x1b[2J\x1b]0;pwned\x07 screen and \u{202E}reversed\u{202C} text.\n",
    );
    for format in ["terminal", "markdown"] {
        let out = compare(&["--color=never", "--format", format], &[&a, &b])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains('\x1b') && !text.contains('\x07'),
            "{format}: {text:?}"
        );
        assert!(!text.contains('\u{202E}'), "{format}: {text:?}");
        assert!(
            text.contains("u{1b}"),
            "{format}: the escape is shown: {text:?}"
        );
    }
}

/// `--timeout` bounds the alignment too: past it, the report still covers every sentence and
/// says which steps fell back.
#[test]
fn timeout_bounds_the_alignment_and_the_report_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = |verb: &str| {
        (0..600)
            .map(|i| format!("Officer{i} of district{} {verb} plan{}.", i % 31, i % 29))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let files = write_pair(dir.path(), &text("backed"), &text("rejected"));
    let out = compare(&["--format=json", "--timeout=0.000000001"], &files)
        .output()
        .expect("run wirediff");
    assert_eq!(out.status.code(), Some(1));
    let r: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(r["fallback"]["reason"], "timeout");
    let steps = r["fallback"]["steps"].as_array().expect("steps");
    assert!(steps.iter().any(|s| s == "rewordings"), "{steps:?}");
    let adapted: usize = segments(&r)
        .iter()
        .filter(|s| !s["adapted"].is_null())
        .count();
    assert_eq!(adapted, 600);
    let summary = compare(
        &["--summary", "--color=never", "--timeout=0.000000001"],
        &files,
    )
    .output()
    .expect("run wirediff");
    let text = String::from_utf8(summary.stdout).expect("UTF-8");
    assert!(
        text.contains("Fallback: the alignment ran out of time"),
        "{text}"
    );
    // The Markdown and HTML reports say so too.
    for (format, needle) in [
        ("markdown", "> **Fallback:** the alignment ran out of time"),
        ("html", "<b>Fallback:</b> the alignment ran out of time"),
    ] {
        let out = compare(&["--timeout=0.000000001", "--format", format], &files)
            .output()
            .expect("run wirediff");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            text.contains(needle),
            "{format}: {}",
            &text[..text.len().min(2000)]
        );
    }
    // Without a deadline in reach there is no fallback field at all (contract v1 unchanged).
    let (r, _) = compare_json(&files);
    assert!(r.get("fallback").is_none());
}

/// Writes `original` and `adapted` to a temporary folder and compares them.
fn compare_texts(original: &str, adapted: &str) -> (Value, Option<i32>) {
    let tmp = tempfile::tempdir().unwrap();
    compare_json(&write_pair(tmp.path(), original, adapted))
}

/// Wire lines an outlet ran together with no word changed are one unchanged passage that
/// covers all of them, never a rewording without edits: a list of three lines flattened
/// into a paragraph, and a heading glued to the sentence after it.
#[test]
fn lines_run_together_are_unchanged() {
    let (r, code) = compare_texts(
        "Officials met on Monday.\n\nKey points:\n- Taxes rise 2%\n- Spending falls\n- Debt is flat\n\nThe vote is next week.\n",
        "Officials met on Monday.\n\nKey points: Taxes rise 2% Spending falls Debt is flat\n\nThe vote is next week.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(0), "no material difference");
    let s = seg_with(&r, "Spending falls");
    assert_eq!(kind(s), "unchanged", "{s}");
    for line in [
        "Key points:",
        "- Taxes rise 2%",
        "- Spending falls",
        "- Debt is flat",
    ] {
        assert!(o_text(s).contains(line), "{line} in {}", o_text(s));
    }
    let (r, code) = compare_texts(
        "FLOODS CLOSE ROADS\n\nHeavy rain closed four roads near Carlisle on Tuesday.\n",
        "FLOODS CLOSE ROADS Heavy rain closed four roads near Carlisle on Tuesday.\n",
    );
    assert_eq!(code, Some(0), "{r}");
    assert_eq!(of_kind(&r, "reworded").len(), 0, "{r}");
    // Two sentences merged with a semicolon had their full stop edited: a rewording.
    let (r, code) = compare_texts(
        "The plant opened in June. It employs 40 people.\n",
        "The plant opened in June; it employs 40 people.\n",
    );
    assert_eq!(code, Some(1), "{r}");
    assert_eq!(kind(seg_with(&r, "employs 40")), "reworded", "{r}");
}

/// Merges and splits of more than two sentences work as those of two: four wire sentences
/// an outlet reworded into one are one reworded passage holding all four, and one wire
/// sentence reworded into four is one passage holding all four adapted sentences; nothing
/// inserted or removed.
#[test]
fn merges_and_splits_of_more_than_two_sentences_are_one_passage() {
    let wire = "Police arrested two men on Friday after a raid on a house in Leeds. Officers \
        seized cash, drugs and a stolen car. Both men were held overnight. They will appear \
        before magistrates on Monday.\n\n\
        The company said profits rose 12 percent to 4.1 billion dollars in the third quarter, \
        driven by strong demand for its cloud software and a recovery in advertising sales \
        across Europe.\n\nShares closed up 3 percent.\n";
    let (r, code) = compare_texts(
        wire,
        "Police arrested two men in Leeds on Friday after raiding a house, seizing cash, drugs \
         and a stolen car, and both were held overnight before they appear in front of \
         magistrates on Monday.\n\n\
         The company said profits rose 12 percent to 4.1 billion dollars. That was in the third \
         quarter. Strong demand for its cloud software drove it. Advertising sales in Europe \
         also recovered.\n\nShares closed up 3 percent.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(1), "{r}");
    let reworded = of_kind(&r, "reworded");
    assert_eq!(reworded.len(), 2, "{r}");
    let merged = seg_with(&r, "raiding a house");
    for s in ["in Leeds.", "stolen car.", "held overnight.", "on Monday."] {
        assert!(o_text(merged).contains(s), "{s} in {}", o_text(merged));
    }
    let split = seg_with(&r, "third quarter.");
    for s in ["dollars.", "quarter.", "drove it.", "also recovered."] {
        assert!(a_text(split).contains(s), "{s} in {}", a_text(split));
    }
    assert_eq!(r["summary"]["inserted"], 0, "{r}");
    assert_eq!(r["summary"]["removed"], 0, "{r}");
}

/// A table of many lines that a page ran into one paragraph is one unchanged passage that
/// covers every line, not an inserted sentence and the lines removed; and two wire
/// sentences a page ran together where the sentence rules cannot cut them ("the U.S.
/// Emirates") are unchanged, never a rewording without edits.
#[test]
fn many_lines_run_together_are_one_unchanged_passage() {
    let rows: Vec<String> = std::iter::once("Driver Points Wins".to_string())
        .chain((1..=20).map(|i| format!("{i} Driver{i} Team{i} {} {}", 5000 - i * 7, i % 5)))
        .collect();
    let (r, code) = compare_texts(
        &format!(
            "The standings after the race.\n\n{}\n\nThe season ends in Miami.\n",
            rows.join("\n\n")
        ),
        &format!(
            "The standings after the race.\n\n{}\n\nThe season ends in Miami.\n",
            rows.join(" ")
        ),
    );
    check_contract(&r);
    assert_eq!(code, Some(0), "{r}");
    let s = seg_with(&r, "Driver7 Team7");
    assert_eq!(kind(s), "unchanged", "{s}");
    for row in &rows {
        assert!(o_text(s).contains(row.as_str()), "{row} in {}", o_text(s));
    }
    assert_eq!(of_kind(&r, "removed").len(), 0, "{r}");
    // The other way round: the wire ran the table together, the page gives its lines.
    let (r, code) = compare_texts(
        &format!("The standings after the race.\n\n{}\n", rows.join(" ")),
        &format!("The standings after the race.\n\n{}\n", rows.join("\n\n")),
    );
    check_contract(&r);
    assert_eq!(code, Some(0), "{r}");
    assert_eq!(r["segments"].as_array().unwrap().len(), 2, "{r}");
    assert_eq!(kind(seg_with(&r, "Driver7 Team7")), "unchanged", "{r}");

    let (r, code) = compare_texts(
        "The jets were built in the U.S.\n\nEmirates is the number one buyer of the A380.\n",
        "The jets were built in the U.S. Emirates is the number one buyer of the A380.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(0), "{r}");
    assert_eq!(kind(seg_with(&r, "Emirates")), "unchanged", "{r}");
}

/// A sentence an outlet glued onto a wire credit line, with no full stop between them, is
/// an inserted passage of its own; the credit is unchanged.
#[test]
fn a_sentence_glued_to_a_credit_is_inserted() {
    let (r, code) = compare_texts(
        "Officials met on Monday. (Reporting by Jane Doe; Editing by Bob Roe)\n\nThe vote is next week.\n",
        "Officials met on Monday. (Reporting by Jane Doe; Editing by Bob Roe) Officials did not return calls.\n\nThe vote is next week.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(1));
    let added = seg_with(&r, "did not return calls");
    assert_eq!(kind(added), "inserted", "{added}");
    assert_eq!(a_text(added), "Officials did not return calls.");
    assert_eq!(kind(seg_with(&r, "Reporting by")), "unchanged");
}

/// A sentence glued onto a wire line with no sentence break (a heading, a list line) is an
/// inserted passage of its own, and the line is unchanged; a heading glued to the wire
/// sentence that follows it stays one unchanged passage.
#[test]
fn a_sentence_glued_to_a_wire_line_is_inserted() {
    let original = "Tour dates\n\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach, FL\n\n\
                    June 14 -- Ameris Bank Amphitheatre, Alpharetta, GA\n";
    let (r, code) = compare_texts(
        original,
        "Tour dates\n\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach, FL Lynn is right: \
         the Chargers needed to win that game.\n\nJune 14 -- Ameris Bank Amphitheatre, Alpharetta, GA\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(1));
    let added = seg_with(&r, "Chargers");
    assert_eq!(kind(added), "inserted", "{added}");
    assert_eq!(
        a_text(added),
        "Lynn is right: the Chargers needed to win that game."
    );
    assert_eq!(kind(seg_with(&r, "Coral Sky")), "unchanged", "{r}");

    let (r, code) = compare_texts(
        "Tour dates\n\nThe band plays ten cities this summer.\n",
        "Tour dates The band plays ten cities this summer.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(0), "{r}");
    assert_eq!(kind(seg_with(&r, "ten cities")), "unchanged", "{r}");
}

/// A short sentence that takes a cut sentence's place between kept neighbours is a
/// rewording by position, even when sentences the outlet added follow it, or precede it,
/// in the same gap; those stay inserted.
#[test]
fn a_short_replacement_beside_added_sentences_is_reworded() {
    let added = "Critics called the offer a power grab by Beijing.\n\n\
        Some have accused the bloc of serving a globalist cabal.";
    let elaborate = "He did not elaborate.";
    for gap in [
        format!("{elaborate}\n\n{added}"),
        format!("{added}\n\n{elaborate}"),
    ] {
        let (r, code) = compare_texts(
            "Xi offered to train 2,000 police officers.\n\nHe gave no further details.\n\nThe summit ends on Saturday.\n",
            &format!(
                "Xi offered to train 2,000 police officers.\n\n{gap}\n\nThe summit ends on Saturday.\n"
            ),
        );
        check_contract(&r);
        assert_eq!(code, Some(1));
        let s = seg_with(&r, "did not elaborate");
        assert_eq!(kind(s), "reworded", "{s}");
        assert_eq!(s["pairing"]["by"], "position", "{s}");
        for added in ["power grab", "globalist cabal"] {
            assert_eq!(kind(seg_with(&r, added)), "inserted", "{added}");
        }
    }
}

/// A sentence of the outlet's own put where it cut a wire sentence, sharing only the
/// story's names with it, or those and one word, is inserted, not a rewording by position;
/// one that shares two words with it, one a plain word, is a rewording, also against a
/// headline in capitals, where every word has a capital.
#[test]
fn a_long_sentence_in_a_cut_sentences_place_needs_plain_words_in_common() {
    let wire = "Central Asia is part of China's Belt and Road Initiative to expand trade.\n\n\
        The visit to Central Asia is Xi's first trip abroad since the start of the pandemic.\n\n\
        The Shanghai Cooperation Organization was formed by Russia and China.\n";
    let (r, _) = compare_texts(
        wire,
        "Central Asia is part of China's Belt and Road Initiative to expand trade.\n\n\
         Xi's grand plan is widely seen as a debt trap for the poor countries of Central Asia.\n\n\
         The Shanghai Cooperation Organization was formed by Russia and China.\n",
    );
    check_contract(&r);
    assert_eq!(kind(seg_with(&r, "debt trap")), "inserted", "{r}");
    let (r, _) = compare_texts(
        wire,
        "Central Asia is part of China's Belt and Road Initiative to expand trade.\n\n\
         Supporters of Xi dismissed the visit as a political stunt by his enemies.\n\n\
         The Shanghai Cooperation Organization was formed by Russia and China.\n",
    );
    assert_eq!(kind(seg_with(&r, "political stunt")), "inserted", "{r}");
    let (r, _) = compare_texts(
        wire,
        "Central Asia is part of China's Belt and Road Initiative to expand trade.\n\n\
         It was the first foreign journey for Xi since the pandemic struck the world.\n\n\
         The Shanghai Cooperation Organization was formed by Russia and China.\n",
    );
    let s = seg_with(&r, "first foreign journey");
    assert_eq!(
        (kind(s), s["pairing"]["by"].as_str()),
        ("reworded", Some("position")),
        "{s}"
    );
    let (r, _) = compare_texts(
        "DIET OF CHIPS BOY BALLOONED TO 22 STONE, COURT TOLD\n\n\
         A teenager told a jury he was fed chips every day.\n",
        "A BOY took his parents to court yesterday for feeding him chips every day.\n\n\
         A teenager told a jury he was fed chips every day.\n",
    );
    assert_eq!(kind(seg_with(&r, "A BOY took")), "reworded", "{r}");
}

/// A list line the outlet cut and a short sentence of its own in its place share no word and
/// are not the same kind of text: the line is removed and the sentence inserted, while a
/// short sentence for a short sentence is a rewording by position.
#[test]
fn a_sentence_in_a_cut_list_lines_place_is_inserted() {
    let wire = "The band announced its summer tour on Tuesday.\n\n\
        July 1 – Boston, MA @ TD Garden\n\nJuly 3 – Mansfield, MA @ Xfinity Center\n\n\
        July 5 – Hartford, CT @ XL Center\n";
    let (r, _) = compare_texts(
        wire,
        "The band announced its summer tour on Tuesday.\n\n\
         July 1 – Boston, MA @ TD Garden\n\nPut simply, the stakes could hardly be higher.\n\n\
         July 5 – Hartford, CT @ XL Center\n",
    );
    check_contract(&r);
    assert_eq!(kind(seg_with(&r, "stakes could hardly")), "inserted", "{r}");
    let (r, _) = compare_texts(
        "The band announced its tour.\n\nMessages left at its office went unanswered.\n\n\
         Tickets go on sale Friday.\n",
        "The band announced its tour.\n\nRepresentatives could not be reached Monday.\n\n\
         Tickets go on sale Friday.\n",
    );
    assert_eq!(
        kind(seg_with(&r, "could not be reached")),
        "reworded",
        "{r}"
    );
}

/// A second sentence drawn from a held wire sentence must share a plain word with what its
/// passage left out, not only a name of three words: an editorial line about "the Shanghai
/// Cooperation Organization" is inserted.
#[test]
fn a_sentence_sharing_only_a_long_name_with_a_held_wire_sentence_is_inserted() {
    let wire = "Speaking to reporters after a summit of the Shanghai Cooperation Organization in \
        Uzbekistan, Putin said Russia's main military goal remained the Donbas region.\n\n\
        Markets in Moscow closed higher on Friday.\n";
    let (r, code) = compare_texts(
        wire,
        "Speaking to reporters, Putin said Russia's main military goal remained the Donbas \
         region.\n\n\
         Markets in Moscow closed higher on Friday.\n\n\
         Critics say the Shanghai Cooperation Organization is little more than a club of \
         dictators united against Washington.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(1));
    assert_eq!(kind(seg_with(&r, "club of dictators")), "inserted", "{r}");
    // Sharing a plain word of the part left out as well, it is drawn from the wire.
    let (r, _) = compare_texts(
        wire,
        "Speaking to reporters, Putin said Russia's main military goal remained the Donbas \
         region.\n\n\
         Markets in Moscow closed higher on Friday.\n\n\
         He had attended a summit of the Shanghai Cooperation Organization in Uzbekistan.\n",
    );
    let s = seg_with(&r, "He had attended");
    assert_eq!(kind(s), "reworded", "{r}");
}

/// PA's quote marks (``…'') are house style like any other: a quotation a paper copied in
/// its own marks, under a bare "He said:", is unchanged; a reworded quotation shows only
/// its changed words as edits, and its signal names the words, not the marks.
#[test]
fn pa_quote_marks_and_bare_speech_tags_are_house_style() {
    let (r, code) = compare_texts(
        "The trial opened at Cardiff Crown Court on Monday.\n\n``I have never taken drugs in my life.\n\n``We were not in a hurry to decide the matter,'' he told the jury.\n\nThe case continues.\n",
        "The trial opened at Cardiff Crown Court on Monday.\n\nHe said: 'I have never taken drugs in my life.\n\n'We were in a hurry to decide the matter,' he told the jury.\n\nThe case continues.\n",
    );
    check_contract(&r);
    assert_eq!(code, Some(1));
    assert_eq!(kind(seg_with(&r, "taken drugs")), "unchanged");
    let s = seg_with(&r, "in a hurry");
    assert_eq!(kind(s), "reworded", "{s}");
    let edits: Vec<&str> = (s["changes"].as_array().unwrap().iter())
        .filter(|c| c["op"] != "equal")
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(edits, ["not "], "{s}");
    let quote = &s["signals"][0];
    assert_eq!(quote["kind"], "quote", "{s}");
    assert_eq!(
        quote["from"], "We were not in a hurry to decide the matter,",
        "{s}"
    );
}

/// A speech tag that names the speaker or judges the words is an edit, not house style.
#[test]
fn a_speech_tag_that_names_or_judges_is_an_edit() {
    for tag in ["Mr White said", "He claimed"] {
        let (r, _) = compare_texts(
            "The trial opened on Monday.\n\n``I have never taken drugs in my life.\n\nThe case continues.\n",
            &format!(
                "The trial opened on Monday.\n\n{tag}: 'I have never taken drugs in my life.\n\nThe case continues.\n"
            ),
        );
        let s = seg_with(&r, "taken drugs");
        assert_eq!(kind(s), "reworded", "{tag}: {s}");
    }
}

/// A German page's metadata (byline, a `<time>` date, its declared language) reaches
/// `extract` and every report, the date as ISO 8601, and its sentences are split by German
/// rules ("am 3. Oktober" ends no sentence); a plain-text original in German is detected as
/// such and split the same way.
#[test]
fn page_metadata_and_language_reach_extract_and_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let page = write_file(
        tmp.path(),
        "seite.html",
        r#"<!doctype html><html lang="de-DE"><head><title>Abstimmung im Oktober</title>
        <meta name="author" content="Hans Muster"></head><body><article>
        <h1>Abstimmung im Oktober</h1>
        <p><time datetime="2024-09-12T14:05:00+02:00">12. September 2024</time></p>
        <p>Der Bundestag will am 3. Oktober über das neue Waldgesetz abstimmen, wie eine Sprecherin am Mittwoch in Berlin mitteilte. Die Opposition lehnt den Entwurf ab.</p>
        <p>Kritiker sprechen von einem Angriff auf die Landwirte.</p>
        </article></body></html>"#,
    );
    let wire = write_file(
        tmp.path(),
        "dpa.txt",
        "Der Bundestag will am 3. Oktober über das neue Waldgesetz abstimmen, wie eine \
         Sprecherin am Mittwoch in Berlin mitteilte. Die Opposition lehnt den Entwurf ab.\n",
    );
    let doc = extract_json(&page);
    assert_eq!(doc["byline"], "Hans Muster");
    assert_eq!(doc["date"], "2024-09-12T14:05:00+02:00");
    assert_eq!(doc["date_text"], "2024-09-12T14:05:00+02:00");
    assert_eq!(doc["language"], "de");
    let text = wirediff().arg("extract").arg(&page).output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Language:  de\n"), "{text}");

    let (r, code) = compare_json(&[&wire, &page]);
    assert_eq!(code, Some(1), "the page adds a sentence");
    check_contract(&r);
    assert_eq!(r["adapted"]["byline"], "Hans Muster");
    assert_eq!(r["adapted"]["date"], "2024-09-12T14:05:00+02:00");
    assert_eq!(r["adapted"]["language"], "de");
    assert_eq!(r["originals"][0]["language"], "de");
    assert_eq!(r["originals"][0]["byline"], Value::Null);
    assert_eq!(
        r["originals"][0]["sentences"], 2,
        "German rules: two sentences"
    );
    let unchanged: Vec<&str> = of_kind(&r, "unchanged").iter().map(|s| a_text(s)).collect();
    assert!(
        unchanged
            .iter()
            .any(|s| s.starts_with("Der Bundestag will am 3. Oktober")),
        "{unchanged:?}"
    );
    let inserted: Vec<&str> = of_kind(&r, "inserted").iter().map(|s| a_text(s)).collect();
    assert!(
        inserted.contains(&"Kritiker sprechen von einem Angriff auf die Landwirte."),
        "{inserted:?}"
    );

    let files = [wire.to_str().unwrap(), page.to_str().unwrap()];
    let terminal = compare(&["--color=never"], &files).output().unwrap();
    let terminal = String::from_utf8(terminal.stdout).unwrap();
    assert!(
        terminal.contains(
            "adapted: “Abstimmung im Oktober” · by Hans Muster · 2024-09-12T14:05:00+02:00"
        ),
        "{terminal}"
    );
    let markdown = compare(&["--format=markdown"], &files).output().unwrap();
    let markdown = String::from_utf8(markdown.stdout).unwrap();
    assert!(
        markdown.contains("- adapted: “Abstimmung im Oktober” · by Hans Muster"),
        "{markdown}"
    );
    let html = compare(&["--format=html"], &files).output().unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(
        html.contains("by Hans Muster · 2024-09-12T14:05:00+02:00 — "),
        "{html}"
    );
}
