//! Stage 1, **load**: where an input comes from and how its bytes are read.
//!
//! An input is a [`Source`]: a file path, standard input (`-`), or a URL. Loading turns it
//! into [`Loaded`] text plus its format; [`crate::extract`] turns that into a
//! [`crate::Document`]. URLs are fetched by [`crate::fetch`], with the [`LoadOptions`] given.
//!
//! Bytes are decoded by the first of these that says how: a byte-order mark; the `charset`
//! of an HTTP `Content-Type`; for HTML, a `<meta charset>` (or `<meta http-equiv>`) in the
//! first 4 KB; else UTF-8. Files and standard input must then be valid in that encoding
//! (UTF-8 undeclared); a fetched page is decoded as a browser would, undeclared bytes that are
//! not UTF-8 as windows-1252, and invalid bytes as U+FFFD.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::PathBuf;
use std::sync::LazyLock;

use encoding_rs::Encoding;

use crate::error::{Error, Result};
use crate::fetch::{FetchOptions, Fetched, Fetcher};

/// Where an input comes from, as the user gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Standard input, given as `-`.
    Stdin,
    /// A URL, `scheme://...`. Only `http://` and `https://` can be fetched; others are
    /// refused when loaded, with a message saying so.
    Url(String),
}

impl Source {
    /// Parses a command-line argument: `-` is stdin, `scheme://...` a URL (`https://`, but
    /// also `ftp://` or `file://`, refused later with a clear message), anything else a path.
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

/// `scheme://` at the start: a letter, then letters, digits, `+`, `-` or `.`. Two letters at
/// least, so that a Windows drive (`C://x`) stays a path.
fn has_url_scheme(arg: &str) -> bool {
    let Some((scheme, _)) = arg.split_once("://") else {
        return false;
    };
    scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
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

/// How inputs are loaded, and how large they may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Time and size limits, the cache and the offline switch for URLs. Its `max_bytes`
    /// caps every input: files and standard input are refused past it too.
    pub fetch: FetchOptions,
    /// Most sentences an input may have once extracted ([`DEFAULT_MAX_SENTENCES`]); checked
    /// by [`Loader::compare`].
    pub max_sentences: usize,
}

/// The default [`LoadOptions::max_sentences`]: about two thousand pages of prose, past which a
/// comparison is more likely a mistake than a report anyone reads.
pub const DEFAULT_MAX_SENTENCES: usize = 200_000;

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            fetch: FetchOptions::default(),
            max_sentences: DEFAULT_MAX_SENTENCES,
        }
    }
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

/// Loads sources with shared options; every URL goes through one fetcher (one HTTP
/// client, built only when a request is needed).
#[derive(Debug)]
pub struct Loader {
    fetcher: Fetcher,
    max_bytes: u64,
    max_sentences: usize,
}

impl Default for Loader {
    /// A loader with the default options (and limits).
    fn default() -> Loader {
        Loader::new(LoadOptions::default())
    }
}

impl Loader {
    /// A loader with these options.
    pub fn new(opts: LoadOptions) -> Loader {
        Loader {
            max_bytes: opts.fetch.max_bytes,
            max_sentences: opts.max_sentences,
            fetcher: Fetcher::new(opts.fetch),
        }
    }

    /// Most sentences an input may have ([`LoadOptions::max_sentences`]).
    pub fn max_sentences(&self) -> usize {
        self.max_sentences
    }

