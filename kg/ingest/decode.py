"""Bytes to text: refuse binary data, read UTF-8 (with or without BOM), UTF-16 with BOM, and fall back to
Windows-1252 / Latin-1, the encodings of most older news archives.

>>> decode("Grüße".encode("utf-8"), "a.txt")
'Grüße'
>>> decode("Grüße „Zitat“".encode("cp1252"), "b.txt")
'Grüße „Zitat“'
>>> decode(b"\\x00\\x01\\x02PK", "c.txt")
Traceback (most recent call last):
...
kg.errors.BinaryInput: c.txt: is a binary file, not text
"""

from __future__ import annotations

import codecs

from kg.errors import BinaryInput, DecodeFailure

__all__ = ["decode", "looks_binary"]

_SNIFF = 8192
# Control characters other than tab, newline, carriage return and form feed do not occur in text.
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """A NUL byte or many control characters near the start mean the file is not text."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source``; `BinaryInput` or `DecodeFailure` if it is not text."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeFailure(source, f"invalid UTF-16 at byte {exc.start}") from None
    if looks_binary(data):
        raise BinaryInput(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Windows-1252 is Latin-1 with typographic quotes and dashes where Latin-1 has unused controls.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
