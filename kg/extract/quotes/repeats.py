"""Repeated reports of one statement: an article that tells again what a speaker said ("Musk hat angekündigt,
dass xAI Grok frei macht ... kein Zufall, dass Musk ankündigt, Grok frei machen zu wollen") makes one claim,
not two. Headlines are kept: a title and its article are two reports by design.

>>> words = frozenset({"zu", "dass", "als"})
>>> same_statement("Grok frei machen zu wollen", "dass xAI Grok als freie Software frei machen will", words)
True
>>> same_statement("Die Preise steigen", "Die Löhne sinken", words)
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["same_statement", "without_repeats"]

_WORD = re.compile(r"[\w-]+")
#: Share of the shorter statement's content words the longer one must hold to be the same statement.
OVERLAP = 0.75
#: How many earlier statements of a speaker a statement is compared with.
WINDOW = 20


def _content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    return {w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in stopwords and len(w) > 2}


def same_statement(one: str, other: str, stopwords: frozenset[str]) -> bool:
    """True if one statement's content words are (nearly) all in the other's."""
    a, b = _content_words(one, stopwords), _content_words(other, stopwords)
    shorter, longer = sorted((a, b), key=len)
    return bool(shorter) and len(shorter & longer) >= OVERLAP * len(shorter) and len(shorter) >= 3


def without_repeats(keys: Sequence[tuple[str, str, str]], stopwords: frozenset[str]) -> list[bool]:
    """For each (speaker id, predicate, text), whether it repeats an earlier statement of the same speaker
    and predicate (compared with the last ``WINDOW`` of them, so that a long article stays fast)."""
    earlier: dict[tuple[str, str], list[str]] = {}
    out = []
    for speaker, predicate, text in keys:
        said = earlier.setdefault((speaker, predicate), [])
        out.append(any(same_statement(text, t, stopwords) for t in said[-WINDOW:]))
        said.append(text)
    return out
