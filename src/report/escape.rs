//! Escapes for article text, one a format: nothing from a page reaches a terminal, a
//! Markdown renderer or a browser as anything but text.

/// Text for the terminal: line breaks become spaces and control characters are shown as
/// visible escapes, so article text can never drive the terminal.
pub(crate) fn clean(s: &str) -> String {
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
