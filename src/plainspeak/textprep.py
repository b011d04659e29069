"""Same-length normalisation of input text for the analyser.

Every replacement maps one character to one character, so offsets found in
the prepared text are offsets into the original: ``original[start:end]`` is
always what was found. Nothing here ever changes the user's text itself.
"""

from __future__ import annotations

# One-to-one replacements that help tokenising and matching.
_TABLE = str.maketrans(
    {
        "\ufeff": " ",  # byte-order mark
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u200b": " ",  # zero-width space
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\r": "\n",  # lone CR line ending (CRLF is handled below)
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)


def prepare(text: str) -> str:
    """Return a copy of ``text`` of the same length, normalised for analysis."""
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")  # one line break, same length
    return text.translate(_TABLE)
