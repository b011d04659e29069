"""Configuration files, found and read as ruff finds and reads its own.

The nearest ``plainspeak.toml``, ``.plainspeak.toml`` or ``pyproject.toml``
with a ``[tool.plainspeak]`` table, walking up from each input's folder (for
standard input, from the current folder), sets the options for that input.
Keys are named as the long options are (docs/config.md). Every problem is one
``ConfigError`` naming the file, the line and the key, raised before any
output.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import PlainspeakError
from ..severity import Severity

CONFIG_NAMES = ("plainspeak.toml", ".plainspeak.toml", "pyproject.toml")
FORMATS = ("rich", "line", "json", "jsonl", "sarif", "github")
FAIL_ON = ("suggestion", "warning", "error", "never")


class ConfigError(PlainspeakError):
    """A configuration file is unreadable or has an unknown key or a bad value."""


@dataclass(frozen=True)
class Config:
    """What one configuration file sets; None (or empty) where it says nothing.
    Paths are resolved against the file's folder."""

    path: Path | None = None  # the file, for messages and `plainspeak config`
    audience: str | None = None
    target_grade: float | None = None
    max_sentence_words: int | None = None
    accept: tuple[str, ...] = ()
    accept_file: tuple[Path, ...] = ()
    lexicon: tuple[Path, ...] = ()
    default_lexicon: bool | None = None
    model: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: str | None = None
    format: str | None = None
    encoding: str | None = None
    max_bytes: int | None = None
    rubric: Path | None = None
    suffixes: tuple[str, ...] | None = None
    keys: frozenset[str] = field(default=frozenset())  # the keys the file set, as written


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"must be a non-empty string; got {value!r}")
    return value.strip()


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"must be a list of strings; got {value!r}")
    return tuple(v.strip() for v in value)


def parse_suffixes(value: Any) -> tuple[str, ...]:
    """File suffixes for folder searches: ".docx" or "docx", any case."""
    found = _strings(value)
    out = []
    for suffix in found:
        suffix = suffix.lower()
        suffix = suffix if suffix.startswith(".") else "." + suffix
        if len(suffix) < 2 or "/" in suffix or "\\" in suffix or " " in suffix:
            raise ValueError(f"must be file suffixes such as \".txt\" or \".docx\"; got {value!r}")
        out.append(suffix)
    return tuple(dict.fromkeys(out))


def _number(low: float, high: float):
    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
            raise ValueError(f"must be a number from {low:g} to {high:g}; got {value!r}")
        return float(value)

    return check


def _whole(low: int, high: int | None = None):
    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            within = f"from {low:,} to {high:,}" if high is not None else f"of {low} or more"
            raise ValueError(f"must be a whole number {within}; got {value!r}")
        return value

    return check


def _choice(choices: tuple[str, ...]):
    def check(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}; got {value!r}")
        return value

    return check


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false; got {value!r}")
    return value


def _audience(value: Any) -> str:
    from .settings import audiences

    return _choice(tuple(audiences()))(value)


