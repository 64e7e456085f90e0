//! Writing the outputs: every file is written in full to a hidden staging folder inside
//! the output folder, and moved into place only when all of them are complete, so a failed
//! run never leaves half a report or a mix of two runs.
//!
//! The only module (with `discover` and `read`) that touches the file system. Outputs are
//! streamed into their staging files one at a time, so memory holds one output at most.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::Error;

fn fail(path: &Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
    let path = path.to_path_buf();
    move |source| Error::Write { path, source }
}

/// A staging folder for one run's outputs.
pub struct Staging {
    dir: PathBuf,
    staging: tempfile::TempDir,
    names: Mutex<Vec<String>>,
}

impl Staging {
    /// Creates `dir` if missing and a hidden staging folder in it.
    pub fn new(dir: &Path) -> Result<Staging, Error> {
        std::fs::create_dir_all(dir).map_err(fail(dir))?;
        let staging = tempfile::Builder::new()
            .prefix(".redovisa-")
            .tempdir_in(dir)
            .map_err(fail(dir))?;
        Ok(Staging {
            dir: dir.to_path_buf(),
            staging,
            names: Mutex::new(Vec::new()),
        })
    }

    /// Writes the output `name` through `write`, which gets a buffered writer.
    pub fn put<F>(&self, name: &str, write: F) -> Result<(), Error>
    where
        F: FnOnce(&mut (dyn Write + Send)) -> Result<(), Error>,
    {
        let path = self.staging.path().join(name);
        let file = File::create(&path).map_err(fail(&path))?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| fail(&path)(e.into_error()))?;
        file.sync_all().map_err(fail(&path))?;
        self.names
            .lock()
            .expect("no writer panicked")
            .push(name.to_string());
        Ok(())
    }

    /// Writes the output `name` from bytes in memory.
    pub fn put_bytes(&self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.staging.path().join(name);
        self.put(name, |w| w.write_all(bytes).map_err(fail(&path)))
    }

    /// Moves every output into place and removes the staging folder; returns the names,
    /// sorted.
    pub fn commit(self) -> Result<Vec<String>, Error> {
        let mut names = self.names.into_inner().expect("no writer panicked");
        names.sort();
        for name in &names {
            let target = self.dir.join(name);
            std::fs::rename(self.staging.path().join(name), &target).map_err(fail(&target))?;
        }
        self.staging.close().map_err(fail(&self.dir))?;
        Ok(names)
    }
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
        let mut names: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.txt", "b.txt"]);
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
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 0);
    }
}
