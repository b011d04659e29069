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

from collections.abc import Callable
from typing import Any

from ..__about__ import __version__
from ..report import Finding
from .requests import RequestError, valid_unicode

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


def language_of(value: Any) -> tuple[str, str]:
    """The English variant a request's ``language`` asks for, as (code, name): what is
    really checked. plainspeak checks English only: any other language is a 400, as
    LanguageTool answers for a language it does not have (``auto`` is English here)."""
    if value is None or value == "":
        return "en-US", "English (US)"
    if not isinstance(value, str):
        raise RequestError("'language' must be a language code, such as en-US")
    code = value.strip().replace("_", "-").lower()
    if code == "en-gb":
        return "en-GB", "English (GB)"
    if code in ("auto", "en") or code.startswith("en-"):
        return "en-US", "English (US)"
    shown = value.strip()[:40]
    raise RequestError(f"plainspeak checks English only, not '{shown}': send language=en-US (or auto)")


def rule_filter(fields: dict[str, Any]) -> Callable[[Finding], bool]:
    """Which findings a request's ``disabledRules``, ``disabledCategories``, ``enabledRules``,
    ``enabledCategories`` and ``enabledOnly`` keep. A rule is named by its ``rule.id``
    (``JARGON_UTILIZE``), plainspeak's id (``jargon.utilize``) or a family (``jargon``); a
    category by its ``category.id`` (``PLAINSPEAK_JARGON``) or kind (``jargon``). Names
    plainspeak does not have (LanguageTool's own rules) are ignored; ``enabledRules``
    without ``enabledOnly`` changes nothing, since every plainspeak rule is on."""

    def listed(name: str) -> frozenset[str]:
        value = fields.get(name, "")
        items = value if isinstance(value, list) else value.split(",") if isinstance(value, str) else None
        if items is None or not all(isinstance(item, str) for item in items):
            raise RequestError(f"'{name}' must be a comma-separated list of rule ids")
        return frozenset(_rule_name(item) for item in items if item.strip())

    disabled, enabled = listed("disabledRules"), listed("enabledRules")
    disabled_kinds, enabled_kinds = listed("disabledCategories"), listed("enabledCategories")
    only = str(fields.get("enabledOnly", "")).strip().lower() in ("true", "yes", "1")
    if only and not (enabled or enabled_kinds):
        raise RequestError("'enabledOnly' needs 'enabledRules' or 'enabledCategories'")

    def keep(finding: Finding) -> bool:
        parts = finding.rule.split(".")
        rules = {_rule_name(".".join(parts[:n])) for n in range(1, len(parts) + 1)}  # the rule and its families
        kinds = {_rule_name(finding.kind), _rule_name("PLAINSPEAK_" + finding.kind)}
        if rules & disabled or kinds & disabled_kinds:
            return False
        return not only or bool(rules & enabled or kinds & enabled_kinds)

    return keep


def _rule_name(name: str) -> str:
    return name.strip().upper().replace(".", "_").replace("-", "_")


def check_response(text: str, findings: list[Finding], language: tuple[str, str] = ("en-US", "English (US)"),
                   keep: Callable[[Finding], bool] | None = None) -> dict[str, Any]:
    units = utf16_offsets(text)
    code, name = language
    return {
        "software": {"name": "plainspeak", "version": __version__, "buildDate": "", "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": code,
                     "detectedLanguage": {"name": name, "code": code, "confidence": 1.0}},
        "matches": [_match(text, f, units) for f in findings if keep is None or keep(f)],
    }


def text_of_data(data: Any) -> str:
    """The text of LanguageTool's ``data`` field (annotated text: ``{"annotation": [{"text": ...},
    {"markup": ...}]}``): text parts as they are, markup as spaces of its own length, so
    offsets stay those of the document the client sent."""
    import json

    if not isinstance(data, str):
        raise RequestError("'data' must be a string: LanguageTool's annotated text, as JSON")
    try:
        parsed = json.loads(data)
    except (ValueError, RecursionError):
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
    return valid_unicode("".join(out), "data")
