//! Small text helpers shared by the views and the guide: word wrapping and truncation by display width.

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

/// A date as people read it everywhere, in the app and the CLI: `Sun 22 Nov 2026`. Machine
/// output (JSON) and file names keep `YYYY-MM-DD`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Display width of `text` in terminal cells.
pub fn width(text: &str) -> usize {
    text.width()
}

/// Wraps `text` into lines at most `max` cells wide, breaking at spaces and splitting
/// words that are longer than a line. Always returns at least one line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        for c in word.chars() {
            let c_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if width(&line) + c_width > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts `text` to at most `max` cells, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        let c_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if width(&out) + c_width + 1 > max {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// `text` cut to `cells` and padded with spaces to exactly `cells` wide (left-aligned).
pub fn pad(text: &str, cells: usize) -> String {
    let cut = truncate(text, cells);
    let gap = cells.saturating_sub(width(&cut));
    format!("{cut}{}", " ".repeat(gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
    }

    #[test]
    fn wrap_splits_words_longer_than_a_line_and_counts_wide_characters() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("会議の準備", 4), ["会議", "の準", "備"]);
    }

    #[test]
    fn wrap_of_nothing_is_one_empty_line() {
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn pad_fills_to_the_width_by_cells() {
        assert_eq!(pad("会議", 6), "会議  ");
        assert_eq!(pad("partnership", 6), "partn…");
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("partnership", 6), "partn…");
        assert_eq!(truncate("会議の準備", 5), "会議…");
        assert_eq!(truncate("short", 10), "short");
    }
}
