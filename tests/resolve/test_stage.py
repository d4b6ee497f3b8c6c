"""Resolution across documents, through real ingestion into a store of each backend: one person named
differently in two articles is one entity with both names; namesakes in unrelated articles stay apart, visibly."""

from __future__ import annotations

from pathlib import Path

from kg.api import entities, ingest, query
from kg.model import ResolutionKind
from kg.store import Location, open_store

TESLA_MUSK = (
    "Tesla baut aus\n"
    "Der Autobauer Tesla will seine Produktion verdoppeln. Konzernchef Musk sagte am Montag: "
    "„Wir bauen hier die modernste Fabrik Europas.“ Musk ist Chef von Tesla.\n"
)
TESLA_ELON_MUSK = "Klage gegen OpenAI\nTesla-Chef Elon Musk hat eine Klage gegen OpenAI eingereicht.\n"
BAKERY_MUSK = (
    "Bäckerei feiert\n"
    "Die Bäckerei Sonnenkorn in Kiel feiert Jubiläum. Konzernchef Musk sagte: „Wir backen seit fünfzig Jahren.“\n"
)


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def _names(store: Location) -> dict[str, tuple[str, ...]]:
    return {r.entity.name: r.aliases for r in entities(store)}


def test_two_articles_naming_one_person_differently_give_one_entity_with_both_names(
    tmp_path: Path, location: Location
) -> None:
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK)], store=location)
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=location)
    names = _names(location)
    assert "Musk" not in names and names["Elon Musk"] == ("Musk",)
    with open_store(location, readonly=True) as store:
        assert {c.subject.name for c in store.claims() if c.predicate == "said"} == {"Elon Musk"}


def test_the_order_of_the_articles_does_not_matter(tmp_path: Path, location: Location) -> None:
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=location)
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK)], store=location)
    assert _names(location)["Elon Musk"] == ("Musk",)


def test_one_batch_resolves_its_articles_against_each_other(tmp_path: Path, location: Location) -> None:
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK), _write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=location)
    assert "Musk" not in _names(location)


def test_a_namesake_in_an_unrelated_article_stays_apart_and_the_doubt_is_recorded(
    tmp_path: Path, location: Location
) -> None:
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=location)
    ingest([_write(tmp_path, "c.txt", BAKERY_MUSK)], store=location)
    records = {r.entity.name: r for r in entities(location)}
    assert records["Musk"].possibly == [(records["Elon Musk"].entity.id, "Elon Musk")]
    assert records["Elon Musk"].aliases == ()
    with open_store(location, readonly=True) as store:
        [doubt] = store.resolutions()
        languages = store.query_languages
    assert doubt.kind is ResolutionKind.AMBIGUOUS and doubt.agent == "kg.resolve@1"
    if "sparql" in languages:
        asked = query("ASK { ?a kg:possiblySameAs ?b . ?b schema:name 'Elon Musk' }", store=location)
        assert asked.rows == [(True,)]
    if "cypher" in languages:
        pairs = "MATCH (a:Entity)-[:POSSIBLY_SAME_AS]->(b:Entity) RETURN a.name AS a, b.name AS b"
        assert query(pairs, store=location, language="cypher").rows == [("Musk", "Elon Musk")]


def test_an_organisation_with_and_without_its_legal_form_is_one(tmp_path: Path, location: Location) -> None:
    ingest([_write(tmp_path, "a.txt", "Die Nordwind AG hat die Helios GmbH verklagt.\n")], store=location)
    ingest([_write(tmp_path, "b.txt", "Die Firma Nordwind hat die Borea GmbH verklagt.\n")], store=location)
    names = _names(location)
    assert "Nordwind" not in names and "Nordwind" in names["Nordwind AG"]
