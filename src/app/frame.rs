//! What a frame laid out, as the views report it: where each target was drawn (for the mouse),
//! how many rows each scrolling view showed (for PgUp/PgDn) and where the history list
//! starts. Drawing fills one of these; the app takes it in through `&mut` after the frame.

use super::{App, HitMap, Screen};

/// What one frame laid out. Each view fills the parts it drew; the rest stay `None`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrameLayout {
    /// Where each clickable target was drawn.
    pub hits: HitMap,
    /// Rows the history list showed, and the first row it showed.
    pub history: Option<(usize, usize)>,
    /// Rows the compare view showed, and the furthest it can scroll.
    pub compare: Option<(u16, u16)>,
    /// Lines of guide text in view.
    pub guide_height: Option<usize>,
    /// Differences the resolve view showed.
    pub resolve_page: Option<usize>,
}

impl App {
    /// Takes in what the last frame laid out: the hit areas, and the page sizes and list
    /// offset the keys that follow need.
    pub fn absorb(&mut self, laid: FrameLayout) {
        if let Some((page, offset)) = laid.history {
            self.history.page = page;
            self.history.offset = offset;
        }
        if let (Some((page, max_scroll)), Screen::Compare(view)) = (laid.compare, &mut self.screen)
        {
            view.page = page;
            view.max_scroll = max_scroll;
            view.scroll = view.scroll.min(max_scroll);
        }
        if let (Some(page), Screen::Resolve(view)) = (laid.resolve_page, &mut self.screen) {
            view.page = page;
        }
        if let Some(height) = laid.guide_height {
            self.guide.height = height;
        }
        self.hits = laid.hits;
    }
}
