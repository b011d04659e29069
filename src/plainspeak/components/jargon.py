"""Lexicon jargon matcher: marks lexicon terms in ``doc.spans["plainspeak_jargon"]``.

Terms are tokenised by the pipeline's own tokenizer and matched with spaCy's
PhraseMatcher on three attributes: LEMMA (any inflection, any case), LOWER
(fixed wording, any case) and ORTH (acronyms, case-sensitive). Hyphen and
space variants of multi-word terms are added as extra patterns. Where matches
overlap, the longest wins. Each span carries ``label_ == "jargon"`` and
``id_ == <entry id>``, so the entry can be looked up after serialisation.
"""

from __future__ import annotations

from typing import Iterator, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import Entry, Lexicon, load_lexicon
from . import JARGON_KEY
from .lemmatizer import lookup_lemma

_ATTRS = {"lemma": "LEMMA", "lower": "LOWER", "exact": "ORTH"}


def term_variants(entry: Entry) -> Iterator[str]:
    """Written forms of a term: hyphen/space/closed variants and acronym plurals."""
    term = " ".join(entry.term.split())
    forms = {term}
    if "-" in term:
        forms.add(term.replace("-", " "))
        forms.add(term.replace("-", ""))
    words = term.split(" ")
    if 1 < len(words) <= 3:
        forms.add("-".join(words))
    if entry.match == "exact" and term[-1:].isupper():
        forms.update(f + "s" for f in list(forms))
    yield from sorted(forms)


class JargonMatcher:
    """Finds lexicon terms; ``self.lexicon`` is the loaded :class:`Lexicon`."""

    def __init__(self, nlp: Language, lexicon: Lexicon, name: str = "plainspeak_jargon") -> None:
        self.name = name
        self.lexicon = lexicon
        self._matchers = {mode: PhraseMatcher(nlp.vocab, attr=attr) for mode, attr in _ATTRS.items()}
        patterns: dict[str, dict[str, list[Doc]]] = {mode: {} for mode in _ATTRS}
        for entry in lexicon:
            for form in term_variants(entry):
                docs = patterns[entry.match].setdefault(entry.id, [])
                if entry.match != "lemma":
                    docs.append(nlp.make_doc(form))
                    continue
                # The term's words both lemmatised and as written: "fair hearing" has
                # lemmas "fair hear", but "fair hearings" has "fair hearing".
                lemmatised = [lookup_lemma(t.text) for t in nlp.make_doc(form)]
                written = [t.text.lower() for t in nlp.make_doc(form)]
                for lemmas in (lemmatised, written) if written != lemmatised else (lemmatised,):
                    doc = nlp.make_doc(form)
                    for token, lemma in zip(doc, lemmas):
                        token.lemma_ = lemma
                    docs.append(doc)
        for mode, by_id in patterns.items():
            for entry_id, docs in by_id.items():
                self._matchers[mode].add(entry_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for matcher in self._matchers.values():
            if len(matcher):
                for match_id, start, end in matcher(doc):
                    spans.append(Span(doc, start, end, label="jargon", span_id=match_id))
        doc.spans[JARGON_KEY] = sorted(filter_spans(spans), key=lambda s: s.start)
        return doc


@Language.factory(
    "plainspeak_jargon",
    assigns=["doc.spans"],
    requires=["token.lemma"],
    default_config={"lexicon_paths": [], "default_lexicon": True},
)
def make_jargon_matcher(nlp: Language, name: str, lexicon_paths: Sequence[str], default_lexicon: bool) -> JargonMatcher:
    """``lexicon_paths`` add user lexicons; ``default_lexicon=False`` drops the shipped one."""
    return JargonMatcher(nlp, load_lexicon(lexicon_paths, include_default=default_lexicon), name)
