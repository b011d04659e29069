"""Which files plainspeak reads, by suffix: decided here only.

A leaf module (it imports nothing), so finding inputs, the document readers
and the export reader share one list without importing each other.
"""

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
# suffix -> the documents/ module that reads it
READERS: dict[str, str] = {
    ".docx": "docx",
    ".odt": "odt",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".eml": "mail",
    ".mbox": "mail",
    ".rtf": "rtf",
}
DOCUMENT_SUFFIXES = tuple(READERS)
READ_SUFFIXES = TEXT_SUFFIXES + DOCUMENT_SUFFIXES
# What a folder search finds by default: everything plainspeak reads, and Word 97-2003
# files, so that one in a folder of exercises is reported (save it as .docx), not skipped.
FOLDER_SUFFIXES = (*READ_SUFFIXES, ".doc")
