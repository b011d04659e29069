"""Plain-language rules beyond word lists: marks ``doc.spans["plainspeak_style"]``.

Six rules, each a label (rule id) on its spans; the span group's ``attrs``
hold, aligned with the spans, ``messages`` (one sentence each),
``suggestions`` (lists of strings, ready to paste in place of the span) and
``severities``. The rules, their word lists and their examples live in
data/style_rules.toml; docs/rules.md explains them.

- ``style.nominalization``: "make a payment" -> "pay", "conducted an
  assessment of" -> "assessed" (phrase patterns, matched by lemma).
- ``style.passive``: passives that hide who acts, when the verb is something
  an agency does and the subject is the reader, theirs, a case word or "it ...
  that": "your benefits have been terminated" -> "we have terminated your
  benefits". Found from the participle back, over lookup lemmas: no tagger.
- ``style.bureaucratic``: stiff openers and closers ("should you have any
  questions" -> "if you have questions").
- ``style.double-negative``: "not uncommon" -> "common".
- ``style.you``: "the client" in a text addressed to the client -> "you".

A style span that a lexicon term (``doc.spans["plainspeak_jargon"]``) covers
or crosses is dropped: the lexicon already speaks for those words.

Matching works like the jargon matcher's: phrase patterns are tuples of
string hashes indexed by two neighbouring words, and passives and "the
client" by one word; they are found with array searches over
``Doc.to_array`` columns, and only the few candidates are checked in Python
(about 0.3 s per million words).
Suggestions are inflected from data/style_verbs.tsv (verb forms generated
from lemminflect by :func:`render_verb_forms`, so lemminflect is never
imported at run time).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import IS_SPACE, LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ...datafiles import data_path
from ...rewrite.suggest import match_case
from ...text.nonprose import trim_trailing
from . import JARGON_KEY, STYLE_KEY, doc_text
from .arrays import KeySet, string_key, token_array
from .lemmatizer import lookup_lemma

RULES_FILE = "style_rules.toml"
VERBS_FILE = "style_verbs.tsv"
RULE_NAMES = ("nominalization", "passive", "bureaucratic", "double-negative", "you", "citation")
SEVERITY = "suggestion"

# Columns of the compact token array.
_LOWER, _LEMMA = 0, 1
_GAP = "..."
_MAX_GAP = 4

# Closed classes of English grammar (not vocabulary): the auxiliaries a
# passive or a light verb is built with.
_BE_TAGS = {
    "be": "VB", "is": "VBZ", "'s": "VBZ", "am": "VBP", "'m": "VBP", "are": "VBP", "'re": "VBP",
    "was": "VBD", "were": "VBD", "been": "VBN", "being": "VBG",
}
_FINITE_BE = frozenset({"is", "'s", "am", "'m", "are", "'re", "was", "were"})
_PRESENT_BE = frozenset({"is", "'s", "am", "'m", "are", "'re"})
_HAVE = frozenset({"have", "has", "had", "'ve", "'s", "'d"})
_MODALS = frozenset({
    "will", "'ll", "wo", "would", "'d", "shall", "sha", "should", "can", "ca", "could", "may", "might", "must",
})
_NEGATIONS = frozenset({"not", "n't"})
_AUXILIARIES = frozenset({
    "be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m",
    "have", "has", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting",
})
_SUBJECT_DETERMINERS = frozenset({"your", "the", "this", "that", "these", "those", "a", "an"})
_CASE_DETERMINERS = frozenset({"the", "this", "these"})  # not "that": "we decided that benefits were cut"
_SECOND_PERSON = ("you", "your", "yours", "yourself", "yourselves")
_RELATIVES = frozenset({"who", "whom", "whose", "that", "which"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "-", "--", "—"})


# ---------------------------------------------------------------------------
# Verb forms (data/style_verbs.tsv)


class VerbForms:
    """A verb's forms. (Plain classes, not dataclasses, here: each dataclass costs
    0.3-1 ms to create at import, and start-up time is a feature.)"""

    __slots__ = ("base", "vbd", "vbg", "vbn", "vbz")

    def __init__(self, base: str, vbz: str, vbd: tuple[str, ...], vbn: tuple[str, ...], vbg: str) -> None:
        self.base, self.vbz, self.vbd, self.vbn, self.vbg = base, vbz, vbd, vbn, vbg

    def __repr__(self) -> str:
        return f"VerbForms{tuple(getattr(self, a) for a in self.__slots__)!r}"

    def form(self, tag: str, like: str = "") -> str:
        """The form for a Penn tag; of two spellings ("canceled", "cancelled"), the one like ``like``."""
        if tag in ("VB", "VBP"):
            return self.base
        if tag == "VBZ":
            return self.vbz
        if tag == "VBG":
            return self.vbg
        forms = self.vbd if tag == "VBD" else self.vbn
        return like if like in forms else forms[0]

    def tag_of(self, form: str, after_auxiliary: bool) -> str | None:
        """The tag of ``form`` (lower case); VBD/VBN are told apart by an auxiliary before."""
        if form == self.base:
            return "VB"
        if form == self.vbz:
            return "VBZ"
        if form == self.vbg:
            return "VBG"
        past, participle = form in self.vbd, form in self.vbn
        if past and participle:
            return "VBN" if after_auxiliary else "VBD"
        return "VBD" if past else "VBN" if participle else None


VERBS_HEADER = """\
# Verb forms for the style rules' suggestions (src/plainspeak/pipeline/components/style.py):
# lemma, -s form, past forms, past participles, -ing form (alternative spellings
# space-separated, the usual one first). Every verb data/style_rules.toml may
# inflect or match. Generated from lemminflect; do not edit by hand:
#   python -m plainspeak.pipeline.components.style --write
"""


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, VerbForms]:
    table: dict[str, VerbForms] = {}
    for line in data_path(VERBS_FILE).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            base, vbz, vbd, vbn, vbg = line.split("\t")
            table[base] = VerbForms(base, vbz, tuple(vbd.split()), tuple(vbn.split()), vbg)
    return table


def _lemminflect_forms(word: str, *, known_verb: bool) -> VerbForms | None:
    """A verb's forms from lemminflect; None when it is not a verb (``known_verb``:
    it is one, so use lemminflect's rules if its dictionary lacks the word)."""
    import lemminflect

    table = lemminflect.getAllInflections(word, upos="VERB")
    if not table:
        if not known_verb:
            return None
        table = lemminflect.getAllInflectionsOOV(word, upos="VERB")

    def get(tag: str) -> tuple[str, ...]:
        forms = table.get(tag) or lemminflect.getInflection(word, tag=tag)
        return tuple(dict.fromkeys(f.lower() for f in forms))

    return VerbForms(word, get("VBZ")[0], get("VBD"), get("VBN"), get("VBG")[0])


