//! `partnerbook compare` as plain text: two reviews, older first, with what moved between them.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::compare::{Change, Comparison, signed};
use crate::content::{ITEMS_PER_LIST, Workbook};
use crate::review::Review;
use crate::ui::text::{width, wrap};

/// From this many columns on, the Next steps of both reviews are shown side by side.
pub const SIDE_BY_SIDE_WIDTH: usize = 100;

/// The narrowest layout the page is laid out for; smaller widths are treated as this.
const MIN_WIDTH: usize = 40;

/// Gap between the two Next steps columns.
const GAP: usize = 3;

/// The whole comparison, laid out for a terminal `cols` columns wide.
pub fn compare(c: &Comparison, workbook: &Workbook, cols: usize) -> String {
    let cols = cols.max(MIN_WIDTH);
    let (older, newer) = (&c.older, &c.newer);
    let mut out = String::new();
    let days = (newer.date - older.date).num_days();
    let apart = match days {
        1 => " (1 day apart)".to_string(),
        d => format!(" ({d} days apart)"),
    };
    let _ = writeln!(
        out,
        "Reviews of {} → {}{apart}",
        long_date(older.date),
        long_date(newer.date)
    );
    let _ = writeln!(
        out,
        "\nScore  {} → {}  {}",
        score(older, workbook),
        score(newer, workbook),
        signed(c.score_delta())
    );

    answers(&mut out, c, workbook, cols);
    skills(&mut out, c, workbook, cols);
    ratings(&mut out, c, workbook);
    next_steps(&mut out, c, workbook, cols);
    out
}

/// `22 November 2026`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

fn score(review: &Review, workbook: &Workbook) -> String {
    let band = workbook.band_for(review.score());
    format!("{}/{} {}", review.score(), review.answers.len(), band.name)
}

fn answer(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "-",
    }
}

/// Pads `text` with spaces to `cells` display columns.
fn pad(text: &str, cells: usize) -> String {
    let fill = cells.saturating_sub(width(text));
    format!("{text}{}", " ".repeat(fill))
}

/// Writes `text` wrapped to `cols`, the first line after `first`, the rest indented to match.
fn hanging(out: &mut String, first: &str, text: &str, cols: usize) {
    let indent = width(first);
    for (n, line) in wrap(text, cols.saturating_sub(indent)).iter().enumerate() {
        let lead = if n == 0 {
            first.to_string()
        } else {
            " ".repeat(indent)
        };
        let _ = writeln!(out, "{}", format!("{lead}{line}").trim_end());
    }
}

fn answers(out: &mut String, c: &Comparison, workbook: &Workbook, cols: usize) {
    let _ = writeln!(out, "\nSelf-assessment");
    let label_cells = [
        Change::Better,
        Change::Worse,
        Change::Same,
        Change::NewlyAnswered,
        Change::NoLongerAnswered,
        Change::Unanswered,
    ]
    .iter()
    .map(|ch| width(ch.label()))
    .max()
    .unwrap_or(0);
    for (question, a) in workbook.questions.iter().zip(&c.answers) {
        let first = format!(
            "  {} → {}  {} {}  ",
            pad(answer(a.older), 3),
            pad(answer(a.newer), 3),
            a.change.marker(),
            pad(a.change.label(), label_cells)
        );
        hanging(out, &first, &question.text, cols);
    }
    let counts: Vec<String> = [
        Change::Better,
        Change::Worse,
        Change::Same,
        Change::NewlyAnswered,
        Change::NoLongerAnswered,
        Change::Unanswered,
    ]
    .into_iter()
    .filter_map(|ch| match c.count(ch) {
        0 => None,
        n => Some(format!("{n} {}", ch.label())),
    })
    .collect();
    hanging(out, "  In short: ", &counts.join(", "), cols);
}

fn skills(out: &mut String, c: &Comparison, workbook: &Workbook, cols: usize) {
    let _ = writeln!(
        out,
        "\nEssential skills  {}/{} → {}/{} practised well",
        c.older.practised(),
        c.older.skills.len(),
        c.newer.practised(),
        c.newer.skills.len()
    );
    let names = |indexes: &[usize]| {
        let names: Vec<&str> = indexes
            .iter()
            .filter_map(|&i| workbook.skills.get(i))
            .map(|s| s.name.as_str())
            .collect();
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    };
    hanging(out, "  Gained  ", &names(&c.skills_gained), cols);
    hanging(out, "  Lost    ", &names(&c.skills_lost), cols);
}

