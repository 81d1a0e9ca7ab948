"""The Python package against the CLI: same reports, same errors, on the fixtures.

The CLI is `WIREDIFF_BIN` when set, else the checkout's `target/debug/wirediff`, built with
cargo when it is not there. Tests read only the checkout (`fixtures/`) and what they write
in pytest's temporary folders.
"""

import json
import os
import re
import threading
import time
from pathlib import Path

import pytest

import wirediff
from helpers import ALL_PAIRS, PAIRS, ROOT, pair_files, run_cli


@pytest.mark.parametrize("name", ALL_PAIRS)
def test_compare_equals_the_cli_on_every_fixture_pair(cli, name):
    originals, adapted = pair_files(name)
    out = run_cli(cli, "compare", "--format", "json", *originals, adapted)
    assert out.returncode in (0, 1), out.stderr
    assert wirediff.compare(originals, adapted) == json.loads(out.stdout)


@pytest.mark.parametrize("name", ALL_PAIRS)
def test_compare_texts_equals_the_cli_on_the_same_text(cli, name):
    originals, adapted = pair_files(name)
    texts = [Path(p).read_text(encoding="utf-8") for p in originals]
    report = wirediff.compare_texts(
        texts, Path(adapted).read_text(encoding="utf-8"), names=[*originals, adapted]
    )
    out = run_cli(cli, "compare", "--format", "json", *originals, adapted)
    assert report == json.loads(out.stdout)


def test_extract_equals_the_cli(cli, tmp_path):
    page = (
        '<html lang="de"><head><title>Abstimmung | Zeitung</title>'
        '<meta name="author" content="Hans Muster">'
        '<meta property="article:published_time" content="2024-09-12T14:05:00+02:00"></head>'
        "<body><article><h1>Abstimmung im Oktober</h1>"
        "<p>Der Bundestag will am 3. Oktober abstimmen, wie eine Sprecherin mitteilte.</p>"
        "<p>Die Opposition lehnt den Entwurf ab.</p></article></body></html>"
    )
    path = tmp_path / "seite.html"
    path.write_text(page, encoding="utf-8")
    out = run_cli(cli, "extract", "--format", "json", str(path))
    want = json.loads(out.stdout)
    got = wirediff.extract(page, url=str(path))
    assert got == want
    assert got["language"] == "de" and got["date"] == "2024-09-12T14:05:00+02:00"
    # Bytes are decoded as a file is: a <meta> charset says the encoding.
    latin = page.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")
    assert wirediff.extract(latin, url=str(path))["text"] == got["text"]


def cli_error(cli, *args):
    out = run_cli(cli, *args)
    assert out.returncode == 2
    line = out.stderr.decode("utf-8").strip()
    assert line.startswith("wirediff: ") and "\n" not in line
    return line[len("wirediff: ") :]


