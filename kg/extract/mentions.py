"""Name mentions: the spans of a text that name a person, organisation, product, platform or place.

No model is downloaded: names are found by rules over capitalised tokens and the language's data. German
capitalises every noun, so a capitalised word counts as a name only with support: a second capitalised word
("Elon Musk"), a name shape ("xAI", "NASA"), a cue before it ("KI-Unternehmen xAI", "Mitgründer Ilya
Sutskever"), a legal form after it ("Acme GmbH"), or another mention of it in the document that had support.

>>> from kg.lang import language
>>> text = "Am Montag sagte Elon Musk, sein KI-Unternehmen xAI gebe Grok frei. Musk lachte."
>>> [(m.text, m.type.value, m.supported) for m in find_names(text, tokenize(text), language("de"))]
[('Elon Musk', 'Person', True), ('xAI', 'Organization', True), ('Musk', 'Thing', False)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from kg.extract.tokens import Token, tokenize
from kg.lang import LanguageData
from kg.model import EntityType, Span

__all__ = ["NameMention", "base_form", "find_names", "tokenize"]


@dataclass(frozen=True, slots=True)
class NameMention:
    span: Span
    text: str
    type: EntityType
    #: True when the name was found through a strong signal (shape, cue, legal form), not recurrence alone.
    supported: bool = True


@dataclass(frozen=True)
class _Lexicon:
    stop: frozenset[str]
    roles: frozenset[str]
    role_heads: tuple[str, ...]
    org_cues: frozenset[str]
    product_cues: frozenset[str]
    platforms: frozenset[str]
    legal: frozenset[str]
    particles: frozenset[str]
    noun_endings: tuple[str, ...]
    pronouns: frozenset[str]


@cache
def _lexicon(lang: LanguageData) -> _Lexicon:
    names = lang.table("names")
    pronouns = lang.table("pronouns")
    roles = lang.table("roles").get("person", {}).get("nouns", [])
    return _Lexicon(
        stop=lang.words("stopwords"),
        roles=frozenset(roles),
        # German builds roles by compounding ("Wirtschaftsminister"); English writes them apart.
        role_heads=tuple(r.casefold() for r in roles if len(r) >= 4 and r.isalpha()) if lang.code == "de" else (),
        org_cues=frozenset(c.casefold() for c in names.get("organization_cues", [])),
        product_cues=frozenset(c.casefold() for c in names.get("product_cues", [])),
        platforms=frozenset(names.get("platform_names", [])),
        legal=frozenset(names.get("legal_forms", [])),
        particles=frozenset(names.get("name_particles", [])),
        noun_endings=tuple(names.get("noun_endings", [])),
        pronouns=frozenset(w for v in pronouns.values() if isinstance(v, list) for w in v),
    )


def base_form(word: str) -> str:
    """A name without its possessive ending: "Musk's" and "Musk’s" become "Musk" (German "Musks" is handled by
    recurrence in :func:`find_names`, since a final s is often part of the name)."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _shape(word: str) -> bool:
    """Name-like by shape alone: inner capitals (xAI, OpenAI, iPhone) or an acronym (NASA). Hyphenated
    compounds ("KI-Modelle", "Open-Source") are words, not names, whatever their capitals."""
    if "-" in word:
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    inner_capital = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
    acronym = all(c.isupper() for c in letters) and 2 <= len(letters) <= 6
    return inner_capital or acronym


def _is_role(word: str, lex: _Lexicon) -> bool:
    """A role noun, also as the head of a German compound: "Wirtschaftsminister", "Hafenchef"."""
    if word in lex.roles:
        return True
    # One str.endswith over the tuple: this runs for every capitalised token of the article.
    return word.casefold().endswith(lex.role_heads)


def _is_candidate(tok: Token, lex: _Lexicon) -> bool:
    word = base_form(tok.text)
    if not tok.is_word or not (word[:1].isupper() or _shape(word)):
        return False
    if word.casefold() in lex.stop or word.casefold() in lex.pronouns or _is_role(word, lex):
        return False
    return _shape(word) or ("-" not in word and not word.endswith(lex.noun_endings))


def _cue_type(prev: Token | None, lex: _Lexicon) -> EntityType | None:
    if prev is None:
        return None
    word = prev.text.casefold()
    last = word.rsplit("-", 1)[-1]
    if word in lex.org_cues or last in lex.org_cues:
        return EntityType.ORGANIZATION
    if word in lex.product_cues or last in lex.product_cues:
        return EntityType.PRODUCT
    if _is_role(prev.text, lex) or _is_role(prev.text.rsplit("-", 1)[-1], lex):
        return EntityType.PERSON
    return None


