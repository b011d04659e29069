"""Every format plainspeak reads, through the commands: the same exercise saved as
.txt, .docx, .odt, .pdf, .html and .eml gives the same findings and the same score;
findings say where in the document they are; annotate and grade --annotate hand
documents back with their notes; bad documents are one line each."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from docbuilders import WRITERS, write_docx
from plainspeak.cli.app import cli

EXERCISE = [
    "Hi Sam, I wanted to follow up about your intake at the clinic next week.",
    "We will utilize the portal to facilitate your transition to the new program.",
    "Please ensure you bring your ID and a list of your medicines to the appointment.",
    "If you have questions prior to your visit, you can call me at the office any day.",
]


def run(args: list[str], **kwargs):
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


@pytest.fixture(scope="module")
def exercise_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("exercise")
    for fmt, write in WRITERS.items():
        write(folder / f"exercise.{fmt}", EXERCISE)
    return folder


def _findings(report: dict) -> list[tuple[str, str]]:
    return sorted((f["rule"], " ".join(f["text"].split())) for f in report["findings"])


def test_every_format_gives_the_same_findings(exercise_folder):
    result = run(["check", str(exercise_folder), "--format", "json", "--isolated", "--fail-on", "never"])
    assert result.exit_code == 0, result.stderr
    reports = {Path(r["path"]).suffix[1:]: r for r in json.loads(result.stdout)["reports"]}
    assert set(reports) == set(WRITERS)
    expected = _findings(reports["txt"])
    assert ("jargon.utilize", "utilize") in expected
    for fmt, report in reports.items():
        assert report["format"] == ("text" if fmt == "txt" else fmt)
        assert _findings(report) == expected, fmt
        for finding in report["findings"]:
            assert finding["where"] is None if fmt == "txt" else finding["where"], (fmt, finding)


def test_every_format_gets_the_same_score(exercise_folder):
    result = run(["grade", str(exercise_folder), "--format", "json", "--isolated"])
    assert result.exit_code in (0, 1), result.stderr
    scores = {Path(s["path"]).suffix: s["score"] for s in json.loads(result.stdout)["submissions"]}
    assert len(scores) == len(WRITERS) and len(set(scores.values())) == 1, scores


def test_findings_say_where_in_a_word_document(tmp_path):
    path = write_docx(tmp_path / "letter.docx", EXERCISE)
    report = json.loads(run(["check", str(path), "--format", "json", "--fail-on", "never"]).stdout)["reports"][0]
    utilize = next(f for f in report["findings"] if f["rule"] == "jargon.utilize")
    assert utilize["where"] == "paragraph 2"
    line = run(["check", str(path), "--format", "line", "--fail-on", "never"]).stdout
    assert any("jargon.utilize" in x and x.endswith("[at paragraph 2]") for x in line.splitlines()), line


def test_annotate_writes_a_commented_copy(tmp_path):
    import docx

    path = write_docx(tmp_path / "letter.docx", EXERCISE)
    before = path.read_bytes()
    result = run(["annotate", str(path), "--isolated"])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "letter.annotated.docx"
    assert path.read_bytes() == before  # the original is never touched
    report = json.loads(run(["check", str(path), "--format", "json", "--isolated", "--fail-on", "never"]).stdout)["reports"][0]
    comments = list(docx.Document(str(out)).comments)
    assert len(comments) == len(report["findings"]) + 1  # and the summary first
    assert comments[0].text.startswith("plainspeak")
    texts = [c.text for c in comments[1:]]
    assert any("Try: use" in t for t in texts), texts
    # each comment sits on the words it is about
    from test_docx import anchored

    by_id = anchored(out.read_bytes())
    on = sorted(by_id[str(c.comment_id)] for c in comments[1:])
    assert on == sorted(f["text"] for f in report["findings"])
    # the copy reads as the original did: the comments are notes, not text
    again = json.loads(run(["check", str(out), "--format", "json", "--isolated", "--fail-on", "never"]).stdout)["reports"][0]
    assert _findings(again) == _findings(report)


def test_annotated_copies_are_never_read_back_as_drafts(tmp_path):
    write_docx(tmp_path / "letter.docx", EXERCISE)
    assert run(["annotate", str(tmp_path), "--isolated"]).exit_code == 0
    paths = [r["path"] for r in json.loads(run(["check", str(tmp_path), "--format", "json", "--fail-on", "never"]).stdout)["reports"]]
    assert paths == [str(tmp_path / "letter.docx")]


def test_grade_annotate_writes_one_copy_per_submission(tmp_path):
    import docx

    subs = tmp_path / "subs"
    subs.mkdir()
    write_docx(subs / "ana.docx", EXERCISE)
    (subs / "ben.txt").write_text("We will utilize the portal prior to your visit.\n", encoding="utf-8")
    out = tmp_path / "feedback"
    result = run(["grade", str(subs), "--annotate", str(out), "--isolated"])
    assert result.exit_code in (0, 1), result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["ana.annotated.docx", "ben.annotated.html"]
    first = next(iter(docx.Document(str(out / "ana.annotated.docx")).comments))
    assert "Score:" in first.text
    page = (out / "ben.annotated.html").read_text(encoding="utf-8")
    assert "utilize" in page and "<script" not in page


def test_fix_in_place_on_a_word_document_keeps_formatting(tmp_path):
    import docx

    path = write_docx(tmp_path / "letter.docx", EXERCISE)
    result = run(["fix", "--in-place", str(path), "--isolated"])
    assert result.exit_code == 0, result.stderr
    assert "letter.docx:" in result.stdout and "made" in result.stdout
    paragraphs = list(docx.Document(str(path)).paragraphs)
    assert paragraphs[1].text.startswith("We will use the website")
    assert paragraphs[1].runs[0].bold  # the bold run is still bold
    assert run(["fix", "--diff", str(path), "--isolated"]).stdout == ""  # nothing left to swap


def test_fix_refuses_a_pdf_and_prints_no_word_document(tmp_path):
    pdf = WRITERS["pdf"](tmp_path / "a.pdf", EXERCISE)
    result = run(["fix", "--in-place", str(pdf)])
    assert result.exit_code == 2 and "fix cannot change a PDF" in result.stderr
    word = write_docx(tmp_path / "b.docx", EXERCISE)
    result = run(["fix", str(word)])
    assert result.exit_code == 2 and "use --in-place" in result.stderr
    diff = run(["fix", "--diff", str(word), "--isolated"])
    assert diff.exit_code == 0 and "+We will use the website" in diff.stdout


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _encrypted_pdf() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    from docbuilders import pdf_bytes

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([["We will utilize the portal."]]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


BAD = {
    "not-a-zip.docx": (b"this is not a zip file at all", "is not a valid"),
    "no-body.docx": (_zip({"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<x/>"}), "lacks its main part"),
    "locked.pdf": (_encrypted_pdf, "password-protected"),
    "odd.eml": (b"From: a@example.org\nSubject: Hi\nContent-Type: text/plain; charset=x-no-such\n\nWe will utilize it.\n",
                "unknown character set"),
    "broken.odt": (b"PK\x03\x04 truncated", "is not a valid"),
    "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save it as .docx"),
    "locked.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password-protected"),
    "scanned.pdf": (None, "no text layer"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_are_one_line_each_and_the_others_still_checked(tmp_path, name):
    from docbuilders import pdf_bytes

    data, message = BAD[name]
    bad = tmp_path / name
    bad.write_bytes(pdf_bytes([[]]) if data is None else data() if callable(data) else data)
    good = tmp_path / "good.txt"
    good.write_text("We will utilize the portal.\n", encoding="utf-8")
    result = run(["check", str(bad), str(good), "--format", "line", "--fail-on", "never"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"plainspeak: error: {bad}: ") and message in lines[0], result.stderr
    assert "jargon.utilize" in result.stdout and "Traceback" not in result.output


def test_a_zip_bomb_and_a_path_outside_the_folder_are_refused(tmp_path):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (30 * 1024 * 1024))
    result = run(["check", str(bomb)])
    assert result.exit_code == 2 and "zip bomb" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    evil = tmp_path / "export.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../outside.txt", "We will utilize it.")
    result = run(["grade", str(evil), "--format", "csv"])
    assert result.exit_code == 2 and "outside its folder" in result.stdout


def test_records_from_csv_and_jsonl_on_files_and_stdin(tmp_path):
    csv_path = tmp_path / "notes.csv"
    csv_path.write_bytes("case_id,note\r\nC-1,We will utilize the portal.\r\nC-2,\r\nC-3,\"Call me,\nany day.\"\r\n"
                         .encode("cp1252"))
    result = run(["check", "--records", str(csv_path), "--column", "note", "--id-column", "case_id",
                  "--format", "jsonl", "--fail-on", "never"])
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["path"] for d in docs] == [f"{csv_path}[C-1]", f"{csv_path}[C-2]", f"{csv_path}[C-3]"]
    assert docs[0]["format"] == "record" and docs[0]["findings"][0]["rule"] == "jargon.utilize"
    assert "empty" in docs[1]["error"]
    assert result.exit_code == 2  # an empty row is reported, not fatal
    lines = '{"id": 7, "text": "We will utilize the portal."}\n{"id": 8, "text": "See you soon."}\n'
    result = run(["check", "--records", "-", "--column", "text", "--id-column", "id", "--format", "line",
                  "--fail-on", "never"], input=lines)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("-[7]:1:9: ") and "jargon.utilize" in result.stdout
    jsonl = tmp_path / "notes.jsonl"
    jsonl.write_text(lines + "not json\n", encoding="utf-8")
    result = run(["check", "--records", str(jsonl), "--column", "text", "--format", "jsonl", "--fail-on", "never"])
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["path"] for d in docs] == [f"{jsonl}[line 1]", f"{jsonl}[line 2]", f"{jsonl}[line 3]"]
    assert "error" in docs[2] and result.exit_code == 2
    piped = run(["check", "--records", "-", "--column", "note", "--format", "line", "--fail-on", "never"],
                input="note\nWe will utilize the portal.\n")
    assert piped.exit_code == 0 and piped.stdout.startswith("-[row 1]:1:9: ")
    missing = run(["check", "--records", str(csv_path), "--column", "message"])
    assert missing.exit_code == 2 and "has no column 'message'" in missing.stderr
    graded = run(["grade", "--records", str(csv_path), "--column", "note", "--id-column", "case_id", "--format", "csv"])
    assert f"{csv_path}[C-1]" in graded.stdout


def test_records_options_go_together():
    assert run(["check", "--column", "x", "-"], input="Hi.").exit_code == 2
    result = run(["check", "--records", "-"], input="a\nb\n")
    assert result.exit_code == 2 and "--records needs --column" in result.stderr


def _docx_bytes(tmp_path: Path, paragraphs: list[str]) -> bytes:
    return write_docx(tmp_path / "tmp.docx", paragraphs).read_bytes()


def test_a_moodle_export_is_graded_by_student(tmp_path):
    export = tmp_path / "moodle.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("Ana Diaz_101_assignsubmission_file_/exercise.docx", _docx_bytes(tmp_path, EXERCISE))
        archive.writestr("Ben Okafor_102_assignsubmission_onlinetext_/onlinetext.html",
                         "<p>We will utilize the portal prior to your visit.</p>")
    result = run(["grade", str(export), "--format", "json", "--isolated", "--annotate", str(tmp_path / "out")])
    assert result.exit_code in (0, 1), result.output
    names = sorted(s["path"] for s in json.loads(result.stdout)["submissions"])
    assert names == ["Ana Diaz", "Ben Okafor"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["Ana Diaz.annotated.docx", "Ben Okafor.annotated.html"]
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(export).extractall(unpacked)
    again = json.loads(run(["grade", str(unpacked), "--format", "json", "--isolated"]).stdout)
    assert sorted(s["path"] for s in again["submissions"]) == names


def test_a_canvas_export_is_graded_by_student(tmp_path):
    export = tmp_path / "submissions.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr("diazana_101_5551_exercise.docx", _docx_bytes(tmp_path, EXERCISE))
        archive.writestr("okaforben_LATE_102_5552_draft.txt", "We will utilize the portal prior to your visit.\n")
        archive.writestr("leekim_103_text.html", "<p>See you on Monday at the clinic.</p>")
    result = run(["grade", str(export), "--format", "json", "--isolated"])
    assert result.exit_code in (0, 1), result.output
    assert sorted(s["path"] for s in json.loads(result.stdout)["submissions"]) == ["diazana", "leekim", "okaforben"]


def test_libreoffice_opens_an_annotated_copy(tmp_path):
    """The annotated copy is a Word file LibreOffice opens: it converts it to PDF
    without error (skipped where LibreOffice is not installed). That the comments
    read back, one per finding, is tested with python-docx above."""
    import os
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)")
    path = write_docx(tmp_path / "letter.docx", EXERCISE)
    assert run(["annotate", str(path), "--isolated"]).exit_code == 0
    out = tmp_path / "pdf"
    env = {**os.environ, "HOME": str(tmp_path)}  # LibreOffice keeps its profile in HOME
    proc = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(out), str(tmp_path / "letter.annotated.docx")],
                          capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr
    pdf = out / "letter.annotated.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000, proc.stdout + proc.stderr
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "We will utilize the portal" in text  # the document itself, unchanged


def test_an_html_reply_leaves_out_the_quoted_message(tmp_path):
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "dana@example.org", "sam@example.org", "Your visit"
    message.set_content('<div>Hi Sam, see you Monday.</div><div class="gmail_quote"><div class="gmail_attr">'
                        "On Tue, Bob wrote:</div><blockquote>Please utilize the portal.</blockquote></div>",
                        subtype="html")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    report = json.loads(run(["check", str(path), "--format", "json", "--fail-on", "never"]).stdout)["reports"][0]
    assert report["findings"] == [] and report["summary"]["words"] == 7  # the subject and her one line


def test_what_reading_left_out_is_reported(tmp_path):
    """A message dropped from a mailbox (unknown charset) is named, not silently gone."""
    box = tmp_path / "box.mbox"
    box.write_bytes(b"From a@x Mon Jan  1 00:00:00 2026\nFrom: a@example.org\nSubject: One\n\nWe will utilize it.\n\n"
                    b"From b@x Mon Jan  1 00:00:00 2026\nFrom: b@example.org\nSubject: Two\n"
                    b"Content-Type: text/plain; charset=klingon\n\nHello there.\n")
    report = json.loads(run(["check", str(box), "--format", "json", "--fail-on", "never"]).stdout)["reports"][0]
    assert report["notes"] == ["left out message 2, which uses an unknown character set 'klingon'"]
    shown = run(["check", str(box), "--no-color", "--fail-on", "never"]).stdout
    assert "Left out message 2, which uses an unknown character set 'klingon'." in " ".join(shown.split())


def test_soft_hyphens_are_not_part_of_words(tmp_path):
    from docbuilders import odt_bytes

    page = tmp_path / "page.html"
    page.write_text("<p>We will ame&shy;liorate it.</p>", encoding="utf-8")
    odt = tmp_path / "letter.odt"
    odt.write_bytes(odt_bytes("<text:p>We will ame\u00adliorate it.</text:p>"))
    for path in (page, odt):
        report = json.loads(run(["check", str(path), "--format", "json", "--fail-on", "never"]).stdout)["reports"][0]
        assert "ameliorate" in [f["text"] for f in report["findings"]], path
