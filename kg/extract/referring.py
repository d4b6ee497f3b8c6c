"""How the words of a language refer back: pronouns with the entity types, gender and number they may stand
for, possessive determiners, and description nouns ("das Unternehmen", "the company"), from pronouns.toml.

>>> from kg.lang import language
>>> [(r.gender, r.plural) for r in referring(language("de")).pronouns["sie"]]
[('f', False), (None, True)]
>>> referring(language("en")).descriptions["company"].value
'Organization'
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kg.lang import LanguageData
from kg.model import EntityType

__all__ = ["Reading", "Referring", "referring"]

_PERSONAL = frozenset({EntityType.PERSON})
_COLLECTIVE = frozenset({EntityType.ORGANIZATION, EntityType.PRODUCT, EntityType.PLATFORM, EntityType.UNNAMED_GROUP})
#: pronouns.toml key -> the entity types and the gender (for persons) its words may stand for.
_PRONOUN_KEYS: dict[str, tuple[frozenset[EntityType], str | None]] = {
    "male": (_PERSONAL, "m"),
    "female": (_PERSONAL, "f"),
    "neuter": (_COLLECTIVE | {EntityType.THING}, None),
    "plural": (_COLLECTIVE | _PERSONAL, None),
    "possessive_male": (_PERSONAL, "m"),
    "possessive_female": (_PERSONAL, "f"),
    # What "its" or "sein" stands for owns, leads or employs: an organisation, not a product or a platform.
    "possessive_neuter": (frozenset({EntityType.ORGANIZATION}), None),
    "possessive_plural": (frozenset({EntityType.ORGANIZATION}) | _PERSONAL, None),
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One way a pronoun can be read: the entity types it may stand for, the gender if it is personal, and
    whether it takes the most salient candidate (singular pronouns) or the nearest (plural ones: lists)."""

    types: frozenset[EntityType]
    gender: str | None
    salient: bool
    plural: bool = False


@dataclass(frozen=True)
class Referring:
    pronouns: dict[str, tuple[Reading, ...]]
    possessives: frozenset[str]
    descriptions: dict[str, EntityType]
    determiners: frozenset[str]
    #: Prepositions that make a name an adverbial ("beim Landgericht"): not what a passage is about.
    adjuncts: frozenset[str]
    #: Prepositions that introduce the agent of a passive ("owned by X"): nor is X.
    agents: frozenset[str] = frozenset()


@cache
def referring(lang: LanguageData) -> Referring:
    """The referring words of ``lang``."""
    table = lang.table("pronouns")
    readings: dict[str, list[Reading]] = defaultdict(list)
    for key, (types, gender) in _PRONOUN_KEYS.items():
        for word in table.get(key, []):
            # "he", "it" and "his" take the most salient candidate; "its" and "they" the nearest ("Sendero
            # Luminoso and its leader").
            salient = key in ("male", "female", "neuter", "possessive_male", "possessive_female")
            readings[word].append(Reading(types, gender, salient, "plural" in key))
    possessives = frozenset(w for k in _PRONOUN_KEYS if k.startswith("possessive") for w in table.get(k, []))
    descriptions = {
        noun.casefold(): EntityType(kind) for kind, nouns in table.get("descriptions", {}).items() for noun in nouns
    }
    adjuncts = lang.table("relations").get("filters", {}).get("adjunct_prepositions", [])
    return Referring(
        {k: tuple(v) for k, v in readings.items()},
        possessives,
        descriptions,
        frozenset(table.get("determiners", [])),
        frozenset(str(a) for a in adjuncts),
        frozenset(str(a) for a in table.get("agents", [])),
    )
