//! Encryption at rest: the age X25519 identity wrapped with the user's passphrase
//! (`identity.age`), the public recipients every review is encrypted to (`recipients.txt`),
//! and sealing and opening a file's bytes. Both files are the reference `age` tool's own
//! formats, so `age -d identity.age > key.txt` and `age -d -i key.txt FILE.toml.age` work.

use std::fmt;
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use age::secrecy::{ExposeSecret as _, SecretString};
use age::x25519;
use zeroize::Zeroizing;

/// The passphrase-wrapped identity; its presence is what makes a data dir encrypted.
pub const IDENTITY_FILE: &str = "identity.age";

/// The public keys every review is encrypted to, one per line (`age1…`); `#` starts a comment.
pub const RECIPIENTS_FILE: &str = "recipients.txt";

/// The suffix an encrypted file carries after its plain name: `2026-11-29.toml.age`.
pub const SEALED_SUFFIX: &str = ".age";

/// The scrypt work factor (N = 2^18) that wraps the identity: 0.69 s and 256 MiB on the 2-core
/// build box, where age's own calibration (at least a second) would pick 19 — issue 14 asks
/// for about a second at most (docs/performance.md, "Encrypted data dirs").
pub const WORK_FACTOR: u8 = 18;

/// The largest work factor an identity file may ask for before unlocking refuses it (about
/// 16 times [`WORK_FACTOR`]), so a tampered file cannot make unlocking take hours.
const MAX_WORK_FACTOR: u8 = 22;

/// Why the keys could not be made, unwrapped or used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The passphrase does not open the identity file.
    #[error("wrong passphrase: it does not open {}", .0.display())]
    WrongPassphrase(PathBuf),
    /// The identity file or recipients file could not be read or written.
    #[error("cannot {verb} {}: {source}", path.display())]
    Io {
        /// What was being done.
        verb: &'static str,
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A file that is not what partnerbook wrote there.
    #[error("{}: {reason}", path.display())]
    Bad {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
}

/// The unwrapped identity and the recipients to encrypt to. Lives in memory only; the secret
/// key is zeroised when dropped (x25519-dalek's `StaticSecret`).
pub struct Keyring {
    identity: x25519::Identity,
    recipients: Vec<x25519::Recipient>,
}

impl fmt::Debug for Keyring {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keyring")
            .field("recipients", &self.recipients.len())
            .finish_non_exhaustive()
    }
}

/// Whether the data dir `dir` keeps its reviews encrypted (it holds [`IDENTITY_FILE`]).
pub fn is_encrypted(dir: &Path) -> bool {
    dir.join(IDENTITY_FILE).exists()
}

impl Keyring {
    /// Makes a new identity, writes it to `dir/identity.age` wrapped with `passphrase` at
    /// `work_factor` (tests pass a small one; the app [`WORK_FACTOR`]), and makes sure
    /// `recipients.txt` names it, keeping any key the user listed there before.
    pub fn create(
        dir: &Path,
        passphrase: &SecretString,
        work_factor: u8,
    ) -> Result<Keyring, KeyError> {
        let keys = Keyring {
            identity: x25519::Identity::generate(),
            recipients: Vec::new(),
        };
        keys.wrap(dir, passphrase, work_factor)?;
        keys.with_recipients(dir, true)
    }