    /// Reads a source and decodes it to text. A file or standard input larger than the size
    /// limit is refused without being read whole: a file by its size when the file system
    /// knows it, anything else (a pipe, a device) once more than the limit has arrived.
    pub fn load(&self, source: &Source) -> Result<Loaded> {
        let name = source.to_string();
        let read_err = |err| Error::Read {
            source_name: name.clone(),
            err,
        };
        let bytes = match source {
            Source::Path(p) => {
                let file = std::fs::File::open(p).map_err(read_err)?;
                let meta = file.metadata().map_err(read_err)?;
                if meta.is_dir() {
                    return Err(read_err(std::io::Error::from(
                        std::io::ErrorKind::IsADirectory,
                    )));
                }
                if meta.len() > self.max_bytes {
                    return Err(Error::TooLarge {
                        source_name: name,
                        size: Some(meta.len()),
                        limit: self.max_bytes,
                    });
                }
                // Read into a buffer of the file's size: growing one by doubling would copy
                // and touch the text about twice over.
                self.read_capped(file, &name, meta.len() as usize)?
            }
            Source::Stdin => self.read_capped(std::io::stdin().lock(), &name, 0)?,
            Source::Url(url) => {
                let fetched = self.fetcher.fetch(url)?;
                return from_fetched(&fetched, source.format_hint());
            }
        };
        // The bytes become the text without a copy when they are UTF-8 already.
        build(name, Cow::Owned(bytes), source.format_hint(), None, false)
    }
}

impl Loader {
    /// Decodes bytes already in memory, named `name`, as [`Loader::load`] does a file's: the
    /// size limit, then the same checks (a byte-order mark or `<meta>` charset, else UTF-8;
    /// no binary, no empty text). With `html` it is read as HTML; without, as a file named
    /// `.txt` is: plain text, unless it looks like HTML (a page saved as text is still a
    /// page).
    pub fn load_bytes(&self, name: &str, bytes: &[u8], html: bool) -> Result<Loaded> {
        if bytes.len() as u64 > self.max_bytes {
            return Err(Error::TooLarge {
                source_name: name.to_string(),
                size: Some(bytes.len() as u64),
                limit: self.max_bytes,
            });
        }
        let hint = Some(if html { Format::Html } else { Format::Text });
        build(name.to_string(), Cow::Borrowed(bytes), hint, None, false)
    }

    /// Reads at most the size limit, and refuses what goes past it; `size` is the size
    /// expected, if known (else 0).
    fn read_capped(&self, reader: impl Read, name: &str, size: usize) -> Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(size.min(self.max_bytes as usize).saturating_add(1));
        reader
            .take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|err| Error::Read {
                source_name: name.to_string(),
                err,
            })?;
        if buf.len() as u64 > self.max_bytes {
            return Err(Error::TooLarge {
                source_name: name.to_string(),
                size: None,
                limit: self.max_bytes,
            });
        }
        Ok(buf)
    }
}

/// Decodes bytes read from `source_name`; `hint` is the format its name suggests. A byte-order
/// mark or, for HTML, a `<meta>` charset says the encoding; else it must be UTF-8.
pub fn from_bytes(source_name: String, bytes: &[u8], hint: Option<Format>) -> Result<Loaded> {
    build(source_name, Cow::Borrowed(bytes), hint, None, false)
}

/// Decodes a fetched page: the format from its `Content-Type` (else `url_hint`, the URL's
/// extension, else sniffed), the encoding from the header, a BOM or a `<meta>` charset, and
/// undeclared non-UTF-8 bytes as windows-1252, as browsers do.
pub fn from_fetched(fetched: &Fetched, url_hint: Option<Format>) -> Result<Loaded> {
    let hint = fetched
        .mime()
        .and_then(|m| format_for_mime(&m))
        .or(url_hint);
    build(
        fetched.url.clone(),
        Cow::Borrowed(&fetched.body),
        hint,
        fetched.charset(),
        true,
    )
}

/// The format a media type names, if it names one.
fn format_for_mime(mime: &str) -> Option<Format> {
    match mime {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        "text/plain" => Some(Format::Text),
        _ => None,
    }
}

