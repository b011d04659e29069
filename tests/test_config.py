"""Configuration files, found like ruff's: nearest plainspeak.toml, .plainspeak.toml or
pyproject.toml [tool.plainspeak] at or above each input; --config; --isolated."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plainspeak.cli import cli
from plainspeak.config.files import ConfigError, read_config

DRAFT = "We will utilize the portal to send your zorbly for reimbursement tomorrow.\n"


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


@pytest.fixture
def repo(tmp_path):
    """A repository of letters with [tool.plainspeak] in its pyproject.toml."""
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "letters"\n\n[tool.plainspeak]\naudience = "professional"\n'
        'ignore = ["jargon.utilize"]\naccept = ["zorbly"]\n',
        encoding="utf-8",
    )
    sub = tmp_path / "outreach" / "2026"
    sub.mkdir(parents=True)
    (sub / "letter.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def rules(result) -> list[str]:
    return [line.split(": ")[1].split()[-1] for line in result.stdout.splitlines() if ": " in line]


def test_check_follows_the_nearest_config_for_files_in_subfolders(repo):
    letter = repo / "outreach" / "2026" / "letter.txt"
    configured = run(["check", str(letter), "--format", "line", "--fail-on", "never"]).stdout
    isolated = run(["check", str(letter), "--format", "line", "--fail-on", "never", "--isolated"]).stdout
    assert "jargon.utilize" not in configured and "jargon.utilize" in isolated  # ignore
    assert "zorbly" not in configured and "zorbly" in isolated  # accept
    assert "jargon.portal" in configured  # everything else still checked


def test_fix_and_grade_follow_it_too(repo):
    letter = repo / "outreach" / "2026" / "letter.txt"
    assert "utilize" in run(["fix", str(letter)]).stdout  # ignored: not changed
    assert "utilize" not in run(["fix", str(letter), "--isolated"]).stdout
    graded = json.loads(run(["grade", str(repo / "outreach"), "--format", "json"]).stdout)["submissions"][0]
    loose = json.loads(run(["grade", str(repo / "outreach"), "--format", "json", "--isolated"]).stdout)["submissions"][0]
    assert (graded["uncommon"], loose["uncommon"]) == (0, 1)  # the accepted word
    assert graded["jargon_per_100_words"] < loose["jargon_per_100_words"]  # the ignored rule


def test_the_audience_comes_from_the_file(tmp_path):
    (tmp_path / "plainspeak.toml").write_text('audience = "professional"\n', encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("Your eligibility is the same.\n", encoding="utf-8")
    assert "eligibility" not in run(["check", str(draft), "--format", "line"]).stdout
    assert "eligibility" in run(["check", str(draft), "--format", "line", "--audience", "general"]).stdout


def test_the_command_line_wins_over_the_file(repo):
    letter = repo / "outreach" / "2026" / "letter.txt"
    out = run(["check", str(letter), "--format", "line", "--select", "readability", "--fail-on", "never"]).stdout
    assert out and all("readability." in line for line in out.splitlines())


def test_plainspeak_toml_is_nearer_than_pyproject(repo):
    (repo / "outreach" / "plainspeak.toml").write_text('select = ["acronym"]\n', encoding="utf-8")
    letter = repo / "outreach" / "2026" / "letter.txt"
    assert run(["check", str(letter), "--format", "line"]).stdout == ""


def test_config_shows_where_each_setting_comes_from(repo):
    letter = repo / "outreach" / "2026" / "letter.txt"
    result = run(["config", str(letter), "--format", "json", "--target-grade", "6"])
    data = json.loads(result.stdout)
    assert data["settings"]["audience"] == "professional" and data["from"]["audience"].endswith("pyproject.toml")
    assert data["settings"]["target-grade"] == 6 and data["from"]["target-grade"] == "command line"
    assert data["from"]["max-sentence-words"] == "default"


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ('audience = "general"\nauddience = "everyday"\n', 2, "unknown key 'auddience' (did you mean 'audience'?)"),
        ('target-grade = "six"\n', 1, "target-grade must be a number from 0 to 30; got 'six'"),
        ('fail-on = "sometimes"\n', 1, "fail-on must be one of suggestion, warning, error, never"),
        ('ignore = "jargon"\nselect = [1]\n', 2, "select must be a list of strings"),
        ('audience = "general\n', 1, "not valid TOML"),
    ],
)
def test_a_bad_key_or_value_is_one_error_naming_file_and_line(tmp_path, content, line, message):
    config = tmp_path / "plainspeak.toml"
    config.write_text(content, encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run(["check", str(draft)])
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"plainspeak: error: {config}:{line}: ") and message in lines[0]


def test_a_typo_in_pyproject_names_its_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.plainspeak]\nignore = ["uncommon"]\nacept = ["a"]\n',
                                             encoding="utf-8")
    with pytest.raises(ConfigError, match=r"pyproject.toml:6: unknown key 'acept' \(did you mean 'accept'\?\)"):
        read_config(tmp_path / "pyproject.toml")


def test_an_unknown_rule_in_a_config_names_the_file(tmp_path):
    (tmp_path / "plainspeak.toml").write_text('ignore = ["jargon.utilizee"]\n', encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    result = run(["check", str(draft)])
    assert result.exit_code == 2
    assert "plainspeak.toml: ignore: unknown rule or family 'jargon.utilizee' (did you mean 'jargon.utilize'?)" in result.stderr


def test_paths_in_a_config_are_relative_to_it(tmp_path):
    (tmp_path / "terms.csv").write_text(
        "id,term,plain,category,severity,match,note\nzorb,zorbly,plain,wordy,warning,lower,Our own word.\n", encoding="utf-8")
    (tmp_path / "plainspeak.toml").write_text('lexicon = ["terms.csv"]\n', encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("We went to zorbly.\n", encoding="utf-8")
    assert "jargon.zorb" in run(["check", str(sub / "a.txt"), "--format", "line"]).stdout


def test_config_option_and_format_key(tmp_path):
    config = tmp_path / "team.toml"
    config.write_text('format = "line"\nfail-on = "never"\n', encoding="utf-8")
    result = run(["check", "-", "--config", str(config)], input="We will utilize it.\n")
    assert result.exit_code == 0 and result.stdout.startswith("-:1:9: suggestion jargon.utilize")


def test_the_accept_file_keeps_working_and_isolated_ignores_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".plainspeak-accept.txt").write_text("zorbly\n", encoding="utf-8")
    text = "We met at the zorbly.\n"
    assert "zorbly" not in run(["check", "-", "--format", "line"], input=text).stdout
    assert "zorbly" in run(["check", "-", "--format", "line", "--isolated"], input=text).stdout


def test_standard_input_named_with_stdin_name_gets_that_files_config(repo):
    """Like ruff's --stdin-filename: an editor piping a buffer gets the file's settings."""
    name = str(repo / "outreach" / "2026" / "draft.txt")  # need not exist
    named = run(["check", "-", "--stdin-name", name, "--format", "line", "--fail-on", "never"], input=DRAFT).stdout
    unnamed = run(["check", "-", "--format", "line", "--fail-on", "never"], input=DRAFT).stdout  # the test's own empty folder
    assert "jargon.utilize" not in named and "jargon.utilize" in unnamed


@pytest.mark.parametrize(
    "table",
    ['[tool]\nplainspeak = { ignore = ["jargon.utilize"] }\n', 'tool.plainspeak.ignore = ["jargon.utilize"]\n'],
)
def test_a_pyproject_table_written_another_way_is_found(tmp_path, table):
    (tmp_path / "pyproject.toml").write_text(table, encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text(DRAFT, encoding="utf-8")
    assert "jargon.utilize" not in run(["check", str(letter), "--format", "line", "--fail-on", "never"]).stdout
