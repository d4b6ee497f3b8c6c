"""The model as RDF: documents, entities, claims and evidence as N-Triples lines, in the vocabulary of
``schemas/kg.ttl`` (PROV-O, schema.org, Web Annotation, and ``kg:``).

Lines are written as text because the embedded store parses N-Triples far faster than it accepts Python term
objects. Every literal goes through :func:`literal`, which escapes it, so no text from an article can break
out of its quotes; every IRI is a fixed namespace plus a key that cannot hold a character an IRI forbids (hex
digests, name slugs of ``[a-z0-9-]``, percent-encoded extractor names), so the store need not validate them.

This is the hot path of a bulk load (a million claims are some twelve million lines), so the lines of one
piece of evidence are built in one function from pre-computed terms rather than through a helper per line.

>>> literal('say "hi"\\n')
'"say \\\\"hi\\\\"\\\\n"'
>>> from kg.model import Entity, EntityType
>>> print(entity_lines(Entity.named("Acme", EntityType.ORGANIZATION))[2])
<https://w3id.org/kg/id/entity/acme-...> <https://schema.org/name> "Acme" .
"""

from __future__ import annotations

import hashlib
from functools import cache
from urllib.parse import quote

from kg.model import Claim, ClaimKind, Document, Entity, Evidence, ExtractorInfo
from kg.vocab import BASE, ENTITY_CLASSES, KG, OA, PROV, RDF, RDFS, SCHEMA, XSD, vocabulary

__all__ = [
    "activity_iri",
    "activity_lines",
    "agent_lines",
    "alias_lines",
    "claim_lines",
    "completion_line",
    "document_lines",
    "entity_lines",
    "evidence_block",
    "evidence_lines",
    "literal",
    "spans_json",
]

_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"))

_TYPE = f"<{RDF}type>"
_INTEGER = f"^^<{XSD}integer>"
_DECIMAL = f"^^<{XSD}decimal>"
_SUBJECT, _PREDICATE, _OBJECT = f"<{RDF}subject>", f"<{RDF}predicate>", f"<{RDF}object>"
_SUPPORTS, _GENERATED = f"<{KG}supports>", f"<{PROV}wasGeneratedBy>"
_START, _END, _EXACT, _CONFIDENCE = f"<{OA}start>", f"<{OA}end>", f"<{OA}exact>", f"<{KG}confidence>"
_SPANS, _JSON = f"<{KG}spans>", f"^^<{RDF}JSON>"
_MODE, _ADDRESSEE, _MEDIUM = f"<{KG}mode>", f"<{KG}addressee>", f"<{KG}medium>"