def render_verb_forms(rules: dict | None = None) -> str:
    """data/style_verbs.tsv as it should be for data/style_rules.toml (imports lemminflect)."""
    rules = rules if rules is not None else read_rules_file()
    explicit, maybe = verbs_in_rules(rules)
    lines = []
    for word in sorted(explicit | maybe):
        forms = _lemminflect_forms(word, known_verb=word in explicit)
        if forms is not None:
            lines.append("\t".join((word, forms.vbz, " ".join(forms.vbd), " ".join(forms.vbn), forms.vbg)))
    return VERBS_HEADER + "\n".join(lines) + "\n"


def verbs_in_rules(rules: dict) -> tuple[set[str], set[str]]:
    """``(verbs, maybe verbs)`` the rules inflect or match: the passive and "you"
    word lists are verbs; the heads of phrase patterns and plain alternatives
    are verbs if lemminflect knows them as verbs ("taking part in" is not)."""
    passive, you = rules.get("passive", {}), rules.get("you", {})
    explicit = set(passive.get("verbs", ())) | set(passive.get("it_that", {})) | set(passive.get("instead", {}))
    explicit |= {w for alts in passive.get("it_that", {}).values() for w in alts}
    explicit |= {_head_word(p)[1] for p in passive.get("made", {}).values()}
    explicit |= {_head_word(p)[1] for alts in passive.get("instead", {}).values() for p in alts if "*" in p}
    explicit |= set(you.get("verbs", ())) | {"make", "have", "do"}
    maybe: set[str] = set()
    for text in rules.get("nominalization", {}).get("patterns", ()):
        try:
            phrase, plains = _split_pattern(text)
            sequences = _expand(phrase)[0]
        except ValueError:
            continue  # check_rules reports it
        maybe |= {words[0].lower() for words in sequences if words and words[0][:1].isalpha()}
        maybe |= {_head_word(p)[1] for p in plains}
    return explicit, maybe - explicit - {"be"}


# ---------------------------------------------------------------------------
# Pattern syntax: "make [a|an] payment [of|to] -> pay"


def _split_pattern(text: str) -> tuple[str, list[str]]:
    if "->" not in text:
        raise ValueError(f"pattern {text!r}: expected 'phrase -> plain | plain'")
    phrase, plain = text.split("->", 1)
    plains = [" ".join(p.split()) for p in plain.split("|")]
    return phrase.strip(), [p for p in plains if p]


_ELEMENT = re.compile(r"\[[^\]]*\]|\S+")


def _expand(phrase: str) -> tuple[list[list[str]], list[str]]:
    """Every word sequence a phrase stands for, and its lookahead words."""
    options: list[list[list[str]]] = []
    lookahead: list[str] = []
    for element in _ELEMENT.findall(phrase):
        if lookahead:
            raise ValueError(f"pattern {phrase!r}: '>' words must come last")
        if element.startswith("["):
            options.append([alt.split() for alt in element[1:-1].split("|")] + [[]])
        elif element.startswith(">"):
            lookahead = element[1:].split("|")
        else:
            options.append([[w] for w in element.split("|")])
    sequences = [[w for part in combo for w in part] for combo in itertools.product(*options)]
    return sequences, lookahead


def _head_word(plain: str) -> tuple[int, str]:
    """The word of a plain alternative that takes the inflection: marked with "*", else the first."""
    words = plain.split()
    for i, word in enumerate(words):
        if word.endswith("*"):
            return i, word[:-1].lower()
    return 0, words[0].lower() if words else ""


class _Pattern:
    __slots__ = ("anchor", "gap_at", "keys", "lookahead", "plains", "rule", "text")

    def __init__(self, rule: str, text: str, plains: list[str], keys: tuple[tuple[int, int], ...],
                 gap_at: int | None, lookahead: tuple[tuple[int, int], ...] = (), anchor: int = 0) -> None:
        self.rule = rule  # the rule's table name ("nominalization")
        self.text = text  # as written in the data file
        self.plains = plains
        self.keys = keys  # (column, hash) of each word, gap left out
        self.gap_at = gap_at  # how many words come before the gap
        self.lookahead = lookahead
        self.anchor = anchor  # the first of the two words the pattern is found by


def _anchor(words: list[str], gap_at: int | None, common: frozenset[str]) -> int:
    """Which two neighbouring words to find a pattern by: the pair with the fewest
    common words ("in receipt", not "be in"), so that few places need a closer look;
    after the gap, if there is one."""
    first = gap_at or 0
    return min(range(first, len(words) - 1), key=lambda i: (words[i] in common) + (words[i + 1] in common))


class _PhraseIndex:
    """Patterns indexed by the hashes of two neighbouring words (see :func:`_anchor`)."""

    def __init__(self) -> None:
        self.by_pair: dict[tuple[int, int, int, int], list[_Pattern]] = {}
        self.keysets: dict[tuple[int, int], KeySet] = {}
        self._seen: set[tuple] = set()

    def add(self, pattern: _Pattern) -> None:
        seen = (pattern.keys, pattern.gap_at)
        if seen in self._seen:
            return  # "[a|an]" and the like spell some sequences twice
        self._seen.add(seen)
        at = pattern.anchor
        (c0, k0), (c1, k1) = pattern.keys[at], pattern.keys[at + 1]
        self.by_pair.setdefault((c0, k0, c1, k1), []).append(pattern)

    def freeze(self) -> None:
        combos: dict[tuple[int, int], list[int]] = {}
        for c0, k0, c1, k1 in self.by_pair:
            combos.setdefault((c0, c1), []).append(int(_pair(numpy.uint64(k0), numpy.uint64(k1))))
        self.keysets = {combo: KeySet(keys) for combo, keys in combos.items()}

    def find(self, cols: numpy.ndarray, values: list[list[int]], sid: list[int], words) -> Iterable[tuple[int, int, _Pattern, int, int]]:
        """``(start, end, pattern, gap start, gap end)`` in compact positions."""
        n = len(cols)
        if n < 2:
            return
        for (c0, c1), keyset in self.keysets.items():
            found = numpy.flatnonzero(keyset.contains(_pair(cols[:-1, c0], cols[1:, c1]))).tolist()
            for p in found:
                for pattern in self.by_pair.get((c0, values[c0][p], c1, values[c1][p + 1]), ()):
                    match = _match_at(pattern, p, values, sid, words, n)
                    if match is not None:
                        yield match


