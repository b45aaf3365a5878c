//! Unit tests of the snapshot directory on temporary directories.

use super::*;

fn wb() -> &'static Workbook {
    Workbook::embedded()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("date")
}

fn store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("data"));
    (tmp, store)
}

#[test]
fn a_saved_review_loads_back_equal() {
    let (_tmp, store) = store();
    let mut review = Review::new(day(22), wb());
    review.set_answer(2, Some(true));
    review.set_item(3, "Ask for priorities on Mondays".into());
    let path = store.save(&review, wb()).expect("save");
    assert!(path.ends_with("snapshots/2026-11-22.toml"));
    assert_eq!(store.load(day(22), wb()).expect("load"), Some(review));
}

#[test]
fn a_date_without_a_file_loads_as_none() {
    let (_tmp, store) = store();
    assert!(store.load(day(1), wb()).expect("load").is_none());
    assert!(store.dates().expect("dates").is_empty());
}

#[test]
fn saving_the_same_day_again_updates_the_one_file() {
    let (_tmp, store) = store();
    let mut review = Review::new(day(22), wb());
    store.save(&review, wb()).expect("first save");
    review.set_answer(0, Some(false));
    store.save(&review, wb()).expect("second save");
    let names: Vec<_> = fs::read_dir(store.snapshots_dir())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, ["2026-11-22.toml"]);
    let loaded = store.load(day(22), wb()).expect("load").expect("exists");
    assert_eq!(loaded.answers[0], Some(false));
}

#[cfg(unix)]
#[test]
fn files_are_private_and_directories_owner_only() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_tmp, store) = store();
    let path = store.save(&Review::new(day(22), wb()), wb()).expect("save");
    let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    assert_eq!(mode(&store.snapshots_dir()), 0o700);
}

#[test]
fn list_is_newest_first_and_marks_bad_files() {
    let (_tmp, store) = store();
    for d in [3, 20, 11] {
        store.save(&Review::new(day(d), wb()), wb()).expect("save");
    }
    fs::write(store.path_for(day(5)), "version = 1\ndate = [\n").expect("write");
    fs::write(store.snapshots_dir().join("notes.txt"), "not a snapshot").expect("write");
    let listed = store.list(wb()).expect("list");
    let dates: Vec<_> = listed
        .iter()
        .map(|l| l.date.format("%d").to_string())
        .collect();
    assert_eq!(dates, ["20", "11", "05", "03"]);
    let bad = listed[2].review.as_ref().expect_err("bad file");
    assert!(bad.to_string().contains("2026-11-05.toml:2:"), "{bad}");
}

#[test]
fn a_file_whose_date_disagrees_with_its_name_is_bad() {
    let (_tmp, store) = store();
    store.save(&Review::new(day(22), wb()), wb()).expect("save");
    fs::write(store.path_for(day(21)), "version = 1\ndate = 2026-11-22\n").expect("write");
    let err = store.load(day(21), wb()).expect_err("mismatch");
    assert!(
        err.to_string()
            .contains(":2: `date = 2026-11-22` does not match"),
        "{err}"
    );
}

#[test]
fn a_data_dir_that_is_a_file_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("plain-file");
    fs::write(&file, "x").expect("write");
    let store = Store::new(&file);
    let err = store
        .save(&Review::new(day(22), wb()), wb())
        .expect_err("refused");
    assert!(matches!(err, StoreError::NotADirectory(_)), "{err}");
    assert!(store.dates().is_err());
}

#[test]
fn invalid_utf8_is_reported_not_guessed() {
    let (_tmp, store) = store();
    store.save(&Review::new(day(22), wb()), wb()).expect("save");
    fs::write(store.path_for(day(22)), b"version = 1\n\xff\xfe").expect("write");
    let err = store.load(day(22), wb()).expect_err("bad bytes");
    assert!(
        err.to_string().ends_with(":2: not valid UTF-8 text"),
        "{err}"
    );
}

#[test]
fn saving_leaves_no_temporary_files() {
    let (_tmp, store) = store();
    for _ in 0..5 {
        store.save(&Review::new(day(22), wb()), wb()).expect("save");
    }
    let count = fs::read_dir(store.snapshots_dir()).expect("dir").count();
    assert_eq!(count, 1);
}

