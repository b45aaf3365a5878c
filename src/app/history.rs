//! The history view's state: every snapshot date, newest first, with summaries parsed only
//! for the rows near the selection, the selection itself and the rows marked for comparing.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::domain::content::Workbook;
use crate::domain::review::Summary;
use crate::storage::store::{Store, StoreError};

/// Rows parsed on each side of the selection; more than any screen or chart shows.
pub const LOAD_RADIUS: usize = 120;

/// Rows a page holds until the view has been drawn once.
const DEFAULT_PAGE: usize = 10;

/// One snapshot file in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// The date in the file name.
    pub date: NaiveDate,
    /// Its counts, or why the file cannot be read; `None` until parsed.
    pub summary: Option<Result<Summary, String>>,
    /// How many versions of this date are on disk: 1, or more when a save kept a conflict copy.
    pub versions: usize,
}

/// Why there is no pair of reviews to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPair {
    /// The history is empty.
    NoReviews,
    /// One review is marked, and it is the selected one.
    OneMarked,
    /// Nothing is marked and the oldest review is selected: there is none before it.
    Oldest,
}

/// Every review, newest first, and where the user is among them.
#[derive(Debug, Default)]
pub struct History {
    /// One row per snapshot file, newest first.
    pub rows: Vec<HistoryRow>,
    /// Index of the selected row.
    pub selected: usize,
    /// Dates marked for comparing, in the order they were marked (two at most).
    pub marked: Vec<NaiveDate>,
    /// Rows the list showed when last drawn: the size of a page.
    pub page: usize,
    /// The first row the list showed when last drawn, so scrolling stays steady.
    pub offset: usize,
}

impl History {
    /// Lists the store's snapshots, selecting `select` (or the newest row), and parses the
    /// rows around the selection.
    pub fn load(
        store: &Store,
        workbook: &Workbook,
        select: NaiveDate,
    ) -> Result<History, StoreError> {
        let versions = store.versions();
        let rows: Vec<HistoryRow> = store
            .dates()?
            .into_iter()
            .map(|date| HistoryRow {
                date,
                summary: None,
                versions: versions.get(&date).copied().unwrap_or(1),
            })
            .collect();
        let selected = rows.iter().position(|r| r.date <= select).unwrap_or(0);
        let mut history = History {
            rows,
            selected,
            marked: Vec::new(),
            page: DEFAULT_PAGE,
            offset: 0,
        };
        history.clamp();
        history.ensure_loaded(store, workbook);
        Ok(history)
    }

    /// Lists the store's snapshots again after files changed on disk, in place: the selected
    /// date stays selected (or the next older one, when it went), the marks on dates still
    /// listed and the scroll stay, and summaries are kept for dates not in `changed` (`None`:
    /// any may have changed). A folder that cannot be listed leaves the rows as they were.
    pub fn refresh(
        &mut self,
        store: &Store,
        workbook: &Workbook,
        changed: Option<&BTreeSet<NaiveDate>>,
    ) -> Result<(), StoreError> {
        let dates = store.dates()?;
        let versions = store.versions();
        let selected = self.selected_date();
        let mut known: BTreeMap<NaiveDate, Option<Result<Summary, String>>> = self
            .rows
            .drain(..)
            .filter(|row| changed.is_some_and(|dates| !dates.contains(&row.date)))
            .map(|row| (row.date, row.summary))
            .collect();
        self.rows = dates
            .into_iter()
            .map(|date| HistoryRow {
                date,
                summary: known.remove(&date).flatten(),
                versions: versions.get(&date).copied().unwrap_or(1),
            })
            .collect();
        let last = self.rows.len().saturating_sub(1);
        self.selected = selected.map_or(0, |date| {
            self.rows
                .iter()
                .position(|row| row.date <= date)
                .unwrap_or(last)
        });
        let rows = &self.rows;
        self.marked
            .retain(|date| rows.iter().any(|row| row.date == *date));
        self.ensure_loaded(store, workbook);
        Ok(())
    }

