//! App tests of the history: opening, moving, revisiting and editing past reviews, the
//! unsaved-changes prompt, comparing, follow-up, answer hints and cadence.

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use common::{app_in, ctrl, key, press, screen, today, type_text};
use crossterm::event::KeyCode;
use partnerbook::app::{App, LOAD_RADIUS, Next, Popup, SaveState, Screen};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::{Progress, Review};
use partnerbook::storage::fixtures::write_history;
use partnerbook::storage::store::Store;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A data dir holding three generated reviews 91 days apart, the newest on 2026-08-23.
fn three_reviews() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    write_history(&store, Workbook::embedded(), 3, date(2026, 8, 23), 91).expect("fixtures");
    tmp
}

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let snapshots = dir.join("snapshots");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&snapshots).expect("read dir").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        out.insert(name, std::fs::read(entry.path()).expect("read"));
    }
    out
}

#[test]
fn o_opens_the_history_newest_first_and_esc_returns() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    app.handle_key(key(KeyCode::Char('o')));
    assert_eq!(app.screen, Screen::History);
    let dates: Vec<NaiveDate> = app.history.rows.iter().map(|r| r.date).collect();
    assert_eq!(
        dates,
        [date(2026, 8, 23), date(2026, 5, 24), date(2026, 2, 22)]
    );
    assert!(
        app.history
            .rows
            .iter()
            .all(|r| matches!(r.summary, Some(Ok(_))))
    );
    press(&mut app, &[KeyCode::Down, KeyCode::Down, KeyCode::Down]);
    assert_eq!(app.history.selected, 2);
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Workbook);
}

#[test]
fn o_while_editing_is_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app_in(tmp.path());
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    app.handle_key(key(KeyCode::Char('o')));
    assert_eq!(app.screen, Screen::Workbook);
    assert_eq!(app.review.item(0), "o");
}

#[test]
fn editing_a_past_review_writes_only_its_own_file() {
    let tmp = three_reviews();
    let before = files(tmp.path());
    let mut app = app_in(tmp.path());
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::End, KeyCode::Enter],
    );
    assert_eq!(app.screen, Screen::Workbook);
    assert_eq!(app.review.date, date(2026, 2, 22));
    let was = app.review.answers[0];
    let flipped = if was == Some(true) { 'n' } else { 'y' };
    app.handle_key(key(KeyCode::Char(flipped)));
    assert_eq!(app.save_state(), SaveState::Unsaved);
    app.handle_key(ctrl('s'));
    assert_eq!(app.save_state(), SaveState::Saved);

    let after = files(tmp.path());
    assert_eq!(after.len(), 3, "no new file: {:?}", after.keys());
    for (name, bytes) in &after {
        let changed = before.get(name) != Some(bytes);
        assert_eq!(changed, name == "2026-02-22.toml", "{name}");
    }
    let text = String::from_utf8_lossy(&after["2026-02-22.toml"]).into_owned();
    assert!(text.contains("\ndate = 2026-02-22\n"), "{text}");
    assert!(
        text.contains("saved_at = 2026-11-22T09:30:00+01:00"),
        "{text}"
    );
}

#[test]
fn opening_another_review_over_unsaved_changes_asks_first() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    app.handle_key(key(KeyCode::Char('y')));
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Enter]);
    assert_eq!(
        app.popup,
        Some(Popup::Unsaved(Next::Open(date(2026, 8, 23))))
    );
    app.handle_key(key(KeyCode::Esc));
    assert_eq!((app.popup.clone(), app.review.date), (None, today()));

    app.handle_key(key(KeyCode::Enter));
    app.handle_key(key(KeyCode::Char('s')));
    assert_eq!(app.review.date, date(2026, 8, 23));
    assert!(tmp.path().join("snapshots/2026-11-22.toml").exists());

    let flipped = if app.review.answers[0] == Some(true) {
        'n'
    } else {
        'y'
    };
    app.handle_key(key(KeyCode::Char(flipped)));
    assert_eq!(app.save_state(), SaveState::Unsaved);
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Char('n')]);
    assert_eq!(app.popup, Some(Popup::Unsaved(Next::Open(today()))));
    app.handle_key(key(KeyCode::Char('d')));
    assert_eq!(app.review.date, today());
    assert_eq!(app.screen, Screen::Workbook);
    let august = Store::new(tmp.path())
        .load(date(2026, 8, 23), Workbook::embedded())
        .expect("load")
        .expect("exists");
    assert_eq!(august, app.previous.clone().expect("previous"));
}

