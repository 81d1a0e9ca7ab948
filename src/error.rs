//! Typed errors of the library. The binary maps every one of them to exit code 2.

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong between reading an input and building a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read (missing file, permission, a directory...).
    #[error("{source_name}: {}", describe_io(err))]
    Read {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
        /// What the system said.
        err: io::Error,
    },
    /// The input is not text: a NUL byte or an image/PDF signature in the first bytes.
    #[error("{source_name}: not a text or HTML file ({what})")]
    Binary {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
        /// What gave it away (`a PNG image`, `contains NUL bytes`...).
        what: &'static str,
    },
    /// The bytes are not valid UTF-8 (or UTF-16 with a BOM).
    #[error("{source_name}: not valid UTF-8 text (byte {offset}); convert it to UTF-8 first")]
    Encoding {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
        /// Where the first invalid byte is, in bytes from the start (0 for UTF-16).
        offset: usize,
    },
    /// Nothing that reads as article text was found.
    #[error("{source_name}: no article text found")]
    Empty {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
    },
    /// A URL could not be fetched (or read from the cache): what went wrong is in `problem`.
    #[error("{url}: {problem}")]
    Fetch {
        /// The URL as given.
        url: String,
        /// Why it gave no page.
        problem: FetchError,
    },
    /// The input is larger than the size limit ([`crate::LoadOptions`]).
    #[error(
        "{source_name}: {}larger than the {} limit",
        size.map(|n| format!("{}, ", approx_size(n))).unwrap_or_default(),
        crate::util::format_size(*limit)
    )]
    TooLarge {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
        /// The size, when it is known before reading.
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u64,
    },
    /// The input has more sentences than the limit ([`crate::LoadOptions`]).
    #[error("{source_name}: {count} sentences, more than the limit of {limit}")]
    TooManySentences {
        /// The input as the user gave it (a path, `-`, or a URL).
        source_name: String,
        /// How many sentences it has.
        count: usize,
        /// The most sentences allowed.
        limit: usize,
    },
    /// `-` (standard input) was given more than once.
    #[error("standard input (-) can be given only once")]
    StdinTwice,
    /// A search index ([`crate::find::Index`]) could not be opened or written.
    #[error("{}: {problem}", dir.display())]
    Index {
        /// The index directory.
        dir: PathBuf,
        /// What is wrong with it.
        problem: IndexError,
    },
    /// A window of days around an article's date was asked for, and the article gives no
    /// date ([`crate::find::DateWindow::for_article`]).
    #[error("{source_name}: no date to count the days from")]
    Undated {
        /// The article as the user gave it.
        source_name: String,
    },
}

/// Why a search index could not be used. Each message is meant to follow "DIR: " on one
/// line.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No index there (or one with no document committed yet).
    #[error("no index here; build one with `wirediff index DIR SOURCE...`")]
    Missing,
    /// The directory holds something other than a wirediff index.
    #[error(
        "not a wirediff index (no wirediff-index.json); give a new or empty directory, or one \
         that `wirediff index` made"
    )]
    Foreign,
    /// An index of another format, from an older or newer wirediff.
    #[error(
        "index format {found} (written by {created_by}), but this wirediff reads format {expected}"
    )]
    Version {
        /// The format the index says it has.
        found: u32,
        /// The format this wirediff reads.
        expected: u32,
        /// The wirediff that made it.
        created_by: String,
    },
    /// Another writer holds the index.
    #[error("another `wirediff index` is writing to it; run again when it has finished")]
    Busy,
    /// The index's files are damaged or not what they should be.
    #[error("damaged index ({detail})")]
    Damaged {
        /// What was found wrong.
        detail: String,
    },
    /// Reading or writing the directory failed.
    #[error("{}", describe_io(err))]
    Io {
        /// What the system said.
        err: io::Error,
    },
}

