//! `partnerbook compare` as plain text: two reviews, older first, with what moved between them.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::domain::compare::{Change, Comparison, signed};
use crate::domain::content::{ITEMS_PER_LIST, Workbook};
use crate::domain::review::Review;
use crate::domain::text::{width, wrap};
use crate::domain::verdict;

/// From this many columns on, the Next steps of both reviews are shown side by side.
pub const SIDE_BY_SIDE_WIDTH: usize = 100;

/// The narrowest layout the page is laid out for; smaller widths are treated as this.
const MIN_WIDTH: usize = 40;

/// The widest layout: wider widths (a huge `$COLUMNS`) are treated as this.
pub const MAX_WIDTH: usize = 1000;

/// Gap between the two Next steps columns.
const GAP: usize = 3;

/// The whole comparison, laid out for a terminal `cols` columns wide (kept within
/// [`MIN_WIDTH`] and [`MAX_WIDTH`]).
pub fn compare(c: &Comparison, workbook: &Workbook, cols: usize) -> String {
    let cols = cols.clamp(MIN_WIDTH, MAX_WIDTH);
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
    score_line(&mut out, c, workbook, cols);

    answers(&mut out, c, workbook, cols);
    skills(&mut out, c, workbook, cols);
    ratings(&mut out, c, workbook);
    next_steps(&mut out, c, workbook, cols);
    out
}

/// A date as people read it in every CLI output, e.g. `Sun 22 Nov 2026`; machine output (JSON)
/// and file names keep `YYYY-MM-DD`.
pub fn long_date(date: NaiveDate) -> String {
    crate::domain::text::long_date(date)
}

/// `Score  7/10 … → 9/10 …  +2`, then, when a partial review is involved, a note saying which:
/// on the same line when it fits in `cols`, else wrapped under the scores.
fn score_line(out: &mut String, c: &Comparison, workbook: &Workbook, cols: usize) {
    let line = format!(
        "Score  {} → {}  {}",
        score(&c.older, workbook),
        score(&c.newer, workbook),
        signed(c.score_delta())
    );
    let note = c
        .involves_partial()
        .then(|| verdict::change_note(&c.older.summary(), &c.newer.summary()))
        .flatten();
    match note {
        None => {
            let _ = writeln!(out, "\n{line}");
        }
        Some(note) if width(&line) + 1 + width(&note) <= cols => {
            let _ = writeln!(out, "\n{line} {note}");
        }
        Some(note) => {
            let _ = writeln!(out, "\n{line}");
            hanging(out, "       ", &note, cols);
        }
    }
}

/// `7/10 Could be more productive`, or `0/10 Not started` before the first answer.
fn score(review: &Review, workbook: &Workbook) -> String {
    let summary = review.summary();
    let band = verdict::band(&summary, workbook).map_or(verdict::NOT_STARTED_SHORT, |b| &b.name);
    format!("{}/{} {band}", summary.score, summary.questions)
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
    let label_cells = Change::ALL
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
    let counts: Vec<String> = Change::ALL
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
mod tests;
