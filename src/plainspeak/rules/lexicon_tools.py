"""Exploring and checking lexicons: list, search, explain, validate. No Click here.

Pure functions over :class:`~plainspeak.lexicon.Lexicon` entries, so the
commands in cli/lexicon.py and cli/explain.py stay thin and these are easy to test.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from .lexicon import Entry, Lexicon, parse_lexicon

COLUMNS = (
    "id", "term", "plain", "category", "severity", "match", "pos", "note", "example", "source", "fix",
    "context", "counterexample",
)


def alternatives(entry: Entry) -> list[str]:
    """The plain alternatives as people read them (without the ``*`` inflection marks)."""
    return [alt.replace("*", "") for alt in entry.plain]


def entry_dict(entry: Entry) -> dict[str, Any]:
    """An entry as plain data (JSON); ``plain`` as a list, ``rule`` added."""
    return {
        "id": entry.id,
        "rule": entry.rule_id,
        "term": entry.term,
        "plain": alternatives(entry),
        "category": entry.category,
        "severity": entry.severity.label,
        "match": entry.match,
        "pos": entry.pos,
        "note": entry.note,
        "example": entry.example,
        "source": entry.source,
        "fix": entry.fix_mode,
        "context": entry.context,
        "counterexample": entry.counterexample,
    }


def entry_row(entry: Entry) -> list[str]:
    """An entry as a CSV row in the lexicon's own format (so a listing can be edited and reused)."""
    d = entry_dict(entry)
    d["plain"] = "|".join(entry.plain)  # with the * marks: the lexicon format
    d["fix"] = entry.fix
    return [d[c] for c in COLUMNS]


def entries_csv(entries: Iterable[Entry]) -> str:
    """Entries as a lexicon CSV file that :func:`parse_lexicon` reads back unchanged."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(entry_row(e) for e in entries)
    return out.getvalue()


def filter_entries(lexicon: Lexicon, *, categories: Sequence[str] = (), severities: Sequence[str] = ()) -> list[Entry]:
    return sorted(
        (
            e
            for e in lexicon
            if (not categories or e.category in categories) and (not severities or e.severity.label in severities)
        ),
        key=lambda e: (e.category, e.term.lower()),
    )


def search(lexicon: Lexicon, text: str) -> list[Entry]:
    """Entries whose term, alternatives, note or id contain ``text`` (any case),
    terms first: a term match ranks above a mention in a note."""
    needle = " ".join(text.lower().split())
    if not needle:
        return []

    def rank(e: Entry) -> int | None:
        if needle == e.term.lower():
            return 0
        if needle in e.term.lower() or needle in e.id:
            return 1
        if any(needle in alt.lower() for alt in e.plain):
            return 2
        if needle in e.note.lower():
            return 3
        return None

    ranked = [(r, e) for e in lexicon if (r := rank(e)) is not None]
    return [e for _, e in sorted(ranked, key=lambda x: (x[0], x[1].term.lower()))]


def find_entries(lexicon: Lexicon, term: str, analyzer=None) -> list[Entry]:
    """The entries ``term`` stands for: by term or id, else by running the matcher
    over it, so inflected forms work ("utilized" -> utilize). Context rules are
    ignored: "suffers from" alone has no condition after it, yet means suffer-from."""
    wanted = " ".join(term.lower().replace("-", " ").split())
    exact = [e for e in lexicon if " ".join(e.term.lower().replace("-", " ").split()) == wanted or e.id == term.lower()]
    if exact or analyzer is None:
        return exact
    from ..text.prep import prepare

    nlp = analyzer.nlp
    found: list[Entry] = []
    for span in nlp.get_pipe("plainspeak_jargon").spans(nlp(prepare(term).text), context=False):
        entry = lexicon.get(span.id_)
        if entry is not None and entry not in found:
            found.append(entry)
    return found


def validate_files(paths: Iterable[str | Path], tokenizer=None) -> tuple[list[str], int]:
    """Every problem in the given lexicon files, as ``file:row: column 'c' ...``
    lines, and the number of valid entries. ``tokenizer`` (a spaCy tokenizer)
    adds the check that each term splits into the words it is written with."""
    problems: list[str] = []
    count = 0
    for path in paths:
        path = Path(path)
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            raise LexiconError(f"{path}: lexicon file not found") from None
        except IsADirectoryError:
            raise LexiconError(f"{path}: is a directory, not a lexicon CSV file") from None
        except UnicodeDecodeError as err:
            problems.append(f"{path}:1: the file is not valid UTF-8 (byte {err.start})")
            continue
        except OSError as err:
            raise LexiconError(f"{path}: cannot read lexicon: {err.strerror or err}") from None
        entries, file_problems = parse_lexicon(text, str(path))
        problems.extend(file_problems)
        if tokenizer is not None:
            for entry in entries:
                problem = tokenization_problem(entry, tokenizer)
                if problem:
                    problems.append(f"{entry.origin}: column 'term': {problem}")
        count += len(entries)
    return problems, count


_WORDS = re.compile(r"[^\s-]+")


def tokenization_problem(entry: Entry, tokenizer) -> str | None:
    """Terms are matched word by word, as the tokenizer splits them. A term with
    characters that split words apart ("w/", "e.g.", "and/or") would only match
    that odd split, which is usually a mistake; words may be split only at
    spaces, hyphens and apostrophes ("doctor's" -> doctor 's)."""
    tokens = {t.text for t in tokenizer(entry.term)}
    for word in _WORDS.findall(entry.term):
        if word.endswith(":") and word[:-1] in tokens:  # "re:" splits as the text does: re :
            continue
        if "'" not in word and "\u2019" not in word and word not in tokens:
            got = [t.text for t in tokenizer(entry.term)]
            return f"{entry.term!r} is split into {got}; write it as people type it, without '/' or '.'"
    return None