    /// Parses the rows within [`LOAD_RADIUS`] of the selection that are not parsed yet (on all
    /// cores when there are many: opening the history reads up to 121 files, each decrypted
    /// first in an encrypted data dir).
    pub fn ensure_loaded(&mut self, store: &Store, workbook: &Workbook) {
        let from = self.selected.saturating_sub(LOAD_RADIUS);
        let to = (self.selected + LOAD_RADIUS + 1).min(self.rows.len());
        let rows = &mut self.rows[from..to];
        let missing: Vec<NaiveDate> = rows
            .iter()
            .filter(|row| row.summary.is_none())
            .map(|row| row.date)
            .collect();
        if missing.is_empty() {
            return;
        }
        let mut read: Vec<Result<Summary, String>> = match store.summaries(&missing, workbook) {
            Ok(summaries) => summaries
                .into_iter()
                .map(|summary| summary.map_err(|e| e.to_string()))
                .collect(),
            Err(error) => vec![Err(error.to_string()); missing.len()],
        };
        read.reverse();
        for row in rows.iter_mut().filter(|row| row.summary.is_none()) {
            row.summary = read.pop();
        }
    }

    /// The selected row's date, if there are any rows.
    pub fn selected_date(&self) -> Option<NaiveDate> {
        self.rows.get(self.selected).map(|r| r.date)
    }

    /// Moves the selection by `by` rows, stopping at either end.
    pub fn move_by(&mut self, by: isize) {
        self.jump(super::Jump::By(by));
    }

    /// Moves the selection as `jump` says.
    pub fn jump(&mut self, jump: super::Jump) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = jump.land(self.selected, last);
    }

    /// Rows in a page (at least one).
    pub fn page_rows(&self) -> isize {
        self.page.max(1) as isize
    }

    /// Marks or unmarks the selected row; marking a third drops the first one marked.
    pub fn toggle_mark(&mut self) {
        let Some(date) = self.selected_date() else {
            return;
        };
        if let Some(at) = self.marked.iter().position(|d| *d == date) {
            self.marked.remove(at);
            return;
        }
        if self.marked.len() == 2 {
            self.marked.remove(0);
        }
        self.marked.push(date);
    }

    /// The two dates `c` compares: the two marked rows; one marked row and the selected one;
    /// or, with none marked, the selected row and the one before it in time.
    pub fn pair_to_compare(&self) -> Result<(NaiveDate, NaiveDate), NoPair> {
        let selected = self.selected_date().ok_or(NoPair::NoReviews)?;
        match self.marked.as_slice() {
            [a, b] => Ok((*a, *b)),
            [a] if *a != selected => Ok((*a, selected)),
            [_] => Err(NoPair::OneMarked),
            _ => {
                let before = self.rows.get(self.selected + 1).ok_or(NoPair::Oldest)?;
                Ok((before.date, selected))
            }
        }
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn history(n: usize) -> History {
        let day = |i: usize| {
            NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new(i as u64)
        };
        History {
            rows: (0..n)
                .rev()
                .map(|i| HistoryRow {
                    date: day(i),
                    summary: None,
                    versions: 1,
                })
                .collect(),
            ..History::default()
        }
    }

    #[test]
    fn with_nothing_marked_the_selected_row_is_compared_with_the_one_before_it() {
        let mut h = history(3);
        h.selected = 1;
        let (older, newer) = h.pair_to_compare().expect("pair");
        assert_eq!((older, newer), (h.rows[2].date, h.rows[1].date));
        h.selected = 2;
        assert!(h.pair_to_compare().is_err());
        assert!(history(0).pair_to_compare().is_err());
    }

    #[test]
    fn marking_a_third_row_drops_the_first_and_marking_again_unmarks() {
        let mut h = history(4);
        for row in 0..3 {
            h.selected = row;
            h.toggle_mark();
        }
        assert_eq!(h.marked, [h.rows[1].date, h.rows[2].date]);
        assert_eq!(h.pair_to_compare(), Ok((h.rows[1].date, h.rows[2].date)));
        h.toggle_mark();
        assert_eq!(h.marked, [h.rows[1].date]);
        h.selected = 1;
        assert!(h.pair_to_compare().is_err(), "one mark on the selected row");
        h.selected = 3;
        assert_eq!(h.pair_to_compare(), Ok((h.rows[1].date, h.rows[3].date)));
    }

    #[test]
    fn moving_stops_at_both_ends() {
        let mut h = history(5);
        h.move_by(-3);
        assert_eq!(h.selected, 0);
        h.move_by(isize::MAX);
        assert_eq!(h.selected, 4);
        let mut empty = history(0);
        empty.move_by(1);
        assert_eq!(empty.selected, 0);
    }
}
