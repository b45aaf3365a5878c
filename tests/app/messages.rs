//! Messages of the workbook say what happened, once and in full: the reason after a long path
//! still shown, "Discarded" only when the draft is gone, and the same rule as the CLI
//! (`cli::messages`) for which review is the latest.

use crate::common;

use chrono::NaiveDate;
use common::{app_in, key, screen, today};
use crossterm::event::KeyCode;
use partnerbook::app::Status;
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot;
use partnerbook::storage::store::Store;

fn save(store: &Store, date: NaiveDate, yes: usize) {
    let wb = Workbook::embedded();
    let mut review = Review::new(date, wb);
    for question in 0..yes {
        review.set_answer(question, Some(true));
    }
    store.save(&review, wb).expect("saved");
}

#[test]
fn a_review_dated_after_today_does_not_make_the_workbook_think_a_review_was_just_done() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    save(
        &store,
        NaiveDate::from_ymd_opt(2027, 1, 10).expect("date"),
        9,
    );
    save(
        &store,
        NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
        5,
    );
    let app = app_in(tmp.path());
    assert_eq!(app.days_since_last_review(), Some(294));
    assert!(
        app.review_due(),
        "the latest counted review is 294 days old"
    );
}

#[test]
fn a_long_path_in_the_status_line_is_shortened_so_the_reason_shows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app_in(tmp.path());
    let path = format!(
        "/home/someone/{}2026-11-22.toml",
        "a-long-folder-name/".repeat(12)
    );
    app.status = Some(Status {
        text: format!("Not saved — cannot write {path}: Permission denied (os error 13)."),
        is_error: true,
    });
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Permission denied (os error 13)."),
        "{shown}"
    );
    assert!(
        shown.contains('…') && shown.contains("2026-11-22.toml:"),
        "{shown}"
    );
}

#[test]
fn discarded_is_said_only_when_the_draft_is_gone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let mut review = Review::new(today(), wb);
    review.set_answer(0, Some(true));
    std::fs::write(store.draft_path(), snapshot::to_toml(&review, wb)).expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    // The draft cannot be removed now: a folder with something in it stands in its place.
    std::fs::remove_file(store.draft_path()).expect("rm");
    std::fs::create_dir_all(store.draft_path().join("inside")).expect("mkdir");
    app.handle_key(key(KeyCode::Char('d')));
    let status = app.status.as_ref().expect("a status");
    assert!(!status.text.contains("Discarded"), "{}", status.text);
    assert!(
        status.is_error && status.text.contains("still there"),
        "{}",
        status.text
    );
}
