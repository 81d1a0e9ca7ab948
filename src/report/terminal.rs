//! The terminal report: passages inline, marked by kind, then the summary.

use std::io::{self, Write};

use colored::Colorize;

use super::escape::clean;
use super::rows::{Row, adapted_text, fold_text, original_text, rows, tail_text};
use super::summarize;
use crate::Comparison;
use crate::align::{self, Kind, Op, Segment};
use crate::model::{Signal, SignalKind};

/// Writes the terminal report: each passage marked by kind, reworded ones with their word
/// edits inline, then the summary. Colors follow `colored`'s global setting; without color
/// the marks alone (`+`, `-`, `~`, `>`, `[-...-]`, `{+...+}`) carry the meaning.
pub fn write_terminal(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    write_terminal_with(cmp, None, out)
}

/// Like [`write_terminal`], but with `context: Some(n)` long unchanged stretches are folded:
/// at most `n` unchanged passages are shown before and after each change, the rest as one
/// dim line (`… 12 unchanged passages …`).
pub fn write_terminal_with(
    cmp: &Comparison,
    context: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let several = cmp.originals.len() > 1;
    let names: Vec<&str> = cmp.originals.iter().map(|d| d.source.as_str()).collect();
    writeln!(
        out,
        "{} {} {} {}",
        "wirediff".bold(),
        names.join(" + "),
        "→".dimmed(),
        cmp.adapted.source
    )?;
    if several {
        for (i, n) in names.iter().enumerate() {
            writeln!(out, "  {} {}", format!("[{}]", i + 1).dimmed(), n)?;
        }
    }
    // Titles, bylines and dates, for the documents that have them (pages).
    for (label, meta) in super::doc_lines(cmp) {
        writeln!(
            out,
            "  {} {}",
            format!("{label}:").dimmed(),
            clean(&meta).dimmed()
        )?;
    }
    writeln!(out)?;
    for row in rows(cmp, context) {
        match row {
            Row::Break => writeln!(out)?,
            Row::Fold(n) => writeln!(out, "  {}", fold_text(n).dimmed())?,
            Row::Tail {
                source,
                count,
                first,
                ..
            } => {
                let from = if several {
                    format!(" [{}]", source + 1)
                } else {
                    String::new()
                };
                let text = tail_text(cmp, count, first);
                writeln!(out, "{} {}", "-".red(), format!("{text}{from}").red())?;
            }
            Row::Segment(_, seg) => {
                write_segment(cmp, seg, several, out)?;
                if let Some(line) = signal_line(&seg.signals) {
                    writeln!(out, "{}", line.magenta().dimmed())?;
                }
            }
        }
    }
    writeln!(out)?;
    write_summary(cmp, out)
}

/// Writes only the summary lines of the terminal report (`--summary`).
pub fn write_summary(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let s = summarize(cmp);
    let furniture = if s.furniture > 0 {
        format!(" ({} of them page or wire furniture)", s.furniture)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} {} unchanged, {} reworded, {} inserted, {} removed{}, {} moved{}",
        "Summary:".bold(),
        s.unchanged,
        s.reworded.to_string().yellow(),
        s.inserted.to_string().green().bold(),
        s.removed.to_string().red(),
        if s.truncated > 0 {
            format!(" ({} past where the adapted article stops)", s.truncated)
        } else {
            String::new()
        },
        s.moved.to_string().cyan(),
        furniture.dimmed(),
    )?;
    let furniture_share = if s.furniture_words > 0 {
        format!(", {:.0}% furniture", s.furniture_share * 100.0)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} {} words: {:.0}% wire copy, {:.0}% reworded wire copy, {} new{}",
        "Adapted:".bold(),
        s.adapted_words,
        s.wire_share * 100.0,
        s.reworded_share * 100.0,
        format!("{:.0}%", s.new_share * 100.0).green().bold(),
        furniture_share.dimmed(),
    )?;
    if s.signals.total() > 0 {
        let counts: Vec<String> = SignalKind::ALL
            .iter()
            .filter(|&&k| s.signals.get(k) > 0)
            .map(|&k| format!("{} {}", s.signals.get(k), k.as_str()))
            .collect();
        writeln!(out, "{} {}", "Signals:".bold(), counts.join(", ").magenta())?;
    }
    if let Some(note) = super::fallback_note(cmp) {
        writeln!(out, "{} {}", "Fallback:".bold(), note.yellow())?;
    }
    Ok(())
}

