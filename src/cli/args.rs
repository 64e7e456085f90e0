//! The command line as clap sees it: subcommands, options and their help texts (Swedish;
//! `cli::swedish` translates what clap itself writes). Nothing here reads files;
//! `cli::resolve` turns these into a checked `Job`.
//!
//! SPEC 5's common options ([`Common`]) and the run flags of `build`, `check` and
//! `templates` ([`RunFlags`]) are clap's global arguments: given before or after a
//! command's name, they mean the same, so a script can give the same flags to all
//! commands. Every command takes the common options (`cli::swedish` hides from its
//! `--help` those it does not use); a run flag given to a command that has no use for it
//! ([`RUN_FLAGS`]) is refused with exit 2.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Kontrollerar och sammanställer förvaltningarnas underlag till den årliga redovisningen
/// av God och nära vård, och skriver rapporten (xlsx, PDF, HTML, Markdown, JSON, CSV).
#[derive(Debug, Parser)]
#[command(name = "redovisa", version)]
pub struct Cli {
    /// Vad som ska göras (utan kommando: build).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Gemensamma flaggor, före eller efter kommandot.
    #[command(flatten)]
    pub common: Common,
    /// Flaggor för build, check och templates, före eller efter kommandot.
    #[command(flatten)]
    pub run: RunFlags,
}

/// SPEC 5's common options: global, so that they may stand before or after any command.
#[derive(Debug, Args, Clone, Default)]
pub struct Common {
    /// Mappen med förvaltningarnas arbetsböcker [standard: input]
    #[arg(long, value_name = "MAPP", global = true)]
    pub input: Option<PathBuf>,
    /// Mappen som rapporten skrivs till [standard: output]
    #[arg(long, value_name = "MAPP", global = true)]
    pub output: Option<PathBuf>,
    /// Årets konfiguration [standard: redovisa.toml om den finns, annars den inbyggda]
    #[arg(long, value_name = "FIL", global = true)]
    pub config: Option<PathBuf>,
    /// Mappen med rapportens mallar [standard: templates om den finns, annars de inbyggda]
    #[arg(long, value_name = "MAPP", global = true)]
    pub templates: Option<PathBuf>,
    /// Mappen med regionens egna texter till rapporten (Markdown) [standard: texter om den finns]
    #[arg(long, value_name = "MAPP", global = true)]
    pub texts: Option<PathBuf>,
    /// Redovisningsåret, i stället för konfigurationens (1900–2200)
    #[arg(long, value_name = "ÅR", global = true)]
    pub year: Option<i32>,
    /// Rapportens datum [standard: `SOURCE_DATE_EPOCH`, annars i dag]
    #[arg(long, value_name = "ÅÅÅÅ-MM-DD", global = true)]
    pub date: Option<String>,
    // The help's words are for users, not code: no backticks around product names.
    #[allow(clippy::doc_markdown)]
    /// Hur fynden skrivs: per fil för människor, en rad per fynd, ett JSON-objekt,
    /// annoteringar i GitHub Actions, JUnit XML eller GitLabs Code Quality [standard: human]
    #[arg(long, value_enum, value_name = "FORMAT", global = true)]
    pub format: Option<FormatArg>,
    /// Skriv bara fel, inga sammanfattningar
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

impl Common {
    /// The diagnostic format (human when not given).
    pub fn format(&self) -> FormatArg {
        self.format.unwrap_or(FormatArg::Human)
    }
}

/// The diagnostic formats.
#[allow(clippy::doc_markdown)]
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
    /// JUnit XML: testrapporter i GitLab, Azure DevOps och Jenkins
    Junit,
    /// GitLabs Code Quality-rapport (fynden i en merge request)
    Gitlab,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Läs input/, kontrollera, sammanställ och skriv rapporten till output/ (standard)
    Build,
    /// Kontrollera bara; skriv inget. Slutkod 1 när underlaget har fel (för CI)
    Check,
    /// Skriv tomma arbetsböcker som förvaltningarna fyller i
    Template(TemplateArgs),
    /// Skriv exempelarbetsböcker (med frö, i valfri storlek)
    Sample(SampleArgs),
    /// Kontrollera rapportens mallar, eller skriv ut vad de får
    Templates(TemplatesGroup),
    /// Sammanställ regionernas redovisningar (.json i --input) till riket; --config är riket.toml
    Riket,
    /// Skriv en arbetsmapp som fungerar som den är: konfiguration, mallar, texter och exempel
    Init(InitArgs),
}

/// Options of `init`.
#[derive(Debug, Args, Clone)]
pub struct InitArgs {
    /// Mappen att skriva till (skapas om den inte finns) [standard: den här mappen]
    #[arg(value_name = "MAPP")]
    pub dir: Option<PathBuf>,
}

