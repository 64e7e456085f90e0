//! The command line: parses arguments, resolves them into a checked [`Job`] (paths,
//! configuration, templates, report date), runs the pipeline and maps the outcome to an
//! exit code (0 success, 1 data errors, 2 the program could not do its job).

mod args;
mod progress;
mod resolve;
mod stop;
mod swedish;
mod timings;
mod watchdog;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use args::{Command, Common, FormatArg, RunFlags, SampleArgs, TemplateArgs, TemplatesAction};
use redovisa::diagnostic::Severity;
use redovisa::error::Error;
use redovisa::render::diagnostics::{Findings, Style};
use redovisa::{Checked, Job, Progress};
use resolve::{load_templates, load_texts, refuse_output_in_input, refuse_workbooks_in, resolve};
use timings::Clock;

/// Runs the program and returns its exit code.
pub fn run() -> ExitCode {
    let cli = match swedish::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    redovisa::quiet_file_panics();
    stop::on_signals();
    let result = dispatch(cli);
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("redovisa: {e}");
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
    }
}

/// Prints the findings to stdout in the chosen format.
fn print_findings(common: &Common, job: &Job, checked: &Checked) {
    let shown: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| !common.quiet || d.severity == Severity::Error)
        .cloned()
        .collect();
    let mut prefix = job.input.display().to_string();
    if !prefix.ends_with('/') {
        prefix.push('/');
    }
    let findings = Findings {
        files: &checked.files,
        diagnostics: &shown,
        input_prefix: &prefix,
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let text = redovisa::render::diagnostics::format(style(common.format()), &findings);
    if !(common.quiet && common.format() == FormatArg::Human && shown.is_empty()) {
        out(&text);
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
    let mut clock = Clock::new(args.timings);
    let job = resolve(common)?;
    let bars = progress::Bars::new(common.quiet);
    let mut checked = redovisa::check_with(&job.input, &job.config, &bars, false)?;
    checked.sort_findings();
    let rows: usize = checked.files.iter().map(|f| f.rows_read).sum();
    clock.lap("läsa och validera", rows);
    clock.threads(checked.times, rows);
    print_findings(common, &job, &checked);
    if let Some(dir) = &args.feedback {
        write_feedback(common, &job, dir, &checked.diagnostics)?;
    }
    let fail = checked.has_errors() || (args.deny_warnings && checked.has_warnings());
    clock.report();
    Ok(u8::from(fail))
}

/// Writes the feedback workbooks (`--feedback DIR`) for the files with findings, and
/// says which.
fn write_feedback(
    common: &Common,
    job: &Job,
    dir: &Path,
    diagnostics: &[redovisa::diagnostic::Diagnostic],
) -> Result<(), Error> {
    if resolve::same_folder(dir, &job.input) {
        return Err(Error::Usage(
            "återkopplingen kan inte skrivas i indatamappen: den skulle läsas som underlag nästa gång".into(),
        ));
    }
    let workbooks = redovisa::feedback_workbooks(&job.input, &job.config, diagnostics)?;
    redovisa::write::write_all(dir, &workbooks)?;
    say(
        common,
        &format!(
            "Återkoppling: {} i {}",
            redovisa::text::count_word(workbooks.len() as u64, "arbetsbok", "arbetsböcker"),
            dir.display()
        ),
    );
    Ok(())
}

fn build(common: &Common, args: &RunFlags) -> Result<u8, Error> {
    let mut clock = Clock::new(args.timings);
    let job = resolve(common)?;
    refuse_output_in_input(&job)?;
    let templates = load_templates(common)?;
    let (texts, text_findings) = load_texts(common, &job.config)?;
    let bars = progress::Bars::new(common.quiet);
    let mut checked = redovisa::check(&job.input, &job.config, &bars)?;
    checked.diagnostics.extend(text_findings);
    let rows: usize = checked.files.iter().map(|f| f.rows_read).sum();
    clock.lap("läsa och validera", rows);
    clock.threads(checked.times, rows);
    let previous = redovisa::load_previous(
        args.previous.as_deref(),
        &job.output,
        &job.config,
        &mut checked,
    );
    let anything = redovisa::require_accepted(&mut checked);
    checked.sort_findings();
    print_findings(common, &job, &checked);
    if let Some(dir) = &args.feedback {
        write_feedback(common, &job, dir, &checked.diagnostics)?;
    }
    let errors = checked.has_errors();
    if !anything {
        say(
            common,
            "Rapporten skrevs inte: det finns inget godkänt underlag. Den förra rapporten ligger kvar.",
        );
        clock.report();
        return Ok(1);
    }
    if errors && !args.allow_errors {
        say(
            common,
            "Rapporten skrevs inte: underlaget innehåller fel. Rätta felen, eller kör med --allow-errors för ett utkast.",
        );
        clock.report();
        return Ok(1);
    }
    bars.stage("Sammanställer", 0);
    let report = redovisa::build_report(
        checked,
        &job.config,
        job.date,
        errors,
        previous.as_ref(),
        &texts,
    )?;
    clock.lap("sammanställa", rows);
    bars.stage("Skriver rapporten", 0);
    let staging = redovisa::write::Staging::new(&job.output)?;
    stop::staging(staging.path());
    let growth = job.config.limits.max_render_mib << 20;
    let headline = headline(&report);
    let rendered = watchdog::bounded(growth, &render_stopped(&job), || {
        redovisa::render::render(report, &templates, &staging)
    });
    // From here on a stop must not remove the staging folder: once the move has begun,
    // its journal lets the next run complete it (`redovisa::write`).
    stop::done(staging.path());
    let times = rendered?;
    clock.lap("rendera och skriva", rows);
    clock.line("  varav xlsx", times.xlsx, rows, "  (en tråd)");
    clock.line(
        "  varav text (4 filer)",
        times.text,
        rows,
        "  (den andra tråden)",
    );
    clock.line("  varav PDF", times.pdf, rows, "  (därefter)");
    let names = staging.commit()?;
    clock.lap("flytta på plats", rows);
    bars.done();
    say(common, &summary(&headline, &job, &names));
    clock.report();
    Ok(u8::from(errors))
}

/// Why a run ended while its templates rendered.
fn render_stopped(job: &Job) -> String {
    format!(
        "mallarna avbröts: minnet växte med mer än {} MiB medan de renderades \
         (limits.max_render_mib; bygger en mall en allt längre text, till exempel i en loop?). \
         Inget skrevs; den förra rapporten ligger kvar.",
        redovisa::text::group(job.config.limits.max_render_mib as f64)
    )
}

/// The key figures `build` says when it is done: region and year, money, findings, and
/// whether it is a draft (taken before the report is handed to the renderers).
fn headline(report: &redovisa::report::Report) -> Vec<String> {
    use redovisa::text::{count_word, num};
    let t = &report.totals;
    let mut lines = vec![
        format!(
            "{} {}: {}, använda medel {} kr, varav överenskommelsemedel {} kr; utnyttjandegrad {}.",
            report.region,
            report.year,
            count_word(t.initiatives, "insats", "insatser"),
            num(t.spent_kr.kronor(), 0),
            num(t.agreement_funds_kr.kronor(), 0),
            t.utilisation_pct
                .map_or("..".to_string(), |p| format!("{}\u{a0}%", num(p, 1))),
        ),
        format!(
            "{}, {}.",
            count_word(report.tally.errors as u64, "fel", "fel"),
            count_word(report.tally.warnings as u64, "varning", "varningar"),
        ),
    ];
    if report.draft {
        lines.push("Rapporten är ett UTKAST: underlaget innehåller fel.".to_string());
    }
    lines
}

/// What `build` says when it is done: the key figures, and where the report is.
fn summary(headline: &[String], job: &Job, names: &[String]) -> String {
    let mut lines = vec![String::new()];
    lines.extend(headline.iter().cloned());
    lines.push(format!("Rapporten finns i {}:", job.output.display()));
    for name in names {
        lines.push(format!("  {}", job.output.join(name).display()));
    }
    if let Some(html) = names.iter().find(|n| n.ends_with(".html")) {
        lines.push(format!(
            "Öppna {} i en webbläsare för att läsa den.",
            job.output.join(html).display()
        ));
    }
    lines.join("\n")
}

fn sample(common: &Common, args: &SampleArgs) -> Result<u8, Error> {
    let job = resolve(common)?;
    let dir = args.to.clone().unwrap_or(job.input);
    let size = redovisa::sample::Size {
        administrations: args.administrations,
        rows: args.rows,
        clinics: args.clinics,
        seed: args.seed,
        partial: args.partial,
    };
    if !args.force {
        refuse_workbooks_in(&dir)?;
    }
    let workbooks = redovisa::sample::generate(&job.config, size)?;
    redovisa::write::write_all(&dir, &workbooks)?;
    say(
        common,
        &format!(
            "Skrev {} arbetsböcker till {}",
            workbooks.len(),
            dir.display()
        ),
    );
    Ok(0)
}

fn template(common: &Common, args: &TemplateArgs) -> Result<u8, Error> {
    let job = resolve(common)?;
    let mut names = args.administrations.clone();
    let mut carried = Vec::new();
    if let Some(from) = &args.from {
        let last_year = last_year(from, &job)?;
        names.extend(last_year.administrations);
        carried = last_year.going_on;
    }
    if names.is_empty() {
        names.push(String::new());
    }
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(redovisa::text::collapse(n)));
    let files = redovisa::input_template::file_names(&names, job.config.year);
    let mut carried_counts = Vec::with_capacity(names.len());
    let workbooks = names
        .iter()
        .zip(files)
        .map(|(name, file)| {
            let key = redovisa::text::collapse(name);
            let theirs = carried
                .iter()
                .filter(|c| redovisa::text::collapse(&c.administration) == key);
            let prefill = redovisa::input_template::Prefill {
                initiatives: redovisa::input_template::carry::rows(theirs),
                indicators: Vec::new(),
            };
            carried_counts.push(prefill.initiatives.len());
            let bytes = redovisa::input_template::workbook(&job.config, name, &prefill)?;
            Ok((file, bytes))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let dir = args.to.clone().unwrap_or_else(|| job.output.join("mallar"));
    redovisa::write::write_all(&dir, &workbooks)?;
    for (((file, _), name), carried) in workbooks.iter().zip(&names).zip(carried_counts) {
        let whose = if name.is_empty() {
            String::new()
        } else {
            format!(" ({name})")
        };
        let carried = if carried > 0 {
            format!(
                ", med {} från förra året att fylla i",
                redovisa::text::count_word(carried as u64, "insats", "insatser")
            )
        } else {
            String::new()
        };
        say(
            common,
            &format!("Skrev {}{whose}{carried}", dir.join(file).display()),
        );
    }
    Ok(0)
}

/// What a new year's workbooks take from last year.
struct LastYear {
    /// The administrations that reported.
    administrations: Vec<String>,
    /// Their initiatives that were planned or ongoing at the end of the year.
    going_on: Vec<redovisa::input_template::carry::Carried>,
}

/// Last year, from its input folder (checked again) or from its report's JSON.
fn last_year(from: &Path, job: &Job) -> Result<LastYear, Error> {
    use redovisa::input_template::carry;
    if from.is_dir() {
        let checked = redovisa::check(from, &job.config, &())?;
        let published = checked
            .initiatives
            .iter()
            .filter_map(|i| serde_json::to_value(i).ok());
        return Ok(LastYear {
            going_on: carry::going_on(published),
            administrations: checked
                .files
                .into_iter()
                .filter(|f| f.rows_read > 0)
                .map(|f| f.administration)
                .collect(),
        });
    }
    let text = std::fs::read_to_string(from).map_err(|source| Error::Read {
        path: from.to_path_buf(),
        source,
    })?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Error::Usage(format!(
            "{}: ingen redovisning i JSON ({e})",
            from.display()
        ))
    })?;
    let administrations = json["by_administration"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["administration"].as_str().map(str::to_string))
        .collect();
    let published = json["initiatives"].as_array().cloned().unwrap_or_default();
    Ok(LastYear {
        administrations,
        going_on: carry::going_on(published),
    })
}

