"""JSON Lines: each line is one article or one error with its line number; nothing in one line (depth, length,
encoding) stops the lines after it."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kg.errors import InputError, MalformedInput, TooLarge
from kg.ingest import jsonl, read_documents
from kg.model import Document

GOOD = json.dumps({"text": "Die Ministerin sagte, das Werk werde gebaut."}, ensure_ascii=False)


def _read(path: Path) -> list[Document | InputError]:
    return list(read_documents([path]))


def test_a_line_nested_too_deeply_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + GOOD + "\n", "utf-8")
    bad, good = _read(path)
    assert isinstance(bad, MalformedInput) and str(bad).endswith(
        "deep.jsonl:1: is malformed (not JSON that kg reads: nested too deeply)"
    )
    assert isinstance(good, Document) and good.source.endswith("deep.jsonl:2")


def test_an_over_long_line_is_skipped_without_being_held_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_text(
        GOOD + "\n" + json.dumps({"text": "x " * 5000}) + "\n" + GOOD.replace("Werk", "Haus") + "\n", "utf-8"
    )
    first, long, third = _read(path)
    assert isinstance(long, TooLarge) and str(long).endswith(
        "long.jsonl:2: is too large (a line longer than 1,000 bytes)"
    )
    assert isinstance(first, Document) and isinstance(third, Document) and "Haus" in third.text


def test_byte_order_mark_windows_line_ends_and_escaped_controls_are_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    record = {"text": "Er sagte:\u0000 „Das\tist\u001b gut.“ Sie sagte es auch.", "title": "T\u2028itel"}
    path.write_bytes(codecs.BOM_UTF8 + (json.dumps(record) + "\r\n").encode() * 2)
    first, second = _read(path)
    assert isinstance(first, Document) and first.text == record["text"] and first.title == record["title"]
    assert isinstance(second, Document) and second.id == first.id


@pytest.mark.parametrize(
    ("line", "detail"),
    [
        ('{"text": 3}', 'the object has no string field "text"'),
        ('{"text": "Er sagte, das sei so.", "url": ["a"]}', "fields must be strings: url"),
        ('"just a string"', "a line must hold a JSON object"),
        ("{'text': 'single quotes'}", "not JSON: Expecting property name enclosed in double quotes"),
    ],
)
def test_lines_that_are_not_articles_say_why(tmp_path: Path, line: str, detail: str) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(line + "\n", "utf-8")
    [error] = _read(path)
    assert str(error) == f"{path}:1: is malformed ({detail})"
