//! The terminal edge: checks for a terminal, sets it up, runs the event loop, keeps the draft
//! of unsaved changes on disk, and puts the terminal back on every way out — quitting,
//! Ctrl-C, SIGTERM, SIGHUP (a closed terminal) and panics.

use std::io::{IsTerminal as _, stdout};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::bail;
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::App;
use crate::draft_writer::DraftWriter;

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(200);

/// Runs the full-screen workbook until the user quits or the process is told to stop.
pub fn run(mut app: App) -> anyhow::Result<()> {
    if !stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the workbook needs an interactive terminal (try `partnerbook list` or `partnerbook show latest`)"
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        previous_hook(info);
    }));
    let _ = execute!(stdout(), EnableBracketedPaste);

    let mut drafts = DraftWriter::start(app.store.draft_path());
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut drafts, &stop)
    }));
    let may_write = app.write_block().is_none();
    drafts.finish(if may_write { app.draft_text() } else { None });

    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(result) => result,
        Err(_) => bail!(
            "partnerbook stopped on an internal error; your unsaved changes are kept in {} and will be offered next time",
            app.store.draft_path().display()
        ),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    drafts: &mut DraftWriter,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let mut redraw = true;
    while app.running && !stop.load(Ordering::Relaxed) {
        if redraw {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        }
        let due = drafts.offer(app.draft_text(), Instant::now());
        let wait = due.map_or(TICK, |due| due.min(TICK));
        redraw = event::poll(wait)?;
        if !redraw {
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                #[cfg(debug_assertions)]
                force_panic_for_tests(&key);
                app.handle_key(key);
            }
            Event::Paste(text) => app.update(Action::Paste(text)),
            Event::Resize(..) => {}
            _ => redraw = false,
        }
    }
    Ok(())
}

/// Debug builds only: with `PARTNERBOOK_DEBUG_PANIC` set, F12 panics, so tests can check that
/// a panic restores the terminal and keeps the draft.
#[cfg(debug_assertions)]
fn force_panic_for_tests(key: &crossterm::event::KeyEvent) {
    if key.code == crossterm::event::KeyCode::F(12)
        && std::env::var_os("PARTNERBOOK_DEBUG_PANIC").is_some()
    {
        panic!("forced panic (PARTNERBOOK_DEBUG_PANIC and F12)");
    }
}
