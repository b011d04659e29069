"""The HTML report for trainers: what a trainee gets back, notes in reading
order, and what the report says about how it was made."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html import escape, unescape

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINI_LEXICON
from plainspeak.__about__ import __version__
from plainspeak.cli.app import cli
from plainspeak.errors import PlainspeakError
from plainspeak.grading.rubric import load_rubric
from plainspeak.grading.score import grade_report
from plainspeak.render.html import _highlighted, _opening, render_html, report_time
from plainspeak.report import Finding
from plainspeak.rules.lexicon import load_lexicon
from plainspeak.severity import Severity

PLAIN = "See you on Monday at the park. Bring a friend if you like. We can get lunch after. Call me any time.\n"
STIGMA = "My brother is an addict. Some people called him a junkie, and a junkie is what he believed he was.\n"
LETTER = (
    "The <b>purpose</b> of this \t letter is to inform you that your eligibility determination requires that you "
    "utilize the portal prior to the appointment. Call me.\n"
)
LONG = ("We will meet at the park on Monday and then we will walk to the shop and buy some bread and milk and "
        "then we will go home and have lunch together with your sister and her kids. " * 2 + "See you then.\n")
EPOCH = int(datetime(2026, 11, 28, 10, 15, tzinfo=UTC).timestamp())


def page(analyzer, *texts, rubric=None, **kwargs):
    """The report for these texts, named t0.txt, t1.txt, ..."""
    rubric = rubric or load_rubric()
    reports = [analyzer.analyze(t, name=f"t{i}.txt") for i, t in enumerate(texts)]
    return render_html([(r, grade_report(r, rubric)) for r in reports], pass_score=rubric["pass_score"], **kwargs)


def sections(html):
    return html.split("<section")[1:]


def text_part(section):
    return section.split('<div class="text">', 1)[1].split("</div>", 1)[0]


def notes(section):
    return re.findall(r"<li>(.*?)</li>", section.split('<ol class="notes">', 1)[1].split("</ol>", 1)[0], re.DOTALL)


def markers(body):
    """The superscript numbers in the order they appear in the text."""
    return [int(n) for sup in re.findall(r"<sup>([\d,]+)</sup>", body) for n in sup.split(",")]


def test_an_outright_fail_says_why_in_the_submissions_own_section(analyzer):
    rubric = load_rubric()
    rubric["stigmatising"] = {**rubric["stigmatising"], "max_points": 0}  # a passing score, failed all the same
    grade = grade_report(analyzer.analyze(STIGMA, name="t0.txt"), rubric)
    assert grade.score >= rubric["pass_score"] and not grade.passed
    html = page(analyzer, STIGMA, PLAIN, rubric=rubric)
    assert '<td class="fail" aria-describedby="outright">fail*</td>' in roster(html)
    assert ('<p class="footnote" id="outright">fail*: fails whatever the score (uses stigmatising language); '
            "its section below says why.</p>") in html
    stigma, plain = sections(html)
    assert ("<strong>Fails whatever the score:</strong> uses stigmatising language "
            "(3 terms: &ldquo;an addict&rdquo;, &ldquo;junkie&rdquo; twice).") in stigma
    assert stigma.index('class="verdict"') < stigma.index('<div class="text">')  # said first, above the text
    assert "Fails whatever the score" not in plain


def test_notes_are_numbered_in_reading_order(analyzer):
    section = sections(page(analyzer, LETTER))[0]
    report = analyzer.analyze(LETTER, name="t0.txt")
    assert markers(text_part(section)) == list(range(1, len(report.findings) + 1))
    listed = notes(section)
    assert len(listed) == len(report.findings)
    assert ["This sentence" in note for note in listed] == [False] * 5 + [True]  # its words first, then the sentence
    assert [note.split("&ldquo;")[1].split("&rdquo;")[0] for note in listed[:5]] == [
        "this letter is to inform you", "eligibility determination", "utilize", "portal", "prior to"]


def _finding(text, kind, start, end):
    rule, category = {"person-first": ("jargon.addict", "person-first"), "jargon": ("jargon.utilize", "wordy"),
                      "uncommon": ("uncommon.word", "uncommon"), "acronym": ("acronym.undefined", "acronym"),
                      "readability": ("readability.hard-sentence", "readability")}[kind]
    return Finding(rule, category, Severity.WARNING, f"<{kind}> & why", text[start:end], start, end, 1, start + 1, 1,
                   end + 1, ("plain <word>",))


spans = st.tuples(st.sampled_from(("person-first", "jargon", "uncommon", "acronym", "readability")),
                  st.integers(0, 40), st.integers(1, 12))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="ab <&>\"'.\n", max_size=50), st.lists(spans, max_size=8))
def test_every_finding_gets_one_marker_in_reading_order_whatever_overlaps(text, raw):
    """Overlapping words, a word across a sentence's edge: each note still has its
    marker, the numbers count up along the text, and the text itself is intact."""
    findings = [_finding(text, kind, start, min(start + size, len(text)))
                for kind, start, size in raw if start < len(text)]
    body, items = _highlighted(text, findings)
    assert markers(body) == list(range(1, len(findings) + 1))
    assert items.count("<li>") == len(findings)
    assert unescape(re.sub(r"<[^>]*>", "", re.sub(r"<sup>[^<]*</sup>", "", body))) == text
    depth = 0
    for tag in re.findall(r"</?mark[^>]*>", body):  # marks nest properly: words at most inside one sentence
        depth += -1 if tag.startswith("</") else 1
        assert 0 <= depth <= 2
    assert depth == 0 and "<" not in re.sub(r"<[^>]*>", "", body)


def test_sentence_notes_quote_the_start_of_their_sentence(analyzer):
    listed = notes(sections(page(analyzer, LETTER))[0])
    sentence = [note for note in listed if "This sentence" in note]
    assert sentence and all(
        note.startswith("1:1 &ldquo;The &lt;b&gt;purpose&lt;/b&gt; of this letter is to inform\u2026&rdquo;: ")
        for note in sentence)
    assert not any("a sentence" in note for note in listed)


@pytest.mark.parametrize("sentence, quoted", [
    ("Call me when\n you can.", "Call me when you can."),
    ("One two three four five six seven eight nine ten.", "One two three four five six seven eight\u2026"),
    ("Notwithstanding the aforementioned considerations, representatives will subsequently communicate",
     "Notwithstanding the aforementioned considerations\u2026"),  # cut at a word, the comma dropped
    ("x" * 80, "x" * 60 + "\u2026"),
])
def test_a_sentence_is_quoted_by_its_first_words(sentence, quoted):
    assert _opening(sentence) == quoted


def roster(html):
    return html.split("<table>", 1)[1].split("</table>", 1)[0]


def test_the_roster_has_long_sentences_and_explains_a_dash(analyzer):
    html = page(analyzer, PLAIN, LONG)
    table = roster(html)
    headers = re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", table)
    assert headers == ["file", "words", "grade", "jargon/100w", "uncommon", "acronyms", "stigmatising", "hard", "long",
                       "score", "result"]
    assert all("scope=" in th for th in re.findall(r"<th\b[^>]*>", table))
    short_row, long_row = re.findall(r"<tr><th scope=\"row\">.*?</tr>", table)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", long_row)
    assert cells[headers.index("long") - 1] == "2"  # two sentences of over 25 words
    assert '<td class="num" aria-describedby="too-short">-</td>' in short_row
    assert ('<p class="footnote" id="too-short">- in the grade column: under 30 words or 3 sentences, too short for a '
            "full reading grade, so it is scored by the grade of its sentences instead") in html
    assert "too-short" not in page(analyzer, LONG)  # no footnote without a dash


def test_the_report_says_when_and_with_what_it_was_made(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "a.txt").write_text(PLAIN, encoding="utf-8")
    rubric = tmp_path / "<i>rubric.toml"
    rubric.write_text("pass_score = 50\n", encoding="utf-8")
    runner = CliRunner(env={"SOURCE_DATE_EPOCH": str(EPOCH)})
    made = f'Made <time datetime="2026-11-28T10:15+00:00">2026-11-28 10:15 UTC</time> by plainspeak {__version__} with '

    def made_with(*options):
        out = tmp_path / f"report{len(list(tmp_path.glob('*.html')))}.html"
        result = runner.invoke(cli, ["grade", str(subs), "--html", str(out), *options], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        html = out.read_text(encoding="utf-8")
        return html.split('<p class="made">', 1)[1].split("</p>", 1)[0], html

    line, first = made_with()
    assert line == f"{made}the default rubric (pass score 70) and the shipped lexicon ({len(load_lexicon()):,} terms)."
    assert made_with()[1] == first  # reproducible byte for byte
    terms = len(load_lexicon([MINI_LEXICON]))
    line, _ = made_with("--rubric", str(rubric), "--lexicon", str(MINI_LEXICON))
    assert line == (f"{made}{escape(str(rubric))} (pass score 50) and the shipped lexicon + {escape(str(MINI_LEXICON))} "
                    f"({terms:,} terms).")
    assert "<i>" not in line
    line, _ = made_with("--lexicon", str(MINI_LEXICON), "--no-default-lexicon")
    assert line.endswith(f"and the lexicon {escape(str(MINI_LEXICON))} ({len(load_lexicon([MINI_LEXICON], include_default=False)):,} terms).")


def test_report_time_honours_source_date_epoch():
    assert report_time({"SOURCE_DATE_EPOCH": str(EPOCH)}) == datetime(2026, 11, 28, 10, 15, tzinfo=UTC)
    now = report_time({})
    assert now.tzinfo is not None and abs((now - datetime.now(UTC)).total_seconds()) < 60
    assert report_time({"SOURCE_DATE_EPOCH": " "}).tzinfo is not None  # empty: unset
    with pytest.raises(PlainspeakError, match="SOURCE_DATE_EPOCH must be a whole number"):
        report_time({"SOURCE_DATE_EPOCH": "yesterday"})
