//! End-to-end tests of the terminal views: `--side-by-side` (widths, wrapping, escapes) and
//! `--context` folding, on the seed pair and on small pairs written here.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{compare_json, kind, one_line_error, pair_files, segments, write_pair};
use unicode_width::UnicodeWidthStr;

/// The seed pair, relative to the repository (where [`run`] runs): two AP originals, then
/// the adapted article.
fn seed() -> Vec<PathBuf> {
    ["original-1.txt", "original-2.txt", "adapted.txt"]
        .iter()
        .map(|f| Path::new("fixtures/pairs/seed").join(f))
        .collect()
}

/// Runs `wirediff compare` in the repository with these arguments then these files, the
/// environment cleared of what changes the output.
fn run(args: &[&str], files: &[PathBuf], env: &[(&str, &str)]) -> Output {
    common::compare(args, files)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .envs(env.iter().copied())
        .output()
        .expect("run wirediff")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// Text with the SGR codes (`ESC [ digits ; m`) taken out; panics on any other escape.
fn strip_sgr(s: &str) -> String {
    let mut plain = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\x1b') {
        plain.push_str(&rest[..i]);
        let after = rest[i + 1..]
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("ESC not followed by [: {:?}", &rest[i..]));
        let end = after
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .expect("SGR code ends");
        assert!(
            after[end..].starts_with('m'),
            "not an SGR code: {:?}",
            &rest[i..]
        );
        rest = &after[end + 1..];
    }
    plain.push_str(rest);
    plain
}

/// The widest line, in display columns.
fn max_width(text: &str) -> usize {
    text.lines().map(|l| l.width()).max().unwrap_or(0)
}

/// The two cells of each row line: text before and after the column rule `│`, trimmed.
fn cells(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter_map(|l| l.split_once(" │"))
        .map(|(l, r)| (l.trim(), r.trim()))
        .collect()
}

#[test]
fn side_by_side_seed_fits_the_width_with_each_side_in_its_column() {
    let out = run(
        &["--side-by-side", "--width", "100", "--color", "never"],
        &seed(),
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty());
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no escape codes without color");
    for line in text.lines() {
        assert!(line.width() <= 100, "{} columns: {line:?}", line.width());
    }
    assert_eq!(max_width(&text), 100, "the rule spans the width");

    let cells = cells(&text);
    // Header: the originals on the left, the adapted article on the right.
    assert!(cells.iter().any(|(l, _)| l.ends_with("original-1.txt")));
    assert!(cells.iter().any(|(l, _)| l.ends_with("original-2.txt")));
    assert!(cells.iter().any(|(_, r)| r.ends_with("adapted.txt")));
    // The inserted Soros paragraph is on the right, nothing beside it.
    let soros: Vec<_> = cells.iter().filter(|(_, r)| r.contains("Soros")).collect();
    assert_eq!(soros.len(), 1, "{soros:?}");
    assert_eq!(soros[0].0, "");
    assert!(!cells.iter().any(|(l, _)| l.contains("Soros")));
    // A removed sentence is on the left, the right side empty, marked `-`.
    let removed = text
        .lines()
        .find(|l| l.contains("Beijing has declared"))
        .expect("removed sentence shown");
    assert!(
        removed.starts_with("-  Beijing has declared"),
        "{removed:?}"
    );
    assert!(removed.ends_with(" │"), "nothing on the right: {removed:?}");
    // A rewording: deletions on the left, additions on the right, on one row.
    let reworded = text
        .lines()
        .find(|l| l.contains("[-gave no details-]"))
        .expect("rewording shown");
    assert!(
        reworded.starts_with("~  He [-gave no details-]. [1]"),
        "{reworded:?}"
    );
    assert!(
        reworded.ends_with("│ He {+did not elaborate+}."),
        "{reworded:?}"
    );
    // Furniture is named; the summary closes the view.
    assert!(text.contains("(dateline removed)"));
    assert!(text.contains("Summary: 26 unchanged, 8 reworded, 17 inserted"));
}

