"""The model as a property graph: documents, entities, claims, evidence and resolutions as rows of parameters, and
the plan that sends each list of rows with its statement of :mod:`kg.store.cypher`. The Neo4j store runs the
plan; the Cypher-script exporter writes it out and the bulk-import exporter writes the rows, so every route into
Neo4j builds the same graph.

>>> from kg.model import Claim, Document, Entity, EntityType, Evidence, ExtractorInfo, Span
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                        Entity.named("Globex", EntityType.ORGANIZATION), (ev,))
>>> rows = graph_rows([doc], [claim], when="2024-05-01T12:00:00Z")
>>> [(f.rel_type, f.target) for f in rows.facts], sorted(rows.by_type())
([('SUED', 'Entity')], ['Organization'])
>>> rows.evidence[0]["properties"]["sentence"]
'Acme sued Globex.'
>>> [step.counts for step in write_plan(rows, "2024-05-01T12:00:00Z").write if step.counts]
['entities_added', 'claims_added', 'evidence_added']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from kg.model import Claim, ClaimKind, Document, Entity, EntityType, Evidence, Resolution, ResolutionKind, Span
from kg.store import cypher
from kg.store.base import Store
from kg.vocab import vocabulary

__all__ = [
    "DOCUMENT_PROPERTIES",
    "EVIDENCE_PROPERTIES",
    "RESOLUTION_PROPERTIES",
    "VAGUE",
    "FactRows",
    "GraphRows",
    "Step",
    "WritePlan",
    "chunks",
    "claim_row",
    "document_row",
    "entity_row",
    "evidence_row",
    "graph_rows",
    "resolution_row",
    "store_rows",
    "utc_now",
    "write_plan",
]

T = TypeVar("T")

#: The entity type that yields to any specific one.
VAGUE = EntityType.THING.value

#: Properties of a :Document node besides its id, with their types (as neo4j-admin import names them).
DOCUMENT_PROPERTIES = (
    ("text", "string"),
    ("source", "string"),
    ("language", "string"),
    ("title", "string"),
    ("url", "string"),
    ("publisher", "string"),
    ("author", "string"),
    ("published", "string"),
)

#: Properties of an :Evidence node besides its id, with their types.
EVIDENCE_PROPERTIES = (
    ("start", "long"),
    ("end", "long"),
    ("sentence", "string"),
    ("confidence", "double"),
    ("extractor", "string"),
    ("extractorVersion", "long"),
    ("extractedAt", "string"),
    ("subjectStart", "long"),
    ("subjectEnd", "long"),
    ("objectStart", "long"),
    ("objectEnd", "long"),
    ("contentStart", "long"),
    ("contentEnd", "long"),
    ("cueStart", "long"),
    ("cueEnd", "long"),
    ("mode", "string"),
    ("medium", "string"),
)

#: Properties of a :Resolution node besides its id (all text; ``entity``, ``target`` and ``document`` are ids).
RESOLUTION_PROPERTIES = (
    ("kind", "string"),
    ("entity", "string"),
    ("target", "string"),
    ("entityName", "string"),
    ("targetName", "string"),
    ("alias", "string"),
    ("document", "string"),
    ("agent", "string"),
    ("at", "string"),
)


@dataclass
class FactRows:
    """The direct relationships of one type to one kind of node: ``(:Entity)-[:SUED]->(:Entity)``."""

    rel_type: str
    target: str
    rows: list[dict[str, str]] = field(default_factory=list)


@dataclass
class GraphRows:
    """Everything one write puts into the graph, statement by statement."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    stub_documents: list[str] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    facts: list[FactRows] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    resolutions: list[dict[str, Any]] = field(default_factory=list)

    def by_type(self) -> dict[str, list[dict[str, Any]]]:
        """The entity rows by entity type."""
        out: dict[str, list[dict[str, Any]]] = {}
        for row in self.entities:
            out.setdefault(row["type"], []).append(row)
        return out

    def linked(self) -> list[str]:
        """The ids of the entities whose links to resolutions a write makes: its entities, and those its
        resolutions name."""
        named = {r["properties"][side] for r in self.resolutions for side in ("entity", "target")}
        return sorted({row["id"] for row in self.entities} | named)


