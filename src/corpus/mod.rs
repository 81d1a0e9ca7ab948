//! Corpus mode: many pairs compared at once, expectations about each checked, a summary for
//! CI, JUnit XML for test reporters, and a deterministic split of the pairs across CI jobs.
//!
//! A corpus is a directory whose subdirectories are pairs (see [`discover`]), or a JSON Lines
//! manifest listing pairs anywhere (see [`read_manifest`]). [`run`] compares the pairs in
//! parallel, keeping of each only its [`PairOutcome`] (the summary and the checked
//! expectations, never the comparison), so memory does not grow with the texts compared.
//! [`summary`] builds, writes and merges the corpus summary; [`junit`] writes JUnit XML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Remedy, with_remedy};
use crate::load::Loader;
use crate::report::{self, Summary};
use crate::{Comparison, LoadOptions, Options, Source};

pub mod expect;
pub mod junit;
pub mod summary;

pub use expect::{Checked, Expectations};
pub use summary::{CorpusSummary, Totals};

/// What can go wrong in corpus and batch mode. Errors about one pair end up in that pair's
/// outcome (`"status": "error"`); the others stop the run.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The corpus directory or manifest cannot be read.
    #[error("{path}: {message}")]
    Corpus {
        /// The directory or manifest, as given.
        path: String,
        /// Why it cannot be read.
        message: String,
    },
    /// The corpus holds no pair.
    #[error(
        "{path}: no pairs found (a pair is a subdirectory holding original*.txt|md|html|url \
         and adapted.txt|md|html|url)"
    )]
    NoPairs {
        /// The corpus directory or manifest, as given.
        path: String,
    },
    /// A manifest or batch line that is not a pair.
    #[error("line {line}: {message}")]
    Line {
        /// The line number, counting from 1.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// An `expect.toml` that cannot be read or is not valid (an inline `expect` of a
    /// manifest or batch line that is not valid is a [`CorpusError::Line`]).
    #[error("{path}: {}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Expect {
        /// The `expect.toml` file.
        path: String,
        /// The line at fault, counting from 1, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A pair's inputs could not be read or compared.
    #[error(transparent)]
    Compare(#[from] crate::Error),
    /// A per-pair report could not be written.
    #[error("cannot write {path}: {err}")]
    Write {
        /// The report file.
        path: String,
        /// What the system said.
        err: std::io::Error,
    },
    /// A partition not of the form K/N with 1 ≤ K ≤ N.
    #[error("{0}")]
    Partition(String),
    /// A summary given to merge is not a corpus summary, or the parts do not fit together.
    #[error("{path}: {message}")]
    Merge {
        /// The summary at fault, or `merge` when none was given.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A pair directory with no original, and no index to find them in.
    #[error("no original*.txt|md|html|url file (or give --index DIR to find the originals)")]
    NoOriginals,
    /// No indexed document covers enough of a pair's article to compare with.
    #[error("{adapted}: no document in the index covers {:.0}% of the article", 100.0 * crate::find::COVERAGE_FLOOR)]
    NoSource {
        /// The adapted article.
        adapted: String,
    },
    /// The worker threads could not be started.
    #[error("cannot start {jobs} worker threads: {message}")]
    Threads {
        /// How many threads were asked for.
        jobs: usize,
        /// What the system said.
        message: String,
    },
}

impl CorpusError {
    /// What the user can do about this error, if one thing helps.
    pub fn remedy(&self) -> Option<Remedy> {
        match self {
            CorpusError::Compare(e) => e.remedy(),
            _ => None,
        }
    }
}

/// One pair of the corpus: its id and its inputs, or why it has none.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The subdirectory's path relative to the corpus directory, `/`-separated (or the
    /// manifest's `id`). Unique in a corpus; outputs are sorted by it.
    pub id: String,
    /// What to compare, or what is wrong with the pair's directory or manifest line.
    pub inputs: Result<Inputs, String>,
}

/// The inputs of a pair.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// The wire originals, in order (natural order of file names: `original-2` before
    /// `original-10`).
    pub originals: Vec<Source>,
    /// The adapted article.
    pub adapted: Source,
    /// What is expected of it.
    pub expect: ExpectSource,
}

/// Where a pair's expectations come from.
#[derive(Debug, Clone)]
pub enum ExpectSource {
    /// Nothing is expected: the pair passes when it can be compared.
    None,
    /// An `expect.toml` file, read when the pair runs.
    File(PathBuf),
    /// Given inline (a manifest or batch line's `expect` object).
    Inline(Expectations),
}

