//! End-to-end tests of `wirediff corpus` and `wirediff batch` on corpora built in temporary
//! directories from the fixture pairs.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use common::{json_lines, output_with_stdin, pair, pairs, segments, wirediff, write_pair};
use quick_junit::{NonSuccessKind, TestCaseStatus};
use serde_json::Value;

/// The fixture pairs, by name, sorted.
fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(pairs())
        .expect("fixtures")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn run(args: &[&str], corpus: &Path) -> Output {
    wirediff()
        .arg("corpus")
        .args(args)
        .arg(corpus)
        .output()
        .expect("run wirediff")
}

/// Copies fixture pair `name` to `dir`, with a sentence of its own added to the adapted
/// article when `extra` is given.
fn copy_pair(name: &str, dir: &Path, extra: Option<&str>) {
    std::fs::create_dir_all(dir).unwrap();
    for entry in std::fs::read_dir(pair(name)).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        if file == "README.md" || file == "expect.toml" {
            continue;
        }
        let mut text = std::fs::read_to_string(&path).unwrap();
        if file.starts_with("adapted")
            && let Some(extra) = extra
        {
            text.push_str("\n\n");
            text.push_str(extra);
            text.push('\n');
        }
        std::fs::write(dir.join(&file), text).unwrap();
    }
}

