//! The compact JSON report written by hand: the bytes serde_json writes for a [`Report`](super::Report)
//! (`--format json`), without building the report first or going through serde's
//! per-field machinery for every segment.
//!
//! A report is mostly article text (each document's text and both sides of every segment),
//! so most of its cost is escaping strings: [`push_json_str`] does it in one pass where
//! serde_json and [`SafeJson`](super::escape::SafeJson) took two. The small parts
//! (summary, fallback, signals) still go through serde, so their shape has one source.
//! The pretty report (`--pretty`, corpus reports) goes through serde whole.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter};

use super::escape::{SafeJson, push_json_str, push_json_str_content};
use super::{fallback, sides, summarize};
use crate::{Comparison, Document};

/// Bytes gathered before they are handed to the writer.
const FLUSH_AT: usize = 64 * 1024;

/// Writes the compact JSON report of a comparison, without a newline: the same bytes as
/// serializing [`Report::new`](super::Report::new) through [`write_json_value`](super::write_json_value).
pub(crate) fn write_compact(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(FLUSH_AT + FLUSH_AT / 4);
    let b = &mut buf;
    b.extend_from_slice(b"{\"version\":1,\"originals\":[");
    for (i, (d, s)) in cmp
        .originals
        .iter()
        .zip(&cmp.original_sentences)
        .enumerate()
    {
        if i > 0 {
            b.push(b',');
        }
        doc(b, d, s.len(), out)?;
        flush_if_full(b, out)?;
    }
    b.extend_from_slice(b"],\"adapted\":");
    doc(b, &cmp.adapted, cmp.adapted_sentences.len(), out)?;
    b.extend_from_slice(b",\"summary\":");
    serde(b, &summarize(cmp))?;
    if let Some(f) = fallback(cmp) {
        b.extend_from_slice(b",\"fallback\":");
        serde(b, &f)?;
    }
    b.extend_from_slice(b",\"segments\":[");
    for (i, seg) in cmp.segments.iter().enumerate() {
        if i > 0 {
            b.push(b',');
        }
        b.extend_from_slice(b"{\"kind\":");
        push_json_str(b, seg.kind.as_str());
        b.extend_from_slice(if seg.moved {
            b",\"moved\":true,\"similarity\":"
        } else {
            b",\"moved\":false,\"similarity\":"
        });
        match seg.similarity {
            Some(x) if x.is_finite() => CompactFormatter.write_f64(b, x)?,
            _ => b.extend_from_slice(b"null"),
        }
        let (adapted, original) = sides(cmp, seg);
        b.extend_from_slice(b",\"adapted\":");
        match adapted {
            Some(span) => {
                b.extend_from_slice(b"{\"text\":");
                push_json_str(b, span.text);
                span_ends(b, span.start, span.end)?;
            }
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\"original\":");
        match original {
            Some(span) => {
                b.extend_from_slice(b"{\"source\":");
                number(b, span.source)?;
                b.extend_from_slice(b",\"text\":");
                push_json_str(b, span.text);
                span_ends(b, span.start, span.end)?;
            }
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\"changes\":[");
        for (j, c) in seg.changes.iter().enumerate() {
            if j > 0 {
                b.push(b',');
            }
            b.extend_from_slice(b"{\"op\":");
            push_json_str(b, c.op.as_str());
            b.extend_from_slice(b",\"text\":");
            push_json_str(b, &c.text);
            b.push(b'}');
        }
        b.extend_from_slice(b"],\"furniture\":");
        match seg.furniture {
            Some(f) => push_json_str(b, f.as_str()),
            None => b.extend_from_slice(b"null"),
        }
        b.extend_from_slice(b",\"signals\":");
        if seg.signals.is_empty() {
            b.extend_from_slice(b"[]");
        } else {
            serde(b, &seg.signals)?;
        }
        b.extend_from_slice(if seg.truncated {
            b",\"truncated\":true"
        } else {
            b",\"truncated\":false"
        });
        if let Some(p) = super::pairing(cmp, seg) {
            b.extend_from_slice(b",\"pairing\":{\"by\":");
            push_json_str(b, p.by);
            for (name, list) in [
                (&b",\"names\":["[..], &p.names),
                (b",\"numbers\":[", &p.numbers),
                (b",\"words\":[", &p.words),
            ] {
                b.extend_from_slice(name);
                for (j, w) in list.iter().enumerate() {
                    if j > 0 {
                        b.push(b',');
                    }
                    push_json_str(b, w);
                }
                b.push(b']');
            }
            b.push(b'}');
        }
        b.push(b'}');
        flush_if_full(b, out)?;
    }
    b.extend_from_slice(b"]}");
    out.write_all(b)
}

