"""Lexicon jargon matcher: marks lexicon terms in ``doc.spans["plainspeak_jargon"]``.

Terms are tokenised by the pipeline's own tokenizer and matched on three token
attributes: LEMMA (any inflection, any case), LOWER (fixed wording, any case)
and ORTH (acronyms, case-sensitive). Hyphen and space variants of multi-word
terms are extra patterns, and a single line break inside a phrase is skipped
("prior\nto" in hard-wrapped text). Where matches overlap, the longest wins.
Each span carries ``label_ == "jargon"`` and ``id_ == <entry id>``, so the
entry can be looked up after serialisation.

Patterns are tuples of string hashes, indexed by their first word, and
matched against ``Doc.to_array`` columns. spaCy's PhraseMatcher needs a Doc
per pattern: ~0.14 s to build for 1,600 terms, a fifth of a short run; this
builds in ~0.02 s and matches as fast.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import Entry, Lexicon, load_lexicon
from . import JARGON_KEY
from .arrays import isin_sorted
from .lemmatizer import lookup_lemma
from .words import is_credential

# Columns of the token array, most specific first: of two matches of the same
# length, the first found wins ("deeming" as written beats the lemma of "deem").
_COLUMNS = {"exact": 0, "lower": 1, "lemma": 2}
_ARRAY_ATTRS = [ORTH, LOWER, LEMMA]
_NAME_GLUE = frozenset({"of", "for", "the", "and", "&", "on", "in"})  # "Coalition for the Homeless"


def _capitalised_neighbour(span: Span, step: int) -> bool:
    """The nearest word before (step -1) or after (+1) the span on the same line
    and in the same sentence, past glue words, is capitalised."""
    doc = span.doc
    i = span.start - 1 if step < 0 else span.end
    while 0 <= i < len(doc):
        token = doc[i]
        if "\n" in token.text or (step > 0 and token.is_sent_start):
            return False
        if token.is_alpha and token.lower_ not in _NAME_GLUE:
            # A sentence-initial "We" or "Please" is capitalised for the sentence, not a name.
            return token.text[:1].isupper() and not (token.is_sent_start and token.is_stop or token.lower_ == "please")
        if not (token.is_alpha or token.is_space or token.text in "&-") or (step < 0 and token.is_sent_start):
            return False
        i += step
    return False


_PLAIN_FORM = re.compile(r"^[A-Za-z]+(?:[ -][A-Za-z]+)*$")
_PLAIN_SPLIT = re.compile(r"[A-Za-z]+|-")


def split_term(form: str, nlp: Language, specials: set[str]) -> list[str]:
    """The words of a term, as the tokenizer would split them. Plain letters,
    spaces and hyphens split the way spaCy's English rules do ("follow-up" ->
    follow - up), without creating a Doc and a vocabulary entry per word (the
    1,600 shipped terms took 0.05 s that way); anything else asks the tokenizer."""
    if _PLAIN_FORM.match(form) and not any(w.lower() in specials for w in form.replace("-", " ").split()):
        return _PLAIN_SPLIT.findall(form)
    return [t.text for t in nlp.make_doc(form)]


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
        strings = nlp.vocab.strings
        specials = {k.lower() for k in (nlp.tokenizer.rules or {})}
        # column -> first key -> [(keys, entry id)], longest patterns first
        self._patterns: list[dict[int, list[tuple[tuple[int, ...], str]]]] = [{}, {}, {}]
        for entry in lexicon:
            column = _COLUMNS[entry.match]
            for form in term_variants(entry):
                words = split_term(form, nlp, specials)
                if entry.match == "exact":
                    sequences = [words]
                elif entry.match == "lower":
                    sequences = [[w.lower() for w in words]]
                else:
                    # The words both lemmatised and as written: "fair hearing" has the
                    # lemmas "fair hear", but "fair hearings" has "fair hearing".
                    lemmatised = [lookup_lemma(w) for w in words]
                    written = [w.lower() for w in words]
                    sequences = [lemmatised] if written == lemmatised else [lemmatised, written]
                for sequence in sequences:
                    keys = tuple(strings.add(w) for w in sequence)
                    bucket = self._patterns[column].setdefault(keys[0], [])
                    if (keys, entry.id) not in bucket:
                        bucket.append((keys, entry.id))
        for table in self._patterns:
            for bucket in table.values():
                bucket.sort(key=lambda p: -len(p[0]))
        self._first = [numpy.sort(numpy.fromiter(table, dtype=numpy.uint64, count=len(table))) for table in self._patterns]

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        if len(doc):
            for start, end, entry_id in self._matches(doc):
                spans.append(Span(doc, start, end, label="jargon", span_id=entry_id))
        kept = [s for s in filter_spans(spans) if not (self._in_proper_name(s) or self._credential(s))]
        doc.spans[JARGON_KEY] = sorted(kept, key=lambda s: s.start)
        return doc

    def _matches(self, doc: Doc):
        """``(start, end, entry id)`` for every pattern found, most specific column first."""
        arr = doc.to_array(_ARRAY_ATTRS)
        # Single line breaks (hard-wrapped text) do not break a phrase: match over the
        # other tokens, then map back. Blank lines still separate.
        spaces = numpy.flatnonzero(doc.to_array(IS_SPACE))
        breaks = [i for i in spaces.tolist() if doc[i].text.count("\n") <= 1]
        index = numpy.delete(numpy.arange(len(doc)), breaks) if breaks else None
        if index is not None:
            arr = arr[index]
        positions = index.tolist() if index is not None else None
        n = len(arr)
        for column, table in enumerate(self._patterns):
            if not table:
                continue
            values = arr[:, column]
            candidates = numpy.flatnonzero(isin_sorted(values, self._first[column])).tolist()
            if not candidates:
                continue
            keys_list = values.tolist()
            for p in candidates:
                for keys, entry_id in table[keys_list[p]]:
                    size = len(keys)
                    if p + size <= n and tuple(keys_list[p : p + size]) == keys:
                        if positions is None:
                            yield p, p + size, entry_id
                        else:
                            yield positions[p], positions[p + size - 1] + 1, entry_id

    def _credential(self, span: Span) -> bool:
        """Letters after a name in a signature: "Dani Reyes, LCSW"."""
        entry = self.lexicon.get(span.id_)
        return entry is not None and entry.category == "acronym" and is_credential(span)

    def _in_proper_name(self, span: Span) -> bool:
        """Part of a capitalised name on one line: "Eastside Behavioral Health",
        "Coalition for the Homeless". Names are not the writer's word choice."""
        entry = self.lexicon.get(span.id_)
        if entry is None or entry.match == "exact":
            return False
        words = [t for t in span if t.is_alpha and t.lower_ not in _NAME_GLUE]
        if not words or not all(t.text[:1].isupper() and not t.is_upper for t in words):
            return False
        return _capitalised_neighbour(span, -1) or _capitalised_neighbour(span, +1)


@Language.factory(
    "plainspeak_jargon",
    assigns=["doc.spans"],
    requires=["token.lemma"],
    default_config={"lexicon_paths": [], "default_lexicon": True},
)
def make_jargon_matcher(nlp: Language, name: str, lexicon_paths: Sequence[str], default_lexicon: bool) -> JargonMatcher:
    """``lexicon_paths`` add user lexicons; ``default_lexicon=False`` drops the shipped one."""
    return JargonMatcher(nlp, load_lexicon(lexicon_paths, include_default=default_lexicon), name)