/// The "done when" corpus: 40 pairs made from the fixtures (every third with an inserted
/// paragraph of its own), one expectation that holds (`pair-00`, the seed pair), one that
/// does not (`pair-01`), and one broken pair without an adapted article.
fn build_corpus(root: &Path) -> Vec<String> {
    let names = fixture_names();
    let mut ids = Vec::new();
    for i in 0..40 {
        let id = format!("pair-{i:02}");
        let base = if i == 0 {
            "seed"
        } else {
            &names[i % names.len()]
        };
        let extra = format!(
            "The council will vote on budget item {i} at its next meeting, officials said."
        );
        copy_pair(
            base,
            &root.join(&id),
            (i % 3 == 1).then_some(extra.as_str()),
        );
        ids.push(id);
    }
    std::fs::write(
        root.join("pair-00/expect.toml"),
        "[[expect]]\nkind = \"inserted\"\ncontains = \"globalist cabal\"\n\n\
         [limits]\nmax_inserted_share = 0.25\n",
    )
    .unwrap();
    std::fs::write(
        root.join("pair-01/expect.toml"),
        "[[expect]]\nkind = \"inserted\"\ncontains = \"budget item 1\"\n\n\
         [[expect]]\nkind = \"removed\"\ncontains = \"words nobody wrote\"\n",
    )
    .unwrap();
    let broken = root.join("zz-broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(
        broken.join("original.txt"),
        "A wire story. It has two sentences.\n",
    )
    .unwrap();
    ids.push("zz-broken".to_string());
    ids
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn ids_of(summary: &Value) -> Vec<String> {
    summary["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn forty_pairs_and_a_broken_one_in_junit_with_exit_codes() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let ids = build_corpus(&corpus);
    let junit = tmp.path().join("junit.xml");

    let out = run(
        &["--jobs", "2", "--junit", junit.to_str().unwrap()],
        &corpus,
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "a broken pair: exit 2\n{table}");
    assert!(
        table.contains(
            "41 pairs: 39 passed, 1 failed, 1 could not be compared; 3 of 4 expectations met"
        ),
        "{table}"
    );
    assert!(
        table.contains("zz-broken: no adapted.txt|md|html|url file"),
        "{table}"
    );
    assert!(
        table.contains("pair-01: removed contains \"words nobody wrote\" (no passage contains it)"),
        "{table}"
    );

    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(!xml.contains('\x1b'));
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let report = quick_junit::Report::deserialize_from_str(&xml).expect("JUnit XML");
    assert_eq!(
        (report.tests, report.failures, report.errors),
        (41, 1, 1),
        "{xml}"
    );
    let [suite] = &report.test_suites[..] else {
        panic!("one test suite: {xml}")
    };
    let names: Vec<&str> = suite.test_cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ids, "every pair, in id order");
    for case in &suite.test_cases {
        let name = case.name.as_str();
        if name != "zz-broken" {
            assert!(case.system_out.is_some(), "{name}: its inputs and summary");
        }
        let (kind, message, description) = match &case.status {
            TestCaseStatus::NonSuccess {
                kind,
                message,
                description,
                ..
            } => (
                Some(*kind),
                message.as_ref().map_or("", |m| m.as_str()),
                description.as_ref().map_or("", |d| d.as_str()),
            ),
            _ => (None, "", ""),
        };
        match name {
            "zz-broken" => assert_eq!(kind, Some(NonSuccessKind::Error), "{xml}"),
            "pair-01" => {
                assert_eq!(kind, Some(NonSuccessKind::Failure), "{xml}");
                assert!(
                    message.starts_with("1 of 2 expectations unmet"),
                    "{message}"
                );
                assert!(
                    description.contains("met:   inserted contains \"budget item 1\""),
                    "{description}"
                );
            }
            // pair-00's expectation and limit hold.
            _ => assert_eq!(kind, None, "{name}: {:?}", case.status),
        }
    }

    // Without the broken pair, the unmet expectation decides: exit 1.
    std::fs::remove_dir_all(corpus.join("zz-broken")).unwrap();
    let out = run(&["--format", "json"], &corpus);
    assert_eq!(out.status.code(), Some(1));
    let summary = json(&out);
    assert_eq!(summary["totals"]["failed"], 1);
    assert_eq!(summary["totals"]["errors"], 0);
    let p00 = &summary["pairs"][0];
    assert_eq!(p00["id"], "pair-00");
    assert_eq!(p00["status"], "pass");
    assert_eq!(p00["expectations"][0]["met"], true);
    assert!(
        p00["expectations"][0]["found"]
            .as_str()
            .unwrap()
            .starts_with("inserted passage: \"Some have accused current Ukrainian President"),
        "{p00}"
    );
    assert_eq!(
        p00["expectations"][1]["expect"],
        "max_inserted_share = 0.25"
    );
    assert_eq!(p00["summary"]["inserted"], 17);

    // With that expectation fixed, every one holds: exit 0, differences or not.
    std::fs::write(
        corpus.join("pair-01/expect.toml"),
        "[[expect]]\nkind = \"inserted\"\ncontains = \"budget item 1\"\n",
    )
    .unwrap();
    let out = run(&[], &corpus);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn partitions_are_disjoint_complete_and_merge_into_the_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let ids = build_corpus(&corpus);
    let whole = run(&["--format", "json", "--jobs", "1"], &corpus);
    assert_eq!(whole.status.code(), Some(2));
    assert_eq!(ids_of(&json(&whole)), ids);

    let mut parts = Vec::new();
    let mut files = Vec::new();
    for k in 1..=2 {
        let file = tmp.path().join(format!("part-{k}.json"));
        let p = format!("{k}/2");
        let out = run(
            &[
                "--partition",
                &p,
                "--format",
                "json",
                "-o",
                file.to_str().unwrap(),
            ],
            &corpus,
        );
        assert!(out.stdout.is_empty());
        let summary: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        assert_eq!(
            summary["partition"],
            serde_json::json!({"part": k, "of": 2})
        );
        parts.push(ids_of(&summary));
        files.push(file);
    }
    let (one, two): (BTreeSet<_>, BTreeSet<_>) =
        (parts[0].iter().collect(), parts[1].iter().collect());
    assert!(one.is_disjoint(&two), "{one:?} {two:?}");
    assert!(!one.is_empty() && !two.is_empty());
    let union: Vec<&String> = one.union(&two).copied().collect();
    assert_eq!(union, ids.iter().collect::<Vec<_>>());

    // The merge of the parts is the whole, byte for byte; its exit code is the whole's.
    let merged = wirediff()
        .args(["corpus", "merge", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(merged.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&whole.stdout)
    );

    // A part missing, or given twice, is an error.
    let out = wirediff()
        .args(["corpus", "merge"])
        .arg(&files[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("part 2/2 missing"), "{err}");
    let out = wirediff()
        .args(["corpus", "merge"])
        .args([&files[0], &files[0], &files[1]])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("part 1/2 is also in"));

    // Adding a pair moves no other pair between parts.
    copy_pair("identical", &corpus.join("aa-new"), None);
    let out = run(&["--partition", "1/2", "--format", "json"], &corpus);
    let mut again = ids_of(&json(&out));
    again.retain(|id| id != "aa-new");
    assert_eq!(again, parts[0]);
}

#[test]
fn bad_partitions_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    copy_pair("identical", &tmp.path().join("p"), None);
    for (bad, why) in [
        ("3/2", "K must be between 1 and 2"),
        ("0/2", "K must be between 1 and 2"),
        ("1/0", "N must be at least 1"),
        ("half", "expected K/N"),
    ] {
        let out = run(&["--partition", bad], tmp.path());
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(why), "{bad}: {err}");
    }
}

