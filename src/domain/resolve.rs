//! Two versions of one review made into one: each part that differs — an answer, a skill, a
//! Next steps list, the follow-up — is taken from either version, or one version is kept whole.
//! A pure function of the two reviews; the resolve view and its save build on it.

use crate::domain::review::Review;

/// One of the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The review's own file.
    Left,
    /// The second version (a conflict copy).
    Right,
}

/// A part of a review that is taken whole from one side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The answer to question `n`.
    Answer(usize),
    /// Skill `n`: its tick and its rating.
    Skill(usize),
    /// Next steps list `n`, its three items together.
    List(usize),
    /// The follow-up of the previous review's plans.
    FollowUp,
}

/// Two versions of one review and, for each part where they differ, the side taken.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The review's own file.
    pub left: Review,
    /// The second version.
    pub right: Review,
    /// The parts that differ, in the workbook's order, each with the side taken.
    picks: Vec<(Part, Side)>,
}

impl Resolution {
    /// The two versions, every differing part taken from the left to start with.
    pub fn new(left: Review, right: Review) -> Resolution {
        let answers = (0..left.answers.len().max(right.answers.len())).map(Part::Answer);
        let skills = (0..left.skills.len().max(right.skills.len())).map(Part::Skill);
        let lists = (0..left.next_steps.len()).map(Part::List);
        let picks = answers
            .chain(skills)
            .chain(lists)
            .chain(std::iter::once(Part::FollowUp))
            .filter(|part| differs(&left, &right, *part))
            .map(|part| (part, Side::Left))
            .collect();
        Resolution { left, right, picks }
    }

    /// The parts that differ, each with the side taken.
    pub fn picks(&self) -> &[(Part, Side)] {
        &self.picks
    }

    /// Takes part number `index` (of [`Resolution::picks`]) from `side`.
    pub fn take(&mut self, index: usize, side: Side) {
        if let Some(pick) = self.picks.get_mut(index) {
            pick.1 = side;
        }
    }

    /// Takes every part from `side`: that version kept whole.
    pub fn take_all(&mut self, side: Side) {
        for pick in &mut self.picks {
            pick.1 = side;
        }
    }

    /// How many parts are taken from `side`.
    pub fn taken_from(&self, side: Side) -> usize {
        self.picks.iter().filter(|(_, s)| *s == side).count()
    }

    /// The review made of the parts taken: the left version with each part taken from the
    /// right copied over. Its `saved_at` is the left's; the caller stamps the save.
    pub fn result(&self) -> Review {
        let mut out = self.left.clone();
        for (part, side) in &self.picks {
            if *side == Side::Right {
                copy_part(&self.right, &mut out, *part);
            }
        }
        out
    }
}

/// Whether the two reviews differ in `part`.
fn differs(left: &Review, right: &Review, part: Part) -> bool {
    match part {
        Part::Answer(n) => left.answers.get(n) != right.answers.get(n),
        Part::Skill(n) => left.skills.get(n) != right.skills.get(n),
        Part::List(n) => left.next_steps.get(n) != right.next_steps.get(n),
        Part::FollowUp => left.follow_up != right.follow_up,
    }
}

/// Copies `part` of `from` into `to`.
fn copy_part(from: &Review, to: &mut Review, part: Part) {
    match part {
        Part::Answer(n) => {
            if let (Some(slot), Some(value)) = (to.answers.get_mut(n), from.answers.get(n)) {
                *slot = *value;
            }
        }
        Part::Skill(n) => {
            if let (Some(slot), Some(value)) = (to.skills.get_mut(n), from.skills.get(n)) {
                *slot = *value;
            }
        }
        Part::List(n) => {
            if let (Some(slot), Some(value)) = (to.next_steps.get_mut(n), from.next_steps.get(n)) {
                slot.clone_from(value);
            }
        }
        Part::FollowUp => to.follow_up.clone_from(&from.follow_up),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::Workbook;

    fn two_versions() -> (Review, Review) {
        let workbook = Workbook::embedded();
        let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let mut left = Review::new(date, workbook);
        left.answers[0] = Some(true);
        left.answers[1] = Some(false);
        left.next_steps[0][0] = "from the laptop".into();
        let mut right = left.clone();
        right.answers[1] = Some(true);
        right.skills[2].practised = true;
        right.next_steps[0][0] = "from home".into();
        (left, right)
    }

    #[test]
    fn only_the_parts_that_differ_are_offered_and_the_left_is_taken_at_first() {
        let (left, right) = two_versions();
        let resolution = Resolution::new(left.clone(), right);
        let parts: Vec<Part> = resolution.picks().iter().map(|(p, _)| *p).collect();
        assert_eq!(parts, [Part::Answer(1), Part::Skill(2), Part::List(0)]);
        assert_eq!(resolution.result(), left);
    }

    #[test]
    fn each_part_is_taken_from_the_side_chosen() {
        let (left, right) = two_versions();
        let mut resolution = Resolution::new(left, right.clone());
        resolution.take(0, Side::Right);
        resolution.take(2, Side::Right);
        let result = resolution.result();
        assert_eq!(result.answers[1], Some(true));
        assert!(!result.skills[2].practised);
        assert_eq!(result.next_steps[0][0], "from home");
        assert_eq!(resolution.taken_from(Side::Right), 2);
        resolution.take_all(Side::Right);
        assert_eq!(resolution.result().answers, right.answers);
        assert_eq!(resolution.result().skills, right.skills);
        assert_eq!(resolution.result().next_steps, right.next_steps);
    }

    #[test]
    fn identical_versions_have_nothing_to_pick() {
        let (left, _) = two_versions();
        let resolution = Resolution::new(left.clone(), left.clone());
        assert!(resolution.picks().is_empty());
        assert_eq!(resolution.result(), left);
    }
}
