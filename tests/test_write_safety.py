"""Nothing the user wrote is ever lost: output paths, owners, hard links, lost updates, stale temporaries.

Each test here backs a data-safety sentence of the README (see
tests/test_docs.py, which checks that every such sentence names its test).
"""

from __future__ import annotations

import os
import random
import stat
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINI_LEXICON
from plainspeak.cli.app import cli
from plainspeak.sources import atomic
from plainspeak.sources.atomic import WriteError, check_output_path, write_atomic, write_new
from plainspeak.sources.inputs import Snapshot

MINI = ["--no-default-lexicon", "--lexicon", str(MINI_LEXICON)]
TEXT = b"Please utilize the portal.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


def _snapshot(path: Path) -> Snapshot:
    with open(path, "rb") as fh:
        data = fh.read()
        return Snapshot.of(data, os.fstat(fh.fileno()))


@pytest.fixture
def submissions(tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT)
    return folder


# --- report files: never over a device, a pipe, a link or an input -----------------------------


@pytest.fixture
def char_device(tmp_path):
    """A character device: our own copy of /dev/null when we may make one (root), else /dev/null itself
    (which a user who is not root cannot replace in any case)."""
    if IS_ROOT and hasattr(os, "mknod"):
        dev = tmp_path / "null"
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return dev
    return Path("/dev/null")


