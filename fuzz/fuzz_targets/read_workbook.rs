//! Fuzzes reading and validating one workbook from bytes, in every format.
//!
//! The first byte picks the format, the rest is the file. A panic, a hang or a blow-up
//! in memory here is a bug: in `redovisa` itself it must be fixed, in a reader it must
//! be caught (see `redovisa::process`) and the input kept as a regression test in
//! `tests/fixtures/fuzz/`.

#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use redovisa::config::Config;
use redovisa::schema::Names;
use redovisa::validate::{Rules, Vocabulary, validate};

static CONFIG: LazyLock<Config> = LazyLock::new(Config::default_config);
static NAMES: LazyLock<Names> = LazyLock::new(|| Names::new(&CONFIG));
static VOCAB: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary::new(&CONFIG));

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let ext = redovisa::read::EXTENSIONS[usize::from(kind) % redovisa::read::EXTENSIONS.len()];
    let rules = Rules {
        config: &CONFIG,
        names: &NAMES,
        vocab: &VOCAB,
    };
    if let Ok(raw) = redovisa::read::read_bytes(bytes.to_vec(), ext, "fuzz", &NAMES, &CONFIG.limits) {
        let _ = validate(&raw, "fuzz", &rules);
    }
});