fn build(
    source_name: String,
    bytes: Cow<'_, [u8]>,
    hint: Option<Format>,
    header_charset: Option<&str>,
    lenient: bool,
) -> Result<Loaded> {
    if let Some(what) = crate::util::binary_signature(&bytes) {
        return Err(Error::Binary { source_name, what });
    }
    let html = hint == Some(Format::Html) || {
        let head = &bytes[..bytes.len().min(1024)];
        looks_like_html(&String::from_utf8_lossy(head))
    };
    let text = decode(&source_name, bytes, html, header_charset, lenient)?;
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

/// Decodes bytes to text: the encoding from a BOM, else `header_charset`, else (for HTML) a
/// `<meta>` charset, else UTF-8. Bytes that are valid UTF-8 beyond ASCII are read as UTF-8
/// whatever legacy encoding is declared. `lenient` (fetched pages) replaces invalid bytes and reads
/// undeclared non-UTF-8 as windows-1252; otherwise UTF-8 and UTF-16 must be valid.
fn decode(
    source_name: &str,
    bytes: Cow<'_, [u8]>,
    html: bool,
    header_charset: Option<&str>,
    lenient: bool,
) -> Result<String> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return decode_as(
            source_name,
            encoding,
            Cow::Borrowed(&bytes[bom_len..]),
            lenient,
        );
    }
    let declared = header_charset
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| html.then(|| meta_charset(&bytes)).flatten());
    let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
    if !declared.is_some_and(utf16) && bytes.contains(&0) {
        return Err(Error::Binary {
            source_name: source_name.to_string(),
            what: "contains NUL bytes",
        });
    }
    match declared {
        // Text in a legacy encoding, past ASCII, is almost never valid UTF-8; UTF-8 under a
        // legacy label is common (a page saved or served again as UTF-8 that kept its old
        // `<meta charset>`, a server's default header). Read it as what it is.
        Some(encoding)
            if encoding != encoding_rs::UTF_8
                && !utf16(encoding)
                && !bytes.is_ascii()
                && std::str::from_utf8(&bytes).is_ok() =>
        {
            decode_as(source_name, encoding_rs::UTF_8, bytes, lenient)
        }
        Some(encoding) => decode_as(source_name, encoding, bytes, lenient),
        None if lenient && std::str::from_utf8(&bytes).is_err() => {
            decode_as(source_name, encoding_rs::WINDOWS_1252, bytes, true)
        }
        None => decode_as(source_name, encoding_rs::UTF_8, bytes, lenient),
    }
}

/// Decodes without BOM handling. Strict UTF-8 and UTF-16 fail on invalid bytes; everything
/// else replaces them with U+FFFD (legacy encodings map nearly every byte anyway).
fn decode_as(
    source_name: &str,
    encoding: &'static Encoding,
    bytes: Cow<'_, [u8]>,
    lenient: bool,
) -> Result<String> {
    if !lenient && encoding == encoding_rs::UTF_8 {
        return String::from_utf8(bytes.into_owned()).map_err(|e| Error::Encoding {
            source_name: source_name.to_string(),
            offset: e.utf8_error().valid_up_to(),
        });
    }
    if !lenient && (encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes)
            .map(|s| s.into_owned())
            .ok_or_else(|| Error::Encoding {
                source_name: source_name.to_string(),
                offset: 0,
            });
    }
    Ok(encoding.decode_without_bom_handling(&bytes).0.into_owned())
}

/// How far into an HTML page a `<meta>` charset is looked for.
const META_SCAN_BYTES: usize = 4096;

/// The encoding an HTML page declares in a `<meta charset>` or `<meta http-equiv
/// content="...; charset=...">` within its first 4 KB (comments skipped). As in browsers, a
/// declared UTF-16 means UTF-8 (the bytes were read as ASCII to find it) and
/// `x-user-defined` means windows-1252.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    static COMMENT: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| regex::bytes::Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));
    static META: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| regex::bytes::Regex::new(r"(?i)<meta[\s/][^>]*>").expect("valid regex"));
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)charset\s*=\s*["']?\s*([a-z0-9._:+-]+)"#)
            .expect("valid regex")
    });
    let head = COMMENT.replace_all(&bytes[..bytes.len().min(META_SCAN_BYTES)], &b""[..]);
    META.find_iter(&head).find_map(|tag| {
        let label = CHARSET.captures(tag.as_bytes())?.get(1)?.as_bytes();
        let encoding = Encoding::for_label(label)?;
        Some(match encoding {
            e if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
            e if e == encoding_rs::X_USER_DEFINED => encoding_rs::WINDOWS_1252,
            e => e,
        })
    })
}

