#!/usr/bin/env python3
"""Build synthetic pairs in the style of a rewriting site: wire copy run through a thesaurus.

    python3 eval/synth_rewriter.py                      # target/eval/rewriter, seed 3, rate 0.5
    python3 eval/meter.py --pairs target/eval/rewriter --floor macro=0.95

A stress test, not a yardstick: a third generator, written apart from the other two and from
the aligner, with its own sentence splitter. For each real article body of
../shared/data/article-extraction-benchmark/ground-truth.json (read in place; English, 8 to
80 sentences), most sentences are reworded by swapping a share of their plain words (--rate)
for a synonym from WordNet's most frequent sense, and "X, Y said." becomes "Y said X."; some
sentences are dropped; sentences of other articles are inserted, appended to the end of a
paragraph with a space, as rewriters and pages run text together, so that one is sometimes
glued onto a heading or list line with no sentence break.

WordNet 3.0 comes from Debian's package wordnet-base (/usr/share/wordnet; `apt-get install
wordnet-base`), under the WordNet 3.0 license (Princeton University; use, copy and
distribute freely, with its notice). It is read in place; nothing of it is copied here.

Each pair: original.txt, adapted.txt, gold.json in ../shared/bench/score_pairs.py's shape
(adapted sentences labelled unchanged, reworded or inserted; removed sentences listed).
Exit 2 when WordNet or the corpus is missing.
"""

import argparse
import json
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / ".." / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
WORDNET = Path("/usr/share/wordnet")
# Words never swapped: function words and the speech verbs the clause swap reads.
KEEP = set("""the a an and or but of to in on at for with by from as is was were be been are that
this it he she they said says told there their which would could should have has had will
than then into also about after before over more most other some such only""".split())
# Abbreviations a full stop does not end a sentence after.
ABBREVIATIONS = set("""mr mrs ms dr prof sen rep gov gen lt col capt sgt st mt ft no vs etc inc
corp co ltd jr sr jan feb mar apr jun jul aug sep sept oct nov dec u.s a.m p.m""".split())


def load_wordnet(root):
    """Each single-word lemma's synonyms in its most frequent sense, by part of speech."""
    synonyms = {}
    for pos in ("noun", "verb", "adj", "adv"):
        words_of = {}
        for line in (root / f"data.{pos}").open(encoding="latin-1"):
            if line.startswith("  "):
                continue
            p = line.split()
            n = int(p[3], 16)
            words_of[int(p[0])] = [p[4 + 2 * i] for i in range(n)]
        for line in (root / f"index.{pos}").open(encoding="latin-1"):
            if line.startswith("  "):
                continue
            p = line.split()
            lemma = p[0]
            if "_" in lemma:
                continue
            senses = int(p[2])
            first = int(p[-senses])
            alts = [w.split("(")[0].lower() for w in words_of.get(first, [])]
            alts = [w for w in alts if w.isalpha() and w != lemma]
            if alts:
                synonyms.setdefault(lemma, alts[:3])
    return synonyms


