#!/usr/bin/env python3
"""Speed of the Python package beside the Rust library, in one run (`just bench`).

usage: PYTHON eval/python_bench.py [--pairs DIR] [--repeat N] [--bench PATH]

PYTHON is an interpreter with the package installed (`just bench` builds one in
`target/pyenv`). On the evaluation pairs (`python3 eval/synth_edits.py`, `target/eval/edits`),
read into memory first:

- `compare_texts` in a loop, one pair at a time (the text in, the report as dicts out);
- `batch` of the same pairs as texts, with `jobs=1` and `jobs=2`;
- the Rust library in process on the same pairs (`examples/bench news`, one thread: files
  read, compared, the JSON report written to memory), for the cost the Python layer adds.

Each figure is the best of N passes (default 5) after a warm-up pass.
"""
import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", default=str(ROOT / "target" / "eval" / "edits"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument(
        "--bench",
        default=str(ROOT / "target" / "release-lto" / "examples" / "bench"),
        help="the Rust bench example to run beside (release-lto build)",
    )
    args = ap.parse_args()
    try:
        import wirediff
    except ImportError:
        print("python_bench: the wirediff package is not importable by "
              f"{sys.executable}; pip install ./python first", file=sys.stderr)
        return 2
    dirs = sorted(p for p in Path(args.pairs).iterdir() if p.is_dir()) if Path(args.pairs).is_dir() else []
    if not dirs:
        print(f"python_bench: no pairs in {args.pairs}; run python3 eval/synth_edits.py",
              file=sys.stderr)
        return 2
    pairs = []
    for d in dirs:
        originals = sorted(p for p in d.iterdir() if p.name.startswith("original"))
        pairs.append(
            {
                "original_texts": [p.read_text(encoding="utf-8") for p in originals],
                "adapted_text": (d / "adapted.txt").read_text(encoding="utf-8"),
            }
        )
    n = len(pairs)

    def best(run):
        run()
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
        return n / min(times)

    def loop():
        for p in pairs:
            wirediff.compare_texts(p["original_texts"], p["adapted_text"])

    rows = [("compare_texts, a loop (one thread)", best(loop))]
    for jobs in (1, 2):
        rows.append((f"batch(jobs={jobs})", best(lambda: wirediff.batch(pairs, jobs=jobs))))

    rust = None
    if os.path.exists(args.bench):
        out = subprocess.run(
            [args.bench, "news", args.pairs, "--threads", "1", "--repeat", str(args.repeat)],
            capture_output=True, text=True, check=True,
        ).stdout
        m = re.search(r"threads=1 .*pairs_per_s=([0-9.]+)", out)
        rust = float(m.group(1)) if m else None
    print(f"Python package {wirediff.__version__} ({sys.executable}), {n} news-length pairs, "
          f"best of {args.repeat} passes, {os.cpu_count()} cores")
    print("| | pairs per second | against the Rust library |")
    print("|---|---:|---:|")
    if rust:
        print(f"| Rust library in process, one thread (`bench news`) | {rust:.0f} | 1.00 |")
    for name, pps in rows:
        ratio = f"{pps / rust:.2f}" if rust else ""
        print(f"| {name} | {pps:.0f} | {ratio} |")
    if not rust:
        print(f"(no Rust figure: {args.bench} is missing; "
              "cargo build --profile release-lto --example bench)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
