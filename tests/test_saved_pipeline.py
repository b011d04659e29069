"""A pipeline with plainspeak's components, saved and loaded again the spaCy way.

The jargon component gets user lexicons through ``initialize`` and keeps them
with the pipeline (``to_disk``/``to_bytes``), so a saved pipeline loads from any
folder once the lexicon files are gone; the components that use the lexicon
too are handed it on load. ``nlp.pipe(n_process=2)`` finds what one process finds.
"""

from __future__ import annotations

import shutil

import pytest
import spacy

from plainspeak.config.settings import make_settings
from plainspeak.pipeline.build import build_nlp
from plainspeak.pipeline.components import JARGON_KEY, UNCOMMON_KEY
from plainspeak.rules.lexicon import load_lexicon

# "quokkaform" is no word anyone knows: the uncommon-word rule flags it unless a
# lexicon suggestion uses it; the user lexicon's entry for "widgetize" does.
OURS = (
    "id,term,plain,category,severity,match,pos,note\n"
    "widgetize,widgetize,quokkaform,wordy,warning,lemma,verb,Our own word.\n"
    "utilize,utilize,employ,wordy,warning,lemma,verb,Ours replaces the shipped entry.\n"
)
TEXT = "Please utilize the portal and widgetize the form. The quokkaform is due. Your IOP starts Monday."


def _spans(doc, key=JARGON_KEY):
    return [(s.start_char, s.end_char, s.id_) for s in doc.spans[key]]


@pytest.fixture
def user_lexicon(tmp_path):
    path = tmp_path / "lexicons" / "ours.csv"
    path.parent.mkdir()
    path.write_text(OURS, encoding="utf-8")
    return path


@pytest.mark.parametrize("shipped", [True, False])
def test_a_saved_pipeline_loads_from_another_folder_with_its_user_lexicon(tmp_path, monkeypatch, user_lexicon, shipped):
    lexicon = load_lexicon([user_lexicon], include_default=shipped)
    nlp = build_nlp(make_settings(), lexicon=lexicon)
    before = nlp(TEXT)
    nlp.to_disk(tmp_path / "model")
    shutil.rmtree(user_lexicon.parent)  # the lexicon file is gone: the pipeline must not need it
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    loaded = spacy.load(tmp_path / "model")
    after = loaded(TEXT)

    assert _spans(after) == _spans(before)
    ids = {span_id for _, _, span_id in _spans(after)}
    assert "widgetize" in ids and "utilize" in ids
    assert ("iop" in ids) is shipped
    jargon = loaded.get_pipe("plainspeak_jargon")
    assert jargon.lexicon["utilize"].plain == ("employ",)  # the user's entry, not the shipped one
    assert len(jargon.lexicon) == len(lexicon)
    # The uncommon-word rule was handed the loaded lexicon: the suggestion's word is known.
    assert "quokkaform" not in [s.text.lower() for s in after.spans[UNCOMMON_KEY]]
    assert _spans(after, UNCOMMON_KEY) == _spans(before, UNCOMMON_KEY)


def test_without_the_handed_over_lexicon_the_word_is_uncommon(user_lexicon):
    """The check above can fail: with the shipped lexicon only, the invented word is flagged."""
    nlp = build_nlp(make_settings(), lexicon=load_lexicon())
    doc = nlp(TEXT)
    assert "quokkaform" in [s.text.lower() for s in doc.spans[UNCOMMON_KEY]]


def test_bytes_round_trip_keeps_the_user_lexicon(user_lexicon):
    nlp = build_nlp(make_settings(), lexicon=load_lexicon([user_lexicon]))
    data = nlp.to_bytes()
    fresh = build_nlp(make_settings())  # shipped lexicon only
    assert "widgetize" not in {i for *_, i in _spans(fresh(TEXT))}
    fresh.from_bytes(data)
    assert _spans(fresh(TEXT)) == _spans(nlp(TEXT))


def test_initialize_from_the_config_reads_lexicon_paths(tmp_path, user_lexicon):
    nlp = spacy.blank("en")
    nlp.add_pipe("plainspeak_lemmatizer")
    nlp.add_pipe("plainspeak_jargon", config={"default_lexicon": False})
    nlp.add_pipe("plainspeak_uncommon")
    nlp.config["initialize"]["components"]["plainspeak_jargon"] = {"lexicon_paths": [str(user_lexicon)]}
    nlp.initialize()
    doc = nlp(TEXT)
    assert {i for *_, i in _spans(doc)} == {"utilize", "widgetize"}
    assert "quokkaform" not in [s.text.lower() for s in doc.spans[UNCOMMON_KEY]]


def test_a_broken_saved_lexicon_is_a_lexicon_error_naming_the_file(tmp_path, user_lexicon):
    from plainspeak.errors import LexiconError

    nlp = build_nlp(make_settings(), lexicon=load_lexicon([user_lexicon]))
    nlp.to_disk(tmp_path / "model")
    saved = tmp_path / "model" / "plainspeak_jargon" / "lexicon.csv"
    saved.write_text("id,term\nx,y\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lexicon\.csv"):
        spacy.load(tmp_path / "model")


def test_two_processes_find_what_one_finds(user_lexicon):
    nlp = build_nlp(make_settings(), lexicon=load_lexicon([user_lexicon]))
    texts = [TEXT, "We will facilitate a warm handoff to IOP.", "", "Call us.", *(f"Text {i}: utilize it." for i in range(6))]
    one = [(_spans(d), _spans(d, UNCOMMON_KEY)) for d in nlp.pipe(texts)]
    two = [(_spans(d), _spans(d, UNCOMMON_KEY)) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
    assert two == one
    assert any(spans for spans, _ in one)


def test_a_finding_carries_its_lexicon_entry_id():
    import plainspeak

    findings = plainspeak.analyze("Please utilize the form.").findings
    jargon = [f for f in findings if f.kind == "jargon"]
    assert [(f.rule, f.entry_id) for f in jargon] == [("jargon.utilize", "utilize")]
    assert all(f.entry_id is None for f in findings if f.kind != "jargon")
