#!/usr/bin/env python3
"""Score `wirediff find` and `compare --index` on a retrieval set built from real data.

    cargo build --release
    python3 eval/find.py
    python3 eval/find.py --floor r1=0.95 --floor r5=1.0 --floor macro_gap=0.05

The archive (read in place from ../shared/data, written as JSON Lines under target/eval/find/):
- every PA version (original-N.txt) of the 40 METER dev stories, id "<pair>/original-N.txt";
- as distractors, the pages of the article-extraction benchmark and of Mozilla Readability's
  test suite (HTML, extracted by wirediff as it indexes them).
It is indexed with `wirediff index`, then each newspaper story (adapted.txt) is a query:
- recall@1: the first result is a version of the story it was written from;
- recall@5: one of the first five is;
- compare --index: METER's labels scored (../shared/bench/score_pairs.py) on
  `compare --index DIR adapted.txt`, beside `compare` given the right originals by hand.

Floors (--floor KEY=VALUE): r1, r5 (recall), macro_index (macro-F1 of compare --index),
macro_gap (most macro-F1 it may lose against the originals given by hand). Exit 1 when a
floor is missed, 2 on trouble.
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import meter  # noqa: E402  (the METER scorer, same directory)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / ".." / "shared" / "data"
OUT = REPO / "target" / "eval" / "find"
FLOORS = ("r1", "r5", "macro_index", "macro_gap")


def build_archive(path):
    """Writes the archive as JSON Lines; returns (wire documents, distractors)."""
    wire = distractors = 0
    with open(path, "w", encoding="utf-8") as out:
        for pair in sorted((DATA / "meter-dev").iterdir()):
            for orig in sorted(pair.glob("original-*.txt")):
                text = orig.read_text(encoding="utf-8")
                out.write(json.dumps({"id": f"{pair.name}/{orig.name}", "text": text,
                                      "source": f"meter-dev/{pair.name}/{orig.name}"}) + "\n")
                wire += 1
        pages = sorted((DATA / "article-extraction-benchmark" / "html").glob("*.html.gz"))
        pages += sorted((DATA / "readability-test-pages").glob("*/source.html.gz"))
        for page in pages:
            html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
            name = str(page.relative_to(DATA))
            out.write(json.dumps({"id": name, "text": html, "source": name}) + "\n")
            distractors += 1
    return wire, distractors


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score wirediff find on METER stories.")
    ap.add_argument("--wirediff", default=str(meter.DEFAULT_WIREDIFF), help="wirediff binary")
    ap.add_argument("--floor", action="append", default=[], metavar="KEY=VALUE",
                    help=f"KEY in {', '.join(FLOORS)}; repeatable")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)
    floors = meter.parse_floors(ap, args.floor, FLOORS)
    wd = str(Path(args.wirediff).resolve())
    if not os.access(wd, os.X_OK):
        print(f"find: no wirediff at {wd} (cargo build --release)", file=sys.stderr)
        return 2
    pairs = sorted(p for p in (DATA / "meter-dev").iterdir() if (p / "gold.json").exists()) \
        if (DATA / "meter-dev").is_dir() else []
    if not pairs:
        print(f"find: no METER pairs in {DATA / 'meter-dev'}", file=sys.stderr)
        return 2

    OUT.mkdir(parents=True, exist_ok=True)
    archive = OUT / "archive.jsonl"
    wire, distractors = build_archive(archive)
    index = OUT / "index"
    shutil.rmtree(index, ignore_errors=True)
    t0 = time.perf_counter()
    p = subprocess.run([wd, "index", str(index), str(archive)], capture_output=True, text=True)
    index_s = time.perf_counter() - t0
    if p.returncode != 0:
        print(f"find: wirediff index failed: {p.stderr.strip()[-300:]}", file=sys.stderr)
        return 2

    r1 = r5 = 0
    times = []
    misses = []
    for pair in pairs:
        t = time.perf_counter()
        q = subprocess.run([wd, "find", "--index", str(index), "--format", "json",
                            str(pair / "adapted.txt")], capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        if q.returncode not in (0, 1):
            print(f"find: failed on {pair.name}: {q.stderr.strip()}", file=sys.stderr)
            return 2
        ids = [r["id"] for r in json.loads(q.stdout)["results"]]
        right = [i.startswith(pair.name + "/") for i in ids]
        r1 += bool(right[:1] and right[0])
        r5 += any(right[:5])
        if not (right[:1] and right[0]):
            misses.append((pair.name, ids[:3]))

    scorer = meter.load_module("score_pairs", REPO / ".." / "shared" / "bench" / "score_pairs.py")
    by_hand = meter.evaluate("given", scorer, pairs,
                             [wd, "compare", "--format", "json", "{o}", "{a}"], args.jobs)
    # score_pairs appends the originals then the article; compare --index takes the article
    # alone, the last argument.
    found = meter.evaluate(
        "index", scorer, pairs,
        ["sh", "-c", 'for a; do :; done; exec "$0" compare --index "$1" --format json "$a"',
         wd, str(index), "{o}", "{a}"], args.jobs)
    n = len(pairs)
    times.sort()
    summary = {
        "queries": n, "wire_documents": wire, "distractors": distractors,
        "r1": r1 / n, "r5": r5 / n,
        "macro_given": by_hand["summary"]["macro_f1"],
        "macro_index": found["summary"]["macro_f1"],
        "index_seconds": round(index_s, 2),
        "find_median_ms": round(1000 * times[n // 2], 1),
    }
    summary["macro_gap"] = summary["macro_given"] - summary["macro_index"]
    print(f"Retrieval set: {wire} PA versions of {n} METER stories + {distractors} distractor pages "
          f"(indexed in {index_s:.1f} s)")
    print(f"recall@1          {summary['r1']:.3f}  ({r1}/{n})")
    print(f"recall@5          {summary['r5']:.3f}  ({r5}/{n})")
    print(f"find, median      {summary['find_median_ms']:.0f} ms a query (a process each)")
    print(f"macro-F1, compare given the originals by hand   {summary['macro_given']:.3f}")
    print(f"macro-F1, compare --index                       {summary['macro_index']:.3f}")
    for name, ids in misses:
        print(f"  miss: {name}: {', '.join(ids) or 'no result'}")
    (OUT / "scores.json").write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")

    status = 0
    for key, floor in floors.items():
        value = summary[key]
        ok = value <= floor if key == "macro_gap" else value >= floor
        if ok and not found["errors"]:
            print(f"floor ok: {key} {value:.3f} {'<=' if key == 'macro_gap' else '>='} {floor:.3f}")
        else:
            print(f"FLOOR MISSED: {key} {value:.3f} against {floor:.3f}", file=sys.stderr)
            status = 1
    for pair, err in found["errors"]:
        print(f"find: compare --index failed on {pair}: {err}", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
