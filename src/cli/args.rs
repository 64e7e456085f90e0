//! The command line as clap sees it: subcommands, options and their help texts (Swedish;
//! `cli::swedish` translates what clap itself writes). Nothing here reads files;
//! `cli::resolve` turns these into a checked `Job`.
//!
//! SPEC 5's common options ([`Common`]) are accepted by every command, before or after
//! its name, so that a script can give the same flags to all of them; `cli::swedish`
//! hides from a command's `--help` those it does not use. Options only some commands
//! have (`--previous`, `--timings`, …) belong to those commands alone.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Kontrollerar och sammanställer förvaltningarnas underlag till den årliga redovisningen
/// av God och nära vård, och skriver rapporten (xlsx, HTML, Markdown, JSON, CSV).
#[derive(Debug, Parser)]
#[command(name = "redovisa", version)]
pub struct Cli {
    /// Vad som ska göras (utan kommando: build).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Gemensamma flaggor, givna före kommandot.
    #[command(flatten)]
    pub common: Common,
    /// Flaggor för `build`, när inget kommando ges.
    #[command(flatten)]
    pub build: BuildArgs,
}

/// SPEC 5's common options.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Mappen med förvaltningarnas arbetsböcker [standard: input]
    #[arg(long, value_name = "MAPP")]
    pub input: Option<PathBuf>,
    /// Mappen som rapporten skrivs till [standard: output]
    #[arg(long, value_name = "MAPP")]
    pub output: Option<PathBuf>,
    /// Årets konfiguration [standard: redovisa.toml om den finns, annars den inbyggda]
    #[arg(long, value_name = "FIL")]
    pub config: Option<PathBuf>,
    /// Mappen med rapportens mallar [standard: templates om den finns, annars de inbyggda]
    #[arg(long, value_name = "MAPP")]
    pub templates: Option<PathBuf>,
    /// Redovisningsåret, i stället för konfigurationens
    #[arg(long, value_name = "ÅR")]
    pub year: Option<i32>,
    /// Rapportens datum [standard: `SOURCE_DATE_EPOCH`, annars i dag]
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD")]
    pub date: Option<String>,
    /// Hur fynden skrivs: per fil för människor, en rad per fynd, ett JSON-objekt eller
    /// annoteringar i GitHub Actions [standard: human]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Skriv bara fel, inga sammanfattningar
    #[arg(long, short)]
    pub quiet: bool,
}

impl Common {
    /// These options, completed by `outer` (the same options given before the command).
    pub fn or(self, outer: &Common) -> Common {
        Common {
            input: self.input.or_else(|| outer.input.clone()),
            output: self.output.or_else(|| outer.output.clone()),
            config: self.config.or_else(|| outer.config.clone()),
            templates: self.templates.or_else(|| outer.templates.clone()),
            year: self.year.or(outer.year),
            date: self.date.or_else(|| outer.date.clone()),
            format: self.format.or(outer.format),
            quiet: self.quiet || outer.quiet,
        }
    }

    /// The diagnostic format (human when not given).
    pub fn format(&self) -> FormatArg {
        self.format.unwrap_or(FormatArg::Human)
    }
}

/// The diagnostic formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Per fil, för människor
    Human,
    /// En rad per fynd: fil:blad!C7: error[kod]: meddelande
    Short,
    /// Ett JSON-objekt med files och diagnostics
    Json,
    /// Annoteringar i GitHub Actions
    Github,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Läs input/, kontrollera, sammanställ och skriv rapporten till output/ (standard)
    Build(Build),
    /// Kontrollera bara; skriv inget. Slutkod 1 när underlaget har fel (för CI)
    Check(CheckArgs),
    /// Skriv tomma arbetsböcker som förvaltningarna fyller i
    Template(TemplateArgs),
    /// Skriv exempelarbetsböcker (med frö, i valfri storlek)
    Sample(SampleArgs),
    /// Kontrollera rapportens mallar, eller skriv ut vad de får
    Templates(TemplatesGroup),
}

/// `build` as a command: the common options and its own.
#[derive(Debug, Args, Clone)]
pub struct Build {
    #[command(flatten)]
    pub common: Common,
    #[command(flatten)]
    pub args: BuildArgs,
}

/// Options of `build`.
#[derive(Debug, Args, Clone, Default)]
pub struct BuildArgs {
    /// Skriv rapporten även när underlaget har fel, märkt som utkast
    #[arg(long)]
    pub allow_errors: bool,
    /// Fjolårets redovisning-(ÅR-1).json att jämföra med [standard: i utdatamappen, om den finns där]
    #[arg(long, value_name = "FIL")]
    pub previous: Option<PathBuf>,
    /// Skriv hur lång tid varje steg tog, med rader per sekund och minnestopp, till standard fel
    #[arg(long)]
    pub timings: bool,
    /// Skriv en återkopplingsarbetsbok per fil med anmärkningar till MAPP
    #[arg(long, value_name = "MAPP")]
    pub feedback: Option<PathBuf>,
}

