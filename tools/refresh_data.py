"""Regenerate the data files derived from the shipped lexicon, in order.

    python tools/refresh_data.py           # rewrite what is out of date
    python tools/refresh_data.py --check   # exit 1 if anything is out of date; write nothing

1. data/term_inflections.tsv: forms of head words the lemma table lacks
   (tools/term_inflections.py).
2. data/suggestion_inflections.json: lemminflect's answers for fitting each
   suggestion to its term's forms (tools/suggestion_inflections.py).
3. data/lexicon_index.pickle.zlib: the lexicon parsed and its match patterns
   compiled, so a run does not spend a fifth of a short check on them
   (src/plainspeak/rules/lexicon_index.py). It stores a SHA-256 of its sources and is
   ignored when they change, so a stale index is slow, never wrong.

Run this after editing data/jargon_lexicon.csv, data/context_words.toml or
the lexicon and matcher code; the tests fail until the files are in sync.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is out of date; write nothing")
    args = parser.parse_args()
    for tool in ("term_inflections.py", "suggestion_inflections.py"):
        if subprocess.run([sys.executable, str(ROOT / "tools" / tool), *(["--check"] if args.check else [])]).returncode:
            return 1
    sys.path.insert(0, str(ROOT / "src"))
    from plainspeak.rules.lexicon_build import build_index
    from plainspeak.rules.lexicon_index import index_path, stamp

    path = index_path()
    current = path.read_bytes() if path.exists() else b""
    if args.check:
        if current.split(b"\n", 1)[0].split(b" ")[0] != stamp().split(b" ")[0]:
            print(f"{path.name} is out of date: run python tools/refresh_data.py", file=sys.stderr)
            return 1
        return 0
    if current.split(b"\n", 1)[0] != stamp():
        path.write_bytes(build_index())
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
