#!/usr/bin/env python3
"""Score a wirediff-style JSON report against a synthetic pair's gold labels.

Units:
  * adapted side: every gold sentence of adapted.txt, labelled unchanged / reworded / inserted,
    plus a boolean `moved` and the index of the original it comes from;
  * original side: every gold sentence of each original, labelled removed / kept.

A unit's prediction is taken from the report segment whose span on that side overlaps the unit's
byte span the most (the first such segment on ties). An adapted unit that no segment overlaps is
predicted "none"; an original unit is predicted removed iff its best segment is a removed one.

Reports may hold slightly different text than the files (trimmed, line endings normalised,
several originals concatenated into one), so each gold sentence is first located in the report's
own text (exact search forward from the previous match, then a whitespace/quote/dash-insensitive
search) and scored at the byte offsets found there.

usage: python3 eval/score.py PAIR_DIR REPORT.json [--show-errors N]
"""

import argparse
import bisect
import json
import random
import sys
from pathlib import Path

ADAPTED_CLASSES = ("unchanged", "reworded", "inserted")
CLASSES = ("unchanged", "reworded", "inserted", "removed", "moved")
MACRO_CLASSES = ("unchanged", "reworded", "inserted", "removed")


# --------------------------------------------------------------------------------------------
# Locating gold sentences in a report's text


def _norm_char(c):
    if c in "\u201c\u201d\u201e\u2033":
        return '"'
    if c in "\u2018\u2019\u201a\u2032":
        return "'"
    if c in "\u2013\u2014\u2012\u2212":
        return "-"
    if c.isspace():
        return " "
    return c.lower()


class Document:
    """A report document: its text, byte offsets and a normalised copy for fuzzy search."""

    def __init__(self, text):
        self.text = text
        self.bytes_at = []
        b = 0
        for c in text:
            self.bytes_at.append(b)
            b += len(c.encode("utf-8"))
        self.bytes_at.append(b)
        norm, self.norm_to_char = [], []
        for i, c in enumerate(text):
            n = _norm_char(c)
            if n == " " and (not norm or norm[-1] == " "):
                continue
            if n == "-" and norm and norm[-1] == "-":
                continue  # "--" reads as one dash
            norm.append(n)
            self.norm_to_char.append(i)
        self.norm = "".join(norm)

    def find(self, sentence, start_char):
        """Find `sentence` at or after `start_char`; return a (char_start, char_end) span or None."""
        p = self.text.find(sentence, start_char)
        if p >= 0:
            return p, p + len(sentence)
        needle = normalise(sentence)
        if not needle:
            return None
        n0 = bisect.bisect_left(self.norm_to_char, start_char)
        p = self.norm.find(needle, n0)
        if p < 0:
            return None
        return self.norm_to_char[p], self.norm_to_char[p + len(needle) - 1] + 1

    def byte_span(self, span):
        return self.bytes_at[span[0]], self.bytes_at[span[1]]


def normalise(s):
    """The same normalisation Document applies to its text (quotes, dashes, spaces, case)."""
    out = []
    for c in s:
        n = _norm_char(c)
        if n == " " and (not out or out[-1] == " "):
            continue
        if n == "-" and out and out[-1] == "-":
            continue
        out.append(n)
    return "".join(out).strip()


def locate(sentences, docs):
    """Locate each sentence text in the documents, in order.

    Returns one (doc_index, byte_start, byte_end) or None per sentence. The search moves forward
    through the documents from the previous match; a sentence not found there is searched from
    the beginning of every document.
    """
    out, d, pos = [], 0, 0
    for s in sentences:
        hit = None
        for k in range(d, len(docs)):
            span = docs[k].find(s, pos if k == d else 0)
            if span:
                hit = (k, span)
                break
        if hit is None:
            for k in range(len(docs)):
                span = docs[k].find(s, 0)
                if span:
                    hit = (k, span)
                    break
        if hit is None:
            out.append(None)
            continue
        d, pos = hit[0], hit[1][1]
        out.append((hit[0],) + docs[hit[0]].byte_span(hit[1]))
    return out


# --------------------------------------------------------------------------------------------
# Scoring one pair


def load_gold(pair_dir):
    """Read gold.json and attach each gold sentence's text (decoded from the written files)."""
    pair_dir = Path(pair_dir)
    gold = json.loads((pair_dir / "gold.json").read_text(encoding="utf-8"))
    for side in gold["originals"] + [gold["adapted"]]:
        data = (pair_dir / side["file"]).read_bytes()
        for s in side["sentences"]:
            s["text"] = data[s["start"]: s["end"]].decode("utf-8")
    return gold


