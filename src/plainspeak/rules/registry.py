"""Every rule that can fire: its id, family, default severity and what it catches.

The rules besides the lexicon's are data (data/rules.toml); the lexicon adds
one ``jargon.<id>`` rule per entry. ``plainspeak rules`` lists them, and
--select/--ignore are checked against them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..datafiles import data_path
from ..severity import Severity
from .lexicon import CATEGORIES, Lexicon
from .selection import FAMILIES


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    severity: Severity
    summary: str
    category: str = ""  # a lexicon rule's category

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "family": self.family, "severity": self.severity.label, "summary": self.summary,
                "category": self.category}


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    with open(data_path("rules.toml"), "rb") as fh:
        table = tomllib.load(fh)["rules"]
    return tuple(
        Rule(rule_id, rule_id.split(".", 1)[0], Severity.parse(info["severity"]), info["summary"])
        for rule_id, info in table.items()
    )


def all_rules(lexicon: Lexicon | Iterable = ()) -> list[Rule]:
    """The built-in rules, then one per lexicon entry, by id."""
    rules = list(builtin_rules())
    for entry in lexicon:
        rules.append(Rule(entry.rule_id, "jargon", entry.severity, f"'{entry.term}': {entry.note}", entry.category))
    return sorted(rules, key=lambda r: r.id)


def known_selectors(lexicon: Lexicon | Iterable = ()) -> list[str]:
    """What --select and --ignore accept: rule ids, families and lexicon categories."""
    return sorted({*FAMILIES, *CATEGORIES, "person-first", *(r.id for r in all_rules(lexicon))})
