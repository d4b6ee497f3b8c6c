"""Entity typing rules, strongest first (kg/extract/entity_types.py)."""

from __future__ import annotations

import pytest

from kg.extract.entity_types import Strength, typed
from kg.extract.lexicon import lexicon
from kg.lang import language
from kg.model import EntityType


@pytest.mark.parametrize(
    ("name", "cue", "expected", "strength"),
    [
        ("Helios GmbH", EntityType.PERSON, EntityType.ORGANIZATION, Strength.CUE),
        ("Grok", EntityType.PRODUCT, EntityType.PRODUCT, Strength.CUE),
        ("Truth Social", None, EntityType.PLATFORM, Strength.LIST),
        ("Kiel", None, EntityType.PLACE, Strength.LIST),
        ("Siemens", None, EntityType.ORGANIZATION, Strength.LIST),
        ("Stadtwerke Kassel", None, EntityType.ORGANIZATION, Strength.LIST),
        ("Anna Berger", None, EntityType.PERSON, Strength.LIST),
        ("Kieler Bucht", None, EntityType.PLACE, Strength.LIST),
        ("ZKRX", None, EntityType.ORGANIZATION, Strength.SHAPE),
        ("Zorblat", None, EntityType.THING, Strength.NONE),
    ],
)
def test_typing_rules(name: str, cue: EntityType | None, expected: EntityType, strength: Strength) -> None:
    assert typed(name.split(), cue, lexicon(language("de"))) == (expected, strength)


def test_given_names_and_places_of_every_language_count() -> None:
    english = lexicon(language("en"))
    assert english.gender("Katharina") == "f" and "Deutschland" in english.places
