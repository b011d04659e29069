"""What only the blind held-out set (benchmarks/heldout) must hold: its sources have
a recorded header, it is of the planned size and mix, and it shares no document or
source with the development set. Its format is checked with the development set's, in
tests/test_devset.py. Fast: reads files only, no pipeline."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "benchmarks" / "heldout"
DEVSET = ROOT / "benchmarks" / "devset"
sys.path.insert(0, str(ROOT / "benchmarks"))
from accuracy import load_devset  # noqa: E402

SOURCE_FIELDS = ("doc", "kind", "genre", "title", "publisher", "source", "retrieved_via", "licence", "retrieved", "edits")


@pytest.fixture(scope="module")
def heldout():
    return load_devset(HELDOUT)


def test_sources_have_their_fields_and_the_planned_mix(heldout):
    with open(HELDOUT / "sources.tsv", encoding="utf-8", newline="") as f:
        assert tuple(csv.DictReader(f, delimiter="\t").fieldnames or ()) == SOURCE_FIELDS
    sources = heldout["sources"]
    assert 12 <= len(heldout["docs"]) <= 16
    assert sum(row["kind"] == "plain" for row in sources.values()) >= 3
    for doc, row in sources.items():
        for field in ("title", "publisher", "edits"):
            assert row[field].strip(), f"{doc}: no {field}"


def test_shares_no_document_or_source_with_the_development_set(heldout):
    devset = load_devset(DEVSET)
    assert not set(heldout["docs"]) & set(devset["docs"])
    dev_texts = set(devset["docs"].values())
    assert not any(text in dev_texts for text in heldout["docs"].values())
    dev_sources = {row["source"] for row in devset["sources"].values()} | {
        row["retrieved_via"] for row in devset["sources"].values() if row["retrieved_via"]}
    for doc, row in heldout["sources"].items():
        assert row["source"] not in dev_sources, f"{doc}: source already in the development set"
