//! Parser robustness: arbitrary bytes and mutated valid snapshots through `Store::load` and
//! `snapshot::from_toml` never panic, never read nothing as a review, name a real line when
//! they fail, and whatever they accept writes back and reads again as the same review.
//! `PARTNERBOOK_PROPTEST_CASES=N` runs N cases of each instead of 256.

use std::fs;

use chrono::{DateTime, NaiveDate};
use partnerbook::domain::content::Workbook;
use partnerbook::domain::follow_up::{FollowUp, Progress};
use partnerbook::domain::review::Review;
use partnerbook::domain::snapshot::{self, SnapshotError};
use partnerbook::storage::fixtures::sample_review;
use partnerbook::storage::store::{Store, StoreError};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PARTNERBOOK_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")
}

/// Pieces of snapshot syntax, so random bytes sometimes come close to a real file.
const FRAGMENTS: &[&str] = &[
    "version = 1\n",
    "version = 2\n",
    "date = 2026-01-01\n",
    "date = \"2026-01-01\"\n",
    "saved_at = 2026-01-01T09:30:00+01:00\n",
    "[assessment]\n",
    "[skills]\n",
    "[next_steps]\n",
    "[follow_up]\n",
    "share_information = true\n",
    "same_team = 1\n",
    "confidence = { practised = true, rating = 6 }\n",
    "do_more = [\"a\", \"b\", \"c\", \"d\"]\n",
    "items = [{ text = \"x\", status = \"done\" }]\n",
    "from = 2025-10-01\n",
    "x = 1\n",
    "[future]\n",
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "#",
    "\0",
    "\u{FEFF}",
    "\\u0000",
    "会議",
    "🙂",
    "\r\n",
    " ",
];

fn raw_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => proptest::collection::vec(any::<u8>(), 0..2048),
        1 => proptest::collection::vec(Just(0u8), 0..2048),
        4 => proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40)
            .prop_map(|parts| parts.concat().into_bytes()),
        4 => proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..12)
            .prop_map(|parts| format!("version = 1\ndate = 2026-01-01\n{}", parts.concat()).into_bytes()),
        1 => (proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..40), any::<u8>(), any::<prop::sample::Index>())
            .prop_map(|(parts, byte, at)| {
                let mut bytes = parts.concat().into_bytes();
                bytes.insert(at.index(bytes.len() + 1), byte);
                bytes
            }),
    ]
}

/// A valid review to start mutating from: answers, skills, items, a follow-up, unknown keys.
fn base_review(n: u64) -> Review {
    let workbook = Workbook::embedded();
    let earlier = sample_review(workbook, day() - chrono::Days::new(91), n + 1);
    let mut review = sample_review(workbook, day(), n);
    if !n.is_multiple_of(3) {
        review.follow_up = FollowUp::seeded_from(&earlier, 1);
        if let Some(follow_up) = &mut review.follow_up {
            for (i, item) in follow_up.items.iter_mut().enumerate() {
                item.status = Progress::ALL.get((n as usize + i) % 5).copied();
            }
        }
    }
    if n.is_multiple_of(2) {
        review.saved_at = DateTime::parse_from_rfc3339("2026-01-01T09:30:00+01:00").ok();
        review.unknown.insert("theme".into(), "dusk".into());
    }
    review
}

