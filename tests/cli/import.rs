//! `partnerbook import` run as the real binary: a second data dir and loose files copied in,
//! one line per file and the counts last, exit status 1 after the rest when a file is bad,
//! `--dry-run` touching nothing, an encrypted data dir, and one commit in a git data dir (or
//! a line saying why commits are off).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{Days, Local, NaiveDate};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::snapshot;
use partnerbook::storage::fixtures::{encrypt_quickly, sample_review, write_history};
use partnerbook::storage::store::Store;

use super::run::{partnerbook, partnerbook_with, stderr, stdout};

fn wb() -> &'static Workbook {
    Workbook::embedded()
}

/// `n` days before today.
fn ago(n: u64) -> NaiveDate {
    Local::now().date_naive() - Days::new(n)
}

/// Review number `n` of `date`, as a file's text.
fn text(date: NaiveDate, n: u64) -> String {
    snapshot::to_toml(&sample_review(wb(), date, n), wb())
}

/// A data dir with `count` generated reviews, the newest `newest` days ago, 91 days apart;
/// returns the store and the dates, newest first.
fn history(dir: PathBuf, count: usize, newest: u64) -> (Store, Vec<NaiveDate>) {
    let store = Store::new(dir);
    let dates = write_history(&store, wb(), count, ago(newest), 91).unwrap();
    (store, dates)
}

/// Copies `date`'s review file from `from` to `to`, byte for byte.
fn copy_review(from: &Store, to: &Store, date: NaiveDate) {
    fs::create_dir_all(to.snapshots_dir()).unwrap();
    fs::copy(from.path_for(date), to.path_for(date)).unwrap();
}

/// Every file under `dir` with its bytes (and, on unix, its mode).
fn contents(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u32)> {
    let mut found = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let meta = fs::metadata(&path).unwrap();
        #[cfg(unix)]
        let mode = std::os::unix::fs::PermissionsExt::mode(&meta.permissions());
        #[cfg(not(unix))]
        let mode = 0;
        if meta.is_dir() {
            found.insert(path.clone(), (Vec::new(), mode));
            found.extend(contents(&path));
        } else {
            found.insert(path.clone(), (fs::read(&path).unwrap(), mode));
        }
    }
    found
}

