//! JSON for scripts: `export --format json` (one review) and `list --json` (every row).
//! Small report structs carry the shape, so the domain types stay free of serde.

use chrono::SecondsFormat;
use serde::Serialize;

use crate::domain::content::Workbook;
use crate::domain::review::Review;
use crate::domain::verdict;
use crate::storage::store::ListedSummary;

#[derive(Serialize)]
struct ReviewJson<'a> {
    date: String,
    saved_at: Option<String>,
    score: usize,
    out_of: usize,
    /// Questions answered Yes or No; fewer than `out_of` means the review is partial.
    answered: usize,
    /// `null` before the first answer: no verdict yet.
    band: Option<BandJson<'a>>,
    questions: Vec<QuestionJson<'a>>,
    skills: Vec<SkillJson<'a>>,
    next_steps: Vec<ListJson<'a>>,
    follow_up: Option<FollowUpJson<'a>>,
}

#[derive(Serialize)]
struct BandJson<'a> {
    id: &'a str,
    name: &'a str,
    advice: &'a str,
    /// The areas to focus on, as the Markdown export's "Focus on:" line lists them.
    focus: &'a [String],
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    text: &'a str,
    answer: Option<bool>,
}

#[derive(Serialize)]
struct SkillJson<'a> {
    id: &'a str,
    name: &'a str,
    practised: bool,
    rating: Option<u8>,
}

#[derive(Serialize)]
struct ListJson<'a> {
    id: &'a str,
    title: &'a str,
    items: Vec<&'a str>,
}

#[derive(Serialize)]
struct FollowUpJson<'a> {
    from: String,
    items: Vec<FollowUpItemJson<'a>>,
}

#[derive(Serialize)]
struct FollowUpItemJson<'a> {
    text: &'a str,
    status: Option<&'static str>,
}

/// One `list --json` row: the review's figures, or why its file could not be read.
#[derive(Serialize)]
#[serde(untagged)]
enum RowJson<'a> {
    Review {
        date: String,
        score: usize,
        out_of: usize,
        answered: usize,
        /// `null` before the first answer, as is `band_name`.
        band: Option<&'a str>,
        band_name: Option<&'a str>,
        skills_practised: usize,
        skills_total: usize,
        items_written: usize,
        items_total: usize,
    },
    Unreadable {
        date: String,
        error: String,
    },
}

fn ymd(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// One review as pretty-printed JSON, ending in a newline.
pub fn review(review: &Review, workbook: &Workbook) -> serde_json::Result<String> {
    let band = verdict::band(&review.summary(), workbook);
    let doc = ReviewJson {
        date: ymd(review.date),
        saved_at: review
            .saved_at
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)),
        score: review.score(),
        out_of: review.answers.len(),
        answered: review.answered(),
        band: band.map(|band| BandJson {
            id: &band.id,
            name: &band.name,
            advice: &band.advice,
            focus: &band.focus,
        }),
        questions: workbook
            .questions
            .iter()
            .zip(&review.answers)
            .map(|(q, answer)| QuestionJson {
                id: &q.id,
                text: &q.text,
                answer: *answer,
            })
            .collect(),
        skills: workbook
            .skills
            .iter()
            .zip(&review.skills)
            .map(|(s, entry)| SkillJson {
                id: &s.id,
                name: &s.name,
                practised: entry.practised,
                rating: entry.rating,
            })
            .collect(),
        next_steps: workbook
            .next_steps
            .iter()
            .zip(&review.next_steps)
            .map(|(list, items)| ListJson {
                id: &list.id,
                title: &list.title,
                items: items
                    .iter()
                    .filter(|i| !i.trim().is_empty())
                    .map(String::as_str)
                    .collect(),
            })
            .collect(),
        follow_up: review.follow_up.as_ref().map(|f| FollowUpJson {
            from: ymd(f.from),
            items: f
                .items
                .iter()
                .map(|i| FollowUpItemJson {
                    text: &i.text,
                    status: i.status.map(|s| s.id()),
                })
                .collect(),
        }),
    };
    serde_json::to_string_pretty(&doc).map(|text| text + "\n")
}

/// The `list` rows as a pretty-printed JSON array, newest first, ending in a newline.
pub fn list(listed: &[ListedSummary], workbook: &Workbook) -> serde_json::Result<String> {
    let rows: Vec<RowJson> = listed
        .iter()
        .map(|entry| match &entry.summary {
            Ok(summary) => {
                let band = verdict::band(summary, workbook);
                RowJson::Review {
                    date: ymd(summary.date),
                    score: summary.score,
                    out_of: summary.questions,
                    answered: summary.answered,
                    band: band.map(|b| b.id.as_str()),
                    band_name: band.map(|b| b.name.as_str()),
                    skills_practised: summary.practised,
                    skills_total: summary.skills,
                    items_written: summary.items_written,
                    items_total: summary.item_slots,
                }
            }
            Err(error) => RowJson::Unreadable {
                date: ymd(entry.date),
                error: error.to_string(),
            },
        })
        .collect();
    serde_json::to_string_pretty(&rows).map(|text| text + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::{FollowUp, FollowUpItem, Progress};
    use chrono::NaiveDate;
    use serde_json::{Value, json};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn review_json_has_every_field() {
        let wb = Workbook::embedded();
        let mut r = Review::new(date(2026, 11, 22), wb);
        r.set_answer(0, Some(true));
        r.set_answer(1, Some(false));
        r.toggle_practised(2);
        r.set_rating(2, Some(3));
        r.set_item(1, "Send the plan".into());
        r.follow_up = Some(FollowUp {
            from: date(2026, 8, 1),
            items: vec![FollowUpItem {
                text: "Lunch".into(),
                status: Some(Progress::NotYet),
            }],
        });
        let doc: Value = serde_json::from_str(&review(&r, wb).expect("json")).expect("parses");
        assert_eq!(doc["date"], "2026-11-22");
        assert_eq!(doc["saved_at"], Value::Null);
        assert_eq!(
            (
                doc["score"].clone(),
                doc["out_of"].clone(),
                doc["answered"].clone()
            ),
            (json!(1), json!(10), json!(2))
        );
        assert_eq!(doc["band"]["id"], "needs_attention");
        assert_eq!(
            doc["band"]["focus"],
            json!(["work style", "trust", "skills", "ethics"])
        );
        assert_eq!(doc["questions"][0]["answer"], true);
        assert_eq!(doc["questions"][1]["answer"], false);
        assert_eq!(doc["questions"][2]["answer"], Value::Null);
        assert_eq!(
            doc["skills"][2],
            json!({"id": "adapting_work_style", "name": "Adapting your work style", "practised": true, "rating": 3})
        );
        assert_eq!(doc["next_steps"][0]["items"], json!(["Send the plan"]));
        assert_eq!(doc["next_steps"][1]["items"], json!([]));
        assert_eq!(
            doc["follow_up"],
            json!({"from": "2026-08-01", "items": [{"text": "Lunch", "status": "not_yet"}]})
        );
    }

    #[test]
    fn an_unstarted_review_has_no_band() {
        let wb = Workbook::embedded();
        let r = Review::new(date(2026, 11, 22), wb);
        let doc: Value = serde_json::from_str(&review(&r, wb).expect("json")).expect("parses");
        assert_eq!(
            (doc["answered"].clone(), doc["band"].clone()),
            (json!(0), Value::Null)
        );
    }

    #[test]
    fn an_empty_list_is_an_empty_array() {
        assert_eq!(list(&[], Workbook::embedded()).expect("json"), "[]\n");
    }
}
