"""Comparing two drafts by one writer: what improved and what remains. Pure."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..report import Finding, Report

COMPARE_SCHEMA_VERSION = "1.0"  # compare --format json (data/schemas/compare.schema.json)


def _key(f: Finding) -> tuple[str, str]:
    """A finding's identity across drafts: its rule and (for word findings) the words."""
    return (f.rule, " ".join(f.text.lower().split()) if f.kind != "readability" else "")


@dataclass(frozen=True)
class Comparison:
    before: Report
    after: Report
    fixed: tuple[Finding, ...]  # in the first draft, gone from the second
    new: tuple[Finding, ...]  # in the second draft only
    remaining: tuple[Finding, ...]  # in both

    def to_dict(self) -> dict[str, Any]:
        def side(r: Report) -> dict[str, Any]:
            s = r.summary
            return {"path": r.name, "summary": s.to_dict() if s else None, "findings": len(r.findings)}

        def items(fs):
            return [{"rule": f.rule, "text": f.text, "line": f.line, "column": f.column} for f in fs]

        return {
            "schema_version": COMPARE_SCHEMA_VERSION,
            "before": side(self.before),
            "after": side(self.after),
            "fixed": items(self.fixed),
            "new": items(self.new),
            "remaining": items(self.remaining),
        }


def compare_reports(before: Report, after: Report) -> Comparison:
    """Match findings by rule and words, as many times as each occurs."""
    after_keys = Counter(_key(f) for f in after.findings)
    before_keys = Counter(_key(f) for f in before.findings)
    fixed, remaining = [], []
    for f in before.findings:
        k = _key(f)
        if after_keys[k] > 0:
            after_keys[k] -= 1
            remaining.append(f)
        else:
            fixed.append(f)
    new = []
    for f in after.findings:
        k = _key(f)
        if before_keys[k] > 0:
            before_keys[k] -= 1
        else:
            new.append(f)
    return Comparison(before, after, tuple(fixed), tuple(new), tuple(remaining))
