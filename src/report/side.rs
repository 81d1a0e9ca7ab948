//! The side-by-side terminal view (`--side-by-side`): the original on the left, the adapted
//! article on the right, one row a passage, fitted to a width in terminal columns.
//!
//! Every cell is wrapped on display width ([`super::wrap`]) before it is colored, so no line
//! is wider than the view, whatever the script, and escape codes never count as columns.

use std::io::{self, Write};

use colored::Colorize;

use super::escape::clean;
use super::rows::{Row, adapted_text, fold_text, original_text, rows, tail_text};
use super::terminal::{signal_line, write_summary};
use super::wrap::{pad, width, wrap};
use crate::Comparison;
use crate::align::{Change, Kind, Op, Segment};

/// The narrowest side-by-side view, in columns.
pub const MIN_WIDTH: usize = 40;
/// The widest side-by-side view, in columns.
pub const MAX_WIDTH: usize = 1000;
/// The width when neither `--width`, `WIREDIFF_WIDTH` nor a terminal gives one.
pub const DEFAULT_WIDTH: usize = 100;

/// How a piece of text is drawn.
#[derive(Clone, Debug, PartialEq)]
enum Style {
    Plain,
    Bold,
    Dim,
    Removed,
    Inserted,
    Reworded,
    /// Words the adapted article dropped, inside a reworded passage.
    Del,
    /// Words the adapted article added, inside a reworded passage.
    Ins,
    Moved,
    Signal,
    /// Escape codes the summary writer already chose (only ever our own SGR codes).
    Sgr(String),
}

fn paint(text: &str, style: &Style) -> String {
    match style {
        Style::Plain => text.to_string(),
        Style::Bold => text.bold().to_string(),
        Style::Dim => text.dimmed().to_string(),
        Style::Removed => text.red().to_string(),
        Style::Inserted => text.green().bold().to_string(),
        Style::Reworded => text.yellow().bold().to_string(),
        Style::Del => text.red().strikethrough().to_string(),
        Style::Ins => text.green().underline().to_string(),
        Style::Moved => text.cyan().to_string(),
        Style::Signal => text.magenta().dimmed().to_string(),
        Style::Sgr(codes) if codes.is_empty() => text.to_string(),
        Style::Sgr(codes) => format!("{codes}{text}\x1b[0m"),
    }
}

/// Text in one cell: pieces, each with its style.
type Cell = Vec<(String, Style)>;
/// A wrapped line of a cell.
type Line = Vec<(String, Style)>;

fn piece(text: impl Into<String>, style: Style) -> (String, Style) {
    (text.into(), style)
}

/// Columns: a 2-column mark, a space, the left cell, ` │ `, the right cell.
struct Layout {
    width: usize,
    left: usize,
    right: usize,
}

impl Layout {
    fn new(width: usize) -> Layout {
        let cells = width.max(MIN_WIDTH) - 6;
        Layout {
            width: width.max(MIN_WIDTH),
            left: cells / 2,
            right: cells - cells / 2,
        }
    }

