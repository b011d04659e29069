"""Every style rule proves itself with the examples kept beside it in
data/style_rules.toml (as the lexicon's entries do, and proselint's checks):

- each ``flag`` example is flagged by its rule exactly at the {braced} words,
  with the expected first suggestion ("=> -": none), and pasting that
  suggestion in leaves nothing for the rule to flag there;
- each ``pass`` example (plain English, and near misses) is not flagged by it;
- every pattern of a phrase rule is flagged in at least one example.

The examples run through a blank English pipeline with the shipped lexicon and
the style component (conftest.style_nlp): no tagger, as in the default pipeline.
"""

from __future__ import annotations

import re

import pytest

from plainspeak.pipeline.components import STYLE_KEY
from plainspeak.pipeline.components.style import RULE_NAMES, read_rules_file

RULES = read_rules_file()
MARKED = re.compile(r"\{(.+?)\}")


def parse_flag(example: str) -> tuple[str, str, int, str | None]:
    """``(text, flagged words, their offset, first suggestion or None)``."""
    body, sep, want = example.partition(" => ")
    assert sep, f"flag example without ' => suggestion' (or ' => -'): {example!r}"
    marked = MARKED.findall(body)
    assert len(marked) == 1, f"flag example must mark one span with braces: {example!r}"
    start = body.index("{")
    text = body.replace("{", "", 1).replace("}", "", 1)
    return text, marked[0], start, None if want.strip() == "-" else want.strip()


FLAGS = [(name, ex) for name in RULE_NAMES for ex in RULES[name]["flag"]]
PASSES = [(name, ex) for name in RULE_NAMES for ex in RULES[name]["pass"]]


def style_spans(nlp, text: str, rule: str):
    doc = nlp(text)
    group = doc.spans[STYLE_KEY]
    return [
        (span, suggestions)
        for span, suggestions in zip(group, group.attrs["suggestions"])
        if span.label_ == rule
    ]


@pytest.mark.parametrize("name", RULE_NAMES)
def test_every_rule_has_examples_both_ways(name):
    assert len(RULES[name]["flag"]) >= 8, f"[{name}] needs at least 8 examples that flag"
    assert len(RULES[name]["pass"]) >= 8, f"[{name}] needs at least 8 examples that pass"


@pytest.mark.parametrize(("name", "example"), FLAGS, ids=[f"{n}:{e[:40]}" for n, e in FLAGS])
def test_flag_example_is_flagged_with_its_suggestion(style_nlp, name, example):
    text, marked, offset, want = parse_flag(example)
    rule = "style." + name
    hits = style_spans(style_nlp, text, rule)
    at = [(s, sugg) for s, sugg in hits if s.start_char == offset and s.text == marked]
    assert at, f"[{name}] {text!r}: expected {marked!r} flagged, got {[s.text for s, _ in hits]}"
    span, suggestions = at[0]
    if want is None:
        assert suggestions == [], f"[{name}] {text!r}: expected no suggestion, got {suggestions}"
        return
    assert suggestions and suggestions[0] == want, f"[{name}] {text!r}: expected {want!r}, got {suggestions}"
    # The suggestion is ready to paste: once it stands there, the rule is quiet there.
    rewritten = text[: span.start_char] + want + text[span.end_char :]
    again = [s.text for s, _ in style_spans(style_nlp, rewritten, rule) if s.start_char < span.start_char + len(want) and s.end_char > span.start_char]
    assert again == [], f"[{name}] the rewrite {rewritten!r} is still flagged: {again}"


@pytest.mark.parametrize(("name", "example"), PASSES, ids=[f"{n}:{e[:40]}" for n, e in PASSES])
def test_pass_example_is_not_flagged(style_nlp, name, example):
    hits = [s.text for s, _ in style_spans(style_nlp, example, "style." + name)]
    assert hits == [], f"[{name}] {example!r} is flagged: {hits}"


@pytest.mark.parametrize("name", ["nominalization", "bureaucratic", "double-negative"])
def test_every_pattern_is_flagged_in_an_example(style_nlp, name):
    checker = style_nlp.get_pipe("plainspeak_style")
    used = set()
    for example in RULES[name]["flag"]:
        text = parse_flag(example)[0]
        used |= {pattern for _, _, rule, pattern in checker.matches(style_nlp(text)) if rule == "style." + name}
    unused = [p for p in RULES[name]["patterns"] if p not in used]
    assert unused == [], f"[{name}] patterns no flag example shows: {unused}"
