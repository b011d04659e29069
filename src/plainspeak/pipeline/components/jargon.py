"""Lexicon jargon matcher: marks lexicon terms in ``doc.spans["plainspeak_jargon"]``.

Terms are tokenised by the pipeline's own tokenizer and matched on three token
attributes: LEMMA (any inflection, any case), LOWER (fixed wording, any case)
and ORTH (acronyms, case-sensitive). Hyphen and space variants of multi-word
terms are extra patterns, and extra white space inside a phrase, up to a single
line break, is skipped ("prior\nto" in hard-wrapped text, "prior  to"). Where matches overlap, the longest wins.
Each span carries ``label_ == "jargon"`` and ``id_ == <entry id>``, so the
entry can be looked up after serialisation.

Lemma terms also match the inflected forms of their head word that the lookup
table lacks ("copays", "handoffs"): data/term_inflections.tsv lists them for the
shipped lexicon; other head words are inflected with lemminflect when the
matcher is built (see lemmatizer.missing_inflections). An entry's ``context``
rules ("not before: of") are checked on each match; a match that fails them is
dropped before the longest match is chosen.

Patterns are tuples of string hashes, indexed by their first word, and
matched against ``Doc.to_array`` columns. spaCy's PhraseMatcher needs a Doc
per pattern: ~0.14 s to build for 1,600 terms, a fifth of a short run; this
builds in ~0.02 s and matches as fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...datafiles import grammar_words
from ...errors import LexiconError
from ...rules.lexicon import (
    ContextRule,
    Entry,
    Lexicon,
    default_lexicon_path,
    load_lexicon,
    merge_entries,
    parse_lexicon,
)
from ...rules.lexicon_tools import entries_csv
from . import JARGON_KEY
from .arrays import KeySet, string_key, token_array
from .headings import NAME_GLUE, in_a_heading
from .lemmatizer import inflections_of, lookup_lemma
from .words import is_credential

# Columns of the token array, most specific first: of two matches of the same
# length, the first found wins ("deeming" as written beats the lemma of "deem").
_COLUMNS = {"exact": 0, "lower": 1, "lemma": 2}
_ARRAY_ATTRS = [ORTH, LOWER, LEMMA, IS_SPACE]


def _after_self(span: Span) -> bool:
    """The second half of a "self-" word ("self-sufficient", "self-administered"):
    a word of its own, which a swap of its half would break ("self-enough")."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
        and doc[i - 2].lower_ == "self"


def _a_thing_in_capitals(span: Span) -> bool:
    """A capitalised run after "your", "a", "an" ... that does not end in a name's
    head word: the writer's Title Case for a thing ("your Annual Recertification",
    "a Stipulation Agreement"), not a name ("your Peer Support Program")."""
    doc = span.doc
    i = span.start
    while i > 0 and "\n" not in doc[i - 1].text and not (doc[i - 1].is_sent_start and doc[i - 1].lower_ in _THING_DETERMINERS) and (
        doc[i - 1].is_space or doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in NAME_GLUE
    ):  # "Your Annual Recertification" at a sentence's start: "Your" is the determiner
        if doc[i - 1].is_sent_start or span.start - i > _MAX_RUN:
            return False  # a run this long is no thing's name (nor scanned word by word on a huge line)
        i -= 1
    before = next((t for t in reversed(doc[max(0, i - 2) : i]) if not t.is_space), None)
    if before is None or before.lower_ not in _THING_DETERMINERS:
        return False
    j = span.end
    while j < len(doc) and "\n" not in doc[j].text and (doc[j].text[:1].isupper() or doc[j].is_space):
        j += 1
        if j - span.end > _MAX_RUN:
            return False
    last = next((t for t in reversed(doc[span.start : j]) if t.is_alpha), None)
    return last is not None and last.lower_ not in grammar_words("name_heads")


_THING_DETERMINERS = frozenset(["your", "my", "his", "her", "their", "our", "a", "an"])
_MAX_RUN = 24  # tokens: a dozen capitalised words with their spaces


