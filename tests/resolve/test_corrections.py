"""User corrections: kg merge and kg split move claims, are recorded as the user's resolutions, and are
applied again when an article is ingested anew; alike in the embedded store and in Neo4j."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.api import entities, ingest, merge, split
from kg.errors import ResolutionError
from kg.model import ResolutionKind
from kg.store import Location, open_store

ARTICLE = (
    "Die Nordwind AG hat die Helios GmbH verklagt. Nordwind-Chefin Katrin Albers sagte: "
    "„Wir wehren uns gegen diesen Diebstahl.“ Die Borea GmbH hat die Helios GmbH ebenfalls verklagt.\n"
)


@pytest.fixture
def stored(tmp_path: Path, location: Location) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, "utf-8")
    ingest([article], store=location)
    return article


def _claims(store: Location) -> set[tuple[str, str, str]]:
    with open_store(store, readonly=True) as opened:
        return {(c.subject.name, c.predicate, c.object.name if c.object else "") for c in opened.claims()}


def _reingest(store: Location, article: Path) -> None:
    with open_store(store) as opened:
        opened.retract(opened.find_documents(str(article)))
    ingest([article], store=store)


def test_merge_moves_the_claims_and_records_the_correction(stored: Path, location: Location) -> None:
    report = merge("Borea GmbH", "Nordwind AG", store=location)
    assert report.claims_moved == 1
    assert ("Nordwind AG", "sued", "Helios GmbH") in _claims(location)
    assert all(s != "Borea GmbH" for s, _p, _o in _claims(location))
    with open_store(location, readonly=True) as store:
        [resolution] = store.resolutions()
    assert (resolution.kind, resolution.agent, resolution.entity_name) == (ResolutionKind.MERGE, "user", "Borea GmbH")
    assert "Borea GmbH" in {r.entity.name: r for r in entities(location)}["Nordwind AG"].aliases


def test_a_merge_survives_re_ingestion(stored: Path, location: Location) -> None:
    merge("Borea GmbH", "Nordwind AG", store=location)
    _reingest(location, stored)
    assert all(s != "Borea GmbH" for s, _p, _o in _claims(location))


def test_split_gives_the_mentions_of_an_alias_to_another_entity_and_survives_re_ingestion(
    stored: Path, location: Location
) -> None:
    split("Nordwind AG", "Nordwind", store=location, name="Nordwind Energie")
    assert ("Katrin Albers", "leads", "Nordwind Energie") in _claims(location)
    assert ("Nordwind AG", "sued", "Helios GmbH") in _claims(location)
    _reingest(location, stored)
    assert ("Katrin Albers", "leads", "Nordwind Energie") in _claims(location)


def test_a_split_undoes_an_earlier_merge_of_that_name(stored: Path, location: Location) -> None:
    merge("Borea GmbH", "Nordwind AG", store=location)
    split("Nordwind AG", "Borea GmbH", store=location)
    assert ("Borea GmbH", "sued", "Helios GmbH") in _claims(location)
    _reingest(location, stored)
    assert ("Borea GmbH", "sued", "Helios GmbH") in _claims(location)


def test_unknown_or_ambiguous_entities_are_one_line_errors(stored: Path, location: Location) -> None:
    with pytest.raises(ResolutionError, match="no entity named"):
        merge("Nobody", "Nordwind AG", store=location)
    with pytest.raises(ResolutionError, match="already one entity"):
        merge("Nordwind AG", "Nordwind AG", store=location)
    with pytest.raises(ResolutionError, match="is called"):
        split("Helios GmbH", "Nordwind", store=location)
