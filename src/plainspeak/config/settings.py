"""Analysis settings: defaults come from data/defaults.toml, options override them."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..datafiles import data_path
from ..errors import SettingsError


@lru_cache(maxsize=1)
def load_defaults() -> dict[str, Any]:
    path = data_path("defaults.toml")
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise SettingsError(f"{path}: cannot read defaults: {err}") from None


def audiences() -> dict[str, dict[str, Any]]:
    return dict(load_defaults()["audiences"])


@dataclass(frozen=True)
class Settings:
    """Everything that changes what is flagged. Build with :func:`make_settings`."""

    audience: str
    zipf_threshold: float
    rating_threshold: float
    target_grade: float
    max_sentence_words: int
    min_sentence_words: int
    min_document_words: int
    min_document_sentences: int
    accept: frozenset[str] = field(default_factory=frozenset)


def make_settings(
    *,
    audience: str | None = None,
    target_grade: float | None = None,
    max_sentence_words: int | None = None,
    accept: Iterable[str] = (),
) -> Settings:
    """Defaults from data/defaults.toml, overridden by any argument that is not None."""
    defaults = load_defaults()
    known = audiences()
    audience = audience or defaults["default_audience"]
    if audience not in known:
        raise SettingsError(f"unknown audience {audience!r}; choose one of {', '.join(known)}")
    read = defaults["readability"]
    if target_grade is not None and not 0 <= target_grade <= 30:
        raise SettingsError(f"target grade must be between 0 and 30; got {target_grade}")
    if max_sentence_words is not None and max_sentence_words < 1:
        raise SettingsError(f"the sentence word limit must be at least 1; got {max_sentence_words}")
    return Settings(
        audience=audience,
        zipf_threshold=float(known[audience]["zipf_threshold"]),
        rating_threshold=float(known[audience]["rating_threshold"]),
        target_grade=float(read["target_grade"] if target_grade is None else target_grade),
        max_sentence_words=int(read["max_sentence_words"] if max_sentence_words is None else max_sentence_words),
        min_sentence_words=int(read["min_sentence_words"]),
        min_document_words=int(read["min_document_words"]),
        min_document_sentences=int(read["min_document_sentences"]),
        accept=frozenset(w.lower() for w in accept),
    )
