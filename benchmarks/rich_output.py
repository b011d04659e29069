"""Rich output on a huge input (not a test): prints figures, measured as whole processes.

    python benchmarks/rich_output.py [--runs N]

`plainspeak check ../shared/corpus/bench_1m.txt` (~1M words, ~51,000
findings) in the rich format, to /dev/null, to a file without colour and to
a file with colour forced (what a terminal gets), against the line format
to /dev/null (and, for reference, to a file).
Target: rich within 1.5x the line format's time and peak memory. Runs are
interleaved (line, rich, ... then again) so that load on the shared machine
falls on both alike; medians are printed.

Skips cleanly when ../shared is absent. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

from speed import BIG, run  # benchmarks/ is on sys.path when this script runs

TARGET = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not BIG.exists():
        print(f"skipped: {BIG} not found (the benchmark corpus lives beside the project)")
        return
    check = [sys.executable, "-m", "plainspeak", "check", str(BIG)]
    with tempfile.TemporaryDirectory() as tmp:
        out = shlex.quote(str(Path(tmp) / "out.txt"))

        def to_file(*opts: str) -> list[str]:
            # `exec`, so that /usr/bin/time measures plainspeak itself, not the shell
            return ["sh", "-c", f"exec {shlex.join([*check, *opts])} > {out}"]

        cases = {
            "line > /dev/null": [*check, "--format", "line"],
            "line > file": to_file("--format", "line"),
            "rich > /dev/null": [*check, "--format", "rich"],
            "rich --no-color > file": to_file("--format", "rich", "--no-color"),
            "rich --color > file": to_file("--format", "rich", "--color"),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        peaks: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, cmd in cases.items():
                elapsed, _, peak = run(cmd)
                times[name].append(elapsed)
                peaks[name].append(peak)
    line_t, line_m = statistics.median(times["line > /dev/null"]), statistics.median(peaks["line > /dev/null"])
    print(f"plainspeak check bench_1m.txt, median of {args.runs} (target: rich <= {TARGET}x line)")
    for name in cases:
        t, m = statistics.median(times[name]), statistics.median(peaks[name])
        spread = f"{min(times[name]):.1f}-{max(times[name]):.1f}"
        print(f"  {name:<24} {t:6.1f} s ({spread:>9})  = {t / line_t:4.2f}x   peak {m:5.0f} MB = {m / line_m:4.2f}x")


if __name__ == "__main__":
    main()
