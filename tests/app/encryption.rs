//! The workbook on an encrypted data dir: saves and drafts written as age files only, a file
//! that does not decrypt read-only with its reason, a plain review that arrived noted and
//! encrypted when saved, and the passphrase prompt's screens.

use chrono::DateTime;
use crossterm::event::KeyCode;
use partnerbook::app::{Access, App};
use partnerbook::config::Theme;
use partnerbook::domain::content::Workbook;
use partnerbook::domain::review::Review;
use partnerbook::storage::fixtures;
use partnerbook::storage::store::Store;
use partnerbook::ui::unlock::UnlockPrompt;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui_textarea::TextArea;

use crate::common::{ctrl, key, press, screen, today, type_text};

/// An app over an unlocked encrypted store, on the tests' fixed day and clock.
fn app_on(store: Store) -> App {
    let clock = Box::new(|| {
        DateTime::parse_from_rfc3339("2026-11-22T09:30:00+01:00").expect("valid timestamp")
    });
    let mut app = App::open(store, today(), clock).expect("app opens");
    app.check_on_start();
    app
}

fn encrypted_dir() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixtures::encrypt_quickly(&Store::new(tmp.path()), "pw").unwrap();
    (tmp, store)
}

/// Whether any file under `dir` holds `word` in its bytes.
fn anywhere(dir: &std::path::Path, word: &str) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            return anywhere(&path, word);
        }
        std::fs::read(&path)
            .unwrap()
            .windows(word.len())
            .any(|w| w == word.as_bytes())
    })
}

/// Types `text` into the first Next steps item.
fn write_item(app: &mut App, text: &str) {
    press(app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Enter]);
    type_text(app, text);
    press(app, &[KeyCode::Enter]);
}

#[test]
fn a_save_and_a_draft_are_age_files_and_the_words_are_nowhere_in_plain_text() {
    let (tmp, store) = encrypted_dir();
    let mut app = app_on(store.clone());
    write_item(&mut app, "quokkaforthright");
    let draft = app.draft_text().expect("unsaved changes");
    store.write_draft(&draft).unwrap();
    assert!(tmp.path().join("draft.toml.age").exists());
    assert!(!anywhere(tmp.path(), "quokkaforthright"));
    app.handle_key(ctrl('s'));
    let saved = tmp.path().join("snapshots/2026-11-22.toml.age");
    assert!(saved.exists(), "{:?}", app.status);
    assert!(!tmp.path().join("snapshots/2026-11-22.toml").exists());
    assert!(!anywhere(tmp.path(), "quokkaforthright"));
    let again = app_on(store);
    assert_eq!(again.review.next_steps[0][0], "quokkaforthright");
}

#[test]
fn the_encrypted_draft_is_offered_again_at_start() {
    let (_tmp, store) = encrypted_dir();
    let mut review = Review::new(today(), Workbook::embedded());
    review.next_steps[1][0] = "kept in the draft".into();
    let text = partnerbook::domain::snapshot::to_toml(&review, Workbook::embedded());
    store.write_draft(&text).unwrap();
    let mut app = app_on(store);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("unsaved changes"), "{shown}");
    press(&mut app, &[KeyCode::Char('r')]);
    assert_eq!(app.review.next_steps[1][0], "kept in the draft");
}

#[test]
fn a_file_that_does_not_decrypt_opens_read_only_with_its_reason_and_is_never_written() {
    let (tmp, store) = encrypted_dir();
    let path = tmp.path().join("snapshots/2026-11-22.toml.age");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"not age at all").unwrap();
    let mut app = app_on(store);
    let Access::Unreadable { why, .. } = app.access.clone() else {
        panic!("flagged: {:?}", app.access);
    };
    assert!(why.contains("not an age file"), "{why}");
    press(&mut app, &[KeyCode::Char('y')]);
    app.handle_key(ctrl('s'));
    assert_eq!(std::fs::read(&path).unwrap(), b"not age at all");
}

#[test]
fn a_plain_review_that_arrived_is_noted_at_start_and_encrypted_when_saved() {
    let (tmp, store) = encrypted_dir();
    let mut arrived = Review::new(today(), Workbook::embedded());
    arrived.next_steps[2][0] = "from the other laptop".into();
    let text = partnerbook::domain::snapshot::to_toml(&arrived, Workbook::embedded());
    let plain = tmp.path().join("snapshots/2026-11-22.toml");
    std::fs::create_dir_all(plain.parent().unwrap()).unwrap();
    std::fs::write(&plain, text).unwrap();
    let mut app = app_on(store);
    let status = app.status.clone().map(|s| s.text).unwrap_or_default();
    assert!(status.contains("One review here is plain text"), "{status}");
    assert_eq!(app.review.next_steps[2][0], "from the other laptop");
    app.handle_key(key(KeyCode::Char('y')));
    app.handle_key(ctrl('s'));
    assert!(!plain.exists(), "{:?}", app.status);
    assert!(tmp.path().join("snapshots/2026-11-22.toml.age").exists());
    assert!(!anywhere(tmp.path(), "from the other laptop"));
}

/// The passphrase prompt as drawn at `width`×`height`, with `typed` in the field.
fn prompt(
    width: u16,
    height: u16,
    typed: &str,
    message: Option<(&str, bool)>,
) -> Terminal<TestBackend> {
    let mut field = TextArea::default();
    field.set_mask_char('•');
    field.insert_str(typed);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            frame.render_widget(
                UnlockPrompt {
                    dir: "/home/me/.local/share/partnerbook",
                    field: &field,
                    message,
                    keys: partnerbook::keymap::UNLOCK_PROMPT,
                    theme: Theme::Dark,
                },
                frame.area(),
            );
        })
        .unwrap();
    terminal
}

#[test]
fn the_passphrase_prompt_masks_what_is_typed_at_each_size() {
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = prompt(w, h, "hunter2", None);
        let text = format!("{:?}", terminal.backend());
        assert!(
            text.contains("•••••••") && !text.contains("hunter2"),
            "{text}"
        );
        insta::assert_snapshot!(format!("unlock_prompt_{w}x{h}"), terminal.backend());
        let wrong = "That passphrase does not open the key: 2 tries left.";
        let terminal = prompt(w, h, "", Some((wrong, true)));
        insta::assert_snapshot!(format!("unlock_prompt_wrong_{w}x{h}"), terminal.backend());
    }
}
