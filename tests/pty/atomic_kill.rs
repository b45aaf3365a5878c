//! A kill -9 at any moment of a save leaves the old or the new snapshot, never a truncated
//! one, and no stray temporary file that looks like a snapshot. The saving child is this
//! test binary itself, re-run with `save_loop_child` and a data dir in the environment.

use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead as _, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot;
use partnerbook::storage::fixtures::sample_review;
use partnerbook::storage::store::Store;

/// Set in the child only: the data dir to save into, over and over.
const CHILD_DIR_ENV: &str = "PARTNERBOOK_SAVE_LOOP_DIR";
/// What the child prints once it is about to start saving.
const STARTED: &str = "save loop started";
/// How many times the child is started and killed.
const ITERATIONS: u64 = 200;
/// A child left behind by a failed parent stops by itself after this long.
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

const DATES: [&str; 3] = ["2026-01-01", "2026-04-01", "2026-07-01"];

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// The two reviews the child alternates between for `date`: an empty one (a few hundred
/// bytes) and one with nine long items (about 18 KB), so any truncation shows.
fn candidates(date: NaiveDate) -> [Review; 2] {
    let workbook = Workbook::embedded();
    let small = Review::new(date, workbook);
    let mut big = sample_review(workbook, date, 7);
    for item in 0..big.item_slots() {
        let line = format!("Item {item}: talk it through with my boss, then write it down. ");
        big.set_item(item, line.repeat(2000 / line.len() + 1));
    }
    [small, big]
}

/// Not a real test: returns at once, unless started by the parent below to save forever.
#[test]
fn save_loop_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR_ENV) else {
        return;
    };
    let workbook = Workbook::embedded();
    let store = Store::new(dir);
    let reviews: Vec<[Review; 2]> = DATES.iter().map(|d| candidates(date(d))).collect();
    let small: Vec<String> = reviews
        .iter()
        .map(|pair| snapshot::to_toml(&pair[0], workbook))
        .collect();
    println!("{STARTED}");
    let started = Instant::now();
    while started.elapsed() < CHILD_LIFETIME {
        // Each save replaces what is on disk with the other candidate, so every save changes
        // the file, whichever moment the last child was killed at.
        for (pair, small) in reviews.iter().zip(&small) {
            let on_disk = fs::read(store.path_for(pair[0].date)).unwrap_or_default();
            let next = usize::from(on_disk == small.as_bytes());
            store.save(&pair[next], workbook).expect("save");
        }
    }
}

/// xorshift64: a repeatable pause for each iteration without a random-number crate.
fn pause_ms(iteration: u64) -> u64 {
    let mut x = iteration.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for _ in 0..4 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    1 + x % 40
}

/// Kills the child when dropped, so a failing parent never leaves it running.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn spawn_child(dir: &Path) -> Killed {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "atomic_kill::save_loop_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("child stdout");
    let child = Killed(child);
    let started = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains(STARTED));
    assert!(started, "the child ended before it started saving");
    child
}

fn wait_for_a_snapshot(snapshots: &Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let any = fs::read_dir(snapshots)
            .map(|entries| entries.filter_map(Result::ok).count() > 0)
            .unwrap_or(false);
        if any {
            return;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the child wrote nothing in 20 s");
}

/// What one look at the snapshots dir found.
#[derive(Default)]
struct Seen {
    /// (date, which candidate) for each snapshot file.
    snapshots: Vec<(String, usize)>,
    /// Names of leftover temporary files.
    temps: BTreeSet<String>,
}

/// Checks every file in the snapshots dir: whole snapshots only, and no `*.toml` strays.
fn inspect(store: &Store, iteration: u64) -> Seen {
    let workbook = Workbook::embedded();
    let mut seen = Seen::default();
    for entry in fs::read_dir(store.snapshots_dir()).expect("snapshots dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let stem = name.strip_suffix(".toml");
        let Some(day) = stem.filter(|s| DATES.contains(s)) else {
            assert!(
                !name.ends_with(".toml"),
                "iteration {iteration}: a stray file that looks like a snapshot: {name}"
            );
            assert!(
                name.starts_with('.') && name.contains(".toml."),
                "iteration {iteration}: an unexpected file: {name}"
            );
            seen.temps.insert(name.to_string());
            continue;
        };
        let bytes = fs::read(&path).expect("read");
        let pair = candidates(date(day));
        let which = pair
            .iter()
            .position(|r| snapshot::to_toml(r, workbook).as_bytes() == bytes);
        let Some(which) = which else {
            panic!(
                "iteration {iteration}: {name} is neither old nor new ({} bytes):\n{}",
                bytes.len(),
                String::from_utf8_lossy(&bytes)
            );
        };
        let loaded = store.load(date(day), workbook).expect("loads");
        assert_eq!(loaded.as_ref(), Some(&pair[which]), "iteration {iteration}");
        seen.snapshots.push((day.to_string(), which));
    }
    seen
}

#[test]
fn a_kill_at_any_moment_leaves_the_old_or_the_new_snapshot() {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
    let store = Store::new(tmp.path());
    let started = Instant::now();
    let mut temps = BTreeSet::new();
    let mut mid_write = 0;
    let mut changed = 0;
    let mut previous = Vec::new();
    for iteration in 0..ITERATIONS {
        let mut child = spawn_child(tmp.path());
        if iteration < 3 {
            wait_for_a_snapshot(&store.snapshots_dir());
        }
        std::thread::sleep(Duration::from_millis(pause_ms(iteration)));
        child.0.kill().expect("kill");
        child.0.wait().expect("wait");

        let mut seen = inspect(&store, iteration);
        seen.snapshots.sort();
        let new_temps = seen.temps.difference(&temps).count();
        if new_temps > 0 {
            mid_write += 1;
        }
        if seen.snapshots != previous {
            changed += 1;
        }
        temps.extend(seen.temps);
        previous = seen.snapshots;
    }
    println!(
        "{ITERATIONS} kills in {:.1} s: {mid_write} landed mid-write (left a temporary file), \
         {changed} found the snapshots changed since the last kill, {} leftover temporary \
         files, none named *.toml",
        started.elapsed().as_secs_f64(),
        temps.len()
    );
    assert!(
        changed > 1,
        "the child hardly ever saved; the test proved nothing"
    );
}
