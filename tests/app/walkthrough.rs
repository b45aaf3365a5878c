//! Found on a walk through the app as a new user: a new guide search starts empty, help
//! scrolls to either end and opens where the user is, the title names its day count, NO_COLOR
//! keeps changes and chart series apart, the chart keeps its height, the selected skill reads
//! whole, and the focus popup fits its content with nothing cut off beside it.

use crate::common;

use chrono::{Days, NaiveDate};
use common::*;
use crossterm::event::KeyCode;
use partnerbook::app::{App, Popup};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::storage::fixtures::write_history;
use partnerbook::storage::store::Store;
use partnerbook::ui::theme::Theme;

fn days_ago(days: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(days)).expect("date")
}

/// An app whose last review, all Yes, was `days` before today.
fn app_after(days: u64) -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut review = Review::new(days_ago(days), Workbook::embedded());
    for question in 0..review.answers.len() {
        review.set_answer(question, Some(true));
    }
    Store::new(tmp.path())
        .save(&review, Workbook::embedded())
        .expect("save");
    let app = app_in(tmp.path());
    (tmp, app)
}

fn first_line(shown: &str) -> &str {
    shown.lines().next().unwrap_or_default()
}

#[test]
fn a_new_guide_search_starts_empty() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "g/priorities");
    press(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "/");
    let field = app.guide.search.as_ref().expect("the prompt is open");
    assert_eq!(field.lines().concat(), "");
    assert_eq!(app.guide.query, "");
    type_text(&mut app, "trust");
    assert_eq!(app.guide.query, "trust", "not “prioritiestrust”");
}

fn help_scroll(app: &App) -> u16 {
    match &app.popup {
        Some(Popup::Help { scroll }) => *scroll,
        other => panic!("help is not open: {other:?}"),
    }
}

#[test]
fn help_scrolls_to_either_end_with_home_end_g_and_capital_g() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "?");
    screen(&mut app, 80, 24);
    press(&mut app, &[KeyCode::End]);
    let bottom = screen(&mut app, 80, 24);
    assert!(bottom.contains("close help"), "{bottom}");
    press(&mut app, &[KeyCode::Home]);
    assert_eq!(help_scroll(&app), 0);
    type_text(&mut app, "G");
    assert_eq!(screen(&mut app, 80, 24), bottom);
    type_text(&mut app, "g");
    assert_eq!(help_scroll(&app), 0);
    assert!(screen(&mut app, 80, 24).contains("║ Everywhere"));
}

/// The first line of text inside the help overlay.
fn help_top(app: &mut App) -> String {
    let shown = screen(app, 120, 40);
    shown
        .lines()
        .skip_while(|l| !l.contains("Keys — Esc to close"))
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

#[test]
fn help_opens_at_the_keys_of_where_the_user_is() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    write_history(&store, Workbook::embedded(), 3, days_ago(30), 91).expect("fixtures");
    let mut app = app_in(tmp.path());
    let cases: [(&str, &str); 6] = [
        ("", "Self-assessment"),
        ("\t", "Essential skills"),
        ("\t", "Follow-up of the previous review"),
        ("o", "History"),
        ("c", "Compare"),
        ("g", "Guide"),
    ];
    for (keys, section) in cases {
        for c in keys.chars() {
            let code = if c == '\t' {
                KeyCode::Tab
            } else {
                KeyCode::Char(c)
            };
            press(&mut app, &[code]);
        }
        type_text(&mut app, "?");
        let top = help_top(&mut app);
        assert!(top.contains(&format!("║ {section}")), "{section}: {top}");
        press(&mut app, &[KeyCode::Esc]);
    }
}

#[test]
fn the_title_always_says_what_its_day_count_is() {
    for days in [2, 45, 89, 99, 120, 999] {
        for unsaved in [false, true] {
            let (_tmp, mut app) = app_after(days);
            if unsaved {
                type_text(&mut app, "y");
            }
            for width in [80, 100, 120] {
                let shown = screen(&mut app, width, 24);
                let title = first_line(&shown);
                let count = days.to_string();
                let counted = [format!(" {count} days ago"), format!(" {count}d ago")];
                if let Some(at) = counted.iter().find_map(|c| title.find(c.as_str())) {
                    assert!(
                        title[..at].ends_with("last") || title[..at].ends_with("last review"),
                        "{days} days at {width}: {title}"
                    );
                }
                if days >= 45 && width >= 100 {
                    assert!(title.contains(&count), "room for the count: {title}");
                }
            }
        }
    }
}

