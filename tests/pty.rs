//! End-to-end tests: the real binary in a pseudo-terminal, its screen read through a vt100
//! parser, against a temporary data dir. Waits poll the screen with a timeout, never sleep.

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(10);

struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(data_dir: &Path, cols: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_partnerbook"));
        command.env("PARTNERBOOK_DATA_DIR", data_dir);
        command.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(command).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                if let Ok(mut parser) = feed.lock() {
                    parser.process(&chunk[..n]);
                }
            }
        });
        Session {
            master: pty.master,
            writer,
            child,
            screen,
        }
    }

    fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?}; the screen was:\n{}",
            self.contents()
        );
    }

    fn wait_gone(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if !self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {text:?} to go; the screen was:\n{}",
            self.contents()
        );
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    fn resize(&self, cols: u16, rows: u16) {
        if let Ok(mut parser) = self.screen.lock() {
            parser.screen_mut().set_size(rows, cols);
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// Waits for the process to exit and returns its success, then checks the terminal is restored.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                std::thread::sleep(Duration::from_millis(50));
                let parser = self.screen.lock().expect("lock");
                let screen = parser.screen();
                assert!(!screen.alternate_screen(), "alternate screen left on");
                assert!(!screen.hide_cursor(), "cursor left hidden");
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("did not exit; the screen was:\n{}", self.contents());
    }
}

const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";
const CTRL_C: &str = "\x03";

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
