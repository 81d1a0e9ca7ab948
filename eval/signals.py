#!/usr/bin/env python3
"""Score wirediff's news signals against the edits the synthetic generators recorded.

    cargo build --release
    python3 eval/synth_edits.py                 # build target/eval/edits
    python3 eval/signals.py               # print the table
    python3 eval/signals.py --show 5      # and a few misses and false alarms of each kind

Every adapted sentence of a pair has, in gold.json, the description of its edits ("attribution
said->claimed", "loaded word 'so-called'", "quote altered, dropped 'and'"...). This script reads
the kinds of signal those edits call for:

  attribution  "attribution said->X" (all of them; said->stated, says->states and said->told reporters swap a
               neutral verb for another and are counted apart: by design they raise no signal),
               and crosscheck's "synonyms said->explained"
  loaded       "loaded word '...'", "loaded government->regime", "appended 'in a stunning reversal'"
  quote        "quote altered ..."
  hedge        "appended 'without offering evidence'", "appended 'a claim that could not be
               verified'", "dropped 'reportedly'", "dropped clause 'according to ...'"

and, for crosscheck's pairs (`--pairs target/eval/crosscheck`), "quote cut ...", "quote elided ..." (quote)
and "hedge '...'" (hedge); "attribution moved before the quote" is a reordering and calls for no
signal. It runs `wirediff compare --format json` on each pair. A gold edit is found when a segment
whose adapted span overlaps the sentence carries a signal of its kind (recall). A signal is a
false alarm when none of the gold sentences its segment overlaps has an edit of its kind;
quote signals on another edit made inside a quotation (a synonym, a contraction, a phrase
appended to a sentence of a longer quotation...: the generator edits quotations too and records
the edit by its own kind) are real misquotations, counted apart;
signals on heavy paraphrases are counted apart (the generator swaps said -> claimed and adds
tails such as ", according to people familiar with the matter" there without recording it),
and so are loaded signals on inserted passages (insertions have no gold for loaded words).
Credit signals have no gold in these pairs and are only counted.
"""

import argparse
import json
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
KINDS = ("attribution", "quote", "loaded", "hedge")
NEUTRAL_SWAPS = {"stated", "states", "told reporters"}
HEDGE_EDITS = {
    "appended 'without offering evidence'",
    "appended 'a claim that could not be verified'",
    "dropped 'reportedly'",
}


def gold_kinds(edit):
    """The signal kinds an edit description calls for, and whether its attribution is neutral."""
    kinds, neutral = set(), False
    for part in (edit or "").split("; "):
        # "attribution said->claimed" (synth), "synonyms said->explained" (crosscheck)
        m = re.match(r"(?:attribution|synonyms?) (?:.*, )?'?(?:said|says)'?->'?([a-z ]+)", part)
        if m:
            kinds.add("attribution")
            neutral = m.group(1) in NEUTRAL_SWAPS
        if part.startswith("loaded ") or part == "appended 'in a stunning reversal'":
            kinds.add("loaded")
        elif part.startswith(("quote altered", "quote cut", "quote elided")):
            kinds.add("quote")
        elif (part in HEDGE_EDITS or part.startswith("dropped clause 'according to")
              or part.startswith("hedge '")):
            kinds.add("hedge")
    return kinds, neutral


def edit_in_quote(edit, sig):
    """True when a recorded edit that is not a quote edit (a synonym, a contraction, a number,
    an attribution verb, a word or clause dropped, a phrase appended, a loaded word, a clause
    moved, a split or a merge) falls inside the quotation of a quote signal: the generators
    edit whole sentences, quotations included, and record the edit by its own kind. Such a
    quote signal reports a real change of quoted words."""
    before = (sig.get("from") or "").lower()
    after = (sig.get("to") or "").lower()

    def has(text, phrase):
        return re.search(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)", text) is not None

    for part in (edit or "").split("; "):
        for old, new in re.findall(r"'?([^',>]+?)'?->'?([^',]+)'?", part):
            old = old.split(" ")[-1]
            if has(after, new) and has(before, old):
                return True
        # a word or phrase named in the edit found in one side of the quotation only
        for words in re.findall(r"'(.+?)'(?=$|[ ,;)-])", part):
            if has(before, words) != has(after, words):
                return True
        if part.startswith(("split at", "merged with")) or "moved to the front" in part:
            if before and after:
                return True
    return False


