"""Deciding which findings `plainspeak fix` changes, and rewriting one text.

Pure: a Report and a Lexicon in, new text and the edits made out. File handling lives in cli/fix.py, the rewriting mechanics in edits.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from ..datafiles import grammar_words
from ..report import Finding, Report
from ..rules.lexicon import Lexicon
from .edits import Edit, apply_edits, resolve_overlaps
from .neighbours import (
    _BARE_OK,
    _WORD,
    _speaks_to_the_reader,
    _starts_a_clause,
    acronym_in_capitals,
    in_a_name,
    repeats_a_neighbour,
)

__all__ = ["FixResult", "acronym_in_capitals", "defines_the_term", "fits_in_place", "fix_text", "fixable",
           "in_a_label", "in_a_name", "quotations", "repeats_a_neighbour", "spells_out_an_acronym"]


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Edit, ...]


def fixable(finding: Finding, lexicon: Lexicon, *, everything: bool = False) -> bool:
    """A jargon finding with a suggestion whose entry allows a swap without review
    (``fix`` auto), or any with a suggestion when ``everything`` (--all)."""
    if finding.entry_id is None or not finding.suggestions:
        return False
    entry = lexicon.get(finding.entry_id)
    if entry is None:
        return False
    mode = entry.fix_mode
    return mode == "auto" or (everything and mode == "review")


_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*([A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9])\s*\)")


def spells_out_an_acronym(text: str, finding: Finding) -> bool:
    """The finding's words are the long form of the acronym in parentheses right
    after them: "able-bodied adult without dependents (ABAWD)". A swap there would
    leave "(ABAWD)" explaining nothing, so ``fix`` leaves it (``check`` still
    offers the plainer words)."""
    start, end = finding.start, finding.end
    if finding.text[:1].isupper():  # part of a name in capitals: "Elderly Waiver (EW)"
        run = _CAPITALISED_AFTER.match(text, end)
        end = run.end() if run else end
    match = _ACRONYM_AFTER.match(text, end)
    if match is None or sum(ch.isupper() for ch in match.group(1)) < 2:
        return False
    from ..pipeline.components.acronyms import acronym_base, matches_long_form

    base = acronym_base(match.group(1))
    return base is not None and matches_long_form(base, text[start:end])


_CAPITALISED_AFTER = re.compile(r"(?:[ \t]+(?:of|and|for|the|&)?[ \t]*[A-Z][\w'-]*){1,5}")


# A direct quotation of at least four words, within one paragraph, with a speech verb
# next to it ("..., the Secretary said"; Peter states, "..."): someone else's own words.
# A quoted passage with no speaker (a voicemail script) is the writer's, and is fixed.
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|state|told|tells|asked|asks|explained|explains|added|adds|noted|notes|"
    r"wrote|writes|according to|recalled|recalls|reported|reports|commented|comments|remarked|remarks)\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"")


def quotations(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone: ``fix`` never puts words in a speaker's mouth
    ("'... drug abuse ...,' the Secretary said"); ``check`` still points at them."""
    found = [
        m.span()
        for m in _QUOTATION.finditer(text)
        if len(m.group().split()) >= 4
        and (_SPEECH.search(text, m.end(), m.end() + 60) or _SPEECH.search(text[max(0, m.start() - 40) : m.start()])
             or (len(m.group().split()) >= 8 and _MID_SENTENCE.search(text, max(0, m.start() - 3), m.start())))
    ]
    return found + [span for span in _quoted_paragraphs(text) if not any(a <= span[0] < b for a, b in found)]


# A paragraph that ends a quotation it never opened, after a speaker: 'Section 504 states,'
# then 'No otherwise qualified individual ... assistance…” [29 U.S.C. §794(a)]'.
_INTRODUCED = re.compile(r"[,:][ \t]*\n\s*$")


# A long quotation opened inside the writer's sentence ('are required "to provide services
# ..."') is someone else's words, named or not; a script stands on its own line.
_MID_SENTENCE = re.compile(r"[a-z,][ \t]+$")


def _quoted_paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for line in text.split("\n"):  # one pass: a regex over the lines would retry every start of a long line
        close = max(line.rfind("”"), line.rfind('"'))
        if close >= 0 and not (line.count("“") or line.count('"') > 1 or len(line[:close].split()) < 4):
            before = text[max(0, start - 60) : start]  # (a quotation opened on its own line: the pairs found it)
            if _INTRODUCED.search(before) and _SPEECH.search(before):
                spans.append((start, start + close + 1))
        start += len(line) + 1
    return spans


