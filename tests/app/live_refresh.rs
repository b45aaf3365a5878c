//! Live refresh in-process: what the folder watcher's `FilesChanged` does to the app — an
//! unedited review read again, edits kept under a "changed on disk" banner and saved beside
//! the other version, the previous review and the cadence, the history refreshed in place,
//! our own saves changing nothing, and an encrypted data dir.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use partnerbook::action::{Action, DiskChange};
use partnerbook::app::{App, SaveState, Screen};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot;
use partnerbook::storage::fixtures;
use partnerbook::storage::store::Store;

use crate::common::*;

/// What the watcher delivers after files of `dates` changed.
fn changed(dates: &[NaiveDate]) -> Action {
    Action::FilesChanged(DiskChange::Dates(
        dates.iter().copied().collect::<BTreeSet<_>>(),
    ))
}

/// A review of `date` answering question `question` (0-based) as `answer`.
fn review(date: NaiveDate, question: usize, answer: bool) -> Review {
    let mut review = Review::new(date, Workbook::embedded());
    review.set_answer(question, Some(answer));
    review
}

/// Writes `review` as another machine would: straight into its file.
fn write_from_outside(store: &Store, review: &Review) {
    let text = snapshot::to_toml(review, Workbook::embedded());
    std::fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    std::fs::write(store.path_for(review.date), text).expect("outside write");
}

fn days_before(days: u64) -> NaiveDate {
    today() - chrono::Days::new(days)
}

#[test]
fn an_unedited_review_shows_what_arrived_on_disk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    store.save(&review(today(), 0, true), wb).expect("saved");
    let mut app = app_in(tmp.path());
    assert_eq!(app.review.answers[9], None);

    write_from_outside(&store, &review(today(), 9, false));
    app.update(changed(&[today()]));
    assert_eq!(app.review.answers[9], Some(false), "the new answer shows");
    assert_eq!(app.review.answers[0], None, "the file is read whole again");
    assert_eq!(app.save_state(), SaveState::Saved);
    assert_eq!(app.disk_notice(), None, "no banner without unsaved edits");
    let status = app.status.clone().expect("said").text;
    assert!(status.contains("changed on disk"), "{status}");

    // Unsaved edits on top of the new version are saved into the file, no copy needed.
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    assert!(store.conflict_copies().expect("copies").is_empty());
    let saved = store.load(today(), wb).expect("load").expect("file");
    assert_eq!(
        (saved.answers[0], saved.answers[9]),
        (Some(true), Some(false))
    );
}

#[test]
fn a_new_earlier_review_updates_the_hints_the_cadence_and_the_follow_up() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let mut app = app_in(tmp.path());
    assert!(screen(&mut app, 120, 40).contains("first review"));
    assert!(app.previous.is_none());

    let earlier = days_before(40);
    let mut theirs = review(earlier, 0, false);
    theirs.set_item(3, "Ask for the priorities weekly".into());
    write_from_outside(&store, &theirs);
    let status = app.status.clone();
    app.update(changed(&[earlier]));
    assert_eq!(app.dates, [earlier]);
    assert_eq!(app.previous.as_ref().map(|p| p.date), Some(earlier));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("last review 40 days ago"), "{shown}");
    assert!(
        shown.contains("Ask for the priorities weekly"),
        "the plan to follow up: {shown}"
    );
    assert_eq!(
        app.status, status,
        "no message: nothing of the review itself changed"
    );
}

#[test]
fn a_refresh_after_our_own_save_keeps_the_message_and_the_undo() {
    let (tmp, mut app) = new_app();
    press(&mut app, &[KeyCode::Char('y'), KeyCode::Char('n')]);
    app.handle_key(ctrl('s'));
    let status = app.status.clone();
    let undo = app.undo.undo_len();
    assert!(undo > 0);
    app.update(changed(&[today()]));
    app.update(Action::FilesChanged(DiskChange::Anything));
    assert_eq!(app.status, status, "the save's message stays");
    assert_eq!(app.undo.undo_len(), undo, "nothing to undo is lost");
    assert_eq!(app.save_state(), SaveState::Saved);
    assert_eq!(app.disk_notice(), None);
    assert!(!screen(&mut app, 120, 40).contains("changed on disk"));
    let store = Store::new(tmp.path());
    assert!(store.conflict_copies().expect("copies").is_empty());
}

