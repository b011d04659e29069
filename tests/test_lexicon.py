"""Lexicon loading and validation: every problem names file, row and column."""

from __future__ import annotations

import pytest

from plainspeak.errors import LexiconError
from plainspeak.rules.lexicon import CATEGORIES, default_lexicon_path, load_lexicon, parse_lexicon, read_word_list
from plainspeak.severity import Severity

HEADER = "id,term,plain,category,severity,match,pos,note,example,source\n"


def parse(rows: str):
    return parse_lexicon(HEADER + rows, "lex.csv")


def test_valid_row_parses():
    entries, problems = parse("utilize,utilize,use|employ,wordy,warning,lemma,verb,Formal.,We utilize it.,18F\n")
    assert problems == []
    (entry,) = entries
    assert entry.plain == ("use", "employ")
    assert entry.severity is Severity.WARNING
    assert entry.rule_id == "jargon.utilize"
    assert entry.origin == "lex.csv:2"


@pytest.mark.parametrize(
    "row, message",
    [
        ("x,x,y,nonsense,warning,lemma,,N.,E.,S\n", "lex.csv:2: column 'category' must be one of"),
        ("x,x,y,wordy,hi,lemma,,N.,E.,S\n", "lex.csv:2: column 'severity' must be one of suggestion, warning, error; got 'hi'"),
        ("x,x,y,wordy,warning,fuzzy,,N.,E.,S\n", "lex.csv:2: column 'match' must be one of lemma, lower, exact"),
        ("x,,y,wordy,warning,lemma,,N.,E.,S\n", "lex.csv:2: column 'term' is empty"),
        ("X Y,x,y,wordy,warning,lemma,,N.,E.,S\n", "lex.csv:2: column 'id' must be lowercase"),
        ("x,x,y,wordy,warning,lemma,verbish,N.,E.,S\n", "lex.csv:2: column 'pos' must be empty or one of"),
        ("x,utilize,Utilize,wordy,warning,lemma,,N.,E.,S\n", "lex.csv:2: column 'plain': suggestion 'Utilize' is the term itself"),
        ("x,x,y,wordy\n", "lex.csv:2: expected 10 fields, got 4"),
        ("x,...,y,wordy,warning,lemma,,N.,E.,S\n", "lex.csv:2: column 'term' must contain a letter or digit"),
        ("x,x,*,wordy,warning,lemma,verb,N.,E.,S\n", "lex.csv:2: column 'plain': in '*', '*' must end a word"),
        ("x,x,use *,wordy,warning,lemma,verb,N.,E.,S\n", "lex.csv:2: column 'plain': in 'use *', '*' must end a word"),
    ],
)
def test_problems_name_file_row_and_column(row, message):
    _, problems = parse(row)
    assert problems and problems[0].startswith(message), problems


def test_duplicates_are_reported_with_the_first_row():
    _, problems = parse(
        "a,alpha,x,wordy,warning,lemma,,N.,E.,S\n"
        "a,beta,x,wordy,warning,lemma,,N.,E.,S\n"
        "c,Alpha,x,wordy,warning,lemma,,N.,E.,S\n"
    )
    assert problems == [
        "lex.csv:3: column 'id': duplicate id 'a' (first on row 2)",
        ("lex.csv:4: column 'term': duplicate term 'Alpha' (first on row 2); a term may have another entry only for "
         "another sense, with a 'context' rule in each saying which"),
    ]


SENSES = (
    "id,term,plain,category,severity,match,pos,note,example,source,context,counterexample\n"
    "placement-home,placement,move,legal,suggestion,lemma,noun,N.,E.,S,only before: home,C.\n"
    "placement-school,placement,class,benefits,suggestion,lemma,noun,N.,E.,S,only after: school,C.\n"
)


def test_a_term_may_have_an_entry_per_sense_each_with_context():
    entries, problems = parse_lexicon(SENSES, "lex.csv")
    assert problems == [] and [e.id for e in entries] == ["placement-home", "placement-school"]
    _, problems = parse_lexicon(SENSES.replace("only after: school,C.", ","), "lex.csv")
    assert problems and "duplicate term 'placement'" in problems[0]  # the second sense says nothing of its context


