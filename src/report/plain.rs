//! Plain-text renderings of reviews for the command line: the `list` row and the `show` page.

use std::fmt::Write as _;

use crate::domain::content::{ITEMS_PER_LIST, Workbook};
use crate::domain::review::{Progress, Review, Summary};
use crate::domain::verdict;
use crate::report::compare_report::long_date;

/// One `list` line: date, score, band, skills.
pub fn list_row(review: &Review, workbook: &Workbook) -> String {
    summary_row(&review.summary(), workbook)
}

/// One `list` line from a review's counts: date, score, band (or "Not started"), skills, and
/// for a partial review how many questions are answered.
pub fn summary_row(summary: &Summary, workbook: &Workbook) -> String {
    let band = verdict::band(summary, workbook).map_or(verdict::NOT_STARTED_SHORT, |b| &b.name);
    let partial = if summary.is_partial() {
        format!("  · {}", verdict::answered(summary))
    } else {
        String::new()
    };
    format!(
        "{}  {:>5}  {:<24}  skills {}/{}{partial}",
        summary.date.format("%Y-%m-%d"),
        format!("{}/{}", summary.score, summary.questions),
        band,
        summary.practised,
        summary.skills
    )
}

/// The whole review as readable plain text.
pub fn show(review: &Review, workbook: &Workbook) -> String {
    let mut out = String::new();
    let saved = review
        .saved_at
        .map(|t| {
            let time = t.format("%H:%M %:z");
            format!(" (saved {} {time})", long_date(t.date_naive()))
        })
        .unwrap_or_default();
    let _ = writeln!(out, "Review of {}{saved}", long_date(review.date));
    let summary = review.summary();
    let band = verdict::band(&summary, workbook);
    let _ = match band {
        None => writeln!(out, "\nSelf-assessment: {}", verdict::NOT_STARTED),
        Some(band) => writeln!(
            out,
            "\nSelf-assessment: {}/{} — {} ({})",
            summary.score,
            summary.questions,
            band.name,
            verdict::partial_note(&summary).unwrap_or_else(|| verdict::answered(&summary))
        ),
    };
    for (question, answer) in workbook.questions.iter().zip(&review.answers) {
        let label = match answer {
            Some(true) => "Yes",
            Some(false) => "No",
            None => "-",
        };
        let _ = writeln!(out, "  {label:<3}  {}", question.text);
    }
    if let Some(band) = band {
        let _ = writeln!(out, "  {}", band.advice);
        let _ = writeln!(out, "  Focus on: {}", band.focus.join(", "));
    }

    let _ = writeln!(
        out,
        "\nEssential skills: {}/{} practised well",
        review.practised(),
        review.skills.len()
    );
    for (skill, entry) in workbook.skills.iter().zip(&review.skills) {
        let tick = if entry.practised { "[x]" } else { "[ ]" };
        let rating = entry
            .rating
            .map(|r| format!("  rated {r}/5"))
            .unwrap_or_default();
        let _ = writeln!(out, "  {tick} {}{rating}", skill.name);
    }

    let _ = writeln!(out, "\nNext steps");
    for (list, items) in workbook.next_steps.iter().zip(&review.next_steps) {
        let _ = writeln!(out, "  {}", list.title);
        for (n, item) in items.iter().enumerate().take(ITEMS_PER_LIST) {
            let text = if item.trim().is_empty() {
                "-"
            } else {
                item.as_str()
            };
            let _ = writeln!(out, "    {}. {}", n + 1, text.replace('\n', "\n       "));
        }
    }
    follow_up(&mut out, review);
    out
}

