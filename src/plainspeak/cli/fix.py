"""``plainspeak fix``: read each input, rewrite it, then print, diff or save it.

The rewrite itself is pure (rewrite/fixes.py); this module owns the I/O. Every
input is kept byte for byte outside the changed words: it is decoded and
encoded with the same codec, and the text keeps its BOM, line endings and tabs.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, BinaryIO

import click

from ..config.effective import Overrides
from ..errors import InputError, PlainspeakError
from ..exitcode import ExitCode, for_fix
from ..sources.inputs import discover
from ..text.plural import count
from .options import analysis_options, input_options, jobs_count, jobs_option, overrides
from .session import Session, analyzed, write_error

FIX_EPILOG = """\b
Examples:
  plainspeak fix draft.txt > plainer.txt      # the rewritten text on stdout
  cat draft.txt | plainspeak fix -            # in a pipe
  plainspeak fix --diff draft.txt             # show the changes, change nothing
  plainspeak fix --check drafts/              # exit 1 if anything would change (for CI)
  plainspeak fix --in-place drafts/           # rewrite files, safely; lists what is left
  plainspeak fix --in-place --backup .orig letter.txt
  plainspeak fix --in-place letter.docx       # a Word file: formatting kept
  plainspeak fix --interactive draft.txt      # decide each change with a key press

\b
Interactive keys: enter/y the first suggestion, 1-9 pick one, e type your own,
s skip, S skip this term everywhere, a accept the term for this project (added
to .plainspeak-accept.txt, which every command reads), u undo, q save and quit,
x quit without saving.