impl ExpectSource {
    fn load(&self) -> Result<Expectations, CorpusError> {
        match self {
            ExpectSource::None => Ok(Expectations::default()),
            ExpectSource::File(path) => Expectations::read(path),
            ExpectSource::Inline(exp) => Ok(exp.clone()),
        }
    }
}

/// How a pair came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Compared, and every expectation holds (or there are none).
    Pass,
    /// Compared, and at least one expectation does not hold.
    Fail,
    /// Could not be compared: a missing or unreadable input, a bad `expect.toml`...
    Error,
}

impl Status {
    /// `pass`, `fail`, `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Error => "error",
        }
    }
}

/// What is kept of a pair once compared: small, whatever the size of its texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairOutcome {
    /// The pair's id.
    pub id: String,
    /// Pass, fail or error.
    pub status: Status,
    /// The originals as read (paths or URLs).
    pub originals: Vec<String>,
    /// The adapted article as read, when the pair has one.
    pub adapted: Option<String>,
    /// The comparison's summary (contract v1), when it could be compared.
    pub summary: Option<Summary>,
    /// Every expectation and limit, checked, in the order written.
    pub expectations: Vec<Checked>,
    /// Why the pair could not be compared.
    pub error: Option<String>,
    /// Seconds the pair took (JUnit only: kept out of the JSON so that summaries are
    /// reproducible).
    #[serde(skip)]
    pub seconds: Option<f64>,
}

impl PairOutcome {
    /// The outcome of a pair that could not be compared.
    pub fn error(id: String, inputs: Option<&Inputs>, message: String) -> PairOutcome {
        PairOutcome {
            id,
            status: Status::Error,
            originals: inputs
                .map(|i| i.originals.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default(),
            adapted: inputs.map(|i| i.adapted.to_string()),
            summary: None,
            expectations: Vec::new(),
            error: Some(message),
            seconds: None,
        }
    }

    /// Expectations that do not hold.
    pub fn unmet(&self) -> impl Iterator<Item = &Checked> {
        self.expectations.iter().filter(|c| !c.met)
    }
}

/// A deterministic share of the pairs: part `part` of `of`. A pair belongs to the part
/// given by the SHA-256 of its id (the first 8 bytes, big-endian, modulo `of`, plus one), so
/// the parts cover the corpus exactly once and adding or removing a pair moves no other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partition {
    /// Which part, 1 to `of`.
    pub part: u32,
    /// How many parts.
    pub of: u32,
}

impl Partition {
    /// Whether the pair with this id is in this part.
    pub fn contains(&self, id: &str) -> bool {
        part_of(id, self.of) == self.part
    }
}

/// The part (1 to `of`) a pair id falls in.
pub(crate) fn part_of(id: &str, of: u32) -> u32 {
    let digest = Sha256::digest(id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) % u64::from(of.max(1))) as u32 + 1
}

impl FromStr for Partition {
    type Err = CorpusError;

    fn from_str(s: &str) -> Result<Partition, CorpusError> {
        let bad = |why: &str| CorpusError::Partition(format!("partition {s}: {why}"));
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| bad("expected K/N, such as 1/4 (part 1 of 4)"))?;
        let k: u32 = k.trim().parse().map_err(|_| bad("K is not a number"))?;
        let n: u32 = n.trim().parse().map_err(|_| bad("N is not a number"))?;
        if n == 0 {
            return Err(bad("N must be at least 1"));
        }
        if k == 0 || k > n {
            return Err(bad(&format!("K must be between 1 and {n}")));
        }
        Ok(Partition { part: k, of: n })
    }
}

impl std::fmt::Display for Partition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.part, self.of)
    }
}

/// Finds the pairs of a corpus: `path` is a directory laid out as pairs, or a JSON Lines
/// manifest file. Pairs come sorted by id. A pair that is not laid out right is still listed,
/// with its problem, so that it is reported and counted.
///
/// In a directory, each subdirectory holding an `original*` or `adapted.*` file or an
/// `expect.toml` is a pair, whose id is its path relative to the corpus directory; a
/// subdirectory holding only subdirectories is a group, searched in turn (so pairs can be
/// organised by outlet or date). Names starting with `.` are skipped.
pub fn discover(path: &Path) -> Result<Vec<Pair>, CorpusError> {
    let meta = std::fs::metadata(path).map_err(|err| CorpusError::Corpus {
        path: path.display().to_string(),
        message: io_message(&err),
    })?;
    let mut pairs = if meta.is_dir() {
        let mut pairs = Vec::new();
        for (name, sub) in subdirectories(path)? {
            visit(&sub, name, &mut pairs)?;
        }
        pairs
    } else {
        read_manifest(path)?
    };
    if pairs.is_empty() {
        return Err(CorpusError::NoPairs {
            path: path.display().to_string(),
        });
    }
    pairs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pairs)
}