#[test]
fn only_exact_snapshot_names_are_dates() {
    let (_tmp, store) = store();
    let dir = store.snapshots_dir();
    fs::create_dir_all(&dir).expect("mkdir");
    for name in [
        "2026-11-05.toml",
        "2026-1-5.toml",
        ".2026-11-06.toml.a1b2c3",
        "2026-11-07.toml.bak",
        "notes.toml",
    ] {
        fs::write(dir.join(name), "x").expect("write");
    }
    assert_eq!(store.dates().expect("dates"), [day(5)]);
}

#[test]
fn temporary_files_left_by_a_killed_save_are_cleared_and_nothing_else() {
    let (_tmp, store) = store();
    store.save(&Review::new(day(5), wb()), wb()).expect("saved");
    let dir = store.snapshots_dir();
    fs::write(dir.join(".2026-11-05.toml.Xy12ab"), "half").expect("write");
    fs::write(store.dir().join(".draft.toml.Qw34er"), "half").expect("write");
    let copy = ".2026-11-05.conflict-20261105-093000.toml.Zz9Aa1";
    fs::write(dir.join(copy), "half").expect("write");
    let kept = [
        dir.join(".keep-me"),
        dir.join(".2026-11-05.toml.bak"),
        dir.join(".2026-11-05.toml.swp"),
        dir.join(".2026-11-05.toml.backup"),
        dir.join(".notes.toml.Xy12ab"),
        dir.join(".2026-1-5.toml.Xy12ab"),
        dir.join(".2026-11-05.toml.Xy12ab.swp"),
        dir.join(".2026-11-05.conflict-2026.toml.Xy12ab"),
        store.dir().join(".bashrc.toml.Xy12ab"),
        store.dir().join(".2026-11-05.toml.Xy12ab"),
    ];
    for path in &kept {
        fs::write(path, "mine").expect("write");
    }
    fs::create_dir(dir.join(".2026-11-06.toml.Ab12cd")).expect("mkdir");
    assert_eq!(store.remove_stale_temp_files(), 3);
    for path in &kept {
        assert!(path.exists(), "{} was removed", path.display());
    }
    assert!(dir.join("2026-11-05.toml").exists() && dir.join(".2026-11-06.toml.Ab12cd").exists());
}

#[test]
fn the_temporary_names_recognised_are_those_the_atomic_writer_makes() {
    let (_tmp, store) = store();
    let dir = store.snapshots_dir();
    fs::create_dir_all(&dir).expect("mkdir");
    for _ in 0..20 {
        let file = atomic_write_file::AtomicWriteFile::open(dir.join("2026-11-05.toml"));
        let file = file.expect("open");
        let names: Vec<String> = fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(String::from))
            .collect();
        drop(file);
        if names.is_empty() {
            continue; // an unnamed (O_TMPFILE) temporary file: nothing to leave behind
        }
        let [name] = names.as_slice() else {
            panic!("{names:?}")
        };
        let suffix = name.strip_prefix(".2026-11-05.toml.").expect(name);
        assert_eq!(suffix.len(), 6, "{name}");
        let word = suffix.bytes().all(|b| b.is_ascii_lowercase());
        assert!(is_temp_name_of(name, "2026-11-05.toml") || word, "{name}");
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.expect("mkfifo runs").success());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_a_review_is_not_a_regular_file_and_is_never_opened() {
    let (_tmp, store) = store();
    fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    mkfifo(&store.path_for(day(5)));
    let error = store.load(day(5), wb()).expect_err("a FIFO is no review");
    assert!(
        error.to_string().contains("not a regular file (a FIFO)"),
        "{error}"
    );
    let listed = store.list_summaries(wb()).expect("listed");
    assert!(listed[0].summary.is_err());
}

#[cfg(unix)]
#[test]
fn writes_go_through_a_symlink_and_never_over_a_fifo_or_a_directory() {
    let (tmp, store) = store();
    fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    let real = tmp.path().join("synced.toml");
    fs::write(&real, "old").expect("write");
    let link = store.path_for(day(5));
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    store.save(&Review::new(day(5), wb()), wb()).expect("saved");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&real)
            .expect("read")
            .contains("date = 2026-11-05")
    );
    assert_eq!(
        store.load(day(5), wb()).expect("load").map(|r| r.date),
        Some(day(5))
    );

    let dangling = tmp.path().join("to-come.md");
    let dangling_link = tmp.path().join("out.md");
    std::os::unix::fs::symlink("to-come.md", &dangling_link).expect("symlink");
    write_private(&dangling_link, b"page").expect("written");
    assert_eq!(fs::read(&dangling).expect("target made"), b"page");

    let fifo = tmp.path().join("pipe");
    mkfifo(&fifo);
    let error = write_private(&fifo, b"x").expect_err("refused");
    assert!(
        error.to_string().contains("not a regular file (a FIFO)"),
        "{error}"
    );
    let error = write_private(tmp.path(), b"x").expect_err("refused");
    assert!(error.to_string().contains("a directory"), "{error}");
    let names: Vec<_> = fs::read_dir(tmp.path()).expect("dir").flatten().collect();
    assert_eq!(names.len(), 5, "no temporary file left: {names:?}");
}

