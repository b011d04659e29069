"""Record streams: each CSV row or JSON line is one text, with its id and the line it starts on."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plainspeak.errors import InputError
from plainspeak.sources.records import Record, iter_records


def records(data: bytes, name: str = "notes.csv", **options) -> list[Record]:
    options.setdefault("column", "note")
    return list(iter_records(io.BytesIO(data), name, **options))


def test_csv_with_bom_ids_and_a_quoted_newline():
    data = '\ufeffcase_id,note\nA1,"We will utilize\nthe portal."\nA2,Call me.\n'.encode()
    assert records(data, id_column="case_id") == [
        Record("A1", "We will utilize\nthe portal.", None, 2),
        Record("A2", "Call me.", None, 4),
    ]


def test_semicolons_are_sniffed_and_rows_numbered():
    data = b'id;note;extra\n;"Hello, there; friend"\r\n\r\n7;Second;x\r\n'
    assert records(data, id_column="id") == [Record("row 1", "Hello, there; friend", None, 2),
                                             Record("7", "Second", None, 4)]


def test_tabs_are_sniffed():
    assert records(b"note\tid\nHello\t3\n", id_column="id") == [Record("3", "Hello", None, 2)]


def test_cp1252_csv_is_decoded():
    data = "id,note\n1,Caf\u00e9 \u201cnotes\u201d \u2014 ok\n".encode("cp1252")
    assert records(data)[0].text == "Caf\u00e9 \u201cnotes\u201d \u2014 ok"


def test_stray_windows_bytes_in_utf8_are_read_as_cp1252():
    data = "id,note\n1,Caf\u00e9\n".encode() + b"2,\x93quoted\x94\n"
    assert [r.text for r in records(data)] == ["Caf\u00e9", "\u201cquoted\u201d"]
    late = b"id,note\n" + b"1,plain text\n" * 7000 + b"2,\x93late\x94\n"  # past the first 64 KB
    assert records(late)[-1] == Record("row 7001", "\u201clate\u201d", None, 7002)


def test_utf16_with_bom_is_read():
    data = "id\tnote\n1\tHello\n".encode("utf-16")
    assert records(data, "export.txt") == [Record("row 1", "Hello", None, 2)]


def test_empty_and_too_long_rows_are_records_with_errors():
    data = b"id,note\n1,\n2,   \n3," + b"x" * 50 + b"\n4,ok\n"
    assert records(data, id_column="id", max_chars=40) == [
        Record("1", None, "is empty", 2),
        Record("2", None, "is empty", 3),
        Record("3", None, "is 50 characters, over the limit of 40", 4),
        Record("4", "ok", None, 5),
    ]


def test_a_short_row_is_empty():
    assert records(b"id,other,note\n1,x\n", id_column="id") == [Record("1", None, "is empty", 2)]


def test_a_missing_column_is_an_error_before_any_record():
    with pytest.raises(InputError) as caught:
        iter_records(io.BytesIO(b"id,text,when\n1,a,b\n"), "notes.csv", column="message")
    assert str(caught.value) == "notes.csv: has no column 'message' (its columns: id, text, when)"
    with pytest.raises(InputError, match="has no column 'case'"):
        iter_records(io.BytesIO(b"id,note\n1,a\n"), "notes.csv", column="note", id_column="case")


def test_column_names_match_ignoring_case_and_spaces():
    assert records(b"ID , Note \n1,hi\n", column="note", id_column="id") == [Record("1", "hi", None, 2)]


def test_an_empty_or_binary_csv_is_an_error():
    with pytest.raises(InputError, match="is empty"):
        records(b"\n\n")
    with pytest.raises(InputError, match="binary"):
        records(b"id,note\n1,\x00\x01\x02\n")


def test_jsonl_good_and_bad_lines():
    data = (b'{"id": "c-1", "note": {"text": "We will utilize the portal."}}\n'
            b"not json\n"
            b"\n"
            b'{"id": 2, "other": "x"}\n'
            b'["a list"]\n'
            b'{"note": {"text": 5}}\n'
            b'{"note": {"text": null}}\n'
            b'{"note.text": "a dotted key"}\n')
    assert records(data, "notes.jsonl", column="note.text", id_column="id") == [
        Record("c-1", "We will utilize the portal.", None, 1),
        Record("line 2", None, "is not valid JSON (Expecting value)", 2),
        Record("2", None, "has no field 'note.text'", 4),
        Record("line 5", None, "is not a JSON object (it is a list)", 5),
        Record("line 6", None, "has a number in 'note.text', not text", 6),
        Record("line 7", None, "is empty", 7),
        Record("line 8", "a dotted key", None, 8),
    ]


def test_a_very_long_json_line_is_skipped_with_an_error():
    data = b'{"note": "' + b"x" * 5000 + b'"}\n{"note": "ok"}\n'
    assert records(data, "n.ndjson", max_chars=100) == [
        Record("line 1", None, "is a line of over 4,496 characters, over the limit", 1),
        Record("line 2", "ok", None, 2),
    ]


def test_stdin_format_is_sniffed_from_the_first_byte():
    assert records(b'\n  {"note": "from a pipe"}\n', "-") == [Record("line 2", "from a pipe", None, 2)]
    assert records(b"note\nfrom a pipe\n", "-") == [Record("row 1", "from a pipe", None, 2)]


def test_a_json_array_is_read_item_by_item():
    data = b'[\n  {"id": 1, "note": "one"},\n  {"id": 2,\n   "note": "two"}\n]\n'
    assert records(data, "export.json", id_column="id") == [Record("1", "one", None, 2), Record("2", "two", None, 3)]


def test_pretty_printed_json_is_a_clear_error():
    with pytest.raises(InputError, match="one object per line"):
        records(b'{\n  "note": "x"\n}\n', "export.json")


def test_the_callers_stream_is_left_open():
    stream = io.BytesIO(b"note\nhello\n")
    assert [r.text for r in iter_records(stream, "-", column="note")] == ["hello"]
    assert not stream.closed


def test_records_come_as_rows_are_read():
    """A pipe that has sent only some rows still yields them (the reader does not wait for 64 KB)."""

    class Pipe(io.RawIOBase):
        def __init__(self, chunks: list[bytes]) -> None:
            self.chunks = chunks

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            if not self.chunks:
                raise AssertionError("read past what the pipe has sent so far")
            chunk = self.chunks.pop(0)
            buffer[: len(chunk)] = chunk
            return len(chunk)

    lines = [b"note\n"] + [f"row {i}\n".encode() for i in range(30)]
    stream = io.BufferedReader(Pipe(lines), buffer_size=16)
    rows = iter_records(stream, "-", column="note")
    assert next(rows).text == "row 0"


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_text, _text), min_size=1, max_size=8))
def test_csv_round_trip(rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    got = list(iter_records(io.BytesIO(buffer.getvalue().encode()), "x.csv", column="text", id_column="id"))
    kept = [(i, t) for i, t in rows if i.strip() or t.strip()]  # a row of blank cells is a blank line
    assert [(r.id, r.text, r.error) for r in got] == [
        (i.strip() or f"row {n}", t if t.strip() else None, None if t.strip() else "is empty")
        for n, (i, t) in enumerate(kept, 1)
    ]
