"""Every shipped lexicon entry proves itself (as proselint's examples do): its
example is flagged by its own entry, and the suggested rewrite is plainer;
an entry with context rules also has a counterexample, which holds the
term's words in another sense and is not flagged.

"Plainer" is judged by plainspeak itself: in the rewritten example there are
fewer words to flag (the term is gone and the suggestion brings in no jargon,
uncommon word or acronym of its own). Person-first entries are exempt: their
point is respect, and the respectful phrase is often longer ("people
experiencing homelessness").
"""

from __future__ import annotations

from collections import Counter

import pytest

from plainspeak.pipeline.components.jargon import JargonMatcher
from plainspeak.rules.lexicon import Lexicon, load_lexicon

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


CONTEXTUAL = [e for e in ENTRIES if e.context_rules or e.counterexample]


def test_every_entry_with_context_rules_has_a_counterexample():
    missing = [e.id for e in ENTRIES if e.context_rules and not e.counterexample]
    assert missing == [], "entries with a context but no counterexample"


@pytest.mark.parametrize("entry", CONTEXTUAL, ids=[e.id for e in CONTEXTUAL])
def test_counterexample_is_not_flagged_though_it_holds_the_term(analyzer, entry):
    """Not flagged because of the context rules, not because the words are missing."""
    report = analyzer.analyze(entry.counterexample)
    hits = [f.text for f in report.findings if f.rule == entry.rule_id]
    assert hits == [], f"{entry.origin}: counterexample is flagged: {hits}"
    alone = JargonMatcher(analyzer.nlp, Lexicon({entry.id: entry}))
    doc = analyzer.nlp(entry.counterexample)
    assert alone.spans(doc, context=False), f"{entry.origin}: counterexample does not contain {entry.term!r}"
    assert not alone.spans(doc), f"{entry.origin}: counterexample passes the context rules"


@pytest.mark.parametrize("everything", [False, True], ids=["fix", "fix --all"])
def test_fixing_every_example_twice_changes_nothing_more(analyzer, everything):
    """Every edit `fix` (or `fix --all`) makes is final: a second run finds nothing more to change."""
    from plainspeak.rewrite.fixes import fix_text

    unstable = []
    for entry in ENTRIES:
        once = fix_text(analyzer.analyze(entry.example), analyzer.lexicon, everything=everything).text
        twice = fix_text(analyzer.analyze(once), analyzer.lexicon, everything=everything).text
        if twice != once:
            unstable.append(f"{entry.origin}: {once!r} -> {twice!r}")
    assert unstable == []