#[derive(Debug, Clone)]
enum Mutation {
    DeleteRange(prop::sample::Index, usize),
    DuplicateLine(prop::sample::Index),
    FlipByte(prop::sample::Index, u8),
    Truncate(prop::sample::Index),
    SwapBool(prop::sample::Index, &'static str),
    InsertLine(prop::sample::Index, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    let replacement = proptest::sample::select(
        &[
            "0",
            "1",
            "2.5",
            "\"true\"",
            "''",
            "[]",
            "{}",
            "false",
            "true",
            "nan",
            "2026-01-01",
        ][..],
    );
    let line = prop_oneof![
        proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        "[a-z_]{1,12} = (true|false|[0-9]{1,3}|\"[^\"\\\\]{0,8}\")",
        "\\[[a-z_.]{1,12}\\]",
        any::<String>(),
    ];
    prop_oneof![
        (index(), 1usize..200).prop_map(|(at, len)| Mutation::DeleteRange(at, len)),
        index().prop_map(Mutation::DuplicateLine),
        (index(), 1u8..=255).prop_map(|(at, mask)| Mutation::FlipByte(at, mask)),
        index().prop_map(Mutation::Truncate),
        (index(), replacement).prop_map(|(at, with)| Mutation::SwapBool(at, with)),
        (index(), line).prop_map(|(at, line)| Mutation::InsertLine(at, line)),
    ]
}

/// Byte offsets where lines start.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let ends = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n');
    std::iter::once(0).chain(ends.map(|(i, _)| i + 1)).collect()
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    let len = bytes.len();
    match mutation {
        Mutation::DeleteRange(at, n) => {
            let start = at.index(len + 1);
            bytes.drain(start..(start + n).min(len));
        }
        Mutation::DuplicateLine(at) => {
            let starts = line_starts(bytes);
            let start = starts[at.index(starts.len())];
            let end = bytes[start..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(len, |p| start + p + 1);
            let line = bytes[start..end].to_vec();
            bytes.splice(end..end, line);
        }
        Mutation::FlipByte(at, mask) if len > 0 => bytes[at.index(len)] ^= mask,
        Mutation::FlipByte(..) => {}
        Mutation::Truncate(at) => bytes.truncate(at.index(len + 1)),
        Mutation::SwapBool(at, with) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let spots: Vec<(usize, usize)> = ["true", "false"]
                .iter()
                .flat_map(|word| text.match_indices(word).map(|(i, w)| (i, w.len())))
                .collect();
            if !spots.is_empty() {
                let (start, n) = spots[at.index(spots.len())];
                let mut swapped = text;
                swapped.replace_range(start..start + n, with);
                *bytes = swapped.into_bytes();
            }
        }
        Mutation::InsertLine(at, line) => {
            let starts = line_starts(bytes);
            let start = starts[at.index(starts.len())];
            bytes.splice(start..start, format!("{line}\n").into_bytes());
        }
    }
}

/// A failure must name a line the text has (or the one just past its end).
fn assert_line_exists(error: &SnapshotError, text: &str) {
    let lines = text.split('\n').count();
    assert!(
        (1..=lines).contains(&error.line),
        "line {} of a {lines}-line file: {}",
        error.line,
        error.reason
    );
}

/// Both reading paths on `bytes`; checks errors and round trips, returns whether either read it.
fn read_both_ways(bytes: &[u8]) -> bool {
    let workbook = Workbook::embedded();
    let lossy = String::from_utf8_lossy(bytes);
    let parsed = snapshot::from_toml(&lossy, workbook);
    match &parsed {
        Ok(review) => assert_round_trips(review),
        Err(error) => assert_line_exists(error, &lossy),
    }

    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path());
    fs::create_dir_all(store.snapshots_dir()).expect("mkdir");
    fs::write(store.path_for(day()), bytes).expect("write");
    let loaded = store.load(day(), workbook);
    match &loaded {
        Ok(Some(review)) => {
            assert_eq!(parsed.as_ref().ok(), Some(review), "both paths agree");
            store.save(review, workbook).expect("save");
            let again = store.load(day(), workbook).expect("reload");
            assert_eq!(
                again.as_ref(),
                Some(review),
                "save then load gives the same review"
            );
        }
        Ok(None) => panic!("a file that exists loaded as none"),
        Err(StoreError::BadSnapshot { error, .. }) => {
            assert_line_exists(error, &lossy);
        }
        Err(other) => panic!("not a parse error: {other}"),
    }
    parsed.is_ok() || matches!(loaded, Ok(Some(_)))
}

/// Writing `review` and reading it back gives an equal review and then identical bytes.
fn assert_round_trips(review: &Review) {
    let workbook = Workbook::embedded();
    let text = snapshot::to_toml(review, workbook);
    let again = snapshot::from_toml(&text, workbook)
        .unwrap_or_else(|e| panic!("its own output does not read back: {e}\n{text}"));
    assert_eq!(&again, review, "round trip changed the review:\n{text}");
    assert_eq!(
        snapshot::to_toml(&again, workbook),
        text,
        "second write differs"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_bytes_never_panic_and_nothing_is_never_a_review(bytes in raw_bytes()) {
        let accepted = read_both_ways(&bytes);
        if bytes.iter().all(|b| *b == 0) {
            prop_assert!(!accepted, "empty or all-zero file read as a review");
        }
    }

    #[test]
    fn mutated_snapshots_never_panic_and_what_reads_round_trips(
        n in 0u64..60,
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let mut bytes = snapshot::to_toml(&base_review(n), Workbook::embedded()).into_bytes();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        read_both_ways(&bytes);
    }
}

#[test]
fn the_unmutated_base_reviews_read_back_equal() {
    for n in 0..60 {
        let review = base_review(n);
        let text = snapshot::to_toml(&review, Workbook::embedded());
        assert!(read_both_ways(text.as_bytes()), "{text}");
        assert_round_trips(&review);
    }
}
