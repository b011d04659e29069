"""plainspeak grade: rubric loading and validation, scoring, roster formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from plainspeak.cli.app import cli
from plainspeak.grading.rubric import RubricError, load_rubric
from plainspeak.grading.score import grade_report

PLAIN = "See you on Monday at the park. Bring a friend if you like. We can get lunch after. Call me any time.\n"
JARGON = (
    "Please utilize the portal prior to your intake assessment in order to facilitate your enrollment. "
    "He is an addict who was non-compliant with his treatment modality. We will ascertain eligibility.\n"
)


def run(args):
    return CliRunner().invoke(cli, args, catch_exceptions=False)


def test_default_rubric_loads_and_can_be_printed():
    rubric = load_rubric()
    assert rubric["pass_score"] == 70 and rubric["stigmatising"]["automatic_fail"] is True
    out = run(["grade", "--print-rubric"]).stdout
    assert "pass_score = 70" in out and "[jargon]" in out


def test_a_trainers_rubric_overrides_only_what_it_sets(tmp_path):
    path = tmp_path / "rubric.toml"
    path.write_text("pass_score = 50\n[jargon]\nmax_points = 5\n", encoding="utf-8")
    rubric = load_rubric(path)
    assert rubric["pass_score"] == 50 and rubric["jargon"]["max_points"] == 5
    assert rubric["jargon"]["free_per_100_words"] == 1.0  # kept from the default


@pytest.mark.parametrize(
    "content, message",
    [
        ("pass_score = 150\n", "pass_score must be a number from 0 to 100"),
        ("[jargn]\nmax_points = 1\n", "unknown key 'jargn'"),
        ("[jargon]\nmax_pointz = 1\n", "[jargon] has an unknown setting 'max_pointz'"),
        ("[jargon]\nmax_points = -1\n", "[jargon] max_points must be a number of 0 or more"),
        ("[stigmatising]\nautomatic_fail = 1\n", "automatic_fail must be true or false"),
        ("pass_score = \n", "not valid TOML"),
    ],
)
def test_bad_rubrics_are_clear_errors(tmp_path, content, message):
    path = tmp_path / "rubric.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RubricError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_rubric(path)
    result = CliRunner().invoke(cli, ["grade", str(ROOT / "examples"), "--rubric", str(path)])
    assert result.exit_code == 2 and message in result.stderr
    assert run(["grade", str(ROOT / "examples"), "--rubric", str(tmp_path / "nope.toml")]).exit_code == 2


def test_scoring_explains_every_point(analyzer):
    rubric = load_rubric()
    plain = grade_report(analyzer.analyze(PLAIN, name="plain"), rubric)
    assert plain.score == 100 and plain.passed and plain.deductions == ()
    heavy = grade_report(analyzer.analyze(JARGON, name="heavy"), rubric)
    assert heavy.score == pytest.approx(100 - sum(d.points for d in heavy.deductions))
    assert {d.rule for d in heavy.deductions} >= {"jargon", "stigmatising"}
    assert heavy.stigmatising >= 1 and heavy.automatic_fail == "uses stigmatising language" and not heavy.passed
    assert all(d.points <= rubric[d.rule]["max_points"] for d in heavy.deductions)


def folder(tmp_path):
    (tmp_path / "b-plain.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "a-jargon.txt").write_text(JARGON, encoding="utf-8")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_roster_formats_sorting_and_errors(tmp_path):
    folder(tmp_path)
    result = run(["grade", str(tmp_path), "--format", "csv", "--sort", "name"])
    assert result.exit_code == 2  # an unreadable file is listed, and the exit code says so
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["file"].rsplit("/", 1)[1] for r in rows] == ["a-jargon.txt", "b-plain.txt", "c-binary.txt"]
    assert rows[1]["result"] == "pass" and rows[2]["result"].startswith("error: looks like a binary file")
    data = json.loads(run(["grade", str(tmp_path), "--format", "json"]).stdout)
    scores = [s.get("score") for s in data["submissions"]]
    assert scores[0] is None and scores[1] < scores[2]  # errors first, then lowest score first
    assert data["submissions"][1]["deductions"]
    assert all("estimated_grade" in s for s in data["submissions"][1:])
    table = run(["grade", str(tmp_path)]).stdout
    assert "Where the points went" in table and "1 passed" in table


def test_roster_table_fits_80_columns_and_explains_each_point(tmp_path):
    folder(tmp_path)
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["grade", str(tmp_path), "--sort", "name"])
    lines = result.stdout.split("\n\n")[0].splitlines()  # the table (long paths wrap inside it)
    assert result.exit_code == 2 and max(map(len, lines)) <= 80
    assert [line.split()[-1] for line in lines if line.rstrip().endswith(("pass", "fail*", "error"))] == [
        "fail*", "pass", "error"]  # a-jargon, b-plain, c-binary; a long path wraps, the numbers stay on its first line
    assert "* fails whatever the score" in result.stdout
    notes = result.stdout.split("Where the points went:")[1]
    assert "fails whatever the score: uses stigmatising language" in notes
    assert "2 stigmatising terms\n" in notes and "2 hard sentences\n" in notes and "(s)" not in notes
    assert "Could not be read:" in notes and "c-binary.txt: looks like a binary file" in notes


def test_fail_under(tmp_path):
    (tmp_path / "plain.txt").write_text(PLAIN, encoding="utf-8")
    assert run(["grade", str(tmp_path), "--fail-under", "90"]).exit_code == 0
    (tmp_path / "heavy.txt").write_text(JARGON, encoding="utf-8")
    assert run(["grade", str(tmp_path), "--fail-under", "90"]).exit_code == 1
    assert run(["grade"]).exit_code == 2


def test_compare_two_drafts(tmp_path):
    first = tmp_path / "draft1.txt"
    second = tmp_path / "draft2.txt"
    first.write_text("Please utilize the portal prior to your visit. He is an addict.\n", encoding="utf-8")
    second.write_text("Please use the website before your visit. We will ascertain it.\n", encoding="utf-8")
    data = json.loads(run(["compare", str(first), str(second), "--format", "json"]).stdout)
    assert {f["rule"] for f in data["fixed"]} == {"jargon.utilize", "jargon.portal", "jargon.prior-to", "jargon.an-addict"}
    assert [f["rule"] for f in data["new"]] == ["jargon.ascertain"]
    assert data["remaining"] == []
    text = run(["compare", str(first), str(second)]).stdout
    assert "Fixed (4):" in text and "New in the second draft (1):" in text and "jargon per 100 words" in text
    assert run(["compare", str(first), str(tmp_path / "nope.txt")]).exit_code == 2


HOSTILE = 'Hi <script>alert(1)</script> "><img src=x onerror=alert(2)> we utilize the portal & more.\n'


def test_html_report_escapes_every_piece_of_submitted_text(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (subs / '"><b>name.txt').write_text(PLAIN, encoding="utf-8")
    report = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["grade", str(subs), "--html", str(report)])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;" in html  # the attribute-breaking quote and bracket are text
    assert 'class="jargon"' in html and "Try: use" in html
    assert "http" not in html.split("<body>", 1)[0]  # no external resources in the head
    assert "@media print" in html and "<script" not in html


def test_html_report_highlights_words_inside_hard_sentences(analyzer):
    from plainspeak.grading.score import grade_report
    from plainspeak.render.html import render_html

    text = (
        "This message is being sent to inform you that you have missed two consecutive sessions and we will "
        "utilize the portal prior to the appointment.\n"
    )
    report = analyzer.analyze(text, name="x.txt")
    html = render_html([(report, grade_report(report, load_rubric()))], pass_score=70)
    body = html.split('<div class="text">', 1)[1]
    assert '<mark class="readability"' in body and '<mark class="jargon"' in body
    assert body.index('<mark class="readability"') < body.index('<mark class="jargon"')  # words inside the sentence


def _chromium():
    import shutil

    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def chromium():
    """A Chromium on this machine, or the test is skipped saying why. Tests never install
    anything; .ci/run installs Debian's chromium first, so CI always runs this test."""
    found = _chromium()
    if found is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    return found


