//! Part of stage 1, **load**: fetching `http://` and `https://` URLs, with an optional cache.
//!
//! A [`Fetcher`] holds one HTTP client (built on first use, so a run served entirely from
//! the cache never builds one) and the [`FetchOptions`]: a total time limit, a size cap read
//! incrementally (a `Content-Length` is not trusted), a redirect limit with loop detection,
//! gzip/brotli/deflate, and an honest `User-Agent`. TLS is rustls's with ring's
//! cryptography, installed as the process's rustls provider unless the program installed one.
//!
//! With a cache directory, every successful response is kept as two files named by the
//! SHA-256 of the URL as given: `<hash>.json` (the URL, the final URL after redirects, the
//! status, the content type, the fetch time) and `<hash>.body` (the body, decompressed). A
//! cached URL is never fetched again; with [`FetchOptions::offline`] nothing is ever fetched.
//!
//! Decoding the body to text is the caller's business ([`crate::load`]).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use reqwest::Url;
use reqwest::blocking::Client;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::{Error, FetchError, Result};

/// The default total time limit for one URL: connecting, redirects and download together.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default limit for the connect phase (never more than the total limit).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default size cap of one body, after decompression: 20 MB.
pub const DEFAULT_MAX_BYTES: u64 = 20_000_000;
/// The default number of redirects followed before giving up.
pub const DEFAULT_MAX_REDIRECTS: usize = 10;

/// The `User-Agent` wirediff sends: its name, version and what it is for.
pub fn default_user_agent() -> String {
    format!(
        "wirediff/{} (+news wire-copy comparison)",
        env!("CARGO_PKG_VERSION")
    )
}

/// How URLs are fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Total time limit for one URL: connecting, every redirect and the whole body.
    pub timeout: Duration,
    /// Time limit for establishing a connection (capped by `timeout`).
    pub connect_timeout: Duration,
    /// Largest body accepted, in bytes, after decompression.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Keep responses here and reuse them instead of fetching again.
    pub cache: Option<PathBuf>,
    /// Never make a request: URLs come from the cache or fail.
    pub offline: bool,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: DEFAULT_MAX_REDIRECTS,
            cache: None,
            offline: false,
            user_agent: default_user_agent(),
        }
    }
}

/// A successful response (2xx), fetched or read back from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL as given.
    pub url: String,
    /// The URL that answered, after redirects.
    pub final_url: String,
    /// The HTTP status code.
    pub status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// When it was fetched, RFC 3339 in UTC (`2024-05-01T12:00:00Z`).
    pub fetched_at: String,
    /// The body, after content decoding (gzip, brotli, deflate), undecoded as text.
    pub body: Vec<u8>,
    /// True when it came from the cache rather than the network.
    pub from_cache: bool,
}

impl Fetched {
    /// The `charset` parameter of the content type, if any.
    pub fn charset(&self) -> Option<&str> {
        self.content_type.as_deref().and_then(charset_param)
    }

    /// The media type without parameters, lower-cased (`text/html`).
    pub fn mime(&self) -> Option<String> {
        self.content_type.as_deref().map(mime_essence)
    }
}

/// Fetches URLs with one reused client, honouring the cache and the offline switch.
#[derive(Debug, Default)]
pub struct Fetcher {
    opts: FetchOptions,
    client: OnceLock<Client>,
}

impl Fetcher {
    /// A fetcher with these options. No client is built until a request is needed.
    pub fn new(opts: FetchOptions) -> Fetcher {
        Fetcher {
            opts,
            client: OnceLock::new(),
        }
    }

    /// Fetches `url` (or reads it from the cache). Errors name the URL.
    pub fn fetch(&self, url: &str) -> Result<Fetched> {
        self.fetch_inner(url).map_err(|problem| Error::Fetch {
            url: url.to_string(),
            problem,
        })
    }

    fn fetch_inner(&self, url: &str) -> Result<Fetched, FetchError> {
        let parsed = check_url(url)?;
        if let Some(dir) = &self.opts.cache
            && let Some(hit) = read_cached(dir, url, self.opts.offline)?
        {
            return Ok(hit);
        }
        if self.opts.offline {
            return Err(match &self.opts.cache {
                Some(dir) => FetchError::NotCached { dir: dir.clone() },
                None => FetchError::OfflineWithoutCache,
            });
        }
        let fetched = self.download(parsed)?;
        let fetched = Fetched {
            url: url.to_string(),
            ..fetched
        };
        if let Some(dir) = &self.opts.cache {
            write_cached(dir, &fetched, &self.opts.user_agent)?;
        }
        Ok(fetched)
    }

