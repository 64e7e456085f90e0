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

# Regenerate the example input (six administrations of Region Exempel)
sample:
    cargo run --release -- sample --administrations 6 --rows 30 --clinics 3 --seed 2025 --to input

# Time the shipped example end to end (see README, "Prestanda")
bench:
    cargo build --release
    bash -c 'for i in 1 2 3 4 5; do /usr/bin/time -f "%e s, %M KiB" ./target/release/redovisa --date 2026-03-31 --quiet --output target/bench-output; done'

# Fuzz reading a workbook for SECONDS with cargo-fuzz (needs `cargo install cargo-fuzz`
# and a nightly toolchain). Crashes land in fuzz/artifacts/read_workbook/.
fuzz SECONDS="300":
    bash fuzz/seed.sh
    cargo +nightly fuzz run read_workbook fuzz/corpus/read_workbook -- -max_total_time={{SECONDS}} -rss_limit_mb=4096 -timeout=20
