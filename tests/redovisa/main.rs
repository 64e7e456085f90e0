//! Integration tests: each test builds its input workbooks in code in a temporary folder,
//! runs the `redovisa` binary, and checks its outputs. One module per subcommand.

mod accessibility;
mod appendix;
mod build;
mod build_outcome;
mod builder;
mod cells;
mod chapters;
mod charts;
mod check;
mod ci;
mod ci_examples;
mod common;
mod compare;
mod contract;
mod corpus;
mod feedback;
mod figures;
mod hardening;
mod hostile;
mod indicator_rules;
mod init;
mod pdf;
mod report;
mod riket;
mod rules;
mod sample;
mod snapshots_of_text;
mod template;
mod units;
