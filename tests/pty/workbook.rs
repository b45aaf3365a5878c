//! End-to-end tests: the real binary in a pseudo-terminal, its screen read through a vt100
//! parser, against a temporary data dir. Waits poll the screen with a timeout, never sleep.

use crate::session;

use session::{CTRL_C, CTRL_S, ESC, Session};

#[test]
fn a_whole_quarterly_review_is_saved_and_comes_back() {
    for (cols, rows) in [(80, 24), (120, 40)] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut s = Session::start(tmp.path(), cols, rows);
        s.wait_for("Self-assessment");
        s.send("yyyyyyynnn");
        s.wait_for("Score 7/10");
        s.send("\t \u{1b}[B4");
        s.wait_for("1/9 practised well");
        s.send("\t\r");
        s.wait_for("Esc done");
        s.send("Café, 会議の準備 🙂 — q y n ?");
        s.send(ESC);
        s.wait_for("Enter edit");
        s.send(CTRL_S);
        s.wait_for(" saved ");
        s.send("q");
        assert!(s.wait_exit(), "clean exit at {cols}x{rows}");

        let file = std::fs::read_to_string(
            tmp.path()
                .join("snapshots")
                .read_dir()
                .expect("dir")
                .next()
                .expect("one file")
                .expect("entry")
                .path(),
        )
        .expect("read");
        assert!(file.contains("\"Café, 会議の準備 🙂 — q y n ?\""), "{file}");
        assert!(
            file.contains("setting_goals = { practised = false, rating = 4 }"),
            "{file}"
        );
        assert!(
            file.contains("knowing_yourself = { practised = true }"),
            "{file}"
        );

        let mut again = Session::start(tmp.path(), cols, rows);
        again.wait_for("Score 7/10");
        again.send("\t\t");
        again.wait_for("Café, 会議の準備 🙂 — q y n ?");
        again.send("q");
        assert!(again.wait_exit());
    }
}

#[test]
fn quitting_with_unsaved_changes_asks_and_each_answer_works() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(tmp.path(), 80, 24);
    s.wait_for("Self-assessment");
    s.send("yq");
    s.wait_for("Unsaved changes");
    s.send(ESC);
    s.wait_gone("Unsaved changes");
    s.send("q");
    s.wait_for("Unsaved changes");
    s.send("d");
    assert!(s.wait_exit());
    assert!(
        !tmp.path().join("snapshots").exists(),
        "discard wrote nothing"
    );

    let mut s = Session::start(tmp.path(), 80, 24);
    s.wait_for("Self-assessment");
    s.send("n");
    s.send(CTRL_C);
    s.wait_for("Unsaved changes");
    s.send("s");
    assert!(s.wait_exit());
    let file = std::fs::read_dir(tmp.path().join("snapshots"))
        .expect("saved")
        .count();
    assert_eq!(file, 1);
}

#[test]
fn help_resize_to_tiny_and_ctrl_c_restore_the_terminal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut s = Session::start(tmp.path(), 120, 40);
    s.wait_for("Self-assessment");
    s.send("?");
    s.wait_for("Keys — Esc to close");
    s.send(ESC);
    s.wait_gone("Keys — Esc to close");
    s.resize(10, 4);
    s.wait_for("small");
    s.resize(80, 24);
    s.wait_for("Self-assessment");
    s.send(CTRL_C);
    assert!(s.wait_exit());
}
