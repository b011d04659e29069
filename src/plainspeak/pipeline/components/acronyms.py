"""Unexplained acronyms: all-caps words that the text never spells out.

An acronym counts as defined from the place the text explains it, in either
order: "intensive outpatient program (IOP)" or "IOP (intensive outpatient
program)". The long form is checked with the Schwartz & Hearst (2003) letter
matching, so "(IOP)" after unrelated words is not taken as a definition.

Spans: ``doc.spans["plainspeak_acronyms"]`` holds unexplained uses
(``label_ == "acronym"``); ``doc.spans["plainspeak_acronym_definitions"]``
holds each defined acronym at its definition (``label_ == "definition"``),
which lets a caller that splits a long text carry definitions forward.
Acronyms that are lexicon terms are left to the jargon matcher; everyday ones
(OK, TV, ATM, ...) are listed in data/common_acronyms.txt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...datafiles import data_path
from ...text.frequency import SMALL_FLOOR, is_rarer
from . import ACRONYM_DEFINITIONS_KEY, ACRONYM_KEY, JARGON_KEY
from .arrays import per_distinct, token_array
from .words import is_credential, sentence_of

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]*[A-Z0-9](?:s)?(?:-[A-Z0-9]+)*$")
_PART = re.compile(r"^[A-Z0-9]+$")  # a hyphenated continuation: "9" in PHQ-9, "BC" in PMHNP-BC
_ROMAN = re.compile(r"^(?:II|III|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV)$")
# An all-caps word this common is emphasis ("PLEASE", "DENIED"), not an acronym.
COMMON_WORD_ZIPF = 4.5  # for words of 2-3 letters, where real acronyms often spell words
COMMON_LONG_WORD_ZIPF = 3.5  # for words of 4 or 5 letters ("COBRA" is an acronym)
# 6 letters or more: few acronyms spell a word that long ("ALLOWANCES", 3.4). Not lower than
# wordfreq's small list reaches (3.01): a lower line loads its large list (+40 MB, 0.1 s).
COMMON_LONGER_WORD_ZIPF = SMALL_FLOOR


def _common_word_zipf(letters: int) -> float:
    """How common a word in capitals must be to be read as a word, not an acronym."""
    return COMMON_WORD_ZIPF if letters <= 3 else COMMON_LONG_WORD_ZIPF if letters <= 5 else COMMON_LONGER_WORD_ZIPF
MAX_LONG_FORM_EXTRA = 5  # long form may have this many more words than letters


@lru_cache(maxsize=1)
def common_acronyms() -> frozenset[str]:
    text = data_path("common_acronyms.txt").read_text(encoding="utf-8")
    return frozenset(line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip())


def acronym_base(text: str) -> str | None:
    """``"IOPs" -> "IOP"``, ``"PHQ-9" -> "PHQ-9"``; None when not acronym-like."""
    if len(text) < 2 or len(text) > 16 or not _ACRONYM.match(text):
        return None
    head, _, tail = text.partition("-")
    if len(head) > 10:
        return None
    base = head[:-1] + ("-" + tail if tail else "") if head.endswith("s") else text
    if sum(ch.isupper() for ch in head) < 2:
        return None
    return base


# Small words a long form's initials skip: "Temporary Assistance for Needy Families" (TANF).
LONG_FORM_GLUE = frozenset({"of", "and", "for", "the", "&", "to", "in", "with", "on", "a"})
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"})  # straight, curly, guillemets
BRACKETS = {"(": ")", "[": "]"}  # opening -> closing: round or square, around a long form or a term


def initials_spell(acronym: str, tokens: Sequence[Token]) -> bool:
    """The first letters of the words (less small words) are the acronym's: a long
    form in a list, "Women, Infants, Children (WIC)", where commas stand between."""
    initials = "".join(t.text[0] for t in tokens if t.is_alpha and t.lower_ not in LONG_FORM_GLUE)
    return initials.upper() == acronym.upper()


def matches_long_form(acronym: str, long_form: str) -> bool:
    """Schwartz & Hearst: the acronym's letters appear in order in the long form,
    the first one at the start of a word."""
    short, long = acronym.lower(), long_form.lower()
    s, k = len(short) - 1, len(long) - 1
    while s >= 0:
        ch = short[s]
        if not ch.isalnum():
            s -= 1
            continue
        while k >= 0 and (long[k] != ch or (s == 0 and k > 0 and long[k - 1].isalnum())):
            k -= 1
        if k < 0:
            return False
        k -= 1
        s -= 1
    return True


class Acronyms:
    def __init__(self, name: str = "plainspeak_acronyms", known: Sequence[str] = ()) -> None:
        self.name = name
        self.known = frozenset(known)

    def __call__(self, doc: Doc) -> Doc:
        in_jargon: set[int] = set()
        if JARGON_KEY in doc.spans:
            for span in doc.spans[JARGON_KEY]:
                in_jargon.update(range(span.start, span.end))
        candidates = list(_candidates(doc))
        definitions: list[Span] = []
        defined_at: dict[str, int] = {}
        for span in candidates:
            base = acronym_base(span.text)
            if base is not None and base not in defined_at and _is_defined_here(span, base):
                defined_at[base] = span.start
                definitions.append(Span(doc, span.start, span.end, label="definition"))
        flagged: list[Span] = []
        for span in candidates:
            if any(i in in_jargon for i in range(span.start, span.end)):
                continue
            base = acronym_base(span.text)
            if base is None or not self._should_flag(span, base):
                continue
            if base in defined_at and defined_at[base] <= span.start:
                continue
            flagged.append(Span(doc, span.start, span.end, label="acronym"))
        doc.spans[ACRONYM_KEY] = flagged
        doc.spans[ACRONYM_DEFINITIONS_KEY] = definitions
        return doc

    def _should_flag(self, span: Span, base: str) -> bool:
        text = span.text
        if base in self.known or text in self.known or base in common_acronyms() or text in common_acronyms():
            return False
        if len(span) == 1:
            if _ROMAN.match(base):
                return False
            if not is_rarer(text, _common_word_zipf(len(base))):
                return False
            if len(base) >= 4 and _a_medicine_name(base):
                return False  # a brand in capitals, as on the box: "NARCAN", "SUBOXONE"
        return not _shouting(span[0]) and not is_credential(span) and not is_code(span)


def _a_medicine_name(word: str) -> bool:
    from .uncommon import everyday_names, is_drug_name

    return word.lower() in everyday_names() or is_drug_name(word)


_looks_like: dict[int, bool] = {}  # orth hash (the same in every vocab) -> acronym-like?


def _candidates(doc: Doc):
    """Acronym-looking tokens, with hyphenated parts joined: "PHQ-9", "VI-SPDAT", "PMHNP-BC"."""
    strings = doc.vocab.strings
    n = len(doc)
    if not n:
        return
    flags = per_distinct(token_array(doc, ORTH), lambda orth: acronym_base(strings[orth]) is not None, _looks_like, bool)
    end_of_last = 0
    for i in numpy.flatnonzero(flags).tolist():
        if i < end_of_last:
            continue
        end = i + 1
        while (
            end + 1 < n
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and _PART.match(doc[end + 1].text)
        ):
            end += 2
        end_of_last = end
        # "HUD-9886", "HCV-20931", "SSA-L8155-U2": a form or case number, not an acronym to explain
        # (the tokenizer may keep it as one token, or split it at the hyphen).
        if not any(sum(ch.isdigit() for ch in part) > 2 for t in doc[i:end] for part in t.text.split("-")):
            yield doc[i:end]


_ANY_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ZIP = re.compile(r"^\d{5}(?:-\d{4})?$")
_POSTCODE_HEAD = re.compile(r"^(?:[A-Z]\d[A-Z]|[A-Z]{1,2}\d[A-Z\d]?)$")  # Canada "M5V", UK "SW1A"
_POSTCODE_TAIL = re.compile(r"^(?:\d[A-Z]\d|\d[A-Z]{2})$")  # "2T6", "1AA"


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    import tomllib

    with open(data_path("codes.toml"), "rb") as fh:
        data = tomllib.load(fh)
    labels = tuple(sorted({tuple(w.lower().split()) for w in data["roman_labels"]}, key=len, reverse=True))
    return frozenset(data["us_states"]), labels


def _slashed_form_code(span: Span) -> bool:
    """Letters joined by "/" before a number: a form's code ("PA/FS 162-A")."""
    doc = span.doc
    i, j = span.start, span.end
    while i >= 2 and doc[i - 1].text == "/" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_:
        i -= 2
    while j + 1 < len(doc) and doc[j].text == "/" and not doc[j - 1].whitespace_ and not doc[j].whitespace_:
        j += 2
    if (i, j) == (span.start, span.end) or j >= len(doc):
        return False
    following = doc[j]
    return bool(doc[j - 1].whitespace_) and any(ch.isdigit() for ch in following.text)


