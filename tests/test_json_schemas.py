"""Real output validates against the JSON Schemas shipped in the package (data/schemas/)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from conftest import ROOT
from plainspeak.cli.app import cli
from plainspeak.datafiles import data_path

EXAMPLES = sorted((ROOT / "examples").glob("*.txt")) + sorted((ROOT / "examples").glob("*.md"))


def schema(name: str) -> Draft202012Validator:
    document = json.loads(data_path(f"schemas/{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    return Draft202012Validator(document)


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def errors(validator: Draft202012Validator, instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def test_check_json_validates(tmp_path):
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01")
    result = run(["check", "--format", "json", *map(str, EXAMPLES), str(binary), "--fail-on", "never"])
    document = json.loads(result.stdout)
    assert document["errors"] and document["reports"]
    assert errors(schema("check"), document) == []


def test_check_jsonl_validates_line_by_line(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run(["check", "--format", "jsonl", *map(str, EXAMPLES), str(missing), "--fail-on", "never"])
    validator = schema("check-jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == len(EXAMPLES) + 1
    for line in lines:
        assert errors(validator, line) == []


def test_grade_json_validates(tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    for example in EXAMPLES:
        (tmp_path / example.name).write_bytes(example.read_bytes())
    document = json.loads(run(["grade", str(tmp_path), "--format", "json"]).stdout)
    assert document["schema_version"] == "1.0"
    assert errors(schema("grade"), document) == []


@pytest.mark.parametrize("pair", [("outreach-email.txt", "plain-message.txt"), ("outreach-text.txt", "outreach-text.txt")])
def test_compare_json_validates(pair):
    first, second = (str(ROOT / "examples" / name) for name in pair)
    document = json.loads(run(["compare", first, second, "--format", "json"]).stdout)
    assert document["schema_version"] == "1.0"
    assert errors(schema("compare"), document) == []


def test_the_schemas_follow_the_code():
    from plainspeak.grading.compare import COMPARE_SCHEMA_VERSION
    from plainspeak.grading.score import GRADE_SCHEMA_VERSION
    from plainspeak.report import SCHEMA_VERSION

    def const(name: str) -> str:
        return json.loads(data_path(f"schemas/{name}.schema.json").read_text(encoding="utf-8"))["properties"][
            "schema_version"]["const"]

    assert (const("check"), const("grade"), const("compare")) == (SCHEMA_VERSION, GRADE_SCHEMA_VERSION,
                                                                   COMPARE_SCHEMA_VERSION)


@pytest.mark.parametrize(("fmt", "name"), [("json", "check"), ("jsonl", "check-jsonl")])
def test_suppressed_findings_listed_on_request_validate(tmp_path, fmt, name):
    draft = tmp_path / "note.md"
    draft.write_text("<!-- plainspeak-disable-next-line jargon.utilize -->\nPlease utilize the portal.\n", encoding="utf-8")
    shown = run(["check", "--format", fmt, "--show-suppressed", str(draft), "--fail-on", "never"]).stdout
    plain = run(["check", "--format", fmt, str(draft), "--fail-on", "never"]).stdout
    documents = [json.loads(line) for line in shown.splitlines()] if fmt == "jsonl" else [json.loads(shown)]
    reports = [d for d in documents if "findings" in d] if fmt == "jsonl" else documents[0]["reports"]
    assert [f["rule"] for f in reports[0]["suppressed"]] == ["jargon.utilize"]
    for document in documents:
        assert errors(schema(name), document) == []
    assert '"suppressed"' not in plain  # only when asked
