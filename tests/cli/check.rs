//! `partnerbook check` run as the real binary: problems on stdout, one summary line, exit
//! status 1 with one stderr line when anything is wrong, and no file touched.

use super::run::partnerbook;
use std::fs;
use std::path::Path;
use std::process::Output;

fn check(data_dir: &Path) -> Output {
    partnerbook(data_dir, &["check"])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn an_empty_data_dir_is_all_good() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = check(&tmp.path().join("nothing-here"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "checked 1 file: all good\n");
    assert_eq!(text(&out.stderr), "");
    assert!(!tmp.path().join("nothing-here").exists());
}

#[test]
fn the_fixture_history_has_just_its_one_broken_review() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/history");
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    for entry in fs::read_dir(fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        fs::copy(&path, snapshots.join(path.file_name().expect("name"))).expect("copy");
    }
    let out = check(tmp.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let expected = format!(
        "{}/2026-05-05.toml:3: unclosed table, expected `]`\nchecked 5 files: 1 problem\n",
        snapshots.display()
    );
    assert_eq!(text(&out.stdout), expected);
    fs::remove_file(snapshots.join("2026-05-05.toml")).expect("remove");
    let out = check(tmp.path());
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(text(&out.stdout), "checked 4 files: all good\n");
}

#[test]
fn problems_are_listed_and_the_exit_status_says_so() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    let broken = b"version = 1\ndate = 2026-05-05\n[assessment\n";
    fs::write(snapshots.join("2026-05-05.toml"), broken).expect("write");
    fs::write(snapshots.join("old-notes.toml"), "hello").expect("write");
    fs::write(
        snapshots.join("2026-02-10.toml"),
        "version = 1\ndate = 2026-02-10\n",
    )
    .expect("write");

    let out = check(tmp.path());
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert_eq!(text(&out.stderr), "partnerbook: 2 problems found\n");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    let prefix = snapshots.display().to_string();
    assert!(
        lines[0].starts_with(&format!("{prefix}/2026-05-05.toml:3: ")),
        "{stdout}"
    );
    assert_eq!(
        lines[1],
        format!("{prefix}/old-notes.toml: not a snapshot name, ignored by partnerbook")
    );
    assert_eq!(lines[2], "checked 4 files: 2 problems");
    assert_eq!(
        fs::read(snapshots.join("2026-05-05.toml")).expect("read"),
        broken
    );
}

#[test]
fn a_conflict_copy_is_a_second_version_that_check_reports_and_list_marks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    fs::create_dir_all(&snapshots).expect("mkdir");
    let review = "version = 1\ndate = 2026-08-01\n";
    fs::write(snapshots.join("2026-08-01.toml"), review).expect("write");
    let copy = "2026-08-01.conflict-20260802-101500.toml";
    fs::write(snapshots.join(copy), review).expect("write");
    let out = check(tmp.path());
    assert!(!out.status.success(), "a conflict is a problem to resolve");
    let report = text(&out.stdout);
    assert!(
        report.contains(copy) && report.contains("a second version of the review of 2026-08-01"),
        "{report}"
    );
    let list = partnerbook(tmp.path(), &["list"]);
    let rows = text(&list.stdout);
    assert!(
        rows.contains("2026-08-01") && rows.contains("2 versions"),
        "{rows}"
    );
    assert_eq!(
        rows.lines().count(),
        1,
        "the copy is not a review of its own: {rows}"
    );
}
