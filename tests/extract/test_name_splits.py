"""Names that German word order and cue nouns run together."""

from __future__ import annotations

from kg.extract.mentions import find_names, tokenize
from kg.lang import language


def _names(text: str, code: str = "de") -> list[str]:
    return [m.text for m in find_names(text, tokenize(text), language(code))]


def test_two_names_side_by_side_in_an_inverted_clause_are_two_names() -> None:
    text = "Der Konzern Vantor wächst. Die Firma Klarwerk auch. Damals übernahm Vantor Klarwerk."
    assert _names(text)[-2:] == ["Vantor", "Klarwerk"]


def test_an_organisation_noun_before_a_name_the_article_uses_alone_is_no_part_of_it() -> None:
    text = "Neue Köpfe bei Brauhaus Lenz. Die Brauerei Brauhaus Lenz hat einen neuen Chef."
    assert _names(text) == ["Brauhaus Lenz", "Brauhaus Lenz"]


def test_an_organisation_noun_before_a_place_is_part_of_the_name() -> None:
    text = "Die Stadt Kassel wächst. Anna Berger, Chefin der Stadtwerke Kassel, sprach."
    assert "Stadtwerke Kassel" in _names(text)


def test_english_keeps_a_run_of_names_whose_parts_it_also_uses() -> None:
    text = "Square and Enix merged in 2003. Today Square Enix makes games."
    assert "Square Enix" in _names(text, "en")


def test_a_place_after_a_name_the_article_uses_alone_is_part_of_the_name() -> None:
    text = "Der Sender Sky wächst in Deutschland stark. Die Gruppe übernahm Sky Deutschland."
    assert _names(text)[-1] == "Sky Deutschland"
