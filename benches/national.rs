//! The national-scale benchmark (`just bench`, or `cargo bench --bench national`).
//!
//! Generates a country's worth of submissions once with `redovisa sample` (sizes from
//! `BENCH_ADMINISTRATIONS`, `BENCH_ROWS`, `BENCH_CLINICS`), then measures, over `BENCH_RUNS` runs:
//!
//! 1. the floor: the least work the job cannot avoid — open every workbook and read every
//!    cell with calamine, spread over the cores the way `build` does, then write every
//!    initiative's cells into one xlsx sheet with `rust_xlsxwriter` (compressed at the level
//!    `build` uses for a large workbook);
//! 2. `redovisa check` and `redovisa build` end to end, with their peak memory;
//! 3. the shipped example (one region), end to end;
//! 4. `redovisa build` on two more corpora of the same size, where units report only
//!    January–September (`sample --partial`): 3 % of them, and all of them — the
//!    `incomplete-period` findings, notes and left-out rows that issue 20 bounded.
//!
//! 5. `redovisa riket` over the reports of all 21 regions, each of national size (30
//!    administrations × 1 000 initiatives, about 30 000 initiatives and 16 MB of JSON): one
//!    region's report built by `build`, copied under every region's name.
//!    `BENCH_RIKET_ONLY=1` runs this part alone.
//!
//! Every unit has a name of its own, so no unit is reported by two administrations.
//! Prints medians and the ratios to the floor. Figures go into BENCHMARKS.md by hand.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use calamine::{Data, DataRef, Reader, Xlsx};
use rayon::prelude::*;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn binary() -> PathBuf {
    root().join("target/release/redovisa")
}

/// Runs the program and returns (seconds, peak resident memory in MiB). The peak is the
/// child's own high-water mark (`VmHWM`), polled while it runs: the rusage of a child also
/// counts the parent's memory at the moment it was spawned.
fn run(args: &[&str]) -> (f64, f64) {
    settle();
    let start = Instant::now();
    let mut child = Command::new(binary())
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the release binary is built (cargo build --release)");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0f64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_file)
            && let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kib: f64 = line
                .split_whitespace()
                .nth(1)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0.0);
            peak_kib = peak_kib.max(kib);
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    (start.elapsed().as_secs_f64(), peak_kib / 1024.0)
}

/// The sheet data of the workbooks unpacked (worksheets and shared strings), in MiB: the
/// bound on `build`'s peak memory.
fn unpacked_sheet_data(files: &[PathBuf]) -> f64 {
    let mut bytes = 0u64;
    for path in files {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i).unwrap();
            let name = entry.name().unwrap();
            if name.starts_with("xl/worksheets/") || name == "xl/sharedStrings.xml" {
                bytes += entry.size();
            }
        }
    }
    bytes as f64 / (1024.0 * 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Reads every cell of every sheet; returns the cell count and the initiatives' cells.
fn read_all(path: &Path) -> (usize, Vec<Vec<Data>>) {
    let bytes = std::fs::read(path).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut count = 0;
    let mut initiatives: Vec<Vec<Data>> = Vec::new();
    for name in wb.sheet_names() {
        let keep = name == "Insatser";
        let mut reader = wb.worksheet_cells_reader(&name).unwrap();
        while let Some(cell) = reader.next_cell().unwrap() {
            count += 1;
            if keep && !matches!(cell.get_value(), DataRef::Empty) {
                let (row, col) = cell.get_position();
                let row = row as usize;
                if initiatives.len() <= row {
                    initiatives.resize(row + 1, Vec::new());
                }
                let r = &mut initiatives[row];
                if r.len() <= col as usize {
                    r.resize(col as usize + 1, Data::Empty);
                }
                r[col as usize] = cell.get_value().clone().into();
            }
        }
    }
    (count, initiatives)
}

/// Starts every measurement from the same state: what earlier measurements left in the
/// page cache is written out (so that a measurement's own `fsync`s do not also wait for
/// it), and the machine rests a moment (measured back to back, whatever came last ran
/// up to 15 % slower than alone).
#[allow(unsafe_code)]
fn settle() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
    std::thread::sleep(std::time::Duration::from_secs(2));
}

