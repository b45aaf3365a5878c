//! Tests of the folder watcher: which events count, how a burst is gathered into one
//! delivery, and a real watcher on a temporary data dir.

use super::*;
use notify::event::{CreateKind, DataChange, Flag, MetadataKind, RemoveKind, RenameMode};

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, day).expect("date")
}

fn event(kind: EventKind, paths: &[&Path]) -> notify::Event {
    paths
        .iter()
        .fold(notify::Event::new(kind), |e, p| e.add_path(p.to_path_buf()))
}

#[test]
fn only_changes_to_files_the_workbook_reads_count() {
    let dir = Path::new("/data");
    let snapshots = dir.join("snapshots");
    let review = snapshots.join("2026-11-05.toml");
    let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    let seen = |kind, path: &Path| classify(&event(kind, &[path]), dir, &snapshots);

    assert_eq!(seen(write, &review), [Seen::Date(date(5))]);
    let sealed = snapshots.join("2026-11-06.toml.age");
    assert_eq!(seen(write, &sealed), [Seen::Date(date(6))]);
    for copy in [
        "2026-11-07.conflict-20261107-093000.toml",
        "2026-11-07.sync-conflict-20261107-101500-ABCDEF7.toml",
        "2026-11-07 (Alice's conflicted copy 2026-11-08).toml",
    ] {
        let path = snapshots.join(copy);
        let removed = EventKind::Remove(RemoveKind::File);
        assert_eq!(seen(removed, &path), [Seen::Date(date(7))], "{copy}");
    }
    // Reading (our own refresh included) and a change of permissions are no change.
    for kind in [
        EventKind::Access(AccessKind::Open(AccessMode::Any)),
        EventKind::Access(AccessKind::Close(AccessMode::Read)),
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
    ] {
        assert!(seen(kind, &review).is_empty(), "{kind:?}");
        assert!(seen(kind, &snapshots).is_empty(), "{kind:?} on the folder");
    }
    let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
    assert_eq!(seen(closed, &review), [Seen::Date(date(5))]);
    // A save's temporary file, the draft, other files: nothing.
    let created = EventKind::Create(CreateKind::File);
    for other in [
        snapshots.join(".2026-11-05.toml.Ab12Cd"),
        snapshots.join("notes.txt"),
        snapshots.join("resolved").join("2026-11-05.toml"),
        dir.join("draft.toml"),
        dir.join(".draft.toml.Xy12ab"),
        dir.join("2026-11-05.toml"),
    ] {
        assert!(seen(created, &other).is_empty(), "{}", other.display());
    }
    // The folders themselves coming or going, a rename out of the folder, lost events.
    assert_eq!(
        seen(EventKind::Create(CreateKind::Folder), &snapshots),
        [Seen::Folder]
    );
    assert_eq!(
        seen(EventKind::Remove(RemoveKind::Folder), dir),
        [Seen::Folder]
    );
    let renamed = event(
        EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
        &[&review, &dir.join("resolved").join("2026-11-05.toml")],
    );
    assert_eq!(classify(&renamed, dir, &snapshots), [Seen::Date(date(5))]);
    let lost = notify::Event::new(EventKind::Other).set_flag(Flag::Rescan);
    assert_eq!(classify(&lost, dir, &snapshots), [Seen::Anything]);
}

#[test]
fn a_single_change_is_delivered_once_the_folder_is_quiet() {
    let start = Instant::now();
    let mut burst = Burst::default();
    assert_eq!(burst.due(), None);
    assert_eq!(burst.take(start + LONGEST), None);
    burst.note(Seen::Date(date(5)), start);
    assert_eq!(burst.due(), Some(start + QUIET));
    assert_eq!(burst.take(start + QUIET / 2), None);
    let change = burst.take(start + QUIET).expect("delivered");
    assert_eq!(change, DiskChange::Dates(BTreeSet::from([date(5)])));
    assert_eq!(burst.due(), None, "delivered once");
}

#[test]
fn a_burst_of_a_thousand_files_is_one_delivery_naming_every_date() {
    let start = Instant::now();
    let mut burst = Burst::default();
    let mut delivered = Vec::new();
    // A thousand files, one every 100 µs (a sync tool or a pull writing them in a row).
    for i in 0..1000u32 {
        let at = start + Duration::from_micros(100 * u64::from(i));
        let day = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + chrono::Days::new(i.into());
        burst.note(Seen::Date(day), at);
        delivered.extend(burst.take(at));
    }
    let mut now = start + Duration::from_millis(100);
    while now < start + Duration::from_secs(3) {
        delivered.extend(burst.take(now));
        now += Duration::from_millis(10);
    }
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert!(matches!(&delivered[0], DiskChange::Dates(d) if d.len() == 1000));
}

