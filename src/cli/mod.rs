//! The command line: parses the arguments (`args`, with Swedish messages), resolves them
//! into a checked [`Job`] (`resolve`), calls one operation of `redovisa::ops`, tells its
//! outcome and maps it to an exit code: 0 success, 1 the data has errors (or warnings
//! under `--deny-warnings`), 2 the program could not do its job. The policy — what is
//! refused, what fails, what is written — is the operation's.

mod args;
mod front;
mod panics;
mod progress;
mod resolve;
mod stop;
mod swedish;
mod timings;
mod watchdog;

use std::process::ExitCode;

use args::{Command, Common, FormatArg, RunFlags, SampleArgs, TemplateArgs, TemplatesAction};
use front::Front;
use redovisa::error::Error;
use redovisa::ops::{self, Built, Job, Style};
use redovisa::text::count_word;
use resolve::resolve;

/// Runs the program and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match swedish::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    panics::install();
    stop::on_signals();
    match panics::caught(|| dispatch(cli)) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(e)) => {
            eprintln!("redovisa: {e}");
            ExitCode::from(2)
        }
        Err(internal) => {
            eprintln!("redovisa: {internal}");
            ExitCode::from(2)
        }
    }
}

/// Runs the command, after refusing the run flags it does not take.
fn dispatch(cli: args::Cli) -> Result<u8, Error> {
    refuse_unused_flags(Command::path(cli.command.as_ref()), &cli.run)?;
    let (common, run) = (&cli.common, &cli.run);
    match &cli.command {
        None | Some(Command::Build) => build(common, run),
        Some(Command::Check) => check(common, run),
        Some(Command::Sample(s)) => sample(common, s),
        Some(Command::Template(t)) => template(common, t),
        Some(Command::Templates(group)) => templates(common, run.previous.as_deref(), group.action),
        Some(Command::Riket) => riket(common, run),
        Some(Command::Init(a)) => init(common, a),
    }
}

/// Refuses a run flag (`--previous`, `--allow-errors`, …) given to a command without a
/// use for it, naming the commands that take it.
fn refuse_unused_flags(path: &str, run: &RunFlags) -> Result<(), Error> {
    let takes = |p: &str, id: &str| {
        args::RUN_FLAGS
            .iter()
            .any(|(q, ids)| *q == p && ids.contains(&id))
    };
    let Some((id, flag)) = run.given().into_iter().find(|(id, _)| !takes(path, id)) else {
        return Ok(());
    };
    let users: Vec<&str> = args::RUN_FLAGS
        .iter()
        .filter(|(p, ids)| *p != "redovisa" && ids.contains(&id))
        .map(|(p, _)| p.trim_start_matches("redovisa "))
        .collect();
    Err(Error::Usage(format!(
        "{flag} hör inte till {path}; det används av {}",
        users.join(" och ")
    )))
}

fn style(f: FormatArg) -> Style {
    match f {
        FormatArg::Human => Style::Human,
        FormatArg::Short => Style::Short,
        FormatArg::Json => Style::Json,
        FormatArg::Github => Style::Github,
        FormatArg::Junit => Style::Junit,
        FormatArg::Gitlab => Style::Gitlab,
    }
}

fn say(common: &Common, text: &str) {
    if !common.quiet && common.format() == FormatArg::Human {
        out(&format!("{text}\n"));
    }
}

/// Writes to stdout; a closed pipe (`redovisa ... | head`) is not an error.
fn out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

fn check(common: &Common, args: &RunFlags) -> Result<u8, Error> {
    let job = resolve(common)?;
    let front = Front::new(common, &job, args.timings).denying_warnings(args.deny_warnings);
    let options = ops::CheckOptions {
        deny_warnings: args.deny_warnings,
        feedback: args.feedback.clone(),
    };
    let checked = ops::check(&job, &options, &front)?;
    say_feedback(common, checked.feedback.as_ref());
    front.timings();
    Ok(u8::from(checked.fails))
}

/// Says which feedback workbooks were written (`--feedback DIR`).
fn say_feedback(common: &Common, feedback: Option<&(std::path::PathBuf, usize)>) {
    if let Some((dir, n)) = feedback {
        say(
            common,
            &format!(
                "Återkoppling: {} i {}",
                count_word(*n as u64, "arbetsbok", "arbetsböcker"),
                dir.display()
            ),
        );
    }
}

fn build(common: &Common, args: &RunFlags) -> Result<u8, Error> {
    let job = resolve(common)?;
    let front = Front::new(common, &job, args.timings);
    let options = ops::BuildOptions {
        previous: args.previous.clone(),
        allow_errors: args.allow_errors,
        feedback: args.feedback.clone(),
    };
    let built = ops::build(&job, &options, &front)?;
    say_feedback(common, built.feedback());
    match &built {
        Built::NothingAccepted { .. } => say(
            common,
            "Rapporten skrevs inte: det finns inget godkänt underlag. Den förra rapporten ligger kvar.",
        ),
        Built::Errors { .. } => say(
            common,
            "Rapporten skrevs inte: underlaget innehåller fel. Rätta felen, eller kör med --allow-errors för ett utkast.",
        ),
        Built::Written {
            headline, outputs, ..
        } => say(common, &summary(&headline.lines(), &job, outputs)),
    }
    front.timings();
    Ok(u8::from(built.fails()))
}

