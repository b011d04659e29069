"""SARIF 2.1.0 for code-scanning tools (GitHub code scanning, Azure DevOps, IDEs).

One run; results are written as each report finishes (memory stays flat);
the rules that fired are described at the end, in the tool's driver. Columns
count Unicode code points (``columnKind``), as plainspeak's do. A lexicon
swap that ``fix`` would make comes with a SARIF fix (a replacement); an input
that could not be read is a tool execution notification. No timestamps, so
the output is reproducible.
"""

from __future__ import annotations

import json
from typing import IO, Any

from ..__about__ import __version__
from ..report import Finding, Report, RunTotals
from ..severity import Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "note"}
INFORMATION_URI = "https://github.com/plainspeak/plainspeak"


class SarifRenderer:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0
        self.rules: dict[str, Finding] = {}  # rule id -> a finding of it, for its description
        self.started = False

    def _start(self) -> None:
        if not self.started:
            self.started = True
            self.stream.write('{\n  "$schema": ' + json.dumps(SCHEMA) + ',\n  "version": "2.1.0",\n  "runs": [\n'
                              '    {\n      "columnKind": "unicodeCodePoints",\n      "results": [')

    def report(self, report: Report) -> None:
        self._start()
        if report.error is not None:
            return  # listed as a notification at the end
        for finding in (f for findings, _ in report.parts() for f in findings):  # as they are found
            self.rules.setdefault(finding.rule, finding)
            self.stream.write(("," if self.count else "") + "\n        " + _dumps(result(report.name, finding), 8))
            self.count += 1
        self.stream.flush()

    def close(self, totals: RunTotals) -> None:
        self._start()
        rules = [_rule(rule_id, finding) for rule_id, finding in sorted(self.rules.items())]
        driver = {"name": "plainspeak", "version": __version__, "semanticVersion": __version__,
                  "informationUri": INFORMATION_URI, "rules": rules}
        notifications = [
            {"level": "error", "message": {"text": f"{path}: {why}"},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
            for path, why in totals.errors
        ]
        invocation = {"executionSuccessful": True, "toolExecutionNotifications": notifications}
        self.stream.write(("\n      " if self.count else "") + "],\n")
        self.stream.write('      "tool": ' + _dumps({"driver": driver}, 6) + ",\n")
        self.stream.write('      "invocations": ' + _dumps([invocation], 6) + "\n    }\n  ]\n}\n")
        self.stream.flush()


def result(path: str, f: Finding) -> dict[str, Any]:
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column,
              "charOffset": f.start, "charLength": f.end - f.start, "snippet": {"text": f.text}}
    location = {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}
    out: dict[str, Any] = {"ruleId": f.rule, "level": LEVELS[f.severity], "message": {"text": f.message},
                           "locations": [location]}
    if f.suggestions:
        out["fixes"] = [{
            "description": {"text": f"Replace with '{f.suggestions[0]}'"},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(path)},
                "replacements": [{"deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                                  "insertedContent": {"text": f.suggestions[0]}}],
            }],
        }]
        out["properties"] = {"suggestions": list(f.suggestions)}
    return out


def _rule(rule_id: str, example: Finding) -> dict[str, Any]:
    from ..rules.registry import builtin_rules

    builtin = {r.id: r for r in builtin_rules()}.get(rule_id)
    if builtin is not None:
        summary, severity = builtin.summary, builtin.severity
    elif example.term:
        summary, severity = f"the lexicon term '{example.term}' ({example.category})", example.severity
    else:
        summary, severity = rule_id, example.severity
    return {"id": rule_id, "name": rule_id, "shortDescription": {"text": summary[:1].upper() + summary[1:]},
            "defaultConfiguration": {"level": LEVELS[severity]},
            "properties": {"category": example.category, "tags": ["plain-language", rule_id.split(".", 1)[0]]}}


def _uri(path: str) -> str:
    """A relative URI reference for a path as given (spaces and the like escaped)."""
    from urllib.parse import quote

    return quote(path.replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")


def _dumps(data: Any, level: int) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * level)
