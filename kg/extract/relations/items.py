"""A sentence as relation patterns see it: a sequence of items, each a word, a punctuation mark, a name, a
pronoun, a possessive ("his", "sein"), a description ("the company") or a possessive ending ("'s", the s of
German "Musks").

Names come from coreference; a hyphenated compound whose first part is a name of the document is split, so
that "Nordwind-Chefin" reads as the name Nordwind, "-", "chefin", and "Google-owned" as Google, "-", "owned".
Words spaced around a hyphen ("co - founder", as tokenised corpora write them) are joined again, and a
bracketed aside ("Osmund Ueland (born 1947) is ...") is left out, so that patterns read across it.

>>> from kg.extract.analysis import Analysis
>>> from kg.model import Document
>>> a = Analysis(Document.create("Elon Musks KI-Unternehmen xAI verklagt die Firma.", "a.txt", language="de"))
>>> [(i.kind.name, i.text) for i in sentence_items(a, a.sentences[0])]  # doctest: +NORMALIZE_WHITESPACE
[('NAME', 'Elon Musk'), ('POSS_MARK', 's'), ('WORD', 'ki-unternehmen'), ('NAME', 'xAI'), ('WORD', 'verklagt'),
 ('DESCRIPTION', 'die Firma'), ('PUNCT', '.')]
"""

from __future__ import annotations

from enum import Enum, auto

from kg.extract.analysis import Analysis
from kg.extract.coref import Resolved
from kg.extract.entity_types import name_shaped
from kg.extract.lexicon import lexicon
from kg.extract.referring import referring
from kg.extract.sentences import Sentence
from kg.extract.tokens import Token
from kg.model import Entity, EntityType, Mention, Span

__all__ = ["Item", "Kind", "sentence_items"]

_POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’", "s")
#: Words a role of several words has at most ("chief executive officer").
MAX_ROLE_WORDS = 3
#: A bracketed aside longer than this many tokens is not skipped.
MAX_PARENTHESIS = 40


class Kind(Enum):
    WORD = auto()
    PUNCT = auto()
    NAME = auto()
    PRONOUN = auto()
    POSSESSIVE = auto()
    DESCRIPTION = auto()
    POSS_MARK = auto()


#: Items that can fill a slot of a pattern.
SLOT_KINDS = frozenset({Kind.NAME, Kind.PRONOUN, Kind.DESCRIPTION})


class Item:
    """A word, punctuation mark, name, pronoun or description of a sentence, as the patterns see it (a plain
    class, as :class:`kg.extract.tokens.Token` says why)."""

    __slots__ = ("kind", "name", "singular", "span", "text")

    def __init__(
        self, kind: Kind, span: Span, text: str, name: Resolved | None = None, singular: bool | None = None
    ) -> None:
        self.kind = kind
        self.span = span
        #: Words case-folded; names, pronouns and descriptions as written.
        self.text = text
        #: For names: the mention and its entity, resolved when the item is built.
        self.name = name
        #: For pronouns: True if the verb after it is singular ("sie führt"), False if plural, None if unknown.
        self.singular = singular

    @property
    def is_slot(self) -> bool:
        return self.kind in SLOT_KINDS


