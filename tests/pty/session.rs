//! A pseudo-terminal session for end-to-end tests: the real binary in a pty, its screen read
//! through a vt100 parser. Waits poll the screen with a timeout, never sleep blindly.
#![allow(dead_code)]

use std::io::{Read as _, Write as _};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Ctrl-E: edit the selected Next steps item in $VISUAL / $EDITOR.
pub const CTRL_E: &str = "\x05";

pub const TIMEOUT: Duration = Duration::from_secs(10);

pub struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Arc<Mutex<Box<dyn std::io::Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    screen: Arc<Mutex<vt100::Parser>>,
    /// A copy of every byte the program wrote to the terminal, in order.
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Session {
    pub fn start(data_dir: &Path, cols: u16, rows: u16) -> Session {
        Session::start_with_env(data_dir, cols, rows, &[])
    }

    /// Starts the binary with extra environment variables.
    pub fn start_with_env(data_dir: &Path, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_with_env_removed(data_dir, cols, rows, env, &[])
    }

    /// Starts the binary with extra environment variables, and without those named in `remove`
    /// (e.g. `VISUAL`), whatever the test runner's environment holds.
    pub fn start_with_env_removed(
        data_dir: &Path,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        remove: &[&str],
    ) -> Session {
        Session::spawn(data_dir, (cols, rows), &[], env, remove)
    }

    /// Starts the binary with command-line arguments, e.g. `open 2026-11-01`.
    pub fn start_with_args(data_dir: &Path, cols: u16, rows: u16, args: &[&str]) -> Session {
        Session::spawn(data_dir, (cols, rows), args, &[], &[])
    }

    /// Starts the binary as the unprivileged user `nobody` (through `setpriv`; the caller
    /// checks that this process may switch user).
    pub fn start_as_nobody(data_dir: &Path, cols: u16, rows: u16) -> Session {
        let setpriv = [
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
        ];
        Session::launch(&setpriv, data_dir, (cols, rows), &[], &[], &[])
    }

    fn spawn(
        data_dir: &Path,
        size: (u16, u16),
        args: &[&str],
        env: &[(&str, &str)],
        remove: &[&str],
    ) -> Session {
        Session::launch(&[], data_dir, size, args, env, remove)
    }

    /// Runs the binary, behind `wrapper` (a command and its arguments) when one is given.
    fn launch(
        wrapper: &[&str],
        data_dir: &Path,
        (cols, rows): (u16, u16),
        args: &[&str],
        env: &[(&str, &str)],
        remove: &[&str],
    ) -> Session {
        let pty = Session::open_pty(cols, rows);
        let binary = env!("CARGO_BIN_EXE_partnerbook");
        let mut command = match wrapper.split_first() {
            Some((program, wrapper_args)) => {
                let mut command = CommandBuilder::new(program);
                command.args(wrapper_args);
                command.arg(binary);
                command
            }
            None => CommandBuilder::new(binary),
        };
        command.args(args);
        command.env("PARTNERBOOK_DATA_DIR", data_dir);
        command.env(
            "PARTNERBOOK_CONFIG",
            std::env::temp_dir().join("partnerbook-tests-no-config.toml"),
        );
        command.env_remove("NO_COLOR");
        command.env("TERM", "xterm-256color");
        for (name, value) in env {
            command.env(name, value);
        }
        for name in remove {
            command.env_remove(name);
        }
        Session::run_in_pty(pty, command, (cols, rows))
    }

    /// Runs any `program` with `args` in `dir`, in a pty of its own (e.g. the reference `age`
    /// tool, which reads a passphrase from the terminal only).
    pub fn start_program(
        program: &str,
        args: &[&str],
        dir: &Path,
        cols: u16,
        rows: u16,
    ) -> Session {
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.cwd(dir);
        command.env("TERM", "xterm-256color");
        Session::run_in_pty(Session::open_pty(cols, rows), command, (cols, rows))
    }

    fn open_pty(cols: u16, rows: u16) -> portable_pty::PtyPair {
        native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty")
    }

    /// Spawns `command` on the pty's slave side and reads its output into a screen.
    fn run_in_pty(
        pty: portable_pty::PtyPair,
        command: CommandBuilder,
        (cols, rows): (u16, u16),
    ) -> Session {
        let child = pty.slave.spawn_command(command).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("writer")));
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&screen);
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_feed = Arc::clone(&raw);
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                if let Ok(mut bytes) = raw_feed.lock() {
                    bytes.extend_from_slice(&chunk[..n]);
                }
                let Ok(mut parser) = feed.lock() else {
                    continue;
                };
                parser.process(&chunk[..n]);
            }
        });
        Session {
            master: pty.master,
            writer,
            child,
            screen,
            raw,
        }
    }

    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    /// Every byte the program has written so far, escapes and all.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw
            .lock()
            .map(|bytes| bytes.clone())
            .unwrap_or_default()
    }

    /// Runs `f` on the current vt100 screen (cell attributes, positions).
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        let parser = self.screen.lock().expect("lock");
        f(parser.screen())
    }

    /// Waits until `check` holds for the screen; `what` names it in the failure message.
    pub fn wait_until(&self, what: &str, check: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.with_screen(&check) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "timed out waiting for {what}; the screen was:\n{}",
            self.contents()
        );
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Kills the process if it is still running and reaps it; never panics, so it is safe in
    /// a `Drop` while a failed test unwinds.
    pub fn kill(&mut self) {
        if self.is_running() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }

    pub fn wait_for(&self, text: &str) {
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

    /// Waits until the screen shows one of `texts`.
    pub fn wait_for_any(&self, texts: &[&str]) {
        self.wait_until(&format!("one of {texts:?}"), |screen| {
            let shown = screen.contents();
            texts.iter().any(|text| shown.contains(text))
        });
    }

    pub fn wait_gone(&self, text: &str) {
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

    /// Sends `signal` (e.g. "TERM", "HUP", "KILL") to the process.
    pub fn signal(&self, signal: &str) {
        let pid = self.child.process_id().expect("pid");
        // The shell's built-in kill, so no procps package is needed.
        let status = std::process::Command::new("sh")
            .args(["-c", &format!("kill -{signal} {pid}")])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Waits for the process to end, whatever its exit status, without checking the terminal.
    pub fn wait_dead(&mut self) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.child.try_wait().expect("try_wait").is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("did not end; the screen was:\n{}", self.contents());
    }

    pub fn send(&mut self, keys: &str) {
        let mut writer = self.writer.lock().expect("lock");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush");
    }

    pub fn resize(&self, cols: u16, rows: u16) {
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
    pub fn wait_exit(&mut self) -> bool {
        self.wait_exit_within(TIMEOUT)
    }

    /// [`Session::wait_exit`] with a deadline of its own, for a program with slow work to do
    /// (e.g. scrypt at the real work factor on a loaded machine).
    pub fn wait_exit_within(&mut self, timeout: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // The last bytes may still be on their way through the reader thread: wait
                // for the restored terminal rather than for a fixed time.
                self.wait_until("the terminal restored after exit", |screen| {
                    !screen.alternate_screen() && !screen.hide_cursor()
                });
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("did not exit; the screen was:\n{}", self.contents());
    }
}

pub const ESC: &str = "\x1b";
pub const CTRL_S: &str = "\x13";
pub const CTRL_C: &str = "\x03";

/// A session's process is killed when the session goes, even when a test fails first.
impl Drop for Session {
    fn drop(&mut self) {
        self.kill();
    }
}