/// `git ARGS` in `dir`; its stdout.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
    stdout(&out)
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[test]
fn a_second_data_dir_comes_in_with_a_line_per_file_and_the_counts_last() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, dates) = history(tmp.path().join("laptop"), 4, 3);
    let here = Store::new(tmp.path().join("here"));
    // The newest is here already as it is; the second newest differs here.
    copy_review(&laptop, &here, dates[0]);
    here.save_text(dates[1], &text(dates[1], 77)).unwrap();
    let out = partnerbook(here.dir(), &["import", laptop.dir().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let from = |date: NaiveDate| laptop.path_for(date).display().to_string();
    let copy = here.copies_of(dates[1]);
    assert_eq!(copy.len(), 1);
    let copy_name = copy[0].file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(
        stdout(&out),
        format!(
            "new       {}  ← {}\n\
             new       {}  ← {}\n\
             conflict  {}  ← {} (kept as {copy_name}: resolve it in the workbook's history)\n\
             same      {}  ← {}\n\
             Imported 2 new reviews; 1 already here; 1 conflict to resolve.\n",
            day(dates[3]),
            from(dates[3]),
            day(dates[2]),
            from(dates[2]),
            day(dates[1]),
            from(dates[1]),
            day(dates[0]),
            from(dates[0]),
        )
    );
    for date in [dates[0], dates[2], dates[3]] {
        assert_eq!(
            fs::read(here.path_for(date)).unwrap(),
            fs::read(laptop.path_for(date)).unwrap(),
            "{date} copied as it was"
        );
    }
    assert_eq!(
        here.load(dates[1], wb()).unwrap(),
        Some(sample_review(wb(), dates[1], 77)),
        "the review here is never written over"
    );
    let list = stdout(&partnerbook(here.dir(), &["list"]));
    assert_eq!(list.lines().count(), 4, "{list}");
    assert!(list.contains("2 versions"), "{list}");

    // Run again: everything is here now, the second version included.
    let again = partnerbook(here.dir(), &["import", laptop.dir().to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).ends_with("\nImported 0 new reviews; 4 already here.\n"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn a_bad_file_is_listed_with_its_line_and_not_copied_and_the_exit_status_is_1_after_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    let here = tmp.path().join("here");
    let good = tmp.path().join("from-paper.toml");
    fs::write(&good, text(ago(30), 1)).unwrap();
    let broken = tmp.path().join("notes.toml");
    fs::write(&broken, "version = 1\ndate = 2026-01-01\n[assessment\n").unwrap();
    let out = partnerbook(
        &here,
        &[
            "import",
            broken.to_str().unwrap(),
            good.to_str().unwrap(),
            tmp.path().join("nowhere").to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert_eq!(stderr(&out), "partnerbook: 2 bad files not copied\n");
    let lines: Vec<String> = stdout(&out).lines().map(String::from).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!("bad       {}:3: ", broken.display())),
        "{lines:?}"
    );
    assert_eq!(
        lines[1],
        format!("new       {}  ← {}", day(ago(30)), good.display())
    );
    assert_eq!(
        lines[2],
        format!(
            "bad       {}: no such file or folder",
            tmp.path().join("nowhere").display()
        )
    );
    assert_eq!(lines[3], "Imported 1 new review; 2 bad files not copied.");
    let names: Vec<_> = fs::read_dir(here.join("snapshots"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [format!("{}.toml", day(ago(30)))]);
}

#[test]
fn a_dry_run_says_what_would_happen_and_leaves_the_data_dir_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, dates) = history(tmp.path().join("laptop"), 3, 1);
    let here = Store::new(tmp.path().join("here"));
    copy_review(&laptop, &here, dates[0]);
    here.save_text(dates[1], &text(dates[1], 50)).unwrap();
    let before = contents(here.dir());
    let out = partnerbook(
        here.dir(),
        &["import", "--dry-run", laptop.dir().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let printed = stdout(&out);
    assert!(
        printed.contains(&format!(
            "conflict  {}  ← {} (it would be kept beside the review here: resolve it in the workbook's history)\n",
            day(dates[1]),
            laptop.path_for(dates[1]).display()
        )),
        "{printed}"
    );
    assert!(
        printed.ends_with("\nWould import 1 new review; 1 already here; 1 conflict to resolve.\n"),
        "{printed}"
    );
    assert_eq!(contents(here.dir()), before, "nothing changed");

    // Into a data dir that does not exist yet, a dry run makes none.
    let absent = tmp.path().join("absent");
    let out = partnerbook(
        &absent,
        &["import", "--dry-run", laptop.dir().to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("\nWould import 3 new reviews.\n"));
    assert!(!absent.exists());
}

#[test]
fn into_an_encrypted_data_dir_the_reviews_come_in_encrypted() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, dates) = history(tmp.path().join("laptop"), 2, 5);
    let here = encrypt_quickly(&Store::new(tmp.path().join("here")), "pw").unwrap();
    let out = partnerbook_with(
        here.dir(),
        &["import", laptop.dir().to_str().unwrap()],
        &[("PARTNERBOOK_PASSPHRASE", "pw")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).ends_with("\nImported 2 new reviews.\n"));
    let mut names: Vec<_> = fs::read_dir(here.snapshots_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            format!("{}.toml.age", day(dates[1])),
            format!("{}.toml.age", day(dates[0]))
        ]
    );
    for date in dates {
        assert_eq!(
            here.load(date, wb()).unwrap(),
            laptop.load(date, wb()).unwrap()
        );
    }
}

#[test]
fn in_a_git_data_dir_an_import_is_one_commit_of_exactly_its_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, dates) = history(tmp.path().join("laptop"), 3, 2);
    let here = Store::new(tmp.path().join("here"));
    copy_review(&laptop, &here, dates[0]);
    here.save_text(dates[1], &text(dates[1], 60)).unwrap();
    let init = partnerbook(here.dir(), &["git", "init", "-q"]);
    assert!(init.status.success(), "{}", stderr(&init));
    // Something of the user's own, not partnerbook's to commit.
    fs::write(here.dir().join("notes.txt"), "mine").unwrap();
    let out = partnerbook(here.dir(), &["import", laptop.dir().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("commit"), "{}", stdout(&out));
    assert_eq!(git(here.dir(), &["rev-list", "--count", "HEAD"]), "2\n");
    let copy = here.copies_of(dates[1]);
    assert_eq!(copy.len(), 1);
    let mut expected = [
        format!("snapshots/{}.toml", day(dates[2])),
        format!(
            "snapshots/{}",
            copy[0].file_name().unwrap().to_string_lossy()
        ),
    ];
    expected.sort();
    assert_eq!(
        git(here.dir(), &["show", "--name-only", "--format=%s", "HEAD"]),
        format!(
            "Import 1 review and 1 second version to resolve\n\n{}\n",
            expected.join("\n")
        )
    );
    assert_eq!(
        git(here.dir(), &["status", "--porcelain"]),
        "?? notes.txt\n",
        "the imported files are all committed, the user's own left alone"
    );

    // Nothing new: no commit.
    let again = partnerbook(here.dir(), &["import", laptop.dir().to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(git(here.dir(), &["rev-list", "--count", "HEAD"]), "2\n");
}

#[test]
fn without_git_the_import_is_done_and_says_why_commits_are_off() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, dates) = history(tmp.path().join("laptop"), 1, 2);
    let here = tmp.path().join("here");
    let init = partnerbook(&here, &["git", "init", "-q"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let no_git = tmp.path().join("empty-path");
    fs::create_dir(&no_git).unwrap();
    let out = partnerbook_with(
        &here,
        &["import", laptop.dir().to_str().unwrap()],
        &[("PATH", no_git.to_str().unwrap())],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with(
            "\nNot committed — commits are off: git is not installed\nImported 1 new review.\n"
        ),
        "{}",
        stdout(&out)
    );
    assert!(
        here.join(format!("snapshots/{}.toml", day(dates[0])))
            .exists()
    );
}

#[test]
fn while_the_workbook_is_open_an_import_waits_but_a_dry_run_does_not() {
    let tmp = tempfile::tempdir().unwrap();
    let (laptop, _) = history(tmp.path().join("laptop"), 1, 2);
    let here = tmp.path().join("here");
    let partnerbook::storage::lock::LockOutcome::Acquired(lock) =
        partnerbook::storage::lock::acquire(&here)
    else {
        panic!("lock")
    };
    let source = laptop.dir().to_str().unwrap();
    let out = partnerbook(&here, &["import", source]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("in another terminal; close it, then run this again"),
        "{}",
        stderr(&out)
    );
    assert!(!here.join("snapshots").exists());
    let dry = partnerbook(&here, &["import", "--dry-run", source]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    drop(lock);
    assert!(partnerbook(&here, &["import", source]).status.success());
    assert!(here.join("snapshots").exists());
}