#[test]
fn output_is_sorted_by_id_whatever_the_jobs() {
    let tmp = tempfile::tempdir().unwrap();
    for (i, name) in fixture_names().iter().enumerate() {
        copy_pair(name, &tmp.path().join(format!("{}-{name}", 9 - i)), None);
    }
    let one = run(&["--format", "json", "--jobs", "1"], tmp.path());
    let four = run(&["--format", "json", "--jobs", "4"], tmp.path());
    assert_eq!(one.stdout, four.stdout);
    let ids = ids_of(&json(&one));
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    assert_eq!(ids.len(), fixture_names().len());
}

#[test]
fn layout_problems_are_errors_of_their_pair_only() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    copy_pair("identical", &root.join("good"), None);
    // Two adapted articles.
    copy_pair("identical", &root.join("two-adapted"), None);
    std::fs::write(root.join("two-adapted/adapted.md"), "Another.\n").unwrap();
    // No original.
    std::fs::create_dir_all(root.join("no-original")).unwrap();
    std::fs::write(root.join("no-original/adapted.txt"), "Text.\n").unwrap();
    // An unknown key and an unknown kind in expect.toml.
    copy_pair("identical", &root.join("bad-key"), None);
    std::fs::write(
        root.join("bad-key/expect.toml"),
        "[[expect]]\nkind = \"inserted\"\ncontain = \"x\"\n",
    )
    .unwrap();
    copy_pair("identical", &root.join("bad-kind"), None);
    std::fs::write(
        root.join("bad-kind/expect.toml"),
        "[[expect]]\nkind = \"added\"\n",
    )
    .unwrap();
    // An original that is not text, and an empty adapted article.
    copy_pair("identical", &root.join("pdf"), None);
    std::fs::write(root.join("pdf/original-2.pdf"), "%PDF-1.4").unwrap();
    copy_pair("identical", &root.join("empty"), None);
    std::fs::write(root.join("empty/adapted.txt"), "").unwrap();
    // Groups: pairs one level down get the path as id.
    copy_pair("move", &root.join("outlet/2024-05-01"), None);

    let out = run(&["--format", "json"], root);
    assert_eq!(out.status.code(), Some(2));
    let summary = json(&out);
    let errors: Vec<(String, String)> = summary["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "error")
        .map(|p| {
            (
                p["id"].as_str().unwrap().to_string(),
                p["error"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let error_of = |id: &str| {
        errors
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, e)| e.as_str())
            .unwrap_or_else(|| panic!("{id} is no error: {errors:?}"))
    };
    assert_eq!(errors.len(), 6, "{errors:?}");
    assert!(error_of("two-adapted").contains("adapted.md, adapted.txt"));
    assert!(error_of("no-original").contains("no original"));
    let e = error_of("bad-key");
    assert!(
        e.contains("expect.toml: line 3: unknown field `contain`"),
        "{e}"
    );
    let e = error_of("bad-kind");
    assert!(
        e.contains("line 2") && e.contains("unknown variant `added`"),
        "{e}"
    );
    assert!(error_of("pdf").contains("original-2.pdf"));
    assert!(error_of("empty").contains("no article text"));
    assert_eq!(
        ids_of(&summary),
        [
            "bad-key",
            "bad-kind",
            "empty",
            "good",
            "no-original",
            "outlet/2024-05-01",
            "pdf",
            "two-adapted"
        ]
    );
    assert_eq!(summary["totals"]["passed"], 2);
}

#[test]
fn reports_go_under_out_by_id() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("c");
    copy_pair("seed", &corpus.join("outlet/seed"), None);
    let out_dir = tmp.path().join("reports");
    let out = run(
        &[
            "--out",
            out_dir.to_str().unwrap(),
            "--report",
            "json,markdown,text",
        ],
        &corpus,
    );
    assert_eq!(out.status.code(), Some(0));
    let report: Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("outlet/seed.json")).unwrap()).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["inserted"], 17);
    let md = std::fs::read_to_string(out_dir.join("outlet/seed.md")).unwrap();
    assert!(md.starts_with("## wirediff:"), "{md}");
    let txt = std::fs::read_to_string(out_dir.join("outlet/seed.txt")).unwrap();
    assert!(txt.contains("Summary: 26 unchanged"), "{txt}");
    assert!(!txt.contains('\x1b'), "no color in files");
}