    fn client(&self) -> Result<&Client, FetchError> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = build_client(&self.opts)?;
        Ok(self.client.get_or_init(|| client))
    }

    /// Downloads in a worker thread so the total time limit holds whatever the server does
    /// (the client's own limits apply per read, which a trickling server never trips).
    fn download(&self, url: Url) -> Result<Fetched, FetchError> {
        let client = self.client()?.clone();
        let limit = self.opts.timeout;
        let max_bytes = self.opts.max_bytes;
        let deadline = Instant::now() + limit;
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("wirediff-fetch".into())
            .spawn(move || {
                let _ = tx.send(download(&client, url, deadline, limit, max_bytes));
            })
            .map_err(|e| FetchError::Other {
                detail: format!("could not start a thread: {e}"),
            })?;
        match rx.recv_timeout(limit) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => Err(FetchError::Timeout { limit }),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(FetchError::Other {
                detail: "the download thread ended without an answer".into(),
            }),
        }
    }
}

/// Parses a URL and checks that its scheme is http or https.
pub(crate) fn check_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| FetchError::InvalidUrl {
        reason: e.to_string(),
    })?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => {
            return Err(FetchError::UnsupportedScheme {
                scheme: other.to_string(),
            });
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::InvalidUrl {
            reason: "no host".into(),
        });
    }
    Ok(parsed)
}

/// Why a redirect was refused; found again in the client's error chain.
#[derive(Debug)]
enum RedirectRefused {
    Scheme(String),
    Loop(String),
    TooMany { limit: usize, last: String },
}

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RedirectRefused::Scheme(to) => write!(f, "redirect to {to}"),
            RedirectRefused::Loop(u) => write!(f, "redirect loop at {u}"),
            RedirectRefused::TooMany { limit, .. } => write!(f, "more than {limit} redirects"),
        }
    }
}

impl std::error::Error for RedirectRefused {}

/// rustls's cryptography, from ring, as the process's default: reqwest reads it from there.
/// A program that installed its own provider keeps it.
fn install_crypto_provider() {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may get there first: then its provider is the one used.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}

fn build_client(opts: &FetchOptions) -> Result<Client, FetchError> {
    install_crypto_provider();
    let limit = opts.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        let url = attempt.url();
        if !matches!(url.scheme(), "http" | "https") {
            let to = url.to_string();
            return attempt.error(RedirectRefused::Scheme(to));
        }
        if attempt.previous().contains(url) {
            let url = url.to_string();
            return attempt.error(RedirectRefused::Loop(url));
        }
        if attempt.previous().len() > limit {
            let last = url.to_string();
            return attempt.error(RedirectRefused::TooMany { limit, last });
        }
        attempt.follow()
    });
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT,
        reqwest::header::HeaderValue::from_static(
            "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8,*/*;q=0.1",
        ),
    );
    Client::builder()
        .user_agent(opts.user_agent.clone())
        .default_headers(headers)
        .redirect(policy)
        .timeout(opts.timeout)
        .connect_timeout(opts.connect_timeout.min(opts.timeout))
        .build()
        .map_err(|e| FetchError::Other {
            detail: format!("could not set up the HTTP client: {}", innermost(&e)),
        })
}

