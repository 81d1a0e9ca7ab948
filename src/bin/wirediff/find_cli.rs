//! `wirediff index` and `wirediff find`, and the originals `compare --index` reads.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use wirediff::find::{self, DateWindow, FindOptions, Hit, Index};
use wirediff::{Document, Loader, Source, report};

use crate::{EXIT_DIFFERENT, EXIT_SAME, EXIT_TROUBLE, FetchArgs};

pub const INDEX_HELP: &str = "\
Sources:
  FILE          a .txt, .md or .html file, read exactly as `compare` reads it; its id is its
                path as given
  DIR           walked recursively (hidden files skipped): .txt, .md, .html and .jsonl files
  FILE.jsonl    JSON Lines, one wire document a line:
                {\"id\": \"ap-123\", \"text\": \"...\", \"title\": \"...\", \"url\": \"...\",
                 \"date\": \"2022-09-16\", \"source\": \"AP\"}
                id and text are required, the rest optional; text may be HTML
  -             JSON Lines on standard input

A document keeps its identity (its id, else its path as given): adding it again replaces it.
Adding is incremental; a run adds to what the index holds. What was added, replaced and
skipped (with the reason) is said at the end; an unreadable file is skipped and the rest are
indexed. A run that is killed leaves the index as its last commit left it (every 20,000
documents, and at the end). One `index` writes at a time; `find` reads beside it.

Examples:
  wirediff index wire/ ap-feed-2022/                 index a folder of wire copy
  wirediff index wire/ reuters.jsonl                 add a feed dump
  zcat feed.jsonl.gz | wirediff index wire/ -        JSON Lines from a pipe

Exit status: 0 something was indexed, 2 nothing could be (or the index is unusable).";

pub const FIND_HELP: &str = "\
Candidates come from the index by BM25 over the article's 32 most telling words; each is then
aligned with the article as `compare` would align it. Coverage is the share of the article's
words in passages drawn from the document (unchanged, reworded or moved); results are ranked
by it. Versions of one story (a first take, a write-through, a correction) share a story
number and are listed together, best first. A result covers at least 10% of the article
(--min-coverage).

Examples:
  wirediff find --index wire/ site.html              which wire stories site.html drew on
  wirediff find --index wire/ --format json https://example.com/story
  wirediff compare --index wire/ site.html           compare with the stories find chooses

When no candidate covers 10%, the one whose words match the article far better than the
others' (four times the median candidate's BM25 score, and 1.5 times the next) is shown
as found by its words alone: a source the article rewrote throughout, or a near miss.

On a large archive, --days N looks only at wire copy dated within N days of the article
(before or after: later versions of a story run after it). The article's date is its page's
(JSON-LD, Open Graph, <time>...); give it with --date when the page has none. Wire documents
without a date are always looked at.

  wirediff find --index wire/ --days 3 site.html
  wirediff find --index wire/ --days 7 --date 2022-09-16 article.txt

Exit status: 0 a source covers 10% of the article, 1 none does, 2 trouble.";

/// `--days` and `--date`: which wire copy, by its date, may be a source.
#[derive(clap::Args)]
#[command(next_help_heading = "Wire copy by date (find, compare --index)")]
pub struct DateArgs {
    /// Look only at wire copy dated within N days of the article, before or after it
    ///
    /// Wire documents without a date are always looked at. The article's date is its page's
    /// (JSON-LD, Open Graph, <time>...); give --date when it has none. In `compare`, with
    /// --index.
    #[arg(long, value_name = "N")]
    days: Option<u32>,
    /// The article's date for --days, YYYY-MM-DD, in place of its page's
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day, requires = "days")]
    date: Option<chrono::NaiveDate>,
}

fn day(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date as YYYY-MM-DD"))
}

impl DateArgs {
    pub fn given(&self) -> bool {
        self.days.is_some()
    }

    /// The window of days around the article's date, when `--days` is given.
    pub fn window(&self, adapted: &Document) -> wirediff::Result<Option<DateWindow>> {
        self.days
            .map(|days| DateWindow::for_article(adapted, days, self.date))
            .transpose()
    }
}

#[derive(clap::Args)]
pub struct IndexArgs {
    /// The index directory, created if needed.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Files, directories, .jsonl files, or - for JSON Lines on standard input.
    #[arg(value_name = "SOURCE", required = true)]
    sources: Vec<String>,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    no_progress: bool,
    /// Limits on each file (--max-bytes).
    #[command(flatten)]
    fetch: FetchArgs,
}

#[derive(clap::Args)]
pub struct FindArgs {
    /// The index directory (made by `wirediff index`).
    #[arg(long, value_name = "DIR", required = true)]
    index: PathBuf,
    /// The adapted article: a file, - for standard input, or a URL.
    #[arg(value_name = "ADAPTED")]
    adapted: String,
    /// Most results.
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::value_parser!(u64).range(1..))]
    top: u64,
    /// Least coverage of a result, 0 to 1: the share of the article's words drawn from it.
    #[arg(long, value_name = "SHARE", default_value_t = find::COVERAGE_FLOOR,
          value_parser = share)]
    min_coverage: f64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FindFormat::Terminal)]
    format: FindFormat,
    /// Pretty-print the JSON (indented).
    #[arg(long)]
    pretty: bool,
    #[command(flatten)]
    dates: DateArgs,
    #[command(flatten)]
    fetch: FetchArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum FindFormat {
    /// One block a result: rank, story, coverage, source, title and date, shared passages.
    Terminal,
    /// `{"version": 1, "adapted", "results"}` (see docs/json.md).
    Json,
}

