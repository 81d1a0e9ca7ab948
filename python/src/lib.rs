//! `wirediff._wirediff`: the Rust side of the Python package.
//!
//! Each function runs the core crate with the interpreter released (`Python::detach`), so
//! that threads compare in parallel, then turns what the CLI would print as JSON (the report,
//! contract v1, or `extract`'s object) into dicts and lists from its serde form
//! ([`topy`]): the structures the CLI's JSON parses into, without writing and parsing the
//! text. A library error becomes `wirediff.Error` with the CLI's one-line message,
//! its remedy worded for Python; a panic becomes `wirediff.Error` too, never a crash of the
//! interpreter.

mod topy;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Duration;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use serde::Serialize;
use wirediff::find::{self, FindOptions, Index};
use wirediff::{Comparison, Document, FetchOptions, LoadOptions, Loader, Options, Remedy, Source};

/// mimalloc for the Rust side, as the CLI uses it: a comparison is mostly small strings and
/// vectors. Only Rust code allocates through it, and frees what it allocates; Python objects
/// come from the interpreter's own allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _wirediff,
    Error,
    PyValueError,
    "Bad input or a comparison that could not be made, with the CLI's one-line message."
);

/// How inputs are read: the CLI's `--max-bytes`, `--max-sentences`, `--timeout`, `--cache`
/// and `--offline`, with its defaults for what is not given.
struct Limits {
    max_bytes: Option<u64>,
    max_sentences: Option<usize>,
    /// Checked once, where the options come in ([`limits`]).
    timeout: Duration,
    cache: Option<PathBuf>,
    offline: bool,
}

impl Limits {
    fn loader(&self) -> Result<Loader, String> {
        let defaults = FetchOptions::default();
        Ok(Loader::new(LoadOptions {
            fetch: FetchOptions {
                timeout: self.timeout,
                max_bytes: self.max_bytes.unwrap_or(defaults.max_bytes),
                cache: self.cache.clone(),
                offline: self.offline,
                ..defaults
            },
            max_sentences: self
                .max_sentences
                .unwrap_or(LoadOptions::default().max_sentences),
        }))
    }

    /// The alignment options: the CLI's, where `--timeout` also bounds a comparison.
    fn options(&self) -> Options {
        Options {
            time_limit: Some(self.timeout),
            ..Options::default()
        }
    }
}

/// A remedy in the words of the Python API.
fn remedy(r: Remedy) -> &'static str {
    match r {
        Remedy::RaiseSizeLimit => "raise max_bytes",
        Remedy::RaiseSentenceLimit => "raise max_sentences",
        Remedy::RaiseTimeout => "raise timeout",
        Remedy::FetchOnline => "run once with offline=False",
        Remedy::GiveCache => "give cache=DIR, or leave out offline=True",
        Remedy::RebuildIndex => "rebuild it: run `wirediff index` into a new directory",
        Remedy::GiveDate => "give the article's date as date=\"YYYY-MM-DD\"",
    }
}

/// The one-line message of a library error, as the CLI words it (without its "wirediff: ").
fn message(err: &wirediff::Error) -> String {
    wirediff::with_remedy(err.to_string(), err.remedy(), Some(remedy))
}

/// Runs `work` with the interpreter released; its error, or a panic, becomes `Error`.
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> Result<T, String> + Send) -> PyResult<T> {
    match py.detach(|| catch_unwind(AssertUnwindSafe(work))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(msg)) => Err(Error::new_err(msg)),
        Err(panic) => Err(Error::new_err(format!(
            "internal error: {}",
            panic_text(&*panic)
        ))),
    }
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// A serde value as Python objects.
fn to_python<'py>(py: Python<'py>, value: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    topy::to_python(py, value)
}

/// The report of a comparison, as Python objects.
fn report<'py>(py: Python<'py>, cmp: &wirediff::Comparison) -> PyResult<Bound<'py, PyAny>> {
    to_python(py, &wirediff::report::Report::new(cmp))
}

/// `days` and `date`: the CLI's `--days` and `--date`, checked where they come in.
struct Dates {
    days: Option<u32>,
    date: Option<chrono::NaiveDate>,
}

