//! What `wirediff extract` prints.

use std::io::{self, Write};

use serde::Serialize;

use super::escape::{clean, clean_keep_lines};

/// What `wirediff extract` shows of a document, as JSON: source, title, byline, date, language, the
/// extractor that found the text, the text (paragraphs separated by blank lines), the number
/// of paragraphs, and the captions kept apart.
#[derive(Debug, Serialize)]
pub struct ExtractOut<'a> {
    /// The source as the user gave it (a path, `-`, or a URL).
    pub source: &'a str,
    /// The title, where the input has one.
    pub title: Option<&'a str>,
    /// The byline, where the page gives one.
    pub byline: Option<&'a str>,
    /// The publication date in ISO 8601, where the page gives one wirediff can read.
    pub date: Option<&'a str>,
    /// The publication date as the page wrote it.
    pub date_text: Option<&'a str>,
    /// The language of the text (ISO 639-1, else 639-3), declared or detected.
    pub language: Option<&'a str>,
    /// Which path found the text (`json-ld`, `readability`, `text`...).
    pub extractor: &'a str,
    /// The article text, paragraphs separated by blank lines.
    pub text: &'a str,
    /// How many paragraphs the text has.
    pub paragraphs: usize,
    /// Image captions and photo credits, kept apart from `text`.
    pub captions: &'a [String],
}

/// The [`ExtractOut`] of a document, as a JSON value.
pub fn extract_json(doc: &crate::Document) -> serde_json::Value {
    serde_json::to_value(ExtractOut {
        source: &doc.source,
        title: doc.title.as_deref(),
        byline: doc.byline.as_deref(),
        date: doc.date.as_deref(),
        date_text: doc.date_text.as_deref(),
        language: doc.language.as_deref(),
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
        ("Date:     ", date_line(doc).as_deref()),
        ("Language: ", doc.language.as_deref()),
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

/// The date as `extract` shows it: ISO 8601, with the page's own words beside it when they
/// differ; the page's words alone when they do not read as a date.
fn date_line(doc: &crate::Document) -> Option<String> {
    match (&doc.date, &doc.date_text) {
        (Some(iso), Some(text)) if iso != text => Some(format!("{iso} ({text})")),
        (Some(iso), _) => Some(iso.clone()),
        (None, Some(text)) => Some(format!("{text} (not read as a date)")),
        (None, None) => None,
    }
}