#[test]
fn a_new_review_follows_up_the_previous_plans_and_saves_them() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    let previous = app.previous.clone().expect("previous review");
    let plans: Vec<&String> = previous.next_steps[1]
        .iter()
        .filter(|t| !t.is_empty())
        .collect();
    let follow_up = app.review.follow_up.clone().expect("follow-up seeded");
    assert_eq!(follow_up.from, date(2026, 8, 23));
    assert_eq!(follow_up.items.len(), plans.len());
    assert_eq!(app.save_state(), SaveState::New, "seeding is not an edit");

    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    assert_eq!(app.context(), partnerbook::keymap::Context::FollowUp);
    press(&mut app, &[KeyCode::Char('p')]);
    let status = |app: &App, i: usize| app.review.follow_up.as_ref().expect("f").items[i].status;
    assert_eq!(status(&app, 0), Some(Progress::Partly));
    assert_eq!(app.save_state(), SaveState::Unsaved);
    app.handle_key(ctrl('s'));
    let text =
        std::fs::read_to_string(tmp.path().join("snapshots/2026-11-22.toml")).expect("saved");
    assert!(text.contains("[follow_up]\nfrom = 2026-08-23\n"), "{text}");
    assert!(text.contains("status = \"partly\""), "{text}");
}

/// The dates of the two reviews the compare view shows.
fn compared_dates(app: &App) -> (NaiveDate, NaiveDate) {
    match &app.screen {
        Screen::Compare(view) => view.comparison.dates(),
        other => panic!("the compare view is open: {other:?}"),
    }
}

#[test]
fn compare_takes_the_selected_review_and_the_one_before_it_or_two_marked() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Char('c')]);
    let dates = compared_dates(&app);
    assert_eq!(dates, (date(2026, 5, 24), date(2026, 8, 23)));
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::History);

    press(
        &mut app,
        &[KeyCode::Char(' '), KeyCode::End, KeyCode::Char(' ')],
    );
    app.handle_key(key(KeyCode::Char('c')));
    let dates = compared_dates(&app);
    assert_eq!(dates, (date(2026, 2, 22), date(2026, 8, 23)));
}

#[test]
fn comparing_from_the_oldest_review_explains_itself() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::End, KeyCode::Char('c')],
    );
    assert_eq!(app.screen, Screen::History);
    let status = app.status.clone().expect("status");
    assert!(
        status.is_error && status.text.contains("oldest"),
        "{status:?}"
    );
}

#[test]
fn an_unreadable_file_is_listed_with_its_error_and_never_opened_or_rewritten() {
    let tmp = three_reviews();
    let broken = tmp.path().join("snapshots/2026-06-01.toml");
    std::fs::write(&broken, "version = 1\ndate = 2026-06-01\n[assessment\n").expect("write");
    let mut app = app_in(tmp.path());
    press(&mut app, &[KeyCode::Char('o'), KeyCode::Down]);
    let row = &app.history.rows[1];
    assert_eq!(row.date, date(2026, 6, 1));
    let error = row
        .summary
        .clone()
        .expect("parsed")
        .expect_err("unreadable");
    assert!(error.contains("2026-06-01.toml:3:"), "{error}");
    assert!(screen(&mut app, 120, 40).contains("unreadable"));

    app.handle_key(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::History);
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
    let bytes = std::fs::read(&broken).expect("still there");
    assert_eq!(bytes, b"version = 1\ndate = 2026-06-01\n[assessment\n");
}

