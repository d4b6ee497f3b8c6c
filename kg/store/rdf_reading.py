"""RDF back to the model: rows of the embedded store's answers as Documents, Entities and Claims.

The inverse of :mod:`kg.store.rdf_mapping`. Selector context (prefix, suffix) is not stored: it is cut again
from the document's text, which the store keeps and which never changes under a document id.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from typing import Any

from kg.errors import StoreError
from kg.model import (
    SELECTOR_CONTEXT,
    Claim,
    ClaimKind,
    Document,
    Entity,
    EntityType,
    Evidence,
    ExtractorInfo,
    Mention,
    QuoteMode,
    Span,
)
from kg.vocab import BASE, ENTITY_CLASSES, KG, vocabulary

__all__ = ["claims_from_rows", "document_from_row", "entity_from_row", "key_of", "spans_of"]

_CLASS_TYPES = {cls: t for t, cls in ENTITY_CLASSES.items()}


def key_of(resource: str, kind: str) -> str:
    """The id inside a kg IRI: ``key_of(".../id/entity/acme-1f", "entity") == "acme-1f"``."""
    prefix = f"{BASE}{kind}/"
    if not resource.startswith(prefix):
        raise ValueError(f"not a kg {kind}: {resource}")
    return resource[len(prefix) :]


def document_from_row(row: Mapping[str, Any]) -> Document:
    fields = ("title", "url", "publisher", "author", "published")
    return Document(
        id=row["id"],
        text=row["text"],
        source=row["source"],
        language=row["language"],
        **{f: row.get(f) for f in fields},
    )


def entity_from_row(row: Mapping[str, Any]) -> Entity:
    classes = str(row.get("classes") or "").split()
    types = [_CLASS_TYPES[c] for c in classes if c in _CLASS_TYPES]
    strong = [t for t in types if t is not EntityType.THING]
    aliases = tuple(a for a in str(row.get("aliases") or "").split("\x1f") if a)
    return Entity(
        key_of(row["e"], "entity"), row["name"], (strong or types or [EntityType.THING])[0], tuple(sorted(aliases))
    )


def spans_of(value: str | None) -> dict[str, Span]:
    """The parts of a claim and where they stand, from the JSON of ``kg:spans``.

    >>> spans_of('{"cue":[104,109],"subject":[120,131]}')
    {'cue': Span(start=104, end=109), 'subject': Span(start=120, end=131)}
    """
    if not value:
        return {}
    try:
        found = json.loads(value)
        return {str(name): Span(int(start), int(end)) for name, (start, end) in found.items()}
    except (ValueError, TypeError, AttributeError) as exc:
        raise StoreError(f"unreadable kg:spans {value[:80]!r}: {exc}") from None


def _mention(spans: Mapping[str, Span], name: str, text: str) -> Mention | None:
    span = spans.get(name)
    return Mention(span, span.of(text)) if span else None


def _evidence(row: Mapping[str, Any], docs: Mapping[str, Document], entities: Mapping[str, Entity]) -> Evidence:
    doc = docs[key_of(row["doc"], "doc")]
    span = Span(int(row["start"]), int(row["end"]))
    spans = spans_of(row.get("spans"))
    addressee = row.get("addressee")
    return Evidence(
        document=doc.id,
        source=doc.source,
        span=span,
        sentence=row["exact"],
        prefix=doc.text[max(0, span.start - SELECTOR_CONTEXT) : span.start],
        suffix=doc.text[span.end : span.end + SELECTOR_CONTEXT],
        extractor=ExtractorInfo(row["agent"], int(row["version"])),
        confidence=float(row["confidence"]),
        subject_mention=_mention(spans, "subject", doc.text),
        object_mention=_mention(spans, "object", doc.text),
        content=spans.get("content"),
        cue=_mention(spans, "cue", doc.text),
        mode=QuoteMode(row["mode"]) if row.get("mode") else None,
        addressee=entities.get(key_of(addressee, "entity")) if addressee else None,
        medium=row.get("medium"),
        extracted_at=row.get("time"),
    )


def claims_from_rows(
    rows: Iterable[Mapping[str, Any]], docs: Mapping[str, Document], entities: Mapping[str, Entity]
) -> Iterator[Claim]:
    """Claims from evidence rows sorted by claim, each claim with all of its evidence."""
    for _claim, group in groupby(rows, key=lambda r: r["c"]):
        members = list(group)
        first = members[0]
        predicate = first["p"][len(KG) :]
        subject = entities[key_of(first["s"], "entity")]
        evidence = tuple(_evidence(r, docs, entities) for r in members)
        if vocabulary()[predicate].is_quote:
            yield Claim(ClaimKind.QUOTE, subject, predicate, content=first["o"], evidence=evidence)
        else:
            yield Claim(
                ClaimKind.RELATION, subject, predicate, object=entities[key_of(first["o"], "entity")], evidence=evidence
            )
