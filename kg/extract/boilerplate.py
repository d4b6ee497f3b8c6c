"""Where an article stops making statements: the first "Lesen Sie auch" / "Read more" line, and author tags
such as "(emw)" and picture captions ("... Foto: dpa") on the way, per the language's ``boilerplate.toml``.

>>> from kg.lang import language
>>> text = "Er sagte etwas.\\nLesen Sie auch\\nAndere sagen: nichts"
>>> cutoff(text, language("de"))
16
>>> is_caption("Der Minister am Montag in Berlin. Foto: dpa", language("de"))
True
"""

from __future__ import annotations

import re
from functools import cache

from kg.lang import LanguageData
from kg.model import Span

__all__ = ["caption_lines", "cutoff", "is_author_tag", "is_caption"]

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


@cache
def _caption_markers(lang: LanguageData) -> tuple[str, ...]:
    return lang.entries("boilerplate", "caption_markers")


def is_caption(line: str, lang: LanguageData | None) -> bool:
    """True for a line that carries a picture credit ("Foto: dpa", "Photo: Reuters"): a caption, whose words
    describe a picture rather than make the article's statements."""
    return lang is not None and any(marker in line for marker in _caption_markers(lang))


def caption_lines(text: str, limit: int, lang: LanguageData | None) -> list[Span]:
    """The lines before ``limit`` that are captions, in order."""
    if lang is None or not _caption_markers(lang):
        return []
    return [
        Span(m.start(), m.end()) for m in _LINE.finditer(text, 0, limit) if m.group() and is_caption(m.group(), lang)
    ]
