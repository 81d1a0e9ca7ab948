//! The last stage, **report**: a comparison as JSON (contract v1) or as a colored terminal view.

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use crate::align::{self, Kind, Op, Segment};
use crate::signals::{Signal, SignalCounts, SignalKind};
use crate::{Comparison, normalize};

/// The JSON report, contract version 1 (see `docs/json.md`).
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    /// Always 1 for this contract.
    pub version: u32,
    /// The originals, in the order given.
    pub originals: Vec<DocInfo<'a>>,
    /// The adapted article.
    pub adapted: DocInfo<'a>,
    /// Counts of segments by kind and word shares of the adapted article.
    pub summary: Summary,
    /// Passages in the adapted article's order, removed ones where they were cut.
    pub segments: Vec<SegmentOut<'a>>,
}

/// A document as the report shows it.
#[derive(Debug, Serialize)]
pub struct DocInfo<'a> {
    /// As the user gave it.
    pub source: &'a str,
    /// The title, if one was found.
    pub title: Option<&'a str>,
    /// The article text; every span indexes it in UTF-8 bytes.
    pub text: &'a str,
    /// How many sentences wirediff read.
    pub sentences: usize,
}

/// Counts and shares.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Summary {
    /// Segments of each kind.
    pub unchanged: usize,
    pub reworded: usize,
    pub inserted: usize,
    pub removed: usize,
    /// Segments with `moved: true`.
    pub moved: usize,
    /// Segments that are page or wire furniture (credit lines, bylines, datelines,
    /// copyright notices, boilerplate) inserted, removed or changed; also counted above.
    pub furniture: usize,
    /// Removed segments in the tail of an original that the adapted article never reaches
    /// (it stops early); also counted as removed.
    pub truncated: usize,
    /// Segments that are material differences: reworded, inserted, removed or moved, and
    /// not furniture. The exit status is 1 when this is not zero.
    pub differences: usize,
    /// Words of the adapted article in all.
    pub adapted_words: usize,
    /// Words of the adapted article that are unchanged wire copy.
    pub wire_words: usize,
    /// Words of the adapted article that are reworded wire copy.
    pub reworded_words: usize,
    /// Words of the adapted article that are new (furniture aside).
    pub new_words: usize,
    /// Words of the adapted article that are furniture (inserted or changed).
    pub furniture_words: usize,
    /// `wire_words / adapted_words`, 0 to 1.
    pub wire_share: f64,
    /// `reworded_words / adapted_words`.
    pub reworded_share: f64,
    /// `new_words / adapted_words`.
    pub new_share: f64,
    /// `furniture_words / adapted_words`.
    pub furniture_share: f64,
    /// Signals of each kind (edits that change meaning), over all segments.
    pub signals: SignalCounts,
}

impl Summary {
    /// True when the adapted article differs materially: anything reworded or moved, or
    /// inserted or removed that is not furniture.
    pub fn has_differences(&self) -> bool {
        self.differences > 0
    }
}

/// One passage of the report.
#[derive(Debug, Serialize)]
pub struct SegmentOut<'a> {
    pub kind: &'static str,
    pub moved: bool,
    pub similarity: Option<f64>,
    pub adapted: Option<Span<'a>>,
    pub original: Option<OrigSpan<'a>>,
    pub changes: Vec<ChangeOut<'a>>,
    /// For segments that are page or wire furniture: which kind (`dateline`, `credit`,
    /// `byline`, `copyright`, `boilerplate`); otherwise null.
    pub furniture: Option<&'static str>,
    /// Edits that change meaning (attribution, quote, loaded, hedge, credit); often empty.
    pub signals: &'a [Signal],
    /// A removed segment in the tail of its original that the adapted article never
    /// reaches: the copy stops early there.
    pub truncated: bool,
}

/// A span of the adapted article.
#[derive(Debug, Serialize)]
pub struct Span<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A span of one of the originals.
#[derive(Debug, Serialize)]
pub struct OrigSpan<'a> {
    pub source: usize,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A word-level edit.
#[derive(Debug, Serialize)]
pub struct ChangeOut<'a> {
    pub op: &'static str,
    pub text: &'a str,
}

