"""plainspeak fix --interactive, driven by scripted key presses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import MINI_LEXICON
from plainspeak.cli.app import cli

MINI = ["--no-default-lexicon", "--lexicon", str(MINI_LEXICON)]
TEXT = "We utilize the portal. We utilize it again prior to noon. Two treatment modalities.\n"


@pytest.fixture
def terminal(monkeypatch):
    from plainspeak.cli import options as cli_module

    monkeypatch.setattr(cli_module, "stdin_is_terminal", lambda: True)


def fix_interactively(tmp_path: Path, keys: str, text: str = TEXT, monkeypatch=None):
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--interactive", str(path), *MINI], input=keys, catch_exceptions=False)
    return result, path.read_text(encoding="utf-8")


def test_refuses_without_a_terminal(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--interactive", str(path)], input="y")
    assert result.exit_code == 2 and "terminal" in result.output
    assert path.read_text(encoding="utf-8") == TEXT


def test_accept_first_pick_skip(terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # utilize -> enter (use); utilize -> s (skip); prior to -> y (before); modalities -> 1
    result, text = fix_interactively(tmp_path, "\rsy1")
    assert result.exit_code == 0, result.output
    assert text == "We use the portal. We utilize it again before noon. Two types of treatment.\n"
    assert "[1] use" in result.output and "3 changes saved" in result.output


def test_type_your_own_and_skip_all_of_a_term(terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # S: skip "utilize" everywhere; e + "until": own wording for "prior to"; s: skip "modalities"
    _result, text = fix_interactively(tmp_path, "Seuntil\ns")
    assert text == "We utilize the portal. We utilize it again until noon. Two treatment modalities.\n"


def test_undo_takes_back_the_last_choice(terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _result, text = fix_interactively(tmp_path, "yus" + "ss")
    # y (use), u (undo it), s (skip the first utilize), s (second), s (prior to), then quit at the end
    assert text.startswith("We utilize the portal. We utilize it again prior to")


def test_quit_saves_what_was_accepted_and_x_abandons(terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, text = fix_interactively(tmp_path, "yq")
    assert text.startswith("We use the portal. We utilize it again prior to noon.")
    result, text = fix_interactively(tmp_path, "yyx")
    assert text == TEXT and "nothing saved" in result.output


def test_accept_adds_the_term_to_the_project_list(terminal, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _result, _text = fix_interactively(tmp_path, "a" + "q")
    assert (tmp_path / ".plainspeak-accept.txt").read_text(encoding="utf-8").splitlines()[-1] == "utilize"
    # check and fix now read the project's list: utilize is no longer flagged
    out = CliRunner().invoke(cli, ["check", "-", "--format", "line", *MINI], input="Please utilize it.\n").stdout
    assert "utilize" not in out


def test_saving_accepted_words_keeps_the_lists_line_endings_bom_and_mode(tmp_path):
    import os

    from plainspeak.rewrite.interactive import save_accepted

    path = tmp_path / ".plainspeak-accept.txt"
    path.write_bytes(b"\xef\xbb\xbf# ours\r\nIOP\r\n")
    os.chmod(path, 0o600)
    assert save_accepted(["utilize", "iop", "utilize"], tmp_path) == path
    assert path.read_bytes() == b"\xef\xbb\xbf# ours\r\nIOP\r\nutilize\r\n"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    fresh = tmp_path / "new"
    fresh.mkdir()
    save_accepted(["utilize"], fresh)
    assert (fresh / ".plainspeak-accept.txt").read_text(encoding="utf-8").splitlines()[-1] == "utilize"
