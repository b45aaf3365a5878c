//! Commits of exactly the files a write changed.

use super::*;

fn repo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let status = run(tmp.path(), &["init".into(), "-q".into()]).unwrap();
    assert!(status.success());
    tmp
}

fn log(dir: &Path) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["log", "--name-status", "--format=%s"])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn init_commits_a_gitignore_that_keeps_the_draft_lock_and_temp_files_out() {
    let tmp = repo();
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert_eq!(ignore, GITIGNORE);
    assert!(is_repository(tmp.path()));
    for name in ["draft.toml", ".lock", "draft.toml.age"] {
        std::fs::write(tmp.path().join(name), "x").unwrap();
    }
    std::fs::create_dir(tmp.path().join("snapshots")).unwrap();
    std::fs::write(tmp.path().join("snapshots/.2026-11-24.toml.Ab12cd"), "x").unwrap();
    let out = Command::new("git")
        .arg("-C")
        .arg(tmp.path())
        .args(["status", "--porcelain", "--untracked-files=all"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "",
        "all ignored, the .gitignore committed"
    );
    assert!(log(tmp.path()).starts_with("partnerbook: the history starts here\n\nA\t.gitignore"));
}

#[test]
fn only_the_named_files_are_committed_and_an_unchanged_file_is_no_commit() {
    let tmp = repo();
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir(&snapshots).unwrap();
    let review = snapshots.join("2026-11-24.toml");
    let other = snapshots.join("2026-11-01.toml");
    std::fs::write(&review, "a").unwrap();
    std::fs::write(&other, "b").unwrap();
    assert!(
        commit(
            tmp.path(),
            std::slice::from_ref(&review),
            "Review of 2026-11-24"
        )
        .unwrap()
    );
    let shown = log(tmp.path());
    assert!(
        shown.contains("Review of 2026-11-24\n\nA\tsnapshots/2026-11-24.toml"),
        "{shown}"
    );
    assert!(!shown.contains("2026-11-01"), "{shown}");
    assert!(!commit(tmp.path(), std::slice::from_ref(&review), "again").unwrap());
}

#[test]
fn a_file_replaced_by_its_encrypted_form_is_committed_as_a_removal_and_an_addition() {
    let tmp = repo();
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir(&snapshots).unwrap();
    let plain = snapshots.join("2026-11-24.toml");
    std::fs::write(&plain, "a").unwrap();
    commit(tmp.path(), std::slice::from_ref(&plain), "plain").unwrap();
    std::fs::remove_file(&plain).unwrap();
    let sealed = snapshots.join("2026-11-24.toml.age");
    std::fs::write(&sealed, "age").unwrap();
    assert!(commit(tmp.path(), &[sealed, plain], "sealed").unwrap());
    let shown = log(tmp.path());
    assert!(
        shown.starts_with(
            "sealed\n\nD\tsnapshots/2026-11-24.toml\nA\tsnapshots/2026-11-24.toml.age\n"
        ),
        "{shown}"
    );
}

#[test]
fn a_data_dir_that_is_not_a_repository_says_why_it_cannot_commit() {
    let tmp = tempfile::tempdir().unwrap();
    let error = commit(tmp.path(), &[tmp.path().join("x")], "m").unwrap_err();
    assert!(
        error.to_string().starts_with("git: not a git repository"),
        "{error}"
    );
}

#[test]
fn a_repository_made_with_plain_git_gets_the_gitignore_with_the_first_save() {
    let tmp = tempfile::tempdir().unwrap();
    let made = Command::new("git")
        .arg("-C")
        .arg(tmp.path())
        .args(["init", "-q"])
        .status()
        .unwrap();
    assert!(made.success());
    let store = crate::storage::Store::new(tmp.path());
    let review = crate::domain::review::Review::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(),
        crate::domain::content::Workbook::embedded(),
    );
    let path = store
        .save(&review, crate::domain::content::Workbook::embedded())
        .unwrap();
    std::fs::write(tmp.path().join(".lock"), "").unwrap();
    assert!(
        store
            .record(&[path], "Review of 2026-11-24")
            .unwrap()
            .unwrap()
    );
    let out = Command::new("git")
        .arg("-C")
        .arg(tmp.path())
        .args(["status", "--porcelain", "--untracked-files=all"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert!(log(tmp.path()).contains("A\t.gitignore"));
}