/// The floor: read everything in parallel, then write the initiatives into one sheet.
fn floor(input: &Path, out: &Path) -> (f64, f64, usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    settle();
    let start = Instant::now();
    let read: Vec<(usize, Vec<Vec<Data>>)> = files.par_iter().map(|p| read_all(p)).collect();
    let read_s = start.elapsed().as_secs_f64();
    let cells: usize = read.iter().map(|(c, _)| c).sum();
    let start = Instant::now();
    let mut wb = rust_xlsxwriter::Workbook::new();
    // The same compression as `build` uses for a workbook this large.
    wb.set_zip_compression_level(redovisa::internals::LARGE_COMPRESSION_LEVEL);
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    let mut row = 0u32;
    let mut written = 0;
    for (_, rows) in &read {
        for r in rows.iter().skip(5) {
            for (c, v) in r.iter().enumerate() {
                let c = c as u16;
                match v {
                    Data::String(s) => ws.write_string(row, c, s).map(|_| ()),
                    Data::Float(f) => ws.write_number(row, c, *f).map(|_| ()),
                    Data::Int(i) => ws.write_number(row, c, *i as f64).map(|_| ()),
                    Data::DateTime(d) => ws.write_number(row, c, d.as_f64()).map(|_| ()),
                    _ => Ok(()),
                }
                .unwrap();
                written += 1;
            }
            row += 1;
        }
    }
    let bytes = wb.save_to_buffer().unwrap();
    std::fs::write(out, bytes).unwrap();
    let write_s = start.elapsed().as_secs_f64();
    eprintln!("  floor: {cells} cells read, {written} initiative cells written");
    (read_s, write_s, cells)
}

/// The sizes of the corpora: administrations, initiatives each, clinics each.
#[derive(Clone, Copy)]
struct Size {
    admins: usize,
    rows: usize,
    clinics: usize,
}

/// Generates a corpus once (kept in `target/bench/`) and returns its input folder:
/// `partial` is the share of units, in per cent, that stop reporting after September.
fn corpus(size: Size, partial: Option<u8>) -> PathBuf {
    let Size {
        admins,
        rows,
        clinics,
    } = size;
    let tag = partial.map_or(String::new(), |p| format!("-partial{p}"));
    let dir = root().join(format!("target/bench/{admins}x{rows}x{clinics}{tag}"));
    let input = dir.join("input");
    if !input.join(".complete").exists() {
        eprintln!("generating {admins} workbooks in {}", input.display());
        let (a, r, c) = (admins.to_string(), rows.to_string(), clinics.to_string());
        let mut args = vec![
            "sample".to_string(),
            "--administrations".into(),
            a,
            "--rows".into(),
            r,
            "--clinics".into(),
            c,
            "--seed".into(),
            "1".into(),
            "--to".into(),
            input.to_str().unwrap().into(),
            "--quiet".into(),
            "--force".into(),
        ];
        if let Some(p) = partial {
            args.extend(["--partial".to_string(), p.to_string()]);
        }
        let status = Command::new(binary()).args(&args).status().unwrap();
        assert!(status.success());
        std::fs::write(input.join(".complete"), b"").unwrap();
    }
    input
}

/// `build` of `input` into a folder beside it: (seconds, peak MiB).
fn build_beside(input: &Path) -> (f64, f64) {
    let output = input.with_file_name("output");
    run(&[
        "build",
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--quiet",
        "--date",
        "2026-03-31",
    ])
}

/// The reports of the 21 regions for the roll-up (kept in `target/bench/riket/`): one
/// region of national size built once, its report copied under each region's name.
fn riket_corpus() -> PathBuf {
    let dir = root().join("target/bench/riket");
    let reports = dir.join("regioner");
    if reports.join(".complete").exists() {
        return reports;
    }
    let one = corpus(
        Size {
            admins: 30,
            rows: 1000,
            clinics: 3,
        },
        None,
    );
    let built = dir.join("region");
    let (_, _) = run(&[
        "build",
        "--input",
        one.to_str().unwrap(),
        "--output",
        built.to_str().unwrap(),
        "--quiet",
        "--date",
        "2026-03-31",
    ]);
    let text = std::fs::read_to_string(built.join("redovisning-2025.json")).unwrap();
    let config = redovisa::riket::NationalConfig::default_config();
    for region in &config.regions {
        let named = text.replacen(
            "\"region\":\"Region Exempel\"",
            &format!("\"region\":\"{}\"", region.name),
            1,
        );
        assert_ne!(named, text, "the report names its region once at the start");
        let folder = reports.join(&region.code);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("redovisning-2025.json"), named).unwrap();
    }
    std::fs::write(reports.join(".complete"), b"").unwrap();
    reports
}

