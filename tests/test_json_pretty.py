"""The JSON format's own pretty printer writes exactly what json.dumps(indent=2) writes."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from plainspeak.render.json import _pretty

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                      max_leaves=20)


flat = st.dictionaries(st.text(), leaves | st.lists(leaves, max_size=3) | st.floats(), max_size=6)


@given(values | flat, st.integers(min_value=0, max_value=3))
def test_pretty_is_json_dumps_indent_2(value, level):
    assert _pretty(value, level) == json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
