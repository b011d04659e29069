"""data/suggestion_inflections.json holds lemminflect's answers for fitting every
shipped suggestion to its term's forms, so a check never loads lemminflect
(0.3 s, 17 MB) for the shipped lexicon, with the same suggestions."""

from __future__ import annotations

import subprocess
import sys

from conftest import load_tool
from plainspeak.datafiles import data_path
from plainspeak.rewrite import inflection_table


def test_shipped_file_is_in_sync_with_the_lexicon():
    shipped = data_path(inflection_table.FILE_NAME).read_text(encoding="utf-8")
    assert load_tool("suggestion_inflections").render() == shipped, (
        "data/suggestion_inflections.json is out of date with data/jargon_lexicon.csv: "
        "run  python tools/refresh_data.py  and commit the result"
    )


def test_the_files_answers_are_lemminflects():
    answers = inflection_table._shipped()
    for key in list(answers["forms"])[::97]:
        lemma, pos = key.split("|")
        assert inflection_table.forms_by_tag(lemma, pos) == inflection_table.compute_forms_by_tag(lemma, pos)
    for key in list(answers["inflection"])[::97]:
        word, tag = key.split("|")
        assert inflection_table.inflections(word, tag) == inflection_table.compute_inflections(word, tag)
    for key in list(answers["keeps_number"])[::97]:
        word, pair = key.split("|")
        assert inflection_table.keeps_number(word, pair) is inflection_table.compute_keeps_number(word, pair)


def test_words_the_file_lacks_are_asked_of_lemminflect():
    assert inflection_table.inflections("zorble", "VBD") == ("zorbled",)
    assert inflection_table.forms_by_tag("zorble", "verb")["VBZ"] == ("zorbles",)


def test_a_check_with_inflected_terms_does_not_import_lemminflect():
    code = (
        "import sys\n"
        "from plainspeak.api import Analyzer\n"
        "r = Analyzer().analyze('We utilized the portal and it facilitates your intakes. Her IOPs ended. "
        "The problems are inter-related.')\n"
        "print([s for f in r.findings for s in f.suggestions[:1]], 'lemminflect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("False")
    assert "'used'" in out.stdout and "'helps'" in out.stdout
