//! Fuzzes reading and validating one workbook from bytes, in every format.
//!
//! The first byte picks the format, the rest is the file. A hang or a blow-up in memory
//! here is a bug wherever it happens. A panic inside our own code is a bug too; a panic
//! inside a reader crate is caught in production (`redovisa::internals::process` turns it into a
//! diagnostic), so here it is noted and fuzzing goes on. Inputs that broke something are
//! kept as regression tests in `tests/fixtures/fuzz/`.

#![no_main]

use std::cell::RefCell;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::{LazyLock, Once};

use libfuzzer_sys::fuzz_target;
use redovisa::config::Config;
use redovisa::internals::Names;
use redovisa::internals::{Rules, Vocabulary, validate};

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default_config);
static NAMES: LazyLock<Names> = LazyLock::new(|| Names::new(&CONFIG));
static VOCAB: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(&CONFIG));
static HOOK: Once = Once::new();

thread_local! {
    /// The source file of the last panic on this thread.
    static PANIC_FILE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Crates whose panics `redovisa::internals::process` catches in production.
const READERS: [&str; 4] = ["/calamine-", "/zip-", "/quick-xml-", "/codepage-"];

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let file = info.location().map(|l| l.file().to_string()).unwrap_or_default();
            PANIC_FILE.with(|f| *f.borrow_mut() = file);
        }));
    });
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let ext = redovisa::internals::EXTENSIONS[usize::from(kind) % redovisa::internals::EXTENSIONS.len()];
    let rules = Rules {
        config: &CONFIG,
        names: &NAMES,
        vocab: &VOCAB,
    };
    let result = catch_unwind(AssertUnwindSafe(|| {
        if let Ok(raw) = redovisa::internals::read_bytes(bytes.to_vec(), ext, "fuzz", &NAMES, &CONFIG.limits) {
            let _ = validate(&raw, "fuzz", &rules);
        }
    }));
    if let Err(panic) = result {
        let file = PANIC_FILE.with(|f| f.borrow().clone());
        if !READERS.iter().any(|r| file.contains(r)) {
            eprintln!("panic in {file}");
            resume_unwind(panic);
        }
    }
});
