//! Stage 2, **extract**: the article text of a loaded input, as paragraphs.
//!
//! Plain text and Markdown keep their text as it is (line endings made `\n`), with paragraphs
//! separated by blank lines. HTML goes through a first extractor on `scraper`: the title, and
//! the paragraphs of the `<article>` (else `<main>`, else `<body>`), leaving out scripts,
//! styles, navigation, footers, asides and forms.

use std::ops::Range;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::error::{Error, Result};
use crate::load::{Format, Loaded};

/// An article as wirediff reads it: its text and where its paragraphs lie in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The source as the user gave it (a path, `-`, or a URL).
    pub source: String,
    /// The title, where the input has one (HTML only for now).
    pub title: Option<String>,
    /// The article text. Every span in a report is a byte range of this string.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Range<usize>>,
}

impl Document {
    /// Builds a document from plain text: paragraphs are separated by blank lines.
    pub fn from_text(source: impl Into<String>, text: &str) -> Document {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let paragraphs = text_paragraphs(&text);
        Document {
            source: source.into(),
            title: None,
            text,
            paragraphs,
        }
    }

    /// Extracts the article of an HTML page: title and body paragraphs.
    pub fn from_html(source: impl Into<String>, html: &str) -> Document {
        let page = Html::parse_document(html);
        let root = article_root(&page);
        let title = page_title(&page, root);
        let blocks = root.map(collect_blocks).unwrap_or_default();
        let mut text = String::new();
        let mut paragraphs = Vec::with_capacity(blocks.len());
        for block in blocks {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&block);
            paragraphs.push(start..text.len());
        }
        Document {
            source: source.into(),
            title,
            text,
            paragraphs,
        }
    }

    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        &self.text[self.paragraphs[i].clone()]
    }
}

/// Turns loaded text into a document according to its format. Fails when no text is left.
pub fn extract(loaded: &Loaded) -> Result<Document> {
    let doc = match loaded.format {
        Format::Html => Document::from_html(&loaded.source, &loaded.text),
        Format::Text | Format::Markdown => Document::from_text(&loaded.source, &loaded.text),
    };
    if doc.paragraphs.is_empty() {
        return Err(Error::Empty {
            source_name: loaded.source.clone(),
        });
    }
    Ok(doc)
}

/// Byte ranges of blank-line-separated paragraphs, each trimmed of whitespace.
fn text_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            out.extend(current.take());
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = pos + lead;
            let end = start + content.len();
            match &mut current {
                Some(r) => r.end = end,
                None => current = Some(start..end),
            }
        }
        pos += line.len();
    }
    out.extend(current);
    out
}

/// Elements whose whole subtree is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "svg",
    "canvas",
    "head",
    "figcaption",
    "object",
    "embed",
];

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "figure",
    "address",
    "center",
    "hr",
    "br",
    "body",
];

fn article_root(page: &Html) -> Option<ElementRef<'_>> {
    let biggest = |sel: &str| {
        let selector = Selector::parse(sel).expect("static selector");
        page.select(&selector)
            .max_by_key(|e| e.text().map(str::len).sum::<usize>())
    };
    biggest("article")
        .or_else(|| biggest("main"))
        .or_else(|| biggest("body"))
        .or_else(|| Some(page.root_element()))
}

fn page_title(page: &Html, root: Option<ElementRef<'_>>) -> Option<String> {
    let h1 = Selector::parse("h1").expect("static selector");
    let og = Selector::parse(r#"meta[property="og:title"]"#).expect("static selector");
    let title = Selector::parse("title").expect("static selector");
    let clean = |s: String| {
        let s = collapse_whitespace(&s);
        (!s.is_empty()).then_some(s)
    };
    root.and_then(|r| r.select(&h1).next())
        .and_then(|e| clean(e.text().collect()))
        .or_else(|| {
            page.select(&og)
                .next()
                .and_then(|e| e.value().attr("content"))
                .and_then(|c| clean(c.to_string()))
        })
        .or_else(|| {
            page.select(&title)
                .next()
                .and_then(|e| clean(e.text().collect()))
        })
}

/// Walks the subtree without recursion (pages can nest deeply) and gathers text blocks.
fn collect_blocks(root: ElementRef<'_>) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut skip_depth = 0usize;
    let flush = |buf: &mut String, blocks: &mut Vec<String>| {
        let block = collapse_whitespace(buf);
        if !block.is_empty() {
            blocks.push(block);
        }
        buf.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if skip_depth > 0 || SKIPPED.contains(&e.name()) => {
                    skip_depth += 1
                }
                Node::Element(e) if BLOCKS.contains(&e.name()) => flush(&mut buf, &mut blocks),
                Node::Text(t) if skip_depth == 0 => buf.push_str(t),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if skip_depth > 0 => skip_depth -= 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => flush(&mut buf, &mut blocks),
                _ => {}
            },
        }
    }
    flush(&mut buf, &mut blocks);
    blocks
}

/// Collapses every run of whitespace to one space and trims the ends.
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_paragraphs_are_blank_line_separated_and_trimmed() {
        let doc = Document::from_text("t", "  First line\nwrapped.\n\n\n Second.  \r\n \r\nThird.");
        let paras: Vec<&str> = (0..doc.paragraphs.len())
            .map(|i| doc.paragraph(i))
            .collect();
        assert_eq!(paras, ["First line\nwrapped.", "Second.", "Third."]);
    }

    #[test]
    fn html_keeps_article_paragraphs_and_drops_furniture() {
        let html = r##"<html><head><title>Site | Story</title><style>p{}</style></head>
            <body><nav><p>Home News Sport</p></nav>
            <article><h1>Xi calls for effort</h1><p>First  paragraph, with <a href="#">a link</a>.</p>
            <script>var x = "<p>no</p>";</script><p>Second<br>line.</p></article>
            <footer><p>Copyright</p></footer></body></html>"##;
        let doc = Document::from_html("page.html", html);
        assert_eq!(doc.title.as_deref(), Some("Xi calls for effort"));
        let paras: Vec<&str> = (0..doc.paragraphs.len())
            .map(|i| doc.paragraph(i))
            .collect();
        assert_eq!(
            paras,
            [
                "Xi calls for effort",
                "First paragraph, with a link.",
                "Second",
                "line."
            ]
        );
    }

    #[test]
    fn html_without_article_uses_body_and_decodes_entities() {
        let doc = Document::from_html("p", "<body><p>Caf&eacute; &amp; bar&#8217;s.</p></body>");
        assert_eq!(doc.text, "Café & bar’s.");
        assert_eq!(doc.title, None);
    }
}
