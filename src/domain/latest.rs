//! Which review is the latest: one rule for the CLI (`latest`, `previous`) and the workbook
//! (the previous review, the days since it, whether one is due). A review dated after today
//! is never the latest — a review looks back — and the CLI says so when it passes one over.

use chrono::NaiveDate;

/// The dates that count, newest first: those of `dates` (newest first) up to `today`.
pub fn counted(dates: &[NaiveDate], today: NaiveDate) -> Vec<NaiveDate> {
    dates.iter().copied().filter(|d| *d <= today).collect()
}

/// The newest date that counts, if any.
pub fn latest(dates: &[NaiveDate], today: NaiveDate) -> Option<NaiveDate> {
    dates.iter().copied().find(|d| *d <= today)
}

/// The notice for reviews passed over because they are dated after `today`; `None` when
/// there are none.
pub fn ahead_notice(dates: &[NaiveDate], today: NaiveDate) -> Option<String> {
    let ahead: Vec<String> = dates
        .iter()
        .filter(|d| **d > today)
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect();
    match ahead.as_slice() {
        [] => None,
        [one] => Some(format!(
            "note: the review dated {one} is after today ({}) and is not counted as the latest",
            today.format("%Y-%m-%d")
        )),
        many => Some(format!(
            "note: {} reviews are dated after today ({}: {}) and are not counted as the latest",
            many.len(),
            today.format("%Y-%m-%d"),
            many.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn a_review_dated_after_today_is_not_the_latest_and_is_named_in_a_notice() {
        let dates = [day("2027-03-01"), day("2026-11-22"), day("2026-08-20")];
        let today = day("2026-11-22");
        assert_eq!(latest(&dates, today), Some(today));
        assert_eq!(counted(&dates, today), [today, day("2026-08-20")]);
        let notice = ahead_notice(&dates, today).expect("a notice");
        assert!(
            notice.contains("2027-03-01") && notice.contains("not counted"),
            "{notice}"
        );
        assert_eq!(ahead_notice(&dates[1..], today), None);
    }
}
