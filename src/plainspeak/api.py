"""The library API: analyse texts into Reports, streaming.

    >>> import plainspeak
    >>> report = plainspeak.analyze("Please utilize the portal prior to your visit.")
    >>> [f.rule for f in report.findings]                        # doctest: +SKIP
    ['jargon.utilize', 'jargon.portal', 'jargon.prior-to']

Many texts stream: ``for report in plainspeak.analyze(texts): ...`` yields
each report as soon as its input is done, and only one input's pieces are in
memory at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, overload

from .config.settings import Settings, make_settings
from .pipeline.extract import DocFindings, InputState, add_doc, finish, report_parts
from .report import Report
from .rules.lexicon import Lexicon
from .rules.policy import Policy
from .text.nonprose import nonprose_ranges
from .text.positions import LineIndex
from .text.prep import Masked, Prepared, mask, prepare
from .text.segment import DEFAULT_MAX_CHARS, segments

if TYPE_CHECKING:
    from .sources.windows import Windowed


@dataclass(frozen=True)
class Plan:
    """Where a text's pieces are: non-prose ranges, the text with them blanked, and
    the ``(start, end)`` of each piece (what ``Analyzer.stream`` analyses)."""

    nonprose: list[tuple[int, int]]
    readable: str | Masked
    bounds: list[tuple[int, int]]

    def part(self, name: str, text: str, first: int, last: int, voices: frozenset[str]) -> Part:
        """Pieces ``first`` to ``last`` (inclusive) as a Part to send to a worker."""
        start, end = self.bounds[first][0], self.bounds[last][1]
        return Part(
            name, start, text[start:end], self.readable[start:end],
            tuple((max(a, start) - start, min(b, end) - start) for a, b in self.nonprose if a < end and b > start),
            tuple((a - start, b - start) for a, b in self.bounds[first:last + 1]), voices,
        )


@dataclass(frozen=True)
class Part:
    """Consecutive pieces of one long text, everything relative to ``offset``."""

    name: str
    offset: int
    text: str
    readable: str
    nonprose: tuple[tuple[int, int], ...]
    bounds: tuple[tuple[int, int], ...]
    voices: frozenset[str]


@dataclass(frozen=True)
class _Piece:
    index: int  # which input
    prepared: Prepared  # the piece as the pipeline reads it, and the way back to the input
    last: bool  # the input's last piece


class Analyzer:
    """A built pipeline plus settings; reuse one to analyse many texts."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        lexicon_paths: Sequence[str] = (),
        default_lexicon: bool = True,
        model: str | None = None,
        max_chars: int = DEFAULT_MAX_CHARS,
        policy: Policy | None = None,
        lexicon: Lexicon | None = None,
    ) -> None:
        """``lexicon``: an already loaded one; otherwise the shipped lexicon (unless
        ``default_lexicon`` is false) plus ``lexicon_paths``."""
        from .pipeline.build import build_nlp
        from .rules.lexicon import load_lexicon

        self.settings = settings or make_settings()
        # rule selection and suppression comments (rules/policy.py)
        self.policy = policy if policy is not None else Policy()
        # The Analyzer owns the lexicon; the pipeline's jargon component is given it.
        self.lexicon: Lexicon = lexicon if lexicon is not None else load_lexicon(lexicon_paths, include_default=default_lexicon)
        self.nlp = build_nlp(self.settings, lexicon=self.lexicon, model=model)
        self.max_chars = max_chars

    def analyze(self, text: str, name: str = "-") -> Report:
        """One text, one report."""
        return next(self.stream([(name, text)]))

    def report_in_parts(self, text: str, name: str = "-") -> Report:
        """One text's Report, streamed: its findings and sentences come out as each
        piece of the text is analysed (``Report.parts``), and none are kept, so a
        huge text is reported in the memory of a small one. The same findings, in
        the same order, as ``analyze``; the summary is set once they are read."""
        report = Report(name, text)
        report.stream = self._parts(report, name, text)
        return report

    def report_in_windows(self, windowed: Windowed, name: str = "-") -> Report:
        """A huge text file's Report, streamed, read a window at a time so its text is
        never held whole (sources/windows.py). Each window is analysed as a part of
        a long text is in a worker (``analyze_part``) and merged in text order, so
        an acronym spelled out in one window counts in the next."""
        windows = self.windows(windowed, name)
        return windows.report(self.analyze_part(part) for part in windows.parts())

    def windows(self, windowed: Windowed, name: str = "-") -> Windows:
        """A huge text file's windows as Parts, and its Report from their results (in
        this process: ``report_in_windows``; in workers: plainspeak.parallel)."""
        return Windows(self, windowed, name)

    def _parts(self, report: Report, name: str, text: str) -> Iterator[tuple[list, list]]:
        plan = self.plan(text)
        state = InputState.start(name, text, plan.nonprose)

        def pieces() -> Iterator[tuple[str, Prepared]]:
            for start, end in plan.bounds:
                prepared = prepare(plan.readable[start:end], start)
                yield prepared.text, prepared

        docs = self.nlp.pipe(pieces(), as_tuples=True, batch_size=1)
        yield from report_parts(report, state, (add_doc(state, doc, prepared, self.lexicon, self.settings)
                                                for doc, prepared in docs), self.settings, self.policy)

    def stream(self, items: Iterable[tuple[str, str]]) -> Iterator[Report]:
        """``(name, text)`` pairs in, one Report per pair out, in order, as each finishes."""
        states: dict[int, InputState] = {}

        def pieces() -> Iterator[tuple[str, _Piece]]:
            for index, (name, text) in enumerate(items):
                plan = self.plan(text)  # links, paths and code become spaces, same length
                states[index] = InputState.start(name, text, plan.nonprose)
                for k, (start, end) in enumerate(plan.bounds):
                    prepared = prepare(plan.readable[start:end], start)
                    yield prepared.text, _Piece(index, prepared, k == len(plan.bounds) - 1)

        # One Doc at a time: a trained pipeline would otherwise batch 256 pieces in memory.
        for doc, piece in self.nlp.pipe(pieces(), as_tuples=True, batch_size=1):
            state = states[piece.index]
            state.add(add_doc(state, doc, piece.prepared, self.lexicon, self.settings))
            if piece.last:
                del states[piece.index]
                yield finish(state, self.settings, self.policy)

    # -- one long input in parts, for worker processes (plainspeak.parallel) --------

    def plan(self, text: str) -> Plan:
        """How ``text`` is cut into the pieces it is analysed in (every path: whole,
        streamed, or in parts by workers)."""
        ranges = nonprose_ranges(text)
        readable = mask(text, ranges)
        return Plan(ranges, readable, list(segments(readable, self.max_chars)))

    def analyze_part(self, part: Part) -> list[DocFindings]:
        """The results of one run of consecutive pieces of a long text, as plain data
        with offsets into the part (``DocFindings.shifted`` moves them back)."""
        state = InputState.start(part.name, part.text, list(part.nonprose), voices=part.voices)
        out = []
        for start, end in part.bounds:
            prepared = prepare(part.readable[start:end], start)
            out.append(add_doc(state, self.nlp(prepared.text), prepared, self.lexicon, self.settings))
        return out

    def assemble(self, name: str, text: str, plan: Plan) -> Assembly:
        """Collects the parts of a text analysed in parts, in text order, into its Report."""
        return Assembly(self, InputState.start(name, text, plan.nonprose))


