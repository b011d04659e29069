"""Links, e-mail addresses, paths, code and markup are not prose: never flagged, never rewritten."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from plainspeak.cli.app import cli
from plainspeak.text.nonprose import nonprose_ranges


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in nonprose_ranges(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Visit https://example.org/portal. Then call.", ["https://example.org/portal"]),
        ("(see https://example.org/a_(b))", ["https://example.org/a_(b)"]),
        ("Go to benefits.gov/apply, then", ["benefits.gov/apply"]),
        ("See www.example.org/utilize!", ["www.example.org/utilize"]),
        ("Mail dana.reyes@agency.org, then", ["dana.reyes@agency.org"]),
        ("See [the portal](https://example.org/portal \"Portal\") now", ['](https://example.org/portal "Portal")']),
        ("[portal]: https://example.org/portal", ["[portal]: https://example.org/portal"]),
        ("Run `utilize --all` now", ["`utilize --all`"]),
        ("```\nutilize the portal\n```\nafter", ["```\nutilize the portal\n```"]),
        ("<!-- utilize\nthe portal -->", ["<!-- utilize\nthe portal -->"]),
        ('<a href="/portal" title="utilize">x</a>', ['<a href="/portal" title="utilize">', "</a>"]),
        ("<script>utilize()</script>", ["<script>utilize()</script>"]),
        ("Open /home/dana/intake/notes.txt or ./forms/", ["/home/dana/intake/notes.txt", "./forms/"]),
        ("Open C:\\Users\\dana\\intake.docx today", ["C:\\Users\\dana\\intake.docx"]),
        ("Fill in intake-form.pdf please", ["intake-form.pdf"]),
        # a template letter's fill-ins: the words a writer replaces
        ("Dear [Client Name], we will meet on [indicate date].", ["[Client Name]", "[indicate date]"]),
        ("Call {first name} or {{agency}} at [_____].", ["{first name}", "{{agency}}", "[_____]"]),
        ("You owe $XX,XXX.xx by XX/XX/XXXX; call xxx-xxxx.", ["XX,XXX.xx", "XX/XX/XXXX", "xxx-xxxx"]),  # blanks in x's
        ("See [date of the hearing](x) now", ["](x)"]),  # a link's text stays prose
    ],
)
def test_what_is_not_prose(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["and/or", "24/7 support", "e.g. this", "his/her", "the U.S. and the U.K.", "a < b and c > d", "5 p.m.",
     "Mr. Smith", "x" * 40_000, "a-" * 20_000, "@ the office", "Q&A",
     # brackets that say what a term means, or a link's text, are prose
     "the federal poverty level [FPL]", "the IOP [intensive outpatient program]"],
)
def test_prose_is_prose(text):
    assert found(text) == []


MARKDOWN = """# Your next steps

