//! The CI examples in `ci-exempel/` run: each job's script steps, taken from the YAML as
//! the CI system would take them, run here with `sh` on the example and on a folder with
//! an error (the installation step is what the runner does first, and is only checked to
//! be there).

use crate::common::*;

/// The commands of a GitHub Actions workflow's `run:` steps, in order.
fn github_steps(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter_map(|l| l.trim().strip_prefix("run: "))
        .map(str::to_string)
        .collect()
}

/// The commands under a GitLab job's `key:` (`before_script`, `script`), in order.
fn gitlab_steps(yaml: &str, key: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in yaml.lines() {
        if line.trim() == format!("{key}:") {
            inside = true;
        } else if inside {
            match line.trim().strip_prefix("- ") {
                Some(cmd) if line.starts_with("    ") => out.push(cmd.to_string()),
                _ => inside = false,
            }
        }
    }
    out
}

/// Runs `steps` in `dir` with the program on the PATH, stopping at the first that fails
/// as a CI runner does; returns how many succeeded and the output of all.
fn run_steps(dir: &std::path::Path, steps: &[String]) -> (usize, String) {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_redovisa"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut log = String::new();
    for (k, step) in steps.iter().enumerate() {
        let out = std::process::Command::new("sh")
            .args(["-c", step])
            .current_dir(dir)
            .env("PATH", &path)
            .env("SOURCE_DATE_EPOCH", "1774915200")
            .output()
            .unwrap();
        log.push_str(&String::from_utf8_lossy(&out.stdout));
        log.push_str(&String::from_utf8_lossy(&out.stderr));
        if !out.status.success() {
            return (k, log);
        }
    }
    (steps.len(), log)
}

/// A scratch folder with the example's workbooks in `inlamnat/`, and with `broken` one
/// more workbook whose money is a word.
fn submissions(broken: bool) -> Scratch {
    let sc = Scratch::new();
    let dir = sc.dir.path().join("inlamnat");
    std::fs::create_dir(&dir).unwrap();
    for entry in std::fs::read_dir(repo().join("input")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    if broken {
        simple_book(
            &dir.join("trasig.xlsx"),
            "Trasig",
            vec![vec![s("Ett"), s("digital"), s("Pågående"), s("tusen")]],
        );
    }
    sc
}

#[test]
fn the_github_workflow_gates_and_keeps_the_report_when_clean() {
    let yaml = std::fs::read_to_string(repo().join("ci-exempel/github-actions.yml")).unwrap();
    let steps = github_steps(&yaml);
    assert!(steps[0].starts_with("cargo install"), "{steps:?}");
    let gate = &steps[1..];
    assert!(yaml.contains("actions/upload-artifact") && yaml.contains("path: rapport/"));

    let clean = submissions(false);
    let (done, log) = run_steps(clean.dir.path(), gate);
    assert_eq!(done, gate.len(), "{log}");
    assert!(
        clean
            .dir
            .path()
            .join("rapport/redovisning-2025.pdf")
            .is_file()
    );
    assert!(
        log.contains("::warning") || log.contains("::notice"),
        "{log}"
    );

    let broken = submissions(true);
    let (done, log) = run_steps(broken.dir.path(), gate);
    assert_eq!(done, 0, "the check stops the job");
    assert!(log.contains("::error file=inlamnat/trasig.xlsx"), "{log}");
    assert!(!broken.dir.path().join("rapport").exists());
}

#[test]
fn the_gitlab_job_writes_both_reports_and_the_report_when_clean() {
    let yaml = std::fs::read_to_string(repo().join("ci-exempel/gitlab-ci.yml")).unwrap();
    let install = gitlab_steps(&yaml, "before_script");
    assert!(install[0].starts_with("cargo install"), "{install:?}");
    let script = gitlab_steps(&yaml, "script");
    assert_eq!(script.len(), 3, "{script:?}");
    for report in [
        "codequality: gl-code-quality-report.json",
        "junit: redovisa-junit.xml",
        "when: always",
    ] {
        assert!(yaml.contains(report), "{report}");
    }

    let clean = submissions(false);
    let (done, log) = run_steps(clean.dir.path(), &script);
    assert_eq!(done, script.len(), "{log}");
    assert!(
        clean
            .dir
            .path()
            .join("rapport/redovisning-2025.xlsx")
            .is_file()
    );

    let broken = submissions(true);
    let (done, log) = run_steps(broken.dir.path(), &script);
    assert_eq!(done, 1, "the JUnit step fails the job: {log}");
    let dir = broken.dir.path();
    let quality: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("gl-code-quality-report.json")).unwrap(),
    )
    .unwrap();
    assert!(quality.as_array().unwrap().iter().any(|i| i["severity"] == "critical"
        && i["location"]["path"] == "inlamnat/trasig.xlsx"));
    let junit = std::fs::read_to_string(dir.join("redovisa-junit.xml")).unwrap();
    let doc = roxmltree::Document::parse(&junit).unwrap();
    assert!(doc.descendants().any(|n| n.has_tag_name("failure")));
    assert!(!dir.join("rapport").exists());
}