/// Computes the summary of a comparison.
pub fn summarize(cmp: &Comparison) -> Summary {
    let mut s = Summary::default();
    for seg in &cmp.segments {
        match seg.kind {
            Kind::Unchanged => s.unchanged += 1,
            Kind::Reworded => s.reworded += 1,
            Kind::Inserted => s.inserted += 1,
            Kind::Removed => s.removed += 1,
        }
        s.moved += usize::from(seg.moved);
        for sig in &seg.signals {
            s.signals.add(sig.kind());
        }
        s.furniture += usize::from(seg.furniture.is_some());
        s.truncated += usize::from(seg.truncated);
        s.differences +=
            usize::from(seg.moved || (seg.kind != Kind::Unchanged && seg.furniture.is_none()));
        if let Some(r) = &seg.adapted {
            let words = normalize::words(align::span_text(cmp.adapted_side(), r)).len();
            s.adapted_words += words;
            match seg.kind {
                Kind::Unchanged => s.wire_words += words,
                _ if seg.furniture.is_some() => s.furniture_words += words,
                Kind::Reworded => s.reworded_words += words,
                _ => s.new_words += words,
            }
        }
    }
    let share = |n: usize| {
        if s.adapted_words == 0 {
            0.0
        } else {
            (n as f64 / s.adapted_words as f64 * 1000.0).round() / 1000.0
        }
    };
    s.wire_share = share(s.wire_words);
    s.reworded_share = share(s.reworded_words);
    s.new_share = share(s.new_words);
    s.furniture_share = share(s.furniture_words);
    s
}

impl<'a> Report<'a> {
    /// Builds the v1 report of a comparison.
    pub fn new(cmp: &'a Comparison) -> Report<'a> {
        let info = |d: &'a crate::Document, n: usize| DocInfo {
            source: &d.source,
            title: d.title.as_deref(),
            text: &d.text,
            sentences: n,
        };
        let segments = cmp
            .segments
            .iter()
            .map(|seg| segment_out(cmp, seg))
            .collect();
        Report {
            version: 1,
            originals: cmp
                .originals
                .iter()
                .zip(&cmp.original_sentences)
                .map(|(d, s)| info(d, s.len()))
                .collect(),
            adapted: info(&cmp.adapted, cmp.adapted_sentences.len()),
            summary: summarize(cmp),
            segments,
        }
    }
}

fn segment_out<'a>(cmp: &'a Comparison, seg: &'a Segment) -> SegmentOut<'a> {
    let adapted = seg.adapted.as_ref().map(|r| {
        let side = cmp.adapted_side();
        let (start, end) = align::span_bytes(side, r);
        Span {
            text: &cmp.adapted.text[start..end],
            start,
            end,
        }
    });
    let original = seg.original.as_ref().map(|(src, r)| {
        let side = cmp.original_side(*src);
        let (start, end) = align::span_bytes(side, r);
        OrigSpan {
            source: *src,
            text: &cmp.originals[*src].text[start..end],
            start,
            end,
        }
    });
    SegmentOut {
        kind: seg.kind.as_str(),
        moved: seg.moved,
        similarity: seg.similarity,
        adapted,
        original,
        changes: seg
            .changes
            .iter()
            .map(|c| ChangeOut {
                op: c.op.as_str(),
                text: &c.text,
            })
            .collect(),
        furniture: seg.furniture.map(|f| f.as_str()),
        signals: &seg.signals,
        truncated: seg.truncated,
    }
}

/// Writes the JSON report, pretty or compact, with a trailing newline.
pub fn write_json(cmp: &Comparison, out: &mut dyn Write, pretty: bool) -> io::Result<()> {
    let report = Report::new(cmp);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &report)?;
    } else {
        serde_json::to_writer(&mut *out, &report)?;
    }
    out.write_all(b"\n")
}

