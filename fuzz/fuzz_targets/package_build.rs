//! `drillbook_fuzz::package_build`: what it does with an input and what must hold.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| drillbook_fuzz::package_build(data));
