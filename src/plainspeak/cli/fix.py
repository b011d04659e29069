"""``plainspeak fix``: thin Click command over fixrun.run_fix."""

from __future__ import annotations

import sys

import click

from .lexicon import lexicon_options

FIX_EPILOG = """\b
Examples:
  plainspeak fix draft.txt > plainer.txt      # the rewritten text on stdout
  cat draft.txt | plainspeak fix -            # in a pipe
  plainspeak fix --diff draft.txt             # show the changes, change nothing
  plainspeak fix --check drafts/              # exit 1 if anything would change (for CI)
  plainspeak fix --in-place drafts/           # rewrite files, safely; lists what is left
  plainspeak fix --in-place --backup .orig letter.txt
  plainspeak fix --interactive draft.txt      # decide each change with a key press


Interactive keys: enter/y the first suggestion, 1-9 pick one, e type your own,
s skip, S skip this term everywhere, a accept the term for this project (added
to .plainspeak-accept.txt, which every command reads), u undo, q save and quit,
x quit without saving.

\b
What is changed: lexicon terms whose first suggestion fits without review
(stiff wording, stigmatising labels, technology words; the lexicon's 'fix'
column decides). --all also applies the terms marked for review (clinical,
legal, benefits ...). Hard sentences, unexplained acronyms and terms with no
one swap are left for you and listed by --in-place.

\b
Exit codes: 0 done (with --check: nothing would change), 1 with --check:
something would change, 2 an input could not be read or written (the others
are still done; nothing is ever half-written).
"""


@click.command(epilog=FIX_EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--diff", is_flag=True, help="Print a unified diff of the changes; change nothing.")
@click.option("--in-place", is_flag=True,
              help="Rewrite the files (atomically; permissions, owner and group kept; refused if a file changed meanwhile).")
@click.option("-i", "--interactive", is_flag=True,
              help="Decide each change with a key press, then save the file (needs a terminal).")
@click.option("--check", is_flag=True,
              help="Change nothing; list what would change and exit 1 if anything would. With --diff, also print the diff.")
@click.option("--all", "everything", is_flag=True, help="Also apply suggestions the lexicon marks for review.")
@click.option("--backup", metavar="SUFFIX", help="With --in-place or --interactive, keep each original as FILE+SUFFIX (e.g. .orig).")
@click.option("--accept", "accept_words", multiple=True, metavar="WORD", help="A term your readers know; never changed. Repeatable.")
@click.option("--accept-file", "accept_files", multiple=True, type=click.Path(readable=False), metavar="FILE",
              help="A file of accepted words, one per line. Repeatable.")
@lexicon_options
@click.option("--model", metavar="NAME", help="Use an installed trained spaCy pipeline. Never downloaded.")
@click.option("--stdin-name", default="-", show_default=True, metavar="NAME", help="The name given to standard input.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs (kept when writing).")
@click.option("--max-bytes", type=click.IntRange(1), default=None, metavar="N",
              help="Refuse inputs larger than this many bytes (default: 20000000).")
def fix(paths, diff, in_place, interactive, check, everything, backup, accept_words, accept_files, lexicons, no_default_lexicon, model,
        stdin_name, encoding, max_bytes) -> None:
    """Rewrite drafts with plainer wording.

    Prints the rewritten text (one input), a diff (--diff) or rewrites the
    files (--in-place). PATHS are files or folders, or '-' for standard input,
    which is also read when no path is given and text is piped in. Everything
    but the changed words stays exactly as it was: encoding, byte-order mark,
    line endings, tabs, a missing final newline.
    """
    from .app import _stdin_is_terminal
    from .fixrun import FixOptions, run_fix

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
    if mode == "interactive" and not _stdin_is_terminal():
        raise click.UsageError("--interactive reads your key presses from a terminal; use --diff or --in-place here")
    if not paths:
        if _stdin_is_terminal():
            raise click.UsageError("no input: give files or folders to fix, or pipe text in (- reads stdin)")
        paths = ("-",)
    options = FixOptions(
        paths=tuple(paths), mode=mode, check=check, everything=everything, backup=backup, accept_words=tuple(accept_words),
        accept_files=tuple(accept_files), lexicons=tuple(lexicons), default_lexicon=not no_default_lexicon,
        model=model, stdin_name=stdin_name, encoding=encoding, max_bytes=max_bytes,
    )
    sys.exit(int(run_fix(options, stdout=sys.stdout, stderr=sys.stderr)))
