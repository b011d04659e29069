"""Effective options: the defaults, under a configuration file, under the command line.

Scalars (audience, thresholds, fail-on, format ...) come from the command line
if given, else the configuration file, else the defaults. Lists add up:
accepted words, accept files and lexicons from both; ``ignore`` and
``extend-select`` too; ``select`` on the command line replaces the file's.
``Effective.origins`` says where each value came from, for ``plainspeak config``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..severity import Severity
from .files import Config

ACCEPT_FILE = ".plainspeak-accept.txt"  # the project's accept list, in the current folder


@dataclass(frozen=True)
class Overrides:
    """What the command line says; None (or empty) where it says nothing."""

    audience: str | None = None
    target_grade: float | None = None
    max_sentence_words: int | None = None
    accept: tuple[str, ...] = ()
    accept_file: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    default_lexicon: bool | None = None
    model: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    fail_on: str | None = None
    format: str | None = None
    encoding: str | None = None
    max_bytes: int | None = None
    rubric: str | None = None
    suffixes: tuple[str, ...] | None = None
    config: str | None = None  # --config FILE: this file for every input
    isolated: bool = False  # --isolated: no configuration files, no accept file


@dataclass(frozen=True)
class Effective:
    audience: str | None
    target_grade: float | None
    max_sentence_words: int | None
    accept: tuple[str, ...]
    accept_files: tuple[Path, ...]
    lexicons: tuple[Path, ...]
    default_lexicon: bool
    model: str | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    extend_select: tuple[str, ...]
    severity: tuple[tuple[str, Severity], ...]
    fail_on: str  # suggestion | warning | error | never
    format: str | None
    encoding: str
    max_bytes: int | None
    rubric: Path | None
    suffixes: tuple[str, ...] | None  # what a folder search finds (None: every format plainspeak reads)
    config: Path | None  # the configuration file used, if any
    origins: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


DEFAULTS: dict[str, Any] = {"fail_on": "warning", "encoding": "auto", "default_lexicon": True}


def combine(config: Config, cli: Overrides) -> Effective:
    """The options for one input, from its configuration file and the command line."""
    origins: dict[str, str] = {}
    file_name = str(config.path) if config.path else ""

    def pick(name: str) -> Any:
        given = getattr(cli, name)
        if given is not None:
            origins[name] = "command line"
            return given
        value = getattr(config, name)
        if value is not None:
            origins[name] = file_name
            return value
        origins[name] = "default"
        return DEFAULTS.get(name)

    def both(name: str, cli_value: tuple, file_value: tuple) -> tuple:
        origins[name] = " + ".join(o for o, v in ((file_name, file_value), ("command line", cli_value)) if v) or "default"
        return tuple(dict.fromkeys((*file_value, *cli_value)))

    accept_files = both("accept_file", tuple(Path(p) for p in cli.accept_file), config.accept_file)
    if not cli.isolated and Path(ACCEPT_FILE).is_file():
        accept_files = (*accept_files, Path(ACCEPT_FILE))
        origins["accept_file"] += f" + {ACCEPT_FILE}"
    select = cli.select if cli.select is not None else config.select
    origins["select"] = "command line" if cli.select is not None else (file_name if config.select is not None else "default")
    return Effective(
        audience=pick("audience"),
        target_grade=pick("target_grade"),
        max_sentence_words=pick("max_sentence_words"),
        accept=both("accept", cli.accept, config.accept),
        accept_files=accept_files,
        lexicons=both("lexicon", tuple(Path(p) for p in cli.lexicon), config.lexicon),
        default_lexicon=pick("default_lexicon"),
        model=pick("model"),
        select=select,
        ignore=both("ignore", cli.ignore, config.ignore),
        extend_select=both("extend_select", cli.extend_select, config.extend_select),
        severity=config.severity,
        fail_on=pick("fail_on"),
        format=pick("format"),
        encoding=pick("encoding"),
        max_bytes=pick("max_bytes"),
        rubric=Path(cli.rubric) if cli.rubric else config.rubric,
        suffixes=pick("suffixes"),
        config=config.path,
        origins={**origins, "severity": file_name if config.severity else "default",
                 "rubric": "command line" if cli.rubric else (file_name if config.rubric else "default")},
    )