def _match_at(pattern: _Pattern, p: int, values, sid, words, n: int):
    """The pattern whose anchor pair is at ``p``, if it is there in full."""
    keys, gap_at = pattern.keys, pattern.gap_at
    if gap_at is None:
        start = p - pattern.anchor
        end = start + len(keys)
        if start < 0 or end > n or sid[start] != sid[end - 1]:
            return None
        if any(values[c][start + j] != k for j, (c, k) in enumerate(keys)):
            return None
        gap = (end, end)
    else:
        suffix, prefix = keys[gap_at:], keys[:gap_at]
        p -= pattern.anchor - gap_at  # where the words after the gap start
        end = p + len(suffix)
        if p < 0 or end > n or sid[p] != sid[end - 1] or any(values[c][p + j] != k for j, (c, k) in enumerate(suffix)):
            return None
        for size in range(1, _MAX_GAP + 1):
            start = p - size - len(prefix)
            if start < 0 or sid[start] != sid[p]:
                return None
            if not _is_word(words(p - size)):
                return None  # punctuation in the gap
            if all(values[c][start + j] == k for j, (c, k) in enumerate(prefix)):
                gap = (p - size, p)
                break
        else:
            return None
    if pattern.lookahead:
        if end >= n or sid[end] != sid[start]:
            return None
        if not any(values[c][end] == k for c, k in pattern.lookahead):
            return None
    return start, end, pattern, gap[0], gap[1]


_MIX = numpy.uint64(0x9E3779B97F4A7C15)


def _pair(first, second):
    """One number for two string hashes, as the jargon matcher mixes them."""
    with numpy.errstate(over="ignore"):
        return first * _MIX ^ second


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


# ---------------------------------------------------------------------------
# The rules file


def read_rules_file(path: str | Path | None = None, *, examples: bool = True) -> dict:
    """The rules file; ``examples=False`` leaves out the ``flag`` and ``pass``
    example lists, which only the tests read: they are half the file, and
    parsing them took 2 ms of every run."""
    text = Path(path or data_path(RULES_FILE)).read_text(encoding="utf-8")
    if not examples:
        text = _EXAMPLES.sub("", text)
    return tomllib.loads(text)


# An example list: from "flag = [" or "pass = [" at the start of a line to the
# next line that is just "]" (the file's documented layout; a test checks that
# leaving them out changes nothing else).
_EXAMPLES = re.compile(r"^(?:flag|pass) = \[\n.*?^\]$", re.MULTILINE | re.DOTALL)


def check_rules(rules: dict, forms: dict[str, VerbForms], where: str = RULES_FILE) -> list[str]:
    """What is wrong with a rules file: one message per problem (empty: all well)."""
    problems: list[str] = []
    for name in RULE_NAMES:
        table = rules.get(name)
        if not isinstance(table, dict):
            problems.append(f"{where}: [{name}] is missing")
            continue
        if "{text}" not in table.get("message", ""):
            problems.append(f"{where}: [{name}] message must quote the span as '{{text}}'")
        for key in ("flag", "pass"):
            if not table.get(key):
                problems.append(f"{where}: [{name}] needs {key} examples")
        for text in table.get("patterns", ()):
            try:
                phrase, plains = _split_pattern(text)
                sequences, _ = _expand(phrase)
            except ValueError as err:
                problems.append(f"{where}: [{name}] {err}")
                continue
            for words in sequences:
                gaps = words.count(_GAP)
                real = [w for w in words if w != _GAP]
                if len(real) < 2 or gaps > 1 or (gaps and (words[0] == _GAP or len(words) - words.index(_GAP) < 3)):
                    problems.append(
                        f"{where}: [{name}] pattern {text!r}: needs two words in a row (after a gap, if any), and at most one '...'"
                    )
                    break
            if any((_GAP in p) != any(_GAP in w for w in sequences) for p in plains):
                problems.append(f"{where}: [{name}] pattern {text!r}: '...' must be in the phrase and every plain text, or in none")
    passive = rules.get("passive", {})
    explicit, _maybe = verbs_in_rules(rules)
    missing = sorted(v for v in explicit if v not in forms)
    if missing:
        problems.append(
            f"{where}: verbs without forms in {VERBS_FILE}: {', '.join(missing)} "
            "(run: python -m plainspeak.pipeline.components.style --write)"
        )
    for noun in passive.get("made", {}):
        if not noun.isalpha():
            problems.append(f"{where}: [passive] made: {noun!r} must be one word")
    return problems


# ---------------------------------------------------------------------------
# The component


class _Found:
    __slots__ = ("end", "message", "pattern", "rule", "start", "suggestions")

    def __init__(self, start: int, end: int, rule: str, message: str, suggestions: list[str], pattern: str = "") -> None:
        self.start, self.end = start, end  # compact positions, then Doc positions
        self.rule, self.message, self.suggestions = rule, message, suggestions
        self.pattern = pattern  # a phrase rule's pattern, as written in the rules file


