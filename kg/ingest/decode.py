"""Bytes to text: refuse binary data, read UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM,
UTF-16 without one, and fall back to Windows-1252 / Latin-1, the encodings of most older news archives.
UTF-8 with a few broken bytes (a truncated download, one pasted Latin-1 line) stays UTF-8: the broken bytes
become U+FFFD rather than turning every other non-ASCII character into mojibake.

>>> decode("Grüße".encode("utf-8"), "a.txt")
'Grüße'
>>> decode("Grüße „Zitat“".encode("cp1252"), "b.txt")
'Grüße „Zitat“'
>>> decode("Grüße".encode("utf-16-le"), "d.txt")
'Grüße'
>>> decode("Köln ".encode("utf-8") * 30 + b"Stra\\xdfe", "e.txt")[-6:]
'Stra�e'
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
_CONTROL = bytes(sorted(frozenset(range(32)) - {9, 10, 12, 13}))
#: Byte order marks, longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: At most this share of a text's non-ASCII sequences may be broken for it still to be read as UTF-8.
_BROKEN_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    """A NUL byte or many control characters near the start mean the file is not text."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))  # deleting them counts them in C, not per byte
    return bool(head) and controls / len(head) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text without a byte order mark: mostly Latin script, so every other byte is NUL."""
    head = data[: _SNIFF - _SNIFF % 2]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0) / (len(head) / 2), head[1::2].count(0) / (len(head) / 2)
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with broken bytes replaced, if nearly all of its non-ASCII sequences are valid UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    leads = sum(data.count(bytes([b])) for b in range(0xC2, 0xF5))
    valid = leads - broken
    return text if valid > 0 and broken <= _BROKEN_SHARE * (valid + broken) else None


def decode(data: bytes, source: str) -> str:
    """Decode ``data`` read from ``source``; `BinaryInput` or `DecodeFailure` if it is not text."""
    marked = next((c for bom, c in _BOMS if data.startswith(bom)), None)
    if marked is not None:
        try:
            return data.decode(marked).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            raise DecodeFailure(source, f"invalid {marked.upper()} at byte {exc.start}") from None
    unmarked = _utf16_without_bom(data)
    if unmarked is not None:
        try:
            text = data.decode(unmarked)
        except UnicodeDecodeError:
            raise BinaryInput(source) from None
        # Binary data with NUL in every other byte decodes too, but to control characters.
        if looks_binary(text[: _SNIFF // 2].encode("utf-8", errors="replace")):
            raise BinaryInput(source)
        return text
    if looks_binary(data):
        raise BinaryInput(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(data.removeprefix(codecs.BOM_UTF8))
    if repaired is not None:
        return repaired
    try:
        # Windows-1252 is Latin-1 with typographic quotes and dashes where Latin-1 has unused controls.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")