impl Dates {
    fn new(days: Option<u32>, date: Option<&str>) -> PyResult<Dates> {
        let date =
            match date {
                Some(d) => Some(chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(
                    |_| Error::new_err(format!("date must be a date as YYYY-MM-DD, not {d:?}")),
                )?),
                None => None,
            };
        if date.is_some() && days.is_none() {
            return Err(Error::new_err(
                "date is the article's date for days: give days too",
            ));
        }
        Ok(Dates { days, date })
    }

    /// The window of days around the article's date, when `days` is given.
    fn window(&self, adapted: &Document) -> wirediff::Result<Option<find::DateWindow>> {
        (self.days)
            .map(|days| find::DateWindow::for_article(adapted, days, self.date))
            .transpose()
    }
}

/// Compares sources given as the CLI takes them (paths, URLs, `-`).
fn compare_sources(
    limits: &Limits,
    originals: &[String],
    adapted: &str,
) -> Result<Comparison, String> {
    if originals.is_empty() {
        return Err("give at least one original".into());
    }
    let loader = limits.loader()?;
    let sources: Vec<Source> = originals.iter().map(|s| Source::parse(s)).collect();
    loader
        .compare(&sources, &Source::parse(adapted), &limits.options())
        .map_err(|e| message(&e))
}

/// Compares texts in memory: each is read as a file of that name would be.
fn compare_in_memory(
    limits: &Limits,
    originals: &[String],
    adapted: &str,
    html: bool,
    names: &[String],
) -> Result<Comparison, String> {
    if originals.is_empty() {
        return Err("give at least one original text".into());
    }
    let loader = limits.loader()?;
    let name = |i: usize| -> String {
        names.get(i).cloned().unwrap_or_else(|| {
            if i < originals.len() {
                format!("original-{}", i + 1)
            } else {
                "adapted".to_string()
            }
        })
    };
    let read = |i: usize, text: &str| -> Result<Document, String> {
        loader
            .read_bytes(&name(i), text.as_bytes(), html)
            .map_err(|e| message(&e))
    };
    let docs = (originals.iter().enumerate())
        .map(|(i, t)| read(i, t))
        .collect::<Result<Vec<_>, _>>()?;
    let adapted = read(originals.len(), adapted)?;
    loader
        .compare_documents(docs, adapted, &limits.options())
        .map_err(|e| message(&e))
}

fn limits(
    max_bytes: Option<u64>,
    max_sentences: Option<usize>,
    timeout: Option<f64>,
    cache: Option<PathBuf>,
    offline: bool,
) -> PyResult<Limits> {
    let timeout = match timeout {
        Some(t) if t.is_finite() && t > 0.0 => Duration::from_secs_f64(t),
        Some(t) => {
            return Err(Error::new_err(format!(
                "timeout must be a positive number of seconds, not {t}"
            )));
        }
        None => FetchOptions::default().timeout,
    };
    Ok(Limits {
        max_bytes,
        max_sentences,
        timeout,
        cache,
        offline,
    })
}

/// Compares the adapted article with its originals, paths or URLs as the CLI reads them, or
/// with the documents of `index` that cover the most of it (`compare --index`, no originals
/// given); returns the report.
#[pyfunction]
#[pyo3(signature = (originals, adapted, *, index=None, days=None, date=None, max_bytes=None, max_sentences=None, timeout=None, cache=None, offline=false))]
#[allow(clippy::too_many_arguments)]
fn compare(
    py: Python<'_>,
    originals: Vec<String>,
    adapted: String,
    index: Option<PathBuf>,
    days: Option<u32>,
    date: Option<String>,
    max_bytes: Option<u64>,
    max_sentences: Option<usize>,
    timeout: Option<f64>,
    cache: Option<PathBuf>,
    offline: bool,
) -> PyResult<Bound<'_, PyAny>> {
    let limits = limits(max_bytes, max_sentences, timeout, cache, offline)?;
    let dates = Dates::new(days, date.as_deref())?;
    if index.is_none() && dates.days.is_some() {
        return Err(Error::new_err(
            "days chooses among indexed wire copy: give it with index=DIR",
        ));
    }
    let cmp = run(py, move || match index {
        Some(dir) if originals.is_empty() => compare_indexed(&limits, &dir, &adapted, &dates),
        Some(_) => Err(format!(
            "with index, give the adapted article alone (the originals come from the index), \
             not {} inputs",
            originals.len() + 1
        )),
        None => compare_sources(&limits, &originals, &adapted),
    })?;
    report(py, &cmp)
}

