//! The command line in Swedish: clap's help (headings, usage, defaults, possible values)
//! and its errors. Clap has no translations; its help is reshaped through its public
//! builder API (a help template, headings, our own `--help`/`--version` flags) and its
//! errors are rewritten from their kind and context items, so no English reaches the user.

use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches};

use super::args::{Cli, RUN_FLAG_IDS, RUN_FLAGS, UNUSED};

/// The help page: about, usage and the options, with Swedish headings.
const HELP: &str = "{about-with-newline}\nAnvändning: {usage}\n\n{all-args}{after-help}";

/// The subcommands, for the message on a misspelled one.
const COMMANDS: &str = "build, check, template, sample, templates, riket, init";

/// Parses the command line. Help and version are printed to stdout (exit 0); an argument
/// error is explained in Swedish on stderr and gives exit 2, as SPEC 5 wants.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    parse_from(&args).map_err(|e| report(&e, &args))
}

/// Parses `args` (the program's name first) against the Swedish command.
fn parse_from(args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The command line with Swedish help.
pub fn command() -> clap::Command {
    let top = translate(Cli::command(), "redovisa")
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Visa versionen")
                .help_heading("Flaggor"),
        );
    let globals: Vec<Arg> = top
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    with_globals(top, "redovisa", &globals)
}

/// `cmd` (whose path is `path`) and its subcommands, each with its own copy of every
/// global option, hidden from its help where it has no use for it ([`UNUSED`], and the
/// run flags it does not take). Clap would copy them down itself, but unhidden; a
/// command that has an option of the same id keeps its own, and the values given at
/// any level still meet (they are global).
fn with_globals(mut cmd: clap::Command, path: &str, globals: &[Arg]) -> clap::Command {
    let unused: &[&str] = UNUSED
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, ids)| ids);
    let taken: &[&str] = RUN_FLAGS
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(&[], |(_, ids)| ids);
    let hidden =
        |id: &str| unused.contains(&id) || (RUN_FLAG_IDS.contains(&id) && !taken.contains(&id));
    for arg in globals {
        let id = arg.get_id().as_str();
        let copy = arg.clone().hide(hidden(id));
        cmd = if cmd.get_arguments().any(|a| a.get_id() == id) {
            cmd.mut_arg(id, |_| copy)
        } else {
            cmd.arg(copy)
        };
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| with_globals(s, &sub_path, globals));
    }
    cmd
}

/// `cmd` (whose path is `path`) and its subcommands with Swedish headings and help texts.
fn translate(cmd: clap::Command, path: &str) -> clap::Command {
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let usage = match (subcommands.is_empty(), path == "redovisa") {
        (true, _) => format!("{path} [FLAGGOR]"),
        (false, true) => format!("{path} [KOMMANDO] [FLAGGOR]"),
        (false, false) => format!("{path} <{}> [FLAGGOR]", subcommands.join("|")),
    };
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let mut cmd = cmd
        .help_template(HELP)
        .override_usage(usage)
        .subcommand_help_heading("Kommandon")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Visa den här hjälpen")
                .help_heading("Flaggor"),
        );
    for id in ids {
        cmd = cmd.mut_arg(&id, swedish_arg);
    }
    for name in subcommands {
        let sub_path = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |s| translate(s, &sub_path));
    }
    cmd
}

/// An option under the heading `Flaggor`, with its default and possible values written
/// in Swedish into its help text instead of clap's `[default: …]`, `[possible values: …]`.
fn swedish_arg(arg: Arg) -> Arg {
    let mut notes = Vec::new();
    let takes_value = arg.get_action().takes_values();
    if takes_value && !arg.get_default_values().is_empty() {
        let values: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect();
        notes.push(format!("standard: {}", values.join(", ")));
    }
    if takes_value {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            notes.push(format!("värden: {}", values.join(", ")));
        }
    }
    let help = arg
        .get_help()
        .map(std::string::ToString::to_string)
        .unwrap_or_default();
    let help = if notes.is_empty() {
        help
    } else {
        format!("{help} [{}]", notes.join("; "))
    };
    // clap asserts that only an argument with a value hides its default and values.
    let takes_value = arg.get_action().takes_values();
    arg.help(help)
        .hide_default_value(takes_value)
        .hide_possible_values(takes_value)
        .help_heading("Flaggor")
}

