"""Cue verbs in a sentence: verbs of saying with their separable particle ("kündigte ... an"), the auxiliary
that holds the verb's place in a compound tense ("hat ... mitgeteilt"), and the words the sense needs
("geht davon aus").

>>> from kg.lang import language
>>> from kg.extract.tokens import tokenize
>>> from kg.extract.quotes.lexicon import SpeechLexicon
>>> text = "Die Polizei teilte am Montag mit, der Täter habe gestanden."
>>> c = Clause.of(text, tokenize(text), SpeechLexicon.of(language("de")), [])
>>> [(cue.mention(c).text, cue.sense.lemma, c.words[cue.particle].text) for cue in find_cues(c)]
[('teilte', 'mitteilen', 'mit')]
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.quotes.lexicon import Sense
from kg.extract.quotes.phrases import bracket_close, clause_start
from kg.extract.quotes.words import Clause, Kind
from kg.model import Mention, Span

__all__ = ["Cue", "find_cues"]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue verb: the word, its particle if separated, and the finite word that marks the verb's place."""

    verb: int
    sense: Sense
    #: The finite word of the clause: the verb itself, or the auxiliary of "hat ... gesagt".
    anchor: int
    particle: int | None = None

    @property
    def last(self) -> int:
        """The last word of the verb group: the particle if there is one, else the verb."""
        return self.particle if self.particle is not None else self.verb

    def mention(self, c: Clause) -> Mention:
        """The cue as a mention: the verb, with its particle when the two stand together ("kündigt an")."""
        verb = c.words[self.verb]
        if self.particle is not None and self.particle == self.verb + 1:
            span = Span(verb.span.start, c.words[self.particle].span.end)
            return Mention(span, span.of(c.text))
        return Mention(verb.span, verb.text)


def clause_end(c: Clause, start: int) -> int:
    """Index after the last word of the clause that goes on from ``start``: up to the next break. A short
    bracket ("(SPÖ)") is part of its clause, as in :func:`~kg.extract.quotes.phrases.clause_start`."""
    k = start
    while k < len(c):
        w = c.words[k]
        if w.text == "(" and not w.quoted and (close := bracket_close(c, k)) is not None:
            k = close + 1
            continue
        if w.said or w.is_break() or (w.kind is Kind.PUNCT and w.text in ".!?"):
            return k
        if w.folded in c.lex.complementizers and not w.said:
            return k
        k += 1
    return len(c)


def _particle(c: Clause, verb: int, sense: Sense) -> int | None:
    """The particle that closes the verb's clause ("teilte ... mit,"), if it is there."""
    end = clause_end(c, verb + 1)
    if end - 1 > verb and c.words[end - 1].folded == sense.particle:
        return end - 1
    return None


def _needs_met(c: Clause, verb: int, sense: Sense) -> bool:
    if not sense.needs:
        return True
    start, end = clause_start(c, verb), clause_end(c, verb + 1)
    return c.first_of(start, end + 1, frozenset({sense.needs})) is not None


def _anchor(c: Clause, verb: int) -> int:
    """The finite auxiliary before a participle or infinitive in the same clause ("hat ... angekündigt"),
    also across an apposition that ends right before the participle ("hatte ein Sprecher, Hans Meier,
    erklärt")."""
    start = clause_start(c, verb)
    for k in range(start, verb):
        if c.words[k].kind is Kind.AUX:
            return k
    if start == verb and verb > 0 and c.words[verb - 1].text == "," and _participle(c, verb):
        earlier = clause_start(c, clause_start(c, verb - 1) - 1) if verb > 2 else 0
        for k in range(earlier, verb):
            if c.words[k].kind is Kind.AUX and not c.words[k].said:
                return k
    return verb


def _participle(c: Clause, verb: int) -> bool:
    """The verb is followed by a break: it closes its clause, as a participle after an apposition does."""
    return verb + 1 < len(c) and c.words[verb + 1].is_break()


def _cue_at(c: Clause, i: int) -> Cue | None:
    word = c.words[i]
    if word.quoted or word.kind is not Kind.LOW:
        return None
    if not c.lex.capitalised_nouns and i > 0 and c.words[i - 1].kind in (Kind.DET, Kind.PREP):
        return None  # "the report", "a claim": a noun, not the verb (German nouns are capitalised)
    for sense in c.lex.senses(word.text):
        particle = None if sense.joined else _particle(c, i, sense)
        if (sense.joined or particle is not None) and _needs_met(c, i, sense):
            return Cue(i, sense, _anchor(c, i), particle)
    return None


def find_cues(c: Clause) -> list[Cue]:
    """The cue verbs of the sentence, outside quotation marks, in order."""
    return [cue for i in range(len(c)) if (cue := _cue_at(c, i)) is not None]