/// One request, the body read in chunks against the deadline and the size cap.
fn download(
    client: &Client,
    url: Url,
    deadline: Instant,
    limit: Duration,
    max_bytes: u64,
) -> Result<Fetched, FetchError> {
    let host = host_port(&url);
    let requested = url.clone();
    let mut resp = client
        .get(url)
        .send()
        .map_err(|e| classify(&e, &host, limit))?;
    let status = resp.status();
    let final_url = resp.url().to_string();
    if !status.is_success() {
        return Err(FetchError::Status {
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_string(),
            final_url: (requested.as_str() != final_url).then_some(final_url),
        });
    }
    let content_type = resp
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(ct) = &content_type
        && !acceptable_type(&mime_essence(ct))
    {
        return Err(FetchError::NotText {
            what: format!("served as {}", mime_essence(ct)),
        });
    }
    if resp.content_length().is_some_and(|n| n > max_bytes) {
        return Err(FetchError::TooLarge { limit: max_bytes });
    }
    let mut body = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut sniffed = false;
    loop {
        if Instant::now() >= deadline {
            return Err(FetchError::Timeout { limit });
        }
        let n = match resp.read(&mut buf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(classify_read(&e, &host, limit)),
        };
        if n == 0 {
            break;
        }
        if body.len() as u64 + n as u64 > max_bytes {
            return Err(FetchError::TooLarge { limit: max_bytes });
        }
        body.extend_from_slice(&buf[..n]);
        if !sniffed && body.len() >= 16 {
            sniffed = true;
            not_binary(&body)?;
        }
    }
    not_binary(&body)?;
    Ok(Fetched {
        url: String::new(),
        final_url,
        status: status.as_u16(),
        content_type,
        fetched_at: rfc3339_utc(SystemTime::now()),
        body,
        from_cache: false,
    })
}

fn not_binary(body: &[u8]) -> Result<(), FetchError> {
    match crate::util::binary_signature(body) {
        Some(what) => Err(FetchError::NotText {
            what: what.to_string(),
        }),
        None => Ok(()),
    }
}

/// `host:port` of a URL, for messages.
fn host_port(url: &Url) -> String {
    let host = url.host_str().unwrap_or("");
    match url.port_or_known_default() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_string(),
    }
}

type DynError = dyn std::error::Error + 'static;

/// An error and its causes, looking inside wrapped `io::Error`s too (whose `source()` skips
/// the error they wrap).
fn chain(err: &DynError) -> impl Iterator<Item = &DynError> {
    std::iter::successors(Some(err), |e| {
        match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &DynError),
            None => e.source(),
        }
    })
}

/// The most specific message in an error chain.
fn innermost(err: &DynError) -> String {
    chain(err).last().map(|e| e.to_string()).unwrap_or_default()
}

/// Turns a client error into a plain reason.
fn classify(err: &reqwest::Error, host: &str, limit: Duration) -> FetchError {
    // Redirects may have moved to another host: name the one that failed.
    let host = err.url().map(host_port).unwrap_or_else(|| host.to_string());
    for e in chain(err) {
        if let Some(r) = e.downcast_ref::<RedirectRefused>() {
            return match r {
                RedirectRefused::Scheme(to) => FetchError::RedirectScheme { to: to.clone() },
                RedirectRefused::Loop(u) => FetchError::RedirectLoop { url: u.clone() },
                RedirectRefused::TooMany { limit, last } => FetchError::TooManyRedirects {
                    limit: *limit,
                    last: last.clone(),
                },
            };
        }
    }
    if err.is_timeout() {
        return FetchError::Timeout { limit };
    }
    if err.is_dns() {
        let host = err
            .url()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or(host);
        return FetchError::Dns { host };
    }
    let io_kind = |kind: std::io::ErrorKind| {
        chain(err).any(|e| {
            e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == kind)
        })
    };
    if io_kind(std::io::ErrorKind::ConnectionRefused) {
        return FetchError::ConnectionRefused { host };
    }
    let https = err.url().is_some_and(|u| u.scheme() == "https");
    if err.is_connect() {
        if https && io_kind(std::io::ErrorKind::InvalidData) {
            return FetchError::Tls {
                detail: innermost(err),
            };
        }
        return FetchError::Connect {
            detail: innermost(err),
        };
    }
    if err.is_decode() {
        return FetchError::Other {
            detail: format!("could not decode the body: {}", innermost(err)),
        };
    }
    FetchError::Other {
        detail: innermost(err),
    }
}

/// Turns an error while reading the body into a plain reason.
fn classify_read(err: &std::io::Error, host: &str, limit: Duration) -> FetchError {
    if err.kind() == std::io::ErrorKind::TimedOut {
        return FetchError::Timeout { limit };
    }
    if let Some(inner) = err.get_ref()
        && let Some(re) = inner.downcast_ref::<reqwest::Error>()
    {
        return match classify(re, host, limit) {
            FetchError::Other { detail } => FetchError::Other {
                detail: format!("the connection broke while reading the body: {detail}"),
            },
            other => other,
        };
    }
    FetchError::Other {
        detail: format!(
            "the connection broke while reading the body: {}",
            innermost(err)
        ),
    }
}

