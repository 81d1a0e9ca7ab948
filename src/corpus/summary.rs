//! The corpus summary: every pair's outcome and the totals, as JSON (to keep, merge and
//! read back), a terminal table or Markdown for a pull request or a CI step summary.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{Checked, CorpusError, PairOutcome, Partition, Status};
use crate::model::SignalCounts;

/// Version of the corpus summary's JSON shape (docs/json.md).
pub const SUMMARY_VERSION: u32 = 1;

/// Pairs in the Markdown summary's full table, at most: a step summary holds 1 MiB.
const MARKDOWN_ALL_PAIRS: usize = 500;

/// A corpus run: every pair's outcome, sorted by id, and the totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusSummary {
    /// Always 1 for this shape.
    pub version: u32,
    /// The corpus directory or manifest as given.
    pub corpus: String,
    /// The part of the corpus this run covered, or null for all of it.
    pub partition: Option<Partition>,
    /// Every pair, sorted by id.
    pub pairs: Vec<PairOutcome>,
    /// Counts over the pairs.
    pub totals: Totals,
}

/// Counts over a corpus run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// Pairs in the run.
    pub pairs: usize,
    /// Pairs compared whose every expectation holds.
    pub passed: usize,
    /// Pairs compared with at least one expectation that does not hold.
    pub failed: usize,
    /// Pairs that could not be compared.
    pub errors: usize,
    /// Expectations and limits checked, over every compared pair.
    pub expectations: usize,
    /// Of them, those that do not hold.
    pub unmet: usize,
    /// Compared pairs with material differences (the summary's `differences` above 0).
    pub with_differences: usize,
    /// Unchanged segments, over every compared pair.
    pub unchanged: usize,
    /// Reworded segments, over every compared pair.
    pub reworded: usize,
    /// Inserted segments, over every compared pair.
    pub inserted: usize,
    /// Removed segments, over every compared pair.
    pub removed: usize,
    /// Moved segments, over every compared pair.
    pub moved: usize,
    /// Furniture segments, over every compared pair.
    pub furniture: usize,
    /// Material differences (the summaries' `differences`), over every compared pair.
    pub differences: usize,
    /// Words of the adapted articles.
    pub adapted_words: usize,
    /// Of them, words that are new (inserted, furniture aside).
    pub new_words: usize,
    /// Signals of each kind, over every compared pair.
    pub signals: SignalCounts,
}

impl Totals {
    /// Adds up the outcomes.
    pub fn of(pairs: &[PairOutcome]) -> Totals {
        let mut t = Totals {
            pairs: pairs.len(),
            ..Totals::default()
        };
        for p in pairs {
            match p.status {
                Status::Pass => t.passed += 1,
                Status::Fail => t.failed += 1,
                Status::Error => t.errors += 1,
            }
            t.expectations += p.expectations.len();
            t.unmet += p.unmet().count();
            if let Some(s) = &p.summary {
                t.with_differences += usize::from(s.has_differences());
                t.unchanged += s.unchanged;
                t.reworded += s.reworded;
                t.inserted += s.inserted;
                t.removed += s.removed;
                t.moved += s.moved;
                t.furniture += s.furniture;
                t.differences += s.differences;
                t.adapted_words += s.adapted_words;
                t.new_words += s.new_words;
                t.signals.attribution += s.signals.attribution;
                t.signals.quote += s.signals.quote;
                t.signals.loaded += s.signals.loaded;
                t.signals.hedge += s.signals.hedge;
                t.signals.credit += s.signals.credit;
            }
        }
        t
    }

    /// The exit status a run with these totals ends with: 2 when a pair could not be
    /// compared, else 1 when an expectation does not hold, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.errors > 0 {
            2
        } else if self.failed > 0 {
            1
        } else {
            0
        }
    }

    /// "41 pairs: 39 passed, 1 failed, 1 could not be compared; 12 of 13 expectations met".
    pub fn line(&self) -> String {
        format!(
            "{} pair{}: {} passed, {} failed, {} could not be compared; {} of {} expectations met",
            self.pairs,
            if self.pairs == 1 { "" } else { "s" },
            self.passed,
            self.failed,
            self.errors,
            self.expectations - self.unmet,
            self.expectations,
        )
    }
}

impl CorpusSummary {
    /// The summary of a run over `corpus` (as given), with the pairs' outcomes.
    pub fn new(
        corpus: String,
        partition: Option<Partition>,
        mut pairs: Vec<PairOutcome>,
    ) -> CorpusSummary {
        pairs.sort_by(|a, b| a.id.cmp(&b.id));
        CorpusSummary {
            version: SUMMARY_VERSION,
            corpus,
            partition,
            totals: Totals::of(&pairs),
            pairs,
        }
    }

