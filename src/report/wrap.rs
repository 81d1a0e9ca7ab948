//! Wrapping text into columns by display width, for the side-by-side view.
//!
//! Widths are terminal columns as `unicode-width` counts them (a CJK character is 2, a
//! combining mark 0), measured on plain text: styles are applied after wrapping, so escape
//! codes never count. Lines break at spaces, never inside a grapheme cluster; a word longer
//! than the column is broken between its clusters.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The display width of `s` in terminal columns.
pub(crate) fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to exactly `cols` display columns (unchanged when it is as wide or
/// wider).
pub(crate) fn pad(s: &str, cols: usize) -> String {
    let w = width(s);
    let mut out = String::with_capacity(s.len() + cols.saturating_sub(w));
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// One unit of layout: a grapheme cluster (or, for a cluster wider than the column, one
/// of its characters), the span it comes from and its width.
struct Unit<'a> {
    text: &'a str,
    span: usize,
    width: usize,
    space: bool,
}

/// Wraps styled text (pieces of text, each with its style) into lines of at most `cols`
/// display columns. Each line is its pieces, consecutive text of one piece merged; spaces
/// where a line breaks are dropped.
pub(crate) fn wrap<S: Clone>(pieces: &[(String, S)], cols: usize) -> Vec<Vec<(String, S)>> {
    let cols = cols.max(1);
    let mut units = Vec::new();
    for (span, (text, _)) in pieces.iter().enumerate() {
        for g in text.graphemes(true) {
            let w = width(g);
            if w > cols {
                // A cluster wider than the column (a long emoji sequence, say): its
                // characters one by one, so that no line overflows.
                for (i, c) in g.char_indices() {
                    let t = &g[i..i + c.len_utf8()];
                    units.push(Unit {
                        text: t,
                        span,
                        width: width(t),
                        space: false,
                    });
                }
            } else {
                let space = g.chars().all(is_break_space);
                units.push(Unit {
                    text: g,
                    span,
                    width: w,
                    space,
                });
            }
        }
    }

    let mut lines: Vec<Vec<&Unit>> = Vec::new();
    let mut line: Vec<&Unit> = Vec::new();
    let mut line_w = 0;
    let mut i = 0;
    while i < units.len() {
        let sp_start = i;
        while i < units.len() && units[i].space {
            i += 1;
        }
        let word_start = i;
        while i < units.len() && !units[i].space {
            i += 1;
        }
        let (spaces, word) = (&units[sp_start..word_start], &units[word_start..i]);
        if word.is_empty() {
            break; // trailing spaces
        }
        let sp_w: usize = spaces.iter().map(|u| u.width).sum();
        let word_w: usize = word.iter().map(|u| u.width).sum();
        if !line.is_empty() {
            if line_w + sp_w + word_w <= cols {
                line.extend(spaces);
                line.extend(word);
                line_w += sp_w + word_w;
                continue;
            }
            lines.push(std::mem::take(&mut line));
            line_w = 0;
        }
        // At the start of a line: the word, broken between clusters if it is too long.
        for u in word {
            if line_w + u.width > cols && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            line.push(u);
            line_w += u.width;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }

    lines
        .into_iter()
        .map(|line| {
            let mut out: Vec<(String, S)> = Vec::new();
            let mut last = usize::MAX;
            for u in line {
                match out.last_mut() {
                    Some((t, _)) if u.span == last => t.push_str(u.text),
                    _ => out.push((u.text.to_string(), pieces[u.span].1.clone())),
                }
                last = u.span;
            }
            out
        })
        .collect()
}

/// Spaces a line may break at: not the no-break ones.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Wraps plain text: each line as a string.
#[cfg(test)]
pub(crate) fn wrap_str(s: &str, cols: usize) -> Vec<String> {
    wrap(&[(s.to_string(), ())], cols)
        .into_iter()
        .map(|l| l.into_iter().map(|(t, ())| t).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widths(lines: &[String]) -> Vec<usize> {
        lines.iter().map(|l| width(l)).collect()
    }

    #[test]
    fn breaks_at_spaces_within_the_width() {
        let lines = wrap_str("The council met on Monday to vote on the budget.", 16);
        assert_eq!(
            lines,
            ["The council met", "on Monday to", "vote on the", "budget."]
        );
        assert!(widths(&lines).iter().all(|&w| w <= 16));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        // Eleven CJK characters are 22 columns: in 9 columns, four a line (8 columns), never
        // four and a half.
        let lines = wrap_str("习近平呼吁中亚邻国警惕", 9);
        assert_eq!(lines, ["习近平呼", "吁中亚邻", "国警惕"]);
        assert_eq!(widths(&lines), [8, 8, 6]);
    }

    #[test]
    fn combining_marks_count_zero_and_stay_with_their_letter() {
        // "é" written as e + U+0301: 5 letters, 5 columns, though 10 characters.
        let word = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}";
        assert_eq!(width(word), 5);
        assert_eq!(wrap_str(word, 5), [word]);
        let lines = wrap_str(word, 2);
        assert_eq!(lines, ["e\u{301}e\u{301}", "e\u{301}e\u{301}", "e\u{301}"]);
        // No line starts with a lone combining mark.
        assert!(lines.iter().all(|l| !l.starts_with('\u{301}')));
    }

    #[test]
    fn long_words_are_broken_to_fit() {
        let lines = wrap_str(
            "see https://example.com/a/very/long/path/to/a/story now",
            12,
        );
        assert_eq!(
            lines,
            [
                "see",
                "https://exam",
                "ple.com/a/ve",
                "ry/long/path",
                "/to/a/story",
                "now"
            ]
        );
        assert!(widths(&lines).iter().all(|&w| w <= 12));
    }

    #[test]
    fn a_wide_character_never_straddles_the_edge() {
        // 5 columns: "ab" then a 2-column character fits (4), the next one would make 6.
        let lines = wrap_str("ab中文字", 5);
        assert_eq!(lines, ["ab中", "文字"]);
    }

    #[test]
    fn no_break_spaces_hold_words_together() {
        let lines = wrap_str("at 10\u{A0}a.m. today", 8);
        assert_eq!(lines, ["at", "10\u{A0}a.m.", "today"]);
    }

    #[test]
    fn styles_follow_their_text_across_breaks() {
        let pieces = vec![
            ("He ".to_string(), 'p'),
            ("[-gave no details-]".to_string(), 'd'),
            (".".to_string(), 'p'),
        ];
        let lines = wrap(&pieces, 10);
        assert_eq!(
            lines,
            [
                vec![("He ".to_string(), 'p'), ("[-gave".to_string(), 'd')],
                vec![("no".to_string(), 'd')],
                vec![("details-]".to_string(), 'd'), (".".to_string(), 'p')],
            ]
        );
    }

    #[test]
    fn padding_is_exact_in_display_columns() {
        assert_eq!(pad("abc", 6), "abc   ");
        assert_eq!(width(&pad("中文", 6)), 6);
        assert_eq!(pad("中文", 6), "中文  ");
        assert_eq!(width(&pad("e\u{301}", 3)), 3);
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(pad("toolong", 3), "toolong");
    }

    #[test]
    fn empty_and_blank_text_gives_no_lines() {
        assert!(wrap_str("", 10).is_empty());
        assert!(wrap_str("   ", 10).is_empty());
    }
}
