"""--jobs N: worker processes change nothing but the time. The same bytes and
exit code as one process, for check (every format), fix --diff and grade, on
the golden cases and on one long text cut into parts (where an acronym
defined in one part must still count in the next); a short message never
starts a worker; a worker that dies is an internal error naming the input."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainspeak import parallel
from plainspeak.cli.app import cli

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The golden cases as files, plus one long text made of them all, where IOP is
    spelled out only at the start and used all the way through."""
    for case in CASES:
        shutil.copy(case / "input.txt", tmp_path / f"{case.name}.txt")
    (tmp_path / "05-broken.docx").write_bytes(b"not a zip")  # an error among them, in its place
    texts = [(case / "input.txt").read_text(encoding="utf-8") for case in CASES]
    opening = "Intensive outpatient program (IOP) means group sessions three days a week.\n\n"
    body = "\n\n".join(t + "\n\nYour IOP group meets on Tuesday. Call the BHA office if you need a ride." for t in texts)
    (tmp_path / "long.txt").write_text(opening + "\n\n".join([body] * 12), encoding="utf-8")
    return tmp_path


@pytest.fixture
def workers_for_everything(monkeypatch):
    """Workers even for these small inputs, and the long text cut into many parts."""
    monkeypatch.setattr(parallel, "SMALL_RUN_CHARS", 0)
    monkeypatch.setattr(parallel, "SPLIT_CHARS", 20_000)
    monkeypatch.setattr(parallel, "MAX_PART_CHARS", 20_000)


def run(args: list[str], cwd: Path):
    here = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(here)


@pytest.mark.parametrize("fmt", ["line", "json", "jsonl", "sarif", "github", "rich"])
def test_check_is_the_same_with_workers(folder, workers_for_everything, fmt):
    args = ["check", ".", "--isolated", "--format", fmt, "--no-color"]
    one, two = run([*args, "--jobs", "1"], folder), run([*args, "--jobs", "2"], folder)
    assert one.exit_code == two.exit_code == 2  # the broken file
    assert one.stdout == two.stdout and one.stderr == two.stderr and "05-broken.docx" in one.stderr
    assert "long.txt" in one.stdout


def test_an_acronym_defined_in_an_earlier_part_still_counts(folder, workers_for_everything):
    text = (folder / "long.txt").read_text(encoding="utf-8")
    assert len(text) > 4 * parallel.SPLIT_CHARS  # really cut into parts
    out = run(["check", "long.txt", "--isolated", "--format", "line", "--jobs", "2"], folder).stdout
    assert "IOP" not in " ".join(line for line in out.splitlines() if "acronym.undefined" in line)
    assert "'BHA' is not explained" in out  # the undefined one is still flagged, once


def test_fix_diff_and_grade_are_the_same_with_workers(folder, workers_for_everything):
    for args in (["fix", ".", "--isolated", "--diff"], ["grade", ".", "--isolated", "--format", "csv"]):
        one, two = run([*args, "--jobs", "1"], folder), run([*args, "--jobs", "2"], folder)
        assert one.exit_code == two.exit_code
        assert one.stdout == two.stdout and one.stdout


def test_a_short_message_never_starts_a_worker(monkeypatch):
    def no_workers(*args, **kwargs):
        raise AssertionError("a worker pool was started for one short message")

    monkeypatch.setattr(parallel, "ordered_results", no_workers)
    result = CliRunner().invoke(cli, ["check", "-", "--isolated", "--jobs", "2", "--format", "line"],
                                input="We will utilize the portal.")
    assert result.exit_code == 0 and "jargon.utilize" in result.stdout


def _die(*args, **kwargs):
    os._exit(9)


def test_a_worker_that_dies_is_an_internal_error_naming_the_input(folder, workers_for_everything, monkeypatch):
    monkeypatch.setattr(parallel, "run_inputs", _die)
    result = run(["check", "01-sms-missed-group.txt", "02-sms-appointment-reminder.txt", "--isolated", "--jobs", "2"],
                 folder)
    assert result.exit_code == 3
    assert "01-sms-missed-group.txt" in result.stderr and "worker" in result.stderr


def test_jobs_must_be_a_positive_number():
    result = CliRunner().invoke(cli, ["check", "-", "--jobs", "0"], input="Hello.")
    assert result.exit_code == 2 and "--jobs" in result.stderr


