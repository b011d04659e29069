"""The jargon lexicon: loading, validation and lookup. No spaCy here.

The format is documented in docs/lexicon.md. Problems are reported eagerly
as ``file:row: column 'x' ...`` so a user can fix their file in one pass.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import data_path
from ..errors import LexiconError
from ..severity import Severity

CATEGORIES = (
    "mental-health",
    "recovery",
    "person-first",
    "benefits",
    "legal",
    "medical",
    "wordy",
    "acronym",
    "technology",
)
MATCH_MODES = ("lemma", "lower", "exact")
POS_TAGS = ("noun", "verb", "adj", "adv")
REQUIRED_COLUMNS = ("id", "term", "category", "severity", "match", "note")
OPTIONAL_COLUMNS = ("plain", "pos", "example", "source", "fix", "context", "counterexample")
FIX_MODES = ("auto", "review", "never")
# When the fix column is empty: stiff wording and stigmatising labels are swapped
# without review; terms whose meaning matters (clinical, legal, benefits ...) wait
# for --all or the writer's choice.
DEFAULT_FIX = {"wordy": "auto", "person-first": "auto", "technology": "auto"}
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_MARKED_WORD = re.compile(r"\w\*(?:\s|$)")  # "type* of treatment"
CONTEXT_WORDS_FILE = "context_words.toml"
MAX_CONTEXT_WINDOW = 10
# "not before: of", "only after within 3 words: test|screen|@drug_tests"
_CONTEXT_RULE = re.compile(
    r"^(?P<kind>not|only)\s+(?P<position>before|after|near)(?:\s+within\s+(?P<within>\d+)\s+words?)?\s*:(?P<words>.*)$",
    re.IGNORECASE,
)
_CONTEXT_WORD = re.compile(r"^[^\W_](?:[\w' .-]*[^\W_])?$")  # letters, digits; inside also ' - . and spaces
_LIST_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_CONTEXT_SYNTAX = (
    "write 'not' or 'only', 'before', 'after' or 'near', optionally 'within N words', a colon, "
    "then words or @lists separated by '|', as in 'not before: of'; separate rules with ';'"
)


@dataclass(frozen=True)
class ContextRule:
    """One rule of an entry's ``context`` column (docs/lexicon.md).

    ``position`` is where the term stands relative to ``phrases``: "before"
    looks at the ``within`` words after the term, "after" at those before it,
    "near" at both, in the same sentence. ``only``: one of the phrases must be there;
    otherwise none may be. Phrases are lower case, word lists expanded.
    """

    only: bool
    position: str
    within: int
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """One lexicon row. ``plain`` keeps the raw alternatives (with any ``*`` marks)."""

    id: str
    term: str
    plain: tuple[str, ...]
    category: str
    severity: Severity
    match: str
    pos: str
    note: str
    example: str = ""
    source: str = ""
    origin: str = ""  # "file:row", for messages about the entry
    fix: str = ""  # auto | review | never; empty: see fix_mode
    context: str = ""  # the context column as written (for listings and exports)
    context_rules: tuple[ContextRule, ...] = ()  # parsed: a match must satisfy them all
    counterexample: str = ""  # a sentence where the term must not be flagged

    @property
    def fix_mode(self) -> str:
        """How `plainspeak fix` treats the entry: auto (applied), review (only with
        --all or when chosen), never (no swap: the writer must explain it)."""
        if not self.plain:
            return "never"
        return self.fix or DEFAULT_FIX.get(self.category, "review")

    @property
    def rule_id(self) -> str:
        return f"jargon.{self.id}"


@dataclass
class Lexicon:
    """Entries by id; later files override earlier ones with the same term. A term
    may have several entries, one per sense, each with context rules saying which."""

    entries: dict[str, Entry] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    # The precompiled shipped lexicon (lexicon_index.py), when this is exactly it.
    index: Any = field(default=None, repr=False, compare=False)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, entry_id: str) -> Entry:
        return self.entries[entry_id]

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    @cached_property
    def _terms(self) -> frozenset[str]:
        return frozenset(e.term.lower() for e in self.entries.values())

    @cached_property
    def _ids_by_term(self) -> dict[str, tuple[str, ...]]:
        ids: dict[str, list[str]] = {}
        for e in self.entries.values():
            ids.setdefault(_term_key(e.term), []).append(e.id)
        return {key: tuple(found) for key, found in ids.items()}

    def ids_of_term(self, term: str) -> tuple[str, ...]:
        """The entries (one per sense) whose term is ``term``, any case, hyphens and
        spaces alike (as ``merge_entries`` counts one term)."""
        return self._ids_by_term.get(_term_key(term), ())

    def holds_a_term(self, phrase: str) -> bool:
        """Whether some words in a row of ``phrase`` are a term as written ("crisis
        intervention team" holds "crisis intervention")."""
        words = phrase.lower().split()
        return any(" ".join(words[i:j]) in self._terms for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def default_lexicon_path() -> Path:
    return data_path("jargon_lexicon.csv")


def load_lexicon(paths: Sequence[str | Path] = (), *, include_default: bool = True) -> Lexicon:
    """Load the shipped lexicon (unless ``include_default`` is false) plus user files.

    A user entry replaces the shipped entries with the same term (case-insensitive)
    or the same id.
    """
    files: list[Path] = [default_lexicon_path()] if include_default else []
    files.extend(Path(p) for p in paths)
    if include_default and not paths:
        from .lexicon_index import load_index

        index = load_index()
        if index is not None:
            return Lexicon({e.id: e for e in index.entries}, tuple(str(f) for f in files), index)
    lexicon = Lexicon()
    for path in files:
        lexicon = merge_entries(lexicon, read_lexicon_file(path), str(path))
    return lexicon


def merge_entries(base: Lexicon, entries: Sequence[Entry], source: str) -> Lexicon:
    """``base`` with ``entries`` (read from ``source``) laid over it: an entry replaces
    one with the same term (case-insensitive) or the same id. The one merge rule,
    for files and for lexicons saved with a pipeline."""
    merged = dict(base.entries)
    by_term: dict[str, list[str]] = {}
    for e in base:
        by_term.setdefault(_term_key(e.term), []).append(e.id)
    laid: set[str] = set()  # terms this source has laid over: its own senses of a term stay together
    for entry in entries:
        key = _term_key(entry.term)
        if key not in laid:
            laid.add(key)
            for old_id in by_term.pop(key, ()):
                merged.pop(old_id, None)
        old = merged.pop(entry.id, None)
        if old is not None and entry.id in by_term.get(_term_key(old.term), ()):
            by_term[_term_key(old.term)].remove(entry.id)
        merged[entry.id] = entry
        by_term.setdefault(key, []).append(entry.id)
    return Lexicon(merged, (*base.files, source))


def read_lexicon_file(path: str | Path) -> list[Entry]:
    """Read and validate one file; raises LexiconError naming the first bad rows."""
    path = Path(path)
    text = _read_text(path, "lexicon", "a lexicon CSV file")
    entries, problems = parse_lexicon(text, str(path))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s) in this file)" if len(problems) > 1 else ""
        raise LexiconError(problems[0] + more)
    return entries


