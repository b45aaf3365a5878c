//! Unit tests of the comparison: every change marker, deltas, gained and lost skills.

use super::*;
use crate::domain::content::Workbook;

fn review(ymd: (i32, u32, u32)) -> Review {
    let date = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("date");
    Review::new(date, Workbook::embedded())
}

#[test]
fn every_pair_of_answers_has_its_change() {
    let cases = [
        (Some(false), Some(true), Change::Better),
        (Some(true), Some(false), Change::Worse),
        (Some(true), Some(true), Change::Same),
        (Some(false), Some(false), Change::Same),
        (None, Some(true), Change::NewlyAnswered),
        (None, Some(false), Change::NewlyAnswered),
        (Some(true), None, Change::NoLongerAnswered),
        (None, None, Change::Unanswered),
    ];
    for (older, newer, change) in cases {
        assert_eq!(
            Change::between(older, newer),
            change,
            "{older:?} → {newer:?}"
        );
    }
}

#[test]
fn the_older_review_comes_first_whatever_the_argument_order() {
    let mut august = review((2026, 8, 20));
    august.set_answer(0, Some(false));
    let mut november = review((2026, 11, 22));
    november.set_answer(0, Some(true));
    for cmp in [
        Comparison::new(&august, &november),
        Comparison::new(&november, &august),
    ] {
        assert_eq!(cmp.dates().0, august.date);
        assert_eq!(cmp.answers[0].change, Change::Better);
        assert_eq!(cmp.score_delta(), 1);
    }
}

#[test]
fn score_delta_and_counts_follow_the_answers() {
    let mut older = review((2026, 2, 1));
    let mut newer = review((2026, 5, 1));
    for i in 0..5 {
        older.set_answer(i, Some(true));
    }
    older.set_answer(5, Some(false));
    for i in 0..8 {
        newer.set_answer(i, Some(true));
    }
    newer.set_answer(0, Some(false));
    let cmp = Comparison::new(&older, &newer);
    assert_eq!((older.score(), newer.score()), (5, 7));
    assert_eq!(cmp.score_delta(), 2);
    assert_eq!(cmp.count(Change::Worse), 1);
    assert_eq!(cmp.count(Change::Better), 1);
    assert_eq!(cmp.count(Change::NewlyAnswered), 2);
    assert_eq!(cmp.count(Change::Same), 4);
    assert_eq!(cmp.count(Change::Unanswered), 2);
    assert_eq!(cmp.answers.len(), 10);
}

#[test]
fn skills_gained_lost_and_rating_deltas() {
    let mut older = review((2026, 2, 1));
    let mut newer = review((2026, 5, 1));
    older.toggle_practised(1);
    older.toggle_practised(2);
    newer.toggle_practised(2);
    newer.toggle_practised(6);
    older.set_rating(3, Some(2));
    newer.set_rating(3, Some(5));
    newer.set_rating(4, Some(3));
    older.set_rating(8, Some(4));
    newer.set_rating(8, Some(1));
    let cmp = Comparison::new(&older, &newer);
    assert_eq!(cmp.skills_gained, [6]);
    assert_eq!(cmp.skills_lost, [1]);
    let deltas: Vec<(usize, Option<i32>)> =
        cmp.ratings.iter().map(|r| (r.skill, r.delta())).collect();
    assert_eq!(deltas, [(3, Some(3)), (4, None), (8, Some(-3))]);
}

#[test]
fn identical_reviews_change_nothing() {
    let mut one = review((2026, 2, 1));
    one.set_answer(2, Some(true));
    one.toggle_practised(0);
    let cmp = Comparison::new(&one, &one);
    assert_eq!(cmp.score_delta(), 0);
    assert_eq!(cmp.count(Change::Same), 1);
    assert!(cmp.skills_gained.is_empty() && cmp.skills_lost.is_empty());
}

#[test]
fn signed_deltas_read_naturally() {
    assert_eq!(signed(3), "+3");
    assert_eq!(signed(-2), "−2");
    assert_eq!(signed(0), "±0");
}

#[test]
fn a_comparison_knows_when_either_review_is_partial() {
    let complete = |ymd| {
        let mut r = review(ymd);
        for i in 0..r.answers.len() {
            r.set_answer(i, Some(i % 2 == 0));
        }
        r
    };
    let (may, aug) = (complete((2026, 5, 1)), complete((2026, 8, 1)));
    assert!(!Comparison::new(&may, &aug).involves_partial());
    let mut open = aug.clone();
    open.set_answer(3, None);
    assert!(Comparison::new(&may, &open).involves_partial());
    assert!(Comparison::new(&open, &may).involves_partial());
    assert!(Comparison::new(&review((2026, 1, 1)), &may).involves_partial());
}
