//! Progress bars on stderr: one bar per stage with counts, drawn only when stderr is a
//! terminal and `--quiet` is not given. Results never go to stderr.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Draws the pipeline's stages as progress bars.
pub struct Bars {
    enabled: bool,
    current: Mutex<Option<ProgressBar>>,
}

impl Bars {
    /// Bars that draw when stderr is a terminal and `quiet` is false.
    pub fn new(quiet: bool) -> Self {
        Bars {
            enabled: !quiet && std::io::stderr().is_terminal(),
            current: Mutex::new(None),
        }
    }

    fn with(&self, f: impl FnOnce(&mut Option<ProgressBar>)) {
        if self.enabled
            && let Ok(mut guard) = self.current.lock()
        {
            f(&mut guard);
        }
    }
}

impl Bars {
    /// A stage begins with `total` steps (0 when unknown).
    pub fn stage(&self, name: &str, total: u64) {
        self.with(|current| {
            if let Some(old) = current.take() {
                old.finish();
            }
            let bar = if total > 0 {
                let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{msg:24} [{bar:30}] {pos}/{len} ({elapsed})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar())
                        .progress_chars("=> "),
                );
                bar
            } else {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(120));
                bar
            };
            bar.set_message(name.to_string());
            *current = Some(bar);
        });
    }

    /// One step of the current stage is done.
    pub fn advance(&self) {
        self.with(|current| {
            if let Some(bar) = current {
                bar.inc(1);
            }
        });
    }

    /// The current stage is done.
    pub fn done(&self) {
        self.with(|current| {
            if let Some(bar) = current.take() {
                bar.finish();
            }
        });
    }
}
