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
import numpy
from spacy.attrs import IS_SPACE, LEMMA
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..lexicon import Entry, Lexicon, load_lexicon
from . import JARGON_KEY
from .lemmatizer import lookup_lemma
from .words import is_credential

# Most specific first: of two matches of the same length, the first found wins
# ("deeming" as written beats the lemma of "deem").
_ATTRS = {"exact": "ORTH", "lower": "LOWER", "lemma": "LEMMA"}
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


def _without_line_breaks(doc: Doc, heads: frozenset[str], tails: frozenset[str]) -> tuple[Doc, list[int] | None]:
    """The Doc without its single line breaks, so "prior\nto" in hard-wrapped
    text matches "prior to"; blank lines still separate. Returns the view and
    the index of each view token in ``doc`` (None when no phrase can span a
    break: then the Doc itself is the view). ``heads``/``tails`` are the words
    that can come before/after a break inside a lexicon phrase."""
    breaks = [
        i
        for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist()
        if doc[i].text.count("\n") <= 1 and 0 < i < len(doc) - 1
    ]
    if not any(_can_join(doc[i - 1], doc[i + 1], heads, tails) for i in breaks):
        return doc, None
    drop = set(breaks)
    keep = [i for i in range(len(doc)) if i not in drop]
    view = Doc(doc.vocab, words=[doc[i].text for i in keep], spaces=[True] * len(keep))
    if keep:
        view.from_array([LEMMA], doc.to_array([LEMMA])[keep])
    return view, keep


def _can_join(before, after, heads: frozenset[str], tails: frozenset[str]) -> bool:
    return (before.lower_ in heads or before.lemma_ in heads) and (after.lower_ in tails or after.lemma_ in tails)


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
        heads: set[str] = set()
        tails: set[str] = set()
        for by_id in patterns.values():
            for docs in by_id.values():
                for pattern in docs:
                    keys = [(t.lower_, t.lemma_) for t in pattern]
                    for a, b in zip(keys, keys[1:]):
                        heads.update(a)
                        tails.update(b)
        self._heads, self._tails = frozenset(heads - {""}), frozenset(tails - {""})
        for mode, by_id in patterns.items():
            for entry_id, docs in by_id.items():
                self._matchers[mode].add(entry_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        view, index = _without_line_breaks(doc, self._heads, self._tails)
        for matcher in self._matchers.values():
            if len(matcher):
                for match_id, start, end in matcher(view):
                    if index is not None:
                        start, end = index[start], index[end - 1] + 1
                    spans.append(Span(doc, start, end, label="jargon", span_id=match_id))
        kept = [s for s in filter_spans(spans) if not (self._in_proper_name(s) or self._credential(s))]
        doc.spans[JARGON_KEY] = sorted(kept, key=lambda s: s.start)
        return doc

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
