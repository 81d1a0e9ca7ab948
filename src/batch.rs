//! Batch mode: JSON Lines in, JSON Lines out, for corpora too big for one machine.
//!
//! Each input line is a pair, `{"id": ..., "originals": [paths or URLs], "adapted": path or
//! URL}` (an `expect` object shaped like `expect.toml` may come along); each output line is
//! the v1 report with the `id` first (or `{"id", "error"}`), in input order, written as soon
//! as it and every line before it are done. Lines are compared on `jobs` threads with a
//! bounded number in flight, so memory stays flat however long the input: that is what lets
//! GNU parallel `--pipe`, Spark's `RDD.pipe`, Hadoop Streaming or xargs drive it.

use std::collections::BTreeMap;
use std::io::{self, BufRead, Write};
use std::sync::Mutex;
use std::sync::mpsc;

use serde::Serialize;

use crate::corpus::{self, Checked, LineSpec, Status};
use crate::error::{Remedy, with_remedy};
use crate::load::Loader;
use crate::report::{Report, Summary};
use crate::{LoadOptions, Options};

/// How a batch is run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Alignment options.
    pub options: Options,
    /// How inputs (URLs) are loaded.
    pub load: LoadOptions,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Write `{"id", "status", "expectations", "summary"}` instead of the whole report.
    pub summary_only: bool,
    /// How a front end words the remedy of an error ([`crate::error::Remedy`]), added to
    /// the line's error message; `None` for the message alone.
    pub remedies: Option<fn(Remedy) -> &'static str>,
}

impl Default for BatchOptions {
    fn default() -> BatchOptions {
        BatchOptions {
            options: Options::default(),
            load: LoadOptions::default(),
            jobs: 1,
            summary_only: false,
            remedies: None,
        }
    }
}

/// What a batch saw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Lines answered (blank lines are skipped and not answered).
    pub lines: usize,
    /// Lines answered with `{"id", "error"}`.
    pub errors: usize,
    /// Lines compared with an expectation that does not hold.
    pub failed: usize,
    /// Lines compared with material differences.
    pub with_differences: usize,
}

impl BatchStats {
    /// 2 when a line could not be compared, else 1 when an expectation does not hold, else 0
    /// (differences alone do not change it, as in corpus mode).
    pub fn exit_code(&self) -> u8 {
        if self.errors > 0 {
            2
        } else if self.failed > 0 {
            1
        } else {
            0
        }
    }
}

/// What a line came to: the output line and how it counts.
struct Answer {
    json: String,
    status: Status,
    differences: bool,
}

#[derive(Serialize)]
struct Full<'a> {
    id: &'a serde_json::Value,
    status: Status,
    expectations: &'a [Checked],
    #[serde(flatten)]
    report: Report<'a>,
}

#[derive(Serialize)]
struct Brief<'a> {
    id: &'a serde_json::Value,
    status: Status,
    expectations: &'a [Checked],
    summary: &'a Summary,
}

#[derive(Serialize)]
struct Failed<'a> {
    id: &'a serde_json::Value,
    error: String,
}

/// One line of JSON, escaped as every report is (bidirectional controls and U+2028/2029 as
/// `\uXXXX`, see docs/json.md), not as `serde_json::to_string` leaves them.
fn safe_json<T: Serialize>(value: &T) -> io::Result<String> {
    let mut buf = Vec::new();
    crate::report::write_json_value(&mut buf, value, false)?;
    Ok(String::from_utf8(buf).expect("JSON is UTF-8"))
}

/// The answer to a line that could not be compared.
fn failure(id: &serde_json::Value, error: String) -> Answer {
    Answer {
        json: safe_json(&Failed { id, error }).unwrap_or_default(),
        status: Status::Error,
        differences: false,
    }
}

