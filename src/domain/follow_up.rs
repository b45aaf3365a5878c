//! Follow-through: the previous review's plans carried into a new one, each with how it went.

use chrono::NaiveDate;

use crate::domain::review::Review;

/// How far a plan from the previous review was carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Done.
    Done,
    /// Partly done.
    Partly,
    /// Not done yet.
    NotYet,
}

impl Progress {
    /// All statuses, in the order a key cycles through them.
    pub const ALL: [Progress; 3] = [Progress::Done, Progress::Partly, Progress::NotYet];

    /// The word used in snapshot files and JSON: `done`, `partly`, `not_yet`.
    pub fn id(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::Partly => "partly",
            Progress::NotYet => "not_yet",
        }
    }

    /// The status named by `id`, if any.
    pub fn from_id(id: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The words shown to people: "done", "partly", "not yet".
    pub fn label(self) -> &'static str {
        match self {
            Progress::Done => "done",
            Progress::Partly => "partly",
            Progress::NotYet => "not yet",
        }
    }

    /// The status after this one when cycling (none → done → partly → not yet → none).
    pub fn cycle(status: Option<Progress>) -> Option<Progress> {
        match status {
            None => Some(Progress::Done),
            Some(Progress::Done) => Some(Progress::Partly),
            Some(Progress::Partly) => Some(Progress::NotYet),
            Some(Progress::NotYet) => None,
        }
    }
}

/// One plan carried over from the previous review, with how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpItem {
    /// The plan as written in the earlier review.
    pub text: String,
    /// How it went; `None` until the user says.
    pub status: Option<Progress>,
}

/// The previous review's "things to do more of or begin", looked back on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Date of the review the plans come from.
    pub from: NaiveDate,
    /// The plans, in their original order.
    pub items: Vec<FollowUpItem>,
}

impl FollowUp {
    /// The follow-up a new review starts with: `earlier`'s list `list` (its written items),
    /// or `None` when that list is empty.
    pub fn seeded_from(earlier: &Review, list: usize) -> Option<FollowUp> {
        let items: Vec<FollowUpItem> = earlier
            .next_steps
            .get(list)?
            .iter()
            .filter(|text| !text.trim().is_empty())
            .map(|text| FollowUpItem {
                text: text.clone(),
                status: None,
            })
            .collect();
        (!items.is_empty()).then_some(FollowUp {
            from: earlier.date,
            items,
        })
    }

    /// How many plans have a status.
    pub fn reviewed(&self) -> usize {
        self.items.iter().filter(|i| i.status.is_some()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Workbook;

    fn review() -> Review {
        let date = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        Review::new(date, Workbook::embedded())
    }

    #[test]
    fn follow_up_is_seeded_from_written_items_only() {
        let mut earlier = review();
        earlier.set_item(3, "ask for priorities".into());
        earlier.set_item(5, "say what a yes delays".into());
        earlier.set_item(4, "   ".into());
        let follow_up = FollowUp::seeded_from(&earlier, 1).expect("seeded");
        let texts: Vec<&str> = follow_up.items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["ask for priorities", "say what a yes delays"]);
        assert_eq!(follow_up.from, earlier.date);
        assert!(FollowUp::seeded_from(&earlier, 0).is_none());
        assert!(FollowUp::seeded_from(&earlier, 7).is_none());
    }

    #[test]
    fn progress_cycles_through_every_status_and_back() {
        let mut status = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            status = Progress::cycle(status);
            seen.push(status);
        }
        assert_eq!(
            seen,
            [
                Some(Progress::Done),
                Some(Progress::Partly),
                Some(Progress::NotYet),
                None
            ]
        );
        for p in Progress::ALL {
            assert_eq!(Progress::from_id(p.id()), Some(p));
        }
    }
}
