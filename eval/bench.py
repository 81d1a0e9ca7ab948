#!/usr/bin/env python3
"""Speed and scale: wirediff against the difflib baseline, git and dwdiff, in one run.

usage: python3 eval/bench.py [--pairs DIR] [--repeat N] [--sizes 2000,4000,...]
                             [--baseline-timeout S] [--only news,long,extract]

Three parts, each printing the commands it times:

- news: the evaluation pairs (build them with `python3 eval/synth_edits.py`), pairs per second for
  wirediff in one process (the `bench` example: one thread, then every core), wirediff as a
  process per pair, the difflib baseline in this one Python process, `git diff --no-index
  --word-diff=porcelain` and `dwdiff` as a process per pair (several originals are joined
  into one file for the tools that take two files, before the clock starts).
- long: documents of 2,000 to 32,000 sentences built from the same corpus (the article
  bodies of ../shared/data, repeated with small word changes so that no sentence repeats),
  with light edits (about 4% of the sentences reworded, cut or added, a few paragraphs moved)
  and with every sentence reworded; seconds, peak memory (the child's maximum resident set)
  and the growth from one size to double it, for wirediff, the baseline and git. The
  baseline is stopped after --baseline-timeout seconds, and larger sizes are then skipped.
- extract: pages per second of wirediff's extractor (`extract_bench`) and of trafilatura
  when it is importable, on the article-extraction-benchmark pages, one core.

wirediff's binaries are those of the release-lto profile (whole-program optimization):
`cargo build --profile release-lto --bin wirediff --example bench --example extract_bench`.
"""
import argparse
import contextlib
import gzip
import importlib.util
import io
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "article-extraction-benchmark"
# The Cargo profile the figures come from: release with whole-program optimization.
PROFILE = "release-lto"
WORK = ROOT / "target" / "bench"


def pair_args(d):
    originals = sorted(p for p in d.iterdir() if p.name.startswith("original"))
    return [str(p) for p in originals] + [str(d / "adapted.txt")]


def show(cmd):
    print("  $ " + " ".join(shlex.quote(str(c)) for c in cmd))


# --------------------------------------------------------------------------------------------
# News-length pairs


def bench_processes(cmd_of, pairs, repeat, ok=(0, 1)):
    start = time.perf_counter()
    for _ in range(repeat):
        for d in pairs:
            cmd = cmd_of(d)
            r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if r.returncode not in ok:
                sys.exit(f"bench: {cmd[0]} failed on {d}: {r.stderr.decode().strip()}")
    return time.perf_counter() - start


def load_baseline(script):
    spec = importlib.util.spec_from_file_location("difflib_baseline", script)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def bench_difflib(script, pairs, repeat):
    mod = load_baseline(script)
    argv = sys.argv
    start = time.perf_counter()
    for _ in range(repeat):
        for d in pairs:
            sys.argv = ["difflib_baseline.py", *pair_args(d)]
            with contextlib.redirect_stdout(io.StringIO()):
                mod.main()
    sys.argv = argv
    return time.perf_counter() - start


def joined_pairs(pairs):
    """(original, adapted) files per pair, several originals joined into one file."""
    out = {}
    jdir = WORK / "joined"
    jdir.mkdir(parents=True, exist_ok=True)
    for d in pairs:
        args = pair_args(d)
        if len(args) == 2:
            out[d] = args
        else:
            j = jdir / f"{d.name}.txt"
            j.write_text("\n\n".join(Path(p).read_text(encoding="utf-8") for p in args[:-1]),
                         encoding="utf-8")
            out[d] = [str(j), args[-1]]
    return out


