//! Publication dates in ISO 8601, from the many ways pages write them.
//!
//! Machine forms are parsed with `chrono`: RFC 3339 and ISO 8601 with or without an offset
//! ("2024-01-02T10:00:00+0100", "2024-01-02 10:00"), RFC 2822 ("Tue, 02 Jan 2024 10:00:00
//! GMT"), "2024/01/02", "20240102" and day-first dotted dates ("02.01.2024", the European
//! convention). Written dates name their month in English, German, French, Spanish, Italian,
//! Portuguese or Dutch ("January 2, 2024", "Jan. 2, 2024", "2 January 2024", "3. Oktober
//! 2024", "3 de octubre de 2024"). Slashed dates with the year last ("02/01/2024") are
//! ambiguous between day-first and month-first and are not read.
//!
//! The result keeps what the page said and no more: a date alone is "2024-01-02"; a date and
//! time with an offset is "2024-01-02T10:00:00+01:00" ("Z" for UTC); a date and time without
//! one is "2024-01-02T10:00:00", a local time.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat};

/// `raw` as ISO 8601, or `None` when it holds no date wirediff can read for sure.
pub fn iso8601(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 120 {
        return None;
    }
    with_offset(s)
        .or_else(|| local(s))
        .or_else(|| date_only(s))
        .or_else(|| iso_prefix(s))
        .or_else(|| written(s))
}

/// Years a publication date can have.
fn plausible(year: i32) -> bool {
    (1900..=2100).contains(&year)
}

/// A date and time with an offset (RFC 3339, ISO 8601 with "+0100", RFC 2822).
fn with_offset(s: &str) -> Option<String> {
    let show = |dt: DateTime<FixedOffset>| {
        plausible(chrono::Datelike::year(&dt.date_naive()))
            .then(|| dt.to_rfc3339_opts(SecondsFormat::Secs, true))
    };
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return show(dt);
    }
    // "Z" as an offset of zero, for the formats below.
    let zoned = match s.strip_suffix(['Z', 'z']) {
        Some(rest) => format!("{rest}+00:00"),
        None => s.to_string(),
    };
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M%z",
    ];
    for f in FORMATS {
        if let Ok(dt) = DateTime::parse_from_str(&zoned, f) {
            return show(dt);
        }
        // chrono reads "%z" without a blank before it; "2024-01-02 10:00:00 +0100" has one.
        if let Ok(dt) = DateTime::parse_from_str(&zoned, &f.replace("%z", " %z")) {
            return show(dt);
        }
    }
    DateTime::parse_from_rfc2822(s).ok().and_then(show)
}

/// A date and time without an offset: a local time.
fn local(s: &str) -> Option<String> {
    const FORMATS: [&str; 4] = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ];
    FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .filter(|dt| plausible(chrono::Datelike::year(&dt.date())))
        .map(|dt| dt.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// A date alone: "2024-01-02", "2024/01/02", "20240102", "02.01.2024".
fn date_only(s: &str) -> Option<String> {
    const FORMATS: [&str; 3] = ["%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"];
    let compact = || {
        (s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| NaiveDate::parse_from_str(s, "%Y%m%d").ok())
            .flatten()
    };
    FORMATS
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
        .or_else(compact)
        .and_then(show_date)
}

fn show_date(d: NaiveDate) -> Option<String> {
    plausible(chrono::Datelike::year(&d)).then(|| d.format("%Y-%m-%d").to_string())
}

/// The date of a value that opens with an ISO date and goes on in a way the forms above do
/// not read ("2024-01-02T10:00:00.000-05:00[America/New_York]", "2024-01-02 (updated)").
fn iso_prefix(s: &str) -> Option<String> {
    let head = s.get(..10)?;
    let rest = &s[10..];
    let separated = rest.starts_with(['T', 't', ' ', '_']);
    if !separated {
        return None;
    }
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .and_then(show_date)
}

/// Month names and their usual short forms, in the languages wirediff segments, by month.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro", "januari", "jänner",
    ],
    &[
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "febrero",
        "febbraio",
        "fevereiro",
        "februari",
        "févr",
    ],
    &[
        "march", "mar", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mrt",
    ],
    &["april", "apr", "avril", "abril", "aprile"],
    &["may", "mai", "mayo", "maggio", "maio", "mei"],
    &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
    &[
        "july", "jul", "juli", "juillet", "julio", "luglio", "julho", "juil",
    ],
    &["august", "aug", "août", "aout", "agosto", "augustus"],
    &[
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setembro",
        "settembre",
        "set",
    ],
    &[
        "october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro", "out",
    ],
    &["november", "nov", "novembre", "noviembre", "novembro"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "diciembre",
        "dicembre",
        "dezembro",
        "déc",
    ],
];

