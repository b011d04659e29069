"""Findings and reports: plain data, the boundary between spaCy and the rest.

The JSON form of these classes is a public contract, documented field by
field in docs/json-schema.md; change ``SCHEMA_VERSION`` when it changes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .severity import Severity

SCHEMA_VERSION = "2.2"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing to look at. ``text == source_text[start:end]`` always holds."""

    rule: str  # e.g. "jargon.utilize", "uncommon.word", "readability.hard-sentence"
    category: str  # lexicon category, or "uncommon", "acronym", "readability"
    severity: Severity
    message: str  # why it is a problem, one plain sentence
    text: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    term: str | None = None  # the lexicon term, for jargon findings
    entry_id: str | None = None  # the lexicon entry's id, for jargon findings (the rule is "jargon.<id>")
    where: str | None = None  # where in a document it is ("paragraph 3", "table 1, row 2, cell 1", "page 2")

    @property
    def kind(self) -> str:
        """The rule family: jargon, uncommon, acronym, style or readability."""
        return self.rule.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "suggestions": list(self.suggestions),
            "term": self.term,
            "where": self.where,
        }


def grade_text(grade: float) -> str:
    """A reading grade as people read it: one decimal, and never a grade below 1
    (a formula can go below 0 for very plain text): "below 1" says so in words."""
    return f"{grade:.1f}" if grade >= 1 else "below 1"


def summary_bucket(finding: Finding) -> str:
    """Which summary count a finding goes to, decided here only: a lexicon term
    written as an acronym (IOP) is an unexplained acronym like any other, a
    stigmatising term is counted as such, not as jargon."""
    if finding.kind == "readability":
        return finding.rule.split(".", 1)[1]  # hard-sentence, long-sentence
    if finding.category == "person-first":
        return "stigmatising"
    if finding.kind == "acronym" or finding.category == "acronym":
        return "acronym"
    return finding.kind  # jargon, uncommon, style


@dataclass(frozen=True, slots=True)
class Summary:
    words: int
    sentences: int
    grade: float | None  # Flesch-Kincaid grade; None = not enough text
    reading_ease: float | None  # Flesch reading ease; None = not enough text
    jargon: int  # lexicon terms, not counting stigmatising terms and acronyms
    uncommon: int
    acronyms: int  # unexplained acronyms, lexicon ones (IOP) included
    hard_sentences: int
    long_sentences: int
    # plainspeak's estimate: sentence length and readers' ratings of the hardest and the content words
    estimated_grade: float | None = None
    stigmatising: int = 0
    style: int = 0  # plain-language rules beyond word lists (style.*)
    # Flesch-Kincaid over the sentences of a text too short for ``grade`` (under
    # 30 words or 3 sentences): less reliable, but a one-sentence exercise is
    # still graded on how it reads (plainspeak grade)
    short_text_grade: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "sentences": self.sentences,
            "grade": None if self.grade is None else round(self.grade, 1),
            "reading_ease": None if self.reading_ease is None else round(self.reading_ease, 1),
            "jargon": self.jargon,
            "stigmatising": self.stigmatising,
            "style": self.style,
            "uncommon": self.uncommon,
            "acronyms": self.acronyms,
            "hard_sentences": self.hard_sentences,
            "long_sentences": self.long_sentences,
            "estimated_grade": None if self.estimated_grade is None else round(self.estimated_grade, 1),
            "short_text_grade": None if self.short_text_grade is None else round(self.short_text_grade, 1),
        }


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence with words: where it is, how long and how hard (plainspeak's
    estimated grade, names left out: the grade the hard-sentence rule judges)."""

    start: int
    end: int
    line: int
    column: int
    words: int
    grade: float

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "line": self.line, "column": self.column,
                "words": self.words, "grade": self.grade}


@dataclass
class Report:
    """The result for one input. ``error`` is set (and findings empty) when it could not be read."""

    name: str
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    summary: Summary | None = None
    error: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    suppressed: list[Finding] = field(default_factory=list)  # set aside by the text's suppression comments
    format: str = "text"  # what the text was read from: "text", "docx", "pdf", "html", "eml" ...
    encoding: str | None = None  # the text encoding a text file was read with (None: not a text file)
    notes: list[str] = field(default_factory=list)  # what reading left out and why ("left out 3 quoted lines")
    # The text's length where ``text`` is not held (a huge file read in windows: sources/windows.py)
    text_chars: int | None = None
    # A streamed report (Analyzer.report_in_parts): its findings and sentences still to
    # come, a piece of the text at a time; read them with ``parts``.
    stream: Iterator[tuple[list[Finding], list[Sentence]]] | None = field(default=None, repr=False, compare=False)
    _counted: dict[Severity, int] | None = field(default=None, repr=False, compare=False)

    def parts(self) -> Iterator[tuple[Sequence[Finding], Sequence[Sentence]]]:
        """The findings and sentences in text order, a stretch of text at a time: all
        at once for a whole report; as they are found for a streamed one, which keeps
        none of them (read them once; ``summary`` and ``suppressed`` are set, and
        ``severity_counts`` complete, after the last)."""
        if self.stream is None:
            yield self.findings, self.sentences
            return
        stream, self.stream = self.stream, None
        counted = self._counted = dict.fromkeys(Severity, 0)
        for findings, sentences in stream:
            for f in findings:
                counted[f.severity] += 1
            yield findings, sentences

    def complete(self) -> Report:
        """The report with every finding and sentence in its lists (a streamed one read
        to its end), for a consumer that needs them all at once."""
        if self.stream is not None:
            findings: list[Finding] = []
            sentences: list[Sentence] = []
            for some, more in self.parts():
                findings.extend(some)
                sentences.extend(more)
            self.findings, self.sentences, self._counted = findings, sentences, None
        return self

    def severity_counts(self) -> dict[Severity, int]:
        """How many findings of each severity (of a streamed report: those read so far)."""
        if self._counted is not None:
            return dict(self._counted)
        counts = dict.fromkeys(Severity, 0)
        for f in self.findings:
            counts[f.severity] += 1
        return counts

    @property
    def worst(self) -> Severity | None:
        if self._counted is not None:
            return max((s for s, n in self._counted.items() if n), default=None)
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"path": self.name, "error": self.error}
        return {
            "path": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "notes": self.notes,
            "findings": [f.to_dict() for f in self.findings],
            "sentences": [s.to_dict() for s in self.sentences],
            "summary": self.summary.to_dict() if self.summary else None,
        }


@dataclass
class RunTotals:
    """Running totals over the reports of a run: all that a closing line or the
    JSON document needs, without keeping the reports (and their findings)."""

    inputs: int = 0
    words: int = 0
    findings: int = 0
    by_severity: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, why)

    def add(self, report: Report) -> None:
        self.inputs += 1
        if report.error is not None:
            self.errors.append((report.name, report.error))
            return
        self.words += report.summary.words if report.summary else 0
        for severity, count in report.severity_counts().items():
            self.findings += count
            self.by_severity[severity] += count

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "inputs": self.inputs,
            "errors": len(self.errors),
            "findings": self.findings,
            "words": self.words,
        }
        for severity, count in self.by_severity.items():
            out[severity.label] = count
        return out