    /// Unwraps `dir/identity.age` with `passphrase` and reads the recipients.
    pub fn unlock(dir: &Path, passphrase: &SecretString) -> Result<Keyring, KeyError> {
        let path = dir.join(IDENTITY_FILE);
        let wrapped = super::store::read_regular(&path).map_err(|source| KeyError::Io {
            verb: "read",
            path: path.clone(),
            source,
        })?;
        let mut unwrapper = age::scrypt::Identity::new(passphrase.clone());
        unwrapper.set_max_work_factor(MAX_WORK_FACTOR);
        let key_file = match age::decrypt(&unwrapper, &wrapped) {
            Ok(bytes) => Zeroizing::new(bytes),
            Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
                return Err(KeyError::WrongPassphrase(path));
            }
            Err(error) => {
                return Err(KeyError::Bad {
                    path,
                    reason: format!("not a passphrase-wrapped age key: {error}"),
                });
            }
        };
        let identity = parse_identity(&key_file).ok_or_else(|| KeyError::Bad {
            path: path.clone(),
            reason: "holds no AGE-SECRET-KEY line".into(),
        })?;
        Keyring {
            identity,
            recipients: Vec::new(),
        }
        .with_recipients(dir, false)
    }

    /// Writes the identity to `dir/identity.age`, wrapped with `passphrase` (atomically: the
    /// old wrapping stays until the new one is on disk).
    pub fn wrap(
        &self,
        dir: &Path,
        passphrase: &SecretString,
        work_factor: u8,
    ) -> Result<(), KeyError> {
        let path = dir.join(IDENTITY_FILE);
        let key_file = Zeroizing::new(format!(
            "# partnerbook's key: every review in this data dir is encrypted to it.\n# public key: {}\n{}\n",
            self.identity.to_public(),
            self.identity.to_string().expose_secret()
        ));
        let mut wrapper = age::scrypt::Recipient::new(passphrase.clone());
        wrapper.set_work_factor(work_factor.clamp(1, MAX_WORK_FACTOR));
        let io_error = |source| KeyError::Io {
            verb: "write",
            path: path.clone(),
            source,
        };
        let armored = age::encrypt_and_armor(&wrapper, key_file.as_bytes())
            .map_err(|e| io_error(io::Error::other(e.to_string())))?;
        super::store::write_private(&path, armored.as_bytes()).map_err(io_error)
    }

    /// Reads `dir/recipients.txt` into the keyring, this identity's own key first; with
    /// `write`, makes sure the file exists and names that key.
    fn with_recipients(mut self, dir: &Path, write: bool) -> Result<Keyring, KeyError> {
        let path = dir.join(RECIPIENTS_FILE);
        let own = self.identity.to_public();
        let text = match super::store::read_regular(&path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(KeyError::Io {
                    verb: "read",
                    path,
                    source,
                });
            }
        };
        let mut recipients = vec![own.clone()];
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let recipient = x25519::Recipient::from_str(line).map_err(|_| KeyError::Bad {
                path: path.clone(),
                reason: format!("line {}: not an age public key (age1…)", index + 1),
            })?;
            if !recipients
                .iter()
                .any(|r| r.to_string() == recipient.to_string())
            {
                recipients.push(recipient);
            }
        }
        if write && !text.contains(&own.to_string()) {
            let header = "# Every review is encrypted to each public key below; add one per line (a backup key, say).\n";
            let body = text.lines().filter(|l| !l.starts_with("# Every review"));
            let mut new = format!("{header}{own}\n");
            for line in body {
                new.push_str(line);
                new.push('\n');
            }
            super::store::write_private(&path, new.as_bytes()).map_err(|source| KeyError::Io {
                verb: "write",
                path,
                source,
            })?;
        }
        self.recipients = recipients;
        Ok(self)
    }

    /// This identity's public key (`age1…`).
    pub fn public_key(&self) -> String {
        self.identity.to_public().to_string()
    }

    /// How many public keys each file is encrypted to.
    pub fn recipient_count(&self) -> usize {
        self.recipients.len()
    }

    /// `plain` encrypted to every recipient (binary age format).
    pub fn seal(&self, plain: &[u8]) -> io::Result<Vec<u8>> {
        let recipients = self.recipients.iter().map(|r| r as &dyn age::Recipient);
        let encryptor = age::Encryptor::with_recipients(recipients)
            .map_err(|e| io::Error::other(e.to_string()))?;
        let mut sealed = Vec::with_capacity(plain.len() + 256);
        let mut writer = encryptor.wrap_output(&mut sealed)?;
        writer.write_all(plain)?;
        writer.finish()?;
        Ok(sealed)
    }

    /// The plain bytes of `sealed`, or why it does not decrypt with this identity.
    pub fn open(&self, sealed: &[u8]) -> io::Result<Vec<u8>> {
        let decryptor = age::Decryptor::new_buffered(age::armor::ArmoredReader::new(sealed))
            .map_err(open_error)?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.identity as &dyn age::Identity))
            .map_err(open_error)?;
        let mut plain = Vec::with_capacity(sealed.len());
        reader.read_to_end(&mut plain).map_err(|e| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("damaged or cut short ({e})"),
            )
        })?;
        Ok(plain)
    }
}

/// An error opening a sealed file, in words.
fn open_error(error: age::DecryptError) -> io::Error {
    let reason = match error {
        age::DecryptError::NoMatchingKeys => "not encrypted to this data dir's key".to_string(),
        age::DecryptError::InvalidHeader
        | age::DecryptError::UnknownFormat
        | age::DecryptError::Io(_) => "not an age file, or a damaged one".to_string(),
        other => other.to_string(),
    };
    io::Error::new(io::ErrorKind::InvalidData, reason)
}

/// The identity in an age key file's text (the `AGE-SECRET-KEY-1…` line).
fn parse_identity(key_file: &[u8]) -> Option<x25519::Identity> {
    let text = std::str::from_utf8(key_file).ok()?;
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with("AGE-SECRET-KEY-"))
        .and_then(|line| x25519::Identity::from_str(line).ok())
}

#[cfg(test)]
mod tests;
