//! Criterion benchmarks of what a user feels: start-up to the first frame, opening the
//! history, and a key handled and redrawn (panes, history, compare, guide, NO_COLOR) — over
//! 10, 100, 1,000 and 10,000 snapshots; and in an encrypted data dir: `list` of 1,000 plain
//! against 1,000 encrypted reviews, the first frame and the history, and the one unlock.
//! Run with `cargo bench`; figures and how to read them are in docs/performance.md.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::action::Action;
use partnerbook::app::App;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::fixtures::{encrypt_quickly, write_history};
use partnerbook::storage::keys::{Keyring, WORK_FACTOR};
use partnerbook::storage::lock;
use partnerbook::storage::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
}

/// A data dir holding `count` generated reviews, one a day up to yesterday, written out to
/// disk before anything is timed.
fn fixture(count: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = Store::new(tmp.path()).with_writer(|path, bytes| std::fs::write(path, bytes));
    let yesterday = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    write_history(&store, Workbook::embedded(), count, yesterday, 1)
        .unwrap_or_else(|e| panic!("fixtures: {e}"));
    settle();
    tmp
}

/// `fixture(count)` encrypted, and its store unlocked (the keys as the binary holds them once
/// the passphrase has opened `identity.age`; the wrapping here is cheap, see `unlock`).
fn encrypted_fixture(count: usize) -> (tempfile::TempDir, Store) {
    let tmp = fixture(count);
    let store = encrypt_quickly(&Store::new(tmp.path()), "benchmark passphrase")
        .unwrap_or_else(|e| panic!("encrypt: {e}"));
    settle();
    (tmp, store)
}

/// `count` reviews, plain or encrypted: the dir and the store that reads it (unlocked).
fn data(count: usize, encrypted: bool) -> (tempfile::TempDir, Store) {
    if encrypted {
        return encrypted_fixture(count);
    }
    let tmp = fixture(count);
    let store = Store::new(tmp.path());
    (tmp, store)
}

/// Flushes the files just written, so the kernel's writeback does not run during a
/// measurement (the figures are of reads from a warm page cache).
fn settle() {
    let _ = std::process::Command::new("sync").status();
}

/// The benchmarks of start-up and the history: each size plain, and 1,000 encrypted.
fn cases() -> impl Iterator<Item = (String, usize, bool)> {
    SIZES
        .into_iter()
        .map(|count| (count.to_string(), count, false))
        .chain([("1000_encrypted".to_string(), 1_000, true)])
}

/// The app as the binary opens it: lock, open today's review, start-up checks.
fn open(dir: &Path) -> (App, lock::LockOutcome) {
    open_store(Store::new(dir))
}

/// [`open`] on a given store (an unlocked encrypted one).
fn open_store(store: Store) -> (App, lock::LockOutcome) {
    let held = lock::acquire(store.dir());
    let clock =
        Box::new(|| DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap_or_default());
    let mut app = App::open(store, today(), clock).unwrap_or_else(|e| panic!("open: {e}"));
    app.check_on_start();
    (app, held)
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).unwrap_or_else(|e| panic!("terminal: {e}"))
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .unwrap_or_else(|e| panic!("draw: {e}"));
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

// The data dirs are made inside the routine, the first time it is called: criterion calls
// it only for the benchmarks its filter selects, so `cargo bench -- list_1000` does not first
// write the 10,000-review dirs of the other groups.

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_to_first_frame_120x40");
    for (id, count, encrypted) in cases() {
        let mut made = None;
        group.bench_function(id, |b| {
            let (_dir, store) = made.get_or_insert_with(|| data(count, encrypted));
            b.iter(|| {
                let (mut app, held) = open_store(store.clone());
                let mut term = terminal(120, 40);
                draw(&mut term, &mut app);
                black_box((app.review.score(), held));
            });
        });
    }
    group.finish();
}

fn history_open(c: &mut Criterion) {
    let mut group = c.benchmark_group("open_history_to_first_frame_120x40");
    for (id, count, encrypted) in cases() {
        let mut made = None;
        group.bench_function(id, |b| {
            let (_dir, app, term, _held) = made.get_or_insert_with(|| {
                let (dir, store) = data(count, encrypted);
                let (mut app, held) = open_store(store);
                let mut term = terminal(120, 40);
                draw(&mut term, &mut app);
                (dir, app, term, held)
            });
            b.iter(|| {
                app.update(Action::OpenHistory);
                draw(term, app);
                app.update(Action::CloseView);
            });
        });
    }
    group.finish();
}

