"""The model as RDF: documents, entities, claims and evidence as N-Triples lines, in the vocabulary of
``schemas/kg.ttl`` (PROV-O, schema.org, Web Annotation, and ``kg:``).

Lines are written as text because the embedded store parses N-Triples far faster than it accepts Python term
objects; every literal goes through :func:`literal`, which escapes it, so no text from an article can break
out of its quotes.

>>> literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> from kg.model import Entity, EntityType
>>> print(entity_lines(Entity.named("Acme", EntityType.ORGANIZATION))[2])
<https://w3id.org/kg/id/entity/acme-...> <https://schema.org/name> "Acme" .
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from kg.model import Claim, ClaimKind, Document, Entity, Evidence, ExtractorInfo, Span
from kg.vocab import ENTITY_CLASSES, KG, OA, PROV, RDF, RDFS, SCHEMA, XSD, iri, vocabulary

__all__ = [
    "activity_iri",
    "claim_lines",
    "completion_line",
    "document_lines",
    "entity_lines",
    "evidence_lines",
    "literal",
]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})

_TYPE = f"<{RDF}type>"


def literal(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """An N-Triples literal; the value is escaped, so any text is safe inside it."""
    body = '"' + value.translate(_ESCAPES) + '"'
    if lang:
        return f"{body}@{lang}"
    return f"{body}^^<{datatype}>" if datatype else body


def _int(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def _decimal(value: float) -> str:
    """The canonical xsd:decimal form (as stores normalise it): 0.9, not 0.900."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _ref(kind: str, key: str) -> str:
    return f"<{iri(kind, key)}>"


def _line(s: str, p: str, o: str) -> str:
    return f"{s} <{p}> {o} ."


def agent_iri(extractor: ExtractorInfo) -> str:
    # A plug-in's extractor name may hold any character; quoted, it is always a valid IRI.
    return _ref("agent", quote(f"{extractor.name}-v{extractor.version}", safe=""))


def activity_iri(document: str, extractor: ExtractorInfo) -> str:
    """One extraction activity per document and extractor version: it used the document, it generated the
    evidence; so each evidence needs one link for its document, extractor and time."""
    return _ref("activity", hashlib.sha256(f"{document}\x1f{extractor}".encode()).hexdigest()[:32])


def document_lines(doc: Document) -> list[str]:
    """The article: text, origin and metadata. The completion mark is separate (:func:`completion_line`)."""
    d = _ref("doc", doc.id)
    lines = [
        _line(d, RDF + "type", f"<{SCHEMA}NewsArticle>"),
        _line(d, SCHEMA + "identifier", literal(doc.id)),
        _line(d, SCHEMA + "text", literal(doc.text)),
        _line(d, KG + "source", literal(doc.source)),
        _line(d, SCHEMA + "inLanguage", literal(doc.language)),
    ]
    optional = (
        ("headline", doc.title, None),
        ("url", doc.url, XSD + "anyURI"),
        ("publisher", doc.publisher, None),
        ("author", doc.author, None),
        ("datePublished", doc.published, None),
    )
    lines += [_line(d, SCHEMA + key, literal(value, dtype)) for key, value, dtype in optional if value]
    return lines


def completion_line(doc: Document, when: str) -> str:
    """Written after everything else of a document: its absence marks an interrupted ingestion."""
    return _line(_ref("doc", doc.id), KG + "ingestedAt", literal(when, XSD + "dateTime"))


def activity_lines(document: str, extractor: ExtractorInfo, when: str) -> list[str]:
    act, agent = activity_iri(document, extractor), agent_iri(extractor)
    return [
        _line(act, RDF + "type", f"<{KG}ExtractionActivity>"),
        _line(act, PROV + "used", _ref("doc", document)),
        _line(act, PROV + "wasAssociatedWith", agent),
        _line(act, PROV + "startedAtTime", literal(when, XSD + "dateTime")),
        _line(agent, RDF + "type", f"<{PROV}SoftwareAgent>"),
        _line(agent, RDFS + "label", literal(str(extractor))),
        _line(agent, KG + "extractorName", literal(extractor.name)),
        _line(agent, KG + "extractorVersion", _int(extractor.version)),
    ]


def entity_lines(entity: Entity, with_type: bool = True) -> list[str]:
    e = _ref("entity", entity.id)
    lines = [_line(e, RDF + "type", f"<{KG}Entity>")]
    if with_type:
        lines.append(_line(e, RDF + "type", f"<{ENTITY_CLASSES[entity.type]}>"))
    lines.append(_line(e, SCHEMA + "name", literal(entity.name)))
    lines += [_line(e, KG + "alias", literal(alias)) for alias in entity.aliases]
    return lines


def claim_lines(claim: Claim) -> list[str]:
    """The plain triple and the claim node (an rdf:Statement about it)."""
    c, s, p = _ref("claim", claim.id), _ref("entity", claim.subject.id), f"<{KG}{claim.predicate}>"
    if claim.kind is ClaimKind.QUOTE:
        assert claim.content is not None
        o = literal(claim.content)
    else:
        assert claim.object is not None
        o = _ref("entity", claim.object.id)
    lines = [
        f"{s} {p} {o} .",
        _line(c, RDF + "subject", s),
        _line(c, RDF + "predicate", p),
        _line(c, RDF + "object", o),
    ]
    parent = vocabulary()[claim.predicate].parent
    if parent is not None:
        # "wrote" is a way of saying: `?who kg:said ?what` finds it without inference.
        lines.append(f"{s} <{KG}{parent}> {o} .")
    return lines


def _span_lines(e: str, prefix: str, span: Span | None) -> list[str]:
    if span is None:
        return []
    return [_line(e, f"{KG}{prefix}Start", _int(span.start)), _line(e, f"{KG}{prefix}End", _int(span.end))]


def evidence_lines(claim: Claim, ev: Evidence) -> list[str]:
    """One piece of evidence: what it supports, the activity that found it, where it stands, how sure."""
    e = _ref("evidence", claim.evidence_id(ev))
    lines = [
        _line(e, KG + "supports", _ref("claim", claim.id)),
        _line(e, PROV + "wasGeneratedBy", activity_iri(ev.document, ev.extractor)),
        _line(e, OA + "start", _int(ev.span.start)),
        _line(e, OA + "end", _int(ev.span.end)),
        _line(e, OA + "exact", literal(ev.sentence)),
        _line(e, KG + "confidence", literal(_decimal(ev.confidence), XSD + "decimal")),
    ]
    lines += _span_lines(e, "subject", ev.subject_mention.span if ev.subject_mention else None)
    lines += _span_lines(e, "object", ev.object_mention.span if ev.object_mention else None)
    lines += _span_lines(e, "content", ev.content)
    lines += _span_lines(e, "cue", ev.cue.span if ev.cue else None)
    if ev.mode is not None:
        lines.append(_line(e, KG + "mode", literal(ev.mode.value)))
    if ev.addressee is not None:
        lines.append(_line(e, KG + "addressee", _ref("entity", ev.addressee.id)))
    if ev.medium:
        lines.append(_line(e, KG + "medium", literal(ev.medium)))
    return lines
