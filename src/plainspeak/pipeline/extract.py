"""From annotated Docs to Findings: the one place spaCy spans become plain data.

A long input is analysed as several Docs (segments); each Doc comes with its
``text.prep.Prepared`` piece, which maps positions in the Doc back to the
original input (past any invisible characters removed), so every finding's
``start``/``end`` index the original input and ``text`` is sliced from it.
Word findings that touch what is not prose (a link, a path, code: see
nonprose.py) are dropped here, whatever matched them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span

from ..config.settings import Settings
from ..report import Finding, Report, Sentence, Summary, summary_bucket
from ..rewrite.suggest import (
    adapt,
    agrees_with_verb,
    as_modifier,
    fits_before_a_noun,
    fits_the_voice,
    matched_head,
    stands_before_a_noun,
    text_voices,
    with_article,
)
from ..rules.lexicon import Entry, Lexicon
from ..rules.policy import Policy
from ..severity import Severity
from ..text.nonprose import overlaps
from ..text.positions import LineIndex
from ..text.prep import Prepared
from ..text.readability import Counts, flesch_kincaid_grade, flesch_reading_ease
from .components import (
    ACRONYM_DEFINITIONS_KEY,
    ACRONYM_KEY,
    JARGON_KEY,
    SENTENCES_KEY,
    STYLE_KEY,
    TERM_DEFINITIONS_KEY,
    UNCOMMON_KEY,
)
from .components.acronyms import acronym_base, common_acronyms

UNCOMMON_SEVERITY = Severity.SUGGESTION
ACRONYM_SEVERITY = Severity.WARNING
HARD_SENTENCE_SEVERITY = Severity.WARNING
LONG_SENTENCE_SEVERITY = Severity.SUGGESTION


@dataclass
class Condition:
    """Why a finding may yet be dropped: the text explains its term or acronym
    before ``at``. Decided when the Doc's results are merged in order, so a
    definition in an earlier part of a long input counts wherever that part
    was analysed (one process or several)."""

    at: int
    term_id: str | None = None  # a lexicon term explained earlier is accepted
    acronym: str | None = None  # an acronym spelled out earlier is accepted
    parts: bool = False  # "HUD-VA": accepted once each part is explained or known


@dataclass
class DocFindings:
    """What one Doc contributes to its input, as plain data (what a worker process
    sends back): findings in the order found, each with the condition that could
    still drop it, the definitions the Doc makes, and its counts."""

    items: list[tuple[Finding, Condition | None]] = field(default_factory=list)
    acronym_definitions: list[tuple[str, int]] = field(default_factory=list)  # (acronym, offset)
    term_definitions: list[tuple[str, int]] = field(default_factory=list)  # (entry id, offset)
    counts: Counts = field(default_factory=Counts)
    weighted_grade: int = 0
    sentences: list[Sentence] = field(default_factory=list)

    def shifted(self, offset: int, lines: LineIndex) -> DocFindings:
        """The same results for a part of the text that starts at ``offset``: offsets
        moved, lines and columns counted in the whole text."""
        if not offset:
            return self

        position = lines.position

        def move(f: Finding) -> Finding:  # built directly: dataclasses.replace took 1 s per 50,000
            start, end = f.start + offset, f.end + offset
            (line, column), (end_line, end_column) = position(start), position(end)
            return Finding(f.rule, f.category, f.severity, f.message, f.text, start, end, line, column, end_line,
                           end_column, f.suggestions, f.term, f.entry_id, f.where)

        def moved_sentence(s: Sentence) -> Sentence:
            line, column = position(s.start + offset)
            return Sentence(s.start + offset, s.end + offset, line, column, s.words, s.grade)

        return DocFindings(
            [(move(f), replace(c, at=c.at + offset) if c else None) for f, c in self.items],
            [(a, at + offset) for a, at in self.acronym_definitions],
            [(t, at + offset) for t, at in self.term_definitions],
            self.counts,
            self.weighted_grade,
            [moved_sentence(s) for s in self.sentences],
        )


@dataclass
class InputState:
    """What is learnt while the segments of one input go by."""

    name: str
    text: str
    lines: LineIndex
    findings: list[Finding] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)
    weighted_grade: int = 0  # sum over sentences of estimated grade x words, in thousandths
    defined: dict[str, int] = field(default_factory=dict)  # acronym -> offset of its definition
    defined_terms: dict[str, int] = field(default_factory=dict)  # lexicon entry id -> offset of its explanation
    sentences: list[Sentence] = field(default_factory=list)
    nonprose: list[tuple[int, int]] = field(default_factory=list)  # links, paths, code: no word findings
    nonprose_starts: list[int] = field(default_factory=list)
    given_voices: frozenset[str] | None = None  # a part of a long text analysed alone: the whole text's

    @classmethod
    def start(cls, name: str, text: str, nonprose: list[tuple[int, int]] | None = None,
              voices: frozenset[str] | None = None) -> InputState:
        ranges = nonprose or []
        return cls(name, text, LineIndex(text), nonprose=ranges, nonprose_starts=[start for start, _ in ranges],
                   given_voices=voices)

    def in_nonprose(self, start: int, end: int) -> bool:
        return bool(self.nonprose) and overlaps(self.nonprose, self.nonprose_starts, start, end)

    @cached_property
    def voices(self) -> frozenset[str]:
        """Whom the text talks to or speaks for ("you", "we"), from its own words."""
        return self.given_voices if self.given_voices is not None else text_voices(self.text)

    def merge(self, part: DocFindings) -> list[Finding]:
        """Take one Doc's results, in text order: its definitions first (a definition
        counts for what follows it in the same Doc), then the findings they leave,
        which are returned (in the order found) for the caller to keep or pass on."""
        for acronym, at in part.acronym_definitions:
            self.defined.setdefault(acronym, at)
        for term, at in part.term_definitions:
            self.defined_terms.setdefault(term, at)
        self.counts = self.counts + part.counts
        self.weighted_grade += part.weighted_grade
        return [f for f, condition in part.items if condition is None or not self._explained(condition)]

    def add(self, part: DocFindings) -> None:
        """Merge one Doc's results and keep its findings and sentences (a whole report)."""
        self.findings.extend(self.merge(part))
        self.sentences.extend(part.sentences)

    def _explained(self, c: Condition) -> bool:
        never = float("inf")
        if c.term_id is not None and self.defined_terms.get(c.term_id, never) <= c.at:
            return True
        if c.acronym is not None and self.defined.get(c.acronym, never) <= c.at:
            return True
        if c.parts and c.acronym is not None:  # "HUD-VA" after HUD and VA
            parts = [p for p in c.acronym.split("-") if p.isalpha()]
            return bool(parts) and all(self.defined.get(p, never) <= c.at or p in common_acronyms() for p in parts)
        return False


