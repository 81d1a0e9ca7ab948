//! What the integration tests share: the `wirediff` binary to run.

use std::process::Command;

use assert_cmd::cargo::cargo_bin;

/// The `wirediff` binary, its environment cleared of what would change its output
/// (`NO_COLOR`, `CLICOLOR_FORCE`, `WIREDIFF_WIDTH`).
pub fn wirediff() -> Command {
    let mut cmd = Command::new(cargo_bin("wirediff"));
    for var in ["NO_COLOR", "CLICOLOR_FORCE", "WIREDIFF_WIDTH"] {
        cmd.env_remove(var);
    }
    cmd
}