def _present(pairs: Iterable[tuple[str, object]]) -> dict[str, Any]:
    # Neo4j holds no nulls: an absent value is an absent property.
    return {k: v for k, v in pairs if v is not None}


def document_row(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "properties": _present((k, getattr(doc, k)) for k, _t in DOCUMENT_PROPERTIES)}


def entity_row(entity: Entity) -> dict[str, Any]:
    return {"id": entity.id, "name": entity.name, "type": entity.type.value, "aliases": list(entity.aliases) or None}


def claim_row(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "kind": claim.kind.value,
        "predicate": claim.predicate,
        "subject": claim.subject.id,
        "object": claim.object.id if claim.object else None,
        "content": claim.content,
    }


def resolution_row(r: Resolution, when: str) -> dict[str, Any]:
    """One resolution; ``when`` stands in for a time the resolution does not carry."""
    values = {
        "kind": r.kind.value,
        "entity": r.entity,
        "target": r.target,
        "entityName": r.entity_name,
        "targetName": r.target_name,
        "alias": r.alias,
        "document": r.document,
        "agent": r.agent,
        "at": r.at or when,
    }
    return {"id": r.id, "properties": _present(values.items())}


def _span(prefix: str, span: Span | None) -> list[tuple[str, object]]:
    return [(f"{prefix}Start", span.start), (f"{prefix}End", span.end)] if span else []


def evidence_row(claim: Claim, ev: Evidence, when: str) -> dict[str, Any]:
    """One piece of evidence; ``when`` stands in for an extraction time the evidence does not carry."""
    properties = [
        ("start", ev.span.start),
        ("end", ev.span.end),
        ("sentence", ev.sentence),
        ("confidence", ev.confidence),
        ("extractor", ev.extractor.name),
        ("extractorVersion", ev.extractor.version),
        ("extractedAt", ev.extracted_at or when),
        *_span("subject", ev.subject_mention.span if ev.subject_mention else None),
        *_span("object", ev.object_mention.span if ev.object_mention else None),
        *_span("content", ev.content),
        *_span("cue", ev.cue.span if ev.cue else None),
        ("mode", ev.mode.value if ev.mode else None),
        ("medium", ev.medium or None),
    ]
    return {
        "id": claim.evidence_id(ev),
        "claim": claim.id,
        "document": ev.document,
        "addressee": ev.addressee.id if ev.addressee else None,
        "properties": _present(properties),
    }


def _fact_types(claim: Claim) -> list[str]:
    """The relationship types of a claim's fact: its predicate's, and its parent's ("wrote" is a way of saying),
    so that ``(:Person)-[:SAID]->()`` finds every quote, as ``?who kg:said ?what`` does in RDF."""
    vocab = vocabulary()
    predicate = vocab[claim.predicate]
    types = [predicate.cypher_type]
    if predicate.parent is not None:
        types.append(vocab[predicate.parent].cypher_type)
    return types


def _add_facts(facts: dict[tuple[str, str], FactRows], claim: Claim) -> None:
    quote = claim.kind is ClaimKind.QUOTE
    target_label, target = ("Claim", claim.id) if quote else ("Entity", claim.object.id if claim.object else "")
    for rel_type in _fact_types(claim):
        group = facts.setdefault((rel_type, target_label), FactRows(rel_type, target_label))
        group.rows.append({"subject": claim.subject.id, "target": target, "claim": claim.id})


