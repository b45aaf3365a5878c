//! Unit tests of `check` on temporary data dirs, each also proving nothing was changed.

use std::collections::BTreeMap;

use super::*;
use crate::storage::fixtures;

fn wb() -> &'static Workbook {
    Workbook::embedded()
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// Every file under `dir` with its bytes, so a test can prove a check wrote nothing.
fn contents(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(contents(&path));
        } else {
            found.insert(path.clone(), fs::read(&path).expect("read"));
        }
    }
    found
}

/// Runs a check and asserts it left every byte (and the file list) as it was.
fn check_unchanged(store: &Store) -> Report {
    let before = contents(store.dir());
    let report = check(store);
    assert_eq!(contents(store.dir()), before, "check changed the data dir");
    report
}

fn reasons(report: &Report, root: &Path) -> Vec<String> {
    report
        .problems
        .iter()
        .map(|p| {
            let relative = p.path.strip_prefix(root).unwrap_or(&p.path);
            Problem {
                path: relative.to_path_buf(),
                ..p.clone()
            }
            .to_string()
        })
        .collect()
}

#[test]
fn a_missing_data_dir_checks_only_the_workbook() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("not-yet"));
    let report = check_unchanged(&store);
    assert!(report.is_clean(), "{report:?}");
    assert_eq!(report.summary(), "checked 1 file: all good");
    assert!(!store.dir().exists(), "check must not create the data dir");
}

#[test]
fn a_good_history_and_draft_are_all_good() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    fixtures::write_history(&store, wb(), 4, date("2026-11-01"), 91).expect("history");
    let draft = fixtures::sample_review(wb(), date("2026-11-22"), 9);
    fs::write(
        tmp.path().join("draft.toml"),
        snapshot::to_toml(&draft, wb()),
    )
    .expect("draft");
    fs::write(store.snapshots_dir().join("notes.txt"), "not toml").expect("notes");
    fs::write(store.snapshots_dir().join(".2026-11-01.toml.a1B2c3"), "ver").expect("temp");
    let report = check_unchanged(&store);
    assert_eq!(report.problems, Vec::new());
    assert_eq!(report.summary(), "checked 6 files: all good");
}

#[test]
fn every_kind_of_problem_is_reported_with_its_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    fixtures::write_history(&store, wb(), 2, date("2026-11-01"), 91).expect("history");
    let snapshots = store.snapshots_dir();
    let write = |name: &str, bytes: &[u8]| fs::write(snapshots.join(name), bytes).expect("write");
    write(
        "2026-03-01.toml",
        b"version = 1\ndate = 2026-03-01\n[assessment\n",
    );
    write("2026-03-02.toml", b"version = 1\ndate = 2026-03-09\n");
    write("2026-03-03.toml", b"version = 1\n\xff\xfe\n");
    write("2026-03-04.toml", b"");
    write("notes.toml", b"version = 1\n");
    write("2026-3-5.toml", b"version = 1\ndate = 2026-03-05\n");
    fs::write(
        tmp.path().join("draft.toml"),
        "version = 1\ndate = 2026-11-22\nx = [\n",
    )
    .expect("draft");

    let report = check_unchanged(&store);
    let found = reasons(&report, tmp.path());
    assert_eq!(found.len(), 7, "{found:#?}");
    assert!(
        found[0].starts_with("snapshots/2026-03-01.toml:3: "),
        "{found:#?}"
    );
    assert_eq!(
        found[1],
        "snapshots/2026-03-02.toml:2: `date = 2026-03-09` does not match the file name"
    );
    assert_eq!(
        found[2],
        "snapshots/2026-03-03.toml:2: not valid UTF-8 text"
    );
    assert_eq!(found[3], "snapshots/2026-03-04.toml:1: missing `version`");
    assert_eq!(
        found[4],
        "snapshots/2026-3-5.toml: not a snapshot name, ignored by partnerbook"
    );
    assert_eq!(
        found[5],
        "snapshots/notes.toml: not a snapshot name, ignored by partnerbook"
    );
    assert!(found[6].starts_with("draft.toml:"), "{found:#?}");
    assert_eq!(report.files, 1 + 8 + 1);
    assert_eq!(report.summary(), "checked 10 files: 7 problems");
}

#[test]
fn a_draft_that_is_not_utf8_names_its_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    fs::write(
        tmp.path().join("draft.toml"),
        b"version = 1\ndate = \x00\x9f\n",
    )
    .expect("draft");
    let report = check_unchanged(&store);
    let found = reasons(&report, tmp.path());
    assert_eq!(found, ["draft.toml:2: not valid UTF-8 text"]);
    assert_eq!(report.summary(), "checked 2 files: 1 problem");
}

#[test]
fn a_data_dir_that_is_a_file_is_one_problem() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("data");
    fs::write(&file, "just a file").expect("write");
    let report = check_unchanged(&Store::new(&file));
    assert_eq!(report.problems.len(), 1);
    assert_eq!(
        report.problems[0].to_string(),
        format!(
            "{}: not a directory, so it cannot hold reviews",
            file.display()
        )
    );
    assert_eq!(fs::read(&file).expect("read"), b"just a file");
}

#[test]
fn a_broken_workbook_is_reported_with_its_line() {
    assert_eq!(workbook_problem(WORKBOOK_TOML), None);
    let broken = WORKBOOK_TOML.replacen("title", "title title", 1);
    let problem = workbook_problem(&broken).expect("a problem");
    assert_eq!(problem.path, PathBuf::from(EMBEDDED_NAME));
    assert!(problem.line.is_some_and(|l| l >= 1), "{problem}");
    assert!(!problem.reason.is_empty() && !problem.reason.contains('\n'));
    let gapped = WORKBOOK_TOML.replace("min = 5", "min = 6");
    let problem = workbook_problem(&gapped).expect("a problem");
    assert_eq!(problem.line, Some(1));
    assert!(problem.reason.contains("score 5"), "{problem}");
}

#[test]
fn problems_found_reads_as_one_plain_line() {
    assert_eq!(ProblemsFound(1).to_string(), "1 problem found");
    assert_eq!(ProblemsFound(2).to_string(), "2 problems found");
}
