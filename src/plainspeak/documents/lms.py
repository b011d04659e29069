"""Learning-platform submission exports: Moodle's and Canvas's "download all submissions".

A teacher grading a class downloads one ZIP (or unpacks it into a folder) and
wants one report per student, named as the platform names them. The layouts,
from what each platform writes:

* Moodle (3.1 and later): a folder per student and plugin,
  ``Full Name_<id>_assignsubmission_file_`` (the trailing underscore is
  sometimes dropped) holding the uploaded files as the student named them, and
  ``Full Name_<id>_assignsubmission_onlinetext_/onlinetext.html`` for online
  text. Before 3.1 (and with "download submissions in folders" off) the same
  prefix is on each file instead: ``Full Name_<id>_assignsubmission_file_essay.docx``.
  The student is "Full Name" (or "Participant 1234567" under anonymous marking).
* Canvas: flat files ``<name>_<userid>_<fileid>_<filename>``, with ``LATE``
  after the name for a late submission, and ``<name>_<userid>_text.html`` for
  a text entry (``_link.html`` for a web address). The name is the student's
  sortable name lowercased without spaces or punctuation ("smithjane"); Canvas
  gives no more, so that is the name reports use.

Two students with the same name (two "smithjane") are told apart by their id
("smithjane #1234"). Only files plainspeak reads are handed on; a student who handed in nothing
readable (only images, say) gets one submission with an error saying so, so no
one is silently missing. ZIPs are opened through :mod:`.archive`, which refuses
zip bombs and paths outside the archive's folder for the whole export.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..errors import InputError
from ..suffixes import READ_SUFFIXES
from . import REFUSED
from .archive import open_zip, read_member

READABLE = READ_SUFFIXES

_MOODLE_FOLDER = re.compile(r"^(?P<student>.+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>[a-z0-9]+(?:_[a-z0-9]+)*?)_?$")
_MOODLE_FILE = re.compile(r"^(?P<student>.+?)_(?P<id>\d+)_assignsubmission_(?P<plugin>file|onlinetext|[a-z0-9]+)_(?P<file>.+)$")
# Canvas ids are database keys: never a leading zero, which tells "smithjane_1234_5678_x"
# from a file named by date ("minutes_2024_03_12.txt").
_CANVAS_FILE = re.compile(r"^(?P<student>[^_]+)(?P<late>_LATE)?_(?P<id>[1-9]\d*)_(?P<file_id>[1-9]\d*)_(?P<file>.+)$")
_CANVAS_TEXT = re.compile(r"^(?P<student>[^_]+)(?P<late>_LATE)?_(?P<id>[1-9]\d*)_(?P<kind>text|link)\.html?$")

_JUNK = frozenset({"__macosx", "thumbs.db", "desktop.ini"})


@dataclass(frozen=True)
class Submission:
    """One file a student handed in: its bytes, or why it cannot be checked."""

    student: str
    filename: str  # as the student named it ("essay.docx"), or "onlinetext.html" / "text.html" for online text
    data: bytes | None
    error: InputError | None = None


@dataclass(frozen=True)
class _Entry:
    """A file in an export: its path inside it, split into parts."""

    parts: tuple[str, ...]
    key: object  # what reads it: a ZipInfo, or a Path


def is_export(path: Path) -> bool:
    """A .zip file or a folder laid out as a Moodle or Canvas submissions export.

    Decided from the top-level names alone (a ZIP's directory is read, nothing
    expanded, a folder's subfolders not walked); most of them must follow the
    platform's naming, so a folder of drafts is not mistaken for an export.
    """
    try:
        if path.is_dir():
            return _layout(_folder_tops(path)) is not None
        if path.is_file() and path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                entries = [_Entry(tuple(PurePosixPath(i.filename).parts), i) for i in archive.infolist() if not i.is_dir()]
            return _layout(_tops(_unwrap(_visible(entries)))) is not None
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, RuntimeError):
        return False
    return False


def _folder_tops(root: Path) -> dict[str, bool]:
    """A folder's visible entries (name -> is a folder); inside its only subfolder if it holds nothing else."""
    for _ in range(2):
        with os.scandir(root) as scan:
            tops = {e.name: e.is_dir(follow_symlinks=False) for e in scan
                    if not e.name.startswith(".") and e.name.lower() not in _JUNK}
        if len(tops) == 1 and next(iter(tops.values())) and not _MOODLE_FOLDER.match(next(iter(tops))):
            root = root / next(iter(tops))
            continue
        break
    return tops


def iter_submissions(path: Path) -> Iterator[Submission]:
    """Every submission in an export, ordered by student then file name.

    Raises InputError for the whole export when it cannot be opened (a damaged
    or password-protected ZIP, a zip bomb, a path outside its folder); a file
    that cannot be read is a submission with its error, and the rest still come.
    An export in neither platform's layout yields nothing.
    """
    name = str(path)
    if path.is_dir():
        entries = _unwrap(_visible(list(_folder_entries(path))))
        archive = None
    else:
        try:
            data = path.read_bytes()
        except PermissionError:
            raise InputError(name, "permission denied") from None
        except OSError as err:
            raise InputError(name, f"cannot read: {err.strerror or err}") from None
        archive = open_zip(data, name, what="ZIP file")
        entries = _unwrap(_visible([_Entry(tuple(PurePosixPath(i.filename).parts), i)
                                    for i in archive.infolist() if not i.is_dir()]))
    try:
        submissions = _collect(entries, archive, name)
    finally:
        if archive is not None:
            archive.close()  # every member is read by now
    yield from submissions


def _collect(entries: list[_Entry], archive: zipfile.ZipFile | None, export: str) -> list[Submission]:
    layout = _layout(_tops(entries))
    if layout is None:
        return []
    found: dict[tuple[str, str], list[tuple[str, _Entry]]] = {}  # (student, their id) -> files
    for entry in entries:
        parsed = _parse(entry.parts, layout)
        if parsed is not None:
            student, ident, filename = parsed
            found.setdefault((student, ident), []).append((filename, entry))
    names: dict[str, int] = {}
    for student, _ in found:
        names[student] = names.get(student, 0) + 1
    submissions: list[Submission] = []
    for (student, ident), files in found.items():
        shown = student if names[student] == 1 else f"{student} #{ident}"  # two Jane Smiths in one class
        submissions.extend(_student_submissions(shown, files, archive, export))
    submissions.sort(key=lambda s: (s.student.casefold(), s.filename.casefold()))  # stable: ties keep export order
    return submissions


def _student_submissions(student: str, files: list[tuple[str, _Entry]], archive: zipfile.ZipFile | None,
                         export: str) -> Iterator[Submission]:
    """A student's readable files (and refused ones, with the reason); if none, one error saying what they handed in."""
    handed_on = False
    for filename, entry in files:
        suffix = PurePosixPath(filename).suffix.lower()
        label = f"{student} ({filename})"
        if suffix in REFUSED:
            handed_on = True
            yield Submission(student, filename, None, InputError(label, REFUSED[suffix]))
        elif suffix in READABLE and not _is_link(filename, entry):
            handed_on = True
            try:
                if archive is not None:
                    assert isinstance(entry.key, zipfile.ZipInfo)
                    data = read_member(archive, entry.key.filename, export)
                else:
                    assert isinstance(entry.key, Path)
                    data = _read_file(entry.key)
            except InputError as err:
                yield Submission(student, filename, None, InputError(label, err.reason))
            else:
                yield Submission(student, filename, data, None)
    if not handed_on:
        shown = ", ".join(_describe(f, e) for f, e in files[:5]) + (", ..." if len(files) > 5 else "")
        yield Submission(student, files[0][0], None,
                         InputError(student, f"handed in no file plainspeak reads (only {shown})"))


def _is_link(filename: str, entry: _Entry) -> bool:
    match = _CANVAS_TEXT.match(entry.parts[-1])
    return match is not None and match["kind"] == "link" and filename == "link.html"


def _describe(filename: str, entry: _Entry) -> str:
    return "a web address (link.html)" if _is_link(filename, entry) else filename


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as err:
        raise InputError(str(path), f"cannot read: {err.strerror or err}") from None


def _folder_entries(root: Path) -> Iterator[_Entry]:
    """Files under ``root`` (symbolic links to folders not followed), as paths relative to it."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        base = Path(dirpath)
        relative = base.relative_to(root).parts
        for filename in sorted(filenames):
            yield _Entry((*relative, filename), base / filename)


def _visible(entries: list[_Entry]) -> list[_Entry]:
    """Without hidden files, macOS resource forks (__MACOSX, ._x) and Windows thumbnails."""
    return [e for e in entries if e.parts and not any(p.startswith(".") or p.lower() in _JUNK for p in e.parts)]


def _unwrap(entries: list[_Entry]) -> list[_Entry]:
    """Strip one folder that holds everything (an export zipped again, or unpacked into its own folder)."""
    tops = {e.parts[0] for e in entries}
    if len(tops) == 1 and all(len(e.parts) > 1 for e in entries):
        top = next(iter(tops))
        if not _MOODLE_FOLDER.match(top):
            return [_Entry(e.parts[1:], e.key) for e in entries]
    return entries


def _tops(entries: list[_Entry]) -> dict[str, bool]:
    """The top-level names of an export's entries, each with whether it is a folder."""
    tops: dict[str, bool] = {}
    for e in entries:
        tops[e.parts[0]] = tops.get(e.parts[0], False) or len(e.parts) > 1
    return tops


def _layout(tops: dict[str, bool]) -> str | None:
    """"moodle" or "canvas" when more than half of the top-level entries follow its naming."""
    if not tops:
        return None
    moodle = sum(1 for top, folder in tops.items() if (_MOODLE_FOLDER if folder else _MOODLE_FILE).match(top))
    if moodle * 2 > len(tops):
        return "moodle"
    canvas = sum(1 for top, folder in tops.items() if not folder and (_CANVAS_FILE.match(top) or _CANVAS_TEXT.match(top)))
    if canvas * 2 > len(tops):
        return "canvas"
    return None


def _parse(parts: tuple[str, ...], layout: str) -> tuple[str, str, str] | None:
    """(student, their id, file name as handed in) for an entry in this layout, or None if it is not a submission."""
    if layout == "moodle":
        if len(parts) > 1:
            match = _MOODLE_FOLDER.match(parts[0])
            return (match["student"], match["id"], "/".join(parts[1:])) if match else None
        match = _MOODLE_FILE.match(parts[0])
        return (match["student"], match["id"], match["file"]) if match else None
    if len(parts) != 1:
        return None
    text = _CANVAS_TEXT.match(parts[0])
    if text:
        return text["student"], text["id"], f"{text['kind']}.html"
    match = _CANVAS_FILE.match(parts[0])
    return (match["student"], match["id"], match["file"]) if match else None


__all__ = ["READABLE", "Submission", "is_export", "iter_submissions"]
