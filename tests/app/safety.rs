//! App tests of the safety promises: read-only when another instance holds the lock or the
//! file cannot be read, drafts offered at start, disk trouble, saving a copy, privacy.

use crate::common;

use common::{app_in, ctrl, key, press, screen, today, type_text};
use crossterm::event::KeyCode;
use partnerbook::app::{Access, App, Popup, SaveState};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot;
use partnerbook::storage::store::Store;

fn write_today(dir: &std::path::Path, text: &str) -> std::path::PathBuf {
    let snapshots = dir.join("snapshots");
    std::fs::create_dir_all(&snapshots).expect("mkdir");
    let path = snapshots.join("2026-11-22.toml");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn a_locked_workbook_is_read_only_with_a_banner_but_can_be_browsed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app_in(tmp.path());
    app.set_locked_elsewhere();
    press(
        &mut app,
        &[KeyCode::Char('y'), KeyCode::Tab, KeyCode::Char(' ')],
    );
    app.handle_key(ctrl('s'));
    assert_eq!(app.review.answered() + app.review.practised(), 0);
    assert!(!tmp.path().join("snapshots").exists(), "nothing saved");
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
    assert_eq!(
        app.draft_text(),
        None,
        "a read-only instance writes no draft"
    );
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains("read-only: another partnerbook is using this workbook"),
        "{shown}"
    );
    app.handle_key(key(KeyCode::Char('o')));
    assert_eq!(app.screen, partnerbook::app::Screen::History);
}

#[test]
fn an_unreadable_file_for_today_opens_read_only_and_is_never_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let garbage = "version = 1\ndate = 2026-11-22\n[assessment\n";
    let path = write_today(tmp.path(), garbage);
    let mut app = app_in(tmp.path());
    let Access::Unreadable { date, why } = app.access.clone() else {
        panic!("flagged: {:?}", app.access);
    };
    assert_eq!(date, today());
    assert!(why.contains("2026-11-22.toml:3:"), "{why}");
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), garbage);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("never writes over"), "{shown}");
    let title = shown.lines().next().unwrap_or_default();
    assert!(
        title.contains("unreadable") && !title.contains("saved"),
        "{title}"
    );
}

#[test]
fn a_draft_is_offered_at_start_and_restores_the_unsaved_changes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut first = app_in(tmp.path());
    press(&mut first, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(&mut first, "Ask for priorities — 優先順位");
    let draft = first.draft_text().expect("unsaved changes make a draft");
    let store = Store::new(tmp.path());
    std::fs::write(store.draft_path(), &draft).expect("write draft");

    let mut app = app_in(tmp.path());
    app.check_on_start();
    assert!(matches!(&app.popup, Some(Popup::Draft(d)) if d.date == today()));
    assert!(screen(&mut app, 80, 24).contains("Bring them back?"));
    app.handle_key(key(KeyCode::Esc));
    assert!(
        matches!(&app.popup, Some(Popup::Draft(d)) if d.date == today()),
        "only r or d"
    );
    app.handle_key(key(KeyCode::Char('r')));
    assert_eq!(app.review.item(0), "Ask for priorities — 優先順位");
    assert_eq!(app.save_state(), SaveState::Unsaved);
    app.handle_key(ctrl('s'));
    assert!(!store.draft_path().exists(), "saving removes the draft");
}

#[test]
fn a_discarded_draft_is_gone_and_one_matching_the_file_is_dropped_silently() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let mut review = Review::new(today(), wb);
    review.set_answer(0, Some(true));
    std::fs::create_dir_all(tmp.path()).expect("mkdir");
    std::fs::write(store.draft_path(), snapshot::to_toml(&review, wb)).expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    app.handle_key(key(KeyCode::Char('d')));
    assert!(!store.draft_path().exists());
    assert_eq!(app.review.answered(), 0);

    store.save(&review, wb).expect("saved");
    std::fs::write(store.draft_path(), snapshot::to_toml(&review, wb)).expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    assert_eq!(app.popup, None);
    assert!(!store.draft_path().exists());
}

#[test]
fn an_unreadable_draft_is_set_aside_not_lost() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    std::fs::write(store.draft_path(), "half a dra").expect("draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    assert!(!store.draft_path().exists());
    let kept: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("draft-unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let text = std::fs::read_to_string(tmp.path().join(&kept[0])).expect("kept");
    assert_eq!(text, "half a dra");
    assert!(app.status.as_ref().is_some_and(|s| s.is_error));
}

fn disk_full(_: &std::path::Path, _: &[u8]) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
}

