"""Make user text safe to print: no terminal control characters, same length."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


def display_text(text: str) -> str:
    """Same length as ``text``: CRLF/CR become line breaks, other control
    characters (ESC included) become U+FFFD, so highlights by offset still fit."""
    text = text.replace("\r\n", " \n").replace("\r", "\n")
    return _CONTROL.sub("\ufffd", text)


def one_line(text: str) -> str:
    """For line-oriented output: white space runs collapse, control characters go."""
    return _CONTROL.sub("\ufffd", _SPACE.sub(" ", text)).strip()
