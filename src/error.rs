//! Errors that stop the run (exit code 2): bad arguments, an unreadable configuration or
//! template, an output folder that cannot be written.
//!
//! Findings about the administrations' data are never errors; they are diagnostics
//! (`diagnostic.rs`), collected so that one run reports all of them.

use std::path::PathBuf;

/// Why the program could not do its job.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The configuration file cannot be parsed or breaks a rule.
    #[error("{file}:{line}: fel i konfigurationen vid nyckeln `{key}`: {message}")]
    Config {
        /// The configuration file.
        file: String,
        /// 1-based line (0 when unknown).
        line: usize,
        /// The key concerned.
        key: String,
        /// What is wrong.
        message: String,
    },
    /// A file or folder cannot be read.
    #[error("kan inte läsa {path}: {source}")]
    Read {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An output cannot be written.
    #[error("kan inte skriva {path}: {source}")]
    Write {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The input folder does not exist or is not a folder.
    #[error(
        "indatamappen {path} finns inte eller är ingen mapp; ange en annan med --input, eller kom igång med `redovisa sample` (exempelarbetsböcker) eller `redovisa template --administration NAMN` (en tom arbetsbok att dela ut)"
    )]
    InputMissing {
        /// The path given.
        path: PathBuf,
    },
    /// A template cannot be loaded or rendered.
    #[error("mallfel i {template}{}: {message}", line.map(|l| format!(" rad {l}")).unwrap_or_default())]
    Template {
        /// The template file name.
        template: String,
        /// The 1-based line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// One of the region's texts cannot be used.
    #[error("{path}: {message}")]
    Text {
        /// The text's file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The xlsx appendix could not be produced.
    #[error("kan inte skapa tabellbilagan: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The consolidation failed inside polars.
    #[error("sammanställningen misslyckades: {0}")]
    Consolidate(#[from] polars::error::PolarsError),
    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),
}
