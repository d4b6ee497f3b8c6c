"""Neo4j answers back to the model, and to the plain values a query result holds.

kg's resources are named by IRIs (``kg.vocab.iri``) whatever the store; the Neo4j graph keeps the short ids.
Evidence rows are given their IRIs back and read by :func:`kg.store.rdf_reading.claims_from_rows`, so both
stores turn rows into claims with the same code.

>>> plain([1, {"a": 2.5}, None])
[1, {'a': 2.5}, None]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import neo4j.graph

from kg.model import Claim, Document, Entity, EntityType, Resolution, ResolutionKind
from kg.store.rdf_reading import claims_from_rows
from kg.vocab import KG, iri

__all__ = ["claims_from_records", "entity_from_record", "plain", "resolution_from_record"]


def entity_from_record(record: Mapping[str, Any]) -> Entity:
    aliases = tuple(sorted(record["aliases"] or ()))
    return Entity(record["id"], record["name"], EntityType(record["type"]), aliases)


def resolution_from_record(record: Mapping[str, Any]) -> Resolution:
    """A resolution from a record of :data:`kg.store.cypher.READ_RESOLUTIONS`.

    >>> r = resolution_from_record({"kind": "split", "entity": "b-2", "target": "c-3", "entityName": "B",
    ...     "targetName": "C", "alias": "Bee", "document": None, "agent": "user", "at": "2025-01-02T00:00:00Z"})
    >>> r.kind.value, r.alias, r.document, r.by_user
    ('split', 'Bee', None, True)
    """
    return Resolution(
        kind=ResolutionKind(record["kind"]),
        entity=record["entity"],
        target=record["target"],
        entity_name=record["entityName"],
        target_name=record["targetName"],
        alias=record["alias"],
        document=record["document"],
        agent=record["agent"],
        at=record["at"],
    )


def _as_row(record: Mapping[str, Any]) -> dict[str, Any]:
    row = dict(record)
    row["s"] = iri("entity", record["s"])
    row["p"] = KG + record["p"]
    row["o"] = iri("entity", record["object"]) if record["object"] is not None else record["content"]
    row["doc"] = iri("doc", record["doc"])
    if record["addressee"] is not None:
        row["addressee"] = iri("entity", record["addressee"])
    return row


def claims_from_records(
    records: Iterable[Mapping[str, Any]], docs: Mapping[str, Document], entities: Mapping[str, Entity]
) -> Iterator[Claim]:
    """Claims from evidence records sorted by claim (:func:`kg.store.cypher.claim_rows`)."""
    return claims_from_rows((_as_row(r) for r in records), docs, entities)


def plain(value: Any) -> Any:
    """A driver value as plain Python: nodes and relationships as their properties, paths as lists of them,
    temporal and spatial values as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Path):
        steps = zip(value.relationships, value.nodes[1:], strict=True)
        return [plain(value.start_node), *(plain(part) for step in steps for part in step)]
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return str(value)
