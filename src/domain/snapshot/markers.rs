//! Git's conflict markers in a snapshot: a merge that could not combine two versions of a
//! review writes both into the file between `<<<<<<<`, `=======` and `>>>>>>>` lines (with a
//! `|||||||` base section in the diff3 style). Found, and split back into the two versions.

/// What a file with conflict markers is reported as.
pub const MERGE_MARKERS_REASON: &str = "a git merge left two versions in this file (conflict markers); resolve it in the workbook's history";

/// The line (1-based) of the first conflict marker, when the text holds a complete conflict.
pub fn merge_marker_line(text: &str) -> Option<usize> {
    split_merge_markers(text)?;
    text.lines()
        .position(|l| l.starts_with("<<<<<<<"))
        .map(|n| n + 1)
}

/// The two versions a text with conflict markers holds — ours (between `<<<<<<<` and
/// `=======`) and theirs (between `=======` and `>>>>>>>`), each with the lines outside the
/// conflicts — or `None` when it holds no complete conflict.
pub fn split_merge_markers(text: &str) -> Option<(String, String)> {
    #[derive(PartialEq)]
    enum In {
        Both,
        Ours,
        Base,
        Theirs,
    }
    let (mut ours, mut theirs) = (String::new(), String::new());
    let mut state = In::Both;
    let mut conflicts = 0;
    for line in text.split_inclusive('\n') {
        state = match (&state, line) {
            (In::Both, l) if l.starts_with("<<<<<<<") => In::Ours,
            (In::Ours, l) if l.starts_with("|||||||") => In::Base,
            (In::Ours | In::Base, l) if l.trim_end() == "=======" => In::Theirs,
            (In::Theirs, l) if l.starts_with(">>>>>>>") => {
                conflicts += 1;
                In::Both
            }
            (In::Both, l) => {
                ours.push_str(l);
                theirs.push_str(l);
                In::Both
            }
            (In::Ours, l) => {
                ours.push_str(l);
                In::Ours
            }
            (In::Base, _) => In::Base,
            (In::Theirs, l) => {
                theirs.push_str(l);
                In::Theirs
            }
        };
    }
    (state == In::Both && conflicts > 0).then_some((ours, theirs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_of_each_conflict_are_split_out_with_the_common_lines() {
        let text = "version = 1\n<<<<<<< HEAD\nscore = 1\n=======\nscore = 2\n>>>>>>> origin/main\nend = true\n";
        let (ours, theirs) = split_merge_markers(text).unwrap();
        assert_eq!(ours, "version = 1\nscore = 1\nend = true\n");
        assert_eq!(theirs, "version = 1\nscore = 2\nend = true\n");
        assert_eq!(merge_marker_line(text), Some(2));
    }

    #[test]
    fn the_diff3_base_section_belongs_to_neither_side() {
        let text = "<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n";
        assert_eq!(
            split_merge_markers(text),
            Some(("a\n".into(), "c\n".into()))
        );
    }

    #[test]
    fn text_without_a_complete_conflict_is_left_alone() {
        assert_eq!(split_merge_markers("version = 1\n"), None);
        assert_eq!(split_merge_markers("<<<<<<< HEAD\na\n=======\nb\n"), None);
        assert_eq!(merge_marker_line("x = \"=======\"\n"), None);
    }
}