def add_doc(state: InputState, doc: Doc, piece: Prepared, lexicon: Lexicon, settings: Settings) -> DocFindings:
    """One segment's annotations as findings: plain data, merged into ``state``
    (``state.merge``) in text order. Only ``state``'s text, lines, non-prose
    ranges and voices are read here."""
    out = DocFindings()
    items = out.items
    for span in doc.spans.get(ACRONYM_DEFINITIONS_KEY, ()):
        base = acronym_base(span.text)
        if base is not None:
            out.acronym_definitions.append((base, piece.start(span.start_char)))
    for span in doc.spans.get(TERM_DEFINITIONS_KEY, ()):
        out.term_definitions.append((span.id_, piece.start(span.start_char)))
    for span in doc.spans.get(JARGON_KEY, ()):
        entry = lexicon.get(span.id_)
        if entry is None or _accepted(settings, entry, span) or _touches_nonprose(state, span, piece):
            continue
        # A term the text has already explained (a lexicon acronym spelled out too) is accepted.
        acronym = acronym_base(span.text) if entry.category == "acronym" else None
        items.append((_jargon(state, span, piece, entry), Condition(piece.start(span.start_char), entry.id, acronym)))
    for span in doc.spans.get(UNCOMMON_KEY, ()):
        if not _touches_nonprose(state, span, piece):
            items.append((
                _finding(
                    state, span, piece, "uncommon.word", "uncommon", UNCOMMON_SEVERITY,
                    f"'{_slice(state, span, piece)}' is an uncommon or hard word; many readers may not know it.",
                ), None))
    for span in doc.spans.get(ACRONYM_KEY, ()):
        base = acronym_base(span.text)
        if not _touches_nonprose(state, span, piece):
            finding = _finding(
                state, span, piece, "acronym.undefined", "acronym", ACRONYM_SEVERITY,
                f"'{_slice(state, span, piece)}' is not explained; spell it out the first time you use it.",
            )
            at = piece.start(span.start_char)
            items.append((finding, Condition(at, acronym=base, parts="-" in base) if base is not None else None))
    style = doc.spans.get(STYLE_KEY)
    if style is not None:
        attrs = style.attrs
        for span, message, suggestions, severity in zip(
            style, attrs.get("messages", ()), attrs.get("suggestions", ()), attrs.get("severities", ())
        ):
            if not _touches_nonprose(state, span, piece):
                items.append((
                    _finding(state, span, piece, span.label_, "style", Severity.parse(severity), message,
                             tuple(suggestions)), None))
    group = doc.spans.get(SENTENCES_KEY)
    if group is not None:
        attrs = group.attrs
        out.counts = Counts(
            attrs.get("words", 0), attrs.get("sentences", 0), attrs.get("syllables", 0), attrs.get("polysyllables", 0)
        )
        out.weighted_grade = attrs.get("weighted_grade", 0)
        for start_char, end_char, words, tenths in attrs.get("every_sentence", ()):
            start, end = piece.start(start_char), piece.end(end_char)
            line, column = state.lines.position(start)
            out.sentences.append(Sentence(start, end, line, column, words, tenths / 10))
        for span, grade, words in zip(group, attrs.get("grades", ()), attrs.get("word_counts", ())):
            if span.label_ == "hard-sentence":
                items.append((
                    _finding(
                        state, span, piece, "readability.hard-sentence", "readability", HARD_SENTENCE_SEVERITY,
                        f"This sentence reads at grade {grade:.1f} (target {settings.target_grade:g}); "
                        "use shorter words or split it.",
                    ), None))
            else:
                items.append((
                    _finding(
                        state, span, piece, "readability.long-sentence", "readability", LONG_SENTENCE_SEVERITY,
                        f"This sentence has {words} words (limit {settings.max_sentence_words}); split it up.",
                    ), None))
    return out


