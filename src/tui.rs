//! The terminal edge: checks for a terminal, sets it up, runs the event loop, and puts the
//! terminal back on every way out.

use std::io::{IsTerminal as _, stdout};

use anyhow::bail;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;

/// Runs the full-screen workbook until the user quits.
pub fn run(app: App) -> anyhow::Result<()> {
    if !stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the workbook needs an interactive terminal (try `partnerbook list` or `partnerbook show latest`)"
        );
    }
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        previous_hook(info);
    }));
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App) -> anyhow::Result<()> {
    while app.running {
        terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => app.handle_key(key),
            Event::Paste(text) => app.update(Action::Paste(text)),
            _ => {}
        }
    }
    Ok(())
}