/// The subdirectories of `dir` (name, path), hidden ones aside.
fn subdirectories(dir: &Path) -> Result<Vec<(String, PathBuf)>, CorpusError> {
    Ok(entries(dir)?
        .into_iter()
        .filter(|(_, p, is_dir)| *is_dir && p.is_dir())
        .map(|(n, p, _)| (n, p))
        .collect())
}

/// Every entry of `dir` but hidden ones: name, path, whether it is a directory (symbolic
/// links followed).
fn entries(dir: &Path) -> Result<Vec<(String, PathBuf, bool)>, CorpusError> {
    let err = |e: std::io::Error| CorpusError::Corpus {
        path: dir.display().to_string(),
        message: io_message(&e),
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let entry = entry.map_err(err)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        out.push((name, path.clone(), path.is_dir()));
    }
    out.sort();
    Ok(out)
}

fn visit(dir: &Path, id: String, pairs: &mut Vec<Pair>) -> Result<(), CorpusError> {
    let entries = entries(dir)?;
    let is_pair_file = |name: &str| {
        let lower = name.to_ascii_lowercase();
        lower.starts_with("original") || lower.starts_with("adapted.") || lower == "expect.toml"
    };
    let files: Vec<(String, PathBuf)> = entries
        .iter()
        .filter(|(_, _, d)| !d)
        .map(|(n, p, _)| (n.clone(), p.clone()))
        .collect();
    if files.iter().any(|(n, _)| is_pair_file(n)) {
        pairs.push(Pair {
            inputs: pair_inputs(&files),
            id,
        });
        return Ok(());
    }
    let subdirs: Vec<_> = entries.into_iter().filter(|(_, _, d)| *d).collect();
    if subdirs.is_empty() {
        pairs.push(Pair {
            id,
            inputs: Err(
                "no original*.txt|md|html|url or adapted.txt|md|html|url file in the directory"
                    .to_string(),
            ),
        });
        return Ok(());
    }
    for (name, sub, _) in subdirs {
        visit(&sub, format!("{id}/{name}"), pairs)?;
    }
    Ok(())
}

/// Extensions an `original*` or `adapted` file may have.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// The inputs of a pair from its directory's files.
fn pair_inputs(files: &[(String, PathBuf)]) -> Result<Inputs, String> {
    let mut originals: Vec<(&str, Source)> = Vec::new();
    let mut adapted: Vec<(&str, Source)> = Vec::new();
    let mut expect = ExpectSource::None;
    for (name, path) in files {
        let lower = name.to_ascii_lowercase();
        let (stem, ext) = lower.rsplit_once('.').unwrap_or((&lower, ""));
        let is_original = lower.starts_with("original");
        let is_adapted = stem == "adapted";
        if lower == "expect.toml" {
            expect = ExpectSource::File(path.clone());
            continue;
        }
        if !is_original && !is_adapted {
            continue;
        }
        let source = if ext == "url" {
            url_file(path)?
        } else if TEXT_EXTENSIONS.contains(&ext) {
            Source::Path(path.clone())
        } else {
            return Err(format!(
                "{name}: an original or adapted file must end in .txt, .md, .html, .htm or .url"
            ));
        };
        if is_original {
            originals.push((name, source));
        } else {
            adapted.push((name, source));
        }
    }
    // A pair without originals is compared with those an index finds (`--index`); without
    // one, `check_inputs` says what is missing.
    let adapted = match adapted.len() {
        0 => return Err("no adapted.txt|md|html|url file".to_string()),
        1 => adapted.pop().map(|(_, s)| s).unwrap_or(Source::Stdin),
        _ => {
            let names: Vec<&str> = adapted.iter().map(|(n, _)| *n).collect();
            return Err(format!(
                "more than one adapted article: {}; keep one",
                names.join(", ")
            ));
        }
    };
    originals.sort_by(|a, b| natural_cmp(a.0, b.0));
    Ok(Inputs {
        originals: originals.into_iter().map(|(_, s)| s).collect(),
        adapted,
        expect,
    })
}

