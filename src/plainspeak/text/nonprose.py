"""What in a draft is not prose: links, e-mail addresses, file paths, code and markup.

A plain-language check has nothing to say about ``https://example.org/portal``,
``intake-form.pdf``, a fenced code block or an HTML comment, and ``fix`` must
never rewrite them (a changed link target is a broken link). ``nonprose_ranges``
finds them in any text, whatever its format: the patterns are specific enough
not to catch ordinary prose ("and/or", "24/7" and "e.g." are prose).
The analyser masks these ranges before the pipeline reads the text
(``text.prep.mask``) and drops any word finding that touches one.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

# Block-level HTML elements: a tag of one of these ends a paragraph.
BLOCK_TAGS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
)

_FILE_EXTENSIONS = (
    "pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|md|csv|tsv|json|xml|html?|png|jpe?g|gif|svg|zip|eml|msg|mp3|mp4|wav"
)

# Patterns that start with a fixed character, cheap to run over the whole text
# (one at a time: joined into one alternation they lose that and run 40x slower).
_COMMENT = re.compile(r"(?s:<!--.*?(?:-->|\Z))")  # HTML and Markdown comments
_RAW = re.compile(r"(?is:<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z))")  # never prose
_CODE = re.compile(r"`([^`\n]+)`(?!`)")  # inline code (not after another backtick: checked in code)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")  # HTML tags, with their attributes
_LINK_TARGET = re.compile(r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"\n]*\")?\)")  # Markdown link targets
# A `quoted' word or ``quotation'' in old typewriter style is prose, not code.
_TYPEWRITER_QUOTE = re.compile(r"''|\w'(?:\s|$)")
# Markdown fenced code blocks, to the closing fence (or the end of the text), and reference definitions.
_FENCE = re.compile(r"(?ms:^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[`~]*[ \t\r]*$|\Z))")
_REFERENCE = re.compile(r"(?m:^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$)")
# E-mail address lines ("To: Intake", "From: Dana"): addresses, not the writer's sentences.
# Matched from the line break before it (a literal first character keeps the search fast).
_HEADER = re.compile(r"\n[ \t>]*(?:From|To|Cc|Bcc|Sent|Date|Reply-To)[ \t]*:[^\n]*")
# A subject line is read, so only its label is skipped ("RE:" is no memo-speak there).
_SUBJECT = re.compile(r"\n[ \t>]*(?:Subject[ \t]*:[ \t]*)?(?:(?:RE|Re|FW|Fwd)[ \t]*:[ \t]*)*(?:Subject|RE|Re)[ \t]*:")

# Fill-ins of a template letter: "[indicate date]", "[Client Name]", "{first name}",
# "[____]". Words a writer replaces are not the writer's words; brackets that say
# what a term means ("federal poverty level [FPL]") are prose.
_FILL_IN = re.compile(
    r"\[(?:[ \t]*(?i:insert|indicate|enter|add|name|date|list|describe|specify|type|fill|client|patient|"
    r"participant|provider|agency|program|staff|worker|case|your|first|last|phone|address|time|number|signature|"
    r"title|city|state|amount|day|month|year)\b[^\[\]\n]{0,60}|[^\[\]\n]{0,40}_{3,}[^\[\]\n]{0,40})\](?![(\[])"
)
_TEMPLATE_FIELD = re.compile(r"\{\{?[^{}\n]{1,60}\}\}?")
# Blanks written as x's: "$XX,XXX.xx", "XX/XX/XXXX", "xxx-xxxx".
_X_BLANK = re.compile(r"(?<![\w'])[Xx]{2,12}(?:[.,/-][Xx]{1,12})*(?![\w'])")

# Links, addresses, paths and file names never hold white space: each is looked
# for only in the run of non-space characters around a character that gives it
# away, which keeps the search linear and fast on a million words.
_TRIGGERS = re.compile(
    r"://|@|/|\\|www\.|WWW\.|mailto:|\.(?i:gov|org|com|net|edu|mil|us|io|info|co|uk|ca|au|" + _FILE_EXTENSIONS + r")\b"
)
_IN_RUN = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"(?i:\b(?:https?|ftp|file)://\S+)",  # URLs (trailing punctuation trimmed below)
            r"(?i:\b(?:www\.|mailto:)\S+)",
            r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}",  # e-mail addresses
            # Bare domains and their paths: "benefits.gov", "example.org/apply".
            r"(?i:(?<![\w.-])(?:[a-z0-9-]{1,63}\.){1,8}(?:gov|org|com|net|edu|mil|us|io|info|co|uk|ca|au)\b(?:/\S*)?)",
            r"(?<![\w/.])(?:~|\.{1,2})?/(?:[\w.-]{1,255}/){1,40}[\w.-]*",  # Unix paths: /home/dana/x.txt, ./forms/
            r"(?<![\w/.])/[\w-]{1,255}\.\w{1,5}\b",  # /notes.txt
            r"\b[A-Za-z]:\\\S+",  # Windows paths
            r"\\\\[\w.-]+\\\S+",  # network paths: \\server\share\file
            # File names: intake-form.pdf, forms/a.docx
            r"(?<![\w./-])[\w-]{1,100}(?:/[\w.-]{1,100}){0,20}\.(?:" + _FILE_EXTENSIONS + r")\b",
        )
    )
)
_TRAILING = ".,;:!?'\"*_<>"  # sentence punctuation (and an autolink's brackets) after a link are not the link's


def nonprose_ranges(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ``(start, end)`` ranges of ``text`` that are not prose."""
    found: list[tuple[int, int]] = []
    for pattern in (_COMMENT, _RAW, _TAG, _LINK_TARGET):
        found.extend(match.span() for match in pattern.finditer(text))
    if "[" in text:
        found.extend(match.span() for match in _FILL_IN.finditer(text))
    if "{" in text:
        found.extend(match.span() for match in _TEMPLATE_FIELD.finditer(text))
    if "xx" in text or "XX" in text:
        found.extend(match.span() for match in _X_BLANK.finditer(text))
    found.extend(
        match.span()
        for match in _CODE.finditer(text)
        if text[match.start() - 1 : match.start()] != "`" and not _TYPEWRITER_QUOTE.search(match.group(1))
    )
    lines = "\n" + text  # the "\n" lets the first line match too
    for match in itertools.chain(_HEADER.finditer(lines), _SUBJECT.finditer(lines)):
        found.append((match.start(), match.end() - 1))  # shifted back by the added "\n"
    if "plainspeak-" in text:  # a suppression comment on a line of its own (rules/suppressions.py)
        from ..rules.suppressions import LINE_DIRECTIVE

        found.extend(match.span() for match in LINE_DIRECTIVE.finditer(text))
    for pattern, marks in ((_FENCE, ("```", "~~~")), (_REFERENCE, ("]:",))):
        if any(mark in text for mark in marks):
            end = -1
            for at in sorted({line_start(text, i) for mark in marks for i in _find_all(text, mark)}):
                opened = pattern.match(text, at) if at >= end else None  # a closing fence opens nothing
                if opened:
                    found.append(opened.span())
                    end = opened.end()
    done_until = -1
    for trigger in _TRIGGERS.finditer(text):
        at = trigger.start()
        if at < done_until:
            continue
        lo, hi = _run_around(text, at)
        for match in _IN_RUN.finditer(text, lo, hi):
            start, end = match.start(), trim_trailing(text, *match.span())
            if end > start:
                found.append((start, end))
        done_until = hi
    found.sort()
    ranges: list[tuple[int, int]] = []
    for start, end in found:
        if ranges and start < ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(end, ranges[-1][1]))
        else:
            ranges.append((start, end))
    return ranges


