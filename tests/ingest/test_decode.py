"""Bytes to text: the encodings of news archives are recognised, broken bytes stay local, binary is refused."""

from __future__ import annotations

import codecs
import struct

import pytest

from kg.errors import BinaryInput, DecodeFailure
from kg.ingest.decode import decode

TEXT = "Müller sagte: „Schön, dass Sie da sind“ – und ging. Grüße, Straße, Œuvre, €5."


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("UTF-8", TEXT.encode("utf-8")),
        ("UTF-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("UTF-16 LE with BOM", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("UTF-16 LE without BOM", TEXT.encode("utf-16-le")),
        ("UTF-16 BE without BOM", TEXT.encode("utf-16-be")),
        ("UTF-32 LE with BOM", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")),
        ("Windows-1252", TEXT.encode("cp1252")),
    ],
)
def test_encodings_are_recognised(name: str, data: bytes) -> None:
    assert decode(data, "a.txt") == TEXT


def test_latin_1_is_read_where_windows_1252_has_no_character() -> None:
    # 0x81 is unassigned in Windows-1252: such a file can only be Latin-1.
    assert decode(b"Gr\xfc\xdfe \x81", "a.txt") == "Grüße \x81"


def test_a_few_broken_bytes_in_utf_8_become_replacement_characters_not_mojibake() -> None:
    data = "Grüße aus Köln, sagte sie. ".encode() * 20 + b"Stra\xdfe"
    text = decode(data, "a.txt")
    assert text.startswith("Grüße aus Köln") and text.endswith("Stra\ufffde")


def test_text_that_is_not_utf_8_at_all_is_not_read_as_utf_8() -> None:
    assert decode("Grüße aus Köln".encode("latin-1"), "a.txt") == "Grüße aus Köln"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        bytes(range(256)) * 4,
        struct.pack("<600H", *([0x0001] * 600)),  # NUL in every other byte, but control characters
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(BinaryInput, match=r"a\.bin: is a binary file, not text"):
        decode(data, "a.bin")


def test_a_broken_utf_16_file_is_reported_with_the_byte() -> None:
    with pytest.raises(DecodeFailure, match="invalid UTF-16-LE at byte 6"):
        decode(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xdc", "a.txt")
