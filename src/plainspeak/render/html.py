"""One self-contained HTML file for trainers: the roster, then each submission
with its findings highlighted in place, a note for each (hover, and numbered
footnotes for print), and the score breakdown.

No external resources and no JavaScript; inline CSS with a print stylesheet.
Every piece of submitted text goes through ``html.escape``: a submission is
shown as text, never run as markup.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

from ..grading import Grade, score_text
from ..report import Finding, Report

CSS = """
:root { --jargon: #fff3b0; --person: #ffc9c9; --uncommon: #c5f0ff; --acronym: #ead7ff; --ink: #1d2330; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 1px solid #ccd; padding-top: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #e3e6ee; }
td.num, th.num { text-align: right; }
.pass { color: #17612f; font-weight: 600; } .fail { color: #a11d1d; font-weight: 600; }
.text { white-space: pre-wrap; background: #fafbfd; border: 1px solid #e3e6ee; border-radius: 6px; padding: 1rem; }
mark { padding: 0 .1em; border-radius: 3px; } mark sup { font-size: .7em; color: #555; }
mark.jargon { background: var(--jargon); } mark.person-first { background: var(--person); }
mark.uncommon { background: var(--uncommon); } mark.acronym { background: var(--acronym); }
mark.readability { background: none; text-decoration: underline wavy #c77; text-underline-offset: .2em; }
ol.notes { font-size: .92rem; } ol.notes .try { color: #17612f; }
.key span { margin-right: 1rem; } .breakdown { font-size: .92rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { page-break-before: always; border: none; }
  .text { border: none; background: none; padding: 0; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _kind(f: Finding) -> str:
    return "person-first" if f.category == "person-first" else f.kind


def _highlighted(text: str, findings: Sequence[Finding]) -> tuple[str, str]:
    """The text with findings marked in place and numbered: sentences underlined,
    word findings inside them highlighted; and the numbered notes."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, f.rule))
    numbers = {id(f): n for n, f in enumerate(ordered, start=1)}
    words = [f for f in ordered if f.kind != "readability"]
    sentences: dict[tuple[int, int], list[Finding]] = {}
    for f in ordered:
        if f.kind == "readability":
            sentences.setdefault((f.start, f.end), []).append(f)

    def title(fs: Sequence[Finding]) -> str:
        return " ".join(f.message + (f" Try: {' | '.join(f.suggestions)}" if f.suggestions else "") for f in fs)

    def sup(fs: Sequence[Finding]) -> str:
        return "<sup>" + ",".join(str(numbers[id(f)]) for f in fs) + "</sup>"

    def words_in(start: int, end: int) -> str:
        out, pos = [], start
        for f in words:
            if f.start < pos or f.end > end or f.start < start:
                continue
            out.append(escape(text[pos : f.start]))
            out.append(f'<mark class="{_kind(f)}" title="{escape(title([f]))}">{escape(text[f.start : f.end])}{sup([f])}</mark>')
            pos = f.end
        out.append(escape(text[pos:end]))
        return "".join(out)

    out, pos = [], 0
    for (start, end), fs in sorted(sentences.items()):
        if start < pos:
            continue
        out.append(words_in(pos, start))
        out.append(f'<mark class="readability" title="{escape(title(fs))}">{words_in(start, end)}{sup(fs)}</mark>')
        pos = end
    out.append(words_in(pos, len(text)))
    items = []
    for f in ordered:
        found = "a sentence" if f.kind == "readability" else f"&ldquo;{escape(' '.join(f.text.split()))}&rdquo;"
        tries = f' <span class="try">Try: {escape(" | ".join(f.suggestions))}</span>' if f.suggestions else ""
        items.append(f'<li value="{numbers[id(f)]}">{f.line}:{f.column} {found}: {escape(f.message)}{tries}</li>')
    return "".join(out), "".join(items)


def render_html(entries: Sequence[tuple[Report | None, Grade]], *, pass_score: float, title: str = "plainspeak report") -> str:
    """The whole report as one HTML string."""
    rows = []
    for i, (report, g) in enumerate(entries):
        if g.error is not None:
            rows.append(f'<tr><td>{escape(g.name)}</td><td colspan="9" class="fail">could not be read: {escape(g.error)}</td></tr>')
            continue
        result = "pass" if g.passed else "fail"
        rows.append(
            f'<tr><td><a href="#s{i}">{escape(g.name)}</a></td><td class="num">{g.words}</td>'
            f'<td class="num">{"-" if g.reading_grade is None else f"{g.reading_grade:.1f}"}</td>'
            f'<td class="num">{g.jargon_per_100:.1f}</td><td class="num">{g.uncommon}</td>'
            f'<td class="num">{g.acronyms}</td><td class="num">{g.stigmatising}</td>'
            f'<td class="num">{g.hard_sentences}</td><td class="num">{score_text(g.score)}</td>'
            f'<td class="{result}">{result}{" (" + escape(g.automatic_fail) + ")" if g.automatic_fail else ""}</td></tr>'
        )
    sections = []
    for i, (report, g) in enumerate(entries):
        if g.error is not None or report is None:
            continue
        body, notes = _highlighted(report.text, report.findings)
        lines = "".join(
            f"<li>&minus;{score_text(d.points)} {escape(d.rule.replace('_', ' '))}: {escape(d.detail)}</li>" for d in g.deductions
        ) or "<li>no points taken off</li>"
        sections.append(
            f'<section id="s{i}"><h2>{escape(g.name)}: {score_text(g.score)} '
            f'<span class="{"pass" if g.passed else "fail"}">{"pass" if g.passed else "fail"}</span></h2>'
            f'<div class="text">{body}</div>'
            f'<h3>Notes</h3><ol class="notes">{notes or "<li>Nothing to flag: this reads plainly.</li>"}</ol>'
            f'<h3>Score</h3><ul class="breakdown"><li>start at 100</li>{lines}<li>= {score_text(g.score)}</li></ul></section>'
        )
    key = ('<p class="key"><span><mark class="jargon">jargon</mark></span><span><mark class="person-first">stigmatising'
           '</mark></span><span><mark class="uncommon">uncommon word</mark></span><span><mark class="acronym">acronym'
           '</mark></span><span><mark class="readability">hard or long sentence</mark></span></p>')
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body><h1>{escape(title)}</h1>"
        f"<p>Pass score {pass_score:g}. Hover over a highlight, or see the numbered notes, for why and what to say instead.</p>"
        f"{key}<table><thead><tr><th>file</th><th class=num>words</th><th class=num>grade</th>"
        f"<th class=num>jargon/100w</th><th class=num>uncommon</th><th class=num>acronyms</th>"
        f"<th class=num>stigmatising</th><th class=num>hard</th><th class=num>score</th><th>result</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>{''.join(sections)}</body></html>\n"
    )