    /// One row: the mark on its first line, the cells wrapped side by side.
    fn write_row(
        &self,
        out: &mut dyn Write,
        mark: (&str, Style),
        left: &[Line],
        right: &[Line],
    ) -> io::Result<()> {
        for i in 0..left.len().max(right.len()).max(1) {
            let m = if i == 0 { mark.0 } else { "" };
            let mut line = if m.is_empty() {
                "  ".to_string()
            } else {
                paint(&pad(m, 2), &mark.1)
            };
            line.push(' ');
            let l = left.get(i).map(|l| l.as_slice()).unwrap_or_default();
            line.push_str(&draw(l));
            line.push_str(&" ".repeat(self.left.saturating_sub(plain_width(l))));
            line.push(' ');
            line.push_str(&"│".dimmed().to_string());
            if let Some(r) = right.get(i).filter(|r| !r.is_empty()) {
                line.push(' ');
                line.push_str(&draw(r));
            }
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    /// Lines across the whole width, each after `indent` spaces.
    fn write_full(&self, out: &mut dyn Write, indent: usize, cell: &Cell) -> io::Result<()> {
        for l in wrap(cell, self.width - indent) {
            writeln!(out, "{}{}", " ".repeat(indent), draw(&l))?;
        }
        Ok(())
    }
}

fn draw(line: &[(String, Style)]) -> String {
    line.iter().map(|(t, s)| paint(t, s)).collect()
}

fn plain_width(line: &[(String, Style)]) -> usize {
    width(&line.iter().map(|(t, _)| t.as_str()).collect::<String>())
}

/// Writes the side-by-side view of a comparison at `width` columns (at least
/// [`MIN_WIDTH`]): a header naming the sources, one row a passage (with `context`, long
/// unchanged stretches folded as in [`super::write_terminal_with`]), then the summary.
/// Colors follow `colored`'s global setting; without color the gutter marks (`+`, `-`, `~`,
/// `>`, `·`) and `[-...-]` / `{+...+}` carry the meaning.
pub fn write_side_by_side(
    cmp: &Comparison,
    width: usize,
    context: Option<usize>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lay = Layout::new(width);
    let several = cmp.originals.len() > 1;

    let mut left = wrap(
        &[piece(
            if several { "originals" } else { "original" },
            Style::Bold,
        )],
        lay.left,
    );
    for (i, d) in cmp.originals.iter().enumerate() {
        // A no-break space keeps the tag on the line of a long path.
        let tag = if several {
            format!("[{}]\u{A0}", i + 1)
        } else {
            String::new()
        };
        left.extend(wrap(
            &[
                piece(tag, Style::Dim),
                piece(clean(&d.source), Style::Plain),
            ],
            lay.left,
        ));
    }
    let mut right = wrap(&[piece("adapted", Style::Bold)], lay.right);
    right.extend(wrap(
        &[piece(clean(&cmp.adapted.source), Style::Plain)],
        lay.right,
    ));
    lay.write_row(out, ("", Style::Plain), &left, &right)?;
    let rule = format!(
        "{}┼{}",
        "─".repeat(lay.left + 4),
        "─".repeat(lay.width - lay.left - 5)
    );
    writeln!(out, "{}", rule.dimmed())?;

    for row in rows(cmp, context) {
        match row {
            Row::Break => lay.write_row(out, ("", Style::Plain), &[], &[])?,
            Row::Fold(n) => {
                let cell = [piece(fold_text(n), Style::Dim)];
                let (l, r) = (wrap(&cell, lay.left), wrap(&cell, lay.right));
                lay.write_row(out, ("", Style::Plain), &l, &r)?;
            }
            Row::Tail {
                source,
                count,
                first,
                ..
            } => {
                let mut cell = vec![piece(tail_text(cmp, count, first), Style::Removed)];
                if several {
                    cell.push(piece(format!(" [{}]", source + 1), Style::Dim));
                }
                lay.write_row(out, ("-", Style::Removed), &wrap(&cell, lay.left), &[])?;
            }
            Row::Segment(_, seg) => {
                let (mark, left, right) = cells(cmp, seg, several);
                lay.write_row(out, mark, &wrap(&left, lay.left), &wrap(&right, lay.right))?;
                if let Some(line) = signal_line(&seg.signals) {
                    let cell = [piece(line.trim_start(), Style::Signal)];
                    lay.write_row(out, ("", Style::Plain), &[], &wrap(&cell, lay.right))?;
                }
            }
        }
    }

    writeln!(out)?;
    let mut summary = Vec::new();
    write_summary(cmp, &mut summary)?;
    for line in String::from_utf8_lossy(&summary).lines() {
        lay.write_full(out, 0, &sgr_pieces(line))?;
    }
    Ok(())
}

/// The gutter mark and the two cells of a passage.
fn cells(cmp: &Comparison, seg: &Segment, several: bool) -> ((&'static str, Style), Cell, Cell) {
    let o_text = original_text(cmp, seg).unwrap_or_default();
    let a_text = adapted_text(cmp, seg).unwrap_or_default();
    let (mark, mut left, mut right) = if let Some(f) = seg.furniture {
        let what = f.describe();
        let (left, right) = match seg.kind {
            Kind::Removed => (
                vec![
                    piece(o_text, Style::Dim),
                    piece(format!(" ({what} removed)"), Style::Dim),
                ],
                vec![],
            ),
            Kind::Reworded => {
                let mut right = edits(&seg.changes, Op::Insert, true);
                right.push(piece(format!(" ({what} changed)"), Style::Dim));
                (edits(&seg.changes, Op::Delete, true), right)
            }
            _ => (
                if seg.original.is_some() {
                    vec![piece(o_text, Style::Dim)]
                } else {
                    vec![]
                },
                vec![
                    piece(a_text, Style::Dim),
                    piece(format!(" ({what})"), Style::Dim),
                ],
            ),
        };
        (("·", Style::Dim), left, right)
    } else {
        match seg.kind {
            Kind::Unchanged => (
                (if seg.moved { ">" } else { "" }, Style::Moved),
                vec![piece(o_text, Style::Dim)],
                vec![piece(a_text, Style::Dim)],
            ),
            Kind::Reworded => (
                (if seg.moved { "~>" } else { "~" }, Style::Reworded),
                edits(&seg.changes, Op::Delete, false),
                edits(&seg.changes, Op::Insert, false),
            ),
            Kind::Inserted => (
                ("+", Style::Inserted),
                vec![],
                vec![piece(a_text, Style::Inserted)],
            ),
            Kind::Removed => (
                ("-", Style::Removed),
                vec![piece(o_text, Style::Removed)],
                vec![],
            ),
        }
    };
    if let (Some((s, _)), true) = (&seg.original, several) {
        left.push(piece(format!(" [{}]", s + 1), Style::Dim));
    }
    if seg.moved {
        right.push(piece(" (moved)", Style::Moved));
    }
    (mark, left, right)
}

/// One side of a rewording: the shared words and those of one side (`Op::Delete` for the
/// original's, as `[-...-]`; `Op::Insert` for the adapted article's, as `{+...+}`).
fn edits(changes: &[Change], side: Op, dim: bool) -> Cell {
    changes
        .iter()
        .filter(|c| c.op == Op::Equal || c.op == side)
        .map(|c| {
            let t = clean(&c.text);
            match (c.op, dim) {
                (Op::Equal, false) => piece(t, Style::Plain),
                (Op::Delete, false) => piece(format!("[-{t}-]"), Style::Del),
                (Op::Insert, false) => piece(format!("{{+{t}+}}"), Style::Ins),
                (Op::Equal, true) => piece(t, Style::Dim),
                (Op::Delete, true) => piece(format!("[-{t}-]"), Style::Dim),
                (Op::Insert, true) => piece(format!("{{+{t}+}}"), Style::Dim),
            }
        })
        .collect()
}

/// A line the summary writer colored, as pieces: its own SGR codes become styles, so the
/// line can be wrapped on its plain text. Any other escape is dropped.
fn sgr_pieces(line: &str) -> Cell {
    let mut cell = Vec::new();
    let mut codes = String::new();
    let mut rest = line;
    while let Some(esc) = rest.find('\x1b') {
        if esc > 0 {
            cell.push(piece(clean(&rest[..esc]), Style::Sgr(codes.clone())));
        }
        let after = &rest[esc + 1..];
        let len = after
            .strip_prefix('[')
            .and_then(|p| p.find(|c: char| !(c.is_ascii_digit() || c == ';')))
            .filter(|&n| after[1 + n..].starts_with('m'));
        match len {
            Some(n) => {
                let seq = &rest[esc..esc + n + 3];
                if seq == "\x1b[0m" {
                    codes.clear();
                } else {
                    codes.push_str(seq);
                }
                rest = &rest[esc + n + 3..];
            }
            None => rest = after,
        }
    }
    if !rest.is_empty() {
        cell.push(piece(clean(rest), Style::Sgr(codes)));
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_codes_become_styles() {
        let cell = sgr_pieces("\x1b[1mSummary:\x1b[0m 3 \x1b[1;32m4\x1b[0m new");
        assert_eq!(
            cell,
            [
                piece("Summary:", Style::Sgr("\x1b[1m".into())),
                piece(" 3 ", Style::Sgr(String::new())),
                piece("4", Style::Sgr("\x1b[1;32m".into())),
                piece(" new", Style::Sgr(String::new())),
            ]
        );
        // Anything but an SGR code is dropped or escaped, never passed on.
        let cell = sgr_pieces("a\x1b]0;t\x07b");
        assert!(
            cell.iter().all(|(t, _)| !t.contains(['\x1b', '\x07'])),
            "{cell:?}"
        );
    }

    #[test]
    fn layout_fills_the_width_exactly() {
        for w in [40, 41, 99, 100, 200] {
            let lay = Layout::new(w);
            assert_eq!(2 + 1 + lay.left + 3 + lay.right, w);
        }
        assert_eq!(Layout::new(10).width, MIN_WIDTH);
    }
}
