"""wirediff: what a news outlet did to the wire copy it republished.

The same engine and the same JSON contract (v1) as the ``wirediff`` command line: every
function returns plain dicts and lists equal to ``json.loads`` of the CLI's JSON for the same
input, releases the GIL while it works, and raises :class:`Error` (a ``ValueError``) with the
CLI's one-line message on bad input.

>>> import wirediff
>>> report = wirediff.compare_texts(
...     ["Xi spoke on Friday. He gave no details. Markets fell."],
...     "Xi spoke on Friday. He did not elaborate. Markets fell. A globalist cabal is to blame.",
... )
>>> [s["kind"] for s in report["segments"]]
['unchanged', 'reworded', 'unchanged', 'inserted']
"""

import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _wirediff
from ._wirediff import Error, __version__

__all__ = [
    "Error",
    "__version__",
    "batch",
    "compare",
    "compare_frame",
    "compare_texts",
    "extract",
    "find",
    "index",
    "to_frame",
]

PathLike = Union[str, "os.PathLike[str]"]


def _source(s: PathLike) -> str:
    return os.fspath(s)


def compare(
    originals: Union[None, PathLike, Sequence[PathLike]],
    adapted: PathLike,
    *,
    index: Optional[PathLike] = None,
    days: Optional[int] = None,
    date: Optional[str] = None,
    max_bytes: Optional[int] = None,
    max_sentences: Optional[int] = None,
    timeout: Optional[float] = None,
    cache: Optional[PathLike] = None,
    offline: bool = False,
) -> Dict[str, Any]:
    """Compare the adapted article with its wire originals, read exactly as the CLI reads
    them: paths, ``http(s)://`` URLs, or ``-`` for standard input. Returns the report.

    With ``index`` (a folder made by :func:`index`), give no originals (``None`` or ``[]``):
    the article is compared with the indexed documents that cover the most of it, as
    ``wirediff compare --index`` does; ``days`` and ``date`` choose among them by date, as
    in :func:`find`."""
    if isinstance(originals, (str, os.PathLike)):
        originals = [originals]
    return _wirediff.compare(
        [_source(o) for o in originals or []],
        _source(adapted),
        index=None if index is None else _source(index),
        days=days,
        date=date,
        max_bytes=max_bytes,
        max_sentences=max_sentences,
        timeout=timeout,
        cache=None if cache is None else _source(cache),
        offline=offline,
    )


def compare_texts(
    originals: Union[str, Sequence[str]],
    adapted: str,
    *,
    html: bool = False,
    names: Optional[Sequence[str]] = None,
    max_bytes: Optional[int] = None,
    max_sentences: Optional[int] = None,
    timeout: Optional[float] = None,
) -> Dict[str, Any]:
    """Compare texts already in memory. They are plain text (paragraphs separated by blank
    lines), read as a ``.txt`` file is, so a page saved as text is still extracted; with
    ``html=True`` each is an HTML page whose article is extracted first. ``names`` (the
    originals', then the adapted article's) are the ``source`` of each document in the
    report; by default ``original-1``, ``original-2``… and ``adapted``."""
    if isinstance(originals, str):
        originals = [originals]
    return _wirediff.compare_texts(
        list(originals),
        adapted,
        html=html,
        names=None if names is None else list(names),
        max_bytes=max_bytes,
        max_sentences=max_sentences,
        timeout=timeout,
    )


def extract(
    html: Union[str, bytes], url: Optional[str] = None, *, max_bytes: Optional[int] = None
) -> Dict[str, Any]:
    """What wirediff reads from a page: ``extract --format json``'s object (source, title,
    byline, date, date_text, language, extractor, text, paragraphs, captions). Bytes are
    decoded as the CLI decodes a file (a byte-order mark or ``<meta>`` charset, else UTF-8).
    ``url`` names the page (its ``source``)."""
    page = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    return _wirediff.extract(page, url, max_bytes=max_bytes)


