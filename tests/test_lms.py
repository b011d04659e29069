"""Moodle and Canvas submission exports: one submission per student file, named as the export names them."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest

from plainspeak.documents.lms import Submission, is_export, iter_submissions
from plainspeak.errors import InputError

DOCX = b"PK\x03\x04 not really a docx, just bytes"
ONLINE = b"<p>I will explain my plan in plain words.</p>"


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def make_folder(root: Path, members: dict[str, bytes]) -> Path:
    for name, data in members.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root


MOODLE = {
    "Jane Smith_1234_assignsubmission_file_/essay.docx": DOCX,
    "Jane Smith_1234_assignsubmission_onlinetext_/onlinetext.html": ONLINE,
    "Jane Smith_1234_assignsubmission_onlinetext_/image.png": b"\x89PNG",
    "Ana María López_987_assignsubmission_file/drafts/letter.txt": b"We will utilize the portal.",
    "Bob Lee_55_assignsubmission_file_/photo.jpg": b"\xff\xd8",
    "Carl Old_77_assignsubmission_file_/report.doc": b"\xd0\xcf\x11\xe0",
    "__MACOSX/Jane Smith_1234_assignsubmission_file_/._essay.docx": b"junk",
    "Jane Smith_1234_assignsubmission_file_/.DS_Store": b"junk",
}

CANVAS = {
    "smithjane_1234_567890_essay.docx": DOCX,
    "smithjane_1234_567891_notes.txt": b"Notes.",
    "lopezana_LATE_987_567892_letter.md": b"# Letter",
    "leebob_55_text.html": ONLINE,
    "kimdan_66_link.html": b"<a href='https://example.org'>link</a>",
    "__MACOSX/._smithjane_1234_567890_essay.docx": b"junk",
}


def summary(subs: list[Submission]) -> list[tuple[str, str, bool]]:
    return [(s.student, s.filename, s.error is None) for s in subs]


@pytest.mark.parametrize("packed", ["zip", "folder"])
def test_moodle_export(tmp_path, packed):
    path = make_zip(tmp_path / "export.zip", MOODLE) if packed == "zip" else make_folder(tmp_path / "export", MOODLE)
    assert is_export(path)
    subs = list(iter_submissions(path))
    assert summary(subs) == [
        ("Ana María López", "drafts/letter.txt", True),
        ("Bob Lee", "photo.jpg", False),
        ("Carl Old", "report.doc", False),
        ("Jane Smith", "essay.docx", True),
        ("Jane Smith", "onlinetext.html", True),
    ]
    by_file = {s.filename: s for s in subs}
    assert by_file["essay.docx"].data == DOCX
    assert by_file["onlinetext.html"].data == ONLINE
    assert by_file["photo.jpg"].error is not None
    assert "handed in no file plainspeak reads (only photo.jpg)" in by_file["photo.jpg"].error.reason
    assert by_file["report.doc"].error is not None and "Word 97-2003" in by_file["report.doc"].error.reason


def test_moodle_flat_layout_of_older_versions(tmp_path):
    path = make_zip(tmp_path / "old.zip", {
        "Jane Smith_1234_assignsubmission_file_essay.docx": DOCX,
        "Jane Smith_1234_assignsubmission_onlinetext_onlinetext.html": ONLINE,
    })
    assert summary(list(iter_submissions(path))) == [("Jane Smith", "essay.docx", True), ("Jane Smith", "onlinetext.html", True)]


@pytest.mark.parametrize("packed", ["zip", "folder"])
def test_canvas_export(tmp_path, packed):
    path = make_zip(tmp_path / "submissions.zip", CANVAS) if packed == "zip" else make_folder(tmp_path / "subs", CANVAS)
    assert is_export(path)
    subs = list(iter_submissions(path))
    assert summary(subs) == [
        ("kimdan", "link.html", False),
        ("leebob", "text.html", True),
        ("lopezana", "letter.md", True),
        ("smithjane", "essay.docx", True),
        ("smithjane", "notes.txt", True),
    ]
    assert subs[0].error is not None and "a web address" in subs[0].error.reason
    assert subs[1].data == ONLINE


def test_an_export_zipped_inside_its_own_folder(tmp_path):
    path = make_zip(tmp_path / "again.zip", {f"Assignment 1-42/{k}": v for k, v in CANVAS.items() if "MACOSX" not in k})
    assert [s.student for s in iter_submissions(path)][:2] == ["kimdan", "leebob"]


def test_path_traversal_refuses_the_whole_zip(tmp_path):
    path = make_zip(tmp_path / "evil.zip", {**CANVAS, "../../etc/passwd": b"x"})
    with pytest.raises(InputError, match="a path outside its folder"):
        list(iter_submissions(path))
    path = make_zip(tmp_path / "abs.zip", {**CANVAS, "/etc/passwd": b"x"})
    # zipfile itself strips a leading "/" when writing; patch the name back in
    raw = (tmp_path / "abs.zip").read_bytes().replace(b"etc/passwd", b"/tc/passwd")
    (tmp_path / "abs.zip").write_bytes(raw)
    with pytest.raises(InputError, match="an absolute path"):
        list(iter_submissions(path))


def test_a_member_declaring_a_huge_size_refuses_the_whole_zip(tmp_path):
    path = make_zip(tmp_path / "bomb.zip", CANVAS)
    raw = bytearray(path.read_bytes())
    central = raw.index(b"PK\x01\x02")  # the first central directory entry: its uncompressed size at +24
    struct.pack_into("<I", raw, central + 24, 0xFFFF0000)
    path.write_bytes(bytes(raw))
    with pytest.raises(InputError, match="zip bomb"):
        list(iter_submissions(path))


def test_a_damaged_zip_is_an_error(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04 this is not a zip")
    assert not is_export(path)
    with pytest.raises(InputError, match="is not a valid ZIP file"):
        list(iter_submissions(path))


def test_a_member_that_cannot_be_read_is_that_submissions_error(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("smithjane_1234_567890_essay.txt", b"A sentence long enough to compress. " * 20)
        archive.writestr("leebob_55_text.html", ONLINE)
    raw = bytearray(buffer.getvalue())
    start = 30 + len("smithjane_1234_567890_essay.txt")  # the first member's data: after its local header
    raw[start:start + 8] = b"\xff" * 8  # corrupt its compressed data
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(raw))
    subs = list(iter_submissions(path))
    assert [(s.student, s.error is None) for s in subs] == [("leebob", True), ("smithjane", False)]
    assert subs[1].error is not None and "cannot be read" in subs[1].error.reason


def test_folders_of_drafts_are_not_exports(tmp_path):
    drafts = make_folder(tmp_path / "drafts", {"letter.txt": b"Hi", "minutes_2024_03_12.txt": b"Minutes",
                                               "notes_2024_3_12.md": b"Notes"})
    assert not is_export(drafts)
    assert list(iter_submissions(drafts)) == []
    assert not is_export(tmp_path / "missing.zip")
    assert not is_export(make_folder(tmp_path / "empty", {}))


def test_order_is_by_student_then_file_and_stable(tmp_path):
    path = make_zip(tmp_path / "order.zip", {
        "zed_1_100_b.txt": b"b", "zed_1_101_A.txt": b"A", "zed_1_102_a.txt": b"a", "amy_3_102_B.txt": b"B",
        "amy_3_103_a.txt": b"a",
    })
    assert [(s.student, s.filename) for s in iter_submissions(path)] == [
        ("amy", "a.txt"), ("amy", "B.txt"), ("zed", "A.txt"), ("zed", "a.txt"), ("zed", "b.txt")]


def test_two_students_with_one_name_are_told_apart_by_id(tmp_path):
    path = make_zip(tmp_path / "twins.zip", {"smithjane_1234_100_a.txt": b"a", "smithjane_5678_101_b.txt": b"b",
                                             "leebob_55_text.html": ONLINE})
    assert [(s.student, s.filename) for s in iter_submissions(path)] == [
        ("leebob", "text.html"), ("smithjane #1234", "a.txt"), ("smithjane #5678", "b.txt")]


def test_a_folder_holding_the_unpacked_export_in_one_subfolder(tmp_path):
    outer = make_folder(tmp_path / "downloads", {f"Assignment 1-42/{k}": v for k, v in MOODLE.items()})
    assert is_export(outer)
    assert [s.student for s in iter_submissions(outer)] == ["Ana María López", "Bob Lee", "Carl Old", "Jane Smith", "Jane Smith"]