#[test]
fn a_full_disk_keeps_the_edits_and_a_retry_saves_them() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = app_in(tmp.path());
    app.store = Store::new(tmp.path()).with_writer(disk_full);
    press(&mut app, &[KeyCode::Char('y'), KeyCode::Char('n')]);
    app.handle_key(ctrl('s'));
    let status = app.status.clone().expect("status");
    assert!(status.is_error, "{status:?}");
    assert!(status.text.contains("Not saved") && status.text.contains("^W"));
    assert_eq!(app.save_state(), SaveState::Unsaved);
    assert_eq!(app.review.answered(), 2);
    assert!(app.draft_text().is_some(), "the draft still keeps them");

    app.store = Store::new(tmp.path());
    app.handle_key(ctrl('s'));
    assert_eq!(app.save_state(), SaveState::Saved);
}

#[test]
fn a_data_dir_that_is_a_file_is_reported_in_the_status_line_and_a_copy_can_be_saved() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "x").expect("write");
    let mut app = app_in(&file);
    let status = app.status.clone().expect("reported");
    assert!(status.text.contains("is not a directory"), "{status:?}");
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('w'));
    let Some(Popup::SaveAs(editor)) = app.popup.as_mut() else {
        panic!("the save-as prompt is open: {:?}", app.popup);
    };
    editor.select_all();
    editor.cut();
    let copies = tmp.path().join("copies");
    std::fs::create_dir(&copies).expect("mkdir");
    type_text(&mut app, &copies.display().to_string());
    app.handle_key(key(KeyCode::Enter));
    let copy = copies.join("partnerbook-2026-11-22.toml");
    let text = std::fs::read_to_string(&copy).expect("copy written");
    assert!(text.contains("share_information = true"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&copy).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert_eq!(
        app.save_state(),
        SaveState::Unsaved,
        "still unsaved in its data dir"
    );
}

#[cfg(unix)]
#[test]
fn loose_permissions_are_tightened_with_a_notice() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = write_today(tmp.path(), "version = 1\ndate = 2026-11-22\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let mut app: App = app_in(tmp.path());
    app.check_on_start();
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let status = app.status.clone().expect("notice");
    assert!(status.text.contains("private"), "{status:?}");
}

#[test]
fn opening_another_review_after_an_unreadable_start_makes_it_writable_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    let wb = Workbook::embedded();
    let older = today() - chrono::Days::new(91);
    partnerbook::storage::fixtures::write_history(&store, wb, 1, older, 91).expect("fixture");
    write_today(tmp.path(), "version = 1\n[assessment\n");
    let mut app = app_in(tmp.path());
    assert!(matches!(app.access, Access::Unreadable { .. }));
    press(
        &mut app,
        &[KeyCode::Char('o'), KeyCode::End, KeyCode::Enter],
    );
    assert_eq!(app.review.date, older);
    assert_eq!(app.access, Access::Writable, "worked out again on opening");
    assert_eq!(app.write_block(), None);
    press(&mut app, &[KeyCode::End, KeyCode::Char('y')]);
    assert_eq!(app.review.answers[9], Some(true), "changes are allowed");
    app.handle_key(ctrl('s'));
    let saved = store.load(older, wb).expect("load").expect("file");
    assert_eq!(saved.answers[9], Some(true));
    assert!(!screen(&mut app, 80, 24).contains("read-only"));
}

#[test]
fn a_draft_that_cannot_be_restored_keeps_naming_its_own_date() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let wb = Workbook::embedded();
    let earlier = today() - chrono::Days::new(30);
    let mut draft = Review::new(earlier, wb);
    draft.set_answer(0, Some(true));
    let store = Store::new(tmp.path());
    std::fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    std::fs::write(store.draft_path(), snapshot::to_toml(&draft, wb)).expect("draft");
    // The draft's own review cannot be read, so it cannot be restored over.
    std::fs::write(store.path_for(earlier), "version = 1\n[assessment\n").expect("bad file");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    app.handle_key(key(KeyCode::Char('r')));
    assert!(
        matches!(&app.popup, Some(Popup::Draft(d)) if d.date == earlier),
        "{:?}",
        app.popup
    );
    let shown = screen(&mut app, 120, 40);
    let named = earlier.format("%a %-d %b %Y").to_string();
    assert!(shown.contains(&named), "the prompt names {named}: {shown}");
    assert_eq!(app.review.date, today(), "today's review stays on screen");
}

