//! Unit tests of the guide: the embedded asset, parse errors, layout and search.

use super::*;

const SECTIONS: [&str; 5] = ["tips", "overload", "partnership", "skills", "roles"];
const TIPS: [&str; 6] = [
    "understand_boss",
    "dont_reform",
    "build_on_strengths",
    "focus_on_what_matters",
    "find_what_works",
    "build_relationship",
];
const WIDTHS: [usize; 4] = [10, 37, 80, 200];

fn text_line(text: &str) -> GuideLine {
    GuideLine {
        kind: LineKind::Paragraph,
        text: text.to_string(),
        anchor: None,
    }
}

fn error_of(text: &str) -> String {
    Guide::parse(text).expect_err("should be rejected")
}

fn sorted_words<'a>(texts: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = texts
        .flat_map(str::split_whitespace)
        .filter(|w| *w != "•")
        .map(str::to_string)
        .collect();
    words.sort();
    words
}

#[test]
fn embedded_guide_is_valid() {
    let guide = Guide::parse(GUIDE_MD).expect("assets/guide.md parses");
    let sections: Vec<&str> = guide.sections().iter().map(|(id, _)| *id).collect();
    assert_eq!(sections, SECTIONS);
    let level2: Vec<&str> = guide
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 2, id, .. } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(level2, TIPS);
    for id in SECTIONS.iter().chain(TIPS.iter()) {
        assert!(guide.heading(id).is_some_and(|t| !t.is_empty()), "{id}");
    }
    assert_eq!(
        guide.heading("overload"),
        Some("When there is too much to do")
    );
    assert_eq!(guide.heading("missing"), None);
    assert_eq!(Guide::embedded(), &guide);
}

#[test]
fn embedded_guide_has_content_under_every_heading() {
    let blocks = &Guide::embedded().blocks;
    for (i, block) in blocks.iter().enumerate() {
        if let Block::Heading { id, .. } = block {
            let next = blocks.get(i + 1);
            assert!(
                matches!(next, Some(Block::Paragraph(_) | Block::Bullet(_))),
                "heading `{id}` is followed by {next:?}"
            );
        }
    }
    let bullets = blocks
        .iter()
        .filter(|b| matches!(b, Block::Bullet(_)))
        .count();
    assert!(
        bullets >= 9 + 9,
        "skills and roles alone have 18 bullets, got {bullets}"
    );
}

#[test]
fn parse_builds_headings_paragraphs_and_bullets() {
    let text = "Intro line one\nline two\n\n# Top {#top}\n\n- first\n  continued\n- second\n\n## Sub {#sub_1}\nBody\n";
    let guide = Guide::parse(text).expect("valid");
    assert_eq!(
        guide.blocks,
        [
            Block::Paragraph("Intro line one line two".into()),
            Block::Heading {
                level: 1,
                id: "top".into(),
                title: "Top".into()
            },
            Block::Bullet("first continued".into()),
            Block::Bullet("second".into()),
            Block::Heading {
                level: 2,
                id: "sub_1".into(),
                title: "Sub".into()
            },
            Block::Paragraph("Body".into()),
        ]
    );
    assert_eq!(guide.sections(), [("top", "Top")]);
    assert_eq!(guide.heading("sub_1"), Some("Sub"));
}

#[test]
fn parsing_keeps_every_word_of_the_source() {
    let markup = |w: &&str| !matches!(*w, "#" | "##" | "-") && !w.starts_with("{#");
    let source = sorted_words(GUIDE_MD.lines()).into_iter();
    let source: Vec<String> = source.filter(|w| markup(&w.as_str())).collect();
    let parsed = sorted_words(Guide::embedded().blocks.iter().map(|b| match b {
        Block::Heading { title, .. } => title.as_str(),
        Block::Paragraph(text) | Block::Bullet(text) => text.as_str(),
    }));
    assert_eq!(parsed, source);
}