def parse_lexicon(text: str, name: str = "<lexicon>") -> tuple[list[Entry], list[str]]:
    """Parse CSV text into entries; return ``(entries, problems)`` without raising.

    Problems read ``name:row: column 'c' ...`` where row is the 1-based line
    of the CSV record (the header is row 1).
    """
    problems: list[str] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return [], [f"{name}:1: the file is empty; expected a header row with {', '.join(REQUIRED_COLUMNS)}"]
    except csv.Error as err:
        return [], [f"{name}:1: malformed CSV: {err}"]
    header = [h.strip() for h in header]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        return [], [f"{name}:1: column(s) {', '.join(repeated)} appear more than once in the header"]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [f"{name}:1: missing column(s) {', '.join(missing)} in the header"]
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        problems.append(f"{name}:1: unknown column(s) {', '.join(unknown)} in the header")
    index = {c: i for i, c in enumerate(header)}
    entries: list[Entry] = []
    seen_ids: dict[str, int] = {}
    seen_terms: dict[str, tuple[int, bool]] = {}  # term -> (its first row, whether every entry of it has context)
    while True:
        row_no = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            problems.append(f"{name}:{row_no}: malformed CSV: {err}")
            break
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(f"{name}:{row_no}: expected {len(header)} fields, got {len(row)}")
            continue

        def get(col: str, row: list[str] = row) -> str:
            return row[index[col]].strip() if col in index else ""

        entry, row_problems = _build_entry(get, f"{name}:{row_no}")
        problems.extend(row_problems)
        if entry is None:
            continue
        if entry.id in seen_ids:
            problems.append(f"{name}:{row_no}: column 'id': duplicate id {entry.id!r} (first on row {seen_ids[entry.id]})")
            continue
        term_key = _term_key(entry.term)
        if term_key in seen_terms and not (entry.context and seen_terms[term_key][1]):
            problems.append(
                f"{name}:{row_no}: column 'term': duplicate term {entry.term!r} (first on row {seen_terms[term_key][0]}); "
                "a term may have another entry only for another sense, with a 'context' rule in each saying which"
            )
            continue
        seen_ids[entry.id] = row_no
        first, with_context = seen_terms.get(term_key, (row_no, True))
        seen_terms[term_key] = (first, with_context and bool(entry.context))
        entries.append(entry)
    return entries, problems


