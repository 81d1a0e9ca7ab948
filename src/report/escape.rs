//! Escapes for article text, one a format: nothing from a page reaches a terminal, a
//! Markdown renderer or a browser as anything but text.

use std::io;

/// Text for the terminal: line breaks become spaces and control characters are shown as
/// visible escapes, so article text can never drive the terminal.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            // Control characters (ESC and the rest) and the bidirectional overrides that can
            // reorder what a reader sees are shown as escapes, never passed through.
            c if c.is_control() || is_bidi_control(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// Like [`clean`], but keeps line breaks.
pub(crate) fn clean_keep_lines(s: &str) -> String {
    s.split('\n').map(clean).collect::<Vec<_>>().join("\n")
}

/// Escapes article text for Markdown: no markup, no HTML, no table breaks, one line.
pub(crate) fn md(s: &str) -> String {
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

/// Escapes text for HTML element content and quoted attribute values. Run [`clean`] first to
/// show control characters and bidirectional overrides as visible escapes.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether a character can reorder or hide what a reader sees: bidirectional overrides,
/// embeddings, isolates and marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A JSON formatter that writes bidirectional controls and the two JavaScript line
/// separators as `\uXXXX` escapes. The strings mean exactly what they meant (a JSON reader
/// gets the same text back, so spans still slice it), but the JSON itself, shown in a
/// terminal or pasted into a page, cannot reorder what a reader sees. serde_json already
/// escapes the control characters.
pub(crate) struct SafeJson<F>(pub F);

macro_rules! delegate {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {
        $(fn $name<W: ?Sized + io::Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        })*
    };
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for SafeJson<F> {
    delegate! {
        begin_array();
        end_array();
        begin_array_value(first: bool);
        end_array_value();
        begin_object();
        end_object();
        begin_object_key(first: bool);
        end_object_key();
        begin_object_value();
        end_object_value();
    }

    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every character escaped here is three bytes in UTF-8 starting with 0xE2
        // (U+200E, U+200F, U+2028 to U+202E, U+2066 to U+2069): only those bytes are looked at.
        let b = fragment.as_bytes();
        let mut done = 0;
        for i in memchr::memchr_iter(0xE2, b) {
            let c = match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(&x @ (0x8E | 0x8F | 0xA8..=0xAE))) => {
                    0x2000 + u32::from(x - 0x80)
                }
                (Some(0x81), Some(&x @ 0xA6..=0xA9)) => 0x2040 + u32::from(x - 0x80),
                _ => continue,
            };
            w.write_all(&b[done..i])?;
            write!(w, "\\u{c:04x}")?;
            done = i + 3;
        }
        w.write_all(&b[done..])
    }
}

/// Appends `s` to `buf` as a JSON string: the bytes serde_json writes through [`SafeJson`]
/// (quotes, backslashes and control characters escaped as serde_json escapes them, the
/// characters [`SafeJson`] escapes as `\uXXXX`), in one pass over the text instead of two.
/// Report text is mostly article text, so this scan is most of what a JSON report costs:
/// clean runs are found sixteen bytes at a time and copied whole.
pub(crate) fn push_json_str(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    push_json_str_content(buf, s);
    buf.push(b'"');
}

/// [`push_json_str`] without the quotes: a JSON string's content. The content of a string
/// is that of its pieces, cut anywhere between characters, one after the other.
pub(crate) fn push_json_str_content(buf: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    // `done`: the first byte not yet copied; `i`: where to look next.
    let (mut done, mut i) = (0, 0);
    loop {
        i = next_special(b, i);
        let Some(&byte) = b.get(i) else { break };
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0xE2 => {
                // As in SafeJson::write_string_fragment: U+200E, U+200F, U+2028 to U+202E,
                // U+2066 to U+2069; every other character led by 0xE2 (curly quotes, dashes)
                // is kept as it is.
                let low = match (b.get(i + 1), b.get(i + 2)) {
                    (Some(0x80), Some(&x @ (0x8E | 0x8F | 0xA8..=0xAE))) => x - 0x80,
                    (Some(0x81), Some(&x @ 0xA6..=0xA9)) => x - 0x40,
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                buf.extend_from_slice(&b[done..i]);
                buf.extend_from_slice(&[b'\\', b'u', b'2', b'0', hex(low >> 4), hex(low & 15)]);
                i += 3;
                done = i;
                continue;
            }
            c => {
                buf.extend_from_slice(&b[done..i]);
                buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(c >> 4), hex(c & 15)]);
                i += 1;
                done = i;
                continue;
            }
        };
        buf.extend_from_slice(&b[done..i]);
        buf.extend_from_slice(escape);
        i += 1;
        done = i;
    }
    buf.extend_from_slice(&b[done..]);
}

