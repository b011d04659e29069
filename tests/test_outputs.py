"""Outputs for CI and tools: SARIF 2.1.0 (valid against its schema), GitHub annotations,
--output-file (atomic), --quiet."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator

from conftest import HERE, ROOT
from plainspeak.cli import cli

EXAMPLES = [str(p) for p in sorted((ROOT / "examples").glob("*.txt"))]


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


def test_sarif_validates_against_the_sarif_2_1_0_schema(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01")
    result = run(["check", "--format", "sarif", *EXAMPLES, str(broken), "--fail-on", "never"])
    document = json.loads(result.stdout)
    schema = json.loads((HERE / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in Draft4Validator(schema).iter_errors(document)]
    assert errors == []
    run_ = document["runs"][0]
    results = run_["results"]
    assert results and {r["ruleId"] for r in results} <= {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    assert any("fixes" in r for r in results)  # lexicon swaps come with a replacement
    assert run_["invocations"][0]["toolExecutionNotifications"][0]["level"] == "error"


def test_sarif_regions_and_fixes_point_at_the_text():
    text = "We will utilize the portal prior to your visit.\n"
    document = json.loads(run(["check", "-", "--format", "sarif"], input=text).stdout)
    for result in document["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert text[region["charOffset"]: region["charOffset"] + region["charLength"]] == region["snippet"]["text"]
        for fix in result.get("fixes", ()):
            deleted = fix["artifactChanges"][0]["replacements"][0]["deletedRegion"]
            assert deleted["charOffset"] == region["charOffset"]


def test_github_prints_one_annotation_per_finding():
    text = "We will utilize the portal prior to your visit. He is an addict.\n"
    line = run(["check", "-", "--format", "line", "--stdin-name", "a.txt"], input=text).stdout.splitlines()
    github = run(["check", "-", "--format", "github", "--stdin-name", "a.txt"], input=text).stdout.splitlines()
    assert len(github) == len(line) > 0
    assert all(g.startswith(("::notice file=a.txt,line=1,", "::warning file=a.txt,line=1,", "::error file=a.txt,line=1,"))
               for g in github)
    assert any(g.startswith("::error ") and "title=jargon.an-addict" in g for g in github)


def test_github_escapes_newlines_and_percent_signs():
    from plainspeak.render.github import _data, _property

    assert _data("50% off\nnow") == "50%25 off%0Anow"
    assert _property("a:b,c") == "a%3Ab%2Cc"


def test_output_file_is_written_atomically_and_never_over_an_input(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("We will utilize the portal.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    result = run(["check", str(draft), "--format", "json", "--output-file", str(out), "--fail-on", "never"])
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["reports"][0]["findings"]
    refused = run(["check", str(draft), "--format", "json", "--output-file", str(draft)])
    assert refused.exit_code == 2 and "is one of this run's inputs" in refused.stderr
    assert draft.read_text(encoding="utf-8") == "We will utilize the portal.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "report.json"]  # no temporary file left


def test_output_file_holds_the_completed_run_and_never_goes_into_a_fifo(tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    result = run(["check", str(tmp_path / "missing.txt"), "--format", "line", "--output-file", str(out)])
    assert result.exit_code == 2
    assert out.read_text(encoding="utf-8") == ""  # the run completed (one input unreadable): the report is written
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        assert run(["check", "-", "--output-file", str(fifo)], input="Hi.\n").exit_code == 2


def test_quiet_prints_only_findings():
    text = "We will utilize the portal.\n"
    quiet = run(["check", "-", "--quiet", "--no-color"], input=text).stdout
    loud = run(["check", "-", "--no-color"], input=text).stdout
    assert "utilize" in quiet and "Reading grade" not in quiet and "Reading grade" in loud
    assert run(["check", "-", "--quiet"], input="See you soon.\n").stdout == ""


@pytest.mark.parametrize("fmt", ["sarif", "github", "json", "jsonl", "line"])
def test_every_format_exits_by_the_same_rule(fmt):
    assert run(["check", "-", "--format", fmt], input="He is an addict.\n").exit_code == 1
    assert run(["check", "-", "--format", fmt], input="See you soon.\n").exit_code == 0


def test_force_color_is_honoured(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    out = run(["check", "-"], input="We will utilize the portal.\n").stdout
    assert "\x1b[" in out