def graph_rows(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    when: str,
    entities: Iterable[Entity] = (),
    resolutions: Iterable[Resolution] = (),
) -> GraphRows:
    """The rows that put ``documents``, ``claims`` (with their entities and evidence), ``entities`` and
    ``resolutions`` into the graph."""
    out = GraphRows(documents=[document_row(d) for d in documents])
    out.resolutions = [resolution_row(r, when) for r in resolutions]
    known: dict[str, Entity] = {e.id: e for e in entities}
    facts: dict[tuple[str, str], FactRows] = {}
    evidence: dict[str, dict[str, Any]] = {}
    seen: set[str] = set()
    for claim in claims:
        for entity in claim.entities():
            known.setdefault(entity.id, entity)
        if claim.id not in seen:
            seen.add(claim.id)
            out.claims.append(claim_row(claim))
            _add_facts(facts, claim)
        for ev in claim.evidence:
            evidence.setdefault(claim.evidence_id(ev), evidence_row(claim, ev, when))
    out.entities = [entity_row(e) for e in known.values()]
    out.facts = list(facts.values())
    out.evidence = list(evidence.values())
    written = {d.id for d in documents}
    out.stub_documents = sorted({row["document"] for row in out.evidence} - written)
    return out


@dataclass(frozen=True)
class Step:
    """One statement and the items it is sent with, as ``$rows`` or ``$ids``, a chunk at a time."""

    statement: str
    key: str
    items: Sequence[Any]
    params: dict[str, Any] = field(default_factory=dict)
    #: The WriteResult figure that the nodes this step creates count towards.
    counts: str | None = None


@dataclass(frozen=True)
class WritePlan:
    """A write in three parts: ``write`` in one transaction; then ``labels``, each statement on its own (see
    :mod:`kg.store.cypher`); then ``complete``, the completion marks, in a last transaction."""

    write: list[Step]
    labels: list[Step]
    complete: list[Step]


def store_rows(store: Store, when: str) -> GraphRows:
    """Everything ``store`` holds, whatever its backend, as rows; ``when`` marks the documents complete."""
    return graph_rows(
        list(store.documents()), list(store.claims()), when, entities=store.entities(), resolutions=store.resolutions()
    )


def write_plan(rows: GraphRows, when: str) -> WritePlan:
    """The statements that put ``rows`` into the graph, in the order they must run."""
    by_type, linked = rows.by_type(), rows.linked()
    write = [
        Step(cypher.DOCUMENTS, "rows", rows.documents),
        Step(cypher.STUB_DOCUMENTS, "ids", rows.stub_documents),
        Step(cypher.ENTITIES, "rows", rows.entities, {"vague": VAGUE}),
        *(Step(cypher.new_entities(t), "rows", group, counts="entities_added") for t, group in by_type.items()),
        Step(cypher.CLAIMS, "rows", rows.claims, counts="claims_added"),
        *(Step(cypher.fact(f.rel_type, f.target), "rows", f.rows) for f in rows.facts),
        Step(cypher.EVIDENCE, "rows", rows.evidence, counts="evidence_added"),
        Step(cypher.RESOLUTIONS, "rows", rows.resolutions),
        *(Step(statement, "ids", linked) for statement in cypher.LINK_RESOLUTIONS),
        Step(cypher.POSSIBLY_SAME_AS, "ids", linked, {"kind": ResolutionKind.AMBIGUOUS.value}),
    ]
    labels = [
        Step(cypher.relabel(VAGUE, t), "ids", [row["id"] for row in group], {"type": t})
        for t, group in by_type.items()
        if t != VAGUE
    ]
    complete = [Step(cypher.COMPLETE, "ids", [row["id"] for row in rows.documents], {"when": when})]
    return WritePlan(write, labels, complete)


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``, as statements take them.

    >>> [list(c) for c in chunks([1, 2, 3], 2)]
    [[1, 2], [3]]
    """
    for start in range(0, len(items), size):
        yield items[start : start + size]


def utc_now() -> str:
    """The time now, as the graph records times: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