fn keys(c: &mut Criterion) {
    let mut group = c.benchmark_group("key_handled_and_redrawn_200x60");
    let dir = fixture(1_000);
    let (mut app, _held) = open(dir.path());
    let mut term = terminal(200, 60);

    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    while app.selected_item().is_none() {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    for c in "Ask which of two urgent tasks comes first — 優先".chars() {
        press(&mut app, KeyCode::Char(c));
    }
    draw(&mut term, &mut app);
    let mut typed = false;
    group.bench_function("typing_in_next_steps", |b| {
        b.iter(|| {
            typed = !typed;
            press(
                &mut app,
                if typed {
                    KeyCode::Char('x')
                } else {
                    KeyCode::Backspace
                },
            );
            draw(&mut term, &mut app);
        });
    });
    press(&mut app, KeyCode::Esc);

    app.update(Action::OpenHistory);
    draw(&mut term, &mut app);
    let mut down = false;
    group.bench_function("moving_in_history_1000_rows", |b| {
        b.iter(|| {
            down = !down;
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            draw(&mut term, &mut app);
        });
    });

    app.update(Action::Compare);
    draw(&mut term, &mut app);
    group.bench_function("scrolling_compare", |b| {
        b.iter(|| {
            down = !down;
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            draw(&mut term, &mut app);
        });
    });

    app.update(Action::CloseView);
    app.update(Action::OpenGuide);
    draw(&mut term, &mut app);
    group.bench_function("scrolling_the_guide", |b| {
        b.iter(|| {
            down = !down;
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            draw(&mut term, &mut app);
        });
    });
    app.update(Action::StartSearch);
    let mut grown = false;
    group.bench_function("typing_a_guide_search", |b| {
        b.iter(|| {
            grown = !grown;
            press(
                &mut app,
                if grown {
                    KeyCode::Char('t')
                } else {
                    KeyCode::Backspace
                },
            );
            draw(&mut term, &mut app);
        });
    });
    app.update(Action::CancelSearch);
    app.update(Action::CloseView);
    app.update(Action::CloseView);
    app.theme = partnerbook::ui::theme::Theme::NoColor;
    group.bench_function("no_color_redraw", |b| {
        b.iter(|| {
            down = !down;
            press(&mut app, if down { KeyCode::Down } else { KeyCode::Up });
            draw(&mut term, &mut app);
        });
    });
    group.finish();
}

/// What `partnerbook list` does once unlocked: every file read (and decrypted) and parsed.
fn list(c: &mut Criterion) {
    let mut group = c.benchmark_group("list_1000");
    let workbook = Workbook::embedded();
    for (name, encrypted) in [("plain", false), ("encrypted", true)] {
        let mut made = None;
        group.bench_function(name, |b| {
            let (_dir, store) = made.get_or_insert_with(|| {
                let (dir, store) = data(1_000, encrypted);
                let rows = store
                    .list_summaries(workbook)
                    .unwrap_or_else(|e| panic!("list: {e}"));
                assert!(rows.len() == 1_000 && rows.iter().all(|r| r.summary.is_ok()));
                (dir, store)
            });
            b.iter(|| black_box(store.list_summaries(workbook).map(|rows| rows.len())));
        });
    }
    group.finish();
}

/// The one scrypt a session costs: `identity.age` unwrapped at the work factor the app uses
/// (memory-hard: 128 × 8 × 2^18 bytes, 256 MiB, for this one step).
fn unlock(c: &mut Criterion) {
    let mut group = c.benchmark_group(format!("unlock_identity_work_factor_{WORK_FACTOR}"));
    group.sample_size(10);
    let passphrase = age::secrecy::SecretString::from("benchmark passphrase".to_string());
    let mut made = None;
    group.bench_function("identity.age", |b| {
        let (tmp, public) = made.get_or_insert_with(|| {
            let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
            let keys = Keyring::create(tmp.path(), &passphrase, WORK_FACTOR)
                .unwrap_or_else(|e| panic!("create: {e}"));
            (tmp, keys.public_key())
        });
        b.iter(|| {
            let keys =
                Keyring::unlock(tmp.path(), &passphrase).unwrap_or_else(|e| panic!("unlock: {e}"));
            assert_eq!(keys.public_key(), *public);
            black_box(Arc::new(keys))
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = startup, history_open, keys, list, unlock
}
criterion_main!(benches);
