"""Requests to the server as plain data: which options a request may set, checked
as the command line checks them, and the analyzer for them (built once per set)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config.effective import Overrides

# field -> (Overrides field, kind): what a request may set, as the CLI's options
OPTIONS: dict[str, tuple[str, str]] = {
    "audience": ("audience", "audience"),
    "target_grade": ("target_grade", "grade"),
    "max_sentence_words": ("max_sentence_words", "count"),
    "accept": ("accept", "words"),
    "select": ("select", "words"),
    "ignore": ("ignore", "words"),
    "extend_select": ("extend_select", "words"),
}


MAX_COUNT = 10_000  # the largest whole number an option takes (a sentence of 10,000 words is no limit at all)
_SURROGATE = re.compile("[\ud800-\udfff]")


class RequestError(ValueError):
    """A request that cannot be answered: the message says why (HTTP 400)."""


def valid_unicode(value: str, name: str) -> str:
    """``value`` if it is text UTF-8 can carry; JSON's ``\\ud800`` escapes can give a lone
    surrogate, which no analysis (and no answer) can hold: a 400 naming the field."""
    if _SURROGATE.search(value):
        raise RequestError(f"'{name}' is not valid Unicode (it has a lone surrogate)")
    return value


def first_invalid_field(fields: dict[str, Any]) -> str | None:
    """The first field of a parsed JSON body with a lone surrogate anywhere in it (in its
    name, its string, a list's strings, however deep), or None."""
    for key, value in fields.items():
        if _SURROGATE.search(key):
            return "a field name"
        stack = [value]
        while stack:  # a loop, not recursion: JSON can nest as deep as the parser allows
            item = stack.pop()
            if isinstance(item, str):
                if _SURROGATE.search(item):
                    return key
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item)
                stack.extend(item.values())
    return None


def text_of(fields: dict[str, Any], *names: str) -> str:
    """The text to check, from the first of ``names`` present; a clear error otherwise."""
    for name in names:
        if name in fields:
            value = fields[name]
            if not isinstance(value, str):
                raise RequestError(f"'{name}' must be a string")
            return valid_unicode(value, name)
    raise RequestError(f"give the text to check in '{names[0]}'")


def overrides(fields: dict[str, Any], *, ignore: tuple[str, ...] = ()) -> Overrides:
    """The options a request set, checked: unknown fields and wrong types are errors."""
    from ..cli.options import AUDIENCES

    given: dict[str, Any] = {}
    for key, value in fields.items():
        if key in ignore:
            continue
        if key not in OPTIONS:
            known = ", ".join(sorted({*OPTIONS, *ignore}))
            raise RequestError(f"unknown field '{key}'; known fields: {known}")
        name, kind = OPTIONS[key]
        if kind == "audience":
            if value not in AUDIENCES:
                raise RequestError(f"'audience' must be one of {', '.join(AUDIENCES)}")
        elif kind == "grade":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 30:
                raise RequestError("'target_grade' must be a number from 0 to 30")
            value = float(value)
        elif kind == "count":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_COUNT:
                raise RequestError(f"'{key}' must be a whole number from 1 to {MAX_COUNT:,}")
        elif kind == "words":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise RequestError(f"'{key}' must be a list of strings")
            value = tuple(value)
        given[name] = value
    return Overrides(isolated=True, **given)


def read_upload(name: str, data: bytes, max_bytes: int):
    """A dropped file's text, read as the commands read a file of that name (a Word file
    through its reader, text in its detected encoding): a SourceText."""
    from ..errors import InputError
    from ..sources.inputs import Source, read_source

    name = Path(name.replace("\\", "/")).name or "dropped.txt"
    try:
        return read_source(Source(name, Path(name), name, data), max_bytes=max_bytes)
    except InputError as err:
        raise RequestError(str(err)) from None


MAX_VOCAB = 60_000  # words spaCy remembers before a server's analyzers are rebuilt


