"""Small numpy helpers for token arrays.

``numpy.unique`` and ``numpy.isin`` import ``numpy.ma`` on first use, 0.04 s
each run; these do the same jobs with sorting and searching alone.
"""

from __future__ import annotations

import numpy


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
