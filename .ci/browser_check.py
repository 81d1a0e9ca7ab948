#!/usr/bin/env python3
"""Checks the DOM that headless Chromium built from wirediff's HTML reports.

usage: browser_check.py SEED_DOM HOSTILE_DOM   (files written by chromium --dump-dom)
"""
import sys
from html.parser import HTMLParser


class Page(HTMLParser):
    """Collects table rows (classes and text), script elements, the title and all text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self.scripts, self.handlers = [], 0, []
        self.title, self.text, self.heads = "", [], []
        self._row = self._in = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        self.handlers += [(tag, k) for k, _ in attrs if k.startswith("on")]
        if tag == "tr":
            self._row = {"class": (dict(attrs).get("class") or "").split(), "text": []}
        if tag in ("title", "th"):
            self._in = tag
            if tag == "th":
                self.heads.append("")

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self._row["text"] = "".join(self._row["text"])
            self.rows.append(self._row)
            self._row = None
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        self.text.append(data)
        if self._row is not None:
            self._row["text"].append(data)
        if self._in == "title":
            self.title += data
        elif self._in == "th":
            self.heads[-1] += data


def load(path):
    page = Page()
    with open(path, encoding="utf-8") as f:
        page.feed(f.read())
    return page


def check(ok, what):
    if not ok:
        sys.exit(f"browser-check: FAILED: {what}")
    print(f"  ok: {what}")


def main():
    seed, hostile = load(sys.argv[1]), load(sys.argv[2])
    print("seed report, as Chromium built it:")
    check(seed.heads == ["Passage", "Original (wire copy)", "Adapted article"],
          f"two columns under their headings ({seed.heads})")
    rows = lambda p, cls, needle: [r for r in p.rows if cls in r["class"] and needle in r["text"]]
    check(rows(seed, "inserted", "George Soros"), "the Soros paragraph is an inserted row")
    check(rows(seed, "inserted", "globalist cabal"), "the 'globalist cabal' sentence is inserted")
    check(rows(seed, "removed", "Xi's statement reflects official Chinese anxiety"),
          "removed AP copy sits on the original's side")
    check(rows(seed, "reworded", "did not elaborate"), "the 'did not elaborate' rewording")
    check(seed.scripts == 0 and not seed.handlers, "no script, no event handlers")

    print("hostile report, as Chromium built it:")
    check(hostile.scripts == 0, "no script element")
    check(not hostile.handlers, f"no event handler attributes ({hostile.handlers})")
    check("PWNED" not in hostile.title, f"no script ran (title {hostile.title!r})")
    body = "".join(hostile.text)
    check('<script>document.title="PWNED"' in body, "the script is shown as text")
    check("<img src=x onerror=" in body, "the img tag is shown as text")
    check("\x1b" not in body and "\x07" not in body, "no raw terminal escapes")
    # The passage rewords the wire's "The mayor denied the report." around the markup: it
    # may be reported as a rewording or as new, but it is reported.
    check(rows(hostile, "inserted", "The mayor") or rows(hostile, "reworded", "The mayor"),
          "the hostile passage is still reported")


if __name__ == "__main__":
    main()