def fits_in_place(
    text: str, finding: Finding, replacement: str, *, verb: bool = False, noun: bool = False, to_reader: bool | None = None
) -> bool:
    """Whether the swap reads right between its neighbours: no check in ``_CHECKS``
    (rewrite/fit_checks.py), each named for what it refuses ("a_heading_in_capitals",
    "make_sure_before_an_object" ...), refuses it. ``check`` still offers the words;
    ``fix`` makes no edit a check refuses. ``verb``, ``noun``: the entry's part of
    speech; ``to_reader``: whether the sentence speaks to the reader (None: work it out)."""
    from .fit_checks import _CHECKS, Swap  # the lemmatizer and suggest.py: loaded on the first call

    words = _WORD.findall(replacement)
    if not words:
        return True
    swap = Swap.of(text, finding, replacement, words, verb=verb, noun=noun, to_reader=to_reader)
    return not any(check(swap) for check in _CHECKS)


def _is_noun_entry(lexicon: Lexicon, finding: Finding) -> bool:
    """A noun, or an acronym, which stands for a noun phrase."""
    entry = lexicon.get(finding.entry_id) if finding.entry_id else None
    return entry is not None and (entry.pos == "noun" or entry.category == "acronym")


def _is_verb_entry(lexicon: Lexicon, finding: Finding) -> bool:
    entry = lexicon.get(finding.entry_id) if finding.entry_id else None
    return entry is not None and entry.pos == "verb"


def fix_text(report: Report, lexicon: Lexicon, *, everything: bool = False) -> FixResult:
    """The report's text with every fixable finding replaced by its first suggestion
    that fits between its neighbours (``fits_in_place``)."""
    text = report.text
    quoted = quotations(text) if ("\"" in text or "“" in text or "”" in text) else []
    defined = terms_defined_in(text)
    # a noun inside a phrase the style rule says to rewrite whole ("conduct a reexamination of"):
    # swapped alone it makes a phrase a second run would change again ("conduct a review of")
    phrases = [(f.start, f.end) for f in report.findings if f.rule == "style.nominalization"]
    chosen = [
        f for f in report.findings
        if fixable(f, lexicon, everything=everything)
        and not spells_out_an_acronym(text, f)
        and not any(start <= f.start < end for start, end in quoted)
        and not defines_the_term(text, f)
        and not _defined_somewhere(f, lexicon, defined)
        and not in_a_label(text, f)
        and not _inside_another(f, phrases)
    ]
    by_edit = {(f.start, f.end, f.suggestions[0], f.rule): f for f in chosen}
    candidates = [(by_edit[(e.start, e.end, e.replacement, e.rule)], e)
                  for e in resolve_overlaps(Edit(f.start, f.end, f.suggestions[0], f.rule) for f in chosen)]
    reader = [_speaks_to_the_reader(text, f) for f, _ in candidates]
    for _ in range(4):  # an acronym spelled out once: fit again without its later uses
        fitted = _fitting(text, candidates, lexicon, reader)
        edits, dropped = _spelled_out_once(text, fitted, lexicon)
        if not dropped:
            break
        keep = [i for i, (_, e) in enumerate(candidates) if (e.start, e.end) not in dropped]
        candidates, reader = [candidates[i] for i in keep], [reader[i] for i in keep]
    return FixResult(apply_edits(text, edits), tuple(edits))


_ACRONYM = re.compile(r"(?:(?:an?|the|An?|The)[ \t]+)?([A-Z][A-Z0-9&]*[A-Z0-9](?:['’]?s)?)$")
# "What is a biopsy?"; "A biopsy is the removal ..." at a sentence's start: the sentence defines the term
_ASKS_WHAT = re.compile(r"\b(?:what|who)\s+(?:is|are)\s+(?:(?:an?|the)\s+)?[\"“‘']?$", re.IGNORECASE)
_QUESTION_MARK = re.compile(r"[\"”’']?[ \t]*\?")
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:an?|the)[ \t]+$", re.IGNORECASE)
_DEFINED_AS = re.compile(r"\s+(?:means|refers\s+to|(?:is|are)\s+(?:when|where|(?:an?|the|any|one)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:of|that|which|where|when|who|whose|in\s+which|used|given|done|made|caused|taken)\b))",
                         re.IGNORECASE)


