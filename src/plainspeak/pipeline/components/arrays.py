"""Small numpy helpers for token arrays.

``numpy.unique`` and ``numpy.isin`` import ``numpy.ma`` on first use, 0.04 s
each run; these do the same jobs with sorting and searching alone.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.symbols import IDS as SYMBOL_IDS

# Memos of per-word results are emptied past this many words: a long-running server
# or a 20M-word input must not grow them without end (a word seen again is recomputed).
MEMO_LIMIT = 250_000


def string_key(text: str) -> int:
    """The key spaCy's StringStore gives ``text`` (a Doc array holds these), without
    storing the string: spaCy's own symbols ("number", "person") have small fixed
    ids; every other string its murmur hash."""
    return SYMBOL_IDS[text] if text in SYMBOL_IDS else hash_string(text)


def per_distinct(values: numpy.ndarray, compute: Callable[[int], object], memo: dict, dtype) -> numpy.ndarray:
    """``compute(value)`` for each of ``values``, called once per distinct value
    ever seen (``memo`` keeps the results across Docs): a long text repeats a few
    thousand distinct strings, so the Python work scales with those, not tokens."""
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    uniq, _, inverse = unique_inverse(values)
    keys = uniq.tolist()
    for new in set(keys).difference(memo):  # set and dict work in C: Python runs only for new values
        memo[new] = compute(new)
    return numpy.fromiter(map(memo.__getitem__, keys), dtype=dtype, count=len(keys))[inverse]


def unique_inverse(values: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """``(uniq, first, inverse)``: sorted distinct values, the index of each one's
    first occurrence, and for each value its position in ``uniq``
    (``uniq[inverse] == values``), as ``numpy.unique`` would return them."""
    order = numpy.argsort(values, kind="stable")
    ordered = values[order]
    starts = numpy.ones(len(values), dtype=bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    inverse = numpy.empty(len(values), dtype=numpy.intp)
    inverse[order] = numpy.cumsum(starts) - 1
    return ordered[starts], order[starts], inverse


def isin_sorted(values: numpy.ndarray, sorted_keys: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(values, sorted_keys)`` for keys already sorted."""
    if not len(sorted_keys):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_keys, values), len(sorted_keys) - 1)
    return sorted_keys[at] == values


class KeySet:
    """A fixed set of uint64 keys with a fast vectorised ``contains``.

    A 65,536-bit filter on the low bits rules out almost every value at the
    cost of one array lookup; only the few that pass are searched exactly.
    """

    _BITS = 0xFFFF

    def __init__(self, keys) -> None:
        self._set(numpy.asarray(sorted(set(keys)), dtype=numpy.uint64))

    @classmethod
    def from_sorted(cls, keys: numpy.ndarray) -> KeySet:
        """From keys already sorted and distinct (a KeySet's own ``keys``)."""
        made = cls.__new__(cls)
        made._set(keys)
        return made

    def _set(self, keys: numpy.ndarray) -> None:
        self.keys = keys
        self.filter = numpy.zeros(self._BITS + 1, dtype=bool)
        self.filter[(self.keys & numpy.uint64(self._BITS)).astype(numpy.intp)] = True

    def __len__(self) -> int:
        return len(self.keys)

    def contains(self, values: numpy.ndarray) -> numpy.ndarray:
        mask = self.filter[(values & numpy.uint64(self._BITS)).astype(numpy.intp)]
        maybe = numpy.flatnonzero(mask)
        if len(maybe):
            mask[maybe] = isin_sorted(values[maybe], self.keys)
        return mask


# Token attributes that never change once the Doc is made (the words themselves):
# read once per Doc, however many components ask (ORTH alone was asked for 7 times).
_FIXED: frozenset[int] | None = None
_COLUMNS = "plainspeak_columns"


def fixed_column(doc, attr: int) -> numpy.ndarray:
    """The kept column of a fixed attribute (IDX, ORTH ...), read once per Doc and
    not copied: callers must not change it."""
    column = doc.user_data.get(_COLUMNS, {}).get(attr)
    if column is None:
        token_array(doc, [attr])
        column = doc.user_data[_COLUMNS].get(attr)
        if column is None:
            raise ValueError(f"attribute {attr} is not one a Doc's words fix (IDX, ORTH, LOWER ...)")
    return column


def token_array(doc, attrs):
    """``doc.to_array(attrs)``, with the columns of fixed attributes kept on the Doc."""
    global _FIXED
    if _FIXED is None:
        from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_EMAIL, LIKE_NUM, LIKE_URL, LOWER, ORTH, SPACY

        _FIXED = frozenset([IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_EMAIL, LIKE_NUM, LIKE_URL, LOWER, ORTH, SPACY])
    single = isinstance(attrs, int)
    wanted = [attrs] if single else list(attrs)
    kept = doc.user_data.setdefault(_COLUMNS, {})
    missing = [a for a in wanted if a not in kept or a not in _FIXED]
    fresh = {}
    if missing:
        got = doc.to_array(missing)
        if got.ndim == 1:
            got = got.reshape(-1, 1)
        for k, attr in enumerate(missing):
            fresh[attr] = got[:, k]
            if attr in _FIXED:
                kept[attr] = fresh[attr]
                kept[attr].flags.writeable = False  # shared by every component: read, never written
    columns = [fresh[a] if a in fresh else kept[a] for a in wanted]
    if single:
        return columns[0].copy()  # the caller may change it; the kept column must not
    return numpy.stack(columns, axis=1) if columns else numpy.zeros((len(doc), 0), dtype=numpy.uint64)
