"""Lexicon entries as a table for people, CSV in the lexicon's own format, or JSON;
and one entry explained (``plainspeak explain``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO

from ..rules.lexicon import Entry


def write_entries(entries: Sequence[Entry], fmt: str, out: IO[str]) -> None:
    """``entries`` in ``fmt`` (table, csv or json) on ``out``."""
    from ..rules.lexicon_tools import alternatives, entries_csv, entry_dict

    if fmt == "json":
        out.write(json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        out.write(entries_csv(entries))
    else:
        from rich.table import Table

        from .rich_console import PipeConsole

        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("term", style="bold", overflow="fold")
        table.add_column("say instead", overflow="fold")
        table.add_column("category", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        for e in entries:
            table.add_row(e.term, " | ".join(alternatives(e)) or "(explain it)", e.category, e.severity.label)
        console = PipeConsole(file=out, highlight=False, markup=False, emoji=False)
        console.print(table)
        console.print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}", style="dim")




def write_explanation(entries: Sequence[Entry], fmt: str, out: IO[str]) -> None:
    """What the lexicon says about a term: say instead, why, an example, the source."""
    from ..rules.lexicon_tools import alternatives, entry_dict

    if fmt == "json":
        out.write(json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
        return
    for i, e in enumerate(entries):
        if i:
            out.write("\n")
        out.write(f"{e.term}  ({e.category}, {e.severity.label}; rule {e.rule_id})\n")
        out.write(f"  say instead: {' | '.join(alternatives(e)) if e.plain else '(no one swap: explain it, see why)'}\n")
        out.write(f"  why:         {e.note}\n")
        if e.example:
            out.write(f"  example:     {e.example}\n")
        if e.context:
            out.write(f"  only when:   {e.context}\n")
        if e.source:
            out.write(f"  source:      {e.source}\n")
