//! Errors that stop the run (exit code 2): bad arguments, an unreadable configuration,
//! template or last year's report, an output that cannot be written, a library that
//! failed.
//!
//! A leaf: no other crate's types. A library's error becomes a `source` where it arises,
//! and what the user reads is Swedish: the file's whole path, what went wrong, what to do.
//! Findings about the administrations' data are never errors; they are diagnostics
//! (`diagnostic.rs`), collected so that one run reports all of them.

use std::path::PathBuf;

/// A library's error, kept as the cause of ours.
pub type Cause = Box<dyn std::error::Error + Send + Sync>;

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
    #[error("kan inte läsa {}: {}", path.display(), io_reason(source))]
    Read {
        /// The whole path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// An output cannot be written.
    #[error("kan inte skriva {}: {}", path.display(), io_reason(source))]
    Write {
        /// The whole path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The input folder does not exist or is not a folder.
    #[error(
        "indatamappen {} finns inte eller är ingen mapp; ange en annan med --input, eller kom igång med `redovisa sample` (exempelarbetsböcker) eller `redovisa template --administration NAMN` (en tom arbetsbok att dela ut)",
        path.display()
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
    #[error("{}: {message}", path.display())]
    Text {
        /// The text's file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A report named on the command line (`--previous`, `template --from`) cannot be
    /// used.
    #[error("{}: {problem}", path.display())]
    Report {
        /// The file.
        path: PathBuf,
        /// What is wrong, in Swedish (`report::Problem`).
        problem: String,
    },
    /// The xlsx appendix (or another workbook) could not be produced.
    #[error("kan inte skapa {what}: {message}")]
    Workbook {
        /// Which workbook, in Swedish.
        what: String,
        /// What went wrong, in Swedish.
        message: String,
        /// The writer's own error.
        #[source]
        source: Cause,
    },
    /// The consolidation failed inside its library.
    #[error("sammanställningen misslyckades: {message}")]
    Consolidation {
        /// What went wrong, in Swedish.
        message: String,
        /// The library's own error.
        #[source]
        source: Cause,
    },
    /// An operation refuses what it was asked, because it would lose something a person
    /// made (the report written into the input folder, a sample over workbooks).
    #[error("{0}")]
    Refused(String),
    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// `what` (a workbook, in Swedish) could not be produced because of `cause`, a
    /// writer's error: a full disk or a missing folder is told as such, anything else as
    /// the writer's failure, with its own words kept as the source.
    pub(crate) fn workbook(what: &str, cause: impl Into<Cause>) -> Error {
        let source: Cause = cause.into();
        let mut io = None;
        let mut next: Option<&(dyn std::error::Error + 'static)> = Some(source.as_ref());
        while let Some(e) = next {
            if let Some(e) = e.downcast_ref::<std::io::Error>() {
                io = Some(io_reason(e));
                break;
            }
            next = e.source();
        }
        Error::Workbook {
            what: what.to_string(),
            message: io.unwrap_or_else(|| {
                "arbetsboksskrivaren misslyckades (ett fel i programmet; rapportera det gärna \
                 med körningens indata)"
                    .to_string()
            }),
            source,
        }
    }
}

/// What an I/O error means, in Swedish (the system's own words are English).
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let reason = match e.kind() {
        K::NotFound => "filen eller mappen finns inte",
        K::PermissionDenied => "behörighet saknas",
        K::AlreadyExists => "det finns redan något med det namnet",
        K::IsADirectory => "det är en mapp, ingen fil",
        K::NotADirectory => "en del av sökvägen är ingen mapp",
        K::DirectoryNotEmpty => "mappen är inte tom",
        K::ReadOnlyFilesystem => "filsystemet är skrivskyddat",
        K::StorageFull | K::QuotaExceeded => "disken är full",
        K::FileTooLarge => "filen blir för stor",
        K::ResourceBusy => "filen används av ett annat program",
        K::InvalidData => "innehållet är inte vad det ska vara (till exempel inte UTF-8)",
        K::UnexpectedEof => "filen tar slut för tidigt",
        K::Interrupted => "avbröts",
        K::WriteZero | K::BrokenPipe => "mottagaren tog inte emot mer",
        K::TimedOut => "tog för lång tid",
        K::OutOfMemory => "minnet tog slut",
        K::CrossesDevices => "kan inte flyttas mellan två diskar",
        _ => "",
    };
    match (reason, e.raw_os_error()) {
        ("", Some(code)) => format!("systemet svarade med felkod {code}"),
        ("", None) => "ett fel i systemet".to_string(),
        (reason, _) => reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_are_told_in_swedish_with_the_whole_path() {
        let e = Error::Read {
            path: PathBuf::from("/data/in/a.xlsx"),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(
            e.to_string(),
            "kan inte läsa /data/in/a.xlsx: filen eller mappen finns inte"
        );
        let e = Error::Write {
            path: PathBuf::from("ut/r.pdf"),
            source: std::io::Error::from_raw_os_error(28),
        };
        assert_eq!(e.to_string(), "kan inte skriva ut/r.pdf: disken är full");
    }
}
