"""Finding severities, ordered so they compare (as in Vale)."""

from __future__ import annotations

from enum import IntEnum


class Severity(IntEnum):
    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"must be one of {', '.join(s.label for s in cls)}; got {value!r}") from None
