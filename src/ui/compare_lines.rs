//! The lines of the compare view: score and band with the delta, each question with both
//! answers and a change marker, skills gained and lost, ratings, and Next steps side by side.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{text, theme};
use crate::domain::compare::{Change, Comparison, signed};
use crate::domain::content::Workbook;

/// Width of each answer column (a date fits).
const COLUMN: usize = 15;
/// Widest the question column grows, so the answers stay near their questions.
const LABEL_MAX: usize = 64;
/// From this width on, each change is named in words beside its marker.
const WORDS_FROM: usize = 100;

/// Every line of the comparison at `width` cells.
pub fn lines(cmp: &Comparison, workbook: &Workbook, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    score_lines(cmp, workbook, width, &mut out);
    question_lines(cmp, workbook, width, &mut out);
    skill_lines(cmp, workbook, width, &mut out);
    next_steps_lines(cmp, workbook, width, &mut out);
    out
}

fn heading(title: &str, out: &mut Vec<Line<'static>>) {
    if !out.is_empty() {
        out.push(Line::from(""));
    }
    out.push(Line::styled(title.to_string(), theme::HEADING));
}

/// A row of the two-column table: `label` wrapped to the room left, then both values and a note.
fn table_row(label: &str, values: [Span<'static>; 3], width: usize) -> Vec<Line<'static>> {
    table_row_numbered("", label, values, width)
}

/// A table row whose label is led by `number` (e.g. " 9. "), with wrapped lines indented under it.
fn table_row_numbered(
    number: &str,
    label: &str,
    values: [Span<'static>; 3],
    width: usize,
) -> Vec<Line<'static>> {
    let lead = text::width(number);
    // The note column: a marker, and from WORDS_FROM on the change in words ("no longer
    // answered" is the longest), after its two-space gap like the other columns.
    let note = if width >= WORDS_FROM { 20 } else { 2 };
    let room = width
        .saturating_sub(3 * 2 + 2 * COLUMN + note)
        .clamp(12, LABEL_MAX);
    let wrapped = text::wrap(label, room.saturating_sub(lead).max(1));
    let mut lines = Vec::with_capacity(wrapped.len());
    let [older, newer, note] = values;
    let mut values = Some([older, newer, note]);
    for (n, part) in wrapped.into_iter().enumerate() {
        let lead_text = if n == 0 {
            number.to_string()
        } else {
            " ".repeat(lead)
        };
        let mut spans = vec![
            Span::styled(lead_text, theme::DIM),
            Span::raw(text::pad(&part, room.saturating_sub(lead))),
        ];
        if let Some([older, newer, note]) = values.take() {
            spans.extend([
                Span::raw("  "),
                older,
                Span::raw("  "),
                newer,
                Span::raw("  "),
                note,
            ]);
        }
        lines.push(Line::from(spans));
    }
    lines
}

fn column(text: String, style: Style) -> Span<'static> {
    Span::styled(format!("{text:>COLUMN$}"), style)
}

pub(super) fn score_lines(
    cmp: &Comparison,
    workbook: &Workbook,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    let (older, newer) = (&cmp.older, &cmp.newer);
    let header = [
        column(text::long_date(older.date), theme::HEADING),
        column(text::long_date(newer.date), theme::HEADING),
        Span::styled(if width >= WORDS_FROM { "change" } else { "" }, theme::DIM),
    ];
    out.extend(table_row("", header, width));
    let band = |score| workbook.band_for(score);
    let (ob, nb) = (band(older.score()), band(newer.score()));
    let delta = cmp.score_delta();
    out.push(Line::from(vec![
        Span::styled("Score  ", theme::HEADING),
        Span::styled(
            format!("{}/{} ", older.score(), older.answers.len()),
            theme::TEXT,
        ),
        Span::styled(ob.name.clone(), theme::band(&ob.id)),
        Span::raw(" → "),
        Span::styled(
            format!("{}/{} ", newer.score(), newer.answers.len()),
            theme::TEXT,
        ),
        Span::styled(nb.name.clone(), theme::band(&nb.id)),
        Span::styled(format!("  {}", signed(delta)), delta_style(delta)),
    ]));
    out.extend(super::compare::partial_note(cmp, width));
    let mut counts: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for change in Change::ALL.into_iter().filter(|c| *c != Change::Unanswered) {
        let n = cmp.count(change);
        let piece = format!("{} {n} {}  ", change.marker(), change.label());
        if n == 0 || used + text::width(&piece) > width {
            continue;
        }
        used += text::width(&piece);
        counts.push(Span::styled(piece, change_style(change)));
    }
    if !counts.is_empty() {
        out.push(Line::from(counts));
    }
}

fn change_style(change: Change) -> Style {
    match change {
        Change::Better => theme::BETTER,
        Change::Worse => theme::WORSE,
        _ => theme::DIM,
    }
}

pub(super) fn question_lines(
    cmp: &Comparison,
    wb: &Workbook,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    heading("Self-assessment", out);
    for answer in &cmp.answers {
        let question = &wb.questions[answer.question].text;
        let number = format!("{:>2}. ", answer.question + 1);
        let note = if width >= WORDS_FROM {
            format!("{} {}", answer.change.marker(), answer.change.label())
        } else {
            answer.change.marker().to_string()
        };
        let values = [
            column(yes_no(answer.older), answer_style(answer.older)),
            column(yes_no(answer.newer), answer_style(answer.newer)),
            Span::styled(note, change_style(answer.change)),
        ];
        out.extend(table_row_numbered(&number, question, values, width));
    }
}

pub(super) fn skill_lines(
    cmp: &Comparison,
    wb: &Workbook,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    heading("Essential skills", out);
    let (older, newer) = (cmp.older.practised(), cmp.newer.practised());
    let delta = newer as i64 - older as i64;
    let total = wb.skills.len();
    let values = [
        column(format!("{older}/{total}"), theme::TEXT),
        column(format!("{newer}/{total}"), theme::TEXT),
        Span::styled(signed(delta), delta_style(delta)),
    ];
    out.extend(table_row("Practised well", values, width));
    let names = |skills: &[usize]| -> String {
        if skills.is_empty() {
            return "none".into();
        }
        let names: Vec<&str> = skills.iter().map(|i| wb.skills[*i].name.as_str()).collect();
        names.join(", ")
    };
    for (label, skills, style) in [
        ("Gained: ", &cmp.skills_gained, theme::BETTER),
        ("Lost:   ", &cmp.skills_lost, theme::WORSE),
    ] {
        for (n, part) in text::wrap(&names(skills), width.saturating_sub(8))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { label } else { "        " };
            out.push(Line::from(vec![Span::styled(lead, style), Span::raw(part)]));
        }
    }
    if cmp.ratings.is_empty() {
        return;
    }
    out.push(Line::styled("Self-ratings", theme::DIM));
    for rating in &cmp.ratings {
        let shown = |r: Option<u8>| r.map_or("-".to_string(), |r| format!("{r}/5"));
        let (note, style) = match rating.delta() {
            Some(d) => (signed(i64::from(d)), delta_style(i64::from(d))),
            None => (String::new(), theme::DIM),
        };
        let values = [
            column(shown(rating.older), theme::RATING),
            column(shown(rating.newer), theme::RATING),
            Span::styled(note, style),
        ];
        out.extend(table_row(&wb.skills[rating.skill].name, values, width));
    }
}