ORDER = lambda f: (f.start, -f.end, f.rule)  # noqa: E731 - the order findings are reported in


class Outgoing:
    """An input's findings on their way out, in text order: through the rule
    selection and the text's suppression comments (when a policy is given), and
    counted for the summary. The one path for a whole report (``finish``) and a
    streamed one (``Analyzer.report_in_parts``), so the two cannot differ."""

    def __init__(self, text: str, policy: Policy | None) -> None:
        self._run = policy.start(text) if policy is not None else None
        self._buckets: dict[str, int] = {}

    def take(self, findings: list[Finding]) -> list[Finding]:
        """The findings of the next stretch of text, sorted, as reported now."""
        out = sorted(findings, key=ORDER)
        if self._run is not None:
            out = self._run.take(out)
        self._count(out)
        return out

    def end(self) -> list[Finding]:
        """What is reported last (findings held back for --report-unused-suppressions)."""
        out = self._run.end() if self._run is not None else []
        self._count(out)
        return out

    @property
    def suppressed(self) -> list[Finding]:
        return self._run.suppressed if self._run is not None else []

    def _count(self, findings: list[Finding]) -> None:
        buckets = self._buckets
        for f in findings:
            bucket = summary_bucket(f)
            buckets[bucket] = buckets.get(bucket, 0) + 1

    def summary(self, state: InputState, settings: Settings) -> Summary:
        counts = state.counts
        enough = counts.words >= settings.min_document_words and counts.sentences >= settings.min_document_sentences
        by_bucket = self._buckets
        return Summary(
            words=counts.words,
            sentences=counts.sentences,
            grade=flesch_kincaid_grade(counts) if enough else None,
            estimated_grade=state.weighted_grade / 1000 / counts.words if enough and counts.words else None,
            reading_ease=flesch_reading_ease(counts) if enough else None,
            jargon=by_bucket.get("jargon", 0),
            stigmatising=by_bucket.get("stigmatising", 0),
            style=by_bucket.get("style", 0),
            uncommon=by_bucket.get("uncommon", 0),
            acronyms=by_bucket.get("acronym", 0),
            hard_sentences=by_bucket.get("hard-sentence", 0),
            long_sentences=by_bucket.get("long-sentence", 0),
            short_text_grade=flesch_kincaid_grade(counts) if not enough and counts.sentences and counts.words else None,
        )


