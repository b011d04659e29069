"""Opening ZIP containers (.docx, .odt, learning-platform exports) without trusting them.

A ZIP can claim to expand to far more than it holds (a "zip bomb"), name
paths outside its folder ("../../etc/passwd", "/abs"), or not be a ZIP at
all; each is refused with a one-line reason before anything is expanded.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from ..errors import InputError

# What a container may expand to in all: far above any real letter or class
# export, far below what would exhaust memory.
MAX_EXPANDED = 512 * 1024 * 1024
# How much one member may expand relative to its compressed size; text XML
# compresses about 10:1, a bomb a thousand times more.
MAX_RATIO = 200


def open_zip(data: bytes, name: str, *, what: str = "ZIP file", max_expanded: int = MAX_EXPANDED) -> zipfile.ZipFile:
    """An open ZipFile over ``data``, after checking every member's declared size and path."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise InputError(name, f"is not a valid {what} (it is damaged, or not really a {what})") from None
    total = 0
    for info in archive.infolist():
        problem = unsafe_member(info.filename)
        if problem:
            raise InputError(name, f"holds {problem} ({info.filename!r}); it was not opened")
        if info.flag_bits & 0x1:
            raise InputError(name, "is password-protected (encrypted); save a copy without the password")
        total += info.file_size
        if total > max_expanded:
            raise InputError(name, f"would expand to over {max_expanded // (1024 * 1024)} MB (a damaged file or a 'zip bomb'); it was not opened")
        if info.file_size > 1024 * 1024 and info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
            raise InputError(name, f"holds {info.filename!r}, which expands {info.file_size // info.compress_size}-fold (a 'zip bomb'?); it was not opened")
    return archive


def unsafe_member(filename: str) -> str | None:
    """Why a member name is not safe to use as a path inside the archive's folder, or None."""
    if filename.startswith(("/", "\\")) or (len(filename) > 1 and filename[1] == ":"):
        return "an absolute path"
    if ".." in PurePosixPath(filename.replace("\\", "/")).parts:
        return "a path outside its folder"
    return None


def read_member(archive: zipfile.ZipFile, member: str, name: str, *, limit: int = MAX_EXPANDED) -> bytes:
    """One member's bytes, read no further than ``limit`` (the declared size may lie)."""
    try:
        with archive.open(member) as fh:
            data = fh.read(limit + 1)
    except KeyError:
        raise InputError(name, f"lacks its {member} part (it is damaged, or not the kind of file its name says)") from None
    except (zipfile.BadZipFile, zlib_error(), OSError, EOFError, NotImplementedError, RuntimeError) as err:
        raise InputError(name, f"is damaged: {member} cannot be read ({err})") from None
    if len(data) > limit:
        raise InputError(name, f"{member} expands past {limit // (1024 * 1024)} MB; it was not read")
    return data


def zlib_error() -> type[Exception]:
    import zlib

    return zlib.error
