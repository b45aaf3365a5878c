//! Editing a Next steps item: starting and stopping the editor, typing, pasting, and copying
//! every change into the review at once.

use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::App;
use crate::domain::content::ITEMS_PER_LIST;

/// The longest item edited in place, in bytes; a longer one (a file holding a whole document
/// in one item) goes to the user's editor, so every key stays quick.
pub const EDIT_LIMIT: usize = 64 * 1024;

impl App {
    /// Opens the editor on the selected item (nothing happens on a follow-up row).
    pub(super) fn start_editing(&mut self) {
        let Some(item) = self.selected_item() else {
            return;
        };
        let text = self.review.item(item);
        if text.len() > EDIT_LIMIT {
            let size = crate::domain::text::size(text.len());
            return self.fail(format!(
                "This item is {size}, too long to edit here: edit it in your editor (Ctrl-E) or empty it (Del)."
            ));
        }
        let mut editor = TextArea::new(text.split('\n').map(str::to_string).collect());
        editor.set_wrap_mode(WrapMode::WordOrGlyph);
        editor.set_cursor_line_style(ratatui::style::Style::default());
        let list = &self.workbook.next_steps[item / ITEMS_PER_LIST];
        editor.set_placeholder_text(format!("{}…", list.hint));
        editor.move_cursor(CursorMove::Bottom);
        editor.move_cursor(CursorMove::End);
        self.editor = Some(editor);
    }

    /// Keeps the text and moves the editor to the next item, or stops after the last one.
    pub(super) fn edit_next_item(&mut self) {
        let last_row = self.next_steps_rows() - 1;
        if self.selected.next_step >= last_row {
            self.editor = None;
            return;
        }
        self.selected.next_step += 1;
        self.start_editing();
    }

    /// Applies `change` to the editor; when it reports a text change, copies the text into the review.
    pub(super) fn edit(&mut self, change: impl FnOnce(&mut TextArea<'static>) -> bool) {
        let Some(item) = self.selected_item() else {
            return;
        };
        if let Some(editor) = &mut self.editor
            && change(editor)
        {
            let text = editor.lines().join("\n");
            self.review.set_item(item, text);
        }
    }

    /// Inserts pasted text as one line where text is being typed: the save-a-copy path, the
    /// guide's search, or a Next steps item (starting an edit when an item is selected).
    /// Anywhere else — another popup, the history, the compare view — a paste does nothing.
    pub(super) fn paste(&mut self, text: &str) {
        let flat: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let flat = flat.trim_end();
        match (&mut self.popup, &self.screen) {
            (Some(super::Popup::SaveAs(field)), _) => {
                field.insert_str(flat);
            }
            (None, super::Screen::Guide { .. }) => self.paste_search(flat),
            (None, super::Screen::Workbook) => {
                if self.editor.is_none() {
                    if self.focus != super::Pane::NextSteps {
                        return;
                    }
                    self.start_editing();
                }
                self.edit(|editor| editor.insert_str(flat));
            }
            _ => {}
        }
    }
}

impl App {
    /// Asks the terminal edge to open the selected item in `$VISUAL` / `$EDITOR`.
    pub(super) fn request_external_edit(&mut self) -> Option<super::Effect> {
        match self.selected_item() {
            Some(item) => {
                self.editor = None;
                let text = self.review.item(item).to_string();
                Some(super::Effect::EditOutside { item, text })
            }
            None => {
                self.note("Select one of the nine items to edit it in your editor.".into());
                None
            }
        }
    }

    /// Puts the editor's text into `item`, or says why not (the terminal edge's error, shown
    /// as it words it); on failure the item keeps its text.
    pub fn finish_external_edit(
        &mut self,
        item: usize,
        result: Result<String, impl std::fmt::Display>,
    ) {
        match result {
            Ok(text) if text == self.review.item(item) => self.note("Item unchanged.".into()),
            Ok(text) => {
                let before = self.review.clone();
                self.review.set_item(item, text);
                self.record_change(
                    format!("the edit of {} in your editor", self.item_name(item)),
                    before,
                );
                let save = self.global_key(crate::action::Action::Save);
                self.note(format!(
                    "Item updated from your editor — {save} saves the review."
                ));
            }
            Err(error) => {
                let text = error.to_string();
                let mut chars = text.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
                let sentence = format!("{}{}", first.unwrap_or_default(), chars.as_str());
                self.fail(format!("{sentence} — the item keeps its text."));
            }
        }
    }
}

/// Moves the editor's cursor; the text does not change.
pub(super) fn cursor(editor: &mut TextArea<'static>, to: CursorMove) -> bool {
    editor.move_cursor(to);
    false
}