/// A [`DocInfo`](super::DocInfo); its text goes to `out` a piece at a time, so that the
/// buffer never holds a long document whole.
fn doc(b: &mut Vec<u8>, d: &Document, sentences: usize, out: &mut dyn Write) -> io::Result<()> {
    b.extend_from_slice(b"{\"source\":");
    push_json_str(b, &d.source);
    for (name, value) in [
        (&b",\"title\":"[..], &d.title),
        (b",\"byline\":", &d.byline),
        (b",\"date\":", &d.date),
        (b",\"language\":", &d.language),
    ] {
        b.extend_from_slice(name);
        match value {
            Some(t) => push_json_str(b, t),
            None => b.extend_from_slice(b"null"),
        }
    }
    b.extend_from_slice(b",\"text\":\"");
    let mut rest = d.text.as_str();
    while !rest.is_empty() {
        let mut cut = rest.len().min(FLUSH_AT / 4);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (piece, after) = rest.split_at(cut);
        push_json_str_content(b, piece);
        flush_if_full(b, out)?;
        rest = after;
    }
    b.extend_from_slice(b"\",\"sentences\":");
    number(b, sentences)?;
    b.push(b'}');
    Ok(())
}

/// The `start` and `end` of a span, and its closing brace.
fn span_ends(b: &mut Vec<u8>, start: usize, end: usize) -> io::Result<()> {
    b.extend_from_slice(b",\"start\":");
    number(b, start)?;
    b.extend_from_slice(b",\"end\":");
    number(b, end)?;
    b.push(b'}');
    Ok(())
}

/// A count or offset, as serde_json writes a `usize`.
fn number(b: &mut Vec<u8>, n: usize) -> io::Result<()> {
    CompactFormatter.write_u64(b, n as u64)
}