def _running(pid: int) -> bool:
    try:
        return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_sigterm_or_ctrl_c_stops_every_worker_and_leaves_no_temporary_file(tmp_path, signame):
    import signal
    import subprocess
    import sys
    import time

    texts = [(case / "input.txt").read_text(encoding="utf-8") for case in CASES]
    (tmp_path / "big.txt").write_text("\n\n".join(texts * 60), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "plainspeak", "check", "big.txt", "--isolated", "--jobs", "2",
                             "--format", "jsonl", "-o", "out.jsonl"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    children: list[int] = []
    deadline = time.monotonic() + 60
    while not children and time.monotonic() < deadline and proc.poll() is None:
        try:
            children = [int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()]
        except OSError:
            pytest.skip("no /proc here to see the workers")
        time.sleep(0.05)
    assert children, "no worker started for a long input"
    proc.send_signal(getattr(signal, signame))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and b"interrupted" in err and b"Traceback" not in err
    time.sleep(0.5)
    assert [c for c in children if _running(c)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt"]


def test_a_bug_in_one_input_leaves_the_same_output_before_it(folder, workers_for_everything, monkeypatch):
    """Inputs travel to workers in batches: those before the failing one are still
    reported, as in one process, and the run ends with the same internal error."""
    from plainspeak import api

    analyze, in_parts = api.Analyzer.analyze, api.Analyzer.report_in_parts

    def failing(self, text, name="-"):  # in a worker, whole reports
        if name.endswith("07-housing-recertification-letter.txt"):
            raise ValueError("simulated bug")
        return analyze(self, text, name)

    def failing_in_parts(self, text, name="-"):  # in one process, streamed reports
        if name.endswith("07-housing-recertification-letter.txt"):
            raise ValueError("simulated bug")
        return in_parts(self, text, name)

    monkeypatch.setattr(api.Analyzer, "analyze", failing)
    monkeypatch.setattr(api.Analyzer, "report_in_parts", failing_in_parts)
    args = ["check", ".", "--isolated", "--format", "line"]
    one, two = run([*args, "--jobs", "1"], folder), run([*args, "--jobs", "2"], folder)
    assert one.exit_code == two.exit_code == 3
    assert one.stdout == two.stdout and "06-benefits-denial-letter.txt" in one.stdout
    assert one.stderr == two.stderr and "simulated bug" in one.stderr


def test_a_record_stream_on_standard_input_is_answered_in_one_process_by_default(monkeypatch, workers_for_everything):
    """A script piping records in may wait on each answer; workers take records in batches."""
    def no_workers(*args, **kwargs):
        raise AssertionError("a worker pool was started for a record stream on standard input")

    monkeypatch.setattr(parallel, "ordered_results", no_workers)
    records = "\n".join(f'{{"id": {i}, "text": "We will utilize the portal. Call the BHA office."}}' for i in range(200))
    result = CliRunner().invoke(cli, ["check", "--records", "-", "--column", "text", "--isolated", "--format", "jsonl"],
                                input=records)
    assert result.exit_code == 1, result.stderr
    assert len(result.stdout.splitlines()) == 200


def test_jobs_are_capped_at_two_per_usable_core():
    from plainspeak.cli.options import jobs_count, usable_cores

    assert jobs_count(10_000) == 2 * usable_cores()
    assert jobs_count(1) == 1
    assert jobs_count(None) == usable_cores()
    assert jobs_count(None, paths=("-",), records=object()) == 1
    assert jobs_count(2, paths=("-",), records=object()) == min(2, 2 * usable_cores())


def test_stop_signals_are_held_back_while_a_worker_is_forked():
    import signal

    with parallel._blocked():
        held = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    after = signal.pthread_sigmask(signal.SIG_BLOCK, set())
    assert {signal.SIGINT, signal.SIGTERM} <= held
    assert not {signal.SIGINT, signal.SIGTERM} & after


def test_workers_are_forked_only_where_fork_is_safe():
    import sys

    assert parallel.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")


def test_the_tables_a_long_text_loads_are_loaded_before_the_workers_fork():
    """Loaded in the parent, the CMU syllable table and the suggestions' inflections
    are shared by every forked worker (about 30 MB less for --jobs 2 on 1M words)."""
    from plainspeak import parallel
    from plainspeak.rewrite import inflection_table
    from plainspeak.text import syllables

    syllables._cmu_table.cache_clear()
    inflection_table._shipped.cache_clear()
    parallel._load_tables_to_share()
    assert syllables._cmu_table.cache_info().currsize == 1
    assert inflection_table._shipped.cache_info().currsize == 1


def test_the_pool_loads_the_tables_before_it_forks(monkeypatch):
    from plainspeak import parallel

    calls: list[str] = []
    monkeypatch.setattr(parallel, "_load_tables_to_share", lambda: calls.append("loaded"))
    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", _NoPool)
    list(parallel.ordered_results(iter(()), 2, None, ()))
    assert calls == (["loaded"] if parallel.start_method() == "fork" else [])


class _NoPool:
    """Stands in for the process pool: the test is about what happens before it."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def shutdown(self, **kwargs) -> None:
        pass