\b
What is changed: lexicon terms swapped without review (stiff wording,
stigmatising labels, technology words; the lexicon's 'fix' column decides),
each by its first suggestion that reads right in the sentence. --all also
applies the terms marked for review (clinical, legal, benefits ...); a
lexicon acronym is spelled out once, at its first swap, with itself in
brackets ("permission to share information (ROI)"). Hard sentences,
unexplained acronyms, terms with no one swap and terms no suggestion fits are
left for you and listed by --in-place.

\b
Exit codes: 0 done (with --check: nothing would change), 1 with --check:
something would change, 2 an input could not be read or written (the others
are still done; nothing is ever half-written).
"""



@dataclass(frozen=True)
class FixMode:
    mode: str = "stdout"  # stdout | diff | in-place | interactive
    check: bool = False  # --check: change nothing, exit 1 if anything would change
    everything: bool = False  # --all
    backup: str | None = None


@click.command(epilog=FIX_EPILOG)
@input_options
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes; change nothing.")
@click.option("--in-place", is_flag=True,
              help="Rewrite the files (atomically; permissions, owner and group kept; refused if a file changed meanwhile).")
@click.option("-i", "--interactive", is_flag=True,
              help="Decide each change with a key press, then save the file (needs a terminal).")
@click.option("--check", is_flag=True,
              help="Change nothing; list what would change and exit 1 if anything would. With --diff, also print the diff.")
@click.option("--all", "everything", is_flag=True, help="Also apply suggestions the lexicon marks for review.")
@click.option("--backup", metavar="SUFFIX", help="With --in-place or --interactive, keep each original as FILE+SUFFIX (e.g. .orig).")
@analysis_options
@jobs_option
def fix(paths: Sequence[str], stdin_name: str, diff: bool, in_place: bool, interactive: bool, check: bool,
        everything: bool, backup: str | None, jobs: int | None, **params) -> ExitCode:
    """Rewrite drafts with plainer wording.

    Prints the rewritten text (one input), a diff (--diff) or rewrites the
    files (--in-place). PATHS are files or folders, or '-' for standard input,
    which is also read when no path is given and text is piped in. Everything
    but the changed words stays exactly as it was: encoding, byte-order mark,
    line endings, tabs, a missing final newline. Word files (.docx) are
    rewritten with --in-place, within each formatted run; other documents
    (web pages, PDF, e-mail ...) are not rewritten, but --diff shows their
    changes.
    """
    import sys

    from . import options

    modes = [name for name, given in (("diff", diff), ("in-place", in_place), ("interactive", interactive)) if given]
    if len(modes) > 1:  # --diff promises to change nothing; --in-place changes files: never guess which was meant
        raise click.UsageError(f"--{modes[0]} and --{modes[1]} cannot be combined; choose one")
    mode = modes[0] if modes else "stdout"
    if check and mode not in ("stdout", "diff"):
        raise click.UsageError(f"--check changes nothing; leave out --{mode}")
    if backup is not None and not backup.strip():
        raise click.UsageError("--backup needs a suffix, such as .orig")
    if backup and mode not in ("in-place", "interactive"):
        raise click.UsageError("--backup goes with --in-place or --interactive")
    if mode == "interactive" and not options.stdin_is_terminal():
        raise click.UsageError("--interactive reads your key presses from a terminal; use --diff or --in-place here")
    if not paths:
        if options.stdin_is_terminal():
            raise click.UsageError("no input: give files or folders to fix, or pipe text in (- reads stdin)")
        paths = ("-",)
    return run_fix(paths, overrides(params), FixMode(mode, check, everything, backup), stdin_name=stdin_name,
                   stdout=sys.stdout, stderr=sys.stderr, jobs=1 if mode == "interactive" else jobs_count(jobs))


def run_fix(paths: Sequence[str], cli: Overrides, how: FixMode, *, stdin_name: str = "-", stdout: IO[str],
            stderr: IO[str], stdin: BinaryIO | None = None, jobs: int = 1) -> ExitCode:
    from ..render.line import format_finding
    from ..rewrite.fixes import fix_text
    from ..sources.atomic import WriteError, write_atomic

    items = list(discover(paths, stdin_name=stdin_name))
    if how.mode == "stdout" and not how.check and len(items) > 1:  # before the pipeline is built: a usage mistake fails fast
        raise PlainspeakError("fix prints one rewritten text; for several inputs use --diff or --in-place")
    session = Session(cli)
    session.prepare(paths, stdin_name)
    had_errors = False
    would_change = 0  # inputs --check found something to change in
    if how.mode in ("in-place", "interactive"):
        _clean_up_after_killed_runs(items, stderr)

    def refuse(item) -> InputError | None:
        if how.mode in ("in-place", "interactive") and item.source.is_stdin:
            return InputError(item.name, f"standard input cannot be changed in place; leave out --{how.mode}")
        if item.source.in_export and how.mode != "diff" and not how.check:
            return InputError(item.name, "is inside a submissions export; fix the student's own file (--diff shows the changes)")
        if item.text is not None and item.text.document is not None:
            return _document_refusal(item.name, item.text.format, how)
        return None

    inputs = session.inputs(paths, stdin_name=stdin_name, stdin=stdin)
    for item, report, options, error in analyzed(session, inputs, jobs=jobs, refuse=refuse):
        if error is not None:
            had_errors = True
            write_error(stderr, error)
            continue
        source_text = item.text
        assert source_text is not None and options is not None
        analyzer = session.analyzer_for(options)
        if how.mode == "interactive":
            if not _interactive(item, source_text, report, how, stdout, stderr):
                had_errors = True
            continue
        result = fix_text(report, analyzer.lexicon, everything=how.everything)
        if source_text.document is not None and how.mode == "in-place" and not how.check:
            if not _fix_document(item, source_text, result, stdout, stderr, how):
                had_errors = True
            continue
        if how.check:
            if result.applied:
                would_change += 1
                stderr.write(f"would change {item.name} ({count(len(result.applied), 'change')})\n")
            if how.mode == "diff":
                stdout.write(unified_diff(source_text.text, result.text, item.name))
        elif how.mode == "stdout":
            stdout.flush()
            _binary(stdout).write(result.text.encode(source_text.encoding or "utf-8"))
            stdout.flush()
        elif how.mode == "diff":
            stdout.write(unified_diff(source_text.text, result.text, item.name))
        else:
            if result.applied:
                assert item.source.path is not None  # standard input was refused above
                try:
                    written = write_atomic(item.source.path, result.text.encode(source_text.encoding or "utf-8"),
                                           expected=source_text.snapshot, backup=how.backup)
                except WriteError as err:
                    had_errors = True
                    write_error(stderr, err)
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
    if how.check:
        stderr.write(f"{would_change} of {count(len(items), 'input')} would change\n"
                     if would_change else "nothing would change\n")
    return for_fix(would_change > 0, had_errors)


def _document_refusal(name: str, fmt: str, how: FixMode) -> InputError | None:
    """Why fix cannot do what was asked with this document, or None. Every document's
    changes can be shown (--diff, --check); only Word files are rewritten."""
    if fmt == "pdf":
        return InputError(name, "fix cannot change a PDF; change the document it was made from (check reads the PDF)")
    if how.mode == "diff" or how.check:
        return None
    if fmt == "html":  # its markup can split a word ("assist<em>ance</em>"), and it holds text check never reads
        return InputError(name, "fix does not rewrite web pages (markup can run through a word); "
                                "--diff shows the changes to make in the page's text")
    if fmt != "docx":
        return InputError(name, f"fix rewrites Word (.docx) and text files, not {fmt} files; --diff shows the changes to make")
    if how.mode == "stdout":
        return InputError(name, "fix changes a Word document in place: use --in-place (or --diff to see the changes)")
    if how.mode == "interactive":
        return InputError(name, "--interactive works on text files; for a Word document use --in-place or --diff")
    return None


def _fix_document(item, source_text, result, stdout: IO[str], stderr: IO[str], how: FixMode) -> bool:
    """Apply a fix's swaps inside a Word document, each within one formatted run;
    a swap across runs (part bold, part not) is left and listed. True unless
    writing failed."""
    from ..documents import docx
    from ..sources.atomic import WriteError, write_atomic
    from ..sources.inputs import Snapshot

    path = item.source.path
    try:
        data = path.read_bytes()
    except OSError as err:
        write_error(stderr, InputError(item.name, f"cannot read: {err.strerror or err}"))
        return False
    if source_text.snapshot is not None and Snapshot.of(data, path.stat()).sha256 != source_text.snapshot.sha256:
        write_error(stderr, InputError(item.name, "changed while plainspeak was reading it; nothing was written"))
        return False
    wanted = [(e.start, e.end, e.replacement) for e in result.applied]
    changed = len(wanted)
    if wanted:
        try:
            new, left = docx.replace(data, item.name, wanted)
        except InputError as err:
            write_error(stderr, err)
            return False
        changed -= len(left)
        if changed:
            try:
                written = write_atomic(path, new, expected=source_text.snapshot, backup=how.backup)
            except WriteError as err:
                write_error(stderr, err)
                return False
            for note in written.notes:
                stderr.write(f"plainspeak: warning: {note}\n")
    else:
        left = []
    stdout.write(f"{item.name}: {count(changed, 'change')} made")
    if left:
        stdout.write(f", {count(len(left), 'change')} left for you (the words span differently formatted text)")
    stdout.write("\n")
    text = source_text.text
    for start, end, replacement in left:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        where = source_text.document.where(start)
        stdout.write(f"  {item.name}:{line}:{column}: change {text[start:end]!r} to {replacement!r}"
                     + (f" [at {where}]" if where else "") + "\n")
    return True


def _interactive(item, source_text, report, how: FixMode, stdout: IO[str], stderr: IO[str]) -> bool:
    """One file's interactive session; True unless saving failed."""
    from ..rewrite.edits import apply_edits
    from ..rewrite.interactive import run_session, save_accepted
    from ..sources.atomic import WriteError, write_atomic

    def echo(line: str) -> None:
        stdout.write(line + "\n")
        stdout.flush()

    offered = [f for f in report.findings if f.kind == "jargon" and f.suggestions]
    if not offered:
        echo(f"{item.name}: nothing to decide")
        return True
    edits, accepted, save = run_session(source_text.text, offered, item.name, echo=echo)
    if not save:
        return True
    if edits:
        try:
            written = write_atomic(item.source.path, apply_edits(source_text.text, edits).encode(source_text.encoding or "utf-8"),
                                   expected=source_text.snapshot, backup=how.backup)
        except WriteError as err:
            write_error(stderr, err)
            return False
        for note in written.notes:
            stderr.write(f"plainspeak: warning: {note}\n")
    try:
        path = save_accepted(accepted)
    except WriteError as err:
        stderr.write(f"plainspeak: error: {err} (the accept list was not changed)\n")
        return False
    echo(f"{item.name}: {count(len(edits), 'change')} saved"
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