/// Compares `adapted` with the documents of the index in `dir` that cover the most of it, as
/// `wirediff compare --index` does.
fn compare_indexed(
    limits: &Limits,
    dir: &Path,
    adapted: &str,
    dates: &Dates,
) -> Result<Comparison, String> {
    let lib = |e: wirediff::Error| message(&e);
    let loader = limits.loader()?;
    let adapted = loader.read(&Source::parse(adapted)).map_err(lib)?;
    let opts = FindOptions {
        dated: dates.window(&adapted).map_err(lib)?,
        ..FindOptions::default()
    };
    let chosen = (Index::open(dir).map_err(lib)?)
        .select(&adapted, &opts)
        .map_err(lib)?;
    if chosen.is_empty() {
        return Err(find::no_source_message(&adapted, dir));
    }
    let originals = chosen.into_iter().map(|h| h.document).collect();
    loader
        .compare_documents(originals, adapted, &limits.options())
        .map_err(lib)
}

/// Compares texts already in memory (HTML when `html`); returns the report.
#[pyfunction]
#[pyo3(signature = (originals, adapted, *, html=false, names=None, max_bytes=None, max_sentences=None, timeout=None))]
#[allow(clippy::too_many_arguments)]
fn compare_texts(
    py: Python<'_>,
    originals: Vec<String>,
    adapted: String,
    html: bool,
    names: Option<Vec<String>>,
    max_bytes: Option<u64>,
    max_sentences: Option<usize>,
    timeout: Option<f64>,
) -> PyResult<Bound<'_, PyAny>> {
    let limits = limits(max_bytes, max_sentences, timeout, None, false)?;
    let names = names.unwrap_or_default();
    let cmp = run(py, move || {
        compare_in_memory(&limits, &originals, &adapted, html, &names)
    })?;
    report(py, &cmp)
}

/// What wirediff reads from a page (bytes or text): `extract --format json`'s object.
#[pyfunction]
#[pyo3(signature = (page, url=None, *, max_bytes=None))]
fn extract(
    py: Python<'_>,
    page: Vec<u8>,
    url: Option<String>,
    max_bytes: Option<u64>,
) -> PyResult<Bound<'_, PyAny>> {
    let limits = limits(max_bytes, None, None, None, false)?;
    let doc = run(py, move || {
        let name = url.as_deref().unwrap_or("<html>");
        (limits.loader()?)
            .read_bytes(name, &page, true)
            .map_err(|e| message(&e))
    })?;
    to_python(py, &wirediff::report::extract_json(&doc))
}

/// One pair of a batch: sources (paths, URLs) or texts, a dict with every key (the Python
/// side fills them in).
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct Pair {
    originals: Vec<String>,
    adapted: String,
    texts: bool,
    html: bool,
    names: Vec<String>,
}

/// Compares many pairs on `jobs` threads (every core when `None`); for each, in order, its
/// report or its error message.
#[pyfunction]
#[pyo3(signature = (pairs, jobs=None, *, max_bytes=None, max_sentences=None, timeout=None, cache=None, offline=false))]
#[allow(clippy::too_many_arguments)]
fn batch(
    py: Python<'_>,
    pairs: Vec<Pair>,
    jobs: Option<usize>,
    max_bytes: Option<u64>,
    max_sentences: Option<usize>,
    timeout: Option<f64>,
    cache: Option<PathBuf>,
    offline: bool,
) -> PyResult<Vec<(bool, Bound<'_, PyAny>)>> {
    if jobs == Some(0) {
        return Err(Error::new_err("jobs must be at least 1"));
    }
    let limits = limits(max_bytes, max_sentences, timeout, cache, offline)?;
    let compare_one = |p: &Pair| {
        if p.texts {
            compare_in_memory(&limits, &p.originals, &p.adapted, p.html, &p.names)
        } else {
            compare_sources(&limits, &p.originals, &p.adapted)
        }
    };
    if jobs == Some(1) {
        // One at a time on this thread: no pool to hand the interpreter between.
        return (pairs.iter())
            .map(|p| match run(py, || compare_one(p)) {
                Ok(cmp) => Ok((true, report(py, &cmp)?)),
                Err(e) if e.is_instance_of::<Error>(py) => {
                    Ok((false, e.value(py).str()?.into_any()))
                }
                Err(e) => Err(e),
            })
            .collect();
    }
    let done = run(py, || {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.unwrap_or(0))
            .build()
            .map_err(|e| e.to_string())?;
        // Each report becomes Python objects on the thread that compared it, which takes
        // the interpreter for that alone: the comparison is freed where it was allocated,
        // and the other threads go on comparing meanwhile.
        let one = |p: &Pair| -> Result<Py<PyAny>, String> {
            let cmp = catch_unwind(AssertUnwindSafe(|| compare_one(p)))
                .unwrap_or_else(|panic| Err(format!("internal error: {}", panic_text(&*panic))))?;
            Python::attach(|py| report(py, &cmp).map(Bound::unbind)).map_err(|e| e.to_string())
        };
        Ok(pool.install(|| pairs.par_iter().map(one).collect::<Vec<_>>()))
    })?;
    (done.into_iter())
        .map(|r| match r {
            Ok(report) => Ok((true, report.into_bound(py))),
            Err(msg) => Ok((false, msg.into_pyobject(py)?.into_any())),
        })
        .collect()
}

