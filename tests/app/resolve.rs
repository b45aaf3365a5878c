//! Resolving a review's two versions from the history: a sync tool's conflict copy or git's
//! conflict markers, each difference taken from either side, the result saved, the other
//! version kept in `resolved/`, plain text nowhere when encrypted, and a commit when in git.

use std::path::Path;

use chrono::NaiveDate;
use crossterm::event::KeyCode;
use partnerbook::app::{App, Screen};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot::to_toml;
use partnerbook::storage::fixtures;
use partnerbook::storage::store::Store;

use crate::common::{app_in, ctrl, key, press, screen, today};

fn day() -> NaiveDate {
    today() - chrono::Days::new(5)
}

/// This machine's version and the other machine's: different answers, a skill and a list.
fn versions() -> (Review, Review) {
    let workbook = Workbook::embedded();
    let mut mine = Review::new(day(), workbook);
    for answer in mine.answers.iter_mut() {
        *answer = Some(true);
    }
    mine.answers[3] = Some(false);
    mine.next_steps[0][0] = "written on the laptop".into();
    let mut theirs = mine.clone();
    theirs.answers[3] = Some(true);
    theirs.skills[1].practised = true;
    theirs.next_steps[0][0] = "written at home".into();
    (mine, theirs)
}

/// A data dir holding `mine` as the review and `theirs` as Syncthing's conflict copy.
fn synced_conflict(dir: &Path) -> std::path::PathBuf {
    let (mine, theirs) = versions();
    let store = Store::new(dir);
    store.save(&mine, Workbook::embedded()).unwrap();
    let copy = store.snapshots_dir().join(format!(
        "{}.sync-conflict-20261117-101500-ABCDEF7.toml",
        day()
    ));
    std::fs::write(&copy, to_toml(&theirs, Workbook::embedded())).unwrap();
    copy
}

/// Opens the history on `day()` and presses r.
fn open_resolve(app: &mut App) {
    if app.screen != Screen::History {
        app.handle_key(key(KeyCode::Char('o')));
    }
    let row = app
        .history
        .rows
        .iter()
        .position(|r| r.date == day())
        .unwrap();
    app.history.selected = row;
    app.handle_key(key(KeyCode::Char('r')));
}

fn resolved_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("resolved"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_syncthing_copy_is_resolved_part_by_part_and_kept_in_resolved() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = synced_conflict(tmp.path());
    let mut app = app_in(tmp.path());
    app.handle_key(key(KeyCode::Char('o')));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("2 versions: r resolves"), "{shown}");
    open_resolve(&mut app);
    let Screen::Resolve(view) = &app.screen else {
        panic!("not resolving: {:?}", app.status);
    };
    assert_eq!(view.resolution.picks().len(), 3);
    // The answer from the other machine, the skill from this one, the list from the other.
    press(&mut app, &[KeyCode::Right, KeyCode::Left, KeyCode::Right]);
    app.handle_key(ctrl('s'));
    assert_eq!(app.screen, Screen::History, "{:?}", app.status);
    let store = Store::new(tmp.path());
    let result = store.load(day(), Workbook::embedded()).unwrap().unwrap();
    assert_eq!(result.answers[3], Some(true));
    assert!(!result.skills[1].practised);
    assert_eq!(result.next_steps[0][0], "written at home");
    assert!(!copy.exists());
    let kept = resolved_names(tmp.path());
    assert_eq!(kept.len(), 2, "{kept:?}");
    assert!(kept.iter().any(|n| n.contains("sync-conflict")), "{kept:?}");
    assert!(kept.iter().any(|n| n.contains(".replaced-")), "{kept:?}");
    assert!(store.versions().is_empty());
    let status = app.status.clone().unwrap().text;
    assert!(status.starts_with("Resolved the review of"), "{status}");
}

#[test]
fn keeping_the_other_version_whole_takes_every_difference_from_it() {
    let tmp = tempfile::tempdir().unwrap();
    synced_conflict(tmp.path());
    let mut app = app_in(tmp.path());
    open_resolve(&mut app);
    press(&mut app, &[KeyCode::Char('L')]);
    app.handle_key(key(KeyCode::Enter));
    let (_, theirs) = versions();
    let result = Store::new(tmp.path())
        .load(day(), Workbook::embedded())
        .unwrap()
        .unwrap();
    assert_eq!(result.answers, theirs.answers);
    assert_eq!(result.skills, theirs.skills);
    assert_eq!(result.next_steps, theirs.next_steps);
}

#[test]
fn esc_leaves_both_versions_as_they_were() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = synced_conflict(tmp.path());
    let mut app = app_in(tmp.path());
    open_resolve(&mut app);
    press(&mut app, &[KeyCode::Right, KeyCode::Esc]);
    assert_eq!(app.screen, Screen::History);
    assert!(copy.exists());
    assert!(!tmp.path().join("resolved").exists());
}

