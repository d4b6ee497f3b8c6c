"""The extraction contract: each claim with one piece of evidence as one JSON object, as DESIGN.md and
``schemas/claim.schema.json`` (normative) define it. Evaluation reads exactly this.

>>> from kg.model import Document, Entity, EntityType, ExtractorInfo, Span
>>> doc = Document.create("Acme sued Globex.", "a.txt", language="en")
>>> ev = Evidence.at(doc, Span(0, 17), ExtractorInfo("kg.example", 1), 0.9)
>>> claim = Claim.relation(Entity.named("Acme", EntityType.ORGANIZATION), "sued",
...                        Entity.named("Globex", EntityType.ORGANIZATION), (ev,))
>>> [record] = claim_records(claim)
>>> record["predicate"], record["object"]["name"], record["evidence"]["sentence"]
('sued', 'Globex', 'Acme sued Globex.')
>>> validate_record(record)
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

from kg.model import Claim, ClaimKind, Entity, Evidence, Mention
from kg.vocab import schema_file

__all__ = ["claim_records", "evidence_fields", "json_line", "validate_record"]


def _mention(m: Mention | None) -> dict[str, Any] | None:
    return None if m is None else {"start": m.span.start, "end": m.span.end, "text": m.text}


def _entity(e: Entity, mention: Mention | None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "name": e.name, "type": e.type.value}
    if e.aliases:
        out["aliases"] = list(e.aliases)
    if mention is not None:
        out["mention"] = _mention(mention)
    return out


def _quote(claim: Claim, ev: Evidence) -> dict[str, Any]:
    assert ev.content is not None and claim.content is not None
    out: dict[str, Any] = {
        "start": ev.content.start,
        "end": ev.content.end,
        "text": claim.content,
        "mode": ev.mode.value if ev.mode else "direct",
    }
    if ev.cue is not None:
        out["cue"] = _mention(ev.cue)
    if ev.addressee is not None:
        out["addressee"] = _entity(ev.addressee, None)
    if ev.medium:
        out["medium"] = ev.medium
    return out


def evidence_fields(claim: Claim, ev: Evidence) -> dict[str, Any]:
    """Where one piece of evidence stands: its id, document, span, sentence and text-quote selector."""
    return {
        "id": claim.evidence_id(ev),
        "source": ev.source,
        "document": ev.document,
        "start": ev.span.start,
        "end": ev.span.end,
        "sentence": ev.sentence,
        "prefix": ev.prefix,
        "suffix": ev.suffix,
    }


def claim_records(claim: Claim) -> Iterator[dict[str, Any]]:
    """One contract record per piece of evidence of ``claim``."""
    for ev in claim.evidence:
        record: dict[str, Any] = {
            "id": claim.id,
            "type": claim.kind.value,
            "predicate": claim.predicate,
            "subject": _entity(claim.subject, ev.subject_mention),
        }
        if claim.kind is ClaimKind.QUOTE:
            record["quote"] = _quote(claim, ev)
        else:
            assert claim.object is not None
            record["object"] = _entity(claim.object, ev.object_mention)
        record["evidence"] = evidence_fields(claim, ev)
        record["confidence"] = ev.confidence
        record["extractor"] = str(ev.extractor)
        yield record


#: Characters that some readers take for line breaks although JSON Lines does not: written escaped, so that
#: every record is one line for any reader (Python's ``str.splitlines`` among them).
_LINE_BREAKS = (("\x85", "\\u0085"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def json_line(record: dict[str, Any]) -> str:
    """``record`` as one line of JSON Lines, non-ASCII text kept readable.

    >>> json_line({"text": "a\u2028b"}).splitlines()
    ['{"text": "a\\\\u2028b"}']
    """
    line = json.dumps(record, ensure_ascii=False)
    for mark, escaped in _LINE_BREAKS:  # str.replace, not str.translate: translate looks up every character
        line = line.replace(mark, escaped)
    return line


@cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(schema_file("claim.schema.json"))
    return jsonschema.Draft202012Validator(schema)


def validate_record(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``record`` breaks the contract."""
    _validator().validate(record)