/// Builds or extends the index in `dir` with `sources` (files, folders, `.jsonl` feed dumps,
/// as `wirediff index` takes them); returns what was added, replaced and skipped, and how many
/// documents the index holds.
#[pyfunction]
#[pyo3(signature = (dir, sources, *, max_bytes=None))]
fn index<'py>(
    py: Python<'py>,
    dir: PathBuf,
    sources: Vec<String>,
    max_bytes: Option<u64>,
) -> PyResult<Bound<'py, PyAny>> {
    let limits = limits(max_bytes, None, None, None, false)?;
    let summary = run(py, move || {
        let sources: Vec<Source> = sources.iter().map(|s| Source::parse(s)).collect();
        let lib = |e: wirediff::Error| message(&e);
        let (summary, documents) =
            find::index_sources(&dir, &sources, &limits.loader()?, &mut |_, _| {}).map_err(lib)?;
        Ok(serde_json::json!({
            "added": summary.added,
            "replaced": summary.replaced,
            "skipped": (summary.skipped.iter())
                .map(|(what, why)| serde_json::json!({"source": what, "reason": why}))
                .collect::<Vec<_>>(),
            "documents": documents,
        }))
    })?;
    to_python(py, &summary)
}

/// The indexed documents `adapted` drew on: `wirediff find --format json`'s object.
#[pyfunction]
#[pyo3(signature = (index, adapted, *, top=5, min_coverage=find::COVERAGE_FLOOR, days=None, date=None, max_bytes=None, timeout=None, cache=None, offline=false))]
#[allow(clippy::too_many_arguments)]
fn find_sources<'py>(
    py: Python<'py>,
    index: PathBuf,
    adapted: String,
    top: usize,
    min_coverage: f64,
    days: Option<u32>,
    date: Option<String>,
    max_bytes: Option<u64>,
    timeout: Option<f64>,
    cache: Option<PathBuf>,
    offline: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if top == 0 {
        return Err(Error::new_err("top must be at least 1"));
    }
    if !(0.0..=1.0).contains(&min_coverage) {
        return Err(Error::new_err(format!(
            "min_coverage must be a share from 0 to 1, not {min_coverage}"
        )));
    }
    let limits = limits(max_bytes, None, timeout, cache, offline)?;
    let dates = Dates::new(days, date.as_deref())?;
    let found = run(py, move || {
        let lib = |e: wirediff::Error| message(&e);
        let index = Index::open(&index).map_err(lib)?;
        let adapted = (limits.loader()?)
            .read(&Source::parse(&adapted))
            .map_err(lib)?;
        let opts = FindOptions {
            top,
            min_coverage,
            dated: dates.window(&adapted).map_err(lib)?,
            ..FindOptions::default()
        };
        let hits = index.find(&adapted, &opts).map_err(lib)?;
        Ok(find::results_json(&adapted, &hits))
    })?;
    to_python(py, &found)
}

/// Panics where the other functions work, so that a test can see a panic become `Error`.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    run(py, || -> Result<(), String> { panic!("a test panic") })
}

/// The Rust side of the `wirediff` package.
#[pymodule]
fn _wirediff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", m.py().get_type::<Error>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(compare_texts, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(batch, m)?)?;
    m.add_function(wrap_pyfunction!(index, m)?)?;
    m.add_function(wrap_pyfunction!(find_sources, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