class Analyzers:
    """One analyzer per distinct set of options, built once and shared by every request
    (built lazily: the server starts before spaCy is loaded)."""

    def __init__(self, base: Overrides | None = None, folder: Path | None = None) -> None:
        from ..cli.session import Session

        self._given = base or Overrides(isolated=True)
        self.folder = (folder or Path.cwd()).resolve()  # where "my readers know this word" is saved
        self._sessions: dict[Overrides, Any] = {}
        self._session_type = Session
        self._base = self._with_accept_list()

    def _with_accept_list(self) -> Overrides:
        """Configuration files are not read (as --isolated), but the accept list of the
        folder the server was started in is: words the writer said their readers know."""
        from dataclasses import replace

        from ..config.effective import ACCEPT_FILE

        path = self.folder / ACCEPT_FILE
        return replace(self._given, accept_file=(*self._given.accept_file, str(path))) if path.is_file() else self._given

    def accept(self, word: str) -> Path:
        """Add ``word`` to the accept list (only ever on the writer's explicit request) and
        rebuild the analyzers, so it is not flagged again; returns where it was saved."""
        import unicodedata

        from ..config.effective import ACCEPT_FILE
        from ..rewrite.interactive import save_accepted

        word = " ".join(valid_unicode(word, "word").split())
        if not word or len(word) > 80 or "#" in word:
            raise RequestError("'word' must be a word or short phrase (no '#', at most 80 characters)")
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in word):
            # NUL, a bidi override, a zero-width space: invisible in the file, and no word a reader knows
            raise RequestError("'word' must not have control or format characters (such as NUL or U+202E)")
        from ..sources.atomic import WriteError

        try:
            save_accepted([word], self.folder)
        except WriteError as err:
            raise RequestError(str(err)) from None
        self._sessions.clear()
        self._base = self._with_accept_list()
        return self.folder / ACCEPT_FILE

    def fixed(self, text: str, options: Overrides, everything: bool, name: str = "-") -> dict[str, Any]:
        """``fix``'s rewrite of ``text``: the new text, each change made (offsets into
        the text sent), and the findings left in the new text."""
        from ..report import SCHEMA_VERSION
        from ..rewrite.fixes import fix_text

        report, analyzer = self._report_and_analyzer(text, options, name)
        result = fix_text(report, analyzer.lexicon, everything=everything)
        left = analyzer.analyze(result.text, name=name) if result.applied else report
        return {"schema_version": SCHEMA_VERSION, "path": name, "text": result.text,
                "changes": [{"start": e.start, "end": e.end, "text": text[e.start:e.end], "replacement": e.replacement,
                             "rule": e.rule} for e in result.applied],
                "left": left.to_dict()["findings"]}

    def report(self, text: str, options: Overrides, name: str = "-", source=None):
        report, _ = self._report_and_analyzer(text, options, name, source)
        return report

    def _report_and_analyzer(self, text: str, options: Overrides, name: str = "-", source=None):
        from dataclasses import replace

        merged = replace(self._base, **{k: v for k, v in vars(options).items()
                                         if k != "isolated" and v not in (None, ())})
        session = self._sessions.get(merged)
        if session is None:
            from ..errors import PlainspeakError

            session = self._session_type(merged)
            try:
                session.prepare([], "-")
            except PlainspeakError as err:
                raise RequestError(str(err)) from None
            if len(self._sessions) < 32:  # bounded: a client cycling options cannot grow memory
                self._sessions[merged] = session
        options_used = session.run_options()
        try:
            analyzer = session.analyzer_for(options_used)
            report = analyzer.analyze(text, name=name)
            if len(analyzer.nlp.vocab) > MAX_VOCAB:
                # spaCy keeps every word it has met; past this many, the analyzers are built
                # afresh (about 0.3 s, once in a long while) so the server's memory stays flat.
                self._sessions.clear()
            if source is not None:
                from ..cli.session import describe

                report = describe(report, source)
            return report, analyzer
        except Exception as err:  # a selector that names no rule, say
            from ..errors import PlainspeakError

            if isinstance(err, PlainspeakError):
                raise RequestError(str(err)) from None
            raise
