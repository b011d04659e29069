"""Scoring a report against a rubric: pure, explained line by line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..report import Report, grade_text
from ..text.plural import count

GRADE_SCHEMA_VERSION = "1.0"  # grade --format json (data/schemas/grade.schema.json)


@dataclass(frozen=True)
class Deduction:
    rule: str  # the rubric section
    points: float  # taken off
    detail: str  # why, in words a trainee understands


@dataclass(frozen=True)
class Grade:
    name: str
    words: int = 0
    reading_grade: float | None = None
    estimated_grade: float | None = None
    short_text_grade: float | None = None  # for texts too short for reading_grade (see Summary)
    jargon_per_100: float = 0.0
    uncommon: int = 0
    acronyms: int = 0
    stigmatising: int = 0
    hard_sentences: int = 0
    long_sentences: int = 0
    score: float = 0.0
    passed: bool = False
    deductions: tuple[Deduction, ...] = field(default_factory=tuple)
    automatic_fail: str | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.error is not None:
            return {"path": self.name, "error": self.error}
        return {
            "path": self.name,
            "words": self.words,
            "reading_grade": None if self.reading_grade is None else round(self.reading_grade, 1),
            "estimated_grade": None if self.estimated_grade is None else round(self.estimated_grade, 1),
            "short_text_grade": None if self.short_text_grade is None else round(self.short_text_grade, 1),
            "jargon_per_100_words": round(self.jargon_per_100, 2),
            "uncommon": self.uncommon,
            "acronyms": self.acronyms,
            "stigmatising": self.stigmatising,
            "hard_sentences": self.hard_sentences,
            "long_sentences": self.long_sentences,
            "score": round(self.score, 1),
            "passed": self.passed,
            "automatic_fail": self.automatic_fail,
            "deductions": [{"rule": d.rule, "points": round(d.points, 1), "detail": d.detail} for d in self.deductions],
        }


def score_text(score: float) -> str:
    """A score as shown: whole numbers plain, others to one decimal, so a failing
    69.6 never reads as a passing 70."""
    return f"{score:.0f}" if score == int(score) else f"{score:.1f}"


def grade_report(report: Report, rubric: dict[str, Any]) -> Grade:
    """Start at 100 and take off what each rubric line says, up to its maximum."""
    if report.error is not None:
        return Grade(report.name, error=report.error)
    s = report.summary
    assert s is not None
    stigmatising, jargon = s.stigmatising, s.jargon
    per_100 = 100 * jargon / s.words if s.words else 0.0
    deductions: list[Deduction] = []

    def take(rule: str, raw: float, detail: str) -> None:
        points = min(raw, float(rubric[rule]["max_points"]))
        if points > 0:
            deductions.append(Deduction(rule, points, detail))

    r = rubric["readability"]
    grade = s.grade if s.grade is not None else s.short_text_grade
    if grade is not None and grade > r["target_grade"]:
        over = grade - r["target_grade"]
        how = "" if s.grade is not None else f" (by its {count(s.sentences, 'sentence')}: too short for a full reading grade)"
        take("readability", over * r["points_per_grade_over"],
             f"reads at grade {grade_text(grade)}{how}, {over:.1f} above the target of {r['target_grade']:g}")
    j = rubric["jargon"]
    if per_100 > j["free_per_100_words"]:
        extra = per_100 - j["free_per_100_words"]
        take("jargon", extra * j["points_per_term_per_100_words"],
             f"{count(jargon, 'jargon term')}, {per_100:.1f} per 100 words; {j['free_per_100_words']:g} allowed")
    take("uncommon", s.uncommon * rubric["uncommon"]["points_per_word"], count(s.uncommon, "uncommon word"))
    take("acronyms", s.acronyms * rubric["acronyms"]["points_per_acronym"], count(s.acronyms, "unexplained acronym"))
    take("hard_sentences", s.hard_sentences * rubric["hard_sentences"]["points_per_sentence"],
         count(s.hard_sentences, "hard sentence"))
    take("long_sentences", s.long_sentences * rubric["long_sentences"]["points_per_sentence"],
         count(s.long_sentences, "long sentence"))
    take("stigmatising", stigmatising * rubric["stigmatising"]["points_per_term"],
         count(stigmatising, "stigmatising term"))
    score = max(0.0, 100.0 - sum(d.points for d in deductions))
    automatic = None
    if stigmatising and rubric["stigmatising"].get("automatic_fail"):
        automatic = "uses stigmatising language"
    return Grade(
        name=report.name,
        words=s.words,
        reading_grade=s.grade,
        estimated_grade=s.estimated_grade,
        short_text_grade=s.short_text_grade,
        jargon_per_100=per_100,
        uncommon=s.uncommon,
        acronyms=s.acronyms,
        stigmatising=stigmatising,
        hard_sentences=s.hard_sentences,
        long_sentences=s.long_sentences,
        score=score,
        passed=automatic is None and score >= rubric["pass_score"],
        deductions=tuple(deductions),
        automatic_fail=automatic,
    )
