"""JSON Lines: one article a line, ``text`` plus optional ``title``, ``url``, ``published``, ``publisher``,
``author`` and ``language``. A bad line is reported with its number; the good lines are kept.

>>> from kg.ingest.jsonl import JsonLinesReader
>>> out = list(JsonLinesReader().read(b'{"text": "Er sagte nichts und ging."}\\n{oops\\n', "a.jsonl"))
>>> out[0].source, str(out[1])
('a.jsonl:1', 'a.jsonl:2: is malformed (not JSON: Expecting property name enclosed in double quotes)')
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError, MalformedInput, TooLarge, UnreadableInput
from kg.ingest.base import MAX_ARTICLE_CHARS, Reader, ReadResult, build_document
from kg.ingest.decode import decode

__all__ = ["MAX_LINE_BYTES", "JsonLinesReader"]

_FIELDS = ("title", "url", "published", "publisher", "author", "language")
#: The longest line read: the longest article, with room for JSON escapes and metadata.
MAX_LINE_BYTES = 4 * MAX_ARTICLE_CHARS


def _skip_line(fh: BinaryIO) -> None:
    """Read past the rest of an over-long line, a block at a time."""
    while (block := fh.readline(1 << 20)) and not block.endswith(b"\n"):
        pass


class JsonLinesReader(Reader):
    extensions = (".jsonl", ".ndjson")

    def read(self, data: bytes, source: str) -> Iterator[ReadResult]:
        for number, raw in enumerate(data.splitlines(), 1):
            if raw.strip():
                yield self.read_line(raw, f"{source}:{number}")

    def read_file(self, path: Path, source: str) -> Iterator[ReadResult]:
        # Streamed line by line: a JSON Lines archive may be far larger than memory, and one line is read
        # no further than the cap, so a file without line breaks cannot fill the memory either.
        try:
            with path.open("rb") as fh:
                number = 0
                while raw := fh.readline(MAX_LINE_BYTES + 1):
                    number += 1
                    if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                        _skip_line(fh)
                        yield TooLarge(f"{source}:{number}", f"a line longer than {MAX_LINE_BYTES:,} bytes")
                    elif raw.strip():
                        yield self.read_line(raw, f"{source}:{number}")
        except OSError as exc:
            yield UnreadableInput(source, exc.strerror or type(exc).__name__)

    def read_line(self, raw: bytes, source: str) -> ReadResult:
        try:
            record = json.loads(decode(raw, source))
        except InputError as err:
            return err
        except json.JSONDecodeError as exc:
            return MalformedInput(source, f"not JSON: {exc.msg}")
        except RecursionError:
            return MalformedInput(source, "not JSON that kg reads: nested too deeply")
        if not isinstance(record, dict):
            return MalformedInput(source, "a line must hold a JSON object")
        text = record.get("text")
        if not isinstance(text, str):
            return MalformedInput(source, 'the object has no string field "text"')
        bad = [k for k in _FIELDS if record.get(k) is not None and not isinstance(record[k], str)]
        if bad:
            return MalformedInput(source, f"fields must be strings: {', '.join(bad)}")
        try:
            return build_document(text, source, **{k: record.get(k) for k in _FIELDS})
        except InputError as err:
            return err
