"""The bulk-import export: a zip of CSV files with the typed headers of ``neo4j-admin database import``, which
(read back by the header rules below) hold exactly the graph the Neo4j store writes over Bolt."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.export.neo4j_csv import NEO4J_CSV
from kg.store import open_store
from kg.store.base import Store
from kg.vocab import schema_file
from tests.arcadedb import BoltServer
from tests.facts import correct, fill

# Times differ between two stores written one after the other: "at" is when a resolution was recorded.
TIMES = frozenset({"ingestedAt", "extractedAt", "at"})
NODE_FILES = ("documents.csv", "entities.csv", "claims.csv", "evidence.csv", "resolutions.csv")
_CONVERT = {"long": int, "int": int, "double": float, "string": str}


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "store") as store:
        fill(store)
        correct(store)
        yield store


def _archive(store: Store) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    NEO4J_CSV.export(store, buffer)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _value(kind: str, text: str) -> Any:
    if kind.endswith("[]"):
        return tuple(_CONVERT[kind[:-2]](t) for t in text.split("\x1f"))
    return _CONVERT[kind](text)


def _read(archive: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    """Rows of one file, read by neo4j-admin's header rules: ``name:type``, ``:ID(space)``, ``:LABEL``,
    ``:START_ID(space)``, ``:END_ID(space)``, ``:TYPE``; an empty field is no value."""
    header, *rows = csv.reader(io.StringIO(archive.read(name).decode("utf-8"), newline=""))
    for row in rows:
        out: dict[str, Any] = {}
        for column, text in zip(header, row, strict=True):
            if text == "":
                continue
            field, _, kind = column.partition(":")
            special = re.fullmatch(r"(ID|START_ID|END_ID)\((\w+)\)", kind)
            if special:
                out[f":{special.group(1)}"] = (special.group(2), text)
                if field:
                    out[field] = text
            elif column in (":LABEL", ":TYPE"):
                out[column] = tuple(text.split("\x1f")) if column == ":LABEL" else text
            else:
                out[field] = _value(kind or "string", text)
        yield out


def _graph(archive: zipfile.ZipFile) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The archive's graph in the form of :meth:`BoltServer.snapshot`, checking every reference on the way."""
    nodes, ids = [], {}
    for name in NODE_FILES:
        for row in _read(archive, name):
            assert row[":ID"] not in ids, f"duplicate id in {name}"
            ids[row[":ID"]] = row["id"]
            props = {k: v for k, v in row.items() if not k.startswith(":") and k not in TIMES}
            nodes.append((tuple(sorted(row[":LABEL"])), tuple(sorted(props.items()))))
    links = []
    for name in archive.namelist():
        if name.endswith(".csv") and name not in NODE_FILES:
            for row in _read(archive, name):
                props = tuple(sorted((k, v) for k, v in row.items() if not k.startswith(":")))
                links.append((row[":TYPE"], ids[row[":START_ID"]], ids[row[":END_ID"]], props))
    return sorted(nodes), sorted(links)


def test_the_archive_holds_typed_csv_an_import_command_and_the_schema(source: Store) -> None:
    archive = _archive(source)
    script = archive.read("import.sh").decode("utf-8")
    assert "neo4j-admin database import full" in script
    assert "--multiline-fields=true" in script and "--array-delimiter=U+001F" in script
    for name in archive.namelist():
        if name.endswith(".csv"):
            kind = "nodes" if name in NODE_FILES else "rel"
            assert (f"--nodes={name}" if kind == "nodes" else f"--relationships={name}") in script
    assert archive.read("schema.cypher").decode("utf-8") == schema_file("neo4j.cypher")
    assert archive.read("evidence.csv").decode("utf-8").startswith("id:ID(Evidence),start:long,end:long,sentence,")


def test_every_node_and_relationship_is_there_and_texts_survive(source: Store) -> None:
    archive = _archive(source)
    nodes, links = _graph(archive)
    counts = source.stats().counts
    labels = [labels for labels, _props in nodes]
    assert labels.count(("Document",)) == counts["documents"]
    assert sum("Entity" in ls for ls in labels) == counts["entities"]
    assert labels.count(("Claim",)) == counts["claims"] and labels.count(("Evidence",)) == counts["evidence"]
    assert sum(t == "SUPPORTS" for t, *_rest in links) == counts["evidence"]
    texts = {row["id"]: row["text"] for row in _read(archive, "documents.csv")}
    assert texts == {d.id: d.text for d in source.documents()}
    assert any("\n" in text for text in texts.values())


def test_resolutions_are_nodes_linked_to_the_entities_still_there(source: Store) -> None:
    archive = _archive(source)
    resolutions = {row["kind"]: row for row in _read(archive, "resolutions.csv")}
    assert resolutions.keys() == {"merge", "split", "ambiguous"}
    assert {r.id for r in source.resolutions()} == {row["id"] for row in resolutions.values()}
    assert (resolutions["split"]["alias"], resolutions["split"]["targetName"]) == ("Lind", "Lena Lind")
    _nodes, links = _graph(archive)
    merge = resolutions["merge"]["id"]
    # The merged entity left the graph: only the entity it went into is linked.
    assert [(t, e) for t, r, e, _p in links if r == merge] == [("RESOLVED_TARGET", resolutions["merge"]["target"])]
    doubt = resolutions["ambiguous"]
    assert [(a, b) for t, a, b, _p in links if t == "POSSIBLY_SAME_AS"] == [(doubt["entity"], doubt["target"])]


@pytest.mark.neo4j
@pytest.mark.parametrize("backend", ["oxigraph", "neo4j"])
def test_the_files_hold_the_graph_the_neo4j_store_writes(source: Store, bolt: BoltServer, backend: str) -> None:
    with open_store(bolt.uri, **bolt.options()) as graph:
        fill(graph)
        correct(graph)
        archive = _archive(source if backend == "oxigraph" else graph)
    assert _graph(archive) == bolt.snapshot(ignore=TIMES)