#[test]
fn a_change_that_goes_on_is_delivered_within_the_longest_wait_and_never_within_the_gap() {
    let start = Instant::now();
    let mut burst = Burst::default();
    let mut deliveries = Vec::new();
    // A change every 50 ms for three seconds: the folder is never quiet.
    let mut now = start;
    while now < start + Duration::from_secs(3) {
        if (now - start).as_millis().is_multiple_of(50) {
            burst.note(Seen::Date(date(5)), now);
        }
        if burst.take(now).is_some() {
            deliveries.push(now);
        }
        now += Duration::from_millis(10);
    }
    assert!(
        deliveries[0] <= start + LONGEST,
        "{:?}",
        deliveries[0] - start
    );
    for pair in deliveries.windows(2) {
        assert!(pair[1] - pair[0] >= GAP, "{:?}", pair[1] - pair[0]);
        assert!(
            pair[1] - pair[0] <= LONGEST + GAP,
            "{:?}",
            pair[1] - pair[0]
        );
    }
    burst.note(Seen::Folder, now);
    assert_eq!(burst.take(now + LONGEST + GAP), Some(DiskChange::Anything));
}

/// Polls `watch` until it delivers or `limit` passes; what it delivered and when.
fn wait_for_change(watch: &mut Watch, limit: Duration) -> Option<(DiskChange, Duration)> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(change) = watch.poll(Instant::now()) {
            return Some((change, start.elapsed()));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

fn review_text(date: &str) -> String {
    format!("version = 1\ndate = {date}\n")
}

#[test]
fn a_real_watcher_reports_files_written_in_the_folder_and_not_files_read() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir(&snapshots).expect("mkdir");
    let file = snapshots.join("2026-11-05.toml");
    std::fs::write(&file, review_text("2026-11-05")).expect("write");
    let mut watch = Watch::start(tmp.path());
    assert!(watch.is_watching() && watch.is_watching_snapshots());
    assert_eq!(
        wait_for_change(&mut watch, Duration::from_millis(400)),
        None
    );

    std::fs::write(snapshots.join("2026-11-06.toml"), review_text("2026-11-06")).expect("write");
    let (change, took) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    assert_eq!(change, DiskChange::Dates(BTreeSet::from([date(6)])));
    assert!(took < Duration::from_secs(1), "{took:?}");

    // Reading every file and listing the folder, as a refresh does, is no change.
    for entry in std::fs::read_dir(&snapshots).expect("list").flatten() {
        std::fs::read(entry.path()).expect("read");
    }
    std::fs::write(tmp.path().join("draft.toml"), "draft").expect("draft");
    assert_eq!(
        wait_for_change(&mut watch, Duration::from_millis(500)),
        None
    );
}

#[test]
fn a_real_burst_of_a_thousand_files_is_delivered_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir(&snapshots).expect("mkdir");
    let mut watch = Watch::start(tmp.path());
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    for i in 0..1000u64 {
        let day = (first + chrono::Days::new(i))
            .format("%Y-%m-%d")
            .to_string();
        std::fs::write(snapshots.join(format!("{day}.toml")), review_text(&day)).expect("write");
    }
    let (change, _) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    let mut dates = match change {
        DiskChange::Dates(dates) => dates.len(),
        DiskChange::Anything => 1000,
    };
    let mut deliveries = 1;
    // Whatever the scheduler did, every date is delivered, in very few refreshes.
    while let Some((change, _)) = wait_for_change(&mut watch, Duration::from_millis(600)) {
        deliveries += 1;
        dates += match change {
            DiskChange::Dates(dates) => dates.len(),
            DiskChange::Anything => 1000,
        };
    }
    assert!(dates >= 1000, "{dates}");
    assert!(deliveries <= 2, "{deliveries} deliveries");
}

#[test]
fn snapshots_appearing_later_are_watched_and_a_missing_data_dir_is_looked_for_again() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut watch = Watch::start(tmp.path());
    assert!(watch.is_watching() && !watch.is_watching_snapshots());
    let snapshots = tmp.path().join("snapshots");
    std::fs::create_dir(&snapshots).expect("mkdir");
    std::fs::write(snapshots.join("2026-11-05.toml"), review_text("2026-11-05")).expect("write");
    let (change, _) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    assert_eq!(change, DiskChange::Anything, "the folder appeared");
    assert!(watch.is_watching_snapshots());
    std::fs::write(snapshots.join("2026-11-06.toml"), review_text("2026-11-06")).expect("write");
    let (change, _) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    assert_eq!(change, DiskChange::Dates(BTreeSet::from([date(6)])));

    // Replaced (a restore from a backup): watched again.
    std::fs::remove_dir_all(&snapshots).expect("rm");
    std::fs::create_dir(&snapshots).expect("mkdir");
    let (change, _) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    assert_eq!(change, DiskChange::Anything);
    std::fs::write(snapshots.join("2026-11-07.toml"), review_text("2026-11-07")).expect("write");
    let (change, _) = wait_for_change(&mut watch, Duration::from_secs(5)).expect("seen");
    assert_eq!(change, DiskChange::Dates(BTreeSet::from([date(7)])));

    let missing = tmp.path().join("not-yet");
    let mut watch = Watch::start(&missing);
    assert!(!watch.is_watching());
    std::fs::create_dir_all(missing.join("snapshots")).expect("mkdir");
    let (change, _) = wait_for_change(&mut watch, RETRY * 3).expect("found");
    assert_eq!(change, DiskChange::Anything);
    assert!(watch.is_watching() && watch.is_watching_snapshots());
}
