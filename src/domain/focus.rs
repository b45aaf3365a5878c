//! Focus suggestions: which questions and skills of a review need attention, each with a
//! pre-filled Next steps item — pure domain, no I/O and no terminal.

use crate::domain::content::{ITEMS_PER_LIST, Workbook};
use crate::domain::review::{MAX_RATING, Review, SkillEntry};

/// A ticked skill's lowest rating needs attention only when it is at most this.
const LOW_RATING: u8 = 3;

/// Where a suggestion comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The question at this index, answered No.
    Question(usize),
    /// The skill at this index, which needs attention.
    Skill(usize),
}

/// One suggested Next steps item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The question or skill it comes from.
    pub source: Source,
    /// The question's text or the skill's name.
    pub title: String,
    /// Why it is suggested, e.g. "You answered No" or "Rated 1/5, your lowest".
    pub reason: String,
    /// Index into the workbook's Next steps lists.
    pub list: usize,
    /// The pre-filled item text.
    pub step: String,
}

/// The suggestions for `review`: every question answered No, in question order, then the
/// skills that need attention, lowest rating first (unrated ones last, then skill order).
///
/// A skill needs attention when it is not ticked as practised well, or when it carries the
/// lowest rating given in this review and that rating is 3 or less. A suggestion whose item
/// is already written in its list (trimmed, case-insensitive) is left out.
pub fn suggestions(review: &Review, workbook: &Workbook) -> Vec<Suggestion> {
    let questions = workbook
        .questions
        .iter()
        .zip(&review.answers)
        .enumerate()
        .filter(|(_, (_, answer))| **answer == Some(false))
        .filter_map(|(index, (question, _))| {
            Some(Suggestion {
                source: Source::Question(index),
                title: question.text.clone(),
                reason: "You answered No".into(),
                list: workbook.list_index(&question.list)?,
                step: question.step.clone(),
            })
        });
    let skills = skills_needing_attention(&review.skills)
        .into_iter()
        .filter_map(|(index, reason)| {
            let skill = workbook.skills.get(index)?;
            Some(Suggestion {
                source: Source::Skill(index),
                title: skill.name.clone(),
                reason,
                list: workbook.list_index(&skill.list)?,
                step: skill.step.clone(),
            })
        });
    questions
        .chain(skills)
        .filter(|s| !already_taken(review, s))
        .collect()
}

/// The flat item index (`list * ITEMS_PER_LIST + slot`) of the first empty (whitespace-only)
/// item in Next steps list `list`, or `None` when the list is full or does not exist.
pub fn free_slot(review: &Review, list: usize) -> Option<usize> {
    if list >= review.next_steps.len() {
        return None;
    }
    (list * ITEMS_PER_LIST..(list + 1) * ITEMS_PER_LIST).find(|&i| review.item(i).trim().is_empty())
}

/// Skills that need attention as `(index, reason)`, lowest rating first, unrated last.
fn skills_needing_attention(skills: &[SkillEntry]) -> Vec<(usize, String)> {
    let lowest = skills.iter().filter_map(|s| s.rating).min();
    let is_lowest =
        |rating: Option<u8>| rating.is_some() && rating == lowest && rating <= Some(LOW_RATING);
    let mut chosen: Vec<(usize, &SkillEntry)> = skills
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.practised || is_lowest(s.rating))
        .collect();
    // Stable sort: equal ratings keep skill order.
    chosen.sort_by_key(|(_, s)| (s.rating.is_none(), s.rating));
    chosen
        .into_iter()
        .map(|(index, s)| {
            let mut reason = match (s.practised, s.rating) {
                (false, None) => "Not ticked as practised well".to_string(),
                (false, Some(r)) => format!("Not ticked, rated {r}/{MAX_RATING}"),
                (true, Some(r)) => format!("Rated {r}/{MAX_RATING}"),
                // Never chosen: a ticked skill needs a low rating to be here.
                (true, None) => String::new(),
            };
            if is_lowest(s.rating) {
                reason.push_str(", your lowest");
            }
            (index, reason)
        })
        .collect()
}

/// Whether the suggestion's item already appears in its list, as written or with more
/// words added (the usual way a pre-filled item is made one's own).
fn already_taken(review: &Review, suggestion: &Suggestion) -> bool {
    let wanted = suggestion.step.trim().to_lowercase();
    review.next_steps.get(suggestion.list).is_some_and(|items| {
        items
            .iter()
            .any(|item| item.to_lowercase().contains(&wanted))
    })
}

#[cfg(test)]
mod tests;
