"""The pre-commit hooks in .pre-commit-hooks.yaml, run the way a user's repository
runs them (``pre-commit try-repo``), offline: the ``language: system`` hook uses the
plainspeak installed here, so nothing is downloaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "letters"
    repo.mkdir()
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "t")
    return repo


def _hooks_repo(tmp_path: Path) -> Path:
    """A repository holding this project's hook manifest (as committed, which is what
    pre-commit reads), so the test reads the working copy of the file."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    shutil.copy(ROOT / ".pre-commit-hooks.yaml", hooks / ".pre-commit-hooks.yaml")
    _git(hooks, "init", "-q")
    _git(hooks, "add", ".")
    _git(hooks, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "hooks")
    return hooks


def _try_repo(repo: Path, tmp_path: Path, *files: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(_hooks_repo(tmp_path)), "plainspeak-system", "--files", *files, "--color", "never"],
        cwd=repo, capture_output=True, text=True, env=env, timeout=300,
    )


def test_the_system_hook_fails_on_jargon_and_names_it(repo, tmp_path):
    (repo / "outreach.md").write_text("Hi Sam,\n\nWe can utilize the warm handoff to facilitate your intake.\n", encoding="utf-8")
    (repo / "notes.py").write_text("utilize = 1  # not a draft: not checked\n", encoding="utf-8")
    _git(repo, "add", ".")
    result = _try_repo(repo, tmp_path, "outreach.md", "notes.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "utilize" in result.stdout and "outreach.md" in result.stdout
    assert "notes.py" not in result.stdout


def test_the_system_hook_passes_plain_writing(repo, tmp_path):
    (repo / "note.txt").write_text("Hi Sam, see you at two on Monday. Call me if that time does not work.\n", encoding="utf-8")
    _git(repo, "add", ".")
    result = _try_repo(repo, tmp_path, "note.txt")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
