//! Scores wirediff's HTML extraction on Mozilla Readability's test suite
//! (`../shared/data/readability-test-pages/`: 130 pages, each with the article Readability
//! extracts, `expected.html`, and its metadata, `expected-metadata.json`), a benchmark the
//! extractor was not built against.
//!
//! Each page is read as `wirediff extract` reads a file: its bytes decoded by the loader
//! (which weighs a `<meta charset>`), then extracted.
//!
//! - **Text**: the article-extraction benchmark's metric (`common/shingles.rs`): word 4-gram
//!   shingles of the extracted body text (`Document::body_text`) against the text of
//!   `expected.html` (its text nodes, joined by spaces); precision and recall are means over
//!   pages, F1 their harmonic mean.
//! - **Title**: wirediff's title equals the expected `title`, whitespace collapsed.
//! - **Byline**: where an expected `byline` is given, wirediff's equals it, whitespace collapsed,
//!   case folded and a leading "By" dropped on both sides.
//! - **Date**: where an expected `publishedTime` is given, wirediff's ISO 8601 date has the
//!   same day (its first ten characters).
//! - **Language**: where an expected `lang` is given, wirediff's language is its primary
//!   subtag.
//! - **Per language**: text F1 of the pages of each language wirediff finds (declared or
//!   detected), for wirediff and for every other tool given.
//!
//! `--other NAME=DIR` scores another tool's texts, `DIR/<page>.txt` (a missing file is an
//! empty text), with the same metric in the same run: `eval/trafilatura_pages.py` writes
//! trafilatura's.
//!
//! usage: cargo run --release --example readability_bench -- [DATA_DIR] [--min-f1 X]
//!        [--min-title X] [--min-byline X] [--min-date X] [--other NAME=DIR]... [--verbose N]
//! `--explain PAGE NEEDLE` shows how the extractor treated the elements around the text
//! NEEDLE on one page, and scores nothing.
//! `--verbose N` lists the N pages with the lowest text F1, and the titles, bylines and dates
//! missed.
//! Exits 1 when a score is below its floor, 2 when the data cannot be read.

use std::collections::BTreeMap;
use std::process::ExitCode;

use scraper::Html;
use serde_json::Value;
use wirediff::Document;

#[path = "common/shingles.rs"]
mod shingles;
use shingles::{Metric, Score, read_gz, read_json, summarize};