#[test]
fn markdown_summary_names_the_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    build_corpus(&corpus);
    let out = run(&["--format", "markdown"], &corpus);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("## wirediff corpus: "), "{md}");
    assert!(md.contains("### Unmet expectations"), "{md}");
    assert!(
        md.contains(
            "| pair-01 | removed contains \"words nobody wrote\" | no passage contains it |"
        ),
        "{md}"
    );
    assert!(md.contains("### Could not be compared"), "{md}");
    assert!(
        md.contains("| zz-broken | no adapted.txt\\|md\\|html\\|url file |"),
        "{md}"
    );
    assert!(
        md.contains("<details><summary>Every pair (41)</summary>"),
        "{md}"
    );
}

#[test]
fn manifest_lists_pairs_anywhere_with_inline_expectations() {
    let tmp = tempfile::tempdir().unwrap();
    copy_pair("seed", &tmp.path().join("texts/seed"), None);
    let manifest = tmp.path().join("pairs.jsonl");
    std::fs::write(
        &manifest,
        concat!(
            "# one pair a line\n",
            r#"{"id": "seed", "originals": ["texts/seed/original-1.txt", "texts/seed/original-2.txt"], "adapted": "texts/seed/adapted.txt", "expect": {"expect": [{"kind": "reworded", "signal": "hedge"}]}}"#,
            "\n",
            r#"{"id": "seed", "originals": ["texts/seed/original-1.txt"], "adapted": "texts/seed/adapted.txt"}"#,
            "\n",
            r#"{"id": "../escape", "originals": ["x"], "adapted": "y"}"#,
            "\n",
            "not json\n",
        ),
    )
    .unwrap();
    let out = run(&["--format", "json"], &manifest);
    assert_eq!(out.status.code(), Some(2));
    let summary = json(&out);
    let pairs = summary["pairs"].as_array().unwrap();
    let by_id = |id: &str| {
        pairs
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("{id}: {summary}"))
    };
    assert_eq!(by_id("seed")["status"], "pass");
    assert_eq!(
        by_id("seed")["expectations"][0]["expect"],
        "reworded with signal hedge"
    );
    assert!(
        by_id("seed (line 3)")["error"]
            .as_str()
            .unwrap()
            .contains("duplicate id")
    );
    assert!(
        by_id("line 4")["error"]
            .as_str()
            .unwrap()
            .contains("\"id\" must be")
    );
    assert!(
        by_id("line 5")["error"]
            .as_str()
            .unwrap()
            .starts_with("line 5: ")
    );
}

#[test]
fn the_fixture_corpus_meets_its_expectations() {
    let json_file = tempfile::NamedTempFile::new().unwrap();
    let out = wirediff()
        .args(["corpus", "--format", "markdown", "--json"])
        .arg(json_file.path())
        .arg(pairs())
        .output()
        .unwrap();
    let md = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{md}");
    assert!(
        md.contains("| pass | seed | 26 | 8 | 17 | 9 | 0 | 15% | 6/6 met |"),
        "{md}"
    );
    let summary: Value = serde_json::from_slice(&std::fs::read(json_file.path()).unwrap()).unwrap();
    assert_eq!(summary["totals"]["pairs"], fixture_names().len());
    assert_eq!(summary["totals"]["expectations"], 6);
    assert_eq!(summary["partition"], Value::Null);
}

#[test]
fn no_pairs_is_trouble() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(&[], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no pairs found"));
    let out = run(&[], &tmp.path().join("missing"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or directory"));
}

fn batch(args: &[&str], input: &str) -> Output {
    output_with_stdin(
        wirediff().arg("batch").args(args).current_dir(pairs()),
        input,
    )
}

#[test]
fn batch_answers_every_line_in_order_and_goes_on_after_errors() {
    let input = concat!(
        r#"{"id": "seed", "originals": ["seed/original-1.txt", "seed/original-2.txt"], "adapted": "seed/adapted.txt"}"#,
        "\n",
        "{not json\n",
        "\n",
        r#"{"id": 7, "originals": ["move/original.txt"], "adapted": "move/missing.txt"}"#,
        "\n",
        r#"{"id": "same", "originals": ["identical/original.txt"], "adapted": "identical/adapted.txt", "expect": {"limits": {"max_differences": 0}}}"#,
        "\n",
        r#"{"id": "stdin", "originals": ["-"], "adapted": "identical/adapted.txt"}"#,
        "\n",
    );
    let out = batch(&["--jobs", "2"], input);
    assert_eq!(out.status.code(), Some(2));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 5, "one line a non-blank input line: {lines:?}");
    assert_eq!(lines[0]["id"], "seed");
    assert_eq!(lines[0]["version"], 1);
    assert_eq!(lines[0]["summary"]["inserted"], 17);
    assert!(segments(&lines[0]).len() > 50);
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(
        lines[1]["error"].as_str().unwrap().starts_with("line 2: "),
        "{}",
        lines[1]
    );
    assert_eq!(lines[2]["id"], 7);
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("move/missing.txt: no such file")
    );
    assert_eq!(lines[3]["id"], "same");
    assert_eq!(lines[3]["status"], "pass");
    assert_eq!(lines[3]["expectations"][0]["met"], true);
    assert!(
        lines[4]["error"]
            .as_str()
            .unwrap()
            .contains("standard input")
    );
}

