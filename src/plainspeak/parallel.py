"""Worker processes for big runs (``--jobs N``): inputs, and parts of one long input.

The parent reads the inputs (the one source iterator), sends each text, or
each run of pieces of a long text, to a worker, and gets back plain data:
a Report without its text, or per-Doc findings (``DocFindings``) that it
merges in text order, so an acronym defined in one part counts in the next
whichever process read it. Results come back in input order, whatever order
the workers finish in, so the output is byte for byte that of one process.

Workers are forked from the parent after it has built its analyzers (no
second start-up, and the pipeline's memory is shared until written); where
fork is not available they are spawned and build their own. Only so many
tasks are in flight at once, so memory stays bounded however many inputs
there are. A worker that dies stops the run with an internal error naming
the input; Ctrl-C and SIGTERM stop every worker.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

# Below these sizes a run is done in one process: a worker would cost more than it saves.
SMALL_RUN_CHARS = 100_000  # all inputs together, when there are few
SPLIT_CHARS = 200_000  # an input longer than this is cut into parts
MAX_PART_CHARS = 1_000_000
BATCH_CHARS = 20_000  # short inputs go to a worker together, up to this many characters
BATCH_INPUTS = 32  # or this many inputs

_SESSION: Any = None  # the worker's Session: inherited when forked, built when spawned


class WorkerDied(RuntimeError):
    """A worker process stopped without an answer (killed, out of memory): a bug or
    the machine, never the input's fault; exit 3."""


@dataclass
class Job:
    """One input's work: its tasks, and what the parent does with their results."""

    name: str  # the input's (or the first few's), for errors
    item: Any = None
    tasks: Any = field(default_factory=deque)  # () -> (function, arguments), not yet sent: a deque or LazyTasks
    futures: deque = field(default_factory=deque)
    # (its results, in order) -> the job's Analyzed inputs, in order
    done: Callable[[Iterator[Any]], Iterator[Any]] | None = None
    results: Iterator[Any] = field(default_factory=lambda: iter(()))  # set by ordered_results


class LazyTasks:
    """A Job's tasks made as they are sent, not all at first: one window of a huge
    file read per task, so the parent holds only the windows in flight."""

    def __init__(self, tasks: Iterator[Callable[[], tuple]]) -> None:
        self._tasks = tasks
        self._next: Callable[[], tuple] | None = None

    def __bool__(self) -> bool:
        if self._next is None:
            self._next = next(self._tasks, None)
        return self._next is not None

    def popleft(self) -> Callable[[], tuple]:
        if not self:
            raise IndexError("no more tasks")
        task, self._next = self._next, None
        assert task is not None
        return task


def run_inputs(inputs: list) -> list:
    """In a worker: each ``(options, name, text)``'s Report, sent back without its text;
    an input whose analysis fails gets its exception in its place, raised by the parent
    when it reaches that input, so the inputs before it are reported as in one process."""
    reports: list = []
    for options, name, text in inputs:
        try:
            report = _SESSION.analyzer_for(options).analyze(text, name=name)
        except Exception as err:  # a bug: the parent raises it in its turn
            reports.append(err)
            break
        report.text = ""
        reports.append(report)
    return reports


def run_part(options, part):
    """In a worker: one part of a long input, as per-Doc findings."""
    return _SESSION.analyzer_for(options).analyze_part(part)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def _start_worker(session_args: tuple | None, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # forked with these blocked (see _blocked): a signal sent meanwhile was the parent's
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with(parent)
    global _SESSION
    if _SESSION is None and session_args is not None:  # spawned: build our own
        make_session, cli, report_unused = session_args
        _SESSION = make_session(cli, report_unused_suppressions=report_unused)


def _die_with(parent: int) -> None:
    """A worker never outlives plainspeak (killed with -9, say): on Linux the kernel
    ends it when the parent goes; it would otherwise hold the output pipe open."""
    import os

    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return
    if os.getppid() != parent:  # the parent went before the line above
        os._exit(1)


class _blocked:
    """Ctrl-C and SIGTERM held back (not lost) while a worker is forked or the workers
    are stopped: a worker forked mid-signal would otherwise run with the parent's
    handler, and cleanup cut short would leave workers running. The signal is
    delivered to the parent when the block ends."""

    def __enter__(self) -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)

    def __exit__(self, *exc: object) -> None:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def start_method() -> str:
    """fork where it is safe and cheap (Linux): the workers share the parent's built
    pipeline. macOS's system libraries are not fork-safe, so elsewhere workers are
    spawned and build their own."""
    import sys

    return "fork" if sys.platform.startswith("linux") else "spawn"


