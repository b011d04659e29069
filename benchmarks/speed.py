"""Speed benchmark (not a test): prints figures, measured as whole processes, side by side.

    python benchmarks/speed.py [--runs N] [--skip-big] [--skip-huge] [--proselint PATH]

1. Start-up to exit for the 60-word message ../shared/corpus/outreach_60.txt,
   against `python -c "import spacy"` (the floor for any spaCy tool).
   Target: at most 1.3x the floor.
2. The 1M-word corpus ../shared/corpus/bench_1m.txt, `check --format json`,
   with --jobs 1 and --jobs 2, against `proselint check` on the same file
   (when proselint is installed: on PATH, or --proselint). Targets: --jobs 1
   at most 0.8x proselint's time, --jobs 2 at most 0.5x, every process
   together under 300 MB at peak.
3. The corpus repeated 5 and 20 times in one file, `--format jsonl`: peak
   memory against the 1M run, and time per word. (A repeated text has no new
   words after the first copy, so this measures what grows with length, not
   with vocabulary.)
4. 2,000 files of ~300 words cut from the corpus: `grade --jobs 1` and
   `--jobs 2`.

Memory is the peak, over the run, of the proportional set size (PSS) of the
process and all its workers together, sampled every 20 ms: pages workers
share with the parent (the pipeline, forked) are counted once, as the kernel
holds them once. The largest single process's peak RSS is printed too.

Skips cleanly when ../shared is absent. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
SHORT = SHARED / "outreach_60.txt"
BIG = SHARED / "bench_1m.txt"
PY = sys.executable
PLAINSPEAK = [PY, "-m", "plainspeak"]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            kids = [int(k) for k in f.read().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def _kb(pid: int, field: str, name: str) -> int:
    try:
        with open(f"/proc/{pid}/{name}") as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str], *, stdin: Path | None = None, cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak PSS of the process tree (MB), peak RSS of its largest process (MB)."""
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as fin:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
        peak_pss = peak_rss = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak_pss, peak_rss
            while not stop.is_set():
                pids = [proc.pid, *_children(proc.pid)]
                peak_pss = max(peak_pss, sum(_kb(p, "Pss:", "smaps_rollup") for p in pids))
                peak_rss = max(peak_rss, *(_kb(p, "VmHWM:", "status") for p in pids))
                stop.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        elapsed = time.perf_counter() - start
        stop.set()
        sampler.join()
    if proc.returncode not in (0, 1):
        sys.exit(f"command failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{err.decode()[-2000:]}")
    return elapsed, peak_pss / 1024, peak_rss / 1024


_BURN = "import time\nt = time.perf_counter()\nx = 0\nfor i in range(20_000_000): x += i\nprint(time.perf_counter() - t)"


def two_core_capacity() -> float:
    """How much faster two CPU-bound processes finish than one after the other on this
    machine right now (2.0: two free cores; a shared virtual machine often gives less)."""
    one = float(subprocess.run([PY, "-c", _BURN], capture_output=True, text=True).stdout)
    start = time.perf_counter()
    procs = [subprocess.Popen([PY, "-c", _BURN], stdout=subprocess.DEVNULL) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return 2 * one / (time.perf_counter() - start)


def median_time(cmd: list[str], runs: int) -> float:
    run(cmd)  # warm the file cache
    return statistics.median(run(cmd)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-big", action="store_true", help="only the start-up figure")
    parser.add_argument("--skip-huge", action="store_true", help="leave out the 5M and 20M word runs")
    parser.add_argument("--proselint", help="the proselint command (default: on PATH)")
    args = parser.parse_args()
    if not SHORT.exists():
        print(f"skipped: {SHARED} not found (the benchmark corpus lives beside the project)")
        return
    print(f"two processes at once finish {two_core_capacity():4.2f}x faster than one after the other "
          "(2.00: two free cores)")
    floor = median_time([PY, "-c", "import spacy"], args.runs)
    print(f"python -c 'import spacy'                 {floor:6.3f} s (median of {args.runs})")
    for fmt in ("rich", "line", "json"):
        t = median_time([*PLAINSPEAK, "check", str(SHORT), "--format", fmt], args.runs)
        print(f"check outreach_60 ({fmt:5})                {t:6.3f} s  = {t / floor:4.2f}x the floor (target <= 1.30x)")
    if args.skip_big:
        return
    words = len(BIG.read_text(encoding="utf-8").split())
    proselint = args.proselint or shutil.which("proselint")
    figures = {}
    if proselint:
        p_time, p_pss, _ = run([proselint, "check", str(BIG)])
        figures["proselint"] = p_time
        print(f"proselint check bench_1m                 {p_time:6.1f} s  {words / p_time:8,.0f} words/s  {p_pss:5.0f} MB")
    else:
        print("proselint not found: pip install proselint (or --proselint PATH) to compare")
    for jobs in (1, 2):
        elapsed, pss, rss = run([*PLAINSPEAK, "check", str(BIG), "--format", "json", "--jobs", str(jobs)])
        versus = f" = {elapsed / figures['proselint']:4.2f}x proselint" if "proselint" in figures else ""
        print(f"check bench_1m --format json --jobs {jobs}    {elapsed:6.1f} s  {words / elapsed:8,.0f} words/s  "
              f"{pss:5.0f} MB all processes (largest {rss:4.0f} MB){versus}")
        figures[f"jobs{jobs}"] = elapsed
    with tempfile.TemporaryDirectory() as tmp:
        base_time, base_pss, _ = run([*PLAINSPEAK, "check", str(BIG), "--format", "jsonl", "--jobs", "1"])
        print(f"check 1M  --format jsonl --jobs 1        {base_time:6.1f} s  {base_pss:5.0f} MB")
        if not args.skip_huge:
            text = BIG.read_text(encoding="utf-8")
            for copies in (5, 20):
                path = Path(tmp) / f"bench_{copies}m.txt"
                path.write_text("\n\n".join([text] * copies), encoding="utf-8")
                elapsed, pss, _ = run([*PLAINSPEAK, "check", str(path), "--format", "jsonl", "--jobs", "1",
                                       "--max-bytes", str(path.stat().st_size + 1)])
                print(f"check {copies:2}M --format jsonl --jobs 1        {elapsed:6.1f} s  {pss:5.0f} MB  "
                      f"time {elapsed / base_time / copies:4.2f}x per word, memory {pss / base_pss:4.2f}x the 1M run")
                path.unlink()
        folder = Path(tmp) / "files"
        folder.mkdir()
        tokens = BIG.read_text(encoding="utf-8").split(" ")
        for i in range(2000):
            (folder / f"exercise{i:04}.txt").write_text(" ".join(tokens[i * 300:(i + 1) * 300]), encoding="utf-8")
        times = {}
        for jobs in (1, 2):
            elapsed, pss, _ = run([*PLAINSPEAK, "grade", str(folder), "--format", "csv", "--jobs", str(jobs)])
            times[jobs] = elapsed
            print(f"grade 2,000 files of ~300 words --jobs {jobs} {elapsed:6.1f} s  {pss:5.0f} MB")
        print(f"grade --jobs 2 is {times[1] / times[2]:4.2f}x faster than --jobs 1 (target >= 1.7x)")


if __name__ == "__main__":
    main()