def _severities(value: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise ValueError(f"must be a table of rule = severity; got {value!r}")
    out = []
    for rule, severity in value.items():
        try:
            out.append((rule, Severity.parse(severity) if isinstance(severity, str) else Severity.parse("")))
        except ValueError:
            raise ValueError(f"{rule!r} must be one of suggestion, warning, error; got {severity!r}") from None
    return tuple(out)


# key as written -> (Config field, parser, help for `plainspeak config` and docs)
KEYS: dict[str, tuple[str, Any, str]] = {
    "audience": ("audience", _audience, "who will read it: everyday, general or professional"),
    "target-grade": ("target_grade", _number(0, 30), "flag sentences above this grade"),
    "max-sentence-words": ("max_sentence_words", _whole(1, 10_000), "flag sentences with more words"),
    "accept": ("accept", _strings, "words, acronyms or terms your readers know"),
    "accept-file": ("accept_file", _strings, "files of accepted words (relative to this file)"),
    "lexicon": ("lexicon", _strings, "extra lexicon CSV files (relative to this file)"),
    "default-lexicon": ("default_lexicon", _boolean, "use the shipped lexicon"),
    "model": ("model", _string, "an installed trained spaCy pipeline"),
    "select": ("select", _strings, "rules or families to check (default: all)"),
    "ignore": ("ignore", _strings, "rules or families never to report"),
    "extend-select": ("extend_select", _strings, "rules or families to add to select"),
    "severity": ("severity", _severities, "a severity per rule or family"),
    "fail-on": ("fail_on", _choice(FAIL_ON), "the severity that makes a run fail"),
    "format": ("format", _choice(FORMATS), "the check output format"),
    "encoding": ("encoding", _string, "the text encoding of the inputs"),
    "max-bytes": ("max_bytes", _whole(1), "refuse inputs larger than this"),
    "rubric": ("rubric", _string, "the grading rubric TOML file (relative to this file)"),
    "suffixes": ("suffixes", parse_suffixes, "the file suffixes a folder search finds (default: every format plainspeak reads)"),
}
_PATHS = {"accept_file", "lexicon", "rubric"}


def read_config(path: str | Path) -> Config:
    """Read and check one configuration file; a pyproject.toml without
    [tool.plainspeak] gives an empty Config."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a folder, not a configuration file") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}: is not valid UTF-8 (byte {err.start})") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}:{_toml_line(err)}: not valid TOML: {_toml_reason(err)}") from None
    table_path: tuple[str, ...] = ()
    table: Any = document
    if path.name == "pyproject.toml":
        table_path = ("tool", "plainspeak")
        table = document.get("tool", {}).get("plainspeak")
        if table is None:
            return Config(path=path)
        if not isinstance(table, dict):
            raise ConfigError(f"{path}:{_line_of(text, (), 'plainspeak')}: [tool.plainspeak] must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{path}:{_line_of(text, table_path, key)}"
        if key not in KEYS:
            close = _closest(key)
            hint = f" (did you mean {close!r}?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")
        name, parse, _ = KEYS[key]
        try:
            parsed = parse(value)
        except ValueError as err:
            raise ConfigError(f"{where}: {key} {err}") from None
        if name in _PATHS:
            parsed = _resolve(path.parent, parsed)
        values[name] = parsed
    return Config(path=path, keys=frozenset(table), **values)


def _resolve(folder: Path, value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(folder / Path(v).expanduser() for v in value)
    return folder / Path(value).expanduser()


def _closest(key: str) -> str | None:
    import difflib

    found = difflib.get_close_matches(key.replace("_", "-"), list(KEYS), n=1, cutoff=0.6)
    return found[0] if found else None


def _line_of(text: str, table_path: tuple[str, ...], key: str) -> int:
    """The line on which ``key`` is set (in its table), for messages; 1 if not found."""
    lines = text.splitlines()
    start = 0
    sub_table = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, (*table_path, key))) + r"\s*\]\s*(#.*)?$")
    for i, line in enumerate(lines):  # the key as a table of its own: [tool.plainspeak.severity]
        if sub_table.match(line):
            return i + 1
    if table_path:
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, table_path)) + r"\s*\]\s*(#.*)?$")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i + 1
                break
    pattern = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for i in range(start, len(lines)):
        if pattern.match(lines[i]):
            return i + 1
        if table_path and lines[i].lstrip().startswith("[") and i > start:
            break
    return start or 1


def _toml_line(err: tomllib.TOMLDecodeError) -> int:
    match = re.search(r"\(at line (\d+)", str(err))
    return int(match.group(1)) if match else 1


def _toml_reason(err: tomllib.TOMLDecodeError) -> str:
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", str(err))


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest configuration file at or above ``folder`` (an absolute path), or None."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_table(candidate):
                    continue
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if re.search(r"^\s*\[\s*tool\s*\.\s*plainspeak\s*[\].]", text, re.M) is not None:
        return True
    if "plainspeak" not in text:  # the quick, common no
        return False
    try:  # written another way TOML allows: [tool] plainspeak = {...}, tool.plainspeak.audience = ...
        return isinstance(tomllib.loads(text).get("tool", {}).get("plainspeak"), dict)
    except tomllib.TOMLDecodeError:
        return False


@lru_cache(maxsize=64)
def load_config(path: Path) -> Config:
    """A configuration file, read once per run."""
    return read_config(path)


def config_for(target: str | Path | None) -> Config:
    """The configuration that applies to an input (a file or folder path; None or
    "-" for standard input, which is looked up from the current folder)."""
    if target is None or str(target) == "-":
        folder = Path.cwd()
    else:
        path = Path(target).absolute()
        folder = path if path.is_dir() else path.parent
    found = find_config(folder.resolve())
    return load_config(found) if found is not None else Config()
