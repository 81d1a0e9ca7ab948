//! The `corpus` and `batch` subcommands: flags in, library calls out (see `wirediff::corpus`
//! and `wirediff::batch`).

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wirediff::batch::{self, BatchOptions};
use wirediff::corpus::{self, CorpusSummary, Partition, ReportFormat, RunOptions, Status};
use wirediff::{Options, corpus::junit};

use super::{ColorChoice, FetchArgs, use_color};

pub const CORPUS_HELP: &str = "\
A corpus is a directory with one subdirectory a pair (subdirectories holding only \
subdirectories are groups, searched in turn; the pair's id is its path under the corpus):

  corpus/
    ap-xi-police/
      original.txt            the wire original(s): original*.txt|md|html|htm, or
      adapted.html            original*.url holding a URL; then adapted.txt|md|html|htm|url
      expect.toml             optional: what must hold of this pair
    reuters-summit/
      original-1.txt  original-2.txt  adapted.url
    site-story/
      adapted.html            no original: with --index DIR, the wire stories
                              `wirediff find` chooses in that index

expect.toml:
  [[expect]]
  kind = \"inserted\"             # unchanged | reworded | inserted | removed | moved
  contains = \"globalist cabal\"  # some passage of that kind contains these words
  # signal = \"loaded\"           # ...and carries this signal; absent = true: no such passage
  [limits]
  max_inserted_share = 0.25     # also max_reworded_share, min_wire_share, max_differences,
                                # max_inserted, max_removed, max_reworded, max_moved

