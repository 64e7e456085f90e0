//! `redovisa init`: a working folder that builds the example as the repository does,
//! carrying every file of the repository's templates, texts and example; and never a
//! file overwritten.

use crate::common::*;

#[test]
fn init_then_build_gives_the_repositorys_example() {
    let sc = Scratch::new();
    let folder = sc.dir.path().join("arbete");
    let out = run_in(sc.dir.path(), &["init", folder.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    let out = run_in(&folder, &["--date", "2026-03-31", "--quiet"]);
    assert_eq!(code(&out), 0);
    let reference = sc.dir.path().join("referens");
    let out = run_in(
        &repo(),
        &[
            "--output",
            reference.to_str().unwrap(),
            "--date",
            "2026-03-31",
            "--quiet",
        ],
    );
    assert_eq!(code(&out), 0);
    let mut compared = 0;
    for entry in std::fs::read_dir(&reference).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        let ours = std::fs::read(folder.join("output").join(name)).unwrap();
        assert!(ours == std::fs::read(&path).unwrap(), "{name:?} differs");
        compared += 1;
    }
    assert_eq!(compared, 6);
}

#[test]
fn init_carries_every_file_of_the_repositorys_folders() {
    for dir in ["templates", "texter", "input"] {
        for entry in std::fs::read_dir(repo().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let carried = redovisa::ops::INIT_FILES
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("init does not write {name}"));
            assert!(
                carried.1 == std::fs::read(&path).unwrap().as_slice(),
                "{name}"
            );
        }
    }
    for top in ["redovisa.toml", "riket.toml"] {
        assert!(redovisa::ops::INIT_FILES.iter().any(|(n, _)| *n == top));
    }
}

#[test]
fn init_over_a_file_that_exists_changes_nothing() {
    let sc = Scratch::new();
    let folder = sc.dir.path().join("arbete");
    std::fs::create_dir_all(folder.join("texter")).unwrap();
    std::fs::write(folder.join("texter/inledning.md"), "Vår egen inledning.").unwrap();
    let out = run_in(sc.dir.path(), &["init", folder.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("texter/inledning.md") && err.contains("skriver inte över"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(folder.join("texter/inledning.md")).unwrap(),
        "Vår egen inledning."
    );
    let left: Vec<_> = walk(&folder);
    assert_eq!(
        left,
        vec![folder.join("texter/inledning.md")],
        "nothing else written"
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
