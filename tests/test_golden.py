"""Golden cases: realistic drafts and the exact ``line`` output expected for each.

Each folder in tests/cases/ holds ``input.txt`` and ``expected.line``
(and optionally ``args.txt``, extra options one per line). To refresh the
expected files after a deliberate change, run
``PLAINSPEAK_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff
by reading it: every flag should be one a thoughtful trainer agrees with.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from plainspeak.cli.app import cli

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())
UPDATE = os.environ.get("PLAINSPEAK_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path):
    args = ["check", "-", "--format", "line", "--stdin-name", "input.txt", "--fail-on", "never"]
    extra = case / "args.txt"
    if extra.exists():
        args += [a for a in extra.read_text(encoding="utf-8").splitlines() if a.strip()]
    result = CliRunner().invoke(cli, args, input=(case / "input.txt").read_bytes(), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    expected = case / "expected.line"
    if UPDATE:
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")


def test_every_case_has_expected_output():
    assert len(CASES) >= 12
    assert all((c / "expected.line").exists() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_fixed_text(case: Path):
    """`plainspeak fix` on each draft: the expected rewrite, and nothing more on a second run."""
    args = ["fix", "-"]
    result = CliRunner().invoke(cli, args, input=(case / "input.txt").read_bytes(), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    expected = case / "expected.fixed"
    if UPDATE:
        expected.write_bytes(result.stdout_bytes)
    assert result.stdout_bytes == expected.read_bytes()
    again = CliRunner().invoke(cli, args, input=result.stdout_bytes, catch_exceptions=False)
    assert again.stdout_bytes == result.stdout_bytes


def test_every_case_has_expected_fixed_text():
    assert all((c / "expected.fixed").exists() for c in CASES)
