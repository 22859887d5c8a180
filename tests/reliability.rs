//! The reliability suite: what drillbook promises about bad input and bad luck, checked on the
//! real binary. Mutation fuzzing of every input kind (seeded, bounded), kills during writes,
//! closed pipes, and hostile translations through every output. `DRILLBOOK_FUZZ_CASES` and
//! `DRILLBOOK_FUZZ_SEED` scale and vary the fuzzing (CI runs the defaults).

mod support;

mod reliability {
    pub(crate) mod fuzz;
    pub(crate) mod hostile;
    pub(crate) mod kill;
    pub(crate) mod pipes;
}
