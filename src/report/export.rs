//! `partnerbook export` as Markdown: one review as a page to take to a one-on-one.

use std::fmt::Write as _;

use crate::domain::content::Workbook;
use crate::domain::review::{Progress, Review};
use crate::domain::verdict;
use crate::report::compare_report::long_date;

/// The review as a Markdown page: score and advice, answers, skills, Next steps, follow-up.
pub fn markdown(review: &Review, workbook: &Workbook) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Partnership review — {}\n", long_date(review.date));
    let summary = review.summary();
    match verdict::band(&summary, workbook) {
        None => {
            let _ = writeln!(out, "**{}.**\n", capitalised(verdict::NOT_STARTED));
        }
        Some(band) => {
            let partial = verdict::partial_note(&summary)
                .map(|note| format!(" ({note})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "**Score {}/{} — {}{partial}.** {}\n",
                summary.score, summary.questions, band.name, band.advice
            );
            let _ = writeln!(out, "Focus on: {}.\n", band.focus.join(", "));
        }
    }

    let _ = writeln!(out, "## Self-assessment\n");
    for (n, (question, answer)) in workbook.questions.iter().zip(&review.answers).enumerate() {
        let answer = match answer {
            Some(true) => "**Yes**",
            Some(false) => "**No**",
            None => "_not answered_",
        };
        let _ = writeln!(out, "{}. {} {answer}", n + 1, question.text);
    }

    let _ = writeln!(
        out,
        "\n## Essential skills\n\n{} of {} practised well.\n",
        review.practised(),
        review.skills.len()
    );
    for (skill, entry) in workbook.skills.iter().zip(&review.skills) {
        let tick = if entry.practised { "x" } else { " " };
        let rating = entry
            .rating
            .map(|r| format!(" — rating {r}/5"))
            .unwrap_or_default();
        let _ = writeln!(out, "- [{tick}] {}{rating}", skill.name);
    }

    let _ = writeln!(out, "\n## Next steps");
    for (list, items) in workbook.next_steps.iter().zip(&review.next_steps) {
        let _ = writeln!(out, "\n### {}\n", list.title);
        let written: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
        if written.is_empty() {
            let _ = writeln!(out, "_nothing written_");
        }
        for (n, item) in written.into_iter().enumerate() {
            let _ = writeln!(out, "{}. {}", n + 1, inline(item, 3));
        }
    }

    if let Some(follow_up) = &review.follow_up {
        let _ = writeln!(
            out,
            "\n## Follow-up of the plans from {}\n",
            long_date(follow_up.from)
        );
        if follow_up.items.is_empty() {
            let _ = writeln!(out, "_no plans were carried over_");
        }
        for item in &follow_up.items {
            let status = match item.status {
                Some(Progress::Done) => "**done**",
                Some(Progress::Partly) => "**partly**",
                Some(Progress::NotYet) => "**not yet**",
                None => "_not reviewed_",
            };
            let _ = writeln!(out, "- {} — {status}", inline(&item.text, 2));
        }
    }
    out
}

/// `text` with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Text the user wrote, made safe inside a Markdown list item: characters Markdown would
/// read as formatting are escaped, and further lines are indented by `indent` to stay in it.
pub fn inline(text: &str, indent: usize) -> String {
    let mut out = String::new();
    for (n, line) in text.trim().lines().enumerate() {
        if n > 0 {
            out.push_str("  \n");
            out.push_str(&" ".repeat(indent));
        }
        let line = line.trim();
        if line.starts_with(['#', '>', '-', '+', '=', '|']) {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{FollowUp, FollowUpItem};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn page_has_heading_score_answers_and_skills() {
        let wb = Workbook::embedded();
        let mut review = Review::new(date(2026, 11, 22), wb);
        for i in 0..8 {
            review.set_answer(i, Some(true));
        }
        review.set_answer(8, Some(false));
        review.toggle_practised(0);
        review.set_rating(0, Some(4));
        review.set_rating(1, Some(2));
        let page = markdown(&review, wb);
        assert!(
            page.starts_with("# Partnership review — Sun 22 Nov 2026\n\n**Score 8/10 — Solid partnership (partial: 9 of 10 answered).** You and your boss"),
            "{page}"
        );
        assert!(
            page.contains("\n8. Do you trust your boss? **Yes**\n"),
            "{page}"
        );
        assert!(
            page.contains("\n9. Does your boss trust you? **No**\n"),
            "{page}"
        );
        assert!(page.contains("partners? _not answered_\n"), "{page}");
        assert!(
            page.contains("\n- [x] Knowing yourself — rating 4/5\n"),
            "{page}"
        );
        assert!(
            page.contains("\n- [ ] Setting goals — rating 2/5\n"),
            "{page}"
        );
        assert!(page.contains("\n- [ ] Productivity\n"), "{page}");
        assert!(!page.contains("Follow-up"), "{page}");
        review.set_answer(9, Some(false));
        let whole = markdown(&review, wb);
        assert!(
            whole.contains("\n\n**Score 8/10 — Solid partnership.** You and your boss"),
            "{whole}"
        );
    }

    #[test]
    fn an_unstarted_review_has_no_verdict_and_no_focus() {
        let wb = Workbook::embedded();
        let page = markdown(&Review::new(date(2026, 11, 22), wb), wb);
        assert!(
            page.starts_with("# Partnership review — Sun 22 Nov 2026\n\n**Not started — no questions answered yet.**\n\n## Self-assessment\n"),
            "{page}"
        );
        assert!(!page.contains(&wb.band_for(0).name), "{page}");
        assert!(!page.contains("Focus on"), "{page}");
    }

    #[test]
    fn next_steps_skip_empty_items_and_say_when_a_list_is_empty() {
        let wb = Workbook::embedded();
        let mut review = Review::new(date(2026, 11, 22), wb);
        review.set_item(3, "".into());
        review.set_item(4, "Ask for *clear* priorities".into());
        review.set_item(5, "Book the café".into());
        let page = markdown(&review, wb);
        assert!(
            page.contains("### Three things to do more of or begin\n\n1. Ask for \\*clear\\* priorities\n2. Book the café\n"),
            "{page}"
        );
        assert!(
            page.contains("### Three things I'm doing just right\n\n_nothing written_\n"),
            "{page}"
        );
    }

    #[test]
    fn follow_up_lists_every_plan_with_its_status() {
        let wb = Workbook::embedded();
        let mut review = Review::new(date(2026, 11, 22), wb);
        let item = |text: &str, status| FollowUpItem {
            text: text.into(),
            status,
        };
        review.follow_up = Some(FollowUp {
            from: date(2026, 8, 1),
            items: vec![
                item("Lunch", Some(Progress::Done)),
                item("Feedback", Some(Progress::NotYet)),
                item("Roadmap", None),
            ],
        });
        let page = markdown(&review, wb);
        assert!(
            page.ends_with("## Follow-up of the plans from Sat 1 Aug 2026\n\n- Lunch — **done**\n- Feedback — **not yet**\n- Roadmap — _not reviewed_\n"),
            "{page}"
        );
    }

    #[test]
    fn inline_escapes_formatting_and_keeps_lines_in_the_item() {
        assert_eq!(inline("# [x] a_b", 3), "\\# \\[x\\] a\\_b");
        assert_eq!(inline("one\ntwo", 3), "one  \n   two");
        assert_eq!(inline("- dash", 2), "\\- dash");
    }
}
