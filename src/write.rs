//! Writing the outputs: every file is written in full to a hidden staging folder inside
//! the output folder, and moved into place only when all of them are complete, so a failed
//! run never leaves half a report or a mix of two runs.
//!
//! Outputs live side by side in the output folder (SPEC 1), so they cannot be swapped in
//! with one rename; instead the moves are made safe three ways:
//! - a lock on the output folder (an OS lock on the folder itself, released when the
//!   process ends however it ends; a `.redovisa.lock` file in it where a folder cannot be
//!   locked) is held while moving: two runs at once each move their whole set, one
//!   after the other, so the folder never holds a mix;
//! - a journal (`.redovisa-commit`) names the staging folder and its files before the
//!   first move: a run killed halfway is completed by the next run (roll forward), whose
//!   files then replace them as a set;
//! - every staging folder holds a lock of its own for as long as its run lives; a run
//!   removes the staging folders whose lock it can take, i.e. those of killed runs.
//!
//! The only module (with `discover` and `read`) that touches the file system. Outputs are
//! streamed into their staging files one at a time, so memory holds one output at most.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;
use crate::render::Sink;

/// The output folder's lock file where the folder itself cannot be locked (Windows);
/// hidden, empty, left in place (removing a lock file another process may be waiting on
/// would let two runs hold "the" lock at once).
pub const LOCK: &str = ".redovisa.lock";
/// The journal of a move in progress.
const JOURNAL: &str = ".redovisa-commit";
/// The staging folders' prefix.
const STAGING: &str = ".redovisa-";
/// The lock file inside a staging folder, held by its run.
const OWNER: &str = ".owner";

fn fail(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_path_buf();
    move |source| Error::Write { path, source }
}

/// An exclusive lock on `path` (created if missing), released when dropped or when the
/// process ends. `None` where the file system has no locks (some network shares): the
/// run goes on unlocked rather than not at all.
fn lock(path: &Path, wait: bool) -> Result<Option<File>, Error> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(fail(path))?;
    let taken = if wait {
        file.lock().map_err(std::fs::TryLockError::Error)
    } else {
        file.try_lock()
    };
    match taken {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => Ok(None),
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            Ok(None)
        }
        Err(std::fs::TryLockError::Error(e)) => Err(fail(path)(e)),
    }
}

/// An exclusive lock on the folder `dir`, waiting for it: on the folder itself where the
/// system allows (Linux, macOS), else on its [`LOCK`] file.
fn lock_folder(dir: &Path) -> Result<Option<File>, Error> {
    match File::open(dir) {
        Ok(folder) => match folder.lock() {
            Ok(()) => Ok(Some(folder)),
            Err(_) => lock(&dir.join(LOCK), true),
        },
        Err(_) => lock(&dir.join(LOCK), true),
    }
}

/// A staging folder for one run's outputs.
pub struct Staging {
    dir: PathBuf,
    staging: tempfile::TempDir,
    /// Held for the run's life; tells other runs this staging folder is in use.
    _owner: Option<File>,
    names: Mutex<Vec<String>>,
}

impl Staging {
    /// Creates `dir` if missing and a hidden staging folder in it; first completes a move
    /// a killed run left halfway and removes staging folders killed runs left behind.
    pub fn new(dir: &Path) -> Result<Staging, Error> {
        std::fs::create_dir_all(dir).map_err(fail(dir))?;
        let _folder = lock_folder(dir)?;
        recover(dir)?;
        let staging = tempfile::Builder::new()
            .prefix(STAGING)
            .tempdir_in(dir)
            .map_err(fail(dir))?;
        let owner = lock(&staging.path().join(OWNER), false)?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            staging,
            _owner: owner,
            names: Mutex::new(Vec::new()),
        })
    }

    /// The staging folder, for a caller that must remove it if the process is stopped
    /// from outside (a drop removes it otherwise).
    pub fn path(&self) -> &Path {
        self.staging.path()
    }

    /// Moves every output into place, as a set (see the module's notes), and removes the
    /// staging folder; returns the names, sorted.
    pub fn commit(self) -> Result<Vec<String>, Error> {
        let Staging {
            dir,
            staging,
            _owner: owner,
            names,
        } = self;
        let mut names = names.into_inner().expect("no writer panicked");
        names.sort();
        let _folder = lock_folder(&dir)?;
        recover(&dir)?;
        let folder = staging
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let journal = dir.join(JOURNAL);
        let pending = dir.join(format!("{JOURNAL}.tmp"));
        let mut text = folder;
        for name in &names {
            text.push('\n');
            text.push_str(name);
        }
        let mut file = File::create(&pending).map_err(fail(&pending))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(fail(&pending))?;
        std::fs::rename(&pending, &journal).map_err(fail(&journal))?;
        move_all(staging.path(), &dir, &names)?;
        std::fs::remove_file(&journal).map_err(fail(&journal))?;
        // The owner's lock goes first: a folder with an open file in it cannot be removed
        // everywhere. No other run can take the folder for dead meanwhile: we hold the
        // output folder's lock.
        drop(owner);
        staging.close().map_err(fail(&dir))?;
        Ok(names)
    }
}

impl Sink for Staging {
    fn put<F>(&self, name: &str, write: F) -> Result<(), Error>
    where
        F: FnOnce(&mut (dyn Write + Send)) -> Result<(), Error>,
    {
        let path = self.staging.path().join(name);
        let file = File::create(&path).map_err(fail(&path))?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        // A renderer knows only its output's name; the user reads where it goes.
        write(&mut out).map_err(|e| match e {
            Error::Write { source, .. } => Error::Write {
                path: self.dir.join(name),
                source,
            },
            e => e,
        })?;
        let file = out.into_inner().map_err(|e| fail(&path)(e.into_error()))?;
        file.sync_all().map_err(fail(&path))?;
        self.names
            .lock()
            .expect("no writer panicked")
            .push(name.to_string());
        Ok(())
    }
}

