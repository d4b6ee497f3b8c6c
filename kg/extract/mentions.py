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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.extract.entity_types import Strength, name_shaped, typed
from kg.extract.lexicon import Lexicon, lexicon
from kg.extract.tokens import Token, tokenize
from kg.lang import LanguageData, common
from kg.model import EntityType, Span

__all__ = ["NameMention", "base_form", "find_names", "tokenize"]

_SURNAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz|O')[A-Z][a-z]+$")

#: Numerals and generational suffixes that continue a personal name.
_NUMERALS = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "Jr", "Sr", "Jr.", "Sr."})
_OPENERS = frozenset(open_ for open_, _close in common()["quote_pairs"]) | {"(", "[", "–", "—", "-"}

#: At most this many connectors in a row join the parts of an organisation's name ("University of the Arts").
MAX_CONNECTORS = 2


@dataclass(frozen=True, slots=True)
class NameMention:
    span: Span
    text: str
    type: EntityType
    #: True when the name was found through a strong signal (shape, cue, legal form), not recurrence alone.
    supported: bool = True
    #: How sure the type is (see :class:`kg.extract.entity_types.Strength`).
    strength: Strength = Strength.NONE


def base_form(word: str) -> str:
    """A name without its possessive ending: "Musk's" and "Musk’s" become "Musk" (German "Musks" is handled by
    recurrence in :func:`find_names`, since a final s is often part of the name)."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _is_candidate(tok: Token, lex: Lexicon) -> bool:
    word = base_form(tok.text)
    if not tok.is_word or not (word[:1].isupper() or name_shaped(word)):
        return False
    if word in lex.places or lex.is_given_name(word):
        return True
    folded = word.casefold()
    if folded in lex.stop or folded in lex.pronouns or lex.is_role(word):
        return False  # "CEO" is a role whatever its shape
    if name_shaped(word):
        return True
    if lex.compounds and lex.cue_type(word) is not None and not lex.is_org_word(word):
        return False  # a German cue noun describes the name after it ("der Windkraftkonzern Nordwind")
    return "-" not in word and not word.endswith(lex.noun_endings)


def _same_line(text: str, tokens: Sequence[Token], a: int, b: int) -> bool:
    return "\n" not in text[tokens[a].span.start : tokens[b].span.end]


def _cue_before(text: str, tokens: Sequence[Token], i: int, lex: Lexicon) -> EntityType | None:
    """A cue noun right before the name, or in English before a comma and an article ("the organization,
    Sendero Luminoso", "its e-reader, the Quillon Fold"); German commas end clauses."""
    j = i - 1
    if not lex.compounds and j >= 1 and tokens[j].text.casefold() in lex.apposition and tokens[j - 1].text == ",":
        j -= 2
    elif not lex.compounds and j >= 0 and tokens[j].text == ",":
        j -= 1
    if j < 0 or not tokens[j].is_word or not _same_line(text, tokens, j, i):
        return None
    return lex.cue_type(tokens[j].text)


def _cue_after(text: str, tokens: Sequence[Token], j: int, lex: Lexicon) -> EntityType | None:
    """A cue noun in apposition after the name, set off by a comma or a copula: "Grok, der Chatbot", "Grok ist
    ein Chatbot", "Acme, the firm"; a role noun only after a copula and not before a name ("Musk ist Chef von
    Tesla", not "im Frühjahr war Vorstandschefin Ingrid Haller")."""
    if j >= len(tokens) or not (tokens[j].text == "," or tokens[j].text.casefold() in lex.copulas):
        return None
    k = j + 1
    if k < len(tokens) and tokens[k].text.casefold() in lex.apposition:
        k += 1
    if k >= len(tokens) or not _same_line(text, tokens, j, k):
        return None
    found = lex.cue_type(tokens[k].text)
    if found is EntityType.PERSON:
        named_after = k + 1 < len(tokens) and _is_candidate(tokens[k + 1], lex)
        return None if tokens[j].text == "," or named_after else found
    return found


def _adjacent(text: str, tokens: Sequence[Token], j: int) -> bool:
    """Names do not run across punctuation or line breaks: one plain space separates their words."""
    return text[tokens[j - 1].span.end : tokens[j].span.start] == " "


def _connected(text: str, tokens: Sequence[Token], i: int, j: int, lex: Lexicon) -> int:
    """After ``tokens[i:j]``, the index of the first word after connectors ("of", "&", "für") that lead to more
    of the name, or ``j``. Only organisation names take connectors: "Bank of America", not "Duke of York"."""
    k = j
    while (
        k < len(tokens) and k - j < MAX_CONNECTORS and tokens[k].text in lex.connectors and _adjacent(text, tokens, k)
    ):
        k += 1
    if k == j or k >= len(tokens) or not _adjacent(text, tokens, k) or not _is_candidate(tokens[k], lex):
        return j
    if tokens[k].text in lex.not_names and not (k + 1 < len(tokens) and _is_candidate(tokens[k + 1], lex)):
        return j  # "Congress on December 6", but "Court for the Northern District"
    left = any(lex.is_org_word(t.text) for t in tokens[i:j])
    if tokens[j].text in lex.coordinators:
        # "Museum of Science and Industry", "Park and Recreation Board", but two names in a list are two:
        # "PC Partner Communications and Zumatel Communications".
        right = any(lex.is_org_word(t.text) for t in tokens[k : k + 4] if t.text[:1].isupper())
        return k if left != right else j
    return k if "&" in (t.text for t in tokens[j:k]) or left else j


def _genitive_end(tokens: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """A German personal name in the genitive ends before the next noun: "Elon Musks xAI"."""
    last = tokens[j - 1].text
    return lex.compounds and j - i >= 2 and last.endswith("s") and len(last) >= 4 and lex.is_given_name(tokens[i].text)


def _camel(word: str) -> bool:
    """Inner capitals in a word that is not an acronym nor a surname ("McMaster", "DeMott"): "xAI", "OpenAI"."""
    return name_shaped(word) and any(c.islower() for c in word) and not _SURNAME_PREFIX.match(word)


def _continues(text: str, tokens: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    tok = tokens[j]
    if lex.is_org_word(tok.text):
        return True  # "Deutsche Bank", "Harvard University"
    if tok.text in _NUMERALS:
        return True  # "Gustav III", "Paul Desmarais Jr"
    if lex.is_role(tok.text) and j + 1 < len(tokens) and lex.is_org_word(tokens[j + 1].text):
        return True  # "Defense Industry Executive Committee"
    if (lex.compounds and lex.cue_type(tok.text) is not None) or _genitive_end(tokens, i, j, lex):
        return False  # "Elon Musks KI-Unternehmen": a cue noun starts the next phrase (English "Film Company" goes on)
    if lex.compounds and tokens[j - 1].text in lex.places:
        return False  # "beim Landgericht München Klage eingereicht": a noun after a place is not the name
    if (_camel(tok.text) or _camel(tokens[j - 1].text)) and tok.text not in lex.legal:
        return False  # "xAI Grok", "Elon Musk xAI": a camel-case name does not join other words
    if tok.text in lex.particles:
        return j + 1 < len(tokens) and _is_candidate(tokens[j + 1], lex) and lex.is_given_name(tokens[i].text)
    if "-" in tok.text and _named_compound(tok.text, lex):
        return True  # "Sparkasse Rhein-Main", "Hans-Peter Müller"
    return _is_candidate(tok, lex) and tok.text not in lex.legal


def _named_compound(word: str, lex: Lexicon) -> bool:
    """A hyphenated word made of names ("Rhein-Main", "Baden-Württemberg"), not a compound of nouns with a
    cue or role at its end ("KI-Unternehmen", "Tesla-Chef")."""
    parts = word.split("-")
    if not all(p[:1].isupper() for p in parts) or lex.cue_type(parts[-1]) is not None:
        return False
    return not any(p in lex.not_names or p.casefold() in lex.stop for p in parts)


def _initial(text: str, tokens: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """At ``j`` the full stop of an initial inside a name: "Robert P. Lockwood", "Ulysses S. Grant"."""
    prev = tokens[j - 1].text
    return (
        tokens[j].text == "."
        and len(prev) == 1
        and prev.isupper()
        and tokens[j].span.start == tokens[j - 1].span.end
        and j + 1 < len(tokens)
        and _adjacent(text, tokens, j + 1)
        and _is_candidate(tokens[j + 1], lex)
    )


def _phrase_end(text: str, tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """Index after the last token of the name starting at ``i``: capitalised words, initials, inner particles
    and connectors, a closing legal form or a small number ("Acme GmbH", "Llama 2")."""
    j = i + 1
    while j < len(tokens):
        if _initial(text, tokens, j, lex):
            j += 2
            continue
        if not _adjacent(text, tokens, j):
            break
        if _continues(text, tokens, i, j, lex):
            j += 1
            continue
        tok = tokens[j]
        if tok.text in lex.legal or (tok.text.isdigit() and len(tok.text) <= 2):
            dotted = j + 1 < len(tokens) and tokens[j + 1].text == "." and tok.text + "." in lex.legal
            return j + 2 if dotted and tokens[j + 1].span.start == tok.span.end else j + 1
        k = _connected(text, tokens, i, j, lex)
        if k == j:
            break
        j = k + 1
    return j


def _place_adjective(word: str, lex: Lexicon) -> bool:
    """A German adjective made from a place: "Hamburger", "Kölner" (and listed ones: "Münchner")."""
    return lex.compounds and ((word.endswith("er") and word[:-2] in lex.places) or word in lex.not_names)


def _trim(words: list[str], lex: Lexicon, first: bool) -> int:
    """How many leading words are not part of the name: months, weekdays, nationality and place adjectives
    ("German skeleton racer", "der Hamburger Konzern"), unless the name is an organisation's ("American
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


def _genitive(words: list[str], tokens: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """German genitive of a full personal name before a noun: "Elon Musks KI-Unternehmen" names Elon Musk."""
    if not lex.compounds or len(words) < 2 or not words[-1].endswith("s") or len(words[-1]) < 4:
        return False
    if not lex.is_given_name(words[0]):
        return False
    return j < len(tokens) and (tokens[j].text[:1].isupper() or name_shaped(tokens[j].text))


def _sentence_start(text: str, tokens: Sequence[Token], i: int) -> bool:
    """True for the first word of a sentence, also after opening quotation marks or brackets."""
    while i and tokens[i - 1].text in _OPENERS:
        i -= 1
    prev = tokens[i - 1] if i else None
    return prev is None or prev.text in ".!?:" or "\n" in text[prev.span.end : tokens[i].span.start]


def _mention(text: str, tokens: Sequence[Token], i: int, j: int, lex: Lexicon) -> NameMention | None:
    words = [base_form(t.text) for t in tokens[i:j] if t.text != "."]
    skip = _trim(words, lex, _sentence_start(text, tokens, i))
    if skip == len(words) or not _is_candidate(tokens[i + skip], lex):
        return None
    if len(words) - skip == 1 and (
        words[-1] in lex.legal or (lex.is_org_word(words[-1]) and not name_shaped(words[-1]))
    ):
        return None  # "the Committee", "the Union", "SE": a generic word, not a name
    i, words = i + skip, words[skip:]
    if _genitive(words, tokens, j, lex):
        words[-1] = words[-1][:-1]
    cue = (None if skip else _cue_before(text, tokens, i, lex)) or _cue_after(text, tokens, j, lex)
    kind, strength = typed(words, cue, lex)
    first = _sentence_start(text, tokens, i) and not skip
    end = tokens[j - 1].span.end if tokens[j - 1].text == "." else tokens[j - 1].span.start + len(words[-1])
    span = Span(tokens[i].span.start, end)
    return NameMention(span, span.of(text), kind, _supported(words, cue, strength, first, lex), strength)


def _role_phrase(tokens: Sequence[Token], i: int, lex: Lexicon) -> int:
    """The length of a role of several words starting at ``i`` ("Managing Director"), or 0."""
    for size in (3, 2):
        if tuple(t.text.casefold() for t in tokens[i : i + size]) in lex.role_phrases:
            return size
    return 0


def _scan(text: str, tokens: Sequence[Token], lex: Lexicon) -> Iterable[NameMention]:
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not _is_candidate(tok, lex) or _role_phrase(tokens, i, lex):
            i += _role_phrase(tokens, i, lex) or 1
            continue
        j = _phrase_end(text, tokens, i, lex)
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


def find_names(text: str, tokens: Sequence[Token], lang: LanguageData | None) -> list[NameMention]:
    """Name mentions in ``tokens``: supported ones, plus unsupported ones that a supported name has shown."""
    if lang is None:
        return []
    found = list(_scan(text, tokens, lexicon(lang)))
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
