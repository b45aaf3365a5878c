//! Random sessions on a bad day: key presses and saves mixed with file-system faults under the
//! running app — reviews appearing, vanishing, turning into garbage or into FIFOs, the draft
//! replaced, folders made read-only. Nothing may panic or hang, and whatever the app says it
//! saved is on disk: in the review's file, or in a conflict copy beside it.

use crate::common;

use std::path::Path;

use chrono::NaiveDate;
use common::*;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::app::{App, Effect};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot;
use partnerbook::storage::Store;
use proptest::prelude::*;

/// Something done to the data dir while the app runs, to the review `days` before today.
#[derive(Debug, Clone)]
enum Fault {
    /// Another machine's version of that review arrives.
    Appear(u8),
    /// The review's file is deleted.
    Vanish(u8),
    /// The review's file is replaced by bytes that are not a review.
    Garbage(u8),
    /// The review's file is replaced by a FIFO (opening it for reading would block).
    Fifo(u8),
    /// The draft is replaced by a FIFO.
    FifoDraft,
    /// A stray temp-like file and a user's backup appear beside the reviews.
    Strays,
    /// The review's file loses or regains its permissions.
    Chmod(u8, bool),
}

#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Fault(Fault),
    Draw,
}

/// Days before today a fault hits: today's review itself most often.
fn day() -> impl Strategy<Value = u8> {
    prop_oneof![3 => Just(0u8), 1 => 1u8..4, 1 => Just(91u8)]
}

fn fault() -> impl Strategy<Value = Fault> {
    prop_oneof![
        3 => day().prop_map(Fault::Appear),
        2 => day().prop_map(Fault::Vanish),
        2 => day().prop_map(Fault::Garbage),
        1 => day().prop_map(Fault::Fifo),
        1 => Just(Fault::FifoDraft),
        1 => Just(Fault::Strays),
        1 => (day(), any::<bool>()).prop_map(|(d, on)| Fault::Chmod(d, on)),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let plain = proptest::sample::select(vec![
        KeyCode::Char('y'),
        KeyCode::Char('n'),
        KeyCode::Char('o'),
        KeyCode::Char('u'),
        KeyCode::Char('a'),
        KeyCode::Char(' '),
        KeyCode::Tab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Delete,
        KeyCode::Down,
        KeyCode::End,
    ]);
    let control = proptest::sample::select(vec!['s', 'z', 'r']);
    prop_oneof![
        5 => plain.prop_map(|code| KeyEvent::new(code, KeyModifiers::NONE)),
        2 => control.prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        8 => key().prop_map(Input::Key),
        3 => fault().prop_map(Input::Fault),
        1 => Just(Input::Draw),
    ]
}

fn date(days: u8) -> NaiveDate {
    today() - chrono::Days::new(u64::from(days))
}

/// Does `fault` to the data dir under `dir`.
fn apply(fault: &Fault, store: &Store) {
    let wb = Workbook::embedded();
    let _ = std::fs::create_dir_all(store.snapshots_dir());
    let clear = |path: &Path| {
        let _ = std::fs::remove_file(path);
    };
    match fault {
        Fault::Appear(days) => {
            let mut review = Review::new(date(*days), wb);
            review.set_answer(9, Some(false));
            review.set_item(8, "theirs".into());
            let path = store.path_for(date(*days));
            clear(&path);
            let _ = std::fs::write(path, snapshot::to_toml(&review, wb));
        }
        Fault::Vanish(days) => clear(&store.path_for(date(*days))),
        Fault::Garbage(days) => {
            let path = store.path_for(date(*days));
            clear(&path);
            let _ = std::fs::write(path, "version = 1\n[assessment\n\u{0}");
        }
        Fault::Fifo(days) => make_fifo(&store.path_for(date(*days))),
        Fault::FifoDraft => make_fifo(&store.draft_path()),
        Fault::Strays => {
            let dir = store.snapshots_dir();
            let _ = std::fs::write(dir.join(".2026-01-01.toml.bak"), "mine");
            let _ = std::fs::write(dir.join("notes.txt"), "mine too");
        }
        Fault::Chmod(days, readable) => {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = if *readable { 0o600 } else { 0o000 };
            let path = store.path_for(date(*days));
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
        }
    }
}

fn make_fifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::process::Command::new("mkfifo").arg(path).status();
}

/// After a save the app calls done, the review it saved (`saved`, the one on screen when the
/// save was asked for — the app may have gone on to another since) is on disk: in its file or
/// in a conflict copy.
fn check_saved(app: &App, saved: &Review, store: &Store) {
    let said_saved = app
        .status
        .as_ref()
        .is_some_and(|s| s.text.starts_with("Saved ") || s.text.contains("Both are kept"));
    if !said_saved {
        return;
    }
    let wb = Workbook::embedded();
    let mut files = vec![store.path_for(saved.date)];
    files.extend(
        store
            .conflict_copies()
            .unwrap_or_default()
            .into_iter()
            .map(|(_, p)| p),
    );
    let held = files.iter().any(|path| {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|text| snapshot::from_toml(&text, wb).ok())
            .is_some_and(|on_disk| {
                on_disk.answers == saved.answers && on_disk.next_steps == saved.next_steps
            })
    });
    assert!(
        held,
        "the app said it saved, but no file holds the review: {:?}",
        app.status
    );
}

fn run_session(inputs: Vec<Input>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    partnerbook::storage::fixtures::write_history(&store, wb, 2, date(91), 91).expect("fixtures");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    for input in inputs {
        match input {
            Input::Key(key) => {
                let save = key.code == KeyCode::Char('s') && key.modifiers == KeyModifiers::CONTROL;
                app.status = None;
                let on_screen = app.review.clone();
                if let Some(Effect::Quit) = app.handle_key(key) {
                    break;
                }
                if save {
                    check_saved(&app, &on_screen, &store);
                }
            }
            Input::Fault(fault) => apply(&fault, &store),
            Input::Draw => {
                screen(&mut app, 80, 24);
            }
        }
        let _ = app.draft_text();
        assert!(app.review.answered() <= app.review.answers.len());
    }
    // A fresh start on whatever the session left behind opens and draws.
    let mut again = app_in(tmp.path());
    again.check_on_start();
    screen(&mut again, 80, 24);
    let _ = partnerbook::storage::checkup::check(&store);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(48)))]

    #[test]
    fn sessions_with_file_system_faults_never_panic_hang_or_lose_a_save(
        inputs in proptest::collection::vec(input(), 1..80)
    ) {
        run_session(inputs);
    }
}
