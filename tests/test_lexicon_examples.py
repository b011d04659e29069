"""Every shipped lexicon entry proves itself (as proselint's examples do): its
example is flagged by its own entry, and the suggested rewrite is plainer.

"Plainer" is judged by plainspeak itself: in the rewritten example there are
fewer words to flag (the term is gone and the suggestion brings in no jargon,
uncommon word or acronym of its own). Person-first entries are exempt: their
point is respect, and the respectful phrase is often longer ("people
experiencing homelessness").
"""

from __future__ import annotations

from collections import Counter

import pytest

from plainspeak.lexicon import load_lexicon

ENTRIES = list(load_lexicon())
WORD_KINDS = ("jargon", "uncommon", "acronym")


def kinds(report) -> Counter:
    return Counter("word" if f.kind in WORD_KINDS else f.rule for f in report.findings)


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.id for e in ENTRIES])
def test_example_is_flagged_and_the_rewrite_is_plainer(analyzer, entry):
    report = analyzer.analyze(entry.example)
    hits = [f for f in report.findings if f.rule == entry.rule_id]
    assert hits, f"{entry.origin}: example does not match {entry.term!r}"
    finding = hits[0]
    if not finding.suggestions or entry.category == "person-first":
        return  # an "explain it" entry (the note says what to add), or person-first
    rewritten = entry.example[: finding.start] + finding.suggestions[0] + entry.example[finding.end :]
    before, after = kinds(report), kinds(analyzer.analyze(rewritten))
    assert after["word"] < before["word"], (
        f"{entry.origin}: {finding.text!r} -> {finding.suggestions[0]!r} leaves as much to flag: {rewritten!r}"
    )