def test_html_report_renders_in_a_real_browser(tmp_path, chromium):
    import subprocess

    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "draft.txt").write_text(JARGON, encoding="utf-8")
    (subs / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    report = tmp_path / "report.html"
    CliRunner().invoke(cli, ["grade", str(subs), "--html", str(report)], catch_exceptions=False)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, *flags, f"--screenshot={shot}", "--window-size=1000,1200", report.as_uri()],
                   capture_output=True, timeout=90)
    assert shot.exists() and shot.stat().st_size > 10_000
    dom = subprocess.run([chromium, *flags, "--dump-dom", report.as_uri()], capture_output=True, text=True, timeout=90).stdout
    assert '<mark class="jargon"' in dom and "utilize" in dom
    assert "<script>alert(1)</script>" not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


def test_compare_table_keeps_its_cells_apart(tmp_path):
    import re

    short = tmp_path / "short.txt"
    short.write_text("Please utilize the portal prior to your visit.\n", encoding="utf-8")
    both_short = run(["compare", str(short), str(short)]).stdout
    table = both_short.split("\n\n", 1)[0].splitlines()
    assert "not enough text not enough text" not in both_short
    assert table[1].split() == ["reading", "grade", "-", "-"]
    assert table[-1] == "- not enough text for a reading grade (under 30 words or 3 sentences)"
    assert len({len(line) for line in table[:-1]}) == 1  # right-aligned columns: every row ends at the same place
    one_short = run(["compare", str(ROOT / "examples" / "outreach-email.txt"), str(short)]).stdout
    row = next(line for line in one_short.splitlines() if line.startswith("reading grade"))
    assert re.fullmatch(r"reading grade\s+\d+\.\d  +-", row)
    assert "not enough text for a reading grade" in one_short
    assert "not enough text" not in run(["compare", str(ROOT / "examples" / "outreach-email.txt")] * 2).stdout


