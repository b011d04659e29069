"""plainspeak lexicon list|search|validate and plainspeak explain."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from conftest import MINI_LEXICON, ROOT
from plainspeak.cli.app import cli

MINI = ["--no-default-lexicon", "--lexicon", str(MINI_LEXICON)]


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_list_table_csv_json_and_filters():
    table = run(["lexicon", "list", *MINI])
    assert table.exit_code == 0 and "utilize" in table.stdout and "entries" in table.stdout
    rows = list(csv.DictReader(io.StringIO(run(["lexicon", "list", "-f", "csv", *MINI]).stdout)))
    assert {r["id"] for r in rows} >= {"utilize", "iop", "treatment-modality"}
    assert next(r for r in rows if r["id"] == "treatment-modality")["plain"] == "type* of treatment"
    data = json.loads(run(["lexicon", "list", "-f", "json", "--category", "acronym", *MINI]).stdout)
    assert {d["id"] for d in data} == {"iop", "hipaa"}
    assert all(d["category"] == "acronym" for d in data)
    errors = json.loads(run(["lexicon", "list", "-f", "json", "--severity", "error", *MINI]).stdout)
    assert [d["id"] for d in errors] == ["addict"]


def test_list_csv_is_a_valid_lexicon(tmp_path):
    out = tmp_path / "copy.csv"
    out.write_text(run(["lexicon", "list", "-f", "csv"]).stdout, encoding="utf-8")
    result = run(["lexicon", "validate", str(out)])
    assert result.exit_code == 0, result.stdout


def test_search_ranks_terms_first_and_exits_1_when_nothing_found():
    found = json.loads(run(["lexicon", "search", "prior", "-f", "json", *MINI]).stdout)
    assert [d["id"] for d in found] == ["prior", "prior-authorization", "prior-to"]
    assert run(["lexicon", "search", "zebra", *MINI]).exit_code == 1


def test_explain_inflected_forms_and_json():
    out = run(["explain", "utilized", *MINI]).stdout
    assert out.startswith("utilize  (wordy, suggestion; rule jargon.utilize)")
    assert "say instead: use" in out and "example:" in out and "source:" in out
    data = json.loads(run(["explain", "Treatment Modalities", "-f", "json", *MINI]).stdout)
    assert data[0]["id"] == "treatment-modality" and data[0]["plain"] == ["type of treatment"]
    assert "(no one swap" in run(["explain", "HIPAA", *MINI]).stdout
    missing = run(["explain", "zebra", *MINI])
    assert missing.exit_code == 1 and "not in the lexicon" in missing.stderr


def test_validate_reports_every_problem_with_location(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,term,plain,category,severity,match,pos,note,example,source\n"
        "a,MAT/MOUD,medicine,acronym,suggestion,exact,,Shorthand.,Ask about MAT/MOUD.,us\n"
        "b,thing,thing,nonsense,loud,lemma,,N.,E.,us\n"
        "a,other,x,wordy,warning,lemma,,N.,E.,us\n",
        encoding="utf-8",
    )
    result = run(["lexicon", "validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{bad}:3: column 'category' must be one of" in "\n".join(lines)
    assert any(line.startswith(f"{bad}:3: column 'severity'") for line in lines)
    assert any(line.startswith(f"{bad}:3: column 'plain': suggestion 'thing' is the term itself") for line in lines)
    assert any(line.startswith(f"{bad}:4: column 'id': duplicate id 'a'") for line in lines)
    assert any(line.startswith(f"{bad}:2: column 'term': 'MAT/MOUD' is split into") for line in lines)


def test_validate_shipped_lexicon_is_clean_and_missing_file_is_2():
    assert run(["lexicon", "validate", str(ROOT / "data" / "jargon_lexicon.csv")]).exit_code == 0
    assert run(["lexicon", "validate", "nope.csv"]).exit_code == 2


def test_no_command_writes_the_shipped_lexicon():
    path = ROOT / "data" / "jargon_lexicon.csv"
    before = path.read_bytes()
    for args in (["lexicon", "list"], ["lexicon", "search", "use"], ["explain", "utilize"], ["lexicon", "validate", str(path)]):
        run(args)
    assert path.read_bytes() == before


def test_explain_hint_can_be_pasted_into_a_shell():
    result = CliRunner().invoke(cli, ["explain", "warm hand-over thing"])
    assert result.exit_code == 1
    assert "(try: plainspeak lexicon search 'warm hand-over thing')" in result.stderr
