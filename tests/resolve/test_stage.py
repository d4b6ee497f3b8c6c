"""Resolution across documents, through real ingestion into the embedded store: one person named differently
in two articles is one entity with both names; namesakes in unrelated articles stay apart, visibly."""

from __future__ import annotations

from pathlib import Path

from kg.api import entities, ingest, query
from kg.model import ResolutionKind
from kg.store import open_store

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


def _names(store: Path) -> dict[str, tuple[str, ...]]:
    return {r.entity.name: r.aliases for r in entities(store)}


def test_two_articles_naming_one_person_differently_give_one_entity_with_both_names(
    tmp_path: Path, store_dir: Path
) -> None:
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK)], store=store_dir)
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=store_dir)
    names = _names(store_dir)
    assert "Musk" not in names and names["Elon Musk"] == ("Musk",)
    said = query("SELECT ?who WHERE { ?s kg:said ?what ; schema:name ?who }", store=store_dir)
    assert said.rows == [("Elon Musk",)]


def test_the_order_of_the_articles_does_not_matter(tmp_path: Path, store_dir: Path) -> None:
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=store_dir)
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK)], store=store_dir)
    assert _names(store_dir)["Elon Musk"] == ("Musk",)


def test_one_batch_resolves_its_articles_against_each_other(tmp_path: Path, store_dir: Path) -> None:
    ingest([_write(tmp_path, "a.txt", TESLA_MUSK), _write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=store_dir)
    assert "Musk" not in _names(store_dir)


def test_a_namesake_in_an_unrelated_article_stays_apart_and_the_doubt_is_recorded(
    tmp_path: Path, store_dir: Path
) -> None:
    ingest([_write(tmp_path, "b.txt", TESLA_ELON_MUSK)], store=store_dir)
    ingest([_write(tmp_path, "c.txt", BAKERY_MUSK)], store=store_dir)
    records = {r.entity.name: r for r in entities(store_dir)}
    assert records["Musk"].possibly == [(records["Elon Musk"].entity.id, "Elon Musk")]
    assert records["Elon Musk"].aliases == ()
    with open_store(store_dir, readonly=True) as store:
        [doubt] = store.resolutions()
    assert doubt.kind is ResolutionKind.AMBIGUOUS and doubt.agent == "kg.resolve@1"
    asked = query("ASK { ?a kg:possiblySameAs ?b . ?b schema:name 'Elon Musk' }", store=store_dir)
    assert asked.rows == [(True,)]


def test_an_organisation_with_and_without_its_legal_form_is_one(tmp_path: Path, store_dir: Path) -> None:
    ingest([_write(tmp_path, "a.txt", "Die Nordwind AG hat die Helios GmbH verklagt.\n")], store=store_dir)
    ingest([_write(tmp_path, "b.txt", "Die Firma Nordwind hat die Borea GmbH verklagt.\n")], store=store_dir)
    names = _names(store_dir)
    assert "Nordwind" not in names and "Nordwind" in names["Nordwind AG"]
