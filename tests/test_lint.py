"""The linter and the type checker, run as part of the suite so CI and the README's
one test command enforce them (rules and settings: pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_ruff_finds_nothing(tmp_path):
    result = _run(tmp_path, "ruff", "check", "--no-cache", "--output-format", "concise", "src", "tests", "tools", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing(tmp_path):
    result = _run(tmp_path, "mypy", "--cache-dir", str(tmp_path / "mypy-cache"), "--no-error-summary")
    assert result.returncode == 0, result.stdout + result.stderr
