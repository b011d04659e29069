"""data/term_inflections.tsv is generated from the shipped lexicon and must stay in sync:
it is what lets lemma terms match "copays" without importing lemminflect on every run."""

from __future__ import annotations

from conftest import load_tool
from plainspeak.datafiles import data_path
from plainspeak.pipeline.components.lemmatizer import (
    inflections_of,
    missing_inflections,
    shipped_inflections,
)


def test_shipped_file_is_in_sync_with_the_lexicon():
    tool = load_tool("term_inflections")
    shipped = data_path("term_inflections.tsv").read_text(encoding="utf-8")
    assert tool.render() == shipped, (
        "data/term_inflections.tsv is out of date with data/jargon_lexicon.csv: "
        "run  python tools/refresh_data.py  and commit the result"
    )


def test_forms_are_those_the_lookup_table_misses():
    assert missing_inflections("handoff", "noun") == ("handoffs",)
    assert missing_inflections("decompensate", "verb") == ("decompensated", "decompensates", "decompensating")
    assert missing_inflections("utilize", "verb") == ()  # the table knows "utilized"
    assert missing_inflections("benefits", "noun") == ()  # already inflected
    assert missing_inflections("administratively", "verb") == ()  # lemminflect knows it, not as a verb


def test_every_shipped_head_word_is_listed_and_lookups_use_the_file():
    table = shipped_inflections()
    assert table[("copay", "noun")] == ("copays",)
    assert table[("utilize", "verb")] == ()  # listed, so nothing is computed for it
    assert inflections_of("copay", "noun") == ("copays",)
    assert inflections_of("handicapped", "adj") == ()
