"""One self-contained HTML file for trainers: when and how it was made, the
roster, then each submission with its findings highlighted in place, a note
for each (hover, and numbered footnotes for print), and the score breakdown.

No external resources and no JavaScript; inline CSS with a print stylesheet.
Every piece of submitted or user-given text (file names, rubric and lexicon
paths) goes through ``html.escape``: it is shown as text, never run as markup.
"""

from __future__ import annotations

import os
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from html import escape

from ..__about__ import __version__
from ..errors import PlainspeakError
from ..grading.score import Grade, score_text
from ..report import Finding, Report, grade_text
from ..text.plural import count

CSS = """
:root { --jargon: #fff3b0; --person: #ffc9c9; --uncommon: #c5f0ff; --acronym: #ead7ff; --style: #d3f5d3;
        --ink: #1d2330; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 1px solid #ccd; padding-top: 1rem; }
.made { color: #555; font-size: .92rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e6ee; }
tbody th { font-weight: normal; }
td.num, th.num { text-align: right; }
.footnote { font-size: .85rem; color: #555; margin: .4rem 0; }
.pass { color: #17612f; font-weight: 600; } .fail { color: #a11d1d; font-weight: 600; }
.verdict { border-left: 4px solid #a11d1d; background: #fff1f1; padding: .4rem .8rem; }
.text { white-space: pre-wrap; background: #fafbfd; border: 1px solid #e3e6ee; border-radius: 6px; padding: 1rem; }
mark { padding: 0 .1em; border-radius: 3px; } mark sup { font-size: .7em; color: #555; }
mark.jargon { background: var(--jargon); } mark.person-first { background: var(--person); }
mark.uncommon { background: var(--uncommon); } mark.acronym { background: var(--acronym); }
mark.style { background: var(--style); }
mark.readability { background: none; text-decoration: underline wavy #c77; text-underline-offset: .2em; }
ol.notes { font-size: .92rem; } ol.notes .try { color: #17612f; }
.key span { margin-right: 1rem; } .breakdown { font-size: .92rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-before: always; border: none; }
  .text { border: none; background: none; padding: 0; }
  mark, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

# In step with the terminal and CSV roster (render/roster.ROSTER_COLUMNS), plus the long-sentence count.
ROSTER_HEADERS = ("file", "words", "grade", "jargon/100w", "uncommon", "acronyms", "stigmatising", "hard", "long", "score",
                  "result")
_WORD_CLASSES = ("person-first", "jargon", "acronym", "style", "uncommon")  # which colour wins when word findings overlap


def report_time(environ: Mapping[str, str] = os.environ) -> datetime:
    """Now, in local time; or SOURCE_DATE_EPOCH in UTC when set, so a report can be
    rebuilt byte for byte (the reproducible-builds convention) and tests can pin it."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return datetime.now().astimezone()
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (ValueError, OverflowError, OSError):
        raise PlainspeakError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970; got {value!r}") from None


def _kind(f: Finding) -> str:
    return "person-first" if f.category == "person-first" else f.kind


def _quoted(text: str) -> str:
    """Found text between curly quotes, whitespace collapsed, escaped."""
    return f"&ldquo;{escape(' '.join(text.split()))}&rdquo;"


def _opening(text: str, max_words: int = 8, max_chars: int = 60) -> str:
    """The start of a sentence, enough to find it on the page: up to ``max_words``
    words and ``max_chars`` characters, whitespace collapsed, "…" when cut."""
    words = text.split()
    whole = " ".join(words)
    quote = " ".join(words[:max_words])
    if len(quote) > max_chars:
        cut = quote[: max_chars + 1]
        quote = cut.rsplit(" ", 1)[0] if " " in cut else quote[:max_chars]
    return quote if quote == whole else quote.rstrip(",;:") + "…"


def _merge(spans: list[tuple[int, int, list[Finding]]]) -> list[tuple[int, int, list[Finding]]]:
    """Overlapping (start, end, findings) spans joined into one, in text order."""
    merged: list[tuple[int, int, list[Finding]]] = []
    for start, end, fs in sorted(spans, key=lambda s: (s[0], s[1])):
        if merged and start < merged[-1][1]:
            first, last, before = merged[-1]
            merged[-1] = (first, max(last, end), before + fs)
        else:
            merged.append((start, end, list(fs)))
    return merged


