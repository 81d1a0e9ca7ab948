//! Typed errors of the library. The binary maps every one of them to exit code 2.

use std::io;

/// Everything that can go wrong between reading an input and building a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input could not be read (missing file, permission, a directory...).
    #[error("{source_name}: {}", describe_io(err))]
    Read { source_name: String, err: io::Error },
    /// The input is not text: a NUL byte or an image/PDF signature in the first bytes.
    #[error("{source_name}: not a text or HTML file ({what})")]
    Binary {
        source_name: String,
        what: &'static str,
    },
    /// The bytes are not valid UTF-8 (or UTF-16 with a BOM).
    #[error("{source_name}: not valid UTF-8 text (byte {offset}); convert it to UTF-8 first")]
    Encoding { source_name: String, offset: usize },
    /// Nothing that reads as article text was found.
    #[error("{source_name}: no article text found")]
    Empty { source_name: String },
    /// A URL was given, but fetching is not available in this build.
    #[error("{source_name}: fetching URLs is not supported yet; save the page and pass the file")]
    UrlUnsupported { source_name: String },
    /// `-` (standard input) was given more than once.
    #[error("standard input (-) can be given only once")]
    StdinTwice,
}

/// An I/O error in a few plain words, without the "(os error N)" suffix.
fn describe_io(err: &io::Error) -> String {
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

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
