"""The text form of ``plainspeak compare``: two drafts side by side, then what was
fixed, what is new and what is still there."""

from __future__ import annotations

from typing import IO

from ..grading.compare import Comparison
from ..report import Summary, grade_text


def write_comparison(result: Comparison, first: str, second: str, stream: IO[str], *, min_words: int,
                     min_sentences: int) -> None:
    def echo(line: str = "") -> None:
        stream.write(line + "\n")

    b, a = result.before.summary, result.after.summary

    def grade(s: Summary | None) -> str:
        return "-" if s is None or s.grade is None else grade_text(s.grade)

    def density(s: Summary | None) -> str:
        return f"{100 * s.jargon / s.words if s and s.words else 0.0:.1f}"

    # Columns as wide as their widest cell, two spaces apart: cells never run together.
    rows = [("", "first", "second"), ("reading grade", grade(b), grade(a)),
            ("jargon per 100 words", density(b), density(a)),
            ("findings", str(len(result.before.findings)), str(len(result.after.findings)))]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for label, *cells in rows:
        echo(f"{label:<{widths[0]}}" + "".join(f"  {c:>{w}}" for c, w in zip(cells, widths[1:])))
    if b is None or a is None or b.grade is None or a.grade is None:
        echo(f"- not enough text for a reading grade (under {min_words} words or {min_sentences} sentences)")
    for title, items, name in (("Fixed", result.fixed, first), ("New in the second draft", result.new, second),
                               ("Still there", result.remaining, second)):
        echo(f"\n{title} ({len(items)}):")
        for f in items:
            what = "a sentence" if f.kind == "readability" else f"'{' '.join(f.text.split())}'"
            echo(f"  {f.rule}: {what} ({name}:{f.line}:{f.column})")
