"""Suppression comments: the writer says "leave this alone", in the text itself.

    <!-- plainspeak-disable-next-line jargon.utilize -->     Markdown and HTML
    <!-- plainspeak-disable style.passive --> ... <!-- plainspeak-enable -->
    plainspeak-disable-next-line jargon.utilize               a line of its own, in any text

A directive names rules, families or categories (as --select does: "jargon",
"person-first", "readability.long-sentence"), separated by spaces or commas;
none means every rule. ``disable-next-line`` covers the next line;
``disable`` covers the lines up to an ``enable`` (of the same rules, or a bare
``enable``; a bare ``disable`` ends only at a bare ``enable``) or the end. A
directive counts inside an HTML comment or at the start of a line, not in the
middle of a sentence. A line directive in plain text (it may start with
``#``, ``//`` or ``%``) is not prose: it is never checked, and a writer can
delete it before sending. Findings that start on a covered line are
suppressed: not reported, not counted by ``grade`` or the exit code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..report import Finding
from ..text.positions import LineIndex
from .selection import matches

MARK = "plainspeak-"  # a text without it has no directives: one substring test
# Inside an HTML comment, or at the start of a line (after an optional #, // or %): a
# "plainspeak-disable" in the middle of a sentence is prose, not a directive.
DIRECTIVE = re.compile(
    r"(?:<!--[ \t]*|^[ \t]*(?:#|//|%)?[ \t]*)"
    r"plainspeak-(?P<kind>disable-next-line|disable|enable)(?![\w-])(?P<rules>[^\n>]*?)\s*(?:-->|$)",
    re.M,
)
# A directive alone on its line, outside an HTML comment: not prose (text/nonprose.py masks it).
LINE_DIRECTIVE = re.compile(r"(?m)^[ \t]*(?:#|//|%)?[ \t]*plainspeak-(?:disable-next-line|disable|enable)(?![\w-])[^\n]*")


@dataclass
class Directive:
    kind: str  # disable-next-line | disable | enable
    rules: tuple[str, ...]  # empty: every rule
    line: int  # 1-based line of the directive
    start: int  # offset of the directive, for an "unused" report
    end: int
    used: bool = False


@dataclass
class Region:
    first: int  # first covered line
    last: int  # last covered line (inclusive)
    directive: Directive


@dataclass
class Suppressions:
    regions: list[Region] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, finding: Finding) -> bool:
        hit = False
        for region in self.regions:
            if region.first <= finding.line <= region.last and (
                not region.directive.rules or any(matches(r, finding) for r in region.directive.rules)
            ):
                region.directive.used = True
                hit = True
        return hit

    def unused(self) -> list[Directive]:
        return [d for d in self.directives if d.kind != "enable" and not d.used]


def parse_suppressions(text: str) -> Suppressions:
    """The directives in ``text`` and the lines they cover."""
    if MARK not in text:
        return Suppressions()
    lines = LineIndex(text)
    directives = []
    for match in DIRECTIVE.finditer(text):
        rules = tuple(r for r in re.split(r"[\s,]+", match.group("rules").strip()) if r)
        at = match.start("kind") - len(MARK)  # the directive itself, without "<!--" or "#" before it
        line = lines.position(at)[0]
        directives.append(Directive(match.group("kind"), rules, line, at, match.end()))
    last_line = lines.position(len(text))[0]
    regions: list[Region] = []
    open_: list[Directive] = []
    for d in directives:
        if d.kind == "disable-next-line":
            regions.append(Region(d.line + 1, d.line + 1, d))
        elif d.kind == "disable":
            open_.append(d)
        else:  # enable: closes the open disables of its rules (all, when bare); a bare disable only by a bare enable
            still = []
            for o in open_:
                if not d.rules or (o.rules and set(o.rules) <= set(d.rules)):
                    regions.append(Region(o.line, d.line, o))
                else:
                    still.append(o)
            open_ = still
    regions.extend(Region(o.line, last_line, o) for o in open_)
    return Suppressions(regions, directives)


def apply_suppressions(
    findings: Sequence[Finding], text: str, *, report_unused: bool = False
) -> tuple[list[Finding], list[Finding], list[Directive]]:
    """``(kept, suppressed, unused directives)``; unused only when asked for."""
    suppressions = parse_suppressions(text)
    if not suppressions.directives:
        return list(findings), [], []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        (suppressed if suppressions.suppresses(f) else kept).append(f)
    return kept, suppressed, suppressions.unused() if report_unused else []
