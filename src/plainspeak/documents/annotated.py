"""Handing a document back with the notes in it: a Word copy with margin comments,
or (for any other format) an HTML page of the text with its findings.

The original is never touched: the copy is written atomically under a new
name, and refused where it would replace an input of the run.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..report import Report
from ..sources.inputs import SourceText
from ..suffixes import FOLDER_SUFFIXES, READ_SUFFIXES


def annotated_name(source_name: str, fmt: str) -> str:
    """``letter.docx`` -> ``letter.annotated.docx``; other formats get a page,
    ``notes.txt`` -> ``notes.annotated.html``."""
    if source_name in ("", "-"):
        stem = "stdin"
    else:  # only a real suffix goes: "wucy (letter.docx)", a student's second file, keeps its name
        base = Path(source_name).name
        stem = Path(base).stem if Path(base).suffix.lower() in FOLDER_SUFFIXES else base
    stem = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in stem).strip(". ") or "submission"
    return f"{stem}.annotated.{'docx' if fmt == 'docx' else 'html'}"


def annotated_bytes(text: SourceText, report: Report, *, grade=None, target_grade: float | None = None,
                    pass_score: float = 70.0) -> bytes:
    """The annotated copy's bytes: a .docx with one comment per finding (and a
    summary first), or a self-contained HTML page for any other input."""
    from ..render.comments import comment_for, summary_comment

    summary = summary_comment(report, grade, target_grade=target_grade)
    if text.format == "docx":
        from . import docx

        assert text.source.path is not None
        try:
            data = text.source.data if text.source.data is not None else text.source.path.read_bytes()
        except OSError as err:
            raise InputError(text.source.name, f"cannot read: {err.strerror or err}") from None
        comments = [(f.start, f.end, comment_for(f)) for f in sorted(report.findings, key=lambda f: (f.start, f.end))]
        return docx.add_comments(data, text.source.name, comments, summary=summary)
    from ..grading.score import Grade
    from ..render.html import render_html

    entry = grade if grade is not None else Grade(report.name)
    page = render_html([(report, entry)], pass_score=pass_score, title=f"plainspeak notes: {Path(report.name).name}",
                       graded=grade is not None)
    return page.encode("utf-8")


def write_annotated(path: str | Path, data: bytes, inputs) -> None:
    """Write the copy atomically; never over an input of the run, nor (unless it is named
    as our copies are, NAME.annotated.*, which folder searches skip) where the next
    run would read it as a draft."""
    from ..sources.atomic import write_new
    from ..sources.inputs import is_our_output

    write_new(path, data, inputs=inputs, read_suffixes=() if is_our_output(Path(path).name) else READ_SUFFIXES)


def unique_path(path: Path, used: set[Path]) -> Path:
    """A name not yet written in this run (two inputs called letter.docx in different folders)."""
    stem, _, suffixes = path.name.partition(".")
    candidate, n = path, 2
    while candidate in used:
        candidate = path.with_name(f"{stem}-{n}.{suffixes}")
        n += 1
    used.add(candidate)
    return candidate