#[test]
fn a_thousand_reviews_open_without_parsing_them_all() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    write_history(&store, Workbook::embedded(), 1000, date(2026, 11, 1), 1).expect("fixtures");
    let mut app = app_in(tmp.path());
    app.handle_key(key(KeyCode::Char('o')));
    let parsed = |app: &App| {
        app.history
            .rows
            .iter()
            .filter(|r| r.summary.is_some())
            .count()
    };
    assert_eq!(app.history.rows.len(), 1000);
    assert_eq!(parsed(&app), LOAD_RADIUS + 1);
    app.handle_key(key(KeyCode::End));
    assert_eq!(app.history.selected, 999);
    assert!(app.history.rows[999].summary.is_some());
    assert!(parsed(&app) <= 2 * (LOAD_RADIUS + 1));
    let _ = screen(&mut app, 80, 24);
    let page = app.history.page;
    assert!(page > 5, "{page}");
    app.handle_key(key(KeyCode::PageUp));
    assert_eq!(app.history.selected, 999 - page);
}

#[test]
fn the_previous_answers_show_beside_the_questions() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("(Y)") || shown.contains("(N)"), "{shown}");
    assert!(shown.contains("your answers on Sun 23 Aug 2026"), "{shown}");
}

#[test]
fn the_title_counts_days_since_the_last_review_and_says_when_one_is_due() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    let title = screen(&mut app, 120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(title.contains("last review 91 days ago"), "{title}");
    assert!(title.contains("quarterly review due"), "{title}");

    let recent = tempfile::tempdir().expect("tempdir");
    let store = Store::new(recent.path());
    write_history(&store, Workbook::embedded(), 2, date(2026, 10, 1), 91).expect("fixtures");
    let mut app = app_in(recent.path());
    let title = screen(&mut app, 120, 40)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(title.contains("last review 52 days ago"), "{title}");
    assert!(!title.contains("due"), "{title}");
}

#[test]
fn a_past_review_is_titled_with_its_date() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::Down, KeyCode::Enter],
    );
    let mut title_at = |w, h| {
        screen(&mut app, w, h)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let title = title_at(80, 24);
    assert!(title.contains("Past review of Sun 24 May 2026"), "{title}");
    assert!(!title.contains("today"), "{title}");
    let title = title_at(120, 40);
    assert!(title.contains("Past review of Sun 24 May 2026"), "{title}");
    assert!(title.contains("182 days ago"), "{title}");
}

#[test]
fn a_click_selects_a_history_row_and_the_wheel_moves_through_them() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    type_text(&mut app, "o");
    let shown = screen(&mut app, 120, 40);
    let oldest = partnerbook::domain::text::long_date(app.history.rows[2].date);
    let (row, line) = shown
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains(&oldest))
        .expect("the oldest review is listed");
    let column = line[..line.find(&oldest).expect("date")].chars().count() as u16;
    app.update(partnerbook::action::Action::Click(column, row as u16));
    assert_eq!(app.history.selected, 2);
    app.update(partnerbook::action::Action::Scroll(column, row as u16, -1));
    assert_eq!(
        app.history.selected, 0,
        "the wheel moves three rows, within the list"
    );
}