/// True when the start of `text` reads as an HTML document or fragment.
pub fn looks_like_html(text: &str) -> bool {
    // Every test below needs the text to open with '<'.
    if !text.trim_start().starts_with('<') {
        return false;
    }
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
        // Any scheme is a URL (refused later unless http or https); a drive letter is not.
        assert_eq!(Source::parse("ftp://x"), Source::Url("ftp://x".into()));
        assert_eq!(
            Source::parse("FILE:///etc/hosts"),
            Source::Url("FILE:///etc/hosts".into())
        );
        assert_eq!(Source::parse("C://x"), Source::Path(PathBuf::from("C://x")));
        assert_eq!(
            Source::parse("notes/a://b"),
            Source::Path(PathBuf::from("notes/a://b"))
        );
    }

    #[test]
    fn finds_meta_charsets() {
        let name = |b: &[u8]| meta_charset(b).map(|e| e.name());
        assert_eq!(
            name(b"<meta charset=\"windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(name(b"<head><META Charset=latin1/>"), Some("windows-1252"));
        assert_eq!(
            name(b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>"),
            Some("Shift_JIS")
        );
        assert_eq!(name(b"<meta charset=\"utf-16le\">"), Some("UTF-8"));
        assert_eq!(name(b"<!-- <meta charset=\"koi8-r\"> --><p>"), None);
        assert_eq!(name(b"<meta charset=\"no-such-thing\">"), None);
        assert_eq!(name(b"<p>charset=koi8-r</p>"), None);
        let mut late = vec![b' '; META_SCAN_BYTES];
        late.extend_from_slice(b"<meta charset=\"koi8-r\">");
        assert_eq!(name(&late), None);
    }

    #[test]
    fn local_html_follows_its_meta_charset() {
        let page =
            b"<html><head><meta charset=\"iso-8859-1\"></head><p>Caf\xe9 \x93ouvert\x94.</p>";
        let l = from_bytes("page.html".into(), page, Some(Format::Html)).unwrap();
        assert!(l.text.contains("Café “ouvert”."), "{}", l.text);
        // Sniffed as HTML without the extension too.
        let l = from_bytes("page".into(), page, None).unwrap();
        assert_eq!(l.format, Format::Html);
        assert!(l.text.contains("Café"));
        // Undeclared, or declared UTF-8, it must be UTF-8; text files have no <meta>.
        let undeclared = b"<html><p>Caf\xe9.</p>";
        let err = from_bytes("p.html".into(), undeclared, None).unwrap_err();
        assert!(err.to_string().contains("not valid UTF-8"), "{err}");
        let text = b"meta charset=iso-8859-1 does not count here: caf\xe9";
        assert!(from_bytes("t.txt".into(), text, Some(Format::Text)).is_err());
    }

    #[test]
    fn utf8_under_a_legacy_label_is_read_as_utf8_and_legacy_bytes_as_declared() {
        // A page saved again as UTF-8 that kept its old <meta charset> (one of Mozilla
        // Readability's test pages): read as GBK, its Chinese became mojibake.
        let chinese = "谷歌在2014年收购的人工智能公司开发出一款计算机。";
        let page = format!("<html><head><meta charset=\"gb2312\"></head><p>{chinese}</p>");
        let l = from_bytes("qq.html".into(), page.as_bytes(), Some(Format::Html)).unwrap();
        assert!(l.text.contains(chinese), "{}", l.text);
        // The same text really in GBK is not UTF-8, and is read as declared.
        let (gbk, _, _) = encoding_rs::GBK.encode(&page);
        assert!(std::str::from_utf8(&gbk).is_err());
        let l = from_bytes("qq.html".into(), &gbk, Some(Format::Html)).unwrap();
        assert!(l.text.contains(chinese), "{}", l.text);
        // A server's default header over UTF-8 bytes, and over windows-1252 ones.
        let utf8 = "<p>Café “ouvert”, said Zoë.</p>".as_bytes();
        let l = from_fetched(&fetched(Some("text/html; charset=ISO-8859-1"), utf8), None);
        assert!(l.unwrap().text.contains("Café “ouvert”, said Zoë."));
        let latin = b"<p>Caf\xe9 \x93ouvert\x94.</p>";
        let l = from_fetched(&fetched(Some("text/html; charset=ISO-8859-1"), latin), None);
        assert!(l.unwrap().text.contains("Café “ouvert”."));
    }

    fn fetched(content_type: Option<&str>, body: &[u8]) -> Fetched {
        Fetched {
            url: "https://example.com/story".into(),
            final_url: "https://example.com/story".into(),
            status: 200,
            content_type: content_type.map(str::to_string),
            fetched_at: "2024-01-01T00:00:00Z".into(),
            body: body.to_vec(),
            from_cache: false,
        }
    }

    #[test]
    fn fetched_pages_decode_as_browsers_do() {
        // The header wins over <meta>; a BOM wins over both.
        let page = b"<meta charset=\"koi8-r\"><p>Caf\xe9.</p>";
        let l = from_fetched(
            &fetched(Some("text/html; charset=windows-1252"), page),
            None,
        )
        .unwrap();
        assert!(l.text.contains("Café."));
        let l = from_fetched(&fetched(Some("text/html"), page), None).unwrap();
        assert!(l.text.contains("CafИ."), "koi8-r from <meta>: {}", l.text);
        let bom = b"\xEF\xBB\xBF<p>Caf\xC3\xA9.</p>";
        let l = from_fetched(&fetched(Some("text/html; charset=windows-1252"), bom), None).unwrap();
        assert_eq!(l.text, "<p>Café.</p>");
        // Undeclared and not UTF-8: windows-1252. Declared UTF-8 with a stray byte: U+FFFD.
        let l = from_fetched(&fetched(Some("text/html"), b"<p>Caf\xe9.</p>"), None).unwrap();
        assert_eq!(l.text, "<p>Café.</p>");
        let l = from_fetched(
            &fetched(Some("text/plain; charset=utf-8"), b"Caf\xe9 au lait."),
            None,
        )
        .unwrap();
        assert_eq!(l.text, "Caf\u{FFFD} au lait.");
        assert_eq!(l.format, Format::Text);
        // The content type says the format, over the URL's extension.
        let l = from_fetched(&fetched(Some("text/plain"), b"Hello."), Some(Format::Html)).unwrap();
        assert_eq!(l.format, Format::Text);
        let l = from_fetched(&fetched(None, b"Hello."), Some(Format::Markdown)).unwrap();
        assert_eq!(l.format, Format::Markdown);
        // UTF-16 named in the header.
        let utf16: Vec<u8> = "Hé.".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let l = from_fetched(&fetched(Some("text/plain; charset=utf-16le"), &utf16), None).unwrap();
        assert_eq!(l.text, "Hé.");
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

    #[test]
    fn a_default_loader_has_the_default_limits() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("story.txt");
        std::fs::write(&path, "The council met on Monday.").unwrap();
        let loader = Loader::default();
        assert_eq!(loader.max_sentences(), DEFAULT_MAX_SENTENCES);
        let loaded = loader
            .load(&Source::Path(path))
            .expect("a small file loads");
        assert_eq!(loaded.text, "The council met on Monday.");
    }
}