class StyleChecker:
    """Finds the style rules' spans; see the module docstring."""

    def __init__(self, nlp: Language, name: str = "plainspeak_style", rules_path: str | None = None) -> None:
        self.name = name
        self.forms = verb_forms()
        # The shipped file is checked by the tests (check_rules), not on every run.
        rules = read_rules_file(rules_path, examples=rules_path is not None)
        if rules_path is not None:
            problems = check_rules(rules, self.forms, str(rules_path))
            if problems:
                raise ValueError("\n".join(problems))
        self._strings = nlp.vocab.strings
        self._keys: dict[tuple[str, int], tuple[int, int]] = {}
        self.messages = {rule: (t["message"], t.get("message_alone", t["message"])) for rule, t in rules.items()}
        self.phrases = _PhraseIndex()
        common = frozenset(nlp.Defaults.stop_words | set(_BE_TAGS) | {"n't", "'s"})
        for rule, column in (("nominalization", _LEMMA), ("bureaucratic", _LOWER), ("double-negative", _LOWER)):
            for text in rules[rule].get("patterns", ()):
                phrase, plains = _split_pattern(text)
                sequences, lookahead = _expand(phrase)
                ahead = tuple(self._key(w, column) for w in lookahead)
                for words in sequences:
                    gap_at = words.index(_GAP) if _GAP in words else None
                    real = [w.lstrip("=").lower() for w in words if w != _GAP]
                    keys = tuple(self._key(w, column) for w in words if w != _GAP)
                    anchor = _anchor(real, gap_at, common)
                    self.phrases.add(_Pattern(rule, text, plains, keys, gap_at, ahead, anchor))
        self.phrases.freeze()
        self.message_only_after = {
            k: frozenset(v) for k, v in rules["double-negative"].get("message_only_after", {}).items()
        }

        passive = rules["passive"]
        self.passive_message_instead = passive.get("message_instead", self.messages["passive"][0])
        self.agency_verbs = frozenset(passive["verbs"])
        self.it_that = {k: list(v) for k, v in passive.get("it_that", {}).items()}
        self.instead = {k: list(v) for k, v in passive.get("instead", {}).items()}
        self.made = dict(passive.get("made", {}))
        self.case_nouns = frozenset(passive.get("nouns", ()))
        self.adjectival = frozenset(passive.get("adjectival", ()))
        self.adverbs = frozenset(passive.get("adverbs", ()))
        self.not_subject = frozenset(passive.get("not_subject", ())) - _SUBJECT_DETERMINERS
        self.not_agent = frozenset(passive.get("not_agent", ()))
        self.not_you = frozenset(passive.get("not_you", ()))
        # Past participle -> verb, for the verbs the rule may flag.
        self.participles: dict[str, str] = {}
        for verb in sorted(self.agency_verbs | set(self.it_that) | set(self.instead) | {"make"}):
            for form in self.forms[verb].vbn:
                self.participles.setdefault(form, verb)
        self.participle_keys = KeySet(string_key(f) for f in self.participles)
        self.before_participle_keys = KeySet(string_key(w) for w in (set(_BE_TAGS) | _NEGATIONS | self.adverbs))

        # Legal citations: regular expressions over the text ("7 CFR 273.7").
        self.citations = [_citation_pattern(r) for r in rules["citation"].get("regexes", ())]

        you = rules["you"]
        self.you_nouns = frozenset(you["nouns"])
        self.you_noun_keys = KeySet(string_key(w) for w in self.you_nouns)
        self.greetings = [tuple(g.split()) for g in you.get("greetings", ())]
        self.groups = frozenset(you.get("groups", ()))
        self.third_person = frozenset(you.get("third_person", ()))
        self.their = frozenset(you.get("their", ()))
        self.generic_pronouns = [tuple(g.lower().split()) for g in you.get("generic_pronouns", ())]
        workers = sorted((re.escape(w.lower()).replace("\\ ", r"\s+") for w in you.get("to_a_worker", ())), key=len, reverse=True)
        self.to_a_worker = re.compile(r"\b(?:" + "|".join(workers) + r")\b") if workers else None
        self.generic_keys = [KeySet(string_key(g[i]) for g in self.generic_pronouns if len(g) > i) for i in range(3)]
        self.second_person_keys = KeySet(string_key(w) for w in _SECOND_PERSON)
        self.vbz_to_base = {self.forms[v].vbz: v for v in you.get("verbs", ())}
        self.past_forms = frozenset(f for v in you.get("verbs", ()) for f in self.forms[v].vbd)
        self.you_followers = frozenset(you.get("followed_by", ()))
        self.adjectives_too = frozenset(you.get("adjectives_too", ()))
        self.greeting_only = frozenset(you.get("greeting_only", ()))

    def _key(self, word: str, column: int) -> tuple[int, int]:
        key = self._keys.get((word, column))
        if key is None:
            if word.startswith("="):
                key = _LOWER, string_key(word[1:].lower())
            else:
                lower = word.lower()
                key = column, string_key(lookup_lemma(lower) if column == _LEMMA else lower)
            self._keys[word, column] = key
        return key

    # -- the run over a Doc ---------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        found: list[_Found] = []
        if len(doc):
            found = self._find(doc)
        spans: list[Span] = []
        messages: list[str] = []
        suggestions: list[list[str]] = []
        for f in found:
            spans.append(Span(doc, f.start, f.end, label=f.rule))
            messages.append(f.message)
            suggestions.append(f.suggestions)
        doc.spans[STYLE_KEY] = spans
        doc.spans[STYLE_KEY].attrs.update(
            messages=messages, suggestions=suggestions, severities=[SEVERITY] * len(spans)
        )
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """``(start, end, rule id, pattern)`` for what the rules find in ``doc`` (whose
        jargon group, if any, is set): the pattern as written in the rules file for
        the phrase rules, "" for the others. For tests and explanations."""
        return [(f.start, f.end, f.rule, f.pattern) for f in (self._find(doc) if len(doc) else [])]

    def _find(self, doc: Doc) -> list[_Found]:
        arr = token_array(doc, [LOWER, LEMMA, IS_SPACE, SENT_START])
        keep = numpy.flatnonzero(arr[:, 2] == 0)
        if len(keep) == 0:
            return []
        cols = arr[keep][:, :2]
        passive_at = numpy.flatnonzero(self.participle_keys.contains(cols[:, 0]))
        if len(passive_at):  # most are not after "be", an adverb or "not": "we made", "I told"
            passive_at = passive_at[passive_at > 0]
            passive_at = passive_at[self.before_participle_keys.contains(cols[passive_at - 1, 0])]
        you_at = numpy.flatnonzero(self.you_noun_keys.contains(cols[:, 0]))
        run = _Run(self, doc, keep, cols, numpy.cumsum(arr[:, 3] == 1)[keep].tolist())
        found = list(run.phrases())
        for k in passive_at.tolist():
            f = run.passive(k)
            if f is not None:
                found.append(f)
        if len(you_at):
            found.extend(run.you(you_at.tolist()))
        found.extend(_citation_spans(self, doc, keep))
        if not found:
            return []
        # In doc token positions; the longest of overlapping spans of one rule wins.
        for f in found:
            f.start, f.end = int(keep[f.start]), int(keep[f.end - 1]) + 1
        kept: list[_Found] = []
        for rule in RULE_NAMES:
            mine = [f for f in found if f.rule == "style." + rule]
            if mine:
                by_span = {(f.start, f.end): f for f in mine}
                longest = filter_spans([Span(doc, s, e) for s, e in by_span])
                kept.extend(by_span[s.start, s.end] for s in longest)
        return sorted(_not_covered(kept, doc), key=lambda f: (f.start, f.end, f.rule))