/// A small part of the report through serde, compact and through [`SafeJson`] as
/// [`write_json_value`](super::write_json_value) writes it.
fn serde<T: Serialize + ?Sized>(b: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(b, SafeJson(CompactFormatter));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Hands the gathered bytes to the writer once there are enough of them, so a long report
/// is not held whole in memory twice.
fn flush_if_full(b: &mut Vec<u8>, out: &mut dyn Write) -> io::Result<()> {
    if b.len() >= FLUSH_AT {
        out.write_all(b)?;
        b.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;
    use crate::report::{Report, write_json_value};
    use crate::{Options, Source};

    /// The report as serde_json writes it: what [`write_compact`] must match byte for byte.
    fn by_serde(cmp: &Comparison) -> Vec<u8> {
        let mut out = Vec::new();
        write_json_value(&mut out, &Report::new(cmp), false).unwrap();
        out
    }

    fn by_hand(cmp: &Comparison) -> Vec<u8> {
        let mut out = Vec::new();
        write_compact(cmp, &mut out).unwrap();
        out
    }

    fn assert_same(cmp: &Comparison) {
        let (want, got) = (by_serde(cmp), by_hand(cmp));
        assert!(
            want == got,
            "serde:\n{}\nby hand:\n{}",
            String::from_utf8_lossy(&want),
            String::from_utf8_lossy(&got)
        );
    }

    #[test]
    fn fixture_pairs_match_serde() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pairs");
        let mut seen = 0;
        for pair in std::fs::read_dir(dir).unwrap() {
            let mut files: Vec<_> = std::fs::read_dir(pair.unwrap().path())
                .unwrap()
                .map(|f| f.unwrap().path())
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    name.starts_with("original") || name.starts_with("adapted")
                })
                .collect();
            files.sort();
            let Some(i) = files.iter().position(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("adapted")
            }) else {
                continue;
            };
            let adapted = Source::Path(files.remove(i));
            let originals: Vec<_> = files.into_iter().map(Source::Path).collect();
            let cmp = crate::Loader::default()
                .compare(&originals, &adapted, &Options::default())
                .unwrap();
            assert!(!cmp.segments.is_empty());
            assert_same(&cmp);
            seen += 1;
        }
        assert!(seen >= 9, "{seen} pairs");
    }

    /// Article text with everything a JSON string must escape, and what it must not.
    const HOSTILE: &str = "Officials \"confirmed\" the figures on Monday.\n\n\
        The mayor \x1b[31mdenied\x1b[0m the C:\\report.\x07\x08\x0c\r\x7f Really.\n\n\
        A \u{202E}txt.exe\u{202C} and \u{2066}isolates\u{2069}, marks\u{200E}\u{200F}, \
        separators\u{2028}\u{2029} — “curly” ‘quotes’ … €5 ☃ 🦀.\n\n\
        The end\u{2027}\u{202F}\u{2065}\u{206A}\u{200D}.";

    #[test]
    fn hostile_text_matches_serde() {
        let original = Document::from_text(
            "wire \"1\".txt",
            "Officials confirmed the figures on Monday.\n\nThe mayor denied the report.\n\nThe end.",
        );
        let mut adapted = Document::from_text("<img src=x>\u{202E}.txt", HOSTILE);
        adapted.title = Some("A \"title\"\u{2028}\t\u{1F980}".into());
        let cmp = crate::compare(vec![original], adapted, &Options::default());
        assert!(cmp.segments.iter().any(|s| !s.changes.is_empty()));
        assert_same(&cmp);
        let json = String::from_utf8(by_hand(&cmp)).unwrap();
        assert!(json.contains("\\u202e") && json.contains("\\u001b") && json.contains("“curly”"));
    }

    /// A document text longer than the buffer goes out in pieces: pieces cut next to a
    /// character of two, three or four bytes and next to escaped characters still make the
    /// bytes serde_json writes, and the pieces are never held whole.
    #[test]
    fn long_texts_go_out_in_pieces_as_serde_writes_them() {
        for shift in 0..4 {
            let mut text = "x".repeat(shift);
            while text.len() < 3 * FLUSH_AT + 100 {
                text.push_str(HOSTILE);
                text.push_str("\n\n");
            }
            let original = Document::from_text("o", HOSTILE);
            let adapted = Document::from_text("a", &text);
            let cmp = crate::compare(vec![original], adapted, &Options::default());
            assert_same(&cmp);
        }
        // Writes of the buffer's size and a piece more (a piece of text may grow sixfold
        // when escaped), not of the whole text.
        struct Largest(usize);
        impl Write for Largest {
            fn write(&mut self, b: &[u8]) -> io::Result<usize> {
                self.0 = self.0.max(b.len());
                Ok(b.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let text = HOSTILE.repeat(3 * FLUSH_AT / HOSTILE.len() + 1);
        let doc = Document::from_text("a", &text);
        let cmp = crate::compare(vec![doc.clone()], doc, &Options::default());
        let mut largest = Largest(0);
        write_compact(&cmp, &mut largest).unwrap();
        assert!(largest.0 < 2 * FLUSH_AT, "{} bytes at once", largest.0);
        assert!(text.len() > 3 * FLUSH_AT);
    }

    #[test]
    fn fallback_and_signals_match_serde() {
        let original = Document::from_text(
            "o",
            "Xi said the talks went well. He gave no details.\n\nMarkets fell on Friday.\n\n\
             The Associated Press contributed to this report.",
        );
        let adapted = Document::from_text(
            "a",
            "Xi claimed the talks allegedly went well. He gave no details at all.\n\n\
             The globalist cabal lost. Markets fell on Friday.",
        );
        let cut = Options {
            time_limit: Some(Duration::ZERO),
            ..Options::default()
        };
        let cmp = crate::compare(vec![original.clone()], adapted.clone(), &cut);
        assert!(!cmp.fallbacks.is_empty());
        assert_same(&cmp);
        let cmp = crate::compare(vec![original], adapted, &Options::default());
        assert!(cmp.segments.iter().any(|s| !s.signals.is_empty()));
        assert_same(&cmp);
    }

    #[test]
    fn strings_match_serde_at_every_offset() {
        // Each awkward character at every position of the sixteen-byte scan, and at the end.
        let odd = [
            "\"", "\\", "\n", "\t", "\r", "\x00", "\x08", "\x0c", "\x1f", "\x7f", "\u{80}",
            "\u{200D}", "\u{200E}", "\u{200F}", "\u{2010}", "\u{2027}", "\u{2028}", "\u{2029}",
            "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}",
            "\u{20AC}", "\u{E200}", "’", "🦀",
        ];
        for c in odd {
            for pad in 0..33 {
                let s = format!("{}{c}{}", "a".repeat(pad), "b".repeat(33 - pad));
                for t in [s.as_str(), &s[..pad + c.len()], c] {
                    let mut want = Vec::new();
                    write_json_value(&mut want, t, false).unwrap();
                    let mut got = Vec::new();
                    push_json_str(&mut got, t);
                    assert_eq!(want, got, "{t:?}");
                }
            }
        }
    }

    /// Text mostly of the characters the escapes care about.
    fn awkward() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            4 => any::<char>().prop_map(String::from),
            4 => "[a-z .]",
            1 => "[\"\\\\\\x00-\\x1f\\x7f]",
            2 => "[\u{2000}-\u{206f}’“”—]",
        ];
        proptest::collection::vec(c, 0..80).prop_map(|cs| cs.concat())
    }

    proptest! {
        #[test]
        fn any_string_matches_serde(s in awkward()) {
            let mut want = Vec::new();
            write_json_value(&mut want, s.as_str(), false).unwrap();
            let mut got = Vec::new();
            push_json_str(&mut got, &s);
            prop_assert_eq!(want, got);
        }

        #[test]
        fn any_comparison_matches_serde(
            original in proptest::collection::vec(awkward(), 1..6),
            adapted in proptest::collection::vec(awkward(), 1..6),
        ) {
            let original = Document::from_text("o", &original.join(". Then "));
            let adapted = Document::from_text("a", &adapted.join(". Then "));
            let cmp = crate::compare(vec![original], adapted, &Options::default());
            prop_assert_eq!(by_serde(&cmp), by_hand(&cmp));
        }
    }
}
