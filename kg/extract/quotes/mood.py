"""Reported mood: German marks what someone said by Konjunktiv I ("Musk habe zugestimmt"), by Konjunktiv II
where the two would look alike, and by hearsay "soll ... haben". Forms come from the language's ``mood.toml``;
words inside quotation marks do not count (there they are the speaker's own first person).

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> def clause(text): return Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [])
>>> is_reported(clause("Die Lage sei ernst."), 0, 5), is_reported(clause("Die Lage ist ernst."), 0, 5)
(True, False)
>>> is_reported(clause("Er soll Geld genommen haben."), 0, 6), is_reported(clause("Sie wäre gern da."), 0, 5)
(True, False)
>>> is_reported(clause("Sie wäre gern da."), 0, 5, after_quote=True)
True
"""

from __future__ import annotations

from kg.extract.quotes.phrases import clause_start, starts_phrase
from kg.extract.quotes.words import Clause, Kind

__all__ = ["is_reported", "reported_at"]


def _hearsay(c: Clause, start: int, end: int) -> int | None:
    """ "soll(en)" whose clause ends in a perfect infinitive: "soll ... genommen haben", "soll ... verletzt
    worden sein"; "soll ... sein" alone is a plan, not hearsay."""
    lex = c.lex
    at = c.first_of(start, end, lex.hearsay)
    if at is None:
        return None
    tail = [w for w in c.words[at + 1 : end] if w.token.is_word and not w.quoted]
    if len(tail) < 2 or tail[-1].folded not in lex.hearsay_endings:
        return None
    participle = tail[-2].folded
    perfect = participle in lex.hearsay_endings or (participle.endswith(("t", "en")) and tail[-2].kind is Kind.LOW)
    return at if perfect else None


def reported_at(c: Clause, start: int, end: int, after_quote: bool = False) -> int | None:
    """The word that puts words ``[start, end)`` in reported mood, if one does. Konjunktiv II counts only
    right after a reported statement (``after_quote``), since elsewhere it is an ordinary conditional."""
    lex = c.lex
    found = _in_main_clause(c, start, end, lex.reported_mood)
    if found is None:
        found = _hearsay(c, start, end)
    if found is None and after_quote:
        found = _in_main_clause(c, start, end, lex.substitute_mood)
    return found


def is_reported(c: Clause, start: int, end: int, after_quote: bool = False) -> bool:
    """True if words ``[start, end)`` are in reported mood (see :func:`reported_at`)."""
    return reported_at(c, start, end, after_quote) is not None


def _in_main_clause(c: Clause, start: int, end: int, forms: frozenset[str]) -> int | None:
    """The first of ``forms`` in words ``[start, end)`` outside relative and adverbial clauses, which do not
    make a sentence reported ("eine Strategie, die darin bestehen solle")."""
    for w in c.words[start:end]:
        if w.quoted or w.folded not in forms:
            continue
        opening = c.words[clause_start(c, w.index, start)]
        if opening.index == start or not (opening.kind is Kind.SUB or _relative(c, opening.index)):
            return w.index
    return None


def _relative(c: Clause, i: int) -> bool:
    w = c.words[i]
    return w.kind is Kind.DET and i > 0 and c.words[i - 1].text == "," and not starts_phrase(c, i, subject=False)
