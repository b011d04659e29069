"""Which rules report, and at which severity: --select, --ignore, --extend-select
and per-rule severities, as ruff chooses its rules.

A selector is a rule id ("jargon.utilize", "readability.hard-sentence"), a
family (the part before the dot: "jargon", "uncommon", "acronym", "style",
"readability") or a lexicon category ("person-first", "medical", "wordy" ...).
A finding is selected when a ``select`` or ``extend-select`` selector matches
it (with no ``select``, every rule is) and no ``ignore`` selector does; the
most specific matching severity selector sets its severity.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..errors import PlainspeakError
from ..report import Finding
from ..severity import Severity

FAMILIES = ("jargon", "uncommon", "acronym", "style", "readability", "suppression")


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    @property
    def is_default(self) -> bool:
        return self.select is None and not self.ignore and not self.extend_select and not self.severity

    def keeps(self, finding: Finding) -> bool:
        chosen = self.select is None or any(matches(s, finding) for s in self.select)
        chosen = chosen or any(matches(s, finding) for s in self.extend_select)
        return chosen and not any(matches(s, finding) for s in self.ignore)

    def severity_of(self, finding: Finding) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, severity in self.severity:
            if matches(selector, finding):
                rank = specificity(selector, finding)
                if best is None or rank >= best[0]:
                    best = (rank, severity)
        return finding.severity if best is None else best[1]

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        if self.is_default:
            return list(findings)
        out = []
        for f in findings:
            if self.keeps(f):
                severity = self.severity_of(f)
                out.append(f if severity == f.severity else replace(f, severity=severity))
        return out

    def selectors(self) -> Iterable[tuple[str, str]]:
        """``(option, selector)`` for every selector, to check them."""
        for option, values in (("select", self.select or ()), ("ignore", self.ignore),
                               ("extend-select", self.extend_select), ("severity", [s for s, _ in self.severity])):
            for value in values:
                yield option, value


def matches(selector: str, finding: Finding) -> bool:
    rule = finding.rule
    return rule == selector or rule.startswith(selector + ".") or finding.category == selector


def specificity(selector: str, finding: Finding) -> int:
    """A rule id beats a category, which beats a family."""
    if selector == finding.rule:
        return 3
    if selector == finding.category:
        return 2
    return 1


def check_selectors(selection: Selection, known: Sequence[str], where: str = "") -> None:
    """Every selector names a rule, family or category that exists; else a clear error."""
    import difflib

    known_set = set(known)
    for option, selector in selection.selectors():
        if selector in known_set or any(k.startswith(selector + ".") for k in known_set):
            continue
        close = difflib.get_close_matches(selector, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        place = f"{where}: " if where else ""
        raise PlainspeakError(f"{place}{option}: unknown rule or family {selector!r}{hint}; see plainspeak rules")
