"""What every command that reads drafts sets up the same way: inputs, accept
lists, lexicons, the analyzer. Shared by checkrun.py and fixrun.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PlainspeakError

ACCEPT_FILE = ".plainspeak-accept.txt"  # the project's accept list, in the current folder


@dataclass(frozen=True)
class InputOptions:
    paths: tuple[str, ...]
    accept_words: tuple[str, ...] = ()
    accept_files: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    default_lexicon: bool = True
    model: str | None = None
    stdin_name: str = "-"
    encoding: str = "utf-8"
    max_bytes: int | None = None


@dataclass(frozen=True)
class RunSetup:
    analyzer: object  # api.Analyzer
    encoding: str  # canonical codec name
    max_bytes: int


def prepare_run(options: InputOptions, **settings_overrides) -> RunSetup:
    """Check the options and build the analyzer, before any output: a bad lexicon,
    model or encoding is one clear error, never a half-written report."""
    from ..config.settings import load_defaults, make_settings

    encoding = check_encoding(options.encoding)  # the cheap checks first: a typo fails before spaCy loads
    if not options.default_lexicon and not options.lexicons:
        raise PlainspeakError("--no-default-lexicon needs at least one --lexicon FILE")
    settings = make_settings(accept=gather_accept(options.accept_words, options.accept_files), **settings_overrides)
    max_bytes = options.max_bytes or int(load_defaults()["input"]["max_bytes"])
    from ..api import Analyzer  # imports spaCy

    analyzer = Analyzer(settings, lexicon_paths=options.lexicons, default_lexicon=options.default_lexicon, model=options.model)
    return RunSetup(analyzer, encoding, max_bytes)


def gather_accept(words, files) -> list[str]:
    """--accept words, --accept-file lists, and the project's accept list in the current folder."""
    from ..rules.lexicon import read_word_list

    accept = list(words)
    for path in files:
        accept.extend(read_word_list(path))
    if Path(ACCEPT_FILE).is_file():
        accept.extend(read_word_list(ACCEPT_FILE))
    return accept


def check_encoding(name: str) -> str:
    """The codec's canonical name ("UTF_16" -> "utf-16"), or a clear error."""
    from ..sources.inputs import text_codec

    try:
        return text_codec(name)
    except LookupError as err:
        raise PlainspeakError(f"{err} (--encoding)") from None
