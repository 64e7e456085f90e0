//! The program's [`Host`]: what the operations tell along the way, on a terminal —
//! progress bars on stderr, the findings on stdout as soon as they are known, the
//! stages' times for `--timings`; and the guards only a process can set: the memory
//! bound on the templates, the staging folder removed when the run is stopped.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::Mutex;

use redovisa::diagnostic::{Diagnostic, Severity};
use redovisa::model::FileSummary;
use redovisa::ops::{Findings, Host, Job, Progress, Stage};

use super::args::{Common, FormatArg};
use super::progress::Bars;
use super::timings::Clock;
use super::{out, stop, style, watchdog};

/// The terminal a run reports to.
pub struct Front<'a> {
    common: &'a Common,
    input: String,
    bars: Bars,
    clock: Mutex<Clock>,
    /// The memory the templates may take, in bytes.
    growth: u64,
    /// What is said when they take more.
    stopped: String,
    /// Whether warnings fail the run (`JUnit` marks them as failures then).
    deny_warnings: bool,
}

impl<'a> Front<'a> {
    /// The front of a run of `job`, timed when `timings`.
    pub fn new(common: &'a Common, job: &Job, timings: bool) -> Self {
        let mut input = job.input.display().to_string();
        if !input.ends_with('/') {
            input.push('/');
        }
        let limit = job.config.limits.max_render_mib;
        Front {
            common,
            input,
            bars: Bars::new(common.quiet),
            clock: Mutex::new(Clock::new(timings)),
            growth: limit << 20,
            stopped: format!(
                "mallarna avbröts: minnet växte med mer än {} MiB medan de renderades \
                 (limits.max_render_mib; bygger en mall en allt längre text, till exempel i en loop?). \
                 Inget skrevs; den förra rapporten ligger kvar.",
                redovisa::text::group(limit as f64)
            ),
            deny_warnings: false,
        }
    }

    /// The same front, for a run where warnings fail (`--deny-warnings`).
    pub fn denying_warnings(mut self, deny: bool) -> Self {
        self.deny_warnings = deny;
        self
    }

    /// Prints the times, when asked for (`--timings`).
    pub fn timings(&self) {
        if let Ok(clock) = self.clock.lock() {
            clock.report();
        }
    }
}

impl Progress for Front<'_> {
    fn stage(&self, name: &str, total: u64) {
        self.bars.stage(name, total);
    }

    fn advance(&self) {
        self.bars.advance();
    }

    fn done(&self) {
        self.bars.done();
    }
}

impl Host for Front<'_> {
    fn findings(&self, files: &[FileSummary], diagnostics: &[Diagnostic]) {
        let quiet = self.common.quiet;
        let shown: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| !quiet || d.severity == Severity::Error)
            .cloned()
            .collect();
        let findings = Findings {
            files,
            diagnostics: &shown,
            input_prefix: &self.input,
            color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            deny_warnings: self.deny_warnings,
        };
        let text = redovisa::ops::findings(style(self.common.format()), &findings);
        if !(quiet && self.common.format() == FormatArg::Human && shown.is_empty()) {
            out(&text);
        }
    }

    fn lap(&self, stage: Stage, rows: usize) {
        let Ok(mut clock) = self.clock.lock() else {
            return;
        };
        match stage {
            Stage::Checked(threads) => {
                clock.lap("läsa och validera", rows);
                clock.threads(threads, rows);
            }
            Stage::Consolidated => clock.lap("sammanställa", rows),
            Stage::Rendered(times) => {
                clock.lap("rendera och skriva", rows);
                clock.line("  varav xlsx", times.xlsx, rows, "  (en tråd)");
                clock.line(
                    "  varav text (4 filer)",
                    times.text,
                    rows,
                    "  (den andra tråden)",
                );
                clock.line("  varav PDF", times.pdf, rows, "  (därefter)");
            }
            Stage::Committed => clock.lap("flytta på plats", rows),
        }
    }

    fn staging(&self, path: &Path, writing: bool) {
        if writing {
            stop::staging(path);
        } else {
            stop::done(path);
        }
    }

    fn guarded(&self, work: &mut dyn FnMut()) {
        watchdog::bounded(self.growth, &self.stopped, work);
    }
}
