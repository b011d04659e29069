"""Speed benchmark (not a test): prints figures, measured as whole processes.

    python benchmarks/speed.py [--runs N] [--skip-big]

1. Start-up to exit for the 60-word message ../shared/corpus/outreach_60.txt,
   against `python -c "import spacy"` (the floor for any spaCy tool).
   Target: within 1.4x of the floor.
2. Words per second and peak memory for ../shared/corpus/bench_1m.txt
   (~1M words). Targets: faster than `proselint check` on the same file (run
   when proselint is installed), peak memory under 300 MB.

Skips cleanly when ../shared is absent. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SHORT = SHARED / "outreach_60.txt"
BIG = SHARED / "bench_1m.txt"


def timed(cmd: list[str], *, stdin: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fin:
        proc = subprocess.run(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """Run under /usr/bin/time -v when present, for this child's own peak."""
    if shutil.which("time") is None and not Path("/usr/bin/time").exists():
        return timed(cmd)
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    for line in proc.stderr.splitlines():
        if "Maximum resident set size" in line:
            return elapsed, int(line.rsplit(":", 1)[1]) / 1024
    return elapsed, float("nan")


def median_time(cmd: list[str], runs: int) -> float:
    timed(cmd)  # warm the file cache
    return statistics.median(timed(cmd)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-big", action="store_true", help="only the start-up figure")
    args = parser.parse_args()
    if not SHORT.exists():
        print(f"skipped: {SHARED} not found (the benchmark corpus lives beside the project)")
        return
    py = sys.executable
    floor = median_time([py, "-c", "import spacy"], args.runs)
    print(f"python -c 'import spacy'            {floor:6.3f} s (median of {args.runs})")
    for fmt in ("rich", "line", "json"):
        t = median_time([py, "-m", "plainspeak", "check", str(SHORT), "--format", fmt], args.runs)
        print(f"plainspeak check outreach_60 ({fmt:5}) {t:6.3f} s  = {t / floor:4.2f}x the floor (target <= 1.40x)")
    if args.skip_big:
        return
    words = len(BIG.read_text(encoding="utf-8").split())
    elapsed, peak = peak_rss_mb([py, "-m", "plainspeak", "check", str(BIG), "--format", "jsonl"])
    print(f"plainspeak check bench_1m (jsonl)    {elapsed:6.1f} s  {words / elapsed:8,.0f} words/s  peak {peak:5.0f} MB"
          f"  ({words:,} words)")
    elapsed_line, peak_line = peak_rss_mb([py, "-m", "plainspeak", "check", str(BIG), "--format", "line"])
    print(f"plainspeak check bench_1m (line)     {elapsed_line:6.1f} s  {words / elapsed_line:8,.0f} words/s  peak {peak_line:5.0f} MB")
    proselint = shutil.which("proselint") or (Path(py).parent / "proselint" if (Path(py).parent / "proselint").exists() else None)
    if proselint:
        p_elapsed, p_peak = peak_rss_mb([str(proselint), "check", str(BIG)])
        print(f"proselint check bench_1m             {p_elapsed:6.1f} s  {words / p_elapsed:8,.0f} words/s  peak {p_peak:5.0f} MB")
    else:
        print("proselint not installed: pip install proselint to compare")


if __name__ == "__main__":
    main()