def index(
    dir: PathLike, sources: Union[PathLike, Sequence[PathLike]], *, max_bytes: Optional[int] = None
) -> Dict[str, Any]:
    """Build or extend the search index in ``dir`` with wire copy, as ``wirediff index``
    does: files, folders (walked), ``.jsonl`` feed dumps (``{"id", "text"}`` a line, with
    optional ``title``, ``url``, ``date``, ``source``). Returns ``{"added", "replaced",
    "skipped": [{"source", "reason"}], "documents"}``; ids replace, runs add."""
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    return _wirediff.index(_source(dir), [_source(s) for s in sources], max_bytes=max_bytes)


def find(
    index: PathLike,
    adapted: PathLike,
    *,
    top: int = 5,
    min_coverage: float = 0.10,
    days: Optional[int] = None,
    date: Optional[str] = None,
    max_bytes: Optional[int] = None,
    timeout: Optional[float] = None,
    cache: Optional[PathLike] = None,
    offline: bool = False,
) -> Dict[str, Any]:
    """The indexed wire documents the article drew on, best first: ``wirediff find --format
    json``'s object, ``{"version": 1, "adapted": {"source"}, "results": [...]}``, each result
    with its ``coverage`` (the share of the article's words drawn from it), ``story``, title,
    date and shared passages.

    ``days=N`` looks only at wire copy dated within N days of the article, before or after
    it (undated copy is always looked at); the article's date is its page's, or ``date``
    (``"YYYY-MM-DD"``) when given, as the CLI's ``--days`` and ``--date``."""
    return _wirediff.find_sources(
        _source(index),
        _source(adapted),
        top=top,
        min_coverage=min_coverage,
        days=days,
        date=date,
        max_bytes=max_bytes,
        timeout=timeout,
        cache=None if cache is None else _source(cache),
        offline=offline,
    )


def _pair(p: Dict[str, Any]) -> Dict[str, Any]:
    if not isinstance(p, dict):
        raise Error(f"each pair must be a dict, not {type(p).__name__}")
    texts = "original_texts" in p or "adapted_text" in p
    if texts:
        missing = [k for k in ("original_texts", "adapted_text") if k not in p]
        originals = p.get("original_texts")
        adapted = p.get("adapted_text")
    else:
        missing = [k for k in ("originals", "adapted") if k not in p]
        originals = p.get("originals")
        adapted = p.get("adapted")
    if missing:
        label = f"pair {p['id']!r}" if "id" in p else "a pair"
        raise Error(f"{label} has no {' or '.join(missing)}")
    if isinstance(originals, (str, os.PathLike)):
        originals = [originals]
    return {
        "originals": [os.fspath(o) if not texts else o for o in originals],
        "adapted": adapted if texts else os.fspath(adapted),
        "texts": texts,
        "html": bool(p.get("html", False)),
        "names": list(p.get("names") or []),
    }


def batch(
    pairs: Iterable[Dict[str, Any]],
    jobs: Optional[int] = None,
    *,
    max_bytes: Optional[int] = None,
    max_sentences: Optional[int] = None,
    timeout: Optional[float] = None,
    cache: Optional[PathLike] = None,
    offline: bool = False,
) -> List[Dict[str, Any]]:
    """Compare many pairs on ``jobs`` threads (every core by default); the reports come back
    in input order. A pair is a dict with ``originals`` and ``adapted`` (paths or URLs, as
    ``wirediff batch`` takes them) or with ``original_texts`` and ``adapted_text`` (texts, as
    :func:`compare_texts` takes them, with optional ``html`` and ``names``). An ``id``, if
    given, leads its report, as in ``wirediff batch``. A pair that cannot be compared gives
    ``{"id": ..., "error": message}`` and the others go on."""
    given = list(pairs)
    answers = _wirediff.batch(
        [_pair(p) for p in given],
        jobs,
        max_bytes=max_bytes,
        max_sentences=max_sentences,
        timeout=timeout,
        cache=None if cache is None else os.fspath(cache),
        offline=offline,
    )
    out = []
    for p, (ok, answer) in zip(given, answers):
        head = {"id": p["id"]} if "id" in p else {}
        if ok:
            head.update(answer)
        else:
            head["error"] = answer
        out.append(head)
    return out


