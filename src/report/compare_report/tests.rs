//! Unit tests of the `compare` page: header, answers, skills, ratings and both Next steps layouts.

use super::*;

fn review(ymd: (i32, u32, u32)) -> Review {
    let date = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).expect("date");
    Review::new(date, Workbook::embedded())
}

fn pair() -> Comparison {
    let mut may = review((2026, 5, 1));
    let mut aug = review((2026, 8, 1));
    for i in 0..5 {
        may.set_answer(i, Some(true));
    }
    may.set_answer(7, Some(false));
    for i in 0..8 {
        aug.set_answer(i, Some(true));
    }
    aug.set_answer(0, Some(false));
    aug.set_answer(9, Some(true));
    may.toggle_practised(0);
    aug.toggle_practised(5);
    may.set_rating(5, Some(2));
    aug.set_rating(5, Some(4));
    aug.set_rating(1, Some(3));
    may.set_item(0, "Send the weekly plan".into());
    aug.set_item(3, "会議の準備をする".into());
    Comparison::new(&aug, &may)
}

#[test]
fn header_score_answers_skills_and_ratings() {
    let page = compare(&pair(), Workbook::embedded(), 80);
    assert!(
        page.starts_with("Reviews of Fri 1 May 2026 → Sat 1 Aug 2026 (92 days apart)\n"),
        "{page}"
    );
    assert!(
        page.contains("Score  5/10 Could be more productive → 8/10 Solid partnership  +3\n"),
        "{page}"
    );
    assert!(page.contains("  No  → Yes  ▲ better"), "{page}");
    assert!(page.contains("  Yes → No   ▼ worse"), "{page}");
    assert!(page.contains("  -   → Yes  + newly answered"), "{page}");
    assert!(
        page.contains("  In short: 1 better, 1 worse, 4 same, 3 newly answered, 1 unanswered\n"),
        "{page}"
    );
    assert!(page.contains("  Gained  Confidence\n"), "{page}");
    assert!(page.contains("  Lost    Knowing yourself\n"), "{page}");
    assert!(page.contains("  Setting goals  - → 3\n"), "{page}");
    assert!(page.contains("  Confidence     2 → 4  +2\n"), "{page}");
    assert!(page.lines().all(|l| width(l) <= 80), "{page}");
}

#[test]
fn next_steps_go_side_by_side_only_when_wide() {
    let wb = Workbook::embedded();
    let narrow = compare(&pair(), wb, 80);
    assert!(narrow.contains("    Fri 1 May 2026\n      1. Send the weekly plan\n"));
    assert!(narrow.contains("    Sat 1 Aug 2026\n      nothing written\n"));
    let wide = compare(&pair(), wb, 100);
    let column = (100 - 4 - GAP) / 2;
    let header = format!(
        "    {}{}Sat 1 Aug 2026\n",
        pad("Fri 1 May 2026", column),
        "   "
    );
    assert!(wide.contains(&header), "{wide}");
    let row = format!("    {}   nothing written\n", pad("nothing written", column));
    assert!(wide.contains(&row), "{wide}");
    let wide_chars = format!(
        "    {}   1. 会議の準備をする\n",
        pad("nothing written", column)
    );
    assert!(wide.contains(&wide_chars), "{wide}");
    assert!(wide.lines().all(|l| width(l) <= 100), "{wide}");
}

#[test]
fn nothing_rated_and_nothing_gained_say_so() {
    let c = Comparison::new(&review((2026, 1, 1)), &review((2026, 1, 2)));
    let page = compare(&c, Workbook::embedded(), 30);
    assert!(page.contains("(1 day apart)"), "{page}");
    assert!(page.contains("  Gained  none\n  Lost    none\n"), "{page}");
    assert!(
        page.contains("No skill was rated in either review."),
        "{page}"
    );
    assert!(page.contains("In short: 10 unanswered"), "{page}");
}

#[test]
fn a_score_change_involving_a_partial_review_says_so() {
    let wb = Workbook::embedded();
    let narrow = compare(&pair(), wb, 80);
    assert!(
        narrow.contains(
            "Score  5/10 Could be more productive → 8/10 Solid partnership  +3\n       \
             (both reviews are partial: 6 and 9 of 10 answered)\n"
        ),
        "{narrow}"
    );
    let wide = compare(&pair(), wb, 120);
    assert!(
        wide.contains(
            "Score  5/10 Could be more productive → 8/10 Solid partnership  +3 \
             (both reviews are partial: 6 and 9 of 10 answered)\n"
        ),
        "{wide}"
    );

    let c = pair();
    let mut newer = c.newer.clone();
    newer.set_answer(8, Some(false));
    let page = compare(&Comparison::new(&c.older, &newer), wb, 120);
    assert!(
        page.contains("  +3 (the older review is partial: 6 of 10 answered)\n"),
        "{page}"
    );
    let mut older = c.older.clone();
    for i in 0..older.answers.len() {
        older.set_answer(i, Some(i < 5));
    }
    let page = compare(&Comparison::new(&older, &newer), wb, 120);
    assert!(page.contains("\nScore  5/10 Could be more productive → 8/10 Solid partnership  +3\n"));

    let page = compare(&Comparison::new(&review((2026, 1, 1)), &newer), wb, 120);
    assert!(
        page.contains(
            "Score  0/10 Not started → 8/10 Solid partnership  +8 \
             (the older review is not started: 0 of 10 answered)\n"
        ),
        "{page}"
    );
}
