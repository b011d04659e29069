"""The shared command line of the tools that write a data file from the lexicon:
rewrite the file, or with --check exit 1 when it is out of date (one way to do it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(output: Path, render: Callable[[], str], description: str, tool: str) -> int:
    """Run the tool: ``render()`` the file's text and write it if it changed, or
    (``--check``) report that it would change."""
    sys.path.insert(0, str(ROOT / "src"))
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date; write nothing")
    args = parser.parse_args()
    text = render()
    current = output.read_text(encoding="utf-8") if output.exists() else ""
    if args.check:
        if text != current:
            print(f"{output.relative_to(ROOT)} is out of date: run python tools/{tool}", file=sys.stderr)
            return 1
        return 0
    if text != current:
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output.relative_to(ROOT)}")
    return 0
