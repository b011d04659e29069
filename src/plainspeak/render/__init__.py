"""Renderers: each writes reports to an injected stream, one module per format.

A renderer is called with each report as it finishes (``report``), then once
with the run's totals (``close``). It never closes the stream and never
decides the exit code.
"""

from __future__ import annotations

from typing import IO, Protocol

from ..report import Report, RunTotals

FORMATS = ("rich", "line", "json", "jsonl", "sarif", "github")


class Renderer(Protocol):
    def report(self, report: Report) -> None: ...

    def close(self, totals: RunTotals) -> None: ...


def make_renderer(
    fmt: str,
    stream: IO[str],
    *,
    color: bool | None = None,
    show_text: bool = True,
    width: int | None = None,
    quiet: bool = False,
    show_suppressed: bool = False,
) -> Renderer:
    """The renderer for ``fmt`` (one of FORMATS)."""
    if fmt == "line":
        from .line import LineRenderer

        return LineRenderer(stream)
    if fmt == "json":
        from .json import JsonRenderer

        return JsonRenderer(stream, show_suppressed=show_suppressed)
    if fmt == "jsonl":
        from .json import JsonLinesRenderer

        return JsonLinesRenderer(stream, show_suppressed=show_suppressed)
    if fmt == "sarif":
        from .sarif import SarifRenderer

        return SarifRenderer(stream)
    if fmt == "github":
        from .github import GithubRenderer

        return GithubRenderer(stream)
    if fmt == "rich":
        from .console import ConsoleRenderer

        return ConsoleRenderer(stream, color=color, show_text=show_text, width=width, quiet=quiet,
                               show_suppressed=show_suppressed)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