def report_parts(report: Report, state: InputState, results: Iterable[DocFindings], settings: Settings,
                 policy: Policy | None) -> Iterator[tuple[list[Finding], list[Sentence]]]:
    """A streamed report's parts: each Doc's results (in text order) merged and
    passed on, none kept; the summary and the suppressed findings are set on
    ``report`` at the end."""
    out = Outgoing(state.text, policy)
    for part in results:
        yield out.take(state.merge(part)), part.sentences
    last = out.end()
    report.summary = out.summary(state, settings)
    report.suppressed = out.suppressed
    if last:
        yield last, []


def finish(state: InputState, settings: Settings, policy: Policy | None = None) -> Report:
    """The input's whole Report: its findings (through the rule selection and the
    text's suppression comments, when a policy is given) and its summary."""
    out = Outgoing(state.text, policy)
    findings = out.take(state.findings)
    findings.extend(out.end())
    return Report(state.name, state.text, findings, out.summary(state, settings), sentences=state.sentences,
                  suppressed=out.suppressed)


def _touches_nonprose(state: InputState, span: Span, piece: Prepared) -> bool:
    """A word finding in or across a link, a path or code: not the writer's prose,
    and never to be rewritten ("prior `x` to" must not become one edit)."""
    return state.in_nonprose(piece.start(span.start_char), piece.end(span.end_char))


def _accepted(settings: Settings, entry: Entry, span: Span) -> bool:
    """The readers know this term (--accept IOP): not flagged."""
    return bool(settings.accept) and (entry.term.lower() in settings.accept or span.text.lower() in settings.accept)


def _jargon(state: InputState, span: Span, piece: Prepared, entry: Entry) -> Finding:
    texts = [t.text for t in span]
    lemmas = [t.lemma_ for t in span]
    head_form, head_lemma = matched_head(entry, texts, lemmas)
    matched = _slice(state, span, piece)
    previous = _previous_word(span, skip=_BETWEEN_AUXILIARY_AND_VERB)
    following = _next_word(span)
    suggestions: list[str] = []
    for alternative in entry.plain:
        s = adapt(
            alternative, entry, head_form, head_lemma, matched,
            sentence_start=bool(span[0].is_sent_start), previous_word=previous, next_word=following,
        )
        if s not in suggestions:
            suggestions.append(s)
    # "your" in a letter about someone else, "we" where the text speaks for nobody:
    # the wrong person says something false, so such a suggestion is not offered.
    suggestions = [s for s in suggestions if fits_the_voice(s, state.voices, previous)]
    noun = entry.pos == "noun" or (not entry.pos and entry.match == "exact")  # acronyms name things
    plural_term = head_form.lower() != head_lemma.lower()
    describes = (noun and _describes_a_noun(span)) or (entry.pos == "adj" and _before_a_content_word(span)) \
        or (not entry.pos and _article_before(span) is not None and _describes_a_noun(span))  # "a pro se clinic"
    if describes:  # "the OBOT program", "intravenous antibiotics": only what can stand there
        suggestions = [s for s in suggestions if fits_before_a_noun(s)]
        plural_acronym = matched.endswith("s") and not entry.term.endswith("s")  # "RNs"
        if noun and not plural_term and not plural_acronym:  # "an SSI check" -> "a disability payment check"
            suggestions = list(dict.fromkeys(as_modifier(s) for s in suggestions))
    if noun and following:
        # "a decisional balance is": not "pros and cons is"; "other financial resources
        # are": not "other money are"
        suggestions = [s for s in suggestions if agrees_with_verb(s, following, plural_term=plural_term)]
    start_char = span.start_char
    article = _article_before(span)
    if article is not None and suggestions:
        # before the noun it describes, the article is that noun's: by sound only ("a visitation
        # schedule" -> "a family time schedule", not "family time schedule")
        as_noun = noun and not describes and entry.category != "person-first"
        fitted = [with_article(s, article.text, noun=as_noun) for s in suggestions]
        if any(f != f"{article.text} {s}" for f, s in zip(fitted, suggestions)):
            # "an ROI" -> "a permission form", "an overpayment" -> "money paid to you by
            # mistake": the article is part of what is replaced, so check and fix agree.
            start_char, suggestions = article.idx, fitted
    return _finding(
        state, span, piece, entry.rule_id, entry.category, entry.severity,
        f"'{matched}': {entry.note}", tuple(suggestions), entry.term, start_char=start_char, entry_id=entry.id,
    )


_ARTICLES = frozenset({"a", "an"})


