"""Every shipped lexicon entry proves itself: its example is flagged as that entry."""

from __future__ import annotations

import pytest

from plainspeak.lexicon import load_lexicon

ENTRIES = list(load_lexicon())


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_example_is_flagged_by_its_entry(analyzer, entry):
    report = analyzer.analyze(entry.example)
    assert entry.rule_id in {f.rule for f in report.findings}, f"{entry.origin}: example does not match {entry.term!r}"
