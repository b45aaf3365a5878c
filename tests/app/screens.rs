//! Screen snapshots (insta) of every screen at 80×24 and 120×40, plus style checks on
//! buffer cells, which text snapshots cannot show.

use crate::common;

use common::*;
use crossterm::event::KeyCode;
use partnerbook::app::App;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A review part-way through: six answers, two skills ticked and rated, three items.
fn filled_app() -> (tempfile::TempDir, App) {
    let (tmp, mut app) = new_app();
    type_text(&mut app, "yyynyy");
    press(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::Char(' '),
            KeyCode::Char('4'),
            KeyCode::Down,
            KeyCode::Down,
        ],
    );
    type_text(&mut app, " 2");
    press(&mut app, &[KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut app, "Send the weekly plan before Monday's one-on-one");
    press(&mut app, &[KeyCode::Enter]);
    type_text(&mut app, "Keep the shared calendar tidy — 会議の準備 🙂");
    press(
        &mut app,
        &[KeyCode::Esc, KeyCode::Down, KeyCode::Down, KeyCode::Enter],
    );
    type_text(
        &mut app,
        "Ask for priorities when three requests land at once",
    );
    press(&mut app, &[KeyCode::Esc]);
    (tmp, app)
}

fn snapshot_each_size(name: &str, app: &mut App) {
    for (w, h) in SIZES {
        let terminal = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

#[test]
fn empty_review_on_first_launch() {
    let (_tmp, mut app) = new_app();
    snapshot_each_size("empty", &mut app);
}

#[test]
fn assessment_focused() {
    let (_tmp, mut app) = filled_app();
    press(&mut app, &[KeyCode::Tab]);
    snapshot_each_size("assessment", &mut app);
}

#[test]
fn skills_focused() {
    let (_tmp, mut app) = filled_app();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    snapshot_each_size("skills", &mut app);
}

#[test]
fn next_steps_focused() {
    let (_tmp, mut app) = filled_app();
    snapshot_each_size("next_steps", &mut app);
}

#[test]
fn editing_an_item() {
    let (_tmp, mut app) = filled_app();
    press(&mut app, &[KeyCode::Up, KeyCode::Up, KeyCode::Enter]);
    type_text(&mut app, " and ask what they need");
    snapshot_each_size("editing", &mut app);
}

#[test]
fn help_overlay() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "?");
    snapshot_each_size("help", &mut app);
}

#[test]
fn quit_prompt() {
    let (_tmp, mut app) = filled_app();
    type_text(&mut app, "q");
    snapshot_each_size("quit_prompt", &mut app);
}

#[test]
fn terminal_too_small() {
    let (_tmp, mut app) = new_app();
    let terminal = render(&mut app, 50, 12);
    insta::assert_snapshot!("too_small_50x12", terminal.backend());
}

#[test]
fn wide_terminal_shows_three_columns() {
    let (_tmp, mut app) = filled_app();
    let terminal = render(&mut app, 200, 60);
    insta::assert_snapshot!("next_steps_200x60", terminal.backend());
}

#[test]
fn the_focused_pane_border_is_highlighted_and_others_are_not() {
    let (_tmp, mut app) = new_app();
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    // Assessment (left column) has focus; Skills (right column) does not.
    assert_eq!(buffer[(0, 1)].fg, Color::Cyan);
    assert!(buffer[(0, 1)].modifier.contains(Modifier::BOLD));
    assert_eq!(buffer[(119, 1)].fg, Color::DarkGray);
}

#[test]
fn the_selected_question_is_reversed_only_in_the_focused_pane() {
    let (_tmp, mut app) = new_app();
    type_text(&mut app, "yy");
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let row_of = |needle: &str| {
        (0..40u16)
            .find(|y| {
                (0..60u16)
                    .map(|x| buffer[(x, *y)].symbol())
                    .collect::<String>()
                    .contains(needle)
            })
            .expect("row found")
    };
    let selected = row_of("3. ");
    let other = row_of("4. ");
    assert!(buffer[(10, selected)].modifier.contains(Modifier::REVERSED));
    assert!(!buffer[(10, other)].modifier.contains(Modifier::REVERSED));
}

/// A data dir with one review 91 days before today, and an app on it.
fn app_with_a_past_review() -> (tempfile::TempDir, App) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = partnerbook::storage::Store::new(tmp.path());
    let wb = partnerbook::domain::content::Workbook::embedded();
    let past = today() - chrono::Days::new(91);
    partnerbook::storage::fixtures::write_history(&store, wb, 1, past, 91).expect("fixture");
    let app = app_in(tmp.path());
    (tmp, app)
}

#[test]
fn unsaved_changes_prompt_before_opening_another_review() {
    let (_tmp, mut app) = app_with_a_past_review();
    type_text(&mut app, "y");
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Enter]);
    assert!(matches!(
        app.popup,
        Some(partnerbook::app::Popup::Unsaved(
            partnerbook::app::Next::Open(_)
        ))
    ));
    snapshot_each_size("switch_prompt", &mut app);
}

#[test]
fn draft_prompt_at_start() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut first = app_in(tmp.path());
    type_text(&mut first, "yn");
    let draft = first.draft_text().expect("a draft");
    let store = partnerbook::storage::Store::new(tmp.path());
    std::fs::write(store.draft_path(), draft).expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    // Whether the folder needed tightening depends on the machine's umask: not shown here.
    app.status = None;
    snapshot_each_size("draft_prompt", &mut app);
}

#[test]
fn save_a_copy_prompt() {
    let (_tmp, mut app) = filled_app();
    app.handle_key(ctrl('w'));
    // The suggested path starts with the home folder, which differs between machines.
    if let Some(partnerbook::app::Popup::SaveAs(field)) = app.popup.as_mut() {
        field.select_all();
        field.cut();
        field.insert_str("/home/you/partnerbook-2026-11-22.toml");
    }
    snapshot_each_size("save_as", &mut app);
}

#[test]
fn read_only_banners() {
    let (_tmp, mut app) = filled_app();
    app.set_locked_elsewhere();
    snapshot_each_size("locked_elsewhere", &mut app);

    // A path of the same length on every machine: the banner wraps around it.
    let tmp = tempfile::Builder::new()
        .prefix("pb-")
        .tempdir_in("/tmp")
        .expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    std::fs::write(
        snapshots.join("2026-11-22.toml"),
        "version = 1\n[assessment\n",
    )
    .expect("bad");
    let mut app = app_in(tmp.path());
    // The banner names the file: its temporary folder differs on every run.
    let shown = screen(&mut app, 80, 24).replace(&tmp.path().display().to_string(), "DATA");
    insta::assert_snapshot!("unreadable_80x24", shown);

    let (_tmp, mut app) = filled_app();
    app.set_lock_unavailable("Is a directory (os error 21)".into());
    snapshot_each_size("no_lock", &mut app);
}
