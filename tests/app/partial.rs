//! A review with unanswered questions is marked partial wherever its score shows — the
//! Self-assessment pane, the history rows, the trend chart, the compare view — and before the
//! first answer nothing claims a band: not the pane, not `t`, not the guide, not the focus popup.

use crate::common;

use chrono::{Days, NaiveDate};
use common::*;
use crossterm::event::KeyCode;
use partnerbook::app::{App, Screen};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::storage::store::Store;

/// A review of `date` with `yes` Yes answers then `no` No answers; the rest unanswered.
fn review(date: NaiveDate, yes: usize, no: usize) -> Review {
    let mut review = Review::new(date, Workbook::embedded());
    for question in 0..yes + no {
        review.set_answer(question, Some(question < yes));
    }
    review
}

/// An app on a data dir holding `reviews` (dated before today).
fn app_with(reviews: &[Review]) -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    for r in reviews {
        store.save(r, Workbook::embedded()).expect("save");
    }
    let app = app_in(tmp.path());
    (tmp, app)
}

fn days_ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).expect("date")
}

#[test]
fn the_pane_counts_the_answers_of_a_partial_review_and_not_of_a_whole_one() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yyyynnnnn");
    let partial = screen(&mut app, 80, 24);
    assert!(partial.contains("4/10 · 9 of 10 answered ┓"), "{partial}");
    type_text(&mut app, "y");
    let whole = screen(&mut app, 80, 24);
    assert!(whole.contains(" 5/10 ┓") && !whole.contains("10 of 10 answered ┓"));
}

#[test]
fn before_the_first_answer_the_pane_invites_one_instead_of_giving_a_band() {
    let (_tmp, mut app) = new_app();
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        assert!(shown.contains("No score yet"), "{shown}");
        assert!(
            shown.contains("Answer the first question (y or n)"),
            "{shown}"
        );
        assert!(!shown.contains("Needs attention"), "{shown}");
        assert!(!shown.contains("press t"), "{shown}");
    }
}

#[test]
fn t_before_the_first_answer_explains_and_stays_in_the_review() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "t");
    assert_eq!(app.screen, Screen::Workbook);
    let status = app.status.clone().expect("a note");
    assert!(status.text.contains("No answers yet"), "{status:?}");
    type_text(&mut app, "nt");
    assert!(app.screen.is_guide(), "with an answer, t opens the tips");
}

#[test]
fn the_guide_stars_no_tips_before_the_first_answer() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g");
    assert!(!screen(&mut app, 200, 60).contains("fits your score"));
    press(&mut app, &[KeyCode::Esc]);
    type_text(&mut app, "ng");
    assert!(screen(&mut app, 200, 60).contains("fits your score"));
}

#[test]
fn the_focus_popup_says_its_suggestions_come_from_skills_alone_before_any_answer() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "f");
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("No question is answered yet"), "{shown}");
    assert!(!shown.contains("From your No answers"), "{shown}");
}

#[test]
fn history_rows_say_how_far_a_partial_review_got_instead_of_its_band() {
    let (_tmp, mut app) = app_with(&[
        review(days_ago(10), 3, 6),
        review(days_ago(100), 9, 1),
        review(days_ago(200), 0, 0),
    ]);
    type_text(&mut app, "o");
    let shown = screen(&mut app, 120, 40);
    let row = |date: NaiveDate| {
        let date = partnerbook::domain::text::long_date(date);
        shown
            .lines()
            .find(|l| l.contains(&date))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row(days_ago(10)).contains("3/10  partial: 9/10 answered"));
    assert!(row(days_ago(100)).contains("9/10  Solid partnership"));
    assert!(row(days_ago(200)).contains("not started"));
}

/// The rows of the trend chart between its top and bottom borders.
fn chart_rows(shown: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains("Trend"))
        .skip(1)
        .take_while(|l| !l.starts_with("└"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_trend_chart_marks_a_partial_review_over_its_bar() {
    let (_tmp, mut app) = app_with(&[review(days_ago(10), 3, 6), review(days_ago(100), 3, 7)]);
    type_text(&mut app, "o");
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        let marks: usize = chart_rows(&shown)
            .iter()
            .map(|l| l.matches('?').count())
            .sum();
        assert_eq!(marks, 1, "one partial review, one mark:\n{shown}");
        assert!(shown.contains("? partial"), "the legend names the mark");
        // Both scores are 3: only the mark tells them apart.
    }
}

#[test]
fn the_compare_view_says_when_a_score_change_involves_a_partial_review() {
    let (_tmp, mut app) = app_with(&[review(days_ago(10), 6, 3), review(days_ago(100), 4, 6)]);
    type_text(&mut app, "oc");
    assert!(app.screen.is_compare());
    let shown = screen(&mut app, 80, 24);
    let older = partnerbook::domain::text::long_date(days_ago(10));
    assert!(shown.contains("involves a partial review"), "{shown}");
    assert!(
        shown.contains(&format!("{older} has only 9 of 10")),
        "{shown}"
    );

    let (_tmp, mut app) = app_with(&[review(days_ago(10), 6, 4), review(days_ago(100), 4, 6)]);
    type_text(&mut app, "oc");
    assert!(!screen(&mut app, 80, 24).contains("partial"));
}