def _build_entry(get, where: str) -> tuple[Entry | None, list[str]]:
    problems: list[str] = []
    for col in REQUIRED_COLUMNS:
        if not get(col):
            problems.append(f"{where}: column '{col}' is empty")
    entry_id, term = get("id"), get("term")
    if term and not any(ch.isalnum() for ch in term):
        problems.append(f"{where}: column 'term' must contain a letter or digit; got {term!r}")
    if entry_id and not _ID_RE.match(entry_id):
        problems.append(f"{where}: column 'id' must be lowercase letters, digits and '-'; got {entry_id!r}")
    category = get("category")
    if category and category not in CATEGORIES:
        problems.append(f"{where}: column 'category' must be one of {', '.join(CATEGORIES)}; got {category!r}")
    try:
        severity = Severity.parse(get("severity"))
    except ValueError as err:
        if get("severity"):
            problems.append(f"{where}: column 'severity' {err}")
        severity = Severity.SUGGESTION
    match = get("match")
    if match and match not in MATCH_MODES:
        problems.append(f"{where}: column 'match' must be one of {', '.join(MATCH_MODES)}; got {match!r}")
    pos = get("pos").lower()
    if pos and pos not in POS_TAGS:
        problems.append(f"{where}: column 'pos' must be empty or one of {', '.join(POS_TAGS)}; got {pos!r}")
    fix = get("fix").lower()
    if fix and fix not in FIX_MODES:
        problems.append(f"{where}: column 'fix' must be empty or one of {', '.join(FIX_MODES)}; got {fix!r}")
    context = " ".join(get("context").split())
    context_rules: tuple[ContextRule, ...] = ()
    if context:
        context_rules, context_problems = parse_context(context)
        problems.extend(f"{where}: column 'context': {p}" for p in context_problems)
    plain = tuple(alt.strip() for alt in get("plain").split("|") if alt.strip())
    for alt in plain:
        if _term_key(alt.replace("*", "")) == _term_key(term):
            problems.append(f"{where}: column 'plain': suggestion {alt!r} is the term itself")
        if alt.count("*") > 1:
            problems.append(f"{where}: column 'plain': {alt!r} marks more than one word with '*'")
        elif "*" in alt and not _MARKED_WORD.search(alt):
            problems.append(f"{where}: column 'plain': in {alt!r}, '*' must end a word, as in 'type* of treatment'")
    if problems:
        return None, problems
    return (
        Entry(
            id=entry_id,
            term=term,
            plain=plain,
            category=category,
            severity=severity,
            match=match,
            pos=pos,
            note=get("note"),
            example=get("example"),
            source=get("source"),
            origin=where,
            fix=fix,
            context=context,
            context_rules=context_rules,
            counterexample=get("counterexample"),
        ),
        [],
    )


