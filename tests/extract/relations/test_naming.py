"""Ownership that names carry."""

from __future__ import annotations

from kg.extract.analysis import Analysis
from kg.extract.relations.naming import owned_by_name
from kg.model import Document


def _owned(text: str) -> list[tuple[str, str]]:
    analysis = Analysis(Document.create(text, "a.txt", language="en"))
    return [(owner.entity.name, owned.entity.name) for owner, owned, _span in owned_by_name(analysis)]


def test_a_known_organisation_owns_what_its_name_extends() -> None:
    assert _owned("The BBC runs several channels. BBC Two started in 1964.") == [("BBC", "BBC Two")]


def test_an_acronym_typed_by_its_shape_alone_owns_nothing_by_name() -> None:
    assert _owned("The AFL grew fast. The AFL Grand Final drew a record crowd.") == []


def test_an_acronym_that_the_article_calls_a_company_owns_what_its_name_extends() -> None:
    text = "GWS is a Taiwanese manufacturer of model aircraft. GWS China handles claims in Asia."
    assert _owned(text) == [("GWS", "GWS China")]