/// Prints help or version (exit 0), or the error in Swedish (exit 2).
fn report(e: &clap::Error, args: &[std::ffi::OsString]) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp => {
            // The rendered help is ours already (see `translate`).
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayVersion => {
            println!("redovisa {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{}", message(e, args));
            ExitCode::from(2)
        }
    }
}

/// The Swedish message for an argument error, with a pointer to the command's help.
pub fn message(e: &clap::Error, args: &[std::ffi::OsString]) -> String {
    let context = |kind: ContextKind| e.get(kind).map(ToString::to_string);
    let arg = context(ContextKind::InvalidArg).unwrap_or_default();
    let value = context(ContextKind::InvalidValue).unwrap_or_default();
    let path = command_path(args);
    let mut text = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} behöver ett värde"),
        ErrorKind::InvalidValue => {
            let mut t = format!("ogiltigt värde '{value}' för {arg}");
            if let Some(valid) = context(ContextKind::ValidValue) {
                t.push_str(&format!("; möjliga värden: {valid}"));
            }
            t
        }
        ErrorKind::ValueValidation => {
            format!(
                "ogiltigt värde '{value}' för {arg}: väntade {}",
                expected(&arg)
            )
        }
        ErrorKind::UnknownArgument => format!("okänd flagga '{arg}' för {path}"),
        ErrorKind::InvalidSubcommand => {
            let name = context(ContextKind::InvalidSubcommand).unwrap_or_default();
            let folder = if std::path::Path::new(&name).is_dir() {
                "; en mapp anges med --input eller --output"
            } else {
                ""
            };
            format!("okänt kommando '{name}'; kommandona är {COMMANDS}{folder}")
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!(
                "{path} behöver ett kommando: {}",
                subcommands(args).join(", ")
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg).unwrap_or_default();
            if prior.is_empty() || prior == arg {
                format!("{arg} får bara anges en gång")
            } else {
                format!("{arg} kan inte användas tillsammans med {prior}")
            }
        }
        ErrorKind::NoEquals => format!("{arg} ska skrivas med likhetstecken: {arg}=VÄRDE"),
        ErrorKind::TooManyValues => format!("för många värden för {arg}: '{value}'"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("fel antal värden för {arg}")
        }
        ErrorKind::MissingRequiredArgument => format!("saknar {arg}"),
        ErrorKind::InvalidUtf8 => "ett argument är inte giltig UTF-8".to_string(),
        _ => "kunde inte tolka argumenten".to_string(),
    };
    let suggestion = [
        ContextKind::SuggestedValue,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
    ]
    .into_iter()
    .find_map(context);
    if let Some(s) = suggestion {
        text.push_str(&format!(" (menade du '{s}'?)"));
    }
    format!("redovisa: {text}\nSe '{path} --help'.")
}

/// What an option that failed to parse expects.
fn expected(arg: &str) -> &'static str {
    if arg.starts_with("--year") {
        "ett år, till exempel 2025"
    } else {
        "ett heltal, till exempel 6"
    }
}

/// The command the arguments name ("redovisa", "redovisa check", "redovisa templates
/// check"), for the pointer to its help.
fn command_path(args: &[std::ffi::OsString]) -> String {
    named(args, |path, _| path.to_string())
}

/// The subcommands of the command the arguments name.
fn subcommands(args: &[std::ffi::OsString]) -> Vec<String> {
    named(args, |_, cmd| {
        cmd.get_subcommands()
            .map(|s| s.get_name().to_string())
            .collect()
    })
}