/// An app with unsaved edits (question 1 Yes) whose file then changed on disk (question 10 No).
fn edited_then_changed() -> (tempfile::TempDir, Store, App, String) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    store.save(&Review::new(today(), wb), wb).expect("saved");
    let mut app = app_in(tmp.path());
    press(&mut app, &[KeyCode::Char('y')]);
    let theirs = review(today(), 9, false);
    write_from_outside(&store, &theirs);
    app.update(changed(&[today()]));
    (tmp, store, app, snapshot::to_toml(&theirs, wb))
}

#[test]
fn with_unsaved_edits_a_banner_shows_and_saving_keeps_both_versions() {
    let (_tmp, store, mut app, theirs) = edited_then_changed();
    assert_eq!(app.review.answers[0], Some(true), "the edit stays");
    assert_eq!(app.review.answers[9], None);
    let notice = app.disk_notice().expect("banner");
    assert!(
        notice.contains("changed on disk") && notice.contains("^S") && notice.contains(" o "),
        "the user's keys are named: {notice}"
    );
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = render(&mut app, w, h);
        insta::assert_snapshot!(format!("changed_on_disk_{w}x{h}"), terminal.backend());
    }

    app.handle_key(ctrl('s'));
    assert_eq!(
        std::fs::read_to_string(store.path_for(today())).expect("file"),
        theirs,
        "their version is not overwritten"
    );
    let copies = store.conflict_copies().expect("copies");
    assert_eq!(copies.len(), 1, "{copies:?}");
    let mine = std::fs::read_to_string(&copies[0].1).expect("copy");
    assert!(mine.contains("share_information = true"), "{mine}");
    assert_eq!(
        app.disk_notice(),
        None,
        "the banner goes once both are kept"
    );
    assert!(!screen(&mut app, 120, 40).contains("This review changed on disk"));

    // Yours is in the copy: the screen shows the file's version, and says so.
    assert_eq!(app.review.answers[9], Some(false));
    assert_eq!(app.review.answers[0], None);
    assert_eq!(app.save_state(), SaveState::Saved);
    let status = app.status.clone();
    let text = &status.as_ref().expect("said").text;
    assert!(
        text.contains("Both are kept; the file's is shown"),
        "{text}"
    );
    // The watcher then sees the copy: nothing changes, and the message stays.
    app.update(changed(&[today()]));
    assert_eq!(app.status, status);
    app.handle_key(key(KeyCode::Char('o')));
    assert_eq!(app.history.rows[0].versions, 2);
}

#[test]
fn the_banner_goes_when_the_edits_are_undone_and_the_file_shows() {
    let (_tmp, _store, mut app, _) = edited_then_changed();
    assert!(app.disk_notice().is_some());
    app.handle_key(key(KeyCode::Char('u')));
    assert_eq!(app.disk_notice(), None);
    assert_eq!(
        app.review.answers[9],
        Some(false),
        "the file's version shows"
    );
    assert_eq!(app.save_state(), SaveState::Saved);
}

#[test]
fn the_banner_goes_when_the_file_is_back_to_what_was_read() {
    let (_tmp, store, mut app, _) = edited_then_changed();
    let wb = Workbook::embedded();
    store.save(&Review::new(today(), wb), wb).expect("put back");
    app.update(changed(&[today()]));
    assert_eq!(app.disk_notice(), None);
    app.handle_key(ctrl('s'));
    assert!(store.conflict_copies().expect("copies").is_empty());
}

#[test]
fn the_banner_shows_over_the_review_only() {
    let (_tmp, _store, mut app, _) = edited_then_changed();
    app.handle_key(key(KeyCode::Char('o')));
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.disk_notice(), None);
    assert!(!screen(&mut app, 80, 24).contains("changed on disk"));
    app.handle_key(key(KeyCode::Esc));
    assert!(app.disk_notice().is_some());
}

#[test]
fn an_item_being_edited_without_changes_shows_its_new_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let mut mine = Review::new(today(), wb);
    mine.set_item(0, "old words".into());
    store.save(&mine, wb).expect("saved");
    let mut app = app_in(tmp.path());
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    assert!(app.editor.is_some());
    mine.set_item(0, "new words".into());
    write_from_outside(&store, &mine);
    app.update(changed(&[today()]));
    let editor = app.editor.as_ref().expect("still editing");
    assert_eq!(editor.lines().join("\n"), "new words");
    type_text(&mut app, "!");
    assert_eq!(app.review.item(0), "new words!");
}

