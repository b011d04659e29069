"""The check command through Click's CliRunner: every option and exit code."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import MINI_LEXICON
from plainspeak import __version__
from plainspeak.cli.app import cli

JARGON = "We will utilize the portal prior to your visit.\n"
MINI = ["--no-default-lexicon", "--lexicon", str(MINI_LEXICON)]
PLAIN = "See you on Monday at the park. Bring a friend if you like.\n"


def run(args, input=None, env=None):
    runner = CliRunner()
    return runner.invoke(cli, args, input=input, env=env, catch_exceptions=False)


def test_version():
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"plainspeak {__version__}"


def test_help_lists_commands_and_check_help_has_examples():
    assert "check" in run(["--help"]).output
    out = run(["check", "--help"]).output
    assert "Examples:" in out and "plainspeak check -" in out.replace('"', "")
    assert "Exit codes:" in out


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "plainspeak", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == f"plainspeak {__version__}"


# --- inputs ---------------------------------------------------------------------


def test_stdin_dash(tmp_path):
    result = run(["check", "-", "--format", "line"], input=JARGON)
    assert result.exit_code == 0  # only suggestions: below the default --fail-on warning
    assert result.stdout.startswith("-:1:9: suggestion jargon.utilize: ")
    assert "[try: use]" in result.stdout


def test_stdin_without_path_and_stdin_name():
    result = run(["check", "--format", "line", "--stdin-name", "draft.txt"], input=JARGON)
    assert result.stdout.startswith("draft.txt:1:9: ")


def test_files_folders_and_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text(JARGON, encoding="utf-8")
    (tmp_path / "a.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "c.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "ignored.csv").write_text(JARGON, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(JARGON, encoding="utf-8")
    result = run(["check", str(tmp_path), "--format", "line"])
    names = [line.split(":")[0] for line in result.stdout.splitlines()]
    expected = [str(tmp_path / "a.txt"), str(tmp_path / "b" / "z.md"), str(tmp_path / "c.txt")]
    assert list(dict.fromkeys(names)) == expected


def test_several_files(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_text(JARGON, encoding="utf-8")
    b.write_text(PLAIN, encoding="utf-8")
    result = run(["check", str(a), str(b), "--format", "json"])
    data = json.loads(result.stdout)
    assert [r["path"] for r in data["reports"]] == [str(a), str(b)]
    assert data["totals"]["inputs"] == 2


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda p: None, "no such file or folder"),
        (lambda p: p.mkdir(), "no .txt, .md, .markdown, .text, .docx, .odt, .pdf, .html, .htm, .eml, .mbox or .rtf files in this folder"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "looks like a binary file"),
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\t\n"), "has no text"),
    ],
)
def test_bad_inputs_give_one_line_and_exit_2(tmp_path, setup, message):
    path = tmp_path / "input.txt"
    setup(path)
    result = run(["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"plainspeak: error: {path}: {message}" + result.stderr.strip().split(message, 1)[1]]
    assert message in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_encoding_option(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9: we will utilize the portal.\n".encode("cp1252"))
    result = run(["check", str(path), "--encoding", "cp1252", "--format", "line"])
    assert result.exit_code == 0 and "jargon.utilize" in result.stdout
    assert run(["check", str(path), "--encoding", "klingon"]).exit_code == 2


def test_huge_input_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(JARGON * 10, encoding="utf-8")
    result = run(["check", str(path), "--max-bytes", "100"])
    assert result.exit_code == 2
    assert "over the 100 bytes limit (raise it with --max-bytes)" in result.stderr
    result = run(["check", "-", "--max-bytes", "100"], input=JARGON * 10)
    assert result.exit_code == 2


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(JARGON, encoding="utf-8")
    result = run(["check", str(tmp_path / "missing.txt"), str(good), "--format", "line"])
    assert result.exit_code == 2
    assert "jargon.utilize" in result.stdout
    assert "missing.txt: no such file or folder" in result.stderr


def test_no_input_on_a_terminal_is_a_usage_error(monkeypatch):
    from plainspeak.cli import options as cli_module

    monkeypatch.setattr(cli_module, "stdin_is_terminal", lambda: True)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2 and "no input" in result.output


# --- formats ----------------------------------------------------------------------


def test_line_format():
    result = run(["check", "-", "--format", "line", *MINI], input=JARGON)
    assert result.stdout.splitlines() == [
        "-:1:9: suggestion jargon.utilize: 'utilize': Utilize is a stiff way to say use. [try: use]",
        "-:1:28: suggestion jargon.prior-to: 'prior to': Prior to is a formal way to say before. [try: before]",
    ]


def test_json_format_is_one_versioned_document():
    data = json.loads(run(["check", "-", "--format", "json"], input=JARGON).stdout)
    assert data["schema_version"] == "2.2"
    assert data["tool"] == {"name": "plainspeak", "version": __version__}
    (report,) = data["reports"]
    finding = report["findings"][0]
    assert set(finding) == {
        "rule", "category", "severity", "message", "text", "start", "end", "line", "column",
        "end_line", "end_column", "suggestions", "term", "where",
    }
    assert finding["where"] is None  # plain text: line and column say where
    assert (report["format"], report["encoding"]) == ("text", "utf-8")
    assert JARGON[finding["start"] : finding["end"]] == finding["text"] == "utilize"
    assert report["summary"]["grade"] is None  # one sentence: not enough text
    assert data["errors"] == []


def test_jsonl_format_one_report_per_line(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(JARGON, encoding="utf-8")
    b.write_text(PLAIN, encoding="utf-8")
    lines = run(["check", str(a), str(tmp_path / "nope.txt"), str(b), "--format", "jsonl"]).stdout.splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["path"] for d in docs] == [str(a), str(tmp_path / "nope.txt"), str(b)]
    assert docs[1]["error"] == "no such file or folder"
    assert all(d["schema_version"] == "2.2" for d in docs)


def test_rich_format_shows_text_findings_and_summary():
    result = run(["check", "-", "--format", "rich"], input=JARGON)
    out = result.stdout
    assert "We will utilize the portal" in out
    assert "1:9" in out and "try: use" in out
    assert "Reading grade: not enough text" in out
    assert "\x1b[" not in out  # not a terminal: no ANSI codes


def test_rich_summary_shows_both_grades_and_labels_them():
    letter = ("Your eligibility determination requires documentation verification before the deadline. "
              "Please submit the attached forms. Call us if you have questions about the recertification process. "
              "We are here to help you keep your housing.\n")
    out = " ".join(run(["check", "-", "--no-text"], input=letter).stdout.split())
    data = json.loads(run(["check", "-", "--format", "json"], input=letter).stdout)["reports"][0]["summary"]
    assert f"Reading grade {data['grade']:.1f} (Flesch-Kincaid;" in out
    assert f"estimated grade {data['estimated_grade']:.1f} (from sentence length and readers' word ratings)" in out
    plain = "See you on Monday. We can get a coffee. Bring your dog if you like. I will be there at two. It will be fun.\n" * 2
    assert "estimated grade below 1" in " ".join(run(["check", "-", "--no-text"], input=plain).stdout.split())


def test_rich_closing_total_for_several_inputs(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(JARGON, encoding="utf-8")
    b.write_text(PLAIN, encoding="utf-8")
    out = run(["check", str(a), str(b), "--no-text"]).stdout
    assert "2 checked:" in out and "findings" in out
    assert "We will utilize the portal" not in out  # --no-text


def test_color_flags_and_no_color():
    assert "\x1b[" in run(["check", "-", "--color"], input=JARGON).stdout
    assert "\x1b[" not in run(["check", "-", "--no-color"], input=JARGON).stdout
    forced_but_no_color = run(["check", "-", "--color"], input=JARGON, env={"NO_COLOR": "1"}).stdout
    assert "\x1b[3" not in forced_but_no_color and "\x1b[4" not in forced_but_no_color  # no colours


def test_user_text_is_not_markup_or_terminal_codes():
    text = "[bold red]utilize[/] \x1b[31mred\x1b[0m [link=x]y[/link]\n"
    plain = run(["check", "-", "--no-color"], input=text).stdout
    assert "[bold red]utilize[/]" in plain and "[link=x]y[/link]" in plain
    assert "\x1b[31mred" not in run(["check", "-", "--color"], input=text).stdout


# --- exit codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "fail_on, code",
    [("suggestion", 1), ("warning", 0), ("error", 0), ("never", 0)],
)
def test_fail_on_with_suggestions_only(fail_on, code):
    assert run(["check", "-", "--fail-on", fail_on], input=JARGON).exit_code == code


def test_fail_on_error_with_stigmatising_words():
    text = "He is an addict and a junkie.\n"
    assert run(["check", "-", "--fail-on", "error"], input=text).exit_code == 1
    assert run(["check", "-", "--fail-on", "never"], input=text).exit_code == 0


def test_plain_text_exits_0_even_at_suggestion():
    assert run(["check", "-", "--fail-on", "suggestion"], input=PLAIN).exit_code == 0


def test_input_errors_win_over_never(tmp_path):
    assert run(["check", str(tmp_path / "nope.txt"), "--fail-on", "never"]).exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["check", "-", "--format", "xml"],
        ["check", "-", "--fail-on", "sometimes"],
        ["check", "-", "--target-grade", "-3"],
        ["check", "-", "--max-sentence-words", "0"],
        ["check", "-", "--audience", "aliens"],
        ["check", "--bogus"],
        ["nonsense"],
    ],
)
def test_bad_options_exit_2(args):
    result = run(args, input=JARGON)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- analysis options -------------------------------------------------------------


def test_accept_words_and_accept_file(tmp_path):
    text = "The comorbid needs and CPRS notes.\n"
    base = run(["check", "-", "--format", "line", "--no-default-lexicon", "--lexicon", str(MINI_LEXICON)], input=text)
    assert "uncommon.word" in base.stdout and "acronym.undefined" in base.stdout
    accepted = run(["check", "-", "--format", "line", "--accept", "comorbid", "--accept", "cprs", *MINI], input=text)
    assert "comorbid" not in accepted.stdout and "CPRS" not in accepted.stdout
    words = tmp_path / "words.txt"
    words.write_text("comorbid\n# ours\nCPRS\n", encoding="utf-8")
    from_file = run(["check", "-", "--format", "line", "--accept-file", str(words), *MINI], input=text)
    assert "comorbid" not in from_file.stdout and "CPRS" not in from_file.stdout
    missing = run(["check", "-", "--accept-file", str(tmp_path / "nope.txt")], input=text)
    assert missing.exit_code == 2 and "accept list file not found" in missing.stderr


def test_audience_changes_uncommon_threshold():
    text = "We will endeavour to meet your needs.\n"
    assert "endeavour" not in run(["check", "-", "--format", "line", *MINI], input=text).stdout
    assert "uncommon.word" in run(["check", "-", "--format", "line", "--audience", "everyday", *MINI], input=text).stdout


def test_target_grade_and_sentence_limit():
    text = "We walked to the park and then we walked back home again with the dog and the cat.\n"
    assert "long-sentence" not in run(["check", "-", "--format", "line"], input=text).stdout
    hard = "We will determine your eligibility for the program and then schedule your orientation session.\n"
    out = run(["check", "-", "--format", "line", "--max-sentence-words", "10", "--target-grade", "0"], input=hard).stdout
    assert "readability.long-sentence" in out and "readability.hard-sentence" in out
    assert "hard-sentence" not in run(["check", "-", "--format", "line", "--target-grade", "13"], input=hard).stdout


def test_user_lexicon_and_no_default_lexicon(tmp_path):
    user = tmp_path / "ours.csv"
    user.write_text(
        "id,term,plain,category,severity,match,pos,note,example,source\n"
        "walk-in,walk-in hours,open hours,wordy,error,lower,,Say when people can just come by.,Walk-in hours are 9-5.,us\n",
        encoding="utf-8",
    )
    text = "Our walk-in hours help. We will utilize them.\n"
    both = run(["check", "-", "--format", "line", "--lexicon", str(user)], input=text)
    assert "jargon.walk-in" in both.stdout and "jargon.utilize" in both.stdout and both.exit_code == 1
    only = run(["check", "-", "--format", "line", "--lexicon", str(user), "--no-default-lexicon"], input=text)
    assert "jargon.walk-in" in only.stdout and "jargon.utilize" not in only.stdout
    assert run(["check", "-", "--no-default-lexicon"], input=text).exit_code == 2


def test_malformed_lexicon_names_file_row_and_exits_2(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,term,plain,category,severity,match,pos,note,example,source\nx,x,y,wordy,loud,lemma,,N.,E.,S\n")
    result = run(["check", "-", "--lexicon", str(bad)], input=JARGON)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"plainspeak: error: {bad}:2: column 'severity' must be one of suggestion, warning, error; got 'loud'"
    )


def test_missing_model_is_a_clear_error_not_a_download():
    result = run(["check", "-", "--model", "en_core_web_nonexistent"], input=JARGON)
    assert result.exit_code == 2
    assert "is not installed" in result.stderr and "never downloads" in result.stderr


def test_model_from_a_folder_brings_its_entities_sentences_and_lemmas(tmp_path):
    """--model with a pipeline saved to disk: a stand-in for a trained one that
    runs offline in every test run (the real en_core_web_sm test may be skipped)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "zorbanski"}])
    nlp.add_pipe("attribute_ruler").add([[{"LOWER": "utilizing"}]], {"LEMMA": "Utilise"})  # the model's own lemma
    nlp.to_disk(tmp_path / "model")
    text = "please call zorbanski. we are utilizing the portal. zorbanski will meet you there."
    blank = json.loads(run(["check", "-", "--format", "json"], input=text).stdout)["reports"][0]["findings"]
    assert "zorbanski" in {f["text"] for f in blank}  # lower-case, so only an entity says it is a name
    assert "jargon.utilize" in {f["rule"] for f in blank}
    result = run(["check", "-", "--format", "json", "--model", str(tmp_path / "model")], input=text)
    findings = json.loads(result.stdout)["reports"][0]["findings"]
    assert result.stderr == "" and "zorbanski" not in {f["text"] for f in findings}
    assert "jargon.utilise" in {f["rule"] for f in findings}  # through the model's lemma, lower-cased
    assert all(text[f["start"]:f["end"]] == f["text"] for f in findings)


