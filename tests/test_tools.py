"""The maintainer scripts in tools/ and benchmarks/ still import and parse their
options after code moves (a moved module once broke tools/fit_difficulty.py unseen)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

# Scripts with argparse options, their own or tools/generated.py's (a module, no __main__); the others (accuracy.py, imported by test_devset.py,
# and metrics.py, a module) are imported by the tests that use them.
SCRIPTS = sorted(
    p for folder in ("tools", "benchmarks") for p in (ROOT / folder).glob("*.py") if "__main__" in (code := p.read_text(encoding="utf-8")) and ("argparse" in code or "write_or_check" in code)
)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_script_shows_its_help(script):
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "usage" in result.stdout.lower()
