"""``plainspeak fix --interactive``: decide each change yourself, one key at a time.

The decisions are plain data; the text is rewritten once at the end with the
same pure function as every other fix (edits.apply_edits), and saved with
the same atomic write. Keys are read with ``click.getchar`` so the loop can be
driven by scripted input in tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..config.effective import ACCEPT_FILE
from ..report import Finding
from ..text.plural import count
from .edits import Edit

KEYS_HELP = (
    "[enter/y] first suggestion  [1-9] pick one  [e] type your own  [s] skip  "
    "[S] skip this term everywhere  [a] accept this term for the project  [u] undo  "
    "[q] save and quit  [x] quit without saving  [?] help"
)


@dataclass
class Session:
    """What the writer decided so far. ``history`` is every action in order, so
    undo can take back the last one, whatever it was."""

    findings: list[Finding]
    decisions: dict[int, Edit | None] = field(default_factory=dict)  # finding index -> edit or skip
    skipped_rules: set[str] = field(default_factory=set)
    accepted: list[str] = field(default_factory=list)
    history: list[tuple[str, int | str]] = field(default_factory=list)

    def pending(self) -> tuple[int, Finding] | None:
        for i, finding in enumerate(self.findings):
            if i in self.decisions or finding.rule in self.skipped_rules or finding.text.lower() in self.accepted:
                continue
            return i, finding
        return None

    def decide(self, i: int, edit: Edit | None) -> None:
        self.decisions[i] = edit
        self.history.append(("decide", i))

    def skip_rule(self, rule: str) -> None:
        self.skipped_rules.add(rule)
        self.history.append(("skip-rule", rule))

    def accept(self, word: str) -> None:
        self.accepted.append(word)
        self.history.append(("accept", word))

    def undo(self) -> bool:
        if not self.history:
            return False
        kind, value = self.history.pop()
        if isinstance(value, int):  # "decide"
            del self.decisions[value]
        elif kind == "skip-rule":
            self.skipped_rules.discard(value)
        else:
            self.accepted.remove(value)
        return True

    def edits(self) -> list[Edit]:
        return [edit for edit in self.decisions.values() if edit is not None]


def run_session(
    text: str,
    findings: list[Finding],
    name: str,
    *,
    getchar: Callable[[], str] = click.getchar,
    prompt: Callable[[str], str] = lambda label: click.prompt(label, default="", show_default=False),
    echo: Callable[[str], None] = click.echo,
) -> tuple[list[Edit], list[str], bool]:
    """Ask about each finding; return (edits, words to accept, save?)."""
    session = Session(findings)
    echo(f"{name}: {count(len(findings), 'suggestion')} to decide. {KEYS_HELP}")
    while (item := session.pending()) is not None:
        i, finding = item
        _show(text, finding, echo)
        key = getchar()
        if key in ("\r", "\n", "y"):
            session.decide(i, Edit(finding.start, finding.end, finding.suggestions[0], finding.rule))
        elif key in "123456789" and key and int(key) <= len(finding.suggestions):
            session.decide(i, Edit(finding.start, finding.end, finding.suggestions[int(key) - 1], finding.rule))
        elif key == "e":
            own = prompt("  your wording").strip()
            if own:
                session.decide(i, Edit(finding.start, finding.end, own, finding.rule))
        elif key in ("s", "n"):
            session.decide(i, None)
        elif key == "S":
            session.skip_rule(finding.rule)
        elif key == "a":
            session.accept(finding.text.lower())
        elif key == "u":
            echo("  (undone)" if session.undo() else "  (nothing to undo)")
        elif key in ("q", ""):  # "" is the end of scripted input
            break
        elif key == "x":
            echo("  quit; nothing saved")
            return [], [], False
        else:
            echo("  " + KEYS_HELP)
    return session.edits(), session.accepted, True


def _show(text: str, finding: Finding, echo: Callable[[str], None]) -> None:
    line_start = text.rfind("\n", 0, finding.start) + 1
    line_end = text.find("\n", finding.end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, finding.start - 80) : finding.start].replace("\r", "")
    right = text[finding.end : min(line_end, finding.end + 80)].replace("\r", "")
    echo("")
    echo(f"{finding.line}:{finding.column}  {left}{click.style(finding.text, bold=True, underline=True)}{right}")
    echo(f"  {finding.message}")
    for i, suggestion in enumerate(finding.suggestions[:9], start=1):
        echo(f"  [{i}] {suggestion}")


def save_accepted(words: list[str], folder: Path = Path(".")) -> Path | None:
    """Add words to the project's accept list (read from the current folder by
    every command). Written atomically; an existing list keeps its line
    endings, byte-order mark and permissions."""
    import os

    from ..sources.atomic import check_output_path, write_atomic, write_new
    from ..sources.inputs import Snapshot

    if not words:
        return None
    path = folder / ACCEPT_FILE
    check_output_path(path)  # never read from or write to a device, pipe or folder of that name
    snapshot = None
    if path.exists():
        with open(path, "rb") as fh:
            raw = fh.read()
            snapshot = Snapshot.of(raw, os.fstat(fh.fileno()))
        bom = raw.startswith(b"\xef\xbb\xbf")
        existing = raw.decode("utf-8-sig")
    else:
        bom, existing = False, "# Words our readers know; plainspeak never flags them.\n"
    newline = "\r\n" if "\r\n" in existing else "\n"
    known = {line.split("#", 1)[0].strip().lower() for line in existing.splitlines()}
    new = [w for w in dict.fromkeys(words) if w.lower() not in known]
    if new:
        text = existing.rstrip("\r\n") + newline + "".join(w + newline for w in new)
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
        if snapshot is not None:
            write_atomic(path, data, expected=snapshot)
        else:
            write_new(path, data)
    return path
