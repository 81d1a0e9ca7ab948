//! Command-line values: sizes, durations and the side-by-side view's width, parsed from
//! flags and the environment with messages that name where a bad value came from.

use std::time::Duration;

use wirediff::Remedy;
use wirediff::report::{DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, terminal_text};

/// What to do about an error, in the command line's words: the flag that helps.
pub fn remedy(r: Remedy) -> &'static str {
    match r {
        Remedy::RaiseSizeLimit => "raise --max-bytes",
        Remedy::RaiseSentenceLimit => "raise --max-sentences",
        Remedy::RaiseTimeout => "raise --timeout",
        Remedy::FetchOnline => "run once without --offline",
        Remedy::GiveCache => "give --cache DIR, or leave out --offline",
        Remedy::RebuildIndex => "rebuild it: run `wirediff index` into a new directory",
        Remedy::GiveDate => "give the article's date with --date YYYY-MM-DD",
    }
}

/// The remedy of the first library error in `err`'s chain that has one.
pub fn remedy_of(err: &anyhow::Error) -> Option<Remedy> {
    err.chain().find_map(|e| {
        if let Some(e) = e.downcast_ref::<wirediff::Error>() {
            e.remedy()
        } else if let Some(e) = e.downcast_ref::<wirediff::FetchError>() {
            e.remedy()
        } else if let Some(e) = e.downcast_ref::<wirediff::corpus::CorpusError>() {
            e.remedy()
        } else {
            None
        }
    })
}

/// Parses a size: bytes (`1500`), or a number with a unit: `KB`, `MB`, `GB` (powers of 1000)
/// or `KiB`, `MiB`, `GiB` (powers of 1024); `K`, `M`, `G` mean KB, MB, GB. Case-insensitive.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    if number.is_empty() {
        return Err(format!("\"{s}\" is not a size; try 20MB or 500KB"));
    }
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other => {
            return Err(format!(
                "unknown unit \"{other}\"; use bytes or KB, MB, GB, KiB, MiB, GiB"
            ));
        }
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("\"{s}\" is not a size; try 20MB or 500KB"))?;
    let bytes = value * multiplier as f64;
    if !(bytes >= 1.0 && bytes < u64::MAX as f64) {
        return Err("the size must be at least 1 byte".to_string());
    }
    Ok(bytes.round() as u64)
}

/// Parses a positive number of seconds (`30`, `2.5`).
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .trim()
        .trim_end_matches('s')
        .parse()
        .map_err(|_| format!("\"{s}\" is not a number of seconds"))?;
    if !(secs > 0.0 && secs <= 86_400.0) {
        return Err("give a number of seconds above 0 (and at most a day)".to_string());
    }
    Ok(Duration::from_secs_f64(secs))
}

/// Parses a view width: a whole number of columns, [`MIN_WIDTH`] to [`MAX_WIDTH`].
pub fn parse_width(s: &str) -> Result<usize, String> {
    let range = format!("a number of columns from {MIN_WIDTH} to {MAX_WIDTH}");
    match s.trim().parse::<usize>() {
        Ok(n) if (MIN_WIDTH..=MAX_WIDTH).contains(&n) => Ok(n),
        Ok(n) if n < MIN_WIDTH => Err(format!("too narrow for two columns; give {range}")),
        Ok(_) => Err(format!("too wide; give {range}")),
        Err(_) => Err(format!("not a width; give {range}")),
    }
}

/// The side-by-side view's width: `flag` (`--width`), else `env` (`WIREDIFF_WIDTH`, when set
/// and not empty), else the terminal's width (kept within [`MIN_WIDTH`] and [`MAX_WIDTH`]),
/// else [`DEFAULT_WIDTH`]. An invalid width is an error naming where it came from.
pub fn side_width(
    flag: Option<&str>,
    env: Option<&str>,
    terminal: Option<usize>,
) -> Result<usize, String> {
    if let Some(f) = flag {
        return parse_width(f).map_err(|e| format!("--width {}: {e}", terminal_text(f)));
    }
    if let Some(v) = env.filter(|v| !v.trim().is_empty()) {
        return parse_width(v).map_err(|e| format!("WIREDIFF_WIDTH={}: {e}", terminal_text(v)));
    }
    Ok(terminal.map_or(DEFAULT_WIDTH, |w| w.clamp(MIN_WIDTH, MAX_WIDTH)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("20MB"), Ok(20_000_000));
        assert_eq!(parse_size("20 mb"), Ok(20_000_000));
        assert_eq!(parse_size("500k"), Ok(500_000));
        assert_eq!(parse_size("1MiB"), Ok(1 << 20));
        assert_eq!(parse_size("1.5MB"), Ok(1_500_000));
        assert_eq!(parse_size("1234"), Ok(1234));
        assert!(parse_size("0").is_err());
        assert!(parse_size("lots").is_err());
        assert!(parse_size("3 parsecs").is_err());
    }

    #[test]
    fn seconds_parse() {
        assert_eq!(parse_seconds("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_seconds("2.5"), Ok(Duration::from_millis(2500)));
        assert_eq!(parse_seconds("5s"), Ok(Duration::from_secs(5)));
        assert!(parse_seconds("0").is_err());
        assert!(parse_seconds("-1").is_err());
        assert!(parse_seconds("soon").is_err());
    }

    #[test]
    fn widths_parse_within_bounds() {
        assert_eq!(parse_width("100"), Ok(100));
        assert_eq!(parse_width(" 40 "), Ok(40));
        assert!(parse_width("39").unwrap_err().contains("too narrow"));
        assert!(parse_width("wide").unwrap_err().contains("not a width"));
        assert!(parse_width("-5").is_err());
        assert!(parse_width("100000").unwrap_err().contains("too wide"));
    }

    #[test]
    fn width_comes_from_flag_then_env_then_terminal() {
        assert_eq!(side_width(Some("80"), Some("60"), Some(120)), Ok(80));
        assert_eq!(side_width(None, Some("60"), Some(120)), Ok(60));
        assert_eq!(side_width(None, Some(""), Some(120)), Ok(120));
        assert_eq!(side_width(None, None, Some(20)), Ok(MIN_WIDTH));
        assert_eq!(side_width(None, None, None), Ok(DEFAULT_WIDTH));
        let err = side_width(None, Some("abc"), None).unwrap_err();
        assert!(err.starts_with("WIREDIFF_WIDTH=abc: "), "{err}");
        let err = side_width(Some("10"), None, None).unwrap_err();
        assert!(err.starts_with("--width 10: too narrow"), "{err}");
    }
}
