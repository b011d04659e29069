"""Offsets are sacred: text[start:end] == finding.text, and line/column agree, for any input."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from plainspeak.text.positions import LineIndex
from plainspeak.text.prep import prepare
from plainspeak.text.segment import segments

PIECES = [
    "We will utilize the portal",
    "treatment modalities",
    "IOP",
    "CBT",
    "intensive outpatient program (IOP)",
    "follow-up",
    "prior to",
    "heretofore",
    "psychoeducation",
    "Maria",
    "café",
    "cafe\u0301",  # combining accent
    "\U0001f49c",  # emoji
    "\u00a0",
    "\ufeff",
    "\t",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    ". ",
    ", ",
    " ",
    "don\u2019t",
    "x" * 300,
    "The comprehensive biopsychosocial reassessment necessitates interdisciplinary verification by the team",
    "uti\u00adlize",  # soft hyphen inside a word (pasted from Word or the web)
    "por\u200btal",  # zero-width space
    "\u00ad",
    "\u200d",
    "https://example.org/portal",
    "[the portal](https://example.org/utilize)",
    "`utilize`",
    "<!-- utilize -->",
    "<p>",
    "intake-form.pdf",
    "dana@example.org",
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=40).map("".join)


def reference_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column the slow, obvious way (CRLF, CR and LF each end a line)."""
    line, col, i = 1, 1, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 1
            ch = "\n"
        if ch in "\r\n\u2028\u2029":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_every_finding_slices_the_original_text(mini_analyzer, text):
    report = mini_analyzer.analyze(text)
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert (f.line, f.column) == reference_position(text, f.start)
        assert (f.end_line, f.end_column) == reference_position(text, f.end)
    for sentence in report.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text) and sentence.words > 0
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
        assert (sentence.line, sentence.column) == reference_position(text, sentence.start)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_offsets_hold_across_segments(text):
    """A long input is cut into pieces; findings must still index the whole text."""
    from conftest import MINI_LEXICON

    small = _small_analyzer(str(MINI_LEXICON))
    for f in small.analyze(text).findings:
        assert text[f.start : f.end] == f.text


_cache = {}


def _small_analyzer(path):
    from plainspeak.api import Analyzer

    if path not in _cache:
        _cache[path] = Analyzer(lexicon_paths=[path], default_lexicon=False, max_chars=40)
    return _cache[path]


@given(st.text(alphabet=st.sampled_from("ab1 \r\n\u00ad\u200b\u200d\ufeff\u2019\u00a0.\u2013")) | st.text())
def test_prepare_maps_every_character_back(text):
    """Only invisible characters are removed, and every prepared position maps back
    to the original character it came from."""
    prepared = prepare(text, offset=5)
    assert len(prepared.text) + len(prepared.removals) == len(text)
    kept = [prepared.start(i) - 5 for i in range(len(prepared.text))]
    assert kept == sorted(set(kept))
    assert all(prepared.end(i + 1) == prepared.start(i) + 1 for i in range(len(prepared.text)))
    removed = set(range(len(text))) - set(kept)
    assert all(text[i] in "\u00ad\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e" for i in removed)
    for i, o in enumerate(kept):
        # one-to-one replacements only (CR of CRLF: space; an en dash inside a word: a hyphen)
        assert prepared.text[i] in (prepare(text[o]).text, " ") or (text[o], prepared.text[i]) == ("\u2013", "-")


def test_an_en_dash_inside_a_word_joins_a_compound():
    """ "self–determination" is the compound, not "determination"; "3–5" stays a range."""
    from plainspeak.api import analyze

    text = "We support self\u2013determination. See pages 3\u20135."
    found = [(f.rule, f.start, f.end, f.text) for f in analyze(text).findings if f.rule.startswith("jargon.")]
    assert found == [("jargon.self-determination", 11, 29, "self\u2013determination")]
    assert prepare(text).text.endswith("3\u20135.")


@given(st.text(), st.integers(min_value=10, max_value=200))
def test_segments_cover_the_text_exactly(text, max_chars):
    pieces = list(segments(text, max_chars))
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (a, b), (c, _) in itertools.pairwise(pieces):
        assert b == c and a < b
    assert all(b - a <= max_chars for a, b in pieces)


@given(st.text(alphabet=st.sampled_from("ab\r\n\t\u2028")), st.data())
def test_line_index_matches_reference(text, data):
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    assume(text[max(0, offset - 1):offset + 1] != "\r\n")  # inside a CRLF: no finding starts there
    assert LineIndex(text).position(offset) == reference_position(text, offset)