/// Why a URL gave no page. Each message is meant to follow "URL: " on one line.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not a URL that can be parsed.
    #[error("not a valid URL ({reason})")]
    InvalidUrl {
        /// What is wrong with it, as the URL parser says.
        reason: String,
    },
    /// A URL given with a scheme other than http or https (ftp://, file://...); a redirect
    /// to one is [`FetchError::RedirectScheme`].
    #[error(
        "unsupported URL scheme \"{scheme}\"; wirediff fetches http:// and https:// ({})",
        scheme_hint(scheme)
    )]
    UnsupportedScheme {
        /// The scheme, without `://`.
        scheme: String,
    },
    /// A redirect led to a scheme other than http or https.
    #[error("redirected to {to}; wirediff fetches only http:// and https://")]
    RedirectScheme {
        /// The URL the redirect led to.
        to: String,
    },
    /// The server answered with a status other than 2xx (after following redirects).
    #[error("HTTP {code}{}{}", with_space(reason), at_final(final_url))]
    Status {
        /// The HTTP status code.
        code: u16,
        /// The standard reason phrase of the code (`Not Found`), empty for an unknown code.
        reason: String,
        /// The URL that answered, when redirects led away from the one given.
        final_url: Option<String>,
    },
    /// No complete response within the time limit.
    #[error("no complete response within {}", seconds(*limit))]
    Timeout {
        /// The time limit ([`crate::FetchOptions::timeout`]).
        limit: std::time::Duration,
    },
    /// The host name could not be resolved.
    #[error("could not resolve the host {host} (DNS lookup failed)")]
    Dns {
        /// The host name.
        host: String,
    },
    /// Nothing listens at the host and port.
    #[error("connection refused by {host}")]
    ConnectionRefused {
        /// The host and port (`example.com:443`).
        host: String,
    },
    /// The TLS handshake failed (bad certificate, not TLS at all...).
    #[error("TLS handshake failed: {detail}")]
    Tls {
        /// The innermost cause, in its own words.
        detail: String,
    },
    /// The connection failed for another reason.
    #[error("could not connect: {detail}")]
    Connect {
        /// The innermost cause, in its own words.
        detail: String,
    },
    /// More redirects than the limit.
    #[error("more than {limit} redirects; gave up at {last}")]
    TooManyRedirects {
        /// The most redirects followed ([`crate::FetchOptions::max_redirects`]).
        limit: usize,
        /// The URL the redirect past the limit led to.
        last: String,
    },
    /// A redirect led back to a URL already visited.
    #[error("redirect loop (back to {url})")]
    RedirectLoop {
        /// The URL visited twice.
        url: String,
    },
    /// The body is larger than the size limit.
    #[error("larger than the {} limit", crate::util::format_size(*limit))]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The response is not a page: an image, a PDF, an archive...
    #[error("not an HTML or text page ({what})")]
    NotText {
        /// What it is instead (`served as image/png`, `a PDF document`...).
        what: String,
    },
    /// Any other failure while requesting or reading the response.
    #[error("fetch failed: {detail}")]
    Other {
        /// What went wrong, in a few words.
        detail: String,
    },
    /// Offline, and the URL is not in the cache.
    #[error("not in the cache at {}", dir.display())]
    NotCached {
        /// The cache directory.
        dir: std::path::PathBuf,
    },
    /// Offline without a cache: there is nowhere to read the page from.
    #[error("offline, with no cache to read the page from")]
    OfflineWithoutCache,
    /// The cache could not be read or written.
    #[error("cache file {}: {}", path.display(), describe_io(err))]
    Cache {
        /// The cache file or directory.
        path: std::path::PathBuf,
        /// What the system said, or why the file is unusable.
        err: io::Error,
    },
}

/// What a user can do about an error. The library names the remedy; a front end says how
/// (the command line names its flag: `--max-bytes`, `--timeout`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Remedy {
    /// Raise the size limit on inputs.
    RaiseSizeLimit,
    /// Raise the limit on sentences in a document.
    RaiseSentenceLimit,
    /// Allow more time for a response.
    RaiseTimeout,
    /// Fetch the page once while online, so that the cache holds it.
    FetchOnline,
    /// Name a cache to read pages from, or go online.
    GiveCache,
    /// Build the search index again, from the wire documents, in a new directory.
    RebuildIndex,
    /// Give the article's date.
    GiveDate,
}

impl Error {
    /// What the user can do about this error, if one thing helps.
    pub fn remedy(&self) -> Option<Remedy> {
        match self {
            Error::TooLarge { .. } => Some(Remedy::RaiseSizeLimit),
            Error::TooManySentences { .. } => Some(Remedy::RaiseSentenceLimit),
            Error::Fetch { problem, .. } => problem.remedy(),
            Error::Index {
                problem: IndexError::Version { .. } | IndexError::Damaged { .. },
                ..
            } => Some(Remedy::RebuildIndex),
            Error::Undated { .. } => Some(Remedy::GiveDate),
            _ => None,
        }
    }
}

impl FetchError {
    /// What the user can do about this error, if one thing helps.
    pub fn remedy(&self) -> Option<Remedy> {
        match self {
            FetchError::Timeout { .. } => Some(Remedy::RaiseTimeout),
            FetchError::TooLarge { .. } => Some(Remedy::RaiseSizeLimit),
            FetchError::NotCached { .. } => Some(Remedy::FetchOnline),
            FetchError::OfflineWithoutCache => Some(Remedy::GiveCache),
            _ => None,
        }
    }
}

/// `message`, followed by what to do about `remedy` in the words `remedies` gives, if any.
pub fn with_remedy(
    message: String,
    remedy: Option<Remedy>,
    remedies: Option<fn(Remedy) -> &'static str>,
) -> String {
    match (remedy, remedies) {
        (Some(r), Some(say)) => format!("{message}; {}", say(r)),
        _ => message,
    }
}

fn scheme_hint(scheme: &str) -> &'static str {
    if scheme.eq_ignore_ascii_case("file") {
        "for a local file, pass its path"
    } else {
        "for anything else, save the file and pass its path"
    }
}

fn with_space(reason: &str) -> String {
    if reason.is_empty() {
        String::new()
    } else {
        format!(" {reason}")
    }
}

fn at_final(final_url: &Option<String>) -> String {
    match final_url {
        Some(u) => format!(" (at {u})"),
        None => String::new(),
    }
}

/// "2 seconds", "0.5 seconds", "1 second".
fn seconds(d: std::time::Duration) -> String {
    let s = d.as_secs_f64();
    if s == 1.0 {
        "1 second".to_string()
    } else {
        format!("{s} seconds")
    }
}

/// An I/O error in a few plain words, without the "(os error N)" suffix.
pub(crate) fn describe_io(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
        _ => {
            let s = err.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// A size rounded for a message: `100 MB`, `2.4 MB`, `512 KB`, `700 bytes`.
fn approx_size(n: u64) -> String {
    let (value, unit) = match n {
        1_000_000_000.. => (n as f64 / 1e9, "GB"),
        1_000_000.. => (n as f64 / 1e6, "MB"),
        1_000.. => (n as f64 / 1e3, "KB"),
        _ => return format!("{n} bytes"),
    };
    if value < 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
