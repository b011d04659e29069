"""Rewrite data/suggestion_inflections.json from the shipped lexicon.

    python tools/suggestion_inflections.py           # rewrite the file
    python tools/suggestion_inflections.py --check   # exit 1 if it is out of date

Fitting a suggestion to an inflected term asks lemminflect for forms
(src/plainspeak/rewrite/inflection_table.py); loading it costs a run about
0.3 s and 17 MB. This tool fits every shipped entry's suggestions to every
form of its term, records what lemminflect was asked and answered, and writes
the answers, so a run reads them instead. Run it after editing
data/jargon_lexicon.csv (tools/refresh_data.py does);
tests/test_suggestion_inflections.py fails until the file is in sync.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "data" / "suggestion_inflections.json"


def _fit_every_suggestion() -> None:
    """adapt() every shipped alternative to every form of its term's head word, as
    a match would ("was"/"by" around it or not), and each acronym to its plural."""
    from plainspeak.pipeline.components.jargon import term_variants
    from plainspeak.pipeline.components.lemmatizer import lookup_lemma
    from plainspeak.rewrite import suggest
    from plainspeak.rewrite.inflection_table import compute_forms_by_tag
    from plainspeak.rules.lexicon import load_lexicon

    for cached in (suggest.inflection_tag, suggest.inflect, suggest._keeps_number):
        cached.cache_clear()  # so every question reaches the recorder
    for entry in load_lexicon():
        if not entry.plain or not (entry.pos or entry.match == "exact"):
            continue
        words = entry.term.lower().split()
        head = words[suggest._term_head(entry, words)]
        lemmas = {head, lookup_lemma(head), head.replace("-", ""), head.rsplit("-", 1)[-1]}
        for variant in term_variants(entry):  # "inter-related" for "interrelated": its head is "related"
            variant_words = variant.lower().split()
            if len(variant_words) == len(words):
                tail = variant_words[suggest._term_head(entry, words)].rsplit("-", 1)[-1]
                lemmas |= {tail, lookup_lemma(tail)}
        pairs = {(entry.term, entry.term), (entry.term + "s", entry.term)} if entry.match == "exact" else set()
        if entry.pos:
            # a match's lemma is the lookup table's for the form met ("foregone" -> "forego")
            forms_of = {lemma: {f for fs in compute_forms_by_tag(lemma, entry.pos).values() for f in fs} | {lemma + "s"}
                        for lemma in lemmas}
            lemmas |= {lookup_lemma(form) for forms in forms_of.values() for form in forms}
            for lemma in sorted(lemmas):
                forms = forms_of.get(lemma) or {f for fs in compute_forms_by_tag(lemma, entry.pos).values() for f in fs}
                pairs |= {(form, lemma) for form in forms | {lemma + "s"}}
        for form, lemma in sorted(pairs):
            for previous, following in (("", ""), ("was", ""), ("", "by")):
                for alternative in entry.plain:
                    suggest.adapt(alternative, entry, form, lemma, form, sentence_start=False,
                                  previous_word=previous, next_word=following)


def render() -> str:
    """The file's text, as it should be now."""
    from plainspeak.rewrite.inflection_table import record_answers

    answers = record_answers(_fit_every_suggestion)
    lines = []
    for kind in ("forms", "inflection", "keeps_number"):
        body = ",\n".join(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
                          for key, value in sorted(answers[kind].items()))
        lines.append(f'"{kind}": {{\n{body}\n}}')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> int:
    from generated import write_or_check  # tools/generated.py, beside this script

    return write_or_check(OUTPUT, render, __doc__.splitlines()[0], "suggestion_inflections.py")


if __name__ == "__main__":
    sys.exit(main())