def _highlighted(text: str, findings: Sequence[Finding]) -> tuple[str, str]:
    """The text with findings marked in place, and the notes.

    Sentences are underlined and the word findings inside them highlighted;
    findings that overlap share one highlight, so every note has a marker.
    Notes are numbered as their markers are met in reading order (a word's
    after the word, a sentence's after the words inside it), so the
    superscripts count up along the text and the notes list follows the text.
    """
    ordered = sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    words = _merge([(f.start, f.end, [f]) for f in ordered if f.kind != "readability"])
    starts, ends = [w[0] for w in words], [w[1] for w in words]
    sentences = []
    for start, end, fs in _merge([(f.start, f.end, [f]) for f in ordered if f.kind == "readability"]):
        # A word finding across the sentence's edge (a phrase over a layout break) is taken inside it.
        first, last = bisect_right(ends, start), bisect_left(starts, end) - 1
        new_start = starts[first] if first < len(words) and starts[first] < start else start
        new_end = ends[last] if last >= 0 and ends[last] > end else end
        sentences.append((new_start, new_end, fs))
    sentences = _merge(sentences)

    numbered: list[Finding] = []
    out: list[str] = []
    pos = 0
    next_word = 0

    def title(fs: Sequence[Finding]) -> str:
        return escape(" ".join(f.message + (f" Try: {' | '.join(f.suggestions)}" if f.suggestions else "") for f in fs))

    def sup(fs: Sequence[Finding]) -> str:
        first = len(numbered) + 1
        numbered.extend(fs)
        return "<sup>" + ",".join(map(str, range(first, len(numbered) + 1))) + "</sup>"

    def words_until(end: int) -> None:
        nonlocal pos, next_word
        while next_word < len(words) and words[next_word][1] <= end:
            start, w_end, fs = words[next_word]
            next_word += 1
            kind = next((k for k in _WORD_CLASSES if any(_kind(f) == k for f in fs)), _kind(fs[0]))
            out.append(escape(text[pos:start]))
            out.append(f'<mark class="{kind}" title="{title(fs)}">{escape(text[start:w_end])}{sup(fs)}</mark>')
            pos = w_end
        out.append(escape(text[pos:end]))
        pos = end

    for start, end, fs in sentences:
        words_until(start)
        out.append(f'<mark class="readability" title="{title(fs)}">')
        words_until(end)
        out.append(f"{sup(fs)}</mark>")
    words_until(len(text))

    items = []
    for f in numbered:
        found = _quoted(_opening(f.text)) if f.kind == "readability" else _quoted(f.text)
        tries = f' <span class="try">Try: {escape(" | ".join(f.suggestions))}</span>' if f.suggestions else ""
        items.append(f"<li>{f.line}:{f.column} {found}: {escape(f.message)}{tries}</li>")
    return "".join(out), "".join(items)


def _times(n: int) -> str:
    return "" if n == 1 else " twice" if n == 2 else f" {n:,} times"


def _verdict(report: Report, g: Grade) -> str:
    """Why an outright fail failed, in the submission's own section (what the
    trainee gets back), with the stigmatising terms it used."""
    if not g.automatic_fail:
        return ""
    terms: dict[str, list[str]] = {}  # by lower case, first spelling kept, in reading order
    for f in sorted(report.findings, key=lambda f: f.start):
        if f.category == "person-first":
            found = " ".join(f.text.split())
            terms.setdefault(found.lower(), []).append(found)
    listed = ", ".join(_quoted(seen[0]) + _times(len(seen)) for seen in terms.values())
    uses = sum(map(len, terms.values()))
    detail = f" ({count(uses, 'term')}: {listed})" if terms else ""
    return f'<p class="verdict"><strong>Fails whatever the score:</strong> {escape(g.automatic_fail)}{detail}.</p>'


def _made(made_at: datetime, pass_score: float, rubric_name: str | None, lexicon_files: Sequence[str],
          shipped_lexicon: bool, lexicon_terms: int | None) -> str:
    """When, by which version, with which rubric and lexicon: what a trainer needs
    to trust, or reproduce, a report found in a mailbox weeks later."""
    zone = made_at.tzname()
    when = f"{made_at:%Y-%m-%d %H:%M}" + (f" {zone}" if zone else "")
    rubric = "the default rubric" if rubric_name is None else escape(rubric_name)
    names = (["the shipped lexicon"] if shipped_lexicon else []) + [escape(f) for f in lexicon_files]
    lexicon = " + ".join(names) if shipped_lexicon else "the lexicon " + " + ".join(names)
    terms = f" ({count(lexicon_terms, 'term')})" if lexicon_terms is not None else ""
    return (f'<p class="made">Made <time datetime="{made_at.isoformat(timespec="minutes")}">{when}</time> by plainspeak '
            f"{escape(__version__)} with {rubric} (pass score {pass_score:g}) and {lexicon}{terms}.</p>")