/// Moves `names` from `from` into `to`; a name already moved is skipped.
fn move_all(from: &Path, to: &Path, names: &[String]) -> Result<(), Error> {
    for name in names {
        let source = from.join(name);
        if !source.exists() {
            continue;
        }
        let target = to.join(name);
        std::fs::rename(&source, &target).map_err(fail(&target))?;
    }
    Ok(())
}

/// Under the output folder's lock: completes the move a killed run journaled, and
/// removes staging folders no living run holds.
fn recover(dir: &Path) -> Result<(), Error> {
    let journal = dir.join(JOURNAL);
    if let Ok(text) = std::fs::read_to_string(&journal) {
        let mut lines = text.lines();
        let folder = lines.next().unwrap_or_default();
        let names: Vec<String> = lines.map(str::to_string).collect();
        if folder.starts_with(STAGING) && !folder.contains(['/', '\\']) {
            move_all(&dir.join(folder), dir, &names)?;
        }
        std::fs::remove_file(&journal).map_err(fail(&journal))?;
    }
    let entries = std::fs::read_dir(dir).map_err(fail(dir))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if !name.starts_with(STAGING) || !path.is_dir() {
            continue;
        }
        // A staging folder is created, and its owner lock taken, under the folder lock
        // we hold: one whose lock we get belongs to a run that has ended.
        if lock(&path.join(OWNER), false)?.is_some() {
            std::fs::remove_dir_all(&path).map_err(fail(&path))?;
        }
    }
    Ok(())
}

/// Writes `outputs` into `dir` (created if missing), all or nothing.
pub fn write_all(dir: &Path, outputs: &[(String, Vec<u8>)]) -> Result<(), Error> {
    let staging = Staging::new(dir)?;
    for (name, bytes) in outputs {
        staging.put_bytes(name, bytes)?;
    }
    staging.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_file_and_leaves_no_staging_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_all(
            &out,
            &[
                ("a.txt".into(), b"a".to_vec()),
                ("b.txt".into(), b"b".to_vec()),
            ],
        )
        .unwrap();
        assert_eq!(listing(&out), ["a.txt", "b.txt"]);
        assert_eq!(std::fs::read(out.join("b.txt")).unwrap(), b"b");
    }

    #[test]
    fn a_failed_output_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        let staging = Staging::new(&out).unwrap();
        staging.put_bytes("a.txt", b"a").unwrap();
        let err = staging.put("b.txt", |_| Err(Error::Usage("mallfel".into())));
        assert!(err.is_err());
        drop(staging);
        assert!(listing(&out).is_empty());
    }

    /// The names in `dir` but our lock file, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != LOCK)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn staging_folders_of_killed_runs_are_removed_and_living_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        // A killed run: its folder and a half-written output, its owner lock released.
        std::fs::create_dir(out.join(".redovisa-dead")).unwrap();
        std::fs::write(out.join(".redovisa-dead").join("a.xlsx"), vec![0; 1000]).unwrap();
        std::fs::write(out.join(".redovisa-dead").join(OWNER), b"").unwrap();
        let living = Staging::new(out).unwrap();
        living.put_bytes("a.txt", b"a").unwrap();
        assert!(!out.join(".redovisa-dead").exists());
        let other = Staging::new(out).unwrap();
        assert!(
            living.staging.path().join("a.txt").exists(),
            "a living run's folder went"
        );
        drop(other);
        assert_eq!(living.commit().unwrap(), ["a.txt"]);
        assert_eq!(listing(out), ["a.txt"]);
    }

    #[test]
    fn a_move_killed_halfway_is_completed_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        std::fs::write(out.join("a.txt"), b"new").unwrap(); // moved before the kill
        std::fs::write(out.join("b.txt"), b"old").unwrap(); // last run's, not yet replaced
        let folder = out.join(".redovisa-killed");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("b.txt"), b"new").unwrap();
        std::fs::write(out.join(JOURNAL), ".redovisa-killed\na.txt\nb.txt").unwrap();
        write_all(out, &[("c.txt".into(), b"new".to_vec())]).unwrap();
        assert_eq!(listing(out), ["a.txt", "b.txt", "c.txt"]);
        for name in ["a.txt", "b.txt", "c.txt"] {
            assert_eq!(std::fs::read(out.join(name)).unwrap(), b"new", "{name}");
        }
    }

    #[test]
    fn two_runs_at_once_leave_one_whole_set() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().to_path_buf();
        let names = ["a", "b", "c", "d", "e"];
        for round in 0..50 {
            let writers: Vec<_> = (0..2u8)
                .map(|run| {
                    let out = out.clone();
                    std::thread::spawn(move || {
                        let tag = vec![b'0' + run; 64 * 1024];
                        let files: Vec<(String, Vec<u8>)> =
                            names.iter().map(|n| (n.to_string(), tag.clone())).collect();
                        write_all(&out, &files).unwrap();
                    })
                })
                .collect();
            for w in writers {
                w.join().unwrap();
            }
            let first = std::fs::read(out.join("a")).unwrap();
            for n in names {
                assert_eq!(
                    std::fs::read(out.join(n)).unwrap(),
                    first,
                    "round {round}: {n}"
                );
            }
            assert_eq!(listing(&out), names);
        }
    }
}