/// The month (1 to 12) a word names, in any case, with or without a closing period.
fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    (MONTHS.iter().position(|names| names.contains(&w.as_str()))).map(|i| i as u32 + 1)
}

/// A written date: a month by name, a day number beside it (before it, maybe with "." or
/// "de"; or after it) and a four-digit year after it. Weekdays, times and other words
/// around them are passed over.
fn written(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // A day: one or two digits, maybe with an ordinal ending ("2nd", "1er", "3º").
    let day = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
        (!digits.is_empty() && digits.len() <= 2 && w.len() - digits.len() <= 2)
            .then(|| digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d)))
            .flatten()
    };
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w) else { continue };
        // Short forms that are words too ("may", "mar", "set", "out") count only beside a
        // number.
        let before = i
            .checked_sub(1)
            .and_then(|j| words.get(j).and_then(|w| day(w)))
            .or_else(|| {
                (i >= 2 && words[i - 1].eq_ignore_ascii_case("de"))
                    .then(|| day(words[i - 2]))
                    .flatten()
            });
        let after = words.get(i + 1).and_then(|w| day(w));
        let Some(d) = before.or(after) else { continue };
        let year = words[i + 1..].iter().take(4).find_map(|w| {
            (w.len() == 4)
                .then(|| w.parse::<i32>().ok())
                .flatten()
                .filter(|y| plausible(*y))
        })?;
        return NaiveDate::from_ymd_opt(year, m, d).and_then(show_date);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::iso8601;

    #[test]
    fn machine_forms_keep_their_precision() {
        for (raw, want) in [
            ("2024-01-02", "2024-01-02"),
            (" 2024-01-02 ", "2024-01-02"),
            ("2024/01/02", "2024-01-02"),
            ("20240102", "2024-01-02"),
            ("02.01.2024", "2024-01-02"),
            ("2024-01-02T10:00:00Z", "2024-01-02T10:00:00Z"),
            ("2024-01-02T10:00:00.123Z", "2024-01-02T10:00:00Z"),
            ("2024-01-02T10:00:00+01:00", "2024-01-02T10:00:00+01:00"),
            ("2024-01-02T10:00:00+0100", "2024-01-02T10:00:00+01:00"),
            ("2024-01-02T10:00-05:00", "2024-01-02T10:00:00-05:00"),
            ("2024-01-02 10:00:00 +0000", "2024-01-02T10:00:00Z"),
            ("2024-01-02T10:00:00", "2024-01-02T10:00:00"),
            ("2024-01-02 10:00", "2024-01-02T10:00:00"),
            ("Tue, 02 Jan 2024 10:00:00 GMT", "2024-01-02T10:00:00Z"),
            (
                "Tue, 2 Jan 2024 10:00:00 -0500",
                "2024-01-02T10:00:00-05:00",
            ),
            (
                "2024-01-02T10:00:00.000-05:00[America/New_York]",
                "2024-01-02",
            ),
        ] {
            assert_eq!(iso8601(raw).as_deref(), Some(want), "{raw:?}");
        }
    }

    #[test]
    fn written_dates_in_seven_languages() {
        for (raw, want) in [
            ("January 2, 2024", "2024-01-02"),
            ("Jan. 2, 2024", "2024-01-02"),
            ("Tuesday, January 2nd, 2024 10:32 AM EST", "2024-01-02"),
            ("2 January 2024", "2024-01-02"),
            ("Published 21st Sept 2023", "2023-09-21"),
            ("3. Oktober 2024", "2024-10-03"),
            ("Donnerstag, 3. Oktober 2024, 14:05 Uhr", "2024-10-03"),
            ("3 octobre 2024", "2024-10-03"),
            ("le 1er décembre 2023", "2023-12-01"),
            ("3 de octubre de 2024", "2024-10-03"),
            ("3 ottobre 2024", "2024-10-03"),
            ("3 de outubro de 2024", "2024-10-03"),
            ("3 oktober 2024", "2024-10-03"),
            ("May 5, 2021", "2021-05-05"),
        ] {
            assert_eq!(iso8601(raw).as_deref(), Some(want), "{raw:?}");
        }
    }

    #[test]
    fn what_is_not_surely_a_date_is_none() {
        for raw in [
            "",
            "yesterday",
            "02/01/2024",
            "2024-13-40",
            "31 February 2024",
            "May the force be with you",
            "Updated 5 hours ago",
            "10:32 AM",
            "1776-07-04",
            "12345678",
        ] {
            assert_eq!(iso8601(raw), None, "{raw:?}");
        }
    }
}
