//! The `wirediff` command: parses arguments, calls the library, maps errors to exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use wirediff::{FetchOptions, LoadOptions, Loader, Options, Source, report};

/// mimalloc, as the binary uses it (the `mimalloc` feature, on by default): small strings and
/// vectors are most of what a comparison allocates.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (its `mi_option_e` in `mimalloc.h`, version 3; the
/// Rust binding has no name for it): milliseconds before freed memory goes back to the system.
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed memory waits before it goes back to the system, in milliseconds.
/// mimalloc's default, a second, is longer than most runs: a 3.5 MB comparison then peaks at
/// 65 MB. At 10 ms it peaks at 46 MB in the same time; at 0 (at once) at 40 MB, but about a
/// tenth slower, its pages faulted in again and again.
#[cfg(feature = "mimalloc")]
const PURGE_DELAY_MS: std::ffi::c_long = 10;

/// Sets mimalloc's purge delay to [`PURGE_DELAY_MS`]. `MIMALLOC_PURGE_DELAY` in the
/// environment still decides when it is set.
#[cfg(feature = "mimalloc")]
fn return_freed_memory_soon() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: sets one of mimalloc's options, an integer it reads when it next purges.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
}

mod args;
mod corpus_cli;
mod find_cli;

/// Exit status: no material differences.
pub(crate) const EXIT_SAME: u8 = 0;
/// Exit status: differences found.
pub(crate) const EXIT_DIFFERENT: u8 = 1;
/// Exit status: trouble (bad input, unreadable file...).
pub(crate) const EXIT_TROUBLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "wirediff",
    version,
    about = "Show what a news outlet did to the wire copy it republished",
    long_about = "Show what a news outlet did to the wire copy it republished.\n\n\
        wirediff aligns an adapted article with its wire original(s) sentence by sentence and \
        reports every passage as unchanged, reworded (with the word edits), inserted, removed \
        or moved. Quote marks, dashes, case and whitespace are house style, not changes.",
    after_help = "Exit status: 0 no material differences, 1 differences found, 2 trouble.\n\
        Example: wirediff compare fixtures/pairs/seed/original-1.txt \
        fixtures/pairs/seed/original-2.txt fixtures/pairs/seed/adapted.txt"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Align an adapted article with its wire original(s) and report the differences.
    #[command(
        override_usage = "wirediff compare [OPTIONS] <ORIGINAL>... <ADAPTED>",
        after_help = "\
Inputs are files (.txt and .md read as paragraphs separated by blank lines; .html/.htm, or \
anything that looks like HTML, through the article extractor), - for standard input, or \
http:// and https:// URLs (fetched; see the options under \"Fetching URLs\").

Examples:
  wirediff compare ap.txt site.html                 one original, colored report
  wirediff compare ap1.txt ap2.txt site.txt         two wire stories merged into one article
  curl -s URL | wirediff compare ap.txt -           adapted article from standard input
  wirediff compare --format json ap.txt site.txt    the JSON report (contract v1)
  wirediff compare --format markdown -o report.md ap.txt site.html
                                                    a report for a pull request or CI summary
  wirediff compare --cache pages https://... https://...
                                                    fetch two pages and keep them in pages/;
                                                    run it again (even --offline) for the same
                                                    bytes and the same report

Exit status: 0 no material differences, 1 differences found, 2 trouble."
    )]
    Compare(CompareArgs),
    /// Show what wirediff reads from pages and files: title, byline, date, language, paragraphs.
    #[command(after_help = "\
Each source is a file, - for standard input, or an http:// or https:// URL. HTML goes through \
the article extractor: JSON-LD articleBody, itemprop=articleBody, <article>/<main>, then \
readability-style scoring; captions and photo credits are kept apart from the text.