def _capitalised_neighbour(span: Span, step: int) -> bool:
    """The nearest word before (step -1) or after (+1) the span on the same line
    and in the same sentence, past glue words, is capitalised."""
    doc = span.doc
    i = span.start - 1 if step < 0 else span.end
    while 0 <= i < len(doc):
        token = doc[i]
        if "\n" in token.text or (step > 0 and token.is_sent_start):
            return False
        if token.is_alpha and token.lower_ not in NAME_GLUE:
            # A sentence-initial "We" or "Please" is capitalised for the sentence, not a name.
            # A month or a weekday is capitalised for itself: "Effective June 1" is no name.
            return token.text[:1].isupper() and not ((token.is_sent_start and token.is_stop) or token.lower_ == "please"
                                                     or token.lower_ in grammar_words("calendar_words"))
        if not (token.is_alpha or token.is_space or token.text in "&-") or (step < 0 and token.is_sent_start):
            return False
        i += step
    return False


_PLAIN_FORM = re.compile(r"^[A-Za-z]+(?:[ -][A-Za-z]+)*$")
_PLAIN_SPLIT = re.compile(r"[A-Za-z]+|-")


_MIX = numpy.uint64(0x9E3779B97F4A7C15)


def _pair(first, second):
    """One number for two string hashes (numbers or arrays; wraps around in 64 bits).
    A collision only makes an extra candidate, which is then checked word by word."""
    with numpy.errstate(over="ignore"):
        return numpy.uint64(first) * _MIX ^ numpy.uint64(second) if numpy.isscalar(first) else first * _MIX ^ second  # type: ignore[arg-type]


def split_term(form: str, nlp: Language, specials: set[str]) -> list[str]:
    """The words of a term, as the tokenizer would split them. Plain letters,
    spaces and hyphens split the way spaCy's English rules do ("follow-up" ->
    follow - up), without creating a Doc and a vocabulary entry per word (the
    1,600 shipped terms took 0.05 s that way); anything else asks the tokenizer."""
    if _PLAIN_FORM.match(form) and not any(w.lower() in specials for w in form.replace("-", " ").split()):
        return _PLAIN_SPLIT.findall(form)
    return [t.text for t in nlp.make_doc(form)]


# A closed word after one of these is also written with a hyphen: "redetermination"
# as "re-determination", "presentence report" as "pre-sentence report", "copayment"
# as "co-payment" (after "co", only where the rest is a common word).
_HYPHEN_PREFIXES = ("re", "pre", "over", "under", "non", "post", "sub", "inter", "multi", "co")


def _a_common_word(word: str) -> bool:
    from ...text.frequency import common_zipf

    return (common_zipf(word.lower()) or 0) >= 3


def term_variants(entry: Entry) -> Iterator[str]:
    """Written forms of a term: hyphen/space/closed variants, a prefix written with
    a hyphen, and acronym plurals."""
    term = " ".join(entry.term.split())
    forms = {term}
    if "-" in term:
        forms.add(term.replace("-", " "))
        forms.add(term.replace("-", ""))
    words = term.split(" ")
    if 1 < len(words) <= 3:
        forms.add("-".join(words))
    if entry.match != "exact" and len(words) <= 3:
        for k, word in enumerate(words):
            prefix = next((p for p in _HYPHEN_PREFIXES if word.lower().startswith(p) and len(word) - len(p) >= 5), None)
            if prefix == "co" and not _a_common_word(word[2:]):
                continue  # "co-payment", not "co-mpliance"
            if prefix is not None and word.isalpha():
                forms.add(" ".join([*words[:k], f"{word[:len(prefix)]}-{word[len(prefix):]}", *words[k + 1:]]))
    if entry.match == "exact" and term[-1:].isupper():
        forms.update(f + "s" for f in list(forms))
    yield from sorted(forms)


def inflected_word(entry: Entry, tokens: list[str]) -> int | None:
    """Which of the tokens of a written form of ``entry``'s term takes the
    inflection: the one that ends the term's last word for a noun, its first
    word for a verb ("suffer from", "de-escalate" -> "de-escalated"). Written
    forms differ only in spaces and hyphens, so the token is found by counting
    letters. None for other parts of speech: adjectives and adverbs compare
    with more/most, and an empty ``pos`` marks a phrase that never changes form."""
    if entry.pos == "noun":
        if tokens[-1][-1:].isalnum():  # the common case: the last token
            return len(tokens) - 1
        head_end = _letters(entry.term)
    elif entry.pos == "verb":
        first = entry.term.split(None, 1)[0]
        if tokens[0] == first:  # the common case, "suffer from": the first token
            return 0
        head_end = _letters(first)
    else:
        return None
    count = 0
    for i, token in enumerate(tokens):
        count += _letters(token)
        if count >= head_end:
            return i
    return None


