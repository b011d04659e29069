"""One run of a command: the options for each input and the analyzers they need.

Every command that reads drafts goes through ``Session.inputs`` (which reads
them with sources.iter_inputs, the one source iterator) and gets each input's
analyzer from ``Session.analyzer_for``. Inputs with the same effective options
share one analyzer. All configuration files the run needs are read, and every
option checked, in ``Session.prepare``: a bad key, selector, lexicon, model or
encoding is one clear error before any output.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple

from ..config.effective import Effective, Overrides, combine
from ..config.files import Config, config_for, read_config
from ..errors import PlainspeakError
from ..sources.inputs import Input, RecordSpec, Source, discover, iter_inputs


class Session:
    def __init__(self, cli: Overrides, *, report_unused_suppressions: bool = False, records: RecordSpec | None = None) -> None:
        self.cli = cli
        self.records = records  # read every input as a record stream (--records)
        self.report_unused = report_unused_suppressions
        self._fixed: Config | None = None
        if cli.config:
            self._fixed = read_config(cli.config)
        elif cli.isolated:
            self._fixed = Config()
        self._analyzers: dict[Any, Any] = {}
        self._checked: set[Any] = set()
        self._options: dict[Path | None, Effective] = {}

    # -- options ---------------------------------------------------------------

    def config_for(self, target: str | Path | None) -> Config:
        return self._fixed if self._fixed is not None else config_for(target)

    def options_for(self, target: str | Path | None) -> Effective:
        return combine(self.config_for(target), self.cli)

    def options_of(self, source: Source) -> Effective:
        """The options for one input. Standard input named with --stdin-name gets the
        configuration that file would get (as ruff's --stdin-filename); unnamed, the
        current folder's. Looked up once per folder: a folder of 2,000 files is one search."""
        target = _config_target(source)
        folder = target.parent if target is not None else None  # inputs are files: their folder decides
        options = self._options.get(folder)
        if options is None:
            options = self._options[folder] = self.options_for(target)
        return options

    def run_options(self) -> Effective:
        """The options of the run as a whole (output format, rubric): --config, or the
        configuration file that applies to the current folder."""
        return self.options_for(None)

    def prepare(self, paths: Sequence[str], stdin_name: str = "-") -> None:
        """Read every configuration file the inputs need and check every option,
        building the analyzers, before any output."""
        from ..sources.inputs import text_codec

        targets: list[str | Path | None] = [None]
        for item in discover(paths, stdin_name=stdin_name, suffixes=self.run_options().suffixes):
            if isinstance(item, Source):
                targets.append(_config_target(item))
        seen: set[Any] = set()
        for target in targets:
            config = self.config_for(target)
            if config.path in seen:
                continue
            seen.add(config.path)
            options = combine(config, self.cli)
            try:
                if options.encoding.lower() != "auto":
                    text_codec(options.encoding)
            except LookupError as err:
                where = "--encoding" if options.origins.get("encoding") == "command line" else f"{config.path}: encoding"
                raise PlainspeakError(f"{err} ({where})") from None
            if not options.default_lexicon and not options.lexicons:
                raise PlainspeakError("--no-default-lexicon needs at least one --lexicon FILE")
            self.analyzer_for(options)

    # -- inputs and analyzers --------------------------------------------------

    def inputs(self, paths: Sequence[str], *, stdin_name: str = "-", stdin: BinaryIO | None = None,
               windowed: bool = False) -> Iterator[Input]:
        """Every input, read with its own configuration's encoding and size limit;
        ``windowed``: a huge UTF-8 text file is read in windows as it is analysed
        (for a command that streams its reports: check)."""
        from ..config.settings import load_defaults

        default_max = int(load_defaults()["input"]["max_bytes"])

        def encoding(source: Source) -> str:
            from ..sources.inputs import AUTO, text_codec

            chosen = self.options_of(source).encoding
            return AUTO if chosen.lower() == AUTO else text_codec(chosen)

        def max_bytes(source: Source) -> int:
            return self.options_of(source).max_bytes or default_max

        return iter_inputs(paths, stdin_name=stdin_name, encoding=encoding, max_bytes=max_bytes, stdin=stdin,
                           records=self.records, suffixes=self.run_options().suffixes, windowed=windowed)

    def analyzer_for(self, options: Effective):
        """The analyzer for these options (built once per distinct set)."""
        key = (options.audience, options.target_grade, options.max_sentence_words, options.accept,
               options.accept_files, options.lexicons, options.default_lexicon, options.model, options.select,
               options.ignore, options.extend_select, options.severity)
        analyzer = self._analyzers.get(key)
        if analyzer is None:
            analyzer = self._analyzers[key] = self._build(options)
        return analyzer

    def _build(self, options: Effective):
        from ..config.settings import make_settings
        from ..rules.lexicon import read_word_list
        from ..rules.policy import Policy
        from ..rules.registry import known_selectors
        from ..rules.selection import Selection, check_selectors

        accept = list(options.accept)
        for path in options.accept_files:
            accept.extend(read_word_list(path))
        settings = make_settings(audience=options.audience, target_grade=options.target_grade,
                                 max_sentence_words=options.max_sentence_words, accept=accept)
        selection = Selection(options.select, options.ignore, options.extend_select, options.severity)
        from ..api import Analyzer  # imports spaCy

        analyzer = Analyzer(settings, lexicon_paths=[str(p) for p in options.lexicons],
                            default_lexicon=options.default_lexicon, model=options.model,
                            policy=Policy(selection, self.report_unused))
        if not selection.is_default:
            where = str(options.config) if options.config and any(
                options.origins.get(k) not in ("command line", "default") for k in ("select", "ignore", "extend_select", "severity")
            ) else ""
            check_selectors(selection, known_selectors(analyzer.lexicon), where)
        return analyzer

    def analyze(self, item: Input, *, streamed: bool = False):
        """The report for one readable input, with its options; ``streamed``: a
        Report whose findings come out as they are found (Report.parts)."""
        assert item.text is not None
        options = self.options_of(item.source)
        analyzer = self.analyzer_for(options)
        text = item.text.text
        if item.text.windowed is not None:  # a huge file, read as it is analysed (check only)
            report = analyzer.report_in_windows(item.text.windowed, item.name)
        elif streamed:
            report = analyzer.report_in_parts(text, item.name)
        else:
            report = analyzer.analyze(text, name=item.name)
        return describe(report, item.text), options


def describe(report, text):
    """The report with what its text was read from: the format, the encoding of a text
    file, and for a document where in it each finding is (paragraph, table cell, page)."""
    report.format = text.format
    report.encoding = text.encoding if text.document is None else None
    if text.document is not None:
        from ..documents.model import place_findings

        document = text.document
        report.notes = list(document.notes)
        if report.stream is not None:
            report.stream = _placed(report, report.stream, document)
        else:
            report.findings = place_findings(report.findings, document)
            report.suppressed = place_findings(report.suppressed, document)
    return report


def _placed(report, stream, document):
    """A streamed report's findings placed in the document as they come."""
    from ..documents.model import place_findings

    for findings, sentences in stream:
        yield place_findings(findings, document), sentences
    report.suppressed = place_findings(report.suppressed, document)


def _config_target(source: Source) -> Path | None:
    """Where to look for an input's configuration: its path; for standard input the
    --stdin-name given (if any), else the current folder (None)."""
    if source.path is not None:
        return source.path
    return Path(source.name) if source.name not in ("", "-") else None


def write_error(stderr: IO[str], error: Exception) -> None:
    stderr.write(f"plainspeak: error: {error}\n")
    stderr.flush()


class Analyzed(NamedTuple):
    """One input of a run, with its report and options, or why it has none."""

    item: Input
    report: Any = None
    options: Effective | None = None
    error: Exception | None = None


def analyzed(session: Session, items: Iterable[Input], *, jobs: int = 1,
             refuse: Callable[[Input], Exception | None] | None = None, streamed: bool = False) -> Iterator[Analyzed]:
    """Every input with its report, in input order: in this process, or with
    ``jobs`` worker processes when the run is big enough to gain from them
    (plainspeak.parallel; the output is the same either way). ``refuse`` names
    an input the command will not analyse (an error, not a report).
    ``streamed``: reports analysed here are streamed (Report.parts; read each
    one's parts before asking for the next input)."""
    items = iter(items)
    if jobs > 1:
        from ..parallel import SMALL_RUN_CHARS

        ahead: list[Input] = []
        size = 0
        for item in items:  # a few inputs of a few words are done here: no worker to start
            ahead.append(item)
            if item.text is not None:
                size += item.text.windowed.chars if item.text.windowed is not None else len(item.text.text)
            if size >= SMALL_RUN_CHARS or len(ahead) > jobs * 2:
                break
        else:
            jobs = 1
        items = itertools.chain(ahead, items)
    if jobs <= 1:
        for item in items:
            error = item.error or (refuse(item) if refuse else None)
            if error is not None:
                yield Analyzed(item, error=error)
            else:
                report, options = session.analyze(item, streamed=streamed)
                yield Analyzed(item, report, options)
        return
    yield from _in_workers(session, items, jobs, refuse, streamed)


def _in_workers(session: Session, items: Iterator[Input], jobs: int,
                refuse: Callable[[Input], Exception | None] | None, streamed: bool) -> Iterator[Analyzed]:
    from ..parallel import (
        BATCH_CHARS,
        BATCH_INPUTS,
        MAX_PART_CHARS,
        SPLIT_CHARS,
        Job,
        LazyTasks,
        ordered_results,
        run_inputs,
        run_part,
    )
    from ..rewrite.suggest import text_voices

    def batch(group: list[tuple[Input, Exception | None, Effective | None]]) -> Job:
        """Short inputs travel together: one task per few thousand words, not per input."""
        sent = [(options, item.name, item.text.text) for item, error, options in group
                if error is None and item.text is not None]
        job = Job(", ".join(item.name for item, _, _ in group[:3]) + (", ..." if len(group) > 3 else ""))
        if sent:
            job.tasks.append(lambda: (run_inputs, (sent,)))

        def done(results: Iterator[list]) -> Iterator[Analyzed]:
            reports = iter([report for batch in results for report in batch])
            for item, error, options in group:
                if error is not None or item.text is None:
                    yield Analyzed(item, error=error)
                    continue
                report = next(reports)
                if isinstance(report, BaseException):  # a bug met in the worker, raised in its turn
                    raise report
                report.text = item.text.text
                yield Analyzed(item, describe(report, item.text), options)

        job.done = done
        return job

    def split(item: Input, options: Effective) -> Job:
        """A long input in parts, merged in text order."""
        assert item.text is not None
        source_text, name, text = item.text, item.name, item.text.text
        analyzer = session.analyzer_for(options)
        cut = analyzer.plan(text)
        voices = text_voices(text)
        size = min(max(len(text) // (jobs * 8), analyzer.max_chars), MAX_PART_CHARS)
        groups, first, start = [], 0, 0
        for i, (_, end) in enumerate(cut.bounds):
            if end - start >= size or i == len(cut.bounds) - 1:
                groups.append((first, i))
                first, start = i + 1, end
        assembly = analyzer.assemble(name, text, cut)
        job = Job(name)
        for a, b in groups:
            job.tasks.append(lambda a=a, b=b: (run_part, (options, cut.part(name, text, a, b, voices))))
        offsets = [cut.bounds[a][0] for a, _ in groups]

        def done(results: Iterator[list]) -> Iterator[Analyzed]:
            parts = zip(offsets, results)  # each part's results as they arrive, in text order
            report = assembly.streamed(parts) if streamed else assembly.whole(parts)
            yield Analyzed(item, describe(report, source_text), options)

        job.done = done
        return job

    def in_windows(item: Input, options: Effective) -> Job:
        """A huge file read in windows: each window goes to a worker as it is read
        (the parent holds only those in flight), its results merged in order."""
        assert item.text is not None and item.text.windowed is not None
        windows = session.analyzer_for(options).windows(item.text.windowed, item.name)
        job = Job(item.name)

        def tasks() -> Iterator[Callable[[], tuple]]:
            for part in windows.parts():
                yield functools.partial(tuple, (run_part, (options, part)))  # () -> (function, arguments)

        job.tasks = LazyTasks(tasks())

        def done(results: Iterator[list]) -> Iterator[Analyzed]:
            assert item.text is not None
            yield Analyzed(item, describe(windows.report(results), item.text), options)

        job.done = done
        return job

    def planned() -> Iterator[Job]:
        group: list[tuple[Input, Exception | None, Effective | None]] = []
        size = 0
        for item in items:
            error = item.error or (refuse(item) if refuse else None)
            options = session.options_of(item.source) if error is None else None
            if options is not None and item.text is not None and item.text.windowed is not None:
                if group:
                    yield batch(group)
                    group, size = [], 0
                yield in_windows(item, options)
                continue
            if error is None and options is not None and item.text is not None and len(item.text.text) > SPLIT_CHARS:
                if group:
                    yield batch(group)
                    group, size = [], 0
                yield split(item, options)
                continue
            group.append((item, error, options))
            size += len(item.text.text) if error is None and item.text is not None else 0
            if size >= BATCH_CHARS or len(group) >= BATCH_INPUTS:
                yield batch(group)
                group, size = [], 0
        if group:
            yield batch(group)

    session_args = (type(session), session.cli, session.report_unused)
    for job in ordered_results(planned(), jobs, session, session_args):
        assert job.done is not None
        yield from job.done(job.results)
