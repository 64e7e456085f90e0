//! The layers of ARCHITECTURE.md, checked from the sources: a top-level module of `src/`
//! uses only modules below it, and no two files of one module use each other (directly
//! or round a longer loop). Reads `src/` as text: a `crate::name` in code (tests and
//! comments left out) is a use of `name`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules, lowest first: each may use only those before it.
const LAYERS: [&str; 22] = [
    // 1. leaves
    "text",
    "error",
    "diagnostic",
    "value",
    "rows",
    // 2. the year's terms
    "config",
    "schema",
    "model",
    "texts",
    // 3. stages
    "read",
    "discover",
    "validate",
    "consolidate",
    "sample",
    "input_template",
    // 4. the report, and the pipeline that makes it
    "report",
    "riket",
    "pipeline",
    // 5. outputs
    "render",
    "feedback",
    // 6. the file system's other end
    "write",
    // 7. the operations, the library's face
    "ops",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file: without its test module and without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that follow `prefix` in `code` (`crate::text::num` → `text`), and those
/// inside a braced use (`use crate::{a, b::c}` → `a`, `b`).
fn uses(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if let Some(inner) = rest.strip_prefix('{') {
            let inner = &inner[..inner.find('}').unwrap_or(inner.len())];
            for part in inner.split(',') {
                let name = part.trim().split("::").next().unwrap_or("").trim();
                if !name.is_empty() {
                    out.insert(name.to_string());
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The top-level module of a file under `src/`, or `None` for `lib.rs`, `main.rs`, `cli/`.
fn top(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_string();
    (!["lib", "main", "cli"].contains(&name.as_str())).then_some(name)
}

#[test]
fn every_module_is_in_a_layer() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    let tops: BTreeSet<String> = all.iter().filter_map(|p| top(p)).collect();
    for t in &tops {
        assert!(
            LAYERS.contains(&t.as_str()),
            "src/{t} is in no layer: add it to ARCHITECTURE.md and LAYERS"
        );
    }
}

#[test]
fn no_module_uses_one_above_it() {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut all = Vec::new();
    files(&src(), &mut all);
    let mut upward = Vec::new();
    for path in &all {
        let Some(me) = top(path) else { continue };
        let my_rank = rank(&me).unwrap();
        for used in uses(&code(path), "crate::") {
            if let Some(r) = rank(&used)
                && r > my_rank
            {
                let file = path.strip_prefix(src()).unwrap().display().to_string();
                upward.push(format!("src/{file} ({me}) uses {used}"));
            }
        }
    }
    assert!(upward.is_empty(), "uses upward:\n{}", upward.join("\n"));
}

#[test]
fn no_two_files_of_a_module_use_each_other() {
    let mut all = Vec::new();
    files(&src(), &mut all);
    // Edges between sibling files: `super::x` and `crate::<module>::x`.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &all {
        let Some(parent) = path.parent() else {
            continue;
        };
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        if stem == "mod" || parent == src() {
            continue;
        }
        let module = parent.strip_prefix(src()).unwrap().display().to_string();
        let me = format!("{module}/{stem}");
        let code = code(path);
        let siblings: BTreeSet<String> = uses(&code, "super::")
            .into_iter()
            .chain(uses(
                &code,
                &format!("crate::{}::", module.replace('/', "::")),
            ))
            .filter(|s| parent.join(format!("{s}.rs")).exists())
            .map(|s| format!("{module}/{s}"))
            .filter(|s| *s != me)
            .collect();
        edges.entry(me).or_default().extend(siblings);
    }
    // Depth-first search for a cycle.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            return Some(path[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("files that use each other: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_check_sees_an_upward_use() {
    let found = uses(
        "use crate::{text::num, render::format};\nlet x = crate::write::LOCK;",
        "crate::",
    );
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["render", "text", "write"]
    );
}
