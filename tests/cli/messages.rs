//! Messages of the command line say what happened, once and in full: no cause repeated, and
//! one rule for which review is the latest (the workbook keeps it too: `app::messages`).

use std::process::{Command, Output};

use chrono::{Days, Local, NaiveDate};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::storage::store::Store;

fn partnerbook(data_dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnerbook"))
        .args(args)
        .env("PARTNERBOOK_DATA_DIR", data_dir)
        .env("PARTNERBOOK_CONFIG", data_dir.join("no-config.toml"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn save(store: &Store, date: NaiveDate, yes: usize) {
    let wb = Workbook::embedded();
    let mut review = Review::new(date, wb);
    for question in 0..yes {
        review.set_answer(question, Some(true));
    }
    store.save(&review, wb).expect("saved");
}

#[test]
fn an_os_error_is_said_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let looped = tmp.path().join("loop");
    std::os::unix::fs::symlink(&looped, &looped).expect("symlink loop");
    let out = partnerbook(&looped, &["list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert_eq!(stderr.matches("(os error 40)").count(), 1, "{stderr}");
}

#[test]
fn a_review_dated_after_today_is_not_latest_in_the_cli_and_a_note_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let now = Local::now().date_naive();
    let ahead = now.checked_add_days(Days::new(40)).expect("date");
    let before = now.checked_sub_days(Days::new(10)).expect("date");
    let earlier = now.checked_sub_days(Days::new(100)).expect("date");
    save(&store, ahead, 9);
    save(&store, before, 6);
    save(&store, earlier, 2);
    let out = partnerbook(tmp.path(), &["show", "latest"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains(&before.format("%-d %b %Y").to_string()),
        "{stdout}"
    );
    assert!(
        stderr.contains(&ahead.format("%Y-%m-%d").to_string()) && stderr.contains("not counted"),
        "{stderr}"
    );
    let out = partnerbook(tmp.path(), &["show", "previous"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&earlier.format("%-d %b %Y").to_string()),
        "{stdout}"
    );
}