_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"\w")


def _citation_pattern(regex: str) -> tuple[re.Pattern[str], bool]:
    """A citation regex, and whether its match must start a word. A leading ``\\b``
    is checked after the match instead: it stops ``re`` from skipping ahead to
    the pattern's first character, which made each scan of 1M words 2.5x slower.
    (Every citation regex starts with a word character where it starts with ``\\b``,
    so "starts a word" is "no word character before it".)"""
    if regex.startswith(r"\b"):
        return re.compile(regex[2:]), True
    return re.compile(regex), False


def _matches(pattern: re.Pattern[str], text: str, starts_a_word: bool):
    """``pattern.finditer(text)``, keeping only matches that start a word; after one
    that does not, the search goes on from the next character ("a5 CFR 12 CFR 4")."""
    at = 0
    while (match := pattern.search(text, at)) is not None:
        if starts_a_word and match.start() and _WORD_CHAR.match(text, match.start() - 1):
            at = match.start() + 1
            continue
        yield match
        at = max(match.end(), match.start() + 1)


def _citation_spans(checker: StyleChecker, doc: Doc, keep: numpy.ndarray) -> list[_Found]:
    """Legal citations, found in the text and mapped to compact token positions."""
    text = doc_text(doc)
    if not _DIGIT.search(text):  # every citation has a number
        return []
    message = checker.messages["citation"][0]
    found = []
    for pattern, starts_a_word in checker.citations:
        for match in _matches(pattern, text, starts_a_word):
            end = trim_trailing(text, match.start(), match.end())  # "(see 7 CFR 273.7(c))." keeps "))." out
            span = doc.char_span(match.start(), end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            first = int(numpy.searchsorted(keep, span.start))
            last = int(numpy.searchsorted(keep, span.end - 1, side="right"))
            if first < last:
                found.append(_Found(first, last, "style.citation", message.format(text=span.text), []))
    return found


def _not_covered(found: list[_Found], doc: Doc) -> list[_Found]:
    """Drop a finding that a lexicon term covers, or whose edge one crosses; keep it
    when lexicon terms lie strictly inside it ("offer assistance to" holds "assistance")."""
    jargon = doc.spans.get(JARGON_KEY)
    if not jargon:
        return found
    terms = sorted((s.start, s.end) for s in jargon)
    starts = [s for s, _ in terms]
    reach = max(e - s for s, e in terms)
    kept = []
    for f in found:
        lo = bisect_left(starts, f.start - reach)
        clash = False
        for s, e in terms[lo:]:
            if s >= f.end:
                break
            if e <= f.start:
                continue
            inside = f.start <= s and e <= f.end and (s, e) != (f.start, f.end)
            if not inside:
                clash = True
                break
        if not clash:
            kept.append(f)
    return kept


class _Run:
    """One Doc's compact token view (white space left out) and the rules over it."""

    def __init__(self, checker: StyleChecker, doc: Doc, keep: numpy.ndarray, cols: numpy.ndarray, sid: list[int]):
        self.c = checker
        self.doc = doc
        self.keep = keep
        self.cols = cols
        self.sid = sid
        self.n = len(keep)
        self._values: list[list[int]] | None = None
        self._addressed: str | None = None
        self._second: numpy.ndarray | None = None
        strings = checker._strings
        self._words: dict[int, str] = {}
        self._lower: Callable[[int], str] = lambda h: strings[h]

    @property
    def values(self) -> list[list[int]]:
        if self._values is None:
            self._values = [self.cols[:, 0].tolist(), self.cols[:, 1].tolist()]
        return self._values

    def word(self, k: int) -> str:
        """Lower-case text of compact token ``k`` ("" outside the Doc)."""
        if not 0 <= k < self.n:
            return ""
        h = self.values[0][k]
        w = self._words.get(h)
        if w is None:
            w = self._words[h] = self._lower(h)
        return w

    def lemma(self, k: int) -> str:
        return self._lower(self.values[1][k])

    def token(self, k: int):
        return self.doc[int(self.keep[k])]

    def text(self, start: int, end: int) -> str:
        """The words from compact ``start`` to ``end``, as written, on one line."""
        doc, keep = self.doc, self.keep
        return " ".join(doc[int(keep[start]) : int(keep[end - 1]) + 1].text.split())

    def same(self, a: int, b: int) -> bool:
        return 0 <= a < self.n and 0 <= b < self.n and self.sid[a] == self.sid[b]

    def attached(self, k: int) -> bool:
        """Token ``k`` is written against the one before ("you|'ll", "is|n't")."""
        i = int(self.keep[k])
        return i > 0 and not self.doc[i - 1].whitespace_ and int(self.keep[k - 1]) == i - 1

    def message(self, rule: str, text: str, plains: list[str]) -> str:
        with_plain, alone = self.c.messages[rule]
        return (with_plain.format(text=text, plain=plains[0]) if plains else alone.format(text=text))

    # -- phrase rules -----------------------------------------------------------

    def phrases(self) -> Iterable[_Found]:
        for start, end, pattern, gap_start, gap_end in self.c.phrases.find(
            self.cols, self.values, self.sid, self.word
        ):
            found = self._phrase(start, end, pattern, gap_start, gap_end)
            if found is not None:
                yield found

    def _phrase(self, start: int, end: int, pattern: _Pattern, gap_start: int, gap_end: int) -> _Found | None:
        prefix = ""
        first = self.word(start)
        if first.startswith("'") or first == "n't":
            if start == 0 or not self.attached(start):
                return None
            # "We|'re in receipt of", "is|n't uncommon": the word it leans on is replaced too.
            host = self.token(start - 1).text
            prefix = {"wo": "will", "ca": "can", "sha": "shall"}.get(host.lower(), host) + " "
            start -= 1
        text = self.text(start, end)
        gap = self.text(gap_start, gap_end) if gap_end > gap_start else ""
        plains: list[str] = []
        if pattern.rule == "nominalization":
            plains = self._inflected(pattern.plains, first, start + (1 if prefix else 0))
        else:
            plains = list(pattern.plains)
        if pattern.rule == "double-negative":
            last = self.word(end - 1)
            after = self.c.message_only_after.get(last)
            if after and self.word(start - 1) in after:
                plains = []
        plains = [match_case(prefix + p.replace(_GAP, gap), text) for p in plains]
        plains = list(dict.fromkeys(plains))
        rule = "style." + pattern.rule
        return _Found(start, end, rule, self.message(pattern.rule, text, plains), plains, pattern.text)

    def _inflected(self, plains: list[str], form: str, at: int) -> list[str]:
        """Plain alternatives with their head verb in the form of the matched light verb."""
        lemma = "be" if form in _BE_TAGS else self.lemma(at)
        tag: str | None
        if lemma == "be":
            tag = _BE_TAGS.get(form)
        else:
            forms = self.c.forms.get(lemma)
            tag = forms.tag_of(form, self.word(at - 1) in _AUXILIARIES) if forms else None
        out = []
        for plain in plains:
            words = plain.split()
            i, head = _head_word(plain)
            words[i] = words[i].rstrip("*")
            verb = self.c.forms.get(head)
            if verb is not None and tag is not None:
                if head == "have" and tag in ("VBN", "VBG"):
                    continue  # "has been in receipt of" would become "has had received"
                words[i] = verb.form(tag)
            out.append(" ".join(words))
        return out

    # -- passive ----------------------------------------------------------------

    def passive(self, k: int) -> _Found | None:
        c = self.c
        participle = self.word(k)
        verb = c.participles[participle]
        chain = self._chain(k)
        if chain is None:
            return None
        kind, first, _auxes, _neg, _adverbs = chain
        subject = self._subject(first - 1, k, verb)
        if subject is None:
            return None
        s_start, what, noun = subject  # what: "you", "your", "case", "made", "it"
        next_word = self.word(k + 1) if self.same(k, k + 1) else ""
        if self._agent_follows(k):
            return None
        if what == "you" and verb in c.not_you:
            return None
        if verb in c.instead and next_word == "to" and what in ("you", "your"):
            return self._instead(s_start, first, k, verb, chain)
        if what == "it":
            if next_word != "that" or verb not in c.it_that:
                return None  # "it was made in China"
        elif verb == "make":
            if what != "made":
                return None  # "your bed was made"
        elif verb not in c.agency_verbs or what == "made":
            return None
        if kind == "present" and participle in c.adjectival:
            return None  # "your case is closed": a state
        text = self.text(s_start, k + 1)
        obj = None
        if what == "you":
            obj = "you"
        elif what in ("your", "case", "made"):
            obj = self._as_object(s_start, first)
        plains: list[str] = []
        if what == "it":
            for alt in c.it_that[verb] + [verb]:
                plains.append(self._active(chain, alt, participle if alt == verb else "", None))
        elif what == "made":
            if noun is not None and noun in c.made:
                plains.append(self._active(chain, c.made[noun], "", None))
            plains.append(self._active(chain, "make", participle, obj))
        else:
            plains.append(self._active(chain, verb, participle, obj))
        plains = list(dict.fromkeys(match_case(p, text) for p in plains))
        return _Found(s_start, k + 1, "style.passive", self.message("passive", text, plains), plains)

    def _chain(self, k: int):
        """The auxiliaries before participle ``k``: ``(kind, first, aux positions, negation
        position, adverb positions)``, or None if they do not make a passive."""
        adverbs: list[int] = []
        neg: int | None = None
        auxes: list[int] = []

        def skip(j: int) -> int:
            nonlocal neg
            while j >= 0 and self.same(j, k):
                w = self.word(j)
                if w in _NEGATIONS and neg is None:
                    neg = j
                elif w in self.c.adverbs:
                    adverbs.append(j)
                else:
                    break
                j -= 1
            return j

        j = skip(k - 1)
        if not self.same(j, k):
            return None
        w = self.word(j)
        if w == "been":
            auxes.append(j)
            j = skip(j - 1)
            if not self.same(j, k) or self.word(j) not in _HAVE:
                return None
            auxes.append(j)
            kind = "had-been" if self.word(j) in ("had", "'d") else "have-been"
            m = skip(j - 1)
            if self.same(m, k) and self.word(m) in _MODALS and self.word(j) == "have":
                auxes.append(m)
                j, kind = m, "modal-have-been"
        elif w == "being":
            auxes.append(j)
            j = skip(j - 1)
            if not self.same(j, k) or self.word(j) not in _FINITE_BE:
                return None
            auxes.append(j)
            kind = "being-present" if self.word(j) in _PRESENT_BE else "being-past"
        elif w == "be":
            auxes.append(j)
            j = skip(j - 1)
            if not self.same(j, k) or self.word(j) not in _MODALS:
                return None  # "to be", "will be" only after a modal
            auxes.append(j)
            kind = "modal-be"
        elif w in _FINITE_BE:
            auxes.append(j)
            kind = "present" if w in _PRESENT_BE else "past"
        else:
            return None
        auxes.reverse()
        adverbs = sorted(a for a in adverbs if a > j)
        if neg is not None and neg < j:
            neg = None
        return kind, j, auxes, neg, adverbs

    def _subject(self, s: int, k: int, verb: str):
        """``(start, what, head noun)`` of the subject ending at ``s``, or None."""
        c = self.c
        if not self.same(s, k):
            return None
        w = self.word(s)
        if w == "you":
            return s, "you", None
        if w == "it":
            return s, "it", None
        if w in c.not_subject or w in _SUBJECT_DETERMINERS or not _is_word(w) or not self.lemma(s):
            return None
        head = self.lemma(s)
        t = s - 1
        while t >= 0 and s - t <= 6 and self.same(t, k):
            w = self.word(t)
            before = self.word(t - 1) if self.same(t - 1, k) else ""
            if w in _SUBJECT_DETERMINERS and before not in ("of", "for"):
                if w == "your":
                    return t, "your", head
                if verb == "make" and head in c.made and w in _CASE_DETERMINERS | {"a", "an"}:
                    return t, "made", (head if t == s - 1 else None)
                if w in _CASE_DETERMINERS and head in c.case_nouns:
                    return t, "case", head
                return None
            if not (w in ("of", "for", "and", "-", "'s") or (w in _SUBJECT_DETERMINERS and before in ("of", "for"))
                    or (_is_word(w) and w not in c.not_subject)):
                return None
            t -= 1
        return None

    def _agent_follows(self, k: int) -> bool:
        """A "by ..." naming who acts follows within a few words."""
        for j in range(k + 1, min(k + 6, self.n)):
            if not self.same(j, k):
                return False
            w = self.word(j)
            if w == "by":
                after = self.word(j + 1) if self.same(j, j + 1) else ""
                if after == "-":
                    continue  # "added to the by-name list"
                two = f"{after} {self.word(j + 2)}" if self.same(j, j + 2) else after
                return not (after in self.c.not_agent or two in self.c.not_agent or after[:1].isdigit())
            if not _is_word(w) and w not in ("-", "'s"):
                return False
        return False

    def _as_object(self, start: int, end: int) -> str:
        """The subject's words as the object of the active sentence ("Your benefits" -> "your benefits")."""
        text = self.text(start, end)
        first = self.word(start)
        if first in _SUBJECT_DETERMINERS:
            text = first + text[len(first):]
        return text

    def _active(self, chain, verb_phrase: str, like: str, obj: str | None) -> str:
        """ "we" + the chain's tense + the verb (+ object): "we have denied your application"."""
        kind, _first, auxes, neg, adverbs = chain
        words = verb_phrase.split()
        i, head = _head_word(verb_phrase)
        words[i] = words[i].rstrip("*")
        forms = self.c.forms[head]
        out = "we"
        negation = self._negation(neg)
        first_word = self.word(auxes[0])
        if kind in ("modal-be", "modal-have-been"):
            modal = self.token(auxes[0]).text.lower()
            out += modal if modal.startswith("'") else " " + modal
            out += negation
            if kind == "modal-have-been":
                out += " have"
            tag = "VBN" if kind == "modal-have-been" else "VB"
        elif kind in ("have-been", "had-been"):
            have = {"has": "have", "'s": "'ve"}.get(first_word, first_word)
            out += have if have.startswith("'") else " " + have
            out += negation
            tag = "VBN"
        elif kind == "being-present":
            out += ("'re" if first_word.startswith("'") and neg is None else " are") + negation
            tag = "VBG"
        elif kind == "being-past":
            out += " were" + negation
            tag = "VBG"
        elif kind == "present":
            if neg is not None:
                out += " do" + negation
            tag = "VB"
        else:
            if neg is not None:
                out += " did" + negation
                tag = "VB"
            else:
                tag = "VBD"
        for a in adverbs:
            out += " " + self.word(a)
        words[i] = forms.form(tag, like)
        out += " " + " ".join(words)
        if obj:
            out += " " + obj
        return out

    def _negation(self, neg: int | None) -> str:
        """The negation as written, to follow an auxiliary: "n't", "not" ("cannot"), " not"."""
        if neg is None:
            return ""
        word = self.word(neg)
        return word if self.attached(neg) else " " + word

    def _instead(self, s_start: int, first: int, k: int, verb: str, chain) -> _Found | None:
        """ "you are required to" -> "you must" / "you have to" / "we require you to"."""
        kind, _, auxes, neg, adverbs = chain
        subject = self.text(s_start, first)
        text = self.text(s_start, k + 2)
        plains: list[str] = []
        negation = self._negation(neg)
        be = self.word(auxes[-1])
        singular = be in ("is", "'s", "was")
        for alt in self.c.instead[verb]:
            if "*" not in alt:
                if kind == "present" and neg is None and not adverbs:
                    plains.append(f"{subject} {alt}")
                continue
            words = alt.split()
            i, head = _head_word(alt)
            forms = self.c.forms[head]
            if kind == "present":
                aux = (" does" if singular else " do") + negation if neg is not None else ""
                tag = "VB" if neg is not None else ("VBZ" if singular else "VB")
            elif kind == "past":
                aux = " did" + negation if neg is not None else ""
                tag = "VB" if neg is not None else "VBD"
            elif kind == "modal-be":
                modal = self.token(auxes[0]).text
                aux = (modal if modal.startswith("'") else " " + modal) + negation
                tag = "VB"
            elif kind == "have-been":
                have = self.token(auxes[0]).text
                aux = (have if have.startswith("'") else " " + have) + negation
                tag = "VBN"
            else:
                continue
            words[i] = forms.form(tag)
            adv = "".join(" " + self.word(a) for a in adverbs)
            plains.append(f"{subject}{aux}{adv} {' '.join(words)}")
        obj = "you" if self.word(s_start) == "you" and s_start == first - 1 else self._as_object(s_start, first)
        plains.append(self._active(chain, verb, self.word(k), obj) + " to")
        plains = list(dict.fromkeys(match_case(p, text) for p in plains))
        return _Found(s_start, k + 2, "style.passive", self.c.passive_message_instead.format(text=text, plain=plains[0]), plains)

    # -- "the client" -> "you" ----------------------------------------------------

    def addressed(self) -> str:
        """How the text speaks to its reader: "greeting" (a greeting to one person
        opens it), "you" (it says "you"/"your" at least twice) or "" (it does not,
        or it says "his or her": it is about people, not to one)."""
        if self._addressed is None:
            self._second = self.c.second_person_keys.contains(self.cols[:, 0])
            if self._generic_pronoun() or self._to_a_worker():
                self._addressed = ""
            elif self._greeted():
                self._addressed = "greeting"
            else:
                self._addressed = "you" if int(self._second.sum()) >= 2 else ""
        return self._addressed

    def _to_a_worker(self) -> bool:
        """ "your clients", "you as the clinician": the text speaks to a worker."""
        pattern = self.c.to_a_worker
        return pattern is not None and pattern.search(doc_text(self.doc).lower()) is not None

    def _you_nearby(self, k: int) -> bool:
        """A "you" or "your" in the sentence of token ``k``, or the one before or after."""
        here = self.sid[k]
        lo, hi = k, k
        while lo > 0 and self.sid[lo - 1] >= here - 1:
            lo -= 1
        while hi < self.n - 1 and self.sid[hi + 1] <= here + 1:
            hi += 1
        assert self._second is not None  # set by addressed()
        return bool(self._second[lo : hi + 1].any())

    def _generic_pronoun(self) -> bool:
        low, keys, n = self.cols[:, 0], self.c.generic_keys, self.n
        if n < 3 or not self.c.generic_pronouns:
            return False
        mask = keys[0].contains(low[:-2]) & keys[1].contains(low[1:-1]) & keys[2].contains(low[2:])
        for k in numpy.flatnonzero(mask).tolist():
            for phrase in self.c.generic_pronouns:
                if all(self.word(k + j) == w for j, w in enumerate(phrase)):
                    return True
        return False

    def _greeted(self) -> bool:
        sentences = 0
        for k in range(min(self.n, 40)):
            if k and self.sid[k] != self.sid[k - 1]:
                sentences += 1
                if sentences > 3:
                    return False
            if k and self.sid[k] == self.sid[k - 1]:
                continue
            for greeting in self.c.greetings:
                if all(self.word(k + j) == g for j, g in enumerate(greeting)):
                    return not self._to_a_group(k + len(greeting))
        return False

    def _to_a_group(self, k: int) -> bool:
        """The words after a greeting, up to punctuation or the line's end, name a group ("Hi team,")."""
        i = int(self.keep[k - 1]) + 1 if k > 0 else 0
        doc = self.doc
        for j in range(i, min(i + 6, len(doc))):
            t = doc[j]
            if "\n" in t.text or t.is_punct:
                break
            if t.lower_ in self.c.groups:
                return True
        return False

    def you(self, positions: list[int]) -> Iterable[_Found]:
        c = self.c
        for k in positions:
            if k == 0 or self.word(k - 1) != "the" or not self.same(k - 1, k):
                continue
            how = self.addressed()
            if not how:
                return
            if how == "you" and (self.word(k) in c.greeting_only or not self._you_nearby(k)):
                continue
            found = self._you(k - 1, k)
            if found is not None:
                yield found

    def _you(self, start: int, k: int) -> _Found | None:
        c = self.c
        nxt = k + 1
        after = self.word(nxt) if self.same(k, nxt) else ""
        if after in _RELATIVES:
            return None  # "the member who calls first": any member
        # Someone talked about: a "you" acting on them ("when you meet the client"), or he/she.
        j = start - 1
        while j >= 0 and self.same(j, k) and self.word(j) not in _CLAUSE_PUNCT:
            if self.word(j) == "you":
                return None
            j -= 1
        end_of_next = k + 1
        last_sid = self.sid[k] + 1
        while end_of_next < self.n and self.sid[end_of_next] <= last_sid:
            end_of_next += 1
        later = [self.word(j) for j in range(k + 1, end_of_next)]
        if any(w in c.third_person for w in later):
            return None
        same_sentence = [self.word(j) for j in range(k + 1, end_of_next) if self.sid[j] == self.sid[k]]
        end, plain = k + 1, "you"
        if after == "'s":
            end, plain = k + 2, "your"
        elif after == "" or not _is_word(after):
            pass  # "... to the client."
        else:
            at = nxt
            adverbs = []
            while self.word(at) in c.adverbs and self.same(at, k):
                adverbs.append(self.word(at))
                at += 1
            w = self.word(at) if self.same(at, k) else ""
            agreed = {"is": "are", "was": "were", "has": "have", "does": "do"}.get(w) or c.vbz_to_base.get(w)
            if agreed:
                end, plain = at + 1, " ".join(["you", *adverbs, agreed])
                if self.word(end) == "n't" and self.attached(end):
                    end, plain = end + 1, plain + "n't"  # "the client doesn't" -> "you don't"
            elif not (w in _MODALS or w in c.past_forms or w in c.you_followers or adverbs):
                return None  # "the client portal": a name for something else
            if self.word(k) in c.adjectives_too and not (w in _MODALS or w in c.you_followers or w in ("is", "was", "has", "does")):
                return None  # "the individual needs of each child"
        text = self.text(start, end)
        plains = [] if any(w in c.their for w in same_sentence) else [match_case(plain, text)]
        return _Found(start, end, "style.you", self.message("you", text, plains), plains)


@Language.factory(
    "plainspeak_style",
    assigns=["doc.spans"],
    requires=["token.lemma", "doc.sents"],
    default_config={"rules_path": None},
)
def make_style_checker(nlp: Language, name: str, rules_path: str | None) -> StyleChecker:
    """``rules_path``: another rules file in data/style_rules.toml's format (tests)."""
    return StyleChecker(nlp, name, rules_path)


def main(argv: list[str] | None = None) -> int:
    """``python -m plainspeak.pipeline.components.style [--write | --check]``: data/style_verbs.tsv."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    text = render_verb_forms()
    target = Path(__file__).resolve().parents[4] / "data" / VERBS_FILE
    if "--write" in args:
        target.write_text(text, encoding="utf-8")
        return 0
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if "--check" in args:
        return 0 if current == text else 1
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
