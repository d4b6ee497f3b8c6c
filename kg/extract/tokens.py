"""Word tokens with their character spans: words (with inner hyphens, apostrophes and dots, as in
"KI-Unternehmen", "O'Brien", "U.S."), numbers, and single punctuation marks.

>>> [t.text for t in tokenize("Elon Musks KI-Unternehmen xAI: „Grok“.")]
['Elon', 'Musks', 'KI-Unternehmen', 'xAI', ':', '„', 'Grok', '“', '.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Span

__all__ = ["Token", "tokenize"]

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    index: int
    span: Span
    text: str

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with spans into the whole ``text``."""
    stop = len(text) if end is None else end
    return [Token(i, Span(m.start(), m.end()), m.group()) for i, m in enumerate(_TOKEN.finditer(text, start, stop))]
