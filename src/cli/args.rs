//! The command line as clap sees it: subcommands, options and their help texts.
//! Nothing here reads files; `cli::resolve` turns these into a checked `Job`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Validates and consolidates the administrations' submissions for the yearly report on
/// God och nära vård, and writes the report (xlsx, HTML, Markdown, JSON, CSV).
#[derive(Debug, Parser)]
#[command(name = "redovisa", version, about, long_about = None)]
pub struct Cli {
    /// What to do (default: build).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of every command.
    #[command(flatten)]
    pub common: Common,
    /// Options of `build`, when no command is given.
    #[command(flatten)]
    pub build: BuildArgs,
}

/// Options shared by every command.
#[derive(Debug, Args, Clone)]
pub struct Common {
    /// Folder with the administrations' workbooks [default: input]
    #[arg(long, global = true, value_name = "DIR")]
    pub input: Option<PathBuf>,
    /// Folder the report is written to [default: output]
    #[arg(long, global = true, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The year's configuration [default: redovisa.toml if present, else built in]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Folder with the report templates [default: templates if present, else built in]
    #[arg(long, global = true, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Report year, overriding the configuration
    #[arg(long, global = true, value_name = "Y")]
    pub year: Option<i32>,
    /// Report date [default: SOURCE_DATE_EPOCH, else today]
    #[arg(long, global = true, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Last year's redovisning-(Y-1).json to compare with [default: in the output folder, if there]
    #[arg(long, global = true, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// How diagnostics are printed
    #[arg(long, global = true, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Print how long each stage took, with rows per second and peak memory, to stderr
    #[arg(long, global = true)]
    pub timings: bool,
    /// Print only errors, no summaries
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// The diagnostic formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Grouped per file, for people
    Human,
    /// One line per diagnostic: file:sheet!C7: error[code]: message
    Short,
    /// One JSON object with files and diagnostics
    Json,
    /// GitHub Actions annotations
    Github,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read input/, validate, consolidate and write the report to output/ (the default)
    Build(BuildArgs),
    /// Validate only; write nothing. Exit 1 when the data has errors (for CI)
    Check(CheckArgs),
    /// Write blank input workbooks for the administrations to fill in
    Template(TemplateArgs),
    /// Write example input workbooks (seeded, any size)
    Sample(SampleArgs),
    /// Check the report templates, or print the context they receive
    Templates {
        /// What to do with the templates.
        #[command(subcommand)]
        action: TemplatesAction,
    },
}

/// Options of `build`.
#[derive(Debug, Args, Clone, Default)]
pub struct BuildArgs {
    /// Write the report even when the data has errors, marked as a draft
    #[arg(long)]
    pub allow_errors: bool,
}

/// Options of `check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Options of `template`.
#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    /// An administration to write a workbook for (repeat for several)
    #[arg(long = "administration", value_name = "NAMN")]
    pub administrations: Vec<String>,
    /// One workbook per administration in last year's input folder or report (.json)
    #[arg(long, value_name = "PATH")]
    pub from: Option<PathBuf>,
    /// Folder to write to [default: the output folder's mallar/]
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
}

/// Options of `sample`.
#[derive(Debug, Args, Clone)]
pub struct SampleArgs {
    /// Number of administrations (one workbook each)
    #[arg(long, default_value_t = 6)]
    pub administrations: usize,
    /// Initiatives per administration
    #[arg(long, default_value_t = 30)]
    pub rows: usize,
    /// Clinics per administration reporting indicators each month
    #[arg(long, default_value_t = 3)]
    pub clinics: usize,
    /// Seed; the same seed gives the same workbooks
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Folder to write to [default: the input folder]
    #[arg(long, value_name = "DIR")]
    pub to: Option<PathBuf>,
    /// Write even when the folder already holds workbooks (they are overwritten)
    #[arg(long)]
    pub force: bool,
}

/// `templates` actions.
#[derive(Debug, Subcommand, Clone, Copy)]
pub enum TemplatesAction {
    /// Render every template against the input data and report errors; write nothing
    Check,
    /// Print the full context a template receives, as JSON
    Context,
}
