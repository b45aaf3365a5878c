//! Comparing two reviews: per-question change, score delta, skills gained and lost, rating
//! deltas. A pure function of two reviews, shared by the compare view and `partnerbook compare`.

use chrono::NaiveDate;

use crate::domain::review::Review;

/// How one answer moved from the older review to the newer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// No → Yes.
    Better,
    /// Yes → No.
    Worse,
    /// The same answer both times.
    Same,
    /// Unanswered before, answered now.
    NewlyAnswered,
    /// Answered before, unanswered now.
    NoLongerAnswered,
    /// Unanswered both times.
    Unanswered,
}

impl Change {
    /// Every change, in the order summaries list them.
    pub const ALL: [Change; 6] = [
        Change::Better,
        Change::Worse,
        Change::Same,
        Change::NewlyAnswered,
        Change::NoLongerAnswered,
        Change::Unanswered,
    ];

    /// The change between two answers (`None` = unanswered).
    pub fn between(older: Option<bool>, newer: Option<bool>) -> Change {
        match (older, newer) {
            (Some(false), Some(true)) => Change::Better,
            (Some(true), Some(false)) => Change::Worse,
            (Some(_), Some(_)) => Change::Same,
            (None, Some(_)) => Change::NewlyAnswered,
            (Some(_), None) => Change::NoLongerAnswered,
            (None, None) => Change::Unanswered,
        }
    }

    /// One-glyph marker: ▲ better, ▼ worse, = same, + new, − dropped, · unanswered.
    pub fn marker(self) -> &'static str {
        match self {
            Change::Better => "▲",
            Change::Worse => "▼",
            Change::Same => "=",
            Change::NewlyAnswered => "+",
            Change::NoLongerAnswered => "−",
            Change::Unanswered => "·",
        }
    }

    /// The change in words.
    pub fn label(self) -> &'static str {
        match self {
            Change::Better => "better",
            Change::Worse => "worse",
            Change::Same => "same",
            Change::NewlyAnswered => "newly answered",
            Change::NoLongerAnswered => "no longer answered",
            Change::Unanswered => "unanswered",
        }
    }
}

/// One question in both reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerChange {
    /// The question's index in the workbook.
    pub question: usize,
    /// The answer in the older review.
    pub older: Option<bool>,
    /// The answer in the newer review.
    pub newer: Option<bool>,
    /// How it moved.
    pub change: Change,
}

/// One skill's self-rating in both reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RatingChange {
    /// The skill's index in the workbook.
    pub skill: usize,
    /// The rating in the older review.
    pub older: Option<u8>,
    /// The rating in the newer review.
    pub newer: Option<u8>,
}

impl RatingChange {
    /// Newer minus older, when both are rated.
    pub fn delta(&self) -> Option<i32> {
        Some(i32::from(self.newer?) - i32::from(self.older?))
    }
}

/// Everything that differs (or not) between two reviews, older first.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The earlier review.
    pub older: Review,
    /// The later review.
    pub newer: Review,
    /// Every question, in workbook order.
    pub answers: Vec<AnswerChange>,
    /// Skills ticked in the newer review but not the older.
    pub skills_gained: Vec<usize>,
    /// Skills ticked in the older review but not the newer.
    pub skills_lost: Vec<usize>,
    /// Skills rated in either review, in workbook order.
    pub ratings: Vec<RatingChange>,
}

impl Comparison {
    /// Compares two reviews; whichever is dated earlier is the older one.
    pub fn new(a: &Review, b: &Review) -> Comparison {
        let (older, newer) = if b.date < a.date { (b, a) } else { (a, b) };
        let answers = older
            .answers
            .iter()
            .zip(&newer.answers)
            .enumerate()
            .map(|(question, (o, n))| AnswerChange {
                question,
                older: *o,
                newer: *n,
                change: Change::between(*o, *n),
            })
            .collect();
        let pairs = || older.skills.iter().zip(&newer.skills).enumerate();
        let skills_gained = pairs()
            .filter(|(_, (o, n))| !o.practised && n.practised)
            .map(|(i, _)| i)
            .collect();
        let skills_lost = pairs()
            .filter(|(_, (o, n))| o.practised && !n.practised)
            .map(|(i, _)| i)
            .collect();
        let ratings = pairs()
            .filter(|(_, (o, n))| o.rating.is_some() || n.rating.is_some())
            .map(|(skill, (o, n))| RatingChange {
                skill,
                older: o.rating,
                newer: n.rating,
            })
            .collect();
        Comparison {
            older: older.clone(),
            newer: newer.clone(),
            answers,
            skills_gained,
            skills_lost,
            ratings,
        }
    }

    /// The two dates, older first.
    pub fn dates(&self) -> (NaiveDate, NaiveDate) {
        (self.older.date, self.newer.date)
    }

    /// Newer score minus older score.
    pub fn score_delta(&self) -> i64 {
        self.newer.score() as i64 - self.older.score() as i64
    }

    /// Either review has unanswered questions, so the score change may not be the whole story.
    pub fn involves_partial(&self) -> bool {
        self.older.is_partial() || self.newer.is_partial()
    }

    /// How many questions have each change, in the order of [`Change`]'s variants.
    pub fn count(&self, change: Change) -> usize {
        self.answers.iter().filter(|a| a.change == change).count()
    }
}

/// A signed delta written `+3`, `−2` or `±0`.
pub fn signed(delta: i64) -> String {
    match delta {
        0 => "±0".to_string(),
        d if d > 0 => format!("+{d}"),
        d => format!("−{}", d.unsigned_abs()),
    }
}

#[cfg(test)]
mod tests;