/// The URL in a `.url` file: its first line that is not blank, a `#` comment or an
/// `[InternetShortcut]` header, with a leading `URL=` dropped.
fn url_file(path: &Path) -> Result<Source, String> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {}", io_message(&e)))?;
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
        .ok_or_else(|| format!("{name}: no URL in the file"))?;
    let url = line.strip_prefix("URL=").unwrap_or(line).trim();
    match Source::parse(url) {
        s @ Source::Url(_) => Ok(s),
        _ => Err(format!(
            "{name}: {url:?} is not a URL (http:// or https://)"
        )),
    }
}

/// Compares names with runs of digits as numbers: `original-2` before `original-10`.
fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let ord = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then(x.cmp(y))
            }
            ((_, x), (_, y)) => x.cmp(y),
        };
        if ord.is_ne() {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then(a.cmp(b))
}

/// One line of a manifest or of `wirediff batch`'s input.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct LineSpec {
    /// Any JSON value; a manifest needs a string.
    #[serde(default)]
    pub id: serde_json::Value,
    /// Paths or URLs of the wire originals.
    pub originals: Vec<String>,
    /// Path or URL of the adapted article.
    pub adapted: String,
    /// Expectations: an object shaped like `expect.toml`, or the path of one.
    #[serde(default)]
    pub expect: Option<serde_json::Value>,
}

impl LineSpec {
    /// Parses a line: `{"id", "originals", "adapted", "expect"?}`. Other fields are ignored.
    pub fn parse(line: &str, number: usize) -> Result<LineSpec, CorpusError> {
        serde_json::from_str(line).map_err(|e| CorpusError::Line {
            line: number,
            message: e.to_string(),
        })
    }

    /// The inputs, with relative paths taken from `base` (the manifest's directory).
    pub fn inputs(&self, base: Option<&Path>, number: usize) -> Result<Inputs, CorpusError> {
        let bad = |message: String| CorpusError::Line {
            line: number,
            message,
        };
        let source = |s: &str| -> Result<Source, CorpusError> {
            match Source::parse(s) {
                Source::Stdin => Err(bad(
                    "\"-\" (standard input) cannot be an input here; give a path or URL"
                        .to_string(),
                )),
                Source::Path(p) => Ok(Source::Path(match base {
                    Some(b) if p.is_relative() => b.join(p),
                    _ => p,
                })),
                url => Ok(url),
            }
        };
        if self.originals.is_empty() {
            return Err(bad("\"originals\" is empty; give at least one".to_string()));
        }
        let originals = self
            .originals
            .iter()
            .map(|s| source(s))
            .collect::<Result<Vec<_>, _>>()?;
        let adapted = source(&self.adapted)?;
        let expect = match &self.expect {
            None | Some(serde_json::Value::Null) => ExpectSource::None,
            Some(serde_json::Value::String(p)) => ExpectSource::File(match base {
                Some(b) if Path::new(p).is_relative() => b.join(p),
                _ => PathBuf::from(p),
            }),
            Some(v) => {
                let exp: Expectations =
                    serde_json::from_value(v.clone()).map_err(|e| bad(format!("expect: {e}")))?;
                exp.validate().map_err(|e| bad(format!("expect: {e}")))?;
                ExpectSource::Inline(exp)
            }
        };
        Ok(Inputs {
            originals,
            adapted,
            expect,
        })
    }
}

/// Reads a JSON Lines manifest: one pair a line, `{"id": "...", "originals": [...],
/// "adapted": "...", "expect": "path/expect.toml" or {...}}`; relative paths are taken from
/// the manifest's directory. Blank lines and lines starting with `#` are skipped. A line that
/// is not a pair is listed as a pair in error (id `line N` when it has none).
pub fn read_manifest(path: &Path) -> Result<Vec<Pair>, CorpusError> {
    let text = std::fs::read_to_string(path).map_err(|err| CorpusError::Corpus {
        path: path.display().to_string(),
        message: io_message(&err),
    })?;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut pairs: Vec<Pair> = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, inputs) = match LineSpec::parse(line, number) {
            Err(e) => (format!("line {number}"), Err(e.to_string())),
            Ok(spec) => match spec.id.as_str() {
                Some(id) if valid_id(id) => (
                    id.to_string(),
                    spec.inputs(Some(base), number).map_err(|e| e.to_string()),
                ),
                _ => (
                    format!("line {number}"),
                    Err(format!(
                        "line {number}: \"id\" must be a non-empty relative path such as \
                         \"outlet/2024-05-01\" (no \"..\", no leading /)"
                    )),
                ),
            },
        };
        if let Some(first) = seen.insert(id.clone(), number) {
            let dup = format!("{id} (line {number})");
            pairs.push(Pair {
                id: dup,
                inputs: Err(format!(
                    "line {number}: duplicate id {id:?} (first on line {first})"
                )),
            });
            continue;
        }
        pairs.push(Pair { id, inputs });
    }
    Ok(pairs)
}

