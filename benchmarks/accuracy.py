"""Accuracy benchmark (not a test): prints a table of figures.

    python benchmarks/accuracy.py

Runs plainspeak's library API, as a user's run would, on public human
judgments in ../shared/datasets (development splits only; hold-out items are
skipped where the data's SOURCE.txt defines them), and on the project's own
development set of real documents (benchmarks/devset). Skips the public
datasets cleanly when ../shared is absent; the real documents always run.
What each number means is in docs/accuracy.md.

- Hard-word detection (CWI 2018 dev, per genre): a target counts as flagged
  when a word-level finding (jargon, uncommon word, unexplained acronym)
  overlaps it; P/R/F1 of the complex class and macro-F1, against the
  single-Zipf-threshold baseline at the same threshold.
- Graded complexity (CompLex trial): Pearson/Spearman of
  plainspeak.text.difficulty.word_difficulty with the human ratings.
- Suggestions (BenchLS, NNSeval, LexMTurk, TSAR-2022 trial): how many targets
  are flagged, how many get a suggestion, and how often the top suggestion is
  among the human substitutes.
- Readability: Pearson of plainspeak's estimated grade (and of its
  Flesch-Kincaid grade) with the human labels (medreadme dev; CEFR-SP dev,
  both as shipped, tokenised, and as written; CLEAR), with textstat's ten
  formulas as baselines; OneStopEnglish three-level ordering; findings per
  100 words on the elementary texts (false alarms on plain writing).
- Real documents (benchmarks/devset, shipped in the repo, so this part always
  runs): recall of a plain-language editor's marks (a mark is caught when a
  word-level finding overlaps it), precision of each rule family from the
  kept judgements (benchmarks/devset/judgements.tsv; findings not yet judged
  are counted, and listed with --list-unjudged), word-level findings per 100
  words on the documents written plainly for the public, and the share of
  word-level findings that offer a suggestion.

    python benchmarks/accuracy.py --devset-only      # the real documents alone, a few seconds
    python benchmarks/accuracy.py --heldout          # the blind held-out documents (benchmarks/heldout) alone;
                                                     # measure only, never tune on them
    python benchmarks/accuracy.py --list-unjudged    # TSV rows to judge, for judgements.tsv
    python benchmarks/accuracy.py --devset-only --details   # also the missed marks and the wrong findings
    python benchmarks/accuracy.py --audience everyday       # every figure for another audience
    python benchmarks/accuracy.py --words-only --thresholds 3.8,0.48   # CWI and the elementary texts alone,
                                                            # at these Zipf and rating thresholds (a trade-off point)
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from metrics import macro_f1, pearson, prf

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets"
DEVSET = Path(__file__).resolve().parent / "devset"
HELDOUT = Path(__file__).resolve().parent / "heldout"  # blind: measure with it, never tune on it
WORD_KINDS = ("jargon", "uncommon", "acronym")
VERDICTS = ("right", "false", "arguable")
JUDGEMENT_FIELDS = ("doc", "rule", "start", "end", "text", "verdict", "reason")


def cwi(analyzer, settings) -> None:
    from plainspeak.text.frequency import is_rarer

    print("Hard-word detection, CWI 2018 dev (flagged = a word-level finding overlaps the target)")
    print(f"{'genre':<10} {'targets':>7} {'P':>6} {'R':>6} {'F1':>6} {'macro-F1':>9} {'baseline macro-F1':>18}")
    for genre in ("News", "WikiNews", "Wikipedia"):
        rows = list(csv.reader(open(DATA / "cwi2018-en" / f"{genre}_Dev.tsv", encoding="utf-8"), delimiter="\t"))
        by_sentence = defaultdict(list)
        for row in rows:
            by_sentence[row[1]].append(row)
        gold, predicted, baseline = [], [], []
        for sentence, report in zip(by_sentence, analyzer.stream((s, s) for s in by_sentence)):
            spans = [(f.start, f.end) for f in report.findings if f.kind in WORD_KINDS]
            for row in by_sentence[sentence]:
                start, end = int(row[2]), int(row[3])
                gold.append(row[9] == "1")
                predicted.append(any(s < end and e > start for s, e in spans))
                words = re.findall(r"[A-Za-z']+", row[4])
                baseline.append(any(is_rarer(w, settings.zipf_threshold) for w in words))
        p, r, f1 = prf(gold, predicted)
        print(f"{genre:<10} {len(gold):>7} {p:>6.3f} {r:>6.3f} {f1:>6.3f} {macro_f1(gold, predicted):>9.3f}"
              f" {macro_f1(gold, baseline):>18.3f}")


def complex_lcp() -> None:
    from metrics import spearman

    from plainspeak.text.difficulty import word_difficulty

    print("\nGraded complexity, CompLex 2021 trial: plainspeak's word difficulty vs human ratings")
    print(f"{'set':<28} {'items':>6} {'Pearson':>8} {'Spearman':>9}")
    for part, label in (("single", "single words"), ("multi", "two-word phrases")):
        rows = list(csv.DictReader(open(DATA / "complex-lcp2021" / f"lcp_{part}_trial.tsv", encoding="utf-8"), delimiter="\t",
                                   quoting=csv.QUOTE_NONE))
        ours = [word_difficulty(r["token"]) for r in rows]
        gold = [float(r["complexity"]) for r in rows]
        print(f"{label:<28} {len(rows):>6} {pearson(ours, gold):>8.3f} {spearman(ours, gold):>9.3f}")


def _substitution_sets():
    """(name, [(sentence, target, target index or None, gold substitutes)])."""
    folder = DATA / "benchls-lexmturk-nnseval"
    sets = []
    for name, path in (("BenchLS", "BenchLS.txt"), ("NNSeval", "NNSeval.txt")):
        items = []
        for line in open(folder / path, encoding="utf-8", errors="replace"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 4:
                items.append((fields[0], fields[1], int(fields[2]), {f.split(":", 1)[1].lower() for f in fields[3:] if ":" in f}))
        sets.append((name, items))
    items = []
    for i, line in enumerate(open(folder / "lex.mturk.txt", encoding="utf-8", errors="replace")):
        fields = line.rstrip("\n").split("\t")
        if i and len(fields) >= 3:
            items.append((fields[0], fields[1], None, {f.lower() for f in fields[2:]}))
    sets.append(("LexMTurk", items))
    items = []
    for line in open(DATA / "tsar2022-en-trial" / "tsar2022_en_trial_gold.tsv", encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        items.append((fields[0], fields[1], None, {f.lower() for f in fields[2:]}))
    sets.append(("TSAR-2022 trial", items))
    return sets


def suggestions(analyzer) -> None:
    print("\nSuggestions: targets flagged, offered a suggestion, and top suggestion among the human substitutes")
    print(f"{'set':<16} {'targets':>7} {'flagged':>8} {'suggested':>10} {'precision@1':>12}")
    for name, items in _substitution_sets():
        flagged = suggested = correct = 0
        for (sentence, target, index, gold), report in zip(items, analyzer.stream((str(i), it[0]) for i, it in enumerate(items))):
            start = _target_start(sentence, target, index)
            if start is None:
                continue
            end = start + len(target)
            hits = [f for f in report.findings if f.kind in WORD_KINDS and f.start < end and f.end > start]
            if not hits:
                continue
            flagged += 1
            offered = [f for f in hits if f.suggestions]
            if offered:
                suggested += 1
                correct += offered[0].suggestions[0].lower() in gold
        precision = correct / suggested if suggested else 0.0
        print(f"{name:<16} {len(items):>7} {flagged:>8} {suggested:>10} {precision:>12.3f}")


def _target_start(sentence: str, target: str, index: int | None) -> int | None:
    if index is not None:
        tokens = sentence.split(" ")
        if 0 <= index < len(tokens) and tokens[index] == target:
            return sum(len(t) + 1 for t in tokens[:index])
    match = re.search(r"\b" + re.escape(target) + r"\b", sentence)
    return match.start() if match else None


# textstat's classic formulas, each a baseline (reading-ease scores negated: higher = harder).
FORMULAS = {
    "FKGL": ("flesch_kincaid_grade", 1), "-FRE": ("flesch_reading_ease", -1), "SMOG": ("smog_index", 1),
    "Coleman-Liau": ("coleman_liau_index", 1), "ARI": ("automated_readability_index", 1),
    "Dale-Chall": ("dale_chall_readability_score", 1), "Fog": ("gunning_fog", 1),
    "Linsear": ("linsear_write_formula", 1), "Spache": ("spache_readability", 1), "McAlpine": ("mcalpine_eflaw", 1),
}


def _correlate(analyzer, name, items) -> None:
    """items: (text, human label: higher = harder)."""
    import textstat

    ours, fk, labels = [], [], []
    classic: dict[str, list[float]] = {k: [] for k in FORMULAS}
    texts = [t for t, _ in items]
    for (text, label), report in zip(items, analyzer.stream((str(i), t) for i, t in enumerate(texts))):
        if report.summary is None or report.summary.estimated_grade is None:
            continue
        ours.append(report.summary.estimated_grade)
        fk.append(report.summary.grade)
        for key, (fn, sign) in FORMULAS.items():
            classic[key].append(sign * getattr(textstat, fn)(text))
        labels.append(label)
    scores = {key: pearson(values, labels) for key, values in classic.items()}
    best = max(scores, key=scores.get)
    print(f"{name:<28} {len(labels):>6} {pearson(ours, labels):>9.3f} {pearson(fk, labels):>8.3f} "
          f"{scores['FKGL']:>8.3f} {best + f' {scores[best]:.3f}':>18} {scores[best] + 0.10:>7.3f}")


def _grade_of(report) -> float:
    """Flesch-Kincaid grade of a text of any length (the summary withholds it for
    short texts; a benchmark of single sentences needs it anyway)."""
    from plainspeak.text.readability import Counts, flesch_kincaid_grade

    s = report.summary
    g = flesch_kincaid_grade(Counts(s.words, max(1, s.sentences), _syllables(report.text)))
    return g if g is not None else 0.0


def _syllables(text: str) -> int:
    from plainspeak.text.syllables import count_syllables

    return sum(count_syllables(w) for w in re.findall(r"[A-Za-z']+", text))


def detokenize(sentence: str) -> str:
    """CEFR-SP ships tokenised sentences ("I do n't know ."); give every scorer the
    text as a person writes it, so that "n't" is not counted as a word."""
    s = re.sub(r"\b(ca|wo) n't\b", lambda m: {"ca": "can't", "wo": "won't"}[m.group(1)], sentence)
    s = re.sub(r" (n't|'s|'re|'m|'ve|'ll|'d)\b", r"\1", s, flags=re.IGNORECASE)
    s = re.sub(r" ([.,;:!?%)])", r"\1", s)
    return re.sub(r"\( ", "(", s)


def readability(analyzer) -> None:
    print("\nReadability: Pearson with human labels (higher label = harder; reading ease negated)")
    print(f"{'dataset':<28} {'texts':>6} {'estimate':>9} {'our FK':>8} {'ts FKGL':>8} {'best textstat':>18} {'target':>7}")
    med = [(r["Sentence"], float(r["Readability"])) for r in csv.DictReader(open(DATA / "medreadme-readability" / "readability_trainval.csv", encoding="utf-8")) if r["split"] == "dev"]
    _correlate(analyzer, "medreadme (dev)", med)
    cefr = []
    for part in ("SCoRE/CEFR-SP_SCoRE_dev.txt", "Wiki-Auto/CEFR-SP_Wikiauto_dev.txt"):
        for line in open(DATA / "cefr-sp" / part, encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3:
                cefr.append((fields[0], (int(fields[1]) + int(fields[2])) / 2))
    _correlate(analyzer, "cefr-sp (dev, as written)", [(detokenize(t), label) for t, label in cefr])
    _correlate(analyzer, "cefr-sp (dev, tokenised)", cefr)
    clear = [(r["Excerpt"], -float(r["BT_easiness"])) for r in csv.DictReader(open(DATA / "clear-corpus" / "clear_dev.csv", encoding="utf-8"))
             if int(hashlib.sha1(str(r["ID"]).encode()).hexdigest(), 16) % 5 != 0]
    _correlate(analyzer, "clear-corpus (non-hold-out)", clear)


def onestop(analyzer) -> None:
    folder = DATA / "onestopenglish"
    topics = sorted(p.name[: -len("-ele.txt")] for p in (folder / "ele").glob("*-ele.txt"))
    ordered = ordered_fk = 0
    words = 0
    kinds: dict[str, int] = defaultdict(int)
    for topic in topics:
        grades, fk = [], []
        for level in ("ele", "int", "adv"):
            text = (folder / level / f"{topic}-{level}.txt").read_text(encoding="utf-8-sig", errors="replace")
            report = analyzer.analyze(text)
            grades.append(report.summary.estimated_grade)
            fk.append(_grade_of(report))
            if level == "ele":
                words += report.summary.words
                for f in report.findings:
                    kinds[f.rule if f.kind == "readability" else f.kind] += 1
        ordered += grades[0] < grades[1] < grades[2]
        ordered_fk += fk[0] < fk[1] < fk[2]
    print(f"\nOneStopEnglish: three levels in the right order for {ordered}/{len(topics)} topics "
          f"({100 * ordered / len(topics):.0f}%) by the estimate, {ordered_fk} by Flesch-Kincaid")
    print(f"Elementary texts: {100 * sum(kinds.values()) / words:.2f} findings per 100 words ("
          + ", ".join(f"{k} {100 * v / words:.2f}" for k, v in sorted(kinds.items())) + ")")
    word_level = sum(v for k, v in kinds.items() if not k.startswith("readability"))
    print(f"Elementary texts: {100 * word_level / words:.2f} word-level findings per 100 words "
          "(jargon, uncommon, acronym and style; not sentence findings)")


# --- Real documents: benchmarks/devset ------------------------------------------------------

def load_devset(folder: Path = DEVSET) -> dict:
    """The development set: {"docs": {id: text}, "sources": {id: row}, "marks": [mark],
    "judgements": {(doc, rule, start, end): row}}. Raises ValueError on a malformed file."""
    import json

    docs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "docs").glob("*.txt"))}
    sources = {}
    with open(folder / "sources.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["doc"] in sources:
                raise ValueError(f"sources.tsv: {row['doc']} listed twice")
            sources[row["doc"]] = row
    marks = []
    with open(folder / "marks.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                mark = json.loads(line)
                mark["line"] = n
                marks.append(mark)
    judgements = {}
    path = folder / "judgements.tsv"
    if path.exists():
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                key = (row["doc"], row["rule"], int(row["start"]), int(row["end"]))
                if key in judgements:
                    raise ValueError(f"judgements.tsv: {key} judged twice")
                judgements[key] = row
    return {"docs": docs, "sources": sources, "marks": marks, "judgements": judgements}


def word_findings(report) -> list:
    """Findings about words and phrases: every family but the sentence rules, so a new
    family (style, ...) counts without a change here."""
    return [f for f in report.findings if f.kind != "readability"]


def caught(mark: dict, spans: Sequence[tuple[int, int]]) -> bool:
    """A mark is caught when a word-level finding overlaps it."""
    return any(s < mark["end"] and e > mark["start"] for s, e in spans)


def family_precision(findings: Sequence[tuple[str, str, int, int]], judgements: dict) -> dict:
    """findings: (doc, rule, start, end). Per family (the rule's prefix): counts of right,
    false, arguable and unjudged; precision = right / (right + false), arguable left out;
    strict = right / judged, arguable counted as wrong."""
    table: dict[str, dict[str, int]] = {}
    for doc, rule, start, end in findings:
        row = table.setdefault(rule.split(".", 1)[0], {"found": 0, "unjudged": 0, **dict.fromkeys(VERDICTS, 0)})
        row["found"] += 1
        judged = judgements.get((doc, rule, start, end))
        row[judged["verdict"] if judged else "unjudged"] += 1
    for row in table.values():
        decided = row["right"] + row["false"]
        row["precision"] = row["right"] / decided if decided else None
        judged = decided + row["arguable"]
        row["strict"] = row["right"] / judged if judged else None
    return table


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.0f}%"


def real_documents(analyzer, list_unjudged: bool = False, details: bool = False, folder: Path = DEVSET,
                   title: str = "Real documents (benchmarks/devset)") -> None:
    data = load_devset(folder)
    docs, sources, marks, judgements = data["docs"], data["sources"], data["marks"], data["judgements"]
    reports = dict(zip(docs, analyzer.stream((d, docs[d]) for d in docs)))
    words = {d: reports[d].summary.words for d in docs}
    kind = {d: sources[d]["kind"] for d in docs}
    found = {d: word_findings(reports[d]) for d in docs}
    spans = {d: [(f.start, f.end) for f in found[d]] for d in docs}

    plain = [d for d in docs if kind[d] == "plain"]
    print(f"\n{title}: {len(docs)} documents ({len(docs) - len(plain)} jargon-heavy, "
          f"{len(plain)} plain), {sum(words.values()):,} words, {len(marks)} editor's marks")

    # Recall of the marks, by the kind of mark and by the kind of document.
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_doc_kind: dict[str, list[bool]] = defaultdict(list)
    for mark in marks:
        hit = caught(mark, spans[mark["doc"]])
        by_kind[mark["kind"]].append(hit)
        by_doc_kind[kind[mark["doc"]]].append(hit)
    total = [h for hits in by_kind.values() for h in hits]
    print(f"Recall of the marks (caught = a word-level finding overlaps the mark): "
          f"{sum(total)}/{len(total)} = {_pct(sum(total) / len(total))}")
    print("  by mark: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))))
    print("  by document: " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_doc_kind.items())))

    # Precision per family, from the judgements kept in judgements.tsv.
    current = [(d, f.rule, f.start, f.end) for d in docs for f in found[d]]
    table = family_precision(current, judgements)
    print(f"Precision of word-level findings, per family (judged once, kept in {folder.name}/judgements.tsv; "
          "precision = right / (right + false); strict counts arguable as wrong)")
    print(f"{'family':<10} {'found':>6} {'right':>6} {'false':>6} {'arguable':>9} {'unjudged':>9} {'precision':>10} {'strict':>7}")
    for family in sorted(table, key=lambda k: -table[k]["found"]):
        r = table[family]
        print(f"{family:<10} {r['found']:>6} {r['right']:>6} {r['false']:>6} {r['arguable']:>9} {r['unjudged']:>9} "
              f"{_pct(r['precision']):>10} {_pct(r['strict']):>7}")
    all_rows = {k: sum(r[k] for r in table.values()) for k in ("found", "right", "false", "arguable", "unjudged")}
    decided = all_rows["right"] + all_rows["false"]
    print(f"{'all':<10} {all_rows['found']:>6} {all_rows['right']:>6} {all_rows['false']:>6} {all_rows['arguable']:>9} "
          f"{all_rows['unjudged']:>9} {_pct(all_rows['right'] / decided if decided else None):>10} "
          f"{_pct(all_rows['right'] / (decided + all_rows['arguable']) if decided + all_rows['arguable'] else None):>7}")
    stale = len(set(judgements) - set(current))
    print(f"Unjudged findings: {all_rows['unjudged']}"
          + (f" (list them: python benchmarks/accuracy.py {'--heldout' if folder == HELDOUT else '--devset-only'} --list-unjudged)"
             if all_rows["unjudged"] else "")
          + f"; judgements of findings no longer made: {stale}")

    # False alarms on plain writing, and suggestions.
    plain_words = sum(words[d] for d in plain)
    per_family: dict[str, int] = defaultdict(int)
    for d in plain:
        for f in found[d]:
            per_family[f.kind] += 1
    print(f"Plain documents: {100 * sum(per_family.values()) / plain_words:.2f} word-level findings per 100 words ("
          + ", ".join(f"{k} {100 * v / plain_words:.2f}" for k, v in sorted(per_family.items())) + ")")
    # The measure: false alarms, as judged, per 100 words of plain writing.
    verdicts: dict[str, int] = defaultdict(int)
    for d in plain:
        for f in found[d]:
            verdicts[judgements.get((d, f.rule, f.start, f.end), {}).get("verdict", "unjudged")] += 1
    print(f"  of which judged false: {100 * verdicts['false'] / plain_words:.2f} per 100 words "
          f"(arguable {100 * verdicts['arguable'] / plain_words:.2f}, unjudged {100 * verdicts['unjudged'] / plain_words:.2f})")
    every = [f for d in docs for f in found[d]]
    offered = sum(bool(f.suggestions) for f in every)
    print(f"Word-level findings with a suggestion: {offered}/{len(every)} = {_pct(offered / len(every) if every else None)}")

    if details:
        missed: dict[tuple[str, str], int] = defaultdict(int)
        for mark in marks:
            if not caught(mark, spans[mark["doc"]]):
                missed[(mark["kind"], mark["text"].lower())] += 1
        print("\nMissed marks, most frequent first (kind, text: count)")
        print("; ".join(f"{k} {t}: {n}" for (k, t), n in sorted(missed.items(), key=lambda kv: (-kv[1], kv[0]))))
        wrong: dict[tuple[str, str, str], int] = defaultdict(int)
        for d, rule, start, end in current:
            verdict = judgements.get((d, rule, start, end), {}).get("verdict")
            if verdict in ("false", "arguable"):
                wrong[(verdict, rule, docs[d][start:end].lower())] += 1
        print("\nFindings judged false or arguable, most frequent first (verdict, rule, text: count)")
        print("; ".join(f"{v} {r} {t!r}: {n}" for (v, r, t), n in sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))))

    if list_unjudged:
        print("\n" + "\t".join(JUDGEMENT_FIELDS))
        for d in docs:
            for f in found[d]:
                if (d, f.rule, f.start, f.end) not in judgements:
                    print("\t".join((d, f.rule, str(f.start), str(f.end), f.text.replace("\n", " "), "", "")))


def settings_from(argv: Sequence[str]):
    """The settings the options ask for: ``--audience NAME`` (default: the shipped
    default audience) and ``--thresholds ZIPF,RATING`` (overrides its two
    uncommon-word thresholds, to measure a point of the trade-off)."""
    from plainspeak.config.settings import make_settings

    def value(option: str) -> str | None:
        if option not in argv:
            return None
        i = list(argv).index(option)
        if i + 1 >= len(argv):
            sys.exit(f"{option} needs a value")
        return argv[i + 1]

    settings = make_settings(audience=value("--audience"))
    thresholds = value("--thresholds")
    if thresholds is not None:
        zipf_threshold, rating_threshold = (float(x) for x in thresholds.split(","))
        settings = dataclasses.replace(settings, zipf_threshold=zipf_threshold, rating_threshold=rating_threshold)
    return settings


def main(argv: Sequence[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else list(argv)
    from plainspeak.api import Analyzer

    analyzer = Analyzer(settings_from(argv))
    if "--audience" in argv or "--thresholds" in argv:
        s = analyzer.settings
        print(f"Audience: {s.audience} (Zipf threshold {s.zipf_threshold}, rating threshold {s.rating_threshold})")
    if "--heldout" in argv:  # the blind held-out set alone, the same report
        real_documents(analyzer, list_unjudged="--list-unjudged" in argv, details="--details" in argv,
                       folder=HELDOUT, title="Held-out documents (benchmarks/heldout; blind, never tuned on)")
        return
    # The development set lives in the repository: this part always runs.
    real_documents(analyzer, list_unjudged="--list-unjudged" in argv, details="--details" in argv)
    if "--devset-only" in argv or "--list-unjudged" in argv:
        return
    if not DATA.exists():
        print(f"\nskipped the public datasets: {DATA} not found (they live beside the project)")
        return
    print()
    cwi(analyzer, analyzer.settings)
    if "--words-only" in argv:
        onestop(analyzer)
        return
    complex_lcp()
    suggestions(analyzer)
    # Single sentences are scored too: the summary withholds grades below 30 words.
    readability(Analyzer(dataclasses.replace(analyzer.settings, min_document_words=1, min_document_sentences=1)))
    onestop(analyzer)


if __name__ == "__main__":
    main()
