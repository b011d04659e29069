"""Counts in written English ("1 change", "2 changes"), for every message a user reads."""

from __future__ import annotations


def count(n: int, noun: str) -> str:
    """``n`` and the noun, plural unless n is 1; thousands separated ("1,204 words")."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