_DATE_PART = re.compile(r"(?:DD?|MM?|YY(?:YY)?)\Z")


def _date_placeholder(span: Span) -> bool:
    """A blank for a date on a form: "MM/DD/YYYY", "DD-MM-YY": a date part joined to
    another by "/" or "-" (not "I/DD" or "DD-waiver", developmental disabilities)."""
    doc = span.doc
    if len(span) != 1 or not _DATE_PART.match(span[0].text):
        return False
    return any(0 <= k < len(doc) and 0 <= k + step < len(doc) and doc[k].text in ("/", "-")
               and _DATE_PART.match(doc[k + step].text) is not None
               for k, step in ((span.start - 1, -1), (span.end, +1)))


def is_code(span: Span) -> bool:
    """A number or an address part, not an acronym: a Roman numeral after "Title",
    "Part", "Section" ... ("Title IV-E") or numbering a line ("IV. History"); a state after "City," or before a ZIP
    code ("Columbus, OH 43215"); a Canadian or UK postcode ("M5V 2T6")."""
    doc = span.doc
    head = span[0].text
    states, labels = _codes()
    before = [t for t in doc[max(0, span.start - 4) : span.start] if not t.is_space]
    after = [t for t in doc[span.end : span.end + 3] if not t.is_space]
    if _ANY_ROMAN.match(head.split("-")[0]) and head:
        words = [t.lower_ for t in before if t.is_alpha]
        if any(tuple(words[-len(label):]) == label for label in labels):
            return True
        starts_a_line = span.start == 0 or "\n" in doc[span.start - 1].text
        if len(span) == 1 and starts_a_line and span.end < len(doc) and doc[span.end].text in (".", ")"):
            return True  # an outline number: "IV. Current and Past Use"
    place = after[1:] if after and after[0].text == "," else after  # past a comma: "TAUNTON, MA 02780"
    if len(span) == 1 and len(place) >= 2 and place[0].text in states and _ZIP.match(place[1].text):
        return True  # a city in an address in capitals: "TAUNTON MA 02780"
    if head in states and len(span) == 1:
        if after and _ZIP.match(after[0].text):
            return True
        if len(before) >= 2 and before[-1].text == "," and before[-2].text[:1].isupper() and before[-2].is_alpha:
            return True
    if _POSTCODE_HEAD.match(head) and after and _POSTCODE_TAIL.match(after[0].text):
        return True
    if _slashed_form_code(span) or _date_placeholder(span):
        return True
    return bool(before) and _POSTCODE_HEAD.match(before[-1].text) is not None and _POSTCODE_TAIL.match(head) is not None


