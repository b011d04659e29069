"""What stands around a term in the text: the words next to it, a name it is part of,
a line in capitals, a neighbour that says the same, a sentence that speaks to the
reader. Shared by fixes.py (which findings ``fix`` changes) and fit_checks.py
(whether a swap reads right there)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..datafiles import grammar_words
from ..report import Finding

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")  # numbers count as neighbours: "section 8"
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'-]*)[ \t]+$")
_SENTENCE_END_BEFORE = re.compile(r"(?:^|[.!?:;\n\"“'‘(•*#>–—-])[ \t]*$")  # what a sentence's (or a line's) first word follows
# a determiner, possessive or number right before: the swap may stand without its own
_BARE_OK = re.compile(r"(?:\b(?:a|an|the|your|my|his|her|their|our|its|this|that|each|every|any|no|one)|['’]s|\d)[ \t]+$",
                      re.IGNORECASE)


def _words_before(text: str, at: int) -> list[str]:
    """Up to three words right before ``at`` on its line."""
    line = text[max(0, at - 60) : at].rsplit("\n", 1)[-1]
    return _TOKEN.findall(line)[-3:] if line.endswith((" ", "\t")) else []


def _word_after(text: str, at: int) -> str:
    match = _NEXT_WORD.match(text, at)
    return match.group(1) if match else ""


def acronym_in_capitals(text: str, finding: Finding) -> bool:
    """An acronym on a line written all in capitals ("JOHN SMITH'S SSI WILL STOP"):
    its long form, in lower case or Title Case, would break the line."""
    if not finding.text.isupper():
        return False
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    line = text[start:finding.start] + text[finding.end : len(text) if end < 0 else end]
    if any(ch.islower() for ch in line):
        return False
    from ..text.frequency import common_zipf

    return any((common_zipf(w.lower()) or 0) >= 4 for w in _WORD.findall(line))  # not a list: "SSI, SSDI, TANF"


def _starts_a_clause(text: str, at: int) -> bool:
    """Nothing but a sentence's or line's end (and quotes, brackets) before ``at``."""
    before = text[max(0, at - 12) : at].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:;\n"
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]]")
_EVENTS = frozenset(["meeting", "appointment", "visit", "session", "stay", "period", "time", "check"])


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves|please)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_ABBREVIATION_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|dept)\.$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[\s\W]*([A-Za-z]+)")


def _sentence_ends(text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """Sentence ends (a mark before a space, or a line break) in text[lo:hi], not
    the period of "Dr." or "e.g."."""
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 5), m.start() + 1):
            yield m


def _speaks_to_the_reader(text: str, finding: Finding) -> bool:
    """The sentence says "you" or "please", or starts with an instruction ("Bring
    proof of ..."): a swap that speaks to "you" fits there, not in "A tenant can
    request a reasonable accommodation for their disability" or a list of what a
    complaint must state. Decided on the whole text, so that a second run, on a
    shorter text, gives the same answer."""
    ends = list(_sentence_ends(text, max(0, finding.start - 600), finding.start))
    start = ends[-1].end() if ends else max(0, finding.start - 600)
    end = next((m.start() for m in _sentence_ends(text, finding.end, finding.end + 600)), min(len(text), finding.end + 600))
    sentence = text[start:end]  # the term's own words too: "your assistance"
    first = _FIRST_WORD.match(sentence)
    return bool(_SECOND_PERSON.search(sentence)) or (first is not None and first.group(1).lower() in grammar_words("instruction_verbs"))


def repeats_a_neighbour(text: str, finding: Finding, replacement: str) -> bool:
    """The swap would say again what a word just before or after it says: "help with
    help" ("help with assistance"), "a trained trained ..." ("a trained qualified
    ..."), "first meeting appointment" ("intake assessment appointment")."""
    said = [w.lower() for w in _TOKEN.findall(replacement)]
    if not said:
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, finding.start - 60) : finding.start])[-1]
    before = [w.lower() for w in _words_before(clause, len(clause))][-3:]
    after = [w.lower() for w in _TOKEN.findall(_CLAUSE_BREAK.split(text[finding.end : finding.end + 60])[0])][:3]
    content = [w for w in said if w not in _SMALL_WORDS and w not in _TERM_GLUE]
    from ..pipeline.components.lemmatizer import lookup_lemma

    before_stems = {_stem(w) for w in before} | {lookup_lemma(w) for w in before}
    if any(_stem(w) in before_stems or lookup_lemma(w) in before_stems for w in content) \
            or (len(said) == 1 and any(w in after for w in content)):
        return True  # "relative and relatives raising the child" for "relative and kinship caregivers"
    if len(content) > 1:  # "emergency foster care or emergency foster care" for "shelter care or ..."
        near = [w.lower() for w in _TOKEN.findall(_CLAUSE_BREAK.split(text[finding.end : finding.end + 80])[0])]
        if any(near[k : k + len(said)] == said for k in range(3)):  # right after: "X or X", "X, X"
            return True
    return bool(after) and said[-1] in _EVENTS and after[0] in _EVENTS


