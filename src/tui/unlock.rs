//! The masked passphrase prompt an encrypted data dir shows before any review is drawn: three
//! tries, then a clear exit. Nothing is read, locked or written until it succeeds; Esc, Ctrl-C
//! or a signal leaves with the terminal restored.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use age::secrecy::SecretString;
use anyhow::bail;
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::DefaultTerminal;
use ratatui_textarea::TextArea;
use zeroize::Zeroize as _;

use crate::cli::passphrase::TRIES;
use crate::config::Theme;
use crate::storage::Store;
use crate::storage::keys::{KeyError, Keyring};
use crate::ui::unlock::UnlockPrompt;

/// What a key does in the prompt.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PromptAction {
    /// Try the passphrase typed.
    Unlock,
    /// Leave without opening anything.
    Leave,
}

/// The prompt's keys: (code, modifiers, action). Any other key is typed into the field.
const KEYS: &[(KeyCode, KeyModifiers, PromptAction)] = &[
    (KeyCode::Enter, KeyModifiers::NONE, PromptAction::Unlock),
    (KeyCode::Esc, KeyModifiers::NONE, PromptAction::Leave),
    (
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
        PromptAction::Leave,
    ),
];

/// The footer of the prompt and its section in docs/keys.md: the same keys as [`KEYS`].
const HINTS: &[(&str, &str)] = crate::keymap::UNLOCK_PROMPT;

/// Asks for the passphrase of `store`'s data dir in the full screen and returns the store
/// unlocked. The terminal is restored before returning, either way.
pub fn prompt(store: Store, theme: Theme) -> anyhow::Result<Store> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let result = ask(&mut terminal, &store, theme, &stop);
    ratatui::restore();
    Ok(store.with_keys(Arc::new(result?)))
}

fn new_field() -> TextArea<'static> {
    let mut field = TextArea::default();
    field.set_mask_char('•');
    // No undo history: the typed passphrase is kept in one place only.
    field.set_max_histories(0);
    field.set_cursor_line_style(ratatui::style::Style::default());
    field
}

fn ask(
    terminal: &mut DefaultTerminal,
    store: &Store,
    theme: Theme,
    stop: &AtomicBool,
) -> anyhow::Result<Keyring> {
    let dir = crate::domain::text::fit_paths(&store.dir().display().to_string(), 58, 2);
    let mut field = new_field();
    let mut message: Option<String> = None;
    let mut left = TRIES;
    loop {
        draw(
            terminal,
            &dir,
            &field,
            message.as_deref().map(|m| (m, true)),
            theme,
        )?;
        if stop.load(Ordering::SeqCst) {
            bail!("stopped before the reviews were unlocked: nothing was opened or written");
        }
        if !event::poll(Duration::from_millis(200))? {
            continue;
        }
        let Event::Key(key) = event::read()? else {
            continue;
        };
        match action_of(&key) {
            None if key.kind == KeyEventKind::Press => {
                field.input(key);
            }
            None => {}
            Some(PromptAction::Leave) => {
                bail!("not unlocked: nothing was opened or written")
            }
            Some(PromptAction::Unlock) => {
                let mut lines = std::mem::replace(&mut field, new_field()).into_lines();
                let passphrase = SecretString::from(lines.concat());
                lines.iter_mut().for_each(|line| line.zeroize());
                draw(terminal, &dir, &field, Some(("Unlocking…", false)), theme)?;
                match Keyring::unlock(store.dir(), &passphrase) {
                    Ok(keys) => return Ok(keys),
                    Err(KeyError::WrongPassphrase(_)) => {
                        left -= 1;
                        if left == 0 {
                            bail!("wrong passphrase {TRIES} times: nothing was opened or written");
                        }
                        let tries = if left == 1 { "try" } else { "tries" };
                        message = Some(format!(
                            "That passphrase does not open the key: {left} {tries} left."
                        ));
                    }
                    Err(error) => return Err(error.into()),
                }
            }
        }
    }
}

/// The prompt action of a key press, if it is one of [`KEYS`].
fn action_of(key: &KeyEvent) -> Option<PromptAction> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    KEYS.iter()
        .find(|(code, modifiers, _)| *code == key.code && key.modifiers == *modifiers)
        .map(|(_, _, action)| *action)
}

fn draw(
    terminal: &mut DefaultTerminal,
    dir: &str,
    field: &TextArea<'static>,
    message: Option<(&str, bool)>,
    theme: Theme,
) -> anyhow::Result<()> {
    terminal.draw(|frame| {
        frame.render_widget(
            UnlockPrompt {
                dir,
                field,
                message,
                keys: HINTS,
                theme,
            },
            frame.area(),
        );
    })?;
    Ok(())
}
