"""Name mentions: the spans of a text that name a person, organisation, product, platform or place.

No model is downloaded: names are found by rules over capitalised tokens and the language's data. German
capitalises every noun, so a capitalised word counts as a name only with support: a second capitalised word
("Elon Musk"), a name shape ("xAI", "NASA"), a cue before it ("KI-Unternehmen xAI", "Mitgründer Ilya
Sutskever"), a legal form after it ("Acme GmbH"), a given name or a place from the word lists, or another
mention of it in the document that had support. Organisation names may hold connectors ("Bank of America",
"Procter & Gamble") when a word of them is an organisation word. Each mention is typed by
:mod:`kg.extract.entity_types`.

>>> from kg.lang import language
>>> text = "Am Montag sagte Elon Musk, sein KI-Unternehmen xAI gebe Grok frei. Musk lachte."
>>> [(m.text, m.type.value, m.supported) for m in find_names(text, tokenize(text), language("de"))]
[('Elon Musk', 'Person', True), ('xAI', 'Organization', True), ('Musk', 'Thing', False)]
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.extract.entity_types import Strength, name_shaped, typed
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.name_extent import phrase_end
from kg.extract.name_splits import split_runs
from kg.extract.name_words import base_form, is_candidate
from kg.extract.tokens import Token, tokenize
from kg.lang import LanguageData, common
from kg.model import EntityType, Span

__all__ = ["NameMention", "base_form", "find_names", "tokenize"]


_OPENERS = frozenset(open_ for open_, _close in common()["quote_pairs"]) | {"(", "[", "–", "—", "-"}

#: At most this many modifiers stand before the noun that heads an apposition ("a Japanese video game company").
MAX_MODIFIERS = 4


class NameMention:
    """A name found in the text, typed (a plain class, as :class:`kg.extract.tokens.Token` says why)."""

    __slots__ = ("span", "strength", "supported", "text", "type")

    def __init__(
        self, span: Span, text: str, type: EntityType, supported: bool = True, strength: Strength = Strength.NONE
    ) -> None:
        self.span = span
        self.text = text
        self.type = type
        #: True when the name was found through a strong signal (shape, cue, legal form), not recurrence alone.
        self.supported = supported
        #: How sure the type is (see :class:`kg.extract.entity_types.Strength`).
        self.strength = strength

    def but(self, span: Span, text: str, type: EntityType, strength: Strength) -> NameMention:
        """The same finding with another span, text or type: a part of the name, or the name typed again."""
        return NameMention(span, text, type, self.supported, strength)


def _same_line(text: str, tokens: list[Token], a: int, b: int) -> bool:
    return "\n" not in text[tokens[a].span.start : tokens[b].span.end]


def _cue_before(text: str, tokens: list[Token], i: int, lex: Lexicon) -> EntityType | None:
    """A cue noun right before the name, or in English before a comma and an article ("the organization,
    Sendero Luminoso", "its e-reader, the Quillon Fold"); German commas end clauses."""
    j = i - 1
    comma = not lex.compounds and j >= 0 and tokens[j].text == ","
    if not lex.compounds and j >= 1 and tokens[j].text.casefold() in lex.apposition and tokens[j - 1].text == ",":
        j -= 2
    elif comma:
        j -= 1
    if j < 0 or not tokens[j].is_word or not _same_line(text, tokens, j, i):
        return None
    if comma and not tokens[j].text.islower():
        return None  # "While at the State Department, Hochstein worked": the noun ends a name, not a description
    return lex.cue_type(tokens[j].text)


def _cue_after(text: str, tokens: list[Token], j: int, lex: Lexicon) -> EntityType | None:
    """A cue noun in apposition after the name, set off by a comma or a copula: "Grok, der Chatbot", "Grok ist
    ein Chatbot", "Acme, the firm"; a role noun only after a copula and not before a name ("Musk ist Chef von
    Tesla", not "im Frühjahr war Vorstandschefin Ingrid Haller")."""
    if _born(tokens, j, lex):
        return EntityType.PERSON
    if j >= len(tokens) or not (tokens[j].text == "," or tokens[j].text.casefold() in lex.copulas):
        return None
    k = j + 1
    article = k < len(tokens) and tokens[k].text.casefold() in lex.apposition
    if article:
        k += 1
    if k >= len(tokens) or not _same_line(text, tokens, j, k):
        return None
    found = lex.cue_type(tokens[k].text)
    if found is None and article and tokens[j].text != ",":
        # After a copula the phrase describes the name ("X is a political party"); after a comma it may as
        # well describe what came before ("in Sacramento, the fifth largest newspaper in California").
        found, k = _head_cue(tokens, k, lex)
    if found is EntityType.PERSON:
        named_after = k + 1 < len(tokens) and is_candidate(tokens[k + 1], lex)
        return None if tokens[j].text == "," or named_after else found
    return found


def _born(tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """A birth noted right after the name: "Osmund Ueland (born 1947)", "Leandro Mbomio, born 5 January"."""
    return j + 1 < len(tokens) and tokens[j].text in ("(", ",") and tokens[j + 1].text.casefold() in lex.birth


def _head_cue(tokens: list[Token], k: int, lex: Lexicon) -> tuple[EntityType | None, int]:
    """The cue noun that heads the noun phrase at ``k`` after modifiers ("a political party in", "the weekly
    Catholic newspaper for", "a music video and entertainment channel in"), and its index: the phrase must end
    with it (a word of the language's stop list, punctuation or the end follow), so that "a Labour party
    member" is no party."""
    for m in range(k, min(len(tokens), k + MAX_MODIFIERS + 1)):
        word = tokens[m].text
        if not tokens[m].is_word or (word.casefold() in lex.stop and word not in lex.coordinators):
            break  # but "a music video and entertainment channel" goes on
        found = lex.cue_type(word)
        after = tokens[m + 1] if m + 1 < len(tokens) else None
        if found is not None and (after is None or not after.is_word or after.text.casefold() in lex.stop):
            return found, m
    return None, k


def _place_adjective(word: str, lex: Lexicon) -> bool:
    """A German adjective made from a place: "Hamburger", "Kölner" (and listed ones: "Münchner")."""
    return lex.compounds and ((word.endswith("er") and word[:-2] in lex.places) or word in lex.not_names)


def _trim(words: list[str], lex: Lexicon, first: bool) -> int:
    """How many leading words are not part of the name: months, weekdays, nationality and place adjectives
    ("German skeleton racer", "South Korean", "der Hamburger Konzern"), unless the name is an organisation's ("American
    Airlines"); at the start of an English sentence a word that opens sentences ("Will Orbis sue ...?"); in
    German the nouns before a given name ("die Juristin Helga Sommer", "den Brüdern Felix")."""
    if first and len(words) > 1 and words[0] in lex.openers:
        return 1
    given = next((k for k, w in enumerate(words) if lex.is_given_name(w)), 0)
    if lex.compounds and given > 0 and not any(lex.is_org_word(w) for w in words):
        return given
    if _place_adjective(words[0], lex) and len(words) > 2:
        return 1  # "der Münchner Morgenroth Verlag", but "Berliner Zeitung" is a name
    if any(lex.is_org_word(w) or w in lex.legal for w in words[1:]):
        return 0
    n = 0
    while n < len(words) and (words[n] in lex.not_names or _place_adjective(words[n], lex)):
        n += 1
        if n < len(words) - 1 and words[n] in lex.adjective_prefixes and words[n + 1] in lex.not_names:
            n += 1  # "German and South Korean": the prefix belongs to the adjective after it
    if n == 0 and len(words) > 1 and words[0] in lex.adjective_prefixes and words[1] in lex.not_names:
        return _trim(words[1:], lex, False) + 1  # "South Korean Presbyterian leader Kim"
    return n


def _supported(words: list[str], cue: EntityType | None, strength: Strength, first: bool, lex: Lexicon) -> bool:
    if cue is not None or strength >= Strength.LIST or name_shaped(words[0]):
        return True
    if lex.compounds:
        # German capitalises every noun: only a name of several words inside a sentence stands on its own.
        return len(words) >= 2 and not first
    # A single capitalised English word that opens a sentence may be any word ("Patent fights like this ...");
    # it is a name where the article also writes it inside a sentence.
    return len(words) >= 2 or not first


def _genitive(words: list[str], tokens: list[Token], j: int, lex: Lexicon) -> bool:
    """German genitive of a full personal name before a noun: "Elon Musks KI-Unternehmen" names Elon Musk."""
    if not lex.compounds or len(words) < 2 or not words[-1].endswith("s") or len(words[-1]) < 4:
        return False
    if not lex.is_given_name(words[0]):
        return False
    return j < len(tokens) and (tokens[j].text[:1].isupper() or name_shaped(tokens[j].text))


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    """True for the first word of a sentence, also after opening quotation marks or brackets."""
    while i and tokens[i - 1].text in _OPENERS:
        i -= 1
    prev = tokens[i - 1] if i else None
    return prev is None or prev.text in ".!?:" or "\n" in text[prev.span.end : tokens[i].span.start]


def _mention(text: str, tokens: list[Token], i: int, j: int, lex: Lexicon) -> NameMention | None:
    words = [base_form(t.text) for t in tokens[i:j] if t.text != "."]
    skip = _trim(words, lex, _sentence_start(text, tokens, i))
    if skip == len(words) or not is_candidate(tokens[i + skip], lex):
        return None
    if len(words) - skip == 1 and (
        words[-1] in lex.legal or (lex.is_org_word(words[-1]) and not name_shaped(words[-1]))
    ):
        return None  # "the Committee", "the Union", "SE": a generic word, not a name
    i, words = i + skip, words[skip:]
    if lex.compounds and words[-1] in lex.not_names:
        return None  # "Ende Dezember", "Anfang Mai": a German noun before a month is a time, not a name
    if _genitive(words, tokens, j, lex):
        words[-1] = words[-1][:-1]
    cue = (None if skip else _cue_before(text, tokens, i, lex)) or _cue_after(text, tokens, j, lex)
    kind, strength = typed(words, cue, lex)
    first = _sentence_start(text, tokens, i) and not skip
    last = tokens[j - 1]
    # The span ends where the last word does without its possessive ending (a joined token is longer in the
    # text than in its word: "Won - yong").
    end = last.span.end if last.text == "." else last.span.end - (len(last.text) - len(words[-1]))
    span = Span(tokens[i].span.start, end)
    return NameMention(span, span.of(text), kind, _supported(words, cue, strength, first, lex), strength)


def _role_phrase(tokens: list[Token], i: int, lex: Lexicon) -> int:
    """The length of a role of several words starting at ``i`` ("Managing Director"), or 0."""
    if tokens[i].text.casefold() not in lex.role_phrase_starts:
        return 0
    for size in (3, 2):
        if tuple(t.text.casefold() for t in tokens[i : i + size]) in lex.role_phrases:
            return size
    return 0


def _scan(text: str, tokens: list[Token], lex: Lexicon) -> Iterable[NameMention]:
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        role = _role_phrase(tokens, i, lex)
        if role or not is_candidate(tok, lex):
            i += role or 1
            continue
        j = phrase_end(text, tokens, i, lex)
        found = _mention(text, tokens, i, j, lex)
        if found is not None:
            yield found
        i = j


def _known_words(found: Iterable[NameMention]) -> set[str]:
    """Names that stand on their own once a supported mention has shown them: the whole name, a person's
    surname, an organisation's first word ("Nordwind" of "Nordwind Energie")."""
    known: set[str] = set()
    for m in found:
        if not m.supported:
            continue
        known.add(m.text)
        words = m.text.split()
        if len(words) == 1 or m.type is not EntityType.ORGANIZATION:
            known.add(words[-1])
        if m.type is not EntityType.PERSON:
            known.add(words[0])
    return known


def find_names(text: str, tokens: list[Token], lang: LanguageData | None) -> list[NameMention]:
    """Name mentions in ``tokens``: supported ones, plus unsupported ones that a supported name has shown."""
    if lang is None:
        return []
    lex = lexicon(lang)
    found = split_runs(list(_scan(text, tokens, lex)), lex)
    known = _known_words(found)
    out = []
    for m in found:
        if m.supported:
            out.append(m)
            continue
        # German genitive "Musks" of a known "Musk"; a lone "Musk" after "Elon Musk".
        stem = m.text[:-1] if m.text.endswith("s") and m.text[:-1] in known else m.text
        if stem in known:
            span = Span(m.span.start, m.span.start + len(stem))
            out.append(NameMention(span, stem, m.type, supported=False, strength=m.strength))
    return out
