//! End-to-end history test in a pseudo-terminal: open the history, see the chart, compare the
//! last two, open the oldest review, change an answer, save — and only that file changes.

use crate::session;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use session::{CTRL_S, ESC, Session};

/// A date as file names and TOML write it.
fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// A date as the screens write it in full.
fn long_date(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// The three reviews' dates, oldest first: about three months apart, the latest 95 days before
/// today (so a review is due), whatever today is.
fn review_dates() -> [NaiveDate; 3] {
    let today = chrono::Local::now().date_naive();
    [280, 190, 95].map(|days| today - chrono::Days::new(days))
}

/// Three reviews months apart; the oldest answers the first question No.
fn three_reviews(dates: [NaiveDate; 3]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("snapshots");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let review = |date: NaiveDate, yes: usize, plan: &str| {
        let ids = [
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
        let answers: String = ids
            .iter()
            .enumerate()
            .map(|(i, id)| format!("{id} = {}\n", (10 - i) <= yes))
            .collect();
        let text = format!(
            "version = 1\ndate = {date}\n\n[assessment]\n{answers}\n[next_steps]\ndo_more = [\"{plan}\"]\n"
        );
        std::fs::write(dir.join(format!("{}.toml", iso(date))), text).expect("write");
    };
    review(dates[0], 4, "Ask for priorities");
    review(dates[1], 6, "Say what a yes delays");
    review(dates[2], 8, "Négocier les délais 会議");
    tmp
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir.join("snapshots"))
        .expect("dir")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).expect("read"))
        })
        .collect()
}

fn history_round_trip(cols: u16, rows: u16) {
    let dates = review_dates();
    let [oldest, middle, latest] = dates;
    let tmp = three_reviews(dates);
    let before = files(tmp.path());
    let mut s = Session::start(tmp.path(), cols, rows);
    // Read the clock again: the session may have started just after midnight.
    let days = (chrono::Local::now().date_naive() - latest).num_days();
    // Wide titles say "95 days ago", narrow ones "last 95d ago".
    let said: Vec<String> = [days, days + 1]
        .into_iter()
        .flat_map(|d| [format!("{d} days ago"), format!("{d}d ago")])
        .collect();
    s.wait_for_any(&said.iter().map(String::as_str).collect::<Vec<_>>());
    s.wait_for("due · last");
    s.wait_for(if cols >= 100 {
        "Plans from"
    } else {
        "plans followed up"
    });
    s.send("o");
    s.wait_for("History — 3 reviews");
    s.wait_for("Trend");
    s.wait_for(&latest.format("%b'%y").to_string());
    s.send("c");
    s.wait_for(&format!(
        "Compare — {} → {}",
        long_date(middle),
        long_date(latest)
    ));
    s.wait_for("+2");
    s.send(ESC);
    s.wait_for("History — 3 reviews");
    s.send("G");
    s.send("\r");
    s.wait_for("Past review of");
    s.wait_for(&long_date(oldest));
    s.send("y");
    s.wait_for("unsaved changes");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit());

    let after = files(tmp.path());
    assert_eq!(after.len(), 3, "no file created: {:?}", after.keys());
    let oldest_file = format!("{}.toml", iso(oldest));
    for (name, bytes) in &after {
        let changed = before.get(name) != Some(bytes);
        assert_eq!(changed, *name == oldest_file, "{name} changed: {changed}");
    }
    let text = String::from_utf8_lossy(&after[&oldest_file]).into_owned();
    let dated = format!("date = {}\nsaved_at = ", iso(oldest));
    assert!(text.contains(&dated), "{text}");
    assert!(text.contains("share_information = true"), "{text}");
}

#[test]
fn history_compare_and_editing_an_old_review_at_80x24() {
    history_round_trip(80, 24);
}

#[test]
fn history_compare_and_editing_an_old_review_at_120x40() {
    history_round_trip(120, 40);
}

/// `partnerbook open DATE` for a day with no review starts one for that day and saves it
/// under that date, following up the review before it.
fn open_a_missed_date(cols: u16, rows: u16) {
    let dates = review_dates();
    let tmp = three_reviews(dates);
    let missed = chrono::Local::now().date_naive() - chrono::Days::new(20);
    let mut s = Session::start_with_args(tmp.path(), cols, rows, &["open", &iso(missed)]);
    s.wait_for(&format!("Past review of {}", long_date(missed)));
    s.wait_for("new");
    s.send("y");
    s.wait_for("unsaved changes");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit());
    let saved = files(tmp.path());
    let text = String::from_utf8_lossy(&saved[&format!("{}.toml", iso(missed))]).into_owned();
    assert!(
        text.contains(&format!("date = {}\n", iso(missed))),
        "{text}"
    );
    assert!(text.contains("share_information = true"), "{text}");
    let followed = format!("from = {}", iso(dates[2]));
    assert!(
        text.contains(&followed),
        "follows up the review before it: {text}"
    );
}

#[test]
fn open_a_missed_date_at_80x24() {
    open_a_missed_date(80, 24);
}

#[test]
fn open_a_missed_date_at_120x40() {
    open_a_missed_date(120, 40);
}

#[test]
fn a_review_dropped_into_the_data_dir_while_running_shows_in_the_history_and_title() {
    let dates = review_dates();
    let tmp = three_reviews(dates);
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("quarterly review due");
    let dropped = chrono::Local::now().date_naive() - chrono::Days::new(12);
    let text = format!("version = 1\ndate = {}\n", iso(dropped));
    let path = tmp
        .path()
        .join("snapshots")
        .join(format!("{}.toml", iso(dropped)));
    std::fs::write(path, text).expect("drop a review");
    s.send("o");
    s.wait_for("History — 4 reviews");
    s.wait_for(&long_date(dropped));
    s.send(ESC);
    s.wait_for_any(&["last review 12 days ago", "last review 13 days ago"]);
    s.send("q");
    assert!(s.wait_exit());
}
