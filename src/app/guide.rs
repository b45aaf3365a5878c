//! The guide's state: where it is scrolled, the search being typed or kept, and which match
//! is current; opening it (at the tips for the score's band) and moving through it.

use std::rc::Rc;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{App, Screen};
use crate::action::Action;
use crate::domain::guide::{self, Guide, GuideLine, LineKind, Match};
use crate::keymap::Context;

/// Widest the guide's text is laid out, however wide the terminal: long lines are hard to read.
pub const GUIDE_MAX_WIDTH: usize = 92;

/// The guide view's state.
#[derive(Debug, Default)]
pub struct GuideView {
    /// Lines scrolled past, at the width of the layout; when the terminal's width changes,
    /// the scroll moves to the same words at the new width.
    scroll: usize,
    /// The word searched for ("" = no search).
    pub query: String,
    /// The search being typed, while the prompt is open.
    pub search: Option<TextArea<'static>>,
    /// The current match, an index into [`GuideView::matches`].
    pub current: usize,
    /// Width the text is laid out at: the frame's (0 before the first frame: the widest).
    pub width: usize,
    /// Lines the view showed when last drawn.
    pub height: usize,
    /// The layout, by width: laying the guide out again on every key would be wasted.
    layout: Option<(usize, Rc<Vec<GuideLine>>)>,
}

impl GuideView {
    /// The text width for a view `area_width` columns wide (inside its frame and padding).
    pub fn text_width(area_width: u16) -> usize {
        usize::from(area_width.saturating_sub(4)).clamp(guide::MIN_WIDTH, GUIDE_MAX_WIDTH)
    }

    /// The width the guide is laid out at: the frame's, once one has been drawn.
    fn layout_width(&self) -> usize {
        match self.width {
            0 => GUIDE_MAX_WIDTH,
            width => width,
        }
    }

    /// Lays the guide out at `width` (the frame's), keeping the reader at the same words.
    pub fn lay_out(&mut self, width: usize) {
        self.width = width;
        self.laid_out();
    }

    /// The guide laid out at the frame's width, laying it out again when the width changed.
    fn laid_out(&mut self) -> Rc<Vec<GuideLine>> {
        let width = self.layout_width();
        let before = match &self.layout {
            Some((laid_at, lines)) if *laid_at == width => return Rc::clone(lines),
            Some((_, lines)) => Some(Rc::clone(lines)),
            None => None,
        };
        let lines = Rc::new(Guide::embedded().lines(width));
        if let Some(before) = before
            && self.scroll > 0
        {
            self.scroll = same_place(&before, self.scroll, &lines);
        }
        self.layout = Some((width, Rc::clone(&lines)));
        lines
    }

    /// The guide as laid out for the frame (laid out afresh, unkept, if it never was).
    pub fn lines(&self) -> Rc<Vec<GuideLine>> {
        match &self.layout {
            Some((laid_at, lines)) if *laid_at == self.layout_width() => Rc::clone(lines),
            _ => Rc::new(Guide::embedded().lines(self.layout_width())),
        }
    }

    /// Lines scrolled past, at the frame's width.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    fn set_scroll(&mut self, line: usize) {
        self.laid_out();
        self.scroll = line;
    }

    /// Every match of the search in `lines`.
    pub fn matches(&self, lines: &[GuideLine]) -> Vec<Match> {
        guide::find(lines, &self.query)
    }

    /// The furthest the text can scroll.
    fn max_scroll(&self, lines: usize) -> usize {
        lines.saturating_sub(self.height.max(1))
    }

    /// Scrolls by `by` lines, staying within the text.
    pub fn scroll_by(&mut self, by: isize) {
        self.scroll_to(super::Jump::By(by));
    }

    /// Scrolls as `jump` says, staying within the text.
    pub fn scroll_to(&mut self, jump: super::Jump) {
        let total = self.laid_out().len();
        let max = self.max_scroll(total);
        self.scroll = jump.land(self.scroll, max);
    }

    /// Scrolls so `line` is near the top (a line of context above it when there is room).
    fn show_line(&mut self, line: usize, total: usize) {
        self.set_scroll(line.saturating_sub(1).min(self.max_scroll(total)));
    }

    /// Scrolls to the heading of section `id`; false when there is none.
    pub fn jump_to(&mut self, id: &str) -> bool {
        let lines = self.laid_out();
        match guide::anchor_line(&lines, id) {
            Some(line) => {
                self.set_scroll(line.min(self.max_scroll(lines.len())));
                true
            }
            None => false,
        }
    }

    /// Scrolls to the next (`forward`) or previous heading.
    pub fn jump_section(&mut self, forward: bool) {
        let lines = self.laid_out();
        let headings = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l.kind, LineKind::Heading1 | LineKind::Heading2))
            .map(|(i, _)| i);
        let scroll = self.scroll;
        let target = if forward {
            headings.into_iter().find(|i| *i > scroll)
        } else {
            headings.into_iter().rev().find(|i| *i < scroll)
        };
        let target = target.unwrap_or(if forward { lines.len() } else { 0 });
        self.set_scroll(target.min(self.max_scroll(lines.len())));
    }

    /// Makes match `index` (wrapping around) current and scrolls it into view.
    fn go_to_match(&mut self, index: isize) -> Option<(usize, usize)> {
        let lines = self.laid_out();
        let matches = self.matches(&lines);
        if matches.is_empty() {
            return None;
        }
        let count = matches.len();
        self.current = index.rem_euclid(count as isize) as usize;
        let line = matches[self.current].line;
        let height = self.height.max(1);
        let scroll = self.scroll;
        if line < scroll || line >= scroll + height {
            self.show_line(line, lines.len());
        }
        Some((self.current + 1, count))
    }

    /// The first match at or below the top of the view, so a search starts where the reader is.
    fn first_match_from_view(&self) -> isize {
        let lines = self.lines();
        let matches = self.matches(&lines);
        let scroll = self.scroll;
        matches.iter().position(|m| m.line >= scroll).unwrap_or(0) as isize
    }
}

