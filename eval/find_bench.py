#!/usr/bin/env python3
"""Speed and scale of `wirediff index` and `wirediff find`, beside a plain TF-IDF scan.

    cargo build --profile release-lto --bin wirediff
    python3 eval/find_bench.py                       # 200,000 documents (about 600 MB)
    python3 eval/find_bench.py --docs 20000 --small 2000 --queries 50   # a quick look

A generated wire archive (target/bench/find/archive.jsonl): documents of 12 to 24 sentences
drawn from the fixture texts (and the METER wire copy when ../shared/data is there), each
about names, places and numbers of its own story, drawn from a long-tailed vocabulary so that
stories share common words and differ by rare ones, as wire stories do. One story in ten
comes in two versions (a write-through with two more sentences).

Measured:
- `wirediff index` over the archive: documents a second, peak memory (by GNU time, Debian's
  `time`), index size against the text;
- `wirediff find`, a process a query (start-up included), at the first --small documents and
  at all of them: median and 99th percentile, and recall@1 (the story the query was built
  from ranks first). A query is a document with a third of its sentences cut, two added from
  another story and a few words changed;
- the baseline: TF-IDF cosine over every document (scipy's sparse matrices, in process, the
  matrix built beforehand), its time a query and its recall@1 on the same queries.
"""

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "target" / "bench" / "find"
DEFAULT_WIREDIFF = REPO / "target" / "release-lto" / "wirediff"


def sentence_pool():
    texts = []
    for p in sorted((REPO / "fixtures").rglob("*.txt")):
        texts.append(p.read_text(encoding="utf-8", errors="replace"))
    meter = REPO / ".." / "shared" / "data" / "meter-dev"
    if meter.is_dir():
        for p in sorted(meter.glob("*/original-*.txt")):
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
    pool = []
    for t in texts:
        for s in re.split(r"(?<=[.!?])\s+", t):
            s = " ".join(s.split())
            if 40 <= len(s) <= 300:
                pool.append(s)
    return sorted(set(pool))


SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "va", "sel", "tor", "an", "bri", "cho", "del",
             "fen", "gar", "hul", "ix", "jon", "kel", "lum", "mor", "nax", "oph", "pel", "quin"]


def vocabulary(rng, n):
    words = set()
    while len(words) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        words.add(w.capitalize())
    return sorted(words)


def make_story(rng, pool, names, k):
    """A story: its own names and numbers woven into pool sentences."""
    own = [names[min(int(rng.paretovariate(1.1)) - 1 + rng.randrange(len(names) // 2),
                     len(names) - 1)] for _ in range(5)]
    sentences = []
    for _ in range(rng.randint(12, 24)):
        s = rng.choice(pool)
        who, where = rng.choice(own), rng.choice(own)
        n = rng.randint(2, 9999)
        sentences.append(f"{who} of {where} said on day {n}: {s}")
    return {"title": f"{own[0]} and {own[1]}: story {k}", "sentences": sentences}


def generate(path, docs, rng, pool):
    names = vocabulary(rng, 60000)
    stories = []
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        k = 0
        while written < docs:
            story = make_story(rng, pool, names, k)
            versions = [story["sentences"]]
            if k % 10 == 0:
                versions.append(story["sentences"] + [rng.choice(pool), rng.choice(pool)])
            for v, sentences in enumerate(versions):
                if written >= docs:
                    break
                doc_id = f"s{k}-v{v + 1}"
                text = "\n\n".join(sentences)
                out.write(json.dumps({"id": doc_id, "title": story["title"], "text": text}) + "\n")
                stories.append((doc_id, k, sentences))
                written += 1
            k += 1
    return stories


def make_query(rng, doc, other):
    _, _, sentences = doc
    kept = [s for s in sentences if rng.random() > 0.33] or sentences[:1]
    kept = kept + rng.sample(other[2], min(2, len(other[2])))
    out = []
    for s in kept:
        words = s.split()
        for _ in range(2):
            i = rng.randrange(len(words))
            words[i] = rng.choice(["reportedly", "also", "now", "again", "widely"])
        out.append(" ".join(words))
    return "\n\n".join(out)


def run_index(wd, index, archive):
    """Indexes `archive` into a new `index`: seconds, peak resident memory in MB (by GNU
    time, when it is there: a child's own peak, not the forked copy of this process), and
    the index's size in bytes."""
    shutil.rmtree(index, ignore_errors=True)
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    t = time.perf_counter()
    p = subprocess.run(timer + [wd, "index", "--no-progress", str(index), str(archive)],
                       capture_output=True, text=True)
    secs = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"find_bench: wirediff index failed: {p.stderr[-400:]}")
    last = p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ""
    peak = round(int(last) / 1024) if timer and last.isdigit() else "n/a"
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    return secs, peak, size


