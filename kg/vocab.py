"""Namespaces, identifiers as IRIs, and the predicate vocabulary read from ``schemas/kg.ttl``.

>>> vocabulary()["sued"].label("de"), vocabulary()["sued"].cypher_type
('verklagte', 'SUED')
>>> vocabulary()["wrote"].is_quote, vocabulary()["wrote"].parent
(True, 'said')
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from kg.errors import ConfigError
from kg.model import EntityType

__all__ = [
    "BASE",
    "ENTITY_CLASSES",
    "KG",
    "OA",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "XSD",
    "Predicate",
    "iri",
    "schema_file",
    "vocabulary",
]

KG = "https://w3id.org/kg/ns#"
BASE = "https://w3id.org/kg/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"

#: The RDF class of each entity type; every entity is also a kg:Entity.
ENTITY_CLASSES: dict[EntityType, str] = {
    EntityType.PERSON: SCHEMA + "Person",
    EntityType.ORGANIZATION: SCHEMA + "Organization",
    EntityType.PRODUCT: SCHEMA + "Product",
    EntityType.PLATFORM: KG + "Platform",
    EntityType.PLACE: SCHEMA + "Place",
    EntityType.UNNAMED_GROUP: KG + "UnnamedGroup",
    EntityType.THING: SCHEMA + "Thing",
}


def iri(kind: str, key: str) -> str:
    """The IRI of a kg resource: ``iri("entity", "elon-musk-1a2b")``."""
    return f"{BASE}{kind}/{key}"


def schema_file(name: str) -> str:
    """The text of a file in ``schemas/`` (installed as the package ``kg.schemas``)."""
    return resources.files("kg.schemas").joinpath(name).read_text("utf-8")


@dataclass(frozen=True)
class Predicate:
    name: str
    is_quote: bool
    labels: dict[str, str]
    cypher_type: str
    parent: str | None = None
    #: The type a relation implies for its subject / object (rdfs:domain / rdfs:range), if any.
    domain: EntityType | None = None
    range: EntityType | None = None
    #: Every type the subject / object may have (the implied one included); an unknown type always may.
    subject_types: frozenset[EntityType] = frozenset()
    object_types: frozenset[EntityType] = frozenset()

    @property
    def iri(self) -> str:
        return KG + self.name

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.name

    def admits(self, subject: EntityType, object: EntityType) -> bool:
        """Whether entities of these types can stand in this relation (an unknown type always can).

        >>> vocabulary()["works_for"].admits(EntityType.PERSON, EntityType.PLACE)
        False
        """
        return _fits(subject, self.subject_types) and _fits(object, self.object_types)


def _fits(kind: EntityType, allowed: frozenset[EntityType]) -> bool:
    return not allowed or kind is EntityType.THING or kind in allowed


_CLASS_TYPES = {cls: t for t, cls in ENTITY_CLASSES.items()}


def _types(values: list[object]) -> list[EntityType]:
    return [_CLASS_TYPES[v.value] for v in values if getattr(v, "value", None) in _CLASS_TYPES]  # type: ignore[attr-defined]


@cache
def vocabulary() -> dict[str, Predicate]:
    """Every predicate of ``schemas/kg.ttl`` by name (``said``, ``sued``, ...)."""
    import pyoxigraph as ox

    graph = list(ox.parse(schema_file("kg.ttl"), format=ox.RdfFormat.TURTLE))
    kinds = {KG + "QuotePredicate": True, KG + "RelationPredicate": False}
    by_subject: dict[str, dict[str, list[ox.Literal | ox.NamedNode]]] = {}
    for t in graph:
        if isinstance(t.subject, ox.NamedNode) and t.subject.value.startswith(KG):
            by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    out: dict[str, Predicate] = {}
    for subject, props in by_subject.items():
        types = [o.value for o in props.get(RDF + "type", [])]
        kind = next((kinds[t] for t in types if t in kinds), None)
        if kind is None:
            continue
        name = subject[len(KG) :]
        labels = {o.language or "en": o.value for o in props.get(RDFS + "label", []) if isinstance(o, ox.Literal)}
        cypher = [o.value for o in props.get(KG + "cypherType", [])]
        parents = [o.value[len(KG) :] for o in props.get(RDFS + "subPropertyOf", [])]
        if len(cypher) != 1:
            raise ConfigError(f"schemas/kg.ttl: {name} needs exactly one kg:cypherType")
        out[name] = _predicate(name, kind, labels, cypher[0], parents, props)
    return out


def _predicate(
    name: str, kind: bool, labels: dict[str, str], cypher: str, parents: list[str], props: dict[str, list[Any]]
) -> Predicate:
    domain = next(iter(_types(props.get(RDFS + "domain", []))), None)
    range_ = next(iter(_types(props.get(RDFS + "range", []))), None)
    subjects = {*_types(props.get(KG + "subjectClass", [])), *([domain] if domain else [])}
    objects = {*_types(props.get(KG + "objectClass", [])), *([range_] if range_ else [])}
    return Predicate(
        name,
        kind,
        labels,
        cypher,
        parents[0] if parents else None,
        domain,
        range_,
        frozenset(subjects),
        frozenset(objects),
    )
