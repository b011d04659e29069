"""Running ``plainspeak fix``: read each input, rewrite it, then print, diff or save it.

The rewrite itself is pure (fixes.py); this module owns the I/O. Every input
is kept byte for byte outside the changed words: it is decoded and encoded
with the same codec, and the text keeps its BOM, line endings and tabs.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import IO, BinaryIO

from ..errors import InputError, PlainspeakError
from ..exitcode import ExitCode
from ..text.plural import count
from .setup import InputOptions, prepare_run


@dataclass(frozen=True)
class FixOptions(InputOptions):
    mode: str = "stdout"  # stdout | diff | in-place | interactive
    check: bool = False  # --check: change nothing, exit 1 if anything would change
    everything: bool = False  # --all
    backup: str | None = None


def run_fix(options: FixOptions, *, stdout: IO[str], stderr: IO[str], stdin: BinaryIO | None = None) -> ExitCode:
    from ..sources.atomic import WriteError, write_atomic
    from ..rewrite.fixes import fix_text
    from ..render.line import format_finding
    from ..sources.inputs import discover, read_source

    items = list(discover(options.paths, stdin_name=options.stdin_name))
    if options.mode == "stdout" and not options.check and len(items) > 1:  # before the pipeline is built: a usage mistake fails fast
        raise PlainspeakError("fix prints one rewritten text; for several inputs use --diff or --in-place")
    setup = prepare_run(options)
    analyzer, encoding, max_bytes = setup.analyzer, setup.encoding, setup.max_bytes
    had_errors = False
    would_change = 0  # inputs --check found something to change in
    if options.mode in ("in-place", "interactive"):
        _clean_up_after_killed_runs(items, stderr)
    for item in items:
        try:
            if isinstance(item, InputError):
                raise item
            source_text = read_source(item, encoding=encoding, max_bytes=max_bytes, stdin=stdin)
            if options.mode in ("in-place", "interactive") and source_text.source.is_stdin:
                raise InputError(item.name, f"standard input cannot be changed in place; leave out --{options.mode}")
        except InputError as err:
            had_errors = True
            stderr.write(f"plainspeak: error: {err}\n")
            continue
        report = analyzer.analyze(source_text.text, name=item.name)
        if options.mode == "interactive":
            if not _interactive(item, source_text, report, options, stderr):
                had_errors = True
            continue
        result = fix_text(report, analyzer.lexicon, everything=options.everything)
        if options.check:
            if result.applied:
                would_change += 1
                stderr.write(f"would change {item.name} ({count(len(result.applied), 'change')})\n")
            if options.mode == "diff":
                stdout.write(unified_diff(source_text.text, result.text, item.name))
        elif options.mode == "stdout":
            stdout.flush()
            _binary(stdout).write(result.text.encode(source_text.encoding))
            stdout.flush()
        elif options.mode == "diff":
            stdout.write(unified_diff(source_text.text, result.text, item.name))
        else:
            if result.applied:
                try:
                    written = write_atomic(
                        item.path,
                        result.text.encode(source_text.encoding),
                        expected=source_text.snapshot,
                        backup=options.backup,
                    )
                except WriteError as err:
                    had_errors = True
                    stderr.write(f"plainspeak: error: {err}\n")
                    continue
                for note in written.notes:
                    stderr.write(f"plainspeak: warning: {note}\n")
            # What is left, with positions in the rewritten file.
            left = analyzer.analyze(result.text, name=item.name).findings if result.applied else report.findings
            stdout.write(f"{item.name}: {count(len(result.applied), 'change')} made, "
                         f"{count(len(left), 'finding')} left for you\n")
            for finding in left:
                stdout.write("  " + format_finding(item.name, finding) + "\n")
        stdout.flush()
    if options.check:
        stderr.write(f"{would_change} of {count(len(items), 'input')} would change\n"
                     if would_change else "nothing would change\n")
    if had_errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if would_change else ExitCode.OK


def _interactive(item, source_text, report, options, stderr) -> bool:
    """One file's interactive session; True unless saving failed."""
    import click

    from ..sources.atomic import WriteError, write_atomic
    from ..rewrite.interactive import run_session, save_accepted
    from ..rewrite.edits import apply_edits

    offered = [f for f in report.findings if f.kind == "jargon" and f.suggestions]
    if not offered:
        click.echo(f"{item.name}: nothing to decide")
        return True
    edits, accepted, save = run_session(source_text.text, offered, item.name)
    if not save:
        return True
    if edits:
        try:
            written = write_atomic(item.path, apply_edits(source_text.text, edits).encode(source_text.encoding),
                                   expected=source_text.snapshot, backup=options.backup)
        except WriteError as err:
            stderr.write(f"plainspeak: error: {err}\n")
            return False
        for note in written.notes:
            stderr.write(f"plainspeak: warning: {note}\n")
    try:
        path = save_accepted(accepted)
    except WriteError as err:
        stderr.write(f"plainspeak: error: {err} (the accept list was not changed)\n")
        return False
    click.echo(f"{item.name}: {count(len(edits), 'change')} saved"
               + (f"; {count(len(accepted), 'term')} added to {path}" if path else ""))
    return True


def _clean_up_after_killed_runs(items, stderr: IO[str]) -> None:
    """Temporary files a killed run left beside the files about to be rewritten
    (in their folders) go first, whether or not this run changes those files."""
    import os
    from pathlib import Path

    from ..sources.atomic import clean_stale_temporaries
    from ..sources.inputs import Source

    folders = dict.fromkeys(
        Path(os.path.realpath(item.path)).parent for item in items if isinstance(item, Source) and item.path is not None
    )
    for folder in folders:
        for note in clean_stale_temporaries(folder):
            stderr.write(f"plainspeak: warning: {note}\n")


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff of the two texts (empty when they are the same)."""
    if before == after:
        return ""
    lines = difflib.unified_diff(_lines(before), _lines(after), f"{name}\t(original)", f"{name}\t(plainer)")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _lines(text: str) -> list[str]:
    """Lines with their endings, ending only at LF, CRLF or CR (as patch reads them)."""
    return _LINE.findall(text)


def _binary(stream: IO[str]):
    """The byte stream under a text stream, so text goes out exactly as it came in."""
    return getattr(stream, "buffer", None) or _TextAsBinary(stream)


class _TextAsBinary:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        self.stream.write(data.decode("utf-8", "replace"))
        return len(data)