#[test]
fn the_root_the_home_directory_and_folders_above_it_are_refused_as_data_dirs() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let home = tmp.path().join("home/me");
    fs::create_dir_all(&home).expect("mkdir");
    let refused = |dir: &Path| {
        refuse_shared_dir(dir, Some(&home))
            .err()
            .map(|e| e.to_string())
    };
    let message = refused(&home).expect("home refused");
    assert!(message.contains("is your home directory"), "{message}");
    assert!(refused(&home.join(".")).is_some());
    assert!(refused(&tmp.path().join("home")).is_some());
    assert!(
        refused(Path::new("/"))
            .expect("root")
            .contains("root of the file system")
    );
    assert!(refused(&home.join(".local/share/partnerbook")).is_none());
    assert!(refused(&tmp.path().join("elsewhere")).is_none());
}

#[test]
fn a_date_unlike_the_file_name_is_reported_at_its_own_line_even_when_indented() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    std::fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
    let text = "# a review\nversion = 1\n# dated by hand\n  date = 2026-03-02\n";
    std::fs::write(store.path_for(day), text).expect("write");
    let error = store.load(day, Workbook::embedded()).expect_err("refused");
    let message = error.to_string();
    assert!(message.contains("2026-03-01.toml:4:"), "{message}");
}

#[cfg(unix)]
#[test]
fn versions_count_conflict_copies_and_the_other_form_from_the_names_alone() {
    let (tmp, store) = store();
    for d in 1..=4 {
        store.save(&Review::new(day(d), wb()), wb()).expect("save");
    }
    let snapshots = store.snapshots_dir();
    let touch = |name: &str| std::fs::write(snapshots.join(name), b"x").expect("write");
    touch("2026-11-02.toml.age");
    touch("2026-11-03.conflict-20261103-101010.toml");
    touch("2026-11-03.conflict-20261103-101010-2.toml.age");
    touch("2026-11-05.toml.age");
    std::os::unix::fs::symlink(
        tmp.path().join("nowhere"),
        snapshots.join("2026-11-04.toml.age"),
    )
    .expect("symlink");
    let plain = store.versions();
    assert_eq!(plain.get(&day(1)), None);
    assert_eq!(plain.get(&day(2)), Some(&2), "an encrypted twin");
    assert_eq!(plain.get(&day(3)), Some(&3), "two conflict copies");
    assert_eq!(plain.get(&day(4)), None, "a twin that leads nowhere");
    assert_eq!(plain.get(&day(5)), None, "one file, in the other form");
    assert_eq!(plain.len(), 2);
}

#[test]
fn names_are_read_as_dates_exactly_as_chrono_spells_them() {
    let reference = |stem: &str| {
        let date = NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()?;
        (date.format("%Y-%m-%d").to_string() == stem).then_some(date)
    };
    let mut stems: Vec<String> = [
        "2026-11-05",
        "2026-02-29",
        "2028-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-11-31",
        "2026-11-00",
        "0000-01-01",
        "9999-12-31",
        "+999-01-01",
        "-999-01-01",
        "2026-1-05",
        "2026-11-5",
        "2026-11-0a",
        "2026/11/05",
        "2026-11-05 ",
        " 2026-11-5",
        "+12026-01-01",
        "２０２６-11-05",
        "2026-１1-05",
        "",
    ]
    .map(String::from)
    .to_vec();
    let first = NaiveDate::from_ymd_opt(1999, 12, 25).expect("date");
    stems.extend((0..800).map(|n| (first + chrono::Days::new(n)).to_string()));
    for stem in &stems {
        let expected = reference(stem);
        assert_eq!(
            snapshot_name_date(&format!("{stem}.toml")),
            expected,
            "{stem:?}"
        );
        assert_eq!(
            snapshot_name_date(&format!("{stem}.toml.age")),
            expected,
            "{stem:?}"
        );
    }
}
