"""Documents benchmark (not a test): grading Word files against the same texts as .txt.

    python benchmarks/documents.py [--files 200] [--words 300] [--runs 3]

Cuts ../shared/corpus/bench_1m.txt into ``--files`` texts of about ``--words``
words, writes each as a .txt file and as a .docx (python-docx: one paragraph
per paragraph of the text, every other one with a bold run), then times
``plainspeak grade`` over each folder as whole processes (best of --runs).
Target (issue 14): the .docx folder takes at most 1.5x the .txt folder's time.
Also times the 60-word start-up, which reading documents must not move.

Skips cleanly when ../shared is absent. Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
BIG = SHARED / "bench_1m.txt"
SHORT = SHARED / "outreach_60.txt"
PLAINSPEAK = [sys.executable, "-m", "plainspeak"]


def texts(count: int, words: int) -> list[str]:
    """``count`` texts of about ``words`` words, cut at paragraph ends."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    with open(BIG, encoding="utf-8") as fh:
        for paragraph in fh.read().split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if not paragraph:
                continue
            current.append(paragraph)
            size += len(paragraph.split())
            if size >= words:
                out.append("\n\n".join(current))
                current, size = [], 0
                if len(out) == count:
                    break
    return out


def write_docx(path: Path, text: str) -> None:
    import docx

    document = docx.Document()
    for i, paragraph in enumerate(text.split("\n\n")):
        p = document.add_paragraph()
        if i % 2:
            words = paragraph.split(" ")
            p.add_run(" ".join(words[:3]) + " ").bold = True
            p.add_run(" ".join(words[3:]))
        else:
            p.add_run(paragraph)
    document.save(str(path))


def best_of(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()[-2000:]}")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not BIG.exists():
        print(f"skipped: {BIG} is absent")
        return
    with tempfile.TemporaryDirectory() as tmp:
        txt, docx_dir = Path(tmp, "txt"), Path(tmp, "docx")
        txt.mkdir()
        docx_dir.mkdir()
        for i, text in enumerate(texts(args.files, args.words)):
            (txt / f"s{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
            write_docx(docx_dir / f"s{i:04d}.docx", text)
        plain = best_of([*PLAINSPEAK, "grade", str(txt), "--isolated"], args.runs)
        word = best_of([*PLAINSPEAK, "grade", str(docx_dir), "--isolated"], args.runs)
        print(f"grade, {args.files} files of ~{args.words} words: .txt {plain:.2f} s, .docx {word:.2f} s "
              f"({word / plain:.2f}x; target at most 1.5x)")
    if SHORT.exists():
        short = best_of([*PLAINSPEAK, "check", str(SHORT), "--isolated", "--format", "json"], args.runs)
        floor = best_of([sys.executable, "-c", "import spacy"], args.runs)
        print(f"60-word message: {short:.2f} s, {short / floor:.2f}x `import spacy` ({floor:.2f} s)")


if __name__ == "__main__":
    main()