impl BuildArgs {
    /// These options, completed by `outer` (given before the command).
    pub fn or(self, outer: &BuildArgs) -> BuildArgs {
        BuildArgs {
            allow_errors: self.allow_errors || outer.allow_errors,
            previous: self.previous.or_else(|| outer.previous.clone()),
            timings: self.timings || outer.timings,
            feedback: self.feedback.or_else(|| outer.feedback.clone()),
        }
    }

    /// The flags given, by name (to refuse them before a command that has none of them).
    pub fn given(&self) -> Vec<&'static str> {
        let mut names = Vec::new();
        if self.allow_errors {
            names.push("--allow-errors");
        }
        if self.previous.is_some() {
            names.push("--previous");
        }
        if self.timings {
            names.push("--timings");
        }
        if self.feedback.is_some() {
            names.push("--feedback");
        }
        names
    }
}

/// Options of `check`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Misslyckas (slutkod 1) även på varningar
    #[arg(long)]
    pub deny_warnings: bool,
    /// Skriv hur lång tid varje steg tog, med rader per sekund och minnestopp, till standard fel
    #[arg(long)]
    pub timings: bool,
    /// Skriv en återkopplingsarbetsbok per fil med anmärkningar till MAPP
    #[arg(long, value_name = "MAPP")]
    pub feedback: Option<PathBuf>,
}

/// Options of `template`.
#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
    #[command(flatten)]
    pub common: Common,
    /// En förvaltning att skriva en arbetsbok för (upprepa för flera)
    #[arg(long = "administration", value_name = "NAMN")]
    pub administrations: Vec<String>,
    /// En arbetsbok per förvaltning i fjolårets indatamapp eller redovisning (.json), med fjolårets pågående och planerade insatser ifyllda
    #[arg(long, value_name = "SÖKVÄG")]
    pub from: Option<PathBuf>,
    /// Mappen att skriva till [standard: utdatamappens mallar/]
    #[arg(long, value_name = "MAPP")]
    pub to: Option<PathBuf>,
}

/// Options of `sample`.
#[derive(Debug, Args, Clone)]
pub struct SampleArgs {
    #[command(flatten)]
    pub common: Common,
    /// Antal förvaltningar (en arbetsbok var)
    #[arg(long, value_name = "ANTAL", default_value_t = 6)]
    pub administrations: usize,
    /// Insatser per förvaltning
    #[arg(long, value_name = "ANTAL", default_value_t = 30)]
    pub rows: usize,
    /// Enheter per förvaltning som redovisar indikatorer månad för månad
    #[arg(long, value_name = "ANTAL", default_value_t = 3)]
    pub clinics: usize,
    /// Frö; samma frö ger samma arbetsböcker
    #[arg(long, value_name = "TAL", default_value_t = 2025)]
    pub seed: u64,
    /// Mappen att skriva till [standard: indatamappen]
    #[arg(long, value_name = "MAPP")]
    pub to: Option<PathBuf>,
    /// Skriv även när mappen redan har arbetsböcker (de skrivs över)
    #[arg(long)]
    pub force: bool,
}

/// `templates`: the common options and an action.
#[derive(Debug, Args)]
pub struct TemplatesGroup {
    #[command(flatten)]
    pub common: Common,
    /// Vad som ska göras med mallarna.
    #[command(subcommand)]
    pub action: TemplatesAction,
}

/// `templates` actions.
#[derive(Debug, Subcommand, Clone)]
pub enum TemplatesAction {
    /// Rendera varje mall mot underlaget och rapportera fel; skriv inget
    Check(TemplatesArgs),
    /// Skriv ut hela sammanhanget som en mall får, som JSON
    Context(TemplatesArgs),
}

impl TemplatesAction {
    /// The action's options.
    pub fn args(&self) -> &TemplatesArgs {
        match self {
            TemplatesAction::Check(a) | TemplatesAction::Context(a) => a,
        }
    }
}

/// Options of a `templates` action.
#[derive(Debug, Args, Clone)]
pub struct TemplatesArgs {
    #[command(flatten)]
    pub common: Common,
    /// Fjolårets redovisning-(ÅR-1).json att jämföra med [standard: i utdatamappen, om den finns där]
    #[arg(long, value_name = "FIL")]
    pub previous: Option<PathBuf>,
}

/// The common options each command does not use, hidden from its `--help`, by the
/// command's path.
pub const UNUSED: &[(&str, &[&str])] = &[
    ("redovisa check", &["output", "templates", "date"]),
    (
        "redovisa template",
        &["input", "templates", "date", "format"],
    ),
    (
        "redovisa sample",
        &["output", "templates", "date", "format"],
    ),
    ("redovisa templates", &["format"]),
    ("redovisa templates check", &["format"]),
    ("redovisa templates context", &["format"]),
];
