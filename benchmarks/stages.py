"""Where the time of a long run goes (not a test): CPU seconds per stage, in one process.

    python benchmarks/stages.py [FILE] [--rounds N]

Analyses FILE (default ../shared/corpus/bench_1m.txt) the way ``check`` does,
piece by piece, timing start-up, text preparation, the tokenizer, each pipeline
component, the extraction of findings, the final report and JSON rendering.
The first round is cold (every word is new to the caches, as in a CLI run); a
second round shows the warm figures. Skips cleanly when the corpus is absent.
Record results in docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIG = ROOT.parent / "shared" / "corpus" / "bench_1m.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=str(BIG))
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not Path(args.file).exists():
        print(f"skipped: {args.file} not found (the benchmark corpus lives beside the project)")
        return
    clock = time.process_time
    start = clock()
    from plainspeak.api import Analyzer
    from plainspeak.config.settings import make_settings
    from plainspeak.pipeline.extract import InputState, add_doc, finish
    from plainspeak.render import make_renderer
    from plainspeak.text.nonprose import nonprose_ranges
    from plainspeak.text.prep import mask, prepare
    from plainspeak.text.segment import segments

    analyzer = Analyzer(make_settings())
    print(f"{'start-up (imports, pipeline)':32} {clock() - start:6.2f} s")
    text = Path(args.file).read_text(encoding="utf-8")
    for round_ in range(args.rounds):
        spent: dict[str, float] = defaultdict(float)
        t = clock()
        ranges = nonprose_ranges(text)
        readable = mask(text, ranges)
        state = InputState.start("-", text, ranges)
        spent["text preparation"] += clock() - t
        for begin, end in segments(readable, analyzer.max_chars):
            t = clock()
            piece = prepare(readable[begin:end], begin)
            spent["text preparation"] += clock() - t
            t = clock()
            doc = analyzer.nlp.make_doc(piece.text)
            spent["tokenizer"] += clock() - t
            for name, component in analyzer.nlp.pipeline:
                t = clock()
                doc = component(doc)
                spent[name.replace("plainspeak_", "component ")] += clock() - t
            t = clock()
            state.add(add_doc(state, doc, piece, analyzer.lexicon, analyzer.settings))
            spent["findings (extract)"] += clock() - t
        t = clock()
        report = finish(state, analyzer.settings, analyzer.policy)
        spent["report (sort, summary)"] += clock() - t
        t = clock()
        renderer = make_renderer("json", io.StringIO())
        renderer.report(report)
        spent["JSON rendering"] += clock() - t
        print(f"round {round_ + 1} ({'cold' if round_ == 0 else 'warm'}), {len(report.findings):,} findings:")
        for name, seconds in spent.items():
            print(f"  {name:30} {seconds:6.2f} s")
        print(f"  {'total':30} {sum(spent.values()):6.2f} s")


if __name__ == "__main__":
    main()