def run_queries(wd, index, queries):
    times, right = [], 0
    for path, story in queries:
        t = time.perf_counter()
        p = subprocess.run([wd, "find", "--index", str(index), "--format", "json", str(path)],
                           capture_output=True, text=True)
        times.append(1000 * (time.perf_counter() - t))
        if p.returncode not in (0, 1):
            sys.exit(f"find_bench: wirediff find failed: {p.stderr[-400:]}")
        results = json.loads(p.stdout)["results"]
        right += bool(results) and results[0]["id"].split("-")[0] == f"s{story}"
    return times, right


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def tfidf_baseline(archive, queries, limit):
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
    except ImportError:
        return None
    token = re.compile(r"\w+")
    vocab, indptr, indices, data, ids = {}, [0], [], [], []
    with open(archive, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                break
            d = json.loads(line)
            counts = {}
            for w in token.findall(d["text"].lower()):
                j = vocab.setdefault(w, len(vocab))
                counts[j] = counts.get(j, 0) + 1
            indices.extend(counts.keys())
            data.extend(counts.values())
            indptr.append(len(indices))
            ids.append(d["id"])
    m = csr_matrix((np.array(data, dtype=np.float32), indices, indptr), shape=(len(ids), len(vocab)))
    df = np.bincount(m.indices, minlength=len(vocab))
    idf = np.log((1 + len(ids)) / (1 + df)).astype(np.float32) + 1
    m = m.multiply(idf).tocsr()
    norms = np.sqrt(m.multiply(m).sum(axis=1)).A1
    norms[norms == 0] = 1
    times, right = [], 0
    for path, story in queries:
        t = time.perf_counter()
        counts = {}
        for w in token.findall(Path(path).read_text(encoding="utf-8").lower()):
            j = vocab.get(w)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        q = np.zeros(len(vocab), dtype=np.float32)
        for j, c in counts.items():
            q[j] = c * idf[j]
        scores = (m @ q) / norms
        best = int(np.argmax(scores))
        times.append(1000 * (time.perf_counter() - t))
        right += ids[best].split("-")[0] == f"s{story}"
    return times, right


def main(argv=None):
    ap = argparse.ArgumentParser(description="Speed and scale of wirediff index and find.")
    ap.add_argument("--wirediff", default=str(DEFAULT_WIREDIFF))
    ap.add_argument("--docs", type=int, default=200_000)
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args(argv)
    wd = str(Path(args.wirediff).resolve())
    if not os.access(wd, os.X_OK):
        sys.exit(f"find_bench: no wirediff at {wd}")
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261207)
    pool = sentence_pool()
    archive = OUT / "archive.jsonl"
    t = time.perf_counter()
    stories = generate(archive, args.docs, rng, pool)
    text_bytes = sum(len("\n\n".join(s).encode()) for _, _, s in stories)
    print(f"archive: {len(stories)} documents, {text_bytes / 1e6:.0f} MB of text "
          f"(generated in {time.perf_counter() - t:.0f} s)")
    small = OUT / "archive-small.jsonl"
    with open(archive, encoding="utf-8") as f, open(small, "w", encoding="utf-8") as out:
        for n, line in enumerate(f):
            if n >= args.small:
                break
            out.write(line)
    qdir = OUT / "queries"
    shutil.rmtree(qdir, ignore_errors=True)
    qdir.mkdir()
    queries = []
    for i in range(args.queries):
        doc = stories[rng.randrange(min(args.small, len(stories)))]
        other = stories[rng.randrange(len(stories))]
        path = qdir / f"q{i}.txt"
        path.write_text(make_query(rng, doc, other), encoding="utf-8")
        queries.append((path, doc[1]))

    rows = {}
    for name, src, n in [("small", small, min(args.small, len(stories))), ("all", archive, len(stories))]:
        index = OUT / f"index-{name}"
        secs, peak_mb, size = run_index(wd, index, src)
        src_text = text_bytes * n / len(stories)
        times, right = run_queries(wd, index, queries)
        rows[name] = {"documents": n, "index_seconds": round(secs, 1),
                      "docs_per_second": round(n / secs), "peak_mb": peak_mb,
                      "index_to_text": round(size / src_text, 2),
                      "find_median_ms": round(statistics.median(times), 1),
                      "find_p99_ms": round(pct(times, 0.99), 1),
                      "recall_at_1": right / len(queries)}
        if not args.no_baseline:
            base = tfidf_baseline(src, queries, n)
            if base:
                bt, br = base
                rows[name]["tfidf_median_ms"] = round(statistics.median(bt), 1)
                rows[name]["tfidf_p99_ms"] = round(pct(bt, 0.99), 1)
                rows[name]["tfidf_recall_at_1"] = br / len(queries)
    print(f"{'':28}" + "".join(f"{k + ' (' + str(v['documents']) + ')':>20}" for k, v in rows.items()))
    for key, label in [("docs_per_second", "index: documents/s"), ("peak_mb", "index: peak memory (MB)"),
                       ("index_to_text", "index size / text"), ("find_median_ms", "find median (ms, a process)"),
                       ("find_p99_ms", "find p99 (ms, a process)"), ("recall_at_1", "find recall@1"),
                       ("tfidf_median_ms", "TF-IDF scan median (ms)"), ("tfidf_p99_ms", "TF-IDF scan p99 (ms)"),
                       ("tfidf_recall_at_1", "TF-IDF recall@1")]:
        if all(key in v for v in rows.values()):
            print(f"{label:28}" + "".join(f"{v[key]:>20}" for v in rows.values()))
    (OUT / "scores.json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
