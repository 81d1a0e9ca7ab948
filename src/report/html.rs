//! The HTML redline: one self-contained page with the two articles in aligned columns.
//!
//! The page has inline CSS and nothing else: no script, no fonts, no images, no requests. A
//! `Content-Security-Policy` meta tag forbids loading or running anything even if a browser
//! were to find something to load, and every piece of article text goes through [`html`], so
//! a hostile page's `<script>`, event handlers or `javascript:` links arrive as plain text.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::escape::{clean, html};
use super::rows::{self, Row};
use super::summarize;
use super::terminal::signal_line;
use crate::Comparison;
use crate::align::{self, Kind, Op, Segment};

/// The page's style: light and dark schemes, print, and a phone-width layout that stacks the
/// columns. Meaning never rests on color alone: every row has a labelled badge, deletions are
/// struck through and insertions underlined.
const STYLE: &str = r#"
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d1f21; --muted: #6a6f75; --line: #d9dce0; --head: #f4f5f7;
  --ins-bg: #d5f5d0; --ins-fg: #0b4f12; --ins-edge: #1f8f2c;
  --del-bg: #fde0de; --del-fg: #8a1212; --del-edge: #c62828;
  --rew-bg: #fff4cc; --rew-edge: #b7860b;
  --mov-bg: #dcecff; --mov-edge: #2563b0;
  --sig: #7b2fa0; --furn: #8a8f96;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15171a; --fg: #e3e5e8; --muted: #9aa0a6; --line: #34383d; --head: #1f2226;
    --ins-bg: #123d1a; --ins-fg: #b9f3bf; --ins-edge: #4cc35c;
    --del-bg: #4a1717; --del-fg: #ffc9c4; --del-edge: #ef6b61;
    --rew-bg: #3d3310; --rew-edge: #e0b43a;
    --mov-bg: #13304f; --mov-edge: #6aa7f0;
    --sig: #d59cf3; --furn: #7d838a;
  }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem 1.25rem 3rem; background: var(--bg); color: var(--fg);
  font: 16px/1.5 Georgia, "Times New Roman", serif; }
