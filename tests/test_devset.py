"""The real-document sets are well formed: the development set (benchmarks/devset)
and the blind held-out set (benchmarks/heldout) alike; and the benchmark's scoring
is right on tiny cases. Fast: reads files only, no pipeline."""

from __future__ import annotations

import csv
import itertools
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "benchmarks" / "devset"
HELDOUT = ROOT / "benchmarks" / "heldout"
sys.path.insert(0, str(ROOT / "benchmarks"))
from accuracy import JUDGEMENT_FIELDS, VERDICTS, caught, family_precision, load_devset  # noqa: E402

MARK_KINDS = {"term", "phrase", "formal", "acronym", "stigma", "hard", "citation"}
DOC_KINDS = {"jargon-heavy", "plain"}


@pytest.fixture(scope="module", params=[DEVSET, HELDOUT], ids=["devset", "heldout"])
def folder(request) -> Path:
    return request.param


@pytest.fixture(scope="module")
def devset(folder):
    return load_devset(folder)


def test_marks_jsonl_parses_and_has_its_fields(folder):
    for n, line in enumerate((folder / "marks.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        mark = json.loads(line)  # a blank or broken line fails here, with its number in the traceback
        assert set(mark) == {"doc", "start", "end", "text", "kind", "note"}, f"marks.jsonl line {n}"
        assert mark["kind"] in MARK_KINDS, f"marks.jsonl line {n}: kind {mark['kind']!r}"
        assert isinstance(mark["start"], int) and isinstance(mark["end"], int), f"marks.jsonl line {n}"


def test_every_mark_slices_its_text_exactly(devset):
    docs = devset["docs"]
    for mark in devset["marks"]:
        where = f"marks.jsonl line {mark['line']}"
        assert mark["doc"] in docs, f"{where}: no document {mark['doc']}"
        assert 0 <= mark["start"] < mark["end"] <= len(docs[mark["doc"]]), where
        assert docs[mark["doc"]][mark["start"]:mark["end"]] == mark["text"], where


def test_mark_ids_are_unique_and_marks_do_not_overlap(devset):
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for mark in devset["marks"]:
        by_doc.setdefault(mark["doc"], []).append((mark["start"], mark["end"]))
    for doc, spans in by_doc.items():
        assert len(spans) == len(set(spans)), f"{doc}: a mark is listed twice"
        spans.sort()
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert start >= end, f"{doc}: marks overlap at {start}"


def test_every_document_has_a_source_and_a_licence(devset):
    docs, sources = devset["docs"], devset["sources"]
    assert set(docs) == set(sources), "documents without a sources.tsv row, or rows without a document"
    for doc, row in sources.items():
        assert row["kind"] in DOC_KINDS, doc
        for field in ("source", "licence", "retrieved", "title", "publisher"):
            assert row[field].strip(), f"{doc}: no {field}"


def test_the_development_set_keeps_its_size_and_mix():
    devset = load_devset(DEVSET)
    assert len(devset["docs"]) >= 30
    assert sum(row["kind"] == "plain" for row in devset["sources"].values()) >= 8


def test_document_ids_are_numbered_uniquely(devset):
    numbers = [doc.split("-", 1)[0] for doc in devset["docs"]]
    assert all(n.isdigit() for n in numbers)
    assert len(numbers) == len(set(numbers))


def test_documents_are_clean_utf8_text(devset):
    for doc, text in devset["docs"].items():
        assert "\r" not in text and "\ufffd" not in text, doc
        assert text.endswith("\n") and text.strip(), doc


def test_judgements_are_well_formed(devset, folder):
    path = folder / "judgements.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = list(reader)
    assert tuple(reader.fieldnames or ()) == JUDGEMENT_FIELDS
    docs = devset["docs"]
    for n, row in enumerate(rows, 2):
        where = f"judgements.tsv line {n}"
        assert row["verdict"] in VERDICTS, f"{where}: verdict {row['verdict']!r}"
        assert row["reason"].strip(), f"{where}: no reason"
        assert "." in row["rule"], where
        start, end = int(row["start"]), int(row["end"])
        assert docs[row["doc"]][start:end].replace("\n", " ") == row["text"], where
    assert len(devset["judgements"]) == len(rows)  # keys unique (load_devset raises otherwise)


def test_caught_means_overlap():
    mark = {"start": 10, "end": 20}
    assert caught(mark, [(15, 25)]) and caught(mark, [(0, 11)]) and caught(mark, [(12, 14)])
    assert not caught(mark, [(0, 10)]) and not caught(mark, [(20, 30)]) and not caught(mark, [])


def test_family_precision_counts_verdicts_and_unjudged():
    judgements = {
        ("a", "jargon.x", 0, 3): {"verdict": "right"},
        ("a", "jargon.y", 5, 9): {"verdict": "false"},
        ("a", "uncommon.word", 10, 12): {"verdict": "arguable"},
    }
    findings = [("a", "jargon.x", 0, 3), ("a", "jargon.y", 5, 9), ("a", "uncommon.word", 10, 12),
                ("a", "uncommon.word", 20, 25)]
    table = family_precision(findings, judgements)
    assert table["jargon"]["precision"] == 0.5 and table["jargon"]["unjudged"] == 0
    assert table["uncommon"]["precision"] is None and table["uncommon"]["strict"] == 0.0
    assert table["jargon"]["strict"] == 0.5
    assert table["uncommon"]["unjudged"] == 1 and table["uncommon"]["found"] == 2
