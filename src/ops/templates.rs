//! `templates check` and `templates context`: the report templates tried out on this
//! year's data, writing nothing. The report is built as `build --allow-errors` would
//! build it (a draft when the data has errors), so that an analyst can work on the
//! templates while the submissions are still being mended.

use super::build::previous_report;
use super::{Host, Job, load_templates, load_texts};
use crate::error::Error;
use crate::pipeline::{self, Records};
use crate::render::templates::{self, Templates};
use crate::report::Report;

/// The report and the templates, for both operations.
fn report(
    job: &Job,
    previous: Option<&std::path::Path>,
    host: &dyn Host,
) -> Result<(Report, Templates), Error> {
    let templates = load_templates(job)?;
    let (texts, text_findings) = load_texts(job)?;
    let mut checked = pipeline::check(&job.input, &job.config, host, Records::Kept)?;
    checked.diagnostics.extend(text_findings);
    let previous = previous_report(previous, job, &mut checked)?;
    checked.sort_findings();
    let draft = checked.has_errors();
    let report = pipeline::assemble(
        checked,
        &job.config,
        job.date,
        draft,
        previous.as_ref(),
        &texts,
    )?;
    Ok((report, templates))
}

/// The context every template receives, as indented JSON: what an analyst can use.
pub fn templates_context(
    job: &Job,
    previous: Option<&std::path::Path>,
    host: &dyn Host,
) -> Result<String, Error> {
    let (report, _) = report(job, previous, host)?;
    let context = templates::context(&report);
    serde_json::to_string_pretty(&context).map_err(|e| Error::Template {
        template: "(sammanhanget)".into(),
        line: None,
        message: format!("sammanhanget kan inte skrivas som JSON: {e}"),
    })
}

/// Renders every template (and typesets the PDF's) without writing anything; returns the
/// names of the templates that rendered, in order. The first that fails is the error.
pub fn templates_check(
    job: &Job,
    previous: Option<&std::path::Path>,
    host: &dyn Host,
) -> Result<Vec<String>, Error> {
    let (report, templates) = report(job, previous, host)?;
    let context = templates::context(&report);
    let mut ok = Vec::new();
    for (name, _) in templates::OUTPUTS {
        let mut result = None;
        host.guarded(&mut || result = Some(templates.render_string(name, &context)));
        result.expect("the host ran the template")?;
        ok.push(name.to_string());
    }
    let mut result = None;
    host.guarded(&mut || {
        result = Some(crate::render::typeset(&report, &templates, &context));
    });
    result.expect("the host ran the template")?;
    ok.push(crate::render::pdf::TEMPLATE.to_string());
    // The national roll-up's templates, on a roll-up of this one report.
    let config = crate::riket::NationalConfig::default_config();
    let summary = crate::riket::Summary::of("redovisning.json", report);
    let admitted = crate::riket::admit(vec![Ok(summary)], &config, None, job.config.year);
    let national = crate::riket::national(admitted, &config, job.date);
    let context = templates::riket_context(&national);
    for (name, _) in templates::RIKET_OUTPUTS {
        let mut result = None;
        host.guarded(&mut || result = Some(templates.render_string(name, &context)));
        result.expect("the host ran the template")?;
        ok.push(name.to_string());
    }
    let markup = templates.render_string(templates::RIKET_PDF, &context)?;
    crate::render::pdf::typeset(markup, "riket", job.date)?;
    ok.push(templates::RIKET_PDF.to_string());
    Ok(ok)
}
