//! Plans and imports on temporary data dirs: new, same, conflicting and bad files, folders and
//! other data dirs as sources, and encrypted data dirs on either side.

use super::*;
use crate::storage::fixtures::{encrypt_quickly, sample_review};
use chrono::Days;

fn wb() -> &'static Workbook {
    Workbook::embedded()
}

/// `n` days before today.
fn ago(n: u64) -> NaiveDate {
    chrono::Local::now()
        .date_naive()
        .checked_sub_days(Days::new(n))
        .expect("date")
}

fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

fn text(date: NaiveDate, n: u64) -> String {
    snapshot::to_toml(&sample_review(wb(), date, n), wb())
}

/// A temporary folder with a data dir `here` (not made yet) and room for sources beside it.
fn setup() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("here"));
    (tmp, store)
}

/// Writes `text` to `dir/name`, making `dir`; returns the path.
fn put(dir: &Path, name: &str, text: &str) -> PathBuf {
    fs::create_dir_all(dir).expect("mkdir");
    let path = dir.join(name);
    fs::write(&path, text).expect("write");
    path
}

fn name(date: NaiveDate) -> String {
    format!("{}.toml", date.format("%Y-%m-%d"))
}

/// Every file under `dir`, as paths relative to it, sorted.
fn tree(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("list").flatten() {
        let path = entry.path();
        if path.is_dir() {
            for inner in tree(&path) {
                found.push(format!("{}/{inner}", entry.file_name().to_string_lossy()));
            }
        } else {
            found.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    found.sort();
    found
}

#[test]
fn new_same_and_differing_reviews_are_planned_as_such_and_only_new_and_conflict_are_written() {
    let (tmp, store) = setup();
    store.save_text(ago(10), &text(ago(10), 1)).expect("save");
    store.save_text(ago(20), &text(ago(20), 2)).expect("save");
    let backup = tmp.path().join("backup");
    // The same review saved at another time is the same review.
    let mut resaved = sample_review(wb(), ago(10), 1);
    resaved.saved_at = Some(now());
    let same = put(&backup, &name(ago(10)), &snapshot::to_toml(&resaved, wb()));
    let differs = put(&backup, &name(ago(20)), &text(ago(20), 3));
    let new = put(&backup, &name(ago(30)), &text(ago(30), 4));
    let plan = plan(&store, std::slice::from_ref(&backup), wb());
    // Oldest first, as the folder's reviews are read.
    assert_eq!(
        plan,
        [
            Planned::New {
                date: ago(30),
                source: new,
                text: text(ago(30), 4),
            },
            Planned::Conflict {
                date: ago(20),
                source: differs,
                text: text(ago(20), 3),
            },
            Planned::Same {
                date: ago(10),
                source: same,
            },
        ]
    );
    let written = apply(&store, &plan, now()).expect("apply");
    assert_eq!(written.len(), 2);
    assert_eq!(
        store.load(ago(30), wb()).expect("load"),
        Some(sample_review(wb(), ago(30), 4))
    );
    // The review here is untouched; the other version is a second version beside it.
    assert_eq!(
        store.load(ago(20), wb()).expect("load"),
        Some(sample_review(wb(), ago(20), 2))
    );
    assert_eq!(store.versions().get(&ago(20)), Some(&2));
    let copies = store.copies_of(ago(20));
    assert_eq!(copies, [written[1].clone()]);
    assert_eq!(
        store.load_copy(ago(20), &copies[0], wb()).expect("copy"),
        sample_review(wb(), ago(20), 3)
    );
    // Importing the same again finds everything here, the second version included.
    let again = super::plan(&store, &[backup], wb());
    assert!(
        again.iter().all(|p| matches!(p, Planned::Same { .. })),
        "{again:?}"
    );
}

#[test]
fn a_file_that_does_not_read_is_bad_with_its_line_and_the_others_still_come_in() {
    let (tmp, store) = setup();
    let folder = tmp.path().join("copies");
    let broken = put(
        &folder,
        &name(ago(40)),
        &text(ago(40), 1).replacen("\n[", "\n[[oops\n[", 1),
    );
    let good = put(&folder, &name(ago(41)), &text(ago(41), 2));
    let plan = plan(&store, &[folder], wb());
    assert!(matches!(&plan[0], Planned::New { source, .. } if *source == good));
    let Planned::Bad {
        source,
        line,
        reason,
    } = &plan[1]
    else {
        panic!("{plan:?}")
    };
    assert_eq!(*source, broken);
    let expected = text(ago(40), 1)
        .lines()
        .position(|l| l.starts_with('['))
        .expect("a table")
        + 1;
    assert_eq!(*line, Some(expected), "{reason}");
    assert_eq!(apply(&store, &plan, now()).expect("apply").len(), 1);
    assert_eq!(store.dates().expect("dates"), [ago(41)]);
}

#[test]
fn a_review_named_for_another_date_is_bad_at_its_date_line() {
    let (tmp, store) = setup();
    let wrong = put(&tmp.path().join("x"), &name(ago(5)), &text(ago(6), 1));
    let plan = plan(&store, std::slice::from_ref(&wrong), wb());
    let date_line = text(ago(6), 1)
        .lines()
        .position(|l| l.starts_with("date ="))
        .expect("date key")
        + 1;
    assert_eq!(
        plan,
        [Planned::Bad {
            source: wrong,
            line: Some(date_line),
            reason: format!("`date = {}` does not match the file name", ago(6)),
        }]
    );
}

#[test]
fn a_file_given_by_name_may_have_any_name_and_is_dated_by_its_date_key() {
    let (tmp, store) = setup();
    let notes = put(&tmp.path().join("x"), "from-laptop.toml", &text(ago(7), 1));
    let copy = put(
        &tmp.path().join("y"),
        &format!("partnerbook-{}", name(ago(9))),
        &text(ago(8), 2),
    );
    let plan = plan(&store, &[notes, copy], wb());
    let dates: Vec<_> = plan
        .iter()
        .map(|p| match p {
            Planned::New { date, .. } => *date,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(dates, [ago(7), ago(8)]);
}

#[test]
fn a_folder_is_read_for_review_names_only_and_a_missing_path_is_bad() {
    let (tmp, store) = setup();
    let folder = tmp.path().join("folder");
    put(&folder, "notes.toml", "not = 'a review'");
    put(&folder, "todo.txt", "x");
    put(&folder, &format!(".{}.Ab12cd", name(ago(3))), "half a save");
    put(&folder.join("deeper"), &name(ago(4)), &text(ago(4), 1));
    let copy = put(
        &folder,
        &format!("partnerbook-{}", name(ago(3))),
        &text(ago(3), 2),
    );
    let missing = tmp.path().join("nowhere");
    let empty = tmp.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    let plan = plan(&store, &[folder, missing.clone(), empty.clone()], wb());
    assert!(matches!(&plan[0], Planned::New { source, .. } if *source == copy));
    assert!(
        matches!(&plan[1], Planned::Bad { source, line: None, reason } if *source == missing && reason == "no such file or folder"),
        "{plan:?}"
    );
    assert!(
        matches!(&plan[2], Planned::Bad { source, reason, .. } if *source == empty && reason.starts_with("no reviews in it")),
        "{plan:?}"
    );
    assert_eq!(plan.len(), 3);
}

#[test]
fn another_data_dir_is_read_from_its_snapshots_with_its_second_versions() {
    let (tmp, store) = setup();
    let laptop = Store::new(tmp.path().join("laptop"));
    let dates =
        crate::storage::fixtures::write_history(&laptop, wb(), 3, ago(2), 91).expect("history");
    let copy = laptop.conflict_copy_path(ago(2), now());
    put(
        &laptop.snapshots_dir(),
        copy.file_name().and_then(|n| n.to_str()).expect("name"),
        &text(ago(2), 99),
    );
    put(laptop.dir(), "draft.toml", &text(ago(0), 5));
    let plan = plan(&store, &[laptop.dir().to_path_buf()], wb());
    let kinds: Vec<_> = plan
        .iter()
        .map(|p| match p {
            Planned::New { date, .. } => ("new", *date),
            Planned::Conflict { date, .. } => ("conflict", *date),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("new", dates[2]),
            ("new", dates[1]),
            ("new", dates[0]),
            ("conflict", dates[0]),
        ]
    );
    apply(&store, &plan, now()).expect("apply");
    for date in &dates {
        assert_eq!(
            store.load(*date, wb()).expect("load"),
            laptop.load(*date, wb()).expect("load")
        );
    }
    assert_eq!(store.copies_of(ago(2)).len(), 1);
    assert!(!store.dir().join("draft.toml").exists());
}

#[test]
fn one_date_from_two_sources_compares_the_second_with_the_first() {
    let (tmp, store) = setup();
    let a = put(&tmp.path().join("a"), &name(ago(12)), &text(ago(12), 1));
    let b = put(&tmp.path().join("b"), &name(ago(12)), &text(ago(12), 1));
    let c = put(&tmp.path().join("c"), &name(ago(12)), &text(ago(12), 2));
    let plan = plan(&store, &[a, b, c.clone()], wb());
    assert!(matches!(plan[0], Planned::New { .. }), "{plan:?}");
    assert!(matches!(plan[1], Planned::Same { .. }), "{plan:?}");
    assert!(matches!(&plan[2], Planned::Conflict { source, .. } if *source == c));
    let written = apply(&store, &plan, now()).expect("apply");
    assert_eq!(written.len(), 2);
    assert_eq!(
        store.load(ago(12), wb()).expect("load"),
        Some(sample_review(wb(), ago(12), 1))
    );
    assert_eq!(store.copies_of(ago(12)), [written[1].clone()]);
}

#[test]
fn a_plan_writes_nothing_and_a_review_that_appears_before_applying_is_not_overwritten() {
    let (tmp, store) = setup();
    let source = put(&tmp.path().join("src"), &name(ago(15)), &text(ago(15), 1));
    let plan = plan(&store, &[source], wb());
    assert!(!store.dir().exists(), "planning made nothing");
    assert!(matches!(plan[0], Planned::New { .. }));
    store.save_text(ago(15), &text(ago(15), 2)).expect("save");
    let written = apply_one(&store, &plan[0], now())
        .expect("apply")
        .expect("written");
    assert!(written.second_version);
    assert_eq!(
        store.load(ago(15), wb()).expect("load"),
        Some(sample_review(wb(), ago(15), 2))
    );
    assert_eq!(store.copies_of(ago(15)), [written.path]);
}

#[test]
fn an_unreadable_review_here_is_never_written_over() {
    let (tmp, store) = setup();
    put(&store.snapshots_dir(), &name(ago(16)), "version = [");
    let source = put(&tmp.path().join("src"), &name(ago(16)), &text(ago(16), 1));
    let plan = plan(&store, &[source], wb());
    assert!(matches!(plan[0], Planned::Conflict { .. }), "{plan:?}");
    apply(&store, &plan, now()).expect("apply");
    let here = fs::read_to_string(store.snapshots_dir().join(name(ago(16)))).expect("read");
    assert_eq!(here, "version = [");
}

#[test]
fn into_an_encrypted_dir_plain_files_come_in_encrypted_and_no_plain_text_is_left() {
    let (tmp, store) = setup();
    let store = encrypt_quickly(&store, "pw").expect("encrypted");
    store.save_text(ago(20), &text(ago(20), 1)).expect("save");
    let mut marked = sample_review(wb(), ago(21), 2);
    marked.set_item(0, "quokkaforthright".into());
    let source = tmp.path().join("src");
    put(&source, &name(ago(21)), &snapshot::to_toml(&marked, wb()));
    let mut differs = sample_review(wb(), ago(20), 3);
    differs.set_item(0, "wombatcandid".into());
    put(&source, &name(ago(20)), &snapshot::to_toml(&differs, wb()));
    let plan = plan(&store, &[source], wb());
    let written = apply(&store, &plan, now()).expect("apply");
    assert!(written.iter().all(|p| is_sealed(p)), "{written:?}");
    let files = tree(store.dir());
    assert!(
        files
            .iter()
            .filter(|f| f.starts_with("snapshots/"))
            .all(|f| f.ends_with(".toml.age")),
        "{files:?}"
    );
    for path in files {
        let bytes = fs::read(store.dir().join(&path)).expect("read");
        for word in ["quokkaforthright", "wombatcandid"] {
            assert!(
                !bytes.windows(word.len()).any(|w| w == word.as_bytes()),
                "{word} in {path}"
            );
        }
    }
    assert_eq!(store.load(ago(21), wb()).expect("load"), Some(marked));
    let copy = store.copies_of(ago(20));
    assert_eq!(copy.len(), 1);
    assert_eq!(
        store.load_copy(ago(20), &copy[0], wb()).expect("copy"),
        differs
    );
}

#[test]
fn a_file_encrypted_with_another_key_is_bad_and_not_copied() {
    let (tmp, store) = setup();
    let other = encrypt_quickly(&Store::new(tmp.path().join("other")), "pw2").expect("other");
    let sealed = other.save_text(ago(30), &text(ago(30), 1)).expect("save");
    // Into a plain data dir, and into one encrypted with a key of its own.
    let plain_plan = plan(&store, std::slice::from_ref(&sealed), wb());
    let store = encrypt_quickly(&store, "pw").expect("encrypted");
    let sealed_plan = plan(&store, std::slice::from_ref(&sealed), wb());
    for (plan, expected) in [
        (plain_plan, "this data dir is not"),
        (sealed_plan, "another key"),
    ] {
        let [Planned::Bad { source, reason, .. }] = plan.as_slice() else {
            panic!("{plan:?}")
        };
        assert_eq!(*source, sealed);
        assert!(reason.contains(expected), "{reason}");
        assert!(
            reason.contains("decrypt it in its own data dir first"),
            "{reason}"
        );
    }
    // The same key's file (a backup of this very dir) decrypts.
    let own = store.save_text(ago(31), &text(ago(31), 2)).expect("save");
    let moved = put(&tmp.path().join("backup"), "old.toml.age", "");
    fs::copy(&own, &moved).expect("copy");
    fs::remove_file(&own).expect("remove");
    let plan = plan(&store, &[moved], wb());
    assert!(matches!(plan[0], Planned::New { .. }), "{plan:?}");
}
