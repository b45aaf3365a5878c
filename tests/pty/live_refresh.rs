//! Live refresh end to end: files written into the data dir from outside while the workbook
//! runs show on its screen without a key press — a review for an earlier date (the title's
//! cadence, then the history), and today's review rewritten (its new answers; with unsaved
//! edits, the "changed on disk" banner, and a save keeping both versions).

use crate::session;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use session::{CTRL_S, Session};

/// How soon a change on disk must show: the watcher's promise is within a second; the margin
/// is for a machine busy running the rest of the suite.
const PROMPT: Duration = Duration::from_secs(3);

const QUESTIONS: [&str; 10] = [
    "share_information",
    "same_team",
    "joint_interest",
    "aligned_on_approach",
    "at_ease_informally",
    "know_where_you_stand",
    "work_well_together",
    "trust_boss",
    "boss_trusts_you",
    "partnering_now",
];

/// A review of `date` answering the first `yes` questions Yes and the rest No.
fn review_text(date: NaiveDate, yes: usize) -> String {
    let answers: String = QUESTIONS
        .iter()
        .enumerate()
        .map(|(i, id)| format!("{id} = {}\n", i < yes))
        .collect();
    format!("version = 1\ndate = {date}\n\n[assessment]\n{answers}")
}

/// Writes `date`'s review into `dir`'s `snapshots/` as a sync tool would: a temporary file
/// renamed over the review.
fn drop_review(dir: &Path, date: NaiveDate, yes: usize) {
    let snapshots = dir.join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    let name = format!("{}.toml", date.format("%Y-%m-%d"));
    let temp = snapshots.join(format!(".{name}.sync-tmp"));
    std::fs::write(&temp, review_text(date, yes)).expect("write");
    std::fs::rename(&temp, snapshots.join(name)).expect("rename");
}

/// Waits for `text` and returns how long it took from `since`, failing past [`PROMPT`].
fn shown_within(s: &Session, texts: &[&str], since: Instant) -> Duration {
    s.wait_for_any(texts);
    let took = since.elapsed();
    eprintln!("{texts:?} showed {} ms after the write", took.as_millis());
    assert!(took < PROMPT, "{texts:?} took {took:?}");
    took
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[test]
fn a_review_dropped_into_the_data_dir_shows_without_a_key_press() {
    // No snapshots folder yet: the watcher starts on the data dir and follows it when it comes.
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("first review");

    let earlier = today() - chrono::Days::new(40);
    let since = Instant::now();
    drop_review(tmp.path(), earlier, 3);
    // The session may have started the day before (just before midnight).
    shown_within(
        &s,
        &["last review 40 days ago", "last review 41 days ago"],
        since,
    );
    s.wait_for("(Y)/(N)");

    s.send("o");
    s.wait_for("History — 1 review");
    let older = today() - chrono::Days::new(130);
    let since = Instant::now();
    drop_review(tmp.path(), older, 8);
    shown_within(&s, &["History — 2 reviews"], since);
    s.wait_for(&older.format("%-d %b %Y").to_string());
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn todays_review_rewritten_from_outside_shows_its_new_answers_or_the_banner() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let date = today();
    drop_review(tmp.path(), date, 1);
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("Score 1/10");

    let since = Instant::now();
    drop_review(tmp.path(), date, 7);
    shown_within(&s, &["Score 7/10"], since);
    s.wait_for(" saved ");

    // With an edit unsaved here, the edit stays and the banner says what happened.
    s.send("n");
    s.wait_for("unsaved changes");
    let since = Instant::now();
    drop_review(tmp.path(), date, 9);
    shown_within(&s, &["This review changed on disk (another machine"], since);
    assert!(s.contents().contains("Score 6/10"), "{}", s.contents());
    s.send(CTRL_S);
    s.wait_for("Both are kept");
    s.wait_gone("This review changed on disk");
    // Yours is in the copy: the screen shows the file as it is, their nine.
    s.wait_for("Score 9/10");
    s.send("q");
    assert!(s.wait_exit());

    let copies: Vec<String> = std::fs::read_dir(tmp.path().join("snapshots"))
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".conflict-"))
        .collect();
    assert_eq!(copies.len(), 1, "{copies:?}");
}