def _letters(text: str) -> int:
    return sum(map(str.isalnum, text))


class _CompiledRule:
    """A :class:`ContextRule` with its phrases split into words as the tokenizer splits text."""

    __slots__ = ("by_first", "looks_ahead", "looks_back", "only", "phrases", "reach", "within")

    def __init__(self, rule: ContextRule, nlp: Language, specials: set[str]) -> None:
        self.only = rule.only
        self.looks_ahead = rule.position in ("before", "near")  # the term stands before the words
        self.looks_back = rule.position in ("after", "near")  # ... or after them
        self.within = rule.within
        phrases = {tuple(w.lower() for w in split_term(p, nlp, specials) if _is_word(w)) for p in rule.phrases}
        self.phrases = sorted(p for p in phrases if p)
        # Phrases by their first word: a word is looked up once, not compared with every phrase.
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.phrases:
            self.by_first.setdefault(phrase[0], []).append(phrase)
        # How many words to read: a phrase may start on the last word of the window.
        self.reach = rule.within + max((len(p) for p in self.phrases), default=1) - 1

    def holds(self, doc: Doc, start: int, end: int) -> bool:
        found = (self.looks_ahead and self._found_after(doc, end)) or (self.looks_back and self._found_before(doc, start))
        return found if self.only else not found

    def _found_after(self, doc: Doc, end: int) -> bool:
        words = _words(doc, end, +1, self.reach)
        return any(_phrase_at(words, k, phrase)
                   for k in range(min(self.within, len(words))) for first in _forms(words[k])
                   for phrase in self.by_first.get(first, ()))

    def _found_before(self, doc: Doc, start: int) -> bool:
        words = _words(doc, start - 1, -1, self.reach)[::-1]  # in reading order
        return any(k + len(phrase) > len(words) - self.within and _phrase_at(words, k, phrase)
                   for k in range(len(words)) for first in _forms(words[k])
                   for phrase in self.by_first.get(first, ()))


def _a_plural_noun(token) -> bool:
    """A word written with an -s its lemma lacks ("essentials" for "essential")."""
    lower = token.lower_
    return lower.endswith("s") and lower != token.lemma_.lower()


def _forms(word: tuple[str, str]) -> tuple[str, ...]:
    """A word's lower-case form and lemma, once each: what a phrase's first word may be."""
    return word[:1] if word[0] == word[1] else word


def _spaced_dash_inside(doc: Doc, start: int, end: int) -> bool:
    """A "-" with space on either side within the span: a dash or a list's bullet,
    which a term written with a hyphen ("follow-up") does not match across."""
    for k in range(start + 1, end - 1):
        token = doc[k]
        if token.text == "-" and (token.whitespace_ or doc[k - 1].whitespace_ or doc[k - 1].is_space):
            return True
    return False


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _words(doc: Doc, i: int, step: int, count: int) -> list[tuple[str, str]]:
    """Up to ``count`` words (lower case, lemma) from token ``i`` on, in the
    direction of ``step``, within the sentence; punctuation and spaces are skipped."""
    words: list[tuple[str, str]] = []
    while 0 <= i < len(doc) and len(words) < count:
        token = doc[i]
        if step > 0 and token.is_sent_start and not _continues_a_line(doc, i):
            break
        if _is_word(token.text):
            words.append((token.lower_, token.lemma_))
        if step < 0 and token.is_sent_start and not _continues_a_line(doc, i):
            break
        i += step
    return words


def _continues_a_line(doc: Doc, i: int) -> bool:
    """Token ``i`` starts a line but goes on the sentence before it: a lower-case
    word after one line break ("is distinguished\nby services"), as in hard-wrapped
    text, whatever the sentence splitter made of it."""
    return i > 0 and doc[i].text[:1].islower() and doc[i - 1].is_space and doc[i - 1].text.count("\n") == 1