#[test]
fn a_file_changed_on_disk_since_it_was_opened_is_never_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let wb = Workbook::embedded();
    let store = Store::new(tmp.path());
    store
        .save(&Review::new(today(), wb), wb)
        .expect("first version");
    let mut app = app_in(tmp.path());
    // Another machine's version arrives through a sync while this one is being edited.
    let mut theirs = Review::new(today(), wb);
    theirs.set_answer(9, Some(false));
    let their_text = snapshot::to_toml(&theirs, wb);
    std::fs::write(store.path_for(today()), &their_text).expect("outside edit");

    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    let on_disk = std::fs::read_to_string(store.path_for(today())).expect("file");
    assert_eq!(on_disk, their_text, "their version is not overwritten");
    let copies = store.conflict_copies().expect("copies");
    assert_eq!(copies.len(), 1, "{copies:?}");
    let mine = std::fs::read_to_string(&copies[0].1).expect("copy");
    assert!(mine.contains("share_information = true"), "{mine}");
    let status = app.status.clone().expect("told").text;
    assert!(
        status.contains("changed on disk") && status.contains("Both are kept"),
        "{status}"
    );
    // The history is opened below; first the status line as it shows at 80 columns.
    let shown = screen(&mut app, 80, 24);
    assert!(
        shown.contains(".conflict-"),
        "the copy's name shows at 80 columns: {shown}"
    );
    assert_eq!(
        app.save_state(),
        SaveState::Saved,
        "nothing is left unsaved"
    );
    assert!(!store.draft_path().exists());

    type_text(&mut app, "o");
    assert_eq!(app.history.rows[0].versions, 2);
    assert!(screen(&mut app, 80, 24).contains("2 versions"));
}

#[test]
fn a_file_that_appeared_for_a_new_review_is_kept_and_a_touch_is_no_conflict() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let wb = Workbook::embedded();
    let store = Store::new(tmp.path());
    let mut app = app_in(tmp.path());
    let theirs = snapshot::to_toml(&Review::new(today(), wb), wb);
    std::fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    std::fs::write(store.path_for(today()), &theirs).expect("appeared");
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    let kept = std::fs::read_to_string(store.path_for(today())).expect("file");
    assert_eq!(kept, theirs);
    assert_eq!(store.conflict_copies().expect("copies").len(), 1);

    // A file rewritten with the same bytes (a sync touching it) is not a change.
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    store.save(&Review::new(today(), wb), wb).expect("saved");
    let mut app = app_in(tmp.path());
    let same = std::fs::read(store.path_for(today())).expect("bytes");
    std::fs::write(store.path_for(today()), same).expect("touched");
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    assert!(store.conflict_copies().expect("copies").is_empty());
    let saved = store.load(today(), wb).expect("load").expect("file");
    assert_eq!(saved.answers[0], Some(true));
}

#[test]
fn a_draft_that_cannot_be_read_is_set_aside_whatever_the_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    // Not "not found": something is there that cannot be read as a file.
    std::fs::create_dir_all(store.draft_path().join("inside")).expect("a folder as the draft");
    let mut app = app_in(tmp.path());
    app.check_on_start();
    let status = app.status.clone().expect("told").text;
    assert!(
        status.contains("could not be read") && status.contains("kept as"),
        "{status}"
    );
    assert!(
        !store.draft_path().exists(),
        "moved aside, so new drafts can be written"
    );
    let kept: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("draft-unreadable-"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(
        tmp.path().join(&kept[0]).join("inside").exists(),
        "nothing inside is lost"
    );
}

#[test]
fn a_hand_edited_review_keeps_its_comments_order_and_unknown_tables_when_saved() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    std::fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    let date = today().format("%Y-%m-%d");
    let hand = format!(
        "# My review, kept by hand\ndate = {date}\nversion = 1\n\n\
         [assessment]\n# the first one matters most\nsame_team = true\nshare_information = false # not yet\n\n\
         [extra]\nnote = \"mine\"\n"
    );
    std::fs::write(store.path_for(today()), &hand).expect("hand-edited file");
    let mut app = app_in(tmp.path());
    assert_eq!(app.review.answers[0], Some(false));
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    let saved = std::fs::read_to_string(store.path_for(today())).expect("saved");
    for kept in [
        "# My review, kept by hand\ndate = ",
        "# the first one matters most\nsame_team = true\n",
        "share_information = true # not yet",
        "[extra]\nnote = \"mine\"",
    ] {
        assert!(saved.contains(kept), "{kept:?} kept in:\n{saved}");
    }
    assert!(saved.find("date").expect("date") < saved.find("version").expect("version"));
    let reread = store
        .load(today(), Workbook::embedded())
        .expect("load")
        .expect("file");
    assert_eq!(reread.answers[0], Some(true));
}

#[test]
fn two_conflict_copies_in_one_second_are_both_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let wb = Workbook::embedded();
    let store = Store::new(tmp.path());
    store
        .save(&Review::new(today(), wb), wb)
        .expect("first version");
    let mut app = app_in(tmp.path());
    for (n, answer) in [(1, 'y'), (2, 'n')] {
        let mut theirs = Review::new(today(), wb);
        theirs.set_item(n, format!("theirs {n}"));
        std::fs::write(store.path_for(today()), snapshot::to_toml(&theirs, wb)).expect("edit");
        press(&mut app, &[KeyCode::Home, KeyCode::Char(answer)]);
        app.handle_key(ctrl('s'));
    }
    // The test clock never moves: both copies are named for the same second.
    let copies = store.conflict_copies().expect("copies");
    assert_eq!(copies.len(), 2, "{copies:?}");
}
