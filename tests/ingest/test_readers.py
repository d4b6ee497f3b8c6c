"""Readers turn text, HTML and JSON Lines into documents; each bad input becomes one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    MalformedInput,
    MissingPath,
    UnsupportedInput,
)
from kg.ingest import read_documents
from kg.ingest.decode import decode
from kg.ingest.language import identify
from kg.model import Document


def _read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_documents(paths))


def test_plain_text_keeps_the_text_and_takes_the_headline_as_title(articles: Path) -> None:
    [doc] = _read(articles / "werk.de.txt")
    assert isinstance(doc, Document)
    assert doc.title == "Autobauer plant neues Werk in Sachsen"
    assert doc.language == "de"
    assert doc.text == (articles / "werk.de.txt").read_text("utf-8")


def test_html_gives_main_text_and_metadata_without_navigation(articles: Path) -> None:
    [doc] = _read(articles / "hafen.de.html")
    assert isinstance(doc, Document)
    assert doc.title == "Hafen Rostock meldet Rekordumschlag"
    assert doc.text.startswith("Hafen Rostock meldet Rekordumschlag\n")
    assert "30 Millionen Tonnen" in doc.text and "Impressum" not in doc.text
    assert (doc.author, doc.publisher, doc.published) == ("Jan Kruse", "Ostsee-Bote", "2024-02-01")


def test_json_lines_give_one_document_per_line_with_its_metadata(articles: Path) -> None:
    docs = _read(articles / "wire.jsonl")
    assert [d.source for d in docs] == [f"{articles / 'wire.jsonl'}:1", f"{articles / 'wire.jsonl'}:2"]
    first = docs[0]
    assert isinstance(first, Document)
    assert (first.url, first.publisher, first.published, first.language) == (
        "https://example.org/klinik",
        "Beispiel-Zeitung",
        "2024-04-05",
        "de",
    )


def test_broken_json_lines_are_reported_by_line_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "Er sagte, das sei gut so und richtig."}\n{not json\n[1, 2]\n{"title": "x"}\n'
        '{"text": "  "}\n{"text": "Sie sagte, es sei falsch und schlecht."}\n',
        "utf-8",
    )
    out = _read(path)
    assert [type(x).__name__ for x in out] == [
        "Document",
        "MalformedInput",
        "MalformedInput",
        "MalformedInput",
        "EmptyInput",
        "Document",
    ]
    assert str(out[1]).startswith(f"{path}:2: is malformed (not JSON")


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.txt", b"", EmptyInput),
        ("blank.txt", b" \n\t\n", EmptyInput),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        ("page.html", b"\x00\x01\x02\x03binary", MalformedInput),
        ("nobody.html", b"<html><head><title>x</title></head></html>", EmptyInput),
        ("notes.pdf", b"%PDF-1.4", UnsupportedInput),
    ],
)
def test_bad_inputs_give_one_error_naming_the_input(
    tmp_path: Path, name: str, content: bytes, error: type[InputError]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    [result] = _read(path)
    assert isinstance(result, error)
    assert str(result).startswith(str(path)) and "\n" not in str(result)


def test_a_missing_path_is_an_error_and_the_rest_is_read(articles: Path) -> None:
    out = _read(articles / "nope.txt", articles / "werk.de.txt")
    assert isinstance(out[0], MissingPath) and isinstance(out[1], Document)


def test_latin_1_and_windows_1252_are_decoded() -> None:
    text = "Müller sagte: „Schön, dass Sie da sind“ – und ging."
    assert decode(text.encode("cp1252"), "a.txt") == text
    assert decode("Grüße aus Köln".encode("latin-1"), "a.txt") == "Grüße aus Köln"
    assert decode("\ufeffmit BOM".encode(), "a.txt") == "mit BOM"


def test_a_latin_1_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Der Bürgermeister sagte, die Brücke werde im März eröffnet.".encode("latin-1"))
    [doc] = _read(path)
    assert isinstance(doc, Document) and "Bürgermeister" in doc.text


def test_directories_are_walked_in_order_skipping_hidden_and_unsupported_files(articles: Path) -> None:
    (articles / ".hidden.txt").write_text("Er sagte etwas ganz anderes dazu.", "utf-8")
    (articles / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    sources = [d.source for d in _read(articles) if isinstance(d, Document)]
    assert sources == sorted(sources) and len(sources) == 5
    assert not any("hidden" in s or "photo" in s for s in sources)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen werden.", "de"),
        ("The government decided on Monday that taxes would not rise this year.", "en"),
        ("2024 – 3:1", "und"),
    ],
)
def test_language_is_identified_from_function_words(text: str, code: str) -> None:
    assert identify(text) == code
