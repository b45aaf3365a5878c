//! Criterion benchmarks of what a user feels: start-up to the first frame, opening the
//! history, and a key handled and redrawn (panes, history, compare, guide, NO_COLOR) — over
//! 10, 100, 1,000 and 10,000 snapshots.
//! Run with `cargo bench`; figures and how to read them are in docs/performance.md.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, NaiveDate};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::action::Action;
use partnerbook::app::App;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::fixtures::write_history;
use partnerbook::storage::lock;
use partnerbook::storage::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default()
}

/// A data dir holding `count` generated reviews, one a day up to yesterday.
fn fixture(count: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = Store::new(tmp.path()).with_writer(|path, bytes| std::fs::write(path, bytes));
    let yesterday = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap_or_default();
    write_history(&store, Workbook::embedded(), count, yesterday, 1)
        .unwrap_or_else(|e| panic!("fixtures: {e}"));
    tmp
}

/// The app as the binary opens it: lock, open today's review, start-up checks.
fn open(dir: &Path) -> (App, lock::LockOutcome) {
    let held = lock::acquire(dir);
    let clock =
        Box::new(|| DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap_or_default());
    let mut app =
        App::open(Store::new(dir), today(), clock).unwrap_or_else(|e| panic!("open: {e}"));
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

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_to_first_frame_120x40");
    for count in SIZES {
        let dir = fixture(count);
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| {
                let (mut app, held) = open(dir.path());
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
    for count in SIZES {
        let dir = fixture(count);
        let (mut app, _held) = open(dir.path());
        let mut term = terminal(120, 40);
        draw(&mut term, &mut app);
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| {
                app.update(Action::OpenHistory);
                draw(&mut term, &mut app);
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

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = startup, history_open, keys
}
criterion_main!(benches);
