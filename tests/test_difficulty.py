"""Readers' ratings in the uncommon-word decision: a word readers rated simple is
never flagged for being rare (data/defaults.toml [uncommon] simple_rating), and
the audiences' thresholds are ordered."""

from __future__ import annotations

import pytest

from conftest import blank_nlp
from plainspeak.config.settings import audiences
from plainspeak.pipeline.components import UNCOMMON_KEY
from plainspeak.pipeline.components.uncommon import simple_rating
from plainspeak.text.difficulty import rated
from plainspeak.text.frequency import zipf


def uncommon(nlp, text):
    doc = nlp(text)
    return [s.text for s in doc.spans[UNCOMMON_KEY]]


def test_simple_rating_is_the_lower_third_of_the_scale():
    assert simple_rating() == pytest.approx(1 / 3, abs=0.001)


@pytest.mark.parametrize("word", ["shoppers", "queue", "metre"])
def test_a_rare_word_readers_rated_simple_is_not_flagged(word):
    assert zipf(word) < 3.8 and rated(word) < simple_rating()  # the premise: rare, but rated simple
    nlp = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 3.8, "rating_threshold": 0.48}))
    assert uncommon(nlp, f"We talked about the {word} today.") == []


def test_rare_words_rated_above_simple_or_unrated_are_still_flagged():
    assert simple_rating() <= rated("waiver") < 0.48  # rated, not simple, not hard: its rarity decides
    assert rated("stigma") is None  # unrated: its frequency or the estimate decides
    strict = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 3.8, "rating_threshold": 0.48}))
    lax = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 3.05, "rating_threshold": 0.55}))
    text = "Ask for a waiver if the stigma worries you."
    assert uncommon(strict, text) == ["waiver", "stigma"]
    assert uncommon(lax, text) == []


def test_a_frequent_word_readers_rated_hard_is_still_flagged():
    nlp = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 1.0, "rating_threshold": 0.48}))
    assert uncommon(nlp, "Your reimbursement is ready.") == ["reimbursement"]


def test_audiences_are_ordered_from_strict_to_lax():
    a = audiences()
    order = [a["everyday"], a["general"], a["professional"]]
    assert [x["zipf_threshold"] for x in order] == sorted((x["zipf_threshold"] for x in order), reverse=True)
    assert [x["rating_threshold"] for x in order] == sorted(x["rating_threshold"] for x in order)