#[test]
fn bad_inputs_name_their_line() {
    let cases = [
        ("# Fine {#a}\n\n# No id here\n", "line 3:", "{#id}"),
        (
            "# One {#same}\ntext\n\n## Two {#same}\n",
            "line 4:",
            "duplicate",
        ),
        ("# One {#a}\n\n### Deep {#b}\n", "line 3:", "###"),
        ("para\n#NoSpace {#x}\n", "line 2:", "unsupported heading"),
        ("# Bad {#Not-Snake}\n", "line 1:", "snake_case"),
        ("#  {#empty_title}\n", "line 1:", "no title"),
        ("text\n\n  indented\n", "line 3:", "indented"),
        ("- item\nnot indented\n", "line 2:", "after a bullet"),
        ("ok\n\n* star\n", "line 3:", "`- `"),
        ("ok\n\n- \n", "line 3:", "empty bullet"),
    ];
    for (text, line, detail) in cases {
        let error = error_of(text);
        assert!(error.starts_with(line), "{text:?} gave {error:?}");
        assert!(error.contains(detail), "{text:?} gave {error:?}");
    }
}

/// The words a block should lay out to: its words, with any word longer than `max` cut
/// into `max`-char pieces, as `text::wrap` does (the guide is plain ASCII, one cell a char).
fn expected_words(text: &str, max: usize) -> Vec<String> {
    let mut words = Vec::new();
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        words.extend(
            chars
                .chunks(max)
                .map(|piece| piece.iter().collect::<String>()),
        );
    }
    words
}

#[test]
fn wrapping_keeps_every_word_at_every_width() {
    let guide = Guide::embedded();
    assert!(
        GUIDE_MD.is_ascii(),
        "expected_words counts one cell per char"
    );
    for width in WIDTHS {
        let mut expected = Vec::new();
        for block in &guide.blocks {
            expected.extend(match block {
                Block::Heading { title, .. } => expected_words(title, width),
                Block::Paragraph(text) => expected_words(text, width),
                Block::Bullet(text) => expected_words(text, width - 2),
            });
        }
        expected.sort();
        let laid_out = sorted_words(guide.lines(width).iter().map(|l| l.text.as_str()));
        assert_eq!(laid_out, expected, "width {width}");
        if width >= 37 {
            let whole = sorted_words(guide.blocks.iter().map(|b| match b {
                Block::Heading { title, .. } => title.as_str(),
                Block::Paragraph(text) | Block::Bullet(text) => text.as_str(),
            }));
            assert_eq!(laid_out, whole, "no word is split at width {width}");
        }
    }
}

#[test]
fn wrapping_keeps_words_of_each_paragraph_in_order() {
    let guide = Guide::embedded();
    let paragraphs: Vec<&str> = guide
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    for width in WIDTHS {
        let lines = guide.lines(width);
        let mut laid: Vec<String> = Vec::new();
        let mut current = String::new();
        for line in &lines {
            if line.kind == LineKind::Paragraph {
                current.push_str(&line.text);
                current.push('\n');
            } else if !current.is_empty() {
                laid.push(std::mem::take(&mut current));
            }
        }
        assert_eq!(laid.len(), paragraphs.len(), "width {width}");
        for (para, got) in paragraphs.iter().zip(&laid) {
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(strip(got), strip(para), "width {width}");
        }
    }
}

#[test]
fn no_line_exceeds_the_width_and_layout_is_well_formed() {
    let guide = Guide::embedded();
    for width in [0, 3, 10, 11, 37, 80, 200] {
        let lines = guide.lines(width);
        let limit = width.max(MIN_WIDTH);
        for line in &lines {
            assert!(text::width(&line.text) <= limit, "{width}: {line:?}");
            match line.kind {
                LineKind::Bullet => assert!(line.text.starts_with("• ")),
                LineKind::BulletContinuation => assert!(line.text.starts_with("  ")),
                LineKind::Blank => assert!(line.text.is_empty()),
                LineKind::Heading1 | LineKind::Heading2 => assert!(line.anchor.is_some()),
                LineKind::Paragraph => assert!(line.anchor.is_none()),
            }
        }
        assert_ne!(lines.first().map(|l| l.kind), Some(LineKind::Blank));
        assert_ne!(lines.last().map(|l| l.kind), Some(LineKind::Blank));
        for pair in lines.windows(2) {
            assert!(
                !(pair[0].kind == LineKind::Blank && pair[1].kind == LineKind::Blank),
                "double blank at width {width}"
            );
        }
    }
}

#[test]
fn bullets_wrap_with_aligned_continuations() {
    let guide = Guide::parse("- alpha beta gamma delta").expect("valid");
    let lines = guide.lines(12);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(texts, ["• alpha beta", "  gamma", "  delta"]);
    assert_eq!(lines[0].kind, LineKind::Bullet);
    assert_eq!(lines[1].kind, LineKind::BulletContinuation);
}

