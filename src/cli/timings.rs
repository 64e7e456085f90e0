//! `--timings`: how long each stage took, with rows per second and peak memory, printed
//! to stderr at the end of a run.

/// The process's peak resident memory so far (Linux), in MiB.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// Stage timings for `--timings`, printed to stderr at the end.
pub struct Clock {
    enabled: bool,
    start: std::time::Instant,
    last: std::time::Instant,
    lines: Vec<String>,
}

impl Clock {
    pub fn new(enabled: bool) -> Self {
        let now = std::time::Instant::now();
        Clock {
            enabled,
            start: now,
            last: now,
            lines: Vec::new(),
        }
    }

    pub fn line(&mut self, stage: &str, seconds: f64, rows: usize, note: &str) {
        let rate = if seconds > 0.0 {
            rows as f64 / seconds
        } else {
            0.0
        };
        self.lines.push(format!(
            "  {stage:<22} {:>8} s  {:>12} rader/s  topp {:>6} MiB{note}",
            redovisa::text::num(seconds, 3),
            redovisa::text::num(rate, 0),
            peak_mib().map_or("?".into(), |m| m.to_string())
        ));
    }

    pub fn lap(&mut self, stage: &str, rows: usize) {
        let now = std::time::Instant::now();
        let seconds = (now - self.last).as_secs_f64();
        self.last = now;
        self.line(stage, seconds, rows, "");
    }

    pub fn threads(&mut self, times: redovisa::ops::StageTimes, rows: usize) {
        self.line("  varav läsa", times.read, rows, "  (trådtid, summerad)");
        self.line(
            "  varav validera",
            times.validate,
            rows,
            "  (trådtid, summerad)",
        );
    }

    pub fn report(&self) {
        if self.enabled {
            eprintln!("Tider ({} trådar):", rayon::current_num_threads());
            for l in &self.lines {
                eprintln!("{l}");
            }
            eprintln!(
                "  {:<22} {:>8} s",
                "totalt",
                redovisa::text::num(self.start.elapsed().as_secs_f64(), 3)
            );
        }
    }
}
