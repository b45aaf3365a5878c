//! Shared helpers for the app and screen tests: an App on a temporary data dir with a
//! fixed date and clock, key presses, and rendering to a TestBackend.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use partnerbook::app::{App, Effect};
use partnerbook::storage::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The fixed "today" of every test.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

/// An app over `dir`, on [`today`], whose clock always reads 2026-11-22 09:30 +01:00.
pub fn app_in(dir: &std::path::Path) -> App {
    let clock = Box::new(|| {
        DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").expect("valid timestamp")
    });
    App::open(Store::new(dir), today(), clock).expect("app opens")
}

/// A fresh temporary data dir and an app over it.
pub fn new_app() -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let app = app_in(tmp.path());
    (tmp, app)
}

/// A plain key press.
pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// A key press with Ctrl held.
pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Presses each character of `text` as a key; the last effect any press asked for.
pub fn type_text(app: &mut App, text: &str) -> Option<Effect> {
    text.chars().fold(None, |effect, c| {
        app.handle_key(key(KeyCode::Char(c))).or(effect)
    })
}

/// Presses a sequence of keys; the last effect any press asked for.
pub fn press(app: &mut App, keys: &[KeyCode]) -> Option<Effect> {
    keys.iter()
        .fold(None, |effect, code| app.handle_key(key(*code)).or(effect))
}

/// Draws the app into a `width`×`height` test terminal, as the event loop does: the app then
/// knows what the frame laid out (hit areas, page sizes).
pub fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
        .expect("draw");
    terminal
}

/// The screen as plain text, one line per row.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    let terminal = render(app, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// Random sessions to run: `PARTNERBOOK_PROPTEST_CASES` when set, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PARTNERBOOK_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
