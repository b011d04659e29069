"""The tokenizer memo gives spaCy's own tokenization, text by text: the same
tokens, trailing spaces and special-case norms, however often a chunk recurs
and whether or not the memo is full."""

from __future__ import annotations

import spacy
from hypothesis import given
from hypothesis import strategies as st

from plainspeak.pipeline.tokenizer import MemoTokenizer

NLP = spacy.blank("en")
PIECES = ["don't", "can't", "U.S.", "e.g.", "10a.m.", ":)", ": )", "(IOP)", "re:", "Ph.D.", "co-occurring", "'s",
          "well-being,", "\"quoted\"", "n't", "...", "—", "état", "😀", "a\u00a0b", "http://x.org/a?b=1.", "3/4", "ca.",
          "\u200b", "Mr.", "'cause", "y'all", "gonna", "ain't", "cannot", "Cannot", "wanna", "gotta", "lemme", "Ima", "ol", "n'"]
SPACES = [" ", "  ", "\n", " \n", "\n\n", "\t", "\u00a0", "\r\n", " \u00a0 ", "\u2003"]


def _tokens(doc):
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


text = st.lists(st.one_of(st.sampled_from(PIECES), st.sampled_from(SPACES), st.text(max_size=6)), max_size=30).map("".join)


def test_a_colon_glued_to_a_quotation_mark_is_split():
    """'Example:"Conducted a visit"' was one token "Example:"Conducted", which hid
    the first quoted word; a time or a web address keeps its colon."""
    import plainspeak
    from plainspeak import make_settings
    from plainspeak.pipeline.build import build_nlp

    nlp = build_nlp(make_settings())
    assert [t.text for t in nlp.tokenizer('Example:"Conducted 10:30 http://a.org/b:c')] == [
        "Example", ":", '"', "Conducted", "10:30", "http://a.org/b:c"]
    found = plainspeak.analyze('Sample note:"Conducted a visit with the client, who was very engaged in it."').findings
    assert ("jargon.conduct", "Conducted") in [(f.rule, f.text) for f in found]


def test_a_bullet_hyphen_glued_to_a_word_is_split():
    """ "-Narrative summary" at a list item's start hid the term; "-5" and "--help" stay whole."""
    import plainspeak
    from plainspeak import make_settings
    from plainspeak.pipeline.build import build_nlp

    nlp = build_nlp(make_settings())
    assert [t.text for t in nlp.tokenizer("-Narrative -5 --help")] == ["-", "Narrative", "-5", "--help"]
    found = plainspeak.analyze("Notes must have:\n-Narrative summary of the visit\n-Plan").findings
    assert "jargon.narrative-summary" in [f.rule for f in found]


@given(st.lists(text, min_size=1, max_size=4), st.sampled_from([3, 1000]))
def test_the_memo_tokenizes_as_spacy_does(texts, room):
    memo = MemoTokenizer(NLP.tokenizer, max_chunks=room)
    for t in texts * 2:  # the second time from the memo
        assert _tokens(memo(t)) == _tokens(NLP.tokenizer(t)), repr(t)


def test_special_case_norms_survive_the_memo():
    memo = MemoTokenizer(NLP.tokenizer)
    for _ in range(2):
        doc = memo("I don't know 'cause we can't.")
        assert [t.norm_ for t in doc if t.text in ("n't", "'cause")] == ["not", "because", "not"]


def test_the_memo_is_bounded():
    memo = MemoTokenizer(NLP.tokenizer, max_chunks=10)
    memo(" ".join(f"word{i}" for i in range(100)))
    assert len(memo._words) <= 10


def test_a_bracket_before_a_colon_is_no_emoticon():
    """spaCy makes one token of "):" (an emoticon); in a letter it is a bracket's end
    before a colon, and the acronym in the brackets is defined there."""
    import plainspeak

    text = "Read Limited Scope Representation (LSR): a guide. LSR is cheap."
    assert not [f for f in plainspeak.analyze(text).findings if f.rule == "acronym.undefined"]
    from plainspeak import make_settings
    from plainspeak.pipeline.build import build_nlp

    nlp = build_nlp(make_settings())
    assert [t.text for t in nlp.tokenizer("(LSR): ok :)")] == ["(", "LSR", ")", ":", "ok", ":", ")"]


def test_a_bracket_between_letters_is_split():
    """ "preference(s)", "child(ren)": spaCy keeps "preference(s" as one token, which
    hid "local preference" from the lexicon."""
    import plainspeak
    from plainspeak import make_settings
    from plainspeak.pipeline.build import build_nlp

    nlp = build_nlp(make_settings())
    assert [t.text for t in nlp.tokenizer("preference(s) child(ren) (MAT) f(x)")] == [
        "preference", "(", "s", ")", "child", "(", "ren", ")", "(", "MAT", ")", "f", "(", "x", ")"]
    found = plainspeak.analyze("You may get a local preference(s) here.").findings
    assert [(f.rule, f.text) for f in found if f.rule.startswith("jargon.")] == [
        ("jargon.local-preference", "local preference")]


@given(st.lists(st.one_of(st.sampled_from([*PIECES, "preference(s)", "child(ren)", "a(b", "(s)", 'Note:"Met', "a:\u201cb", "-Met", "-5"]),
                          st.sampled_from(SPACES), st.text(max_size=6)), max_size=30).map("".join))
def test_the_memo_tokenizes_as_the_split_tokenizer_does(t):
    memo = MemoTokenizer(SPLIT.tokenizer)
    for _ in range(2):
        assert _tokens(memo(t)) == _tokens(SPLIT.tokenizer(t)), repr(t)


def _split_nlp():
    from plainspeak.pipeline.tokenizer import split_glued_marks

    nlp = spacy.blank("en")
    split_glued_marks(nlp.tokenizer)
    return nlp


SPLIT = _split_nlp()