/// The line of `after` that starts where line `line` of `before` does: the same number of
/// words precede it (both are layouts of the same guide at different widths).
fn same_place(before: &[GuideLine], line: usize, after: &[GuideLine]) -> usize {
    let words = |lines: &[GuideLine]| -> usize {
        lines
            .iter()
            .map(|l| l.text.split_whitespace().count())
            .sum()
    };
    let wanted = words(&before[..line.min(before.len())]);
    let mut seen = 0;
    for (index, l) in after.iter().enumerate() {
        if seen >= wanted && !l.text.trim().is_empty() {
            return index;
        }
        seen += l.text.split_whitespace().count();
    }
    after.len().saturating_sub(1)
}

impl App {
    /// Opens the guide, at section `at` when given.
    pub(super) fn open_guide(&mut self, at: Option<&str>) {
        if !self.screen.is_guide() {
            let back = Box::new(std::mem::replace(&mut self.screen, Screen::Workbook));
            self.screen = Screen::Guide { back };
            self.guide.set_scroll(0);
        }
        self.editor = None;
        if let Some(id) = at {
            self.guide.jump_to(id);
        }
    }

    /// Opens the guide at the first tip that fits the band of the score on screen; before the
    /// first answer there is no band, so it says how to get one instead.
    pub(super) fn open_band_tips(&mut self) {
        let Some(band) = self.score_band() else {
            let text = format!(
                "No answers yet, so no band to give tips for: answer a question first ({}).",
                self.answer_keys()
            );
            return self.note(text);
        };
        let first = band.tips.first().map(String::as_str);
        self.open_guide(first);
        let names: Vec<&str> = band
            .tips
            .iter()
            .filter_map(|id| Guide::embedded().heading(id))
            .collect();
        self.note(format!("Tips for “{}”: {}", band.name, names.join(" · ")));
    }

    /// Leaves the guide for the screen it was opened from, forgetting the search.
    pub(super) fn close_guide(&mut self) {
        self.cancel_search();
        if let Screen::Guide { back } = std::mem::replace(&mut self.screen, Screen::Workbook) {
            self.screen = *back;
        }
    }

    /// Opens an empty search prompt: a new search starts afresh, and the last word's marks go.
    pub(super) fn start_search(&mut self) {
        let mut field = TextArea::default();
        field.set_cursor_line_style(ratatui::style::Style::default());
        self.guide.query.clear();
        self.guide.current = 0;
        self.guide.search = Some(field);
    }

    /// A key typed into the search: the matches follow as the word grows.
    pub(super) fn type_search(&mut self, key: KeyEvent) {
        let Some(field) = &mut self.guide.search else {
            return;
        };
        field.input(key);
        self.guide.query = field.lines().concat();
        let first = self.guide.first_match_from_view();
        self.guide.go_to_match(first);
    }

    /// Pasted text goes into the search being typed (and nowhere when none is).
    pub(super) fn paste_search(&mut self, text: &str) {
        let Some(field) = &mut self.guide.search else {
            return;
        };
        field.insert_str(text);
        self.guide.query = field.lines().concat();
        let first = self.guide.first_match_from_view();
        self.guide.go_to_match(first);
    }

    /// Closes the prompt, keeping the word, and says how many matches there are.
    pub(super) fn confirm_search(&mut self) {
        self.guide.search = None;
        if self.guide.query.trim().is_empty() {
            return;
        }
        let first = self.guide.first_match_from_view();
        match self.guide.go_to_match(first) {
            Some((n, count)) => self.note(format!(
                "“{}”: match {n} of {count} — {} next, {} previous",
                self.guide.query,
                self.key(Context::Guide, Action::NextMatch),
                self.key(Context::Guide, Action::PrevMatch)
            )),
            None => self.fail(format!("No match for “{}” in the guide", self.guide.query)),
        }
    }

    /// Closes the prompt and forgets the word.
    pub(super) fn cancel_search(&mut self) {
        self.guide.search = None;
        self.guide.query.clear();
    }

    /// Moves to the next (`step` 1) or previous (-1) match.
    pub(super) fn step_match(&mut self, step: isize) {
        if self.guide.query.trim().is_empty() {
            let search = self.key(Context::Guide, Action::StartSearch);
            return self.note(format!("Press {search} to search the guide"));
        }
        let next = self.guide.current as isize + step;
        match self.guide.go_to_match(next) {
            Some((n, count)) => self.note(format!("“{}”: match {n} of {count}", self.guide.query)),
            None => self.fail(format!("No match for “{}” in the guide", self.guide.query)),
        }
    }
}
