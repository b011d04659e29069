"""The word lists that keep medicine names and everyday health words from being
flagged as uncommon words: data/drug_names.txt, data/drug_stems.txt and
data/everyday_health_words.txt. Each parses, has no duplicates, is sorted
within its "# == ... ==" groups, and no drug stem ends more than a handful of
common English words."""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache, lru_cache

import pytest

from plainspeak.datafiles import data_path

LISTS = ("drug_names.txt", "drug_stems.txt", "everyday_health_words.txt", "everyday_words.txt")
# lower-case letters and digits, single inner spaces, hyphens or apostrophes
ENTRY = re.compile(r"[a-z0-9]+(?:[-' ][a-z0-9]+)*")
GROUP = re.compile(r"# == .+ ==")
COMMON_WORDS = 50_000  # the check runs over wordfreq's most common English words
HANDFUL = 2  # at most this many of them (drug names aside) may end with any one stem
PREFIX = 2  # a stem matches a word with at least this many letters before it


@cache
def groups(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(group header, entries) in file order; entries before any header fall under ""."""
    out: list[tuple[str, list[str]]] = [("", [])]
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if GROUP.fullmatch(line.strip()):
            out.append((line.strip(), []))
        elif line.strip() and not line.lstrip().startswith("#"):
            out[-1][1].append(line)
    return tuple((header, tuple(items)) for header, items in out if items or header)


@cache
def entries(name: str) -> tuple[str, ...]:
    return tuple(item for _, items in groups(name) for item in items)


@lru_cache(maxsize=1)
def stems() -> frozenset[str]:
    return frozenset(entries("drug_stems.txt"))


def stem_of(word: str) -> str | None:
    """The drug stem that ends ``word``, with at least PREFIX letters before it."""
    found = stems()
    for start in range(PREFIX, len(word) - 2):
        if word[start:] in found:
            return word[start:]
    return None


@lru_cache(maxsize=1)
def common_words() -> tuple[str, ...]:
    wordfreq = pytest.importorskip("wordfreq")
    return tuple(wordfreq.top_n_list("en", COMMON_WORDS))


@lru_cache(maxsize=1)
def drug_words() -> frozenset[str]:
    """Every listed medicine name and each word of the longer ones."""
    names = set(entries("drug_names.txt"))
    return frozenset(names | {part for name in names for part in re.split(r"[- ]", name)})


@pytest.mark.parametrize("name", LISTS)
def test_every_line_is_a_clean_lower_case_entry(name):
    bad = [item for item in entries(name) if not ENTRY.fullmatch(item)]
    assert not bad, f"data/{name}: not lower-case letters, digits, spaces, hyphens or apostrophes: {bad[:10]}"


@pytest.mark.parametrize("name", LISTS)
def test_each_file_starts_with_a_header_comment(name):
    first = data_path(name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# "), f"data/{name} should say what it is in a header comment"


@pytest.mark.parametrize("name", LISTS)
def test_no_duplicates(name):
    dupes = sorted(item for item, n in Counter(entries(name)).items() if n > 1)
    assert not dupes, f"data/{name}: listed more than once: {dupes}"


@pytest.mark.parametrize("name", LISTS)
def test_sorted_within_each_group(name):
    assert groups(name)[0][0], f"data/{name}: entries before the first '# == ... ==' group header"
    for header, items in groups(name):
        assert items, f"data/{name}: empty group {header}"
        assert list(items) == sorted(items), f"data/{name}: group {header} is not sorted"


def test_stems_are_plain_suffixes_of_at_least_three_letters():
    bad = [s for s in stems() if not re.fullmatch(r"[a-z]{3,}", s)]
    assert not bad, f"stems must be 3+ lower-case letters without a hyphen: {bad}"
    redundant = [(a, b) for a in stems() for b in stems() if a != b and a.endswith(b)]
    assert not redundant, f"a stem that ends with another stem adds nothing: {redundant}"


def test_every_stem_ends_a_listed_drug_name():
    words = drug_words()
    unused = sorted(s for s in stems() if not any(w.endswith(s) and len(w) - len(s) >= PREFIX for w in words))
    assert not unused, f"stems that end no name in data/drug_names.txt (typo?): {unused}"


def test_no_stem_ends_more_than_a_handful_of_common_words():
    drugs = drug_words()
    hits: dict[str, list[str]] = {}
    for word in common_words():
        stem = stem_of(word)
        if stem and word not in drugs:
            hits.setdefault(stem, []).append(word)
    broad = {stem: words for stem, words in hits.items() if len(words) > HANDFUL}
    assert not broad, f"stems that end ordinary English words: {broad}"


# Ordinary words (most of them rare, so the uncommon-word rule should still see
# them) that broader stems caught when the list was made: -azine, -amine, -ine,
# -terol, -grel, -bital, -strant, -olone, -tide, -osin, -afine, -quine, -pitant,
# -mantine, -arotene, -vir, -apine, -cept, -onium, -sterone, -relin, -azole.
ORDINARY = (
    "magazine", "examine", "famine", "cholesterol", "mongrel", "orbital", "registrant",
    "provolone", "peptide", "riptide", "rosin", "ultrafine", "equine", "precipitant",
    "adamantine", "carotene", "triumvir", "rapine", "lapine", "concept", "intercept",
    "pandemonium", "aldosterone", "ghrelin", "thiazole", "april",
)


def test_stems_spare_ordinary_words():
    caught = {word: stem_of(word) for word in ORDINARY if stem_of(word)}
    assert not caught, f"ordinary words that look like drug names: {caught}"


def test_stems_spare_the_everyday_health_words():
    caught = {word: stem_of(word) for word in entries("everyday_health_words.txt") if stem_of(word)}
    assert not caught, f"everyday words that look like drug names: {caught}"


def test_the_lists_do_not_overlap_each_other_or_the_jargon_lexicon():
    with data_path("jargon_lexicon.csv").open(encoding="utf-8", newline="") as f:
        jargon = {row["term"].lower() for row in csv.DictReader(f)}
    drugs, everyday = set(entries("drug_names.txt")), set(entries("everyday_health_words.txt"))
    assert not drugs & everyday, f"in both drug_names.txt and everyday_health_words.txt: {sorted(drugs & everyday)}"
    assert not drugs & jargon, f"medicine names that the jargon lexicon flags: {sorted(drugs & jargon)}"
    assert not everyday & jargon, f"everyday words that the jargon lexicon flags: {sorted(everyday & jargon)}"