pub fn index(args: IndexArgs) -> anyhow::Result<u8> {
    let sources: Vec<Source> = args.sources.iter().map(|s| Source::parse(s)).collect();
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(wirediff::Error::StdinTwice.into());
    }
    let loader = Loader::new(args.fetch.load_options());
    let bar = if !args.no_progress && io::stderr().is_terminal() {
        ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    let mut styled = None;
    let (summary, holds) =
        find::index_sources(&args.dir, &sources, &loader, &mut |done, total| {
            if styled != Some(total.is_some()) {
                let template = if total.is_some() {
                    "{bar:40} {pos}/{len} documents, {per_sec:0}, {eta} left"
                } else {
                    "{spinner} {pos} documents, {per_sec:0}"
                };
                if let Ok(style) = ProgressStyle::with_template(template) {
                    bar.set_style(style);
                }
                styled = Some(total.is_some());
            }
            if let Some(t) = total {
                bar.set_length(t as u64);
            }
            bar.set_position(done as u64);
        })?;
    bar.finish_and_clear();
    let mut err = io::stderr().lock();
    for (what, why) in &summary.skipped {
        writeln!(err, "wirediff: skipped {what}: {why}")?;
    }
    writeln!(
        err,
        "{}: {} added, {} replaced, {} skipped; the index holds {} documents",
        args.dir.display(),
        summary.added,
        summary.replaced,
        summary.skipped.len(),
        holds
    )?;
    Ok(if summary.added + summary.replaced == 0 {
        EXIT_TROUBLE
    } else {
        EXIT_SAME
    })
}

pub fn find(args: FindArgs) -> anyhow::Result<u8> {
    let index = Index::open(&args.index)?;
    let loader = Loader::new(args.fetch.load_options());
    let adapted = loader.read(&Source::parse(&args.adapted))?;
    let opts = FindOptions {
        top: usize::try_from(args.top).unwrap_or(usize::MAX),
        min_coverage: args.min_coverage,
        dated: args.dates.window(&adapted)?,
        ..FindOptions::default()
    };
    let hits = index.find(&adapted, &opts)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        FindFormat::Json => {
            report::write_json_value(&mut out, &find::results_json(&adapted, &hits), args.pretty)?;
            out.write_all(b"\n")?;
        }
        FindFormat::Terminal => write_find_terminal(&adapted, &hits, &mut out)?,
    }
    out.flush()?;
    Ok(if hits.iter().any(|h| h.coverage >= args.min_coverage) {
        EXIT_SAME
    } else {
        EXIT_DIFFERENT
    })
}

/// The originals `compare --index DIR ADAPTED` compares with: what [`Index::select`] picks.
pub fn originals_for(
    dir: &std::path::Path,
    adapted: &Document,
    dates: &DateArgs,
) -> anyhow::Result<Vec<Document>> {
    let index = Index::open(dir)?;
    let opts = FindOptions {
        dated: dates.window(adapted)?,
        ..FindOptions::default()
    };
    let chosen = index.select(adapted, &opts)?;
    if chosen.is_empty() {
        anyhow::bail!("{}", find::no_source_message(adapted, dir));
    }
    if let [only] = chosen.as_slice()
        && only.by_words
    {
        eprintln!(
            "wirediff: note: no indexed document shares a passage with {}; comparing with {}, \
             the closest by its words",
            adapted.source, only.document.source
        );
    }
    Ok(chosen.into_iter().map(|h| h.document).collect())
}

/// A share from 0 to 1.
fn share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("{s:?} is not a share from 0 to 1 (0.1 is a tenth)")),
    }
}

fn write_find_terminal(adapted: &Document, hits: &[Hit], out: &mut dyn Write) -> io::Result<()> {
    if hits.is_empty() {
        writeln!(
            out,
            "No indexed document covers {:.0}% of {}.",
            100.0 * find::COVERAGE_FLOOR,
            adapted.source
        )?;
        return Ok(());
    }
    writeln!(out, "Wire sources of {}:", adapted.source)?;
    for (i, h) in hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{}. {}  coverage {:.0}%  story {}  score {:.1}",
            i + 1,
            h.document.source,
            100.0 * h.coverage,
            h.story,
            h.score
        )?;
        if h.by_words {
            writeln!(
                out,
                "   found by its words alone: the article rewrote it beyond sentence pairing"
            )?;
        }
        if h.id != h.document.source {
            writeln!(out, "   id: {}", h.id)?;
        }
        let date = h
            .document
            .date
            .as_deref()
            .or(h.document.date_text.as_deref());
        let meta: Vec<&str> = [h.document.title.as_deref(), date]
            .into_iter()
            .flatten()
            .collect();
        if !meta.is_empty() {
            writeln!(out, "   {}", meta.join(" · "))?;
        }
        for p in &h.passages {
            writeln!(out, "   {} \"{}\"", mark(p.kind), clip(&p.adapted, 100))?;
        }
    }
    Ok(())
}

fn mark(kind: wirediff::Kind) -> &'static str {
    match kind {
        wirediff::Kind::Unchanged => "=",
        _ => "~",
    }
}

/// At most `n` characters of `s`, on one line, with an ellipsis if cut.
fn clip(s: &str, n: usize) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= n {
        return one_line;
    }
    let mut cut: String = one_line.chars().take(n - 1).collect();
    cut.push('…');
    cut
}
