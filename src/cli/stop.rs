//! Stopping the run from outside the pipeline (the memory watchdog, Ctrl-C, a `kill`)
//! without leaving anything behind: the staging folder of a run in progress is removed
//! before the process ends. A run that ends by itself removes its own (its `Staging` is
//! dropped); one killed outright (`kill -9`, a power cut) leaves it for the next run,
//! which removes staging folders no living run holds (`redovisa::write`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The staging folders of the runs in progress (one at a time in practice).
static STAGING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes the staging folders on Ctrl-C, `SIGTERM` and `SIGHUP`, then ends with exit code
/// 130 (as a shell does for an interrupted program). Once, at the start of `main`.
pub fn on_signals() {
    // Without a handler (a platform where none can be set) a signal ends the process as
    // before, and the next run tidies up.
    let _ = ctrlc::set_handler(|| {
        eprintln!("redovisa: avbruten; inget skrevs, och den förra rapporten ligger kvar");
        exit(130);
    });
}

/// Marks `path` as the staging folder of the run in progress, until [`done`].
pub fn staging(path: &Path) {
    if let Ok(mut list) = STAGING.lock() {
        list.push(path.to_path_buf());
    }
}

/// `path` is no longer a run's staging folder (moved into place or removed).
pub fn done(path: &Path) {
    if let Ok(mut list) = STAGING.lock() {
        list.retain(|p| p != path);
    }
}

/// Removes the staging folders of the runs in progress and ends the process with `code`.
pub fn exit(code: i32) -> ! {
    if let Ok(list) = STAGING.lock() {
        for path in list.iter() {
            remove(path);
        }
    }
    std::process::exit(code)
}

/// Removes `path` and everything in it. The renderers may still be writing into it on
/// their threads, and a file created while the folder is being emptied makes the removal
/// fail; once the folder itself is gone, nothing can put it back, so a few tries do it.
fn remove(path: &Path) {
    for _ in 0..50 {
        if std::fs::remove_dir_all(path).is_ok() || !path.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}