/// `riket` over the 21 national-size reports: prints the median time and the peak.
fn bench_riket(runs: usize) {
    let reports = riket_corpus();
    let bytes: u64 = std::fs::read_dir(&reports)
        .unwrap()
        .filter_map(|e| std::fs::metadata(e.unwrap().path().join("redovisning-2025.json")).ok())
        .map(|m| m.len())
        .sum();
    let out = reports.with_file_name("riket-output");
    let (mut times, mut peak) = (vec![], 0f64);
    for _ in 0..runs {
        let (s, m) = run(&[
            "riket",
            "--input",
            reports.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--quiet",
            "--date",
            "2026-04-15",
        ]);
        times.push(s);
        peak = peak.max(m);
    }
    println!(
        "  riket, 21 regions' reports ({:.0} MB) {:8.2} s   peak {peak:.0} MiB",
        bytes as f64 / 1e6,
        median(times)
    );
}

fn main() {
    if std::env::var_os("BENCH_RIKET_ONLY").is_some() {
        println!("The national roll-up, median of {}", env("BENCH_RUNS", 3));
        bench_riket(env("BENCH_RUNS", 3));
        return;
    }
    let admins = env("BENCH_ADMINISTRATIONS", 311);
    let rows = env("BENCH_ROWS", 2000);
    let clinics = env("BENCH_CLINICS", 42);
    let runs = env("BENCH_RUNS", 3);
    let size = Size {
        admins,
        rows,
        clinics,
    };
    let input = corpus(size, None);
    let dir = input.parent().unwrap().to_path_buf();
    let partial = [3u8, 100].map(|p| (p, corpus(size, Some(p))));
    let data_rows = admins * (rows + clinics * 3 * 12);
    let input_s = input.to_str().unwrap();
    let output = dir.join("output");
    let output_s = output.to_str().unwrap();
    let (mut f_read, mut f_write, mut check, mut build, mut example) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut check_mem, mut build_mem) = (0f64, 0f64);
    let mut partial_runs: Vec<(Vec<f64>, f64)> = vec![(vec![], 0.0); partial.len()];
    for i in 0..runs {
        eprintln!("run {} of {runs}", i + 1);
        let (r, w, _) = floor(&input, &dir.join("floor.xlsx"));
        f_read.push(r);
        f_write.push(w);
        let (s, m) = run(&["check", "--input", input_s, "--quiet"]);
        check.push(s);
        check_mem = check_mem.max(m);
        let (s, m) = run(&[
            "build",
            "--input",
            input_s,
            "--output",
            output_s,
            "--quiet",
            "--date",
            "2026-03-31",
        ]);
        build.push(s);
        build_mem = build_mem.max(m);
        let example_out = dir.join("example-output");
        let example_in = root().join("input");
        let (s, _) = run(&[
            "build",
            "--input",
            example_in.to_str().unwrap(),
            "--output",
            example_out.to_str().unwrap(),
            "--quiet",
            "--date",
            "2026-03-31",
        ]);
        example.push(s);
        for ((_, input), (times, peak)) in partial.iter().zip(&mut partial_runs) {
            let (s, m) = build_beside(input);
            times.push(s);
            *peak = peak.max(m);
        }
    }
    let (fr, fw) = (median(f_read), median(f_write));
    let workbooks: Vec<PathBuf> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    let sheet_mib = unpacked_sheet_data(&workbooks);
    let (c, b, e) = (median(check), median(build), median(example));
    let cores = rayon::current_num_threads();
    println!(
        "National-scale benchmark: {admins} workbooks, {data_rows} data rows, {cores} cores, median of {runs}"
    );
    println!("  floor, read every cell        {fr:8.2} s");
    println!("  floor, write the initiatives  {fw:8.2} s");
    println!("  floor, total                  {:8.2} s", fr + fw);
    println!(
        "  redovisa check                {c:8.2} s   {:.2} x floor read   peak {check_mem:.0} MiB",
        c / fr
    );
    println!(
        "  redovisa build                {b:8.2} s   {:.2} x floor        peak {build_mem:.0} MiB",
        b / (fr + fw)
    );
    println!(
        "  sheet data unpacked           {sheet_mib:8.0} MiB   build peak = {:.2} x sheet data",
        build_mem / sheet_mib
    );
    println!(
        "  build throughput              {:8.0} rows/s",
        data_rows as f64 / b
    );
    println!("  shipped example, build        {e:8.3} s");
    for ((percent, _), (times, peak)) in partial.iter().zip(partial_runs) {
        println!(
            "  build, {percent:>3} % of units partial {:8.2} s   {:.2} x floor        peak {peak:.0} MiB",
            median(times.clone()),
            median(times) / (fr + fw),
        );
    }
    bench_riket(runs);
}
