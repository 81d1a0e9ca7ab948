//! Stage 1, **load**: where an input comes from and how its bytes are read.
//!
//! An input is a [`Source`]: a file path, standard input (`-`), or a URL. Loading turns it
//! into [`Loaded`] bytes plus a hint of their format; [`crate::extract`] turns those into a
//! [`crate::Document`].

use std::fmt;
use std::io::Read;
use std::path::PathBuf;

use crate::error::{Error, Result};

/// Where an input comes from, as the user gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input, given as `-`.
    Stdin,
    /// An `http://` or `https://` URL.
    Url(String),
}

impl Source {
    /// Parses a command-line argument: `-` is stdin, `http(s)://...` a URL, anything else a path.
    pub fn parse(arg: &str) -> Source {
        if arg == "-" {
            Source::Stdin
        } else if has_url_scheme(arg) {
            Source::Url(arg.to_string())
        } else {
            Source::Path(PathBuf::from(arg))
        }
    }

    /// The format suggested by the name (file extension or URL path), if any.
    pub fn format_hint(&self) -> Option<Format> {
        let name = match self {
            Source::Path(p) => p.to_string_lossy().into_owned(),
            Source::Url(u) => u.split(['?', '#']).next().unwrap_or("").to_string(),
            Source::Stdin => return None,
        };
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
        match ext.as_str() {
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

fn has_url_scheme(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Path(p) => write!(f, "{}", p.display()),
            Source::Stdin => f.write_str("-"),
            Source::Url(u) => f.write_str(u),
        }
    }
}

/// How the text of an input is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: paragraphs separated by blank lines.
    Text,
    /// Markdown, read as plain text for now.
    Markdown,
    /// An HTML page, from which the article is extracted.
    Html,
}

/// The decoded text of an input and its format.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The source as the user gave it.
    pub source: String,
    /// The decoded text (UTF-8, BOM removed).
    pub text: String,
    /// Text, Markdown or HTML: from the name, else sniffed from the content.
    pub format: Format,
}

/// Reads a source and decodes it to text.
pub fn load(source: &Source) -> Result<Loaded> {
    let name = source.to_string();
    let bytes = match source {
        Source::Path(p) => std::fs::read(p).map_err(|err| Error::Read {
            source_name: name.clone(),
            err,
        })?,
        Source::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|err| Error::Read {
                    source_name: name.clone(),
                    err,
                })?;
            buf
        }
        Source::Url(_) => return Err(Error::UrlUnsupported { source_name: name }),
    };
    from_bytes(name, &bytes, source.format_hint())
}

/// Decodes bytes read from `source_name`; `hint` is the format its name suggests.
pub fn from_bytes(source_name: String, bytes: &[u8], hint: Option<Format>) -> Result<Loaded> {
    if let Some(what) = binary_signature(bytes) {
        return Err(Error::Binary { source_name, what });
    }
    let text = decode(&source_name, bytes)?;
    let format = match hint {
        Some(f) => f,
        None if looks_like_html(&text) => Format::Html,
        None => Format::Text,
    };
    // A page saved as .txt is still HTML.
    let format = if format != Format::Html && looks_like_html(&text) {
        Format::Html
    } else {
        format
    };
    Ok(Loaded {
        source: source_name,
        text,
        format,
    })
}

fn decode(source_name: &str, bytes: &[u8]) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(source_name, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(source_name, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(source_name, rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(Error::Binary {
            source_name: source_name.to_string(),
            what: "contains NUL bytes",
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Error::Encoding {
            source_name: source_name.to_string(),
            offset: e.valid_up_to(),
        }),
    }
}

fn decode_utf16(source_name: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| Error::Encoding {
            source_name: source_name.to_string(),
            offset: 0,
        })
}

fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
    ];
    SIGNATURES
        .iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

/// True when the start of `text` reads as an HTML document or fragment.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<')
            && ["<body", "<head", "<article", "<p>", "<p ", "<div", "<meta"]
                .iter()
                .any(|tag| head.contains(tag)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sources() {
        assert_eq!(Source::parse("-"), Source::Stdin);
        assert_eq!(
            Source::parse("https://apnews.com/x"),
            Source::Url("https://apnews.com/x".into())
        );
        assert_eq!(
            Source::parse("story.html"),
            Source::Path(PathBuf::from("story.html"))
        );
        assert_eq!(
            Source::parse("story.HTML").format_hint(),
            Some(Format::Html)
        );
        assert_eq!(Source::parse("notes").format_hint(), None);
    }

    #[test]
    fn sniffs_html_by_content() {
        let l = from_bytes("x".into(), b"  <!DOCTYPE html><p>Hi.</p>", None).unwrap();
        assert_eq!(l.format, Format::Html);
        let l = from_bytes(
            "x.txt".into(),
            b"<html><body><p>Hi.</p>",
            Some(Format::Text),
        )
        .unwrap();
        assert_eq!(l.format, Format::Html);
        let l = from_bytes("x".into(), b"Prices rose <5% in May.", None).unwrap();
        assert_eq!(l.format, Format::Text);
    }

    #[test]
    fn decodes_boms_and_rejects_binary() {
        let l = from_bytes("x".into(), b"\xEF\xBB\xBFHello.", None).unwrap();
        assert_eq!(l.text, "Hello.");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hé.".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(from_bytes("x".into(), &utf16, None).unwrap().text, "Hé.");
        let err = from_bytes("pic.png".into(), b"\x89PNG\r\n\x1a\n\0\0", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "pic.png: not a text or HTML file (a PNG image)"
        );
        let err = from_bytes("l1.txt".into(), b"caf\xE9 au lait", None).unwrap_err();
        assert!(err.to_string().contains("not valid UTF-8 text (byte 3)"));
    }
}
