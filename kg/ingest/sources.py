"""From the paths a user names to (file, reader) pairs: directories are walked, unsupported files skipped.

A path named explicitly must exist and be of a supported type; inside a directory, files of other types and
hidden files are passed over silently, as a user who points `kg` at a folder of articles expects.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import InputError, MalformedInput, MissingPath, NoInputs, UnreadableInput, UnsupportedInput
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


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files below ``root``, sorted; a folder that cannot be listed is an error, and the walk goes on."""
    failed: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=failed.append):
        while failed:
            exc = failed.pop()
            yield UnreadableInput(str(exc.filename or folder), exc.strerror or "cannot list the folder")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name
    for exc in failed:
        yield UnreadableInput(str(exc.filename or root), exc.strerror or "cannot list the folder")


FileKey = tuple[int, int]
Input = tuple[Path, Reader] | InputError


def file_key(path: Path) -> FileKey | None:
    """(device, inode): what makes two paths the same file."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _kind(path: Path) -> str:
    """ "dir", "file", "other" or "missing"; `UnreadableInput` if the path cannot even be looked at."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise UnreadableInput(str(path), exc.strerror or type(exc).__name__) from None
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _below(root: Path, table: dict[str, Reader], exclude: frozenset[FileKey]) -> Iterator[Input]:
    found = False
    for item in _walk(root):
        if isinstance(item, InputError):
            yield item
            continue
        reader = reader_for(item, table)
        if reader is not None and file_key(item) not in exclude:
            found = True
            yield item, reader
    if not found:
        yield NoInputs(str(root))


def _named(path: Path, table: dict[str, Reader], exclude: frozenset[FileKey]) -> Iterator[Input]:
    kind = _kind(path)
    if kind == "dir":
        yield from _below(path, table, exclude)
    elif kind == "missing":
        yield MissingPath(str(path))
    elif kind == "other":
        yield UnsupportedInput(str(path), "not a regular file")
    elif file_key(path) in exclude:
        yield UnsupportedInput(str(path), "it is the output file")
    else:
        reader = reader_for(path, table)
        yield (path, reader) if reader else UnsupportedInput(str(path))


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    exclude: frozenset[FileKey] = frozenset(),
) -> Iterator[Input]:
    """Every (file, reader) to read below ``paths``, in a stable order, or the error that stops one path.

    Files in ``exclude`` (the command's own output file, say) are never read: inside a directory they are
    passed over, named explicitly they are an error. A directory without a single file to read is an error
    too: a mistyped folder should not look like a successful run.
    """
    table = _readers_by_extension()
    for raw in paths:
        try:
            yield from _named(Path(raw), table, exclude)
        except InputError as err:
            yield err


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
            continue
        path, reader = item
        try:
            yield from reader.read_file(path, str(path))
        except Exception as exc:  # a reader's (or its library's) failure is this file's alone
            yield MalformedInput(str(path), f"the {type(reader).__name__} failed: {type(exc).__name__}: {exc}")