def test_a_user_entry_replaces_every_sense_of_its_term(tmp_path):
    shipped, user = tmp_path / "shipped.csv", tmp_path / "user.csv"
    shipped.write_text(SENSES, encoding="utf-8")
    user.write_text(HEADER + "mine,Placement,spot,wordy,suggestion,lemma,noun,N.,E.,S\n", encoding="utf-8")
    assert sorted(e.id for e in load_lexicon([shipped, user], include_default=False)) == ["mine"]
    assert sorted(e.id for e in load_lexicon([user, shipped], include_default=False)) == ["placement-home", "placement-school"]


def test_repeated_header_column():
    _, problems = parse_lexicon("id,term,category,severity,match,note,term\n", "lex.csv")
    assert problems == ["lex.csv:1: column(s) term appear more than once in the header"]


def test_missing_header_column():
    _, problems = parse_lexicon("id,term\nx,y\n", "lex.csv")
    assert problems == ["lex.csv:1: missing column(s) category, severity, match, note in the header"]


def test_quoted_multiline_fields_keep_row_numbers():
    entries, problems = parse('x,x,y,wordy,warning,lemma,,"two\nlines",E.,S\nz,z,q,wordy,hi,lemma,,N.,E.,S\n')
    assert len(entries) == 1
    assert problems[0].startswith("lex.csv:4: column 'severity'")


def test_malformed_file_raises_with_location(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "x,x,y,wordy,loud,lemma,,N.,E.,S\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad.csv:2: column 'severity'"):
        load_lexicon([bad], include_default=False)


@pytest.mark.parametrize(
    "content, message",
    [(b"", "the file is empty"), (b"\xff\xfe", "not valid UTF-8")],
)
def test_unreadable_lexicons(tmp_path, content, message):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    with pytest.raises(LexiconError, match=message):
        load_lexicon([bad], include_default=False)


def test_missing_lexicon_file(tmp_path):
    with pytest.raises(LexiconError, match="lexicon file not found"):
        load_lexicon([tmp_path / "nope.csv"], include_default=False)


def test_user_entries_override_shipped_ones_by_term(tmp_path):
    user = tmp_path / "ours.csv"
    user.write_text(HEADER + "our-utilize,Utilize,put to work,wordy,error,lemma,verb,Ours.,We utilize.,us\n", encoding="utf-8")
    lexicon = load_lexicon([user])
    assert lexicon.get("utilize") is None
    assert lexicon.get("our-utilize").severity is Severity.ERROR
    assert len(lexicon) == len(load_lexicon())


def test_shipped_lexicon_is_valid_and_broad():
    entries, problems = parse_lexicon(default_lexicon_path().read_text(encoding="utf-8"), "jargon_lexicon.csv")
    assert problems == []
    assert len(entries) >= 150
    assert {e.category for e in entries} == set(CATEGORIES)
    for entry in entries:
        assert entry.note and entry.example and entry.source, entry.id


def test_accept_list_file(tmp_path):
    path = tmp_path / "accept.txt"
    path.write_text("# our words\nEastside\n  CPRS  # peer certification\n\n", encoding="utf-8")
    assert read_word_list(path) == ["Eastside", "CPRS"]
    with pytest.raises(LexiconError, match="accept list file not found"):
        read_word_list(tmp_path / "nope.txt")


MINIMUM_PER_CATEGORY = {
    "mental-health": 150,
    "recovery": 100,
    "person-first": 60,
    "benefits": 150,
    "legal": 80,
    "medical": 200,
    "wordy": 250,
    "acronym": 100,
    "technology": 50,
}


def test_shipped_lexicon_covers_every_category():
    from collections import Counter

    counts = Counter(e.category for e in load_lexicon())
    assert sum(counts.values()) >= 1200
    short = {c: (counts[c], n) for c, n in MINIMUM_PER_CATEGORY.items() if counts[c] < n}
    assert short == {}, f"categories below their minimum (have, need): {short}"


def test_person_first_entries_are_warnings_or_errors():
    weak = [e.id for e in load_lexicon() if e.category == "person-first" and e.severity is Severity.SUGGESTION]
    assert weak == []


def test_first_suggestions_use_everyday_words():
    """The best suggestion is everyday English (wordfreq); later ones may spell a term out."""
    import re

    from plainspeak.text.frequency import zipf

    rare = [
        (e.id, word)
        for e in load_lexicon()
        if e.plain
        for word in re.findall(r"[A-Za-z]+", e.plain[0])
        if zipf(word) < 2.75
    ]
    assert rare == []