def news(a):
    pairs = sorted(p for p in Path(a.pairs).iterdir() if p.is_dir())
    if not pairs:
        sys.exit("bench: no pairs; run python3 eval/synth_edits.py first")
    n = len(pairs) * a.repeat
    print(f"## News-length pairs: {len(pairs)} pairs from {a.pairs} "
          f"(median adapted article {median_kb(pairs):.1f} KB), {os.cpu_count()} cores")
    print()
    print("Commands:")
    rows = []
    joined = joined_pairs(pairs)
    if os.path.exists(a.bench):
        cmd = [a.bench, "news", a.pairs, "--repeat", str(a.repeat)]
        show(cmd)
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            f = dict(kv.split("=") for kv in line.split())
            t = int(f["threads"])
            name = "wirediff, in process, 1 thread" if t == 1 else \
                f"wirediff, in process, {t} threads"
            rows.append((name, float(f["pairs_per_s"])))
    else:
        print(f"  (no {a.bench}: cargo build --profile {PROFILE} --example bench)")
    if os.path.exists(a.wirediff):
        show([a.wirediff, "compare", "--format=json", "ORIGINAL...", "ADAPTED"])
        t = bench_processes(lambda d: [a.wirediff, "compare", "--format=json", *pair_args(d)],
                            pairs, a.repeat)
        rows.append(("wirediff, a process per pair", n / t))
    base = None
    if os.path.exists(a.baseline):
        print(f"  python3: import {a.baseline}; main() per pair, output to a string")
        t = bench_difflib(a.baseline, pairs, a.repeat)
        base = n / t
        rows.append(("difflib baseline, one Python process", base))
    git = ["git", "diff", "--no-index", "--word-diff=porcelain"]
    if shutil.which("git"):
        show(git + ["ORIGINAL", "ADAPTED"])
        t = bench_processes(lambda d: git + joined[d], pairs, a.repeat)
        rows.append(("git diff --word-diff, a process per pair", n / t))
    if shutil.which("dwdiff"):
        show(["dwdiff", "ORIGINAL", "ADAPTED"])
        t = bench_processes(lambda d: ["dwdiff", *joined[d]], pairs, a.repeat)
        rows.append(("dwdiff, a process per pair", n / t))
    else:
        rows.append(("dwdiff (not installed: apt-get install dwdiff)", None))
    print()
    print(f"| tool | pairs per second ({a.repeat} rounds) | x difflib baseline |")
    print("|---|---:|---:|")
    for name, pps in rows:
        if pps is None:
            print(f"| {name} | | |")
            continue
        ratio = f"{pps / base:.1f}" if base else ""
        print(f"| {name} | {pps:,.0f} | {ratio} |")
    print()