    /// Reads a summary written by `wirediff corpus --format json`.
    pub fn read(path: &Path) -> Result<CorpusSummary, CorpusError> {
        let merge_err = |message: String| CorpusError::Merge {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| merge_err(e.to_string()))?;
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| merge_err(format!("not JSON ({e})")))?;
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v == u64::from(SUMMARY_VERSION) => {}
            Some(v) => {
                return Err(merge_err(format!(
                    "summary version {v}; this wirediff reads version {SUMMARY_VERSION}"
                )));
            }
            None => {
                return Err(merge_err(
                    "not a corpus summary (the JSON summary of a corpus run)".to_string(),
                ));
            }
        }
        serde_json::from_value(value).map_err(|e| merge_err(format!("not a corpus summary ({e})")))
    }

    /// Merges the summaries of the parts of one corpus (or of several corpora) into one:
    /// pairs sorted by id, totals recounted. Parts of a partition must all be there, each
    /// once; a pair id must not appear twice.
    pub fn merge(parts: Vec<(String, CorpusSummary)>) -> Result<CorpusSummary, CorpusError> {
        let Some((first_name, first)) = parts.first() else {
            return Err(CorpusError::Merge {
                path: "merge".to_string(),
                message: "no summaries given".to_string(),
            });
        };
        let corpus = first.corpus.clone();
        let partitioned: Vec<_> = parts
            .iter()
            .filter(|(_, s)| s.partition.is_some())
            .collect();
        if !partitioned.is_empty() {
            let of = first.partition.map(|p| p.of);
            let mut seen: BTreeMap<u32, &str> = BTreeMap::new();
            for (name, s) in &parts {
                let p = match s.partition {
                    Some(p) if Some(p.of) == of => p,
                    _ => {
                        return Err(CorpusError::Merge {
                            path: name.clone(),
                            message: format!(
                                "partition {} does not fit with {first_name}'s {}",
                                s.partition.map_or("none".to_string(), |p| p.to_string()),
                                first
                                    .partition
                                    .map_or("none".to_string(), |p| p.to_string())
                            ),
                        });
                    }
                };
                if let Some(other) = seen.insert(p.part, name) {
                    return Err(CorpusError::Merge {
                        path: name.clone(),
                        message: format!("part {p} is also in {other}"),
                    });
                }
            }
            let of = of.unwrap_or(1);
            let missing: Vec<String> = (1..=of)
                .filter(|k| !seen.contains_key(k))
                .map(|k| format!("{k}/{of}"))
                .collect();
            if !missing.is_empty() {
                return Err(CorpusError::Merge {
                    path: first_name.clone(),
                    message: format!(
                        "part {} missing: the merge would not cover the corpus",
                        missing.join(", ")
                    ),
                });
            }
        }
        let mut pairs: Vec<PairOutcome> = Vec::new();
        let mut owner: BTreeMap<String, String> = BTreeMap::new();
        for (name, s) in parts {
            for p in s.pairs {
                if let Some(other) = owner.insert(p.id.clone(), name.clone()) {
                    return Err(CorpusError::Merge {
                        path: name,
                        message: format!("pair {:?} is also in {other}", p.id),
                    });
                }
                pairs.push(p);
            }
        }
        Ok(CorpusSummary::new(corpus, None, pairs))
    }

    /// The JSON summary, indented, with a trailing newline.
    pub fn write_json(&self, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self)?;
        out.write_all(b"\n")
    }

    /// The terminal table: one line a pair, then the unmet expectations and the errors, then
    /// the totals. `color` marks statuses in color.
    pub fn write_terminal(&self, out: &mut dyn Write, color: bool) -> io::Result<()> {
        let paint = |s: &str, code: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let status = |st: Status| match st {
            Status::Pass => paint("PASS ", "32"),
            Status::Fail => paint("FAIL ", "31;1"),
            Status::Error => paint("ERROR", "31;1"),
        };
        let width = self
            .pairs
            .iter()
            .map(|p| clean(&p.id).chars().count())
            .max()
            .unwrap_or(4)
            .clamp(4, 48);
        writeln!(
            out,
            "{:<5}  {:<width$}  {:>9} {:>8} {:>8} {:>7} {:>5} {:>5}  expectations",
            "", "pair", "unchanged", "reworded", "inserted", "removed", "moved", "new"
        )?;
        for p in &self.pairs {
            let id = clean(&p.id);
            match &p.summary {
                Some(s) => writeln!(
                    out,
                    "{}  {:<width$}  {:>9} {:>8} {:>8} {:>7} {:>5} {:>4.0}%  {}",
                    status(p.status),
                    id,
                    s.unchanged,
                    s.reworded,
                    s.inserted,
                    s.removed,
                    s.moved,
                    s.new_share * 100.0,
                    met_of(p),
                )?,
                None => writeln!(
                    out,
                    "{}  {:<width$}  {}",
                    status(p.status),
                    id,
                    clean(p.error.as_deref().unwrap_or(""))
                )?,
            }
        }
        self.write_problems(
            out,
            ["Unmet expectations:\n", "Could not be compared:\n"],
            &|p, c| {
                format!(
                    "  {}: {} ({})",
                    clean(&p.id),
                    clean(&c.expect),
                    clean(c.found.as_deref().unwrap_or("not found"))
                )
            },
            &|p| {
                format!(
                    "  {}: {}",
                    clean(&p.id),
                    clean(p.error.as_deref().unwrap_or(""))
                )
            },
        )?;
        writeln!(out)?;
        let part = self
            .partition
            .map(|p| format!(" (part {p})"))
            .unwrap_or_default();
        writeln!(out, "{}{part}", self.totals.line())
    }

    /// The Markdown summary: the totals, every failed or unreadable pair with why, then all
    /// pairs in a collapsed table (up to 500). Text from the corpus is escaped.
    pub fn write_markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let t = &self.totals;
        let part = self
            .partition
            .map(|p| format!(" (part {p})"))
            .unwrap_or_default();
        let verdict = match t.exit_code() {
            0 => "✅",
            1 => "❌",
            _ => "⚠️",
        };
        writeln!(out, "## wirediff corpus: {}{part}", md(&self.corpus))?;
        writeln!(out)?;
        writeln!(out, "{verdict} **{}**", md(&t.line()))?;
        writeln!(out)?;
        writeln!(
            out,
            "| pairs | passed | failed | could not be compared | with differences |"
        )?;
        writeln!(out, "|---:|---:|---:|---:|---:|")?;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            t.pairs, t.passed, t.failed, t.errors, t.with_differences
        )?;
        self.write_problems(
            out,
            [
                "### Unmet expectations\n\n| pair | expected | found |\n|---|---|---|\n",
                "### Could not be compared\n\n| pair | problem |\n|---|---|\n",
            ],
            &|p, c| {
                format!(
                    "| {} | {} | {} |",
                    md(&p.id),
                    md(&c.expect),
                    md(c.found.as_deref().unwrap_or(""))
                )
            },
            &|p| {
                format!(
                    "| {} | {} |",
                    md(&p.id),
                    md(p.error.as_deref().unwrap_or(""))
                )
            },
        )?;
        writeln!(out)?;
        if self.pairs.len() > MARKDOWN_ALL_PAIRS {
            writeln!(
                out,
                "{} pairs in all; the JSON summary (`--format json`) lists every one.",
                self.pairs.len()
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "<details><summary>Every pair ({})</summary>",
            self.pairs.len()
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "| status | pair | unchanged | reworded | inserted | removed | moved | new | expectations |"
        )?;
        writeln!(out, "|---|---|---:|---:|---:|---:|---:|---:|---|")?;
        for p in &self.pairs {
            let status = p.status.as_str();
            match &p.summary {
                Some(s) => writeln!(
                    out,
                    "| {status} | {} | {} | {} | {} | {} | {} | {:.0}% | {} |",
                    md(&p.id),
                    s.unchanged,
                    s.reworded,
                    s.inserted,
                    s.removed,
                    s.moved,
                    s.new_share * 100.0,
                    met_of(p)
                )?,
                None => writeln!(
                    out,
                    "| {status} | {} | | | | | | | could not be compared |",
                    md(&p.id)
                )?,
            }
        }
        writeln!(out)?;
        writeln!(out, "</details>")
    }
}

