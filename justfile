# Everyday recipes. Nothing required depends on `just`: each recipe is one plain command.

# Build the report for the example data in input/ (writes output/)
run *ARGS:
    cargo run --release -- {{ARGS}}

# Validate the submissions in input/ without writing anything
check *ARGS:
    cargo run --release -- check {{ARGS}}

# Run all tests (the same command CI runs)
test:
    cargo test --release

# Formatting and lints, as CI expects them
lint:
    cargo fmt --check
    cargo clippy --release --all-targets -- -D warnings

# `check` over the real-world corpus beside the repository (as .ci/run does when it is there)
corpus DIR="../shared/corpus/realworld/files":
    REDOVISA_CORPUS="$(cd {{DIR}} && pwd)" cargo test --release --test redovisa corpus

# Regenerate the example input (six administrations of Region Exempel), over the shipped files
sample:
    cargo run --release -- sample --administrations 6 --rows 30 --clinics 3 --seed 2025 --to input --force

# The national-scale benchmark: 311 workbooks, 1.09 million rows (see BENCHMARKS.md).
# Sizes: BENCH_ADMINISTRATIONS, BENCH_ROWS, BENCH_CLINICS, BENCH_RUNS. It ends with the
# national roll-up of 21 regions' reports; `just bench-riket` runs that part alone.
bench:
    cargo build --release
    cargo bench --bench national

bench-riket:
    cargo build --release
    BENCH_RIKET_ONLY=1 cargo bench --bench national

# Fuzz for SECONDS with cargo-fuzz (`cargo install cargo-fuzz`): TARGET read_workbook
# (a whole workbook from bytes) or parse_cells (every cell reader, and rows through
# validation). cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable
# toolchain provide them. Crashes land in fuzz/artifacts/TARGET/.
fuzz TARGET="read_workbook" SECONDS="300":
    bash fuzz/seed.sh
    mkdir -p fuzz/corpus/{{TARGET}}
    RUSTC_BOOTSTRAP=1 cargo fuzz run {{TARGET}} fuzz/corpus/{{TARGET}} -- -max_total_time={{SECONDS}} -rss_limit_mb=4096 -timeout=20

# The binary to hand out: fat LTO, one codegen unit (target/dist/redovisa).
dist:
    cargo build --profile dist
    ls -l target/dist/redovisa

# Windows: builds redovisa.exe (x86_64-pc-windows-gnu, needs Debian's gcc-mingw-w64-x86-64),
# runs `check` and `build` on the example under Wine and compares the outputs byte for byte
# with the Linux build's; any difference is a bug (the outputs are deterministic). Needs a
# Wine that has bcryptprimitives.dll (Rust's standard library asks it for random numbers):
# Debian 12's Wine 8.0 does not, and the program cannot start there.
windows:
    #!/usr/bin/env bash
    set -euo pipefail
    cargo build --release --target x86_64-pc-windows-gnu
    cargo build --release
    out=target/windows-check
    rm -rf "$out" && mkdir -p "$out"
    export SOURCE_DATE_EPOCH=1774915200 WINEDEBUG=-all
    wine target/x86_64-pc-windows-gnu/release/redovisa.exe check --quiet || test $? -eq 0
    wine target/x86_64-pc-windows-gnu/release/redovisa.exe build --output "$out/windows" --quiet
    target/release/redovisa build --output "$out/linux" --quiet
    for f in "$out"/linux/*; do cmp "$f" "$out/windows/$(basename "$f")" && echo "same: $(basename "$f")"; done