#[test]
fn side_by_side_width_from_environment_and_flag() {
    let out = run(
        &["--side-by-side", "--color=never"],
        &seed(),
        &[("WIREDIFF_WIDTH", "60")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(max_width(&stdout(&out)), 60);
    // --width wins over the environment.
    let out = run(
        &["--side-by-side", "--color=never", "--width=80"],
        &seed(),
        &[("WIREDIFF_WIDTH", "60")],
    );
    assert_eq!(max_width(&stdout(&out)), 80);
    // Not a terminal, nothing set: 100.
    let out = run(&["--side-by-side", "--color=never"], &seed(), &[]);
    assert_eq!(max_width(&stdout(&out)), 100);
}

#[test]
fn bad_widths_are_one_line_errors() {
    let out = run(&["--side-by-side", "--width", "10"], &seed(), &[]);
    one_line_error(&out, "--width 10: too narrow");
    let out = run(&["--side-by-side", "--width", "wide"], &seed(), &[]);
    one_line_error(&out, "--width wide: not a width");
    let out = run(&["--side-by-side"], &seed(), &[("WIREDIFF_WIDTH", "abc")]);
    one_line_error(&out, "WIREDIFF_WIDTH=abc");
    let out = run(&["--side-by-side"], &seed(), &[("WIREDIFF_WIDTH", "12")]);
    one_line_error(&out, "WIREDIFF_WIDTH=12: too narrow");
    // The side-by-side view and folding are terminal views only.
    let out = run(&["--side-by-side", "--format=json"], &seed(), &[]);
    one_line_error(&out, "not --format json");
    // --width means nothing without --side-by-side.
    let out = run(&["--width=80"], &seed(), &[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn wide_and_combining_text_and_long_words_stay_within_the_width() {
    let tmp = tempfile::tempdir().unwrap();
    let long_word = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt";
    let files = write_pair(
        tmp.path(),
        "习近平周五呼吁中亚邻国警惕可能试图破坏其政府稳定的外部势力。\n\n\
         The cafe\u{301} in Qui\u{301}to opened on Monday.\n",
        &format!(
            "习近平周五呼吁中亚邻国警惕可能试图破坏其政府稳定的外部势力和颜色革命。\n\n\
             The cafe\u{301} in Qui\u{301}to opened on Monday, said the {long_word}.\n\n\
             全角文字ＡＢＣ与半角文字混排的句子也必须对齐。\n"
        ),
    );
    for width in ["40", "57", "100"] {
        for color in ["never", "always"] {
            let out = run(
                &["--side-by-side", "--width", width, "--color", color],
                &files,
                &[],
            );
            assert_eq!(out.status.code(), Some(1));
            let text = strip_sgr(&stdout(&out));
            let w: usize = width.parse().unwrap();
            for line in text.lines() {
                assert!(line.width() <= w, "{} > {w}: {line:?}", line.width());
            }
            // Every row's right cell starts after the rule at the same column.
            let rule_cols: std::collections::HashSet<usize> = text
                .lines()
                .filter_map(|l| l.split_once('│').map(|(left, _)| left.width()))
                .collect();
            assert_eq!(rule_cols.len(), 1, "width {width}: {rule_cols:?}");
            // No cell starts with a combining mark torn from its letter.
            assert!(!text.contains("│ \u{301}") && !text.contains("\n\u{301}"));
            // The long word is all there, broken over lines.
            let right: String = cells(&text).iter().map(|(_, r)| *r).collect();
            assert!(right.contains(long_word), "width {width}");
        }
    }
}

#[test]
fn article_text_never_drives_the_terminal_side_by_side() {
    let tmp = tempfile::tempdir().unwrap();
    let files = write_pair(
        tmp.path(),
        "The council met on Monday.\n",
        "The council met on Monday.\n\n\
         Red \x1b[31malert\x1b[0m and \x1b]0;title\x07 a new title and \u{202E}reversed\u{202C} text.\n",
    );
    for color in ["never", "always"] {
        let out = run(
            &["--side-by-side", "--width=60", "--color", color],
            &files,
            &[],
        );
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        assert!(!text.contains('\x07'), "{color}: {text:?}");
        assert!(!text.contains('\u{202E}'), "{color}: {text:?}");
        assert!(text.contains("u{1b}[31malert"), "{color}: shown escaped");
        assert!(text.contains("u{202e}reversed"), "{color}: shown escaped");
        if color == "never" {
            assert!(!text.contains('\x1b'), "{text:?}");
        } else {
            assert!(text.contains('\x1b'), "colored");
        }
        // Only the tool's own SGR codes (strip_sgr panics on any other escape), and the
        // escaped text counts toward the width like any other.
        let plain = strip_sgr(&text);
        assert!(max_width(&plain) <= 60, "{plain}");
    }
}

/// The adapted text of the plain unchanged passages (in place, not furniture) of the seed.
fn seed_unchanged_texts() -> Vec<String> {
    let (r, _) = compare_json(&pair_files("seed"));
    segments(&r)
        .iter()
        .filter(|s| kind(s) == "unchanged" && s["moved"] == false && s["furniture"].is_null())
        .map(|s| s["adapted"]["text"].as_str().unwrap().to_string())
        .collect()
}

/// The passages a fold line says it hides: the sum of the `… N unchanged passage(s) …`.
fn folded(text: &str) -> usize {
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("… "))
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .sum()
}

#[test]
fn context_folds_unchanged_stretches_inline_and_side_by_side() {
    let unchanged = seed_unchanged_texts();
    assert!(unchanged.len() >= 20, "{}", unchanged.len());
    let full = stdout(&run(&["--color=never"], &seed(), &[]));
    let one = stdout(&run(&["--color=never", "--context=1"], &seed(), &[]));
    assert!(one.contains(" unchanged passages …"), "{one}");
    assert!(one.lines().count() < full.lines().count());
    // What is folded and what is shown add up to every unchanged passage.
    let shown = unchanged
        .iter()
        .filter(|t| one.contains(t.as_str()))
        .count();
    assert_eq!(shown + folded(&one), unchanged.len());
    assert!(folded(&one) > 0);
    // Changes are never folded.
    for needle in [
        "{+did not elaborate+}",
        "George Soros",
        "- Beijing has declared",
        "(dateline removed)",
    ] {
        assert_eq!(one.contains(needle), full.contains(needle), "{needle}");
    }

    // --context 0: no unchanged passage at all, every one of them folded.
    let zero = stdout(&run(&["--color=never", "--context=0"], &seed(), &[]));
    for t in &unchanged {
        assert!(!zero.contains(t.as_str()), "shown: {t}");
    }
    assert_eq!(folded(&zero), unchanged.len());
    assert!(zero.contains("George Soros") && zero.contains("{+did not elaborate+}"));

    // Side by side, wide enough that no passage wraps: the same folding.
    let args = ["--side-by-side", "--width=1000", "--color=never"];
    let sbs_full = stdout(&run(&args, &seed(), &[]));
    let sbs_one = stdout(&run(&[&args[..], &["--context=1"]].concat(), &seed(), &[]));
    assert!(sbs_one.lines().count() < sbs_full.lines().count());
    assert_eq!(folded(&sbs_one), folded(&one));
    let sbs_zero = stdout(&run(&[&args[..], &["--context=0"]].concat(), &seed(), &[]));
    for t in &unchanged {
        assert!(!sbs_zero.contains(t.as_str()), "shown: {t}");
    }
    assert!(sbs_zero.contains("George Soros"));
}

#[test]
fn side_by_side_folds_the_tail_a_short_copy_never_reaches() {
    let tmp = tempfile::tempdir().unwrap();
    let files = write_pair(
        tmp.path(),
        "Markets fell on Monday.\n\nOil rose slightly.\n\nGold was flat.\n\n\
         The dollar gained.\n\nBonds were steady.\n",
        "Markets fell on Monday.\n\nOil rose slightly.\n",
    );
    let out = run(
        &["--side-by-side", "--width=60", "--color=never"],
        &files,
        &[],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let tail: Vec<&str> = text.lines().filter(|l| l.starts_with('-')).collect();
    assert_eq!(tail.len(), 1, "one row for the whole tail: {text}");
    assert!(
        tail[0].starts_with("-  (the adapted article stops"),
        "{text}"
    );
    assert!(!text.contains("The dollar gained"), "{text}");
    assert!(cells(&text).contains(&("Oil rose slightly.", "Oil rose slightly.")));
    // With --context 0 the kept passages fold, the tail stays.
    let out = run(
        &[
            "--side-by-side",
            "--width=60",
            "--color=never",
            "--context=0",
        ],
        &files,
        &[],
    );
    let text = stdout(&out);
    assert!(cells(&text).contains(&("… 2 unchanged passages …", "… 2 unchanged passages …")));
    assert!(text.contains("-  (the adapted article stops"), "{text}");
    assert!(!text.contains("Oil rose"), "{text}");
}
