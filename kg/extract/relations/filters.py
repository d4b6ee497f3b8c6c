"""What keeps a match from being a fact: a question, and for clause patterns a negation ("hat nicht geklagt",
"did not sue") or a hedge (a condition, a plan, a rumour: "if", "würde", "plans to") in the same clause.

The clause of a match runs from the word after the last clause break before it (a comma, "but", "aber", per
``relations.toml``) to the first clause break after it. Filter words count in their written case or, at the
start of the clause, capitalised: "May" in "acquired it in May" is a month, "If" opening a sentence is "if".

>>> from kg.extract.analysis import Analysis
>>> from kg.extract.relations.grammar import compile_pattern, grammar
>>> from kg.extract.relations.items import sentence_items
>>> from kg.extract.relations.matcher import Matcher
>>> from kg.model import Document
>>> def verdicts(text):
...     a = Analysis(Document.create(text, "a.txt", language="en"))
...     items = sentence_items(a, a.sentences[0])
...     pattern = compile_pattern("{S} .. sued {O}", "sued", "clause")
...     matches = [m for i in range(len(items)) if (m := Matcher(items, grammar(a.lang), a.lang).match(pattern, i))]
...     return [Filters(a.text, items, grammar(a.lang)).rejects(m, pattern) for m in matches]
>>> verdicts("Acme Corp has not sued Globex, but Initech sued Hooli.")
[True, False]
>>> verdicts("Has Acme sued Globex?"), verdicts("If Acme sued Globex, it would win.")
([True], [True])
"""

from __future__ import annotations

from kg.extract.relations.grammar import Grammar, Pattern, Slot
from kg.extract.relations.items import Item, Kind
from kg.extract.relations.matcher import Match

__all__ = ["Filters"]

_ENDS = frozenset({".", "!", "?", "…"})


class Filters:
    """The filters of one sentence."""

    def __init__(self, text: str, items: list[Item], grammar: Grammar) -> None:
        self.text = text  # the document's text, which item spans point into
        self.items = items
        self.grammar = grammar

    def _breaks(self, i: int) -> bool:
        item = self.items[i]
        return item.kind in (Kind.PUNCT, Kind.WORD) and item.text in self.grammar.clause_breaks

    def clause(self, match: Match) -> range:
        """The item indices of the clause around ``match``."""
        start = match.first
        while start > 0 and not self._breaks(start - 1):
            start -= 1
        end = match.last + 1
        while end < len(self.items) and not self._breaks(end) and self.items[end].text not in _ENDS:
            end += 1
        return range(start, end)

    def is_question(self, match: Match) -> bool:
        """True if the sentence part holding the match ends in a question mark."""
        for item in self.items[match.last + 1 :]:
            if item.kind is Kind.PUNCT and item.text in _ENDS:
                return item.text == "?"
        return False

    def _written(self, i: int, first: int) -> str | None:
        """The word at item ``i`` as a filter word: lower case, or capitalised at the clause start."""
        item = self.items[i]
        if item.kind is not Kind.WORD:
            return None
        surface = item.span.of(self.text)
        return item.text if surface.islower() or i == first else None

    def _has(self, clause: range, words: frozenset[str], suffixes: tuple[str, ...] = ()) -> bool:
        for i in clause:
            word = self._written(i, clause.start)
            if word is not None and (word in words or (suffixes and word.endswith(suffixes))):
                return True
        return False

    def inverted(self, match: Match, pattern: Pattern) -> bool:
        """True if a subject pronoun follows the verb of a pattern that puts its subject first: in "Schäuble
        warf er vor, ..." the name is the object."""
        after = match.cue + 1 if match.cue is not None else len(self.items)
        opens = bool(pattern.elements) and isinstance(pattern.elements[0], Slot) and pattern.elements[0].role == "S"
        item = self.items[after] if after < len(self.items) else None
        return (
            opens and item is not None and item.kind is Kind.PRONOUN and item.text.casefold() in self.grammar.subjects
        )

    def rejects(self, match: Match, pattern: Pattern) -> bool:
        """True if the match must not become a claim."""
        if self.is_question(match) or self.inverted(match, pattern):
            return True
        kind = pattern.kind
        if kind == "nominal":
            return False
        clause = self.clause(match)
        negated = self._has(clause, self.grammar.negations, self.grammar.negation_suffixes)
        return negated or self._has(clause, self.grammar.hedges)