def _roster(entries: Sequence[tuple[Report | None, Grade]]) -> str:
    """The roster table, and footnotes for "fail*" and for "-" in the grade column when they are shown."""
    from ..config.settings import load_defaults

    head = "".join(f'<th scope="col">{h}</th>' if h in ("file", "result") else f'<th scope="col" class="num">{h}</th>'
                   for h in ROSTER_HEADERS)
    rows = []
    for i, (_, g) in enumerate(entries):
        if g.error is not None:
            rows.append(f'<tr><th scope="row">{escape(g.name)}</th>'
                        f'<td colspan="{len(ROSTER_HEADERS) - 1}" class="fail">could not be read: {escape(g.error)}</td></tr>')
            continue
        result = "pass" if g.passed else "fail"
        verdict = ('<td class="fail" aria-describedby="outright">fail*</td>' if g.automatic_fail
                   else f'<td class="{result}">{result}</td>')
        grade = ('<td class="num" aria-describedby="too-short">-</td>' if g.reading_grade is None
                 else f'<td class="num">{grade_text(g.reading_grade)}</td>')
        numbers = (f"{g.jargon_per_100:.1f}", g.uncommon, g.acronyms, g.stigmatising, g.hard_sentences, g.long_sentences,
                   score_text(g.score))
        cells = "".join(f'<td class="num">{n}</td>' for n in numbers)
        rows.append(f'<tr><th scope="row"><a href="#s{i}">{escape(g.name)}</a></th><td class="num">{g.words}</td>'
                    f"{grade}{cells}{verdict}</tr>")
    footnotes = []
    reasons = dict.fromkeys(g.automatic_fail for _, g in entries if g.error is None and g.automatic_fail)
    if reasons:
        footnotes.append(f'<p class="footnote" id="outright">fail*: fails whatever the score ({escape("; ".join(reasons))});'
                         " its section below says why.</p>")
    if any(g.error is None and g.reading_grade is None for _, g in entries):
        limits = load_defaults()["readability"]
        footnotes.append(f'<p class="footnote" id="too-short">- in the grade column: under '
                         f'{count(limits["min_document_words"], "word")} or {count(limits["min_document_sentences"], "sentence")}, '
                         "too short for a full reading grade, so it is scored by the grade of its sentences "
                         "instead (see its section).</p>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{''.join(footnotes)}"


def render_html(
    entries: Sequence[tuple[Report | None, Grade]],
    *,
    pass_score: float,
    title: str = "plainspeak report",
    made_at: datetime | None = None,
    rubric_name: str | None = None,
    lexicon_files: Sequence[str] = (),
    shipped_lexicon: bool = True,
    lexicon_terms: int | None = None,
    graded: bool = True,
) -> str:
    """The whole report as one HTML string (``graded=False``: the texts and their
    notes only, with no roster or scores, as ``annotate`` hands a text back).

    ``made_at`` defaults to :func:`report_time`; ``rubric_name`` is the rubric
    file as the trainer named it (None: the default rubric); ``lexicon_files``
    are the trainer's own lexicons, ``shipped_lexicon`` whether the shipped one
    was used too, and ``lexicon_terms`` how many terms they made together.
    """
    sections = []
    for i, (report, g) in enumerate(entries):
        if g.error is not None or report is None:
            continue
        body, notes = _highlighted(report.text, report.findings)
        lines = "".join(
            f"<li>&minus;{score_text(d.points)} {escape(d.rule.replace('_', ' '))}: {escape(d.detail)}</li>" for d in g.deductions
        ) or "<li>no points taken off</li>"
        heading = (f'{escape(g.name)}: {score_text(g.score)} '
                   f'<span class="{"pass" if g.passed else "fail"}">{"pass" if g.passed else "fail"}</span>') if graded else escape(g.name)
        score = (f'<h3>Score</h3><ul class="breakdown"><li>start at 100</li>{lines}<li>= {score_text(g.score)}</li></ul>'
                 if graded else "")
        sections.append(
            f'<section id="s{i}"><h2>{heading}</h2>'
            f"{_verdict(report, g) if graded else ''}"
            f'<div class="text">{body}</div>'
            f'<h3>Notes</h3><ol class="notes">{notes or "<li>Nothing to flag: this reads plainly.</li>"}</ol>'
            f"{score}</section>"
        )
    key = ('<p class="key"><span><mark class="jargon">jargon</mark></span><span><mark class="person-first">stigmatising'
           '</mark></span><span><mark class="uncommon">uncommon word</mark></span><span><mark class="acronym">acronym'
           '</mark></span><span><mark class="style">wording</mark></span>'
           '<span><mark class="readability">hard or long sentence</mark></span></p>')
    made = _made(made_at or report_time(), pass_score, rubric_name, lexicon_files, shipped_lexicon, lexicon_terms)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>{made}"
        f"<p>Hover over a highlight, or see the numbered notes, for why and what to say instead.</p>"
        f"{key}{_roster(entries) if graded else ''}{''.join(sections)}</body></html>\n"
    )
