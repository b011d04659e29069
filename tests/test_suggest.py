"""Suggestions fit where the term stood: inflection and casing."""

from __future__ import annotations

import pytest

from plainspeak.suggest import head_index, inflection_tag, match_case


@pytest.mark.parametrize(
    "text, suggestions",
    [
        ("We utilized it.", ("used",)),
        ("She utilizes it.", ("uses",)),
        ("Utilizing it helps.", ("Using",)),
        ("UTILIZE IT.", ("USE",)),
        ("Utilize it.", ("Use",)),
        ("She facilitates groups.", ("helps", "makes easier")),
        ("Two treatment modalities.", ("types of treatment",)),
        ("One treatment modality.", ("type of treatment",)),
        ("Two IOPs.", ("day treatment programs",)),
        ("IOP starts Monday.", ("Day treatment program",)),
        ("Addicts deserve care.", ("People with a substance use disorder", "People in recovery")),
    ],
)
def test_suggestions_are_inflected_and_cased(mini_analyzer, text, suggestions):
    (finding,) = [f for f in mini_analyzer.analyze(text).findings if f.kind == "jargon"]
    assert finding.suggestions == suggestions


def test_head_index():
    assert head_index(["type*", "of", "treatment"], "noun") == 0
    assert head_index(["care", "plan"], "noun") == 1
    assert head_index(["find", "out"], "verb") == 0


def test_inflection_tag():
    assert inflection_tag("utilized", "utilize", "verb") in ("VBD", "VBN")
    assert inflection_tag("modalities", "modality", "noun") == "NNS"
    assert inflection_tag("utilize", "utilize", "verb") is None


def test_match_case():
    assert match_case("use", "UTILIZE") == "USE"
    assert match_case("use", "Utilize") == "Use"
    assert match_case("use", "utilize") == "use"