/// The follow-up of the previous review's plans: each plan with how it went.
fn follow_up(out: &mut String, review: &Review) {
    let Some(follow_up) = &review.follow_up else {
        return;
    };
    let _ = writeln!(
        out,
        "\nFollow-up of the plans from {}: {} of {} marked",
        long_date(follow_up.from),
        follow_up.reviewed(),
        follow_up.items.len()
    );
    if follow_up.items.is_empty() {
        let _ = writeln!(out, "  no plans were carried over");
    }
    for item in &follow_up.items {
        let status = item.status.map_or("-", Progress::label);
        let text = item.text.trim().replace('\n', "\n           ");
        let _ = writeln!(out, "  {status:<7}  {text}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{FollowUp, FollowUpItem};
    use chrono::NaiveDate;

    #[test]
    fn list_row_shows_date_score_band_and_skills() {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"), wb);
        for i in 0..10 {
            review.set_answer(i, Some(i < 6));
        }
        review.toggle_practised(0);
        let row = list_row(&review, wb);
        assert!(
            row.starts_with("2026-05-01   6/10  Could be more productive"),
            "{row}"
        );
        assert!(row.ends_with("skills 1/9"), "{row}");
        assert_eq!(summary_row(&review.summary(), wb), row);
    }

    #[test]
    fn list_row_of_a_partial_review_says_how_much_is_answered() {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"), wb);
        for i in 0..9 {
            review.set_answer(i, Some(i < 4));
        }
        let row = list_row(&review, wb);
        assert!(row.contains("   4/10  Needs attention"), "{row}");
        assert!(row.ends_with("skills 0/9  · 9 of 10 answered"), "{row}");
        review.set_answer(9, Some(false));
        assert!(list_row(&review, wb).ends_with("skills 0/9"));
    }

    #[test]
    fn an_unstarted_review_has_no_verdict() {
        let wb = Workbook::embedded();
        let review = Review::new(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"), wb);
        let row = list_row(&review, wb);
        assert!(
            row.starts_with("2026-05-01   0/10  Not started               skills 0/9"),
            "{row}"
        );
        let page = show(&review, wb);
        assert!(
            page.contains("\nSelf-assessment: not started — no questions answered yet\n"),
            "{page}"
        );
        let needs_attention = wb.band_for(0);
        assert!(!page.contains(&needs_attention.name), "{page}");
        assert!(!page.contains(&needs_attention.advice), "{page}");
        assert!(!page.contains("Focus on"), "{page}");
    }

    #[test]
    fn show_lists_answers_skills_and_items() {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"), wb);
        review.set_answer(7, Some(false));
        review.set_rating(4, Some(2));
        review.set_item(6, "Ask about the roadmap".into());
        let page = show(&review, wb);
        assert!(page.contains("No   Do you trust your boss?"), "{page}");
        assert!(page.contains("[ ] Decision making  rated 2/5"), "{page}");
        assert!(page.contains("1. Ask about the roadmap"), "{page}");
        assert!(
            page.contains("0/10 — Needs attention (partial: 1 of 10 answered)"),
            "{page}"
        );
    }

    #[test]
    fn show_ends_with_the_follow_up_of_the_previous_plans() {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"), wb);
        let item = |text: &str, status| FollowUpItem {
            text: text.into(),
            status,
        };
        review.follow_up = Some(FollowUp {
            from: NaiveDate::from_ymd_opt(2026, 8, 1).expect("date"),
            items: vec![
                item("Lunch", Some(Progress::Done)),
                item("Feedback\nafter each launch", Some(Progress::NotYet)),
                item("Roadmap", None),
            ],
        });
        let page = show(&review, wb);
        assert!(
            page.ends_with(
                "\nFollow-up of the plans from Sat 1 Aug 2026: 2 of 3 marked\n  \
                 done     Lunch\n  \
                 not yet  Feedback\n           after each launch\n  \
                 -        Roadmap\n"
            ),
            "{page}"
        );
        review.follow_up = None;
        assert!(!show(&review, wb).contains("Follow-up"));
    }

    #[test]
    fn show_writes_dates_in_the_one_human_style() {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 8, 30).expect("date"), wb);
        review.saved_at = chrono::DateTime::parse_from_rfc3339("2026-08-31T09:05:00+02:00").ok();
        let page = show(&review, wb);
        assert!(
            page.starts_with("Review of Sun 30 Aug 2026 (saved Mon 31 Aug 2026 09:05 +02:00)\n"),
            "{page}"
        );
    }
}
