//! The `drillbook` binary: parse arguments, run the subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use drillbook::cli::{Cli, Command};
use drillbook::cmd;

// A faster allocator than glibc's for many small, short-lived strings and vectors across
// threads: measured on the 1,000-article bench site, malloc/free were ~30 % of a build.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_e` (c_src/mimalloc/v3/include/mimalloc.h
/// of libmimalloc-sys; the crate exports no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// mimalloc returns freed memory to the OS after a delay (`purge_delay`, 1 s in this
/// version); a build frees one locale's Fluent resources and allocates the next's, so memory
/// was faulted in (and zeroed by the kernel: ~12 % of a build's samples) again and again.
/// Freed memory is kept for reuse instead: on the 1,000-article bench site the page faults
/// fall from ~2,400 to ~560. `MIMALLOC_PURGE_DELAY` in the environment still decides.
fn keep_freed_memory() {
    // SAFETY: called first thing in `main`, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1) };
}

fn main() -> ExitCode {
    keep_freed_memory();
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(&cli.root, args),
        Command::Import(args) => cmd::import::run(&cli.root, args),
        Command::Serve(args) => cmd::serve::run(&cli.root, args),
        Command::Checklist(args) => cmd::checklist::run(&cli.root, args),
        Command::Check(args) => cmd::check::run(&cli.root, args),
        Command::L10n(args) => cmd::l10n::run(&cli.root, args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MI_OPTION_PURGE_DELAY;

    /// The index names `purge_delay`: the only option whose default is 1000 (see
    /// `MIMALLOC_VERBOSE=1 drillbook --help`), unless the environment sets it.
    #[test]
    fn the_option_set_is_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reading an option is a plain load.
        let value = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(value, 1000);
    }
}