#[test]
fn batch_keeps_input_order_across_jobs_and_summarizes() {
    let names = fixture_names();
    let mut input = String::new();
    for i in 0..60 {
        let name = &names[i % names.len()];
        let originals: Vec<String> = std::fs::read_dir(pair(name))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("original"))
            .map(|n| format!("{name}/{n}"))
            .collect();
        let line = serde_json::json!({"id": i, "originals": originals, "adapted": format!("{name}/adapted.txt"),
            "expect": {"limits": {"max_inserted": if i == 55 { 0 } else { 100 }}}});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let out = batch(&["--jobs", "3", "--summary"], &input);
    assert_eq!(
        out.status.code(),
        Some(1),
        "line 56 (insert-remove) fails max_inserted = 0"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<u64> = text
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v.get("segments").is_none(), "--summary: no segments");
            assert!(v["summary"]["adapted_words"].as_u64().unwrap() > 0);
            v["id"].as_u64().unwrap()
        })
        .collect();
    assert_eq!(ids, (0..60).collect::<Vec<u64>>());
}

/// Batch answers escape bidirectional controls and U+2028/2029 as every report does
/// (docs/json.md): a full report, a summary-only answer and an error echoing the id.
#[test]
fn batch_escapes_bidi_controls_and_line_separators() {
    let tmp = tempfile::tempdir().unwrap();
    let [o, a] = write_pair(
        tmp.path(),
        "The mayor spoke on Friday. Markets fell.\n",
        "The mayor spoke on Friday. Markets fell.\n\nA \u{202E}reversed\u{2028}claim was added.\n",
    );
    let line = |id: &str, adapted: &Path| {
        serde_json::json!({"id": id, "originals": [o], "adapted": adapted}).to_string() + "\n"
    };
    let input = line("x\u{2066}y", &a) + &line("z\u{2029}", &tmp.path().join("missing.txt"));
    for args in [&[][..], &["--summary"][..]] {
        let out = batch(args, &input);
        let text = String::from_utf8(out.stdout).unwrap();
        for raw in ['\u{202E}', '\u{2028}', '\u{2029}', '\u{2066}'] {
            assert!(!text.contains(raw), "raw {raw:?} in {text}");
        }
        assert!(
            text.contains(r"x\u2066y") && text.contains(r"z\u2029"),
            "{text}"
        );
        let lines = json_lines(&text);
        assert_eq!(lines[0]["id"], "x\u{2066}y");
        assert_eq!(lines[1]["id"], "z\u{2029}");
        if args.is_empty() {
            assert!(text.contains(r"\u202ereversed\u2028claim"), "{text}");
        }
    }
}

/// A pair that fails on a limit says which flag raises it, in corpus and batch modes alike:
/// the library names the remedy, the command line its flag.
#[test]
fn pair_errors_name_the_flag_that_helps() {
    let tmp = tempfile::tempdir().unwrap();
    copy_pair("seed", &tmp.path().join("seed"), None);
    let out = run(&["--max-sentences", "3", "--format", "json"], tmp.path());
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = summary["pairs"][0]["error"].as_str().unwrap_or_default();
    assert!(
        error.ends_with("more than the limit of 3; raise --max-sentences"),
        "{summary}"
    );
    let dir = tmp.path().join("seed");
    let line = serde_json::json!({
        "id": "seed",
        "originals": [dir.join("original-1.txt"), dir.join("original-2.txt")],
        "adapted": dir.join("adapted.txt"),
    });
    let out = batch(&["--max-sentences", "3"], &format!("{line}\n"));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.ends_with("; raise --max-sentences"), "{answer}");
}
