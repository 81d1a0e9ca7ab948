//! The `wirediff` command: parses arguments, calls the library, maps errors to exit codes.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use wirediff::{Options, Source, report};

/// Exit status: no material differences.
const EXIT_SAME: u8 = 0;
/// Exit status: differences found.
const EXIT_DIFFERENT: u8 = 1;
/// Exit status: trouble (bad input, unreadable file...).
const EXIT_TROUBLE: u8 = 2;

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
anything that looks like HTML, through the article extractor) or - for standard input.

Examples:
  wirediff compare ap.txt site.html                 one original, colored report
  wirediff compare ap1.txt ap2.txt site.txt         two wire stories merged into one article
  curl -s URL | wirediff compare ap.txt -           adapted article from standard input
  wirediff compare --format json ap.txt site.txt    the JSON report (contract v1)

Exit status: 0 no material differences, 1 differences found, 2 trouble."
    )]
    Compare(CompareArgs),
}

#[derive(clap::Args)]
struct CompareArgs {
    /// The wire original(s), then the adapted article last.
    #[arg(value_name = "INPUT", num_args = 2.., required = true)]
    inputs: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Terminal)]
    format: Format,
    /// When to color the terminal report; `auto` honours NO_COLOR and CLICOLOR_FORCE.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
    /// Pretty-print the JSON report (indented).
    #[arg(long)]
    pretty: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Colored, passage by passage, with a summary.
    Terminal,
    /// The JSON report, contract v1 (see docs/json.md).
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(EXIT_SAME);
            }
            let _ = writeln!(io::stderr(), "wirediff: {err:#}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Compare(args) => compare(args),
    }
}

fn compare(args: CompareArgs) -> anyhow::Result<u8> {
    let mut sources: Vec<Source> = args.inputs.iter().map(|s| Source::parse(s)).collect();
    let adapted = sources.pop().context("no adapted article given")?;
    let cmp = wirediff::compare_sources(&sources, &adapted, &Options::default())?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Json => report::write_json(&cmp, &mut out, args.pretty)?,
        Format::Terminal => {
            colored::control::set_override(use_color(args.color, io::stdout().is_terminal()));
            report::write_terminal(&cmp, &mut out)?;
        }
    }
    out.flush()?;
    Ok(if cmp.summary().has_differences() {
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
