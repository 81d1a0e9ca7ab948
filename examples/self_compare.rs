//! Every real page of the article-extraction-benchmark (`../shared/data/...`, 181 news and
//! blog pages in many languages) compared with itself: each must come out all unchanged, in
//! place, with no material difference (exit status 0). Catches an aligner or segmenter that is
//! not deterministic, or that splits one text two ways.
//!
//! usage: cargo run --release --example self_compare -- [DATA_DIR] [--min-pages N]
//! Exits 1 when a page differs from itself or fewer than N pages were compared, 2 when the
//! data cannot be read.

use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

use wirediff::{Document, Kind, compare};

fn main() -> ExitCode {
    let mut dir = "../shared/data/article-extraction-benchmark".to_string();
    let mut min_pages = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--min-pages" => min_pages = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            _ => dir = a,
        }
    }
    let mut paths: Vec<_> = match std::fs::read_dir(format!("{dir}/html")) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("self_compare: {dir}/html: {e}; is ../shared/data present?");
            return ExitCode::from(2);
        }
    };
    paths.sort();
    let start = Instant::now();
    let (mut compared, mut empty, mut sentences) = (0usize, 0usize, 0usize);
    let mut bad = Vec::new();
    for path in &paths {
        let mut html = String::new();
        let read = std::fs::File::open(path).and_then(|f| {
            flate2::read::GzDecoder::new(f)
                .read_to_string(&mut html)
                .map(drop)
        });
        if let Err(e) = read {
            eprintln!("self_compare: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = Document::from_html(&name, &html);
        if doc.paragraphs.len() <= doc.body_start {
            empty += 1;
            continue;
        }
        let cmp = compare(vec![doc.clone()], doc, &Default::default());
        compared += 1;
        sentences += cmp.adapted_sentences.len();
        let odd = cmp
            .segments
            .iter()
            .filter(|s| s.kind != Kind::Unchanged || s.moved)
            .count();
        if odd > 0 || cmp.summary().has_differences() {
            bad.push(format!("{name}: {odd} of {} segments", cmp.segments.len()));
        }
    }
    println!(
        "self_compare: {compared} real pages ({sentences} sentences) compared with themselves in {:.2} s; \
         {} not all unchanged; {empty} without article text skipped",
        start.elapsed().as_secs_f64(),
        bad.len()
    );
    for b in &bad {
        println!("  {b}");
    }
    if !bad.is_empty() || compared < min_pages {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
