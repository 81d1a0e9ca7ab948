#!/usr/bin/env python3
"""Runs trafilatura on Mozilla Readability's test pages, for `readability_bench --other`.

Writes trafilatura's text of each page (`../shared/data/readability-test-pages/<page>/
source.html.gz`, read in place) to `OUT/<page>.txt`, so that the Rust bench scores it with the
same metric as wirediff, in the same run. Prints trafilatura's version and pages per second.
Exits 0 with a notice when trafilatura is not importable (`pip install trafilatura`), leaving
no folder behind, so that the bench prints no row for it.

usage: python3 eval/trafilatura_pages.py [--data DIR] [--out DIR]
"""
import argparse
import gzip
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "data",
                                                   "readability-test-pages"))
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "eval",
                                                  "trafilatura-readability"))
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not importable (pip install trafilatura lxml_html_clean): "
              "no trafilatura row")
        return 0
    if not os.path.isdir(args.data):
        print(f"trafilatura_pages: {args.data}: no such folder; is ../shared/data present?",
              file=sys.stderr)
        return 2
    os.makedirs(args.out)
    pages = sorted(p for p in os.listdir(args.data)
                   if os.path.isfile(os.path.join(args.data, p, "source.html.gz")))
    spent = 0.0
    for page in pages:
        with gzip.open(os.path.join(args.data, page, "source.html.gz"), "rt",
                       encoding="utf-8", errors="replace") as f:
            html = f.read()
        start = time.perf_counter()
        text = trafilatura.extract(html) or ""
        spent += time.perf_counter() - start
        with open(os.path.join(args.out, page + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, "
          f"{len(pages) / spent:.1f} pages/s, texts in {os.path.relpath(args.out, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