pub(super) fn next_steps_lines(
    cmp: &Comparison,
    wb: &Workbook,
    width: usize,
    out: &mut Vec<Line<'static>>,
) {
    heading("Next steps", out);
    let half = width.saturating_sub(3) / 2;
    let dates = [cmp.older.date, cmp.newer.date].map(text::long_date);
    out.push(Line::from(vec![
        Span::styled(text::pad(&dates[0], half), theme::HEADING),
        Span::raw(" │ "),
        Span::styled(dates[1].clone(), theme::HEADING),
    ]));
    for (list, step_list) in wb.next_steps.iter().enumerate() {
        out.push(Line::styled(
            text::truncate(&step_list.title, width),
            theme::DIM,
        ));
        let column_of = |items: &[String]| -> Vec<String> {
            let written: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
            if written.is_empty() {
                return vec!["—".to_string()];
            }
            written
                .iter()
                .flat_map(|item| {
                    let wrapped = text::wrap(&text::for_screen(item), half.saturating_sub(2));
                    wrapped
                        .into_iter()
                        .enumerate()
                        .map(|(n, l)| format!("{}{l}", if n == 0 { "• " } else { "  " }))
                })
                .collect()
        };
        let left = column_of(&cmp.older.next_steps[list]);
        let right = column_of(&cmp.newer.next_steps[list]);
        for row in 0..left.len().max(right.len()) {
            let cell = |side: &[String]| side.get(row).cloned().unwrap_or_default();
            out.push(Line::from(vec![
                Span::raw(text::pad(&cell(&left), half)),
                Span::styled(" │ ", theme::BORDER),
                Span::raw(cell(&right)),
            ]));
        }
    }
}

fn yes_no(answer: Option<bool>) -> String {
    match answer {
        Some(true) => "Yes",
        Some(false) => "No",
        None => "-",
    }
    .to_string()
}

fn answer_style(answer: Option<bool>) -> Style {
    match answer {
        Some(true) => theme::YES,
        Some(false) => theme::NO,
        None => theme::DIM,
    }
}

fn delta_style(delta: i64) -> Style {
    match delta {
        d if d > 0 => theme::BETTER,
        d if d < 0 => theme::WORSE,
        _ => theme::DIM,
    }
}