/// An id usable as a relative file path under `--out`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('/')
        && !id.contains('\\')
        && !id.chars().any(char::is_control)
        && id
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
}

/// Formats of the per-pair reports written under `--out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// `ID.json`: the JSON report, contract v1.
    Json,
    /// `ID.md`: the Markdown report.
    Markdown,
    /// `ID.txt`: the terminal report, without color.
    Text,
}

impl ReportFormat {
    fn extension(self) -> &'static str {
        match self {
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "md",
            ReportFormat::Text => "txt",
        }
    }
}

/// How a corpus is run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// Alignment options.
    pub options: Options,
    /// How inputs (URLs) are loaded.
    pub load: LoadOptions,
    /// Worker threads; 0 for one a core.
    pub jobs: usize,
    /// Where per-pair reports go (`DIR/ID.json`...), if anywhere.
    pub out: Option<PathBuf>,
    /// Which per-pair reports to write under `out`.
    pub reports: Vec<ReportFormat>,
    /// How a front end words the remedy of an error ([`crate::error::Remedy`]), added to
    /// the pair's error message; `None` for the message alone.
    pub remedies: Option<fn(Remedy) -> &'static str>,
    /// Where pairs with no original find theirs: the documents [`crate::find::Index::select`]
    /// picks for the adapted article.
    pub index: Option<std::sync::Arc<crate::find::Index>>,
}

/// Runs every pair on `opts.jobs` threads and returns their outcomes in the order given
/// (sorted by id, from [`discover`]), whatever the number of threads. `on_done` is called
/// as each pair finishes (for a progress bar), from the worker threads.
pub fn run(
    pairs: &[Pair],
    opts: &RunOptions,
    on_done: &(dyn Fn(&PairOutcome) + Sync),
) -> Result<Vec<PairOutcome>, CorpusError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .build()
        .map_err(|e| CorpusError::Threads {
            jobs: opts.jobs,
            message: e.to_string(),
        })?;
    let loader = Loader::new(opts.load.clone());
    Ok(pool.install(|| {
        pairs
            .par_iter()
            .map(|pair| {
                let outcome = run_pair(pair, &loader, opts);
                on_done(&outcome);
                outcome
            })
            .collect()
    }))
}

/// Compares one pair, checks its expectations and writes its reports.
pub(crate) fn run_pair(pair: &Pair, loader: &Loader, opts: &RunOptions) -> PairOutcome {
    let started = Instant::now();
    let inputs = match &pair.inputs {
        Ok(inputs) => inputs,
        Err(message) => return PairOutcome::error(pair.id.clone(), None, message.clone()),
    };
    let mut outcome = match check_inputs(inputs, loader, &opts.options, opts.index.as_deref()) {
        Err(e) => {
            let message = with_remedy(e.to_string(), e.remedy(), opts.remedies);
            PairOutcome::error(pair.id.clone(), Some(inputs), message)
        }
        Ok((cmp, summary, checked)) => {
            let written = write_reports(&pair.id, &cmp, opts);
            let mut outcome = outcome_of(pair.id.clone(), inputs, summary, checked);
            if inputs.originals.is_empty() {
                outcome.originals = cmp.originals.iter().map(|d| d.source.clone()).collect();
            }
            if let Err(e) = written {
                outcome.status = Status::Error;
                outcome.error = Some(e.to_string());
            }
            outcome
        }
    };
    outcome.seconds = Some(started.elapsed().as_secs_f64());
    outcome
}

