//! Bounded inputs in the real binary: a review holding one enormous item (20 MB) opens, every
//! key answers quickly, the item is shown cut with a notice, and the file keeps every word.

use crate::session;

use std::fs;
use std::time::{Duration, Instant};

use session::{CTRL_S, Session};

/// How long one key may take before the screen answers; before, two Tabs took 31 s.
const KEY_LIMIT: Duration = Duration::from_secs(3);

#[test]
fn an_enormous_item_is_shown_cut_every_key_stays_quick_and_the_file_keeps_it_whole() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let snapshots = data.join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    let date = (chrono::Local::now().date_naive() - chrono::Duration::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let item = format!("{} the very last words", "word ".repeat(4_000_000));
    let text = format!("version = 1\ndate = {date}\n\n[next_steps]\ndo_more = [\"{item}\"]\n");
    let path = snapshots.join(format!("{date}.toml"));
    fs::write(&path, &text).expect("write");

    let mut s = Session::start_with_args(&data, 100, 30, &["open", &date]);
    s.wait_for("Self-assessment");
    let mut key = |keys: &str, answer: &str| {
        let start = Instant::now();
        s.send(keys);
        s.wait_for(answer);
        let took = start.elapsed();
        assert!(took < KEY_LIMIT, "{keys:?} took {took:?}");
    };
    key("y", "1 of 10 answered");
    key("\t\t", "▶ Next steps");
    key(
        "\x1b[B\x1b[B\x1b[B",
        "[19.0 MB — shown cut, kept whole in the file] word word",
    );
    key("\r", "too long to edit here");
    key("\x1b[B", "▶ 2. Enter to write — what would make you");
    key(CTRL_S, " saved ");
    s.send("q");
    assert!(s.wait_exit());
    let saved = fs::read_to_string(&path).expect("saved");
    assert!(saved.contains(&item), "the item was cut in the file");
    assert!(
        saved.contains("share_information = true"),
        "the answer was saved"
    );
}
