"""The field's everyday jargon is caught with fitting wording, and everyday senses are not.

The outreach message from the project's issue, sentence by sentence: each
term a plain-language editor would change is flagged, with a suggestion.
"""

from __future__ import annotations

import pytest

MESSAGE = (
    "Hi Sam, per our last session I wanted to follow up re: your IOP intake. We can utilize the warm handoff "
    "to facilitate your transition to MAT and address any barriers to engagement. Please ensure you are "
    "compliant with the treatment plan so we can maintain continuity of care. His last UA was dirty."
)


@pytest.fixture(scope="module")
def flagged(analyzer):
    report = analyzer.analyze(MESSAGE)
    return {f.text.lower(): f for f in report.findings if f.kind != "readability"}


@pytest.mark.parametrize(
    "term",
    ["per our last session", "re:", "iop", "intake", "utilize", "warm handoff", "facilitate", "mat", "barriers to engagement",
     "ensure", "compliant", "continuity of care", "ua", "dirty"],
)
def test_every_term_an_editor_would_change_is_flagged_with_wording(flagged, term):
    assert term in flagged, sorted(flagged)
    assert flagged[term].suggestions or flagged[term].category == "person-first"


@pytest.mark.parametrize(
    "text",
    ["The dirty dishes are in the sink.", "We keep a clean kitchen.", "Cut back on your caffeine intake after noon.",
     "The house was clean when we moved in.", "He is compliant with the building code."],
)
def test_everyday_senses_are_not_flagged(analyzer, text):
    assert [f.text for f in analyzer.analyze(text).findings if f.kind != "readability"] == []
