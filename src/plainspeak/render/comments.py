"""Findings as the margin comments a trainer would write: why, and what to say instead.

Used for Word comments (``plainspeak annotate``, ``grade --annotate``): each
comment stands alone beside the words it is about, so it repeats nothing the
reader can see and names the plainer words first.
"""

from __future__ import annotations

from ..report import Finding, Report, grade_text
from ..text.plural import count


def comment_for(finding: Finding) -> str:
    """One finding's comment: the reason, then the words to try."""
    text = " ".join(finding.message.split())
    if finding.suggestions:
        text += "\nTry: " + " | ".join(finding.suggestions)
    return text


def summary_comment(report: Report, grade=None, *, target_grade: float | None = None) -> str:
    """The first comment: how the whole text reads, what was found, and the score
    when it was graded (``grade`` is a grading.score.Grade)."""
    lines = ["plainspeak"]
    s = report.summary
    if grade is not None and grade.error is None:
        from ..grading.score import score_text

        verdict = "pass" if grade.passed else "below the pass mark"
        lines.append(f"Score: {score_text(grade.score)} ({verdict})" + (f". {grade.automatic_fail}" if grade.automatic_fail else ""))
        lines.extend(f"-{score_text(d.points)} {d.rule.replace('_', ' ')}: {d.detail}" for d in grade.deductions)
    if s is not None:
        reading = s.grade if s.grade is not None else s.short_text_grade
        if reading is not None:
            line = f"Reading grade: {grade_text(reading)} (Flesch-Kincaid)"
            if s.estimated_grade is not None:
                line += f", {grade_text(s.estimated_grade)} estimated from sentence length and readers' word ratings"
            if target_grade is not None:
                line += f"; aim for {target_grade:g} or lower"
            lines.append(line)
        lines.append(", ".join([
            count(s.words, "word"), count(s.jargon, "jargon term"), count(s.stigmatising, "stigmatising term"),
            count(s.uncommon, "uncommon word"), count(s.acronyms, "unexplained acronym"),
            count(s.hard_sentences, "hard sentence"), count(s.long_sentences, "long sentence"),
        ]))
    notes = len(report.findings)
    lines.append(f"{count(notes, 'note')} in the margin." if notes else "Nothing to flag: this reads plainly.")
    return "\n".join(lines)
