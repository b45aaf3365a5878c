//! The terminal edge: checks for a terminal, sets it up, runs the event loop (key presses,
//! the mouse, and files changed on disk as the folder watcher reports them), keeps the draft
//! of unsaved changes on disk, and puts the terminal back on every way out — quitting,
//! Ctrl-C, SIGINT, SIGTERM, SIGHUP (a closed terminal) and panics. A signal while `$EDITOR`
//! runs ends the editor first (see [`crate::tui::external_editor::stop_running_editor`]).

use std::io::{IsTerminal as _, stdout};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub mod external_editor;
pub mod unlock;
pub mod watch;

use anyhow::bail;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::storage::draft_writer::DraftWriter;
use external_editor::Stop;

/// How often the loop wakes without input, to notice signals.
const TICK: Duration = Duration::from_millis(200);

/// How long a signal waits for the loop to end by itself before the process leaves anyway.
const GRACE: Duration = Duration::from_millis(600);

/// How long an editor has to close after SIGTERM before it is sent SIGKILL.
const EDITOR_GRACE: Duration = Duration::from_secs(2);

/// What the loop shares with the signal watcher.
struct Shutdown {
    /// Set by SIGINT, SIGTERM or SIGHUP: the loop should end.
    stop: AtomicBool,
    /// Set when the loop has ended and cleanup has begun.
    done: AtomicBool,
    /// The latest draft text (`None` when nothing is unsaved), updated after every event.
    draft: Mutex<Option<String>>,
    /// Where the draft goes (encrypted when the store is).
    store: crate::storage::Store,
}

/// Watches SIGINT, SIGTERM and SIGHUP on a thread. The loop normally notices `stop` within a
/// tick and ends cleanly; if it does not (reading a terminal that has hung up can keep
/// crossterm busy forever), the watcher writes the latest draft, restores what it can and exits.
/// While `$EDITOR` runs, SIGINT is the editor's (a Ctrl-C typed there reaches partnerbook too)
/// and is ignored; SIGTERM and SIGHUP end the editor, then the loop.
fn watch_signals(shared: Arc<Shutdown>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && external_editor::is_running() {
                    continue;
                }
                shut_down(&shared);
                return;
            }
        })?;
    Ok(())
}

/// Ends the loop (and a running editor); if the loop does not end in time, writes the latest
/// draft, restores the terminal and exits.
fn shut_down(shared: &Shutdown) {
    shared.stop.store(true, Ordering::SeqCst);
    #[cfg(unix)]
    if external_editor::stop_running_editor(Stop::Ask) && !wait_done(shared, EDITOR_GRACE) {
        external_editor::stop_running_editor(Stop::Force);
    }
    if wait_done(shared, GRACE) {
        return;
    }
    if let Ok(draft) = shared.draft.lock()
        && let Some(text) = draft.as_ref()
    {
        let _ = shared.store.write_draft(text);
    }
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    std::process::exit(1);
}

/// Waits up to `limit` for the loop to end; true when it did.
fn wait_done(shared: &Shutdown, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if shared.done.load(Ordering::SeqCst) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    shared.done.load(Ordering::SeqCst)
}

/// Fails with one clear line unless stdin and stdout are a terminal. `main` asks before it
/// takes the lock or runs the start-up duties, so without a terminal nothing is created,
/// chmodded or deleted.
pub fn check_terminal() -> anyhow::Result<()> {
    if !stdout().is_terminal() || !std::io::stdin().is_terminal() {
        bail!(
            "the workbook needs an interactive terminal (try `partnerbook list` or `partnerbook show latest`)"
        );
    }
    Ok(())
}