/// The media type without parameters, lower-cased and trimmed.
pub fn mime_essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The `charset` parameter of a `Content-Type` value, unquoted.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
            .filter(|v| !v.is_empty())
    })
}

/// Whether a media type may hold an article: text, HTML, XHTML, XML, or unknown bytes (then
/// judged by their first bytes). Images, audio, video, fonts, PDFs and archives may not.
fn acceptable_type(mime: &str) -> bool {
    let (top, sub) = mime.split_once('/').unwrap_or((mime, ""));
    match top {
        "" | "text" => true,
        "application" => matches!(
            sub,
            "xhtml+xml" | "xml" | "octet-stream" | "unknown" | "x-unknown"
        ),
        _ => false,
    }
}

/// The cache file stem of a URL: the hex SHA-256 of the URL as given.
pub fn cache_key(url: &str) -> String {
    Sha256::digest(url.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The metadata file of a cached response.
#[derive(Debug, Serialize, Deserialize)]
struct CacheMeta {
    url: String,
    final_url: String,
    status: u16,
    content_type: Option<String>,
    fetched_at: String,
    /// The body file, beside this one.
    body: String,
    /// The body's length, checked on reading.
    bytes: u64,
    /// The `User-Agent` that fetched it.
    fetched_by: String,
}

/// Paths of the metadata and body files of `url` in `dir`.
pub fn cache_paths(dir: &Path, url: &str) -> (PathBuf, PathBuf) {
    let key = cache_key(url);
    (
        dir.join(format!("{key}.json")),
        dir.join(format!("{key}.body")),
    )
}

/// Reads `url` from the cache. A missing entry is `None`; an unreadable one is `None` too
/// (it is fetched again and overwritten) unless `offline`, where it is an error.
fn read_cached(dir: &Path, url: &str, offline: bool) -> Result<Option<Fetched>, FetchError> {
    let (meta_path, body_path) = cache_paths(dir, url);
    let meta = match std::fs::read(&meta_path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(FetchError::Cache {
                path: meta_path,
                err,
            });
        }
    };
    let corrupt = |path: &Path, why: String| {
        if offline {
            Err(FetchError::Cache {
                path: path.to_path_buf(),
                err: std::io::Error::new(std::io::ErrorKind::InvalidData, why),
            })
        } else {
            Ok(None)
        }
    };
    let meta: CacheMeta = match serde_json::from_slice(&meta) {
        Ok(m) => m,
        Err(e) => return corrupt(&meta_path, format!("unreadable metadata: {e}")),
    };
    if meta.url != url {
        return corrupt(&meta_path, format!("holds another URL, {}", meta.url));
    }
    let body = match std::fs::read(&body_path) {
        Ok(b) => b,
        Err(e) => return corrupt(&body_path, format!("unreadable body: {e}")),
    };
    if body.len() as u64 != meta.bytes {
        return corrupt(
            &body_path,
            format!("{} bytes where {} were stored", body.len(), meta.bytes),
        );
    }
    Ok(Some(Fetched {
        url: meta.url,
        final_url: meta.final_url,
        status: meta.status,
        content_type: meta.content_type,
        fetched_at: meta.fetched_at,
        body,
        from_cache: true,
    }))
}

/// Writes a response to the cache: the body first, then the metadata that makes it count,
/// each through a temporary file renamed into place.
fn write_cached(dir: &Path, fetched: &Fetched, user_agent: &str) -> Result<(), FetchError> {
    let cache_err = |path: &Path| {
        let path = path.to_path_buf();
        move |err| FetchError::Cache { path, err }
    };
    std::fs::create_dir_all(dir).map_err(cache_err(dir))?;
    let (meta_path, body_path) = cache_paths(dir, &fetched.url);
    let meta = CacheMeta {
        url: fetched.url.clone(),
        final_url: fetched.final_url.clone(),
        status: fetched.status,
        content_type: fetched.content_type.clone(),
        fetched_at: fetched.fetched_at.clone(),
        body: body_path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        bytes: fetched.body.len() as u64,
        fetched_by: user_agent.to_string(),
    };
    let mut json = serde_json::to_vec_pretty(&meta).expect("cache metadata serializes");
    json.push(b'\n');
    write_atomic(&body_path, &fetched.body).map_err(cache_err(&body_path))?;
    write_atomic(&meta_path, &json).map_err(cache_err(&meta_path))?;
    Ok(())
}

fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".tmp{}", std::process::id()));
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// RFC 3339 in UTC, to the second.
fn rfc3339_utc(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_print() {
        use crate::util::format_size;
        assert_eq!(format_size(20_000_000), "20 MB");
        assert_eq!(format_size(1 << 20), "1 MiB");
        assert_eq!(format_size(500_000), "500 KB");
        assert_eq!(format_size(1234), "1234 bytes");
        assert_eq!(format_size(1), "1 byte");
    }

    #[test]
    fn content_types() {
        assert_eq!(
            charset_param("text/html; charset=\"Windows-1252\""),
            Some("Windows-1252")
        );
        assert_eq!(charset_param("text/html;CHARSET=utf-8"), Some("utf-8"));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(mime_essence(" Text/HTML ; charset=x"), "text/html");
        for ok in ["text/html", "text/plain", "application/xhtml+xml", ""] {
            assert!(acceptable_type(ok), "{ok}");
        }
        for no in [
            "image/png",
            "application/pdf",
            "application/zip",
            "video/mp4",
        ] {
            assert!(!acceptable_type(no), "{no}");
        }
    }

    #[test]
    fn urls_are_checked() {
        assert!(check_url("https://apnews.com/article/x").is_ok());
        assert!(matches!(
            check_url("ftp://example.com/x"),
            Err(FetchError::UnsupportedScheme { scheme }) if scheme == "ftp"
        ));
        assert!(matches!(
            check_url("file:///etc/hosts"),
            Err(FetchError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            check_url("http://"),
            Err(FetchError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn dates_are_rfc3339() {
        assert_eq!(rfc3339_utc(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_709_210_096); // a leap day
        assert_eq!(rfc3339_utc(t), "2024-02-29T12:34:56Z");
    }

    #[test]
    fn cache_round_trip_and_offline() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("cache");
        let url = "https://example.com/story";
        let fetched = Fetched {
            url: url.into(),
            final_url: "https://example.com/story/".into(),
            status: 200,
            content_type: Some("text/html; charset=utf-8".into()),
            fetched_at: "2024-02-29T12:34:56Z".into(),
            body: b"<p>Hello.</p>".to_vec(),
            from_cache: false,
        };
        write_cached(&dir, &fetched, "test").unwrap();
        let (meta, body) = cache_paths(&dir, url);
        assert!(meta.exists() && body.exists());
        assert_eq!(meta.file_stem().unwrap().len(), 64);
        let fetcher = Fetcher::new(FetchOptions {
            cache: Some(dir.clone()),
            offline: true,
            ..FetchOptions::default()
        });
        let hit = fetcher.fetch(url).unwrap();
        assert!(hit.from_cache);
        assert_eq!(hit.body, fetched.body);
        assert_eq!(hit.final_url, fetched.final_url);
        assert_eq!(hit.charset(), Some("utf-8"));
        let err = fetcher.fetch("https://example.com/other").unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "https://example.com/other: not in the cache at {}",
                dir.display()
            )
        );
        assert_eq!(err.remedy(), Some(crate::error::Remedy::FetchOnline));
        // A damaged entry is an error offline, and a miss online.
        std::fs::write(&body, b"short").unwrap();
        let err = fetcher.fetch(url).unwrap_err().to_string();
        assert!(err.contains("bytes where"), "{err}");
        assert!(read_cached(&dir, url, false).unwrap().is_none());
        let offline = Fetcher::new(FetchOptions {
            offline: true,
            ..FetchOptions::default()
        });
        let err = offline.fetch(url).unwrap_err();
        assert!(err.to_string().contains("no cache to read"), "{err}");
        assert_eq!(err.remedy(), Some(crate::error::Remedy::GiveCache));
    }
}