def _load_tables_to_share() -> None:
    """Load now the tables a long text loads on first use: the CMU syllable table
    and the suggestions' inflections (about 25 MB). Loaded before the fork, their
    pages are shared by every worker; loaded in each worker, each held its own copy."""
    from .rewrite.inflection_table import load_table as load_inflections
    from .text.syllables import load_table as load_syllables

    load_syllables()
    load_inflections()


def ordered_results(jobs: Iterable[Job], workers: int, session, session_args: tuple) -> Iterator[Job]:
    """Run each Job's tasks on ``workers`` processes; yield the Jobs in their order,
    each as it comes to the front with ``results``: its tasks' results in order,
    as they arrive (reading them keeps the workers fed). Read a Job's results
    before asking for the next Job; any left unread are read then."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SESSION
    _SESSION = session
    import gc

    method = start_method()
    if method == "fork":
        _load_tables_to_share()
    gc.freeze()  # the pipeline's objects stay out of the collector: their pages stay shared with the workers
    import os

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method), initializer=_start_worker,
                               initargs=(None if method == "fork" else session_args, os.getpid()))
    feed = _Feed(pool, iter(jobs), limit=workers * 3)  # tasks in flight: enough to keep every worker busy
    try:
        while True:
            feed.fill()
            if not feed.queue:
                return
            head = feed.queue[0]
            head.results = feed.results_of(head)
            yield head
            for _ in head.results:  # what the caller left unread
                pass
            feed.queue.popleft()
    finally:
        with _blocked():
            pool.shutdown(wait=False, cancel_futures=True)
            for child in multiprocessing.active_children():
                child.terminate()
            for child in multiprocessing.active_children():
                child.join(5)


class _Feed:
    """The Jobs read so far and their tasks sent to the pool, in order, with at most
    ``limit`` in flight and a bounded number of Jobs read ahead."""

    def __init__(self, pool, reading: Iterator[Job], limit: int) -> None:
        self.pool = pool
        self.reading = reading
        self.limit = limit
        self.queue: deque[Job] = deque()
        self.unsent: deque[Job] = deque()
        self.finished_reading = False
        self.in_flight = 0

    def fill(self) -> None:
        from concurrent.futures.process import BrokenProcessPool

        unsent = self.unsent
        while self.in_flight < self.limit:
            if unsent and unsent[0].tasks:
                job = unsent[0]
                function, args = job.tasks.popleft()()
                try:
                    with _blocked():  # submit may fork a worker
                        job.futures.append(self.pool.submit(function, *args))
                except BrokenProcessPool:
                    raise WorkerDied(_died(self.queue)) from None
                self.in_flight += 1
                continue
            if unsent:
                unsent.popleft()
                continue
            if self.finished_reading or len(self.queue) > self.limit * 4:
                break
            following = next(self.reading, None)
            if following is None:
                self.finished_reading = True
                break
            self.queue.append(following)
            unsent.append(following)

    def results_of(self, job: Job) -> Iterator[Any]:
        """``job``'s results in order (it is at the front), sending more work as room frees."""
        from concurrent.futures.process import BrokenProcessPool

        while True:
            self.fill()
            if not job.futures:
                if job.tasks:
                    continue  # the front job's tasks always go out: nothing else is in flight
                return
            future = job.futures.popleft()
            self.in_flight -= 1
            try:
                result = future.result()
            except BrokenProcessPool:
                raise WorkerDied(_died(self.queue, job)) from None
            yield result


def _died(queue: deque[Job], head: Job | None = None) -> str:
    """Which inputs a dead worker may have been checking: those with work sent out
    (a pool does not say which of its processes had which task)."""
    names = [job.name for job in queue if job is head or job.futures] or [job.name for job in list(queue)[:1]]
    if len(names) == 1:
        return f"a worker process stopped while checking {names[0]}"
    shown = "; ".join(names[:4]) + ("; ..." if len(names) > 4 else "")
    return f"a worker process stopped while checking one of: {shown}"