Please utilize [the portal](https://example.org/portal) prior to your visit.
Write to <intake@example.org> or see example.org/portal/help.
The form is at `/srv/utilize/portal.txt` and C:\\Forms\\intake-portal.docx.

<!-- utilize: note to self, prior to sending -->

```
utilize --portal prior-to
```
"""

HTML = """<html><head><style>.utilize { color: red }</style></head><body>
<p>Please utilize the <a href="https://example.org/portal" title="utilize the portal">portal</a>
prior to your visit.</p><!-- utilize the portal --><p>Email <a href="mailto:dana@example.org">Dana</a>.</p>
<script>utilize("portal")</script></body></html>
"""

PLAIN = """Please utilize the portal at https://example.org/portal prior to your visit.
Your file is /home/case/utilize/portal.txt; e-mail utilize.portal@example.org.
"""

UNTOUCHED = {
    "md": ["(https://example.org/portal)", "<intake@example.org>", "example.org/portal/help", "`/srv/utilize/portal.txt`",
           "C:\\Forms\\intake-portal.docx", "<!-- utilize: note to self, prior to sending -->",
           "```\nutilize --portal prior-to\n```"],
    "html": ["<style>.utilize { color: red }</style>",
             '<a href="https://example.org/portal" title="utilize the portal">', "<!-- utilize the portal -->",
             '<a href="mailto:dana@example.org">', '<script>utilize("portal")</script>'],
    "txt": ["https://example.org/portal", "/home/case/utilize/portal.txt", "utilize.portal@example.org"],
}


@pytest.mark.parametrize(("suffix", "text"), [("md", MARKDOWN), ("html", HTML), ("txt", PLAIN)])
def test_fix_leaves_links_paths_code_and_comments_byte_for_byte(tmp_path, suffix, text):
    path = tmp_path / f"draft.{suffix}"
    path.write_text(text, encoding="utf-8")
    if suffix == "html":  # a page is not rewritten (markup can run through a word): --diff shows its text's changes
        refused = CliRunner().invoke(cli, ["fix", "--all", "--in-place", str(path)], catch_exceptions=False)
        assert refused.exit_code == 2 and "fix does not rewrite web pages" in refused.stderr
        assert path.read_text(encoding="utf-8") == text
        diff = CliRunner().invoke(cli, ["fix", "--all", "--diff", str(path)], catch_exceptions=False).stdout
        assert "+Please use the website before your visit." in diff and "style" not in diff and "script" not in diff
        return
    result = CliRunner().invoke(cli, ["fix", "--all", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Please use" in out and "before your visit" in out  # the prose was fixed
    for piece in UNTOUCHED[suffix]:
        assert piece in out


@pytest.mark.parametrize(("suffix", "text"), [("md", MARKDOWN), ("html", HTML), ("txt", PLAIN)])
def test_check_does_not_flag_links_paths_code_or_comments(tmp_path, suffix, text):
    path = tmp_path / f"draft.{suffix}"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)], catch_exceptions=False)
    import json

    report = json.loads(result.stdout)["reports"][0]
    words = [f for f in report["findings"] if not f["rule"].startswith("readability.")]
    assert words  # the prose is still checked
    if suffix == "html":  # a web page is read as its visible text: markup, scripts, styles and comments are not in it
        assert report["format"] == "html"
        assert [f["text"] for f in words if f["rule"] == "jargon.utilize"] == ["utilize"]
        return
    ranges = nonprose_ranges(text)
    for f in words:
        assert not any(a < f["end"] and f["start"] < b for a, b in ranges), f


def test_a_phrase_is_never_matched_across_code(analyzer):
    report = analyzer.analyze("Do it prior `x` to noon, prior to lunch.")
    assert [(f.rule, f.text) for f in report.findings if f.kind == "jargon"] == [("jargon.prior-to", "prior to")]
    assert report.findings[0].start == report.text.index("prior to")


def test_html_block_tags_end_paragraphs(analyzer):
    """<p>One</p><p>Two</p> is two paragraphs: the tags are masked as line breaks."""
    text = "<p>Hi Dana</p><p>We moved your visit to Monday at noon because the doctor is away that day.</p>"
    report = analyzer.analyze(text)
    assert report.summary.sentences == 2


def test_email_address_lines_and_subject_labels_are_not_prose():
    """"To: Intake" names a mailbox; a subject line is read, so only its label is skipped."""
    text = "Subject: RE: Intake paperwork\r\nTo: Intake\r\n\r\nHi, the time: 10:30 works.\n> From: Dana\nRE: Your visit\n"
    assert found(text) == ["Subject: RE:", "To: Intake\r", "> From: Dana", "RE:"]


def test_a_fence_closes_on_a_crlf_line():
    """A CRLF file's closing fence ends the code: the text after it is prose again."""
    from plainspeak.text.nonprose import nonprose_ranges

    text = "Intro.\r\n```\r\ncode here\r\n```\r\nWe will utilize the portal.\r\n"
    ranges = nonprose_ranges(text)
    assert ranges and all(end <= text.index("We will") for _, end in ranges)


def _masked_whole(text: str, ranges) -> str:
    """The masked text built in one go (the former implementation), for comparison."""
    from plainspeak.text.nonprose import block_tag_starts
    from plainspeak.text.prep import _blank

    breaks = sorted(block_tag_starts(text, ranges))
    out = list(text)
    for start, end in ranges:
        out[start:end] = _blank(text[start:end])
        for b in breaks:
            if start <= b < end:
                out[b] = "\n"
    return "".join(out)


_PIECES = ["See https://example.org/a?b=c now. ", "Run `utilize --x` here.\n", "```\ncode line\n\nmore\n```\n",
           "C:\\Users\\sam\\file.txt ", "<!-- a comment -->", "<div>Block</div><p>Para</p>", "Plain words. ",
           "\r\n", "\n\n", "e-mail sam@example.org ", "    indented code\n", "é ünïcode 😀 "]


@pytest.mark.parametrize("seed", range(60))
def test_a_masked_view_slices_as_the_whole_masked_text(seed):
    """Masked (a view that blanks links, paths and code a slice at a time, so a long
    input is not held twice) gives the very characters of the whole masked text."""
    import random

    from plainspeak.text.prep import mask

    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30)))
    ranges = nonprose_ranges(text)
    whole = _masked_whole(text, ranges)
    view = mask(text, ranges)
    assert len(view) == len(text) and str(view) == whole
    for _ in range(30):
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert view[a:b] == whole[a:b]