/// What `build` says when it is done: the key figures, and where the report is.
fn summary(headline: &[String], job: &Job, outputs: &[std::path::PathBuf]) -> String {
    let mut lines = vec![String::new()];
    lines.extend(headline.iter().cloned());
    lines.push(format!("Rapporten finns i {}:", job.output.display()));
    for path in outputs {
        lines.push(format!("  {}", path.display()));
    }
    if let Some(html) = outputs
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "html"))
    {
        lines.push(format!(
            "Öppna {} i en webbläsare för att läsa den.",
            html.display()
        ));
    }
    lines.join("\n")
}

/// `riket`: the national roll-up. `--config` names the national configuration
/// (`riket.toml`), not the year's; `--year` the year rolled up.
fn riket(common: &Common, run: &RunFlags) -> Result<u8, Error> {
    let national = resolve::national_config(common.config.as_deref())?;
    let job = resolve(&Common {
        config: None,
        year: None,
        ..common.clone()
    })?;
    let front = Front::new(common, &job, false).denying_warnings(run.deny_warnings);
    let options = ops::RiketOptions {
        config: national,
        year: resolve::year(common)?,
        allow_errors: run.allow_errors,
    };
    let rolled = ops::riket(&job, &options, &front)?;
    match &rolled {
        ops::Rolled::NothingRolledUp => say(
            common,
            "Riket skrevs inte: det finns ingen regions redovisning att räkna in.",
        ),
        ops::Rolled::Errors => say(
            common,
            "Riket skrevs inte: några filer kunde inte räknas in. Rätta dem, eller kör med --allow-errors för ett utkast.",
        ),
        ops::Rolled::Written {
            year,
            reported,
            outputs,
            errors,
            ..
        } => {
            let mut head = vec![format!(
                "Riket {year}: {} av {} regioner har lämnat en redovisning.",
                reported.0, reported.1
            )];
            if *errors > 0 {
                head.push(
                    "Sammanställningen är ett UTKAST: några filer kunde inte räknas in.".into(),
                );
            }
            say(common, &summary(&head, &job, outputs));
        }
    }
    Ok(u8::from(rolled.fails(run.deny_warnings)))
}

/// `init`: a working folder with everything the program uses built in, to edit.
fn init(common: &Common, args: &args::InitArgs) -> Result<u8, Error> {
    let dir = args.dir.clone().unwrap_or_else(|| ".".into());
    let written = ops::init(&dir)?;
    say(
        common,
        &format!(
            "Skrev {} till {}: redovisa.toml, riket.toml, templates/, texter/, input/ (exemplet) och output/.\nKör `redovisa` i mappen för att bygga exemplets rapport; byt sedan ut arbetsböckerna i input/ mot förvaltningarnas.",
            count_word(written.len() as u64, "fil", "filer"),
            dir.display()
        ),
    );
    Ok(0)
}

fn sample(common: &Common, args: &SampleArgs) -> Result<u8, Error> {
    let job = resolve(common)?;
    if args.riket {
        let to = args.to.clone().unwrap_or_else(|| "regioner".into());
        let wrote = ops::sample_riket(&job, &to, args.seed, args.force)?;
        say(
            common,
            &format!(
                "Skrev {} regioners redovisningar till {}; sammanställ dem med `redovisa riket --input {}`",
                wrote.workbooks,
                wrote.dir.display(),
                wrote.dir.display()
            ),
        );
        return Ok(0);
    }
    let options = ops::SampleOptions {
        to: args.to.as_deref(),
        size: ops::Size {
            administrations: args.administrations,
            rows: args.rows,
            clinics: args.clinics,
            seed: args.seed,
            partial: args.partial,
        },
        force: args.force,
    };
    let wrote = ops::sample(&job, &options)?;
    say(
        common,
        &format!(
            "Skrev {} arbetsböcker till {}",
            wrote.workbooks,
            wrote.dir.display()
        ),
    );
    Ok(0)
}

fn template(common: &Common, args: &TemplateArgs) -> Result<u8, Error> {
    let job = resolve(common)?;
    let options = ops::TemplateOptions {
        administrations: args.administrations.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
    };
    let front = Front::new(common, &job, false);
    for blank in ops::template(&job, &options, &front)? {
        let whose = if blank.administration.is_empty() {
            String::new()
        } else {
            format!(" ({})", blank.administration)
        };
        let carried = if blank.carried > 0 {
            format!(
                ", med {} från förra året att fylla i",
                count_word(blank.carried as u64, "insats", "insatser")
            )
        } else {
            String::new()
        };
        say(
            common,
            &format!("Skrev {}{whose}{carried}", blank.path.display()),
        );
    }
    Ok(0)
}

fn templates(
    common: &Common,
    previous: Option<&std::path::Path>,
    action: TemplatesAction,
) -> Result<u8, Error> {
    let job = resolve(common)?;
    let front = Front::new(common, &job, false);
    match action {
        TemplatesAction::Context => {
            let json = ops::templates_context(&job, previous, &front)?;
            out(&format!("{json}\n"));
        }
        TemplatesAction::Check => {
            for name in ops::templates_check(&job, previous, &front)? {
                let typeset = if name == ops::PDF_TEMPLATE {
                    " (satt med Typst)"
                } else {
                    ""
                };
                say(common, &format!("{name}: ok{typeset}"));
            }
        }
    }
    Ok(0)
}
