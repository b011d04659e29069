"""The grade roster: a table for the terminal, CSV or JSON, written to a stream.

The terminal table fits 80 columns; below it, per submission, where its
points went, one deduction a line, ready to hand back to the trainee.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import IO, Any

from ..grading.score import Grade

ROSTER_COLUMNS = (
    "file", "words", "grade", "jargon/100w", "uncommon", "acronyms", "stigmatising", "hard", "long", "score", "result",
)


def roster_row(g: Grade) -> list[str]:
    from ..grading.score import score_text
    from ..report import grade_text

    if g.error is not None:
        return [g.name, *([""] * (len(ROSTER_COLUMNS) - 2)), f"error: {g.error}"]
    result = "pass" if g.passed else f"fail ({g.automatic_fail})" if g.automatic_fail else "fail"
    return [
        g.name, str(g.words), "-" if g.reading_grade is None else grade_text(g.reading_grade), f"{g.jargon_per_100:.1f}",
        str(g.uncommon), str(g.acronyms), str(g.stigmatising), str(g.hard_sentences), str(g.long_sentences),
        score_text(g.score), result,
    ]


def write_roster(grades: Sequence[Grade], fmt: str, rubric: dict[str, Any], stream: IO[str]) -> None:
    """The roster in ``fmt`` (table, csv or json) on ``stream``."""
    if fmt == "json":
        from ..grading.score import GRADE_SCHEMA_VERSION

        document = {"schema_version": GRADE_SCHEMA_VERSION, "pass_score": rubric["pass_score"],
                    "submissions": [g.to_dict() for g in grades]}
        stream.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(ROSTER_COLUMNS)
        writer.writerows(roster_row(g) for g in grades)
        return
    _print_roster(grades, rubric, stream)


SHORT_TEXT_NOTE = ("grade: too short for a full reading grade (under 30 words or 3 sentences); "
                   "scored by the grade of its sentences instead")

# Two-line headers keep the roster inside 80 columns; CSV keeps ROSTER_COLUMNS.
_WRAPPED_HEADERS = {"jargon/100w": "jargon\n/100 w", "uncommon": "un-\ncommon", "acronyms": "acro-\nnyms",
                    "stigmatising": "stigma-\ntising"}


def _print_roster(grades: Sequence[Grade], rubric: dict[str, Any], stream: IO[str]) -> None:
    """The roster as a table that fits a terminal, then per submission where
    its points went, one deduction a line, ready to hand back."""
    from rich.table import Table

    from ..grading.score import score_text
    from .rich_console import PipeConsole

    console = PipeConsole(file=stream, highlight=False, markup=False, emoji=False)
    table = Table(box=None, header_style="bold", pad_edge=False, collapse_padding=True)
    for column in ROSTER_COLUMNS:
        header = _WRAPPED_HEADERS.get(column, column)
        if column == "file":
            table.add_column(header, overflow="fold", ratio=1)  # long paths wrap; numbers never do
        else:
            table.add_column(header, justify="left" if column == "result" else "right", no_wrap=True)
    for g in grades:
        row = roster_row(g)
        row[-1] = "error" if g.error else "fail*" if g.automatic_fail else row[-1]
        style = "red" if g.error or not g.passed else "green"
        table.add_row(*row, style=style if console.is_terminal else None)
    console.print(table)
    graded = [g for g in grades if g.error is None]
    passed = sum(g.passed for g in graded)
    if any(g.automatic_fail for g in graded):
        console.print("* fails whatever the score (see below)")
    if any(g.reading_grade is None for g in graded):
        console.print(f"- {SHORT_TEXT_NOTE}")
    console.print(f"\n{len(graded)} graded, {passed} passed (pass score {rubric['pass_score']:g})"
                  + (f", {len(grades) - len(graded)} could not be read" if len(graded) < len(grades) else ""))
    explained = [g for g in graded if g.deductions or g.automatic_fail]
    if explained:
        console.print("\nWhere the points went:")
        for g in explained:
            console.print(f"  {g.name}: {score_text(g.score)} of 100", soft_wrap=True)
            for d in g.deductions:
                console.print(f"    {'-' + score_text(d.points):>5}  {d.detail}")
            if g.automatic_fail:
                console.print(f"    fails whatever the score: {g.automatic_fail}")
    unread = [g for g in grades if g.error is not None]
    if unread:
        console.print("\nCould not be read:")
        for g in unread:
            console.print(f"  {g.name}: {g.error}", soft_wrap=True)