def test_acronym_entries_are_warnings_like_unexplained_acronyms():
    """IOP and MAT are unexplained acronyms to a reader, whether or not the lexicon knows them."""
    weak = [e.id for e in load_lexicon() if e.category == "acronym" and e.severity is not Severity.WARNING]
    assert weak == []


# --- context rules ------------------------------------------------------------------

CONTEXT_HEADER = "id,term,plain,category,severity,match,pos,note,example,source,context,counterexample\n"


def parse_context_row(context: str, counterexample: str = ""):
    row = f"x,in denial,,person-first,warning,lower,,N.,E.,S,{context},{counterexample}\n"
    return parse_lexicon(CONTEXT_HEADER + row, "lex.csv")


def test_context_rules_parse_into_rules():
    from plainspeak.rules.lexicon import ContextRule, context_word_lists

    (entry,), problems = parse_context_row(
        "NOT before: of | Status;only after within 3 words: be|@durations", "It can result in denial of a claim."
    )
    assert problems == []
    assert entry.context == "NOT before: of | Status;only after within 3 words: be|@durations"
    assert entry.counterexample == "It can result in denial of a claim."
    assert entry.context_rules == (
        ContextRule(only=False, position="before", within=1, phrases=("of", "status")),
        ContextRule(only=True, position="after", within=3, phrases=("be", *context_word_lists()["durations"])),
    )


@pytest.mark.parametrize(
    "context, message",
    [
        ("before: of", "lex.csv:2: column 'context': 'before: of' is not a rule: write 'not' or 'only', 'before', 'after' or 'near'"),
        ("not beside: of", "lex.csv:2: column 'context': 'not beside: of' is not a rule"),
        ("not before of", "lex.csv:2: column 'context': 'not before of' is not a rule"),
        ("not before within 0 words: of", "lex.csv:2: column 'context': in 'not before within 0 words: of', 'within 0 words' must be 1 to 10"),
        ("only after within 11 words: x", "lex.csv:2: column 'context': in 'only after within 11 words: x', 'within 11 words' must be 1 to 10"),
        ("not before: of||status", "lex.csv:2: column 'context': in 'not before: of||status', an empty word"),
        ("not before:", "lex.csv:2: column 'context': in 'not before:', an empty word"),
        ("not before: (of)", "lex.csv:2: column 'context': in 'not before: (of)', '(of)': words must be letters or digits"),
        ("only before: @condition", "lex.csv:2: column 'context': in 'only before: @condition', unknown word list '@condition' (lists: "),
    ],
)
def test_context_problems_name_file_row_and_column(context, message):
    entries, problems = parse_context_row(context)
    assert entries == []
    assert problems and problems[0].startswith(message), problems


def test_context_and_counterexample_columns_are_optional():
    entries, problems = parse("x,x,y,wordy,warning,lemma,,N.,E.,S\n")
    assert problems == [] and entries[0].context_rules == () and entries[0].counterexample == ""


def test_shipped_context_word_lists_are_words_in_lower_case():
    from plainspeak.rules.lexicon import context_word_lists

    lists = context_word_lists()
    assert {"conditions", "durations", "drug_tests", "other_tests"} <= set(lists)
    for name, words in lists.items():
        assert words and all(w == w.lower().strip() for w in words), name


def test_a_malformed_word_list_file_is_reported(tmp_path, monkeypatch):
    from plainspeak.rules import lexicon

    bad = tmp_path / "context_words.toml"
    bad.write_text('conditions = "depression"\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "data_path", lambda name: bad)
    lexicon.context_word_lists.cache_clear()
    try:
        with pytest.raises(LexiconError, match="conditions must be a non-empty list of words"):
            lexicon.context_word_lists()
    finally:
        lexicon.context_word_lists.cache_clear()


def test_explain_finds_an_entry_whose_context_the_bare_words_lack(analyzer):
    from plainspeak.rules.lexicon_tools import entry_row, find_entries

    (entry,) = find_entries(load_lexicon(), "suffers from", analyzer)
    assert entry.id == "suffer-from"
    assert entry_row(entry)[-2:] == [entry.context, entry.counterexample]  # exported, so a listing re-validates