#[test]
fn space_and_enter_step_the_selected_plan_and_stay_while_d_p_n_move_on() {
    let tmp = three_reviews();
    let mut app = app_in(tmp.path());
    let plans = app.review.follow_up_len();
    assert!(plans >= 2, "the fixture carries at least two plans");
    let status = |app: &App, i: usize| app.review.follow_up.as_ref().expect("f").items[i].status;
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    press(&mut app, &[KeyCode::Char(' ')]);
    assert_eq!(status(&app, 0), Some(Progress::Done));
    assert_eq!(app.selected.next_step, 0, "Space stays on the plan");
    press(&mut app, &[KeyCode::Enter, KeyCode::Char(' ')]);
    assert_eq!(status(&app, 0), Some(Progress::NotYet));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(status(&app, 0), None, "a fourth step unsets it");
    assert!(
        (1..plans).all(|i| status(&app, i).is_none()),
        "no other plan changed"
    );

    press(&mut app, &[KeyCode::Char('d')]);
    assert_eq!(
        (status(&app, 0), app.selected.next_step),
        (Some(Progress::Done), 1)
    );
    press(&mut app, &[KeyCode::Char('n')]);
    assert_eq!(status(&app, 1), Some(Progress::NotYet));
    app.handle_key(ctrl('s'));
    let saved = Store::new(tmp.path())
        .load(today(), Workbook::embedded())
        .expect("load")
        .expect("saved");
    let saved: Vec<_> = saved
        .follow_up
        .expect("f")
        .items
        .iter()
        .map(|i| i.status)
        .collect();
    assert_eq!(saved[..2], [Some(Progress::Done), Some(Progress::NotYet)]);
}

#[test]
fn a_review_that_appears_on_disk_is_seen_when_the_history_opens_and_after_a_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    write_history(&store, wb, 1, today() - chrono::Days::new(100), 91).expect("fixture");
    let mut app = app_in(tmp.path());
    assert_eq!(app.days_since_last_review(), Some(100));
    assert!(screen(&mut app, 120, 40).contains("review due"));

    // Another machine's review arrives through a sync tool while the app runs.
    let synced = today() - chrono::Days::new(10);
    let mut review = partnerbook::domain::review::Review::new(synced, wb);
    review.answers = vec![Some(false); review.answers.len()];
    store.save(&review, wb).expect("synced file");

    type_text(&mut app, "o");
    assert_eq!(app.history.rows.len(), 2, "the history reads the disk");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(
        app.days_since_last_review(),
        Some(10),
        "the cadence follows"
    );
    let previous = app.previous.clone().expect("previous");
    assert_eq!(previous.date, synced, "hints come from the newest review");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("last review 10 days ago"), "{shown}");
    assert!(
        shown.contains("·    (N)") && !shown.contains("·    (Y)"),
        "{shown}"
    );

    let later = today() - chrono::Days::new(3);
    store.save(&Review::new(later, wb), wb).expect("another");
    type_text(&mut app, "y");
    app.handle_key(ctrl('s'));
    assert_eq!(
        app.days_since_last_review(),
        Some(3),
        "a save reads the disk too"
    );
}

#[test]
fn once_todays_review_is_saved_the_title_counts_from_the_previous_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    write_history(
        &store,
        Workbook::embedded(),
        1,
        today() - chrono::Days::new(40),
        91,
    )
    .expect("fixture");
    let mut app = app_in(tmp.path());
    let title = |app: &mut App| {
        screen(app, 120, 40)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    };
    assert!(title(&mut app).contains("last review 40 days ago"));
    type_text(&mut app, "y");
    app.handle_key(ctrl('s'));
    let after = title(&mut app);
    assert!(after.contains("previous review 40 days ago"), "{after}");
    type_text(&mut app, "o");
    assert!(title(&mut app).contains("previous review 40 days ago"));
}

#[test]
fn the_compare_view_says_each_change_in_full_at_every_width() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let mut older = Review::new(today() - chrono::Days::new(91), wb);
    older.set_answer(3, Some(true));
    store.save(&older, wb).expect("older");
    store.save(&Review::new(today(), wb), wb).expect("newer");
    let mut app = app_in(tmp.path());
    type_text(&mut app, "oc");
    // From 104 columns the change is named in words beside its marker.
    for width in [104, 118, 120, 140, 200] {
        let shown = screen(&mut app, width, 40);
        let row = shown
            .lines()
            .find(|l| l.contains(" 4. "))
            .unwrap_or_default();
        assert!(row.contains("no longer answered"), "at {width}:\n{shown}");
    }
}
