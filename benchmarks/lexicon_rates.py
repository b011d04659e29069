"""False-alarm check for the lexicon (not a test): prints figures.

    python benchmarks/lexicon_rates.py [--top N]

Runs the default pipeline over the OneStopEnglish articles in
../shared/datasets/onestopenglish/ (the same 144 articles written at
elementary, intermediate and advanced level) and prints, per level, lexicon
terms flagged per 100 words, and the terms flagged most on the elementary
texts: everyday writing should set off few lexicon terms, far fewer than the
advanced versions of the same articles. Skips cleanly if ../shared is absent.
Record the figures in docs/lexicon.md.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "onestopenglish"
LEVELS = (("ele", "elementary"), ("int", "intermediate"), ("adv", "advanced"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15, help="how many of the most flagged elementary terms to list")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the datasets live beside the project)")
        return
    from plainspeak.api import Analyzer

    analyzer = Analyzer()
    print(f"{'level':<13} {'texts':>5} {'words':>8} {'lexicon terms':>14} {'per 100 words':>14} {'all findings /100w':>19}")
    top: Counter[str] = Counter()
    for folder, label in LEVELS:
        files = sorted((DATA / folder).glob("*.txt"))
        items = ((f.name, f.read_text(encoding="utf-8-sig", errors="replace")) for f in files)
        words = jargon = findings = 0
        for report in analyzer.stream(items):
            words += report.summary.words
            findings += len(report.findings)
            for f in report.findings:
                if f.kind == "jargon":
                    jargon += 1
                    if folder == "ele":
                        top[f.rule] += 1
        print(f"{label:<13} {len(files):>5} {words:>8,} {jargon:>14,} {100 * jargon / words:>14.2f} {100 * findings / words:>19.2f}")
    print("\nmost flagged lexicon terms on the elementary texts: "
          + ", ".join(f"{rule[7:]} ({n})" for rule, n in top.most_common(args.top)))


if __name__ == "__main__":
    main()
