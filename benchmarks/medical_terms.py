"""Medical terms in plain sentences (not a test): prints figures.

    python benchmarks/medical_terms.py [--list]

Puts each term of ../shared/datasets/medical-lay-glossaries (the University of
Iowa's glossary of lay terms, 242 entries; licence unclear, so read from
../shared, never shipped) in a plain sentence ("The doctor said it is TERM.")
and prints how many are flagged at all, how many get a plainer suggestion,
and how many of those first suggestions share a content word with the
glossary's own lay wording (a rough, strict stand-in for "acceptable").
Issue 12 asks for a plainer suggestion for at least 60% of common medical
terms. Skips cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "medical-lay-glossaries" / "medical_terms_iowa_glossary.json"
_STOP = frozenset(["a", "an", "the", "of", "to", "in", "on", "or", "and", "with", "by", "for", "from", "as", "at", "is", "are", "be", "your", "you", "it", "its", "that", "this"])


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP and len(w) > 2}


def terms() -> list[tuple[str, str]]:
    """(term, lay wording); "Abdomen/Abdominal" gives its first form."""
    rows = json.loads(DATA.read_text(encoding="utf-8"))
    return [(row["term"].split("/")[0].strip(), row["plain_alternative"]) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list the terms with no suggestion")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found (the datasets live beside the project)")
        return
    import plainspeak

    analyzer = plainspeak.Analyzer()
    flagged = suggested = overlapping = 0
    missing: list[str] = []
    items = terms()
    for term, lay in items:
        text = f"The doctor said it is {term.lower()}."
        start = text.index(term.lower())
        end = start + len(term)
        hits = [f for f in analyzer.analyze(text).findings if f.kind != "readability" and f.start < end and f.end > start]
        if not hits:
            missing.append(f"{term} (not flagged)")
            continue
        flagged += 1
        offered = [s for f in hits for s in f.suggestions]
        if not offered:
            missing.append(f"{term} (flagged, no suggestion)")
            continue
        suggested += 1
        if _content(offered[0]) & _content(lay):
            overlapping += 1
    n = len(items)
    print(f"Medical terms (Iowa lay glossary, {n} terms, each in 'The doctor said it is TERM.')")
    print(f"  flagged:                      {flagged}/{n} = {flagged / n:.0%}")
    print(f"  with a plainer suggestion:    {suggested}/{n} = {suggested / n:.0%} (issue 12 target: 60%)")
    if suggested:
        print(f"  first suggestion shares a content word with the glossary's lay wording: {overlapping}/{suggested} = {overlapping / suggested:.0%}")
    if args.list:
        print("\n".join(missing))


if __name__ == "__main__":
    main()