def test_bad_input_raises_the_cli_message(cli, tmp_path):
    wire = str(PAIRS / "identical" / "original.txt")
    cases = {
        "binary.bin": b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 16,
        "latin1.txt": b"The caf\xe9 reopened on Monday, officials said.\n",
        "empty.txt": b"",
        "blank.txt": b" \n\n\t\n",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        message = cli_error(cli, "compare", wire, str(path))
        with pytest.raises(wirediff.Error) as err:
            wirediff.compare([wire], str(path))
        assert str(err.value) == message, name
        assert isinstance(err.value, ValueError)
    # Too large: the remedy names the Python option where the CLI names its flag.
    big = tmp_path / "big.txt"
    big.write_text("The council voted on Monday. " * 100, encoding="utf-8")
    message = cli_error(cli, "compare", "--max-bytes", "1000", wire, str(big))
    with pytest.raises(wirediff.Error) as err:
        wirediff.compare([wire], str(big), max_bytes=1000)
    assert str(err.value) == message.replace("raise --max-bytes", "raise max_bytes")
    assert str(err.value).endswith("raise max_bytes")
    with pytest.raises(wirediff.Error, match="raise max_bytes"):
        wirediff.compare_texts(["A b c."], "word " * 1000, max_bytes=1000)
    with pytest.raises(wirediff.Error, match="raise max_sentences"):
        wirediff.compare_texts(["One. Two."], "One. Two. Three. Four.", max_sentences=3)
    with pytest.raises(wirediff.Error, match="no such file"):
        wirediff.compare([str(tmp_path / "missing.txt")], wire)
    with pytest.raises(wirediff.Error, match="not a text or HTML file"):
        wirediff.compare_texts(["A wire story."], "ab\0cd")
    with pytest.raises(wirediff.Error, match="no article text found"):
        wirediff.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(wirediff.Error, match="at least one original"):
        wirediff.compare_texts([], "A story.")
    with pytest.raises(wirediff.Error, match="timeout"):
        wirediff.compare_texts(["A."], "A.", timeout=-1)
    with pytest.raises(wirediff.Error, match="jobs must be at least 1"):
        wirediff.batch([], jobs=0)


def test_a_rust_panic_is_an_error_not_a_crash():
    with pytest.raises(wirediff.Error, match="internal error: a test panic"):
        wirediff._wirediff._panic_for_tests()


def test_batch_on_four_threads_equals_a_loop():
    pairs = []
    for name in ALL_PAIRS:
        originals, adapted = pair_files(name)
        pairs.append({"id": name, "originals": originals, "adapted": adapted})
        pairs.append(
            {
                "id": name + "/texts",
                "original_texts": [Path(p).read_text(encoding="utf-8") for p in originals],
                "adapted_text": Path(adapted).read_text(encoding="utf-8"),
            }
        )
    pairs.append({"id": "missing", "originals": ["no/such/file.txt"], "adapted": adapted})
    looped = []
    for p in pairs:
        try:
            if "originals" in p:
                report = wirediff.compare(p["originals"], p["adapted"])
            else:
                report = wirediff.compare_texts(p["original_texts"], p["adapted_text"])
            looped.append({"id": p["id"], **report})
        except wirediff.Error as e:
            looped.append({"id": p["id"], "error": str(e)})
    for _ in range(3):
        assert wirediff.batch(pairs, jobs=4) == looped
    assert looped[-1] == {"id": "missing", "error": "no/such/file.txt: no such file"}
    with pytest.raises(wirediff.Error, match="has no adapted"):
        wirediff.batch([{"id": 7, "originals": ["a.txt"]}])


def test_the_gil_is_released_while_comparing():
    # A comparison long enough to take a while; the main thread keeps running meanwhile.
    para = "The council met on Monday and voted {n} times on the plan for the bridge."
    wire = "\n\n".join(para.format(n=i) for i in range(20000))
    adapted = "\n\n".join(para.format(n=i + 1) for i in range(20000))
    done = threading.Event()
    result = {}

    def work():
        result["report"] = wirediff.compare_texts([wire], adapted)
        done.set()

    t = threading.Thread(target=work)
    start = time.perf_counter()
    t.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    t.join()
    spent = time.perf_counter() - start
    assert result["report"]["summary"]["adapted_words"] > 0
    # Held the whole time, the GIL would have let the loop tick a few times at most.
    assert spent > 0.05 and ticks > 10, (spent, ticks)


def test_to_frame_has_a_row_a_segment():
    pd = pytest.importorskip("pandas")
    originals, adapted = pair_files("seed")
    report = wirediff.compare(originals, adapted)
    frame = wirediff.to_frame(report)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == len(report["segments"])
    inserted = frame[frame["kind"] == "inserted"]
    assert any("globalist cabal" in t for t in inserted["adapted_text"])


def test_the_readme_example_runs_as_written(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len(code.strip().splitlines()) <= 5
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out
    assert "inserted" in printed


def test_compare_frame_gives_a_row_a_pair_with_the_cli_report(cli):
    pd = pytest.importorskip("pandas")
    rows = []
    for name in ("seed", "identical", "move"):
        originals, adapted = pair_files(name)
        rows.append(
            {
                "id": name,
                "originals": [Path(p).read_text(encoding="utf-8") for p in originals],
                "adapted": Path(adapted).read_text(encoding="utf-8"),
                "names": [*originals, adapted],
            }
        )
    rows.append({"id": "bad", "originals": ["A wire story."], "adapted": "ab\0cd", "names": None})
    out = wirediff.compare_frame(pd.DataFrame(rows))
    assert list(out.columns) == [c.split(" ")[0] for c in wirediff.REPORT_SCHEMA.split(", ")]
    assert list(out["id"]) == ["seed", "identical", "move", "bad"]
    for name, row in zip(("seed", "identical", "move"), out.itertuples()):
        originals, adapted = pair_files(name)
        want = json.loads(run_cli(cli, "compare", "--format", "json", *originals, adapted).stdout)
        assert json.loads(row.report) == want
        assert row.inserted == want["summary"]["inserted"]
        assert row.wire_share == want["summary"]["wire_share"]
        assert pd.isna(row.error)
    bad = out.iloc[3]
    assert "not a text or HTML file" in bad["error"]
    assert bad["report"] is None and pd.isna(bad["inserted"])


def test_index_find_and_compare_with_an_index_equal_the_cli(cli, tmp_path):
    wire = tmp_path / "wire"
    wire.mkdir()
    for name in ALL_PAIRS:
        for p in pair_files(name)[0]:
            (wire / f"{name}-{Path(p).name}").write_bytes(Path(p).read_bytes())
    (wire / "broken.txt").write_bytes(b"ab\0cd")
    dir_py, dir_cli = tmp_path / "index-py", tmp_path / "index-cli"
    summary = wirediff.index(dir_py, [wire])
    out = run_cli(cli, "index", str(dir_cli), str(wire))
    assert out.returncode == 0, out.stderr
    count = len(list(wire.iterdir()))
    assert summary["added"] == count - 1 and summary["replaced"] == 0
    assert summary["documents"] == count - 1
    assert [s["source"] for s in summary["skipped"]] == [str(wire / "broken.txt")]
    assert "not a text or HTML file" in summary["skipped"][0]["reason"]
    # Adding again replaces.
    again = wirediff.index(dir_py, [wire])
    assert again["added"] == 0 and again["replaced"] == count - 1
    adapted = pair_files("seed")[1]
    # Ids are the paths as given, so both indexes hold the same documents.
    found = wirediff.find(dir_py, adapted, top=3)
    want = json.loads(run_cli(cli, "find", "--index", str(dir_cli), "--format", "json", "--top", "3", adapted).stdout)
    assert found == want
    assert found["results"][0]["source"].startswith(str(wire / "seed-original"))
    report = wirediff.compare(None, adapted, index=dir_py)
    want = json.loads(run_cli(cli, "compare", "--index", str(dir_cli), "--format", "json", adapted).stdout)
    assert report == want
    with pytest.raises(wirediff.Error, match="give the adapted article alone"):
        wirediff.compare([adapted], adapted, index=dir_py)
    message = cli_error(cli, "find", "--index", str(tmp_path / "nothing"), adapted)
    with pytest.raises(wirediff.Error) as err:
        wirediff.find(tmp_path / "nothing", adapted)
    assert str(err.value) == message
    with pytest.raises(wirediff.Error, match="top must be at least 1"):
        wirediff.find(dir_py, adapted, top=0)
    # A window of days, as --days and --date: the files have no date, so all stay candidates,
    # and an article without a date needs one given.
    found = wirediff.find(dir_py, adapted, top=3, days=2, date="2022-09-16")
    want = json.loads(run_cli(cli, "find", "--index", str(dir_cli), "--format", "json", "--top", "3",
                              "--days", "2", "--date", "2022-09-16", adapted).stdout)
    assert found == want and found["results"]
    report = wirediff.compare(None, adapted, index=dir_py, days=2, date="2022-09-16")
    want = json.loads(run_cli(cli, "compare", "--index", str(dir_cli), "--format", "json",
                              "--days", "2", "--date", "2022-09-16", adapted).stdout)
    assert report == want
    message = cli_error(cli, "find", "--index", str(dir_cli), "--days", "2", adapted)
    with pytest.raises(wirediff.Error) as err:
        wirediff.find(dir_py, adapted, days=2)
    assert str(err.value) == message.replace("with --date YYYY-MM-DD", 'as date="YYYY-MM-DD"')
    assert "no date to count the days from" in str(err.value)
    with pytest.raises(wirediff.Error, match="YYYY-MM-DD"):
        wirediff.find(dir_py, adapted, days=2, date="16/09/2022")
    with pytest.raises(wirediff.Error, match="give days too"):
        wirediff.find(dir_py, adapted, date="2022-09-16")
    with pytest.raises(wirediff.Error, match="give it with index=DIR"):
        wirediff.compare([adapted], adapted, days=2)