class Assembly:
    """A long text's Report, built from its parts' results as they arrive in text
    order: whole, or streamed (its findings passed on as each part is merged)."""

    def __init__(self, analyzer: Analyzer, state: InputState) -> None:
        self._analyzer = analyzer
        self._state = state

    def _merged(self, parts: Iterable[tuple[int, list[DocFindings]]]) -> Iterator[DocFindings]:
        lines = self._state.lines
        for offset, results in parts:
            for result in results:
                yield result.shifted(offset, lines)

    def whole(self, parts: Iterable[tuple[int, list[DocFindings]]]) -> Report:
        """``(offset, results)`` of each part, in text order, into one whole Report."""
        for result in self._merged(parts):
            self._state.add(result)
        return finish(self._state, self._analyzer.settings, self._analyzer.policy)

    def streamed(self, parts: Iterable[tuple[int, list[DocFindings]]]) -> Report:
        """The same, as a streamed Report: nothing is read until its parts are."""
        state = self._state
        report = Report(state.name, state.text)
        report.stream = report_parts(report, state, self._merged(parts), self._analyzer.settings, self._analyzer.policy)
        return report


class Windows:
    """A huge text file read a window at a time: ``parts`` reads each window (in
    order, adding its lines) as a Part to analyse; ``report`` merges the parts'
    results, in the same order, into a streamed Report."""

    def __init__(self, analyzer: Analyzer, windowed: Windowed, name: str) -> None:
        self._analyzer = analyzer
        self._windowed = windowed
        self._name = name
        self._lines = LineIndex("")
        self._offsets: deque[int] = deque()

    def parts(self) -> Iterator[Part]:
        huge = self._windowed
        for window in huge.windows(self._analyzer.max_chars):
            self._lines.extend(window.text, window.offset)
            self._offsets.append(window.offset)
            yield Part(self._name, window.offset, window.text, window.readable, window.nonprose, window.bounds,
                       huge.voices)

    def report(self, results: Iterable[list[DocFindings]]) -> Report:
        """The streamed Report of the parts' results, each read after its part."""
        analyzer, lines = self._analyzer, self._lines
        report = Report(self._name, "", text_chars=self._windowed.chars)
        state = InputState(self._name, "", lines, given_voices=self._windowed.voices)

        def merged() -> Iterator[DocFindings]:
            for found in results:
                offset = self._offsets.popleft()
                for result in found:
                    yield result.shifted(offset, lines)

        report.stream = report_parts(report, state, merged(), analyzer.settings, analyzer.policy)
        return report