def median_kb(pairs):
    sizes = sorted((d / "adapted.txt").stat().st_size for d in pairs)
    return sizes[len(sizes) // 2] / 1000


# --------------------------------------------------------------------------------------------
# Long documents


def corpus_paragraphs():
    """The corpus's paragraphs as lists of sentences (eval/segment.py's units)."""
    sys.path.insert(0, str(ROOT / "eval"))
    import synth_edits as synth  # noqa: E402

    paras = []
    for doc in synth.load_corpus(synth.CORPUS):
        if not synth.is_latin(doc.text):
            continue
        for p in doc.paras:
            paras.append([doc.sents[i] for i in p])
    return paras


WORD = re.compile(r"^[A-Za-z]{4,}$")


def vary(sentence, rng, vocab):
    """The sentence with one word replaced and two neighbouring words swapped."""
    w = sentence.split()
    if len(w) >= 4:
        i = rng.randrange(1, len(w) - 2)
        w[i], w[i + 1] = w[i + 1], w[i]
    slots = [i for i, x in enumerate(w) if WORD.match(x)] or [len(w) - 1]
    w[rng.choice(slots)] = rng.choice(vocab)
    return " ".join(w)


def reword(sentence, rng, vocab):
    """A light rewording: a word dropped (or added) and a word replaced."""
    w = sentence.split()
    w = ["stated" if x == "said" else x for x in w]
    if len(w) >= 3:
        del w[rng.randrange(1, len(w) - 1)]
    else:
        w.append("today")
    slots = [i for i, x in enumerate(w) if WORD.match(x)]
    if slots:
        w[rng.choice(slots)] = rng.choice(vocab)
    return " ".join(w)


def long_stream(need):
    """Paragraphs holding at least `need` sentences, no sentence repeated: the corpus, then
    copies of it with small word changes."""
    base = corpus_paragraphs()
    vocab = sorted({x for p in base for s in p for x in s.split() if WORD.match(x)})
    out, total, copy = [], 0, 0
    while total < need:
        rng = random.Random(f"copy:{copy}")
        for p in base:
            q = p if copy == 0 else [vary(s, rng, vocab) for s in p]
            out.append(q)
            total += len(q)
            if total >= need:
                break
        copy += 1
    return out, vocab


def take(stream, n):
    out, total = [], 0
    for p in stream:
        if total >= n:
            break
        p = p[: n - total]
        out.append(p)
        total += len(p)
    return out


def light_edit(paras, rng, vocab, extra):
    out = []
    for p in paras:
        q = []
        for s in p:
            r = rng.random()
            if r < 0.02:
                q.append(reword(s, rng, vocab))
            elif r < 0.03:
                continue  # removed
            else:
                q.append(s)
            if rng.random() < 0.01:
                q.append(reword(rng.choice(rng.choice(extra)), rng, vocab))  # inserted
        if q:
            out.append(q)
    # a paragraph moved every 300 or so
    for _ in range(max(1, len(out) // 300)):
        i = rng.randrange(len(out))
        p = out.pop(i)
        out.insert(min(len(out), i + rng.randint(5, 50)), p)
    return out


def write_doc(path, paras):
    path.write_text("\n\n".join(" ".join(p) for p in paras) + "\n", encoding="utf-8")


def build_long(sizes):
    stream, vocab = long_stream(max(sizes) + 2000)
    extra = stream[-200:]  # sentences beyond every original, for insertions
    cases = {}
    for n in sizes:
        orig = take(stream, n)
        for mode in ("light", "rewrite"):
            d = WORK / "long" / f"{n}-{mode}"
            d.mkdir(parents=True, exist_ok=True)
            rng = random.Random(f"{mode}:{n}")
            if mode == "light":
                adapted = light_edit(orig, rng, vocab, extra)
            else:
                adapted = [[reword(s, rng, vocab) for s in p] for p in orig]
            write_doc(d / "original.txt", orig)
            write_doc(d / "adapted.txt", adapted)
            cases[(n, mode)] = d
    return cases


def measure(cmd, timeout):
    """(seconds, peak resident MB) of a child process, or None past the timeout. The peak
    comes from /usr/bin/time, a small parent: a child forked from this Python process would
    report Python's own size as its peak. The wait blocks (a timer thread stops the child
    past the timeout): `Popen.wait(timeout=...)` polls, with naps of up to 50 ms that would
    round the times up."""
    timed = shutil.which("time") or "/usr/bin/time"
    peak_file = WORK / "peak.txt"
    wrap = [timed, "-f", "%M", "-o", str(peak_file)] if os.path.exists(timed) else []
    start = time.perf_counter()
    p = subprocess.Popen(wrap + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    expired = threading.Event()

    def stop():
        expired.set()
        try:
            os.killpg(p.pid, 9)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, stop)
    timer.start()
    p.wait()
    elapsed = time.perf_counter() - start
    timer.cancel()
    if expired.is_set():
        return None
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {cmd} failed with status {p.returncode}")
    peak = None
    if wrap:
        kb = peak_file.read_text().strip().splitlines()[-1]
        peak = int(kb) / 1024
    return elapsed, peak


def long_docs(a):
    sizes = [int(x) for x in a.sizes.split(",")]
    if not (ROOT.parent / "shared" / "data").exists():
        print("## Long documents: ../shared/data absent, skipped")
        return
    cases = build_long(sizes)
    tools = []
    if os.path.exists(a.wirediff):
        tools.append(("wirediff", lambda o, d: [a.wirediff, "compare", "--format=json", o, d],
                      a.long_repeat, 600))
    if os.path.exists(a.baseline):
        tools.append(("difflib baseline", lambda o, d: [sys.executable, a.baseline, o, d], 1,
                      a.baseline_timeout))
    if shutil.which("git"):
        tools.append(("git diff --word-diff",
                      lambda o, d: ["git", "diff", "--no-index", "--word-diff=porcelain", o, d],
                      a.long_repeat, 600))
    print("## Long documents")
    print()
    print(f"Built in {WORK / 'long'} from the corpus ({a.sizes} sentences); commands "
          f"(the fastest of {a.long_repeat} runs; the baseline once, stopped after "
          f"{a.baseline_timeout:.0f} s):")
    for name, cmd, _, _ in tools:
        show(cmd("ORIGINAL", "ADAPTED"))
    for mode, title in (("light", "light edits (about 4% of sentences changed)"),
                        ("rewrite", "every sentence reworded")):
        print()
        print(f"### {title}")
        print()
        head = "| sentences | MB |" + "".join(
            f" {name} s | peak MB | x2 growth |" for name, *_ in tools)
        print(head)
        print("|---:|---:|" + "---:|---:|---:|" * len(tools))
        prev = {}
        skip = set()
        for n in sizes:
            d = cases[(n, mode)]
            o, ad = str(d / "original.txt"), str(d / "adapted.txt")
            mb = (os.path.getsize(o) + os.path.getsize(ad)) / 2 / 1e6
            cells = [f"{n:,}", f"{mb:.2f}"]
            # The tools timed several times take turns (wirediff, git, wirediff, git...), so
            # that a busy minute on the machine falls on both; the baseline, timed once and
            # for up to a minute, comes after them.
            runs = {name: [] for name, *_ in tools}
            turns = [t for t in tools if t[2] > 1 and t[0] not in skip]
            for k in range(max((t[2] for t in turns), default=0)):
                for name, cmd, rep, timeout in turns:
                    if k < rep and None not in runs[name]:
                        runs[name].append(measure(cmd(o, ad), timeout))
            for name, cmd, rep, timeout in tools:
                if rep == 1 and name not in skip:
                    runs[name].append(measure(cmd(o, ad), timeout))
            for name, cmd, rep, timeout in tools:
                if name in skip:
                    cells += ["skipped", "", ""]
                    continue
                if not runs[name] or any(r is None for r in runs[name]):
                    skip.add(name)
                    cells += [f"> {timeout:.0f}", "", ""]
                    continue
                t, mem = min(runs[name])
                growth = f"{t / prev[name]:.2f}" if name in prev else ""
                prev[name] = t
                cells += [f"{t:.3f}", "" if mem is None else f"{mem:.0f}", growth]
            print("| " + " | ".join(cells) + " |", flush=True)
    print()
    print("MB: the mean size of the two files; peak MB: the child's maximum resident set; "
          "x2 growth: seconds over those of the size half as large.")
    print()


# --------------------------------------------------------------------------------------------
# Extraction


def extraction(a):
    pages_dir = DATA / "html"
    if not pages_dir.exists():
        print("## Extraction: ../shared/data absent, skipped")
        return
    print("## Extraction (article-extraction-benchmark pages, one core)")
    print()
    rows = []
    cmd = ["cargo", "run", "--quiet", "--profile", PROFILE, "--example", "extract_bench"]
    show(cmd)
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True).stdout
    m = re.search(r"\*\*wirediff\*\* \(body text\) \|[^|]*\|[^|]*\|[^|]*\| (\d+)", out)
    if m:
        rows.append(("wirediff (extract_bench: Document::from_html)", float(m.group(1))))
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    if trafilatura is None:
        rows.append(("trafilatura (not importable: pip install trafilatura lxml_html_clean)",
                     None))
    else:
        pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                 for p in sorted(pages_dir.glob("*.html.gz"))]
        print(f"  python3: trafilatura.extract(html) for each of the {len(pages)} pages "
              f"(trafilatura {getattr(trafilatura, '__version__', '?')})")
        start = time.perf_counter()
        for html in pages:
            trafilatura.extract(html)
        rows.append(("trafilatura.extract", len(pages) / (time.perf_counter() - start)))
    print()
    print("| extractor | pages per second |")
    print("|---|---:|")
    for name, pps in rows:
        print(f"| {name} | {'' if pps is None else f'{pps:,.0f}'} |")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", default=str(ROOT / "target/eval/edits"))
    ap.add_argument("--wirediff", default=str(ROOT / f"target/{PROFILE}/wirediff"))
    ap.add_argument("--bench", default=str(ROOT / f"target/{PROFILE}/examples/bench"))
    ap.add_argument("--baseline", default=str(ROOT.parent / "shared/bench/difflib_baseline.py"))
    ap.add_argument("--repeat", type=int, default=3, help="rounds over the news pairs")
    ap.add_argument("--long-repeat", type=int, default=5, help="runs per long document")
    ap.add_argument("--sizes", default="2000,4000,8000,16000,32000")
    ap.add_argument("--baseline-timeout", type=float, default=60)
    ap.add_argument("--only", default="news,long,extract")
    a = ap.parse_args()
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        for attr, rel in (("wirediff", f"{PROFILE}/wirediff"),
                          ("bench", f"{PROFILE}/examples/bench")):
            if getattr(a, attr) == ap.get_default(attr):
                setattr(a, attr, str(Path(target) / rel))
    parts = set(a.only.split(","))
    if "news" in parts:
        news(a)
    if "long" in parts:
        long_docs(a)
    if "extract" in parts:
        extraction(a)


if __name__ == "__main__":
    main()
