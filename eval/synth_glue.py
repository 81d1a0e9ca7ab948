#!/usr/bin/env python3
"""Build glued variants of labelled pairs: sentences run together with the full stop lost.

    python3 eval/synth_glue.py                                  # METER dev -> target/eval/glue-meter
    python3 eval/synth_glue.py --pairs target/eval/rewriter     # -> target/eval/glue-rewriter
    python3 eval/meter.py --pairs target/eval/glue-meter

A stress test, not a yardstick. Pages and typos lose the full stop between two sentences of a
paragraph ("…released later that night Critics said…"), which hides the sentence break from
any splitter: an inserted sentence glued onto a wire sentence must still be reported as
inserted, and two wire sentences run together as what they are. For each labelled pair, each
sentence of the adapted article that ends with a full stop after a letter, inside a
paragraph, before a capital, loses its full stop with probability --rate. The gold labels
stay the same (the labels of METER count two sentences run together as two items); each
gold text glued loses its final full stop so that it can still be found.

Pairs are read in place (../shared/data/meter-dev by default); nothing of them is copied
into the repository, only into target/. Exit 2 when the pairs are missing.
"""

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
METER = REPO / ".." / "shared" / "data" / "meter-dev"


def glue(pair: Path, out: Path, rng: random.Random, rate: float) -> int:
    """Writes the glued variant of `pair` to `out`; returns how many full stops it lost."""
    gold = json.loads((pair / "gold.json").read_text(encoding="utf-8"))
    text = (pair / "adapted.txt").read_text(encoding="utf-8")
    starts, pos = [], 0
    for item in gold["adapted"]:
        at = text.find(item["text"], pos)
        starts.append(at)
        if at >= 0:
            pos = at
    drops = []
    for k, (item, at) in enumerate(zip(gold["adapted"], starts)):
        if at < 0 or not item["text"].endswith("."):
            continue
        end = at + len(item["text"])
        if re.match(r" [A-Z]", text[end:end + 2]) and text[end - 2].isalpha() and rng.random() < rate:
            drops.append((end - 1, k))
    for stop, k in sorted(drops, reverse=True):
        text = text[:stop] + text[stop + 1:]
        gold["adapted"][k]["text"] = gold["adapted"][k]["text"][:-1]
    out.mkdir(parents=True)
    for f in pair.iterdir():
        if f.name.startswith("original"):
            shutil.copy(f, out / f.name)
    (out / "adapted.txt").write_text(text, encoding="utf-8")
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(drops)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=Path, default=METER, help="labelled pairs (default: METER dev)")
    ap.add_argument("--out", type=Path, help="default: target/eval/glue-<name of --pairs>")
    ap.add_argument("--rate", type=float, default=0.3, help="share of full stops lost (0.3)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pairs = sorted(p for p in args.pairs.glob("*") if (p / "gold.json").is_file())
    if not pairs:
        print(f"synth_glue: no labelled pairs in {args.pairs}", file=sys.stderr)
        return 2
    name = args.pairs.resolve().name.replace("meter-dev", "meter")
    out = args.out or REPO / "target" / "eval" / f"glue-{name}"
    shutil.rmtree(out, ignore_errors=True)
    rng = random.Random(args.seed)
    lost = sum(glue(p, out / p.name, rng, args.rate) for p in pairs)
    print(f"{len(pairs)} pairs, {lost} full stops lost: {out.relative_to(REPO) if out.is_relative_to(REPO) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
