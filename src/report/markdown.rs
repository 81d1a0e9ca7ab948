//! The Markdown report, for a pull request or a CI step summary.

use std::io::{self, Write};

use super::escape::md;
use super::summarize;
use super::terminal::signal_line;
use crate::Comparison;
use crate::align::{self, Kind, Op, Segment};

/// A section of the Markdown report: its title and which passages it lists.
type Section = (&'static str, fn(&Segment) -> bool);

/// Wraps text in a Markdown emphasis marker, keeping surrounding spaces outside it (a marker
/// next to a space does not close or open emphasis).
fn emphasis(marker: &str, text: &str) -> String {
    let inner = text.trim();
    if inner.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let trail = &text[text.trim_end().len()..];
    format!("{lead}{marker}{inner}{marker}{trail}")
}

/// Writes the Markdown report: a heading, the summary as a table, then the changed passages
/// (inserted, removed, reworded with the edits as ~~deleted~~ and **added**, moved), fit for a
/// pull-request comment or a CI step summary. Unchanged passages and furniture are counted,
/// not listed. Article text is escaped: it cannot add markup, links or HTML.
pub fn write_markdown(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let s = summarize(cmp);
    let names: Vec<String> = cmp.originals.iter().map(|d| md(&d.source)).collect();
    writeln!(
        out,
        "## wirediff: {} → {}",
        names.join(" + "),
        md(&cmp.adapted.source)
    )?;
    let metas = super::doc_lines(cmp);
    if !metas.is_empty() {
        writeln!(out)?;
        for (label, meta) in metas {
            writeln!(out, "- {label}: {}", md(&meta))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "| passages | count |")?;
    writeln!(out, "|---|---:|")?;
    for (label, n) in [
        ("unchanged", s.unchanged),
        ("reworded", s.reworded),
        ("inserted", s.inserted),
        ("removed", s.removed),
        ("moved", s.moved),
        ("page or wire furniture (counted above)", s.furniture),
        ("news signals", s.signals.total()),
    ] {
        writeln!(out, "| {label} | {n} |")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Adapted article: {} words, {:.0}% wire copy, {:.0}% reworded wire copy, **{:.0}% new**{}.",
        s.adapted_words,
        s.wire_share * 100.0,
        s.reworded_share * 100.0,
        s.new_share * 100.0,
        if s.furniture_words > 0 {
            format!(", {:.0}% furniture", s.furniture_share * 100.0)
        } else {
            String::new()
        }
    )?;
    if let Some(note) = super::fallback_note(cmp) {
        writeln!(out)?;
        writeln!(out, "> **Fallback:** {}.", md(&note))?;
    }
    let side = |seg: &Segment| {
        let a = seg
            .adapted
            .as_ref()
            .map(|r| md(align::span_text(cmp.adapted_side(), r)));
        let o = seg
            .original
            .as_ref()
            .map(|(src, r)| md(align::span_text(cmp.original_side(*src), r)));
        (a, o)
    };
    let material = |seg: &&Segment| seg.furniture.is_none();
    let sections: [Section; 4] = [
        ("Inserted", |g| g.kind == Kind::Inserted),
        ("Removed", |g| g.kind == Kind::Removed),
        ("Reworded", |g| g.kind == Kind::Reworded),
        ("Moved", |g| g.moved && g.kind == Kind::Unchanged),
    ];
    for (title, pick) in sections {
        let segs: Vec<&Segment> = cmp
            .segments
            .iter()
            .filter(material)
            .filter(|g| pick(g))
            .collect();
        if segs.is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "### {title} ({})", segs.len())?;
        writeln!(out)?;
        for seg in segs {
            let (a, o) = side(seg);
            let text = match seg.kind {
                Kind::Reworded => seg
                    .changes
                    .iter()
                    .map(|c| match c.op {
                        Op::Equal => md(&c.text),
                        Op::Delete => emphasis("~~", &md(&c.text)),
                        Op::Insert => emphasis("**", &md(&c.text)),
                    })
                    .collect::<String>(),
                Kind::Removed if seg.truncated => format!(
                    "{} _(past where the adapted article stops)_",
                    o.unwrap_or_default()
                ),
                Kind::Removed => o.unwrap_or_default(),
                _ => a.unwrap_or_default(),
            };
            let moved = if seg.moved && seg.kind == Kind::Reworded {
                " _(moved)_"
            } else {
                ""
            };
            let flags = signal_line(&seg.signals)
                .map(|l| format!(" — {}", md(l.trim().trim_start_matches('⚑').trim())))
                .unwrap_or_default();
            writeln!(out, "- {text}{moved}{flags}")?;
        }
    }
    Ok(())
}
