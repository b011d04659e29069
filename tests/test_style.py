"""The plainspeak_style component: its data, its spans and their attrs, how it
stands back for lexicon terms, its inflection, serialisation, and findings.

Each rule's own examples run in test_style_examples.py."""

from __future__ import annotations

import subprocess
import sys

import pytest
import spacy
from spacy.tokens import DocBin

from plainspeak.datafiles import data_path
from plainspeak.pipeline.components import JARGON_KEY, STYLE_KEY
from plainspeak.pipeline.components.style import (
    RULE_NAMES,
    _expand,
    check_rules,
    read_rules_file,
    render_verb_forms,
    verb_forms,
)


def style(nlp, text: str) -> list[tuple[str, str, list[str]]]:
    """``(rule id, text, suggestions)`` of each style span."""
    doc = nlp(text)  # a span group needs its Doc alive
    group = doc.spans[STYLE_KEY]
    return [(s.label_, s.text, sugg) for s, sugg in zip(group, group.attrs["suggestions"])]


# --- the data --------------------------------------------------------------------


def test_shipped_rules_are_well_formed():
    assert check_rules(read_rules_file(), verb_forms()) == []


def test_verb_forms_file_is_in_sync_with_the_rules():
    assert render_verb_forms() == data_path("style_verbs.tsv").read_text(encoding="utf-8"), (
        "data/style_verbs.tsv is out of date with data/style_rules.toml: "
        "run  python -m plainspeak.pipeline.components.style --write"
    )


def test_run_time_read_leaves_out_only_the_examples():
    full = read_rules_file()
    lean = read_rules_file(examples=False)
    for name in RULE_NAMES:
        assert {k: v for k, v in full[name].items() if k not in ("flag", "pass")} == lean[name]
        assert "flag" not in lean[name] and "pass" not in lean[name]


def test_pattern_syntax_expands_options_and_alternatives():
    sequences, lookahead = _expand("make [a|an] payment [of|to]")
    assert ["make", "payment"] in sequences and ["make", "an", "payment", "to"] in sequences
    assert len(sequences) == 9 and lookahead == []
    sequences, lookahead = _expand("should you have [any] question [or concerns]")
    assert ["should", "you", "have", "question", "or", "concerns"] in sequences and len(sequences) == 4
    assert _expand("engagement in >services|care")[1] == ["services", "care"]


def test_broken_rules_are_reported_with_the_file():
    rules = read_rules_file()
    rules["nominalization"]["patterns"] = ["make a payment", "take ... -> consider ...", "give [a] nod -> nod ..."]
    rules["passive"]["verbs"] = [*rules["passive"]["verbs"], "frobnicate"]
    del rules["you"]["pass"]
    problems = check_rules(rules, verb_forms(), "rules.toml")
    text = "\n".join(problems)
    assert "rules.toml: [nominalization] pattern 'make a payment': expected 'phrase -> plain | plain'" in text
    assert "'take ... -> consider ...': needs two words in a row" in text
    assert "'give [a] nod -> nod ...': '...' must be in the phrase and every plain text" in text
    assert "frobnicate" in text and "style_verbs.tsv" in text
    assert "rules.toml: [you] needs pass examples" in text


def test_a_user_rules_file_is_checked_when_the_pipeline_is_built(tmp_path):
    import plainspeak.pipeline.components.style  # noqa: F401

    bad = tmp_path / "rules.toml"
    bad.write_text(data_path("style_rules.toml").read_text(encoding="utf-8").replace('"make use of -> use",', '"make use of",'))
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="make use of"):
        nlp.add_pipe("plainspeak_style", config={"rules_path": str(bad)})


# --- spans and attrs ------------------------------------------------------------


def test_attrs_are_aligned_with_the_spans(style_nlp):
    doc = style_nlp(
        "Dear Mr. Cruz,\n\nA decision was made to close your case. Please make a payment by Friday. "
        "It is not uncommon to feel upset. Should you have any questions, call me. The client may appeal."
    )
    group = doc.spans[STYLE_KEY]
    assert [s.label_ for s in group] == [
        "style.passive", "style.nominalization", "style.double-negative", "style.bureaucratic", "style.you",
    ]
    attrs = group.attrs
    assert len(attrs["messages"]) == len(attrs["suggestions"]) == len(attrs["severities"]) == len(group)
    assert attrs["severities"] == ["suggestion"] * 5
    for span, message in zip(group, attrs["messages"]):
        assert message.startswith(f"'{span.text}' ") and message.endswith(".")


