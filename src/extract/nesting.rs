//! A cap on nesting depth, applied to the markup before it is parsed.
//!
//! The HTML tree builder checks scopes by scanning its stack of open elements, so a page nested
//! 100,000 deep costs it time quadratic in the depth (minutes). Browsers cap the depth of the
//! tree instead (Blink at 512). This pass does the same on the text: it follows the nesting of
//! elements with a closing tag, and past [`MAX_DEPTH`] it removes the tags of deeper elements,
//! leaving a `<br>` where a block started or ended so that text never runs together. Pages
//! within the cap (all real ones) are returned untouched, after one linear scan.

use std::borrow::Cow;

/// The deepest nesting kept, as in Blink.
pub(super) const MAX_DEPTH: usize = 512;

/// Elements whose end tag may be left out, and void elements: they are not counted, since
/// the parser closes them itself.
fn uncounted(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
            | b"br"
            | b"img"
            | b"input"
            | b"meta"
            | b"link"
            | b"hr"
            | b"area"
            | b"base"
            | b"col"
            | b"embed"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"image"
    )
}

/// Elements whose content is raw text up to their end tag.
fn raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
            | b"plaintext"
    )
}

/// Inline elements, whose tags are removed without a break.
fn inline(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"b"
            | b"i"
            | b"em"
            | b"strong"
            | b"span"
            | b"font"
            | b"u"
            | b"s"
            | b"small"
            | b"big"
            | b"sub"
            | b"sup"
            | b"code"
            | b"cite"
            | b"q"
            | b"abbr"
            | b"mark"
            | b"time"
            | b"label"
            | b"tt"
            | b"strike"
            | b"nobr"
    )
}

/// One tag found by the scan.
struct TagSpan {
    start: usize,
    end: usize,
    name_start: usize,
    name_end: usize,
    closing: bool,
    self_closing: bool,
}

/// Scans the tag that starts at `bytes[start] == b'<'`; `None` when it is not a tag (text).
fn scan_tag(bytes: &[u8], start: usize) -> Option<TagSpan> {
    let mut i = start + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !bytes.get(i).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' && bytes[i] != b'/'
    {
        i += 1;
    }
    let name_end = i;
    // Attributes: a quoted value may hold '>'.
    let mut self_closing = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => {
                return Some(TagSpan {
                    start,
                    end: i + 1,
                    name_start,
                    name_end,
                    closing,
                    self_closing,
                });
            }
            b'=' => {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if let Some(&q) = bytes.get(i).filter(|&&c| c == b'"' || c == b'\'') {
                    i += 1;
                    while i < bytes.len() && bytes[i] != q {
                        i += 1;
                    }
                    i += 1;
                }
                self_closing = false;
                continue;
            }
            b'/' => self_closing = true,
            c if !c.is_ascii_whitespace() => self_closing = false,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Finds `</name` (any case) from `from`, returning its position, or the end of the text.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let after = at + 2;
        if bytes.get(at + 1) == Some(&b'/')
            && bytes.len() >= after + name.len()
            && bytes[after..after + name.len()].eq_ignore_ascii_case(name)
        {
            return at;
        }
        i = at + 1;
    }
    bytes.len()
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

/// The page with nesting deeper than [`MAX_DEPTH`] removed; the page itself when it is within.
pub(super) fn cap_depth(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut out: Option<String> = None;
    // Bytes up to `copied` are already in `out`.
    let mut copied = 0usize;
    // How many open elements had their start tag removed.
    let mut removed = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            i = match memchr::memmem::find(&bytes[at + 4..], b"-->") {
                Some(e) => at + 4 + e + 3,
                None => bytes.len(),
            };
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = match memchr_gt(&bytes[at..]) {
                Some(e) => at + e + 1,
                None => bytes.len(),
            };
            continue;
        }
        let Some(tag) = scan_tag(bytes, at) else {
            i = at + 1;
            continue;
        };
        let mut name = [0u8; 16];
        let len = (tag.name_end - tag.name_start).min(16);
        name[..len].copy_from_slice(&bytes[tag.name_start..tag.name_start + len]);
        name[..len].make_ascii_lowercase();
        let name = &name[..len];
        i = tag.end;
        if !tag.closing && raw_text(name) {
            i = find_end_tag(bytes, i, name);
            continue;
        }
        if uncounted(name) || (tag.self_closing && !tag.closing) {
            continue;
        }
        let drop = if tag.closing {
            if removed > 0 {
                removed -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            removed += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..tag.start]);
            if !inline(name) {
                o.push_str("<br>");
            }
            copied = tag.end;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(html),
    }
}

fn memchr_gt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'>', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_the_cap_are_untouched() {
        let html = r#"<div a="x>y"><!-- <div> --><script>"<div>"</script><p>Hi<br/></div>"#;
        assert!(matches!(cap_depth(html), Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_tags_are_removed_and_blocks_leave_a_break() {
        let depth = MAX_DEPTH + 3;
        let html = format!(
            "{}<span>a</span><div>b</div>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let capped = cap_depth(&html);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(
            capped.contains("a<br>b<br>"),
            "{}",
            &capped[capped.len() / 2 - 60..]
        );
    }
}
