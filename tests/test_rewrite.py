"""The rewriting core: pure functions, no files."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plainspeak.rewrite.edits import Edit, apply_edits, article_for, resolve_overlaps


def test_edits_apply_from_the_end_so_offsets_stay_valid():
    text = "We utilize it prior to noon."
    edits = [Edit(3, 10, "use"), Edit(14, 22, "before")]
    assert apply_edits(text, edits) == "We use it before noon."


def test_overlaps_keep_the_longer_then_the_earlier():
    edits = [Edit(0, 5, "x"), Edit(3, 12, "y"), Edit(10, 14, "z"), Edit(20, 22, "w")]
    assert resolve_overlaps(edits) == [Edit(3, 12, "y"), Edit(20, 22, "w")]


def test_article_is_corrected_before_the_replacement():
    text = "Please book an intake assessment and a evaluation."
    out = apply_edits(text, [Edit(15, 32, "first meeting")])
    assert out == "Please book a first meeting and a evaluation."
    assert apply_edits("A portal login.", [Edit(2, 8, "online account")]) == "An online account login."


def test_words_are_not_doubled_at_the_seams():
    assert apply_edits("We help facilitate groups.", [Edit(8, 18, "help run")]) == "We help run groups."
    assert apply_edits("a type of treatment modality", [Edit(10, 28, "kind of treatment")]) == (
        "a type of kind of treatment"
    )


def test_article_for():
    assert [article_for(w) for w in ("apple", "hour", "university", "one-time", "FBI", "UN", "car")] == [
        "an", "an", "a", "a", "an", "a", "a",
    ]


filler = st.text(alphabet=st.sampled_from(list("0123456789 \t\r\n.,;:!?()-'\"\u00a0\ufeff\u00e9\U0001f49c")), max_size=12)


@settings(max_examples=200)
@given(st.lists(st.tuples(filler, st.sampled_from(["utilize", "prior to", "facilitate"])), max_size=6), filler)
def test_text_outside_edits_is_kept_exactly(pieces, tail):
    text, edits, expected = "", [], ""
    swap = {"utilize": "use", "prior to": "before", "facilitate": "help"}
    for gap, term in pieces:
        text += gap
        expected += gap
        edits.append(Edit(len(text), len(text) + len(term), swap[term]))
        text += term
        expected += swap[term]
    text += tail
    expected += tail
    assert apply_edits(text, edits) == expected


def test_capitals_and_long_texts():
    assert apply_edits("BOOK AN INTAKE NOW.", [Edit(8, 14, "FIRST MEETING")]) == "BOOK A FIRST MEETING NOW."
    text = "We utilize an intake assessment. " * 5000
    edits = [Edit(i * 33 + 3, i * 33 + 10, "use") for i in range(5000)]
    assert apply_edits(text, edits) == "We use an intake assessment. " * 5000
