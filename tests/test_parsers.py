"""Property-based tests for the parsers: any input gives data or a clear error, never a crash."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.errors import InputError
from plainspeak.rules.lexicon import parse_lexicon
from plainspeak.sources.inputs import Source, decode

HEADER = "id,term,plain,category,severity,match,pos,note,example,source\n"
cells = st.one_of(
    st.sampled_from(["utilize", "use|help", "wordy", "warning", "lemma", "exact", "verb", "", '"quoted, cell"', "x-y"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=8),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=12).map(",".join), max_size=6).map("\n".join)


@given(st.one_of(rows.map(lambda r: HEADER + r), st.text(max_size=200)))
def test_parse_lexicon_never_raises_and_locates_every_problem(text):
    entries, problems = parse_lexicon(text, "lex.csv")
    for problem in problems:
        assert re.match(r"^lex\.csv:\d+: ", problem), problem
        assert "\n" not in problem.strip() or '"' in problem  # one line (a quoted value may hold a newline)
    for entry in entries:
        assert entry.id and entry.term and entry.note


@given(st.binary(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]))
def test_decode_gives_text_or_a_clear_input_error(data, encoding):
    try:
        result = decode(data, Source("x.txt"), encoding=encoding)
    except InputError as err:
        assert str(err).startswith("x.txt: ") and "\n" not in str(err)
    else:
        assert result.text.strip()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_cli_never_prints_a_traceback_for_any_bytes(data):
    from click.testing import CliRunner

    from plainspeak.cli.app import cli

    result = CliRunner().invoke(cli, ["check", "-", "--format", "line"], input=data, catch_exceptions=True)
    assert result.exit_code in (0, 1, 2), result.exception
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
