//! `wirediff index`, `wirediff find` and `compare --index`, on archives built in the test from
//! the fixture pairs.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// An archive folder: the seed's two AP stories and the originals of the other fixture pairs
/// (distractors), copied under `dir/archive`.
fn archive(dir: &Path) -> PathBuf {
    let out = dir.join("archive");
    std::fs::create_dir_all(out.join("ap")).unwrap();
    for name in ["original-1.txt", "original-2.txt"] {
        std::fs::copy(pair("seed").join(name), out.join("ap").join(name)).unwrap();
    }
    for entry in std::fs::read_dir(pairs()).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "seed" || !entry.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(entry.path()).unwrap().flatten() {
            let file = f.file_name().to_string_lossy().into_owned();
            if file.starts_with("original") {
                std::fs::copy(f.path(), out.join(format!("{name}-{file}"))).unwrap();
            }
        }
    }
    out
}

fn index(dir: &Path, sources: &[&Path]) -> std::process::Output {
    let mut cmd = wirediff();
    cmd.arg("index").arg(dir).args(sources);
    cmd.output().unwrap()
}

/// `wirediff index DIR -`, JSON Lines `lines` on standard input.
fn index_stdin(dir: &Path, lines: String) -> std::process::Output {
    let mut cmd = wirediff();
    cmd.arg("index").arg(dir).arg("-");
    output_with_stdin(&mut cmd, lines)
}

/// `wirediff ARGS... --index IX ARTICLE`, run: `find` or `compare` with an index, on the
/// seed's adapted article unless `article` says otherwise.
fn with_index(args: &[&str], ix: &Path, article: Option<&Path>) -> std::process::Output {
    let seed = pair("seed").join("adapted.txt");
    wirediff()
        .args(args)
        .arg("--index")
        .arg(ix)
        .arg(article.unwrap_or(&seed))
        .output()
        .unwrap()
}

