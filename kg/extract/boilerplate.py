"""Where an article stops making statements: the first "Lesen Sie auch" / "Read more" line, and author tags
such as "(emw)", per the language's ``boilerplate.toml``.

>>> from kg.lang import language
>>> text = "Er sagte etwas.\\nLesen Sie auch\\nAndere sagen: nichts"
>>> cutoff(text, language("de"))
16
"""

from __future__ import annotations

import re
from functools import cache

from kg.lang import LanguageData

__all__ = ["cutoff", "is_author_tag"]

_LINE = re.compile(r"[^\n]*")


@cache
def _starts(lang: LanguageData) -> frozenset[str]:
    return frozenset(s.casefold() for s in lang.entries("boilerplate", "section_starts"))


def cutoff(text: str, lang: LanguageData | None) -> int:
    """The offset of the first line that opens a non-article section, or ``len(text)``."""
    if lang is None:
        return len(text)
    starts = _starts(lang)
    for match in _LINE.finditer(text):
        line = match.group().strip().rstrip(":").casefold()
        if line in starts:
            return match.start()
    return len(text)


def is_author_tag(line: str, lang: LanguageData | None) -> bool:
    """True for a line that is only an author or agency tag, like "(emw)" or "(dpa/AFP)"."""
    pattern = lang.table("boilerplate").get("author_tag") if lang else None
    return bool(pattern) and re.match(str(pattern), line.strip()) is not None