/// A lower-case hex digit, as serde_json and [`SafeJson`] write them.
fn hex(d: u8) -> u8 {
    b"0123456789abcdef"[usize::from(d)]
}

/// Whether [`push_json_str`] must look at a byte: a control character, `"`, `\\`, or 0xE2,
/// the first byte of every character [`SafeJson`] escapes.
fn is_special(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\' || byte == 0xE2
}

const ONES: u64 = u64::from_ne_bytes([1; 8]);
const HIGHS: u64 = ONES * 0x80;

/// The high bit of every byte of `w` (eight bytes read little-endian) that [`is_special`],
/// and maybe of some bytes after one: each test below is exact up to its first match, then
/// its borrow can mark later bytes wrongly. So the lowest mark of all is the first special
/// byte, and no mark means none. Flipping bit 1 maps `"` (0x22) to 0x20 and the control
/// characters onto themselves, and nothing else below 0x21: one test finds both.
fn special_marks(w: u64) -> u64 {
    let below = |v: u64, n: u64| v.wrapping_sub(ONES * n) & !v;
    (below(w ^ (ONES * 0x02), 0x21)
        | below(w ^ (ONES * u64::from(b'\\')), 1)
        | below(w ^ (ONES * 0xE2), 1))
        & HIGHS
}

/// The index of the first byte at or after `i` that [`is_special`], or `b.len()`: sixteen
/// bytes at a time (two words tested together), then a byte at a time for the last few.
fn next_special(b: &[u8], mut i: usize) -> usize {
    let word = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("eight bytes"));
    while i + 16 <= b.len() {
        let (lo, hi) = (special_marks(word(i)), special_marks(word(i + 8)));
        if lo | hi != 0 {
            let first = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return i + first as usize / 8;
        }
        i += 16;
    }
    while i < b.len() && !is_special(b[i]) {
        i += 1;
    }
    i
}

/// Writes a value as JSON through its escaping writer, pretty or compact, without a newline.
pub fn write_json_value<T: serde::Serialize + ?Sized>(
    out: &mut dyn io::Write,
    value: &T,
    pretty: bool,
) -> io::Result<()> {
    // Through a buffer: serde_json's many small writes are inlined copies into it, not
    // calls through `dyn Write`.
    let mut buf = io::BufWriter::with_capacity(32 * 1024, out);
    if pretty {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut buf,
            SafeJson(serde_json::ser::PrettyFormatter::new()),
        );
        value.serialize(&mut ser).map_err(io::Error::from)?;
    } else {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut buf,
            SafeJson(serde_json::ser::CompactFormatter),
        );
        value.serialize(&mut ser).map_err(io::Error::from)?;
    }
    io::Write::flush(&mut buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_bidi_controls_and_reads_back_the_same() {
        let text = "a\u{202E}b\u{2066}c\u{2028}d \x1b[31m e — “f”";
        for pretty in [false, true] {
            let mut out = Vec::new();
            write_json_value(&mut out, &serde_json::json!({ "t": text }), pretty).unwrap();
            let s = String::from_utf8(out).unwrap();
            assert!(s.contains("\\u202e") && s.contains("\\u2066") && s.contains("\\u2028"));
            assert!(!s.contains('\u{202E}') && !s.contains('\x1b'), "{s}");
            assert!(s.contains("— “f”"), "other text is kept as it is: {s}");
            let back: serde_json::Value = serde_json::from_str(&s).unwrap();
            assert_eq!(back["t"], text);
        }
    }

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x" onclick='y'>&</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