def split_sentences(para):
    """A plain splitter: after . ! or ? and a space before a capital or a quote mark, unless
    the word before is an abbreviation or an initial."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])", para):
        before = para[start:m.start()].split()
        last = before[-1].lower().rstrip(".") if before else ""
        if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
            continue
        out.append(para[start:m.end()].strip())
        start = m.end()
    if para[start:].strip():
        out.append(para[start:].strip())
    return out


def reword(sentence, synonyms, rng, rate):
    """Swap a share of the plain words for synonyms; turn "X, Y said." into "Y said X."."""
    pieces = re.split(r"(\W+)", sentence)
    for i, w in enumerate(pieces):
        if not (w.isalpha() and w.islower() and len(w) > 3 and w not in KEEP) or rng.random() >= rate:
            continue
        base, suffix = (w[:-1], "s") if w not in synonyms and w.endswith("s") else (w, "")
        if base in synonyms:
            pieces[i] = rng.choice(synonyms[base]) + suffix
    out = "".join(pieces)
    m = re.match(r"^(.*), ((?:[A-Z][\w.]* ?){1,4}|he|she|they) said\.$", out)
    if m and rng.random() < 0.6:
        who, what = m.group(2), m.group(1)
        out = f"{who[0].upper()}{who[1:]} said {what[0].lower()}{what[1:]}."
    return out


def load_articles(corpus):
    """The corpus's English article bodies of 8 to 80 sentences, as (id, paragraphs of
    sentences), in id order."""
    data = json.loads(corpus.read_text(encoding="utf-8"))
    docs = []
    for doc_id in sorted(data):
        body = data[doc_id]["articleBody"]
        if sum(c.isascii() for c in body) < 0.97 * len(body):
            continue
        paras = [split_sentences(p.strip()) for p in body.split("\n") if p.strip()]
        if 8 <= sum(map(len, paras)) <= 80:
            docs.append((doc_id, paras))
    return docs


def write_pair(d, paragraphs, gold):
    """Writes the adapted paragraphs and the gold labels of a pair into folder `d`."""
    (d / "adapted.txt").write_text("\n\n".join(paragraphs) + "\n")
    (d / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n")


def build(docs, synonyms, rng, rate, out):
    """Writes one pair for each article of `docs`; returns the count of each label."""
    counts = {"unchanged": 0, "reworded": 0, "inserted": 0, "removed": 0}
    for n, (doc_id, paras) in enumerate(docs):
        d = out / f"{n:03d}-{doc_id[:8]}"
        d.mkdir(parents=True)
        (d / "original.txt").write_text("\n\n".join(" ".join(p) for p in paras) + "\n")
        gold = {"adapted": [], "removed": []}
        adapted = []
        donors = [s for other_id, ps in docs if other_id != doc_id for p in ps for s in p
                  if len(s.split()) >= 8]
        for p in paras:
            kept = []
            for s in p:
                r = rng.random()
                if r < 0.08:
                    gold["removed"].append({"text": s})
                    counts["removed"] += 1
                    continue
                new = reword(s, synonyms, rng, rate) if r < 0.75 and len(s.split()) >= 6 else s
                kind = "reworded" if new != s else "unchanged"
                kept.append(new)
                gold["adapted"].append({"text": new, "kind": kind, "moved": None, "original": s})
                counts[kind] += 1
            if donors and rng.random() < 0.15:
                s = rng.choice(donors)
                kept.append(s)
                gold["adapted"].append({"text": s, "kind": "inserted", "moved": None,
                                        "original": None})
                counts["inserted"] += 1
            if kept:
                adapted.append(" ".join(kept))
        write_pair(d, adapted, gold)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=3, help="RNG seed (default 3)")
    ap.add_argument("--rate", type=float, default=0.5,
                    help="share of plain words swapped for a synonym (default 0.5)")
    ap.add_argument("--pairs", type=int, default=60, help="how many pairs (default 60)")
    ap.add_argument("--out", default=str(REPO / "target" / "eval" / "rewriter"))
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--wordnet", default=str(WORDNET), help="WordNet's dict folder")
    args = ap.parse_args(argv)
    wordnet, corpus = Path(args.wordnet), Path(args.corpus)
    if not (wordnet / "data.noun").is_file():
        print(f"synth_rewriter: no WordNet at {wordnet} (apt-get install wordnet-base)",
              file=sys.stderr)
        return 2
    if not corpus.is_file():
        print(f"synth_rewriter: no corpus at {corpus}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    synonyms = load_wordnet(wordnet)
    docs = load_articles(corpus)
    rng.shuffle(docs)
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    counts = build(docs[:args.pairs], synonyms, rng, args.rate, out)
    print(f"synth_rewriter: {min(args.pairs, len(docs))} pairs in {out}: "
          + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
