"""Entity typing without a model: what kind of thing a name names, from rules over the language's data.

The rules, strongest first (a name's type is the first that applies; an entity takes the strongest type among
its mentions, see :mod:`kg.extract.coref`):

1. A legal form ends the name ("Acme GmbH", "Globex Ltd"): **Organization**.
2. A cue noun stands right before it: an organisation cue ("KI-Unternehmen xAI", "the chipmaker Nvidia") gives
   **Organization**, a product cue ("der Chatbot Grok") **Product**, a role noun or title ("Mitgründer Ilya
   Sutskever", "Dr. Meier") **Person**.
3. The whole name is a known platform (``platform_names``: X, Twitter, ...): **Platform**.
4. The whole name is a known place (``places.txt`` of every language): **Place**; a known organisation
   (``organizations.txt`` of every language: "Google", "Siemens"): **Organization**.
5. A word of the name is an organisation word ("Harvard University", "Labour Party", German compounds such as
   "Landesbank"): **Organization**.
6. The name has two words or more and starts with a known given name (``male_names.txt``,
   ``female_names.txt`` of every language): **Person**.
7. The name ends in a place word ("Orange County", "Times Square") or starts with one ("Mount Everest"):
   **Place**.
8. A single word shaped like a name, an acronym or with inner capitals ("NASA", "xAI"): **Organization**
   (weak: any stronger evidence of another mention wins).
9. Otherwise **Thing**: unknown. Relations refine it later: the object of ``develops`` is a Product, the
   subject of ``co_founded`` a Person, the object of ``works_for`` an Organization (``relations.toml``).

>>> from kg.lang import language
>>> from kg.extract.lexicon import lexicon
>>> lex = lexicon(language("en"))
>>> [typed(n.split(), None, lex)[0].value for n in ("Acme Inc.", "Harvard University", "Doug Parker", "NASA", "Zork")]
['Organization', 'Organization', 'Person', 'Organization', 'Thing']
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum

from kg.extract.lexicon import Lexicon
from kg.model import EntityType

__all__ = ["Strength", "name_shaped", "typed"]


class Strength(IntEnum):
    """How much a typing rule is worth when the mentions of one entity disagree."""

    NONE = 0
    SHAPE = 1
    LIST = 2
    CUE = 3


def name_shaped(word: str) -> bool:
    """Name-like by shape alone: inner capitals (xAI, OpenAI, iPhone) or an acronym (NASA). Hyphenated
    compounds ("KI-Modelle", "Open-Source") are words, not names, whatever their capitals.

    >>> name_shaped("xAI"), name_shaped("NASA"), name_shaped("KI-Modelle"), name_shaped("Musk")
    (True, True, False, False)
    """
    if "-" in word:
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    inner_capital = any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)
    acronym = all(c.isupper() for c in letters) and 2 <= len(letters) <= 6
    return inner_capital or acronym


def _by_words(words: Sequence[str], lex: Lexicon) -> tuple[EntityType, Strength] | None:
    name = " ".join(words)
    if name in lex.platforms:
        return EntityType.PLATFORM, Strength.LIST
    if name in lex.places:
        return EntityType.PLACE, Strength.LIST
    if name in lex.organizations:
        return EntityType.ORGANIZATION, Strength.LIST
    if any(lex.is_org_word(w) for w in words) or "&" in words:
        return EntityType.ORGANIZATION, Strength.LIST
    if len(words) >= 2 and lex.is_given_name(words[0]):
        return EntityType.PERSON, Strength.LIST
    if len(words) >= 2 and (words[-1] in lex.place_words or words[0] in lex.place_prefixes):
        return EntityType.PLACE, Strength.LIST
    return None


def typed(words: Sequence[str], cue: EntityType | None, lex: Lexicon) -> tuple[EntityType, Strength]:
    """The type of the name made of ``words`` (possessive endings removed), given the cue before it, if any,
    and how strong that finding is."""
    if words[-1] in lex.legal:
        return EntityType.ORGANIZATION, Strength.CUE
    if cue is not None:
        return cue, Strength.CUE
    found = _by_words(words, lex)
    if found is not None:
        return found
    if len(words) == 1 and name_shaped(words[0]):
        return EntityType.ORGANIZATION, Strength.SHAPE
    return EntityType.THING, Strength.NONE
