#!/usr/bin/env python3
"""Score wirediff and the difflib baseline on real, human-labelled pairs: the METER dev set.

    cargo build --release
    python3 eval/meter.py                                  # both tools, side by side
    python3 eval/meter.py --floor macro=0.80 --floor inserted_p=0.70
    python3 eval/meter.py --show-errors 20                 # wirediff's misses, sentence by sentence

The pairs are ../shared/data/meter-dev/ (40 Press Association stories and the British newspaper
stories written from them, every adapted sentence labelled; read in place). Scoring is the one
the held-out checks use, ../shared/bench/score_pairs.py, imported as it is: each gold sentence
takes the kind of the predicted passage that covers most of it, and a gold label "a|b" accepts
either kind. On top of its per-class figures this prints a binary score, wire-derived
(unchanged or reworded) against new (inserted), the line a fact-checker quotes.

Floors (--floor KEY=VALUE, repeatable) apply to wirediff. KEY is macro, unchanged, reworded or
inserted (F1), inserted_p or inserted_r (precision, recall of inserted), reworded_r,
wire (F1 of wire-derived in the binary score) or accuracy (of the binary score). Exit 1 when a floor is missed, 2 on trouble.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO / ".." / "shared"
DEFAULT_PAIRS = SHARED / "data" / "meter-dev"
DEFAULT_WIREDIFF = REPO / "target" / "release" / "wirediff"
KINDS = ["unchanged", "reworded", "inserted"]
FLOORS = ("macro", "unchanged", "reworded", "inserted", "inserted_p", "inserted_r", "removed",
          "reworded_r", "wire", "accuracy")


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prf(conf, k):
    tp = conf[(k, k)]
    gold = sum(v for (g, _), v in conf.items() if g == k)
    pred = sum(v for (_, p), v in conf.items() if p == k)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "support": gold}


def binary(conf):
    """Wire-derived (unchanged, reworded) against new (inserted): F1 of "new", and accuracy."""
    side = {"unchanged": "wire", "reworded": "wire", "inserted": "new"}
    b = Counter()
    for (g, p), v in conf.items():
        b[(side.get(g, g), side.get(p, "none"))] += v
    new = prf(b, "new")
    total = sum(b.values())
    acc = (b[("wire", "wire")] + b[("new", "new")]) / total if total else 0.0
    return {"new": new, "wire": prf(b, "wire"), "accuracy": acc}


def summarise(conf, rem=None):
    classes = {k: prf(conf, k) for k in KINDS}
    out = {"classes": classes, "macro_f1": sum(c["f1"] for c in classes.values()) / 3,
           "binary": binary(conf), "items": sum(conf.values()),
           "lost": sum(v for (_, p), v in conf.items() if p == "lost")}
    # Wire sentences labelled removed (most sets label none): scored as score_pairs.py does,
    # a removal claimed over a wire sentence a kept passage comes from is a false one.
    if rem and rem["tp"] + rem["fn"]:
        tp, fp, fn = rem["tp"], rem["fp"], rem["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn)
        out["removed"] = {"precision": p, "recall": r, "support": tp + fn,
                          "f1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def parse_floors(ap, items, keys):
    """The --floor KEY=VALUE items as a dict; a bad one is a usage error of `ap`."""
    floors = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in keys:
            ap.error(f"bad --floor {item!r}: expected KEY=VALUE with KEY in {', '.join(keys)}")
        floors[key] = float(value)
    return floors


def floor_value(summary, key):
    c = summary["classes"]
    return {"macro": summary["macro_f1"], "unchanged": c["unchanged"]["f1"],
            "reworded": c["reworded"]["f1"], "inserted": c["inserted"]["f1"],
            "inserted_p": c["inserted"]["precision"], "inserted_r": c["inserted"]["recall"],
            "reworded_r": c["reworded"]["recall"], "wire": summary["binary"]["wire"]["f1"],
            "accuracy": summary["binary"]["accuracy"],
            "removed": summary.get("removed", {"f1": 0.0})["f1"]}[key]


def evaluate(name, scorer, pairs, cmd, jobs):
    """Score one tool on every pair with score_pairs.score_pair. A failed pair scores as lost."""
    t0 = time.perf_counter()

    def one(d):
        try:
            conf, _, rem = scorer.score_pair(str(d), cmd)
            return d.name, conf, rem, None
        except Exception as e:  # the tool failed on this pair: every sentence is a miss
            gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
            conf = Counter((g["kind"].split("|")[0], "lost") for g in gold["adapted"])
            return d.name, conf, Counter(), f"{type(e).__name__}: {str(e)[:200]}"

    with ThreadPoolExecutor(jobs) as pool:
        out = list(pool.map(one, pairs))
    conf = sum((c for _, c, _, _ in out), Counter())
    rem = sum((r for _, _, r, _ in out), Counter())
    return {"name": name, "summary": summarise(conf, rem), "per_pair": {n: c for n, c, _, _ in out},
            "errors": [(n, e) for n, _, _, e in out if e], "seconds": time.perf_counter() - t0}


def print_table(evals, n, title):
    w = 22
    print(f"{title}: {n}")
    print(f"{'class':<14}{'units':>6}  " + "".join(f"{e['name'] + ' P/R/F1':<{w}}" for e in evals))
    print("-" * (22 + w * len(evals)))
    for k in KINDS:
        sup = evals[0]["summary"]["classes"][k]["support"]
        cells = [e["summary"]["classes"][k] for e in evals]
        print(f"{k:<14}{sup:>6}  " + "".join(
            f"{c['precision']:.3f}/{c['recall']:.3f}/{c['f1']:.3f}".ljust(w) for c in cells))
    if all("removed" in e["summary"] for e in evals):
        sup = evals[0]["summary"]["removed"]["support"]
        print(f"{'removed':<14}{sup:>6}  " + "".join(
            "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**e["summary"]["removed"]).ljust(w)
            for e in evals))
    print(f"{'macro-F1':<14}{'':>6}  " + "".join(f"{e['summary']['macro_f1']:.3f}".ljust(w) for e in evals))
    print(f"{'wire-derived':<14}{'':>6}  " + "".join(
        "{precision:.3f}/{recall:.3f}/{f1:.3f}".format(**e["summary"]["binary"]["wire"]).ljust(w)
        for e in evals))
    print(f"{'wire/new acc.':<14}{'':>6}  " + "".join(
        f"{e['summary']['binary']['accuracy']:.3f}".ljust(w) for e in evals))
    print(f"{'tool errors':<14}{'':>6}  " + "".join(str(len(e["errors"])).ljust(w) for e in evals))
    print(f"{'time (s)':<14}{'':>6}  " + "".join(f"{e['seconds']:.1f}".ljust(w) for e in evals))
    print("Each gold sentence takes the kind of the passage covering most of it (score_pairs.py);\n"
          "macro-F1 = mean F1 of unchanged, reworded, inserted (removed, where a set labels it,\n"
          "is apart). Binary: wire-derived = unchanged or reworded against new = inserted (new is\n"
          "the inserted row); acc. = share labelled right.")


def print_errors(scorer, wirediff, pairs, limit):
    """Each gold sentence wirediff got wrong, with its gold kind, for looking at by hand. The
    passage a sentence falls in is found as the scorer finds it (score_pairs.spans, best)."""
    shown = 0
    for d in pairs:
        proc = subprocess.run(
            [str(wirediff), "compare", "--format", "json",
             *sorted(str(p) for p in d.glob("original*.txt")), str(d / "adapted.txt")],
            capture_output=True)
        if proc.returncode not in (0, 1):
            continue
        rep = json.loads(proc.stdout)
        text = rep["adapted"]["text"]
        segs = [s for s in rep["segments"] if s.get("adapted")]
        items = [(s["adapted"]["text"], s["adapted"].get("start"), s["adapted"].get("end"))
                 for s in segs]
        pred = list(zip(scorer.spans(text, items), segs))
        gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
        for g in gold["adapted"]:
            span = scorer.locate(text, g["text"])
            if not span:
                continue
            top = scorer.best(span, pred)
            kind = top["kind"] if top else "none"
            if kind not in g["kind"].split("|"):
                print(f"[{d.name}] gold {g['kind']} / wirediff {kind}: {g['text'][:110]}")
                if g.get("original"):
                    print(f"    wire: {g['original'][:110]}")
                if kind == "reworded" and top.get("original"):
                    print(f"    paired with: {top['original']['text'][:110]}")
                shown += 1
                if shown >= limit:
                    return


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score wirediff and difflib on the METER dev pairs.")
    ap.add_argument("--pairs", default=str(DEFAULT_PAIRS), help="labelled pairs (default %(default)s)")
    ap.add_argument("--tools", default="wirediff,difflib", help="comma-separated (default %(default)s)")
    ap.add_argument("--wirediff", default=str(DEFAULT_WIREDIFF), help="wirediff binary")
    ap.add_argument("--floor", action="append", default=[], metavar="KEY=VALUE",
                    help=f"minimum wirediff score; KEY in {', '.join(FLOORS)}; repeatable")
    ap.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N sentences wirediff labels wrongly")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args(argv)

    floors = parse_floors(ap, args.floor, FLOORS)
    root = Path(args.pairs)
    pairs = sorted(p for p in root.iterdir() if (p / "gold.json").exists()) if root.is_dir() else []
    if not pairs:
        print(f"meter: no labelled pairs in {root}", file=sys.stderr)
        return 2
    scorer_path = SHARED / "bench" / "score_pairs.py"
    baseline = SHARED / "bench" / "difflib_baseline.py"
    if not scorer_path.is_file():
        print(f"meter: no scorer at {scorer_path}", file=sys.stderr)
        return 2
    scorer = load_module("score_pairs", scorer_path)

    evals = []
    for name in [t.strip() for t in args.tools.split(",") if t.strip()]:
        if name == "wirediff":
            wd = Path(args.wirediff)
            if not os.access(wd, os.X_OK):
                print(f"meter: no wirediff at {wd} (cargo build --release)", file=sys.stderr)
                return 2
            cmd, jobs = [str(wd.resolve()), "compare", "--format", "json", "{o}", "{a}"], args.jobs
        elif name == "difflib":
            cmd, jobs = [sys.executable, str(baseline), "{o}", "{a}"], args.jobs
        else:
            ap.error(f"unknown tool {name!r} (known: wirediff, difflib)")
        ev = evaluate(name, scorer, pairs, cmd, jobs)
        for pair, err in ev["errors"]:
            print(f"meter: {name} failed on {pair}: {err}", file=sys.stderr)
        evals.append(ev)
    title = ("METER dev pairs (real PA wire copy and British newspaper stories)"
             if root.resolve() == DEFAULT_PAIRS.resolve() else f"Labelled pairs in {root}")
    print_table(evals, len(pairs), title)
    if args.show_errors:
        print()
        print_errors(scorer, Path(args.wirediff), pairs, args.show_errors)

    status = 0
    wd = next((e for e in evals if e["name"] == "wirediff"), None)
    for key, floor in floors.items():
        if wd is None:
            print("FLOORS NOT CHECKED: wirediff did not run", file=sys.stderr)
            return 1
        value = floor_value(wd["summary"], key)
        if value < floor or wd["errors"]:
            print(f"FLOOR MISSED: wirediff {key} {value:.3f} < {floor:.3f}"
                  + (f" ({len(wd['errors'])} pairs failed)" if wd["errors"] else ""), file=sys.stderr)
            status = 1
        else:
            print(f"floor ok: {key} {value:.3f} >= {floor:.3f}")
    if args.json:
        out = {"pairs": len(pairs), "floors": floors,
               "tools": {e["name"]: {**e["summary"], "errors": e["errors"],
                                     "seconds": round(e["seconds"], 2)} for e in evals}}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
