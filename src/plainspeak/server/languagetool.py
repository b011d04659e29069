"""LanguageTool's HTTP API (``POST /v2/check``, ``GET /v2/languages``), so the clients
people already have (LibreOffice's extension, the browser add-on, LTeX) can use
plainspeak as their server.

LanguageTool counts offsets in Java string positions: UTF-16 code units, so an
emoji before a finding counts two. Responses follow LanguageTool's documented
shape (https://languagetool.org/http-api/): ``matches[]`` with ``offset``,
``length``, ``message``, ``shortMessage``, ``replacements[].value``,
``rule.id``, ``rule.category``, ``context``.
"""

from __future__ import annotations

from typing import Any

from ..__about__ import __version__
from ..report import Finding, Report

LANGUAGES = [{"name": "English", "code": "en", "longCode": "en-US"},
             {"name": "English (US)", "code": "en", "longCode": "en-US"},
             {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]
CONTEXT = 40  # characters either side, as LanguageTool's own context


def utf16_offsets(text: str) -> list[int]:
    """For each code point index i (and len(text)), its position in UTF-16 code units."""
    out = [0] * (len(text) + 1)
    position = 0
    for i, char in enumerate(text):
        out[i] = position
        position += 2 if ord(char) > 0xFFFF else 1
    out[len(text)] = position
    return out


def _match(text: str, finding: Finding, units: list[int]) -> dict[str, Any]:
    start = max(0, finding.start - CONTEXT)
    end = min(len(text), finding.end + CONTEXT)
    context = text[start:end].replace("\n", " ")
    short = {"jargon": "Jargon", "uncommon": "Uncommon word", "acronym": "Unexplained acronym",
             "style": "Wording", "readability": "Hard to read"}.get(finding.kind, "Plain language")
    if finding.category == "person-first":
        short = "Stigmatising word"
    return {
        "message": finding.message,
        "shortMessage": short,
        "replacements": [{"value": s} for s in finding.suggestions],
        "offset": units[finding.start],
        "length": units[finding.end] - units[finding.start],
        "context": {"text": context, "offset": units[finding.start] - units[start] if start else units[finding.start],
                    "length": units[finding.end] - units[finding.start]},
        "sentence": "",
        "type": {"typeName": "Hint" if finding.severity.label == "suggestion" else "Other"},
        "rule": {
            "id": finding.rule.upper().replace(".", "_").replace("-", "_"),
            "subId": finding.rule,
            "description": short,
            "issueType": "style",
            "category": {"id": "PLAINSPEAK_" + finding.kind.upper(), "name": f"Plain language ({finding.kind})"},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def check_response(text: str, report: Report, language: str) -> dict[str, Any]:
    units = utf16_offsets(text)
    return {
        "software": {"name": "plainspeak", "version": __version__, "buildDate": "", "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English", "code": language or "en-US",
                     "detectedLanguage": {"name": "English", "code": "en-US", "confidence": 1.0}},
        "matches": [_match(text, f, units) for f in report.findings],
    }


def text_of_data(data: str) -> str:
    """The text of LanguageTool's ``data`` field (annotated text: ``{"annotation": [{"text": ...},
    {"markup": ...}]}``): text parts as they are, markup as spaces of its own length, so
    offsets stay those of the document the client sent."""
    import json

    from .requests import RequestError

    try:
        parsed = json.loads(data)
    except ValueError:
        raise RequestError("'data' must be JSON: {\"annotation\": [{\"text\": ...}, {\"markup\": ...}]}") from None
    parts = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(parts, list):
        raise RequestError("'data' must hold an 'annotation' list")
    out = []
    for part in parts:
        if not isinstance(part, dict):
            raise RequestError("each annotation must be an object with 'text' or 'markup'")
        if isinstance(part.get("text"), str):
            out.append(part["text"])
        elif isinstance(part.get("markup"), str):
            width = len(part["markup"])
            interpret = part.get("interpretAs")
            shown = interpret if isinstance(interpret, str) else ""
            out.append(shown[:width].ljust(width))  # the markup's own length: offsets stay the document's
        else:
            raise RequestError("each annotation must have a string 'text' or 'markup'")
    return "".join(out)