CORPUS can also be a JSON Lines manifest, one pair a line: {\"id\": \"...\", \"originals\": \
[...], \"adapted\": \"...\", \"expect\": \"path/expect.toml\" or {...}}, paths relative to it.

Pairs run in parallel; the summary lists them sorted by id whatever --jobs. --partition K/N \
takes the pairs whose id hashes to part K (SHA-256), so N CI jobs cover the corpus once; \
`wirediff corpus merge` joins their JSON summaries. (A corpus directory named merge: ./merge.)

Examples:
  wirediff corpus fixtures/pairs
  wirediff corpus --junit junit.xml --out reports corpus/
  wirediff corpus --partition 2/4 --json part-2.json --format markdown corpus/ >> \"$GITHUB_STEP_SUMMARY\"
  wirediff corpus merge --junit junit.xml --format markdown part-*.json

Exit status (expectations decide, not differences): 0 every pair compared and every \
expectation held, 1 an expectation did not hold, 2 a pair could not be compared (or trouble).";

pub const BATCH_HELP: &str = "\
Reads one pair a line on standard input:
  {\"id\": \"p1\", \"originals\": [\"ap.txt\", \"https://...\"], \"adapted\": \"site.html\"}
(an \"expect\" object shaped like expect.toml may come along; other fields are ignored) and \
writes one line for each, in input order, as soon as it is done:
  {\"id\": \"p1\", \"status\": \"pass\", \"expectations\": [], \"version\": 1, \"originals\": \
..., \"summary\": ..., \"segments\": ...}
or {\"id\": \"p1\", \"error\": \"...\"} for a line that cannot be compared (the rest go on). \
Blank lines are skipped. Memory stays flat: at most 4 lines a job are in flight.

Examples:
  wirediff batch < pairs.jsonl > reports.jsonl
  parallel --pipe -N 1000 -j 8 -k wirediff batch --jobs 1 --summary < pairs.jsonl > out.jsonl
  Spark: rdd.pipe(\"wirediff batch --summary\")

Exit status: 0 every line compared and every expectation held, 1 an expectation did not \
hold, 2 a line could not be compared.";

/// Run every pair of a corpus, check expectations, write a summary, JUnit and reports.
#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct CorpusArgs {
    #[command(subcommand)]
    action: Option<CorpusAction>,
    /// The corpus: a directory of pair subdirectories, or a JSON Lines manifest
    #[arg(value_name = "CORPUS", required = true)]
    corpus: Option<PathBuf>,
    #[command(flatten)]
    jobs: Jobs,
    /// Run only part K of N (1/4, 2/4...): pairs are assigned by a hash of their id
    #[arg(long, value_name = "K/N", value_parser = parse_partition)]
    partition: Option<Partition>,
    #[command(flatten)]
    summary: SummaryArgs,
    /// Write each pair's report under DIR, as DIR/ID.json (and .md, .txt with --report)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Which per-pair reports --out writes (comma-separated)
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "json",
        value_name = "FORMATS"
    )]
    report: Vec<PairReport>,
    /// No progress bar (it is drawn on standard error only when that is a terminal)
    #[arg(long)]
    no_progress: bool,
    /// Pairs with no original*: compare their adapted article with the wire stories found in
    /// this index (made by `wirediff index`), as `compare --index` does
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    #[command(flatten)]
    fetch: FetchArgs,
}

#[derive(clap::Subcommand)]
enum CorpusAction {
    /// Merge the JSON summaries of a corpus's parts (--partition K/N) into one.
    #[command(after_help = "\
Each file is a summary written by `wirediff corpus --format json`. Parts of a partition must \
all be there, each once (an error names the missing part); a pair id must not appear twice. \
The merged summary is the one a single run over the whole corpus gives.

Example:
  wirediff corpus merge --junit junit.xml --format markdown part-*.json

Exit status: as for the corpus run: 0, 1 (an expectation did not hold) or 2 (a pair could \
not be compared, or a summary is unreadable or missing).")]
    Merge(MergeArgs),
}

#[derive(clap::Args)]
struct MergeArgs {
    /// JSON summaries of the parts
    #[arg(value_name = "SUMMARY", required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    summary: SummaryArgs,
}

/// Where the summary goes and how it looks: shared by a run and a merge.
#[derive(clap::Args)]
struct SummaryArgs {
    /// Summary format
    #[arg(long, value_enum, default_value_t = SummaryFormat::Terminal)]
    format: SummaryFormat,
    /// Write the summary to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write the JSON summary to FILE (to merge later), whatever --format says
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Also write JUnit XML to FILE: one test case a pair, unmet expectations as failures,
    /// pairs that could not be compared as errors
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// When to color the terminal summary
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

#[derive(Clone, Copy, ValueEnum)]
enum SummaryFormat {
    /// A table, one line a pair, then what failed and the totals.
    Terminal,
    /// {"version", "corpus", "partition", "pairs": [...], "totals": {...}} (docs/json.md).
    Json,
    /// For a pull request or $GITHUB_STEP_SUMMARY: totals, failures, all pairs folded.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum PairReport {
    /// ID.json, the JSON report (contract v1).
    Json,
    /// ID.md, the Markdown report.
    Markdown,
    /// ID.txt, the terminal report without color.
    Text,
}

/// Compare pairs given as JSON Lines on standard input; one JSON report a line out.
#[derive(clap::Args)]
pub struct BatchArgs {
    #[command(flatten)]
    jobs: Jobs,
    /// Write {"id", "status", "expectations", "summary"} instead of the whole report
    #[arg(long)]
    summary: bool,
    #[command(flatten)]
    fetch: FetchArgs,
}

/// How many pairs are compared at once.
#[derive(clap::Args)]
struct Jobs {
    /// Compare this many pairs at once (default: one a core)
    #[arg(
        short,
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    jobs: usize,
}

impl Jobs {
    fn get(&self) -> usize {
        if self.jobs > 0 {
            self.jobs
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
}

fn parse_partition(s: &str) -> Result<Partition, String> {
    s.parse::<Partition>().map_err(|e| {
        // clap names the flag itself.
        e.to_string()
            .trim_start_matches(&format!("partition {s}: "))
            .to_string()
    })
}

pub fn corpus(args: CorpusArgs) -> anyhow::Result<u8> {
    if let Some(CorpusAction::Merge(m)) = args.action {
        return merge(m);
    }
    let root = args.corpus.context("no corpus given")?;
    let mut pairs = corpus::discover(&root)?;
    if let Some(p) = args.partition {
        pairs.retain(|pair| p.contains(&pair.id));
    }
    let index = match &args.index {
        Some(dir) => Some(std::sync::Arc::new(wirediff::find::Index::open(dir)?)),
        None => None,
    };
    let opts = RunOptions {
        index,
        options: Options::default(),
        load: args.fetch.load_options(),
        jobs: args.jobs.get(),
        out: args.out,
        reports: args
            .report
            .iter()
            .map(|r| match r {
                PairReport::Json => ReportFormat::Json,
                PairReport::Markdown => ReportFormat::Markdown,
                PairReport::Text => ReportFormat::Text,
            })
            .collect(),
        remedies: Some(crate::args::remedy),
    };
    // Per-pair text reports are never colored; the summary's colors are drawn apart.
    colored::control::set_override(false);
    let bar = if !args.no_progress && io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(pairs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {pos}/{len} pairs, {per_sec:0}, {eta} left {msg}",
        ) {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let problems = std::sync::atomic::AtomicUsize::new(0);
    let outcomes = corpus::run(&pairs, &opts, &|o| {
        if o.status != Status::Pass {
            let n = problems.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            bar.set_message(format!("({n} failed or unreadable)"));
        }
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let summary = CorpusSummary::new(root.display().to_string(), args.partition, outcomes);
    write_summary(&summary, &args.summary)
}

fn merge(args: MergeArgs) -> anyhow::Result<u8> {
    let parts = args
        .files
        .iter()
        .map(|f| Ok((f.display().to_string(), CorpusSummary::read(f)?)))
        .collect::<Result<Vec<_>, corpus::CorpusError>>()?;
    let summary = CorpusSummary::merge(parts)?;
    write_summary(&summary, &args.summary)
}

fn write_summary(summary: &CorpusSummary, args: &SummaryArgs) -> anyhow::Result<u8> {
    if let Some(path) = &args.json {
        write_file(path, |out| summary.write_json(out))?;
    }
    if let Some(path) = &args.junit {
        write_file(path, |out| junit::write_junit(summary, out))?;
    }
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal);
    let write = |out: &mut dyn Write| match args.format {
        SummaryFormat::Terminal => summary.write_terminal(out, color),
        SummaryFormat::Json => summary.write_json(out),
        SummaryFormat::Markdown => summary.write_markdown(out),
    };
    match &args.output {
        Some(path) => write_file(path, write)?,
        None => {
            let mut out = io::BufWriter::new(io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(summary.totals.exit_code())
}

fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> anyhow::Result<()> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut out = io::BufWriter::new(file);
    write(&mut out)
        .and_then(|()| out.flush())
        .with_context(|| format!("cannot write {}", path.display()))
}

pub fn batch(args: BatchArgs) -> anyhow::Result<u8> {
    let opts = BatchOptions {
        options: Options::default(),
        load: args.fetch.load_options(),
        jobs: args.jobs.get(),
        summary_only: args.summary,
        remedies: Some(crate::args::remedy),
    };
    let input = io::BufReader::with_capacity(1 << 16, io::stdin());
    let mut out = io::stdout().lock();
    let stats = batch::run_batch(input, &mut out, &opts)?;
    Ok(stats.exit_code())
}