def parse_context(text: str) -> tuple[tuple[ContextRule, ...], list[str]]:
    """The rules of a ``context`` cell and the problems found, each as a phrase
    that follows ``column 'context': ``. Word lists (``@conditions``) come from
    data/context_words.toml, read only when a rule names one."""
    rules: list[ContextRule] = []
    problems: list[str] = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        m = _CONTEXT_RULE.match(part)
        if m is None:
            problems.append(f"{part!r} is not a rule: {_CONTEXT_SYNTAX}")
            continue
        within = int(m["within"] or 1)
        if not 1 <= within <= MAX_CONTEXT_WINDOW:
            problems.append(f"in {part!r}, 'within {within} words' must be 1 to {MAX_CONTEXT_WINDOW} words")
            continue
        phrases: list[str] = []
        for item in m["words"].split("|"):
            item = " ".join(item.split()).lower()
            if item.startswith("@"):
                lists = context_word_lists()
                if item[1:] not in lists:
                    problems.append(f"in {part!r}, unknown word list {item!r} (lists: {', '.join(sorted(lists))})")
                    continue
                found = lists[item[1:]]
            elif not _CONTEXT_WORD.match(item):
                what = "an empty word" if not item else f"{item!r}: words must be letters or digits"
                problems.append(f"in {part!r}, {what}")
                continue
            else:
                found = (item,)
            phrases.extend(p for p in found if p not in phrases)
        if phrases:
            rules.append(ContextRule(m["kind"].lower() == "only", m["position"].lower(), within, tuple(phrases)))
    return tuple(rules), problems


@lru_cache(maxsize=1)
def context_word_lists() -> dict[str, tuple[str, ...]]:
    """Named word lists for ``context`` rules, from data/context_words.toml:
    shared lists keep long ones (conditions, drug tests) out of the CSV and in one place."""
    path = data_path(CONTEXT_WORDS_FILE)
    try:
        data = tomllib.loads(_read_text(path, "context word list", "a TOML file"))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"{path}: not valid TOML: {err}") from None
    lists: dict[str, tuple[str, ...]] = {}
    for name, words in data.items():
        if not _LIST_NAME.match(name):
            raise LexiconError(f"{path}: list name {name!r} must be lowercase letters, digits and '_'")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise LexiconError(f"{path}: {name} must be a non-empty list of words")
        cleaned = tuple(dict.fromkeys(" ".join(w.split()).lower() for w in words))
        bad = [w for w in cleaned if not _CONTEXT_WORD.match(w)]
        if bad:
            raise LexiconError(f"{path}: {name}: {bad[0]!r} is not a word or phrase")
        lists[name] = cleaned
    return lists


def _term_key(term: str) -> str:
    return " ".join(term.lower().replace("-", " ").split())


def read_word_list(path: str | Path) -> list[str]:
    """Read an accept-list file: one word, acronym or lexicon term per line, ``#`` starts a comment."""
    path = Path(path)
    text = _read_text(path, "accept list", "an accept-list file")
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words



def _read_text(path: Path, what: str, a_file: str) -> str:
    """A UTF-8 data file's text, or a LexiconError that says what went wrong."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise LexiconError(f"{path}: {what} file not found") from None
    except IsADirectoryError:
        raise LexiconError(f"{path}: is a directory, not {a_file}") from None
    except UnicodeDecodeError as err:
        raise LexiconError(f"{path}: {what} is not valid UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise LexiconError(f"{path}: cannot read {what}: {err.strerror or err}") from None
