//! One review: the answers, skills and Next steps of a single date, with its score —
//! pure data and arithmetic, no I/O and no terminal.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::content::{ITEMS_PER_LIST, Workbook};
pub use crate::domain::follow_up::{FollowUp, FollowUpItem, Progress};

/// Highest self-rating a skill can have.
pub const MAX_RATING: u8 = 5;

/// How the user sees themselves on one essential skill.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkillEntry {
    /// "I practise this well" is ticked.
    pub practised: bool,
    /// Optional self-rating, 1 to [`MAX_RATING`].
    pub rating: Option<u8>,
}

/// The three Next steps lists, each of [`ITEMS_PER_LIST`] items (empty = not written).
pub type NextSteps = [[String; ITEMS_PER_LIST]; 3];

/// The counts a history row shows, taken from a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The review's date.
    pub date: NaiveDate,
    /// Number of Yes answers.
    pub score: usize,
    /// Number of questions.
    pub questions: usize,
    /// Questions answered Yes or No.
    pub answered: usize,
    /// Skills ticked as practised well.
    pub practised: usize,
    /// Number of skills.
    pub skills: usize,
    /// Next steps items written.
    pub items_written: usize,
    /// Number of Next steps items.
    pub item_slots: usize,
}

impl Summary {
    /// Some questions are still unanswered, so the score may understate the partnership.
    pub fn is_partial(&self) -> bool {
        self.answered < self.questions
    }

    /// No question is answered yet: there is no score to judge.
    pub fn is_unstarted(&self) -> bool {
        self.answered == 0
    }
}

/// A review of one date. Vectors follow the workbook's order of questions and skills.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// The date the review is for; it names the snapshot file.
    pub date: NaiveDate,
    /// When it was last written to disk, if ever.
    pub saved_at: Option<DateTime<FixedOffset>>,
    /// One answer per question: `None` unanswered, `Some(true)` Yes, `Some(false)` No.
    pub answers: Vec<Option<bool>>,
    /// One entry per essential skill.
    pub skills: Vec<SkillEntry>,
    /// The three Next steps lists.
    pub next_steps: NextSteps,
    /// How the previous review's plans went, when this review looks back on one.
    pub follow_up: Option<FollowUp>,
    /// Top-level keys this build does not know (written by a newer version), kept as they were.
    pub unknown: toml::Table,
}

impl Review {
    /// An empty review for `date`, shaped after the workbook.
    pub fn new(date: NaiveDate, workbook: &Workbook) -> Review {
        Review {
            date,
            saved_at: None,
            answers: vec![None; workbook.questions.len()],
            skills: vec![SkillEntry::default(); workbook.skills.len()],
            next_steps: Default::default(),
            follow_up: None,
            unknown: toml::Table::new(),
        }
    }

    /// The score: the number of Yes answers.
    pub fn score(&self) -> usize {
        self.answers.iter().filter(|a| **a == Some(true)).count()
    }

    /// The counts shown for this review in lists and charts.
    pub fn summary(&self) -> Summary {
        Summary {
            date: self.date,
            score: self.score(),
            questions: self.answers.len(),
            answered: self.answered(),
            practised: self.practised(),
            skills: self.skills.len(),
            items_written: self.items_written(),
            item_slots: self.item_slots(),
        }
    }

    /// Some questions are still unanswered.
    pub fn is_partial(&self) -> bool {
        self.answered() < self.answers.len()
    }

    /// How many questions have an answer, Yes or No.
    pub fn answered(&self) -> usize {
        self.answers.iter().filter(|a| a.is_some()).count()
    }

    /// How many skills are ticked as practised well.
    pub fn practised(&self) -> usize {
        self.skills.iter().filter(|s| s.practised).count()
    }

    /// How many skills carry a self-rating.
    pub fn rated(&self) -> usize {
        self.skills.iter().filter(|s| s.rating.is_some()).count()
    }

    /// How many Next steps items hold text (whitespace does not count).
    pub fn items_written(&self) -> usize {
        self.next_steps
            .iter()
            .flatten()
            .filter(|item| !item.trim().is_empty())
            .count()
    }

    /// Total number of Next steps items.
    pub fn item_slots(&self) -> usize {
        self.next_steps.len() * ITEMS_PER_LIST
    }

    /// Sets or clears the answer of question `index`; out-of-range indexes are ignored.
    pub fn set_answer(&mut self, index: usize, answer: Option<bool>) {
        if let Some(slot) = self.answers.get_mut(index) {
            *slot = answer;
        }
    }

    /// Flips "practised well" on skill `index`.
    pub fn toggle_practised(&mut self, index: usize) {
        if let Some(skill) = self.skills.get_mut(index) {
            skill.practised = !skill.practised;
        }
    }