def test_every_doc_gets_the_group_even_with_nothing_found(style_nlp):
    for text in ("", "   \n", "See you soon."):
        doc = style_nlp(text)
        group = doc.spans[STYLE_KEY]
        assert len(group) == 0 and group.attrs == {"messages": [], "suggestions": [], "severities": []}


def test_spans_and_attrs_survive_docbin(style_nlp):
    doc = style_nlp("Your benefits have been terminated. We will conduct an assessment of your needs.")
    data = DocBin(docs=[doc]).to_bytes()
    back = next(iter(DocBin().from_bytes(data).get_docs(style_nlp.vocab)))
    assert [(s.start, s.end, s.label_) for s in back.spans[STYLE_KEY]] == [
        (s.start, s.end, s.label_) for s in doc.spans[STYLE_KEY]
    ]
    assert back.spans[STYLE_KEY].attrs == doc.spans[STYLE_KEY].attrs
    assert back.spans[STYLE_KEY].attrs["suggestions"] == [["We have terminated your benefits"], ["assess", "check"]]


def test_factory_works_in_a_users_own_pipeline():
    import plainspeak.pipeline.components.lemmatizer
    import plainspeak.pipeline.components.style  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("plainspeak_lemmatizer")
    nlp.add_pipe("plainspeak_style")  # no jargon matcher before it: nothing to stand back for
    assert style(nlp, "We made a payment.") == [("style.nominalization", "made a payment", ["paid"])]


# --- standing back for the lexicon -----------------------------------------------


def test_a_lexicon_term_that_covers_the_words_wins(style_nlp):
    doc = style_nlp("We will make a determination soon.")
    assert [s.id_ for s in doc.spans[JARGON_KEY]] == ["make-a-determination"]
    assert style(style_nlp, "We will make a determination soon.") == []


def test_a_lexicon_term_that_crosses_the_edge_wins(style_nlp):
    # "please be advised" (lexicon) crosses "be advised that" (style)
    assert style(style_nlp, "Please be advised that the office is closed.") == []
    assert style(style_nlp, "Be advised that the office is closed.")[0][1] == "Be advised that"


def test_a_lexicon_word_inside_leaves_both(style_nlp):
    doc = style_nlp("Our volunteers offer assistance to older adults.")
    assert [s.text for s in doc.spans[JARGON_KEY]] == ["assistance"]
    assert style(style_nlp, "Our volunteers offer assistance to older adults.") == [
        ("style.nominalization", "offer assistance to", ["help"])
    ]


# --- suggestions that fit -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "flagged", "first"),
    [
        ("Please make a payment today.", "make a payment", "pay"),
        ("She makes a payment each month.", "makes a payment", "pays"),
        ("She made a payment on Monday.", "made a payment", "paid"),
        ("She has made a payment.", "made a payment", "paid"),
        ("We are making changes to the plan.", "making changes to", "changing"),
        ("He gave an explanation of the rules.", "gave an explanation of", "explained"),
        ("She has given an explanation.", "given an explanation", "explained"),
        ("MAKE A PAYMENT TODAY.", "MAKE A PAYMENT", "PAY"),
        ("Make a payment today.", "Make a payment", "Pay"),
        ("We'll take your schedule into consideration.", "take your schedule into consideration", "consider your schedule"),
        ("The office is in receipt of\nyour letter.", "is in receipt of\nyour", None),
    ],
)
def test_nominalization_suggestions_take_the_verbs_form(style_nlp, text, flagged, first):
    hits = [h for h in style(style_nlp, text) if h[0] == "style.nominalization"]
    if first is None:  # a phrase across a line break is still one phrase
        assert hits == [("style.nominalization", "is in receipt of", ["has received"])]
        return
    assert hits == [("style.nominalization", flagged, hits[0][2])] and hits[0][2][0] == first


