//! Small text helpers shared by the views, the guide and the CLI: word wrapping and truncation
//! by display width (in time linear in the text), eliding the middle of long paths, the cut a
//! screen shows of an enormous item, and an error with its causes on one line.

use std::borrow::Cow;

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
    // The width of `line`, kept as it grows, so the time is linear in the text.
    let mut line_width = 0;
    for word in text.split_whitespace() {
        let word_width = width(word);
        let needed = if line.is_empty() {
            word_width
        } else {
            line_width + 1 + word_width
        };
        if needed > max && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0;
        }
        if !line.is_empty() {
            line.push(' ');
            line_width += 1;
        }
        for c in word.chars() {
            let c_width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if line_width + c_width > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0;
            }
            line.push(c);
            line_width += c_width;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The most of one item a screen shows, in bytes (some 50 lines of an 80-column pane).
pub const SCREEN_LIMIT: usize = 4 * 1024;

/// `text` as a screen shows it: whole, or led by a notice of its whole size and cut after
/// [`SCREEN_LIMIT`] bytes (at a character boundary). Only the screen is cut: the review and
/// its file keep every word.
pub fn for_screen(text: &str) -> Cow<'_, str> {
    if text.len() <= SCREEN_LIMIT {
        return Cow::Borrowed(text);
    }
    let mut cut = SCREEN_LIMIT;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    Cow::Owned(format!(
        "[{} — shown cut, kept whole in the file] {} …",
        size(text.len()),
        &text[..cut]
    ))
}

/// A size in bytes as people read it: `940 bytes`, `12 KB`, `19.1 MB`.
pub fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    match bytes {
        b if b < KB => format!("{b} bytes"),
        b if b < MB => format!("{} KB", b.div_ceil(KB)),
        b => format!("{}.{} MB", b / MB, (b % MB) * 10 / MB),
    }
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

/// `path` cut to at most `max` cells by replacing its middle with "…", keeping its start and
/// as much of its end (the file name) as fits: `/home/…/snapshots/2026-11-22.toml`.
pub fn elide_middle(path: &str, max: usize) -> String {
    if width(path) <= max {
        return path.to_string();
    }
    let chars: Vec<char> = path.chars().collect();
    let cell = |c: &char| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
    let budget = max.saturating_sub(1);
    let head_room = budget / 3;
    let (mut head, mut used) = (0, 0);
    while head < chars.len() && used + cell(&chars[head]) <= head_room {
        used += cell(&chars[head]);
        head += 1;
    }
    let mut tail = chars.len();
    while tail > head && used + cell(&chars[tail - 1]) <= budget {
        used += cell(&chars[tail - 1]);
        tail -= 1;
    }
    let start: String = chars[..head].iter().collect();
    let end: String = chars[tail..].iter().collect();
    format!("{start}…{end}")
}

/// `message` with its paths (words holding a `/`) shortened in the middle, longest first,
/// until it wraps into at most `rows` lines of `cells` — so the reason after a long path
/// still shows. A path keeps at least 24 cells; the message is otherwise unchanged.
pub fn fit_paths(message: &str, cells: usize, rows: usize) -> String {
    const KEEP: usize = 24;
    let mut words: Vec<String> = message.split(' ').map(str::to_string).collect();
    let fits = |words: &[String]| wrap(&words.join(" "), cells).len() <= rows.max(1);
    while !fits(&words) {
        let longest = words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.contains('/') && width(path_core(w)) > KEEP)
            .max_by_key(|(_, w)| width(w))
            .map(|(i, _)| i);
        let Some(index) = longest else {
            break;
        };
        let word = &words[index];
        let core = path_core(word);
        let tail = &word[core.len()..];
        let target = (width(core) - width(core) / 4).max(KEEP);
        let shorter = format!("{}{tail}", elide_middle(core, target));
        if shorter == *word {
            // As short as a path gets: nothing more to gain.
            break;
        }
        words[index] = shorter;
    }
    words.join(" ")
}

/// A path-like word without the punctuation after it ("…/x.toml:" → "…/x.toml").
fn path_core(word: &str) -> &str {
    word.trim_end_matches([':', ',', ';', '.', ')'])
}