_LONGEST_RUN = 4096  # a link or path longer than this is cut here


def _run_around(text: str, at: int) -> tuple[int, int]:
    """The run of non-space characters around ``at`` (at most _LONGEST_RUN each way)."""
    floor, ceiling = max(0, at - _LONGEST_RUN), min(len(text), at + _LONGEST_RUN)
    lo = max(text.rfind(" ", floor, at), text.rfind("\n", floor, at), text.rfind("\t", floor, at), floor - 1) + 1
    ends = [i for i in (text.find(" ", at, ceiling), text.find("\n", at, ceiling), text.find("\t", at, ceiling)) if i >= 0]
    return lo, min(ends, default=ceiling)


def line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _find_all(text: str, mark: str) -> Iterator[int]:
    at = text.find(mark)
    while at >= 0:
        yield at
        at = text.find(mark, at + len(mark))


def trim_trailing(text: str, start: int, end: int) -> int:
    """Leave sentence punctuation, and a closing bracket the link did not open, outside."""
    while end > start:
        last = text[end - 1]
        if last in _TRAILING or (last in ")]}" and text.count("([{"[")]}".index(last)], start, end) < text.count(last, start, end)):
            end -= 1
        else:
            break
    return end


def block_tag_starts(text: str, ranges: Sequence[tuple[int, int]]) -> Iterator[int]:
    """Where a block-level HTML tag starts inside the ranges: a paragraph ends there."""
    for start, end in ranges:
        if text[start] == "<":
            for match in _BLOCK_TAG.finditer(text, start, end):
                if match.group(1).lower() in BLOCK_TAGS:
                    yield match.start()


_BLOCK_TAG = re.compile(r"</?([A-Za-z][\w:-]*)")


def overlaps(ranges: Sequence[tuple[int, int]], starts: Sequence[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` touches any of the sorted ``ranges`` (``starts`` are their starts)."""
    i = bisect_right(starts, start)
    if i and ranges[i - 1][1] > start:
        return True
    return i < len(ranges) and ranges[i][0] < end