fn ratings(out: &mut String, c: &Comparison, workbook: &Workbook) {
    let _ = writeln!(out, "\nSelf-ratings");
    if c.ratings.is_empty() {
        let _ = writeln!(out, "  No skill was rated in either review.");
        return;
    }
    let name = |i: usize| workbook.skills.get(i).map_or("", |s| s.name.as_str());
    let name_cells = c
        .ratings
        .iter()
        .map(|r| width(name(r.skill)))
        .max()
        .unwrap_or(0);
    let rating = |r: Option<u8>| r.map_or("-".to_string(), |r| r.to_string());
    for r in &c.ratings {
        let delta = r.delta().map(|d| signed(d.into())).unwrap_or_default();
        let line = format!(
            "  {}  {} → {}  {delta}",
            pad(name(r.skill), name_cells),
            rating(r.older),
            rating(r.newer)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// One review's list as lines at most `cols` wide: numbered written items, or a note.
fn list_lines(items: &[String; ITEMS_PER_LIST], cols: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for (n, item) in items.iter().enumerate() {
        if item.trim().is_empty() {
            continue;
        }
        for (i, line) in wrap(item, cols.saturating_sub(3)).into_iter().enumerate() {
            let lead = if i == 0 {
                format!("{}. ", n + 1)
            } else {
                "   ".into()
            };
            lines.push(format!("{lead}{line}"));
        }
    }
    if lines.is_empty() {
        lines.push("nothing written".into());
    }
    lines
}

fn next_steps(out: &mut String, c: &Comparison, workbook: &Workbook, cols: usize) {
    let _ = writeln!(out, "\nNext steps");
    let (older, newer) = (long_date(c.older.date), long_date(c.newer.date));
    let lists = c.older.next_steps.iter().zip(&c.newer.next_steps);
    for (list, (was, now)) in workbook.next_steps.iter().zip(lists) {
        let _ = writeln!(out, "  {}", list.title);
        if cols >= SIDE_BY_SIDE_WIDTH {
            let column = (cols - 4 - GAP) / 2;
            let left = list_lines(was, column);
            let right = list_lines(now, column);
            let rows = std::iter::once((older.clone(), newer.clone())).chain(
                (0..left.len().max(right.len())).map(|i| {
                    let cell = |side: &[String]| side.get(i).cloned().unwrap_or_default();
                    (cell(&left), cell(&right))
                }),
            );
            for (l, r) in rows {
                let line = format!("    {}{}{r}", pad(&l, column), " ".repeat(GAP));
                let _ = writeln!(out, "{}", line.trim_end());
            }
        } else {
            for (date, items) in [(&older, was), (&newer, now)] {
                let _ = writeln!(out, "    {date}");
                for line in list_lines(items, cols - 6) {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review(ymd: (i32, u32, u32)) -> Review {
        let date = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("date");
        Review::new(date, Workbook::embedded())
    }

    fn pair() -> Comparison {
        let mut may = review((2026, 5, 1));
        let mut aug = review((2026, 8, 1));
        for i in 0..5 {
            may.set_answer(i, Some(true));
        }
        may.set_answer(7, Some(false));
        for i in 0..8 {
            aug.set_answer(i, Some(true));
        }
        aug.set_answer(0, Some(false));
        aug.set_answer(9, Some(true));
        may.toggle_practised(0);
        aug.toggle_practised(5);
        may.set_rating(5, Some(2));
        aug.set_rating(5, Some(4));
        aug.set_rating(1, Some(3));
        may.set_item(0, "Send the weekly plan".into());
        aug.set_item(3, "会議の準備をする".into());
        Comparison::new(&aug, &may)
    }

    #[test]
    fn header_score_answers_skills_and_ratings() {
        let page = compare(&pair(), Workbook::embedded(), 80);
        assert!(
            page.starts_with("Reviews of 1 May 2026 → 1 August 2026 (92 days apart)\n"),
            "{page}"
        );
        assert!(
            page.contains("Score  5/10 Could be more productive → 8/10 Solid partnership  +3\n"),
            "{page}"
        );
        assert!(page.contains("  No  → Yes  ▲ better"), "{page}");
        assert!(page.contains("  Yes → No   ▼ worse"), "{page}");
        assert!(page.contains("  -   → Yes  + newly answered"), "{page}");
        assert!(
            page.contains(
                "  In short: 1 better, 1 worse, 4 same, 3 newly answered, 1 unanswered\n"
            ),
            "{page}"
        );
        assert!(page.contains("  Gained  Confidence\n"), "{page}");
        assert!(page.contains("  Lost    Knowing yourself\n"), "{page}");
        assert!(page.contains("  Setting goals  - → 3\n"), "{page}");
        assert!(page.contains("  Confidence     2 → 4  +2\n"), "{page}");
        assert!(page.lines().all(|l| width(l) <= 80), "{page}");
    }

    #[test]
    fn next_steps_go_side_by_side_only_when_wide() {
        let wb = Workbook::embedded();
        let narrow = compare(&pair(), wb, 80);
        assert!(narrow.contains("    1 May 2026\n      1. Send the weekly plan\n"));
        assert!(narrow.contains("    1 August 2026\n      nothing written\n"));
        let wide = compare(&pair(), wb, 100);
        let column = (100 - 4 - GAP) / 2;
        let header = format!("    {}{}1 August 2026\n", pad("1 May 2026", column), "   ");
        assert!(wide.contains(&header), "{wide}");
        let row = format!("    {}   nothing written\n", pad("nothing written", column));
        assert!(wide.contains(&row), "{wide}");
        let wide_chars = format!(
            "    {}   1. 会議の準備をする\n",
            pad("nothing written", column)
        );
        assert!(wide.contains(&wide_chars), "{wide}");
        assert!(wide.lines().all(|l| width(l) <= 100), "{wide}");
    }

    #[test]
    fn nothing_rated_and_nothing_gained_say_so() {
        let c = Comparison::new(&review((2026, 1, 1)), &review((2026, 1, 2)));
        let page = compare(&c, Workbook::embedded(), 30);
        assert!(page.contains("(1 day apart)"), "{page}");
        assert!(page.contains("  Gained  none\n  Lost    none\n"), "{page}");
        assert!(
            page.contains("No skill was rated in either review."),
            "{page}"
        );
        assert!(page.contains("In short: 10 unanswered"), "{page}");
    }
}
