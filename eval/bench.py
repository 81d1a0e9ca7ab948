#!/usr/bin/env python3
"""Speed on news-length pairs: wirediff against the difflib baseline, in one run.

usage: python3 eval/bench.py [--pairs DIR] [--wirediff PATH] [--repeat N]

wirediff runs as a process per pair (start-up included, as a shell loop or CI would run it);
the difflib baseline runs in this one Python process (no interpreter start-up counted).
Build the pairs first with `python3 eval/synth.py`. Prints pairs per second for each.
"""
import argparse
import contextlib
import importlib.util
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pair_args(d):
    originals = sorted(p for p in d.iterdir() if p.name.startswith("original"))
    return [str(p) for p in originals] + [str(d / "adapted.txt")]


def bench_wirediff(binary, pairs, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        for d in pairs:
            r = subprocess.run([binary, "compare", "--format=json", *pair_args(d)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode not in (0, 1):
                sys.exit(f"bench: wirediff failed on {d}: {r.stderr.decode().strip()}")
    return time.perf_counter() - start


def bench_difflib(script, pairs, repeat):
    spec = importlib.util.spec_from_file_location("difflib_baseline", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    start = time.perf_counter()
    for _ in range(repeat):
        for d in pairs:
            sys.argv = ["difflib_baseline.py", *pair_args(d)]
            with contextlib.redirect_stdout(io.StringIO()):
                mod.main()
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", default=str(ROOT / "target/eval/pairs"))
    ap.add_argument("--wirediff", default=str(ROOT / "target/release/wirediff"))
    ap.add_argument("--baseline", default=str(ROOT.parent / "shared/bench/difflib_baseline.py"))
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    pairs = sorted(p for p in Path(a.pairs).iterdir() if p.is_dir())
    if not pairs:
        sys.exit("bench: no pairs; run python3 eval/synth.py first")
    n = len(pairs) * a.repeat
    print(f"{len(pairs)} news-length pairs x {a.repeat}, one core each, on {os.cpu_count()} cores")
    print(f"{'tool':<40} {'seconds':>8} {'pairs/s':>9}")
    rows = []
    if os.path.exists(a.wirediff):
        t = bench_wirediff(a.wirediff, pairs, a.repeat)
        rows.append(("wirediff (a process per pair)", t))
    if os.path.exists(a.baseline):
        t = bench_difflib(a.baseline, pairs, a.repeat)
        rows.append(("difflib baseline (one Python process)", t))
    for name, t in rows:
        print(f"{name:<40} {t:>8.2f} {n / t:>9.1f}")


if __name__ == "__main__":
    main()