/// Writes the terminal report: each passage marked by kind, reworded ones with their word
/// edits inline, then the summary. Colors follow `colored`'s global setting; without color
/// the marks alone (`+`, `-`, `~`, `>`, `[-...-]`, `{+...+}`) carry the meaning.
pub fn write_terminal(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
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
    writeln!(out)?;
    let mut last_para: Option<usize> = None;
    let mut tail_shown = vec![false; cmp.originals.len()];
    for seg in &cmp.segments {
        let para = seg
            .adapted
            .as_ref()
            .map(|r| cmp.adapted_sentences[r.start].paragraph);
        if para.is_some() && last_para.is_some() && para != last_para {
            writeln!(out)?;
        }
        if para.is_some() {
            last_para = para;
        }
        if seg.truncated {
            // The tail an early-stopping copy never reaches: one line, not one per sentence.
            let src = seg.original.as_ref().map_or(0, |(s, _)| *s);
            if std::mem::replace(&mut tail_shown[src], true) {
                continue;
            }
            let n = cmp
                .segments
                .iter()
                .filter(|t| t.truncated && t.original.as_ref().is_some_and(|(s, _)| *s == src))
                .count();
            let first = seg
                .original
                .as_ref()
                .map(|(s, r)| clean(align::span_text(cmp.original_side(*s), r)))
                .unwrap_or_default();
            let from = if several {
                format!(" [{}]", src + 1)
            } else {
                String::new()
            };
            writeln!(
                out,
                "{} {}",
                "-".red(),
                format!(
                    "(the adapted article stops here: the last {n} sentences of the original are not in it, from “{first}”){from}"
                )
                .red()
            )?;
            continue;
        }
        write_segment(cmp, seg, several, out)?;
        if let Some(line) = signal_line(&seg.signals) {
            writeln!(out, "{}", line.magenta().dimmed())?;
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
    Ok(())
}

/// The signals of a passage on one line, `⚑ attribution: said → claimed; loaded: regime`,
/// or `None` when it has none to show. Credit signals are left out: the furniture line
/// already says what was added, dropped or changed.
fn signal_line(signals: &[Signal]) -> Option<String> {
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
    let a_text = seg
        .adapted
        .as_ref()
        .map(|r| clean(align::span_text(cmp.adapted_side(), r)));
    let o_text = seg
        .original
        .as_ref()
        .map(|(s, r)| clean(align::span_text(cmp.original_side(*s), r)));
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

/// Text for the terminal: line breaks become spaces and control characters are shown as
/// visible escapes, so article text can never drive the terminal.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            // Control characters (ESC and the rest) and the bidirectional overrides that can
            // reorder what a reader sees are shown as escapes, never passed through.
            c if c.is_control()
                || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                out.extend(c.escape_unicode())
            }
            c => out.push(c),
        }
    }
    out
}

/// What `wirediff extract` shows of a document, as JSON: source, title, byline, date, the
/// extractor that found the text, the text (paragraphs separated by blank lines), the number
/// of paragraphs, and the captions kept apart.
#[derive(Debug, Serialize)]
pub struct ExtractOut<'a> {
    pub source: &'a str,
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub extractor: &'a str,
    pub text: &'a str,
    pub paragraphs: usize,
    pub captions: &'a [String],
}

/// The [`ExtractOut`] of a document, as a JSON value.
pub fn extract_json(doc: &crate::Document) -> serde_json::Value {
    serde_json::to_value(ExtractOut {
        source: &doc.source,
        title: doc.title.as_deref(),
        byline: doc.byline.as_deref(),
        date: doc.date.as_deref(),
        extractor: doc.extractor,
        text: &doc.text,
        paragraphs: doc.paragraphs.len(),
        captions: &doc.captions,
    })
    .expect("serializable")
}

/// What `wirediff extract` shows of a document, for people: a header of what was found,
/// then the paragraphs separated by blank lines, then the captions. Control characters in
/// the page are shown escaped.
pub fn write_extract_text(doc: &crate::Document, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "Source:    {}", clean(&doc.source))?;
    for (label, value) in [
        ("Title:    ", doc.title.as_deref()),
        ("Byline:   ", doc.byline.as_deref()),
        ("Date:     ", doc.date.as_deref()),
    ] {
        if let Some(v) = value {
            writeln!(out, "{label} {}", clean(v))?;
        }
    }
    writeln!(
        out,
        "Extractor: {} ({} paragraphs)",
        doc.extractor,
        doc.paragraphs.len()
    )?;
    for i in 0..doc.paragraphs.len() {
        writeln!(out)?;
        writeln!(out, "{}", clean_keep_lines(doc.paragraph(i)))?;
    }
    if !doc.captions.is_empty() {
        writeln!(out)?;
        writeln!(out, "Captions:")?;
        for c in &doc.captions {
            writeln!(out, "  {}", clean(c))?;
        }
    }
    Ok(())
}

/// Like [`clean`], but keeps line breaks.
fn clean_keep_lines(s: &str) -> String {
    s.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

/// Escapes article text for Markdown: no markup, no HTML, no table breaks, one line.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

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