def new_counts():
    return {c: {"tp": 0, "fp": 0, "fn": 0} for c in CLASSES}


def best_segment(spans, doc, start, end):
    """The segment whose span in `doc` overlaps [start, end) the most (first one on ties)."""
    best, best_overlap = None, 0
    for seg, d, s, e in spans:
        if d != doc:
            continue
        overlap = min(end, e) - max(start, s)
        if overlap > best_overlap:
            best, best_overlap = seg, overlap
    return best


def side_spans(segments, side):
    """(segment, doc_index, start, end) for every segment that has the given side."""
    out = []
    for seg in segments:
        part = seg.get(side)
        if part is None:
            continue
        doc = part.get("source", 0) if side == "original" else 0
        out.append((seg, doc, part["start"], part["end"]))
    return out


def count(counts, cls, gold, pred):
    if gold and pred:
        counts[cls]["tp"] += 1
    elif gold:
        counts[cls]["fn"] += 1
    elif pred:
        counts[cls]["fp"] += 1


def score_pair(gold, report, pair_name=""):
    """Score one report (a parsed JSON dict, or None for a failed run) against one gold.

    Returns a dict with per-class tp/fp/fn counts, confusion tables, source-attribution counts
    and a list of unit records (for error listings).
    """
    counts = new_counts()
    confusion = {"adapted": {}, "original": {}}
    units = []
    source_ok = source_total = 0
    multi = len(gold["originals"]) > 1
    segments = (report or {}).get("segments") or []

    # adapted side
    a_docs = [Document(report["adapted"]["text"])] if report else []
    a_found = locate([s["text"] for s in gold["adapted"]["sentences"]], a_docs)
    a_spans = side_spans(segments, "adapted")
    for s, where in zip(gold["adapted"]["sentences"], a_found):
        seg = best_segment(a_spans, *where) if where else None
        pred = seg["kind"] if seg else "none"
        pred_moved = bool(seg and seg.get("moved"))
        for cls in ADAPTED_CLASSES:
            count(counts, cls, s["label"] == cls, pred == cls)
        count(counts, "moved", s["moved"], pred_moved)
        row = confusion["adapted"].setdefault(s["label"], {})
        row[pred] = row.get(pred, 0) + 1
        pred_source = seg["original"].get("source") if seg and seg.get("original") else None
        if multi and s["label"] in ("unchanged", "reworded"):
            source_total += 1
            source_ok += pred_source == s["source"]
        units.append({
            "pair": pair_name, "side": "adapted", "gold": s["label"], "pred": pred,
            "gold_moved": s["moved"], "pred_moved": pred_moved, "text": s["text"],
            "edit": s.get("edit", ""), "located": where is not None,
            "similarity": seg.get("similarity") if seg else None,
            "other": (seg.get("original") or {}).get("text") if seg else None,
        })

    # original side
    o_docs = [Document(o["text"]) for o in report["originals"]] if report else []
    o_spans = side_spans(segments, "original")
    # one search over all originals in order, so that the second original is looked for after
    # the first even when the report concatenates them into one document
    gold_sents = [s for o in gold["originals"] for s in o["sentences"]]
    found = locate([s["text"] for s in gold_sents], o_docs)
    for s, where in zip(gold_sents, found):
        seg = best_segment(o_spans, *where) if where else None
        pred = "removed" if seg and seg["kind"] == "removed" else "kept"
        count(counts, "removed", s["label"] == "removed", pred == "removed")
        row = confusion["original"].setdefault(s["label"], {})
        row[pred] = row.get(pred, 0) + 1
        units.append({
            "pair": pair_name, "side": "original", "gold": s["label"], "pred": pred,
            "text": s["text"], "located": where is not None,
            "matched_kind": seg["kind"] if seg else None,
            "other": (seg.get("adapted") or {}).get("text") if seg else None,
        })

    support = {c: counts[c]["tp"] + counts[c]["fn"] for c in CLASSES}
    unlocated = sum(1 for u in units if not u["located"]) if report else 0
    return {"counts": counts, "support": support, "confusion": confusion, "units": units,
            "source": {"correct": source_ok, "total": source_total}, "unlocated": unlocated}


# --------------------------------------------------------------------------------------------
# Aggregation


def prf(c):
    """Precision, recall and F1 from tp/fp/fn (0 when undefined)."""
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def merge(results):
    """Micro-average: sum the counts of several pair results."""
    total = {"counts": new_counts(), "support": {c: 0 for c in CLASSES},
             "confusion": {"adapted": {}, "original": {}}, "source": {"correct": 0, "total": 0},
             "unlocated": 0}
    for r in results:
        for c in CLASSES:
            for k in ("tp", "fp", "fn"):
                total["counts"][c][k] += r["counts"][c][k]
            total["support"][c] += r["support"][c]
        for side in ("adapted", "original"):
            for g, row in r["confusion"][side].items():
                trow = total["confusion"][side].setdefault(g, {})
                for p, n in row.items():
                    trow[p] = trow.get(p, 0) + n
        for k in ("correct", "total"):
            total["source"][k] += r["source"][k]
        total["unlocated"] += r["unlocated"]
    return total