/// An error and its causes on one line, `outer: cause: cause`, each said once: a cause whose
/// words the line already holds (an error that shows its source in its own message) is not
/// repeated.
pub fn error_line<'a>(
    chain: impl IntoIterator<Item = &'a (dyn std::error::Error + 'static)>,
) -> String {
    let mut line = String::new();
    for cause in chain {
        let said = cause.to_string();
        if line.contains(&said) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&said);
    }
    line
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
    fn an_enormous_item_is_cut_for_the_screen_with_a_notice_and_a_short_one_is_not() {
        assert!(matches!(for_screen("short"), Cow::Borrowed("short")));
        let huge = "é".repeat(10_000_000);
        let shown = for_screen(&huge);
        assert!(shown.len() < SCREEN_LIMIT + 100, "{}", shown.len());
        assert!(shown.starts_with("[19.0 MB — shown cut, kept whole in the file] éé"));
        assert!(shown.ends_with("é …"));
        assert_eq!(
            (size(940), size(12 * 1024), size(1536)),
            ("940 bytes".into(), "12 KB".into(), "2 KB".into())
        );
    }

    #[test]
    fn wrapping_takes_time_linear_in_the_text() {
        let text = "word ".repeat(2_000_000) + &"x".repeat(2_000_000);
        let start = std::time::Instant::now();
        let lines = wrap(&text, 80);
        // 16 four-letter words a line, then the 2,000,000-letter word split into 80s.
        assert_eq!(lines.len(), 2_000_000 / 16 + 2_000_000 / 80);
        // Before, each character measured the line so far: minutes for these 12 MB.
        assert!(
            start.elapsed() < std::time::Duration::from_secs(8),
            "{:?}",
            start.elapsed()
        );
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

    #[test]
    fn elide_middle_keeps_the_start_and_the_file_name() {
        let path = "/home/someone/.local/share/partnerbook/snapshots/2026-11-22.toml";
        let short = elide_middle(path, 30);
        assert_eq!(width(&short), 30, "{short}");
        assert!(
            short.starts_with("/home/") && short.ends_with("2026-11-22.toml"),
            "{short}"
        );
        assert!(short.contains('…'));
        assert_eq!(elide_middle("/tmp/a.toml", 30), "/tmp/a.toml");
    }

    #[test]
    fn fit_paths_shortens_the_path_so_the_reason_shows() {
        let path = format!(
            "/home/someone/{}/snapshots/2026-11-22.toml",
            "deep/".repeat(20)
        );
        let message = format!("Not saved — cannot write {path}: Permission denied (os error 13).");
        let fitted = fit_paths(&message, 78, 2);
        let lines = wrap(&fitted, 78);
        assert!(lines.len() <= 2, "{lines:?}");
        assert!(
            fitted.ends_with("2026-11-22.toml: Permission denied (os error 13)."),
            "{fitted}"
        );
        assert_eq!(fit_paths("short and sweet", 78, 1), "short and sweet");
    }

    #[test]
    fn error_line_says_each_cause_once() {
        #[derive(Debug)]
        struct Shows(std::io::Error);
        impl std::fmt::Display for Shows {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "cannot read /x: {}", self.0)
            }
        }
        impl std::error::Error for Shows {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let error = anyhow::Error::new(Shows(std::io::Error::from_raw_os_error(40)))
            .context("cannot open the review");
        let line = error_line(error.chain());
        assert_eq!(line.matches("(os error 40)").count(), 1, "{line}");
        assert!(
            line.starts_with("cannot open the review: cannot read /x: "),
            "{line}"
        );
    }

    #[test]
    fn fitting_paths_ends_when_a_path_followed_by_punctuation_is_as_short_as_it_gets() {
        let message = "Saved /tmp/.tmpusL93z/snapshots/2026-11-22.toml: and /a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p.toml),";
        let fitted = fit_paths(message, 20, 1);
        assert!(fitted.starts_with("Saved "), "{fitted}");
        assert!(fitted.ends_with(".toml),"), "{fitted}");
    }
}