Formats:
  text   title, byline, date, language and the extractor used, then the paragraphs (the
         default)
  json   one object per source (an array when several sources are given)
  jsonl  one object a line: {\"source\", \"title\", \"byline\", \"date\", \"date_text\",
         \"language\", \"extractor\", \"text\", \"paragraphs\", \"captions\"}; a source
         that fails gives {\"source\", \"error\"} and the others go on

Metadata: the date is ISO 8601 (\"2024-01-02\", or with time and offset when the page gives
them; date_text is what the page wrote); the language is the page's <html lang>, else a meta
tag, else detected from the text (ISO 639-1 codes: en, de, fr...), and sentence splitting
follows it.

Examples:
  wirediff extract https://apnews.com/article/...   what wirediff reads from a page
  wirediff extract --format jsonl pages/*.html > corpus.jsonl

Exit status: 0 every source read, 2 trouble (with jsonl: any source failed).")]
    Extract(ExtractArgs),
    /// Compare every pair of a corpus, check expect.toml, summarize for CI (JUnit, Markdown).
    #[command(after_help = corpus_cli::CORPUS_HELP)]
    Corpus(Box<corpus_cli::CorpusArgs>),
    /// Compare pairs given as JSON Lines on standard input, one JSON report a line out.
    #[command(after_help = corpus_cli::BATCH_HELP)]
    Batch(corpus_cli::BatchArgs),
    /// Add wire documents (files, folders, JSON Lines) to a search index in DIR.
    #[command(after_help = find_cli::INDEX_HELP)]
    Index(find_cli::IndexArgs),
    /// Find the indexed wire stories an adapted article was built from.
    #[command(after_help = find_cli::FIND_HELP)]
    Find(find_cli::FindArgs),
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, - (standard input) or URLs to read.
    #[arg(value_name = "SOURCE", required = true)]
    sources: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
    format: ExtractFormat,
    #[command(flatten)]
    fetch: FetchArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// Title, byline, date, extractor, then the paragraphs separated by blank lines.
    Text,
    /// One JSON object (an array of them for several sources).
    Json,
    /// One JSON object a line; a source that fails gives {"source", "error"}.
    Jsonl,
}

#[derive(clap::Args)]
struct CompareArgs {
    /// The wire original(s), then the adapted article last (with --index, the article alone).
    #[arg(value_name = "INPUT", num_args = 1.., required = true)]
    inputs: Vec<String>,
    /// Compare with the wire stories found in this index (made by `wirediff index`)
    ///
    /// Give the adapted article alone: the originals are the fewest indexed documents that
    /// together cover the most of it, as `wirediff find --index DIR` ranks them. The report
    /// names each by its source, as if it had been given.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// When to color the terminal report; `auto` honours NO_COLOR and CLICOLOR_FORCE.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Pretty-print the JSON report (indented).
    #[arg(long)]
    pretty: bool,
    /// Print only the summary (terminal format).
    #[arg(long)]
    summary: bool,
    /// Show the original(s) and the adapted article in two columns, a row a passage
    ///
    /// The original is on the left, the adapted article on the right, each passage on one
    /// row with its mark in the gutter: + inserted (left side empty), - removed (right side
    /// empty), ~ reworded (deletions [-...-] on the left, additions {+...+} on the right),
    /// `>` moved, · furniture. Text is wrapped to fit --width.
    ///
    /// Example: wirediff compare --side-by-side --context 2 --color always ap.txt site.txt | less -R
    #[arg(long)]
    side_by_side: bool,
    /// Width of the side-by-side view in columns, 40 to 1000 [default: the terminal's, else 100]
    ///
    /// Without --width, the WIREDIFF_WIDTH environment variable, then the terminal's width
    /// (when standard output is one), then 100. Wide characters (CJK) count two columns,
    /// combining marks none; no line is wider than this.
    #[arg(long, value_name = "COLUMNS", requires = "side_by_side")]
    width: Option<String>,
    /// Fold unchanged stretches, keeping N unchanged passages around each change
    ///
    /// In the terminal views (inline and --side-by-side), at most N unchanged passages are
    /// shown before and after each change; the rest of a run becomes one line,
    /// "… 12 unchanged passages …". Moved passages and furniture are changes, never folded.
    /// --context 0 shows only what changed. Without --context every passage is shown.
    #[arg(long, value_name = "N")]
    context: Option<usize>,
    /// Write the report to FILE instead of standard output (no color unless --color always).
    #[arg(short, long, value_name = "FILE")]
    output: Option<std::path::PathBuf>,
    /// With --index: which wire copy, by its date, may be an original.
    #[command(flatten)]
    dates: find_cli::DateArgs,
    #[command(flatten)]
    fetch: FetchArgs,
}

/// How URL inputs are fetched; shared by every subcommand that reads inputs.
#[derive(clap::Args)]
#[command(next_help_heading = "Fetching URLs")]
pub(crate) struct FetchArgs {
    /// Give up on a URL after this many seconds; `compare` also bounds the alignment by it
    ///
    /// The limit covers connecting, every redirect and the whole download together, so a
    /// server that trickles its answer is cut off too. Decimals are allowed (2.5). An
    /// alignment that takes longer (a very long document rewritten throughout) cuts its
    /// costly steps short, reports every sentence all the same, and says so (a "Fallback:"
    /// line; "fallback" in JSON).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = args::parse_seconds)]
    timeout: Duration,
    /// Refuse an input larger than this: a file, standard input or a page (20MB, 500KB, bytes)
    ///
    /// A file is refused by its size before it is read; standard input and pages once more
    /// than SIZE has arrived (a page counted after decompression, whatever its server
    /// announces), so memory stays bounded whatever comes in. Units: KB, MB, GB (powers of
    /// 1000) or KiB, MiB, GiB (powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "20MB", value_parser = args::parse_size,
          help_heading = "Limits")]
    max_bytes: u64,
    /// Refuse an input with more sentences than this once extracted
    ///
    /// 200,000 sentences is about two thousand pages of prose; past it a comparison is more
    /// likely a mistake (a log file, a data dump) than a report anyone reads. Raise it for
    /// very long documents.
    #[arg(long, value_name = "N", default_value_t = wirediff::DEFAULT_MAX_SENTENCES,
          help_heading = "Limits")]
    max_sentences: usize,
    /// Keep fetched pages in DIR and reuse them on later runs
    ///
    /// Each URL is fetched once: DIR/<sha256 of the URL>.json holds the URL, the final URL
    /// after redirects, the status, the content type and the fetch time, and .body beside it
    /// the page as received. Later runs read them instead of the network, so a comparison can
    /// be repeated exactly. Delete a page's two files to fetch it afresh.
    #[arg(long, value_name = "DIR")]
    cache: Option<PathBuf>,
    /// Never touch the network: read URLs from --cache DIR only
    ///
    /// A URL that is not in the cache is an error; nothing is ever requested.
    #[arg(long)]
    offline: bool,
}

impl FetchArgs {
    pub(crate) fn load_options(&self) -> LoadOptions {
        LoadOptions {
            fetch: FetchOptions {
                timeout: self.timeout,
                max_bytes: self.max_bytes,
                cache: self.cache.clone(),
                offline: self.offline,
                ..FetchOptions::default()
            },
            max_sentences: self.max_sentences,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Colored, passage by passage, with a summary.
    Terminal,
    /// The JSON report, contract v1 (see docs/json.md).
    Json,
    /// Markdown for a pull request or a CI step summary: the summary as a table, then the
    /// changed passages.
    Markdown,
    /// One self-contained HTML page (no scripts, no requests): the two articles side by side,
    /// a row a passage, with a summary bar and a legend. Use with -o report.html.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    #[cfg(feature = "mimalloc")]
    return_freed_memory_soon();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(EXIT_SAME);
            }
            let message = wirediff::with_remedy(
                format!("{err:#}"),
                args::remedy_of(&err),
                Some(args::remedy),
            );
            let _ = writeln!(io::stderr(), "wirediff: {message}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Compare(args) => compare(args),
        Command::Extract(args) => extract(args),
        Command::Corpus(args) => corpus_cli::corpus(*args),
        Command::Batch(args) => corpus_cli::batch(args),
        Command::Index(args) => find_cli::index(args),
        Command::Find(args) => find_cli::find(args),
    }
}

fn extract(args: ExtractArgs) -> anyhow::Result<u8> {
    let sources: Vec<Source> = args.sources.iter().map(|s| Source::parse(s)).collect();
    if sources.iter().filter(|s| **s == Source::Stdin).count() > 1 {
        return Err(wirediff::Error::StdinTwice.into());
    }
    let loader = Loader::new(args.fetch.load_options());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut code = EXIT_SAME;
    match args.format {
        ExtractFormat::Jsonl => {
            for source in &sources {
                let line = match loader.read(source) {
                    Ok(doc) => report::extract_json(&doc),
                    Err(err) => {
                        code = EXIT_TROUBLE;
                        let message = wirediff::with_remedy(
                            err.to_string(),
                            err.remedy(),
                            Some(args::remedy),
                        );
                        eprintln!("wirediff: {message}");
                        serde_json::json!({"source": source.to_string(), "error": message})
                    }
                };
                report::write_json_value(&mut out, &line, false)?;
                out.write_all(b"\n")?;
            }
        }
        ExtractFormat::Json => {
            let docs = sources
                .iter()
                .map(|s| loader.read(s))
                .collect::<Result<Vec<_>, _>>()?;
            let values: Vec<_> = docs.iter().map(report::extract_json).collect();
            if let [one] = values.as_slice() {
                report::write_json_value(&mut out, one, true)?;
            } else {
                report::write_json_value(&mut out, &values, true)?;
            }
            out.write_all(b"\n")?;
        }
        ExtractFormat::Text => {
            for (i, source) in sources.iter().enumerate() {
                let doc = loader.read(source)?;
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                report::write_extract_text(&doc, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(code)
}

fn compare(args: CompareArgs) -> anyhow::Result<u8> {
    if (args.side_by_side || args.context.is_some()) && !matches!(args.format, Format::Terminal) {
        let format = args
            .format
            .to_possible_value()
            .map(|v| v.get_name().to_owned());
        anyhow::bail!(
            "--side-by-side and --context are for the terminal report, not --format {}",
            format.unwrap_or_default()
        );
    }
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let width = if args.side_by_side {
        let env = std::env::var_os("WIREDIFF_WIDTH").map(|v| v.to_string_lossy().into_owned());
        let term = terminal_size::terminal_size_of(io::stdout())
            .filter(|_| to_terminal)
            .map(|(w, _)| usize::from(w.0));
        args::side_width(args.width.as_deref(), env.as_deref(), term).map_err(anyhow::Error::msg)?
    } else {
        0
    };
    let mut sources: Vec<Source> = args.inputs.iter().map(|s| Source::parse(s)).collect();
    let adapted = sources.pop().context("no adapted article given")?;
    let opts = Options {
        time_limit: Some(args.fetch.timeout),
        ..Options::default()
    };
    let loader = Loader::new(args.fetch.load_options());
    let cmp = match &args.index {
        Some(dir) => {
            if !sources.is_empty() {
                anyhow::bail!(
                    "with --index, give the adapted article alone (the originals come from \
                     the index), not {} inputs",
                    args.inputs.len()
                );
            }
            let adapted = loader.read(&adapted)?;
            let originals = find_cli::originals_for(dir, &adapted, &args.dates)?;
            wirediff::compare(originals, adapted, &opts)
        }
        None if args.dates.given() => {
            anyhow::bail!("--days chooses among indexed wire copy: give it with --index DIR")
        }
        None if sources.is_empty() => anyhow::bail!(
            "give the wire original(s) and then the adapted article (or --index DIR and the \
             adapted article)"
        ),
        None => loader.compare(&sources, &adapted, &opts)?,
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => Box::new(io::BufWriter::new(io::stdout().lock())),
    };
    colored::control::set_override(use_color(args.color, to_terminal));
    match args.format {
        _ if args.summary => report::write_summary(&cmp, &mut out)?,
        Format::Json => report::write_json(&cmp, &mut out, args.pretty)?,
        Format::Markdown => report::write_markdown(&cmp, &mut out)?,
        Format::Html => report::write_html(&cmp, &mut out)?,
        Format::Terminal if args.side_by_side => {
            report::write_side_by_side(&cmp, width, args.context, &mut out)?
        }
        Format::Terminal => report::write_terminal_with(&cmp, args.context, &mut out)?,
    }
    out.flush()?;
    Ok(if cmp.has_differences() {
        EXIT_DIFFERENT
    } else {
        EXIT_SAME
    })
}

/// `always` and `never` win; `auto` colors a terminal unless NO_COLOR is set, and colors
/// anything when CLICOLOR_FORCE is set (and not `0`).
fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE") => true,
        ColorChoice::Auto if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto => is_terminal,
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(all(test, feature = "mimalloc"))]
mod tests {
    use super::*;

    /// The option number is mimalloc's purge delay: it starts at that option's default (a
    /// second; the options either side default to 1 and 0), and the binary's setting turns it
    /// to [`PURGE_DELAY_MS`].
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads mimalloc's options, integers.
        let get = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        assert_eq!(get(MI_OPTION_PURGE_DELAY), 1000);
        assert_ne!(get(MI_OPTION_PURGE_DELAY - 1), 1000);
        assert_ne!(get(MI_OPTION_PURGE_DELAY + 1), 1000);
        return_freed_memory_soon();
        assert_eq!(get(MI_OPTION_PURGE_DELAY), PURGE_DELAY_MS);
    }
}
