//! The proptest of saving into a hand-edited file: random reviews saved into every
//! hand-shaped original read back as themselves, and a second save changes nothing.

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use super::{originals, read, wb};
use crate::domain::review::{FollowUp, FollowUpItem, Progress, Review};
use crate::domain::snapshot::{from_toml, update_text};

const TEXTS: [&str; 7] = [
    "",
    "Send the plan",
    "quote \" and \\ backslash",
    "two\nlines",
    "会議の準備 🙂",
    "# not a comment",
    "tab\tand\u{7f}",
];

fn any_text() -> impl Strategy<Value = String> {
    prop::sample::select(TEXTS.to_vec()).prop_map(String::from)
}

fn any_review() -> impl Strategy<Value = (Review, u8)> {
    let answers = prop::collection::vec(prop::option::of(any::<bool>()), 10);
    let skills = prop::collection::vec((any::<bool>(), prop::option::of(1u8..=5)), 9);
    let items = prop::collection::vec(any_text(), 9);
    let plans = prop::collection::vec((any_text(), prop::option::of(0usize..3)), 0..=3);
    let follow_up = prop::option::of((1u32..=28, plans));
    let saved_at = prop::option::of(0i64..4_000_000_000);
    (
        answers,
        skills,
        items,
        follow_up,
        saved_at,
        1u32..=28,
        0u8..4,
    )
        .prop_map(
            |(answers, skills, items, follow_up, saved_at, day, unknown)| {
                let date = NaiveDate::from_ymd_opt(2026, 11, day).expect("date");
                let mut review = Review::new(date, wb());
                review.answers = answers;
                for (i, (practised, rating)) in skills.into_iter().enumerate() {
                    review.skills[i].practised = practised;
                    review.skills[i].rating = rating;
                }
                for (i, text) in items.into_iter().enumerate() {
                    review.set_item(i, text);
                }
                review.follow_up = follow_up.map(|(day, plans)| FollowUp {
                    from: NaiveDate::from_ymd_opt(2026, 8, day).expect("date"),
                    items: plans
                        .into_iter()
                        .map(|(text, status)| FollowUpItem {
                            text,
                            status: status.and_then(|s| Progress::ALL.get(s).copied()),
                        })
                        .collect(),
                });
                review.saved_at = saved_at
                    .and_then(|s| DateTime::from_timestamp(s, 0))
                    .map(|t| t.fixed_offset());
                (review, unknown)
            },
        )
}

/// The review's unknown keys: the file's own, none, one changed, or one more table.
fn with_unknown(mut review: Review, original: &str, choice: u8) -> Review {
    review.unknown = read(original).unknown;
    match choice {
        1 => review.unknown.clear(),
        2 => drop(review.unknown.insert("mood".into(), "tired".into())),
        3 => {
            let mut table = toml::Table::new();
            table.insert("n".into(), 2.into());
            review.unknown.insert("later".into(), table.into());
        }
        _ => {}
    }
    review
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_review_saved_into_any_hand_shaped_file_reads_back_as_itself(
        (review, unknown) in any_review(),
        which in 0usize..8,
    ) {
        let original = &originals()[which];
        let review = with_unknown(review, original, unknown);
        let text = update_text(original, &review, wb()).expect("updates");
        prop_assert_eq!(&from_toml(&text, wb()).expect("reads back"), &review, "{}", text);
        let again = update_text(&text, &review, wb()).expect("updates again");
        prop_assert_eq!(&again, &text, "a second save changes nothing");
        if original.contains('\r') {
            prop_assert!(!text.replace("\r\n", "").contains('\n'), "{:?}", text);
        }
        if unknown != 1 && original.contains("[extra]") {
            prop_assert!(text.contains("note = \"kept\""), "{}", text);
        }
    }
}