class _Builder:
    def __init__(self, analysis: Analysis, tokens: list[Token]) -> None:
        self.analysis = analysis
        self.coref = analysis.coref
        self.tokens = tokens
        self.items: list[Item] = []
        assert analysis.lang is not None
        self.lex = lexicon(analysis.lang)
        self.words_of = referring(analysis.lang)
        self.complements = frozenset(analysis.lang.entries("pronouns", "description_complements"))
        number = analysis.lang.table("pronouns").get("verb_number", {})
        self.singular_verbs = frozenset(number.get("singular", []))
        self.plural_verbs = frozenset(number.get("plural", []))
        self.singular_ending = str(number.get("singular_ending", ""))
        self.plural_ending = str(number.get("plural_ending", ""))

    def add(
        self, kind: Kind, span: Span, text: str, name: Resolved | None = None, singular: bool | None = None
    ) -> None:
        self.items.append(Item(kind, span, text, name, singular))

    def name(self, i: int) -> int:
        """Add the name starting at token ``i`` (and a possessive ending); the index of the next token."""
        found = self.coref.name_at(self.tokens[i].span.start)
        assert found is not None
        end = found.mention.span.end
        self.add(Kind.NAME, found.mention.span, found.mention.text, found)
        j = i
        while j < len(self.tokens) and self.tokens[j].span.end <= end:
            j += 1
        if j < len(self.tokens) and self.tokens[j].span.start < end:
            rest = self.analysis.text[end : self.tokens[j].span.end]
            if rest in _POSSESSIVE_ENDINGS:
                self.add(Kind.POSS_MARK, Span(end, self.tokens[j].span.end), rest.lstrip("'’") or "'")
            return j + 1
        return self._spaced_possessive(j)

    def _spaced_possessive(self, j: int) -> int:
        """ "Google 's" and "Airways '", as tokenised corpora write the possessive, after a name or a
        description ending before token ``j``; the index of the next token."""
        toks = self.tokens
        if j < len(toks) and toks[j].text in ("'", "’"):
            if j + 1 < len(toks) and toks[j + 1].text == "s" and toks[j + 1].span.start == toks[j].span.end:
                self.add(Kind.POSS_MARK, Span(toks[j].span.start, toks[j + 1].span.end), "s")
                return j + 2
            if self.items[-1].text.endswith("s") and j + 1 < len(toks) and toks[j + 1].is_word:
                self.add(Kind.POSS_MARK, toks[j].span, "'")
                return j + 1
        return j

    def _compound_entity(self, prefix: str, suffix: str) -> Entity | None:
        """The entity the first part of a compound names: one the document names, or, before a role noun
        ("Tesla-Chef", "UNO-Generalsekretär"), a known organisation or an acronym."""
        if not prefix or not suffix:
            return None
        entity = self.coref.named(prefix) or self.coref.named(prefix.replace("-", " "))
        if entity is not None or not self.lex.is_role(suffix) or prefix in self.lex.not_names:
            return entity
        ending = [e for e in self.coref.ending_in(prefix.split()[-1]) if e.name.endswith(" " + prefix)]
        ending += [e for word in self.lex.legal for e in self.coref.ending_in(word) if self._legal_form_of(e, prefix)]
        if len(ending) == 1:
            return ending[0]  # "Bundesbank-Präsident" for the "Deutsche Bundesbank", "Helios-Chefin" for "Helios GmbH"
        if prefix in self.lex.organizations or (name_shaped(prefix) and prefix.isupper()):
            return Entity.named(prefix, EntityType.ORGANIZATION)
        return None

    def _legal_form_of(self, entity: Entity, prefix: str) -> bool:
        words = entity.name.split()
        return len(words) >= 2 and " ".join(words[:-1]) == prefix and words[-1] in self.lex.legal

    def compound(self, tok: Token) -> bool:
        """Split "Nordwind-Chefin" into the name Nordwind, "-" and "chefin", if Nordwind names an entity."""
        if "-" not in tok.text:
            return False
        prefix, _, suffix = tok.text.rpartition("-")
        entity = self._compound_entity(prefix, suffix)
        if entity is None:
            return False
        start = tok.span.start
        span = Span(start, start + len(prefix))
        self.add(Kind.NAME, span, prefix, Resolved(Mention(span, prefix), entity))
        self.add(Kind.PUNCT, Span(span.end, span.end + 1), "-")
        self.add(Kind.WORD, Span(span.end + 1, tok.span.end), suffix.casefold())
        return True

    def description(self, i: int) -> int:
        """A determiner and a description noun ("das Unternehmen") not followed by a name; the tokens used."""
        if i + 1 >= len(self.tokens):
            return 0
        det, noun = self.tokens[i], self.tokens[i + 1]
        if det.text.casefold() not in self.words_of.determiners:
            return 0  # most words are no determiner: spare the description's look-ups
        if not self.coref.described([det.text, noun.text]) or self.coref.name_at(noun.span.start):
            return 0  # "des Verbands Deutscher Reeder": the noun opens a name
        if self._role_phrase_at(i + 1):
            return 0  # "the chief executive of": the noun opens a role
        after = self.tokens[i + 2] if i + 2 < len(self.tokens) else None
        if after is not None and self.coref.name_at(after.span.start):
            return 0  # "der Konzern Tesla": the noun is a cue for the name after it
        if after is not None and after.text in self.complements:
            return 0  # "the department of infections" is a new phrase, not "the department" named before
        span = Span(det.span.start, noun.span.end)
        self.add(Kind.DESCRIPTION, span, span.of(self.analysis.text))
        return self._spaced_possessive(i + 2) - i  # "the Department 's Policy Office"

    def _role_phrase_at(self, i: int) -> bool:
        words = tuple(t.text.casefold() for t in self.tokens[i : i + MAX_ROLE_WORDS])
        return any(words[:n] in self.lex.role_phrases for n in range(2, len(words) + 1))

    def word(self, i: int) -> None:
        tok = self.tokens[i]
        folded = tok.text.casefold()
        if not tok.is_word:
            self.add(Kind.PUNCT, tok.span, tok.text)
        elif folded in self.words_of.possessives and self._before_noun(i):
            self.add(Kind.POSSESSIVE, tok.span, tok.text)
        elif folded in self.words_of.pronouns:
            following = self.tokens[i + 1].text.casefold() if i + 1 < len(self.tokens) else ""
            self.add(Kind.PRONOUN, tok.span, tok.text, singular=self._number(following))
        elif not self.compound(tok):
            self.add(Kind.WORD, tok.span, folded)

    def _number(self, verb: str) -> bool | None:
        """Singular or plural, as far as the language's verbs after a pronoun show it (pronouns.toml)."""
        if verb in self.singular_verbs or (self.singular_ending and verb.endswith(self.singular_ending)):
            return True
        return (
            False if verb in self.plural_verbs or (self.plural_ending and verb.endswith(self.plural_ending)) else None
        )

    def _before_noun(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and self.tokens[i + 1].is_word

    def _parenthesis_end(self, i: int) -> int:
        """The index after the ")" closing the "(" at ``i``, or ``i`` if it does not close soon."""
        for j in range(i + 1, min(len(self.tokens), i + MAX_PARENTHESIS)):
            if self.tokens[j].text == ")":
                return j + 1
            if self.tokens[j].text == "(":
                return i
        return i

    def build(self) -> list[Item]:
        i = 0
        while i < len(self.tokens):
            if self.tokens[i].text == "(" and self._parenthesis_end(i) > i:
                i = self._parenthesis_end(i)  # "Osmund Ueland (born 1947) is ...": an aside, not the clause
                continue
            if self.coref.name_at(self.tokens[i].span.start):
                i = self.name(i)
                continue
            used = self.description(i)
            if used:
                i += used
                continue
            self.word(i)
            i += 1
        return _join_spaced_hyphens(self.items)


def _join_spaced_hyphens(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        if (
            item.kind is Kind.WORD
            and len(out) >= 2
            and out[-1].kind is Kind.PUNCT
            and out[-1].text == "-"
            and out[-2].kind is Kind.WORD
            and out[-2].span.end + 1 == out[-1].span.start
            and out[-1].span.end + 1 == item.span.start
        ):
            first = out.pop(-2)
            out.pop()
            out.append(Item(Kind.WORD, Span(first.span.start, item.span.end), f"{first.text}-{item.text}"))
            continue
        out.append(item)
    return out


def sentence_items(analysis: Analysis, sentence: Sentence) -> list[Item]:
    """The items of one sentence of an analysed document (its language must have data)."""
    return _Builder(analysis, analysis.tokens_in(sentence.span)).build()
