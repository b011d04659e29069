"""The rule list (``plainspeak rules``), one rule explained (``plainspeak explain
RULE``) and the effective settings (``plainspeak config``): tables for people, JSON
for tools. The commands decide what to show; this module only writes it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import IO, Any


def write_rules(rules: Sequence[Any], fmt: str, out: IO[str]) -> None:
    """``rules`` (rules.registry.Rule) as a table or JSON on ``out``."""
    if fmt == "json":
        out.write(json.dumps([r.to_dict() for r in rules], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.table import Table

    from .rich_console import PipeConsole

    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("catches", overflow="fold")
    for r in rules:
        table.add_row(r.id, r.severity.label, r.summary)
    console = PipeConsole(file=out, highlight=False, markup=False, emoji=False)
    console.print(table)
    console.print(f"{len(rules)} rules", style="dim")


def write_rule(rule: Any, fmt: str, out: IO[str]) -> None:
    """One rule, for ``explain``."""
    if fmt == "json":
        out.write(json.dumps([rule.to_dict()], ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(f"{rule.id}  ({rule.family}, {rule.severity.label})\n  catches:     {rule.summary}\n"
                  "  more:        docs/rules.md\n")


def write_settings(config: str | None, values: Mapping[str, Any], origins: Mapping[str, str], fmt: str, out: IO[str]) -> None:
    """The effective settings and where each came from."""
    if fmt == "json":
        out.write(json.dumps({"settings": {"config": config, **values}, "from": dict(origins)}, ensure_ascii=False, indent=2) + "\n")
        return
    out.write(f"configuration file: {config or '(none found; defaults)'}\n")
    width = max(len(k) for k in values)
    for key, value in values.items():
        shown = "(default)" if value is None or value == [] or value == {} else json.dumps(value, ensure_ascii=False)
        out.write(f"  {key:<{width}}  {shown}   [{origins[key]}]\n")
