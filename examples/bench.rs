//! In-process speed of the library, for `eval/bench.py` (`just bench`).
//!
//! usage:
//!   cargo run --profile release-lto --example bench -- news [DIR] [--repeat N] [--threads N]
//!   cargo run --profile release-lto --example bench -- stages ORIGINAL... ADAPTED [--repeat N]
//!
//! `news` compares every pair of DIR (default `target/eval/edits`, built by
//! `python3 eval/synth_edits.py`: `original*.txt` and `adapted.txt` in each subdirectory) in this one
//! process: files read, extracted, segmented, aligned, news signals, JSON report written to
//! memory, as `wirediff compare --format json` does minus the process start. It runs the pairs
//! N times (default 5) on one thread, then on every core (or `--threads N`), each thread taking
//! the next pair, and prints one line per run:
//!   `threads=1 pairs=830 seconds=0.310 pairs_per_s=2677.4`
//! (the fastest of three passes, after a warm-up pass that builds the lazily compiled tables).
//!
//! `stages` times the stages of one comparison (the fastest of N runs): reading, segmenting,
//! the whole comparison and the JSON report, to see where the time of a long document goes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use wirediff::{Options, Source, report};

/// mimalloc, as the binary uses it (the `mimalloc` feature, on by default): small strings and
/// vectors are most of what a comparison allocates.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((mode, rest)) = args.split_first() else {
        eprintln!("usage: bench news [DIR] [--repeat N] [--threads N] | bench stages FILE... ");
        return ExitCode::from(2);
    };
    let mut repeat = None;
    let mut threads = None;
    let mut paths = Vec::new();
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--repeat" => repeat = it.next().and_then(|v| v.parse().ok()),
            "--threads" => threads = it.next().and_then(|v| v.parse().ok()),
            _ => paths.push(a.clone()),
        }
    }
    match mode.as_str() {
        "news" => news(
            paths.first().map_or("target/eval/edits", String::as_str),
            repeat.unwrap_or(5),
            threads,
        ),
        "stages" if paths.len() >= 2 => stages(&paths, repeat.unwrap_or(3)),
        _ => {
            eprintln!("bench: unknown mode or missing files");
            ExitCode::from(2)
        }
    }
}

/// One pair: the original files and the adapted file.
struct Pair {
    originals: Vec<Source>,
    adapted: Source,
}

fn load_pairs(dir: &Path) -> std::io::Result<Vec<Pair>> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("adapted.txt").is_file())
        .collect();
    dirs.sort();
    let mut pairs = Vec::new();
    for d in dirs {
        let mut originals: Vec<PathBuf> = std::fs::read_dir(&d)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("original"))
            })
            .collect();
        originals.sort();
        pairs.push(Pair {
            originals: originals.into_iter().map(Source::Path).collect(),
            adapted: Source::Path(d.join("adapted.txt")),
        });
    }
    Ok(pairs)
}

/// The whole pipeline for one pair, as `wirediff compare --format json` runs it.
fn run_pair(p: &Pair, out: &mut Vec<u8>) {
    let cmp = wirediff::Loader::default()
        .compare(&p.originals, &p.adapted, &Options::default())
        .expect("pair compares");
    out.clear();
    report::write_json(&cmp, out, false).expect("JSON to memory");
}

/// Runs every pair `repeat` times on `threads` threads; the wall-clock time.
fn pass(pairs: &[Pair], repeat: usize, threads: usize) -> Duration {
    let next = AtomicUsize::new(0);
    let total = pairs.len() * repeat;
    let start = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut out = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    run_pair(&pairs[i % pairs.len()], &mut out);
                }
            });
        }
    });
    start.elapsed()
}

fn news(dir: &str, repeat: usize, threads: Option<usize>) -> ExitCode {
    let pairs = match load_pairs(Path::new(dir)) {
        Ok(p) if !p.is_empty() => p,
        _ => {
            eprintln!("bench: no pairs in {dir}; run python3 eval/synth_edits.py first");
            return ExitCode::from(2);
        }
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    pass(&pairs, 1, 1); // warm-up: lazily built tables, page cache
    let mut counts = vec![1];
    let all = threads.unwrap_or(cores);
    if all != 1 {
        counts.push(all);
    }
    for t in counts {
        let best = (0..3).map(|_| pass(&pairs, repeat, t)).min().expect("3");
        let n = pairs.len() * repeat;
        println!(
            "threads={t} pairs={n} seconds={:.3} pairs_per_s={:.1}",
            best.as_secs_f64(),
            n as f64 / best.as_secs_f64()
        );
    }
    ExitCode::SUCCESS
}

fn stages(paths: &[String], repeat: usize) -> ExitCode {
    let sources: Vec<Source> = paths.iter().map(|p| Source::parse(p)).collect();
    let (adapted, originals) = sources.split_last().expect("two paths");
    let mut best = [Duration::MAX; 4];
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let docs: Vec<_> = originals
            .iter()
            .map(|s| wirediff::read(s).expect("read"))
            .collect();
        let a = wirediff::read(adapted).expect("read");
        let t_read = t.elapsed();
        let t = Instant::now();
        let n: usize = docs
            .iter()
            .map(|d| wirediff::segment(d).len())
            .sum::<usize>()
            + wirediff::segment(&a).len();
        let t_seg = t.elapsed();
        let t = Instant::now();
        let cmp = wirediff::compare(docs, a, &Options::default());
        let t_cmp = t.elapsed();
        let t = Instant::now();
        let mut out = Vec::new();
        report::write_json(&cmp, &mut out, false).expect("JSON");
        let t_json = t.elapsed();
        for (b, x) in best.iter_mut().zip([t_read, t_seg, t_cmp, t_json]) {
            *b = (*b).min(x);
        }
        if best[0] == t_read {
            eprintln!("{n} sentences, {} segments", cmp.segments.len());
        }
    }
    let [r, s, c, j] = best.map(|d| d.as_secs_f64());
    println!("read={r:.3} segment={s:.3} compare={c:.3} (segment+align+signals) json={j:.3}");
    ExitCode::SUCCESS
}