def summarise(total):
    """Per-class P/R/F1, macro-F1 and source accuracy from merged counts."""
    scores = {}
    for c in CLASSES:
        p, r, f = prf(total["counts"][c])
        scores[c] = {"precision": p, "recall": r, "f1": f, "support": total["support"][c],
                     **total["counts"][c]}
    macro = sum(scores[c]["f1"] for c in MACRO_CLASSES) / len(MACRO_CLASSES)
    src = total["source"]
    return {"classes": scores, "macro_f1": macro,
            "source_accuracy": src["correct"] / src["total"] if src["total"] else None,
            "source_units": src["total"], "confusion": total["confusion"],
            "unlocated": total["unlocated"]}


def error_examples(results, n, seed=0):
    """Up to n misclassified units per class (misses first, then false alarms), sampled evenly."""
    units = [u for r in results for u in r["units"]]
    rng = random.Random(seed)
    out = {}
    for cls in CLASSES:
        if cls == "moved":
            miss = [u for u in units if u["side"] == "adapted" and u["gold_moved"] and not u["pred_moved"]]
            alarm = [u for u in units if u["side"] == "adapted" and u["pred_moved"] and not u["gold_moved"]]
        else:
            side = "original" if cls == "removed" else "adapted"
            miss = [u for u in units if u["side"] == side and u["gold"] == cls and u["pred"] != cls]
            alarm = [u for u in units if u["side"] == side and u["pred"] == cls and u["gold"] != cls]
        k_miss = min(len(miss), max(n - n // 2, n - len(alarm)))
        k_alarm = min(len(alarm), n - k_miss)
        out[cls] = {"misses": rng.sample(miss, k_miss), "false_alarms": rng.sample(alarm, k_alarm),
                    "n_misses": len(miss), "n_false_alarms": len(alarm)}
    return out


def format_unit(u, width=160):
    def clip(s):
        s = (s or "").replace("\n", " ")
        return s if len(s) <= width else s[: width - 3] + "..."

    if u["side"] == "adapted":
        head = (f"gold {u['gold']}{' moved' if u['gold_moved'] else ''} -> "
                f"pred {u['pred']}{' moved' if u['pred_moved'] else ''}")
        if u.get("similarity") is not None:
            head += f" (sim {u['similarity']:.2f})"
    else:
        head = f"gold {u['gold']} -> pred {u['pred']}"
        if u.get("matched_kind"):
            head += f" (matched a {u['matched_kind']} segment)"
    lines = [f"  [{u['pair']}] {head}" + ("" if u["located"] else " [not found in report text]")]
    if u.get("edit"):
        lines.append(f"      edit:  {u['edit']}")
    lines.append(f"      text:  {clip(u['text'])}")
    if u.get("other"):
        lines.append(f"      other: {clip(u['other'])}")
    return "\n".join(lines)


def print_errors(examples, title=""):
    for cls in CLASSES:
        e = examples[cls]
        print(f"\n== {title}{cls}: {e['n_misses']} missed, {e['n_false_alarms']} false alarms")
        for u in e["misses"]:
            print(format_unit(u))
        if e["false_alarms"]:
            print("  -- false alarms:")
            for u in e["false_alarms"]:
                print(format_unit(u))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score one JSON report against a pair's gold.json.")
    ap.add_argument("pair_dir")
    ap.add_argument("report", help="the tool's JSON report ('-' for stdin)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = ap.parse_args(argv)
    raw = sys.stdin.read() if args.report == "-" else Path(args.report).read_text(encoding="utf-8")
    result = score_pair(load_gold(args.pair_dir), json.loads(raw), Path(args.pair_dir).name)
    s = summarise(merge([result]))
    for c in CLASSES:
        x = s["classes"][c]
        print(f"{c:10} n={x['support']:4}  P {x['precision']:.3f}  R {x['recall']:.3f}  F1 {x['f1']:.3f}")
    print(f"macro-F1 {s['macro_f1']:.3f}")
    if s["source_accuracy"] is not None:
        print(f"source attribution accuracy {s['source_accuracy']:.3f} ({s['source_units']} units)")
    if args.show_errors:
        print_errors(error_examples([result], args.show_errors))


if __name__ == "__main__":
    main()
