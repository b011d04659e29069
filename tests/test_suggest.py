"""Suggestions fit where the term stood: inflection and casing."""

from __future__ import annotations

import pytest

from plainspeak.rewrite.suggest import head_index, inflection_tag, match_case


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


@pytest.mark.parametrize(
    "text, suggestions",
    [
        ("We do warm handoffs to the clinic.", ("personal introductions", "introductions in person")),
        ("One warm handoff.", ("personal introduction", "introduction in person")),
        ("Copays are $5.", ("Your shares of the cost", "Visit fees")),
    ],
)
def test_forms_the_lemma_table_lacks_are_inflected_too(analyzer, text, suggestions):
    """"handoffs" is its own lemma in the lookup table; the plural comes from the term."""
    (finding,) = [f for f in analyzer.analyze(text).findings if f.kind == "jargon"]
    assert finding.suggestions == suggestions


def test_user_terms_forms_are_inflected(tmp_path):
    from plainspeak.api import Analyzer

    path = tmp_path / "ours.csv"
    path.write_text(
        "id,term,plain,category,severity,match,pos,note,example,source\n"
        "onboard,onboard,welcome,wordy,suggestion,lemma,verb,N.,We onboard staff.,us\n"
        "microgrant,microgrant,small grant,benefits,suggestion,lemma,noun,N.,A microgrant.,us\n",
        encoding="utf-8",
    )
    analyzer = Analyzer(lexicon_paths=[str(path)], default_lexicon=False)
    found = analyzer.analyze("We onboarded two people with microgrants.").findings
    assert [(f.text, f.suggestions) for f in found if f.kind == "jargon"] == [
        ("onboarded", ("welcomed",)),
        ("microgrants", ("small grants",)),
    ]
