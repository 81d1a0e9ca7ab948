"""What the tests share: the checkout's fixture pairs, and the CLI to compare with."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "fixtures" / "pairs"
ALL_PAIRS = sorted(p.name for p in PAIRS.iterdir() if p.is_dir())


def cli_path():
    """`WIREDIFF_BIN` when set, else the checkout's `target/debug/wirediff`, built with cargo
    when it is not there."""
    given = os.environ.get("WIREDIFF_BIN")
    if given:
        return given
    binary = ROOT / "target" / "debug" / "wirediff"
    if not binary.exists():
        subprocess.run(["cargo", "build", "--bin", "wirediff"], cwd=ROOT, check=True)
    return str(binary)


def run_cli(cli, *args, stdin=None):
    return subprocess.run([cli, *args], capture_output=True, input=stdin)


def pair_files(name):
    d = PAIRS / name
    originals = sorted(str(p) for p in d.glob("original*.txt"))
    return originals, str(d / "adapted.txt")
