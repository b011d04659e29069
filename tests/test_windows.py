"""A huge text file read in windows (sources/windows.py) gives the findings,
sentences and summary of the same text read whole, and is never held whole;
what cannot be read that way (not UTF-8, binary, suppression comments, small)
is read whole as before."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainspeak.api import Analyzer
from plainspeak.cli.app import cli
from plainspeak.sources import windows
from plainspeak.sources.windows import windowed

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())
GOLDEN = [(case / "input.txt").read_text(encoding="utf-8") for case in CASES]
PIECES = [
    "Intensive outpatient program (IOP) means group sessions.\n\n", "Your IOP group meets on Tuesday.\n",
    "```\nutilize this code\n\nstill code\n```\n", "See https://example.org/a?b=c now.\n", "\r\n\r\n",
    "We will utilize the portal 😀 and facilitate a warm handoff.\n\n", "Call the BHA office. The BHA said so.\n",
    "    indented code\n\n", "A plain sentence here. Another one follows it.\n",
]


@pytest.fixture
def small_windows(monkeypatch):
    monkeypatch.setattr(windows, "WINDOWED_BYTES", 100)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 700)
    monkeypatch.setattr(windows, "_MARGIN", 200)
    monkeypatch.setattr(windows, "_CHUNK_BYTES", 333)  # a character or a CRLF cut between two reads


def text_of(seed: int) -> str:
    rng = random.Random(seed)
    out = []
    while sum(map(len, out)) < 12_000:
        out.append(rng.choice([*PIECES, rng.choice(GOLDEN)[:rng.randint(50, 2000)] + "\n\n"]))
    return "".join(out)


@pytest.mark.parametrize("seed", range(12))
def test_a_text_read_in_windows_is_reported_as_read_whole(tmp_path, small_windows, seed):
    text = text_of(seed)
    path = tmp_path / "big.txt"
    path.write_bytes(text.encode("utf-8"))
    analyzer = Analyzer(max_chars=900)
    huge = windowed(path, "big.txt", path.stat().st_size)
    assert huge is not None and huge.chars == len(text)
    pieces = list(huge.windows(analyzer.max_chars))
    assert len(pieces) > 3 and "".join(w.text for w in pieces) == text
    assert [w.offset for w in pieces] == [sum(len(p.text) for p in pieces[:i]) for i in range(len(pieces))]
    whole = analyzer.analyze(text, "big.txt")
    report = analyzer.report_in_windows(huge, "big.txt")
    findings, sentences = [], []
    for some, more in report.parts():
        findings.extend(some)
        sentences.extend(more)
    assert findings == whole.findings
    assert sentences == whole.sentences
    assert report.summary == whole.summary


@pytest.mark.parametrize("content, why", [
    ("We will utilize it.\n" * 40 + "<!-- plainspeak-disable-next-line -->\nUtilize.\n", "suppression comments"),
    ("Caf\xe9 menu.\n" * 60, "not UTF-8"),
    ("Text\x00" * 60, "binary"),
    (" \n\t" * 300, "only white space"),
])
def test_what_cannot_be_read_in_windows_is_read_whole(tmp_path, small_windows, content, why):
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode("utf-8") if why != "not UTF-8" else content.encode("cp1252"))
    assert windowed(path, "a.txt", path.stat().st_size) is None, why


def test_a_small_file_is_read_whole(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("We will utilize it.\n", encoding="utf-8")
    assert windowed(path, "a.txt", path.stat().st_size) is None


@pytest.mark.parametrize("fmt", ["line", "json", "jsonl", "sarif", "github", "rich"])
def test_check_reads_a_huge_file_in_windows_with_the_same_output(tmp_path, monkeypatch, fmt):
    text = "\n\n".join(GOLDEN * 3)
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    args = ["check", str(path), "--isolated", "--format", fmt]
    whole = CliRunner().invoke(cli, [*args, "--jobs", "1"])
    monkeypatch.setattr(windows, "WINDOWED_BYTES", 100)
    monkeypatch.setattr(windows, "WINDOW_CHARS", 5_000)
    monkeypatch.setattr(windows, "_MARGIN", 1_000)
    read = []
    real = windows.Windowed.windows

    def counted(self, max_chars):
        for window in real(self, max_chars):
            read.append(len(window.text))
            yield window

    monkeypatch.setattr(windows.Windowed, "windows", counted)
    from plainspeak import parallel

    pooled = []
    real_pool = parallel.ordered_results

    def pool(*args, **kwargs):
        pooled.append(True)
        yield from real_pool(*args, **kwargs)

    monkeypatch.setattr(parallel, "ordered_results", pool)
    monkeypatch.setattr(parallel, "SMALL_RUN_CHARS", 0)  # workers even for this file: its windows go to them
    one, two = CliRunner().invoke(cli, [*args, "--jobs", "1"]), CliRunner().invoke(cli, [*args, "--jobs", "2"])
    assert pooled == [True]
    assert len(read) >= 4 and max(read) < len(text)  # each run read it a window at a time, never whole
    assert one.exit_code == two.exit_code == whole.exit_code == 1
    assert one.stdout == two.stdout == whole.stdout


def test_a_file_that_changes_while_it_is_read_is_an_input_error(tmp_path, small_windows):
    from plainspeak.errors import InputError

    path = tmp_path / "big.txt"
    path.write_text(text_of(1), encoding="utf-8")
    huge = windowed(path, "big.txt", path.stat().st_size)
    assert huge is not None
    path.write_text(text_of(1)[:3000], encoding="utf-8")
    with pytest.raises(InputError, match="changed while it was being checked"):
        list(huge.windows(900))
    path.write_bytes(b"\xff\xfe" * 5000)
    with pytest.raises(InputError, match="no longer UTF-8"):
        list(huge.windows(900))


def test_check_reports_a_file_changed_mid_read_as_an_input_error(tmp_path, small_windows, monkeypatch):
    from plainspeak.errors import InputError

    path = tmp_path / "big.txt"
    path.write_text(text_of(2), encoding="utf-8")
    real = windows.Windowed._pieces

    def changing(self):
        yield from list(real(self))[:2]
        raise InputError(self.name, "changed while it was being checked")

    monkeypatch.setattr(windows.Windowed, "_pieces", changing)
    result = CliRunner().invoke(cli, ["check", str(path), "--isolated", "--format", "line", "--jobs", "1"])
    assert result.exit_code == 2
    assert "changed while it was being checked" in result.stderr and "Traceback" not in result.stderr