def run(binary, pair):
    originals = sorted(pair.glob("original*.txt"))
    cmd = [str(binary), "compare", "--format", "json", *map(str, originals),
           str(pair / "adapted.txt")]
    proc = subprocess.run(cmd, capture_output=True, timeout=60)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"signals: {pair.name}: exit {proc.returncode}: "
                         f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    return json.loads(proc.stdout)


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score_pair(pair, report, stats, examples):
    gold = json.loads((pair / "gold.json").read_text(encoding="utf-8"))
    units = gold["adapted"]["sentences"]
    segs = [s for s in report["segments"] if s["adapted"]]
    text = report["adapted"]["text"]
    for u in units:
        kinds, neutral = gold_kinds(u.get("edit"))
        span = (u["start"], u["end"])
        near = [s for s in segs if overlaps(span, (s["adapted"]["start"], s["adapted"]["end"]))]
        for k in kinds:
            key = "attribution (neutral swap)" if k == "attribution" and neutral else k
            found = any(sig["kind"] == k for s in near for sig in s["signals"])
            stats[key]["gold"] += 1
            stats[key]["found"] += found
            if not found:
                examples[key]["missed"].append((pair.name, u.get("edit"),
                                                text.encode()[span[0]:span[1]].decode()))
    for s in segs:
        span = (s["adapted"]["start"], s["adapted"]["end"])
        near = [u for u in units if overlaps(span, (u["start"], u["end"]))]
        for sig in s["signals"]:
            k = sig["kind"]
            if k == "credit":
                stats["credit"]["raised"] += 1
                continue
            stats[k]["raised"] += 1
            if any(k in gold_kinds(u.get("edit"))[0] for u in near):
                stats[k]["right"] += 1
            elif k == "quote" and any(edit_in_quote(u.get("edit"), sig) for u in near):
                stats[k]["inside"] += 1
            elif s["kind"] == "inserted":
                stats[k]["inserted"] += 1
            elif any((u.get("edit") or "").startswith("heavy") for u in near):
                stats[k]["heavy"] += 1
            else:
                stats[k]["false"] += 1
                examples[k]["false"].append((pair.name, "; ".join(
                    u.get("edit") or u["label"] for u in near), json.dumps(sig, ensure_ascii=False)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", default=str(REPO / "target" / "eval" / "edits"))
    ap.add_argument("--wirediff", default=str(REPO / "target" / "release" / "wirediff"))
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print N misses and N false alarms of each kind")
    args = ap.parse_args(argv)
    binary = Path(args.wirediff)
    if not binary.exists():
        sys.exit(f"signals: {binary} not found; run cargo build --release")
    pairs = sorted(p for p in Path(args.pairs).iterdir() if (p / "gold.json").exists())
    if not pairs:
        sys.exit(f"signals: no pairs in {args.pairs}; run python3 eval/synth_edits.py")
    rows = ("attribution", "attribution (neutral swap)", "quote", "loaded", "hedge", "credit")
    stats = {k: dict(gold=0, found=0, raised=0, right=0, inside=0, heavy=0, inserted=0, false=0)
             for k in rows}
    examples = {k: {"missed": [], "false": []} for k in rows}
    with ThreadPoolExecutor() as pool:
        reports = list(pool.map(lambda p: run(binary, p), pairs))
    for pair, report in zip(pairs, reports):
        score_pair(pair, report, stats, examples)

    print(f"News signals on {len(pairs)} pairs ({args.pairs})")
    print()
    print("| kind | gold edits | found | recall | signals | on a gold edit of the kind "
          "| on another edit inside a quotation | on heavy paraphrase | on insertions "
          "| false alarms |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for k in rows:
        s = stats[k]
        recall = f"{s['found'] / s['gold']:.3f}" if s["gold"] else "-"
        if k == "attribution (neutral swap)":
            print(f"| {k} | {s['gold']} | {s['found']} | {recall} | | | | | | |")
        elif k == "credit":
            print(f"| {k} | - | - | - | {s['raised']} | | | | | |")
        else:
            inside = s["inside"] if k == "quote" else "-"
            print(f"| {k} | {s['gold']} | {s['found']} | {recall} | {s['raised']} | {s['right']} "
                  f"| {inside} | {s['heavy']} | {s['inserted']} | {s['false']} |")
    if args.show:
        for k in rows:
            for what in ("missed", "false"):
                for pair, edit, detail in examples[k][what][: args.show]:
                    print(f"\n[{k} {what}] {pair}: {edit}\n    {detail}")


if __name__ == "__main__":
    main()
