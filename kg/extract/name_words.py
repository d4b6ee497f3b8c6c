"""What a word of a name looks like: capitalised or shaped like a name, and not a stop word, a pronoun or a role;
hyphenated words made of names ("Disney-ABC", "Rhein-Main"); camel-case names that stand alone ("xAI").

>>> from kg.extract.lexicon import lexicon
>>> from kg.extract.tokens import tokenize
>>> from kg.lang import language
>>> lex = lexicon(language("en"))
>>> [is_candidate(t, lex) for t in tokenize("The Disney-ABC group hired Jean-Claude Briodin as CEO")]
[False, True, False, False, True, True, False, False]
"""

from __future__ import annotations

import re

from kg.extract.entity_types import name_shaped
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import Token

__all__ = ["base_form", "camel", "is_candidate", "named_compound"]

#: Letters a word must have before a noun ending for the ending to make it a common noun.
MIN_NOUN_STEM = 3
_SURNAME_PREFIX = re.compile(r"^(Mc|Mac|De|Di|Da|La|Le|Van|Von|Fitz|O')[A-Z][a-z]+$")


def base_form(word: str) -> str:
    """A name without its possessive ending: "Musk's" and "Musk’s" become "Musk" (German "Musks" is handled by
    recurrence in :func:`kg.extract.mentions.find_names`, since a final s is often part of the name)."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def is_candidate(tok: Token, lex: Lexicon) -> bool:
    """True if ``tok`` may be a word of a name: capitalised or shaped like a name, and not a stop word, a
    pronoun or a role ("CEO"); a given name or a place always may."""
    return lex.remembered("candidate", tok.text, _is_candidate)


def _is_candidate(lex: Lexicon, text: str) -> bool:
    word = base_form(text)
    if not text[:1].isalnum() or not (word[:1].isupper() or name_shaped(word)):
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
    if "-" in word:
        # A hyphenated word of names is a name ("Disney-ABC", "Jean-Claude"), except in languages that write
        # their nouns capitalised and compounded ("Corona-Krise").
        return not lex.compounds and named_compound(word, lex)
    return not _noun_ending(word, lex)


def _noun_ending(word: str, lex: Lexicon) -> bool:
    """A common noun's ending after a stem of some length: "Konferenz", "Lizenz", but not "Lenz" or "Benz"."""
    return any(word.endswith(e) and len(word) - len(e) >= MIN_NOUN_STEM for e in lex.noun_endings)


def named_compound(word: str, lex: Lexicon) -> bool:
    """A hyphenated word made of names ("Rhein-Main", "Baden-Württemberg"), not a compound of nouns with a
    cue or role at its end ("KI-Unternehmen", "Tesla-Chef")."""
    parts = word.split("-")
    if not all(p[:1].isupper() for p in parts) or lex.cue_type(parts[-1]) is not None:
        return False
    return not any(p in lex.not_names or p.casefold() in lex.stop for p in parts)


def camel(word: str) -> bool:
    """Inner capitals in a word that is not an acronym nor a surname ("McMaster", "DeMott"): "xAI", "OpenAI"."""
    return name_shaped(word) and any(c.islower() for c in word) and not _SURNAME_PREFIX.match(word)
