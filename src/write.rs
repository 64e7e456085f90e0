//! Writing the outputs: every file is rendered in memory first, then written to a hidden
//! staging folder inside the output folder and moved into place only when all of them
//! are complete, so a failed run never leaves half a report or a mix of two runs.
//!
//! The only module (with `discover` and `read`) that touches the file system.

use std::io::Write;
use std::path::Path;

use crate::error::Error;
use crate::render::Output;

/// Writes `outputs` into `dir` (created if missing), all or nothing.
pub fn write_all(dir: &Path, outputs: &[Output]) -> Result<(), Error> {
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(fail(dir))?;
    let staging = tempfile::Builder::new()
        .prefix(".redovisa-")
        .tempdir_in(dir)
        .map_err(fail(dir))?;
    for (name, bytes) in outputs {
        let path = staging.path().join(name);
        let mut file = std::fs::File::create(&path).map_err(fail(&path))?;
        file.write_all(bytes).map_err(fail(&path))?;
        file.sync_all().map_err(fail(&path))?;
    }
    for (name, _) in outputs {
        let target = dir.join(name);
        std::fs::rename(staging.path().join(name), &target).map_err(fail(&target))?;
    }
    staging.close().map_err(fail(dir))?;
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
}