/// An index in `dir/ix` of the seed's first AP story alone.
fn seed_index(dir: &Path) -> PathBuf {
    let ix = dir.join("ix");
    let out = index(&ix, &[&pair("seed").join("original-1.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    ix
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn compare_with_index_reads_the_seeds_two_ap_stories_and_reports_as_if_given() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    let out = index(&ix, &[&archive(tmp.path())]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(" added, 0 replaced, 0 skipped"),
        "{}",
        stderr(&out)
    );

    let found = with_index(&["compare", "--format", "json"], &ix, None);
    assert_eq!(found.status.code(), Some(1), "{}", stderr(&found));
    let found: Value = serde_json::from_slice(&found.stdout).unwrap();
    let sources: Vec<&str> = found["originals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(sources[0].ends_with("ap/original-1.txt"), "{sources:?}");
    assert!(sources[1].ends_with("ap/original-2.txt"), "{sources:?}");

    // The same report as with the two stories given by hand, their names aside.
    let given = [
        PathBuf::from(sources[0]),
        PathBuf::from(sources[1]),
        pair("seed").join("adapted.txt"),
    ];
    let (by_hand, code) = compare_json(&given);
    assert_eq!(code, Some(1));
    assert_eq!(found["segments"], by_hand["segments"]);
}

#[test]
fn find_ranks_the_sources_with_coverage_and_shared_passages() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    assert_eq!(index(&ix, &[&archive(tmp.path())]).status.code(), Some(0));
    let out = with_index(&["find", "--format", "json"], &ix, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(
        results[0]["id"]
            .as_str()
            .unwrap()
            .ends_with("ap/original-1.txt")
    );
    let cov = results[0]["coverage"].as_f64().unwrap();
    assert!(cov > 0.3 && cov < 0.6, "{cov}");
    assert_ne!(results[0]["story"], results[1]["story"]);
    assert!(!results[0]["passages"].as_array().unwrap().is_empty());
    assert_eq!(results[0]["found_by"], "passages");

    // The terminal view says the same.
    let text = with_index(&["find"], &ix, None);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("1. ") && text.contains("ap/original-1.txt  coverage"),
        "{text}"
    );
}

#[test]
fn jsonl_on_stdin_replaces_by_id_and_bad_lines_are_skipped_with_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    let one = std::fs::read_to_string(pair("seed").join("original-1.txt")).unwrap();
    let two = std::fs::read_to_string(pair("seed").join("original-2.txt")).unwrap();
    let lines = [
        serde_json::json!({"id": "ap-1", "text": two, "title": "Wrong text first"}).to_string(),
        "{not json".to_string(),
        serde_json::json!({"id": "ap-1", "text": one, "title": "Xi calls for effort",
                           "date": "2022-09-16", "url": "https://apnews.com/x"})
        .to_string(),
        serde_json::json!({"text": "no id"}).to_string(),
        serde_json::json!({"id": "ap-2", "text": two, "source": "AP (Isachenkov)"}).to_string(),
    ]
    .join("\n");
    let out = index_stdin(&ix, lines);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("skipped -:2: not JSON"), "{err}");
    assert!(err.contains("skipped -:4: "), "{err}");
    assert!(
        err.contains("2 added, 1 replaced, 2 skipped; the index holds 2 documents"),
        "{err}"
    );

    let out = with_index(&["find", "--format", "json"], &ix, None);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &v["results"][0];
    assert_eq!(first["id"], "ap-1");
    assert_eq!(first["title"], "Xi calls for effort");
    assert_eq!(first["date"], "2022-09-16");
    assert_eq!(first["url"], "https://apnews.com/x");
    assert_eq!(v["results"][1]["source"], "AP (Isachenkov)");

    // A second run adds to the index.
    let out = index(&ix, &[&pair("two-originals").join("original-1.txt")]);
    assert!(stderr(&out).contains("1 added, 0 replaced, 0 skipped; the index holds 3"));
}

#[test]
fn unreadable_files_are_skipped_and_nothing_indexable_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    let good = pair("seed").join("original-1.txt");
    let binary = write_file(tmp.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0");
    let missing = tmp.path().join("missing.txt");
    let out = index(&ix, &[&good, &binary, &missing]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("photo.txt: not a text or HTML file"), "{err}");
    assert!(err.contains("missing.txt: no such file"), "{err}");
    assert!(err.contains("1 added, 0 replaced, 2 skipped"), "{err}");

    let out = index(&tmp.path().join("ix2"), &[&binary]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn foreign_directories_and_missing_indexes_are_one_line_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let foreign = tmp.path().join("docs");
    std::fs::create_dir(&foreign).unwrap();
    write_file(&foreign, "notes.txt", "mine");
    let out = index(&foreign, &[&pair("seed").join("original-1.txt")]);
    assert_eq!(out.status.code(), Some(2));
    let line = one_line_error(&out, "not a wirediff index");
    assert!(line.contains("docs"), "{line}");

    let out = with_index(&["find"], &tmp.path().join("nowhere"), None);
    assert_eq!(out.status.code(), Some(2));
    one_line_error(&out, "no index here");

    let ix = seed_index(tmp.path());
    let marker = ix.join("wirediff-index.json");
    let text = std::fs::read_to_string(&marker).unwrap();
    // An index of the format before (format 1 had no days).
    let older = wirediff::find::FORMAT - 1;
    let now = format!("\"format\": {}", wirediff::find::FORMAT);
    assert!(text.contains(&now), "{text}");
    std::fs::write(&marker, text.replace(&now, &format!("\"format\": {older}"))).unwrap();
    let out = with_index(&["compare"], &ix, None);
    assert_eq!(out.status.code(), Some(2));
    let line = one_line_error(&out, &format!("index format {older}"));
    assert!(line.contains("rebuild it"), "{line}");
}

#[test]
fn compare_with_index_takes_the_article_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = seed_index(tmp.path());
    let out = wirediff()
        .args(["compare", "--index"])
        .arg(&ix)
        .arg(pair("seed").join("original-2.txt"))
        .arg(pair("seed").join("adapted.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    one_line_error(&out, "give the adapted article alone");

    let out = wirediff()
        .arg("compare")
        .arg(pair("seed").join("adapted.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    one_line_error(
        &out,
        "give the wire original(s) and then the adapted article",
    );
}

/// A `wirediff index` killed while it runs (here, waiting for more JSON Lines on standard
/// input) leaves the index as its last commit left it, and frees it for the next writer.
#[cfg(unix)]
#[test]
fn a_killed_index_run_leaves_the_last_commit_and_frees_the_index() {
    use std::io::Write as _;
    use std::process::Stdio;

    let tmp = tempfile::tempdir().unwrap();
    let ix = seed_index(tmp.path());
    let two = std::fs::read_to_string(pair("seed").join("original-2.txt")).unwrap();
    let mut child = wirediff()
        .arg("index")
        .arg(&ix)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "{}", serde_json::json!({"id": "ap-2", "text": two})).unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);

    let v: Value =
        serde_json::from_slice(&with_index(&["find", "--format", "json"], &ix, None).stdout)
            .unwrap();
    let ids: Vec<&str> = (v["results"].as_array().unwrap().iter())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    assert!(ids[0].ends_with("original-1.txt"), "{ids:?}");

    let out = index(&ix, &[&pair("seed").join("original-2.txt")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("the index holds 2 documents"),
        "{}",
        stderr(&out)
    );
}

/// `corpus --index`: a pair folder holding only its adapted article is compared with the
/// stories the index holds; without `--index` it is an error of that pair alone.
#[test]
fn corpus_with_index_finds_the_originals_of_pairs_that_have_none() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    assert_eq!(index(&ix, &[&archive(tmp.path())]).status.code(), Some(0));
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir_all(corpus.join("site")).unwrap();
    std::fs::copy(
        pair("seed").join("adapted.txt"),
        corpus.join("site/adapted.txt"),
    )
    .unwrap();
    let plain = corpus.join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    write_file(&plain, "original.txt", "One sentence here.");
    write_file(&plain, "adapted.txt", "One sentence here.");

    let out = wirediff()
        .args(["corpus", "--format", "json", "--index"])
        .arg(&ix)
        .arg(&corpus)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let site = (v["pairs"].as_array().unwrap().iter())
        .find(|p| p["id"] == "site")
        .unwrap();
    assert_eq!(site["status"], "pass", "{site}");
    let originals: Vec<&str> = (site["originals"].as_array().unwrap().iter())
        .map(|o| o.as_str().unwrap())
        .collect();
    assert_eq!(originals.len(), 2, "{originals:?}");
    assert!(originals[0].ends_with("ap/original-1.txt"), "{originals:?}");
    assert!(site["summary"]["inserted"].as_u64().unwrap() > 0);

    let out = wirediff()
        .args(["corpus", "--format", "json"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let site = (v["pairs"].as_array().unwrap().iter())
        .find(|p| p["id"] == "site")
        .unwrap();
    assert!(
        site["error"].as_str().unwrap().contains("give --index DIR"),
        "{site}"
    );
}

/// An index kept inside the folder it indexes is not walked as wire copy.
#[test]
fn the_index_directory_inside_the_archive_is_not_indexed() {
    let tmp = tempfile::tempdir().unwrap();
    let archive = archive(tmp.path());
    let ix = archive.join("ix");
    assert_eq!(index(&ix, &[&archive]).status.code(), Some(0));
    let out = index(&ix, &[&archive]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(!err.contains("wirediff: skipped"), "{err}");
    assert!(
        err.contains(": 0 added, ") && err.contains(" replaced, 0 skipped"),
        "{err}"
    );
}

#[test]
fn find_refuses_a_share_outside_0_to_1_and_no_results() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = seed_index(tmp.path());
    for bad in [
        ["--min-coverage", "5"],
        ["--min-coverage", "x"],
        ["--top", "0"],
    ] {
        let out = with_index(&["find", bad[0], bad[1]], &ix, None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&out).contains(bad[0]), "{}", stderr(&out));
    }
}

#[test]
fn days_limit_the_sources_to_wire_copy_dated_near_the_article() {
    let tmp = tempfile::tempdir().unwrap();
    let ix = tmp.path().join("ix");
    let one = std::fs::read_to_string(pair("seed").join("original-1.txt")).unwrap();
    let two = std::fs::read_to_string(pair("seed").join("original-2.txt")).unwrap();
    let lines = [
        serde_json::json!({"id": "ap-1", "text": one, "date": "2022-09-16"}).to_string(),
        serde_json::json!({"id": "ap-2", "text": two, "date": "2021-01-05"}).to_string(),
    ]
    .join("\n");
    let out = index_stdin(&ix, lines);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids = |args: &[&str]| -> Vec<String> {
        let out = with_index(&[&["find", "--format", "json"], args].concat(), &ix, None);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let results = v["results"].as_array().unwrap();
        results
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&[]), ["ap-1", "ap-2"]);
    assert_eq!(ids(&["--days", "2", "--date", "2022-09-17"]), ["ap-1"]);
    assert_eq!(ids(&["--days", "2", "--date", "2021-01-04"]), ["ap-2"]);
    assert!(ids(&["--days", "2", "--date", "2019-01-01"]).is_empty());

    // compare --index chooses among the same window.
    let out = with_index(
        &[
            "compare",
            "--format",
            "json",
            "--days",
            "1",
            "--date",
            "2021-01-05",
        ],
        &ix,
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let originals = v["originals"].as_array().unwrap();
    assert_eq!(originals.len(), 1);
    assert_eq!(originals[0]["date"], "2021-01-05");

    // The seed's article gives no date: --days alone cannot count from it.
    let out = with_index(&["find", "--days", "2"], &ix, None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains(
            "adapted.txt: no date to count the days from; give the article's date with --date"
        ),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    // A date that is not one, --date without --days, --days without --index.
    for bad in [
        &["find", "--days", "2", "--date", "16/09/2022"][..],
        &["find", "--date", "2022-09-16"][..],
    ] {
        let out = with_index(bad, &ix, None);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&out).contains("--date"), "{}", stderr(&out));
    }
    let seed = pair("seed");
    let out = wirediff()
        .args(["compare", "--days", "2"])
        .arg(seed.join("original-1.txt"))
        .arg(seed.join("adapted.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("give it with --index DIR"),
        "{}",
        stderr(&out)
    );
}