/// Answers one input line (`number` counts from 1 for messages).
fn answer(line: &str, number: usize, loader: &Loader, opts: &BatchOptions) -> Answer {
    let null = serde_json::Value::Null;
    let failed = failure;
    let spec = match LineSpec::parse(line, number) {
        Ok(spec) => spec,
        Err(e) => {
            // The id, if the line is JSON with one, so that the error can be traced.
            let id = serde_json::from_str::<serde_json::Value>(line)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(null);
            return failed(&id, e.to_string());
        }
    };
    let inputs = match spec.inputs(None, number) {
        Ok(inputs) => inputs,
        Err(e) => return failed(&spec.id, e.to_string()),
    };
    let (cmp, summary, checked) = match corpus::check_inputs(&inputs, loader, &opts.options, None) {
        Ok(done) => done,
        Err(e) => {
            let message = with_remedy(format!("line {number}: {e}"), e.remedy(), opts.remedies);
            return failed(&spec.id, message);
        }
    };
    let status = if checked.iter().all(|c| c.met) {
        Status::Pass
    } else {
        Status::Fail
    };
    let json = if opts.summary_only {
        safe_json(&Brief {
            id: &spec.id,
            status,
            expectations: &checked,
            summary: &summary,
        })
    } else {
        safe_json(&Full {
            id: &spec.id,
            status,
            expectations: &checked,
            report: Report::new(&cmp),
        })
    };
    match json {
        Ok(json) => Answer {
            json,
            status,
            differences: summary.has_differences(),
        },
        Err(e) => failed(&spec.id, format!("line {number}: {e}")),
    }
}

/// Reads pairs from `input`, one JSON object a line, and writes one answer a line to
/// `output`, in input order, flushing each. Blank lines are skipped. A line that is not a
/// pair, or whose inputs cannot be read, is answered with `{"id", "error"}` and the batch goes
/// on. At most `4 × jobs` lines (8 at least) are in flight at once.
pub fn run_batch<R, W>(input: R, output: &mut W, opts: &BatchOptions) -> io::Result<BatchStats>
where
    R: BufRead + Send,
    W: Write + ?Sized,
{
    let jobs = opts.jobs.max(1);
    let in_flight = (jobs * 4).max(8);
    let loader = Loader::new(opts.load.clone());
    // Permits bound the lines between reading and writing: the reader takes one a line, the
    // writer gives it back once the line is out.
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(in_flight);
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, usize, Option<String>)>(in_flight);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Answer)>();
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_lines(input, &permit_tx, &work_tx));
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let (work_rx, loader) = (&work_rx, &loader);
            scope.spawn(move || {
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, number, line))) = next else {
                        break;
                    };
                    let a = match line {
                        Some(line) => answer(&line, number, loader, opts),
                        None => failure(
                            &serde_json::Value::Null,
                            format!("line {number}: not valid UTF-8"),
                        ),
                    };
                    if done_tx.send((seq, a)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let written = write_in_order(&done_rx, &permit_rx, output);
        // On a write error (a closed pipe), dropping the receivers stops the others.
        drop(done_rx);
        drop(permit_rx);
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("reader panicked")));
        let stats = written?;
        read?;
        Ok(stats)
    })
}

/// Reads lines, numbering the non-blank ones in order, until the input ends or the writer
/// is gone.
fn read_lines<R: BufRead>(
    mut input: R,
    permits: &mpsc::SyncSender<()>,
    work: &mpsc::SyncSender<(usize, usize, Option<String>)>,
) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut number = 0;
    let mut seq = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        number += 1;
        let line = match std::str::from_utf8(&buf) {
            Ok(s) if s.trim().is_empty() => continue,
            Ok(s) => Some(s.trim().to_string()),
            // Answered with an error naming the line.
            Err(_) => None,
        };
        if permits.send(()).is_err() || work.send((seq, number, line)).is_err() {
            return Ok(());
        }
        seq += 1;
    }
}

/// Writes answers in sequence order as they come, flushing each line, and gives back a
/// permit for each.
fn write_in_order<W: Write + ?Sized>(
    done: &mpsc::Receiver<(usize, Answer)>,
    permits: &mpsc::Receiver<()>,
    out: &mut W,
) -> io::Result<BatchStats> {
    let mut stats = BatchStats::default();
    let mut pending: BTreeMap<usize, Answer> = BTreeMap::new();
    let mut next = 0;
    for (seq, a) in done {
        pending.insert(seq, a);
        while let Some(a) = pending.remove(&next) {
            out.write_all(a.json.as_bytes())?;
            out.write_all(b"\n")?;
            out.flush()?;
            stats.lines += 1;
            match a.status {
                Status::Error => stats.errors += 1,
                Status::Fail => stats.failed += 1,
                Status::Pass => {}
            }
            stats.with_differences += usize::from(a.differences);
            next += 1;
            let _ = permits.recv();
        }
    }
    Ok(stats)
}