def get_analyzer(
    settings: Settings | None = None,
    *,
    lexicon_paths: Sequence[str] = (),
    default_lexicon: bool = True,
    model: str | None = None,
) -> Analyzer:
    """A shared Analyzer for these options (building a pipeline takes ~0.2 s)."""
    return _shared_analyzer(settings or make_settings(), tuple(str(p) for p in lexicon_paths), default_lexicon, model)


@lru_cache(maxsize=4)  # each holds a pipeline (~0.2 s to build, tens of MB)
def _shared_analyzer(settings: Settings, lexicon_paths: tuple[str, ...], default_lexicon: bool, model: str | None) -> Analyzer:
    return Analyzer(settings, lexicon_paths=lexicon_paths, default_lexicon=default_lexicon, model=model)


@overload
def analyze(texts: str, **options) -> Report: ...
@overload
def analyze(texts: Iterable[str] | Iterable[tuple[str, str]], **options) -> Iterator[Report]: ...


def analyze(
    texts,
    *,
    settings: Settings | None = None,
    lexicon_paths: Sequence[str] = (),
    default_lexicon: bool = True,
    model: str | None = None,
    **setting_overrides,
):
    """Analyse one text (returns a Report) or many (returns an iterator of Reports).

    ``texts``: a string, or an iterable of strings or of ``(name, text)`` pairs.
    ``setting_overrides`` are passed to :func:`make_settings` (``audience``,
    ``target_grade``, ``max_sentence_words``, ``accept``) when ``settings`` is
    not given.
    """
    if settings is None:
        settings = make_settings(**setting_overrides)
    elif setting_overrides:
        raise TypeError("pass either settings or setting overrides, not both")
    analyzer = get_analyzer(settings, lexicon_paths=lexicon_paths, default_lexicon=default_lexicon, model=model)
    if isinstance(texts, str):
        return analyzer.analyze(texts)
    return analyzer.stream(_named(item, i) for i, item in enumerate(texts))


def _named(item, index: int) -> tuple[str, str]:
    if isinstance(item, str):
        return f"<text {index + 1}>", item
    name, text = item
    return str(name), text
