"""The whole graph for Neo4j's bulk importer (``neo4j-admin database import full``), made from any store: a zip
of CSV files with typed headers, ``import.sh`` with the command that loads them, and ``schema.cypher`` with the
constraints and indexes to create afterwards.

The files hold the graph the Neo4j store writes (the rows of :mod:`kg.store.neo4j_mapping`): one file per kind
of node and of relationship. Text is always quoted, so leading and trailing spaces survive; document texts
span lines, hence ``--multiline-fields=true``; lists (aliases, labels) are joined by U+001F, a character that
normalised text never holds, hence ``--array-delimiter=U+001F``. An absent value is an empty field.

>>> csv_field('say "no" twice'), csv_field(3), csv_field(None), csv_field(["Entity", "Person"])
('"say ""no"" twice"', '3', '', '"Entity\\x1fPerson"')
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO

from kg import __version__
from kg.export.base import Exporter
from kg.model import ResolutionKind
from kg.store.base import Store
from kg.store.neo4j_mapping import (
    DOCUMENT_PROPERTIES,
    EVIDENCE_PROPERTIES,
    RESOLUTION_PROPERTIES,
    GraphRows,
    store_rows,
    utc_now,
)
from kg.vocab import schema_file

__all__ = ["NEO4J_CSV", "Neo4jCsvExporter", "csv_field"]

ARRAY_DELIMITER = "\x1f"

_IMPORT = """#!/bin/sh
# kg {version}: load this graph into a new Neo4j 5 database (stopped, or not created yet), then start Neo4j and
# create the constraints and indexes:  cypher-shell -d DATABASE -f schema.cypher
# Usage: sh import.sh [DATABASE]   (default: neo4j)
set -e
cd "$(dirname "$0")"
neo4j-admin database import full "${{1:-neo4j}}" --multiline-fields=true --array-delimiter=U+001F \\
{files}
"""


def csv_field(value: object) -> str:
    """One CSV field as ``neo4j-admin`` reads it: numbers bare, text quoted, lists joined, nothing empty."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        value = ARRAY_DELIMITER.join(str(v) for v in value)
    return '"' + str(value).replace('"', '""') + '"'


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    lines = [",".join(header)] + [",".join(csv_field(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _typed(properties: Sequence[tuple[str, str]]) -> list[str]:
    return [name if kind == "string" else f"{name}:{kind}" for name, kind in properties]


def _nodes(rows: GraphRows, when: str) -> dict[str, bytes]:
    docs = [(d["id"], *(d["properties"].get(k) for k, _t in DOCUMENT_PROPERTIES), when) for d in rows.documents]
    docs += [(i, *(None for _ in DOCUMENT_PROPERTIES), None) for i in rows.stub_documents]
    return {
        "documents.csv": _csv(
            ["id:ID(Document)", *_typed(DOCUMENT_PROPERTIES), "ingestedAt", ":LABEL"],
            ((*row, "Document") for row in docs),
        ),
        "entities.csv": _csv(
            ["id:ID(Entity)", "name", "type", "aliases:string[]", ":LABEL"],
            ((e["id"], e["name"], e["type"], e["aliases"], ["Entity", e["type"]]) for e in rows.entities),
        ),
        "claims.csv": _csv(
            ["id:ID(Claim)", "kind", "predicate", "content", ":LABEL"],
            ((c["id"], c["kind"], c["predicate"], c["content"], "Claim") for c in rows.claims),
        ),
        "evidence.csv": _csv(
            ["id:ID(Evidence)", *_typed(EVIDENCE_PROPERTIES), ":LABEL"],
            ((v["id"], *(v["properties"].get(k) for k, _t in EVIDENCE_PROPERTIES), "Evidence") for v in rows.evidence),
        ),
        "resolutions.csv": _csv(
            ["id:ID(Resolution)", *_typed(RESOLUTION_PROPERTIES), ":LABEL"],
            (
                (r["id"], *(r["properties"].get(k) for k, _t in RESOLUTION_PROPERTIES), "Resolution")
                for r in rows.resolutions
            ),
        ),
    }


def _resolution_links(rows: GraphRows) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """The relationships, by type and kind of start node, of resolutions to the entities that are there and of
    entities an ambiguity names (as :data:`kg.store.cypher.LINK_RESOLUTIONS` and
    :data:`kg.store.cypher.POSSIBLY_SAME_AS` make them)."""
    present = {e["id"] for e in rows.entities}
    found = [(r["id"], r["properties"]) for r in rows.resolutions]
    doubts = {
        (p["entity"], p["target"])
        for _id, p in found
        if p["kind"] == ResolutionKind.AMBIGUOUS.value and {p["entity"], p["target"]} <= present
    }
    return {
        ("RESOLVED_ENTITY", "Resolution"): [(i, p["entity"]) for i, p in found if p["entity"] in present],
        ("RESOLVED_TARGET", "Resolution"): [(i, p["target"]) for i, p in found if p["target"] in present],
        ("POSSIBLY_SAME_AS", "Entity"): sorted(doubts),
    }


def _relationships(rows: GraphRows) -> dict[str, bytes]:
    def links(start: str, end: str, pairs: Iterable[tuple[str, str]], rel_type: str) -> bytes:
        return _csv([f":START_ID({start})", f":END_ID({end})", ":TYPE"], ((s, e, rel_type) for s, e in pairs))

    objects = [(c["id"], c["object"]) for c in rows.claims if c["object"] is not None]
    addressees = [(v["id"], v["addressee"]) for v in rows.evidence if v["addressee"] is not None]
    out = {
        "subject.csv": links("Claim", "Entity", ((c["id"], c["subject"]) for c in rows.claims), "SUBJECT"),
        "object.csv": links("Claim", "Entity", objects, "OBJECT"),
        "supports.csv": links("Evidence", "Claim", ((v["id"], v["claim"]) for v in rows.evidence), "SUPPORTS"),
        "from.csv": links("Evidence", "Document", ((v["id"], v["document"]) for v in rows.evidence), "FROM"),
        "addressee.csv": links("Evidence", "Entity", addressees, "ADDRESSEE"),
    }
    for (rel_type, start), pairs in _resolution_links(rows).items():
        out[f"{rel_type.lower().replace('_', '-')}.csv"] = links(start, "Entity", pairs, rel_type)
    for target in ("Entity", "Claim"):
        facts = [
            (r["subject"], r["claim"], r["target"], f.rel_type)
            for f in rows.facts
            if f.target == target
            for r in f.rows
        ]
        header = [":START_ID(Entity)", "claim", f":END_ID({target})", ":TYPE"]
        out[f"facts-{target.lower()}.csv"] = _csv(header, facts)
    return out


def _import_script(nodes: Iterable[str], relationships: Iterable[str]) -> bytes:
    files = [f"  --nodes={name}" for name in nodes] + [f"  --relationships={name}" for name in relationships]
    return _IMPORT.format(version=__version__, files=" \\\n".join(files)).encode("utf-8")


class Neo4jCsvExporter(Exporter):
    """A zip archive for ``neo4j-admin database import full``."""

    name = "neo4j-csv"
    suffix = ".zip"

    def export(self, store: Store, output: BinaryIO) -> None:
        when = utc_now()
        rows = store_rows(store, when)
        nodes, relationships = _nodes(rows, when), _relationships(rows)
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in {**nodes, **relationships}.items():
                archive.writestr(name, data)
            archive.writestr("import.sh", _import_script(nodes, relationships))
            archive.writestr("schema.cypher", schema_file("neo4j.cypher"))


NEO4J_CSV = Neo4jCsvExporter()
