"""From the paths a user names to inputs: every path that cannot be used is one error, and the walk goes on."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import InputError, MalformedInput, MissingPath, NoInputs, UnreadableInput, UnsupportedInput
from kg.ingest import read_documents
from kg.ingest.base import Reader, ReadResult
from kg.model import Document
from kg.registry import readers


def _read(*paths: Path) -> list[Document | InputError]:
    return list(read_documents(paths))


def _errors(results: list[Document | InputError]) -> dict[str, type[InputError]]:
    return {err.source.rsplit("/", 1)[-1]: type(err) for err in results if isinstance(err, InputError)}


def test_links_that_lead_nowhere_are_errors_and_the_rest_is_read(articles: Path) -> None:
    (articles / "dangling.txt").symlink_to(articles / "nowhere.txt")
    (articles / "loop.txt").symlink_to(articles / "loop.txt")
    results = _read(articles)
    assert _errors(results) == {"dangling.txt": UnreadableInput, "loop.txt": UnreadableInput}
    assert sum(isinstance(r, Document) for r in results) == 5


def test_a_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    [result] = _read(tmp_path)
    assert isinstance(result, NoInputs) and str(result).endswith("holds no file kg reads (.txt, .html, .htm, .jsonl)")


def test_a_named_path_that_is_not_a_file_is_an_error(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert [type(r) for r in _read(fifo, tmp_path / "gone.txt")] == [UnsupportedInput, MissingPath]


class _CrashingReader(Reader):
    """A plug-in reader with a bug: it fails on every file it is given."""

    extensions = (".crash",)

    def read(self, data: bytes, source: str) -> Iterator[ReadResult]:
        raise ZeroDivisionError("division by zero")


def test_a_reader_that_fails_costs_its_file_only(articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(readers._loaded, "crash", _CrashingReader)
    (articles / "bad.crash").write_text("anything", "utf-8")
    results = _read(articles)
    [error] = [r for r in results if isinstance(r, InputError)]
    assert isinstance(error, MalformedInput)
    assert str(error).endswith(
        "bad.crash: is malformed (the _CrashingReader failed: ZeroDivisionError: division by zero)"
    )
    assert sum(isinstance(r, Document) for r in results) == 5