def _inside_another(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(start <= finding.start and finding.end <= end and (start, end) != (finding.start, finding.end)
               for start, end in spans)


# A line that starts with a form's label and a colon: a few words ending in a
# preposition ("Obtain from: ...", "- Release to: ..."), or any few words before a
# blank to fill in ("Reason for referral: ____").
_LABEL = re.compile(r"[ \t]*(?:[-*\u2022\u25a1\u2610]+[ \t]*)?((?:[^\W\d_][\w'\u2019/&-]*[ \t]+){0,3}"
                    r"(?:(?:from|to|with|for|by|of|on|in|at|about)|[^\W\d_][\w'\u2019/&-]*(?=:[ \t]*(?:_{2,}|\[[ \t]*\])))):")


def in_a_label(text: str, finding: Finding) -> bool:
    """The finding is in a form's label at a line's start ("Obtain from:
    Authorization is to obtain ...", "Reason for referral: ____"): the reader
    matches the label against the form, so ``fix`` leaves it (``check`` still
    flags it). An instruction with a colon is no label ("Please submit the
    following: ...")."""
    line_start = text.rfind("\n", 0, finding.start) + 1
    match = _LABEL.match(text, line_start)
    return match is not None and match.start(1) <= finding.start and finding.end <= match.end(1)


def defines_the_term(text: str, finding: Finding) -> bool:
    """The sentence asks or says what the term is ("What is a biopsy?", "A biopsy is
    the removal of tissue"): a swap would make it define another thing, or say
    something false ("A tissue sample is the removal of tissue")."""
    if any(len(w) > 1 and w.isupper() for w in _WORD.findall(finding.text)):
        return False  # an acronym spelled out keeps the sentence true: "What is a special education plan (IEP)?"
    head = text[max(0, finding.start - 30) : finding.start]
    if _ASKS_WHAT.search(head) and _QUESTION_MARK.match(text, finding.end):
        return True
    article = _ARTICLE_BEFORE.search(head)
    start = finding.start - (len(article.group()) if article else 0)
    return _starts_a_clause(text, start) and _DEFINED_AS.match(text, finding.end) is not None


# "To rescind means ...", "'Spend-down' is defined as ...", "Respite refers to ...": the
# text explains the term in so many words, so every use of it stays for that to explain.
_DEFINITION_VERB = re.compile(r"[\"”’']?[ \t]+(?:means|is[ \t]+defined[ \t]+as|refers[ \t]+to)\b", re.IGNORECASE)
_DEFINED_WORD = re.compile(r"\w(?:[\w'’-]*\w)?")  # a word without the quotation marks around it


def terms_defined_in(text: str) -> frozenset[str]:
    """The last one to four words (lower case) before each "means", "is defined as"
    or "refers to" in the text: a term ending there is one the text defines."""
    found: set[str] = set()
    for match in _DEFINITION_VERB.finditer(text):
        words = _DEFINED_WORD.findall(text, max(0, match.start() - 60), match.start())[-4:]
        found.update(" ".join(words[-k:]).lower() for k in range(1, len(words) + 1))
    return frozenset(found)


def _defined_somewhere(finding: Finding, lexicon: Lexicon, defined: frozenset[str]) -> bool:
    """The text says what the term means ("To rescind means ..."), before or after this
    use: swapped here, the reader would meet the explanation of a word never used."""
    if not defined:
        return False
    entry = lexicon.get(finding.entry_id) if finding.entry_id else None
    written = " ".join(_DEFINED_WORD.findall(finding.text)).lower()
    return written in defined or (entry is not None and entry.term.lower() in defined)


def _spelled_out_once(text: str, edits: list[Edit], lexicon: Lexicon) -> tuple[list[Edit], set[tuple[int, int]]]:
    """An acronym is spelled out at its first swap, with the acronym after it in
    brackets ("the Women, Infants and Children food program (WIC)"), and left as it
    is after that: an editor spells a term out once, not at every use ("your WIC
    card", "reapply for WIC"), and the brackets define it, so a second run finds
    nothing more to change. A possessive use ("your PCP's office") is left too:
    brackets cannot stand before its "'s". Returns the edits kept and the
    spans of those dropped."""
    from ..pipeline.components.acronyms import acronym_base

    seen: set[str] = set()
    kept: list[Edit] = []
    dropped: set[tuple[int, int]] = set()
    found: list[dict[str, list[int]]] = []

    def uses() -> dict[str, list[int]]:  # read once per run, and only when an acronym is swapped
        if not found:
            found.append(_acronym_uses(text))
        return found[0]

    for edit in edits:
        entry = lexicon.get(edit.rule.partition(".")[2])
        match = _ACRONYM.match(text[edit.start : edit.end]) if entry is not None and entry.term.isupper() else None
        if match is None:  # a word in capitals ("FAMILY OBLIGATIONS") is no acronym
            kept.append(edit)
            continue
        acronym = match.group(1)
        key = acronym_base(acronym) or acronym  # "PCPs" and "PCP" are one acronym
        at = edit.start + match.start(1)
        if key in seen or text.startswith(("'s", "’s"), edit.end) or acronym.endswith(("'s", "’s")) \
                or _used_before(uses(), key, at, kept) or _inside_brackets(text, at):
            seen.add(key)  # not spelled out at a later use either
            dropped.add((edit.start, edit.end))
            continue
        seen.add(key)
        long_form = edit.replacement
        if _AN_OFFICE.match(long_form) and match.start(1) == 0 \
                and not _BARE_OK.search(text, max(0, edit.start - 30), edit.start) \
                and not _DETERMINED_BEFORE.search(text, max(0, edit.start - 40), edit.start) \
                and not _after_a_name(text, edit.start):
            # "DHS conducts" -> "the Department of Human Services (DHS) conducts"; not "Illinois the ..."
            long_form = ("The " if _starts_a_sentence(text, edit.start) else "the ") + long_form
        kept.append(replace(edit, replacement=f"{long_form} ({acronym})"))
    return kept, dropped


# A word in capitals that may be an acronym, with its plural or possessive: not part of
# an address ("SSA.gov", "help@DHS.org", "www.SSA")
_CAPITALS = re.compile(r"(?<![A-Za-z0-9@/.])[A-Z][A-Za-z0-9&]*[A-Z0-9](?:['’]?s)?(?![A-Za-z0-9]|\.[A-Za-z])")


def _acronym_uses(text: str) -> dict[str, list[int]]:
    """Where each acronym stands in the text, by its base form ("PCPs'" under PCP)."""
    from ..pipeline.components.acronyms import acronym_base

    uses: dict[str, list[int]] = {}
    for m in _CAPITALS.finditer(text):
        base = acronym_base(m.group())
        if base is not None:
            uses.setdefault(base, []).append(m.start())
    return uses


def _used_before(uses: dict[str, list[int]], acronym: str, at: int, kept: list[Edit]) -> bool:
    """The acronym stands earlier in the text as this run leaves it (in a heading, a
    name, a use the fit checks refused): spelled out here it would be explained at
    a later use, not its first, so it is left to the writer. A use inside an edit
    already kept ("GI bleed" -> "bleeding in the gut") is gone from the text."""
    starts = [e.start for e in kept] if uses.get(acronym) else []  # kept in text order
    for position in uses.get(acronym, ()):
        if position >= at:
            return False
        k = bisect_right(starts, position) - 1
        if k < 0 or position >= kept[k].end:
            return True
    return False


def _inside_brackets(text: str, at: int) -> bool:
    """Within brackets opened earlier in its paragraph: "(change the IEP and ...)" would
    get brackets inside brackets."""
    start = max(0, at - 300)  # a bracket opened further back is no aside around this use
    paragraph = text.rfind("\n\n", start, at)
    line = text[paragraph + 2 if paragraph >= 0 else start : at]
    return line.rfind("(") > line.rfind(")") or line.rfind("[") > line.rfind("]")


_AN_OFFICE = re.compile(r"(?:Department|Office|Division|Bureau|Administration|Agency|Board|Commission|Centers?|"
                        r"Institutes?|Council|Authority)\b")  # a name that takes "the"
# a determiner and a word of place before: "your local DSS" -> not "your local the Department ..."
# ("bring this to DSS" still takes "the")
_DETERMINED_BEFORE = re.compile(r"\b(?:a|an|the|your|my|his|her|their|our|its|this|that|each|every|any|no)[ \t]+"
                                r"(?:local|county|state|city|nearest|regional|area|tribal|federal)[ \t]+$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+$")  # "Illinois DHS": the place's office
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+|\n)[ \t]*(?:[-*•–][ \t]+)?$")