#[test]
fn layout_separates_blocks_and_anchors_headings() {
    let guide = Guide::parse("# Title {#t}\nOne.\n- Two.").expect("valid");
    let lines = guide.lines(40);
    let kinds: Vec<LineKind> = lines.iter().map(|l| l.kind).collect();
    use LineKind::*;
    assert_eq!(kinds, [Heading1, Blank, Paragraph, Blank, Bullet]);
    assert_eq!(lines[0].anchor.as_deref(), Some("t"));
}

#[test]
fn an_empty_guide_still_lays_out_one_line() {
    let guide = Guide::parse("").expect("empty is valid");
    assert_eq!(guide.lines(40).len(), 1);
}

#[test]
fn find_is_case_insensitive_and_finds_several_per_line() {
    let lines = [text_line("Boss, boss and BOSS"), text_line("nothing here")];
    let hits = find(&lines, "bOsS");
    let ranges: Vec<(usize, usize, usize)> =
        hits.iter().map(|m| (m.line, m.start, m.end)).collect();
    assert_eq!(ranges, [(0, 0, 4), (0, 6, 10), (0, 15, 19)]);
    for hit in &hits {
        assert_eq!(
            lines[hit.line].text[hit.start..hit.end].to_lowercase(),
            "boss"
        );
    }
}

#[test]
fn find_does_not_overlap_matches() {
    let hits = find(&[text_line("aaaa")], "aa");
    let starts: Vec<usize> = hits.iter().map(|m| m.start).collect();
    assert_eq!(starts, [0, 2]);
}

#[test]
fn find_handles_non_ascii_on_char_boundaries() {
    let lines = [text_line("Équipe, équipe — Straße ẞ"), text_line("ÉÉ")];
    let hits = find(&lines, "éQUIPE");
    assert_eq!(hits.len(), 2);
    for hit in &hits {
        assert_eq!(lines[0].text[hit.start..hit.end].to_lowercase(), "équipe");
    }
    let sharp = find(&lines, "ß");
    assert_eq!(sharp.len(), 2, "ß and capital ẞ");
    for hit in &sharp {
        assert!(lines[0].text.is_char_boundary(hit.start));
        assert!(lines[0].text.is_char_boundary(hit.end));
        assert!(matches!(&lines[0].text[hit.start..hit.end], "ß" | "ẞ"));
    }
    let accents = find(&lines, "é");
    assert_eq!(accents.iter().filter(|m| m.line == 1).count(), 2);
    assert_eq!(
        accents.iter().map(|m| (m.line, m.start, m.end)).next_back(),
        Some((1, 2, 4))
    );
    assert!(find(&lines, "İ").is_empty());
}

#[test]
fn blank_queries_match_nothing() {
    let lines = [text_line("a b c")];
    assert!(find(&lines, "").is_empty());
    assert!(find(&lines, "   ").is_empty());
    assert_eq!(find(&lines, " b").len(), 1);
}

#[test]
fn find_searches_the_embedded_guide() {
    let lines = Guide::embedded().lines(60);
    let hits = find(&lines, "PARTNER");
    assert!(hits.len() >= 5);
    assert!(find(&lines, "zzqx").is_empty());
}

#[test]
fn anchor_line_finds_every_heading() {
    let guide = Guide::embedded();
    for width in WIDTHS {
        let lines = guide.lines(width);
        for id in SECTIONS.iter().chain(TIPS.iter()) {
            let at = anchor_line(&lines, id).unwrap_or_else(|| panic!("{id} at {width}"));
            assert_eq!(lines[at].anchor.as_deref(), Some(*id));
            let title = guide.heading(id).expect("title");
            let first_word = title.split_whitespace().next().expect("word");
            assert!(lines[at].text.starts_with(first_word), "{id} at {width}");
            if at > 0 {
                assert_eq!(lines[at - 1].kind, LineKind::Blank);
            }
        }
        assert_eq!(anchor_line(&lines, "nope"), None);
    }
    let lines = guide.lines(80);
    let tips: Vec<usize> = TIPS
        .iter()
        .filter_map(|id| anchor_line(&lines, id))
        .collect();
    assert!(tips.windows(2).all(|w| w[0] < w[1]), "tips in order");
}
