//! The score's band as the app shows it: none before the first answer, when there is no
//! score to judge yet — and the keys that give that first answer.

use super::App;
use crate::action::Action;
use crate::domain::content::{Band, Workbook};
use crate::keymap::Context;

impl App {
    /// The band of the score on screen; none before the first answer, when there is no score
    /// to judge yet.
    pub fn score_band(&self) -> Option<&'static Band> {
        let workbook: &'static Workbook = self.workbook;
        (!self.review.summary().is_unstarted()).then(|| workbook.band_for(self.review.score()))
    }

    /// The keys that answer a question, as the user has them: "y or n".
    pub fn answer_keys(&self) -> String {
        format!(
            "{} or {}",
            self.key(Context::Assessment, Action::AnswerYes),
            self.key(Context::Assessment, Action::AnswerNo)
        )
    }
}
