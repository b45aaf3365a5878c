//! End-to-end history test in a pseudo-terminal: open the history, see the chart, compare the
//! last two, open the oldest review, change an answer, save — and only that file changes.

#[path = "common/pty.rs"]
mod session;

use std::collections::BTreeMap;
use std::path::Path;

use session::{CTRL_S, ESC, Session};

/// Three reviews months apart; the oldest answers the first question No.
fn three_reviews() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("snapshots");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let review = |date: &str, yes: usize, plan: &str| {
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
        std::fs::write(dir.join(format!("{date}.toml")), text).expect("write");
    };
    review("2026-02-10", 4, "Ask for priorities");
    review("2026-05-12", 6, "Say what a yes delays");
    review("2026-08-20", 8, "Négocier les délais 会議");
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
    let tmp = three_reviews();
    let before = files(tmp.path());
    let mut s = Session::start(tmp.path(), cols, rows);
    let latest = chrono::NaiveDate::from_ymd_opt(2026, 8, 20).expect("date");
    let days = (chrono::Local::now().date_naive() - latest).num_days();
    s.wait_for(&format!("{days} days ago"));
    s.wait_for("review due");
    s.wait_for(if cols >= 100 {
        "Plans from"
    } else {
        "plans followed up"
    });
    s.send("o");
    s.wait_for("History — 3 reviews");
    s.wait_for("Trend");
    s.wait_for("Aug'26");
    s.send("c");
    s.wait_for("Compare — Tue 12 May 2026 → Thu 20 Aug 2026");
    s.wait_for("+2");
    s.send(ESC);
    s.wait_for("History — 3 reviews");
    s.send("G");
    s.send("\r");
    s.wait_for("Past review of");
    s.wait_for(if cols >= 100 {
        "Tue 10 Feb 2026"
    } else {
        "2026-02-10"
    });
    s.send("y");
    s.wait_for("unsaved changes");
    s.send(CTRL_S);
    s.wait_for("Saved");
    s.send("q");
    assert!(s.wait_exit());

    let after = files(tmp.path());
    assert_eq!(after.len(), 3, "no file created: {:?}", after.keys());
    for (name, bytes) in &after {
        let changed = before.get(name) != Some(bytes);
        assert_eq!(
            changed,
            name == "2026-02-10.toml",
            "{name} changed: {changed}"
        );
    }
    let oldest = String::from_utf8_lossy(&after["2026-02-10.toml"]).into_owned();
    assert!(
        oldest.contains("date = 2026-02-10\nsaved_at = "),
        "{oldest}"
    );
    assert!(oldest.contains("share_information = true"), "{oldest}");
}

#[test]
fn history_compare_and_editing_an_old_review_at_80x24() {
    history_round_trip(80, 24);
}

#[test]
fn history_compare_and_editing_an_old_review_at_120x40() {
    history_round_trip(120, 40);
}
