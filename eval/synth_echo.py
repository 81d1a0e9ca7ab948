#!/usr/bin/env python3
"""Build pairs whose additions echo the story: editorial lines made of the wire's own names.

    python3 eval/synth_echo.py                        # target/eval/echo, seed 5
    python3 eval/meter.py --pairs target/eval/echo --floor inserted=0.9

A stress test, not a yardstick, for wirediff's first promise: an addition is never missed.
The other generators insert sentences from other articles, which share few words with the
story. A partisan site's additions are about the story and name its people ("Some have
accused current Ukrainian President Volodymyr Zelenskyy… of being a puppet"), and a site
often puts its line where it cut a wire sentence. Here each real article body of
../shared/data/article-extraction-benchmark/ground-truth.json (read in place; English, 8 to
80 sentences) is kept word for word but for some sentences cut, and gets editorial lines
from templates filled with the article's own names (runs of capitalised words past a
sentence's first word) and a plain word of the sentence next to them: some after a kept
sentence, some in the place of the one cut. Every such line is labelled inserted; the rest
unchanged; the cut sentences removed.

Each pair: original.txt, adapted.txt, gold.json in ../shared/bench/score_pairs.py's shape.
Exit 2 when the corpus is missing.
"""

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / ".." / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_rewriter import load_articles, write_pair  # noqa: E402

# Editorial lines: {n} and {m} are names of the story, {w} a plain word of the sentence next
# to the line. Opinion, background and the site's own reporting, as outlets add them.
TEMPLATES = [
    "Critics say {n} has ignored the concerns of ordinary people for years.",
    "Supporters of {n} dismissed the {w} as a political stunt.",
    "It remains unclear what {n} will do about the {w} in the coming months.",
    "Many readers have told us they lost faith in {n} long ago.",
    "{n} has long been accused of putting {m} ahead of everyone else.",
    "The move is the latest sign that {n} is losing patience with {m}.",
    "Some have accused {n} of being a puppet for a globalist cabal.",
    "The {w} has become a flashpoint in the wider fight over {n}.",
    "None of this should surprise anyone who has followed {n} closely.",
    "Whether {n} can survive the {w} is now an open question.",
    "Local leaders fear the {w} will hit small businesses hardest.",
    "{n} did not respond to our request for comment.",
]

STOP = set("""about above after again against along also among another because been before
being below between both could does doing down during each every first from further have
having here into itself just made many more most much must only other over same should since
some such than that their them then there these they this those through under until very
were what when where which while will with would your said says told year years""".split())


def names_of(sentences):
    """Runs of one to four capitalised words past a sentence's first word, most said first."""
    seen = {}
    for s in sentences:
        words = s.split()
        run = []
        for w in words[1:] + [""]:
            bare = w.strip(".,;:!?\"'()“”‘’")
            if bare[:1].isupper() and bare[1:].islower() and len(bare) > 1 and len(run) < 4:
                run.append(bare)
                if bare != w:
                    seen[" ".join(run)] = seen.get(" ".join(run), 0) + 1
                    run = []
                continue
            if run:
                seen[" ".join(run)] = seen.get(" ".join(run), 0) + 1
            run = []
    return [n for n, _ in sorted(seen.items(), key=lambda x: -x[1])]


def plain_word(sentence, rng):
    """A plain word of `sentence`: small letters, five or more, not a function word."""
    words = [w for w in re.findall(r"\b[a-z]{5,}\b", sentence) if w not in STOP]
    return rng.choice(words) if words else "decision"


def build(docs, rng, out):
    """Writes one pair for each article of `docs`; returns the count of each label."""
    counts = {"unchanged": 0, "inserted": 0, "removed": 0}
    for k, (doc_id, paras) in enumerate(docs):
        names = names_of([s for p in paras for s in p])
        if len(names) < 2:
            continue
        d = out / f"{k:03d}-{doc_id[:8]}"
        d.mkdir(parents=True)
        (d / "original.txt").write_text("\n\n".join(" ".join(p) for p in paras) + "\n")
        gold = {"adapted": [], "removed": []}

        def line(next_to):
            n, m = rng.sample(names[:6], 2)
            return rng.choice(TEMPLATES).format(n=n, m=m, w=plain_word(next_to, rng))

        def paragraph(p):
            """The adapted paragraph of `p`: its sentences kept or cut, lines added."""
            kept = []

            def add(text, kind, original):
                kept.append(text)
                gold["adapted"].append({"text": text, "kind": kind, "moved": None,
                                        "original": original})
                counts[kind] += 1

            for s in p:
                r = rng.random()
                if r < 0.10:
                    gold["removed"].append({"text": s})
                    counts["removed"] += 1
                    if rng.random() < 0.6:
                        add(line(s), "inserted", None)
                    continue
                add(s, "unchanged", s)
                if r > 0.93:
                    add(line(s), "inserted", None)
            return " ".join(kept)

        write_pair(d, [t for t in map(paragraph, paras) if t], gold)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=5, help="RNG seed (default 5)")
    ap.add_argument("--pairs", type=int, default=80, help="how many articles (default 80)")
    ap.add_argument("--out", default=str(REPO / "target" / "eval" / "echo"))
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not corpus.is_file():
        print(f"synth_echo: no corpus at {corpus}", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    docs = load_articles(corpus)
    rng.shuffle(docs)
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    counts = build(docs[:args.pairs], rng, out)
    print(f"synth_echo: pairs in {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
