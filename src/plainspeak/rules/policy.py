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
from .suppressions import apply_suppressions

UNUSED_RULE = "suppression.unused"


@dataclass(frozen=True)
class Policy:
    selection: Selection = field(default_factory=Selection)
    report_unused_suppressions: bool = False

    def apply(self, findings: Sequence[Finding], text: str) -> tuple[list[Finding], list[Finding]]:
        """``(kept, suppressed)``: findings chosen and rated by the selection, the
        ones the text's comments suppress set apart, and (when asked) a finding
        for each suppression comment that silenced nothing."""
        chosen = self.selection.apply(findings)
        kept, suppressed, unused = apply_suppressions(chosen, text, report_unused=self.report_unused_suppressions)
        if unused:
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
            kept.extend(replace(self.selection, select=None, extend_select=()).apply(reports))
            kept.sort(key=lambda f: (f.start, -f.end, f.rule))
        return kept, suppressed