#[test]
fn a_file_with_git_conflict_markers_is_split_into_two_versions_and_resolved() {
    let tmp = tempfile::tempdir().unwrap();
    let (mine, theirs) = versions();
    let workbook = Workbook::embedded();
    let (a, b) = (to_toml(&mine, workbook), to_toml(&theirs, workbook));
    // What git writes when both machines changed the same lines.
    let mut merged = String::new();
    let (mut in_a, mut in_b) = (a.lines().peekable(), b.lines().peekable());
    while let (Some(x), Some(y)) = (in_a.next(), in_b.next()) {
        if x == y {
            merged.push_str(&format!("{x}\n"));
        } else {
            merged.push_str(&format!(
                "<<<<<<< HEAD\n{x}\n=======\n{y}\n>>>>>>> origin/main\n"
            ));
        }
    }
    let path = Store::new(tmp.path()).path_for(day());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, merged).unwrap();
    let mut app = app_in(tmp.path());
    app.handle_key(key(KeyCode::Char('o')));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("a git merge left two versions"), "{shown}");
    open_resolve(&mut app);
    assert!(matches!(app.screen, Screen::Resolve(_)), "{:?}", app.status);
    press(&mut app, &[KeyCode::Char('L')]);
    app.handle_key(ctrl('s'));
    let result = Store::new(tmp.path())
        .load(day(), workbook)
        .unwrap()
        .unwrap();
    assert_eq!(result.next_steps[0][0], "written at home");
}

#[test]
fn an_encrypted_conflict_is_resolved_without_plain_text_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let (mine, theirs) = versions();
    let workbook = Workbook::embedded();
    let store = fixtures::encrypt_quickly(&Store::new(tmp.path()), "pw").unwrap();
    store.save(&mine, workbook).unwrap();
    let keys = store.keys().unwrap();
    let copy = store.snapshots_dir().join(format!(
        "{}.toml.sync-conflict-20261117-101500-ABCDEF7.age",
        day()
    ));
    std::fs::write(
        &copy,
        keys.seal(to_toml(&theirs, workbook).as_bytes()).unwrap(),
    )
    .unwrap();
    let clock =
        Box::new(|| chrono::DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").unwrap());
    let mut app = App::open(store.clone(), today(), clock).unwrap();
    open_resolve(&mut app);
    assert!(matches!(app.screen, Screen::Resolve(_)), "{:?}", app.status);
    press(&mut app, &[KeyCode::Char('L')]);
    app.handle_key(ctrl('s'));
    let result = store.load(day(), workbook).unwrap().unwrap();
    assert_eq!(result.next_steps[0][0], "written at home");
    for name in resolved_names(tmp.path()) {
        assert!(name.ends_with(".age"), "{name}");
    }
    let plain = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .any(|e| std::fs::read(e.path()).is_ok_and(|b| b.windows(7).any(|w| w == b"written")))
    };
    assert!(!plain(&tmp.path().join("snapshots")) && !plain(&tmp.path().join("resolved")));
}

#[test]
fn in_a_git_data_dir_the_resolution_is_one_commit_and_the_tree_is_clean() {
    let tmp = tempfile::tempdir().unwrap();
    partnerbook::storage::git::run(tmp.path(), &["init".into(), "-q".into()]).unwrap();
    synced_conflict(tmp.path());
    let mut app = app_in(tmp.path());
    open_resolve(&mut app);
    press(&mut app, &[KeyCode::Char('L')]);
    app.handle_key(ctrl('s'));
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(tmp.path())
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(git(&["status", "--porcelain"]), "", "{:?}", app.status);
    let subject = git(&["log", "-1", "--format=%s"]);
    assert!(
        subject.starts_with(&format!(
            "Resolve two versions of the review of {}: 10/10",
            day()
        )),
        "{subject}"
    );
}

#[test]
fn a_review_with_one_version_has_nothing_to_resolve() {
    let tmp = tempfile::tempdir().unwrap();
    let (mine, _) = versions();
    Store::new(tmp.path())
        .save(&mine, Workbook::embedded())
        .unwrap();
    let mut app = app_in(tmp.path());
    open_resolve(&mut app);
    assert_eq!(app.screen, Screen::History);
    let status = app.status.clone().unwrap().text;
    assert!(status.contains("has one version"), "{status}");
}

#[test]
fn the_resolve_view_at_each_size() {
    let tmp = tempfile::tempdir().unwrap();
    synced_conflict(tmp.path());
    let mut app = app_in(tmp.path());
    open_resolve(&mut app);
    press(&mut app, &[KeyCode::Right]);
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = crate::common::render(&mut app, w, h);
        insta::assert_snapshot!(format!("resolve_{w}x{h}"), terminal.backend());
    }
}