def _article_before(span: Span):
    """The "a"/"an" right before the span (spaces between), or None."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space and "\n" not in span.doc[i].text:
        i -= 1
    if i < 0 or span.doc[i].lower_ not in _ARTICLES or (span.doc[i].text == "AN" and not span.text.isupper()):
        return None  # "AI/AN individuals": an acronym, not the article
    token = span.doc[i]
    if i > 0 and not (span.doc[i - 1].whitespace_ or span.doc[i - 1].is_space or span.doc[i - 1].is_punct):
        return None
    if token.text == "A" and not token.is_sent_start and i > 0 and span.doc[i - 1].text[:1].isupper():
        return None  # "Part A premiums", "Plan A": a letter in a name, not the article
    return token


def _next_word(span: Span) -> str:
    i = span.end
    while i < len(span.doc) and span.doc[i].is_space and "\n" not in span.doc[i].text:
        i += 1
    return span.doc[i].text if i < len(span.doc) and span.doc[i].is_alpha else ""


_AND_OR = frozenset({"and", "or"})


def _describes_a_noun(span: Span) -> bool:
    """The term stands before a noun it describes: "the OBOT program", or with
    words joined to it by "and"/"or" between: "mental health consumer and
    recovery communities" (where "person who uses services" cannot stand)."""
    words: list[str] = []
    i = span.end
    while i < len(span.doc) and len(words) < 7:
        token = span.doc[i]
        if "\n" in token.text or (token.is_punct and token.text != "-"):
            break
        if token.is_alpha:
            words.append(token.lower_)
        i += 1
    if not words:
        return False
    if stands_before_a_noun(words[0]):
        return True
    return words[0] in _AND_OR and any(stands_before_a_noun(w) for w in words[1:])


_LINKING_VERBS = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "become", "becomes", "became",
                            "seem", "seems", "seemed", "stay", "stays", "remain", "remains", "remained", "'s", "’s"])


def _before_a_content_word(span: Span) -> bool:
    """An adjective term right before a word that is no function word: a noun it
    describes ("intravenous antibiotics", "community-based programs"), where a
    phrase ("into a vein", "close to home") cannot stand."""
    from spacy.lang.en.stop_words import STOP_WORDS

    if _previous_word(span).lower() in _LINKING_VERBS:
        return False  # "is intravenous today": it describes the subject, not the word after it
    doc = span.doc
    words = [t for t in doc[span.end : span.end + 8] if not t.is_space or "\n" in t.text][:3]

    def content(token) -> bool:  # lower case: "effective June 1" is no June that is effective
        return token.is_alpha and token.text.islower() and token.lower_ not in STOP_WORDS

    if words and content(words[0]):
        return True
    if len(words) == 3 and words[0].lower_ in _AND_OR and words[1].is_alpha and content(words[2]):
        return True  # "intravenous and oral antibiotics": both describe the noun
    return _describes_a_noun(span)


# Words that may stand between an auxiliary and its verb: "hasn't participated",
# "has never attended" take the participle as "has participated" does.
_BETWEEN_AUXILIARY_AND_VERB = frozenset(["n't", "not", "never", "already", "just", "also", "recently", "previously",
                                         "successfully", "since", "yet", "ever", "not yet"])


def _previous_word(span: Span, skip: frozenset[str] = frozenset()) -> str:
    """The word before the span (not space or punctuation), passing over up to two
    words in ``skip``."""
    i, passed = span.start - 1, 0
    while i >= 0:
        token = span.doc[i]
        if token.is_space or token.is_punct:
            i -= 1
        elif passed < 2 and token.lower_ in skip:
            i, passed = i - 1, passed + 1
        else:
            return token.text
    return ""


def _slice(state: InputState, span: Span, piece: Prepared) -> str:
    return state.text[piece.start(span.start_char) : piece.end(span.end_char)]


def _finding(
    state: InputState,
    span: Span,
    piece: Prepared,
    rule: str,
    category: str,
    severity: Severity,
    message: str,
    suggestions: tuple[str, ...] = (),
    term: str | None = None,
    *,
    start_char: int | None = None,
    entry_id: str | None = None,
) -> Finding:
    start, end = piece.start(span.start_char if start_char is None else start_char), piece.end(span.end_char)
    line, column = state.lines.position(start)
    end_line, end_column = state.lines.position(end)
    return Finding(
        rule=rule,
        category=category,
        severity=severity,
        message=message,
        text=state.text[start:end],
        start=start,
        end=end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        suggestions=suggestions,
        term=term,
        entry_id=entry_id,
    )
