//! The `drillbook` binary: parse arguments, run the subcommand, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use drillbook::cli::{Cli, Command};
use drillbook::cmd;

// A faster allocator than glibc's for many small, short-lived strings and vectors across
// threads: a build allocates and frees them per message and per page, on every thread, and
// glibc's malloc/free were a large share of its time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    no_transparent_huge_pages();
    die_quietly_on_closed_pipes();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let args: Vec<String> = std::env::args().skip(1).collect();
            if let (true, Some(hint)) = (err.use_stderr(), cmd::new::misread(&args)) {
                eprintln!("error: {hint}");
                return ExitCode::from(2);
            }
            err.exit()
        }
    };
    let result = match &cli.command {
        Command::Build(args) => cmd::build::run(&cli.root, args),
        Command::Import(args) => cmd::import::run(&cli.root, args),
        Command::Serve(args) => cmd::serve::run(&cli.root, args),
        Command::Checklist(args) => cmd::checklist::run(&cli.root, args),
        Command::Package(args) => cmd::package::run(&cli.root, args),
        Command::Check(args) => cmd::check::run(&cli.root, args),
        Command::L10n(args) => cmd::l10n::run(&cli.root, args),
        Command::New(args) => cmd::new::run(&cli.root, args),
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

/// Restores the default action of SIGPIPE, which Rust's runtime ignores: a command whose
/// stdout or stderr is a pipe closed by its reader (`drillbook check | head`) then ends
/// quietly with the usual SIGPIPE status, as other command-line tools do, instead of
/// panicking in `println!` on the `EPIPE` error.
fn die_quietly_on_closed_pipes() {
    #[cfg(target_os = "linux")]
    // SAFETY: setting a signal's disposition to its default touches no memory of ours; it
    // runs first thing in `main`, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Turns transparent huge pages off for the process (Linux), unless `MIMALLOC_ALLOW_THP` asks
/// mimalloc for something else. mimalloc backs its arenas with 2 MB pages where the kernel
/// allows them, and each of a build's threads then faults in and zeroes whole huge pages for
/// small heaps: the resident memory of a small site's build then grows by whole huge pages
/// per thread, for no gain in speed.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: PR_SET_THP_DISABLE takes plain integers and touches no memory of ours; it
        // only changes how the kernel backs the process's future page faults.
        unsafe {
            libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
        }
    }
}
