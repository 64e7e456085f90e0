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
# Sizes: BENCH_ADMINISTRATIONS, BENCH_ROWS, BENCH_CLINICS, BENCH_RUNS.
bench:
    cargo build --release
    cargo bench --bench national

# Fuzz reading a workbook for SECONDS with cargo-fuzz (needs `cargo install cargo-fuzz`
# and a nightly toolchain). Crashes land in fuzz/artifacts/read_workbook/.
fuzz SECONDS="300":
    bash fuzz/seed.sh
    cargo +nightly fuzz run read_workbook fuzz/corpus/read_workbook -- -max_total_time={{SECONDS}} -rss_limit_mb=4096 -timeout=20