#[test]
fn the_history_refreshes_in_place_keeping_the_selection_and_the_marks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let newest = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    fixtures::write_history(&store, wb, 4, newest, 91).expect("fixtures");
    let mut app = app_in(tmp.path());
    press(
        &mut app,
        &[
            KeyCode::Char('o'),
            KeyCode::Down,
            KeyCode::Char(' '),
            KeyCode::Down,
        ],
    );
    let selected = app.history.selected_date().expect("selected");
    let marked = app.history.marked.clone();
    assert_eq!(marked.len(), 1);

    // A review between the two newest arrives: the same review stays selected and marked.
    let between = newest - chrono::Days::new(40);
    write_from_outside(&store, &review(between, 0, true));
    app.update(changed(&[between]));
    assert_eq!(app.screen, Screen::History);
    assert_eq!(app.history.rows.len(), 5);
    assert_eq!(app.history.selected_date(), Some(selected));
    assert_eq!(app.history.marked, marked);
    assert!(
        app.history.rows.iter().all(|r| r.summary.is_some()),
        "all parsed"
    );
    assert!(screen(&mut app, 120, 40).contains(&between.format("%-d %b %Y").to_string()));

    // The selected review goes: the next older one is selected; the marked one goes: unmarked.
    std::fs::remove_file(store.path_for(selected)).expect("rm");
    std::fs::remove_file(store.path_for(marked[0])).expect("rm");
    app.update(changed(&[selected, marked[0]]));
    assert_eq!(app.history.rows.len(), 3);
    assert!(app.history.selected_date() < Some(selected));
    assert!(app.history.marked.is_empty());

    // Behind the compare view too, so going back shows what is there.
    press(&mut app, &[KeyCode::Up, KeyCode::Char('c')]);
    assert!(app.screen.is_compare(), "{:?}", app.status);
    write_from_outside(&store, &review(selected, 0, true));
    app.update(Action::FilesChanged(DiskChange::Anything));
    assert!(app.screen.is_compare(), "the comparison stays");
    app.handle_key(key(KeyCode::Esc));
    assert_eq!(app.history.rows.len(), 4);
}

#[test]
fn a_change_applies_while_the_terminal_is_too_small() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let mut app = app_in(tmp.path());
    app.set_viewport(20, 5);
    assert!(app.too_small());
    write_from_outside(&store, &review(today(), 9, false));
    app.update(changed(&[today()]));
    assert_eq!(app.review.answers[9], Some(false));
}

#[test]
fn an_encrypted_review_is_read_again_and_a_save_keeps_both_encrypted() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = fixtures::encrypt_quickly(&Store::new(tmp.path()), "pw").expect("encrypt");
    let wb = Workbook::embedded();
    store.save(&Review::new(today(), wb), wb).expect("saved");
    let mut app = App::open(
        store.clone(),
        today(),
        Box::new(|| {
            chrono::DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").expect("time")
        }),
    )
    .expect("opens");
    store.save(&review(today(), 9, false), wb).expect("theirs");
    app.update(changed(&[today()]));
    assert_eq!(app.review.answers[9], Some(false));

    press(&mut app, &[KeyCode::Char('y')]);
    store
        .save(&review(today(), 8, true), wb)
        .expect("theirs again");
    app.update(changed(&[today()]));
    assert!(app.disk_notice().is_some());
    app.handle_key(ctrl('s'));
    let copies = store.conflict_copies().expect("copies");
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        copies[0].1.to_string_lossy().ends_with(".age"),
        "{copies:?}"
    );
}

#[test]
fn a_draft_offered_at_start_is_restored_onto_the_version_it_was_made_from() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    store.save(&Review::new(today(), wb), wb).expect("saved");
    let draft = review(today(), 0, true);
    std::fs::write(store.draft_path(), snapshot::to_toml(&draft, wb)).expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    assert!(matches!(app.popup, Some(partnerbook::app::Popup::Draft(_))));

    // Another machine's version arrives while the draft is offered.
    let theirs = review(today(), 9, false);
    write_from_outside(&store, &theirs);
    app.update(changed(&[today()]));
    app.handle_key(key(KeyCode::Char('r')));
    assert_eq!(app.review.answers[0], Some(true), "the draft is restored");
    assert!(
        app.disk_notice().is_some(),
        "and the banner says the file changed"
    );
    app.handle_key(ctrl('s'));
    let on_disk = store.load(today(), wb).expect("load").expect("file");
    assert_eq!(on_disk.answers[9], Some(false), "theirs is not overwritten");
    assert_eq!(store.conflict_copies().expect("copies").len(), 1);
}
