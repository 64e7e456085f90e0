//! A bound on the memory one stage may take: report templates are programs analysts
//! write, and a template that keeps doubling a text (`{% set ns.s = ns.s ~ ns.s %}` in a
//! loop) asks for more memory than the machine has in a few dozen steps, where minijinja's
//! step count (fuel) cannot see it, and the allocation that fails aborts the process. The
//! watchdog sees the process grow and ends it first, with a message and exit code 2.
//!
//! The bound is `limits.max_render_mib` (4 GiB by default): the shipped templates add a
//! few MiB for a whole country (the xlsx is written in constant memory alongside); a
//! template that needs gigabytes more is one that would not stop.
//!
//! Linux only (it reads `/proc/self/status`); elsewhere the stage runs unwatched.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the memory is looked at. Copying a doubled text of 4 GiB takes about a
/// second, so the watchdog is always there before the next doubling.
const EVERY: Duration = Duration::from_millis(10);

/// Runs `work`; if the process grows by more than `limit` bytes meanwhile, prints
/// `message` and ends the process with exit code 2. Nothing is lost: outputs are only
/// moved into place after `work` (see `redovisa::write`), and the run's staging folder is
/// removed before the process ends (`cli::stop`).
pub fn bounded<T>(limit: u64, message: &str, work: impl FnOnce() -> T) -> T {
    let Some(start) = resident_bytes() else {
        return work();
    };
    let done = AtomicBool::new(false);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(EVERY);
                if resident_bytes().is_some_and(|now| now > start + limit) {
                    eprintln!("redovisa: {message}");
                    super::stop::exit(2);
                }
            }
        });
        let result = work();
        done.store(true, Ordering::Relaxed);
        result
    })
}

/// The process's resident memory now, in bytes (Linux).
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_within_the_bound_runs_to_its_end() {
        let v = bounded(4 << 30, "unused", || vec![1u8; 1 << 20].len());
        assert_eq!(v, 1 << 20);
    }
}
