//! Unit tests of the focus suggestions: which answers and skills are suggested, in what order.

use chrono::NaiveDate;

use super::*;

fn review() -> Review {
    let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    Review::new(date, Workbook::embedded())
}

/// A review with every question answered Yes and every skill ticked, so nothing is suggested.
fn all_good() -> Review {
    let mut r = review();
    for i in 0..r.answers.len() {
        r.set_answer(i, Some(true));
    }
    for i in 0..r.skills.len() {
        r.toggle_practised(i);
    }
    r
}

fn sources(review: &Review) -> Vec<Source> {
    suggestions(review, Workbook::embedded())
        .into_iter()
        .map(|s| s.source)
        .collect()
}

#[test]
fn a_fresh_review_suggests_every_skill_and_no_question() {
    let wb = Workbook::embedded();
    let found = suggestions(&review(), wb);
    assert_eq!(found.len(), 9);
    let expected: Vec<Source> = (0..9).map(Source::Skill).collect();
    assert_eq!(found.iter().map(|s| s.source).collect::<Vec<_>>(), expected);
    assert_eq!(found[0].title, wb.skills[0].name);
    assert_eq!(found[0].step, wb.skills[0].step);
    assert_eq!(found[0].reason, "Not ticked as practised well");
}

#[test]
fn a_review_with_nothing_wrong_suggests_nothing() {
    assert!(sources(&all_good()).is_empty());
}

#[test]
fn no_answers_come_first_in_question_order() {
    let wb = Workbook::embedded();
    let mut r = review();
    r.set_answer(7, Some(false));
    r.set_answer(1, Some(false));
    r.set_answer(4, Some(false));
    r.set_answer(2, Some(true));
    let found = suggestions(&r, wb);
    assert_eq!(found.len(), 3 + 9);
    let firsts: Vec<Source> = found[..3].iter().map(|s| s.source).collect();
    assert_eq!(
        firsts,
        [
            Source::Question(1),
            Source::Question(4),
            Source::Question(7)
        ]
    );
    assert!(
        found[3..]
            .iter()
            .all(|s| matches!(s.source, Source::Skill(_)))
    );
    assert_eq!(found[0].title, wb.questions[1].text);
    assert_eq!(found[0].reason, "You answered No");
    assert_eq!(found[2].step, wb.questions[7].step);
    assert_eq!(Some(found[2].list), wb.list_index(&wb.questions[7].list));
}

#[test]
fn a_ticked_skill_rated_four_is_not_suggested() {
    let mut r = all_good();
    r.set_rating(3, Some(4));
    assert!(sources(&r).is_empty());
}

#[test]
fn only_the_lowest_rated_ticked_skill_is_suggested() {
    let mut r = all_good();
    r.set_rating(1, Some(3));
    r.set_rating(5, Some(2));
    let found = suggestions(&r, Workbook::embedded());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].source, Source::Skill(5));
    assert_eq!(found[0].reason, "Rated 2/5, your lowest");
}

#[test]
fn skills_are_ordered_by_rating_with_unrated_last() {
    let mut r = all_good();
    r.toggle_practised(0); // unticked, unrated
    r.toggle_practised(2); // unticked, rated 4
    r.set_rating(2, Some(4));
    r.toggle_practised(6); // unticked, rated 2
    r.set_rating(6, Some(2));
    r.set_rating(8, Some(1)); // ticked, the lowest
    r.set_rating(3, Some(1)); // ticked, also the lowest
    let found = suggestions(&r, Workbook::embedded());
    let order: Vec<Source> = found.iter().map(|s| s.source).collect();
    assert_eq!(order, [3, 8, 6, 2, 0].map(Source::Skill), "{found:#?}");
    assert_eq!(found[2].reason, "Not ticked, rated 2/5");
    assert_eq!(found[0].reason, "Rated 1/5, your lowest");
}

#[test]
fn a_lowest_rating_above_three_is_not_suggested() {
    let mut r = all_good();
    r.set_rating(0, Some(4));
    r.set_rating(1, Some(5));
    assert!(sources(&r).is_empty());
}

#[test]
fn a_suggestion_already_written_into_its_list_disappears() {
    let wb = Workbook::embedded();
    let mut r = review();
    r.set_answer(0, Some(false));
    let list = wb.list_index(&wb.questions[0].list).expect("list");
    let step = wb.questions[0].step.to_uppercase();
    r.set_item(list * ITEMS_PER_LIST + 2, format!("  {step} "));
    let skill_list = wb.list_index(&wb.skills[4].list).expect("list");
    r.set_item(skill_list * ITEMS_PER_LIST, wb.skills[4].step.clone());
    let found = sources(&r);
    assert!(!found.contains(&Source::Question(0)), "{found:?}");
    assert!(!found.contains(&Source::Skill(4)), "{found:?}");
    assert_eq!(found.len(), 8);
}

#[test]
fn the_same_text_in_another_list_does_not_count() {
    let wb = Workbook::embedded();
    let mut r = review();
    r.set_answer(0, Some(false));
    let list = wb.list_index(&wb.questions[0].list).expect("list");
    let other = (list + 1) % wb.next_steps.len();
    r.set_item(other * ITEMS_PER_LIST, wb.questions[0].step.clone());
    assert!(sources(&r).contains(&Source::Question(0)));
}

#[test]
fn free_slot_finds_the_first_empty_item() {
    let mut r = review();
    assert_eq!(free_slot(&r, 0), Some(0));
    assert_eq!(free_slot(&r, 2), Some(6));
    r.set_item(3, "one".into());
    r.set_item(4, "   ".into());
    r.set_item(5, "three".into());
    assert_eq!(free_slot(&r, 1), Some(4));
    r.set_item(4, "two".into());
    assert_eq!(free_slot(&r, 1), None);
    assert_eq!(free_slot(&r, 0), Some(0));
    assert_eq!(free_slot(&r, 3), None);
}

#[test]
fn every_question_and_skill_has_a_short_step_and_a_valid_list() {
    let wb = Workbook::embedded();
    let all = wb
        .questions
        .iter()
        .map(|q| (&q.id, &q.step, &q.list))
        .chain(wb.skills.iter().map(|s| (&s.id, &s.step, &s.list)));
    for (id, step, list) in all {
        let len = step.chars().count();
        assert!(!step.trim().is_empty() && len <= 70, "`{id}`: {len} chars");
        assert!(wb.list_index(list).is_some(), "`{id}`: list `{list}`");
        assert_ne!(
            list, "doing_right",
            "`{id}` suggests a change, not a strength"
        );
    }
}