/// Loads the expectations, compares the inputs and checks: the comparison, its summary and
/// the checked expectations.
pub(crate) fn check_inputs(
    inputs: &Inputs,
    loader: &Loader,
    options: &Options,
    index: Option<&crate::find::Index>,
) -> Result<(Comparison, Summary, Vec<Checked>), CorpusError> {
    let expectations = inputs.expect.load()?;
    let cmp = match (inputs.originals.is_empty(), index) {
        (false, _) => loader.compare(&inputs.originals, &inputs.adapted, options)?,
        (true, None) => return Err(CorpusError::NoOriginals),
        (true, Some(index)) => {
            let adapted = loader.read(&inputs.adapted)?;
            let chosen = index.select(&adapted, &crate::find::FindOptions::default())?;
            if chosen.is_empty() {
                return Err(CorpusError::NoSource {
                    adapted: adapted.source,
                });
            }
            let originals = chosen.into_iter().map(|h| h.document).collect();
            crate::pipeline::compare(originals, adapted, options)
        }
    };
    let summary = cmp.summary();
    let checked = expectations.check(&cmp, &summary);
    Ok((cmp, summary, checked))
}

/// The outcome of a compared pair: pass unless an expectation does not hold.
pub(crate) fn outcome_of(
    id: String,
    inputs: &Inputs,
    summary: Summary,
    expectations: Vec<Checked>,
) -> PairOutcome {
    let status = if expectations.iter().all(|c| c.met) {
        Status::Pass
    } else {
        Status::Fail
    };
    PairOutcome {
        id,
        status,
        originals: inputs.originals.iter().map(|s| s.to_string()).collect(),
        adapted: Some(inputs.adapted.to_string()),
        summary: Some(summary),
        expectations,
        error: None,
        seconds: None,
    }
}

fn write_reports(id: &str, cmp: &Comparison, opts: &RunOptions) -> Result<(), CorpusError> {
    let Some(dir) = &opts.out else { return Ok(()) };
    for &format in &opts.reports {
        let path = dir.join(format!("{id}.{}", format.extension()));
        let err = |err: std::io::Error| CorpusError::Write {
            path: path.display().to_string(),
            err,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(err)?;
        }
        let file = std::fs::File::create(&path).map_err(err)?;
        let mut out = std::io::BufWriter::new(file);
        match format {
            ReportFormat::Json => report::write_json(cmp, &mut out, true),
            ReportFormat::Markdown => report::write_markdown(cmp, &mut out),
            ReportFormat::Text => report::write_terminal(cmp, &mut out),
        }
        .and_then(|()| out.flush())
        .map_err(err)?;
    }
    Ok(())
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_parse_and_refuse_nonsense() {
        assert_eq!(
            "2/3".parse::<Partition>().unwrap(),
            Partition { part: 2, of: 3 }
        );
        for bad in ["3/2", "0/2", "1/0", "1", "a/2", "1/b", "-1/2"] {
            let err = bad.parse::<Partition>().unwrap_err().to_string();
            assert!(err.starts_with(&format!("partition {bad}: ")), "{err}");
        }
    }

    #[test]
    fn parts_cover_each_id_once() {
        let ids: Vec<String> = (0..500).map(|i| format!("pair-{i}")).collect();
        for n in [1, 2, 3, 7] {
            let mut counts = vec![0; n as usize];
            for id in &ids {
                let parts: Vec<u32> = (1..=n)
                    .filter(|&k| Partition { part: k, of: n }.contains(id))
                    .collect();
                assert_eq!(parts.len(), 1, "{id} in {parts:?} of {n}");
                counts[parts[0] as usize - 1] += 1;
            }
            // A hash spreads them: no part is empty or holds most of them.
            assert!(
                counts.iter().all(|&c| c > 500 / n as usize / 2),
                "{counts:?}"
            );
        }
        // Stable: the part depends on the id alone.
        assert_eq!(part_of("seed", 2), part_of("seed", 2));
    }

    #[test]
    fn natural_order_of_originals() {
        let mut names = vec![
            "original-10.txt",
            "original-2.txt",
            "original.txt",
            "original-1.txt",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "original-1.txt",
                "original-2.txt",
                "original-10.txt",
                "original.txt"
            ]
        );
    }

    #[test]
    fn ids_must_be_relative_paths() {
        for good in ["a", "outlet/2024-05-01", "x.y"] {
            assert!(valid_id(good), "{good}");
        }
        for bad in ["", "/abs", "a/../b", "..", "a//b", "a\\b", "a\nb", "./a"] {
            assert!(!valid_id(bad), "{bad:?}");
        }
    }
}
