"""Reading the documents people write in: Word, OpenDocument, PDF, web pages, e-mail, RTF.

Each format has its own module with one function, ``read(data, name) ->
Document``, imported only when a file of that kind is read (python-docx and
pypdf cost start-up time a text file should not pay). Every problem is an
:class:`~plainspeak.errors.InputError` naming the file, never a traceback.
"""

from __future__ import annotations

import importlib

from ..errors import InputError
from ..suffixes import DOCUMENT_SUFFIXES, READERS
from .model import Block, Document, TextBuilder

# Formats people have that plainspeak cannot read, and what to do instead.
REFUSED: dict[str, str] = {
    ".doc": "is a Word 97-2003 document (.doc), which plainspeak cannot read: save it as .docx (File > Save As) and check that",
    ".xls": "is a spreadsheet; to check a column of it, save it as CSV and use --records FILE.csv --column NAME",
    ".xlsx": "is a spreadsheet; to check a column of it, save it as CSV and use --records FILE.csv --column NAME",
    ".pages": "is an Apple Pages document: export it as .docx or PDF and check that",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 files, and Office files encrypted with a password


def is_document(suffix: str) -> bool:
    return suffix.lower() in READERS


def read_document(data: bytes, *, name: str, suffix: str) -> Document:
    """The text of a document of the kind its suffix names."""
    suffix = suffix.lower()
    if suffix in REFUSED:
        raise InputError(name, REFUSED[suffix])
    module_name = READERS.get(suffix)
    if module_name is None:
        raise InputError(name, f"plainspeak does not read {suffix or 'files without a suffix'} files")
    if data.startswith(_OLE_MAGIC) and suffix in (".docx", ".odt"):
        raise InputError(name, "is password-protected (encrypted): remove the password in Word (File > Info > Protect Document) and save a copy")
    if not data.strip():
        raise InputError(name, "is empty")
    module = importlib.import_module(f"{__name__}.{module_name}")
    document: Document = module.read(data, name)
    if not document.text.strip():
        raise InputError(name, f"has no text to check ({document.format})")
    return document


def refused(suffix: str) -> str | None:
    """Why a file with this suffix cannot be read, or None."""
    return REFUSED.get(suffix.lower())


__all__ = ["DOCUMENT_SUFFIXES", "READERS", "REFUSED", "Block", "Document", "TextBuilder", "is_document", "read_document", "refused"]
