#!/usr/bin/env python3
"""Run wirediff and the difflib baseline on every synthetic pair and print their scores side by side.

    python3 eval/synth_edits.py            # build target/eval/edits
    python3 eval/run.py              # score every tool that is available
    python3 eval/run.py --tools wirediff --floor macro=0.90 --floor moved=0.80

Tools:
  wirediff  target/release/wirediff compare --format json ORIGINAL... ADAPTED
            (exit codes 0 and 1 mean success; anything else is an error for that pair)
  difflib   ../shared/bench/difflib_baseline.py ORIGINAL... ADAPTED, imported and run in-process
  oracle    a perfect report made from gold.json (a check of the scorer: it must score 1.000)

A pair on which a tool fails is reported and scored as an empty report (every adapted sentence
predicted "none", every original sentence "kept"), so failures cost recall instead of vanishing.
Floors apply to wirediff's scores; the exit status is 1 when one is missed, 2 on usage errors.
"""

import argparse
import contextlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = REPO / "target" / "eval" / "edits"
DEFAULT_WIREDIFF = REPO / "target" / "release" / "wirediff"
DEFAULT_BASELINE = REPO / ".." / "shared" / "bench" / "difflib_baseline.py"
FLOOR_KEYS = ("macro", "unchanged", "reworded", "inserted", "removed", "moved", "source")
ROWS = [("unchanged", "unchanged"), ("reworded", "reworded"), ("inserted", "inserted"),
        ("removed", "removed"), ("moved", "moved")]


# --------------------------------------------------------------------------------------------
# Tools: each runner takes (original paths, adapted path) and returns (report, error).


def run_wirediff(binary, timeout, originals, adapted):
    """Run the wirediff binary; exit 0 and 1 are success."""
    cmd = [str(binary), "compare", "--format", "json", *map(str, originals), str(adapted)]
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout}s"
    except OSError as e:
        return None, f"could not run: {e}"
    if proc.returncode not in (0, 1):
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit {proc.returncode}: {msg[-1] if msg else '(no message)'}"
    try:
        return json.loads(proc.stdout.decode("utf-8")), None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return None, f"invalid JSON on stdout: {e}"