def _phrase_end(text: str, tokens: Sequence[Token], i: int, lex: _Lexicon, german: bool) -> int:
    """Index after the last token of the name starting at ``i``: capitalised words and inner particles."""
    j = i + 1
    while j < len(tokens):
        tok = tokens[j]
        if text[tokens[j - 1].span.end : tok.span.start] != " ":
            break  # names do not run across punctuation or line breaks
        if _cue_type(tok, lex) is not None:
            break  # "Elon Musks KI-Unternehmen": a cue noun starts the next phrase
        if german and j - i >= 2 and tokens[j - 1].text.endswith("s") and len(tokens[j - 1].text) >= 4:
            break  # a genitive ends the name: "Elon Musks xAI"
        if _shape(tok.text) != _shape(tokens[i].text) and tok.text not in lex.legal:
            break  # "Elon Musk xAI": a name-shaped word (xAI, NASA) does not join ordinary words
        if (_is_candidate(tok, lex) and tok.text not in lex.legal) or (
            tok.text in lex.particles and j + 1 < len(tokens) and _is_candidate(tokens[j + 1], lex)
        ):
            j += 1
        elif tok.text in lex.legal or (tok.text.isdigit() and len(tok.text) <= 2):
            j += 1  # "Acme GmbH", "Llama 2"
            break
        else:
            break
    return j


def _type_of(words: list[str], cue: EntityType | None, lex: _Lexicon) -> EntityType:
    if words[-1] in lex.legal:
        return EntityType.ORGANIZATION
    if cue is not None:
        return cue
    if " ".join(words) in lex.platforms:
        return EntityType.PLATFORM
    if len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words if w not in lex.particles):
        return EntityType.PERSON
    if len(words) == 1 and _shape(words[0]):
        return EntityType.ORGANIZATION
    return EntityType.THING


def _supported(
    words: list[str], cue: EntityType | None, first_in_sentence: bool, lex: _Lexicon, lang: LanguageData
) -> bool:
    if cue is not None or words[-1] in lex.legal or _shape(words[0]) or " ".join(words) in lex.platforms:
        return True
    if len(words) >= 2:
        return not first_in_sentence or lang.code != "de"
    # A single capitalised English word inside a sentence is a proper noun; in German it may be any noun.
    return lang.code != "de" and not first_in_sentence


def _genitive(words: list[str], tokens: Sequence[Token], j: int, lang: LanguageData) -> bool:
    """German genitive of a full name before a noun: "Elon Musks KI-Unternehmen" names Elon Musk."""
    if lang.code != "de" or len(words) < 2 or not words[-1].endswith("s") or len(words[-1]) < 4:
        return False
    return j < len(tokens) and (tokens[j].text[:1].isupper() or _shape(tokens[j].text))


def _scan(text: str, tokens: Sequence[Token], lang: LanguageData) -> Iterable[NameMention]:
    lex = _lexicon(lang)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not _is_candidate(tok, lex):
            i += 1
            continue
        j = _phrase_end(text, tokens, i, lex, lang.code == "de")
        words = [base_form(t.text) for t in tokens[i:j]]
        if _genitive(words, tokens, j, lang):
            words[-1] = words[-1][:-1]
        prev = tokens[i - 1] if i else None
        first = prev is None or prev.text in ".!?:\n" or text[prev.span.end : tok.span.start].count("\n") > 0
        cue = _cue_type(prev, lex)
        end = tokens[j - 1].span.start + len(words[-1])
        span = Span(tok.span.start, end)
        yield NameMention(span, span.of(text), _type_of(words, cue, lex), _supported(words, cue, first, lex, lang))
        i = j


def find_names(text: str, tokens: Sequence[Token], lang: LanguageData | None) -> list[NameMention]:
    """Name mentions in ``tokens``: supported ones, plus unsupported ones whose words a supported name shares."""
    if lang is None:
        return []
    found = list(_scan(text, tokens, lang))
    known = {w for m in found if m.supported for w in m.text.split()}
    out = []
    for m in found:
        if m.supported:
            out.append(m)
            continue
        # German genitive "Musks" of a known "Musk"; a lone "Musk" after "Elon Musk".
        stem = m.text[:-1] if m.text.endswith("s") and m.text[:-1] in known else m.text
        if all(w in known for w in stem.split()):
            span = Span(m.span.start, m.span.start + len(stem))
            out.append(NameMention(span, stem, m.type, supported=False))
    return out
