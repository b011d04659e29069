"""The one place a found finding is kept, re-rated or set aside: rule selection
(``selection.py``) and the writer's suppression comments (``suppressions.py``).

Applied to each input's findings after extraction and before the summary is
counted, so what is ignored or suppressed is counted nowhere: not in the
summary, not by ``grade``, not in the exit code.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..report import Finding
from ..severity import Severity
from ..text.positions import LineIndex
from .selection import Selection
from .suppressions import Suppressions, parse_suppressions

UNUSED_RULE = "suppression.unused"


@dataclass(frozen=True)
class Policy:
    selection: Selection = field(default_factory=Selection)
    report_unused_suppressions: bool = False

    def apply(self, findings: Sequence[Finding], text: str) -> tuple[list[Finding], list[Finding]]:
        """``(kept, suppressed)``: findings chosen and rated by the selection, the
        ones the text's comments suppress set apart, and (when asked) a finding
        for each suppression comment that silenced nothing."""
        run = self.start(text)
        kept = run.take(findings)
        kept.extend(run.end())
        return kept, run.suppressed

    def start(self, text: str) -> PolicyRun:
        """The policy applied to one text's findings as they come, in text order."""
        return PolicyRun(self, text, parse_suppressions(text))


class PolicyRun:
    """One text's findings through the policy, a batch at a time in text order (a
    streamed report), or all at once. Whether a comment silenced nothing is known
    only at the end, so when that is asked for and the text has comments, every
    finding is held back until ``end``, sorted with those reports."""

    def __init__(self, policy: Policy, text: str, suppressions: Suppressions) -> None:
        self.policy = policy
        self.text = text
        self.suppressions = suppressions
        self.suppressed: list[Finding] = []
        self._held: list[Finding] | None = [] if policy.report_unused_suppressions and suppressions.directives else None

    def take(self, findings: Sequence[Finding]) -> list[Finding]:
        """The findings of the next stretch of text (sorted) that are reported now."""
        chosen = self.policy.selection.apply(findings)
        if self.suppressions.directives:
            kept: list[Finding] = []
            for f in chosen:
                (self.suppressed if self.suppressions.suppresses(f) else kept).append(f)
            chosen = kept
        if self._held is not None:
            self._held.extend(chosen)
            return []
        return chosen

    def end(self) -> list[Finding]:
        """What is reported last: the held findings with a report for each comment
        that silenced nothing (when asked for), in text order."""
        if self._held is None:
            return []
        kept, self._held = self._held, None
        unused = self.suppressions.unused()
        if unused:
            text = self.text
            lines = LineIndex(text)
            reports = []
            for d in unused:
                line, column = lines.position(d.start)
                end_line, end_column = lines.position(d.end)
                what = ", ".join(d.rules) if d.rules else "any rule"
                reports.append(Finding(
                    rule=UNUSED_RULE, category="suppression", severity=Severity.WARNING,
                    message=f"This 'plainspeak-{d.kind}' comment silences nothing ({what}); remove it.",
                    text=text[d.start:d.end], start=d.start, end=d.end, line=line, column=column,
                    end_line=end_line, end_column=end_column,
                ))
            # Asked for by --report-unused-suppressions, so --select does not drop them; --ignore and severities apply.
            kept.extend(replace(self.policy.selection, select=None, extend_select=()).apply(reports))
            kept.sort(key=lambda f: (f.start, -f.end, f.rule))
        return kept
