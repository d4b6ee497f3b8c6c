"""From the paths a user names to (file, reader) pairs: directories are walked, unsupported files skipped.

A path named explicitly must exist and be of a supported type; inside a directory, files of other types and
hidden files are passed over silently, as a user who points `kg` at a folder of articles expects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, MissingPath, UnreadableInput, UnsupportedInput
from kg.ingest.base import Reader, ReadResult
from kg.registry import readers

__all__ = ["FileKey", "file_key", "iter_inputs", "read_documents", "reader_for"]


def _readers_by_extension() -> dict[str, Reader]:
    table: dict[str, Reader] = {}
    for _name, cls in readers.items():
        reader = cls()
        for ext in reader.extensions:
            table.setdefault(ext, reader)
    return table


def reader_for(path: Path, table: dict[str, Reader] | None = None) -> Reader | None:
    """The reader registered for the file's ending, or None."""
    table = table if table is not None else _readers_by_extension()
    return table.get(path.suffix.lower())


def _walk(root: Path) -> Iterator[Path]:
    def fail(exc: OSError) -> None:
        raise exc

    try:
        for folder, dirs, files in os.walk(root, onerror=fail):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(folder) / name
    except OSError as exc:
        raise UnreadableInput(str(exc.filename or root), exc.strerror or "cannot list directory") from None


FileKey = tuple[int, int]


def file_key(path: Path) -> FileKey | None:
    """(device, inode): what makes two paths the same file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    exclude: frozenset[FileKey] = frozenset(),
) -> Iterator[tuple[Path, Reader] | InputError]:
    """Every (file, reader) to read below ``paths``, in a stable order, or the error that stops one path.

    Files in ``exclude`` (the command's own output file, say) are never read: inside a directory they are
    passed over, named explicitly they are an error.
    """
    table = _readers_by_extension()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                for file in _walk(path):
                    reader = reader_for(file, table)
                    if reader is not None and file_key(file) not in exclude:
                        yield file, reader
            except InputError as err:
                yield err
        elif path.is_file():
            reader = reader_for(path, table)
            if file_key(path) in exclude:
                yield UnsupportedInput(str(path), "it is the output file")
            else:
                yield (path, reader) if reader else UnsupportedInput(str(path))
        elif path.exists():
            yield UnsupportedInput(str(path), "not a regular file")
        else:
            yield MissingPath(str(path))


def read_documents(
    paths: Iterable[str | os.PathLike[str]],
    exclude: frozenset[FileKey] = frozenset(),
) -> Iterator[ReadResult]:
    """Documents read from ``paths`` and, in their place, one error per input that could not be read.

    >>> list(read_documents(["/no/such/file.txt"]))
    [MissingPath('/no/such/file.txt: no such file or directory')]
    """
    for item in iter_inputs(paths, exclude):
        if isinstance(item, InputError):
            yield item
        else:
            path, reader = item
            yield from reader.read_file(path, str(path))