#: The counts and shares of a report's summary that :func:`compare_frame` makes columns.
SUMMARY_COLUMNS = (
    "unchanged",
    "reworded",
    "inserted",
    "removed",
    "moved",
    "furniture",
    "differences",
    "wire_share",
    "reworded_share",
    "new_share",
    "furniture_share",
)

#: The schema of :func:`compare_frame`'s rows, as Spark DDL: the pair's id, the summary's
#: counts and shares, the error (null when the pair was compared) and the report as JSON.
REPORT_SCHEMA = (
    "id string, unchanged long, reworded long, inserted long, removed long, moved long, "
    "furniture long, differences long, wire_share double, reworded_share double, "
    "new_share double, furniture_share double, error string, report string"
)


def compare_frame(frame: "Any", *, html: bool = False, jobs: int = 1, **options: Any) -> "Any":
    """Compare the pairs of a pandas DataFrame, a row a pair: ``id``, ``originals`` (a list of
    texts), ``adapted`` (a text), and optionally ``names`` (the documents' sources, originals
    then adapted). Returns a DataFrame with :data:`REPORT_SCHEMA`'s columns, a row a pair in
    the same order: the summary's counts and shares, and the report as a JSON string (its
    ``json.loads`` equals the CLI's report), or the error. Made for Spark's ``mapInPandas``
    (see docs/spark.md); ``options`` are :func:`batch`'s."""
    import json as _json

    import pandas as pd

    names = frame["names"] if "names" in frame.columns else [None] * len(frame)
    pairs = [
        {
            "id": str(i),
            "original_texts": list(o),
            "adapted_text": a,
            "html": html,
            "names": list(n) if n is not None else [],
        }
        for i, o, a, n in zip(frame["id"], frame["originals"], frame["adapted"], names)
    ]
    rows = []
    for answer in batch(pairs, jobs=jobs, **options):
        summary = answer.get("summary") or {}
        row = {"id": answer["id"]}
        row.update({k: summary.get(k) for k in SUMMARY_COLUMNS})
        row["error"] = answer.get("error")
        if "error" in answer:
            row["report"] = None
        else:
            report = {k: v for k, v in answer.items() if k != "id"}
            row["report"] = _json.dumps(report, ensure_ascii=False)
        rows.append(row)
    columns = ["id", *SUMMARY_COLUMNS, "error", "report"]
    out = pd.DataFrame(rows, columns=columns)
    counts = [c for c in SUMMARY_COLUMNS if not c.endswith("_share")]
    return out.astype({c: "Int64" for c in counts})


def to_frame(report: Dict[str, Any]) -> "Any":
    """The report's segments as a pandas DataFrame, a row a passage: kind, moved,
    similarity, furniture, the adapted side's text and span, the original's source index,
    text and span, and the kinds of its news signals. Needs pandas (not a dependency)."""
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("wirediff.to_frame needs pandas: pip install pandas") from e
    rows = []
    for s in report["segments"]:
        a = s.get("adapted") or {}
        o = s.get("original") or {}
        rows.append(
            {
                "kind": s["kind"],
                "moved": s["moved"],
                "similarity": s["similarity"],
                "furniture": s["furniture"],
                "adapted_text": a.get("text"),
                "adapted_start": a.get("start"),
                "adapted_end": a.get("end"),
                "original_source": o.get("source"),
                "original_text": o.get("text"),
                "original_start": o.get("start"),
                "original_end": o.get("end"),
                "signals": [g["kind"] for g in s.get("signals", [])],
            }
        )
    return pd.DataFrame(rows)
