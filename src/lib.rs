//! `redovisa`: validates and consolidates the administrations' submissions for a
//! region's yearly report on *God och nära vård*, and renders the report.
//!
//! The data flows one way: `discover → read → validate → consolidate → render → write`.
//! Only the two ends touch the file system; the middle is pure functions on plain data.
//!
//! The library's face is [`ops`]: one operation per command (`build`, `check`,
//! `template`, `sample`, `templates`), each owning its policy and returning an outcome.
//! The program (`src/cli`) parses the arguments into an [`ops::Job`], calls one
//! operation, prints its outcome and maps it to an exit code; this library never imports
//! it. The report itself ([`report::Report`]) is a contract: written as JSON, read back
//! through [`report::read`], described by `schema/redovisning.schema.json`.

pub mod config;
pub mod diagnostic;
pub mod error;
pub mod model;
pub mod ops;
pub mod report;
pub mod riket;
pub mod text;
pub mod value;

mod consolidate;
mod discover;
mod feedback;
mod input_template;
mod pipeline;
mod read;
mod render;
mod rows;
mod sample;
mod schema;
mod texts;
mod validate;
mod write;

/// What the fuzz targets, the benchmark and a few integration tests reach inside the
/// library: the readers and validators on their own, the blank workbook with its cells.
/// Not the library's API, and no promise between versions.
#[doc(hidden)]
pub mod internals {
    pub use crate::input_template::{Cell, Prefill, file_name, workbook};
    pub use crate::pipeline::process;
    pub use crate::read::{EXTENSIONS, RawRow, RawSheet, RawWorkbook, Value, read_bytes};
    pub use crate::render::xlsx::LARGE_COMPRESSION_LEVEL;
    pub use crate::schema::{INDICATOR_COLUMNS, INITIATIVE_COLUMNS, Names, SheetKind};
    pub use crate::validate::{Rules, Vocabulary, validate};
}