    /// Sets (1..=5) or clears (`None`) the rating of skill `index`; other values are ignored.
    pub fn set_rating(&mut self, index: usize, rating: Option<u8>) {
        let valid = rating.is_none_or(|r| (1..=MAX_RATING).contains(&r));
        if let (true, Some(skill)) = (valid, self.skills.get_mut(index)) {
            skill.rating = rating;
        }
    }

    /// The text of Next steps item `item` (0..9, list by list).
    pub fn item(&self, item: usize) -> &str {
        self.next_steps
            .get(item / ITEMS_PER_LIST)
            .and_then(|list| list.get(item % ITEMS_PER_LIST))
            .map_or("", String::as_str)
    }

    /// Number of follow-up plans (0 when the review looks back on none).
    pub fn follow_up_len(&self) -> usize {
        self.follow_up.as_ref().map_or(0, |f| f.items.len())
    }

    /// Sets or clears the status of follow-up plan `index`; out-of-range indexes are ignored.
    pub fn set_progress(&mut self, index: usize, status: Option<Progress>) {
        if let Some(item) = self.follow_up.as_mut().and_then(|f| f.items.get_mut(index)) {
            item.status = status;
        }
    }

    /// Replaces the text of Next steps item `item` (0..9, list by list).
    pub fn set_item(&mut self, item: usize, text: String) {
        if let Some(slot) = self
            .next_steps
            .get_mut(item / ITEMS_PER_LIST)
            .and_then(|list| list.get_mut(item % ITEMS_PER_LIST))
        {
            *slot = text;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn review() -> Review {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        Review::new(date, Workbook::embedded())
    }

    #[test]
    fn score_counts_only_yes_answers() {
        let mut r = review();
        for i in 0..7 {
            r.set_answer(i, Some(true));
        }
        for i in 7..10 {
            r.set_answer(i, Some(false));
        }
        assert_eq!((r.score(), r.answered()), (7, 10));
        r.set_answer(0, None);
        assert_eq!((r.score(), r.answered()), (6, 9));
    }

    #[test]
    fn every_score_from_zero_to_ten_is_reachable() {
        for yes in 0..=10 {
            let mut r = review();
            for i in 0..10 {
                r.set_answer(i, Some(i < yes));
            }
            assert_eq!(r.score(), yes);
        }
    }

    #[test]
    fn ratings_outside_one_to_five_are_ignored() {
        let mut r = review();
        r.set_rating(0, Some(4));
        r.set_rating(0, Some(6));
        r.set_rating(0, Some(0));
        assert_eq!(r.skills[0].rating, Some(4));
        r.set_rating(0, None);
        assert_eq!(r.skills[0].rating, None);
    }

    #[test]
    fn out_of_range_indexes_change_nothing() {
        let mut r = review();
        let before = r.clone();
        r.set_answer(10, Some(true));
        r.toggle_practised(9);
        r.set_item(9, "x".into());
        assert_eq!(r, before);
    }

    #[test]
    fn items_are_addressed_list_by_list() {
        let mut r = review();
        r.set_item(4, "speak up in the weekly sync".into());
        r.set_item(8, "  ".into());
        assert_eq!(r.next_steps[1][1], "speak up in the weekly sync");
        assert_eq!(r.item(4), "speak up in the weekly sync");
        assert_eq!(r.items_written(), 1);
        assert_eq!(r.item_slots(), 9);
    }

    #[test]
    fn set_progress_changes_only_existing_plans() {
        let mut r = review();
        r.set_progress(0, Some(Progress::Done));
        assert_eq!(r.follow_up_len(), 0);
        r.follow_up = Some(FollowUp {
            from: r.date,
            items: vec![FollowUpItem {
                text: "x".into(),
                status: None,
            }],
        });
        r.set_progress(0, Some(Progress::Partly));
        r.set_progress(1, Some(Progress::Done));
        let follow_up = r.follow_up.as_ref().expect("follow-up");
        assert_eq!(follow_up.items[0].status, Some(Progress::Partly));
        assert_eq!(follow_up.reviewed(), 1);
    }

    #[test]
    fn practised_and_rated_are_counted_separately() {
        let mut r = review();
        r.toggle_practised(1);
        r.toggle_practised(2);
        r.toggle_practised(2);
        r.set_rating(5, Some(3));
        assert_eq!((r.practised(), r.rated()), (1, 1));
    }

    #[test]
    fn a_review_is_partial_until_every_question_is_answered() {
        let mut r = review();
        assert!(r.is_partial() && r.summary().is_unstarted());
        for i in 0..r.answers.len() - 1 {
            r.set_answer(i, Some(i % 2 == 0));
        }
        assert!(r.is_partial() && r.summary().is_partial());
        assert!(!r.summary().is_unstarted());
        let last = r.answers.len() - 1;
        r.set_answer(last, Some(false));
        assert!(!r.is_partial() && !r.summary().is_partial());
    }
}