impl Command {
    /// The command's path as `--help` and [`RUN_FLAGS`] name it.
    pub fn path(command: Option<&Command>) -> &'static str {
        match command {
            None => "redovisa",
            Some(Command::Build) => "redovisa build",
            Some(Command::Check) => "redovisa check",
            Some(Command::Template(_)) => "redovisa template",
            Some(Command::Sample(_)) => "redovisa sample",
            Some(Command::Riket) => "redovisa riket",
            Some(Command::Init(_)) => "redovisa init",
            Some(Command::Templates(t)) => match t.action {
                TemplatesAction::Check => "redovisa templates check",
                TemplatesAction::Context => "redovisa templates context",
            },
        }
    }
}

/// The options of `build`, `check` and `templates`: global too, so that a script may give
/// them before the command (`redovisa --feedback DIR check`); a command refuses those it
/// does not take ([`RUN_FLAGS`]).
#[derive(Debug, Args, Clone, Default)]
pub struct RunFlags {
    /// Skriv rapporten även när underlaget har fel, märkt som utkast
    #[arg(long, global = true)]
    pub allow_errors: bool,
    /// Misslyckas (slutkod 1) även på varningar
    #[arg(long, global = true)]
    pub deny_warnings: bool,
    /// Fjolårets redovisning-(ÅR-1).json att jämföra med [standard: i utdatamappen, om den finns där]
    #[arg(long, value_name = "FIL", global = true)]
    pub previous: Option<PathBuf>,
    /// Skriv hur lång tid varje steg tog, med rader per sekund och minnestopp, till standard fel
    #[arg(long, global = true)]
    pub timings: bool,
    /// Skriv en återkopplingsarbetsbok per fil med anmärkningar till MAPP
    #[arg(long, value_name = "MAPP", global = true)]
    pub feedback: Option<PathBuf>,
}

impl RunFlags {
    /// The flags given, by id and as written.
    pub fn given(&self) -> Vec<(&'static str, &'static str)> {
        [
            (self.allow_errors, "allow_errors", "--allow-errors"),
            (self.deny_warnings, "deny_warnings", "--deny-warnings"),
            (self.previous.is_some(), "previous", "--previous"),
            (self.timings, "timings", "--timings"),
            (self.feedback.is_some(), "feedback", "--feedback"),
        ]
        .into_iter()
        .filter(|(given, _, _)| *given)
        .map(|(_, id, flag)| (id, flag))
        .collect()
    }
}

/// The run flags each command takes, by the command's path; the others it refuses.
pub const RUN_FLAGS: &[(&str, &[&str])] = &[
    (
        "redovisa",
        &["allow_errors", "previous", "timings", "feedback"],
    ),
    (
        "redovisa build",
        &["allow_errors", "previous", "timings", "feedback"],
    ),
    ("redovisa check", &["deny_warnings", "timings", "feedback"]),
    ("redovisa riket", &["allow_errors", "deny_warnings"]),
    ("redovisa templates check", &["previous"]),
    ("redovisa templates context", &["previous"]),
];

/// Options of `template`.
#[derive(Debug, Args, Clone)]
pub struct TemplateArgs {
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
    /// Andel enheter i procent som slutar redovisa efter september (för prov i stor skala)
    #[arg(long, value_name = "PROCENT", value_parser = clap::value_parser!(u8).range(0..=100))]
    pub partial: Option<u8>,
    /// Mappen att skriva till [standard: indatamappen]
    #[arg(long, value_name = "MAPP")]
    pub to: Option<PathBuf>,
    /// Skriv även när mappen redan har arbetsböcker (de skrivs över)
    #[arg(long)]
    pub force: bool,
    /// Skriv i stället några regioners färdiga redovisningar (.json), för `redovisa riket` [standard för --to: regioner]
    #[arg(long)]
    pub riket: bool,
}

/// `templates`: an action.
#[derive(Debug, Args)]
pub struct TemplatesGroup {
    /// Vad som ska göras med mallarna.
    #[command(subcommand)]
    pub action: TemplatesAction,
}

/// `templates` actions.
#[derive(Debug, Subcommand, Clone, Copy)]
pub enum TemplatesAction {
    /// Rendera varje mall mot underlaget och rapportera fel; skriv inget
    Check,
    /// Skriv ut hela sammanhanget som en mall får, som JSON
    Context,
}

/// The global options each command does not use, hidden from its `--help`, by the
/// command's path (the run flags it does not take, [`RUN_FLAGS`], are hidden too).
pub const UNUSED: &[(&str, &[&str])] = &[
    ("redovisa check", &["output", "templates", "texts", "date"]),
    (
        "redovisa template",
        &["input", "templates", "texts", "date", "format"],
    ),
    (
        "redovisa sample",
        &["output", "templates", "texts", "date", "format"],
    ),
    ("redovisa riket", &["texts"]),
    (
        "redovisa init",
        &[
            "input",
            "output",
            "config",
            "templates",
            "texts",
            "year",
            "date",
            "format",
        ],
    ),
    ("redovisa templates", &["format"]),
    ("redovisa templates check", &["format"]),
    ("redovisa templates context", &["format"]),
];

/// The ids of the run flags (see [`RunFlags`]).
pub const RUN_FLAG_IDS: [&str; 5] = [
    "allow_errors",
    "deny_warnings",
    "previous",
    "timings",
    "feedback",
];
