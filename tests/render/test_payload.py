"""The view as plain data: predicate labels by language, every piece of evidence with its source, the same
from the store as from extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kg.render.payload import view_payload
from kg.render.view import Selection, build_view, view_of
from kg.store import open_store
from tests.render.graphs import nordwerk


def payload(lang: str = "auto") -> dict[str, Any]:
    graph = nordwerk()
    return view_payload(view_of(graph.claims, graph.documents, Selection()), lang)


def link(data: dict[str, Any], predicate: str) -> dict[str, Any]:
    return next(item for item in data["links"] if item["predicate"] == predicate)


@pytest.mark.parametrize(
    ("lang", "sued", "owns"), [("auto", "verklagte", "owns"), ("en", "sued", "owns"), ("de", "verklagte", "besitzt")]
)
def test_predicates_are_labelled_in_the_article_language_or_the_one_asked_for(lang: str, sued: str, owns: str) -> None:
    data = payload(lang)
    assert (link(data, "sued")["label"], link(data, "owns")["label"]) == (sued, owns)


def test_a_claim_lists_every_piece_of_evidence_with_its_article() -> None:
    data = payload()
    sued = link(data, "sued")
    assert sued["evidence_count"] == len(sued["evidence"]) == 2 and len(sued["sources"]) == 2
    titles = {data["documents"][ev["document"]]["title"] for ev in sued["evidence"]}
    assert titles == {"Nordwerk verklagt Südstahl", "Nordwerk sues rival Südstahl"}
    first = sued["evidence"][0]
    assert (first["cue"], first["subject_as"], first["extractor"]) == ("verklagt", "Nordwerk AG", "kg.relations.test@2")
    assert ["Südstahl", "object"] in first["segments"]


def test_a_quote_link_points_at_its_quote_node_and_carries_the_words() -> None:
    data = payload()
    said = [item for item in data["links"] if item["kind"] == "quote"]
    nodes = {n["id"]: n for n in data["nodes"]}
    assert {nodes[item["target"]]["type"] for item in said} == {"Quote"}
    assert {item["content"] for item in said} == {"Wir lassen uns das nicht gefallen", "We will not let this pass"}


def test_the_summary_counts_what_is_shown() -> None:
    meta = payload()["meta"]
    assert (meta["nodes"], meta["links"], meta["evidence"], meta["documents"]) == (6, 6, 7, 2)


def test_the_store_gives_back_the_payload_extraction_made(nordwerk_store: Path) -> None:
    with open_store(nordwerk_store, readonly=True) as store:
        stored = view_payload(build_view(store, Selection()))
    for item in stored["links"]:
        for ev in item["evidence"]:
            assert ev.pop("extracted_at")  # the time of ingestion, which the store adds
            ev["extracted_at"] = None
    assert stored == payload()