#[test]
fn under_no_color_a_changed_answer_carries_a_mark() {
    let (_tmp, mut app) = app_after(30);
    app.theme = Theme::NoColor;
    type_text(&mut app, "yn");
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("Yes  (Y)  Do you and"),
        "same answer, no mark:\n{shown}"
    );
    assert!(shown.contains("No   (Y)* Does it feel"), "{shown}");
    assert!(
        shown.contains("* changed since"),
        "the legend explains it:\n{shown}"
    );
}

#[test]
fn under_no_color_the_two_series_of_the_chart_differ() {
    let (_tmp, mut app) = app_after(30);
    app.theme = Theme::NoColor;
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, " 5o");
    let shown = screen(&mut app, 80, 24);
    let legend = shown
        .lines()
        .find(|l| l.contains("Trend"))
        .unwrap_or_default();
    assert!(
        legend.contains("█ score by band ▒ skills ticked"),
        "{legend}"
    );
    assert!(shown.contains("█") && shown.contains("▒"), "{shown}");
}

/// Rows of the trend chart, borders included.
fn chart_height(shown: &str) -> usize {
    shown
        .lines()
        .skip_while(|l| !l.contains("Trend"))
        .take_while(|l| !l.starts_with("┏") && !l.starts_with("┗"))
        .count()
}

#[test]
fn the_chart_keeps_its_height_as_reviews_pile_up_and_the_list_scrolls() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut heights = Vec::new();
        for count in [1, 12, 40] {
            let tmp = tempfile::tempdir().expect("tempdir");
            let store = Store::new(tmp.path());
            write_history(&store, Workbook::embedded(), count, days_ago(30), 91).expect("fixtures");
            let mut app = app_in(tmp.path());
            type_text(&mut app, "o");
            let shown = screen(&mut app, w, h);
            heights.push(chart_height(&shown));
            if count == 40 {
                assert!(shown.contains(&format!(" 1/{count} ")), "{shown}");
            }
        }
        assert!(heights.iter().all(|h| *h == heights[0]), "{heights:?}");
        assert!(heights[0] >= 12, "{heights:?}");
    }
}

#[test]
fn the_selected_skill_shows_its_whole_description() {
    let (_tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Down, KeyCode::Down]);
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("adjust to"), "{shown}");
    assert!(
        shown.contains("┃       it.  "),
        "the end of it wraps:\n{shown}"
    );
    press(&mut app, &[KeyCode::Down]);
    assert!(
        !screen(&mut app, 80, 24).contains("┃       it.  "),
        "cut again when not selected"
    );
}

/// The popup's rows: from its top frame line to its bottom one.
fn popup_rows(shown: &str) -> Vec<&str> {
    shown
        .lines()
        .skip_while(|l| !l.contains("╔"))
        .take_while(|l| !l.contains("╚"))
        .collect()
}

#[test]
fn the_focus_popup_fits_its_content_and_leaves_nothing_cut_off_beside_it() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yyyyyyyyyn");
    press(&mut app, &[KeyCode::Tab]);
    type_text(&mut app, &" 4j".repeat(9));
    type_text(&mut app, "f");
    assert_eq!(app.suggestions().len(), 1);
    for (w, h) in [(80, 24), (120, 40)] {
        let shown = screen(&mut app, w, h);
        let rows = popup_rows(&shown);
        assert!(rows.len() < 12, "one suggestion, a small popup:\n{shown}");
        for row in rows {
            let left = row.split('╔').next().unwrap_or_default();
            let left = left.split('║').next().unwrap_or_default();
            let right = row.rsplit(['╗', '║']).next().unwrap_or_default();
            assert!(
                left.trim().is_empty() && right.trim().is_empty(),
                "{w}×{h}: {row:?}\n{shown}"
            );
        }
    }
}
