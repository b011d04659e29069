"""Docs stay true to the code: docs/cli.md is the --help output; every option is documented.

Refresh docs/cli.md after changing options with
``PLAINSPEAK_UPDATE_DOCS=1 pytest tests/test_docs.py``.
"""

from __future__ import annotations

import os
import re

from click.testing import CliRunner

from conftest import ROOT
from plainspeak.cli.app import cli
from plainspeak.config.settings import audiences

HEADER = """# Command-line reference

Generated from `--help` (tests/test_docs.py checks it matches the code).
Rules and defaults are explained in [rules.md](rules.md); the JSON output in
[json-schema.md](json-schema.md).
"""


def help_text(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="plainspeak", terminal_width=100)
    assert result.exit_code == 0
    return result.output


COMMANDS = ((), ("check",), ("fix",), ("grade",), ("annotate",), ("serve",), ("compare",), ("explain",), ("rules",), ("config",), ("lexicon",),
            ("lexicon", "list"), ("lexicon", "search"), ("lexicon", "validate"))


def test_every_command_is_documented():
    import click

    def walk(group, prefix=()):
        for name, command in group.commands.items():
            yield (*prefix, name)
            if isinstance(command, click.Group):
                yield from walk(command, (*prefix, name))

    assert set(walk(cli)) <= set(COMMANDS)


def render_cli_md() -> str:
    parts = [HEADER]
    for args in COMMANDS:
        title = " ".join(("plainspeak", *args))
        parts.append(f"\n## `{title}`\n\n```text\n{help_text(*args).rstrip()}\n```\n")
    return "".join(parts)


def test_cli_md_matches_help_output():
    path = ROOT / "docs" / "cli.md"
    expected = render_cli_md()
    if os.environ.get("PLAINSPEAK_UPDATE_DOCS") == "1":
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected


def test_readme_mentions_every_check_option():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text("check")))
    missing = sorted(o for o in options if o not in readme and o not in ("--help",))
    assert missing == []


def test_audience_choices_match_the_data_file():
    from plainspeak.cli.options import AUDIENCES

    assert tuple(audiences()) == AUDIENCES


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert command in readme


def test_every_data_safety_promise_names_tests_that_exist():
    """The README's "Nothing you wrote is lost" sentences are each backed by named tests."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Nothing you wrote is lost", 1)[1].split("\n#", 1)[0]
    promises = [line[2:].strip() for line in section.splitlines() if line.startswith("- ")]
    assert len(promises) >= 8
    doc = (ROOT / "docs" / "data-safety.md").read_text(encoding="utf-8")
    blocks = {b.split("\n", 1)[0].strip(): b for b in doc.split("\n## ")[1:]}
    for promise in promises:
        assert promise in blocks, f"docs/data-safety.md has no heading for: {promise}"
        tests = re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", blocks[promise])
        assert tests, f"no test named for: {promise}"
        for path, name in tests:
            source = (ROOT / path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.M), f"{path}::{name} does not exist"