def _after_a_name(text: str, at: int) -> bool:
    """A name right before ``at`` ("Illinois DHS"), not a date's word or a sentence's first word that is
    an English word ("In March DHS", "Now DHS", "Contact DHS")."""
    m = _NAME_BEFORE.search(text, max(0, at - 30), at)
    if m is None:
        return False
    word = m.group().strip().lower()
    if word in grammar_words("calendar_words"):
        return False  # "In March DHS": a date, not the office's place
    if not _starts_a_sentence(text, m.start()):
        return True
    import lemminflect  # a sentence's first word is a name only if it is no English word ("Contact DHS")

    return not lemminflect.getAllInflections(word)


def _starts_a_sentence(text: str, at: int) -> bool:
    """Only a sentence's end, the text's start or a line's (past a bullet) before ``at``:
    "forms; DHS conducts" goes on a sentence, "- DHS conducts" starts one."""
    return _SENTENCE_START.search(text, max(0, at - 12), at) is not None

_ASIDES = frozenset(["that is", "in other words", "for example"])  # for "i.e." and "e.g.": a comma follows
_WORD_NEXT = re.compile(r"[ \t]+[\"“‘'(]?[A-Za-z0-9]")

_REACH = 120  # how far a neighbour check looks, in characters


def _fitting(text: str, candidates: list[tuple[Finding, Edit]], lexicon: Lexicon, reader: list[bool]) -> list[Edit]:
    """The edits that fit between their neighbours as the neighbours will read once
    the other kept edits are made: judged on the original text, "prior to in order
    to" would keep "in order to" (after "to") and a second run would then change
    it. Each finding gets its first suggestion that fits ("intent to vacate." ->
    "leave", where "move out of" needs an object). Repeated until nothing
    changes, so a second run finds the same answers."""
    starts = [e.start for _, e in candidates]
    kinds = [(_is_verb_entry(lexicon, f), _is_noun_entry(lexicon, f)) for f, _ in candidates]  # (verb, noun)
    chosen: dict[int, Edit] = {i: e for i, (_, e) in enumerate(candidates)}
    for _ in range(5):
        now: dict[int, Edit] = {}
        for i, (finding, edit) in enumerate(candidates):
            lo, hi = max(0, edit.start - _REACH), min(len(text), edit.end + _REACH)
            near = range(bisect_left(starts, lo), bisect_right(starts, hi))
            before = [_shift(chosen[j], -lo) for j in near if j in chosen and j != i and chosen[j].end <= edit.start]
            after = [_shift(chosen[j], -edit.end) for j in near if j in chosen and j != i and chosen[j].start >= edit.end
                     and chosen[j].end <= hi]
            left = apply_edits(text[lo : edit.start], before)
            context = left + text[edit.start : edit.end] + apply_edits(text[edit.end : hi], after)
            moved = replace(finding, start=len(left), end=len(left) + (edit.end - edit.start))
            verb, noun = kinds[i]
            # Later suggestions may be another term ("CIT" -> "crisis intervention team"): such
            # a one would be changed by the next run, so only plain ones stand in.
            options = [edit.replacement, *(s for s in finding.suggestions
                                           if s != edit.replacement and not lexicon.holds_a_term(s))]
            fit = next((option for option in options
                        if fits_in_place(context, moved, option, verb=verb, noun=noun, to_reader=reader[i])), None)
            if fit is not None and fit != options[0] and repeats_a_neighbour(context, moved, options[0]):
                fit = None  # the writer has said it already ("a trained qualified ..."): no stand-in
            if fit in _ASIDES and _WORD_NEXT.match(text, edit.end):
                fit += ","  # "(i.e. it is thicker)" -> "(that is, it is thicker)"
            if fit is not None:
                now[i] = replace(edit, replacement=fit)
        if now == chosen:
            break
        chosen = now
    return [chosen[i] for i in sorted(chosen)]


def _shift(edit: Edit, by: int) -> Edit:
    return replace(edit, start=edit.start + by, end=edit.end + by)