def _phrase_at(words: list[tuple[str, str]], k: int, phrase: tuple[str, ...]) -> bool:
    """The phrase's words from ``words[k]`` on: each written so or as its base form
    (a rule's "result" matches "results"; its "results" only "results")."""
    if k + len(phrase) > len(words):
        return False
    return all(w in words[k + j] for j, w in enumerate(phrase))


_Patterns = list[dict[int, tuple[list[str], dict[int, list[tuple[tuple[int, ...], str]]]]]]


class JargonMatcher:
    """Finds lexicon terms; ``self.lexicon`` is the :class:`Lexicon` in use.

    Like spaCy's SpanRuler, the component is made with the shipped lexicon (or
    none, ``default_lexicon=False``), receives user lexicons through
    :meth:`initialize` (``lexicon=`` a loaded one, or ``lexicon_paths=``, which
    ``[initialize.components.plainspeak_jargon]`` can give), and saves the entries
    that are not the shipped ones with the pipeline (``to_disk``/``to_bytes``), so a
    saved pipeline loads from any folder. Components that use the lexicon too
    (plainspeak_uncommon, plainspeak_mentions) get it from here, through their
    ``use_lexicon``, whenever it changes: one owner, no copies to drift.
    """

    _patterns: _Patterns

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        name: str = "plainspeak_jargon",
        *,
        use_index: bool = True,
        default_lexicon: bool = True,
    ) -> None:
        self.name = name
        self.default_lexicon = default_lexicon
        self._nlp = nlp
        self._specials = {k.lower() for k in (getattr(nlp.tokenizer, "rules", None) or {})}
        self._use_index = use_index
        self.set_lexicon(lexicon)

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Match ``lexicon`` from now on, and hand it to the components that use it."""
        self.lexicon = lexicon
        # Context rules are compiled when their entry first matches: most runs need few.
        self._context = {entry.id: entry.context_rules for entry in lexicon if entry.context_rules}
        self._compiled: dict[str, list[_CompiledRule]] = {}
        self._adjectives = frozenset(entry.id for entry in lexicon if entry.pos == "adj" and entry.match == "lemma")
        index = lexicon.index if self._use_index else None
        if index is not None:  # the shipped lexicon, compiled ahead of time (lexicon_index.py)
            self._patterns = index.patterns
            self._singles = [KeySet.from_sorted(keys) for keys in index.singles]
            self._pairs = [KeySet.from_sorted(keys) for keys in index.pairs]
        else:
            self._compile(self._nlp, lexicon, self._specials)
        pipes = [pipe for _, pipe in self._nlp.pipeline]
        if any(pipe is self for pipe in pipes):  # a matcher made apart (explain, tests) hands nothing over
            for pipe in pipes:
                if pipe is not self and hasattr(pipe, "use_lexicon"):
                    pipe.use_lexicon(lexicon)

    def initialize(
        self,
        get_examples=None,
        *,
        nlp: Language | None = None,
        # Builtin types only: spaCy validates these with pydantic, which cannot see our imports.
        lexicon: Any = None,  # a Lexicon
        lexicon_paths: list[str] | tuple[str, ...] = (),
    ) -> None:
        """Use ``lexicon``, or the shipped lexicon (unless ``default_lexicon`` is off)
        plus the files in ``lexicon_paths``; called by ``nlp.initialize()`` too."""
        if lexicon is None:
            lexicon = load_lexicon(lexicon_paths, include_default=self.default_lexicon)
        self.set_lexicon(lexicon)

    # --- saving with the pipeline -------------------------------------------------------------

    def _own_entries_csv(self) -> str:
        """The entries that are not the shipped lexicon's, as a lexicon CSV."""
        shipped = str(default_lexicon_path())
        own = [e for e in self.lexicon if e.origin.rpartition(":")[0] != shipped]
        return entries_csv(own)

    def _restore(self, cfg: dict, own_csv: str, where: str) -> None:
        self.default_lexicon = bool(cfg.get("default_lexicon", True))
        base = load_lexicon((), include_default=self.default_lexicon)
        entries, problems = parse_lexicon(own_csv, where)
        if problems:
            raise LexiconError(problems[0])
        self.set_lexicon(merge_entries(base, entries, where) if entries else base)

    def to_bytes(self, *, exclude: Sequence[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"cfg": {"default_lexicon": self.default_lexicon}, "lexicon": self._own_entries_csv()})

    def from_bytes(self, data: bytes, *, exclude: Sequence[str] = ()) -> JargonMatcher:
        msg = srsly.msgpack_loads(data)
        self._restore(msg["cfg"], msg["lexicon"], f"{self.name} (bytes)")
        return self

    def to_disk(self, path, *, exclude: Sequence[str] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        srsly.write_json(folder / "cfg.json", {"default_lexicon": self.default_lexicon})
        (folder / "lexicon.csv").write_text(self._own_entries_csv(), encoding="utf-8")

    def from_disk(self, path, *, exclude: Sequence[str] = ()) -> JargonMatcher:
        folder = Path(path)
        lexicon_file = folder / "lexicon.csv"
        self._restore(srsly.read_json(folder / "cfg.json"), lexicon_file.read_text(encoding="utf-8"), str(lexicon_file))
        return self

    def _compile(self, nlp: Language, lexicon: Lexicon, specials: set[str]) -> None:
        strings = nlp.vocab.strings
        # Per column: first key -> (ids of one-word terms, second key -> [(keys, id)]),
        # so a common first word ("in": 70 phrases) costs one lookup, not 70 comparisons.
        self._patterns = [{}, {}, {}]
        generated: list[tuple[list[str], str]] = []
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
                    at = inflected_word(entry, words)
                    if at is not None:
                        for inflected in inflections_of(written[at], entry.pos):
                            generated.append(([*written[:at], inflected, *written[at + 1:]], entry.id))
                for sequence in sequences:
                    self._add(column, sequence, entry.id, strings)
        # Forms of head words the lookup table does not lemmatise back ("copays"),
        # matched as written (so "leaves" for "leaf" does not also match every
        # "leave"), unless another entry has that form as its own term ("cokeheads").
        for sequence, entry_id in generated:
            owners = self._owners(_COLUMNS["lower"], sequence, strings) | self._owners(
                _COLUMNS["lemma"], [lookup_lemma(w) for w in sequence], strings
            )
            if owners <= {entry_id}:
                self._add(_COLUMNS["lower"], sequence, entry_id, strings)
        # Sorted keys to find candidates with array searches: first words of one-word
        # terms, and first-two-word pairs (mixed into one number) of longer ones.
        self._singles = [KeySet(k for k, (ones, _) in table.items() if ones) for table in self._patterns]
        self._pairs = [
            KeySet(int(_pair(k1, k2)) for k1, (_, by_second) in table.items() for k2 in by_second)
            for table in self._patterns
        ]

    def _owners(self, column: int, sequence: list[str], strings) -> set[str]:
        """Ids of the entries with exactly this pattern in this column."""
        keys = tuple(string_key(w) for w in sequence)
        singles, by_second = self._patterns[column].get(keys[0], ((), {}))
        if len(keys) == 1:
            return set(singles)
        return {i for k, i in by_second.get(keys[1], ()) if k == keys}

    def _add(self, column: int, sequence: list[str], entry_id: str, strings) -> None:
        keys = tuple(string_key(w) for w in sequence)
        singles, by_second = self._patterns[column].setdefault(keys[0], ([], {}))
        if len(keys) == 1:
            if entry_id not in singles:
                singles.append(entry_id)
            return
        bucket = by_second.setdefault(keys[1], [])
        if (keys, entry_id) not in bucket:
            bucket.append((keys, entry_id))

    def __call__(self, doc: Doc) -> Doc:
        kept = [s for s in self.spans(doc) if not (self._in_proper_name(s) or self._credential(s) or self._in_code(s)
                                                   or _after_self(s))]
        doc.spans[JARGON_KEY] = sorted(kept, key=lambda s: s.start)
        return doc

    def spans(self, doc: Doc, *, context: bool = True) -> list[Span]:
        """The terms found, in text order; where they overlap the longest wins.
        ``context=False`` ignores the entries' context rules: ``explain`` looks
        up "suffers from" with no sentence around it."""
        spans: list[Span] = []
        if len(doc):
            for start, end, entry_id in self._matches(doc):
                if end - start > 2 and _spaced_dash_inside(doc, start, end):
                    continue  # "warm - handoff", "supplements\n- Your": a dash or a bullet, not a hyphen
                if context and entry_id in self._context and not self._fits_context(doc, start, end, entry_id):
                    continue  # "result in denial of": not the sense the entry is about
                if entry_id in self._adjectives and _a_plural_noun(doc[end - 1]):
                    continue  # "the essentials", "fees for services" (fee-for-service): an adjective has no plural
                spans.append(Span(doc, start, end, label="jargon", span_id=entry_id))
        return filter_spans(spans)

    def _fits_context(self, doc: Doc, start: int, end: int, entry_id: str) -> bool:
        rules = self._compiled.get(entry_id)
        if rules is None:
            rules = [_CompiledRule(rule, self._nlp, self._specials) for rule in self._context[entry_id]]
            self._compiled[entry_id] = rules
        return all(rule.holds(doc, start, end) for rule in rules)

    def _matches(self, doc: Doc):
        """``(start, end, entry id)`` for every pattern found, most specific column first."""
        arr = token_array(doc, _ARRAY_ATTRS)
        # White-space tokens with at most one line break (hard-wrapped text, double
        # spaces) do not break a phrase: match over the other tokens, then map back.
        # Blank lines still separate.
        spaces = numpy.flatnonzero(arr[:, 3])
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
            mask = self._singles[column].contains(values)
            if n > 1 and len(self._pairs[column]):
                mask[:-1] |= self._pairs[column].contains(_pair(values[:-1], values[1:]))
            candidates = numpy.flatnonzero(mask).tolist()
            if not candidates:
                continue
            keys_list = values.tolist()
            for p in candidates:
                singles, by_second = table.get(keys_list[p], ((), {}))
                found = [(p + 1, entry_id) for entry_id in singles]
                if p + 1 < n and keys_list[p + 1] in by_second:
                    for keys, entry_id in by_second[keys_list[p + 1]]:
                        size = len(keys)
                        if p + size <= n and tuple(keys_list[p : p + size]) == keys:
                            found.append((p + size, entry_id))
                for end, entry_id in found:
                    if positions is None:
                        yield p, end, entry_id
                    else:
                        yield positions[p], positions[end - 1] + 1, entry_id

    def _in_code(self, span: Span) -> bool:
        """An acronym glued by a hyphen into a code or a name: "SSA-L8155-U2" (a form
        number), "HUD-VASH" (a program): the whole is what the reader looks for."""
        entry = self.lexicon.get(span.id_)
        if entry is None or entry.match != "exact":
            return False
        doc = span.doc
        for i, step in ((span.start - 1, -1), (span.end, 1)):
            if 0 <= i < len(doc) and doc[i].text == "-" and not doc[i].whitespace_ and (step > 0 or not doc[i - 1].whitespace_):
                other = i + step
                if 0 <= other < len(doc) and doc[other].text[:1].isalnum() and (
                    doc[other].text.isupper() or any(ch.isdigit() for ch in doc[other].text)
                ):
                    return True
        return False

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
        words = [t for t in span if t.is_alpha and t.lower_ not in NAME_GLUE]
        if span[-1].text.islower():  # a name does not end on "to": "Navigate to the Documents tab"
            return False
        if not words or not all(t.text[:1].isupper() and not t.is_upper for t in words):
            return False
        if in_a_heading(span.doc, span.start, span.end):
            return False
        if not (_capitalised_neighbour(span, -1) or _capitalised_neighbour(span, +1)):
            return False
        return not _a_thing_in_capitals(span)


@Language.factory(
    "plainspeak_jargon",
    assigns=["doc.spans"],
    requires=["token.lemma"],
    default_config={"default_lexicon": True},
)
def make_jargon_matcher(nlp: Language, name: str, default_lexicon: bool) -> JargonMatcher:
    """The shipped lexicon, or none with ``default_lexicon=False``; user lexicons
    come through ``initialize`` (``lexicon_paths``)."""
    return JargonMatcher(nlp, load_lexicon((), include_default=default_lexicon), name, default_lexicon=default_lexicon)