fn templates(
    common: &Common,
    previous: Option<&Path>,
    action: TemplatesAction,
) -> Result<u8, Error> {
    let job = resolve(common)?;
    let templates = load_templates(common)?;
    let (texts, text_findings) = load_texts(common, &job.config)?;
    let bars = progress::Bars::new(common.quiet);
    let mut checked = redovisa::check(&job.input, &job.config, &bars)?;
    checked.diagnostics.extend(text_findings);
    let previous = redovisa::load_previous(previous, &job.output, &job.config, &mut checked);
    checked.sort_findings();
    let draft = checked.has_errors();
    let report = redovisa::build_report(
        checked,
        &job.config,
        job.date,
        draft,
        previous.as_ref(),
        &texts,
    )?;
    match action {
        TemplatesAction::Context => {
            let context = redovisa::render::templates::context(&report);
            let json =
                serde_json::to_string_pretty(&context).map_err(|e| Error::Usage(e.to_string()))?;
            out(&format!("{json}\n"));
        }
        TemplatesAction::Check => {
            let growth = job.config.limits.max_render_mib << 20;
            let context = redovisa::render::templates::context(&report);
            for (name, _) in redovisa::render::templates::OUTPUTS {
                watchdog::bounded(growth, &render_stopped(&job), || {
                    templates.render_string(name, &context)
                })?;
                say(common, &format!("{name}: ok"));
            }
            watchdog::bounded(growth, &render_stopped(&job), || {
                redovisa::render::typeset(&report, &templates, &context)
            })?;
            say(
                common,
                &format!("{}: ok (satt med Typst)", redovisa::render::pdf::TEMPLATE),
            );
        }
    }
    Ok(0)
}