@pytest.mark.parametrize(
    "text",
    [
        "If you miss the deadline, it can result in denial of your claim. Call us and we will help you send it in.",
        "The form asks if you suffer from back pain. Tick yes or no, then sign the last page and send it back to us.",
    ],
)
def test_ordinary_sentences_are_not_stigmatising(analyzer, text):
    """Stigma terms that depend on sense ("in denial", "suffer from") match only in that sense."""
    graded = grade_report(analyzer.analyze(text, name="exercise.txt"), load_rubric())
    assert graded.stigmatising == 0 and graded.automatic_fail is None and graded.passed


def test_a_short_exercise_is_graded_by_its_sentences(analyzer, tmp_path):
    """Under 3 sentences there is no document grade; the sentences' grade is scored instead."""
    text = ("Notwithstanding the aforementioned biopsychosocial considerations, comprehensive interdisciplinary "
            "reassessment necessitates substantiation of eligibility determinations.")
    report = analyzer.analyze(text, name="one-sentence.txt")
    assert report.summary.grade is None and report.summary.short_text_grade > 20
    graded = grade_report(report, load_rubric())
    readability = [d for d in graded.deductions if d.rule == "readability"]
    assert readability and readability[0].points == 30  # the rubric's maximum
    assert "by its 1 sentence: too short for a full reading grade" in readability[0].detail
    (tmp_path / "one-sentence.txt").write_text(text, encoding="utf-8")
    roster = run(["grade", str(tmp_path)]).stdout
    assert "- grade: too short for a full reading grade" in roster


def test_check_and_grade_count_stigmatising_terms_and_acronyms_alike(analyzer, tmp_path):
    """One place decides the summary counts (report.summary_bucket): a stigmatising term
    is not jargon, and a lexicon acronym (IOP) is an unexplained acronym, a warning."""
    text = "He is an addict. Please utilize the IOP and the MAT clinic, and call the XJQ desk.\n"
    report = analyzer.analyze(text)
    s = report.summary
    assert (s.jargon, s.stigmatising, s.acronyms) == (1, 1, 3)
    assert {f.text: f.severity.label for f in report.findings if f.text in ("IOP", "MAT", "XJQ")} == {
        "IOP": "warning", "MAT": "warning", "XJQ": "warning"}
    graded = grade_report(report, load_rubric())
    assert (graded.stigmatising, graded.acronyms) == (1, 3)
    assert graded.jargon_per_100 == pytest.approx(100 * 1 / s.words)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("utilize", "use"), encoding="utf-8")
    compared = json.loads(run(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"]).stdout)
    assert compared["before"]["summary"]["jargon"] == 1 and compared["after"]["summary"]["jargon"] == 0
