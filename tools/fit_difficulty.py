"""Refit the word difficulty models and rewrite data/difficulty_model.toml.

    python tools/fit_difficulty.py [--shared ../shared]

Fits on data whose licence allows shipping what is derived from it:

- rating: readers' ratings of the Word Complexity Lexicon (MIT), estimated
  from frequency, length and spelling, for words the lexicon lacks;
- difficulty: CompLex 2021 single-word *training* split (CC BY 4.0);
- phrase: CompLex 2021 two-word *training* split;
- grade: the sentence grade estimate. Sentence length, the readers' rating of
  the hardest words and that of the content words count equally once each is
  divided by its spread over the CompLex training sentences (a unit-weighted
  composite: with no judgments to fit on, equal weights are the robust
  choice); the sum is put on Flesch-Kincaid's grade scale by giving it the
  mean and spread of plainspeak's Flesch-Kincaid grade of those sentences. No readability judgments are used: their
  licences do not allow shipping what is fitted on them, and they are what
  the estimate is measured on.

The trial splits are left for benchmarks/accuracy.py to measure. Ridge
regression (numpy) keeps the weights small and the fit deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import tomllib
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from plainspeak.text import difficulty  # noqa: E402

RIDGE = 1.0
HEADER = """\
# Word difficulty models (see src/plainspeak/text/difficulty.py and docs/accuracy.md).
# The weight tables are written by tools/fit_difficulty.py; the spelling
# patterns are hand-written and kept when it refits.
"""


def ridge(rows: list[dict[str, float]], targets: list[float], names: list[str], strength: float = RIDGE) -> dict[str, float]:
    """Least squares with an L2 penalty on every weight but the bias."""
    x = numpy.array([[row[n] for n in names] for row in rows], dtype=float)
    y = numpy.array(targets, dtype=float)
    penalty = numpy.eye(len(names)) * strength
    if "bias" in names:
        penalty[names.index("bias"), names.index("bias")] = 0.0
    weights = numpy.linalg.solve(x.T @ x + penalty, x.T @ y)
    return {n: round(float(w), 5) for n, w in zip(names, weights)}


def _complex(shared: Path, part: str) -> list[dict[str, str]]:
    path = shared / "datasets" / "complex-lcp2021" / f"lcp_{part}_train.tsv"
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def fit(shared: Path) -> dict[str, dict[str, float]]:
    table = difficulty.ratings()
    words = sorted(table)
    features = [dict(difficulty.word_features(w, exact=False)) for w in words]
    names = list(features[0])
    rating = ridge(features, [table[w] for w in words], names)
    # What follows rates words with the loaded model (the phrase rows through
    # word_difficulty, the grade calibration through the pipeline): make its
    # weights the ones just fitted, not the file's, and use the shipped code.
    difficulty.model()["rating"] = {"weights": rating}
    difficulty.word_rating.cache_clear()
    single = _complex(shared, "single")
    rows = [dict(difficulty.word_features(r["token"]), rating=difficulty.word_rating(r["token"])) for r in single]
    weights = ridge(rows, [float(r["complexity"]) for r in single], [*names, "rating"])
    difficulty.model()["difficulty"] = {"weights": weights}
    difficulty._single.cache_clear()

    every_multi = _complex(shared, "multi")
    multi = [r for r in every_multi if len(re.findall(r"[A-Za-z']+", r["token"])) >= 2]
    rows = []
    for r in multi:
        scores = [difficulty._single(w) for w in re.findall(r"[A-Za-z']+", r["token"])]
        rows.append({"bias": 1.0, "hardest": max(scores), "easiest": min(scores)})
    phrase = ridge(rows, [float(r["complexity"]) for r in multi], ["bias", "hardest", "easiest"], strength=0.1)
    return {"rating": rating, "difficulty": weights, "phrase": phrase, "grade": grade_scale(single + every_multi)}


def grade_scale(rows: list[dict[str, str]]) -> dict[str, float]:
    """Weights that map a sentence's length (log of 1 + its words), top-rated
    words' mean rating and content words' mean rating to a grade, over the
    distinct sentences of at least 5 words.

    Each input is standardised over those sentences and the three are added
    with equal weight; the sum is given Flesch-Kincaid's mean and spread over
    the same sentences, so it reads as a school grade. Fitting the weights to
    Flesch-Kincaid instead would copy its balance, which leans on length
    because its other input, syllables, is a weak stand-in for vocabulary
    (docs/accuracy.md has the figures). Length enters as a logarithm, as in
    the Lexile framework: each added word costs a reader less than the one
    before, and a text's few very long sentences do not swamp its vocabulary.
    """
    from plainspeak.config.settings import make_settings
    from plainspeak.pipeline.build import build_nlp
    from plainspeak.pipeline.components.readability import sentence_arrays
    from plainspeak.text.readability import fk_grade

    nlp = build_nlp(make_settings())
    names = ["log_words", "top_rated", "content_rated"]
    inputs: list[list[float]] = []
    fk_grades = []
    for doc in nlp.pipe(sorted({r["sentence"] for r in rows})):
        a = sentence_arrays(doc)
        for w, s, t, c in zip(a.words.tolist(), a.syllables.tolist(), a.top_rated.tolist(), a.content_rated.tolist()):
            if w >= 5:
                inputs.append([math.log1p(w), t, c])
                fk_grades.append(float(fk_grade(w, 1, s)))
    x = numpy.array(inputs)
    mean, spread = x.mean(axis=0), x.std(axis=0)
    composite = ((x - mean) / spread).sum(axis=1)  # mean 0 by construction
    # Same mean and spread as Flesch-Kincaid over these sentences. A regression
    # would shrink the spread by their correlation: hard texts would read easier.
    fk = numpy.array(fk_grades)
    scale = fk.std() / composite.std()
    weights = {"bias": round(float(fk.mean() - scale * (mean / spread).sum()), 5)}
    weights.update({n: round(float(scale / sd), 5) for n, sd in zip(names, spread)})
    return weights


def render(fitted: dict[str, dict[str, float]], spelling: dict[str, list[str]], sources: dict[str, str]) -> str:
    out = [HEADER]
    for section, weights in fitted.items():
        out.append(f"\n# {sources[section]}\n[{section}.weights]\n")
        out.extend(f'"{name}" = {value}\n' for name, value in weights.items())
    out.append("\n[spelling]\n")
    for key, values in spelling.items():
        out.append(f"{key} = {json.dumps(values)}\n")  # a JSON list of strings is valid TOML
    return "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if not (args.shared / "datasets").is_dir():
        sys.exit(f"{args.shared / 'datasets'}: not found")
    path = ROOT / "data" / "difficulty_model.toml"
    spelling = tomllib.loads(path.read_text(encoding="utf-8"))["spelling"]
    fitted = fit(args.shared)
    sources = {
        "rating": "Readers' rating (0..1) of a word the Word Complexity Lexicon lacks; fitted on that lexicon.",
        "difficulty": "Graded difficulty of a word (0..1); fitted on CompLex 2021 single-word training split.",
        "phrase": "Graded difficulty of a phrase from its hardest and easiest word; CompLex 2021 two-word training split.",
        "grade": "Sentence grade: its length (log of 1 + words) and the mean rating of its hardest and of its content words, equally weighted once standardised, on Flesch-Kincaid's scale (CompLex training sentences).",
    }
    path.write_text(render(fitted, spelling, sources), encoding="utf-8")
    print(f"wrote {path}")
    for section, weights in fitted.items():
        print(section, weights)


if __name__ == "__main__":
    main()
