"""Mentions are not uses: drop word findings where the text talks *about* a term.

A plain-language editor does not change "the term 'warm handoff'", "treatment,
also called MAT", "IOP means a day program", a word in a short quotation, or
a term in the act of being explained ("MAT, or medicine for addiction"; "MAT
(medicine for addiction)"; "medicine for addiction (MAT)"). The writer is
already doing what we would ask. This component runs after the word
components and removes such spans from their groups; `fix` then never swaps
them either.

A term the text explains is also *defined*: ``doc.spans["plainspeak_term_definitions"]``
holds it (``id_`` = lexicon entry id) so that later uses in the same input are
accepted too (extract carries definitions across a long input's pieces). An
acronym explained as "IOP, or intensive outpatient program" joins the acronym
definitions. The cue words live in data/mentions.toml.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...datafiles import data_path, grammar_words
from . import ACRONYM_DEFINITIONS_KEY, ACRONYM_KEY, JARGON_KEY, STYLE_KEY, TERM_DEFINITIONS_KEY, UNCOMMON_KEY, doc_text
from .acronyms import BRACKETS, LONG_FORM_GLUE, QUOTES, acronym_base, matches_long_form
from .arrays import KeySet, string_key, token_array

_DASHES = frozenset({"~", "-", "\u2013", "\u2014", ":", "="})
# Quotation marks, not apostrophes (the text is prepared: curly quotes are straight)
_UNQUOTED = re.compile("\"|(?<!\\w)'|'(?!\\w)")
_WORD = re.compile(r"[a-z0-9']+")
_NAME_WORD = re.compile(r"[A-Za-z][\w'-]*")
# "a tool called (a)", ", called (a)" right before a term
_CALLED = re.compile(r"(?:,|\b(?:an?|another|some)(?:[ \t]+[a-z-]+){0,2}[ \t]+(?P<thing>[a-z-]+))[ \t]+called[ \t]+(?:(?:an?|the)[ \t]+)?[\"']?$",
                     re.IGNORECASE)
# Entries whose words are general English or labels: a phrase explained does not explain them.
_GENERAL_CATEGORIES = frozenset(["wordy", "person-first"])
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "for", "and", "or", "in", "on", "at", "by", "with", "your", "you", "we", "our", "it", "is", "are", "be", "this", "that", "as", "from"]
)


@dataclass(frozen=True)
class Cues:
    """What marks a mention (data/mentions.toml)."""

    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    after_bare: tuple[tuple[str, ...], ...]
    after_general: tuple[tuple[str, ...], ...]
    determiners: frozenset[str]
    max_quoted_words: int
    min_bracket_words: int
    max_bracket_words: int
    max_or_words: int
    not_a_bracket_definition: tuple[tuple[str, ...], ...]
    not_what_it_is: frozenset[str]  # the noun before "of/that/...": "is a necessary part of"
    not_what_it_is_before_of: frozenset[str]  # only before "of": "is a condition of"
    claims_about_it: frozenset[str]  # anywhere: "is the only way that"


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    with open(data_path("mentions.toml"), "rb") as fh:
        data = tomllib.load(fh)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted({tuple(p.lower().split()) for p in data[key]}, key=len, reverse=True))

    return Cues(
        phrases("before"),
        phrases("after"),
        phrases("after_bare"),
        phrases("after_general"),
        frozenset(w.lower() for w in data["determiners"]),
        int(data["max_quoted_words"]),
        int(data["min_bracket_definition_words"]),
        int(data["max_bracket_definition_words"]),
        int(data["max_or_definition_words"]),
        phrases("not_a_bracket_definition"),
        frozenset(w.lower() for w in data["not_what_it_is"]),
        frozenset(w.lower() for w in data["not_what_it_is_before_of"]),
        frozenset(w.lower() for w in data["claims_about_it"]),
    )


_ARTICLES = frozenset(["a", "an", "the"])


class Mentions:
    def __init__(self, name: str, lexicon=None) -> None:
        self.name = name
        self.cues = load_cues()
        self.lexicon = lexicon
        self._explanations: dict[str, frozenset[str]] = {}
        self._plains: dict[str, frozenset[str]] = {}
        # Cues by the word next to the term (in list order): a span tries only the cues
        # its neighbour could end or start, not all of them (1 s over 1M words).
        self._before: dict[str, list[tuple[str, ...]]] = {}
        for cue in self.cues.before:
            self._before.setdefault(cue[-1], []).append(cue)
        self._after = {w for cue in (*self.cues.after, *self.cues.after_bare, *self.cues.after_general) for w in cue[:1]}
        # Where a Doc's quotation marks are: a span with none on one side is no quotation,
        # found without walking its neighbours token by token.
        self._quote_keys = KeySet(string_key(q) for q in QUOTES)
        self._quotes: list[int] = []
        self._words_upto: list[int] = []  # words before each token of the Doc in _quotes_of
        self._quotes_of: Doc | None = None  # the Doc whose quotation marks _quotes holds

    def use_lexicon(self, lexicon) -> None:
        """Called by plainspeak_jargon whenever its lexicon is set."""
        self.lexicon = lexicon
        self._explanations.clear()
        self._plains.clear()

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self._find_quotes(doc)
        definitions: list[Span] = []
        acronym_definitions: list[Span] = list(doc.spans.get(ACRONYM_DEFINITIONS_KEY, ()))
        # A legal citation is flagged whole ("7 CFR 273.7"): not its acronym again.
        citations = [(s.start, s.end) for s in doc.spans.get(STYLE_KEY, ()) if s.label_ == "style.citation"]
        for key in (JARGON_KEY, ACRONYM_KEY, UNCOMMON_KEY, STYLE_KEY):
            if key not in doc.spans:
                continue
            kept: list[int] = []
            for i, span in enumerate(doc.spans[key]):
                if key == STYLE_KEY:  # a phrase talked about: 'the phrase "make a payment"'
                    if not self.is_mention(span):
                        kept.append(i)
                    continue
                if any(start <= span.start and span.end <= end for start, end in citations):
                    continue
                mention, defined = self._mentioned_or_explained(span)
                if defined and key == JARGON_KEY:
                    definitions.append(Span(doc, span.start, span.end, label="definition", span_id=span.id_))
                    definitions.extend(self._head_defined(span))
                if defined and acronym_base(span.text) is not None:
                    acronym_definitions.append(Span(doc, span.start, span.end, label="definition"))
                if not (mention or defined):
                    kept.append(i)
            group = doc.spans[key]
            if len(kept) < len(group):
                # attrs that list something per span (the style rules' messages ...) keep in step
                attrs = {
                    name: [value[i] for i in kept] if isinstance(value, list) and len(value) == len(group) else value
                    for name, value in group.attrs.items()
                }
                doc.spans[key] = [group[i] for i in kept]
                doc.spans[key].attrs.update(attrs)
        doc.spans[TERM_DEFINITIONS_KEY] = definitions
        doc.spans[ACRONYM_DEFINITIONS_KEY] = sorted(acronym_definitions, key=lambda s: s.start)
        return doc

    def _head_defined(self, span: Span) -> list[Span]:
        """A phrase's last word, where it is a term of its own with one sense in the
        phrase's own field, is defined with it: "A urinary catheter is a thin tube ..."
        explains "the catheter" later on (not "Prior authorization (...)" the
        "authorization to release records": a wordy entry's general word)."""
        phrase = self.lexicon.get(span.id_) if self.lexicon is not None and span.id_ else None
        if len(span) < 2 or phrase is None or phrase.category in _GENERAL_CATEGORIES:
            return []
        head = span[-1]
        ids = self.lexicon.ids_of_term(head.text) or self.lexicon.ids_of_term(head.lemma_)
        if len(ids) != 1 or self.lexicon[ids[0]].category != phrase.category:
            return []
        return [Span(doc=span.doc, start=head.i, end=head.i + 1, label="definition", span_id=ids[0])]

    def is_mention(self, span: Span) -> bool:
        """In a short quotation, or right after "the term" / before "means"."""
        return self._quoted(span) or self._cue_before(span) or self._cue_after(span)

    def _mentioned_or_explained(self, span: Span) -> tuple[bool, bool]:
        """``(is_mention, explained here)``, each cue looked for once. Explained: in
        brackets, with ", or ...", or named ("also called MAT", "SSI stands for ..."),
        which makes later uses defined too."""
        before = self._cue_before_kind(span)  # None, "named" or "talked about"
        after = self._cue_after(span)
        mention = before is not None or after or self._quoted(span)
        if self._labels_a_person(span.id_):
            return mention, False  # explained or not, the label stays in the text: "dirty (positive)"
        explained = before == "named" or after or self._bracketed(span) or self._explained_by_or(span) \
            or self._spelled_out_beside_a_dash(span) or self._spelled_out_before_or(span) \
            or self._said_what_it_is(span) or self._spelled_out_after_is(span)
        return mention, explained

    def _labels_a_person(self, entry_id: str) -> bool:
        """A person-first (stigma) entry: an explanation does not take the label back."""
        entry = self.lexicon.get(entry_id) if self.lexicon and entry_id else None
        return entry is not None and entry.category == "person-first"

    def _find_quotes(self, doc: Doc) -> None:
        cols = token_array(doc, [ORTH, IS_SPACE, IS_PUNCT])
        self._quotes = numpy.flatnonzero(self._quote_keys.contains(cols[:, 0])).tolist()
        # words (not space or punctuation) before each token: a quotation mark more
        # than max_quoted_words words away is not walked to (_nearest would give up)
        words = (cols[:, 1] == 0) & (cols[:, 2] == 0)
        self._words_upto = numpy.concatenate(([0], numpy.cumsum(words))).tolist() if self._quotes else []
        self._quotes_of = doc

    def _quoted(self, span: Span) -> bool:
        doc = span.doc
        if self._quotes_of is not doc:  # called on its own (is_mention), not from __call__
            self._find_quotes(doc)
        at = bisect_left(self._quotes, span.start)
        if at == 0 or self._quotes[-1] < span.end:
            return False  # no quotation mark before the span, or none after it
        most, upto = self.cues.max_quoted_words, self._words_upto
        if upto[span.start] - upto[self._quotes[at - 1] + 1] > most:
            return False  # the nearest mark before is too many words away
        after = self._quotes[bisect_left(self._quotes, span.end)]
        if upto[after] - upto[span.end] > most:
            return False  # and the one after
        opening = _nearest(doc, span.start - 1, -1, self.cues.max_quoted_words)
        if opening is None or doc[opening].text not in QUOTES or not _opens(doc, opening):
            return False
        closing = _nearest(doc, span.end, +1, self.cues.max_quoted_words)
        return closing is not None and doc[closing].text in QUOTES and _closes(doc, closing)

    def _cue_before(self, span: Span) -> bool:
        return self._cue_before_kind(span) is not None

    def _cue_before_kind(self, span: Span) -> str | None:
        """ "named" after "also called" / "known as"; "talked about" after "the term"
        and the like; None without a cue."""
        words = _words_before(span, 2)
        if not words or (words[-1] not in self._before and words[-1] not in _ARTICLES):
            return None  # no cue ends with the word before (most spans stop here)
        words = _words_before(span, 5)
        if len(words) > 1 and words[-1] in _ARTICLES and words[-2] in ("called", "as"):
            words = words[:-1]  # "is called a continuance", "known as the IOP": named here too
        for cue in self._before.get(words[-1], ()) if words else ():
            if tuple(words[-len(cue):]) == cue:
                return "named" if cue[-1] in ("called", "as") else "talked about"  # "also called MAT": MAT is named here
        return "named" if self._called_after_a_thing(span) else None

    @staticmethod
    def _called_after_a_thing(span: Span) -> bool:
        """ "a tool called a colonoscope", "a care plan, called a protocol": a thing, then
        "called", names the term ("a nurse called a doctor" phoned one; a bare "called"
        after a name or "she" is no cue)."""
        match = _CALLED.search(doc_text(span.doc), max(0, span.start_char - 80), span.start_char)
        return match is not None and (match.group("thing") or "").lower() not in grammar_words("people_nouns")

    def _cue_after(self, span: Span) -> bool:
        words = _words_after(span, 1)
        if not words or words[0] not in self._after:
            return False
        words = _words_after(span, 4)
        if any(tuple(words[: len(cue)]) == cue for cue in self.cues.after):
            return True
        before = _words_before(span, 1)
        bare = not before or (before[0] not in self.cues.determiners and not before[0].endswith(("'s", "'")))
        if bare and any(tuple(words[: len(cue)]) == cue for cue in self.cues.after_bare):
            return True
        general = bare or before[0] in _ARTICLES
        return general and any(tuple(words[: len(cue)]) == cue for cue in self.cues.after_general)

    def _bracketed(self, span: Span) -> bool:
        """ "TERM (what it means)" or "what it means (TERM)" """
        doc = span.doc
        after = _skip_space(doc, span.end, +1)
        if after is not None and doc[after].text in BRACKETS:
            inside = _until(doc, after + 1, BRACKETS[doc[after].text], self.cues.max_bracket_words + 4)
            if inside is not None and 0 < _count_words(inside) < self.cues.min_bracket_words \
                    and self._names_its_plain_form(span, inside):
                return True  # one plain word: "adolescents (teens)"
            if (
                inside is not None
                and not (len(inside) and inside[0].text in QUOTES)  # a label: 'recertifications ("family obligations")'
                and self.cues.min_bracket_words <= _count_words(inside) <= self.cues.max_bracket_words
                and not self._adds_to_the_sentence(inside)
                and not (not span.text.isupper() and _count_words(inside) <= 4
                         and any(ch.isdigit() for ch in inside.text))  # "(ages 16 and up)": a limit; "TID (3 times a day)"
                and (self._names_its_plain_form(span, inside)
                     or self._explains(span, [t for t in inside if not (t.is_space or t.is_punct)]))
            ):
                return True
        before = _skip_space(doc, span.start - 1, -1)
        after = _skip_space(doc, span.end, +1)
        if before is None or doc[before].text not in BRACKETS or after is None \
                or doc[after].text != BRACKETS[doc[before].text]:
            return False
        if self._follows_its_plain_form(span, before):
            return True  # "Social Security (SSA)", as plainspeak fix spells an acronym out
        if self._spells_out_the_acronym_before(span, before):
            return False  # "PPOs (preferred provider organizations)": the acronym does not explain its long form
        words: list[Token] = []
        for token in reversed(doc[max(0, before - 12) : before]):
            if token.text in QUOTES:
                continue  # a quoted long form: '"Supplemental Security Income" (SSI)'
            if token.is_punct or "\n" in token.text:
                break
            if not token.is_space:
                words.insert(0, token)
        return bool(words) and self._explains(span, words)

    def _spells_out_the_acronym_before(self, span: Span, bracket: int) -> bool:
        acronym = _skip_space(span.doc, bracket - 1, -1)
        base = acronym_base(span.doc[acronym].text) if acronym is not None else None
        return base is not None and span.text[:1].lower() == base[0].lower() and matches_long_form(base, span.text)

    def _follows_its_plain_form(self, span: Span, bracket: int) -> bool:
        """One of the entry's own plain wordings stands right before the bracket
        around the term: "Women, Infants and Children food program (WIC)"."""
        plains = self._plain_forms(span.id_)
        if not plains:
            return False
        at = span.doc[bracket].idx
        said = " ".join(_UNQUOTED.sub("", doc_text(span.doc)[max(0, at - 120) : at]).lower().split())
        return any(said == p or said.endswith(" " + p) for p in plains)

    def _plain_forms(self, entry_id: str) -> frozenset[str]:
        """An entry's plain wordings, lower case, spaces collapsed, without the
        inflection marks ("*"), worked out once per entry."""
        forms = self._plains.get(entry_id)
        if forms is None:
            entry = self.lexicon.get(entry_id) if self.lexicon and entry_id else None
            plain = entry.plain if entry is not None else ()
            forms = self._plains[entry_id] = frozenset(" ".join(p.lower().replace("*", "").split()) for p in plain) - {""}
        return forms

    def _spelled_out_beside_a_dash(self, span: Span) -> bool:
        """An acronym, a dash, tilde or colon, and its long form ("WIC ~ Women, Infants
        and Children", "DHS - Department of Human Services"), or the long form first,
        as a heading has it ("Trial Work Period - TWP"): each word of the long form
        gives a letter, read away from the dash."""
        base = acronym_base(span.text)
        if base is None:
            return False
        doc, wanted = span.doc, base.upper()
        after = _skip_space(doc, span.end, +1)
        if after is not None and doc[after].text in _DASHES and "\n" not in doc[after].text \
                and _initials_read(doc[after + 1 : after + 2 + 3 * len(base) + 4], wanted, backwards=False):
            return True
        before = _skip_space(doc, span.start - 1, -1)
        return before is not None and doc[before].text in _DASHES and "\n" not in doc[before].text \
            and _initials_read(reversed(doc[max(0, before - 3 * len(base) - 4) : before]), wanted, backwards=True)

    def _spelled_out_before_or(self, span: Span) -> bool:
        """The long form, "or" and the acronym: "Low Income Subsidy or LIS", 'the
        "low-income subsidy" or LIS'. Each word before "or" gives a letter, read back
        (a hyphen inside a word and a closing quotation mark do not end it)."""
        base = acronym_base(span.text)
        if base is None:
            return False
        doc = span.doc
        conjunction = _skip_space(doc, span.start - 1, -1)
        if conjunction is None or doc[conjunction].lower_ != "or":
            return False
        end = conjunction
        while end > 0 and (doc[end - 1].is_space or doc[end - 1].text in QUOTES) and "\n" not in doc[end - 1].text:
            end -= 1
        words = [t for t in doc[max(0, end - 4 * len(base) - 4) : end]
                 if not (t.text == "-" and _inside_a_word(doc, t.i))]  # prepared text: every hyphen is "-"
        return _initials_read(reversed(words), base.upper(), backwards=True)

    def _spelled_out_after_is(self, span: Span) -> bool:
        """An acronym of three letters or more, "is (the)" and its long form in capitals
        on the same line: "WIC is the Special Supplemental Nutrition Program for Women,
        Infants, and Children". The capitalised words' initials must end with the
        acronym ("... Women, Infants, and Children"), or start and end with its first
        and last letters and hold the rest in order ("CMS is the Centers for Medicare
        & Medicaid Services"). Two letters are left out: "Your CM is Carla Moreno"
        names a person. ("means", "stands for": the cue lists.)"""
        base = acronym_base(span.text)
        if base is None or len(base) < 3:
            return False
        match = _IS_LONG_FORM.match(doc_text(span.doc), span.end_char)
        if match is None:
            return False
        initials = "".join(w[0] for w in _NAME_WORD.findall(match.group("name")) if w.lower() not in LONG_FORM_GLUE)
        wanted = base.upper()
        if initials.endswith(wanted):
            return True
        letters = iter(initials)
        return initials[:1] == wanted[0] and initials[-1:] == wanted[-1] and all(c in letters for c in wanted)

    def _names_its_plain_form(self, span: Span, inside) -> bool:
        """The brackets hold one of the entry's own plain wordings, in any case:
        "SNAP (Food Stamps)"."""
        said = " ".join(inside.text.lower().split())
        forms = self._plain_forms(span.id_)
        return said in forms or any(said.endswith(end) and said[: -len(end)] in forms for end in ("s", "es"))  # "(teens)"

    def _adds_to_the_sentence(self, inside) -> bool:
        """Brackets that start "including", "if", "e.g." ...: an aside, not what the term means."""
        words = tuple(t.lower_ for t in inside if not t.is_space)
        return any(words[: len(cue)] == cue for cue in self.cues.not_a_bracket_definition)

    def _explained_by_or(self, span: Span) -> bool:
        """ "TERM, or what it means," with the explanation matching the term."""
        doc = span.doc
        comma = _skip_space(doc, span.end, +1)
        if comma is None or doc[comma].text != ",":
            return False
        conjunction = _skip_space(doc, comma + 1, +1)
        if conjunction is None or doc[conjunction].lower_ != "or":
            return False
        words: list[Token] = []
        for token in doc[conjunction + 1 : conjunction + 2 + self.cues.max_or_words * 2]:
            if token.text in QUOTES:
                continue  # 'immunizations, or "shots",'
            if token.is_punct or token.is_sent_start or "\n" in token.text:
                break
            if not token.is_space:
                words.append(token)
        return 1 <= len(words) <= self.cues.max_or_words and self._explains(span, words, strict=True)

    def _said_what_it_is(self, span: Span) -> bool:
        """A sentence that starts with the term says what it is: "A urinary catheter is a
        thin tube that drains urine", "Hospice is care given at the end of life". A
        lexicon term's explanation must share a word with its advice ("An overpayment
        is a serious matter that ..." explains nothing); an acronym is not spelled out
        by it, so it is left to the acronym rules."""
        doc = span.doc
        if span.text.isupper() or not _is_or_are_next(doc, span.end):
            return False
        words: list[str] = []  # the sentence's words before the term
        i = span.start
        while not doc[i].is_sent_start and i > 0:
            i -= 1
            token = doc[i]
            if "\n" in token.text:
                break
            if token.is_space or token.text in QUOTES:
                continue
            if token.is_punct or len(words) == 2:
                return False
            words.append(token.lower_)
        if (len(words) == 2 and words[1] not in _ARTICLES) \
                or any(w in self.cues.determiners and w not in _ARTICLES for w in words):
            return False  # at most "a", "an" or "the" and one describing word: "A urinary catheter", not "Your catheter"
        text = doc_text(doc)
        match = _DEFINED_AS.match(text, span.end_char)
        if match is None:
            return False
        if self._a_claim_about_it(_WORD.findall(match.group().lower())):
            return False  # "is a necessary part of any assessment": a claim about it, not what it is
        if not span.id_:
            return True
        known = self._explanation_words(span.id_) - {w.lower_ for w in span}  # "treatment is the treatment that"
        described = _WORD.findall(re.split(r"[.;:!?\n]", text[match.start() : match.end() + 60], maxsplit=1)[0].lower())
        return any(w in known for w in described if w not in STOP_WORDS)

    def _a_claim_about_it(self, said: list[str]) -> bool:
        """Whether "is a ... of/that/..." (its words, ``said``) claims something about
        the term rather than saying what it is: decided by the noun before the
        connecting word ("a necessary part of", "a serious matter that"), not by
        describing words ("a serious pregnancy complication that" says what it is)."""
        cues = self.cues
        if any(w in cues.claims_about_it for w in said):
            return True
        connector = len(said) - 1
        if said[connector] == "which" and said[connector - 1] == "in":
            connector -= 1
        head = said[connector - 1]
        return head in cues.not_what_it_is or (said[connector] == "of" and head in cues.not_what_it_is_before_of)

    def _explains(self, span: Span, words: Sequence[Token], *, strict: bool = False) -> bool:
        """Whether ``words`` read as an explanation of the term: plain words (not a
        code or a name), and for an acronym its letters in order (Schwartz &
        Hearst) or, for a lexicon term, a word its advice uses ("twice daily
        (BID)"). ``strict``: a lexicon term needs that shared word even when it is
        not an acronym ("call your PCP, or go to urgent care" explains nothing)."""
        lower = sum(1 for w in words if w.is_alpha and w.text.islower())
        if not words or lower * 2 < len(words):
            return False
        content = [w for w in words if w.lower_ not in _STOP]
        known = self._explanation_words(span.id_) if span.id_ else frozenset()
        shared = sum(1 for w in content if w.lower_ in known or w.lemma_.lower() in known)
        # strict: most of the explanation is the entry's own advice, not one word in common
        shares = shared * 2 >= max(len(content), 1) if strict else shared > 0
        base = acronym_base(span.text)
        if base is not None:
            long_form = " ".join(w.text for w in words)
            if words[0].text[:1].lower() == base[0].lower() and matches_long_form(base, long_form):
                return True
            return shares
        # A term of art may be glossed in any plain words; a wordy phrase ("in accordance with
        # law (additional consent required)") is not explained by an aside that shares none.
        return shares or (not strict and (not span.id_ or (len(words) >= 2 and not self._wordy(span.id_))))

    def _wordy(self, entry_id: str) -> bool:
        entry = self.lexicon.get(entry_id) if self.lexicon else None
        return entry is not None and entry.category == "wordy"

    def _explanation_words(self, entry_id: str) -> frozenset[str]:
        """The content words of an entry's plain alternatives and note: an "X, or Y"
        whose Y shares one explains X ("psychoeducation, or learning about ...")."""
        words = self._explanations.get(entry_id)
        if words is None:
            entry = self.lexicon.get(entry_id) if self.lexicon else None
            text = "" if entry is None else (" ".join(entry.plain) + " " + entry.note).lower().replace("*", "")
            words = self._explanations[entry_id] = frozenset(
                w for w in _WORD.findall(text) if w not in _STOP and len(w) > 2
            )
        return words


# What a sentence that starts with the term says it is: "is a thin tube that", "are
# medicines used to", "is the removal of"; bare, a noun and a participle: "is care given
# at home" (not "is available when", "is one of").
_PARTICIPLE = r"(?:used|given|done|made|caused|taken)\b"
_DEFINED_AS = re.compile(rf"\s+(?:is|are)\s+(?:(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?"
                         rf"(?:of\b|that\b|which\b|where\b|who\b|whose\b|in\s+which\b|{_PARTICIPLE})"
                         rf"|[a-z]+(?<!ed)\s+{_PARTICIPLE})", re.IGNORECASE)


# "is (the)" and a run of capitalised words on the line (with "of", "and", commas
# ...): the long form of the acronym before it.
_IS_LONG_FORM = re.compile(
    r"[ \t]+(?:is|are)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>[A-Z][\w'-]*(?:,?[ \t]+(?:(?:of|for|and|the|on|in|to|with|&)[ \t]+)*[A-Z][\w'-]*){1,11})"
)


def _initials_read(tokens, wanted: str, *, backwards: bool) -> bool:
    """Whether the words of ``tokens`` (read away from a dash) give ``wanted``'s letters
    before a line break or a stop: after the acronym ".;()" ends the long form, before
    it any punctuation (not "Apply today, Work Program - TWP")."""
    initials = ""
    for token in tokens:
        if "\n" in token.text or (token.is_punct if backwards else token.text in ".;()"):
            break
        if token.is_alpha and token.lower_ not in LONG_FORM_GLUE:
            letter = token.text[0].upper()
            initials = letter + initials if backwards else initials + letter
            if initials == wanted:
                return True
            if not (wanted.endswith(initials) if backwards else wanted.startswith(initials)):
                return False
    return False


def _inside_a_word(doc: Doc, i: int) -> bool:
    """A hyphen glued to letters on both sides: "low-income"."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].is_alpha and doc[i + 1].is_alpha


def _is_or_are_next(doc: Doc, i: int) -> bool:
    j = _skip_space(doc, i, +1)
    return j is not None and doc[j].lower_ in ("is", "are")


def _opens(doc: Doc, i: int) -> bool:
    """A quotation mark that opens: at the start, or after space or an opening bracket."""
    return i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_space or doc[i - 1].text in "([{:"


def _closes(doc: Doc, i: int) -> bool:
    """A quotation mark that closes: glued to the word before it."""
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space


def _nearest(doc: Doc, i: int, step: int, max_words: int) -> int | None:
    """The first quotation mark from ``i`` going ``step``, within ``max_words`` words on the line."""
    words = 0
    while 0 <= i < len(doc):
        token = doc[i]
        if token.text in QUOTES:
            return i
        if "\n" in token.text or (step < 0 and token.is_sent_start and token.text not in QUOTES and words > 0):
            return None
        if not (token.is_space or token.is_punct):
            words += 1
            if words > max_words:
                return None
        i += step
    return None


def _skip_space(doc: Doc, i: int, step: int) -> int | None:
    while 0 <= i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += step
    return i if 0 <= i < len(doc) else None


def _until(doc: Doc, start: int, closing: str, limit: int) -> Span | None:
    for i in range(start, min(len(doc), start + limit)):
        if doc[i].text == closing:
            return doc[start:i]
        if "\n" in doc[i].text:
            return None
    return None


def _count_words(tokens) -> int:
    return sum(1 for t in tokens if not (t.is_space or t.is_punct))


def _words_before(span: Span, n: int) -> list[str]:
    doc, words = span.doc, list[str]()
    i = span.start - 1
    while i >= 0 and len(words) < n:
        token = doc[i]
        if "\n" in token.text:
            break
        if not (token.is_space or token.text in QUOTES or token.text in ":,"):
            words.append(token.lower_)
        i -= 1
    return words[::-1]


def _words_after(span: Span, n: int) -> list[str]:
    doc, words = span.doc, list[str]()
    i = span.end
    while i < len(doc) and len(words) < n:
        token = doc[i]
        if "\n" in token.text:
            break
        if not (token.is_space or token.text in QUOTES or token.text == ","):
            words.append(token.lower_)
        i += 1
    return words


@Language.factory("plainspeak_mentions", assigns=["doc.spans"])
def make_mentions(nlp: Language, name: str) -> Mentions:
    """Runs after plainspeak_jargon, _acronyms and _uncommon (whose groups it trims)."""
    jargon: Any = dict(nlp.pipeline).get("plainspeak_jargon")
    return Mentions(name, jargon.lexicon if jargon is not None else None)


def cue_phrases() -> Sequence[tuple[str, ...]]:
    """All cue phrases, for documentation and tests."""
    cues = load_cues()
    return (*cues.before, *cues.after, *cues.after_bare, *cues.after_general)
