"""Grading speed (not a test): prints figures.

    python benchmarks/grade_folder.py [--files 200] [--words 300]

Makes a folder of submissions (slices of ../shared/corpus/bench_1m.txt) in a
temporary directory and times `plainspeak grade` on it as a whole process,
with and without --html. Target: 200 submissions of 300 words well under a
minute on the 2-core project machine. Skips cleanly if ../shared is absent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench_1m.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found (the benchmark corpus lives beside the project)")
        return
    words = CORPUS.read_text(encoding="utf-8").split()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "submissions"
        folder.mkdir()
        for i in range(args.files):
            chunk = words[i * args.words : (i + 1) * args.words]
            (folder / f"trainee-{i:03}.txt").write_text(" ".join(chunk), encoding="utf-8")
        for extra in ([], ["--html", str(Path(tmp) / "report.html")]):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "plainspeak", "grade", str(folder), "--format", "csv", *extra],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            label = "grade --html" if extra else "grade"
            print(f"plainspeak {label:<13} {args.files} submissions x {args.words} words: {elapsed:5.1f} s")


if __name__ == "__main__":
    main()
