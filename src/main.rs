//! The `redovisa` program: a thin shell over the library; see `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    // Polars sizes its thread pool from this variable when it first runs. Consolidation
    // groups a few integer-coded columns and takes about 0.3 s for a whole country on one
    // thread or two; a second polars thread gained nothing measurable and raised the
    // peak memory of a national build by 20 MiB (its own allocator arena). Reading still
    // uses every core, through rayon. A value set by the user is kept.
    if std::env::var_os("POLARS_MAX_THREADS").is_none() {
        // SAFETY: no other thread exists yet; nothing reads the environment concurrently.
        #[allow(unsafe_code)]
        unsafe {
            std::env::set_var("POLARS_MAX_THREADS", "1");
        }
    }
    cli::run()
}