/// The signals of a passage on one line, `⚑ attribution: said → claimed; loaded: regime`,
/// or `None` when it has none to show. Credit signals are left out: the furniture line
/// already says what was added, dropped or changed.
pub(crate) fn signal_line(signals: &[Signal]) -> Option<String> {
    let short = |t: &str| {
        let t = clean(t);
        if t.chars().count() > 60 {
            format!("{}…", t.chars().take(59).collect::<String>().trim_end())
        } else {
            t
        }
    };
    let items: Vec<String> = signals
        .iter()
        .filter_map(|sig| match sig {
            Signal::Attribution { from, to } => {
                Some(format!("attribution: {} → {}", clean(from), clean(to)))
            }
            Signal::Quote {
                from: Some(_),
                to: Some(to),
            } => Some(format!("quote changed: “{}”", short(to))),
            Signal::Quote {
                from: None,
                to: Some(to),
            } => Some(format!("quote added: “{}”", short(to))),
            Signal::Quote {
                from: Some(from), ..
            } => Some(format!("quote dropped: “{}”", short(from))),
            Signal::Quote { .. } | Signal::Credit { .. } => None,
            Signal::Loaded { words } => Some(format!("loaded: {}", clean(&words.join(", ")))),
            Signal::Hedge { added, dropped } => {
                let mut parts = Vec::new();
                if !added.is_empty() {
                    parts.push(format!("hedge added: {}", clean(&added.join(", "))));
                }
                if !dropped.is_empty() {
                    parts.push(format!("hedge dropped: {}", clean(&dropped.join(", "))));
                }
                Some(parts.join("; "))
            }
        })
        .collect();
    (!items.is_empty()).then(|| format!("    ⚑ {}", items.join("; ")))
}

fn write_segment(
    cmp: &Comparison,
    seg: &Segment,
    several: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let a_text = adapted_text(cmp, seg);
    let o_text = original_text(cmp, seg);
    let from = match (&seg.original, several) {
        (Some((s, _)), true) => format!(" [{}]", s + 1).dimmed().to_string(),
        _ => String::new(),
    };
    let moved = if seg.moved {
        format!(" {}", "(moved)".cyan())
    } else {
        String::new()
    };
    if let Some(f) = seg.furniture {
        let (text, what) = match seg.kind {
            Kind::Removed => (
                o_text.unwrap_or_default(),
                format!("({} removed)", f.describe()),
            ),
            Kind::Reworded => (
                word_edits(&seg.changes, false),
                format!("({} changed)", f.describe()),
            ),
            _ => (a_text.unwrap_or_default(), format!("({})", f.describe())),
        };
        return writeln!(
            out,
            "{} {} {}{}",
            "·".dimmed(),
            text.dimmed(),
            what.dimmed(),
            from
        );
    }
    match seg.kind {
        Kind::Unchanged => {
            let mark = if seg.moved { ">" } else { " " };
            writeln!(
                out,
                "{} {}{}{}",
                mark.cyan(),
                a_text.unwrap_or_default().dimmed(),
                moved,
                from
            )
        }
        Kind::Reworded => {
            let mark = if seg.moved { "~>" } else { "~" };
            let edits = word_edits(&seg.changes, true);
            writeln!(out, "{} {edits}{moved}{from}", mark.yellow().bold())
        }
        Kind::Inserted => writeln!(
            out,
            "{} {}",
            "+".green().bold(),
            a_text.unwrap_or_default().green().bold()
        ),
        Kind::Removed => writeln!(
            out,
            "{} {}{}",
            "-".red(),
            o_text.unwrap_or_default().red(),
            from
        ),
    }
}

/// Word edits inline: `[-deleted-]` and `{+inserted+}`, colored when `styled`.
fn word_edits(changes: &[align::Change], styled: bool) -> String {
    let mut s = String::new();
    for c in changes {
        let t = clean(&c.text);
        let piece = match (c.op, styled) {
            (Op::Equal, _) => t,
            (Op::Delete, true) => format!("[-{t}-]").red().strikethrough().to_string(),
            (Op::Insert, true) => format!("{{+{t}+}}").green().underline().to_string(),
            (Op::Delete, false) => format!("[-{t}-]"),
            (Op::Insert, false) => format!("{{+{t}+}}"),
        };
        s.push_str(&piece);
    }
    s
}
