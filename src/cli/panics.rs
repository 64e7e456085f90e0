//! Panics, the program's business: a panic while one workbook is read is caught by the
//! library and becomes that file's finding (`file-unreadable`, `row-unreadable`), so the
//! hook prints nothing and only remembers where it happened; a panic that reaches the top
//! is an internal error, told in Swedish with that place, and exit code 2.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;

/// The last panic's message and place.
static LAST: Mutex<Option<String>> = Mutex::new(None);

/// Installs the quiet hook. Once, at the start of `main`.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST.lock() {
            *last = Some(format!("{message}{place}"));
        }
    }));
}

/// Runs `work`; a panic that escapes it becomes the message of an internal error.
pub fn caught<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|_| {
        let what = LAST
            .lock()
            .ok()
            .and_then(|mut l| l.take())
            .unwrap_or_default();
        format!(
            "internt fel i programmet: {what}. Inget skrevs, och den förra rapporten ligger \
             kvar; rapportera gärna felet med körningens indata"
        )
    })
}