fn main() -> ExitCode {
    let mut dir = "../shared/data/readability-test-pages".to_string();
    let (mut min_f1, mut min_title, mut min_byline, mut min_date) = (None, None, None, None);
    let mut others: Vec<(String, String)> = Vec::new();
    let mut explain: Option<(String, String)> = None;
    let mut verbose = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--explain" {
            match (args.next(), args.next()) {
                (Some(page), Some(needle)) => explain = Some((page, needle)),
                _ => {
                    eprintln!("readability_bench: --explain takes PAGE NEEDLE");
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        if a == "--other" {
            match args.next().as_deref().and_then(|v| v.split_once('=')) {
                Some((name, dir)) => others.push((name.to_string(), dir.to_string())),
                None => {
                    eprintln!("readability_bench: --other takes NAME=DIR");
                    return ExitCode::from(2);
                }
            }
            continue;
        }
        let mut value = || args.next().and_then(|v| v.parse::<f64>().ok());
        match a.as_str() {
            "--min-f1" => min_f1 = value(),
            "--min-title" => min_title = value(),
            "--min-byline" => min_byline = value(),
            "--min-date" => min_date = value(),
            "--verbose" => verbose = value().map_or(10, |v| v as usize),
            _ => dir = a,
        }
    }
    let mut pages: Vec<std::path::PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("source.html.gz").is_file())
            .collect(),
        Err(e) => {
            eprintln!("readability_bench: {dir}: {e}; is ../shared/data present?");
            return ExitCode::from(2);
        }
    };
    pages.sort();
    if let Some((page, needle)) = explain {
        let path = format!("{dir}/{page}/source.html.gz");
        match read_gz(&path) {
            Ok(html) => print!("{}", wirediff::explain_extraction(&html, &needle)),
            Err(e) => {
                eprintln!("readability_bench: {path}: {e}");
                return ExitCode::from(2);
            }
        }
        return ExitCode::SUCCESS;
    }
    if pages.is_empty() {
        eprintln!("readability_bench: no pages in {dir}");
        return ExitCode::from(2);
    }
    let metric = Metric::new();
    let loader = wirediff::Loader::default();
    let mut scores: Vec<(String, Score)> = Vec::new();
    let (mut titles, mut title_hits) = (0usize, 0usize);
    let (mut bylines, mut byline_hits) = (0usize, 0usize);
    let (mut dates, mut date_hits) = (0usize, 0usize);
    let (mut langs, mut lang_hits) = (0usize, 0usize);
    // For each tool (wirediff first, then the others), its score on each page.
    let mut other_scores: Vec<Vec<Score>> = vec![Vec::new(); others.len()];
    // For each page, the language wirediff finds.
    let mut languages: Vec<String> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    let mut empty = 0usize;
    for page in &pages {
        let name = page
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let read = || -> std::io::Result<(String, String, Value)> {
            Ok((
                read_gz(&page.join("source.html.gz").to_string_lossy())?,
                std::fs::read_to_string(page.join("expected.html"))?,
                read_json(&page.join("expected-metadata.json").to_string_lossy())?,
            ))
        };
        let (source, expected, meta) = match read() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("readability_bench: {name}: {e}");
                return ExitCode::from(2);
            }
        };
        // As `wirediff extract` reads the page: decoded by the loader, which weighs its
        // `<meta charset>`, then extracted. A page it refuses scores as empty.
        let doc = loader
            .read_bytes(&name, source.as_bytes(), true)
            .unwrap_or_else(|_| Document::from_text(&name, ""));
        if !doc.body_text().chars().any(char::is_alphanumeric) {
            empty += 1;
        }
        let expected_text = text_of(&expected);
        scores.push((name.clone(), metric.score(&expected_text, doc.body_text())));
        for ((_, dir), s) in others.iter().zip(other_scores.iter_mut()) {
            let text = std::fs::read_to_string(format!("{dir}/{name}.txt")).unwrap_or_default();
            s.push(metric.score(&expected_text, &text));
        }
        languages.push(doc.language.clone().unwrap_or_else(|| "?".into()));
        if let Some(l) = meta.get("lang").and_then(Value::as_str) {
            langs += 1;
            let want = l
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            if doc.language.as_deref() == Some(want.as_str()) {
                lang_hits += 1;
            } else {
                missed.push(format!(
                    "{name}: language {:?}, expected {want:?}",
                    doc.language
                ));
            }
        }
        if let Some(t) = meta.get("publishedTime").and_then(Value::as_str)
            && t.len() >= 10
        {
            dates += 1;
            let day = |d: &str| d.get(..10).map(str::to_string);
            if doc.date.as_deref().and_then(day) == day(t) {
                date_hits += 1;
            } else {
                missed.push(format!("{name}: date {:?}, expected {t:?}", doc.date));
            }
        }
        if let Some(t) = meta.get("title").and_then(Value::as_str) {
            titles += 1;
            let got = doc.title.as_deref().map(collapse).unwrap_or_default();
            if got == collapse(t) {
                title_hits += 1;
            } else {
                missed.push(format!("{name}: title {got:?}, expected {:?}", collapse(t)));
            }
        }
        if let Some(b) = meta.get("byline").and_then(Value::as_str)
            && !b.trim().is_empty()
        {
            bylines += 1;
            let got = doc.byline.as_deref().map(byline_key).unwrap_or_default();
            if got == byline_key(b) {
                byline_hits += 1;
            } else {
                missed.push(format!(
                    "{name}: byline {got:?}, expected {:?}",
                    byline_key(b)
                ));
            }
        }
    }
    let only: Vec<Score> = scores.iter().map(|(_, s)| *s).collect();
    let (f1, p, r) = summarize(&only);
    let title_share = title_hits as f64 / titles.max(1) as f64;
    let byline_share = byline_hits as f64 / bylines.max(1) as f64;
    println!("Mozilla Readability's test suite: {} pages", pages.len());
    println!("| | F1 | precision | recall |");
    println!("|---|---:|---:|---:|");
    println!("| **wirediff** (body text) | **{f1:.3}** | {p:.3} | {r:.3} |");
    for ((name, _), s) in others.iter().zip(&other_scores) {
        let (f1, p, r) = summarize(s);
        println!("| {name} | {f1:.3} | {p:.3} | {r:.3} |");
    }
    // Per language: wirediff's F1 and each other tool's, over the same pages.
    let mut by_language: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in languages.iter().enumerate() {
        by_language.entry(l.as_str()).or_default().push(i);
    }
    let head: Vec<&str> = others.iter().map(|(n, _)| n.as_str()).collect();
    println!("text F1 by language (declared, else detected):");
    println!("| language | pages | wirediff | {} |", head.join(" | "));
    println!("|---|---:|---:|{}", "---:|".repeat(head.len()));
    let mut rows: Vec<(&str, Vec<usize>)> = by_language.into_iter().collect();
    rows.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(b.0)));
    for (lang, pages_of) in rows {
        let f1_of =
            |all: &[Score]| summarize(&pages_of.iter().map(|&i| all[i]).collect::<Vec<_>>()).0;
        let mut row = format!("| {lang} | {} | {:.3} |", pages_of.len(), f1_of(&only));
        for s in &other_scores {
            row.push_str(&format!(" {:.3} |", f1_of(s)));
        }
        println!("{row}");
    }
    println!(
        "title matches: {title_hits} of {titles} ({:.1}%)",
        100.0 * title_share
    );
    println!(
        "byline matches: {byline_hits} of {bylines} where one is expected ({:.1}%)",
        100.0 * byline_share
    );
    let date_share = date_hits as f64 / dates.max(1) as f64;
    println!(
        "date matches (same day): {date_hits} of {dates} where one is expected ({:.1}%)",
        100.0 * date_share
    );
    println!(
        "language matches: {lang_hits} of {langs} where one is declared ({:.1}%)",
        100.0 * lang_hits as f64 / langs.max(1) as f64
    );
    println!("pages with no article text: {empty}");
    if verbose > 0 {
        let mut worst = scores.clone();
        worst.sort_by(|a, b| a.1.f1().total_cmp(&b.1.f1()));
        for (name, s) in worst.iter().take(verbose) {
            println!(
                "  {name}: F1 {:.3} (P {:.3}, R {:.3})",
                s.f1(),
                s.precision(),
                s.recall()
            );
        }
        for m in missed.iter().take(verbose * 2) {
            println!("  {m}");
        }
    }
    let mut ok = true;
    for (what, value, floor) in [
        ("text F1", f1, min_f1),
        ("title matches", title_share, min_title),
        ("byline matches", byline_share, min_byline),
        ("date matches", date_share, min_date),
    ] {
        if let Some(floor) = floor {
            if value < floor {
                eprintln!("FLOOR MISSED: {what} {value:.3} < {floor:.3}");
                ok = false;
            } else {
                println!("floor ok: {what} {value:.3} >= {floor:.3}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The text of an expected article: its text nodes, joined by spaces.
fn text_of(html: &str) -> String {
    let page = Html::parse_fragment(html);
    let parts: Vec<&str> = page.root_element().text().collect();
    parts.join(" ")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A byline for comparison: whitespace collapsed, lower case, without a leading "by".
fn byline_key(s: &str) -> String {
    let c = collapse(s).to_lowercase();
    c.strip_prefix("by ").map(str::to_string).unwrap_or(c)
}
