//! The workbook's wording — questions, skills, score bands and Next steps lists —
//! parsed once from the embedded `assets/workbook.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

/// The embedded asset, exactly as shipped.
pub const WORKBOOK_TOML: &str = include_str!("../../assets/workbook.toml");

/// Number of items in each Next steps list.
pub const ITEMS_PER_LIST: usize = 3;

/// All the wording of the workbook. Snapshots refer to it only by ids.
#[derive(Debug, Clone, Deserialize)]
pub struct Workbook {
    /// The self-assessment's heading.
    pub title: String,
    /// The yes/no questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// The essential partnering skills.
    pub skills: Vec<Skill>,
    /// Score bands, covering every score from 0 to the number of questions.
    pub bands: Vec<Band>,
    /// The Next steps lists, in display order.
    pub next_steps: Vec<StepList>,
}

/// One yes/no self-assessment question.
#[derive(Debug, Clone, Deserialize)]
pub struct Question {
    /// Stable id used as the key in snapshot files.
    pub id: String,
    /// The question as shown to the user.
    pub text: String,
    /// The Next steps item suggested when the answer is No (first person, short).
    pub step: String,
    /// Id of the Next steps list the suggested item belongs in.
    pub list: String,
}

/// One essential partnering skill.
#[derive(Debug, Clone, Deserialize)]
pub struct Skill {
    /// Stable id used as the key in snapshot files.
    pub id: String,
    /// Short name.
    pub name: String,
    /// One-line description.
    pub description: String,
    /// The Next steps item suggested when the skill needs attention (first person, short).
    pub step: String,
    /// Id of the Next steps list the suggested item belongs in.
    pub list: String,
}

/// A range of scores with its advice.
#[derive(Debug, Clone, Deserialize)]
pub struct Band {
    /// Stable id of the band.
    pub id: String,
    /// Lowest score in the band, inclusive.
    pub min: usize,
    /// Highest score in the band, inclusive.
    pub max: usize,
    /// Short name, e.g. "Solid partnership".
    pub name: String,
    /// What the score means and what to do about it.
    pub advice: String,
    /// The areas to focus on.
    pub focus: Vec<String>,
    /// Ids of the guide sections that fit the band.
    pub tips: Vec<String>,
}

/// One of the three Next steps lists.
#[derive(Debug, Clone, Deserialize)]
pub struct StepList {
    /// Stable id used as the key in snapshot files.
    pub id: String,
    /// Heading, e.g. "Three things I'm doing just right".
    pub title: String,
    /// A short prompt shown in empty items.
    pub hint: String,
}

impl Workbook {
    /// The embedded workbook, parsed on first use.
    pub fn embedded() -> &'static Workbook {
        static PARSED: OnceLock<Workbook> = OnceLock::new();
        PARSED.get_or_init(|| {
            // The asset is compiled in and checked by `embedded_workbook_is_valid`;
            // failing here is a build defect, not a runtime condition.
            #[allow(clippy::expect_used)]
            Workbook::parse(WORKBOOK_TOML).expect("assets/workbook.toml is valid")
        })
    }

    /// Parses and validates workbook wording.
    pub fn parse(text: &str) -> Result<Workbook, String> {
        let workbook: Workbook = toml::from_str(text).map_err(|e| e.to_string())?;
        workbook.validate()?;
        Ok(workbook)
    }

    fn validate(&self) -> Result<(), String> {
        let mut ids = std::collections::HashSet::new();
        let all_ids = self
            .questions
            .iter()
            .map(|q| &q.id)
            .chain(self.skills.iter().map(|s| &s.id))
            .chain(self.bands.iter().map(|b| &b.id))
            .chain(self.next_steps.iter().map(|l| &l.id));
        for id in all_ids {
            if !ids.insert(id.as_str()) {
                return Err(format!("duplicate id `{id}`"));
            }
        }
        for score in 0..=self.questions.len() {
            let covering = self
                .bands
                .iter()
                .filter(|b| b.min <= score && score <= b.max);
            if covering.count() != 1 {
                return Err(format!("score {score} is not covered by exactly one band"));
            }
        }
        if self.next_steps.len() != 3 {
            return Err("there must be exactly three Next steps lists".into());
        }
        let suggested = self
            .questions
            .iter()
            .map(|q| (&q.id, &q.list))
            .chain(self.skills.iter().map(|s| (&s.id, &s.list)));
        for (id, list) in suggested {
            if self.list_index(list).is_none() {
                return Err(format!("`{id}` names an unknown Next steps list `{list}`"));
            }
        }
        Ok(())
    }

    /// The band a score falls in.
    pub fn band_for(&self, score: usize) -> &Band {
        let clamped = score.min(self.questions.len());
        self.bands
            .iter()
            .find(|b| b.min <= clamped && clamped <= b.max)
            .unwrap_or(&self.bands[0])
    }

    /// Index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// Index of the skill with this id.
    pub fn skill_index(&self, id: &str) -> Option<usize> {
        self.skills.iter().position(|s| s.id == id)
    }

    /// Index of the Next steps list with this id.
    pub fn list_index(&self, id: &str) -> Option<usize> {
        self.next_steps.iter().position(|l| l.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_workbook_is_valid() {
        let wb = Workbook::parse(WORKBOOK_TOML).expect("valid");
        assert_eq!(wb.questions.len(), 10);
        assert_eq!(wb.skills.len(), 9);
        assert_eq!(wb.next_steps.len(), 3);
    }

    #[test]
    fn every_score_has_the_briefed_band() {
        let wb = Workbook::embedded();
        let expected = |s: usize| match s {
            8..=10 => "solid",
            5..=7 => "more_productive",
            _ => "needs_attention",
        };
        for score in 0..=10 {
            assert_eq!(wb.band_for(score).id, expected(score), "score {score}");
        }
    }

    #[test]
    fn bands_carry_the_briefed_tips() {
        let wb = Workbook::embedded();
        let tips = |id: &str| {
            wb.bands
                .iter()
                .find(|b| b.id == id)
                .map(|b| b.tips.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            tips("solid"),
            [
                "build_on_strengths",
                "focus_on_what_matters",
                "build_relationship"
            ]
        );
        assert_eq!(
            tips("more_productive"),
            [
                "understand_boss",
                "find_what_works",
                "focus_on_what_matters"
            ]
        );
        assert_eq!(
            tips("needs_attention"),
            [
                "understand_boss",
                "dont_reform",
                "build_relationship",
                "overload"
            ]
        );
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let doubled = WORKBOOK_TOML.replace("id = \"same_team\"", "id = \"share_information\"");
        let err = Workbook::parse(&doubled).unwrap_err();
        assert!(err.contains("duplicate id `share_information`"), "{err}");
    }

    #[test]
    fn an_unknown_step_list_is_rejected() {
        let wrong = WORKBOOK_TOML.replacen("list = \"wish_boss\"", "list = \"wish_bos\"", 1);
        assert_ne!(wrong, WORKBOOK_TOML);
        let err = Workbook::parse(&wrong).unwrap_err();
        assert!(err.contains("`wish_bos`"), "{err}");
        assert!(err.contains("`know_where_you_stand`"), "{err}");
    }

    #[test]
    fn a_gap_in_the_bands_is_rejected() {
        let gapped = WORKBOOK_TOML.replace("min = 5", "min = 6");
        let err = Workbook::parse(&gapped).unwrap_err();
        assert!(err.contains("score 5"), "{err}");
    }
}