def test_a_report_is_never_written_over_a_character_device(submissions, char_device):
    before = os.stat(char_device)
    result = run(["grade", str(submissions), "--html", str(char_device), *MINI])
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr and "Traceback" not in result.stderr
    after = os.stat(char_device)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_report_is_never_written_into_a_fifo(submissions, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(["grade", str(submissions), "--html", str(fifo), *MINI])
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_report_through_a_symbolic_link_is_written_to_its_target(submissions, tmp_path):
    target = tmp_path / "reports" / "term1.html"
    target.parent.mkdir()
    target.write_text("old report", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(target)
    result = run(["grade", str(submissions), "--html", str(link), *MINI])
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_report_is_never_written_over_an_input_of_the_run(submissions):
    submission = submissions / "a.txt"
    result = run(["grade", str(submissions), "--html", str(submission), *MINI])
    assert result.exit_code == 2 and "is one of this run's inputs" in result.stderr
    assert submission.read_bytes() == TEXT


def test_a_report_is_refused_before_any_grading_output(submissions, tmp_path):
    result = run(["grade", str(submissions), "--html", str(tmp_path), *MINI])  # a folder
    assert result.exit_code == 2 and "is a directory" in result.stderr
    assert result.stdout == ""


def test_a_report_in_a_new_folder_is_a_clear_error(submissions, tmp_path):
    result = run(["grade", str(submissions), "--html", str(tmp_path / "no" / "such" / "r.html"), *MINI])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_an_output_that_would_be_read_as_a_draft_next_time_is_refused(submissions):
    with pytest.raises(WriteError, match="would be read as a draft"):
        check_output_path(submissions / "notes.md", [submissions], read_suffixes=(".md",))
    assert check_output_path(submissions / "report.html", [submissions], read_suffixes=(".md",))


def test_an_existing_report_keeps_its_permissions(tmp_path):
    report = tmp_path / "r.html"
    report.write_text("old", encoding="utf-8")
    report.chmod(0o640)
    write_new(report, b"new")
    assert report.read_bytes() == b"new" and stat.S_IMODE(report.stat().st_mode) == 0o640


def test_a_backup_is_never_written_through_a_dangling_link(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    victim = tmp_path / "victim.txt"
    (tmp_path / "draft.txt.orig").symlink_to(victim)
    result = run(["fix", "--in-place", "--backup", ".orig", str(path), *MINI])
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert not victim.exists() and path.read_bytes() == TEXT


def test_the_accept_list_is_never_read_from_or_written_to_a_fifo(tmp_path):
    from plainspeak.rewrite.interactive import ACCEPT_FILE, save_accepted

    os.mkfifo(tmp_path / ACCEPT_FILE)
    with pytest.raises(WriteError, match="not a regular file"):
        save_accepted(["Eastside"], tmp_path)


# --- fix --in-place: owner, group, hard links ----------------------------------------------


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_in_place_keeps_owner_and_group(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    os.chown(path, 65534, 65534)
    path.chmod(0o640)
    result = run(["fix", "--in-place", str(path), *MINI])
    assert result.exit_code == 0, result.stderr
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)
    assert path.read_bytes() == b"Please use the portal.\n"


def test_when_the_owner_cannot_be_kept_it_says_so(tmp_path, monkeypatch):
    """A user who is not root may not give a file back to its owner: the rewrite
    goes ahead (the content is theirs to change) and the user is told."""
    from types import SimpleNamespace

    from plainspeak.sources import atomic

    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    mine = path.stat()
    theirs = SimpleNamespace(st_uid=mine.st_uid + 4242, st_gid=mine.st_gid + 4242)

    def chown(*args):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", chown)
    result = atomic.WriteResult()
    atomic._keep_owner(path, theirs, result)
    assert result.notes == [(f"{path}: its owner and group could not be kept (only its owner or root may); "
                            "check who can read it now")]


def test_write_notes_are_shown_as_warnings(tmp_path, monkeypatch):
    from plainspeak.sources import atomic

    def keep_owner(path, info, result):
        result.notes.append(f"{atomic.target_name(path)}: its owner could not be kept")

    monkeypatch.setattr(atomic, "_keep_owner", keep_owner)
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    result = run(["fix", "--in-place", str(path), *MINI])
    assert result.exit_code == 0
    assert f"plainspeak: warning: {path}: its owner could not be kept" in result.stderr


def test_in_place_refuses_to_split_hard_links(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    other = tmp_path / "shared.txt"
    os.link(path, other)
    result = run(["fix", "--in-place", str(path), *MINI])
    assert result.exit_code == 2 and "2 hard links" in result.stderr
    assert os.path.samefile(path, other) and path.read_bytes() == TEXT


# --- lost updates -------------------------------------------------------------------------


def test_a_same_size_edit_with_its_time_put_back_is_noticed(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Please utilize it.\n")
    seen = _snapshot(path)
    info = path.stat()
    path.write_bytes(b"Please UTILIZE it.\n")  # same size
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # and the old time
    with pytest.raises(WriteError, match="changed on disk"):
        write_atomic(path, b"Please use it.\n", expected=seen)
    assert path.read_bytes() == b"Please UTILIZE it.\n"


@pytest.mark.parametrize("moment", ["before the replace", "just after the replace"])
def test_an_append_by_another_program_is_never_lost(tmp_path, monkeypatch, moment):
    """Another program appends through a handle it opened on the old file, at the two
    moments a rename-based save can race with: before the replace (the rewrite is refused)
    and between the replace and the check after it (its version is put back). Driven
    through the ``_replace`` seam so both moments happen every run, not by timing luck.
    (A program that opened the old file and writes only after the save has finished
    writes to a file no name points at any more; no rename-based save can see that.)"""
    path = tmp_path / "draft.txt"
    path.write_bytes(b"Please utilize it.\n")
    seen = _snapshot(path)
    other = open(path, "ab")
    real_replace = atomic._replace
    calls = []

    def replace(source, target):
        if not calls and moment == "before the replace":
            other.write(b"appended\n")
            other.flush()
        calls.append(source)
        real_replace(source, target)
        if len(calls) == 1 and moment == "just after the replace":
            other.write(b"appended\n")
            other.flush()

    monkeypatch.setattr(atomic, "_replace", replace)
    try:
        with pytest.raises(WriteError, match="changed on disk"):
            write_atomic(path, b"Please use it.\n", expected=seen)
    finally:
        other.close()
    assert path.read_bytes() == b"Please utilize it.\nappended\n"


def test_a_concurrent_append_is_never_lost_racing_many_times(tmp_path, monkeypatch):
    """Race an appending writer against the rewrite 300 times, at random moments.
    Every append that was complete when the save made its last check is kept: in the
    old file (the rewrite is refused or undone) or in the new one. An append still
    being written when that check began is the one window no rename-based save can
    close (docs/data-safety.md); it is told apart by the clock, not forgiven by luck."""
    path = tmp_path / "draft.txt"
    rng = random.Random(20261128)
    real_check = atomic._check_after_replace
    clock: dict[str, int] = {}

    def check(*args, **kwargs):
        clock["check"] = time.perf_counter_ns()
        return real_check(*args, **kwargs)

    monkeypatch.setattr(atomic, "_check_after_replace", check)
    outcomes = {"refused": 0, "written": 0, "late": 0}
    for i in range(300):
        path.write_bytes(b"Please utilize it.\n")
        seen = _snapshot(path)
        marker = f"appended {i}\n".encode()
        delay = rng.random() * 0.004
        clock.clear()

        def append(marker=marker, delay=delay):
            time.sleep(delay)
            with open(path, "ab") as fh:
                fh.write(marker)
            clock["written"] = time.perf_counter_ns()

        writer = threading.Thread(target=append)
        writer.start()
        try:
            write_atomic(path, b"Please use it.\n", expected=seen)
            outcomes["written"] += 1
        except WriteError:
            outcomes["refused"] += 1
        writer.join()
        if marker not in path.read_bytes():
            assert "check" in clock and clock["written"] > clock["check"], f"append {i} was lost"
            outcomes["late"] += 1
    assert outcomes["refused"] and outcomes["written"]  # both sides of the race were exercised


# --- interrupted runs -----------------------------------------------------------------------


def test_a_stale_temporary_file_is_removed_on_the_next_run(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    dead = _dead_pid()
    stale = tmp_path / f".draft.txt.plainspeak-{dead}-abc123.tmp"
    stale.write_bytes(b"half a rewr")
    live = tmp_path / f".draft.txt.plainspeak-{os.getppid()}-def456.tmp"  # a run still going: kept
    live.write_bytes(b"in progress")
    result = run(["fix", "--in-place", str(path), *MINI])
    assert result.exit_code == 0
    assert not stale.exists() and live.exists()
    assert "a temporary file left by an interrupted run" in result.stderr


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(proc.stdout)


def test_diff_and_in_place_together_are_refused(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(TEXT)
    for args in (["--diff", "--in-place"], ["--in-place", "--diff"]):
        result = run(["fix", *args, str(path), *MINI])
        assert result.exit_code == 2 and "cannot be combined" in result.stderr
        assert path.read_bytes() == TEXT


# --- unreadable inputs: the others are still checked ---------------------------------------


@pytest.fixture
def deny_read(monkeypatch):
    """Make paths unreadable as they are for a user who is not root. Not root: chmod 0.
    Root (CI) can read anything, so the refusal the kernel would give is simulated
    where plainspeak and Click meet it: os.access, open and os.scandir."""
    import builtins

    denied: set[str] = set()
    if IS_ROOT:
        real_access, real_open, real_scandir = os.access, builtins.open, os.scandir

        def access(path, mode, *args, **kwargs):
            if os.fspath(path) in denied and mode & os.R_OK:
                return False
            return real_access(path, mode, *args, **kwargs)

        def fake_open(file, *args, **kwargs):
            if isinstance(file, (str, os.PathLike)) and os.fspath(file) in denied:
                raise PermissionError(13, "Permission denied", os.fspath(file))
            return real_open(file, *args, **kwargs)

        def scandir(path="."):
            if os.fspath(path) in denied:
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "access", access)
        monkeypatch.setattr(builtins, "open", fake_open)
        monkeypatch.setattr(os, "scandir", scandir)

    def deny(path: Path) -> Path:
        denied.add(str(path))
        if not IS_ROOT:
            path.chmod(0)
        return path

    yield deny
    for path in denied:
        if not IS_ROOT:
            Path(path).chmod(0o700)


@pytest.mark.parametrize(
    ("command", "evidence"),
    [(["check", "--format", "line"], "open.txt:1:8: "), (["grade", "--format", "csv"], "open.txt,4,"),
     (["fix", "--diff"], "+Please use the portal.")],
)
def test_one_unreadable_file_does_not_stop_the_others(tmp_path, deny_read, command, evidence):
    secret = tmp_path / "secret.txt"
    secret.write_bytes(TEXT)
    deny_read(secret)
    readable = tmp_path / "open.txt"
    readable.write_bytes(TEXT)
    result = run([*command, str(secret), str(readable), *MINI])
    assert result.exit_code == 2
    assert "permission denied" in (result.stderr + result.stdout) and str(secret) in (result.stderr + result.stdout)
    assert evidence in result.stdout  # the readable file was still checked
    assert "Usage:" not in result.stderr


def test_an_unreadable_subfolder_is_reported(tmp_path, deny_read):
    (tmp_path / "a.txt").write_bytes(TEXT)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_bytes(TEXT)
    deny_read(locked)
    result = run(["check", "--format", "line", str(tmp_path), *MINI])
    assert result.exit_code == 2
    assert f"plainspeak: error: {locked}: folder cannot be read" in result.stderr
    assert f"{tmp_path / 'a.txt'}:1:8:" in result.stdout


def test_stale_temporaries_of_files_this_run_does_not_change_are_removed_too(tmp_path):
    (tmp_path / "plain.txt").write_bytes(b"See you on Monday.\n")  # nothing to fix: never rewritten
    stale = tmp_path / f".plain.txt.plainspeak-{_dead_pid()}-abc123.tmp"
    stale.write_bytes(b"half")
    result = run(["fix", "--in-place", str(tmp_path), *MINI])
    assert result.exit_code == 0 and not stale.exists()
    assert f"{tmp_path / 'plain.txt'}: removed {stale.name}" in result.stderr