def _shouting(token: Token) -> bool:
    """Most of the words around are in capitals: emphasis, not acronyms."""
    start, end = sentence_of(token, limit=30)
    words = [t for t in token.doc[start:end] if t.is_alpha and len(t) > 1]
    caps = sum(t.is_upper for t in words)
    return caps >= 3 and caps * 2 > len(words)


def _is_defined_here(span: Span, base: str) -> bool:
    doc = span.doc
    i, last = span.start, span.end - 1
    group = _slash_group(span)
    if group is not None:  # "Mental Health and Developmental Services (MH/DS)": each is defined
        i, last, base = group
    # "long form (ACR)"
    # "long form (ACR)", also with more after a comma or semicolon: "(CAA, 2023)"; or in square brackets
    # ... also quoted inside the brackets: 'General Assistance ("GA")'
    o, c = i - 1, last + 1
    if o >= 1 and doc[o].text in QUOTES and doc[o - 1].text in BRACKETS and c < len(doc) and doc[c].text in QUOTES:
        o, c = o - 1, c + 1
    opening = doc[o].text if o >= 0 else ""
    if opening in BRACKETS and c < len(doc) and doc[c].text in (BRACKETS[opening], ",", ";"):
        words = [t for t in doc[max(0, o - len(base) - MAX_LONG_FORM_EXTRA) : o]
                 if not t.is_space and t.text not in QUOTES]  # a quoted long form: '"Special Immigrant Visa" (SIV)'
        for n in range(1, len(words) + 1):
            candidate = words[-n:]
            if any(t.is_punct and t.text not in "-'&/," for t in candidate):
                break
            if candidate[0].text[:1].lower() != base[0].lower():
                continue
            if any(t.text == "," for t in candidate):  # a list: each word gives its letter
                if initials_spell(base, candidate):
                    return True
            elif matches_long_form(base, _join(candidate)):
                return True
        return False
    # "ACR (long form)"
    if last + 2 < len(doc) and doc[last + 1].text in BRACKETS:
        closing = BRACKETS[doc[last + 1].text]
        words = []
        for t in doc[last + 2 : last + 3 + len(base) + MAX_LONG_FORM_EXTRA]:
            if t.text == closing:
                return bool(words) and words[0].text[:1].lower() == base[0].lower() and matches_long_form(base, _join(words))
            words.append(t)
    return False


def _slash_group(span: Span) -> tuple[int, int, str] | None:
    """A pair of acronyms in brackets, "(MH/DS)": the first and last token inside and
    their letters together, which the long form before the bracket spells."""
    doc = span.doc
    start, end = span.start, span.end - 1
    while start >= 2 and doc[start - 1].text == "/" and acronym_base(doc[start - 2].text) is not None:
        start -= 2
    while end + 2 < len(doc) and doc[end + 1].text == "/" and acronym_base(doc[end + 2].text) is not None:
        end += 2
    if start == end or start < 1 or end + 1 >= len(doc) or doc[start - 1].text not in BRACKETS \
            or doc[end + 1].text != BRACKETS[doc[start - 1].text]:
        return None
    bases = [acronym_base(t.text) for t in doc[start : end + 1] if t.text != "/"]
    return start, end, "".join(b for b in bases if b)


def _join(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


@Language.factory(
    "plainspeak_acronyms",
    assigns=["doc.spans"],
    default_config={"known": []},
)
def make_acronyms(nlp: Language, name: str, known: Sequence[str]) -> Acronyms:
    """``known``: acronyms the readers know (the accept list), never flagged."""
    return Acronyms(name, known)
