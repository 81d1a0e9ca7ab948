//! JUnit XML for CI test reporters: one test case a pair; unmet expectations are a
//! `<failure>`, a pair that could not be compared an `<error>`.

use std::io::{self, Write};

use super::{CorpusSummary, PairOutcome, Status};

/// Writes the summary as JUnit XML: one `<testsuite>` (named after the corpus and its part),
/// one `<testcase>` a pair (`classname` the corpus, `name` the pair's id), in id order.
pub fn write_junit(summary: &CorpusSummary, out: &mut dyn Write) -> io::Result<()> {
    let t = &summary.totals;
    let name = match summary.partition {
        Some(p) => format!("wirediff corpus {} (part {p})", summary.corpus),
        None => format!("wirediff corpus {}", summary.corpus),
    };
    let time: f64 = summary.pairs.iter().filter_map(|p| p.seconds).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="{}" tests="{}" failures="{}" errors="{}" time="{time:.3}">"#,
        attr(&name),
        t.pairs,
        t.failed,
        t.errors
    )?;
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{}" errors="{}" skipped="0" time="{time:.3}">"#,
        attr(&name),
        t.pairs,
        t.failed,
        t.errors
    )?;
    for p in &summary.pairs {
        write_case(&summary.corpus, p, out)?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

fn write_case(corpus: &str, p: &PairOutcome, out: &mut dyn Write) -> io::Result<()> {
    write!(
        out,
        r#"    <testcase classname="{}" name="{}""#,
        attr(corpus),
        attr(&p.id)
    )?;
    if let Some(s) = p.seconds {
        write!(out, r#" time="{s:.3}""#)?;
    }
    writeln!(out, ">")?;
    match p.status {
        Status::Pass => {}
        Status::Fail => {
            let unmet: Vec<_> = p.unmet().collect();
            let message = format!(
                "{} of {} expectations unmet: {}",
                unmet.len(),
                p.expectations.len(),
                unmet
                    .iter()
                    .map(|c| c.expect.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            let mut body = String::new();
            for c in &p.expectations {
                body.push_str(if c.met { "met:   " } else { "UNMET: " });
                body.push_str(&c.expect);
                if let Some(found) = &c.found {
                    body.push_str(" (");
                    body.push_str(found);
                    body.push(')');
                }
                body.push('\n');
            }
            writeln!(
                out,
                r#"      <failure type="expectation" message="{}">{}</failure>"#,
                attr(&message),
                text(&body)
            )?;
        }
        Status::Error => {
            let message = p.error.as_deref().unwrap_or("could not be compared");
            writeln!(
                out,
                r#"      <error type="unreadable" message="{}">{}</error>"#,
                attr(message),
                text(message)
            )?;
        }
    }
    let mut sysout = String::new();
    if !p.originals.is_empty() {
        sysout.push_str(&format!("originals: {}\n", p.originals.join(", ")));
    }
    if let Some(a) = &p.adapted {
        sysout.push_str(&format!("adapted: {a}\n"));
    }
    if let Some(s) = &p.summary {
        sysout.push_str(&format!(
            "{} unchanged, {} reworded, {} inserted, {} removed, {} moved; {:.0}% of {} words new\n",
            s.unchanged,
            s.reworded,
            s.inserted,
            s.removed,
            s.moved,
            s.new_share * 100.0,
            s.adapted_words
        ));
    }
    if !sysout.is_empty() {
        writeln!(out, "      <system-out>{}</system-out>", text(&sysout))?;
    }
    writeln!(out, "    </testcase>")
}

/// Escapes text content: `&`, `<`, `>`, and characters XML 1.0 does not allow.
fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an attribute value: as text, plus quotes, and line breaks and tabs as character
/// references so that they survive attribute normalization.
fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' if in_attr => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            '\t' | '\n' | '\r' => out.push(c),
            // Not allowed in XML 1.0, not even as a character reference: shown as an escape.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {
                out.extend(c.escape_unicode())
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_characters_xml_forbids() {
        assert_eq!(text("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(
            attr("say \"x\"\n'y'"),
            "say &quot;x&quot;&#10;&apos;y&apos;"
        );
        assert_eq!(
            text("bell\u{7}esc\u{1b}nul\0"),
            "bell\\u{7}esc\\u{1b}nul\\u{0}"
        );
        assert_eq!(text("\u{FFFF}ok\ttab"), "\\u{ffff}ok\ttab");
        // Other non-ASCII text passes through: the document is UTF-8.
        assert_eq!(attr("Zelenskyy – “puppet”"), "Zelenskyy – “puppet”");
    }
}