def test_a_model_that_cannot_be_used_is_a_clear_error(tmp_path):
    import spacy

    spacy.blank("de").to_disk(tmp_path / "german")
    (tmp_path / "broken").mkdir()
    german = run(["check", "-", "--model", str(tmp_path / "german")], input=JARGON)
    assert german.exit_code == 2 and "plainspeak needs English" in german.stderr
    broken = run(["check", "-", "--model", str(tmp_path / "broken")], input=JARGON)
    assert broken.exit_code == 2 and broken.stderr.startswith("plainspeak: error: cannot load spaCy pipeline")


# --- pipes --------------------------------------------------------------------------


def test_closed_pipe_prints_no_traceback(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(JARGON * 50, encoding="utf-8")
    cmd = f"{sys.executable} -m plainspeak check {tmp_path} --format line | head -n 1"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
    assert out.stdout.count("\n") == 1
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr, out.stderr


def test_closed_pipe_exits_141(tmp_path):
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(JARGON * 50, encoding="utf-8")
    cmd = f"set -o pipefail; {sys.executable} -m plainspeak check {tmp_path} --format line | head -n 1"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
    assert out.returncode == 141, out.stderr


def test_closed_pipe_exits_141_for_rich_output_of_every_command():
    """rich would exit 1 on a closed pipe, which means "findings" or "failed" here."""
    cmd = f"set -o pipefail; {sys.executable} -m plainspeak lexicon list | head -n 1"
    out = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
    assert out.returncode == 141 and out.stderr == "", out.stderr


def test_symlink_loop_in_a_folder_is_an_input_error(tmp_path):
    (tmp_path / "good.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    result = run(["check", str(tmp_path), "--format", "line"])
    assert result.exit_code == 2
    assert "loop.txt: symbolic link loop" in result.stderr
    assert "jargon.utilize" in result.stdout


@pytest.mark.parametrize("encoding", ["utf16", "UTF_16", "utf-16"])
def test_encoding_names_are_normalised(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes("We will utilize it.\n".encode("utf-16"))
    result = run(["check", str(path), "--encoding", encoding, "--format", "line"])
    assert result.exit_code == 0 and "jargon.utilize" in result.stdout
    plain = run(["check", str(path), "--format", "line"])  # its byte-order mark says UTF-16
    assert plain.exit_code == 0 and "jargon.utilize" in plain.stdout


def test_text_that_is_not_utf8_is_read_in_its_detected_encoding(tmp_path, monkeypatch):
    """Windows tools write cp1252: read without --encoding, and the report says so."""
    path = tmp_path / "letter.txt"
    text = "We will utilize the caf\u00e9 \u2013 it\u2019s at Fran\u00e7oise\u2019s place. Please ensure you attend.\n"
    path.write_bytes(text.encode("cp1252"))
    data = json.loads(run(["check", str(path), "--format", "json"]).stdout)
    (report,) = data["reports"]
    assert report["encoding"] == "cp1252"
    finding = report["findings"][0]
    assert text[finding["start"]:finding["end"]] == finding["text"] == "utilize"
    monkeypatch.chdir(tmp_path)
    assert "letter.txt (read as cp1252)" in run(["check", "letter.txt", "--no-color"]).stdout
    forced = run(["check", str(path), "--encoding", "utf-8"])
    assert forced.exit_code == 2
    assert f"{path}: is not valid utf-8 text: byte 0xe9 at offset 23 (line 1) (pass --encoding" in forced.stderr
    written = run(["fix", "--in-place", str(path)])  # written back in the encoding it was read in
    assert written.exit_code == 0, written.stderr
    assert path.read_bytes().decode("cp1252").startswith("We will use the caf\u00e9 \u2013")


def test_utf8_sig_keeps_the_bom_in_offsets(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfWe will utilize it.\n")
    for encoding in ("utf-8", "utf-8-sig", "utf_8_sig"):
        data = json.loads(run(["check", str(path), "--encoding", encoding, "--format", "json"]).stdout)
        finding = data["reports"][0]["findings"][0]
        assert (finding["start"], finding["column"]) == (9, 10)


def test_setup_errors_come_before_any_output(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,term\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(JARGON, encoding="utf-8")
    for fmt in ("json", "jsonl", "line", "rich"):
        result = run(["check", str(tmp_path / "nope.txt"), str(good), "--lexicon", str(bad), "--format", fmt])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "bad.csv:1: missing column(s)" in result.stderr


def test_unexpected_errors_are_one_line_with_exit_3(monkeypatch):
    from plainspeak.cli import check

    def boom(*args, **kwargs):
        raise ZeroDivisionError("simulated bug")

    monkeypatch.setattr(check, "run_check", boom)
    result = CliRunner().invoke(cli, ["check", "-"], input=JARGON)
    assert result.exit_code == 3
    assert result.stderr.strip().startswith("plainspeak: internal error: ZeroDivisionError: simulated bug")


def test_accept_also_silences_lexicon_terms():
    text = "Your IOP group meets at the portal.\n"
    assert "jargon.portal" in run(["check", "-", "--format", "line"], input=text).stdout
    out = run(["check", "-", "--format", "line", "--accept", "portal", "--accept", "IOP"], input=text).stdout
    assert "jargon.portal" not in out and "jargon.iop" not in out


def test_a_named_symlink_loop_is_not_called_broken(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    result = run(["check", str(loop), str(broken), "--format", "line"])
    assert result.exit_code == 2
    assert f"{loop}: symbolic link loop" in result.stderr
    assert f"{broken}: broken symbolic link" in result.stderr


@pytest.mark.parametrize(
    "name", ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "punycode", "undefined", "unicode_escape", "idna"]
)
@pytest.mark.parametrize("command", ["check", "fix"])
def test_codecs_that_are_not_text_encodings_are_a_usage_error(tmp_path, name, command):
    path = tmp_path / "draft.txt"
    path.write_text(JARGON, encoding="utf-8")
    result = run([command, str(path), "--encoding", name])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"plainspeak: error: {name!r} is not a text encoding; use one such as utf-8, "
        "cp1252, latin-1 or utf-16 (--encoding)"
    )


@pytest.mark.parametrize("args", [["check", "--format", "line"], ["check"], ["grade"], ["fix"]])
def test_closed_stdout_is_one_line_and_exit_2(tmp_path, args):
    """``plainspeak check a.txt >&-``: no traceback, and not exit 1 (which means findings)."""
    import subprocess
    import sys

    path = tmp_path / "a.txt"
    path.write_text(JARGON, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "plainspeak", *args, str(path)],
        preexec_fn=lambda: os.close(1), stderr=subprocess.PIPE, text=True,
    )
    assert proc.returncode == 2
    assert proc.stderr == "plainspeak: error: cannot write output: standard output is closed\n"


def test_no_grade_below_1_is_ever_shown():
    text = ("I am here. You can come in. We can eat now. It is hot out. I like it. We go home. See you soon. "
            "Bye now. I am ok. We are fine. Go now. It is time. We can go. Come with me. It is fun.\n")
    out = run(["check", "-", "--no-text", "--no-color"], input=text).stdout
    assert "Reading grade below 1" in out and "estimated grade below 1" in out
    assert not re.search(r"grade -?0\.\d|grade -\d", out)


def test_shell_completion_completes_commands_and_options():
    """The completion the README documents (Click's), through our own entry point."""
    env = {"_PLAINSPEAK_COMPLETE": "bash_complete", "COMP_WORDS": "plainspeak ch", "COMP_CWORD": "1"}
    result = CliRunner().invoke(cli, [], env=env, prog_name="plainspeak")
    assert "plain,check" in result.output.splitlines()
    env = {"_PLAINSPEAK_COMPLETE": "bash_complete", "COMP_WORDS": "plainspeak check --for", "COMP_CWORD": "2"}
    assert "plain,--format" in CliRunner().invoke(cli, [], env=env, prog_name="plainspeak").output.splitlines()


@pytest.mark.parametrize(("text", "encoding", "expected"), [
    ("short caf\u00e9\n", "cp1252", "cp1252"),  # too short for the detector, which guessed cp1006 (Urdu)
    ("Se\u00f1ora Garc\u00eda, su cita es el mi\u00e9rcoles.\n", "latin-1", "cp1252"),  # reads the same
    (("\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? \u042f \u0445\u043e\u0447\u0443 "
     "\u0432\u0441\u0442\u0440\u0435\u0442\u0438\u0442\u044c\u0441\u044f.\n"), "cp1251", "cp1251"),
])
def test_encodings_are_guessed_as_a_reader_would(tmp_path, text, encoding, expected):
    path = tmp_path / "draft.txt"
    path.write_bytes(text.encode(encoding))
    report = json.loads(run(["check", str(path), "--format", "json", "--fail-on", "never"]).stdout)["reports"][0]
    assert report["encoding"] == expected