def _stem(word: str) -> str:
    """A word without a plural's -s, to compare neighbours ("relative", "relatives")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_TERM_GLUE = frozenset(["you", "your", "it", "is", "are", "be", "not", "do", "get", "make", "have", "what", "who", "that"])


_SMALL_WORDS = frozenset(["of", "and", "or", "the", "a", "an", "for", "to", "in", "on", "at", "by", "with",
                          "without", "from", "about"])


def _title_word(word: str) -> bool:
    """Capitalised and not an acronym: "Program", "Program-funded", "In-Home" (not
    "SSA", "CoC")."""
    first, *rest = word.split("-")
    return _title_part(first) and all(part.islower() or _title_part(part) for part in rest if part)


def _title_part(word: str) -> bool:
    rest = word[1:]
    return word[:1].isupper() and any(ch.islower() for ch in rest) and not any(ch.isupper() for ch in rest)


def in_a_name(text: str, start: int, end: int, term: str | None = None) -> bool:
    """Whether ``text[start:end]`` is part of a name (of a form, a program, an
    office), which ``fix`` must never change: its words in Title Case (two or
    more; one only where no sentence starts), a capital inside it that the
    lexicon's ``term`` does not have ("Child care Subsidy"), its first word
    capitalised after a capitalised word that starts no sentence ("...Based
    Waiver services"), or a capitalised word right after an acronym ("CoC
    Program-funded"). Judged on capitals, which the other edits of a run never
    change in a word next to a kept name (an acronym spelled out before it ends
    in ")", which no rule reads as a name), so a second run agrees."""
    words = _WORD.findall(text[start:end])
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if content and all(_title_word(w) for w in content):
        if len(content) > 1:
            return True
        before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
        if before and before[-1] not in ".!?:;\n\"“'‘(-–—•*#>":
            return True
    capitals = {w for w in _WORD.findall(term or "") if w[:1].isupper()}  # the term's own: "limited English proficiency"
    if any(_title_word(w) and w not in capitals for w in content[1:]):
        return True  # a capital inside the term: "Child care Subsidy", "Waiver Services"
    if content and _title_word(content[0]) and words[0] == content[0]:
        previous = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if previous is not None and _title_word(previous.group(1)) and previous.group(1).lower() not in _SMALL_WORDS \
                and not _SENTENCE_END_BEFORE.search(text, max(0, previous.start(1) - 6), previous.start(1)):
            return True  # the end of a longer name: "Home and Community Based Waiver services"
    if not any(ch.isupper() for ch in text[start + 1:end]):
        return False  # a word, not an acronym: "on or about July 3" is no name
    after = _word_after(text, end)
    return bool(after) and _title_word(after) and after.lower() not in _SMALL_WORDS
