//! Utilities below every stage: the fast hash map, the split of long work over threads,
//! sizes written for people, and binary file signatures. They import nothing from the
//! pipeline.

mod hash;
pub(crate) mod par;

pub(crate) use hash::{FastMap, FastSet, FxHasher};

/// A size for messages: `20 MB`, `512 KB`, `1 MiB`, else bytes.
pub fn format_size(bytes: u64) -> String {
    const UNITS: &[(u64, &str)] = &[
        (1_000_000_000, "GB"),
        (1 << 30, "GiB"),
        (1_000_000, "MB"),
        (1 << 20, "MiB"),
        (1_000, "KB"),
        (1 << 10, "KiB"),
    ];
    for (size, unit) in UNITS {
        if bytes >= *size && bytes.is_multiple_of(*size) {
            return format!("{} {unit}", bytes / size);
        }
    }
    if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

/// What a file is when its first bytes carry a known binary signature.
pub(crate) fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
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
