//! What the command line says about a score: the band, marked partial while questions are
//! still open, and no band at all before the first answer. Shared by `list`, `show`, `export`
//! and `compare`, so they word it the same way.

use crate::domain::content::{Band, Workbook};
use crate::domain::review::Summary;

/// Said instead of a band when no question is answered yet.
pub const NOT_STARTED: &str = "not started — no questions answered yet";

/// The short form of [`NOT_STARTED`], for a column as wide as a band's name.
pub const NOT_STARTED_SHORT: &str = "Not started";

/// The band the score falls in, or `None` before the first answer: a score of nothing
/// answered says nothing about the partnership.
pub fn band<'a>(summary: &Summary, workbook: &'a Workbook) -> Option<&'a Band> {
    (!summary.is_unstarted()).then(|| workbook.band_for(summary.score))
}

/// `7 of 10 answered`.
pub fn answered(summary: &Summary) -> String {
    format!("{} of {} answered", summary.answered, summary.questions)
}

/// `partial: 7 of 10 answered` for a review with open questions; `None` when all are answered.
pub fn partial_note(summary: &Summary) -> Option<String> {
    summary
        .is_partial()
        .then(|| format!("partial: {}", answered(summary)))
}

/// How a score change reads when a partial review is involved, e.g. `(the older review is
/// partial: 7 of 10 answered)`; `None` when both reviews are complete.
pub fn change_note(older: &Summary, newer: &Summary) -> Option<String> {
    let note = match (older.is_partial(), newer.is_partial()) {
        (false, false) => return None,
        (true, false) => format!("the older review is {}: {}", state(older), answered(older)),
        (false, true) => format!("the newer review is {}: {}", state(newer), answered(newer)),
        (true, true) if older.questions == newer.questions => format!(
            "both reviews are partial: {} and {} of {} answered",
            older.answered, newer.answered, newer.questions
        ),
        (true, true) => format!(
            "both reviews are partial: {} and {}",
            answered(older),
            answered(newer)
        ),
    };
    Some(format!("({note})"))
}

/// `not started` before the first answer, else `partial`.
fn state(summary: &Summary) -> &'static str {
    if summary.is_unstarted() {
        "not started"
    } else {
        "partial"
    }
}

/// The message of the commit that records `summary`'s review in a git data dir, e.g.
/// `Review of 2026-11-24: 7/10, could be more productive`.
pub fn commit_message(summary: &Summary, workbook: &Workbook) -> String {
    format!("Review of {}", review_outcome(summary, workbook))
}

/// A review's date and result as a commit words it: `2026-11-24: 7/10, could be more
/// productive`, with `(partial: …)` after it while questions are open.
pub fn review_outcome(summary: &Summary, workbook: &Workbook) -> String {
    let date = summary.date.format("%Y-%m-%d");
    let Some(band) = band(summary, workbook) else {
        return format!("{date}: {NOT_STARTED}");
    };
    let mut name = band.name.clone();
    if let Some(first) = name.get(..1) {
        name.replace_range(..1, &first.to_lowercase());
    }
    let partial = partial_note(summary).map_or_else(String::new, |note| format!(" ({note})"));
    format!(
        "{date}: {}/{}, {name}{partial}",
        summary.score, summary.questions
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Review;
    use chrono::NaiveDate;

    fn summary(answers: &[bool]) -> Summary {
        let wb = Workbook::embedded();
        let mut review = Review::new(NaiveDate::from_ymd_opt(2026, 8, 30).expect("date"), wb);
        for (i, yes) in answers.iter().enumerate() {
            review.set_answer(i, Some(*yes));
        }
        review.summary()
    }

    #[test]
    fn no_band_before_the_first_answer() {
        let wb = Workbook::embedded();
        assert!(band(&summary(&[]), wb).is_none());
        let one_no = band(&summary(&[false]), wb).map(|b| b.id.as_str());
        assert_eq!(one_no, Some("needs_attention"));
    }

    #[test]
    fn only_reviews_with_open_questions_get_a_note() {
        assert_eq!(
            partial_note(&summary(&[true; 9])).as_deref(),
            Some("partial: 9 of 10 answered")
        );
        assert_eq!(partial_note(&summary(&[true; 10])), None);
        assert_eq!(
            partial_note(&summary(&[])).as_deref(),
            Some("partial: 0 of 10 answered")
        );
    }

    #[test]
    fn a_change_note_names_the_partial_side() {
        let (full, seven) = (summary(&[true; 10]), summary(&[true; 7]));
        assert_eq!(change_note(&full, &full), None);
        assert_eq!(
            change_note(&seven, &full).as_deref(),
            Some("(the older review is partial: 7 of 10 answered)")
        );
        assert_eq!(
            change_note(&full, &seven).as_deref(),
            Some("(the newer review is partial: 7 of 10 answered)")
        );
        assert_eq!(
            change_note(&seven, &summary(&[false; 9])).as_deref(),
            Some("(both reviews are partial: 7 and 9 of 10 answered)")
        );
        assert_eq!(
            change_note(&summary(&[]), &full).as_deref(),
            Some("(the older review is not started: 0 of 10 answered)")
        );
    }

    #[test]
    fn a_commit_message_names_the_date_the_score_and_the_band() {
        use crate::domain::review::Review;
        let workbook = Workbook::embedded();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut review = Review::new(date, workbook);
        assert_eq!(
            commit_message(&review.summary(), workbook),
            "Review of 2026-11-24: not started — no questions answered yet"
        );
        for (i, answer) in review.answers.iter_mut().enumerate() {
            *answer = Some(i < 7);
        }
        assert_eq!(
            commit_message(&review.summary(), workbook),
            "Review of 2026-11-24: 7/10, could be more productive"
        );
        review.answers[9] = None;
        assert_eq!(
            commit_message(&review.summary(), workbook),
            "Review of 2026-11-24: 7/10, could be more productive (partial: 9 of 10 answered)"
        );
    }
}
