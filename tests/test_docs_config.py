"""docs/config.md stays true to the code: every key the loader accepts is documented
and every documented key is accepted (with its default and a working example), the
discovery order and the complete example are the code's, the quoted error messages
are the ones the command line prints, and every suppression directive is documented."""

from __future__ import annotations

import re
import tomllib

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plainspeak.cli.app import cli
from plainspeak.config.effective import DEFAULTS
from plainspeak.config.files import CONFIG_NAMES, KEYS, read_config
from plainspeak.config.settings import load_defaults
from plainspeak.rules import suppressions

DOC = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
DOC_FOLDER = "/home/dana/letters"  # where the doc's quoted messages were run


def section(title: str) -> str:
    """The text of the ``## title`` section, up to the next ``## `` heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.M | re.S)
    assert match, f"docs/config.md has no '## {title}' section"
    return match.group(1)


def key_table() -> dict[str, list[str]]:
    """The rows of the Keys table: key -> [type, default, example]."""
    rows = {}
    for line in section("Keys").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`([a-z-]+)`", cells[0]) if line.startswith("|") else None
        if match:
            rows[match.group(1)] = cells[1:]
    return rows


def test_every_accepted_key_is_documented_and_every_documented_key_is_accepted():
    assert set(key_table()) == set(KEYS)


def test_each_key_example_is_accepted_by_the_loader(tmp_path):
    for key, (_, _, example) in key_table().items():
        toml = re.fullmatch(r"`(.+)`", example)
        assert toml, f"{key}: the example should be one TOML line in backticks"
        path = tmp_path / "plainspeak.toml"
        path.write_text(toml.group(1) + "\n", encoding="utf-8")
        config = read_config(path)
        assert config.keys == {key}, f"{key}: the example sets {sorted(config.keys)}"


def test_documented_defaults_are_the_codes():
    defaults = load_defaults()
    expected = {
        "audience": f'"{defaults["default_audience"]}"',
        "target-grade": str(defaults["readability"]["target_grade"]),
        "max-sentence-words": str(defaults["readability"]["max_sentence_words"]),
        "max-bytes": str(defaults["input"]["max_bytes"]),
        "fail-on": f'"{DEFAULTS["fail_on"]}"',
        "encoding": f'"{DEFAULTS["encoding"]}"',
        "default-lexicon": str(DEFAULTS["default_lexicon"]).lower(),
    }
    table = key_table()
    for key, value in expected.items():
        assert f"`{value}`" in table[key][1], f"{key}: the code's default is {value}"


def test_documented_choices_are_the_codes():
    from plainspeak.config.files import FAIL_ON, FORMATS
    from plainspeak.config.settings import audiences

    table = key_table()
    for key, choices in (("audience", tuple(audiences())), ("fail-on", FAIL_ON), ("format", FORMATS)):
        assert re.findall(r"`([a-z]+)`", table[key][0]) == list(choices), key


def test_the_discovery_order_is_the_codes():
    listed = re.findall(r"^\d+\. `([^`]+)`", section("Configuration files"), re.M)
    assert tuple(listed) == CONFIG_NAMES


def complete_example() -> str:
    match = re.search(r"^Complete example:\n\n```toml\n(.*?)```", DOC, re.M | re.S)
    assert match, "docs/config.md needs 'Complete example:' followed by a ```toml block"
    return match.group(1)


def test_the_complete_example_parses_with_the_projects_loader(tmp_path):
    path = tmp_path / "plainspeak.toml"
    path.write_text(complete_example(), encoding="utf-8")
    config = read_config(path)
    assert config.path == path
    assert config.lexicon == (tmp_path / "our-terms.csv",)  # relative to the file's folder
    assert config.rubric == tmp_path / "rubric.toml"
    assert config.keys == set(KEYS) - {"model"}  # model needs an installed pipeline: shown commented out


def test_the_complete_example_names_every_key():
    example = complete_example()
    for key in KEYS:
        assert re.search(rf"^(# )?(\[)?{re.escape(key)}\b", example, re.M), f"the complete example lacks {key}"


def test_every_toml_block_in_the_doc_is_valid_toml_except_the_broken_one():
    blocks = re.findall(r"```toml\n(.*?)```", DOC, re.S)
    assert blocks
    broken = []
    for block in blocks:
        try:
            tomllib.loads(block)
        except tomllib.TOMLDecodeError:
            broken.append(block)
    assert broken == ['audience = "general\n']  # the "not valid TOML" example


# A ```toml block directly followed by a ```text block: the file, then what a run prints.
ERROR_PAIRS = re.findall(r"```toml\n([^`]*)```\s*\n```text\n([^`]*?)\n```", section("Errors"))


def test_the_errors_section_quotes_several_messages():
    assert len(ERROR_PAIRS) >= 6


@pytest.mark.parametrize(("content", "message"), ERROR_PAIRS, ids=[m.split(": ", 3)[-1][:40] for _, m in ERROR_PAIRS])
def test_each_quoted_error_is_what_the_command_line_prints(tmp_path, content, message):
    folder = tmp_path.resolve()
    (folder / "plainspeak.toml").write_text(content, encoding="utf-8")
    (folder / "a.txt").write_text("Please use the form.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["config", str(folder / "a.txt")])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == message.replace(DOC_FOLDER, str(folder))


def test_every_suppression_directive_is_documented():
    kinds = re.search(r"\(\?P<kind>([^)]*)\)", suppressions.DIRECTIVE.pattern)
    assert kinds
    for kind in kinds.group(1).split("|"):
        assert f"`plainspeak-{kind}" in DOC, f"plainspeak-{kind} is not documented"


def test_the_documented_line_directive_prefixes_work():
    text = section("Suppression comments")
    prefixes = re.search(r"may\s+start\s+with\s+(.*?):", text, re.S)
    assert prefixes
    documented = re.findall(r"`([^`]+)`", prefixes.group(1))
    assert documented
    for prefix in [*documented, ""]:
        line = f"{prefix} plainspeak-disable-next-line jargon".strip()
        assert suppressions.LINE_DIRECTIVE.fullmatch(line), line


def test_each_suppression_example_has_directives_that_cover_lines():
    text = section("Suppression comments")
    examples = re.findall(r"```(markdown|html|text)\n(.*?)```", text, re.S)
    assert {kind for kind, _ in examples} == {"markdown", "html", "text"}
    for _, example in examples:
        parsed = suppressions.parse_suppressions(example)
        assert parsed.directives and parsed.regions, example


def test_the_readme_links_the_doc():
    assert "(docs/config.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
