"""The terminal view: the text with findings highlighted in place, then the
findings (where, what, why, what to say instead), then a summary.

User text is never parsed as rich markup: it goes in as ``Text`` and is styled
by offset with ``Text.stylize``. Colour follows the terminal, ``NO_COLOR``
and ``--color/--no-color``; a file or pipe gets no ANSI codes.
"""

from __future__ import annotations

from typing import IO

from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..plural import count
from ..report import Finding, Report, RunTotals
from ..severity import Severity
from .rich_console import PipeConsole
from .safe import display_text, one_line

# Highlight styles, by finding kind; sentence-level findings are underlined.
KIND_STYLES = {
    "jargon": "black on yellow",
    "person-first": "bold white on red",
    "uncommon": "black on cyan",
    "acronym": "black on magenta",
    "readability": "underline",
}
KIND_LABELS = {
    "jargon": "jargon",
    "person-first": "stigmatising",
    "uncommon": "uncommon word",
    "acronym": "acronym",
    "readability": "hard or long sentence",
}
SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.SUGGESTION: "cyan"}


def _style_key(f: Finding) -> str:
    return "person-first" if f.category == "person-first" else f.kind


class ConsoleRenderer:
    def __init__(self, stream: IO[str], *, color: bool | None = None, show_text: bool = True, width: int | None = None) -> None:
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
            self.console.file = _TrimmedLines(stream)
        self.show_text = show_text

    def report(self, report: Report) -> None:
        if report.error is not None:
            return  # errors go to stderr, from the CLI
        c = self.console
        c.print(Rule(Text(one_line(report.name), style="bold"), align="left"))
        if self.show_text:
            c.print(Padding(self._highlighted(report), (1, 0, 1, 2), expand=False))
            legend = self._legend(report)
            if legend is not None:
                c.print(Padding(legend, (0, 0, 1, 2), expand=False))
        if report.findings:
            c.print(self._findings_table(report))
        else:
            c.print(Padding(Text("No findings: this reads plainly.", style="green"), (0, 0, 0, 2), expand=False))
        c.print(Padding(self._summary(report), (1, 0, 1, 2), expand=False))

    def close(self, totals: RunTotals) -> None:
        if totals.inputs < 2:
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

    def _findings_table(self, report: Report) -> Table:
        table = Table(box=None, pad_edge=False, padding=(0, 1), show_header=True, header_style="bold", expand=False)
        table.add_column("where", no_wrap=True, style="dim")
        table.add_column("severity", no_wrap=True)
        table.add_column("found", max_width=28, overflow="fold")
        table.add_column("why, and what to say instead", ratio=1)
        for f in report.findings:
            found = Text(_short(one_line(f.text)), style=KIND_STYLES[_style_key(f)] if f.kind != "readability" else "")
            why = Text(one_line(f.message))
            if f.suggestions:
                why.append("\ntry: ", style="bold green")
                why.append(" | ".join(one_line(s) for s in f.suggestions), style="green")
            table.add_row(f"{f.line}:{f.column}", Text(f.severity.label, style=SEVERITY_STYLES[f.severity]), found, why)
        return Padding(table, (0, 0, 0, 2), expand=False)

    def _summary(self, report: Report) -> Text:
        s = report.summary
        out = Text()
        if s is None:
            return out
        if s.grade is None:
            out.append("Reading grade: not enough text", style="bold")
        else:
            out.append(f"Reading grade {s.grade:.1f}", style="bold")
            out.append(f" (Flesch-Kincaid; Flesch reading ease {s.reading_ease:.0f}, higher is easier)", style="dim")
            if s.estimated_grade is not None:
                # a linear estimate: very plain text scores below 0, which means "below grade 1"
                shown = f"{s.estimated_grade:.1f}" if s.estimated_grade >= 1 else "below 1"
                out.append(f" · estimated grade {shown}", style="bold")
                out.append(" (from sentence length and readers' word ratings)", style="dim")
        parts = [
            count(s.words, "word"),
            count(s.sentences, "sentence"),
            count(s.jargon, "jargon term"),
            count(s.uncommon, "uncommon word"),
            count(s.acronyms, "unexplained acronym"),
            count(s.hard_sentences, "hard sentence"),
            count(s.long_sentences, "long sentence"),
        ]
        out.append("\n" + " · ".join(parts))
        return out


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
