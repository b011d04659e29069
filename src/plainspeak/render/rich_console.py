"""rich's Console, with a closed output pipe left to the CLI."""

from __future__ import annotations

from rich.console import Console


class PipeConsole(Console):
    """A Console whose closed pipe (``| head``) raises BrokenPipeError, which the
    CLI turns into exit 141 for every command; rich itself would exit 1, which
    means "findings" or "failed" here."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError
