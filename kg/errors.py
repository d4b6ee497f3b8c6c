"""One error hierarchy for `kg`: every failure a user can meet has a class, a code and a one-line message.

The CLI prints ``kg: error: <message> [<code>]`` and exits with the class's ``exit_code``; it never shows a
traceback for a :class:`KGError`.

>>> err = EmptyInput("notes.txt")
>>> str(err), err.code
('notes.txt: the article is empty', 'KG104')
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "BinaryInput",
    "ConfigError",
    "DecodeFailure",
    "EmptyInput",
    "ExportError",
    "ExtractionFailed",
    "InputError",
    "KGError",
    "MalformedInput",
    "MissingPath",
    "NoInputs",
    "NotStored",
    "QueryError",
    "ResolutionError",
    "StoreError",
    "StoreLocked",
    "StoreRejected",
    "TooLarge",
    "UnreadableInput",
    "UnsupportedInput",
    "one_line",
]


def one_line(text: str) -> str:
    """``text`` safe to print as one line: line breaks and other control characters (which a file name or a
    query may hold, and which could forge output lines or terminal escapes) are shown escaped.

    >>> print(one_line("bad" + chr(10) + "name" + chr(27) + "[31m.txt"))
    bad\\nname\\x1b[31m.txt
    """
    return "".join(
        ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
    )


class KGError(Exception):
    """Base of every error `kg` reports to a user."""

    code = "KG000"
    exit_code = 1


class ConfigError(KGError):
    """A setting, option or environment variable that cannot work."""

    code = "KG001"
    exit_code = 2


# -- input: one bad document is reported and the batch goes on ------------------------------------------


class InputError(KGError):
    """One input (a file, a line of a JSON Lines file) could not be turned into a document."""

    code = "KG100"
    reason = "cannot be read"

    def __init__(self, source: str, detail: str = "") -> None:
        self.source = source
        self.detail = detail
        message = f"{source}: {self.reason}" + (f" ({detail})" if detail else "")
        super().__init__(message)


class MissingPath(InputError):
    code = "KG101"
    reason = "no such file or directory"


class UnreadableInput(InputError):
    code = "KG102"
    reason = "cannot be read"


class BinaryInput(InputError):
    code = "KG103"
    reason = "is a binary file, not text"


class EmptyInput(InputError):
    code = "KG104"
    reason = "the article is empty"


class DecodeFailure(InputError):
    code = "KG105"
    reason = "the text encoding could not be recognised"


class MalformedInput(InputError):
    code = "KG106"
    reason = "is malformed"


class TooLarge(InputError):
    code = "KG107"
    reason = "is too large"


class UnsupportedInput(InputError):
    code = "KG108"
    reason = "is not a supported file type (.txt, .html, .htm, .jsonl)"


class NotStored(InputError):
    code = "KG110"
    reason = "names no document in the store (give a document id, the path or URL it was read from, or the file)"


class NoInputs(InputError):
    code = "KG109"
    reason = "holds no file kg reads (.txt, .html, .htm, .jsonl)"


# -- stores, queries, exports --------------------------------------------------------------------------------


class StoreError(KGError):
    """The store cannot be opened, read or written."""

    code = "KG200"


class StoreLocked(StoreError):
    """Another process holds the store for writing (or is reading it while we want to write)."""

    code = "KG201"
    exit_code = 75  # EX_TEMPFAIL: the same command can succeed later


class StoreRejected(StoreError):
    """The store refused the data of a write; nothing of it was kept. Other documents can still be written."""

    code = "KG202"


class QueryError(KGError):
    """A query is malformed, or its language is not one the store answers."""

    code = "KG300"


class ExtractionFailed(KGError):
    """An extractor raised, or produced a claim that does not fit its document; the document is skipped."""

    code = "KG500"

    def __init__(self, source: str, detail: str) -> None:
        self.source = source
        super().__init__(f"{source}: extraction failed ({detail})")


class ExportError(KGError):
    code = "KG400"


class ResolutionError(KGError):
    """A correction of entities cannot be made: an unknown or ambiguous entity, nothing to split."""

    code = "KG600"
