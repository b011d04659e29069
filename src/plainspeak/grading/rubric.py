"""The grading rubric: loading and validating a TOML file. No scoring here.

Defaults live in data/rubric.toml; a trainer's file may change any value and
leave out the rest. Every problem names the file, the key and what was
expected, and is a RubricError (exit 2).
"""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

from ..datafiles import data_path
from ..errors import PlainspeakError

SECTIONS: dict[str, dict[str, type]] = {
    "readability": {"target_grade": float, "points_per_grade_over": float, "max_points": float},
    "jargon": {"free_per_100_words": float, "points_per_term_per_100_words": float, "max_points": float},
    "uncommon": {"points_per_word": float, "max_points": float},
    "acronyms": {"points_per_acronym": float, "max_points": float},
    "hard_sentences": {"points_per_sentence": float, "max_points": float},
    "long_sentences": {"points_per_sentence": float, "max_points": float},
    "stigmatising": {"points_per_term": float, "max_points": float, "automatic_fail": bool},
}


class RubricError(PlainspeakError):
    """A rubric file is missing, unreadable or has a bad value."""


def default_rubric_path() -> Path:
    return data_path("rubric.toml")


def load_rubric(path: str | Path | None = None) -> dict[str, Any]:
    """The default rubric, with a trainer's file (if any) laid over it."""
    rubric = _read(default_rubric_path())
    if path is not None:
        user = _read(Path(path))
        _validate(user, str(path))
        for key, value in user.items():
            if isinstance(value, dict):
                rubric[key] = {**rubric.get(key, {}), **value}
            else:
                rubric[key] = value
    _validate(rubric, str(path or default_rubric_path()))
    return rubric


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RubricError(f"{path}: rubric file not found") from None
    except IsADirectoryError:
        raise RubricError(f"{path}: is a directory, not a rubric file") from None
    except tomllib.TOMLDecodeError as err:
        raise RubricError(f"{path}: not valid TOML: {err}") from None
    except UnicodeDecodeError:
        raise RubricError(f"{path}: not valid UTF-8") from None
    except OSError as err:
        raise RubricError(f"{path}: cannot read: {err.strerror or err}") from None


def _validate(rubric: dict[str, Any], name: str) -> None:
    for key, value in rubric.items():
        if key == "pass_score":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:  # NaN fails too
                raise RubricError(f"{name}: pass_score must be a number from 0 to 100; got {value!r}")
            continue
        if key not in SECTIONS:
            raise RubricError(f"{name}: unknown key {key!r}; expected pass_score or one of [{'], ['.join(SECTIONS)}]")
        if not isinstance(value, dict):
            raise RubricError(f"{name}: [{key}] must be a table of settings; got {value!r}")
        for field, field_value in value.items():
            expected = SECTIONS[key].get(field)
            if expected is None:
                raise RubricError(f"{name}: [{key}] has an unknown setting {field!r}; expected {', '.join(SECTIONS[key])}")
            if expected is bool:
                if not isinstance(field_value, bool):
                    raise RubricError(f"{name}: [{key}] {field} must be true or false; got {field_value!r}")
            elif (
                isinstance(field_value, bool)
                or not isinstance(field_value, (int, float))
                or not math.isfinite(field_value)
                or field_value < 0
            ):
                raise RubricError(f"{name}: [{key}] {field} must be a number of 0 or more; got {field_value!r}")