@pytest.mark.parametrize(
    ("text", "flagged", "first"),
    [
        ("You will be contacted soon.", "You will be contacted", "We will contact you"),
        ("You'll be contacted soon.", "You'll be contacted", "We'll contact you"),
        ("You won't be charged.", "You won't be charged", "We won't charge you"),
        ("You cannot be charged.", "You cannot be charged", "We cannot charge you"),
        ("Your claim is being reviewed.", "Your claim is being reviewed", "We are reviewing your claim"),
        ("You're being asked to sign.", "You're being asked", "We're asking you"),
        ("Your claim was denied.", "Your claim was denied", "We denied your claim"),
        ("Your claim wasn't approved.", "Your claim wasn't approved", "We didn't approve your claim"),
        ("Your claim was not approved.", "Your claim was not approved", "We did not approve your claim"),
        ("Your hours are reduced in May.", "Your hours are reduced", "We reduce your hours"),
        ("Your case has been closed.", "Your case has been closed", "We have closed your case"),
        ("Your case hasn't been closed.", "Your case hasn't been closed", "We haven't closed your case"),
        ("Your case had already been closed.", "Your case had already been closed", "We had already closed your case"),
        ("Your case will have been closed by then.", "Your case will have been closed", "We will have closed your case"),
        ("Your case was automatically closed.", "Your case was automatically closed", "We automatically closed your case"),
        ("Once your form is processed, we call.", "your form is processed", "we process your form"),
        ("The canceled visit was rescheduled.", "The canceled visit was rescheduled", "We rescheduled the canceled visit"),
        ("The old house was sold.", None, None),
        ("Your visit was cancelled.", "Your visit was cancelled", "We cancelled your visit"),
        ("Your visit was canceled.", "Your visit was canceled", "We canceled your visit"),
        ("A decision has been made.", "A decision has been made", "We have decided"),
        ("A final decision will be made.", "A final decision will be made", "We will make a final decision"),
        ("It has been determined that you moved.", "It has been determined", "We have decided"),
        ("You are not required to call.", "You are not required to", "You do not have to"),
        ("Your son isn't required to come.", "Your son isn't required to", "Your son doesn't have to"),
        ("You will be required to sign.", "You will be required to", "You will have to"),
        ("You have been required to sign.", "You have been required to", "You have had to"),
    ],
)
def test_passive_rewrites_keep_the_tense(style_nlp, text, flagged, first):
    hits = [h for h in style(style_nlp, text) if h[0] == "style.passive"]
    if flagged is None:
        assert hits == []
        return
    assert [h[1] for h in hits] == [flagged]
    assert hits[0][2][0] == first


@pytest.mark.parametrize(
    "text",
    [
        "I am tired.",
        "The office is closed.",
        "You are eligible.",
        "We are located downtown.",
        "I'm interested.",
        "Your case is closed.",
        "Your visit is cancelled.",
        "Your claim was denied by the court.",
        "Was your claim denied?",
        "The form needs to be signed.",
        "No decision has been made yet.",
        "It was made in 1990.",
        "Your bed was made.",
        "The bread was sent to the shop by a baker.",
    ],
)
def test_passive_stays_quiet_on_states_questions_and_named_actors(style_nlp, text):
    assert [h for h in style(style_nlp, text) if h[0] == "style.passive"] == []


def test_you_rule_needs_a_text_that_speaks_to_its_reader(style_nlp):
    note = "Client arrived late. The client reported poor sleep. Plan: call Friday."
    assert style(style_nlp, note) == []
    letter = "Dear Mr. Cruz,\n\nThe client is required to bring ID. The client's next visit is Monday."
    assert [(h[1], h[2]) for h in style(style_nlp, letter) if h[0] == "style.you"] == [
        ("The client is", ["You are"]),
        ("The client's", ["Your"]),
    ]
    to_staff = "Hi team,\n\nThe client is required to bring ID."
    assert style(style_nlp, to_staff) == []


# --- findings ---------------------------------------------------------------------


def test_findings_come_out_with_offsets_into_the_original(analyzer):
    text = "Dear Ms. Lee,\r\n\r\nYour application has been denied.\r\nYou’ll be contacted\r\nsoon. Thank you for your cooperation."
    report = analyzer.analyze(text)
    found = [(f.rule, f.category, f.text, f.severity.label) for f in report.findings if f.kind == "style"]
    assert found == [
        ("style.passive", "style", "Your application has been denied", "suggestion"),
        ("style.passive", "style", "You’ll be contacted", "suggestion"),
        ("style.bureaucratic", "style", "Thank you for your cooperation", "suggestion"),
    ]
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    assert report.summary.style == 3


def test_a_short_check_does_not_import_lemminflect():
    """Suggestions are inflected from data/style_verbs.tsv: lemminflect costs 0.2-0.7 s to import."""
    code = (
        "import sys\n"
        "from plainspeak.api import Analyzer\n"
        "r = Analyzer().analyze('A decision was made. You will be contacted. We made a payment.')\n"
        "print(sorted(f.rule for f in r.findings), 'lemminflect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['style.nominalization', 'style.passive', 'style.passive'] False"


def test_factory_is_found_through_its_entry_point():
    """A user's own pipeline gets the component by name, without importing plainspeak first."""
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('plainspeak_sentencizer')\n"
        "nlp.add_pipe('plainspeak_lemmatizer')\n"
        "nlp.add_pipe('plainspeak_style')\n"
        "doc = nlp('A decision was made.')\n"
        "print([s.label_ for s in doc.spans['plainspeak_style']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['style.passive']"