/// `f` of the path and the command that the arguments name.
fn named<T>(args: &[std::ffi::OsString], f: impl Fn(&str, &clap::Command) -> T) -> T {
    let top = Cli::command();
    let mut path = String::from("redovisa");
    let mut cmd = &top;
    for a in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if let Some(sub) = cmd.find_subcommand(a) {
            path.push(' ');
            path.push_str(a);
            cmd = sub;
        }
    }
    f(&path, cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: &[&str]) -> String {
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        match parse_from(&args) {
            Ok(cli) => panic!("parsed: {cli:?}"),
            Err(e) => message(&e, &args),
        }
    }

    fn help(args: &[&str]) -> String {
        match command().try_get_matches_from(args) {
            Err(e) if e.kind() == ErrorKind::DisplayHelp => e.to_string(),
            other => panic!("no help: {other:?}"),
        }
    }

    #[test]
    fn help_is_swedish_and_shows_only_the_flags_a_command_uses() {
        let top = help(&["redovisa", "--help"]);
        assert!(
            top.contains("Användning: redovisa [KOMMANDO] [FLAGGOR]"),
            "{top}"
        );
        assert!(
            top.contains("Kommandon:") && top.contains("Flaggor:"),
            "{top}"
        );
        assert!(top.contains("Visa versionen"), "{top}");
        let sample = help(&["redovisa", "sample", "--help"]);
        assert!(sample.contains("[standard: 6]"), "{sample}");
        for english in [
            "Usage",
            "Options",
            "default:",
            "Print help",
            "possible values",
        ] {
            assert!(
                !top.contains(english) && !sample.contains(english),
                "{english}"
            );
        }
        for unused in [
            "--previous",
            "--templates",
            "--format",
            "--output",
            "--allow-errors",
        ] {
            assert!(!sample.contains(unused), "sample shows {unused}:\n{sample}");
        }
        let check = help(&["redovisa", "check", "--help"]);
        assert!(
            check.contains("[standard: human] [värden: human, short, json, github, junit, gitlab]")
        );
        assert!(check.contains("--deny-warnings") && !check.contains("--previous"));
        let templates = help(&["redovisa", "templates", "check", "--help"]);
        assert!(templates.contains("Användning: redovisa templates check [FLAGGOR]"));
    }

    #[test]
    fn argument_errors_are_swedish_with_the_closest_name() {
        let e = error(&["redovisa", "check", "--format", "jsno"]);
        assert!(e.contains("ogiltigt värde 'jsno' för --format"), "{e}");
        assert!(e.contains("(menade du 'json'?)"), "{e}");
        assert!(e.contains("Se 'redovisa check --help'"), "{e}");
        let e = error(&["redovisa", "check", "--inptu", "x"]);
        assert!(
            e.contains("okänd flagga '--inptu'") && e.contains("'--input'"),
            "{e}"
        );
        let e = error(&["redovisa", "sample", "--rows", "abc"]);
        assert!(
            e.contains("'abc' för --rows") && e.contains("heltal"),
            "{e}"
        );
        let e = error(&["redovisa", "chekc"]);
        assert!(
            e.contains("okänt kommando 'chekc'") && e.contains("'check'"),
            "{e}"
        );
        let e = error(&["redovisa", "build", "--input"]);
        assert!(e.contains("--input <MAPP> behöver ett värde"), "{e}");
        let e = error(&["redovisa", "templates"]);
        assert!(
            e.contains("redovisa templates behöver ett kommando: check, context"),
            "{e}"
        );
    }

    fn parsed(args: &[&str]) -> Cli {
        let args: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
        parse_from(&args).unwrap()
    }

    #[test]
    fn global_options_are_taken_before_and_after_the_command() {
        use super::super::args::{Command, FormatArg};
        let cli = parsed(&["redovisa", "--input", "a", "check", "--format", "json"]);
        assert!(matches!(cli.command, Some(Command::Check)));
        assert_eq!(cli.common.input.as_deref(), Some(std::path::Path::new("a")));
        assert_eq!(cli.common.format(), FormatArg::Json);
        for args in [
            ["redovisa", "--feedback", "f", "check"],
            ["redovisa", "check", "--feedback", "f"],
        ] {
            let cli = parsed(&args);
            assert_eq!(cli.run.feedback.as_deref(), Some(std::path::Path::new("f")));
        }
        let cli = parsed(&["redovisa", "templates", "context", "--year", "2024"]);
        assert_eq!(cli.common.year, Some(2024));
        let cli = parsed(&["redovisa", "--year", "2024", "templates", "context"]);
        assert_eq!(cli.common.year, Some(2024));
    }
}
