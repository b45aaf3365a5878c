//! Shell integration generated from the clap definitions: completion scripts
//! (`clap_complete`) and the manual page (`clap_mangen`), so they never drift from the CLI.

use std::io::{self, Write};

use clap::CommandFactory as _;

use super::Cli;

pub use clap_complete::Shell;

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> io::Result<()> {
    // Generated into memory first: clap_complete panics when its writer fails (`| head`).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "partnerbook", &mut script);
    out.write_all(&script)
}

/// Writes the roff manual page, with a section for each subcommand.
pub fn man(out: &mut dyn Write) -> io::Result<()> {
    let command = Cli::command();
    clap_mangen::Man::new(command.clone()).render(out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_name();
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(out, ".SH \"PARTNERBOOK {}\"", name.to_uppercase())?;
        writeln!(out, "{about}")?;
        writeln!(out, ".PP")?;
        let mut usage = sub.clone().bin_name(format!("partnerbook {name}"));
        writeln!(
            out,
            "{}",
            usage.render_usage().to_string().replace('-', "\\-")
        )?;
    }
    writeln!(out, ".SH KEYS")?;
    for (title, rows) in crate::keymap::help_sections() {
        writeln!(out, ".SS \"{title}\"")?;
        for (keys, help) in rows {
            writeln!(out, ".TP\n\\fB{}\\fR\n{}", keys.replace('-', "\\-"), help)?;
        }
    }
    writeln!(
        out,
        ".SH FILES\nReviews are kept as \\fI<data dir>/snapshots/YYYY\\-MM\\-DD.toml\\fR; see \\fBpartnerbook path\\fR.\n\
         .PP\nSettings (theme, data dir, key rebinds) are read from \\fI<config dir>/config.toml\\fR; \
         see \\fBpartnerbook config \\-\\-path\\fR and \\fBpartnerbook config \\-\\-default\\fR."
    )?;
    writeln!(
        out,
        ".SH ENVIRONMENT\n.TP\n\\fBPARTNERBOOK_DATA_DIR\\fR\nWhere reviews are kept (as \\fB\\-\\-data\\-dir\\fR).\n\
         .TP\n\\fBPARTNERBOOK_CONFIG\\fR\nThe config file to read instead of the default one.\n\
         .TP\n\\fBNO_COLOR\\fR\nWhen set and not empty, no colour is used; focus and selection show \
         as bold, reverse video and markers.\n\
         .TP\n\\fBVISUAL\\fR, \\fBEDITOR\\fR\nThe editor Ctrl\\-E opens a Next steps item in."
    )?;
    Ok(())
}