def literal(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    """An N-Triples literal; the value is escaped, so any text is safe inside it."""
    # Four scans for a character that needs escaping cost less than one str.translate; most values have none.
    for char, escaped in _ESCAPES:
        if char in value:
            value = value.replace(char, escaped)
    body = '"' + value + '"'
    if lang:
        return f"{body}@{lang}"
    return f"{body}^^<{datatype}>" if datatype else body


def _int(value: int) -> str:
    return f'"{value}"{_INTEGER}'


def _decimal(value: float) -> str:
    """The canonical xsd:decimal form (as stores normalise it): 0.9, not 0.900."""
    text = f"{value:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _ref(kind: str, key: str) -> str:
    return f"<{BASE}{kind}/{key}>"


def _line(s: str, p: str, o: str) -> str:
    return f"{s} <{p}> {o} ."


@cache
def agent_iri(extractor: ExtractorInfo) -> str:
    # Extractor names come from plug-in code, not from a digest: percent-encode anything unusual.
    return _ref("agent", quote(f"{extractor.name}-v{extractor.version}", safe="._-~"))


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


def agent_lines(extractor: ExtractorInfo) -> list[str]:
    """The extractor as a PROV software agent; one per name and version, however many documents it read."""
    agent = agent_iri(extractor)
    return [
        _line(agent, RDF + "type", f"<{PROV}SoftwareAgent>"),
        _line(agent, RDFS + "label", literal(str(extractor))),
        _line(agent, KG + "extractorName", literal(extractor.name)),
        _line(agent, KG + "extractorVersion", _int(extractor.version)),
    ]


def activity_lines(document: str, extractor: ExtractorInfo, when: str, with_agent: bool = True) -> list[str]:
    """The extraction of ``document`` by ``extractor`` at ``when``, and (``with_agent``) the extractor itself."""
    act = activity_iri(document, extractor)
    lines = [
        _line(act, RDF + "type", f"<{KG}ExtractionActivity>"),
        _line(act, PROV + "used", _ref("doc", document)),
        _line(act, PROV + "wasAssociatedWith", agent_iri(extractor)),
        _line(act, PROV + "startedAtTime", literal(when, XSD + "dateTime")),
    ]
    return lines + agent_lines(extractor) if with_agent else lines


def entity_lines(entity: Entity, with_type: bool = True) -> list[str]:
    e = _ref("entity", entity.id)
    lines = [_line(e, RDF + "type", f"<{KG}Entity>")]
    if with_type:
        lines.append(_line(e, RDF + "type", f"<{ENTITY_CLASSES[entity.type]}>"))
    lines.append(_line(e, SCHEMA + "name", literal(entity.name)))
    return lines + alias_lines(entity)


def alias_lines(entity: Entity) -> list[str]:
    """The other names ``entity`` goes by: all that is written again for an entity the store holds."""
    e = _ref("entity", entity.id)
    return [_line(e, KG + "alias", literal(alias)) for alias in entity.aliases]


def claim_lines(claim: Claim) -> list[str]:
    """The plain triple and the claim node (an rdf:Statement about it)."""
    c, s, p = _ref("claim", claim.id), _ref("entity", claim.subject.id), f"<{KG}{claim.predicate}>"
    if claim.kind is ClaimKind.QUOTE:
        assert claim.content is not None
        o = literal(claim.content)
    else:
        assert claim.object is not None
        o = _ref("entity", claim.object.id)
    lines = [f"{s} {p} {o} .", f"{c} {_SUBJECT} {s} .", f"{c} {_PREDICATE} {p} .", f"{c} {_OBJECT} {o} ."]
    parent = vocabulary()[claim.predicate].parent
    if parent is not None:
        # "wrote" is a way of saying: `?who kg:said ?what` finds it without inference.
        lines.append(f"{s} <{KG}{parent}> {o} .")
    return lines


def spans_json(ev: Evidence) -> str | None:
    """Where the parts of the claim stand, as canonical JSON (keys sorted, no spaces), or None if nowhere.

    >>> from kg.model import Mention, Span
    >>> spans_json(Evidence("d", "s", Span(0, 9), "Acme sued", ExtractorInfo("x", 1), 0.5,
    ...                     subject_mention=Mention(Span(0, 4), "Acme")))
    '{"subject":[0,4]}'
    """
    parts = []
    if ev.content is not None:
        parts.append(f'"content":[{ev.content.start},{ev.content.end}]')
    if ev.cue is not None:
        parts.append(f'"cue":[{ev.cue.span.start},{ev.cue.span.end}]')
    if ev.object_mention is not None:
        parts.append(f'"object":[{ev.object_mention.span.start},{ev.object_mention.span.end}]')
    if ev.subject_mention is not None:
        parts.append(f'"subject":[{ev.subject_mention.span.start},{ev.subject_mention.span.end}]')
    return "{" + ",".join(parts) + "}" if parts else None


def evidence_block(claim: Claim, ev: Evidence, evidence_id: str | None = None, activity: str | None = None) -> str:
    """The lines of :func:`evidence_lines` as one text; ``evidence_id`` and ``activity`` may be passed when the
    caller has computed them already."""
    e = _ref("evidence", evidence_id or claim.evidence_id(ev))
    act = activity or activity_iri(ev.document, ev.extractor)
    block = (
        f"{e} {_SUPPORTS} <{BASE}claim/{claim.id}> .\n"
        f"{e} {_GENERATED} {act} .\n"
        f'{e} {_START} "{ev.span.start}"{_INTEGER} .\n'
        f'{e} {_END} "{ev.span.end}"{_INTEGER} .\n'
        f"{e} {_EXACT} {literal(ev.sentence)} .\n"
        f'{e} {_CONFIDENCE} "{_decimal(ev.confidence)}"{_DECIMAL} .'
    )
    spans = spans_json(ev)
    if spans is not None:
        # Digits, brackets, commas and quotes: escaping the quotes is all a literal needs.
        escaped = spans.replace('"', '\\"')
        block += f'\n{e} {_SPANS} "{escaped}"{_JSON} .'
    if ev.mode is not None:
        block += f'\n{e} {_MODE} "{ev.mode.value}" .'
    if ev.addressee is not None:
        block += f"\n{e} {_ADDRESSEE} {_ref('entity', ev.addressee.id)} ."
    if ev.medium:
        block += f"\n{e} {_MEDIUM} {literal(ev.medium)} ."
    return block


def evidence_lines(claim: Claim, ev: Evidence) -> list[str]:
    """One piece of evidence: what it supports, the activity that found it (document, extractor, time), where
    it stands and the sentence there, how sure, and where the subject, object, quoted content and cue stand."""
    return evidence_block(claim, ev).split("\n")
