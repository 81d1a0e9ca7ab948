"""The Spark recipe of docs/spark.md, run for real: PySpark in local mode over the fixture
pairs and a few hundred pairs generated from them, every row checked against the CLI.

Needs pyspark, pandas and pyarrow (and Java); CI installs them. Without pyspark the module is
skipped: `pip install pyspark pandas pyarrow` to run it.
"""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

import wirediff  # noqa: E402

from helpers import ALL_PAIRS, pair_files  # noqa: E402


def generated_pairs(tmp: Path, count: int):
    """Pairs built from the fixtures' paragraphs: a wire story of several paragraphs, and an
    adaptation that drops, repeats with a word changed, reorders and adds some."""
    paragraphs = []
    for name in ALL_PAIRS:
        originals, _ = pair_files(name)
        for p in originals:
            paragraphs += [x for x in Path(p).read_text(encoding="utf-8").split("\n\n") if x.strip()]
    rng = random.Random(7)
    pairs = []
    for i in range(count):
        wire = rng.sample(paragraphs, k=min(6, len(paragraphs)))
        adapted = []
        for para in wire:
            roll = rng.random()
            if roll < 0.15:
                continue
            if roll < 0.35:
                words = para.split(" ")
                words[rng.randrange(len(words))] = "reportedly"
                para = " ".join(words)
            adapted.append(para)
        if rng.random() < 0.5:
            adapted.insert(rng.randrange(len(adapted) + 1), "Critics called it a globalist plot.")
        if len(adapted) > 2 and rng.random() < 0.3:
            adapted.append(adapted.pop(0))
        d = tmp / f"gen-{i:03}"
        d.mkdir()
        (d / "original.txt").write_text("\n\n".join(wire) + "\n", encoding="utf-8")
        (d / "adapted.txt").write_text("\n\n".join(adapted or ["Nothing kept."]) + "\n", encoding="utf-8")
        pairs.append((f"gen-{i:03}", [str(d / "original.txt")], str(d / "adapted.txt")))
    return pairs


def test_the_spark_recipe_matches_the_cli(cli, tmp_path):
    from pyspark.sql import SparkSession

    pairs = [(name, *pair_files(name)) for name in ALL_PAIRS]
    pairs += generated_pairs(tmp_path, 300)
    rows = []
    for pid, originals, adapted in pairs:
        rows.append(
            {
                "id": pid,
                "originals": [Path(p).read_text(encoding="utf-8") for p in originals],
                "adapted": Path(adapted).read_text(encoding="utf-8"),
                "names": [*originals, adapted],
            }
        )
    # The Python workers run this interpreter, the one with the package installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("wirediff-test")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        df = spark.createDataFrame(
            rows, "id string, originals array<string>, adapted string, names array<string>"
        ).repartition(4)
        # The recipe, as docs/spark.md gives it.
        result = df.mapInPandas(
            lambda frames: (wirediff.compare_frame(f) for f in frames),
            schema=wirediff.REPORT_SCHEMA,
        )
        got = {r["id"]: r.asDict() for r in result.collect()}
    finally:
        spark.stop()
    assert len(got) == len(pairs)
    for pid, originals, adapted in pairs:
        out = subprocess.run(
            [cli, "compare", "--format", "json", *originals, adapted], capture_output=True
        )
        want = json.loads(out.stdout)
        row = got[pid]
        assert row["error"] is None, (pid, row["error"])
        assert json.loads(row["report"]) == want, pid
        for k in wirediff.SUMMARY_COLUMNS:
            assert row[k] == want["summary"][k], (pid, k)
