//! The names a second version of a review goes by: partnerbook's own conflict copies
//! (`DATE.conflict-YYYYMMDD-HHMMSS.toml`), and those of the sync tools people keep their data
//! dir in — Syncthing (`DATE.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.toml`), Dropbox
//! (`DATE (Alice's conflicted copy 2026-11-24).toml`) and Nextcloud / ownCloud
//! (`DATE (conflicted copy 2026-11-24 101500).toml`). Each may be encrypted: `.age` after the
//! name, the tools putting their mark before that last extension.

use chrono::NaiveDate;

use crate::storage::keys::SEALED_SUFFIX;

use super::CONFLICT_MARK;

/// Which tool made a second version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictKind {
    /// partnerbook, when a save found the file changed on disk.
    Partnerbook,
    /// Syncthing's `.sync-conflict-…`.
    Syncthing,
    /// Dropbox's `(… conflicted copy …)`.
    Dropbox,
    /// Nextcloud's or ownCloud's `(conflicted copy …)`.
    Nextcloud,
}

/// The date a second version is of, and who made it, when `name` is one (see the module).
pub fn conflict_copy_of(name: &str) -> Option<(NaiveDate, ConflictKind)> {
    let date = NaiveDate::parse_from_str(name.get(..10)?, "%Y-%m-%d").ok()?;
    if date.format("%Y-%m-%d").to_string() != name[..10] {
        return None;
    }
    // The mark sits before `.toml`; in an encrypted file the sync tools put it between
    // `.toml` and `.age`, while partnerbook's own copies keep it before `.toml.age`.
    let rest = &name[10..];
    let mark = match rest.strip_suffix(SEALED_SUFFIX) {
        Some(sealed) => sealed
            .strip_suffix(".toml")
            .or_else(|| sealed.strip_prefix(".toml"))?,
        None => rest.strip_suffix(".toml")?,
    };
    let kind = if let Some(stamp) = mark.strip_prefix(CONFLICT_MARK) {
        own_stamp(stamp).then_some(ConflictKind::Partnerbook)?
    } else if let Some(stamp) = mark.strip_prefix(".sync-conflict-") {
        syncthing_stamp(stamp).then_some(ConflictKind::Syncthing)?
    } else if let Some(inner) = mark.strip_prefix(" (").and_then(|m| m.strip_suffix(')')) {
        if inner.starts_with("conflicted copy ") {
            ConflictKind::Nextcloud
        } else if inner.contains("conflicted copy") {
            ConflictKind::Dropbox
        } else {
            return None;
        }
    } else {
        return None;
    };
    Some((date, kind))
}

/// The date a second version is of, when `name` is one of any tool's.
pub fn conflict_copy_date(name: &str) -> Option<NaiveDate> {
    conflict_copy_of(name).map(|(date, _)| date)
}

/// Whether `name` is a second version's (any tool's).
pub fn is_conflict_copy_name(name: &str) -> bool {
    conflict_copy_of(name).is_some()
}

/// The date of one of partnerbook's own conflict copies: `YYYY-MM-DD.conflict-YYYYMMDD-HHMMSS.toml`,
/// `-N` after the time when several were saved within one second, `.age` after it when
/// encrypted.
pub fn own_conflict_copy_date(name: &str) -> Option<NaiveDate> {
    match conflict_copy_of(name) {
        Some((date, ConflictKind::Partnerbook)) => Some(date),
        _ => None,
    }
}

/// `YYYYMMDD-HHMMSS`, then `-N` for the second and later within one second.
fn own_stamp(stamp: &str) -> bool {
    let (time, count) = match stamp.get(15..) {
        Some("") | None => (stamp, None),
        Some(more) => match (stamp.get(..15), more.strip_prefix('-')) {
            (Some(time), Some(n)) => (time, Some(n)),
            _ => return false,
        },
    };
    let counted = count.is_none_or(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    counted && time.len() == 15 && is_timestamp(time)
}

/// `YYYYMMDD-HHMMSS-DEVICE`, the device id Syncthing's short one (letters and digits).
fn syncthing_stamp(stamp: &str) -> bool {
    let (Some(time), Some(device)) = (stamp.get(..15), stamp.get(15..)) else {
        return false;
    };
    let device = device.strip_prefix('-').unwrap_or_default();
    is_timestamp(time) && !device.is_empty() && device.bytes().all(|b| b.is_ascii_alphanumeric())
}

fn is_timestamp(time: &str) -> bool {
    chrono::NaiveDateTime::parse_from_str(time, "%Y%m%d-%H%M%S").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tools_conflict_names_are_known_plain_and_encrypted() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        for (name, kind) in [
            (
                "2026-11-24.conflict-20261124-093000.toml",
                ConflictKind::Partnerbook,
            ),
            (
                "2026-11-24.conflict-20261124-093000-2.toml.age",
                ConflictKind::Partnerbook,
            ),
            (
                "2026-11-24.sync-conflict-20261124-101500-ABCDEF7.toml",
                ConflictKind::Syncthing,
            ),
            (
                "2026-11-24.toml.sync-conflict-20261124-101500-ABCDEF7.age",
                ConflictKind::Syncthing,
            ),
            (
                "2026-11-24 (Alice's conflicted copy 2026-11-24).toml",
                ConflictKind::Dropbox,
            ),
            (
                "2026-11-24 (Alice's conflicted copy 2026-11-24 (1)).toml",
                ConflictKind::Dropbox,
            ),
            (
                "2026-11-24.toml (Bob's conflicted copy 2026-11-25).age",
                ConflictKind::Dropbox,
            ),
            (
                "2026-11-24 (conflicted copy 2026-11-24 101500).toml",
                ConflictKind::Nextcloud,
            ),
            (
                "2026-11-24.toml (conflicted copy 2026-11-24 101500).age",
                ConflictKind::Nextcloud,
            ),
        ] {
            assert_eq!(conflict_copy_of(name), Some((day, kind)), "{name}");
        }
    }

    #[test]
    fn near_misses_are_not_conflict_copies() {
        for name in [
            "2026-11-24.toml",
            "2026-11-24.toml.age",
            "2026-11-24.conflict-2026.toml",
            "2026-11-24.conflict-20261124-093000-.toml",
            "2026-11-24.sync-conflict-20261124-101500.toml",
            "2026-11-24 (copy).toml",
            "2026-11-24 (conflicted copy 2026-11-24 101500).txt",
            "2026-13-24.sync-conflict-20261124-101500-ABCDEF7.toml",
            "notes.sync-conflict-20261124-101500-ABCDEF7.toml",
        ] {
            assert_eq!(conflict_copy_of(name), None, "{name}");
        }
    }
}
