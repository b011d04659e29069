"""The terminal view: the text with findings highlighted in place, then the
findings (where, what, why, what to say instead), then a summary.

User text is never parsed as rich markup: it goes in as ``Text`` and is styled
by offset with ``Text.stylize``. Colour follows the terminal, ``NO_COLOR``
and ``--color/--no-color``; a file or pipe gets no ANSI codes.

A report bigger than a person reads is summarised instead: the text is left
out past ``MAX_TEXT_CHARS`` and, past ``MAX_LISTED`` findings, they are
counted by rule with the first few of each. rich lays out every row of a
table and every span of a ``Text`` before printing a line, so a 160,000-row
table or a 6 MB highlighted text took minutes and gigabytes; the summary's
size is set by the constants below, not by the input, and it costs one pass
over the findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, cast

from rich.console import RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..report import Finding, Report, RunTotals, grade_text
from ..severity import Severity
from ..text.plural import count
from .rich_console import PipeConsole
from .safe import display_text, one_line

# Highlight styles, by finding kind; sentence-level findings are underlined.
KIND_STYLES = {
    "jargon": "black on yellow",
    "person-first": "bold white on red",
    "uncommon": "black on cyan",
    "acronym": "black on magenta",
    "style": "black on green",
    "readability": "underline",
    "suppression": "strike",  # a suppression comment that silences nothing (--report-unused-suppressions)
}
KIND_LABELS = {
    "jargon": "jargon",
    "person-first": "stigmatising",
    "uncommon": "uncommon word",
    "acronym": "acronym",
    "style": "wording",
    "readability": "hard or long sentence",
    "suppression": "unused suppression comment",
}
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}

# Past these a report is summarised (see the module docstring). 20,000 characters
# is a long letter or a short report, ~3,500 words; 200 findings is a few screens.
MAX_TEXT_CHARS = 20_000
MAX_LISTED = 200
RULES_PER_SEVERITY = 10  # the most frequent rules of each severity are shown...
EXAMPLES_PER_RULE = 3  # ...each with its first findings


def _style_key(f: Finding) -> str:
    return "person-first" if f.category == "person-first" else f.kind


class ConsoleRenderer:
    def __init__(
        self,
        stream: IO[str],
        *,
        color: bool | None = None,
        show_text: bool = True,
        width: int | None = None,
        quiet: bool = False,
        show_suppressed: bool = False,
    ) -> None:
        self.console = PipeConsole(
            file=stream,
            force_terminal=True if color else None,
            no_color=True if color is False else None,
            highlight=False,
            emoji=False,
            markup=False,
            width=width,
            soft_wrap=False,
        )
        if not self.console.is_terminal:  # files and pipes get no padding at line ends
            self.console.file = cast("IO[str]", _TrimmedLines(stream))
        self.show_text = show_text
        self.quiet = quiet  # findings only: no text, no "no findings" line, no summaries
        self.show_suppressed = show_suppressed

    def report(self, report: Report) -> None:
        if report.error is not None:
            return  # errors go to stderr, from the CLI
        report.complete()  # a summary by rule needs them all (never the Docs)
        c = self.console
        if self.quiet:
            if report.findings:
                c.print(Rule(_title(report), align="left"))
                if len(report.findings) > MAX_LISTED:
                    self._print_by_rule(report)
                else:
                    c.print(self._findings_table([report.findings]))
            return
        c.print(Rule(_title(report), align="left"))
        if report.notes:  # what reading the document left out: a dropped e-mail must not vanish unseen
            said = "; ".join(one_line(n) for n in report.notes)
            c.print(Padding(Text(said[:1].upper() + said[1:] + ".", style="dim"), (1, 0, 0, 2), expand=False))
        length = report.text_chars if report.text_chars is not None else len(report.text)
        if self.show_text and length > MAX_TEXT_CHARS:
            note = f"The text ({count(length, 'character')}) is too long to show here with its findings highlighted."
            c.print(Padding(Text(note, style="dim"), (1, 0, 1, 2), expand=False))
        elif self.show_text:
            c.print(Padding(self._highlighted(report), (1, 0, 1, 2), expand=False))
            legend = self._legend(report)
            if legend is not None:
                c.print(Padding(legend, (0, 0, 1, 2), expand=False))
        if len(report.findings) > MAX_LISTED:
            self._print_by_rule(report)
        elif report.findings:
            c.print(self._findings_table([report.findings]))
        else:
            c.print(Padding(Text("No findings: this reads plainly.", style="green"), (0, 0, 0, 2), expand=False))
        if self.show_suppressed and report.suppressed:
            c.print(Padding(Text(f"Suppressed by comments in the text ({count(len(report.suppressed), 'finding')}):",
                                 style="dim"), (1, 0, 0, 2), expand=False))
            c.print(self._findings_table([report.suppressed]))
        c.print(Padding(self._summary(report), (1, 0, 1, 2), expand=False))

    def close(self, totals: RunTotals) -> None:
        if totals.inputs < 2 or self.quiet:
            return
        t = totals.to_dict()
        line = Text()
        line.append(f"{t['inputs'] - t['errors']} checked", style="bold")
        if t["errors"]:
            line.append(f", {t['errors']} could not be read", style="bold red")
        line.append(f": {count(t['words'], 'word')}, {count(t['findings'], 'finding')} (")
        line.append(count(t["error"], "error"), style=SEVERITY_STYLES[Severity.ERROR])
        line.append(", ")
        line.append(count(t["warning"], "warning"), style=SEVERITY_STYLES[Severity.WARNING])
        line.append(", ")
        line.append(count(t["suggestion"], "suggestion"), style=SEVERITY_STYLES[Severity.SUGGESTION])
        line.append(")")
        self.console.print(Rule(style="dim"))
        self.console.print(line)

    def _highlighted(self, report: Report) -> Text:
        text = Text(display_text(report.text).rstrip("\n"))
        # Sentences first, so word highlights sit on top of the underline.
        for f in sorted(report.findings, key=lambda f: f.kind != "readability"):
            text.stylize(KIND_STYLES[_style_key(f)], f.start, f.end)
        return text

    def _legend(self, report: Report) -> Text | None:
        kinds = []
        for f in report.findings:
            key = _style_key(f)
            if key not in kinds:
                kinds.append(key)
        if not kinds:
            return None
        legend = Text("Key: ", style="dim")
        for i, key in enumerate(sorted(kinds, key=list(KIND_STYLES).index)):
            if i:
                legend.append("  ")
            legend.append(KIND_LABELS[key], style=KIND_STYLES[key])
        return legend

    def _findings_table(self, groups: list[list[Finding]]) -> RenderableType:
        """Where, severity, found, and why and what to say instead; a blank row between groups."""
        table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
        table.add_column("where", no_wrap=True, style="dim")
        table.add_column("severity", no_wrap=True)
        table.add_column("found", max_width=28, overflow="fold")
        table.add_column("why, and what to say instead", ratio=1)
        for i, group in enumerate(groups):
            if i:
                table.add_row()
            for f in group:
                found = Text(_short(one_line(f.text)), style=KIND_STYLES[_style_key(f)] if f.kind != "readability" else "")
                why = Text(one_line(f.message))
                if f.suggestions:
                    why.append("\ntry: ", style="bold green")
                    why.append(" | ".join(one_line(s) for s in f.suggestions), style="green")
                place = f"{f.line}:{f.column}" + (f"\n{_short(one_line(f.where))}" if f.where else "")
                table.add_row(place, Text(f.severity.label, style=SEVERITY_STYLES[f.severity]), found, why)
        return Padding(table, (0, 0, 0, 2), expand=False)

    def _print_by_rule(self, report: Report) -> None:
        """Too many findings to list: counts by rule, the first few of each, and
        how to see them all. Rules are chosen per severity, so that the most
        frequent suggestions cannot crowd out a rare error, nor many rare
        warnings the most frequent suggestions."""
        rules: dict[str, _RuleCount] = {}
        for f in report.findings:
            seen = rules.get(f.rule)
            if seen is None:
                rules[f.rule] = _RuleCount(f.rule, f.severity, 1, [f])
            else:
                seen.add(f)
        ordered = sorted(rules.values(), key=lambda r: (-r.severity, -r.count, r.rule))
        per_severity: dict[Severity, int] = {}
        shown = []
        for r in ordered:
            per_severity[r.severity] = per_severity.get(r.severity, 0) + 1
            if per_severity[r.severity] <= RULES_PER_SEVERITY:
                shown.append(r)
        total = len(report.findings)
        c = self.console
        heading = f"{count(total, 'finding')} from {count(len(rules), 'rule')}, too many to list one by one. By rule, most serious first:"
        c.print(Padding(Text(heading, style="bold"), (0, 0, 1, 2), expand=False))
        table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
        table.add_column("findings", justify="right", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        table.add_column("rule", overflow="fold")
        for r in shown:
            table.add_row(f"{r.count:,}", Text(r.severity.label, style=SEVERITY_STYLES[r.severity]), r.rule)
        if len(shown) < len(rules):
            rest = total - sum(r.count for r in shown)
            table.add_row(f"{rest:,}", "", Text(count(len(rules) - len(shown), "other rule"), style="dim"))
        c.print(Padding(table, (0, 0, 1, 2), expand=False))
        c.print(self._findings_table([r.first for r in shown]))
        note = (
            f"{count(total, 'finding')}; showing the first {EXAMPLES_PER_RULE} of each of "
            f"{count(len(shown), 'rule')}{'' if len(shown) == len(rules) else f' (of {len(rules):,})'}. "
            "See them all with --format line."
        )
        c.print(Padding(Text(note), (1, 0, 0, 2), expand=False))

    def _summary(self, report: Report) -> Text:
        s = report.summary
        out = Text()
        if s is None:
            return out
        if s.grade is None:
            out.append("Reading grade: not enough text", style="bold")
        else:
            out.append(f"Reading grade {grade_text(s.grade)}", style="bold")
            out.append(f" (Flesch-Kincaid; Flesch reading ease {s.reading_ease:.0f}, higher is easier)", style="dim")
            if s.estimated_grade is not None:
                # a linear estimate: very plain text scores below 0, which means "below grade 1"
                shown = grade_text(s.estimated_grade)
                out.append(f" · estimated grade {shown}", style="bold")
                out.append(" (from sentence length and readers' word ratings)", style="dim")
        parts = [
            count(s.words, "word"),
            count(s.sentences, "sentence"),
            count(s.jargon, "jargon term"),
            *([count(s.stigmatising, "stigmatising term")] if s.stigmatising else []),
            *([count(s.style, "wording note")] if s.style else []),
            count(s.uncommon, "uncommon word"),
            count(s.acronyms, "unexplained acronym"),
            count(s.hard_sentences, "hard sentence"),
            count(s.long_sentences, "long sentence"),
        ]
        out.append("\n" + " · ".join(parts))
        return out


_FORMAT_NAMES = {"docx": "Word document", "odt": "OpenDocument text", "pdf": "PDF", "html": "web page",
                 "eml": "e-mail", "mbox": "mailbox", "rtf": "RTF document", "record": "record"}


def _title(report: Report) -> Text:
    """The input's name, and what it was read as when that is not plain UTF-8 text
    (a Word document; text read as cp1252), so a wrong guess is visible."""
    title = Text(one_line(report.name), style="bold")
    if report.format in _FORMAT_NAMES:
        title.append(f" ({_FORMAT_NAMES[report.format]})", style="dim")
    elif report.encoding and report.encoding not in ("utf-8", "ascii"):
        title.append(f" (read as {report.encoding})", style="dim")
    return title


@dataclass(slots=True)
class _RuleCount:
    """One rule's findings in a report: how many, how serious, and the first few."""

    rule: str
    severity: Severity
    count: int
    first: list[Finding]

    def add(self, f: Finding) -> None:
        self.count += 1
        self.severity = max(self.severity, f.severity)
        if len(self.first) < EXAMPLES_PER_RULE:
            self.first.append(f)


class _TrimmedLines:
    """A text stream that drops the spaces rich pads each line with."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        if lines:
            self.stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # rich picks box characters the stream can encode
        return getattr(self.stream, "encoding", None) or "utf-8"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