/// Runs the full-screen workbook until the user quits or the process is told to stop.
pub fn run(mut app: App) -> anyhow::Result<()> {
    check_terminal()?;
    let shared = Arc::new(Shutdown {
        stop: AtomicBool::new(false),
        done: AtomicBool::new(false),
        draft: Mutex::new(None),
        store: app.store.clone(),
    });
    watch_signals(Arc::clone(&shared))?;
    let mut terminal = ratatui::try_init()?;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
        previous_hook(info);
    }));
    let _ = execute!(stdout(), EnableBracketedPaste, EnableMouseCapture);

    let mut drafts = DraftWriter::start(app.store.clone());
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &mut drafts, &shared)
    }));
    shared.done.store(true, Ordering::SeqCst);
    let may_write = app.write_block().is_none();
    drafts.finish(if may_write { app.draft_text() } else { None });

    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
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
    shared: &Shutdown,
) -> anyhow::Result<()> {
    let mut redraw = true;
    let mut status_since = (app.status.clone(), Instant::now());
    // The draft text, recomputed only after something happened (an idle tick changes nothing).
    let mut wanted = None;
    let mut quit = false;
    let mut watch = watch::Watch::start(app.store.dir());
    while !quit && !shared.stop.load(Ordering::SeqCst) {
        if redraw {
            let size = terminal.size()?;
            app.set_viewport(size.width, size.height);
            terminal.draw(|frame| frame.render_widget(&mut *app, frame.area()))?;
        }
        let now = Instant::now();
        if app.status != status_since.0 {
            status_since = (app.status.clone(), now);
        }
        if app.fade_status(now.saturating_duration_since(status_since.1)) {
            redraw = true;
            continue;
        }
        if redraw {
            wanted = app.draft_text();
            if let Ok(mut latest) = shared.draft.lock() {
                latest.clone_from(&wanted);
            }
        }
        let due = drafts.offer(&wanted, now);
        let due = [due, watch.due().map(|at| at.saturating_duration_since(now))];
        let wait = due.into_iter().flatten().fold(TICK, Duration::min);
        let input = event::poll(wait)?;
        // Files changed on disk are read again before the key that may have woken the loop
        // acts, so it acts on what is there now.
        let changed = watch.poll(Instant::now());
        let refreshed = changed.is_some();
        redraw = refreshed;
        if let Some(change) = changed {
            run_action(terminal, app, Some(Action::FilesChanged(change)))?;
        }
        if !input {
            continue;
        }
        redraw = true;
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                #[cfg(debug_assertions)]
                force_panic_for_tests(&key);
                for press in app.presses(key) {
                    let action = app.action_for(press);
                    quit |= run_action(terminal, app, action)?;
                }
            }
            Event::Mouse(mouse) => match mouse_action(mouse) {
                Some(action) => quit = run_action(terminal, app, Some(action))?,
                None => redraw = refreshed,
            },
            Event::Paste(text) => quit = run_action(terminal, app, Some(Action::Paste(text)))?,
            Event::Resize(width, height) => app.set_viewport(width, height),
            _ => redraw = refreshed,
        }
    }
    Ok(())
}

/// Carries out one action and the effect it asks for; true when the user has quit. One that
/// can take a moment says so on screen first; a request to edit an item in the user's editor
/// is carried out here, at the terminal's edge.
fn run_action(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    action: Option<Action>,
) -> anyhow::Result<bool> {
    let Some(action) = action else {
        return Ok(false);
    };
    if let Some(label) = action.working_label() {
        app.show_working(label);
        terminal.draw(|frame| frame.render_widget(&mut *app, frame.area()))?;
    }
    match app.update(action) {
        Some(Effect::Quit) => return Ok(true),
        Some(Effect::EditOutside { item, text }) => {
            let (result, screen) = edit_outside(terminal, &text, &app.store);
            // The text goes back to the app even when the screen cannot come back (a closed
            // terminal), so the draft written on the way out holds it.
            app.finish_external_edit(item, result);
            screen?;
        }
        None => {}
    }
    Ok(false)
}

/// Suspends the screen, runs `$VISUAL` / `$EDITOR` on `text`, and brings the screen back;
/// returns the editor's outcome and whether the screen came back.
fn edit_outside(
    terminal: &mut DefaultTerminal,
    text: &str,
    store: &crate::storage::Store,
) -> (
    Result<String, external_editor::EditorError>,
    anyhow::Result<()>,
) {
    let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    println!("partnerbook: waiting for your editor to close…");
    // The data dir, or a private folder in memory when the reviews are encrypted.
    let result = match store.scratch_dir() {
        Ok(dir) => external_editor::edit_item(text, &dir),
        Err(error) => Err(external_editor::EditorError::Scratch(error.to_string())),
    };
    (result, resume_screen(terminal))
}

/// Back to the full screen by hand after the editor: `Terminal::clear` would ask the terminal
/// where its cursor is, and a terminal that does not answer would end the app here.
fn resume_screen(terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
        EnableBracketedPaste,
        EnableMouseCapture
    )?;
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout()))?;
    Ok(())
}

/// The action of a mouse event: a left click or the wheel; others are ignored.
fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(event::MouseButton::Left) => Some(Action::Click(column, row)),
        MouseEventKind::ScrollUp => Some(Action::Scroll(column, row, -1)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(column, row, 1)),
        _ => None,
    }
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