impl CorpusSummary {
    /// Writes the unmet expectations, then the pairs that could not be compared, each part
    /// after a blank line and its heading, one line each (nothing for a part with none).
    fn write_problems(
        &self,
        out: &mut dyn Write,
        headings: [&str; 2],
        unmet: &dyn Fn(&PairOutcome, &Checked) -> String,
        error: &dyn Fn(&PairOutcome) -> String,
    ) -> io::Result<()> {
        let unmet_lines: Vec<String> = (self.pairs.iter())
            .flat_map(|p| p.unmet().map(move |c| unmet(p, c)))
            .collect();
        let error_lines: Vec<String> = (self.pairs.iter())
            .filter(|p| p.status == Status::Error)
            .map(error)
            .collect();
        for (heading, lines) in headings.iter().zip([unmet_lines, error_lines]) {
            if lines.is_empty() {
                continue;
            }
            write!(out, "\n{heading}")?;
            for line in lines {
                writeln!(out, "{line}")?;
            }
        }
        Ok(())
    }
}

/// "2/3 met", or "none" when nothing is expected.
fn met_of(p: &PairOutcome) -> String {
    if p.expectations.is_empty() {
        "none".to_string()
    } else {
        format!(
            "{}/{} met",
            p.expectations.len() - p.unmet().count(),
            p.expectations.len()
        )
    }
}

fn clean(s: &str) -> String {
    crate::report::escape::clean(s)
}

fn md(s: &str) -> String {
    crate::report::escape::md(s)
}