def load_baseline(path):
    """Import difflib_baseline.py as a module, reading files as UTF-8 whatever the locale."""
    spec = importlib.util.spec_from_file_location("difflib_baseline", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.open = partial(open, encoding="utf-8")  # the script calls open(f) without encoding
    return module


def run_baseline(module, originals, adapted):
    """Run the baseline's main() in-process with a patched argv and captured stdout."""
    out = io.StringIO()
    saved = sys.argv
    sys.argv = ["difflib_baseline.py", *map(str, originals), str(adapted)]
    try:
        with contextlib.redirect_stdout(out):
            module.main()
    except Exception as e:  # a crash of the baseline is an error for this pair, not for the run
        return None, f"{type(e).__name__}: {e}"
    finally:
        sys.argv = saved
    try:
        return json.loads(out.getvalue()), None
    except json.JSONDecodeError as e:
        return None, f"invalid JSON: {e}"


def run_oracle(originals, adapted):
    """A perfect report built from gold.json, for checking the scorer end to end.

    Its texts differ from the files on purpose (paragraph breaks collapsed to one newline, no
    final newline), so gold sentences must be re-located to score 1.0.
    """
    pair_dir = Path(adapted).parent
    gold = score.load_gold(pair_dir)

    def doc(path):
        return Path(path).read_text(encoding="utf-8").replace("\n\n", "\n").strip()

    texts = [doc(p) for p in originals]
    a_text = doc(adapted)
    locate = score.locate
    o_docs = [score.Document(t) for t in texts]
    a_doc = score.Document(a_text)
    o_sents = [[s for s in o["sentences"]] for o in gold["originals"]]
    o_where = [locate([s["text"] for s in sents], [o_docs[k]]) for k, sents in enumerate(o_sents)]
    a_where = locate([s["text"] for s in gold["adapted"]["sentences"]], [a_doc])
    segments = []
    for s, w in zip(gold["adapted"]["sentences"], a_where):
        original = None
        if s["source"] is not None:
            _, b0, b1 = o_where[s["source"]][s["origin"][0]]
            original = {"source": s["source"], "text": "", "start": b0, "end": b1}
        segments.append({"kind": s["label"], "moved": s["moved"], "similarity": None,
                         "adapted": {"text": s["text"], "start": w[1], "end": w[2]},
                         "original": original})
    for k, sents in enumerate(o_sents):
        for s, w in zip(sents, o_where[k]):
            if s["label"] == "removed":
                segments.append({"kind": "removed", "moved": False, "similarity": None,
                                 "adapted": None,
                                 "original": {"source": k, "text": s["text"], "start": w[1], "end": w[2]}})
    return {"version": 1, "originals": [{"source": str(p), "text": t} for p, t in zip(originals, texts)],
            "adapted": {"source": str(adapted), "text": a_text}, "segments": segments}, None


# --------------------------------------------------------------------------------------------
# Running and scoring


def pair_inputs(pair_dir, gold):
    return [pair_dir / o["file"] for o in gold["originals"]], pair_dir / gold["adapted"]["file"]


def evaluate(name, runner, pairs, golds, jobs):
    """Run one tool on every pair and score it. Returns a dict with results, errors and time."""
    t0 = time.perf_counter()

    def one(item):
        pair_dir, gold = item
        report, error = runner(*pair_inputs(pair_dir, gold))
        if report is not None and not isinstance(report, dict):
            report, error = None, "report is not a JSON object"
        try:
            result = score.score_pair(gold, report, pair_dir.name)
        except (KeyError, TypeError, IndexError, AttributeError) as e:
            error = f"report does not follow the contract: {type(e).__name__}: {e}"
            result = score.score_pair(gold, None, pair_dir.name)
        return pair_dir.name, result, error

    items = list(zip(pairs, golds))
    if jobs > 1:
        with ThreadPoolExecutor(jobs) as pool:
            outputs = list(pool.map(one, items))
    else:
        outputs = [one(item) for item in items]
    errors = [(name_, err) for name_, _, err in outputs if err]
    results = [r for _, r, _ in outputs]
    summary = score.summarise(score.merge(results))
    return {"name": name, "results": results, "errors": errors, "summary": summary,
            "seconds": time.perf_counter() - t0}


def fmt_prf(c):
    return f"{c['precision']:.3f}/{c['recall']:.3f}/{c['f1']:.3f}"


def print_table(evals, n_pairs, n_multi):
    """The side-by-side table of per-class P/R/F1."""
    classes = evals[0]["summary"]["classes"]
    width = 24

    def row(label, units, cells):
        print(f"{label:<12}{units:>7}  " + "".join(f"{c:<{width}}" for c in cells))

    print(f"pairs: {n_pairs} ({n_multi} two-source)")
    row("class", "units", [e["name"] + " P/R/F1" for e in evals])
    print("-" * (21 + width * len(evals)))
    for label, key in ROWS:
        row(label, classes[key]["support"], [fmt_prf(e["summary"]["classes"][key]) for e in evals])
    row("macro-F1", "", [f"{e['summary']['macro_f1']:.3f}" for e in evals])
    row("source acc.", evals[0]["summary"]["source_units"],
        [_fmt_opt(e["summary"]["source_accuracy"]) for e in evals])
    row("tool errors", "", [str(len(e["errors"])) for e in evals])
    row("time (s)", "", [f"{e['seconds']:.1f}" for e in evals])
    print("P/R/F1 micro-averaged over all pairs; macro-F1 = mean F1 of unchanged, reworded, "
          "inserted, removed;\nsource acc. = source attribution accuracy on the kept (unchanged "
          "or reworded) adapted sentences\nof two-source pairs; removed is scored on original "
          "sentences, the other classes on adapted ones.")
    unlocated = [f"{e['name']} {e['summary']['unlocated']}" for e in evals if e["summary"]["unlocated"]]
    if unlocated:
        print("gold sentences not found in the report text (scored as misses): " + ", ".join(unlocated))


def _fmt_opt(x):
    return "-" if x is None else f"{x:.3f}"


def print_confusion(ev):
    for side, labels in (("adapted", ["unchanged", "reworded", "inserted", "removed", "none"]),
                         ("original", ["kept", "removed"])):
        table = ev["summary"]["confusion"][side]
        print(f"\n{ev['name']} confusion, {side} side (rows gold, columns predicted)")
        print(f"{'':<12}" + "".join(f"{p:>11}" for p in labels))
        for g in sorted(table):
            print(f"{g:<12}" + "".join(f"{table[g].get(p, 0):>11}" for p in labels))


def parse_floors(items):
    floors = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or key not in FLOOR_KEYS:
            raise ValueError(f"bad --floor {item!r}: expected KEY=VALUE with KEY in {', '.join(FLOOR_KEYS)}")
        floors[key] = float(value)
    return floors


def check_floors(floors, summary):
    """Return the list of missed floors as messages."""
    missed = []
    for key, floor in floors.items():
        if key == "macro":
            value = summary["macro_f1"]
        elif key == "source":
            value = summary["source_accuracy"]
        else:
            value = summary["classes"][key]["f1"]
        label = {"macro": "macro-F1", "source": "source accuracy"}.get(key, f"{key} F1")
        if value is None or value < floor:
            missed.append(f"{label} {_fmt_opt(value)} < floor {floor:.3f}")
        else:
            print(f"floor ok: {label} {value:.3f} >= {floor:.3f}")
    return missed


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score wirediff and the difflib baseline on the "
                                             "synthetic pairs (build them with eval/synth_edits.py).")
    ap.add_argument("--pairs", default=str(DEFAULT_PAIRS), help="pairs directory (default %(default)s)")
    ap.add_argument("--tools", default="wirediff,difflib", help="comma-separated (default %(default)s)")
    ap.add_argument("--wirediff", default=str(DEFAULT_WIREDIFF), help="wirediff binary")
    ap.add_argument("--baseline", default=str(DEFAULT_BASELINE), help="difflib_baseline.py")
    ap.add_argument("--floor", action="append", default=[], metavar="KEY=VALUE",
                    help=f"minimum wirediff score; KEY in {', '.join(FLOOR_KEYS)} (F1, or accuracy "
                         "for source); repeatable")
    ap.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N misclassified sentences per class")
    ap.add_argument("--errors-for", metavar="TOOL", help="tool for --show-errors (default: first run)")
    ap.add_argument("--confusion", action="store_true", help="print confusion tables")
    ap.add_argument("--limit", type=int, help="use only the first N pairs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel wirediff runs")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per wirediff run")
    args = ap.parse_args(argv)

    try:
        floors = parse_floors(args.floor)
    except ValueError as e:
        ap.error(str(e))
    pairs_root = Path(args.pairs)
    pairs = []
    if pairs_root.is_dir():
        pairs = sorted(p for p in pairs_root.iterdir() if (p / "gold.json").exists())
    if not pairs:
        print(f"run: no pairs in {pairs_root}; build them first with: python3 eval/synth_edits.py",
              file=sys.stderr)
        return 2
    if args.limit:
        pairs = pairs[: args.limit]
    golds = [score.load_gold(p) for p in pairs]
    n_multi = sum(len(g["originals"]) > 1 for g in golds)

    evals = []
    for name in [t.strip() for t in args.tools.split(",") if t.strip()]:
        if name == "wirediff":
            binary = Path(args.wirediff)
            if not binary.is_file() or not os.access(binary, os.X_OK):
                print(f"run: skipping wirediff: no executable at {binary} "
                      "(build it with: cargo build --release)", file=sys.stderr)
                continue
            runner, jobs = partial(run_wirediff, binary.resolve(), args.timeout), args.jobs
        elif name == "difflib":
            path = Path(args.baseline)
            if not path.is_file():
                print(f"run: skipping difflib: no baseline script at {path}", file=sys.stderr)
                continue
            runner, jobs = partial(run_baseline, load_baseline(path)), 1
        elif name == "oracle":
            runner, jobs = run_oracle, 1
        else:
            ap.error(f"unknown tool {name!r} (known: wirediff, difflib, oracle)")
        ev = evaluate(name, runner, pairs, golds, jobs)
        for pair, err in ev["errors"]:
            print(f"run: {name} failed on {pair}: {err}", file=sys.stderr)
        evals.append(ev)
    if not evals:
        print("run: no tool to run", file=sys.stderr)
        return 2

    print_table(evals, len(pairs), n_multi)
    if args.confusion:
        for ev in evals:
            print_confusion(ev)
    if args.show_errors:
        target = next((e for e in evals if e["name"] == (args.errors_for or evals[0]["name"])), None)
        if target is None:
            print(f"run: --errors-for {args.errors_for}: that tool did not run", file=sys.stderr)
        else:
            score.print_errors(score.error_examples(target["results"], args.show_errors),
                               title=f"{target['name']} ")

    status = 0
    if floors:
        wd = next((e for e in evals if e["name"] == "wirediff"), None)
        if wd is None:
            print("FLOORS NOT CHECKED: wirediff did not run", file=sys.stderr)
            status = 1
        else:
            missed = check_floors(floors, wd["summary"])
            for m in missed:
                print(f"FLOOR MISSED: wirediff {m}", file=sys.stderr)
            status = 1 if missed else 0

    if args.json:
        tools = {e["name"]: {**e["summary"],
                             "errors": [{"pair": p, "error": m} for p, m in e["errors"]],
                             "seconds": round(e["seconds"], 3)} for e in evals}
        out = {"pairs": len(pairs), "two_source_pairs": n_multi, "floors": floors, "tools": tools}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
