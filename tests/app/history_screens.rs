//! Screen snapshots (insta) of the history (0, 1 and 12 reviews), its trend chart, the compare
//! view, the follow-up rows and a past review, at 80×24 and 160×48, plus cell style checks.

use crate::common;

use chrono::NaiveDate;
use common::*;
use crossterm::event::KeyCode;
use partnerbook::app::App;
use partnerbook::domain::content::Workbook;
use partnerbook::storage::fixtures::write_history;
use partnerbook::storage::store::Store;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

/// An app on a data dir holding `count` generated reviews 91 days apart, newest 2026-09-01.
fn app_with(count: usize) -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let newest = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    write_history(
        &Store::new(tmp.path()),
        Workbook::embedded(),
        count,
        newest,
        91,
    )
    .expect("fixtures");
    let app = app_in(tmp.path());
    (tmp, app)
}

fn snapshot_each_size(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn history_with_no_reviews() {
    let (_tmp, mut app) = app_with(0);
    app.handle_key(key(KeyCode::Char('o')));
    snapshot_each_size("history_0", &mut app);
    assert!(screen(&mut app, 80, 24).contains("No reviews saved yet"));
}

#[test]
fn history_with_one_review() {
    let (_tmp, mut app) = app_with(1);
    app.handle_key(key(KeyCode::Char('o')));
    snapshot_each_size("history_1", &mut app);
}

#[test]
fn history_with_twelve_reviews_scrolls_and_charts_the_trend() {
    let (_tmp, mut app) = app_with(12);
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::Down, KeyCode::Char(' ')],
    );
    press(
        &mut app,
        &[KeyCode::Down, KeyCode::Down, KeyCode::Char(' ')],
    );
    snapshot_each_size("history_12", &mut app);
    press(&mut app, &[KeyCode::End]);
    snapshot_each_size("history_12_oldest", &mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("12/12"),
        "position shown when scrolled:\n{shown}"
    );
}

#[test]
fn the_chart_colours_score_bars_by_band_and_marks_thresholds() {
    let (_tmp, mut app) = app_with(12);
    app.handle_key(key(KeyCode::Char('o')));
    let terminal = render(&mut app, 160, 48);
    let buffer = terminal.backend().buffer();
    let colours = |symbol: &str| -> Vec<Color> {
        buffer
            .content()
            .iter()
            .filter(|cell| cell.symbol() == symbol)
            .map(|cell| cell.fg)
            .collect()
    };
    assert!(colours("▒").contains(&Color::Blue), "skills bars, shaded");
    let colours = colours("█");
    assert!(
        colours
            .iter()
            .any(|c| matches!(c, Color::Green | Color::Yellow | Color::Red)),
        "score bars in band colours"
    );
    let shown = screen(&mut app, 160, 48);
    assert!(
        shown.contains("Solid partnership") && shown.contains("┈"),
        "{shown}"
    );
}

#[test]
fn compare_the_last_two() {
    let (_tmp, mut app) = app_with(3);
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Char('c')]);
    snapshot_each_size("compare", &mut app);
    let _ = render(&mut app, 80, 24);
    for _ in 0..60 {
        app.handle_key(key(KeyCode::Down));
    }
    let terminal = render(&mut app, 80, 24);
    insta::assert_snapshot!("compare_scrolled_80x24", terminal.backend());
    let bottom = screen(&mut app, 80, 24);
    assert!(
        bottom.contains("Three things I wish my boss would do"),
        "{bottom}"
    );
}

#[test]
fn compare_marks_better_and_worse_in_colour() {
    let (_tmp, mut app) = app_with(3);
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Char('c')]);
    let terminal = render(&mut app, 160, 48);
    let buffer = terminal.backend().buffer();
    let marker_colour = |glyph: &str| {
        buffer
            .content()
            .iter()
            .find(|cell| cell.symbol() == glyph)
            .map(|cell| (cell.fg, cell.modifier.contains(Modifier::BOLD)))
    };
    let partnerbook::app::Screen::Compare(view) = &app.screen else {
        panic!("the compare view is open: {:?}", app.screen);
    };
    let comparison = &view.comparison;
    use partnerbook::domain::compare::Change;
    if comparison.count(Change::Better) > 0 {
        assert_eq!(marker_colour("▲"), Some((Color::Green, true)));
    }
    if comparison.count(Change::Worse) > 0 {
        assert_eq!(marker_colour("▼"), Some((Color::Red, true)));
    }
    assert!(comparison.count(Change::Better) + comparison.count(Change::Worse) > 0);
}

#[test]
fn follow_up_rows_in_a_new_review() {
    let (_tmp, mut app) = app_with(2);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('d')]);
    snapshot_each_size("follow_up", &mut app);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("Plans from Tue 1 Sep 2026"), "{shown}");
    assert!(
        shown.contains("d done") && shown.contains("p partly"),
        "{shown}"
    );
}

#[test]
fn a_past_review_open_for_editing() {
    let (_tmp, mut app) = app_with(3);
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::End, KeyCode::Enter],
    );
    snapshot_each_size("past_review", &mut app);
    let terminal = render(&mut app, 80, 24);
    assert_eq!(terminal.backend().buffer()[(1, 0)].bg, Color::Magenta);
}