header, footer, .legend, .summary { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.sources { margin: 0 0 1rem; padding: 0; list-style: none; color: var(--muted); font-size: .9rem; }
.sources li { margin: .1rem 0; overflow-wrap: anywhere; }
.sources b { color: var(--fg); font-weight: 600; }
.summary { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.bar { display: flex; height: 1.1rem; border-radius: 4px; overflow: hidden; border: 1px solid var(--line);
  margin: .5rem 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.bar span { display: block; height: 100%; }
.bar .wire { background: var(--line); }
.bar .reworded { background: var(--rew-edge); }
.bar .new { background: var(--ins-edge); }
.bar .furniture { background: var(--furn); opacity: .5; }
.shares, .counts, .fallback { margin: .25rem 0; font-size: .9rem; }
.fallback { color: var(--del-fg); }
.shares b.new { color: var(--ins-fg); background: var(--ins-bg); padding: 0 .25rem; border-radius: 3px; }
.legend { font-size: .85rem; color: var(--muted); margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: .4rem 1rem; }
.badge { display: inline-block; min-width: 1.6rem; padding: 0 .35rem; border-radius: 3px; font: 600 .75rem/1.4rem system-ui, sans-serif;
  text-align: center; text-transform: uppercase; letter-spacing: .03em; border: 1px solid currentColor; }
.badge.inserted { color: var(--ins-fg); background: var(--ins-bg); border-color: var(--ins-edge); }
.badge.removed { color: var(--del-fg); background: var(--del-bg); border-color: var(--del-edge); }
.badge.reworded { color: var(--fg); background: var(--rew-bg); border-color: var(--rew-edge); }
.badge.moved { color: var(--fg); background: var(--mov-bg); border-color: var(--mov-edge); }
.badge.unchanged, .badge.furniture { color: var(--muted); border-color: var(--line); }
table.redline { width: 100%; border-collapse: collapse; table-layout: fixed; }
.redline thead th { position: sticky; top: 0; background: var(--head); text-align: left; padding: .4rem .6rem;
  font: 600 .85rem system-ui, sans-serif; border-bottom: 2px solid var(--line); z-index: 1; }
.redline th.kind, .redline td.kind { width: 7.5rem; }
.redline td.kind .badge { text-transform: none; letter-spacing: 0; font-size: .7rem; }
.redline td { vertical-align: top; padding: .35rem .6rem; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.redline tr.para td { border-top: 1px solid var(--muted); }
.redline td.kind { padding-top: .45rem; }
.redline td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, var(--head) 6px 12px); }
tr.unchanged td.text { color: var(--fg); }
tr.inserted td.adapted { background: var(--ins-bg); color: var(--ins-fg); box-shadow: inset 5px 0 0 var(--ins-edge);
  font-weight: 600; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
tr.removed td.original { background: var(--del-bg); color: var(--del-fg); box-shadow: inset 5px 0 0 var(--del-edge);
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
tr.reworded td.text { background: var(--rew-bg); box-shadow: inset 3px 0 0 var(--rew-edge); }
tr.moved td.text { box-shadow: inset 3px 0 0 var(--mov-edge); }
tr.furniture td.text { color: var(--furn); font-size: .9rem; background: none; box-shadow: none; font-weight: normal; }
tr.moved-from td { color: var(--muted); font-size: .9rem; font-style: italic; }
del { color: var(--del-fg); background: var(--del-bg); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { color: var(--ins-fg); background: var(--ins-bg); text-decoration: underline; text-decoration-thickness: 2px; font-weight: 600; }
.src { color: var(--muted); font: .75rem system-ui, sans-serif; margin-left: .3rem; }
.note { display: block; color: var(--muted); font: .8rem system-ui, sans-serif; margin-top: .15rem; }
.flag { color: var(--sig); }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 2px; margin-right: .2rem; vertical-align: baseline;
  print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.swatch.wire { background: var(--line); } .swatch.reworded { background: var(--rew-edge); }
.swatch.new { background: var(--ins-edge); } .swatch.furniture { background: var(--furn); opacity: .5; }
.signals { display: block; color: var(--sig); font: .8rem system-ui, sans-serif; margin-top: .2rem; }
a { color: var(--mov-edge); }
details summary { cursor: pointer; color: var(--del-fg); font: .9rem system-ui, sans-serif; }
details p { margin: .3rem 0; color: var(--del-fg); }
footer { margin-top: 1.5rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 700px) {
  body { padding: .5rem .6rem 2rem; font-size: 15px; }
  .redline thead { display: none; }
  .redline, .redline tbody, .redline tr, .redline td { display: block; width: 100%; }
  .redline tr { border-top: 1px solid var(--line); padding: .3rem 0; }
  .redline td { border-top: none; padding: .2rem .4rem; }
  .redline td.kind { width: auto; padding-bottom: 0; }
  .redline td.empty { display: none; }
  .redline td.original::before, .redline td.adapted::before { display: block; color: var(--muted);
    font: .7rem system-ui, sans-serif; text-transform: uppercase; letter-spacing: .05em; }
  .redline td.original::before { content: "Original"; }
  .redline td.adapted::before { content: "Adapted"; }
}
@media print {
  body { padding: 0; font-size: 11pt; }
  .redline thead th { position: static; }
  .redline tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// Writes the HTML redline of a comparison: a header with the sources and their titles, the
/// summary bar (how much of the adapted article is wire copy, reworded wire copy and new
/// material), a legend, then the two articles in aligned columns, a row a passage.
pub fn write_html(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let mut page = String::with_capacity(cmp.adapted.text.len() * 3 + STYLE.len() + 4096);
    page_head(cmp, &mut page);
    summary(cmp, &mut page);
    rows(cmp, &mut page);
    page.push_str(concat!(
        "<footer>Made by wirediff ",
        env!("CARGO_PKG_VERSION"),
        ". Unchanged passages match the wire copy word for word, house style aside (quote marks, \
         dashes, case, spacing, British or American spelling).</footer>\n</body>\n</html>\n"
    ));
    out.write_all(page.as_bytes())
}

/// The document head, the page header with both sources, and the legend.
fn page_head(cmp: &Comparison, page: &mut String) {
    let name = |d: &crate::Document| {
        d.title
            .clone()
            .unwrap_or_else(|| format!("wirediff: {}", d.source))
    };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; \
         form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"wirediff {}\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>{}</h1>\n<ul class=\"sources\">\n",
        env!("CARGO_PKG_VERSION"),
        html(&name(&cmp.adapted)),
        html(&name(&cmp.adapted)),
    );
    let _ = writeln!(
        page,
        "<li><b>Adapted:</b> {}</li>",
        source_line(&cmp.adapted)
    );
    let several = cmp.originals.len() > 1;
    for (i, doc) in cmp.originals.iter().enumerate() {
        let n = if several {
            format!(" [{}]", i + 1)
        } else {
            String::new()
        };
        let _ = writeln!(page, "<li><b>Original{n}:</b> {}</li>", source_line(doc));
    }
    page.push_str("</ul>\n</header>\n");
}

/// A document's title (when it has one) and where it came from. Only `http` and `https`
/// sources become links.
fn source_line(doc: &crate::Document) -> String {
    let source = html(&doc.source);
    let link = if doc.source.starts_with("https://") || doc.source.starts_with("http://") {
        format!("<a href=\"{source}\" rel=\"noreferrer noopener\">{source}</a>")
    } else {
        source
    };
    match super::doc_line(doc) {
        Some(meta) => format!("{} — {link}", html(&meta)),
        None => link,
    }
}

/// The summary box: the share bar, the counts, and the legend.
fn summary(cmp: &Comparison, page: &mut String) {
    let s = summarize(cmp);
    let pct = |x: f64| x * 100.0;
    page.push_str("<section class=\"summary\" aria-label=\"Summary\">\n<div class=\"bar\" role=\"img\" aria-label=\"Shares of the adapted article\">");
    for (class, share, label) in [
        ("wire", s.wire_share, "wire copy"),
        ("reworded", s.reworded_share, "reworded wire copy"),
        ("new", s.new_share, "new material"),
        ("furniture", s.furniture_share, "furniture"),
    ] {
        if share > 0.0 {
            let _ = write!(
                page,
                "<span class=\"{class}\" style=\"width:{:.1}%\" title=\"{:.0}% {label}\"></span>",
                pct(share),
                pct(share)
            );
        }
    }
    page.push_str("</div>\n");
    let furniture = if s.furniture_words > 0 {
        format!(
            ", <span class=\"swatch furniture\"></span>{:.0}% furniture",
            pct(s.furniture_share)
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        page,
        "<p class=\"shares\">Adapted article, {} words: <span class=\"swatch wire\"></span>{:.0}% wire copy, \
         <span class=\"swatch reworded\"></span>{:.0}% reworded wire copy, \
         <span class=\"swatch new\"></span><b class=\"new\">{:.0}% new</b>{furniture}.</p>",
        s.adapted_words,
        pct(s.wire_share),
        pct(s.reworded_share),
        pct(s.new_share),
    );
    let furniture_note = if s.furniture > 0 {
        format!(" ({} of them page or wire furniture)", s.furniture)
    } else {
        String::new()
    };
    let signals = if s.signals.total() > 0 {
        format!(", {} news signals", s.signals.total())
    } else {
        String::new()
    };
    let _ = writeln!(
        page,
        "<p class=\"counts\">Passages: {} unchanged, {} reworded, <b>{} inserted</b>, {} removed, {} moved{furniture_note}{signals}.</p>",
        s.unchanged, s.reworded, s.inserted, s.removed, s.moved
    );
    if let Some(note) = super::fallback_note(cmp) {
        let _ = writeln!(
            page,
            "<p class=\"fallback\"><b>Fallback:</b> {}.</p>",
            html(&note)
        );
    }
    page.push_str("</section>\n");
    page.push_str(
        "<div class=\"legend\" aria-label=\"Legend\">\
         <span><span class=\"badge inserted\">new</span> inserted: in the adapted article only</span>\
         <span><span class=\"badge removed\">cut</span> removed: in the wire copy only</span>\
         <span><span class=\"badge reworded\">edit</span> reworded: <del>deleted</del> <ins>added</ins></span>\
         <span><span class=\"badge moved\">moved</span> in another place than in the original</span>\
         <span><span class=\"flag\">⚑</span> news signal: attribution, quote, loaded word or hedge changed</span>\
         <span><span class=\"badge furniture\">page</span> furniture: credit lines, bylines, datelines, boilerplate</span>\
         </div>\n",
    );
}

/// The aligned table: one row a segment, in the adapted article's order, removed passages
/// where they were cut, a marker where each moved passage used to be, and the tail of an
/// original that the adapted article never reaches folded into one row.
fn rows(cmp: &Comparison, page: &mut String) {
    let several = cmp.originals.len() > 1;
    page.push_str(
        "<table class=\"redline\">\n<thead><tr><th class=\"kind\" scope=\"col\">Passage</th>\
         <th scope=\"col\">Original (wire copy)</th><th scope=\"col\">Adapted article</th></tr></thead>\n<tbody>\n",
    );
    // The "was here" markers, in row order: each goes before the first row at or after its
    // place.
    let origins = moved_origins(cmp);
    let mut next = origins.iter().peekable();
    let mut markers_before = |row: usize, page: &mut String| {
        while let Some(&&(at, m)) = next.peek().filter(|(at, _)| *at <= row) {
            moved_from_row(cmp, m, at, several, page);
            next.next();
        }
    };
    let mut para_class = "";
    for row in rows::rows(cmp, None) {
        match row {
            Row::Break => para_class = " para",
            Row::Segment(i, seg) => {
                markers_before(i, page);
                segment_row(cmp, i, seg, std::mem::take(&mut para_class), several, page);
            }
            Row::Tail { source, index, .. } => {
                markers_before(index, page);
                truncated_row(cmp, source, several, page);
            }
            Row::Fold(_) => unreachable!("no folding without --context"),
        }
    }
    markers_before(cmp.segments.len(), page);
    page.push_str("</tbody>\n</table>\n");
}

/// For each moved segment `m`, `(at, m)`: the row index before which its original position
/// lies, just after the last segment of the same original that came before it there and is
/// not itself moved (else before the first segment of that original). Sorted by `at`.
fn moved_origins(cmp: &Comparison) -> Vec<(usize, usize)> {
    // Per original, (first sentence, segment index) of the segments in place, sorted.
    let mut in_place: Vec<Vec<(usize, usize)>> = vec![Vec::new(); cmp.originals.len()];
    let mut first: Vec<Option<usize>> = vec![None; cmp.originals.len()];
    for (j, g) in cmp.segments.iter().enumerate() {
        if let Some((s, r)) = &g.original {
            first[*s].get_or_insert(j);
            if !g.moved {
                in_place[*s].push((r.start, j));
            }
        }
    }
    for list in &mut in_place {
        list.sort_unstable();
    }
    let mut out = Vec::new();
    for (m, seg) in cmp.segments.iter().enumerate() {
        let Some((src, range)) = seg.original.as_ref().filter(|_| seg.moved) else {
            continue;
        };
        let list = &in_place[*src];
        let before = list.partition_point(|&(start, _)| start < range.start);
        let at = match before.checked_sub(1) {
            Some(k) => list[k].1 + 1,
            None => first[*src].unwrap_or(0),
        };
        out.push((at, m));
    }
    out.sort_by_key(|&(at, _)| at);
    out
}

fn original_text(cmp: &Comparison, seg: &Segment) -> Option<String> {
    seg.original
        .as_ref()
        .map(|(s, r)| html(&clean(align::span_text(cmp.original_side(*s), r))))
}

fn adapted_text(cmp: &Comparison, seg: &Segment) -> Option<String> {
    seg.adapted
        .as_ref()
        .map(|r| html(&clean(align::span_text(cmp.adapted_side(), r))))
}

/// Why a reworded passage was paired, for the badge's tooltip: "Paired by shared words.
/// Names: ferrier. Words: offering, further, evidence."
pub(crate) fn pairing_hint(p: &super::PairingOut) -> String {
    let mut hint = match p.by {
        "position" => "Paired by position: the only unpaired sentence on each side between \
                       the same neighbours."
            .to_string(),
        "headline" => "Paired as the headline: with the wire's headline, or with the lead it \
                       restates."
            .to_string(),
        "subhead" => "Paired as a subhead: it restates a wire sentence that the passages \
                      under it draw on."
            .to_string(),
        "stems" => "Paired by shared stems and runs of words (a heavy paraphrase).".to_string(),
        "again" => "Paired by words of a wire sentence that another passage also draws on: \
                    the article made two sentences of one."
            .to_string(),
        _ => "Paired by shared words.".to_string(),
    };
    for (label, list) in [
        ("Names", &p.names),
        ("Numbers", &p.numbers),
        ("Words", &p.words),
    ] {
        if !list.is_empty() {
            let _ = write!(hint, " {label}: {}.", list.join(", "));
        }
    }
    hint
}

/// One row of the table.
fn segment_row(
    cmp: &Comparison,
    i: usize,
    seg: &Segment,
    para_class: &str,
    several: bool,
    page: &mut String,
) {
    let src = match (&seg.original, several) {
        (Some((s, _)), true) => format!("<span class=\"src\">[{}]</span>", s + 1),
        _ => String::new(),
    };
    let (mut left, mut right) = match seg.kind {
        Kind::Reworded => {
            let mut l = String::new();
            let mut r = String::new();
            for c in &seg.changes {
                let t = html(&clean(&c.text));
                match c.op {
                    Op::Equal => {
                        l.push_str(&t);
                        r.push_str(&t);
                    }
                    Op::Delete => {
                        let _ = write!(l, "<del>{t}</del>");
                    }
                    Op::Insert => {
                        let _ = write!(r, "<ins>{t}</ins>");
                    }
                }
            }
            (Some(l), Some(r))
        }
        _ => (original_text(cmp, seg), adapted_text(cmp, seg)),
    };
    let (class, badge, badge_class) = match (seg.furniture, seg.kind) {
        (Some(f), Kind::Removed) => ("furniture", format!("{} cut", f.as_str()), "furniture"),
        (Some(f), Kind::Reworded) => ("furniture", format!("{} changed", f.as_str()), "furniture"),
        (Some(f), _) => ("furniture", f.as_str().to_string(), "furniture"),
        (None, Kind::Unchanged) if seg.moved => ("unchanged moved", "moved".into(), "moved"),
        (None, Kind::Unchanged) => ("unchanged", String::new(), "unchanged"),
        (None, Kind::Reworded) if seg.moved => {
            ("reworded moved", "edit · moved".into(), "reworded")
        }
        (None, Kind::Reworded) => ("reworded", "edit".into(), "reworded"),
        (None, Kind::Inserted) => ("inserted", "new".into(), "inserted"),
        (None, Kind::Removed) => ("removed", "cut".into(), "removed"),
    };
    if seg.moved {
        let link = format!(
            "<a class=\"note\" href=\"#from-s{i}\">moved: see where it was in the original</a>"
        );
        if let Some(r) = right.as_mut() {
            r.push_str(&link);
        }
    }
    if let Some(line) = signal_line(&seg.signals) {
        let line = html(line.trim());
        let target = if seg.adapted.is_some() {
            right.as_mut()
        } else {
            left.as_mut()
        };
        if let Some(t) = target {
            let _ = write!(t, "<span class=\"signals\">{line}</span>");
        }
    }
    if let Some(l) = left.as_mut() {
        l.push_str(&src);
    }
    let cell = |side: &str, text: Option<String>| match text {
        Some(t) => format!("<td class=\"text {side}\">{t}</td>"),
        None => format!("<td class=\"text {side} empty\"></td>"),
    };
    let why = super::pairing(cmp, seg).map_or(String::new(), |p| {
        format!(" title=\"{}\"", html(&pairing_hint(&p)))
    });
    let badge = if badge.is_empty() {
        String::new()
    } else {
        format!(
            "<span class=\"badge {badge_class}\"{why}>{}</span>",
            html(&badge)
        )
    };
    let _ = writeln!(
        page,
        "<tr id=\"s{i}\" class=\"{class}{para_class}\"><td class=\"kind\">{badge}</td>{}{}</tr>",
        cell("original", left.take()),
        cell("adapted", right.take())
    );
}

/// The marker left at a moved passage's place in its original, linking to where it went.
fn moved_from_row(cmp: &Comparison, m: usize, at: usize, several: bool, page: &mut String) {
    let seg = &cmp.segments[m];
    let text = original_text(cmp, seg).unwrap_or_default();
    let src = match (&seg.original, several) {
        (Some((s, _)), true) => format!("<span class=\"src\">[{}]</span>", s + 1),
        _ => String::new(),
    };
    let way = if m < at { "above" } else { "below" };
    let _ = writeln!(
        page,
        "<tr id=\"from-s{m}\" class=\"moved-from\"><td class=\"kind\"><span class=\"badge moved\">was here</span></td>\
         <td class=\"text original\">{text}{src}<a class=\"note\" href=\"#s{m}\">moved {way} in the adapted article</a></td>\
         <td class=\"text adapted empty\"></td></tr>"
    );
}

/// The tail of original `src` that the adapted article never reaches, as one folded row.
fn truncated_row(cmp: &Comparison, src: usize, several: bool, page: &mut String) {
    let tail: Vec<&Segment> = cmp
        .segments
        .iter()
        .filter(|t| t.truncated && t.original.as_ref().is_some_and(|(s, _)| *s == src))
        .collect();
    let from = if several {
        format!(" of original [{}]", src + 1)
    } else {
        " of the original".to_string()
    };
    let sentences: usize = tail
        .iter()
        .filter_map(|t| t.original.as_ref().map(|(_, r)| r.len()))
        .sum();
    let _ = write!(
        page,
        "<tr class=\"removed truncated\"><td class=\"kind\"><span class=\"badge removed\">cut</span></td>\
         <td class=\"text original\"><details open><summary>The adapted article stops here: the last {sentences} sentences{from} are not in it</summary>"
    );
    for seg in tail {
        let _ = write!(
            page,
            "<p>{}</p>",
            original_text(cmp, seg).unwrap_or_default()
        );
    }
    page.push_str("</details></td><td class=\"text adapted empty\"></td></tr>\n");
}
