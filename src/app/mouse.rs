//! The mouse: what the last frame drew where, and what a click or the wheel does there.
//! The keyboard stays complete on its own; the mouse is a shortcut to the same actions.

use ratatui::layout::{Position, Rect};

use super::{App, Pane, Popup, Screen};

/// Something on screen a click can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A pane, anywhere outside its rows (or folded to one line).
    Pane(Pane),
    /// A row of a pane: a question, a skill, or a Next steps row (plans first, then items).
    Row(Pane, usize),
    /// A review in the history list.
    HistoryRow(usize),
    /// A suggestion in the focus popup.
    Suggestion(usize),
    /// The guide's text.
    Guide,
    /// A heading in the guide's contents, by its place among the headings.
    GuideHeading(usize),
    /// The compare view's text.
    Compare,
    /// The text of the help overlay.
    Help,
}

/// Where each target was drawn in a frame; later entries lie on top.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HitMap(Vec<(Rect, Target)>);

impl HitMap {
    /// Notes that `target` was drawn in `area`.
    pub fn add(&mut self, area: Rect, target: Target) {
        self.0.push((area, target));
    }

    /// Where `target` was drawn (the topmost place, if several).
    pub fn area_of(&self, target: Target) -> Option<Rect> {
        self.0
            .iter()
            .rev()
            .find(|(_, t)| *t == target)
            .map(|(area, _)| *area)
    }

    /// The topmost target at a cell.
    pub fn at(&self, column: u16, row: u16) -> Option<Target> {
        let position = Position::new(column, row);
        self.0
            .iter()
            .rev()
            .find(|(area, _)| area.contains(position))
            .map(|(_, target)| *target)
    }
}

impl App {
    /// A click: focus and select what is under the pointer. A click on the Next steps item
    /// already selected starts editing it; a click outside an open popup does nothing.
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let target = self.hits.at(column, row);
        match (&self.popup, target) {
            (Some(Popup::Focus { .. }), Some(Target::Suggestion(index))) => {
                self.popup = Some(Popup::Focus { selected: index });
            }
            (Some(_), _) | (None, None) => {}
            (None, Some(target)) => self.click_target(target),
        }
    }

    fn click_target(&mut self, target: Target) {
        match target {
            Target::Pane(pane) => self.focus_pane(pane),
            Target::Row(pane, index) => {
                let again = self.focus == pane && self.selected.row(pane) == index;
                if self.selected.row(pane) != index || self.focus != pane {
                    self.editor = None;
                }
                self.focus_pane(pane);
                let row = index.min(self.pane_len(pane).saturating_sub(1));
                self.selected.set_row(pane, row);
                if again && pane == Pane::NextSteps && self.write_block().is_none() {
                    self.start_editing();
                }
            }
            Target::HistoryRow(index) => {
                let by = index as isize - self.history.selected as isize;
                self.history.move_by(by);
                self.history.ensure_loaded(&self.store, self.workbook);
            }
            Target::GuideHeading(index) => {
                if let Some((_, id, _)) = crate::domain::guide::Guide::embedded()
                    .headings()
                    .nth(index)
                {
                    self.guide.jump_to(id);
                }
            }
            Target::Suggestion(_) | Target::Guide | Target::Compare | Target::Help => {}
        }
    }

    /// The wheel: scrolls the list, pane, guide or popup under the pointer by `rows`.
    pub(super) fn wheel(&mut self, column: u16, row: u16, rows: i8) {
        let by = isize::from(rows);
        match &self.popup {
            Some(Popup::Help { .. } | Popup::Focus { .. }) => {
                return self.move_selection(super::Jump::By(by));
            }
            Some(_) => return,
            None => {}
        }
        match (&self.screen, self.hits.at(column, row)) {
            (Screen::Guide { .. }, _) => self.guide.scroll_by(by * 3),
            (Screen::Workbook, Some(Target::Pane(pane) | Target::Row(pane, _))) => {
                if self.focus != pane {
                    self.editor = None;
                    self.focus_pane(pane);
                }
                if self.editor.is_none() {
                    self.move_selection(super::Jump::By(by));
                }
            }
            (Screen::Workbook, _) => {}
            _ => self.move_selection(super::Jump::By(by * 3)),
        }
    }
}
