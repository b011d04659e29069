"""Where shipped data files live, for a wheel install and for a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DATA = Path(__file__).resolve().parent / "data"  # inside an installed wheel
_SOURCE_DATA = Path(__file__).resolve().parents[2] / "data"  # src layout, editable install


def data_path(name: str) -> Path:
    """Path of a shipped data file: the wheel copy if present, else the checkout's."""
    packaged = _PACKAGE_DATA / name
    if packaged.exists():
        return packaged
    return _SOURCE_DATA / name
